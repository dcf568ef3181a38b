//! The fixture population: three residents at one point, an applicant 400 m east of it, two
//! residents far away (one with travel documents) and one in Haarlem.

use chrono::NaiveDate;
use loket_registry::seed::model::*;

use super::{
    ANNA, BERT, CARLA, CEES, DIRK, EVA, FENNA, HENGELOSESTRAAT_12, HOME, IDENTITY_CARD, PASSPORT,
};

fn address(id: &str, street: &str, number: i32, postcode: &str, at: (f64, f64)) -> SeedAddress {
    let (city, code) = if id.starts_with("0392") {
        ("Haarlem", "0392")
    } else {
        ("Enschede", "0153")
    };
    SeedAddress {
        id: id.into(),
        street: street.into(),
        house_number: number,
        letter: String::new(),
        addition: String::new(),
        postcode: postcode.into(),
        city: city.into(),
        municipality_code: code.into(),
        lat: at.0,
        lon: at.1,
    }
}

fn person(bsn: &str, given: &str, address_id: &str) -> SeedPerson {
    SeedPerson {
        bsn: bsn.into(),
        given_names: given.into(),
        surname_prefix: None,
        surname: "Test".into(),
        birth_date: NaiveDate::from_ymd_opt(1980, 5, 17).unwrap(),
        birth_place: "Utrecht".into(),
        address_id: address_id.into(),
        municipality_code: address_id[..4].into(),
        nationality: "NL".into(),
    }
}

fn document(kind: &str, number: &str, expires_on: NaiveDate) -> SeedDocument {
    SeedDocument {
        bsn: EVA.into(),
        kind: kind.into(),
        number: number.into(),
        expires_on,
    }
}

/// The fixture population.
pub fn population(passport_expires: NaiveDate, card_expires: NaiveDate) -> SeedBatch {
    let east = |m| loket_notify::grid::east_of(HOME.0, HOME.1, m);
    SeedBatch {
        addresses: vec![
            address("0153200000000001", "Kerkstraat", 1, "7511AB", HOME),
            address("0153200000000002", "Kerkstraat", 3, "7511AB", HOME),
            address("0153200000000003", "Kerkstraat", 5, "7511AB", HOME),
            address(
                HENGELOSESTRAAT_12,
                "Hengelosestraat",
                12,
                "7514AB",
                east(400.0),
            ),
            address(
                "0153200000000005",
                "Gronausestraat",
                200,
                "7533AA",
                east(5000.0),
            ),
            address(
                "0392200000000001",
                "Grote Markt",
                2,
                "2011RD",
                (52.38, 4.63),
            ),
        ],
        persons: vec![
            person(ANNA, "Anna", "0153200000000001"),
            person(BERT, "Bert", "0153200000000002"),
            person(FENNA, "Fenna", "0153200000000003"),
            person(CARLA, "Carla", HENGELOSESTRAAT_12),
            person(DIRK, "Dirk", "0153200000000005"),
            person(EVA, "Eva", "0153200000000005"),
            person(CEES, "Cees", "0392200000000001"),
        ],
        documents: vec![
            document("passport", PASSPORT, passport_expires),
            document("id-card", IDENTITY_CARD, card_expires),
        ],
        permits: Vec::new(),
        valuations: Vec::new(),
    }
}
