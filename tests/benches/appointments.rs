//! Appointments at scale on PostgreSQL: Enschede with 10 locations of 8 desks each, open
//! 08:00–18:00 on working days, and `BENCH_APPOINTMENTS` appointments (default 100,000) made
//! over the coming weeks (five-minute appointments on about half of the desks' times).
//!
//! 1. **Finding a time**: `availableTimes` via GraphQL for a random location and working day,
//!    p50 and p99 (the aim: under 10 ms), beside the least work that gives the same answer:
//!    the one indexed query for the desks' appointments of that location and day, in a
//!    tenant transaction as the application role.
//! 2. **Booking under contention**: `BENCH_CONCURRENCY` clients (default 16) booking random
//!    times at one location on one day through `bookAppointment` (a taken time is a
//!    `CONFLICT`, counted as answered), beside raw SQL doing the same: the insert the
//!    exclusion constraint guards, for a random desk and time.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench appointments`.
//! Settings: `BENCH_APPOINTMENTS`, `BENCH_SECONDS` per scenario (default 10),
//! `BENCH_CONCURRENCY`. Needs PostgreSQL (see the test harness).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use std::{
    fmt::Write as _,
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use loket_kernel::{calendar::Calendar, config::load_dir};
use loket_store::{Db, testing::TestDb};
use loket_tests::{
    Loket,
    bench::{env_number, pg, tenant_tx},
    load::{Figures, HEADER, measure, row},
};
use sea_orm::{ConnectionTrait, Value};
use serde_json::json;
use uuid::Uuid;

const LOCATIONS: usize = 10;
const DESKS: usize = 8;
/// Five-minute times from 08:00 to 18:00.
const TIMES_A_DAY: u32 = 120;
const PRODUCT: &str = "uittreksel-brp";
const TIMES: &str = "query T($l: String!, $d: NaiveDate!) { availableTimes(products: [\"uittreksel-brp\"], location: $l, day: $d) { start end } }";
const BOOK: &str = "mutation B($l: String!, $s: DateTime!, $n: String!) { bookAppointment(input: { products: [\"uittreksel-brp\"], location: $l, start: $s, name: $n, email: \"bench@example.org\" }) { appointment { reference } } }";

/// A deterministic pseudo-random number (splitmix64).
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Enschede's counters for the benchmark: 10 locations of 8 desks, every desk serving every
/// product, open 08:00–18:00 from Monday to Friday, bookable 42 days ahead from now on.
fn counters() -> String {
    let durations = [
        ("paspoort", 10),
        ("identiteitskaart", 10),
        ("rijbewijs", 10),
        ("uittreksel-brp", 5),
        ("verhuizing", 15),
        ("inschrijving-vreemdeling", 30),
        ("huwelijk-partnerschap", 30),
        ("legalisatie-handtekening", 10),
    ];
    let products: Vec<String> = durations.iter().map(|(p, _)| format!("{p:?}")).collect();
    let mut file = String::from(
        "[booking]\nearliest_minutes = 0\nlatest_days = 42\nstep_minutes = 5\nmax_persons = 4\nmax_products = 3\n\n",
    );
    for (product, minutes) in durations {
        writeln!(
            file,
            "[[duration]]\nproduct = {product:?}\nminutes = {minutes}\n"
        )
        .unwrap();
    }
    for l in 0..LOCATIONS {
        writeln!(
            file,
            "[[location]]\ncode = \"locatie-{l}\"\nname = \"Locatie {l}\"\naddress = \"Straat {l}, Enschede\"\n\n[location.hours]"
        )
        .unwrap();
        for day in ["monday", "tuesday", "wednesday", "thursday", "friday"] {
            writeln!(file, "{day} = [\"08:00-18:00\"]").unwrap();
        }
        for d in 0..DESKS {
            writeln!(
                file,
                "\n[[location.desk]]\ncode = \"balie-{d}\"\nproducts = [{}]",
                products.join(", ")
            )
            .unwrap();
        }
        file.push('\n');
    }
    file
}

/// The working days of the tenants folder `dir` from tomorrow to 30 days ahead.
fn working_days(dir: &std::path::Path) -> Vec<NaiveDate> {
    let tenants = load_dir(dir).unwrap();
    let settings = loket_appointments::load(&tenants).unwrap();
    let enschede = settings
        .of(&loket_kernel::TenantId::new("enschede").unwrap())
        .unwrap();
    let today = Calendar::local_date(Utc::now());
    (1..=30)
        .filter_map(|n| today.checked_add_days(Days::new(n)))
        .filter(|d| enschede.open_on(*d))
        .collect()
}

