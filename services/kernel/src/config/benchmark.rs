//! `[benchmark]` in `tenant.toml`: whether a municipality takes part in the comparison of
//! municipalities, and how.

use serde::Deserialize;

/// Taking part in the comparison of municipalities. Without the section, a tenant's figures
/// are neither computed nor compared.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkConfig {
    /// How the tenant's figures are shared.
    pub share: BenchmarkShare,
    /// The least number of events (calls, e-mails, callbacks, closed cases) one of the
    /// tenant's figures must rest on before it is compared; fewer, and that figure is left
    /// out with the reason (1 to 1,000,000; default 100).
    #[serde(default = "default_minimum_events")]
    pub minimum_events: u32,
}

/// How a taking-part tenant's figures are shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BenchmarkShare {
    /// Counted in the medians and quartiles, never named.
    Anonymous,
    /// Also shown by name, in the public ranking and to the other participants.
    Named,
}

/// The highest `minimum_events` a tenant may set.
pub const MAX_MINIMUM_EVENTS: u32 = 1_000_000;

fn default_minimum_events() -> u32 {
    100
}

impl BenchmarkConfig {
    /// What is wrong with the section, as (key, message).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if !(1..=MAX_MINIMUM_EVENTS).contains(&self.minimum_events) {
            problems.push((
                "minimum_events",
                format!("minimum_events must be between 1 and {MAX_MINIMUM_EVENTS}"),
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_section_with_its_default() {
        let config: BenchmarkConfig = toml::from_str("share = \"named\"").unwrap();
        assert_eq!(config.share, BenchmarkShare::Named);
        assert_eq!(config.minimum_events, 100);
        assert!(config.problems().is_empty());
    }

    #[test]
    fn refuses_an_unknown_share_and_a_zero_minimum() {
        assert!(toml::from_str::<BenchmarkConfig>("share = \"public\"").is_err());
        let config: BenchmarkConfig =
            toml::from_str("share = \"anonymous\"\nminimum_events = 0").unwrap();
        assert_eq!(config.problems()[0].0, "minimum_events");
    }
}
