//! The rows the demo-data generator produces, independent of the database.

use std::borrow::Cow;

use chrono::NaiveDate;

/// A demo municipality: where its residents live.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Tenant slug, for example `enschede`.
    pub slug: Cow<'static, str>,
    /// Display name and city name, for example `Enschede`.
    pub name: Cow<'static, str>,
    /// CBS municipality code, for example `0153`.
    pub code: Cow<'static, str>,
    /// First postcode number (four digits) of its range.
    pub postcode_from: u16,
    /// Last postcode number of its range.
    pub postcode_to: u16,
    /// Centre latitude.
    pub lat: f64,
    /// Centre longitude.
    pub lon: f64,
}

/// An address (BAG nummeraanduiding).
#[derive(Debug, Clone, PartialEq)]
pub struct SeedAddress {
    /// 16-digit identifier: municipality code, `20`, then a 10-digit sequence.
    pub id: String,
    /// Street name.
    pub street: String,
    /// House number.
    pub house_number: i32,
    /// House letter, empty when none.
    pub letter: String,
    /// House number addition, empty when none.
    pub addition: String,
    /// Postcode `1234AB`.
    pub postcode: String,
    /// City (woonplaats).
    pub city: String,
    /// CBS municipality code.
    pub municipality_code: String,
    /// Latitude (WGS84).
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
}

/// A resident (BRP).
#[derive(Debug, Clone, PartialEq)]
pub struct SeedPerson {
    /// Valid BSN.
    pub bsn: String,
    /// Given names, space-separated.
    pub given_names: String,
    /// Surname prefix (`van`, `de`, `van der` …), if any.
    pub surname_prefix: Option<String>,
    /// Surname.
    pub surname: String,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Place of birth.
    pub birth_place: String,
    /// Current address (an id of a [`SeedAddress`]).
    pub address_id: String,
    /// Municipality of residence (CBS code).
    pub municipality_code: String,
    /// Nationality, ISO 3166-1 alpha-2 (`NL`, `DE`, `TR` …).
    pub nationality: String,
}

/// A travel document.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedDocument {
    /// Holder.
    pub bsn: String,
    /// `passport`, `id-card` or `driving-licence`.
    pub kind: String,
    /// Document number (9 characters, letters and digits, as Dutch documents).
    pub number: String,
    /// Expiry date.
    pub expires_on: NaiveDate,
}

/// A residence permit of a non-EU national.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedPermit {
    /// Holder.
    pub bsn: String,
    /// Permit kind, for example `regular-fixed-term`, `regular-indefinite`, `eu-long-term`,
    /// `asylum-fixed-term`, `study`, `highly-skilled-migrant`.
    pub kind: String,
    /// Valid until.
    pub valid_until: NaiveDate,
    /// V-number (vreemdelingennummer): 10 digits.
    pub v_number: String,
}

/// A property valuation object (WOZ) with its values.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedValuation {
    /// 12-digit WOZ object number: municipality code then an 8-digit sequence.
    pub id: String,
    /// The object's address.
    pub address_id: String,
    /// `dwelling` or `non-dwelling`.
    pub usage: String,
    /// Floor area in m².
    pub floor_area: i32,
    /// Plot area in m².
    pub plot_area: i32,
    /// Build year.
    pub build_year: i32,
    /// Latitude (the address's).
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Values in euros per reference date (1 January of each year), oldest first.
    pub values: Vec<(NaiveDate, i64)>,
}

/// Everything generated for one municipality.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeedBatch {
    /// Addresses.
    pub addresses: Vec<SeedAddress>,
    /// Residents.
    pub persons: Vec<SeedPerson>,
    /// Travel documents.
    pub documents: Vec<SeedDocument>,
    /// Residence permits.
    pub permits: Vec<SeedPermit>,
    /// Valuation objects.
    pub valuations: Vec<SeedValuation>,
}