/// The instant of the `n`th five-minute time of `day`.
fn time_on(day: NaiveDate, n: u32) -> DateTime<Utc> {
    let eight = day.and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap());
    Amsterdam
        .from_local_datetime(&eight)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
        + chrono::Duration::minutes(i64::from(n) * 5)
}

/// `total` appointments on a pseudo-random half or more of the desks' five-minute times of
/// `days`, in batches of one multi-row insert.
async fn seed(db: &Db, days: &[NaiveDate], total: usize) {
    let mut rows: Vec<(usize, usize, DateTime<Utc>)> = Vec::with_capacity(total);
    'fill: for (di, day) in days.iter().enumerate() {
        for l in 0..LOCATIONS {
            for d in 0..DESKS {
                for t in 0..TIMES_A_DAY {
                    let key = ((di * LOCATIONS + l) * DESKS + d) as u64 * 1000 + u64::from(t);
                    if mix(key) % 100 < 55 {
                        rows.push((l, d, time_on(*day, t)));
                    }
                    if rows.len() == total {
                        break 'fill;
                    }
                }
            }
        }
    }
    assert!(rows.len() == total, "only {} times for {total}", rows.len());
    for (batch, chunk) in rows.chunks(1000).enumerate() {
        let mut sql = String::from(
            "INSERT INTO appointments (tenant_id, id, reference, cancel_code_hash, location, desk, \
             products, persons, starts_at, ends_at, contact_name, email, booked_by, status, \
             fingerprint, created_at, version) VALUES ",
        );
        let mut values: Vec<Value> = Vec::new();
        for (i, (l, d, start)) in chunk.iter().enumerate() {
            let n = batch * 1000 + i;
            let p = values.len();
            if i > 0 {
                sql.push(',');
            }
            write!(
                sql,
                "('enschede', ${}, ${}, '', ${}, ${}, '{PRODUCT}', 1, ${}, ${}, 'Bewoner', \
                 'bewoner@example.org', 'anonymous', 'booked', '', now(), 1)",
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5,
                p + 6
            )
            .unwrap();
            values.push(Uuid::now_v7().into());
            values.push(format!("B-{n:08}").into());
            values.push(format!("locatie-{l}").into());
            values.push(format!("balie-{d}").into());
            values.push((*start).into());
            values.push((*start + chrono::Duration::minutes(5)).into());
        }
        db.raw().execute_raw(pg(&sql, values)).await.unwrap();
    }
    db.raw()
        .execute_unprepared("ANALYZE appointments")
        .await
        .unwrap();
}

