//! What the registry returns: records with each field group either visible or refused.

use chrono::NaiveDate;
use loket_kernel::Bsn;
pub use loket_kernel::Guarded;
use loket_store::processing_log::ReadAs;

use crate::entity::{address, residence_permit, travel_document};

/// An address.
#[derive(Debug, Clone, PartialEq)]
pub struct AddressRecord {
    /// BAG id.
    pub id: String,
    /// Street.
    pub street: String,
    /// House number.
    pub house_number: i32,
    /// House letter.
    pub letter: Option<String>,
    /// Addition.
    pub addition: Option<String>,
    /// Postcode `1234AB`.
    pub postcode: String,
    /// City.
    pub city: String,
    /// CBS municipality code.
    pub municipality_code: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

impl From<address::Model> for AddressRecord {
    fn from(a: address::Model) -> Self {
        let some = |s: String| (!s.is_empty()).then_some(s);
        Self {
            id: a.id,
            street: a.street,
            house_number: a.house_number,
            letter: some(a.letter),
            addition: some(a.addition),
            postcode: a.postcode,
            city: a.city,
            municipality_code: a.municipality_code,
            lat: a.lat,
            lon: a.lon,
        }
    }
}

/// A travel document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelDocumentRecord {
    /// `passport`, `id-card` or `driving-licence`.
    pub kind: String,
    /// Document number.
    pub number: String,
    /// Expiry date.
    pub expires_on: NaiveDate,
}

impl From<travel_document::Model> for TravelDocumentRecord {
    fn from(d: travel_document::Model) -> Self {
        Self {
            kind: d.kind,
            number: d.number,
            expires_on: d.expires_on,
        }
    }
}

/// Nationality and, for non-EU nationals, the residence permit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermitRecord {
    /// ISO 3166-1 alpha-2.
    pub nationality: String,
    /// Permit kind.
    pub kind: Option<String>,
    /// Valid until.
    pub valid_until: Option<NaiveDate>,
    /// V-number.
    pub v_number: Option<String>,
    /// Tenant whose desk registered it.
    pub registered_by: Option<String>,
}

impl PermitRecord {
    pub(crate) fn new(nationality: String, permit: Option<residence_permit::Model>) -> Self {
        Self {
            nationality,
            kind: permit.as_ref().map(|p| p.kind.clone()),
            valid_until: permit.as_ref().map(|p| p.valid_until),
            v_number: permit.as_ref().map(|p| p.v_number.clone()),
            registered_by: permit.and_then(|p| p.registered_by),
        }
    }
}

/// A person as this caller may see them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRecord {
    /// The BSN.
    pub bsn: Bsn,
    /// Given names, surname prefix, surname.
    pub name: Guarded<(String, Option<String>, String)>,
    /// Birth date and place.
    pub birth: Guarded<(NaiveDate, String)>,
    /// Current address (and municipality of residence through it).
    pub address: Guarded<Option<AddressRecord>>,
    /// Travel documents.
    pub documents: Guarded<Vec<TravelDocumentRecord>>,
    /// Nationality and residence permit.
    pub residence_permit: Guarded<PermitRecord>,
    /// Why it was read, for the processing log.
    pub read_as: ReadAs,
    /// Its cursor in the list it came in, if any.
    pub cursor: Option<String>,
}
