//! Plausible values: what a real frontend would send, chosen from the fixtures by the
//! argument's name and type, so that a request gets past validation and into the services
//! (where a hostile value elsewhere in the same request then does its work). One [`Pick`] per
//! request keeps related fields together: a `caseId` and its `expectedVersion` are of the
//! same case.

use rand::{Rng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::{fixtures::TenantFixtures, value::GValue};

/// The fixtures and choices one request draws from.
pub struct Pick<'a> {
    /// The tenant whose data the plausible values come from (usually the caller's own).
    pub fx: &'a TenantFixtures,
    case: usize,
    callback: usize,
    resident: usize,
}

impl<'a> Pick<'a> {
    /// Fixes the case, callback and resident this request is about.
    pub fn new(fx: &'a TenantFixtures, rng: &mut ChaCha8Rng) -> Self {
        let mut index = |n: usize| if n == 0 { 0 } else { rng.random_range(0..n) };
        Self {
            case: index(fx.cases.len()),
            callback: index(fx.callbacks.len()),
            resident: index(fx.bsns.len()),
            fx,
        }
    }

    fn one(list: &[String], rng: &mut ChaCha8Rng, fallback: &str) -> GValue {
        GValue::str(list.choose(rng).map_or(fallback, String::as_str))
    }

    /// A plausible value for input `name` of scalar or enum type `base`, inside `parent`
    /// (an input object's name, or the field for an argument); `None` when nothing about the
    /// name suggests one, so the caller falls back to the type.
    pub fn value(
        &self,
        parent: &str,
        name: &str,
        base: &str,
        rng: &mut ChaCha8Rng,
    ) -> Option<GValue> {
        let fx = self.fx;
        let name_l = name.to_ascii_lowercase();
        let parent_l = parent.to_ascii_lowercase();
        let case = fx.cases.get(self.case);
        let value = match (name_l.as_str(), base) {
            ("bsn" | "subject", _) => GValue::str(
                fx.bsns
                    .get(self.resident)
                    .map_or("999900018", String::as_str),
            ),
            ("postcode", _) => GValue::str(fx.homes.choose(rng).map_or("7511AA", |h| h.0.as_str())),
            ("housenumber", _) => GValue::Int(fx.homes.choose(rng).map_or(1, |h| h.1).into()),
            ("surname", _) => GValue::str(fx.names.choose(rng).map_or("Jansen", |n| n.0.as_str())),
            ("birthdate", _) => {
                GValue::str(fx.names.choose(rng).map_or("1980-01-01", |n| n.1.as_str()))
            }
            ("letter" | "addition", _) => GValue::str("A"),
            ("caseid", _) => GValue::str(case.map_or("", |c| c.0.as_str())),
            ("expectedversion", _) if parent_l.contains("callback") => {
                GValue::Int(fx.callbacks.get(self.callback).map_or(1, |c| c.1).into())
            }
            ("expectedversion", _) => GValue::Int(case.map_or(1, |c| c.2).into()),
            ("id", _) if parent_l.contains("callback") => {
                GValue::str(fx.callbacks.get(self.callback).map_or("", |c| c.0.as_str()))
            }
            ("id" | "subscriptionid", _) if parent_l.contains("subscri") => {
                Self::one(&fx.subscriptions, rng, "")
            }
            ("id", _) if parent_l.contains("deliver") => Self::one(&fx.deliveries, rng, ""),
            ("id", "ID") => {
                let any: Vec<String> = [
                    fx.cases.iter().map(|c| c.0.clone()).collect::<Vec<_>>(),
                    fx.contacts.clone(),
                    vec![fx.tenant_id.clone()],
                ]
                .concat();
                Self::one(&any, rng, "")
            }
            ("contactid", _) => Self::one(&fx.contacts, rng, ""),
            ("reference" | "casereference", _) => GValue::str(case.map_or("", |c| c.1.as_str())),
            ("product" | "products" | "code" | "productcode", _) => {
                GValue::str(fx.products.choose(rng).map_or("paspoort", |p| p.0.as_str()))
            }
            ("casetype" | "casetypes", _) => Self::one(&fx.case_types, rng, "building-permit"),
            ("status" | "statuses", "String") => Self::one(&fx.statuses, rng, "received"),
            ("outcome", "String") => Self::one(&fx.outcomes, rng, "granted"),
            ("municipalitycode", _) => GValue::str(fx.municipality_code.clone()),
            ("team", _) => Self::one(&fx.teams, rng, "burgerzaken"),
            ("handler", _) => GValue::str("j.devries"),
            ("objectid", _) => Self::one(&fx.valuation_objects, rng, ""),
            ("addressid", _) => Self::one(&fx.address_ids, rng, ""),
            ("after", _) => Self::one(&fx.cursors, rng, "bzow"),
            ("first", _) => GValue::Int(rng.random_range(1..=20)),
            ("limit", _) => GValue::Int(rng.random_range(1..=20)),
            ("days", _) => GValue::Int(rng.random_range(1..=10)),
            ("waitseconds" | "handlingseconds", _) => GValue::Int(rng.random_range(1..=600)),
            ("radiusmeters", _) => GValue::Int(250),
            ("costcents", _) => GValue::Int(7_500),
            ("search", _) => GValue::str(
                *[
                    "paspoort",
                    "bouwvergunning",
                    "rijbewijs",
                    "verhuizen",
                    "parkeren",
                ]
                .choose(rng)
                .unwrap_or(&"paspoort"),
            ),
            ("phone", _) => GValue::str("0612345678"),
            ("address", _) if parent_l.contains("subscribe") => GValue::str("bewoner@example.org"),
            ("language", _) => GValue::str("nl"),
            ("object", _) => GValue::str("case/*/outcome"),
            ("attribute", _) => GValue::str("caseType"),
            ("value", _) => GValue::str("building-permit"),
            ("eventkinds", _) => GValue::str("case.decided"),
            ("nationality", _) => GValue::str("SY"),
            ("vnumber", _) => GValue::str("1234567890"),
            ("permitkind", _) => GValue::str("regular-fixed-term"),
            ("idempotencykey", _) => GValue::str(format!("fuzz-{}", rng.random::<u32>())),
            ("from", "NaiveDate") => GValue::str("2025-01-01"),
            ("to", "NaiveDate") => GValue::str("2025-12-31"),
            ("validuntil" | "duebefore", _) => GValue::str("2027-06-30"),
            _ => return None,
        };
        Some(value)
    }

    /// A plausible value of a scalar type when the name says nothing.
    pub fn of_type(base: &str, rng: &mut ChaCha8Rng) -> GValue {
        match base {
            "Int" => GValue::Int(rng.random_range(0..=50)),
            "Float" => GValue::Float("1.5".to_owned()),
            "Boolean" => GValue::Bool(rng.random()),
            "NaiveDate" => GValue::str("2026-03-15"),
            "DateTime" => GValue::str("2026-03-15T10:00:00Z"),
            _ => GValue::str(
                *[
                    "Hoe lang duurt het?",
                    "Graag teruggebeld",
                    "openingstijden",
                    "x",
                ]
                .choose(rng)
                .unwrap_or(&"x"),
            ),
        }
    }
}
