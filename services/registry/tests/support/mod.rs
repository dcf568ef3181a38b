//! Fixtures: the demo tenants' real policies, tokens from their dev issuer, and a small
//! hand-made population whose every detail the tests know.

#![allow(dead_code, reason = "each test file uses part of the fixtures")]

use std::{path::PathBuf, sync::Arc};

use chrono::NaiveDate;
use loket_authz::Authz;
use loket_kernel::{
    Bsn, Ctx, Role, TenantId,
    config::{TenantSet, load_dir},
};
use loket_registry::{
    Registry,
    seed::{model::*, write_batch},
};
use loket_store::testing::TestDb;

/// Enschede resident, NL, with a passport.
pub const ENSCHEDE_ANNA: &str = "999993653";
/// Why the tests read persons.
pub const READ: loket_store::processing_log::ReadAs = loket_store::processing_log::ReadAs {
    operation: "test",
    purpose: "test",
};
/// Another Enschede resident.
pub const ENSCHEDE_BERT: &str = "999900018";
/// Haarlem resident.
pub const HAARLEM_CEES: &str = "999900031";
/// Zwijndrecht resident from Turkey with a permit.
pub const ZWIJNDRECHT_DEMIR: &str = "999900043";
/// Papendrecht resident from Morocco with a permit.
pub const PAPENDRECHT_FATIMA: &str = "999900055";
/// Dordrecht resident from Syria with a permit.
pub const DORDRECHT_SAMI: &str = "999900067";

/// Everything a test needs.
pub struct World {
    pub db: TestDb,
    pub authz: Authz,
    pub registry: Registry,
    pub tenants: Arc<TenantSet>,
}

impl World {
    /// The fixture population on one engine.
    pub async fn new(db: TestDb) -> Self {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
        let tenants = Arc::new(load_dir(&dir).unwrap());
        let authz = Authz::load(&tenants).await.unwrap();
        write_batch(db.db(), &population()).await.unwrap();
        let registry = Registry::new(db.db().clone(), Arc::clone(&tenants));
        Self {
            db,
            authz,
            registry,
            tenants,
        }
    }

