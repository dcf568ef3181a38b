//! The regional alien-registration desk (vreemdelingenloket): registering a non-EU resident's
//! nationality, V-number and permit, and the desk's list. Allowed to the host's desk staff for
//! residents of the collaboration's members (and of the host itself), never to the members'
//! staff for each other's residents.

use chrono::{NaiveDate, Utc};
use loket_kernel::{
    Action, Bsn, Ctx, TenantId,
    calendar::Calendar,
    input,
    page::{DayIdKey, Page, cursor},
};
use loket_store::{Session, outbox, processing_log::ReadAs};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::OnConflict,
};
use serde_json::json;

use super::{
    Registry,
    access::{self, Group},
    records::PersonRecord,
};
use crate::{
    RegistryError,
    entity::{person, residence_permit},
};

const OBJECT: &str = "alien/registration";

/// EU/EEA and Swiss nationals need no residence permit.
const FREE_MOVEMENT: [&str; 31] = [
    "NL", "BE", "LU", "DE", "FR", "IT", "ES", "PT", "AT", "IE", "DK", "SE", "FI", "PL", "CZ", "SK",
    "HU", "SI", "HR", "RO", "BG", "GR", "CY", "MT", "EE", "LV", "LT", "IS", "LI", "NO", "CH",
];

/// What the desk records.
#[derive(Debug, Clone)]
pub struct AlienRegistration {
    /// The resident.
    pub bsn: String,
    /// Nationality, ISO 3166-1 alpha-2.
    pub nationality: String,
    /// V-number: ten digits.
    pub v_number: String,
    /// Permit kind.
    pub permit_kind: String,
    /// Valid until.
    pub valid_until: NaiveDate,
}

impl AlienRegistration {
    fn validate(&self) -> Result<Bsn, RegistryError> {
        let bsn = Bsn::new(input::required_line("bsn", &self.bsn, 20)?)
            .map_err(|e| RegistryError::bad("bsn", e.to_string()))?;
        let n = &self.nationality;
        if n.len() != 2 || !n.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(RegistryError::bad(
                "nationality",
                "an ISO 3166-1 alpha-2 code such as TR",
            ));
        }
        if FREE_MOVEMENT.contains(&n.as_str()) {
            return Err(RegistryError::bad(
                "nationality",
                format!("{n} nationals need no residence permit"),
            ));
        }
        if self.v_number.len() != 10 || !self.v_number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RegistryError::bad("vNumber", "a V-number is ten digits"));
        }
        input::required_line("permitKind", &self.permit_kind, 100)?;
        input::day("validUntil", self.valid_until)?;
        if self.valid_until < Calendar::today() {
            return Err(RegistryError::bad(
                "validUntil",
                "a new registration cannot have expired already",
            ));
        }
        Ok(bsn)
    }
}

