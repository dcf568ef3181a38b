//! `appointments.toml` as written: what serde reads, with the spans that name lines.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AppointmentsFile {
    pub booking: Spanned<BookingFile>,
    #[serde(default)]
    pub reminders: RemindersFile,
    #[serde(default)]
    pub norm: Option<Spanned<NormFile>>,
    #[serde(default, rename = "duration")]
    pub durations: Vec<Spanned<DurationFile>>,
    #[serde(default, rename = "location")]
    pub locations: Vec<Spanned<LocationFile>>,
    #[serde(default)]
    pub exclusive: Vec<Spanned<ExclusiveFile>>,
}

/// `[booking]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BookingFile {
    pub earliest_minutes: u32,
    pub latest_days: u32,
    #[serde(default = "default_step")]
    pub step_minutes: u32,
    #[serde(default = "default_max_persons")]
    pub max_persons: u32,
    #[serde(default = "default_max_products")]
    pub max_products: u32,
    #[serde(default)]
    pub closed_days: Vec<NaiveDate>,
}

const fn default_step() -> u32 {
    5
}

const fn default_max_persons() -> u32 {
    4
}

const fn default_max_products() -> u32 {
    3
}

/// `[norm]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NormFile {
    pub seen_within_minutes: u32,
    pub target_percentage: u32,
}

/// `[reminders]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RemindersFile {
    #[serde(default = "yes")]
    pub day_before: bool,
    #[serde(default)]
    pub hours_before: Option<Spanned<u32>>,
}

impl Default for RemindersFile {
    fn default() -> Self {
        Self {
            day_before: true,
            hours_before: None,
        }
    }
}

const fn yes() -> bool {
    true
}

/// One `[[duration]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DurationFile {
    pub product: String,
    pub minutes: u32,
    #[serde(default)]
    pub extra_person_minutes: Option<u32>,
}

/// One `[[location]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LocationFile {
    pub code: String,
    pub name: String,
    pub address: String,
    pub hours: HoursFile,
    #[serde(default, rename = "desk")]
    pub desks: Vec<Spanned<DeskFile>>,
}

/// `[location.hours]`: opening times per working day, as `"08:30-12:30"` (weekends take no
/// appointments).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HoursFile {
    #[serde(default)]
    pub monday: Vec<Spanned<String>>,
    #[serde(default)]
    pub tuesday: Vec<Spanned<String>>,
    #[serde(default)]
    pub wednesday: Vec<Spanned<String>>,
    #[serde(default)]
    pub thursday: Vec<Spanned<String>>,
    #[serde(default)]
    pub friday: Vec<Spanned<String>>,
}

impl HoursFile {
    /// The days from Monday to Friday.
    pub fn days(&self) -> [&[Spanned<String>]; 5] {
        [
            &self.monday,
            &self.tuesday,
            &self.wednesday,
            &self.thursday,
            &self.friday,
        ]
    }
}

/// One `[[location.desk]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DeskFile {
    pub code: String,
    pub products: Vec<String>,
}

/// One `[[exclusive]]`: products that may not share an appointment.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExclusiveFile {
    pub products: Vec<String>,
}
