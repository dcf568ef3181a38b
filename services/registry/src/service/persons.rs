//! Reading persons: one by BSN, or a front-office search, in the request's session. The
//! groups a query asks for are loaded for all persons of a page at once; what the caller goes
//! on to read of them is logged as the fields resolve.

use std::collections::HashMap;

use chrono::NaiveDate;
use loket_kernel::{
    Bsn, Ctx, input,
    page::{NameKey, Page, cursor},
};
use loket_store::{Session, processing_log::ReadAs};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

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
    let bytes = postcode.as_bytes();
    let valid = bytes.len() == 6
        && bytes.iter().take(4).all(u8::is_ascii_digit)
        && bytes.first() != Some(&b'0')
        && bytes.iter().skip(4).all(u8::is_ascii_uppercase);
    if valid {
        Ok(postcode)
    } else {
        Err(RegistryError::bad(
            "postcode",
            "not a Dutch postcode such as 1234AB",
        ))
    }
}

impl Registry {
    /// One person by BSN, with the requested field groups as far as policy allows.
    pub async fn person(
        &self,
        ctx: &Ctx,
        session: &Session,
        bsn: &str,
        requested: &[Group],
        read_as: ReadAs,
    ) -> Result<PersonRecord, RegistryError> {
        let bsn = Bsn::new(input::required_line("bsn", bsn, 20)?)
            .map_err(|e| RegistryError::bad("bsn", e.to_string()))?;
        if ctx.actor().bsn().is_none()
            && !access::may_read_persons(ctx.capabilities())
            && ctx.delegated_domains().next().is_none()
        {
            return Err(RegistryError::Forbidden("person".to_owned()));
        }
        let row = {
            let tx = session.shared().await?;
            person::Entity::find_by_id(bsn.as_str())
                .one(tx.conn())
                .await?
                .ok_or(RegistryError::NotFound)?
        };
        let reach = self.reach(ctx, session, &row).await?;
        let mut records = self
            .assemble(session, vec![(reach, row)], requested, read_as)
            .await?;
        records.pop().ok_or(RegistryError::NotFound)
    }

