//! What anyone may see of reports: the public view of one report, the open reports near a
//! place ("already reported"), and pages of reports for the public map and Open311.
//!
//! The public view never holds the reporter's words, answers or details, and a position only
//! for categories on the public map, coarsened to about 50 m.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{Action, Ctx, TenantId};
use loket_migration::LON_SCALE;
use loket_store::{Session, TenantTx};
use sea_orm::{DbBackend, FromQueryResult, Statement, Value};
use uuid::Uuid;

use super::{METRES_PER_DEGREE, coarse, distance_m, on_earth};
use crate::{CaseError, CaseType, entity::case, service::Cases};

/// A report as anyone may see it.
#[derive(Debug, Clone)]
pub struct PublicReport {
    /// Id.
    pub id: Uuid,
    /// Readable reference (Open311's `service_request_id`).
    pub reference: String,
    /// Its category.
    pub category: Arc<CaseType>,
    /// Current status code.
    pub status: String,
    /// Since when.
    pub status_since: DateTime<Utc>,
    /// When it was filed.
    pub created_at: DateTime<Utc>,
    /// The day it is expected to be handled by.
    pub expected_by: NaiveDate,
    /// When it ended, if it did.
    pub closed_at: Option<DateTime<Utc>>,
    /// The outcome's code, once it ended.
    pub outcome: Option<String>,
    /// Its position coarsened to about 50 m, for categories on the public map.
    pub position: Option<(f64, f64)>,
}

impl PublicReport {
    /// The public view of a report's row.
    pub(crate) fn from_row(row: &case::Model, category: Arc<CaseType>) -> Self {
        let on_map = category.report.as_ref().is_some_and(|r| r.public_map);
        let position = match (row.lat, row.lon) {
            (Some(lat), Some(lon)) if on_map => Some(coarse(lat, lon)),
            _ => None,
        };
        Self {
            id: row.id,
            reference: row.reference.clone(),
            status: row.status.clone(),
            status_since: row.status_since,
            created_at: row.created_at,
            expected_by: row.deadline,
            closed_at: row.closed_at,
            outcome: row.outcome.clone(),
            position,
            category,
        }
    }

    /// The current status's public name and standard text.
    pub fn status_name_and_text(&self) -> (&str, &str) {
        self.category
            .status(&self.status)
            .map_or((self.status.as_str(), ""), |s| {
                (s.name.as_str(), s.explanation.as_str())
            })
    }

    /// The outcome's public name, once it ended.
    pub fn outcome_name(&self) -> Option<&str> {
        let code = self.outcome.as_deref()?;
        Some(
            self.category
                .outcome(code)
                .map_or(code, |o| o.name.as_str()),
        )
    }
}

/// An open report near a place, offered as "already reported".
#[derive(Debug, Clone)]
pub struct NearbyReport {
    /// The report.
    pub report: PublicReport,
    /// Metres from the place asked about, rounded to 5 m; for a category off the public map,
    /// the radius (it lies within it).
    pub distance_m: u32,
}

/// Which reports a page lists.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    /// Only these categories (all when empty).
    pub categories: Vec<String>,
    /// Only open (`Some(true)`) or ended (`Some(false)`) reports.
    pub open: Option<bool>,
    /// Filed at or after.
    pub from: Option<DateTime<Utc>>,
    /// Filed before.
    pub to: Option<DateTime<Utc>>,
    /// Only these references.
    pub references: Vec<String>,
    /// Only categories on the public map.
    pub on_map: bool,
}

/// A page of reports, newest first.
#[derive(Debug, Clone)]
pub struct ReportPage {
    /// The reports.
    pub reports: Vec<PublicReport>,
    /// The cursor of the next page, if there is one.
    pub next: Option<Uuid>,
}

/// The most reports offered as nearby.
const NEARBY_LIMIT: u32 = 10;
/// The largest page.
pub const MAX_PAGE: u64 = 1000;

impl Cases {
    /// Open reports of `category` within the tenant's `[reports] duplicate_radius_m` of
    /// `(lat, lon)`, nearest first. Anyone who may file in the category may ask.
    pub async fn nearby_reports(
        &self,
        ctx: &Ctx,
        session: &Session,
        category: &str,
        lat: f64,
        lon: f64,
    ) -> Result<Vec<NearbyReport>, CaseError> {
        let tenant = ctx.tenant().clone();
        let category = self.category(&tenant, category)?;
        let object = format!("public-report/{}", category.code);
        if !ctx
            .capabilities_in(&tenant)
            .is_some_and(|caps| caps.allows(&object, Action::Create))
        {
            return Err(CaseError::forbidden(object));
        }
        if !on_earth(lat, lon) {
            return Err(CaseError::bad(
                "location",
                "latitude between -90 and 90 and longitude between -180 and 180 (WGS84)",
            ));
        }
        let radius = self
            .tenants
            .tenants
            .get(&tenant)
            .map_or(50, |t| t.reports.duplicate_radius_m);
        let tx = session.tx(&tenant).await?;
        let statement = nearby_statement(
            tx.backend(),
            &tenant,
            &category.code,
            lat,
            lon,
            radius,
            NEARBY_LIMIT,
        );
        let rows = case::Model::find_by_statement(statement)
            .all(tx.conn())
            .await?;
        // A category kept off the public map says only "within the radius": distances to
        // 5 m from a few places would otherwise give away where the report is.
        let on_map = category.report.as_ref().is_some_and(|r| r.public_map);
        let mut out: Vec<NearbyReport> = rows
            .into_iter()
            .filter_map(|row| {
                let d = distance_m(lat, lon, row.lat?, row.lon?);
                (d <= f64::from(radius)).then(|| NearbyReport {
                    distance_m: if on_map {
                        ((d / 5.0).round() * 5.0) as u32
                    } else {
                        radius
                    },
                    report: PublicReport::from_row(&row, Arc::clone(&category)),
                })
            })
            .collect();
        out.sort_by_key(|n| n.distance_m);
        Ok(out)
    }

