//! Valuation reports: an object's characteristics and value history beside comparable objects
//! (same use, value within a band, nearest first within a radius), so a resident can see why
//! the value is what it is.

use chrono::NaiveDate;
use loket_kernel::{Action, Actor, Ctx, input};
use loket_store::Session;
use sea_orm::{
    ColumnTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, Statement,
};

use loket_migration::LON_SCALE;

use super::{Registry, access::tenant_of, records::AddressRecord};
use crate::{
    RegistryError,
    entity::{address, person, valuation_object, valuation_value},
};

const OBJECT: &str = "valuation/report";
const METRES_PER_DEGREE: f64 = 111_320.0;

/// A valuation object's characteristics.
#[derive(Debug, Clone, PartialEq)]
pub struct ValuationObject {
    /// WOZ object number.
    pub id: String,
    /// `dwelling` or `non-dwelling`.
    pub usage: String,
    /// Floor area, m².
    pub floor_area: i32,
    /// Plot area, m².
    pub plot_area: i32,
    /// Build year.
    pub build_year: i32,
    /// Latest value in euros.
    pub latest_value: i64,
    /// Its reference date.
    pub reference_date: NaiveDate,
    /// The address.
    pub address: Option<AddressRecord>,
    /// Distance from the reported object, metres (0 for the object itself).
    pub distance_m: f64,
}

/// A valuation report.
#[derive(Debug, Clone, PartialEq)]
pub struct ValuationReport {
    /// The object.
    pub object: ValuationObject,
    /// Its values, oldest first.
    pub history: Vec<(NaiveDate, i64)>,
    /// Comparable objects, nearest first.
    pub comparables: Vec<ValuationObject>,
    /// The value band used, percent.
    pub band_percent: u32,
    /// The radius used, metres.
    pub radius_m: u32,
}

/// Distance in metres between two WGS84 points (equirectangular; exact enough within a town).
fn distance(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let x = (lon2 - lon1).to_radians() * ((lat1 + lat2) / 2.0).to_radians().cos();
    let y = (lat2 - lat1).to_radians();
    (x * x + y * y).sqrt() * 6_371_000.0
}

/// The comparables query. On PostgreSQL the GiST index on the (scaled) position is walked in
/// distance order within the radius's box, stopping at `limit` matches; elsewhere a B-tree
/// range on use and coordinates feeds a sort. Public so the plan can be shown in tests and
/// benchmarks.
pub fn comparables_statement(
    backend: DbBackend,
    object: &ValuationObject,
    lat: f64,
    lon: f64,
    band_percent: u32,
    radius_m: u32,
    limit: u32,
) -> Statement {
    let dlat = f64::from(radius_m) / METRES_PER_DEGREE;
    let cos = lat.to_radians().cos().max(0.01);
    let dlon = dlat / cos;
    let band = f64::from(band_percent) / 100.0;
    let low = (object.latest_value as f64 * (1.0 - band)).floor() as i64;
    let high = (object.latest_value as f64 * (1.0 + band)).ceil() as i64;
    const COLUMNS: &str = "id, address_id, usage, floor_area, plot_area, build_year, lat, lon, \
                           latest_value, latest_reference_date";
    if backend == DbBackend::Postgres {
        let x = |lon: f64| lon * LON_SCALE;
        let sql = format!(
            "SELECT {COLUMNS} FROM valuation_objects \
             WHERE usage = $1 AND latest_value BETWEEN $2 AND $3 AND id <> $4 \
               AND point(lon * {LON_SCALE}, lat) <@ box(point($5, $6), point($7, $8)) \
             ORDER BY point(lon * {LON_SCALE}, lat) <-> point($9, $10) \
             LIMIT $11"
        );
        return Statement::from_sql_and_values(
            backend,
            sql,
            [
                object.usage.clone().into(),
                low.into(),
                high.into(),
                object.id.clone().into(),
                x(lon - dlon).into(),
                (lat - dlat).into(),
                x(lon + dlon).into(),
                (lat + dlat).into(),
                x(lon).into(),
                lat.into(),
                i64::from(limit).into(),
            ],
        );
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM valuation_objects \
         WHERE usage = ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? \
           AND latest_value BETWEEN ? AND ? AND id <> ? \
         ORDER BY (lat - ?) * (lat - ?) + (lon - ?) * (lon - ?) * ? \
         LIMIT ?"
    );
    Statement::from_sql_and_values(
        backend,
        sql,
        [
            object.usage.clone().into(),
            (lat - dlat).into(),
            (lat + dlat).into(),
            (lon - dlon).into(),
            (lon + dlon).into(),
            low.into(),
            high.into(),
            object.id.clone().into(),
            lat.into(),
            lat.into(),
            lon.into(),
            lon.into(),
            (cos * cos).into(),
            i64::from(limit).into(),
        ],
    )
}

