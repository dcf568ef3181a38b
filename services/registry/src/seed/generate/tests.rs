//! The generator's guarantees: determinism, valid and unique BSNs, addresses inside the
//! municipality, permits exactly for non-EU nationals, a valuation per dwelling.

use std::collections::HashSet;

use super::*;

fn eleven_check(bsn: &str) -> bool {
    let sum: i64 = bsn
        .bytes()
        .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
        .map(|(b, w)| i64::from(b - b'0') * w)
        .sum();
    bsn.len() == 9 && sum != 0 && sum % 11 == 0
}

#[test]
fn bsn_prefixes() {
    assert_eq!(bsn_from_prefix(99_999_365).as_deref(), Some("999993653"));
    for p in 99_990_000..99_990_200 {
        if let Some(bsn) = bsn_from_prefix(p) {
            assert!(eleven_check(&bsn), "{bsn}");
        }
    }
}

#[test]
fn deterministic_and_realistic() {
    let m = municipality("enschede").unwrap();
    let (a, next) = generate(m, 1000, 7, 99_990_000);
    let (b, _) = generate(m, 1000, 7, 99_990_000);
    assert_eq!(a, b);
    assert_ne!(a, generate(m, 1000, 8, 99_990_000).0);
    assert!(next > 99_990_000);
    assert_eq!(a.persons.len(), 1000);
    let bsns: HashSet<&str> = a.persons.iter().map(|p| p.bsn.as_str()).collect();
    assert_eq!(bsns.len(), 1000);
    assert!(a.persons.iter().all(|p| eleven_check(&p.bsn)));
    let addresses: HashSet<&str> = a.addresses.iter().map(|x| x.id.as_str()).collect();
    assert!(
        a.persons
            .iter()
            .all(|p| addresses.contains(p.address_id.as_str()) && p.municipality_code == "0153")
    );
    let unique: HashSet<(&str, i32, &str, &str)> = a
        .addresses
        .iter()
        .map(|x| {
            (
                x.postcode.as_str(),
                x.house_number,
                x.letter.as_str(),
                x.addition.as_str(),
            )
        })
        .collect();
    assert_eq!(
        unique.len(),
        a.addresses.len(),
        "postcode + number is unique"
    );
    for x in &a.addresses {
        let n: u16 = x.postcode[..4].parse().unwrap();
        assert!(
            (7500..=7548).contains(&n) && x.postcode[4..].bytes().all(|b| b.is_ascii_uppercase())
        );
        let d = ((x.lat - m.lat) * 111_320.0)
            .hypot((x.lon - m.lon) * 111_320.0 * m.lat.to_radians().cos());
        assert!(d < 6000.0, "{d}");
    }
    for p in &a.persons {
        let permits = a.permits.iter().filter(|x| x.bsn == p.bsn).count();
        assert_eq!(
            permits,
            usize::from(NON_EU.contains(&p.nationality.as_str())),
            "{}",
            p.nationality
        );
    }
    let dwellings = a
        .valuations
        .iter()
        .filter(|v| v.usage == "dwelling")
        .count();
    assert_eq!(dwellings, a.addresses.len());
    assert!(
        a.valuations
            .iter()
            .all(|v| v.values.len() == 5 && v.values.windows(2).all(|w| w[0].0 < w[1].0))
    );
    assert!(!a.documents.is_empty());
}

#[test]
fn ten_thousand_residents() {
    let (batch, _) = generate(municipality("haarlem").unwrap(), 10_000, 1, 10_000_000);
    assert_eq!(batch.persons.len(), 10_000);
}

#[test]
fn any_tenant_has_somewhere_to_live() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
    let tenants = loket_kernel::config::load_dir(&dir).unwrap();
    let haarlem = tenants
        .tenants
        .values()
        .find(|t| t.slug.as_str() == "haarlem")
        .unwrap();
    assert_eq!(municipality_of(haarlem), *municipality("haarlem").unwrap());
    let mut other = haarlem.clone();
    other.slug = loket_kernel::TenantId::new("gemeente-07").unwrap();
    other.name = "Gemeente 07".into();
    other.municipality_code = String::from("9007").try_into().unwrap();
    let m = municipality_of(&other);
    assert_eq!(
        (m.slug.as_ref(), m.name.as_ref(), m.code.as_ref()),
        ("gemeente-07", "07", "9007")
    );
    assert_eq!(m.postcode_to - m.postcode_from, 4);
    assert!((4000..=6999).contains(&m.postcode_from) && (4000..=6999).contains(&m.postcode_to));
    assert!(
        (50.7..53.6).contains(&m.lat) && (3.3..7.3).contains(&m.lon),
        "{m:?}"
    );
    // A whole country's generated municipalities live in postcode ranges of their own.
    let mut ranges = std::collections::BTreeSet::new();
    for code in 9001..=9342 {
        let mut next = other.clone();
        next.municipality_code = code.to_string().try_into().unwrap();
        let n = municipality_of(&next);
        assert!(
            ranges.insert((n.postcode_from, n.postcode_to)),
            "{code} shares a range"
        );
    }
    let (batch, _) = generate(&m, 200, 1, 10_000_000);
    assert_eq!(batch.persons.len(), 200);
    assert!(batch.persons.iter().all(|p| p.municipality_code == "9007"));
    assert!(
        batch
            .addresses
            .iter()
            .all(|a| a.city == "07" && a.id.starts_with("9007"))
    );
}