    /// The report `reference` of the caller's tenant, as anyone may see it.
    pub async fn public_report(
        &self,
        ctx: &Ctx,
        session: &Session,
        reference: &str,
    ) -> Result<Option<PublicReport>, CaseError> {
        let page = self
            .public_reports(
                ctx,
                session,
                &ReportFilter {
                    references: vec![reference.trim().to_owned()],
                    ..ReportFilter::default()
                },
                1,
                None,
            )
            .await?;
        Ok(page.reports.into_iter().next())
    }

    /// A page of the tenant's reports as anyone may see them, newest first, from after the
    /// cursor `after`.
    pub async fn public_reports(
        &self,
        ctx: &Ctx,
        session: &Session,
        filter: &ReportFilter,
        first: u64,
        after: Option<Uuid>,
    ) -> Result<ReportPage, CaseError> {
        let tenant = ctx.tenant().clone();
        let first = first.clamp(1, MAX_PAGE);
        let categories: Vec<Arc<CaseType>> = self
            .types
            .of(&tenant)
            .filter(|t| {
                t.report
                    .as_ref()
                    .is_some_and(|r| r.public_map || !filter.on_map)
                    && (filter.categories.is_empty() || filter.categories.contains(&t.code))
            })
            .cloned()
            .collect();
        if categories.is_empty() {
            return Ok(ReportPage {
                reports: Vec::new(),
                next: None,
            });
        }
        let tx = session.tx(&tenant).await?;
        let statement = page_statement(&tx, &categories, filter, first.saturating_add(1), after);
        let rows = case::Model::find_by_statement(statement)
            .all(tx.conn())
            .await?;
        let more = rows.len() as u64 > first;
        let reports: Vec<PublicReport> = rows
            .into_iter()
            .take(usize::try_from(first).unwrap_or(usize::MAX))
            .filter_map(|row| {
                let category = categories.iter().find(|c| c.code == row.case_type)?;
                Some(PublicReport::from_row(&row, Arc::clone(category)))
            })
            .collect();
        let next = if more {
            reports.last().map(|r| r.id)
        } else {
            None
        };
        Ok(ReportPage { reports, next })
    }
}

impl Cases {
    /// The report reporter `reporter` filed or joined (Open311's token), as anyone may see
    /// it.
    pub async fn report_of_reporter(
        &self,
        ctx: &Ctx,
        session: &Session,
        reporter: Uuid,
    ) -> Result<Option<PublicReport>, CaseError> {
        let tenant = ctx.tenant().clone();
        let tx = session.tx(&tenant).await?;
        let row = case::Model::find_by_statement(tx.statement(
            "SELECT c.* FROM cases c WHERE c.tenant_id = $1 AND c.id IN \
             (SELECT r.case_id FROM case_reporters r WHERE r.tenant_id = $1 AND r.id = $2)",
            vec![tenant.as_str().into(), reporter.into()],
        ))
        .one(tx.conn())
        .await?;
        Ok(row.and_then(|row| {
            let category = self.types.get(&tenant, &row.case_type)?;
            Some(PublicReport::from_row(&row, Arc::clone(category)))
        }))
    }