    /// The context of a token for `role` at `tenant` (citizens need a BSN).
    pub fn ctx(&self, tenant: &str, role: &str, bsn: Option<&str>) -> Ctx {
        let tenant = TenantId::new(tenant).unwrap();
        let bsn = bsn.map(|b| Bsn::new(b).unwrap());
        let token = self
            .authz
            .authenticator()
            .dev_signer(&tenant)
            .unwrap()
            .sign(&Role::new(role).unwrap(), bsn.as_ref(), 600)
            .unwrap();
        self.authz
            .context(Some(&token), None, "req-test".into())
            .unwrap()
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[allow(clippy::too_many_arguments, reason = "a fixture row")]
fn address(
    id: &str,
    code: &str,
    street: &str,
    number: i32,
    postcode: &str,
    city: &str,
    lat: f64,
    lon: f64,
) -> SeedAddress {
    SeedAddress {
        id: id.into(),
        street: street.into(),
        house_number: number,
        letter: String::new(),
        addition: String::new(),
        postcode: postcode.into(),
        city: city.into(),
        municipality_code: code.into(),
        lat,
        lon,
    }
}

fn person(
    bsn: &str,
    given: &str,
    surname: &str,
    address_id: &str,
    code: &str,
    nationality: &str,
) -> SeedPerson {
    SeedPerson {
        bsn: bsn.into(),
        given_names: given.into(),
        surname_prefix: None,
        surname: surname.into(),
        birth_date: date(1980, 5, 17),
        birth_place: "Enschede".into(),
        address_id: address_id.into(),
        municipality_code: code.into(),
        nationality: nationality.into(),
    }
}

/// Metres north/east of Enschede's centre, as coordinates.
fn near(north_m: f64, east_m: f64) -> (f64, f64) {
    let lat = 52.2215 + north_m / 111_320.0;
    let lon = 6.8937 + east_m / (111_320.0 * 52.2215_f64.to_radians().cos());
    (lat, lon)
}

fn valuation(id: &str, address_id: &str, usage: &str, at: (f64, f64), value: i64) -> SeedValuation {
    SeedValuation {
        id: id.into(),
        address_id: address_id.into(),
        usage: usage.into(),
        floor_area: 110,
        plot_area: 150,
        build_year: 1975,
        lat: at.0,
        lon: at.1,
        values: vec![
            (date(2025, 1, 1), value * 95 / 100),
            (date(2026, 1, 1), value),
        ],
    }
}

/// The fixture population.
pub fn population() -> SeedBatch {
    let c = near(0.0, 0.0);
    let mut addresses = vec![
        address(
            "0153200000000001",
            "0153",
            "Kerkstraat",
            1,
            "7511AB",
            "Enschede",
            c.0,
            c.1,
        ),
        address(
            "0153200000000002",
            "0153",
            "Kerkstraat",
            3,
            "7511AB",
            "Enschede",
            c.0,
            c.1,
        ),
        address(
            "0392200000000001",
            "0392",
            "Grote Markt",
            2,
            "2011RD",
            "Haarlem",
            52.381,
            4.636,
        ),
        address(
            "0642200000000001",
            "0642",
            "Dorpsstraat",
            5,
            "3331AA",
            "Zwijndrecht",
            51.817,
            4.64,
        ),
        address(
            "0590200000000001",
            "0590",
            "Markt",
            7,
            "3351AA",
            "Papendrecht",
            51.832,
            4.688,
        ),
        address(
            "0505200000000001",
            "0505",
            "Voorstraat",
            9,
            "3311AA",
            "Dordrecht",
            51.813,
            4.69,
        ),
    ];
    // Neighbours for the valuation comparables, metres from Anna's house.
    let neighbours = [
        ("000000000011", (100.0, 0.0), "dwelling", 295_000), // in band, nearest dwelling
        ("000000000012", (0.0, 200.0), "dwelling", 305_000), // in band
        ("000000000013", (0.0, 50.0), "dwelling", 400_000),  // out of band
        ("000000000014", (10.0, 0.0), "non-dwelling", 310_000), // other use
        ("000000000015", (3000.0, 0.0), "dwelling", 300_000), // outside the radius
        ("000000000016", (20.0, 0.0), "dwelling", 331_000),  // just over +10 %
        ("000000000017", (0.0, -600.0), "dwelling", 271_000), // in band, farther
    ];
    let mut valuations = vec![valuation(
        "015300000001",
        "0153200000000001",
        "dwelling",
        c,
        300_000,
    )];
    for (i, (_, (n, e), usage, value)) in neighbours.iter().enumerate() {
        let address_id = format!("01532000000001{i:02}");
        let at = near(*n, *e);
        addresses.push(address(
            &address_id,
            "0153",
            "Lindenlaan",
            i as i32 + 1,
            "7512CD",
            "Enschede",
            at.0,
            at.1,
        ));
        valuations.push(valuation(
            &format!("01530000{:04}", 11 + i),
            &address_id,
            usage,
            at,
            *value,
        ));
    }
    SeedBatch {
        persons: vec![
            person(
                ENSCHEDE_ANNA,
                "Anna",
                "Jansen",
                "0153200000000001",
                "0153",
                "NL",
            ),
            person(
                ENSCHEDE_BERT,
                "Bert",
                "Jansen",
                "0153200000000002",
                "0153",
                "NL",
            ),
            person(
                HAARLEM_CEES,
                "Cees",
                "de Vries",
                "0392200000000001",
                "0392",
                "NL",
            ),
            person(
                ZWIJNDRECHT_DEMIR,
                "Demir",
                "Yilmaz",
                "0642200000000001",
                "0642",
                "TR",
            ),
            person(
                PAPENDRECHT_FATIMA,
                "Fatima",
                "El Amrani",
                "0590200000000001",
                "0590",
                "MA",
            ),
            person(
                DORDRECHT_SAMI,
                "Sami",
                "Haddad",
                "0505200000000001",
                "0505",
                "SY",
            ),
        ],
        documents: vec![SeedDocument {
            bsn: ENSCHEDE_ANNA.into(),
            kind: "passport".into(),
            number: "NW8K2L3P1".into(),
            expires_on: date(2027, 3, 1),
        }],
        permits: [
            (ZWIJNDRECHT_DEMIR, "0000000001"),
            (PAPENDRECHT_FATIMA, "0000000002"),
            (DORDRECHT_SAMI, "0000000003"),
        ]
        .into_iter()
        .map(|(bsn, v)| SeedPermit {
            bsn: bsn.into(),
            kind: "regular-fixed-term".into(),
            valid_until: date(2028, 6, 30),
            v_number: v.into(),
        })
        .collect(),
        addresses,
        valuations,
    }
}
