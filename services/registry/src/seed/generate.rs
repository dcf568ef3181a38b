//! The generator: deterministic households of synthetic residents for one municipality.
//!
//! Same inputs, same output (a seeded ChaCha stream and a fixed reference date, never the
//! clock), so demo data and benchmarks are reproducible. BSNs are consecutive valid numbers
//! starting from a given 8-digit prefix (the 9999 test range for demo data).

#![expect(
    clippy::arithmetic_side_effects,
    reason = "synthetic demo data from bounded generator parameters, not client input"
)]

use std::borrow::Cow;

use chrono::{Days, NaiveDate};
use loket_kernel::config::TenantConfig;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{
    model::*,
    names::{DUTCH_PLACES, GIVEN_NAMES, STREETS, SURNAMES, foreign_place},
};

/// The six demo municipalities (CBS codes, postcode ranges and centres from public sources).
pub const MUNICIPALITIES: [Municipality; 6] = [
    Municipality {
        slug: Cow::Borrowed("enschede"),
        name: Cow::Borrowed("Enschede"),
        code: Cow::Borrowed("0153"),
        postcode_from: 7500,
        postcode_to: 7548,
        lat: 52.2215,
        lon: 6.8937,
    },
    Municipality {
        slug: Cow::Borrowed("haarlem"),
        name: Cow::Borrowed("Haarlem"),
        code: Cow::Borrowed("0392"),
        postcode_from: 2000,
        postcode_to: 2037,
        lat: 52.3874,
        lon: 4.6462,
    },
    Municipality {
        slug: Cow::Borrowed("dordrecht"),
        name: Cow::Borrowed("Dordrecht"),
        code: Cow::Borrowed("0505"),
        postcode_from: 3311,
        postcode_to: 3329,
        lat: 51.8133,
        lon: 4.6901,
    },
    Municipality {
        slug: Cow::Borrowed("zwijndrecht"),
        name: Cow::Borrowed("Zwijndrecht"),
        code: Cow::Borrowed("0642"),
        postcode_from: 3330,
        postcode_to: 3339,
        lat: 51.8175,
        lon: 4.6397,
    },
    Municipality {
        slug: Cow::Borrowed("papendrecht"),
        name: Cow::Borrowed("Papendrecht"),
        code: Cow::Borrowed("0590"),
        postcode_from: 3350,
        postcode_to: 3356,
        lat: 51.8317,
        lon: 4.6875,
    },
    Municipality {
        slug: Cow::Borrowed("heemskerk"),
        name: Cow::Borrowed("Heemskerk"),
        code: Cow::Borrowed("0396"),
        postcode_from: 1960,
        postcode_to: 1969,
        lat: 52.5108,
        lon: 4.6722,
    },
];

/// The demo municipality with this slug.
pub fn municipality(slug: &str) -> Option<&'static Municipality> {
    MUNICIPALITIES.iter().find(|m| m.slug == slug)
}

/// Where a tenant's residents live: its demo municipality, or for any other tenant a
/// synthetic one with the name (without a leading "Gemeente ") and CBS code of its
/// configuration, a range of five postcode numbers in 4000–6999 and a centre in the
/// Netherlands, both derived from the code. There are 600 such ranges, so codes that differ
/// by less than 600 never share one: the generated municipalities 9001–9342 of a whole
/// country's benchmark each have their own (with ten numbers, codes 300 apart collided).
pub fn municipality_of(tenant: &TenantConfig) -> Municipality {
    if let Some(m) = municipality(tenant.slug.as_str()) {
        return m.clone();
    }
    let code = tenant.municipality_code.as_str();
    let n = code.parse::<u16>().unwrap_or(0);
    let from = 4000 + (n % 600) * 5;
    let name = tenant
        .name
        .strip_prefix("Gemeente ")
        .unwrap_or(&tenant.name);
    Municipality {
        slug: Cow::Owned(tenant.slug.to_string()),
        name: Cow::Owned(name.to_owned()),
        code: Cow::Owned(code.to_owned()),
        postcode_from: from,
        postcode_to: from + 4,
        lat: 51.5 + f64::from(n.wrapping_mul(7_919) % 150) / 100.0,
        lon: 4.5 + f64::from(n.wrapping_mul(39_191) % 230) / 100.0,
    }
}