/// A GraphQL scenario: `request(i)` gives the token, query and variables of request `i`;
/// a `CONFLICT` counts as answered when `conflicts_answer`.
async fn graphql<F>(
    loket: &Loket,
    seconds: u64,
    concurrency: usize,
    conflicts_answer: bool,
    request: F,
) -> (Figures, Option<String>)
where
    F: Fn(usize) -> (&'static str, serde_json::Value) + Send + Sync + 'static,
{
    let (client, url) = (loket.client().clone(), format!("{}/graphql", loket.base));
    measure(seconds, concurrency, move |i| {
        let (query, variables) = request(i);
        let post = client
            .post(url.as_str())
            .header("content-type", "application/json")
            .header("loket-tenant", "enschede")
            .body(json!({ "query": query, "variables": variables }).to_string())
            .send();
        async move {
            let r = post.await.map_err(|e| e.to_string())?;
            let status = r.status();
            let text = r.text().await.unwrap_or_default();
            let answered =
                !text.contains("\"errors\"") || (conflicts_answer && text.contains("\"CONFLICT\""));
            if status.is_success() && answered {
                return Ok(());
            }
            Err(format!("{status} {text:.600}"))
        }
    })
    .await
}

#[tokio::main]
async fn main() {
    let total = usize::try_from(env_number("BENCH_APPOINTMENTS", 100_000)).unwrap();
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = usize::try_from(env_number("BENCH_CONCURRENCY", 16)).unwrap();
    let folder = loket_tests::tenants_copy();
    std::fs::write(folder.path().join("enschede/appointments.toml"), counters()).unwrap();
    let days = Arc::new(working_days(folder.path()));

    let test_db = TestDb::postgres().await.expect("PostgreSQL");
    let db = Db::connect(test_db.url()).await.unwrap();
    let env = [
        ("LOKET_LOG", "warn"),
        ("LOKET_DEMO_RESIDENTS", "0"),
        ("LOKET_RATE_LIMIT_PER_ADDRESS", "0"),
        ("LOKET_RATE_LIMIT_PER_TENANT", "0"),
    ];
    let loket = Loket::start_with(test_db, folder.path(), &env).await;
    let t = Instant::now();
    seed(&db, &days, total).await;
    let seeding = t.elapsed();

    // Finding a time: a random location and day.
    let d = Arc::clone(&days);
    let find = move |i: usize| {
        let r = mix(i as u64);
        let day = d[(r as usize / LOCATIONS) % d.len()];
        (
            TIMES,
            json!({ "l": format!("locatie-{}", r as usize % LOCATIONS), "d": day }),
        )
    };
    graphql(&loket, 1, concurrency, false, find.clone()).await;
    let (d, sql_db) = (Arc::clone(&days), db.clone());
    let busy = measure(seconds, concurrency, move |i| {
        let r = mix(i as u64);
        let day = d[(r as usize / LOCATIONS) % d.len()];
        let (db, location) = (
            sql_db.clone(),
            format!("locatie-{}", r as usize % LOCATIONS),
        );
        async move {
            let tx = tenant_tx(&db, "enschede").await?;
            let (from, to) = (
                Calendar::start_of(day),
                Calendar::start_of(day + Days::new(1)),
            );
            tx.query_all_raw(pg(
                "SELECT desk, starts_at, ends_at FROM appointments WHERE tenant_id = 'enschede' \
                 AND location = $1 AND starts_at >= $2 AND starts_at < $3 AND ends_at > $2 \
                 AND status <> 'cancelled'",
                vec![location.into(), from.into(), to.into()],
            ))
            .await?;
            tx.commit().await
        }
    })
    .await;
    let one = graphql(&loket, seconds, 1, false, find.clone()).await;
    let many = graphql(&loket, seconds, concurrency, false, find).await;

    // Booking under contention: everyone on the last day at one location.
    let day = *days.last().unwrap();
    let book = move |i: usize| {
        let t = u32::try_from(mix(i as u64 ^ 0xB00C) % u64::from(TIMES_A_DAY)).unwrap();
        (
            BOOK,
            json!({ "l": "locatie-0", "s": time_on(day, t), "n": format!("Bewoner {i}") }),
        )
    };
    let booked = graphql(&loket, seconds, concurrency, true, book).await;
    let sql_db = db.clone();
    let raw = measure(seconds, concurrency, move |i| {
        let r = mix(i as u64 ^ 0x5A1);
        let start = time_on(day, u32::try_from(r % u64::from(TIMES_A_DAY)).unwrap());
        let desk = format!("balie-{}", (r / 1000) as usize % DESKS);
        let db = sql_db.clone();
        async move {
            let tx = tenant_tx(&db, "enschede").await?;
            tx.execute_raw(pg(
                "INSERT INTO appointments (tenant_id, id, reference, cancel_code_hash, location, \
                 desk, products, persons, starts_at, ends_at, contact_name, email, booked_by, \
                 status, fingerprint, created_at, version) VALUES ('enschede', $1, $2, '', \
                 'locatie-1', $3, 'uittreksel-brp', 1, $4, $5, 'Bewoner', 'bench@example.org', \
                 'anonymous', 'booked', '', now(), 1) ON CONFLICT DO NOTHING",
                vec![
                    Uuid::now_v7().into(),
                    format!("R-{i:08}").into(),
                    desk.into(),
                    start.into(),
                    (start + chrono::Duration::minutes(5)).into(),
                ],
            ))
            .await?;
            tx.commit().await
        }
    })
    .await;

    println!(
        "\nappointments on PostgreSQL: {LOCATIONS} locations × {DESKS} desks, {} working days, {total} appointments (seeded in {:.1} s)",
        days.len(),
        seeding.as_secs_f64()
    );
    println!("{seconds} s per scenario, {concurrency} concurrent clients\n");
    println!("{HEADER}");
    #[rustfmt::skip]
    let rows = [
        ("baseline: the location's appointments of the day (one indexed query)", &busy, &busy),
        ("availableTimes via GraphQL, one client", &one, &busy),
        ("availableTimes via GraphQL", &many, &busy),
        ("baseline: raw INSERT … ON CONFLICT DO NOTHING, random desk and time", &raw, &raw),
        ("bookAppointment via GraphQL, random time, one location and day", &booked, &raw),
    ];
    for (name, (figures, _), (base, _)) in rows {
        println!("{}", row(name, figures, base.rps));
    }
    for (name, (_, failure), _) in rows {
        if let Some(e) = failure {
            println!("\nfirst failure of {name}: {e}");
        }
    }
    let aim = Duration::from_millis(10).as_secs_f64() * 1000.0;
    println!(
        "\navailableTimes, one client: p50 {:.2} ms, p99 {:.2} ms (aim: both under {aim:.0} ms)",
        one.0.p50_ms, one.0.p99_ms
    );
}
