//! GraphQL types of persons and addresses. Types are the API's, not the tables'.

use async_graphql::{Context, Object, Result, SimpleObject};
use chrono::NaiveDate;
use loket_kernel::graphql::guarded;
use loket_store::graphql::record;

use crate::{AddressRecord, Group, PermitRecord, PersonRecord, TravelDocumentRecord};

/// The groups the selections of a person ask for, read from the query before anything is
/// loaded, so that only those are read and logged.
pub fn requested_groups(selections: &[async_graphql::Lookahead<'_>]) -> Vec<Group> {
    let asks = |field: &str| selections.iter().any(|s| s.field(field).exists());
    let mut groups = Vec::new();
    if asks("name") {
        groups.push(Group::Name);
    }
    if asks("birth") {
        groups.push(Group::Birth);
    }
    if asks("address") || asks("municipalityCode") {
        groups.push(Group::Address);
    }
    if asks("travelDocuments") {
        groups.push(Group::Documents);
    }
    if asks("residencePermit") {
        groups.push(Group::ResidencePermit);
    }
    groups
}

/// A resident, as far as the caller may see them.
pub struct Person(pub PersonRecord);

/// A page of persons as a Relay connection.
pub(crate) fn person_connection<K>(
    records: Vec<PersonRecord>,
    page: &loket_kernel::page::Page<K>,
    has_next: bool,
) -> async_graphql::connection::Connection<String, Person> {
    let mut connection = async_graphql::connection::Connection::new(page.after.is_some(), has_next);
    connection.edges.extend(records.into_iter().map(|r| {
        async_graphql::connection::Edge::new(r.cursor.clone().unwrap_or_default(), Person(r))
    }));
    connection
}

/// A person's names.
#[derive(SimpleObject, Clone)]
pub struct PersonName {
    /// Given names.
    given_names: String,
    /// Surname prefix such as `van der`.
    surname_prefix: Option<String>,
    /// Surname.
    surname: String,
    /// Names as usually written: given names, prefix, surname.
    full_name: String,
}

/// Birth.
#[derive(SimpleObject, Clone)]
pub struct Birth {
    /// Date of birth.
    date: NaiveDate,
    /// Place of birth.
    place: String,
}

/// An address (BAG).
#[derive(SimpleObject, Clone)]
pub struct Address {
    /// BAG nummeraanduiding id.
    id: String,
    /// Street.
    street: String,
    /// House number.
    house_number: i32,
    /// House letter.
    letter: Option<String>,
    /// House number addition.
    addition: Option<String>,
    /// Postcode, `1234AB`.
    postcode: String,
    /// City (woonplaats).
    city: String,
    /// CBS municipality code.
    municipality_code: String,
    /// Latitude (WGS84).
    latitude: f64,
    /// Longitude (WGS84).
    longitude: f64,
}

impl From<AddressRecord> for Address {
    fn from(a: AddressRecord) -> Self {
        Self {
            id: a.id,
            street: a.street,
            house_number: a.house_number,
            letter: a.letter,
            addition: a.addition,
            postcode: a.postcode,
            city: a.city,
            municipality_code: a.municipality_code,
            latitude: a.lat,
            longitude: a.lon,
        }
    }
}

/// A travel document.
#[derive(SimpleObject, Clone)]
pub struct TravelDocument {
    /// `passport`, `id-card` or `driving-licence`.
    kind: String,
    /// Document number.
    number: String,
    /// Expiry date.
    expires_on: NaiveDate,
}

/// Nationality and, for non-EU nationals, the residence permit.
#[derive(SimpleObject, Clone)]
pub struct ResidencePermit {
    /// Nationality, ISO 3166-1 alpha-2.
    nationality: String,
    /// Permit kind, if any.
    kind: Option<String>,
    /// Valid until.
    valid_until: Option<NaiveDate>,
    /// V-number (vreemdelingennummer).
    v_number: Option<String>,
    /// The municipality whose desk registered it.
    registered_by: Option<String>,
}

impl Person {
    /// Notes that the caller read `group` of this person, as the field resolves.
    fn read(&self, ctx: &Context<'_>, group: &str) -> Result<()> {
        let how = self.0.read_as;
        record(ctx, self.0.bsn.as_str(), how.operation, how.purpose, group)
    }
}

#[Object]
impl Person {
    /// Citizen service number.
    async fn bsn(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx, "person/bsn")?;
        Ok(self.0.bsn.as_str())
    }

    /// Names (`person/name`).
    async fn name(&self, ctx: &Context<'_>) -> Result<Option<PersonName>> {
        if self.0.name.is_visible() {
            self.read(ctx, "person/name")?;
        }
        Ok(
            guarded(&self.0.name)?.map(|(given_names, surname_prefix, surname)| {
                let full_name = [
                    Some(given_names.as_str()),
                    surname_prefix.as_deref(),
                    Some(surname.as_str()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                PersonName {
                    given_names,
                    surname_prefix,
                    surname,
                    full_name,
                }
            }),
        )
    }

    /// Birth date and place (`person/birth`).
    async fn birth(&self, ctx: &Context<'_>) -> Result<Option<Birth>> {
        if self.0.birth.is_visible() {
            self.read(ctx, "person/birth")?;
        }
        Ok(guarded(&self.0.birth)?.map(|(date, place)| Birth { date, place }))
    }

    /// Current address (`person/address`).
    async fn address(&self, ctx: &Context<'_>) -> Result<Option<Address>> {
        if self.0.address.is_visible() {
            self.read(ctx, "person/address")?;
        }
        Ok(guarded(&self.0.address)?.flatten().map(Address::from))
    }

    /// CBS code of the municipality of residence (`person/address`).
    async fn municipality_code(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        if self.0.address.is_visible() {
            self.read(ctx, "person/address")?;
        }
        Ok(guarded(&self.0.address)?
            .flatten()
            .map(|a| a.municipality_code))
    }

    /// Travel documents, soonest expiry first (`person/documents`).
    async fn travel_documents(&self, ctx: &Context<'_>) -> Result<Option<Vec<TravelDocument>>> {
        if self.0.documents.is_visible() {
            self.read(ctx, "person/documents")?;
        }
        Ok(guarded(&self.0.documents)?.map(|docs| {
            docs.into_iter()
                .map(|d: TravelDocumentRecord| TravelDocument {
                    kind: d.kind,
                    number: d.number,
                    expires_on: d.expires_on,
                })
                .collect()
        }))
    }

    /// Nationality and residence permit (`person/residence-permit`).
    async fn residence_permit(&self, ctx: &Context<'_>) -> Result<Option<ResidencePermit>> {
        if self.0.residence_permit.is_visible() {
            self.read(ctx, "person/residence-permit")?;
        }
        Ok(
            guarded(&self.0.residence_permit)?.map(|p: PermitRecord| ResidencePermit {
                nationality: p.nationality,
                kind: p.kind,
                valid_until: p.valid_until,
                v_number: p.v_number,
                registered_by: p.registered_by,
            }),
        )
    }
}
