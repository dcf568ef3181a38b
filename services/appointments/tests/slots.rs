//! Free times at Enschede's counters: durations summed over products and persons, one desk
//! serving every product for the whole appointment, appointments already made, the booking
//! window and the days without appointments.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use loket_appointments::{
    AppointmentError, Busy, Request, SlotError, TenantAppointments, free_times, load,
};
use loket_kernel::{ErrorCode, HasCode, TenantId, config::load_dir};

fn enschede() -> TenantAppointments {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
    let all = load(&load_dir(&dir).unwrap()).unwrap();
    all.of(&TenantId::new("enschede").unwrap()).unwrap().clone()
}

fn products(codes: &[&str]) -> Vec<String> {
    codes.iter().map(ToString::to_string).collect()
}

/// A local time in Enschede on 14 January 2027, a Thursday.
fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Amsterdam
        .with_ymd_and_hms(2027, 1, 14, hour, minute, 0)
        .unwrap()
        .with_timezone(&Utc)
}

const THURSDAY: NaiveDate = NaiveDate::from_ymd_opt(2027, 1, 14).unwrap();

#[test]
fn an_appointment_takes_its_products_minutes_for_every_person() {
    let e = enschede();
    let minutes = |codes: &[&str], persons| {
        let products = products(codes);
        e.minutes(Request {
            products: &products,
            persons,
        })
    };
    assert_eq!(minutes(&["paspoort"], 1), Ok(10));
    assert_eq!(minutes(&["paspoort"], 3), Ok(20));
    assert_eq!(minutes(&["paspoort", "uittreksel-brp"], 2), Ok(15 + 10));
    assert_eq!(minutes(&["huwelijk-partnerschap"], 2), Ok(30));
    assert_eq!(minutes(&[], 1), Err(SlotError::Products { max: 3 }));
    let four = [
        "paspoort",
        "identiteitskaart",
        "rijbewijs",
        "uittreksel-brp",
    ];
    assert_eq!(minutes(&four, 1), Err(SlotError::Products { max: 3 }));
    assert_eq!(
        minutes(&["paspoort"], 0),
        Err(SlotError::Persons { max: 4 })
    );
    assert_eq!(
        minutes(&["paspoort"], 5),
        Err(SlotError::Persons { max: 4 })
    );
    let unknown = minutes(&["kapvergunning"], 1).unwrap_err();
    let unknown = AppointmentError::from(unknown);
    assert_eq!(
        (unknown.code(), unknown.field()),
        (ErrorCode::BadUserInput, Some("products"))
    );
    assert_eq!(
        minutes(&["paspoort", "paspoort"], 1),
        Err(SlotError::Twice("paspoort".into()))
    );
    assert!(matches!(
        minutes(&["paspoort", "huwelijk-partnerschap"], 1),
        Err(SlotError::NotTogether(..))
    ));
}

