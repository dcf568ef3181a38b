//! Finding duplicates of a new report on PostgreSQL: `BENCH_REPORTS` reports (default
//! 1,000,000) about public space in `BENCH_TENANTS` municipalities (default 50: the demo
//! tenants and generated ones), each municipality's reports spread over its own 6 × 4 km,
//! a third of them open, in the twelve categories of the national template.
//!
//! 1. `nearbyReports` through the gateway (anonymous, as the portal asks while a resident
//!    fills in the form) for a random municipality, category and point: one client (the
//!    latency a resident sees; the aim is a p99 under 5 ms) and `BENCH_CONCURRENCY` clients.
//! 2. The duplicate query itself in a tenant transaction as the application role (what the
//!    GiST index on tenant, category and position answers).
//! 3. The same query without the index (`enable_indexscan` and `enable_bitmapscan` off, so
//!    PostgreSQL scans the tenant's cases): the index-free baseline, in the same run.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench report_duplicates`.
//! Settings: `BENCH_REPORTS`, `BENCH_TENANTS`, `BENCH_SECONDS` per scenario (default 10),
//! `BENCH_CONCURRENCY` (default 16).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    clippy::cast_precision_loss,
    reason = "a benchmark prints and fails loudly"
)]

use std::{sync::Arc, time::Instant};

use loket_cases::{FieldType, load_case_types};
use loket_kernel::{TenantId, config::load_dir};
use loket_store::{Db, testing::TestDb};
use loket_tests::{
    Loket,
    bench::{NO_RATE_LIMITS, env_number, pg, tenant_tx, tenants_folder},
    load::{Figures, HEADER, measure, row},
};
use sea_orm::{ConnectionTrait, DbBackend};
use serde_json::json;

const NEARBY: &str = "query N($c: String!, $lat: Float!, $lon: Float!) { nearbyReports(category: $c, location: { lat: $lat, lon: $lon }) { distanceM report { reference status { code } } } }";

/// What makes the baseline index-free: no index, bitmap or index-only scans in its
/// transaction, and the statement planned afresh each time (a prepared statement's cached
/// plan, made by the indexed scenario on the same connection, would keep using the index).
const SCAN_ONLY: &str = "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; \
                         SET LOCAL enable_indexonlyscan = off; \
                         SET LOCAL plan_cache_mode = force_custom_plan";

/// A deterministic pseudo-random number (splitmix64).
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A draw in [0, 1).
fn unit(seed: u64) -> f64 {
    (mix(seed) >> 11) as f64 / (1_u64 << 53) as f64
}

/// Municipality `i`'s south-west corner: a grid over the country, 10 km apart.
fn corner(i: usize) -> (f64, f64) {
    (51.4 + (i / 10) as f64 * 0.09, 4.2 + (i % 10) as f64 * 0.15)
}

/// 6 km east and 4 km north, in degrees at 52°.
const SPAN: (f64, f64) = (0.036, 0.088);

