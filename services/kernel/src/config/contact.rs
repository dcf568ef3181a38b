//! The contact centre's part of `tenant.toml`: the back-office teams that take callback
//! requests, and the days the municipality is closed (for working-day norms).

use chrono::NaiveDate;
use serde::Deserialize;

use crate::calendar::Calendar;

/// `[contact_centre]` in `tenant.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactCentreConfig {
    /// Back-office teams a question can be handed to, for example `burgerzaken`.
    #[serde(default = "default_teams")]
    pub callback_teams: Vec<String>,
    /// Whether the Dutch national public holidays are days off (default: yes).
    #[serde(default = "keeps_national_holidays")]
    pub national_holidays: bool,
    /// Further days the municipality is closed, as `"2026-05-05"`.
    #[serde(default)]
    pub closed_days: Vec<NaiveDate>,
}

fn default_teams() -> Vec<String> {
    [
        "burgerzaken",
        "vergunningen",
        "belastingen",
        "sociaal-domein",
    ]
    .map(String::from)
    .to_vec()
}

fn keeps_national_holidays() -> bool {
    true
}

impl Default for ContactCentreConfig {
    fn default() -> Self {
        Self {
            callback_teams: default_teams(),
            national_holidays: keeps_national_holidays(),
            closed_days: Vec::new(),
        }
    }
}

impl ContactCentreConfig {
    /// The municipality's working-day calendar.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.national_holidays, self.closed_days.iter().copied())
    }
}