#[test]
fn only_locations_with_one_desk_for_every_product_are_offered() {
    let e = enschede();
    let codes = |p: &[&str]| {
        let p = products(p);
        e.locations_for(&p)
            .map(|l| l.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(&["paspoort"]),
        ["stadsdeelkantoor-oost", "stadskantoor"]
    );
    assert_eq!(codes(&["rijbewijs"]), ["stadskantoor"]);
    // Balie 3 registers newcomers and issues ID cards; no desk does driving licences as well.
    assert_eq!(
        codes(&["inschrijving-vreemdeling", "identiteitskaart"]),
        ["stadskantoor"]
    );
    assert!(codes(&["inschrijving-vreemdeling", "rijbewijs"]).is_empty());
    assert!(e.location("gemeentehuis").is_err());
}

#[test]
fn free_times_fit_between_appointments_at_one_desk() {
    let e = enschede();
    let oost = e.location("stadsdeelkantoor-oost").unwrap();
    let passport = products(&["paspoort"]);
    let early = at(0, 0);
    // Thursday at Oost: 09:00-12:30 and 13:30-16:30, one desk, every 10 minutes.
    let all = free_times(&e, oost, THURSDAY, &passport, 20, early, &[]);
    assert_eq!(all.first().unwrap().start, at(9, 0));
    assert_eq!(all.last().unwrap().end, at(16, 30));
    assert!(
        all.iter()
            .all(|t| t.end <= at(12, 30) || t.start >= at(13, 30))
    );
    assert_eq!(all.len(), 20 + 17);
    // Booked from 10:00 to 10:30: nothing that overlaps it, 09:40 ends just in time.
    let busy = [Busy {
        desk: "balie-1".into(),
        start: at(10, 0),
        end: at(10, 30),
    }];
    let free = free_times(&e, oost, THURSDAY, &passport, 20, early, &busy);
    let starts: Vec<_> = free.iter().map(|t| t.start).collect();
    assert!(starts.contains(&at(9, 40)) && starts.contains(&at(10, 30)));
    assert!(!starts.contains(&at(9, 50)) && !starts.contains(&at(10, 20)));
    // Not before the soonest start allowed.
    let later = free_times(&e, oost, THURSDAY, &passport, 20, at(15, 55), &[]);
    assert_eq!(
        later.iter().map(|t| t.start).collect::<Vec<_>>(),
        [at(16, 0), at(16, 10)]
    );
}

#[test]
fn a_busy_desk_passes_the_time_to_another_that_serves_every_product() {
    let e = enschede();
    let office = e.location("stadskantoor").unwrap();
    let chosen = products(&["paspoort", "rijbewijs"]);
    let busy = |desk: &str| Busy {
        desk: desk.into(),
        start: at(9, 0),
        end: at(9, 30),
    };
    let free = |busy: &[Busy]| {
        let times = free_times(&e, office, THURSDAY, &chosen, 20, at(0, 0), busy);
        times
            .into_iter()
            .find(|t| t.start == at(9, 0))
            .map(|t| t.desk)
    };
    assert_eq!(free(&[]), Some("balie-1".into()));
    assert_eq!(free(&[busy("balie-1")]), Some("balie-2".into()));
    // Balie 3 does passports but not driving licences, so 09:00 is gone.
    assert_eq!(free(&[busy("balie-1"), busy("balie-2")]), None);
}

#[test]
fn no_times_on_days_without_appointments() {
    let e = enschede();
    let office = e.location("stadskantoor").unwrap();
    let passport = products(&["paspoort"]);
    let december = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let none =
        |day: NaiveDate| free_times(&e, office, day, &passport, 10, december, &[]).is_empty();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert!(none(day(2026, 12, 24)), "the counters' own closed day");
    assert!(none(day(2026, 12, 25)), "Christmas");
    assert!(none(day(2027, 1, 16)), "a Saturday");
    assert!(!none(day(2026, 12, 23)));
    // The window: from an hour from now up to six weeks ahead.
    let (first, last, earliest) = e.window(at(16, 30));
    assert_eq!((first, earliest), (THURSDAY, at(17, 30)));
    assert_eq!(last, day(2027, 2, 25));
}

#[test]
fn free_times_agree_with_checking_every_appointment() {
    let e = enschede();
    let office = e.location("stadskantoor").unwrap();
    let chosen = products(&["paspoort"]);
    let desks = ["balie-1", "balie-2", "balie-3"];
    // Deterministic pseudo-random appointments, overlapping one another at a desk too (a long
    // one with short ones inside it), as no booking could leave them but the finder must
    // still read right.
    let mut seed: u64 = 7;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) % n
    };
    for _ in 0..50 {
        let busy: Vec<Busy> = (0..next(25))
            .map(|_| {
                let start = at(8, 0) + chrono::Duration::minutes(5 * next(120) as i64);
                Busy {
                    desk: desks[next(3) as usize].into(),
                    start,
                    end: start + chrono::Duration::minutes(5 * (1 + next(12)) as i64),
                }
            })
            .collect();
        let minutes = 5 * (1 + next(6)) as u32;
        let found = free_times(&e, office, THURSDAY, &chosen, minutes, at(0, 0), &busy);
        let all = free_times(&e, office, THURSDAY, &chosen, minutes, at(0, 0), &[]);
        for time in all {
            let first_free = desks.iter().find(|desk| {
                !busy
                    .iter()
                    .any(|b| b.desk == **desk && b.start < time.end && time.start < b.end)
            });
            let got = found.iter().find(|t| t.start == time.start);
            assert_eq!(
                got.map(|t| t.desk.as_str()),
                first_free.copied(),
                "{time:?} with {busy:?}"
            );
        }
    }
}
