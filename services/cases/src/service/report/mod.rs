//! Reports about public space (meldingen): cases of a report category, filed by anyone at a
//! place in the municipality, with the reporters kept informed.
//!
//! - Filing ([`Cases::file_report`]) checks the category's form, places the report (a point,
//!   or an address from the registry) inside the box around the municipality's addresses,
//!   and writes the case, its reporter and its events in the request's transaction; an
//!   idempotency key makes a retry return the first report. Instead of a new report, a
//!   reporter may join an open one of the same category nearby ([`Cases::nearby_reports`]).
//! - Reporters are told of receipt, of each status change and of the end (with a
//!   satisfaction question) through `report.*` outbox events that carry their addresses and
//!   never reach webhooks; an unhappy answer reopens the report ([`Cases::answer_survey`]).
//! - What anyone may see of a report ([`PublicReport`]) has no reporter's words or details, a
//!   position coarsened to about 50 m, and only for categories on the public map.
//! - Photos are uploaded first ([`Cases::store_photo`]: JPEG or PNG, metadata removed) and
//!   attached by the report filed with their ids; only staff who may read the report see them.
//! - Contact details are removed a tenant-set number of days after a report ends
//!   ([`Cases::anonymise_reporters`]).

mod anonymise;
mod file;
mod notice;
mod photos;
mod place;
mod public;
mod reporters;
mod survey;

pub use anonymise::Anonymised;
pub use file::{Filed, NewReport, Place, ReporterDetails};
pub use photos::{PhotoRecord, StoredPhoto};
pub use public::{
    MAX_PAGE, NearbyReport, PublicReport, ReportFilter, ReportPage, nearby_statement,
};
pub use reporters::ReporterRecord;
pub use survey::SurveyAnswer;

pub(crate) use notice::announce_change;
pub(crate) use place::coarse;

/// Metres per degree of latitude.
pub(crate) const METRES_PER_DEGREE: f64 = 111_320.0;

/// Distance in metres between two WGS84 points (equirectangular; exact enough within a town).
pub(crate) fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let x = (lon2 - lon1).to_radians() * ((lat1 + lat2) / 2.0).to_radians().cos();
    let y = (lat2 - lat1).to_radians();
    (x * x + y * y).sqrt() * 6_371_000.0
}

/// `$from, $from+1, …` for `n` statement parameters.
pub(crate) fn placeholders(from: usize, n: usize) -> String {
    (0..n)
        .map(|i| format!("${}", from.saturating_add(i)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `(lat, lon)` is a position on earth (WGS84).
pub(crate) fn on_earth(lat: f64, lon: f64) -> bool {
    lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
}

/// A random code for a reporter's links and its SHA-256, stored instead of the code.
pub(crate) fn new_code() -> (String, String) {
    let code = uuid::Uuid::new_v4().simple().to_string();
    let hash = digest(&code);
    (code, hash)
}

/// The SHA-256 of `text`, in hex.
pub(crate) fn digest(text: &str) -> String {
    hex::encode(ring::digest::digest(&ring::digest::SHA256, text.as_bytes()))
}