impl Registry {
    /// The report for `object_id`, or for a citizen without one, for the dwelling at their
    /// own address.
    pub async fn valuation_report(
        &self,
        ctx: &Ctx,
        session: &Session,
        object_id: Option<&str>,
    ) -> Result<ValuationReport, RegistryError> {
        if !ctx.can(OBJECT, Action::Read) {
            return Err(RegistryError::Forbidden(OBJECT.to_owned()));
        }
        let object_id = match object_id {
            Some(id) => Some(input::required_line("objectId", id, 40)?),
            None => None,
        };
        let object_id = object_id.as_deref();
        let tx = session.shared().await?;
        let object = match (ctx.actor(), object_id) {
            (Actor::Citizen { bsn, .. }, id) => {
                let own = person::Entity::find_by_id(bsn.as_str())
                    .one(tx.conn())
                    .await?
                    .and_then(|p| p.address_id)
                    .ok_or(RegistryError::NotFound)?;
                let mut query = valuation_object::Entity::find()
                    .filter(valuation_object::Column::AddressId.eq(own));
                query = match id {
                    Some(id) => query.filter(valuation_object::Column::Id.eq(id)),
                    None => query.order_by_asc(valuation_object::Column::Usage),
                };
                query.one(tx.conn()).await?
            }
            (_, Some(id)) => {
                valuation_object::Entity::find_by_id(id)
                    .one(tx.conn())
                    .await?
            }
            (_, None) => return Err(RegistryError::bad("objectId", "name the valuation object")),
        }
        .ok_or(RegistryError::NotFound)?;
        let address = address::Entity::find_by_id(object.address_id.as_str())
            .one(tx.conn())
            .await?;
        if ctx.actor().bsn().is_none() {
            let home = address
                .as_ref()
                .and_then(|a| tenant_of(&self.tenants, &a.municipality_code));
            if home.as_ref() != Some(ctx.tenant()) {
                return Err(RegistryError::NotFound);
            }
        }
        let settings = self
            .tenants
            .get(ctx.tenant())
            .map(|t| t.valuation.clone())
            .unwrap_or_default();
        let history = valuation_value::Entity::find()
            .filter(valuation_value::Column::ObjectId.eq(object.id.as_str()))
            .order_by_asc(valuation_value::Column::ReferenceDate)
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|v| (v.reference_date, v.value))
            .collect();
        let (lat, lon) = (object.lat, object.lon);
        let subject = describe(object, address.map(AddressRecord::from), 0.0);
        let statement = comparables_statement(
            sea_orm::ConnectionTrait::get_database_backend(&tx),
            &subject,
            lat,
            lon,
            settings.comparables_band_percent,
            settings.comparables_radius_m,
            settings.comparables_limit,
        );
        let rows = valuation_object::Model::find_by_statement(statement)
            .all(tx.conn())
            .await?;
        let ids: Vec<String> = rows.iter().map(|r| r.address_id.clone()).collect();
        let addresses = address::Entity::find()
            .filter(address::Column::Id.is_in(ids))
            .all(tx.conn())
            .await?;
        let mut comparables: Vec<ValuationObject> = rows
            .into_iter()
            .map(|row| {
                let d = distance(lat, lon, row.lat, row.lon);
                let addr = addresses.iter().find(|a| a.id == row.address_id).cloned();
                describe(row, addr.map(AddressRecord::from), d)
            })
            .filter(|c| c.distance_m <= f64::from(settings.comparables_radius_m))
            .collect();
        // The index orders by a near-metric distance; the exact one settles near-ties.
        comparables.sort_by(|a, b| a.distance_m.total_cmp(&b.distance_m));
        Ok(ValuationReport {
            object: subject,
            history,
            comparables,
            band_percent: settings.comparables_band_percent,
            radius_m: settings.comparables_radius_m,
        })
    }
}

fn describe(
    m: valuation_object::Model,
    address: Option<AddressRecord>,
    distance_m: f64,
) -> ValuationObject {
    ValuationObject {
        id: m.id,
        usage: m.usage,
        floor_area: m.floor_area,
        plot_area: m.plot_area,
        build_year: m.build_year,
        latest_value: m.latest_value,
        reference_date: m.latest_reference_date,
        address,
        distance_m,
    }
}
