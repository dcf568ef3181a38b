//! The regional alien-registration desk (vreemdelingenloket): registering a non-EU resident's
//! nationality, V-number and permit, and the desk's list. Allowed to the host's desk staff for
//! residents of the collaboration's members (and of the host itself), never to the members'
//! staff for each other's residents.

use chrono::{NaiveDate, Utc};
use loket_kernel::{Action, Bsn, Ctx, TenantId, page::Page};
use loket_store::outbox;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
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
        let bsn =
            Bsn::new(self.bsn.as_str()).map_err(|e| RegistryError::bad("bsn", e.to_string()))?;
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
        if self.permit_kind.trim().is_empty() {
            return Err(RegistryError::bad("permitKind", "name the permit kind"));
        }
        if self.valid_until < Utc::now().date_naive() {
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
        registration: AlienRegistration,
    ) -> Result<PersonRecord, RegistryError> {
        let bsn = registration.validate()?;
        let row = person::Entity::find_by_id(bsn.as_str())
            .one(self.db.raw())
            .await?
            .ok_or(RegistryError::NotFound)?;
        let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
        if !reach.can(OBJECT, Action::Create) {
            return Err(RegistryError::Forbidden(OBJECT.to_owned()));
        }
        // The permit, the nationality and the event land together or not at all.
        let now = Utc::now();
        let tx = self.db.begin(ctx.tenant()).await?;
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
        tx.commit().await?;

        let fresh = person::Entity::find_by_id(row.bsn.as_str())
            .one(self.db.raw())
            .await?
            .ok_or(RegistryError::NotFound)?;
        let record = self
            .assemble(&reach, fresh, &[Group::Name, Group::ResidencePermit])
            .await?;
        self.log(
            ctx,
            std::slice::from_ref(&record),
            "registerAlien",
            "register a residence permit",
        )
        .await?;
        Ok(record)
    }

    /// The desk's list: residents of `municipality_code` with a residence permit, soonest
    /// expiry first.
    pub async fn alien_registrations(
        &self,
        ctx: &Ctx,
        municipality_code: &str,
        page: Page,
        requested: &[Group],
    ) -> Result<(Vec<PersonRecord>, bool), RegistryError> {
        let domain: TenantId =
            access::tenant_of(&self.tenants, municipality_code).ok_or_else(|| {
                RegistryError::bad("municipalityCode", "no partner municipality has this code")
            })?;
        let reachable = &domain == ctx.tenant() || ctx.delegated_domains().any(|d| d == &domain);
        if !reachable {
            return Err(RegistryError::NotFound);
        }
        if !ctx.can_in(&domain, OBJECT, Action::Read) {
            return Err(RegistryError::Forbidden(OBJECT.to_owned()));
        }
        let permits = residence_permit::Entity::find()
            .inner_join(person::Entity)
            .filter(person::Column::MunicipalityCode.eq(municipality_code))
            .order_by_asc(residence_permit::Column::ValidUntil)
            .order_by_asc(residence_permit::Column::Bsn)
            .offset(page.offset as u64)
            .limit(page.first as u64 + 1)
            .all(self.db.raw())
            .await?;
        let has_next = permits.len() > page.first;
        let mut records = Vec::new();
        for permit in permits.into_iter().take(page.first) {
            let Some(row) = person::Entity::find_by_id(permit.bsn.as_str())
                .one(self.db.raw())
                .await?
            else {
                continue;
            };
            let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
            records.push(self.assemble(&reach, row, requested).await?);
        }
        self.log(
            ctx,
            &records,
            "alienRegistrations",
            "run the alien-registration desk",
        )
        .await?;
        Ok((records, has_next))
    }
}