impl Registry {
    /// Registers a resident's permit at the desk.
    pub async fn register_alien(
        &self,
        ctx: &Ctx,
        session: &Session,
        registration: AlienRegistration,
    ) -> Result<PersonRecord, RegistryError> {
        let bsn = registration.validate()?;
        let mut row = {
            let tx = session.shared().await?;
            person::Entity::find_by_id(bsn.as_str())
                .one(tx.conn())
                .await?
                .ok_or(RegistryError::NotFound)?
        };
        let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
        if !reach.can(OBJECT, Action::Create) {
            return Err(RegistryError::Forbidden(OBJECT.to_owned()));
        }
        // The permit, the nationality and the event land together or not at all.
        let now = Utc::now();
        let tx = session.tx(ctx.tenant()).await?;
        residence_permit::Entity::insert(residence_permit::ActiveModel {
            bsn: Set(row.bsn.clone()),
            kind: Set(registration.permit_kind.trim().to_owned()),
            valid_until: Set(registration.valid_until),
            v_number: Set(registration.v_number.clone()),
            registered_by: Set(Some(ctx.tenant().to_string())),
            registered_at: Set(Some(now)),
        })
        .on_conflict(
            OnConflict::column(residence_permit::Column::Bsn)
                .update_columns([
                    residence_permit::Column::Kind,
                    residence_permit::Column::ValidUntil,
                    residence_permit::Column::VNumber,
                    residence_permit::Column::RegisteredBy,
                    residence_permit::Column::RegisteredAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(tx.conn())
        .await?;
        person::Entity::update_many()
            .col_expr(
                person::Column::Nationality,
                registration.nationality.clone().into(),
            )
            .filter(person::Column::Bsn.eq(row.bsn.as_str()))
            .exec(tx.conn())
            .await?;
        outbox::publish(
            &tx,
            "alien.registered",
            json!({ "municipality": row.municipality_code, "validUntil": registration.valid_until }),
        )
        .await?;
        drop(tx);
        row.nationality.clone_from(&registration.nationality);
        let read_as = ReadAs {
            operation: "registerAlien",
            purpose: "register a residence permit",
        };
        let mut records = self
            .assemble(
                session,
                vec![(reach, row)],
                &[Group::Name, Group::ResidencePermit],
                read_as,
            )
            .await?;
        records.pop().ok_or(RegistryError::NotFound)
    }

    /// The desk's list: residents of `municipality_code` with a residence permit, soonest
    /// expiry first. In a member municipality a host's desk lists the permits it registered.
    pub async fn alien_registrations(
        &self,
        ctx: &Ctx,
        session: &Session,
        municipality_code: &str,
        page: Page<DayIdKey>,
        requested: &[Group],
    ) -> Result<(Vec<PersonRecord>, bool), RegistryError> {
        let code = input::required_line("municipalityCode", municipality_code, 4)?;
        let domain: TenantId = access::tenant_of(&self.tenants, &code).ok_or_else(|| {
            RegistryError::bad("municipalityCode", "no partner municipality has this code")
        })?;
        let reachable = &domain == ctx.tenant() || ctx.delegated_domains().any(|d| d == &domain);
        if !reachable {
            return Err(RegistryError::NotFound);
        }
        if !ctx.can_in(&domain, OBJECT, Action::Read) {
            return Err(RegistryError::Forbidden(OBJECT.to_owned()));
        }
        let mut query = residence_permit::Entity::find()
            .find_also_related(person::Entity)
            .filter(person::Column::MunicipalityCode.eq(code.as_str()));
        if &domain != ctx.tenant() {
            query = query.filter(residence_permit::Column::RegisteredBy.eq(ctx.tenant().as_str()));
        }
        if let Some(after) = &page.after {
            query = query.filter(
                Condition::any()
                    .add(residence_permit::Column::ValidUntil.gt(after.day))
                    .add(
                        Condition::all()
                            .add(residence_permit::Column::ValidUntil.eq(after.day))
                            .add(residence_permit::Column::Bsn.gt(after.id.as_str())),
                    ),
            );
        }
        let found = {
            let tx = session.shared().await?;
            query
                .order_by_asc(residence_permit::Column::ValidUntil)
                .order_by_asc(residence_permit::Column::Bsn)
                .limit(page.fetch())
                .all(tx.conn())
                .await?
        };
        let has_next = found.len() > page.first;
        let mut rows = Vec::new();
        let mut cursors = Vec::new();
        for (permit, person) in found.into_iter().take(page.first) {
            let Some(row) = person else { continue };
            let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
            cursors.push(cursor(&DayIdKey {
                day: permit.valid_until,
                id: permit.bsn,
            }));
            rows.push((reach, row));
        }
        let read_as = ReadAs {
            operation: "alienRegistrations",
            purpose: "run the alien-registration desk",
        };
        let mut records = self.assemble(session, rows, requested, read_as).await?;
        for (record, cursor) in records.iter_mut().zip(cursors) {
            record.cursor = Some(cursor);
        }
        Ok((records, has_next))
    }
}