/// The BSN with this 8-digit prefix: the check digit makes the 11-check hold; `None` when it
/// would have to be 10.
pub fn bsn_from_prefix(prefix8: u32) -> Option<String> {
    let digits = format!("{prefix8:08}");
    let sum: u32 = digits
        .bytes()
        .zip((2..=9).rev())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = sum % 11;
    (check < 10 && prefix8 >= 10_000_000).then(|| format!("{digits}{check}"))
}

const REFERENCE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
const EU: &[&str] = &["DE", "BE", "PL", "ES", "IT", "PT", "RO", "BG"];
const NON_EU: &[&str] = &["TR", "MA", "SY", "SR", "IN", "CN", "US", "ER", "UA"];
const PERMITS: &[&str] = &[
    "regular-fixed-term",
    "regular-indefinite",
    "eu-long-term",
    "asylum-fixed-term",
    "study",
    "highly-skilled-migrant",
];
/// Letters for postcodes and document numbers (no O, easily read as 0).
const LETTERS: &[u8] = b"ABCDEFGHIJKLMNPQRSTUVWXYZ";
const METRES_PER_DEGREE: f64 = 111_320.0;

/// A surname with its prefix.
type Surname = (Option<&'static str>, &'static str);

/// Price per m² of a dwelling, roughly as local markets differ.
fn price_per_m2(m: &Municipality) -> f64 {
    match m.slug.as_ref() {
        "haarlem" => 6_300.0,
        "heemskerk" => 5_500.0,
        "enschede" => 3_000.0,
        _ => 3_800.0,
    }
}

struct Generator<'a> {
    m: &'a Municipality,
    rng: ChaCha8Rng,
    prefix: u32,
    batch: SeedBatch,
    street: (String, f64, f64, f64),
    block: u32,
}