    /// Where `ctx` reaches the resident of `row`: their own municipality's staff, the resident
    /// themselves, and a collaboration's host only for the shared work (a case it handles for
    /// the resident, or a permit its desk registered); anyone else gets `NOT_FOUND`.
    pub(crate) async fn reach<'a>(
        &self,
        ctx: &'a Ctx,
        session: &Session,
        row: &person::Model,
    ) -> Result<Reach<'a>, RegistryError> {
        let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
        if !reach.delegated() {
            return Ok(reach);
        }
        let bsn = Bsn::new(row.bsn.as_str()).map_err(|_| RegistryError::NotFound)?;
        let registered_here = {
            let tx = session.shared().await?;
            residence_permit::Entity::find_by_id(row.bsn.as_str())
                .filter(residence_permit::Column::RegisteredBy.eq(ctx.tenant().as_str()))
                .one(tx.conn())
                .await?
                .is_some()
        };
        let shared = registered_here
            || match &self.shared_work {
                Some(work) => work
                    .involves(session, ctx.tenant(), reach.domain(), &bsn)
                    .await
                    .map_err(|e| RegistryError::Lookup(e.0))?,
                None => false,
            };
        if shared {
            Ok(reach)
        } else {
            Err(RegistryError::NotFound)
        }
    }

    /// A resident of `municipality_code` for demo tokens: the first by BSN who lives at an
    /// address with a valuation object, so every demo query has data. Not for production use:
    /// it reads outside any request and logs nothing.
    pub async fn demo_resident(
        &self,
        municipality_code: &str,
    ) -> Result<Option<Bsn>, RegistryError> {
        let tx = self.demo_tx(municipality_code).await?;
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
            .one(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(with_valuation.and_then(|p| Bsn::new(p.bsn).ok()))
    }

    /// Up to `limit` residents of `municipality_code` by BSN, for demo data. Not for
    /// production use: it reads outside any request and logs nothing.
    pub async fn demo_residents(
        &self,
        municipality_code: &str,
        limit: u64,
    ) -> Result<Vec<Bsn>, RegistryError> {
        let tx = self.demo_tx(municipality_code).await?;
        let found = person::Entity::find()
            .filter(person::Column::MunicipalityCode.eq(municipality_code))
            .order_by_asc(person::Column::Bsn)
            .limit(limit)
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(found
            .into_iter()
            .filter_map(|p| Bsn::new(p.bsn).ok())
            .collect())
    }

    /// A reading transaction for the demo lookups, as the application role (the shared
    /// registries are the same under every tenant).
    async fn demo_tx(
        &self,
        municipality_code: &str,
    ) -> Result<loket_store::Transaction, RegistryError> {
        let tenant = access::tenant_of(&self.tenants, municipality_code)
            .or_else(|| self.tenants.tenants.keys().next().cloned())
            .ok_or(RegistryError::NotFound)?;
        Ok(self.db.begin_read(&tenant).await?)
    }

    /// The front office's resident search, within the caller's own municipality, by surname
    /// then BSN.
    pub async fn search(
        &self,
        ctx: &Ctx,
        session: &Session,
        by: SearchBy,
        page: Page<NameKey>,
        requested: &[Group],
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
            } => {
                let surname = input::required_line("surname", &surname, 200)?;
                let birth_date = input::day("birthDate", birth_date)?;
                query
                    .filter(person::Column::Surname.eq(surname))
                    .filter(person::Column::BirthDate.eq(birth_date))
            }
            SearchBy::Address {
                postcode,
                house_number,
            } => {
                let postcode = normalise_postcode(&postcode)?;
                let house_number = input::number("houseNumber", house_number, 1..=99_999)?;
                query.filter(
                    person::Column::AddressId.in_subquery(
                        sea_orm::sea_query::Query::select()
                            .column(address::Column::Id)
                            .from(address::Entity)
                            .and_where(address::Column::Postcode.eq(postcode))
                            .and_where(address::Column::HouseNumber.eq(house_number))
                            .to_owned(),
                    ),
                )
            }
        };
        if let Some(after) = &page.after {
            query = query.filter(
                Condition::any()
                    .add(person::Column::Surname.gt(after.name.as_str()))
                    .add(
                        Condition::all()
                            .add(person::Column::Surname.eq(after.name.as_str()))
                            .add(person::Column::Bsn.gt(after.id.as_str())),
                    ),
            );
        }
        let rows = {
            let tx = session.shared().await?;
            query
                .order_by_asc(person::Column::Surname)
                .order_by_asc(person::Column::Bsn)
                .limit(page.fetch())
                .all(tx.conn())
                .await?
        };
        let has_next = rows.len() > page.first;
        let mut within = Vec::new();
        let mut cursors = Vec::new();
        for row in rows.into_iter().take(page.first) {
            let reach = access::reach(ctx, &self.tenants, &row.bsn, &row.municipality_code)?;
            cursors.push(cursor(&NameKey {
                name: row.surname.clone(),
                id: row.bsn.clone(),
            }));
            within.push((reach, row));
        }
        let read_as = ReadAs {
            operation: "searchPersons",
            purpose: "find a resident",
        };
        let mut records = self.assemble(session, within, requested, read_as).await?;
        for (record, cursor) in records.iter_mut().zip(cursors) {
            record.cursor = Some(cursor);
        }
        Ok((records, has_next))
    }

    /// Loads the requested groups the reach of each person allows: one statement per group
    /// for all persons together.
    pub(crate) async fn assemble(
        &self,
        session: &Session,
        rows: Vec<(Reach<'_>, person::Model)>,
        requested: &[Group],
        read_as: ReadAs,
    ) -> Result<Vec<PersonRecord>, RegistryError> {
        let wants = |group: Group| {
            requested.contains(&group) && rows.iter().any(|(reach, _)| reach.can_read(group))
        };
        let tx = session.shared().await?;
        let addresses: HashMap<String, address::Model> = if wants(Group::Address) {
            let ids: Vec<String> = rows
                .iter()
                .filter_map(|(_, r)| r.address_id.clone())
                .collect();
            address::Entity::find()
                .filter(address::Column::Id.is_in(ids))
                .all(tx.conn())
                .await?
                .into_iter()
                .map(|a| (a.id.clone(), a))
                .collect()
        } else {
            HashMap::new()
        };
        let bsns = || rows.iter().map(|(_, r)| r.bsn.clone()).collect::<Vec<_>>();
        let mut documents: HashMap<String, Vec<TravelDocumentRecord>> = HashMap::new();
        if wants(Group::Documents) {
            for d in travel_document::Entity::find()
                .filter(travel_document::Column::Bsn.is_in(bsns()))
                .order_by_asc(travel_document::Column::ExpiresOn)
                .all(tx.conn())
                .await?
            {
                documents
                    .entry(d.bsn.clone())
                    .or_default()
                    .push(TravelDocumentRecord::from(d));
            }
        }
        let mut permits: HashMap<String, residence_permit::Model> = HashMap::new();
        if wants(Group::ResidencePermit) {
            for p in residence_permit::Entity::find()
                .filter(residence_permit::Column::Bsn.is_in(bsns()))
                .all(tx.conn())
                .await?
            {
                permits.insert(p.bsn.clone(), p);
            }
        }
        drop(tx);
        let mut records = Vec::with_capacity(rows.len());
        for (reach, row) in rows {
            let guard = |group: Group| {
                if !requested.contains(&group) {
                    None
                } else {
                    Some(reach.can_read(group))
                }
            };
            let bsn = Bsn::new(row.bsn.clone()).map_err(|_| RegistryError::NotFound)?;
            let name = guarded(guard(Group::Name), Group::Name, || {
                (
                    row.given_names.clone(),
                    row.surname_prefix.clone(),
                    row.surname.clone(),
                )
            });
            let birth = guarded(guard(Group::Birth), Group::Birth, || {
                (row.birth_date, row.birth_place.clone())
            });
            let address = guarded(guard(Group::Address), Group::Address, || {
                row.address_id
                    .as_ref()
                    .and_then(|id| addresses.get(id).cloned())
                    .map(AddressRecord::from)
            });
            let documents = guarded(guard(Group::Documents), Group::Documents, || {
                documents.remove(&row.bsn).unwrap_or_default()
            });
            let residence_permit = guarded(
                guard(Group::ResidencePermit),
                Group::ResidencePermit,
                || PermitRecord::new(row.nationality.clone(), permits.remove(&row.bsn)),
            );
            records.push(PersonRecord {
                bsn,
                name,
                birth,
                address,
                documents,
                residence_permit,
                read_as,
                cursor: None,
            });
        }
        Ok(records)
    }
}

/// A group's value when requested and allowed, its refusal when requested and not allowed.
fn guarded<T>(decision: Option<bool>, group: Group, value: impl FnOnce() -> T) -> Guarded<T> {
    match decision {
        None => Guarded::NotRequested,
        Some(false) => Guarded::Forbidden(group.object()),
        Some(true) => Guarded::Visible(value()),
    }
}