/// Seeds the reports as the connecting superuser, set-based: per municipality one bundle,
/// and reports with random categories, positions in its area, a third open.
async fn seed(db: &Db, tenants: &[String], categories: &[String], total: u64) {
    let tenant_rows: Vec<String> = tenants
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (lat, lon) = corner(i);
            format!("('{t}', {i}, {lat}, {lon}, '{}')", t[..3].to_uppercase())
        })
        .collect();
    let category_rows: Vec<String> = categories
        .iter()
        .enumerate()
        .map(|(i, c)| format!("('{c}', {i})"))
        .collect();
    let n = tenants.len();
    let sql = format!(
        "CREATE TEMP TABLE bench_t (tenant text, i int, lat float8, lon float8, prefix text);
INSERT INTO bench_t VALUES {tenants};
CREATE TEMP TABLE bench_c (code text, i int);
INSERT INTO bench_c VALUES {cats};
INSERT INTO case_bundles (tenant_id, id, subject_bsn, requested_by, idempotency_key, fingerprint, channel, created_at)
  SELECT tenant, md5('bundle' || tenant)::uuid, '', 'anonymous:bench', NULL, '', 'online', now() FROM bench_t;
INSERT INTO cases (tenant_id, id, reference, case_type, handling_tenant, bundle_id, subject_bsn, description,
  lat, lon, channel, status, status_since, handling_days, suspended_days, extended_days, deadline,
  outcome, decided_at, closed_at, created_at, created_by, version)
  SELECT t.tenant, md5('report' || g)::uuid, t.prefix || '-R-' || lpad(g::text, 8, '0'), c.code, t.tenant,
    md5('bundle' || t.tenant)::uuid, '', 'Gemeld in de benchmark.',
    t.lat + random() * {dlat}, t.lon + random() * {dlon}, 'online',
    CASE WHEN g % 3 = 0 THEN 'gemeld' ELSE 'afgehandeld' END, now(), 5, 0, 0, current_date + 7,
    CASE WHEN g % 3 = 0 THEN NULL ELSE 'opgelost' END,
    CASE WHEN g % 3 = 0 THEN NULL ELSE now() END,
    CASE WHEN g % 3 = 0 THEN NULL ELSE now() END,
    now() - (g % 1000) * interval '1 hour', 'reporter', 1
  FROM generate_series(0, {total} - 1) g
  JOIN bench_t t ON t.i = (hashint8(g) & 2147483647) % {n}
  JOIN bench_c c ON c.i = (hashint8(g + 7) & 2147483647) % {k};
DROP TABLE bench_t, bench_c;
ANALYZE cases;",
        tenants = tenant_rows.join(", "),
        cats = category_rows.join(", "),
        dlat = SPAN.0,
        dlon = SPAN.1,
        k = categories.len(),
    );
    let tx = sea_orm::TransactionTrait::begin(db.raw()).await.unwrap();
    tx.execute_unprepared(&sql).await.unwrap();
    tx.commit().await.unwrap();
}

/// A random question: municipality, category, point in its area.
fn question(i: usize, tenants: &[String], categories: &[String]) -> (String, String, f64, f64) {
    let r = i as u64;
    let t = (mix(r) % tenants.len() as u64) as usize;
    let c = (mix(r ^ 0xC0DE) % categories.len() as u64) as usize;
    let (lat, lon) = corner(t);
    (
        tenants[t].clone(),
        categories[c].clone(),
        lat + unit(r ^ 0x1A7) * SPAN.0,
        lon + unit(r ^ 0x10F) * SPAN.1,
    )
}

/// The duplicate query, with or without its index, `measure`d.
async fn sql_scenario(
    db: &Db,
    seconds: u64,
    with_index: bool,
    tenants: Arc<Vec<String>>,
    categories: Arc<Vec<String>>,
) -> (Figures, Option<String>) {
    let db = db.clone();
    measure(seconds, 1, move |i| {
        let (tenant, category, lat, lon) = question(i, &tenants, &categories);
        let db = db.clone();
        async move {
            let tx = tenant_tx(&db, &tenant).await?;
            if !with_index {
                tx.execute_unprepared(SCAN_ONLY).await?;
            }
            let statement = loket_cases::nearby_statement(
                DbBackend::Postgres,
                &TenantId::new(&tenant).unwrap(),
                &category,
                lat,
                lon,
                50,
                10,
            );
            tx.query_all_raw(statement).await?;
            tx.commit().await
        }
    })
    .await
}