impl Generator<'_> {
    fn normal(&mut self) -> f64 {
        let u1: f64 = self.rng.random_range(f64::EPSILON..1.0);
        let u2: f64 = self.rng.random();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    fn offset(&self, lat: f64, lon: f64, north_m: f64, east_m: f64) -> (f64, f64) {
        let cos = lat.to_radians().cos();
        (
            lat + north_m / METRES_PER_DEGREE,
            lon + east_m / (METRES_PER_DEGREE * cos),
        )
    }

    fn next_bsn(&mut self) -> String {
        loop {
            let prefix = self.prefix;
            self.prefix = if prefix >= 99_999_999 {
                10_000_000
            } else {
                prefix + 1
            };
            if let Some(bsn) = bsn_from_prefix(prefix) {
                return bsn;
            }
        }
    }

    /// The postcode of address block `k`: unique per block within the municipality's range.
    fn postcode(&self, k: u32) -> String {
        let span = u32::from(self.m.postcode_to - self.m.postcode_from) + 1;
        let number = u32::from(self.m.postcode_from) + k % span;
        let mut i = k / span;
        loop {
            let (a, b) = (
                LETTERS[(i as usize / LETTERS.len()) % LETTERS.len()],
                LETTERS[i as usize % LETTERS.len()],
            );
            let pair = [a, b];
            if !matches!(&pair, b"SS" | b"SD" | b"SA") {
                return format!("{number}{}{}", a as char, b as char);
            }
            i = i.saturating_add(1);
        }
    }

    fn new_address(&mut self) -> SeedAddress {
        let seq = self.batch.addresses.len() as u32;
        if seq.is_multiple_of(40) {
            let name = STREETS[self.rng.random_range(0..STREETS.len())].to_owned();
            let (n, e) = (self.normal() * 1200.0, self.normal() * 1200.0);
            let (lat, lon) = self.offset(
                self.m.lat,
                self.m.lon,
                n.clamp(-3000.0, 3000.0),
                e.clamp(-3000.0, 3000.0),
            );
            let heading = self.rng.random_range(0.0..std::f64::consts::TAU);
            self.street = (name, lat, lon, heading);
        }
        let number = (seq % 40 + 1) as i32;
        if seq.is_multiple_of(20) {
            self.block = self.block.saturating_add(1);
        }
        let flat = self.rng.random_bool(0.08);
        let (street, lat, lon, heading) = self.street.clone();
        let along = f64::from(number) * 8.0;
        let (lat, lon) = self.offset(lat, lon, along * heading.cos(), along * heading.sin());
        let address = SeedAddress {
            id: format!("{}20{:010}", self.m.code, seq + 1),
            street,
            house_number: number,
            letter: if !flat && self.rng.random_bool(0.04) {
                "A".into()
            } else {
                String::new()
            },
            addition: if flat {
                format!("{}", self.rng.random_range(1..4))
            } else {
                String::new()
            },
            postcode: self.postcode(self.block),
            city: self.m.name.to_string(),
            municipality_code: self.m.code.to_string(),
            lat,
            lon,
        };
        self.batch.addresses.push(address.clone());
        address
    }

    fn birth(&mut self, min_age: u64, max_age: u64) -> NaiveDate {
        let days = self.rng.random_range(min_age * 365..=max_age * 365 + 364);
        REFERENCE
            .checked_sub_days(Days::new(days))
            .unwrap_or(REFERENCE)
    }

    fn person(
        &mut self,
        address: &SeedAddress,
        surname: (Option<&str>, &str),
        nationality: &str,
        ages: (u64, u64),
    ) {
        let bsn = self.next_bsn();
        let given = GIVEN_NAMES[self.rng.random_range(0..GIVEN_NAMES.len())];
        let second = if self.rng.random_bool(0.4) {
            format!(
                " {}",
                GIVEN_NAMES[self.rng.random_range(0..GIVEN_NAMES.len())]
            )
        } else {
            String::new()
        };
        let birth_date = self.birth(ages.0, ages.1);
        let birth_place = if nationality != "NL" && self.rng.random_bool(0.7) {
            foreign_place(nationality).to_owned()
        } else if self.rng.random_bool(0.6) {
            self.m.name.to_string()
        } else {
            DUTCH_PLACES[self.rng.random_range(0..DUTCH_PLACES.len())].to_owned()
        };
        let adult = ages.0 >= 18;
        if self.rng.random_bool(if adult { 0.85 } else { 0.6 }) {
            let kind = if self.rng.random_bool(0.6) {
                "passport"
            } else {
                "id-card"
            };
            self.document(&bsn, kind);
        }
        if adult && self.rng.random_bool(0.5) {
            self.document(&bsn, "driving-licence");
        }
        if NON_EU.contains(&nationality) {
            let start = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or(REFERENCE);
            let valid_until = start
                .checked_add_days(Days::new(self.rng.random_range(0..2500)))
                .unwrap_or(start);
            let kind = PERMITS[self.rng.random_range(0..PERMITS.len())].to_owned();
            let v_number = format!("{:010}", 1_000_000_000 + bsn.parse::<u64>().unwrap_or(0));
            self.batch.permits.push(SeedPermit {
                bsn: bsn.clone(),
                kind,
                valid_until,
                v_number,
            });
        }
        self.batch.persons.push(SeedPerson {
            bsn,
            given_names: format!("{given}{second}"),
            surname_prefix: surname.0.map(str::to_owned),
            surname: surname.1.to_owned(),
            birth_date,
            birth_place,
            address_id: address.id.clone(),
            municipality_code: self.m.code.to_string(),
            nationality: nationality.to_owned(),
        });
    }

    fn document(&mut self, bsn: &str, kind: &str) {
        let mut number = String::new();
        for i in 0..9 {
            let c = match i {
                0 | 1 => LETTERS[self.rng.random_range(0..LETTERS.len())] as char,
                8 => char::from(b'0' + self.rng.random_range(0..10u8)),
                _ if self.rng.random_bool(0.5) => {
                    LETTERS[self.rng.random_range(0..LETTERS.len())] as char
                }
                _ => char::from(b'0' + self.rng.random_range(0..10u8)),
            };
            number.push(c);
        }
        let start = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or(REFERENCE);
        let expires_on = start
            .checked_add_days(Days::new(self.rng.random_range(0..3867)))
            .unwrap_or(start);
        self.batch.documents.push(SeedDocument {
            bsn: bsn.to_owned(),
            kind: kind.to_owned(),
            number,
            expires_on,
        });
    }

    fn valuation(&mut self, address: &SeedAddress, usage: &str) {
        let seq = self.batch.valuations.len() as u32 + 1;
        let flat = !address.addition.is_empty() || !address.letter.is_empty();
        let floor_area = if usage == "dwelling" {
            (60.0 + self.normal().abs() * 45.0).clamp(40.0, 250.0) as i32
        } else {
            self.rng.random_range(80..900)
        };
        let plot_area = if flat {
            0
        } else {
            self.rng.random_range(80..600)
        };
        let factor = self.rng.random_range(0.85..1.15);
        let mut value =
            f64::from(floor_area) * price_per_m2(self.m) * factor + f64::from(plot_area) * 120.0;
        let mut values = Vec::new();
        for year in (2022..=2026).rev() {
            let date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(REFERENCE);
            values.push((date, ((value / 1000.0).round() as i64) * 1000));
            value /= self.rng.random_range(0.98..1.10);
        }
        values.reverse();
        self.batch.valuations.push(SeedValuation {
            id: format!("{}{:08}", self.m.code, seq),
            address_id: address.id.clone(),
            usage: usage.to_owned(),
            floor_area,
            plot_area,
            build_year: self.rng.random_range(1900..2025),
            lat: address.lat,
            lon: address.lon,
            values,
        });
    }
}

