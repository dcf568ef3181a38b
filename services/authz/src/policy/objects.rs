//! The objects policies speak about.
//!
//! Services ask about these paths; policies may grant them with `*` for one segment
//! (`case/*/outcome`) or `**` for any number (`case/**`). Capabilities are decided ahead for every entry of [`CATALOGUE`], so the
//! common questions never reach the policy engine during a request.

use std::collections::BTreeSet;

/// Every object services ask about, with `*` standing for "any case type".
pub const CATALOGUE: &[&str] = &[
    "tenant/public",
    "tenant/config",
    "policy/rules",
    "processing-log/entries",
    "catalog/products",
    "case/*",
    "case/*/status",
    "case/*/outcome",
    "case/*/public-notes",
    "case/*/internal-notes",
    "case/*/assignment",
    "case/*/reporters",
    "public-report/*",
    "person/name",
    "person/birth",
    "person/address",
    "person/documents",
    "person/residence-permit",
    "valuation/report",
    "alien/registration",
    "contact/moments",
    "contact/callbacks",
    "appointment/times",
    "appointment/own",
    "appointment/counter",
    "report/service",
    "report/search",
    "report/benchmark",
    "subscription/own",
    "notification/webhooks",
    "notification/deliveries",
];

/// The object kinds (first path segment) a policy may name.
pub fn kinds() -> BTreeSet<&'static str> {
    CATALOGUE
        .iter()
        .filter_map(|o| o.split('/').next())
        .collect()
}

/// The objects of one case type, for collaboration grants.
pub fn case_type_objects(case_type: &str) -> Vec<String> {
    CATALOGUE
        .iter()
        .filter_map(|o| o.strip_prefix("case/*"))
        .map(|rest| format!("case/{case_type}{rest}"))
        .collect()
}

/// Whether `object` is a well-formed object path: a known kind, then segments of
/// `a-z0-9-`, `*` or `**`. Only such paths reach the glob matcher, which panics on bad globs.
pub fn is_valid(object: &str) -> bool {
    let mut segments = object.split('/');
    let kind_ok = segments.next().is_some_and(|k| kinds().contains(k));
    let rest: Vec<&str> = segments.collect();
    kind_ok
        && !rest.is_empty()
        && rest.iter().all(|s| {
            *s == "*"
                || *s == "**"
                || (!s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_paths() {
        assert!(is_valid("case/*/outcome"));
        assert!(is_valid("case/building-permit/status"));
        assert!(is_valid("person/*"));
        assert!(!is_valid("case"));
        assert!(!is_valid("cases/*/outcome"));
        assert!(is_valid("case/**"));
        assert!(!is_valid("case/*x/outcome"));
        assert!(!is_valid("case/***"));
        assert!(!is_valid("case/[ab]"));
        assert!(!is_valid("case//outcome"));
        assert!(!is_valid("case/.*/outcome"));
    }

    #[test]
    fn case_type_objects_cover_the_case_entries() {
        let objects = case_type_objects("alien-registration");
        assert!(objects.contains(&"case/alien-registration".to_owned()));
        assert!(objects.contains(&"case/alien-registration/status".to_owned()));
        assert_eq!(
            objects.len(),
            CATALOGUE.iter().filter(|o| o.starts_with("case/")).count()
        );
    }
}
