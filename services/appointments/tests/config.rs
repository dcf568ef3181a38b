//! Reading `appointments.toml`: the demo municipality's counters, and every kind of mistake
//! named by file and line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use loket_appointments::{config::FILE, load};
use loket_kernel::{TenantId, config::load_dir};

fn repo_tenants() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants")
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn enschede_books_at_two_counters_and_the_others_take_no_appointments() {
    let tenants = load_dir(&repo_tenants()).unwrap();
    let all = load(&tenants).unwrap();
    assert_eq!(
        all.tenants.keys().map(TenantId::as_str).collect::<Vec<_>>(),
        ["enschede"]
    );
    let enschede = all.of(&TenantId::new("enschede").unwrap()).unwrap();
    assert_eq!(enschede.locations.len(), 2);
    let office = &enschede.locations["stadskantoor"];
    assert_eq!(office.desks.len(), 4);
    let thursday = NaiveDate::from_ymd_opt(2027, 1, 14).unwrap();
    let hours = office.hours_on(thursday);
    assert_eq!(hours.len(), 2);
    assert_eq!(hours[1].to, NaiveTime::from_hms_opt(20, 0, 0).unwrap());
    assert!(
        office
            .hours_on(thursday.succ_opt().unwrap().succ_opt().unwrap())
            .is_empty()
    );
    let passport = enschede.durations["paspoort"];
    assert_eq!((passport.minutes, passport.extra_person_minutes), (10, 5));
    assert_eq!(enschede.durations["uittreksel-brp"].extra_person_minutes, 5);
    // Christmas Eve is the counters' own closed day; Boxing Day a national holiday.
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    assert!(!enschede.open_on(day(12, 24)));
    assert!(!enschede.open_on(day(12, 26)));
    assert!(enschede.open_on(day(12, 23)));
    assert!(enschede.products.iter().all(|(_, line)| *line > 0));
}

/// Enschede's file with `from` replaced by `to` must fail with a message containing
/// `expected` on line `line` of that file.
fn fails(from: &str, to: &str, expected: &str, line: usize) {
    let dir = tempfile::tempdir().unwrap();
    copy(&repo_tenants(), dir.path());
    let file = dir.path().join("enschede").join(FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
    let tenants = load_dir(dir.path()).unwrap();
    let errors = load(&tenants).unwrap_err();
    let found = errors
        .iter()
        .find(|e| e.message.contains(expected))
        .unwrap_or_else(|| panic!("no {expected:?} in {errors:?}"));
    assert_eq!(found.file, file);
    assert_eq!(found.line, line, "{found:?}");
}

/// The line of `needle`'s first occurrence in Enschede's file.
fn line_of(needle: &str) -> usize {
    let text = std::fs::read_to_string(repo_tenants().join("enschede").join(FILE)).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn mistakes_are_named_by_file_and_line() {
    let thursday = line_of("thursday = [\"08:30-12:30\", \"13:00-20:00\"]");
    fails(
        "\"13:00-20:00\"",
        "\"12:00-20:00\"",
        "overlaps another opening",
        thursday,
    );
    fails(
        "\"13:00-20:00\"",
        "\"20:00-13:00\"",
        "is not an opening",
        thursday,
    );
    fails(
        "\"13:00-20:00\"",
        "\"1 uur\"",
        "is not an opening",
        thursday,
    );
    let desk = line_of("[[location.desk]]");
    fails(
        "products = [\"paspoort\", \"identiteitskaart\", \"rijbewijs\", \"uittreksel-brp\", \"verhuizing\", \"legalisatie-handtekening\"]",
        "products = [\"paspoort\", \"kapvergunning\"]",
        "product \"kapvergunning\" has no [[duration]]",
        desk,
    );
    fails(
        "code = \"balie-2\"",
        "code = \"balie-1\"",
        "desk \"balie-1\" is listed twice",
        line_of("code = \"balie-2\"") - 1,
    );
    fails(
        "code = \"balie-2\"",
        "code = \"Balie 2\"",
        "must be a lowercase slug",
        line_of("code = \"balie-2\"") - 1,
    );
    let booking = line_of("[booking]");
    fails(
        "step_minutes = 10 ",
        "step_minutes = 7 ",
        "step_minutes must divide an hour",
        booking,
    );
    fails(
        "latest_days = 42 ",
        "latest_days = 0 ",
        "latest_days must be 1 to 366",
        booking,
    );
    fails(
        "max_persons = 4 ",
        "max_persons = 40 ",
        "max_persons must be 1 to 10",
        booking,
    );
    let duration = line_of("[[duration]]");
    fails(
        "minutes = 10\nextra",
        "minutes = 0\nextra",
        "must be 1 to 480",
        duration,
    );
    fails(
        "product = \"identiteitskaart\"",
        "product = \"paspoort\"",
        "has a duration twice",
        duration + 5,
    );
    fails(
        "target_percentage = 85",
        "target_percentage = 150",
        "target_percentage 1 to 100",
        line_of("[norm]"),
    );
    fails(
        "hours_before = 2",
        "hours_before = 72",
        "hours_before must be 1 to 48",
        line_of("hours_before"),
    );
    // Weekends take no appointments: a Saturday is not a field.
    let friday = line_of("friday = ");
    fails(
        "friday = ",
        "saturday = ",
        "unknown field `saturday`",
        friday,
    );
}