#[tokio::main]
async fn main() {
    let total = env_number("BENCH_REPORTS", 1_000_000);
    let count = env_number("BENCH_TENANTS", 50) as usize;
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 16) as usize;
    let (folder, slugs) = tenants_folder(count);
    let set = load_dir(folder.path()).unwrap();
    let types = load_case_types(&set).unwrap();
    let first = TenantId::new(&slugs[0]).unwrap();
    let categories: Vec<String> = types
        .of(&first)
        .filter(|t| t.report.is_some())
        .filter(|t| {
            // Categories whose form asks nothing required, as every bench report answers none.
            t.report
                .iter()
                .flat_map(|r| &r.fields)
                .all(|f| !f.required || matches!(f.datatype, FieldType::String | FieldType::Text))
        })
        .map(|t| t.code.clone())
        .collect();
    let test_db = TestDb::postgres().await.expect("PostgreSQL");
    let db = Db::connect(test_db.url()).await.unwrap();
    let mut env = vec![("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")];
    env.extend(NO_RATE_LIMITS);
    let loket = Loket::start_with(test_db, folder.path(), &env).await;
    let t = Instant::now();
    seed(&db, &slugs, &categories, total).await;
    let seeding = t.elapsed();
    let open: i64 = db
        .raw()
        .query_one_raw(pg(
            "SELECT count(*) AS n FROM cases WHERE closed_at IS NULL AND lat IS NOT NULL",
            vec![],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap();

    let (tenants, categories) = (Arc::new(slugs), Arc::new(categories));
    let (client, url) = (loket.client().clone(), format!("{}/graphql", loket.base));
    let ask = {
        let (tenants, categories) = (Arc::clone(&tenants), Arc::clone(&categories));
        move |i: usize| {
            let (tenant, category, lat, lon) = question(i, &tenants, &categories);
            let post = client
                .post(url.as_str())
                .header("content-type", "application/json")
                .header("loket-tenant", tenant)
                .body(json!({ "query": NEARBY, "variables": { "c": category, "lat": lat, "lon": lon } }).to_string())
                .send();
            async move {
                let r = post.await.map_err(|e| e.to_string())?;
                let status = r.status();
                let text = r.text().await.unwrap_or_default();
                if status.is_success() && !text.contains("\"errors\"") {
                    return Ok(());
                }
                Err(format!("{status} {text:.600}"))
            }
        }
    };
    // Warm up, then one client and many.
    measure(2, concurrency, ask.clone()).await;
    let one = measure(seconds, 1, ask.clone()).await;
    let many = measure(seconds, concurrency, ask).await;
    let indexed = sql_scenario(
        &db,
        seconds,
        true,
        Arc::clone(&tenants),
        Arc::clone(&categories),
    )
    .await;
    let scanned = sql_scenario(
        &db,
        seconds,
        false,
        Arc::clone(&tenants),
        Arc::clone(&categories),
    )
    .await;

    let plan = plan_of(&db, &tenants, &categories, true).await;
    let scan_plan = plan_of(&db, &tenants, &categories, false).await;

    println!(
        "\nreport_duplicates on PostgreSQL: {total} reports ({open} open) in {} municipalities, {} categories, seeded in {:.1} s; {seconds} s per scenario; binary {}\n",
        tenants.len(),
        categories.len(),
        seeding.as_secs_f64(),
        loket_tests::binary().display()
    );
    println!("{HEADER}");
    let base = scanned.0.rps;
    for (name, (figures, failure)) in [
        ("nearbyReports via GraphQL, 1 client", &one),
        (
            &*format!("nearbyReports via GraphQL, {concurrency} clients"),
            &many,
        ),
        ("the duplicate query (GiST index), 1 client", &indexed),
        (
            "baseline: the same query without the index (scan), 1 client",
            &scanned,
        ),
    ] {
        println!("{}", row(name, figures, base));
        if let Some(failure) = failure {
            println!("  first failure: {failure}");
        }
    }
    println!("\nplan of the duplicate query:\n{plan}");
    println!("\nplan of the baseline (index scans off):\n{scan_plan}");
}

/// The plan of one duplicate query, with or without index scans, as PostgreSQL ran it.
async fn plan_of(db: &Db, tenants: &[String], categories: &[String], with_index: bool) -> String {
    let (tenant, category, lat, lon) = question(1, tenants, categories);
    let tx = tenant_tx(db, &tenant).await.unwrap();
    if !with_index {
        tx.execute_unprepared(SCAN_ONLY).await.unwrap();
    }
    let statement = loket_cases::nearby_statement(
        DbBackend::Postgres,
        &TenantId::new(&tenant).unwrap(),
        &category,
        lat,
        lon,
        50,
        10,
    );
    let explain = pg(
        &format!("EXPLAIN (ANALYZE, BUFFERS) {}", statement.sql),
        statement.values.map(|v| v.0).unwrap_or_default(),
    );
    let rows = tx.query_all_raw(explain).await.unwrap();
    tx.commit().await.unwrap();
    rows.iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}