/// Generates `persons` residents of `m` in households, their addresses, documents, permits
/// and valuations; returns them and the next unused BSN prefix.
pub fn generate(
    m: &Municipality,
    persons: usize,
    seed: u64,
    first_bsn_prefix: u32,
) -> (SeedBatch, u32) {
    let code: u64 = m.code.parse().unwrap_or(0);
    let mut g = Generator {
        m,
        rng: ChaCha8Rng::seed_from_u64(seed ^ code.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
        prefix: first_bsn_prefix,
        batch: SeedBatch::default(),
        street: (String::new(), m.lat, m.lon, 0.0),
        block: 0,
    };
    while g.batch.persons.len() < persons {
        let address = g.new_address();
        g.valuation(&address, "dwelling");
        if g.rng.random_bool(0.03) {
            g.valuation(&address, "non-dwelling");
        }
        let roll: f64 = g.rng.random();
        let nationality = if roll < 0.92 {
            "NL"
        } else if roll < 0.96 {
            EU[g.rng.random_range(0..EU.len())]
        } else {
            NON_EU[g.rng.random_range(0..NON_EU.len())]
        };
        let surname = SURNAMES[g.rng.random_range(0..SURNAMES.len())];
        let kind: f64 = g.rng.random();
        let mut members: Vec<(Surname, (u64, u64))> = Vec::new();
        if kind < 0.10 {
            members.push((surname, (70, 95)));
        } else if kind < 0.45 {
            members.push((surname, (18, 80)));
        } else {
            members.push((surname, (25, 70)));
            let partner = if g.rng.random_bool(0.6) {
                surname
            } else {
                SURNAMES[g.rng.random_range(0..SURNAMES.len())]
            };
            members.push((partner, (25, 70)));
            if kind >= 0.70 {
                for _ in 0..g.rng.random_range(1..=3) {
                    members.push((surname, (0, 17)));
                }
            }
        }
        for (name, ages) in members {
            if g.batch.persons.len() == persons {
                break;
            }
            g.person(&address, name, nationality, ages);
        }
    }
    (g.batch, g.prefix)
}

#[cfg(test)]
mod tests;
