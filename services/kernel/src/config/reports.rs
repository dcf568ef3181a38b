//! A tenant's settings for reports about public space (meldingen).

use serde::Deserialize;

/// How reports about public space are handled in one municipality.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportsConfig {
    /// Open reports of the same category within this many metres of a new one are offered as
    /// "already reported".
    #[serde(default = "default_duplicate_radius")]
    pub duplicate_radius_m: u32,
    /// Days after a report ends before its reporters' contact details are removed.
    #[serde(default = "default_anonymise_after")]
    pub anonymise_after_days: u32,
    /// Metres a report's location may lie outside the box around the municipality's
    /// addresses (the registry holds no municipal boundaries).
    #[serde(default = "default_bounds_margin")]
    pub bounds_margin_m: u32,
}

fn default_duplicate_radius() -> u32 {
    50
}

fn default_anonymise_after() -> u32 {
    365
}

fn default_bounds_margin() -> u32 {
    250
}

impl Default for ReportsConfig {
    fn default() -> Self {
        Self {
            duplicate_radius_m: default_duplicate_radius(),
            anonymise_after_days: default_anonymise_after(),
            bounds_margin_m: default_bounds_margin(),
        }
    }
}

impl ReportsConfig {
    /// What is wrong with these settings, each as `(key, message)`.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if !(5..=1000).contains(&self.duplicate_radius_m) {
            problems.push((
                "duplicate_radius_m",
                "duplicate_radius_m must be between 5 and 1000".into(),
            ));
        }
        if !(1..=3650).contains(&self.anonymise_after_days) {
            problems.push((
                "anonymise_after_days",
                "anonymise_after_days must be between 1 and 3650".into(),
            ));
        }
        if self.bounds_margin_m > 5000 {
            problems.push((
                "bounds_margin_m",
                "bounds_margin_m must be at most 5000".into(),
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_limits_are_named() {
        assert!(ReportsConfig::default().problems().is_empty());
        let wrong = ReportsConfig {
            duplicate_radius_m: 0,
            anonymise_after_days: 0,
            bounds_margin_m: 10_000,
        };
        let keys: Vec<&str> = wrong.problems().into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "duplicate_radius_m",
                "anonymise_after_days",
                "bounds_margin_m"
            ]
        );
    }
}
