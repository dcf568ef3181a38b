//! Notifications at scale on PostgreSQL, two measurements:
//!
//! 1. **Delivery throughput**: `BENCH_DELIVERIES` pending webhook deliveries (default 5,000)
//!    sent by one `loket dispatch` process, then by two sharing the work
//!    (`FOR UPDATE SKIP LOCKED`), to a local HTTP receiver; messages per second from start to
//!    the last one recorded as sent. Baseline in the same run: the same number of signed-size
//!    POSTs sent straight to the receiver with the dispatcher's concurrency (what the network
//!    part alone allows on this machine).
//! 2. **Near-me matching**: `BENCH_AREA_SUBSCRIPTIONS` near-me subscriptions (default 100,000)
//!    in one municipality, radius 100–1,000 m, spread over 10 × 10 km; the time to find the
//!    subscriptions a permit at a random point reaches, through the grid-cell index the
//!    dispatcher uses, beside a baseline that reads every near-me subscription of the tenant
//!    and measures each distance (a scan per event).
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench notify_delivery`.
//! Settings: `BENCH_DELIVERIES`, `BENCH_AREA_SUBSCRIPTIONS`, `BENCH_SECONDS` per matching
//! scenario (default 10). Needs PostgreSQL (see the test harness).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use std::{
    process::Stdio,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use loket_kernel::{TenantId, config::load_dir};
use loket_notify::{Notify, grid};
use loket_store::{Db, testing::TestDb};
use loket_tests::{
    bench::{env_number, pg, tenant_tx},
    binary,
    load::{Figures, HEADER, row},
    receivers::HttpReceiver,
    tenants_dir,
};
use sea_orm::{ConnectionTrait, TransactionTrait, prelude::Uuid};
use tokio::process::Command;

const TENANT: &str = "enschede";
/// Enschede's centre.
const CENTRE: (f64, f64) = (52.2215, 6.8937);

/// A deterministic pseudo-random number in [0, 1) (splitmix64).
fn unit(seed: u64) -> f64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
}

/// A point in the 10 × 10 km square around the centre.
fn point(seed: u64) -> (f64, f64) {
    let north = (unit(seed) - 0.5) * 10_000.0 / 111_320.0;
    let (_, lon) = grid::east_of(CENTRE.0, CENTRE.1, (unit(seed ^ 0xABCD) - 0.5) * 10_000.0);
    (CENTRE.0 + north, lon)
}

async fn superuser(db: &Db, sql: &str) {
    db.raw().execute_unprepared(sql).await.unwrap();
}

/// Makes `n` pending webhook deliveries to `url` for one subscription.
async fn seed_deliveries(db: &Db, url: &str, n: u64) {
    superuser(
        db,
        "DELETE FROM deliveries; DELETE FROM subscription_cells; DELETE FROM subscriptions",
    )
    .await;
    let subscription = Uuid::now_v7();
    db.raw()
        .execute_raw(pg(
            "INSERT INTO subscriptions (tenant_id, id, topic, owner, channel, address, language, \
             products, event_kinds, filters, secret, created_at) VALUES ($1, $2, 'webhook', \
             'app:bench', 'webhook', $3, 'nl', '[]', '[\"case.*\"]', '[]', $4, now())",
            vec![
                TENANT.into(),
                subscription.into(),
                url.into(),
                "bench-secret".into(),
            ],
        ))
        .await
        .unwrap();
    let body = r#"{"kind":"case.status_changed","attributes":{"reference":"ENS-2026-000001","caseType":"building-permit","status":"in-review"}}"#;
    db.raw()
        .execute_raw(pg(
            "INSERT INTO deliveries (tenant_id, id, delivery_key, subscription_id, event_kind, \
             channel, recipient, body, status, attempts, available_at, created_at) \
             SELECT $1, gen_random_uuid(), 'bench.' || i, $2, 'case.status_changed', 'webhook', \
             $3, $4, 'pending', 0, now(), now() FROM generate_series(1, $5::int) AS i",
            vec![
                TENANT.into(),
                subscription.into(),
                url.into(),
                body.into(),
                i32::try_from(n).unwrap().into(),
            ],
        ))
        .await
        .unwrap();
}

async fn sent(db: &Db) -> i64 {
    db.raw()
        .query_one_raw(pg(
            "SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'",
            vec![],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap()
}

/// Messages per second for `dispatchers` processes delivering `n` messages.
async fn throughput(
    db: &Db,
    url: &str,
    receiver: &HttpReceiver,
    n: u64,
    dispatchers: usize,
) -> f64 {
    seed_deliveries(db, &receiver.url("/hook"), n).await;
    let started = Instant::now();
    let mut children: Vec<_> = (0..dispatchers)
        .map(|_| {
            Command::new(binary())
                .args(["dispatch", "--database", url, "--tenants"])
                .arg(tenants_dir())
                .env("LOKET_DISPATCH_IDLE_MS", "50")
                .env("LOKET_PHOTO_STORE", "none")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .unwrap()
        })
        .collect();
    while sent(db).await < i64::try_from(n).unwrap() {
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "delivery stalled"
        );
    }
    let seconds = started.elapsed().as_secs_f64();
    for child in &mut children {
        let _ = child.start_kill();
    }
    n as f64 / seconds
}

/// Messages per second POSTing `n` bodies straight to the receiver with 16 at a time.
async fn raw_posts(receiver: &HttpReceiver, n: u64) -> f64 {
    let client = reqwest::Client::new();
    let url = receiver.url("/raw");
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..16)
        .map(|_| {
            let (client, url, next) = (client.clone(), url.clone(), Arc::clone(&next));
            tokio::spawn(async move {
                while next.fetch_add(1, Ordering::Relaxed) < n {
                    let response = client
                        .post(&url)
                        .header("content-type", "application/json")
                        .header("loket-signature", "v1=0000")
                        .body(r#"{"kind":"case.status_changed","attributes":{"reference":"ENS-2026-000001"}}"#)
                        .send()
                        .await
                        .unwrap();
                    assert!(response.status().is_success());
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    n as f64 / started.elapsed().as_secs_f64()
}

/// Seeds `n` near-me subscriptions with their grid cells.
async fn seed_area(db: &Db, n: u64) -> u64 {
    superuser(
        db,
        "DELETE FROM deliveries; DELETE FROM subscription_cells; DELETE FROM subscriptions",
    )
    .await;
    let mut cells = 0;
    for chunk in (0..n).collect::<Vec<_>>().chunks(1000) {
        let tx = db.raw().begin().await.unwrap();
        let mut subs = Vec::new();
        let mut cell_rows = Vec::new();
        for i in chunk {
            let id = Uuid::now_v7();
            let (lat, lon) = point(*i);
            let radius = 100 + (unit(i ^ 0x5555) * 900.0) as i32;
            subs.push(format!(
                "('{TENANT}', '{id}', 'near-me', 'bsn:{i:09}', 'email', 'r{i}@example.org', 'nl', \
                 {radius}, {lat}, {lon}, '[]', '[]', '[]', now())"
            ));
            for c in grid::cover(lat, lon, f64::from(radius)) {
                cell_rows.push(format!("('{TENANT}', {c}, '{id}')"));
            }
        }
        cells += cell_rows.len() as u64;
        tx.execute_unprepared(&format!(
            "INSERT INTO subscriptions (tenant_id, id, topic, owner, channel, address, language, \
             radius_m, lat, lon, products, event_kinds, filters, created_at) VALUES {}",
            subs.join(",")
        ))
        .await
        .unwrap();
        tx.execute_unprepared(&format!(
            "INSERT INTO subscription_cells (tenant_id, cell, subscription_id) VALUES {}",
            cell_rows.join(",")
        ))
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    superuser(db, "ANALYZE subscriptions; ANALYZE subscription_cells").await;
    cells
}

/// Per-event matching latency of `find` over `seconds`, one event at a time.
async fn per_event(seconds: u64, find: impl AsyncFn(f64, f64) -> usize) -> (Figures, usize) {
    let mut latencies = Vec::new();
    let mut found = 0;
    let started = Instant::now();
    let mut i = 1_000_000u64;
    while started.elapsed() < Duration::from_secs(seconds) {
        let (lat, lon) = point(i);
        i += 1;
        let t = Instant::now();
        found += find(lat, lon).await;
        latencies.push(t.elapsed());
    }
    let events = latencies.len();
    (
        Figures::of(started.elapsed().as_secs_f64(), latencies),
        found / events.max(1),
    )
}

#[tokio::main]
async fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let deliveries = env_number("BENCH_DELIVERIES", 5_000);
    let areas = env_number("BENCH_AREA_SUBSCRIPTIONS", 100_000);
    let seconds = env_number("BENCH_SECONDS", 10);
    let test_db = TestDb::postgres().await.expect("PostgreSQL is needed");
    let db = test_db.db().clone();
    let tenants = Arc::new(load_dir(&tenants_dir()).unwrap());
    db.sync_tenants(&tenants).await.unwrap();

    println!("## Delivery throughput ({deliveries} webhook messages, PostgreSQL)\n");
    let receiver = HttpReceiver::start().await;
    let raw = raw_posts(&receiver, deliveries).await;
    let one = throughput(&db, test_db.url(), &receiver, deliveries, 1).await;
    let two = throughput(&db, test_db.url(), &receiver, deliveries, 2).await;
    println!("| scenario | messages/s | ratio to baseline |\n|---|---:|---:|");
    println!("| baseline: POSTs straight to the receiver, 16 at a time | {raw:.0} | 1.00 |");
    println!("| 1 dispatcher | {one:.0} | {:.2} |", one / raw);
    println!("| 2 dispatchers | {two:.0} | {:.2} |", two / raw);
    println!("\n2 dispatchers / 1 dispatcher: {:.2}\n", two / one);

    println!("## Near-me matching ({areas} area subscriptions in one municipality)\n");
    let started = Instant::now();
    let cells = seed_area(&db, areas).await;
    println!(
        "seeded {areas} subscriptions with {cells} cells ({:.1} per subscription) in {:.1} s\n",
        cells as f64 / areas as f64,
        started.elapsed().as_secs_f64()
    );
    let templates = Arc::new(loket_notify::templates::load(&tenants).unwrap());
    let registry = loket_registry::Registry::new(db.clone(), Arc::clone(&tenants));
    let notify = Notify::new(
        db.clone(),
        Arc::clone(&tenants),
        Arc::new(registry),
        templates,
    );
    let tenant = TenantId::new(TENANT).unwrap();
    let scan = async |lat: f64, lon: f64| {
        let tx = tenant_tx(&db, TENANT).await.unwrap();
        let rows = tx
            .query_all_raw(pg(
                "SELECT lat, lon, radius_m FROM subscriptions WHERE tenant_id = $1 \
                 AND topic = 'near-me' AND ended_at IS NULL",
                vec![TENANT.into()],
            ))
            .await
            .unwrap();
        tx.commit().await.unwrap();
        rows.iter()
            .filter(|r| {
                let (a, b, radius): (f64, f64, i32) = (
                    r.try_get("", "lat").unwrap(),
                    r.try_get("", "lon").unwrap(),
                    r.try_get("", "radius_m").unwrap(),
                );
                grid::distance_m(lat, lon, a, b) <= f64::from(radius)
            })
            .count()
    };
    let index = async |lat: f64, lon: f64| {
        notify
            .subscribers_near(&tenant, lat, lon)
            .await
            .unwrap()
            .len()
    };
    for i in 0..50 {
        let (lat, lon) = point(2_000_000 + i);
        assert_eq!(
            scan(lat, lon).await,
            index(lat, lon).await,
            "the index finds what a scan finds"
        );
    }
    let (baseline, _) = per_event(seconds, scan).await;
    let (indexed, matched) = per_event(seconds, index).await;
    println!("{HEADER}");
    println!(
        "{}",
        row(
            "baseline: scan every near-me subscription per event",
            &baseline,
            baseline.rps
        )
    );
    println!(
        "{}",
        row(
            "grid-cell index (`subscribers_near`, as the dispatcher)",
            &indexed,
            baseline.rps
        )
    );
    println!("\nsubscriptions reached per event: {matched} on average");
    drop(test_db);
}
