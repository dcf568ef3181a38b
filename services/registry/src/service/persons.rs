//! Reading persons: one by BSN, or a front-office search; every person returned is written to
//! the processing log with the field groups read.

use chrono::NaiveDate;
use loket_kernel::{Bsn, Ctx, page::Page};
use loket_store::processing_log::{self, Processing};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{
    Registry,
    access::{self, Group, Reach},
    records::{AddressRecord, Guarded, PermitRecord, PersonRecord, TravelDocumentRecord},
};
use crate::{
    RegistryError,
    entity::{address, person, residence_permit, travel_document},
};

/// How the front office looks a resident up.
#[derive(Debug, Clone)]
pub enum SearchBy {
    /// Surname (without prefix, case-insensitive) and birth date.
    NameAndBirth {
        /// Surname.
        surname: String,
        /// Date of birth.
        birth_date: NaiveDate,
    },
    /// Postcode and house number: everyone living there.
    Address {
        /// Postcode, `1234AB` (spaces and case are forgiven).
        postcode: String,
        /// House number.
        house_number: i32,
    },
}

/// `1234 ab` → `1234AB`, or a clear error naming the field.
pub(crate) fn normalise_postcode(raw: &str) -> Result<String, RegistryError> {
    let postcode: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let valid = postcode.len() == 6
        && postcode[..4].bytes().all(|b| b.is_ascii_digit())
        && !postcode.starts_with('0')
        && postcode[4..].bytes().all(|b| b.is_ascii_uppercase());
    if valid {
        Ok(postcode)
    } else {
        Err(RegistryError::bad(
            "postcode",
            format!("{raw:?} is not a Dutch postcode such as 1234AB"),
        ))
    }
}

impl Registry {
    /// One person by BSN, with the requested field groups as far as policy allows.
    pub async fn person(
        &self,
        ctx: &Ctx,
        bsn: &str,
        requested: &[Group],
        purpose: &str,
    ) -> Result<PersonRecord, RegistryError> {
        let bsn = Bsn::new(bsn).map_err(|e| RegistryError::bad("bsn", e.to_string()))?;
        if ctx.actor().bsn().is_none()
            && !access::may_read_persons(ctx.capabilities())
            && ctx.delegated_domains().next().is_none()
        {
            return Err(RegistryError::Forbidden("person".to_owned()));
        }
        let row = person::Entity::find_by_id(bsn.as_str())
            .one(self.db.raw())
            .await?
            .ok_or(RegistryError::NotFound)?;
        let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
        let record = self.assemble(&reach, row, requested).await?;
        self.log(ctx, std::slice::from_ref(&record), "person", purpose)
            .await?;
        Ok(record)
    }