    /// A page of the reports the calling resident filed or joined, newest first (empty for
    /// callers who are not residents).
    pub async fn my_reports(
        &self,
        ctx: &Ctx,
        session: &Session,
        first: u64,
        after: Option<Uuid>,
    ) -> Result<ReportPage, CaseError> {
        let Some(bsn) = ctx.actor().bsn() else {
            return Ok(ReportPage {
                reports: Vec::new(),
                next: None,
            });
        };
        let tenant = ctx.tenant().clone();
        let first = first.clamp(1, MAX_PAGE);
        let tx = session.tx(&tenant).await?;
        let mut values: Vec<Value> = vec![tenant.as_str().into(), bsn.as_str().into()];
        let mut sql = "SELECT c.* FROM cases c WHERE c.tenant_id = $1 AND c.id IN \
                       (SELECT r.case_id FROM case_reporters r WHERE r.tenant_id = $1 \
                       AND r.bsn = $2)"
            .to_owned();
        if let Some(after) = after {
            values.push(after.into());
            sql.push_str(" AND c.id < $3");
        }
        values.push(
            i64::try_from(first.saturating_add(1))
                .unwrap_or(i64::MAX)
                .into(),
        );
        sql.push_str(&format!(" ORDER BY c.id DESC LIMIT ${}", values.len()));
        let rows = case::Model::find_by_statement(tx.statement(&sql, values))
            .all(tx.conn())
            .await?;
        let more = rows.len() as u64 > first;
        let reports: Vec<PublicReport> = rows
            .into_iter()
            .take(usize::try_from(first).unwrap_or(usize::MAX))
            .filter_map(|row| {
                let category = self.types.get(&tenant, &row.case_type)?;
                Some(PublicReport::from_row(&row, Arc::clone(category)))
            })
            .collect();
        let next = if more {
            reports.last().map(|r| r.id)
        } else {
            None
        };
        Ok(ReportPage { reports, next })
    }
}

/// Open reports of one category near a point: on PostgreSQL the GiST index on tenant,
/// category and position finds them (in distance order, or, with a few hundred open reports
/// in the category, as a bitmap that is then sorted: the planner's choice); on SQLite the
/// B-tree on tenant, category and latitude gives the band, which is sorted.
pub fn nearby_statement(
    backend: DbBackend,
    tenant: &TenantId,
    category: &str,
    lat: f64,
    lon: f64,
    radius_m: u32,
    limit: u32,
) -> Statement {
    let dlat = f64::from(radius_m) / METRES_PER_DEGREE;
    let cos = lat.to_radians().cos().max(0.01);
    let dlon = dlat / cos;
    let base = "SELECT * FROM cases WHERE tenant_id = $1 AND case_type = $2 \
                AND closed_at IS NULL AND lat IS NOT NULL";
    if backend == DbBackend::Postgres {
        let x = |lon: f64| lon * LON_SCALE;
        return Statement::from_sql_and_values(
            backend,
            format!(
                "{base} AND point(lon * {LON_SCALE}, lat) <@ box(point($3, $4), point($5, $6)) \
                 ORDER BY point(lon * {LON_SCALE}, lat) <-> point($7, $8) LIMIT $9"
            ),
            [
                tenant.as_str().into(),
                category.into(),
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
    Statement::from_sql_and_values(
        backend,
        format!(
            "{base} AND lat BETWEEN $3 AND $4 AND lon BETWEEN $5 AND $6 \
             ORDER BY (lat - $7) * (lat - $7) + (lon - $8) * (lon - $8) * $9 LIMIT $10"
        ),
        [
            tenant.as_str().into(),
            category.into(),
            (lat - dlat).into(),
            (lat + dlat).into(),
            (lon - dlon).into(),
            (lon + dlon).into(),
            lat.into(),
            lon.into(),
            (cos * cos).into(),
            i64::from(limit).into(),
        ],
    )
}

/// A page of reports, newest first (ids are time-ordered).
fn page_statement(
    tx: &TenantTx,
    categories: &[Arc<CaseType>],
    filter: &ReportFilter,
    limit: u64,
    after: Option<Uuid>,
) -> Statement {
    let mut values: Vec<Value> = vec![tx.tenant().as_str().into()];
    let mark = |v: Value, values: &mut Vec<Value>| {
        values.push(v);
        format!("${}", values.len())
    };
    let codes: Vec<String> = categories
        .iter()
        .map(|c| mark(c.code.clone().into(), &mut values))
        .collect();
    let mut sql = format!(
        "SELECT * FROM cases WHERE tenant_id = $1 AND lat IS NOT NULL AND case_type IN ({})",
        codes.join(", ")
    );
    match filter.open {
        Some(true) => sql.push_str(" AND closed_at IS NULL"),
        Some(false) => sql.push_str(" AND closed_at IS NOT NULL"),
        None => {}
    }
    if let Some(from) = filter.from {
        sql.push_str(&format!(
            " AND created_at >= {}",
            mark(from.into(), &mut values)
        ));
    }
    if let Some(to) = filter.to {
        sql.push_str(&format!(
            " AND created_at < {}",
            mark(to.into(), &mut values)
        ));
    }
    if !filter.references.is_empty() {
        let refs: Vec<String> = filter
            .references
            .iter()
            .map(|r| mark(r.clone().into(), &mut values))
            .collect();
        sql.push_str(&format!(" AND reference IN ({})", refs.join(", ")));
    }
    if let Some(after) = after {
        sql.push_str(&format!(" AND id < {}", mark(after.into(), &mut values)));
    }
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    sql.push_str(&format!(
        " ORDER BY id DESC LIMIT {}",
        mark(limit.into(), &mut values)
    ));
    tx.statement(&sql, values)
}