    /// A resident of `municipality_code` for demo tokens: the first by BSN who lives at an
    /// address with a valuation object, so every demo query has data. Not for production use:
    /// it reads outside any request and logs nothing.
    pub async fn demo_resident(
        &self,
        municipality_code: &str,
    ) -> Result<Option<Bsn>, RegistryError> {
        let with_valuation = person::Entity::find()
            .filter(person::Column::MunicipalityCode.eq(municipality_code))
            .filter(
                person::Column::AddressId.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(crate::entity::valuation_object::Column::AddressId)
                        .from(crate::entity::valuation_object::Entity)
                        .to_owned(),
                ),
            )
            .order_by_asc(person::Column::Bsn)
            .one(self.db.raw())
            .await?;
        Ok(with_valuation.and_then(|p| Bsn::new(p.bsn).ok()))
    }

    /// Up to `limit` residents of `municipality_code` by BSN, for demo data. Not for
    /// production use: it reads outside any request and logs nothing.
    pub async fn demo_residents(
        &self,
        municipality_code: &str,
        limit: u64,
    ) -> Result<Vec<Bsn>, RegistryError> {
        Ok(person::Entity::find()
            .filter(person::Column::MunicipalityCode.eq(municipality_code))
            .order_by_asc(person::Column::Bsn)
            .limit(limit)
            .all(self.db.raw())
            .await?
            .into_iter()
            .filter_map(|p| Bsn::new(p.bsn).ok())
            .collect())
    }

    /// The front office's resident search, within the caller's own municipality.
    pub async fn search(
        &self,
        ctx: &Ctx,
        by: SearchBy,
        page: Page,
        requested: &[Group],
        purpose: &str,
    ) -> Result<(Vec<PersonRecord>, bool), RegistryError> {
        if !access::may_read_persons(ctx.capabilities()) || ctx.actor().bsn().is_some() {
            return Err(RegistryError::Forbidden("person".to_owned()));
        }
        let code = self
            .tenants
            .get(ctx.tenant())
            .map(|t| t.municipality_code.as_str().to_owned())
            .ok_or(RegistryError::NotFound)?;
        let mut query = person::Entity::find().filter(person::Column::MunicipalityCode.eq(code));
        query = match by {
            SearchBy::NameAndBirth {
                surname,
                birth_date,
            } => query
                .filter(person::Column::Surname.eq(surname.trim().to_owned()))
                .filter(person::Column::BirthDate.eq(birth_date)),
            SearchBy::Address {
                postcode,
                house_number,
            } => {
                let postcode = normalise_postcode(&postcode)?;
                let ids: Vec<String> = address::Entity::find()
                    .filter(address::Column::Postcode.eq(postcode))
                    .filter(address::Column::HouseNumber.eq(house_number))
                    .all(self.db.raw())
                    .await?
                    .into_iter()
                    .map(|a| a.id)
                    .collect();
                query.filter(person::Column::AddressId.is_in(ids))
            }
        };
        let rows = query
            .order_by_asc(person::Column::Surname)
            .order_by_asc(person::Column::Bsn)
            .offset(page.offset as u64)
            .limit(page.first as u64 + 1)
            .all(self.db.raw())
            .await?;
        let has_next = rows.len() > page.first;
        let mut records = Vec::new();
        for row in rows.into_iter().take(page.first) {
            let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
            records.push(self.assemble(&reach, row, requested).await?);
        }
        self.log(ctx, &records, "searchPersons", purpose).await?;
        Ok((records, has_next))
    }

    /// Loads the requested groups the reach allows.
    pub(crate) async fn assemble(
        &self,
        reach: &Reach<'_>,
        row: person::Model,
        requested: &[Group],
    ) -> Result<PersonRecord, RegistryError> {
        let guard = |group: Group| {
            if !requested.contains(&group) {
                None
            } else if reach.can_read(group) {
                Some(true)
            } else {
                Some(false)
            }
        };
        let bsn = Bsn::new(row.bsn.clone()).map_err(|_| RegistryError::NotFound)?;
        let name = match guard(Group::Name) {
            None => Guarded::NotRequested,
            Some(false) => Guarded::Forbidden(Group::Name.object()),
            Some(true) => Guarded::Visible((
                row.given_names.clone(),
                row.surname_prefix.clone(),
                row.surname.clone(),
            )),
        };
        let birth = match guard(Group::Birth) {
            None => Guarded::NotRequested,
            Some(false) => Guarded::Forbidden(Group::Birth.object()),
            Some(true) => Guarded::Visible((row.birth_date, row.birth_place.clone())),
        };
        let address = match guard(Group::Address) {
            None => Guarded::NotRequested,
            Some(false) => Guarded::Forbidden(Group::Address.object()),
            Some(true) => {
                let found = match &row.address_id {
                    Some(id) => {
                        address::Entity::find_by_id(id.as_str())
                            .one(self.db.raw())
                            .await?
                    }
                    None => None,
                };
                Guarded::Visible(found.map(AddressRecord::from))
            }
        };
        let documents = match guard(Group::Documents) {
            None => Guarded::NotRequested,
            Some(false) => Guarded::Forbidden(Group::Documents.object()),
            Some(true) => Guarded::Visible(
                travel_document::Entity::find()
                    .filter(travel_document::Column::Bsn.eq(row.bsn.as_str()))
                    .order_by_asc(travel_document::Column::ExpiresOn)
                    .all(self.db.raw())
                    .await?
                    .into_iter()
                    .map(TravelDocumentRecord::from)
                    .collect(),
            ),
        };
        let residence_permit = match guard(Group::ResidencePermit) {
            None => Guarded::NotRequested,
            Some(false) => Guarded::Forbidden(Group::ResidencePermit.object()),
            Some(true) => {
                let permit = residence_permit::Entity::find_by_id(row.bsn.as_str())
                    .one(self.db.raw())
                    .await?;
                Guarded::Visible(PermitRecord::new(row.nationality.clone(), permit))
            }
        };
        Ok(PersonRecord {
            bsn,
            name,
            birth,
            address,
            documents,
            residence_permit,
        })
    }

    /// One processing-log entry per person whose data was read, in one transaction.
    pub(crate) async fn log(
        &self,
        ctx: &Ctx,
        records: &[PersonRecord],
        operation: &str,
        purpose: &str,
    ) -> Result<(), RegistryError> {
        let read: Vec<(&Bsn, Vec<&str>)> = records
            .iter()
            .map(|r| (&r.bsn, groups_read(r)))
            .filter(|(_, groups)| !groups.is_empty())
            .collect();
        if read.is_empty() {
            return Ok(());
        }
        let tx = self.db.begin(ctx.tenant()).await?;
        for (person, groups) in &read {
            let processing = Processing {
                person,
                purpose,
                operation,
                field_groups: groups,
            };
            processing_log::record(&tx, ctx, processing).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The groups of a record that were actually read.
fn groups_read(record: &PersonRecord) -> Vec<&'static str> {
    [
        (Group::Name, matches!(record.name, Guarded::Visible(_))),
        (Group::Birth, matches!(record.birth, Guarded::Visible(_))),
        (
            Group::Address,
            matches!(record.address, Guarded::Visible(_)),
        ),
        (
            Group::Documents,
            matches!(record.documents, Guarded::Visible(_)),
        ),
        (
            Group::ResidencePermit,
            matches!(record.residence_permit, Guarded::Visible(_)),
        ),
    ]
    .into_iter()
    .filter(|(_, read)| *read)
    .map(|(group, _)| group.object())
    .collect()
}
