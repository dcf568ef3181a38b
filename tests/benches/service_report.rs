//! The contact centre's service report at scale on PostgreSQL: `serviceReport` for one year
//! beside the year before, through the gateway, next to a baseline that runs the report's own
//! SQL (per period the grouped contacts query and the callbacks query in one tenant
//! transaction, the case-deadline query in another) directly against the same database in the
//! same run with the same concurrency. Then what the design costs on writes: contact moments
//! inserted one per transaction into `contact_moments` with its indexes (the covering period
//! index among them) beside the same inserts into a copy of the table with its primary key
//! only, and the size of the covering index beside the table's. The plans of the queries are
//! printed.
//!
//! The comparison of municipalities is measured on the same data: computing 2026 for every
//! taking-part tenant (the daily run's work for a year) beside, in the same run, each
//! participant's `serviceReport` one after another, and beside the report's own statements for
//! 2026 alone per participant.
//!
//! The data is the suite's own (bench/sql/seed.sql, as `bench/run` seeds it): residents by
//! `loket seed`'s generator, then set-based cases with their events, contact moments and
//! callbacks over the tenants, the demo tenants and, with `BENCH_TENANTS` above six, generated
//! municipalities (copies of Haarlem with only the national template, taking part in the
//! comparison anonymously). Contacts are four in ten in Enschede (the tenant measured) and
//! evenly over the others, from 1 January 2025 to today: weighted channels, forty topics, waits
//! for phone and chat, response times in working days for e-mail and web forms, three in four
//! resolved in the first contact, callbacks for about one in five of the others, some late,
//! some still open. Cases are spread evenly: decided ones closed over the last three years,
//! some after their deadline.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench service_report`.
//! Settings: `BENCH_CONTACTS` in all (default 100,000; 1,000,000 for the full run),
//! `BENCH_CASES` in all (default 100,000; 1,000,000 for the full run), `BENCH_TENANTS`
//! (default 6, the demo tenants; 50 for the full run), `BENCH_PERSONS` per demo municipality
//! (default 1,000) and `BENCH_GENERATED_PERSONS` per generated one (default 500), whom cases and
//! contacts are about, `BENCH_SECONDS` per scenario (default 10), `BENCH_CONCURRENCY` (default
//! 8). Needs PostgreSQL (see the test harness); seeding runs as the harness's user, a
//! superuser, which row-level security does not bind, while every baseline statement runs as
//! the application role confined to one tenant.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use loket_tests::bench::{env_number, pg, tenant_tx, tenants_folder, token_in};
use std::{path::Path, sync::Arc, time::Instant};

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{
    TenantId,
    calendar::Calendar,
    config::{TenantSet, load_dir},
};
use loket_registry::seed::{
    generate::{MUNICIPALITIES, municipality_of},
    seed,
};
use loket_store::{Db, testing::TestDb};
use loket_tests::{
    Loket,
    load::{Figures, HEADER, measure, row},
};
use sea_orm::{ConnectionTrait, DbErr, TransactionTrait, Value, prelude::Uuid};
use serde_json::json;

/// The tenant whose report is measured.
const MEASURED: &str = "enschede";

/// Runs the suite's seeding (bench/sql/seed.sql, as `bench/run` does) for `cases` cases and
/// `contacts` contact moments over the tenants of `config`, its psql variables substituted.
async fn seed_data(db: &Db, config: &TenantSet, cases: u64, contacts: u64) {
    let path = loket_tests::tenants_dir().join("../bench/sql/seed.sql");
    let script = std::fs::read_to_string(path).unwrap();
    let rows: Vec<String> = config
        .tenants
        .values()
        .enumerate()
        .map(|(i, t)| {
            let slug = t.slug.as_str();
            let prefix = match slug.strip_prefix("gemeente-") {
                Some(n) => format!("G{n}"),
                None => slug[..3].to_uppercase(),
            };
            let teams = t.contact_centre.callback_teams.join("', '");
            let code = t.municipality_code.as_str();
            format!("('{slug}', {i}, '{code}', '{prefix}', ARRAY['{teams}'])")
        })
        .collect();
    let sql = script
        .replace(":tenants", &rows.join(", "))
        .replace(":cases", &cases.to_string())
        .replace(":contacts", &contacts.to_string());
    let tx = db.raw().begin().await.unwrap();
    tx.execute_unprepared(&sql).await.unwrap();
    tx.commit().await.unwrap();
}

/// The copy of `contact_moments` the write cost is measured against: the same columns,
/// defaults, rows, grants and row-level security, with the primary key as its only index.
const BARE_TABLE: &str = "
CREATE TABLE bench_moments_bare (LIKE contact_moments INCLUDING DEFAULTS);
ALTER TABLE bench_moments_bare ADD PRIMARY KEY (tenant_id, id);
INSERT INTO bench_moments_bare SELECT * FROM contact_moments ORDER BY received_at;
GRANT SELECT, INSERT, UPDATE, DELETE ON bench_moments_bare TO loket_app;
ALTER TABLE bench_moments_bare ENABLE ROW LEVEL SECURITY;
ALTER TABLE bench_moments_bare FORCE ROW LEVEL SECURITY;
CREATE POLICY bench_moments_bare_tenant_isolation ON bench_moments_bare
    USING (tenant_id = current_setting('loket.tenant', true))
    WITH CHECK (tenant_id = current_setting('loket.tenant', true));
";

/// Contacts per channel and topic, with the sums the norms need (the contact service's
/// statement, services/contact/src/report/figures.rs).
const CONTACTS: &str = "SELECT channel, topic, CAST(COUNT(*) AS BIGINT) AS contacts, \
    CAST(SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END) AS BIGINT) AS resolved, \
    CAST(SUM(CASE WHEN wait_seconds IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS waited, \
    CAST(SUM(CASE WHEN wait_seconds <= $4 THEN 1 ELSE 0 END) AS BIGINT) AS waited_in_norm, \
    CAST(SUM(CASE WHEN response_working_days IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS responded, \
    CAST(SUM(CASE WHEN response_working_days <= $5 THEN 1 ELSE 0 END) AS BIGINT) AS responded_in_norm \
    FROM contact_moments WHERE tenant_id = $1 AND received_at >= $2 AND received_at < $3 \
    GROUP BY channel, topic";

/// Callbacks requested in the period (the same file).
const CALLBACKS: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS requested, \
    CAST(SUM(CASE WHEN in_time THEN 1 ELSE 0 END) AS BIGINT) AS in_time, \
    CAST(SUM(CASE WHEN in_time IS NULL AND deadline >= $4 THEN 1 ELSE 0 END) AS BIGINT) AS pending \
    FROM callbacks WHERE tenant_id = $1 AND requested_at >= $2 AND requested_at < $3";

/// Closed cases per type and how many by their deadline (the case service's PostgreSQL
/// statement, services/cases/src/service/book.rs).
const DEADLINES: &str = "SELECT case_type, CAST(COUNT(*) AS BIGINT) AS closed, \
    CAST(SUM(CASE WHEN CAST(closed_at AT TIME ZONE 'UTC' AS DATE) <= deadline \
    THEN 1 ELSE 0 END) AS BIGINT) AS on_time FROM cases WHERE tenant_id = $1 \
    AND closed_at >= $2 AND closed_at < $3 GROUP BY case_type";

/// A period as the report bounds it: from the first day's midnight in the Netherlands up to
/// the midnight after the last day.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Bounds {
    fn of(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            start: Calendar::start_of(from),
            end: Calendar::start_of(to.succ_opt().unwrap()),
        }
    }
}

/// The measured tenant's norms the statements take: phone seconds and e-mail working days.
#[derive(Debug, Clone, Copy)]
struct Norms {
    phone_seconds: i64,
    email_days: i64,
}

/// What one period's statements found: contacts, callbacks, closed cases.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Totals {
    contacts: i64,
    callbacks: i64,
    closed: i64,
}

/// The report's SQL for one period, as the service runs it: the contacts and the callbacks in
/// one tenant transaction, the case deadlines in another.
async fn period_sql(db: &Db, tenant: &str, p: Bounds, norms: Norms) -> Result<Totals, DbErr> {
    let today = Calendar::local_date(Utc::now());
    let bounds = || -> Vec<Value> { vec![tenant.into(), p.start.into(), p.end.into()] };
    let tx = tenant_tx(db, tenant).await?;
    let mut values = bounds();
    values.extend([norms.phone_seconds.into(), norms.email_days.into()]);
    let contacts = tx.query_all_raw(pg(CONTACTS, values)).await?;
    let mut values = bounds();
    values.push(today.into());
    let callbacks = tx.query_one_raw(pg(CALLBACKS, values)).await?;
    tx.commit().await?;
    let tx = tenant_tx(db, tenant).await?;
    let deadlines = tx.query_all_raw(pg(DEADLINES, bounds())).await?;
    tx.commit().await?;
    let mut totals = Totals::default();
    for r in &contacts {
        totals.contacts += r.try_get::<i64>("", "contacts")?;
    }
    if let Some(r) = callbacks {
        totals.callbacks = r.try_get::<i64>("", "requested")?;
    }
    for r in &deadlines {
        totals.closed += r.try_get::<i64>("", "closed")?;
    }
    Ok(totals)
}

/// The whole report's SQL: the period, then the comparison period.
async fn report_sql(
    db: &Db,
    tenant: &str,
    periods: [Bounds; 2],
    norms: Norms,
) -> Result<[Totals; 2], DbErr> {
    let current = period_sql(db, tenant, periods[0], norms).await?;
    let previous = period_sql(db, tenant, periods[1], norms).await?;
    Ok([current, previous])
}

/// `EXPLAIN (ANALYZE, BUFFERS)` of a statement, as the application role.
async fn explain(db: &Db, tenant: &str, sql: &str, values: Vec<Value>) -> String {
    let tx = tenant_tx(db, tenant).await.unwrap();
    let sql = format!("EXPLAIN (ANALYZE, BUFFERS) {sql}");
    let rows = tx.query_all_raw(pg(&sql, values)).await.unwrap();
    tx.rollback().await.unwrap();
    let lines: Vec<String> = rows
        .iter()
        .map(|r| r.try_get_by_index(0).unwrap())
        .collect();
    lines.join("\n")
}

/// One `registerContact` as the service writes it: a full row, one insert in a tenant
/// transaction. `table` is `contact_moments` or its copy with the primary key only.
fn insert_sql(table: &str) -> String {
    format!(
        "INSERT INTO {table} (tenant_id, id, channel, subject_bsn, topic, topic_label, question, answer, \
         resolved_first_contact, received_at, answered_at, wait_seconds, response_working_days, handling_seconds, \
         employee, case_reference, idempotency_key, registered_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
         ON CONFLICT DO NOTHING"
    )
}

/// A registration: channel, topic, label, wait seconds, response working days.
type Registration = (
    &'static str,
    &'static str,
    &'static str,
    Option<i32>,
    Option<i32>,
);

/// What the front office registers, in turn.
#[rustfmt::skip]
const REGISTERED: [Registration; 4] = [
    ("phone", "paspoort", "Paspoort", Some(14), None),
    ("email", "afvalcontainer", "Afvalcontainer", None, Some(1)),
    ("counter", "openingstijden", "Openingstijden", None, None),
    ("phone", "verhuizing", "Verhuizing", Some(32), None),
];

/// Registers the `i`-th contact moment into `sql`'s table.
async fn insert_moment(db: &Db, sql: &str, i: usize) -> Result<(), DbErr> {
    let (channel, topic, label, wait, days) = REGISTERED[i % REGISTERED.len()];
    let now = Utc::now();
    let received = now - chrono::Duration::minutes(6);
    let bsn = (i % 5 < 3).then(|| format!("9{:08}", (i * 7_919) % 100_000_000));
    let key = (i % 5 < 4).then(|| format!("ui-{}", Uuid::new_v4().simple()));
    #[rustfmt::skip]
    let values: Vec<Value> = vec![
        MEASURED.into(), Uuid::now_v7().into(), channel.into(), bsn.into(), topic.into(), label.into(),
        format!("Vraag over {}: wat moet ik meenemen en wat kost het?", label.to_lowercase()).into(),
        "Uitgelegd welke stukken nodig zijn en verwezen naar de website.".into(), (!i.is_multiple_of(4)).into(),
        received.into(), Some(received + chrono::Duration::seconds(30)).into(), wait.into(), days.into(),
        Some(240).into(), format!("medewerker-{}", i % 60).into(), None::<String>.into(), key.into(), now.into(),
    ];
    let tx = tenant_tx(db, MEASURED).await?;
    tx.execute_raw(pg(sql, values)).await?;
    tx.commit().await
}

/// GraphQL requests `request(i)` (token, query, variables); an error status or an `errors`
/// entry in the response is a failure.
async fn graphql<F>(
    loket: &Loket,
    seconds: u64,
    concurrency: usize,
    request: F,
) -> (Figures, Option<String>)
where
    F: Fn(usize) -> (String, &'static str, serde_json::Value) + Send + Sync + 'static,
{
    let (client, url) = (
        loket.client().clone(),
        Arc::new(format!("{}/graphql", loket.base)),
    );
    measure(seconds, concurrency, move |i| {
        let (token, query, variables) = request(i);
        let body = json!({ "query": query, "variables": variables }).to_string();
        let post = client
            .post(url.as_str())
            .header("content-type", "application/json");
        async move {
            let sent = post.bearer_auth(token).body(body).send();
            let r = sent.await.map_err(|e| e.to_string())?;
            let status = r.status();
            let text = r.text().await.unwrap_or_default();
            if status.is_success() && !text.contains("\"errors\"") {
                return Ok(());
            }
            Err(format!("{status} {text:.600}"))
        }
    })
    .await
}

/// The measured query: a year beside the year before.
const SERVICE_REPORT: &str = r#"{ serviceReport(period: {from: "2026-01-01", to: "2026-12-31"}, compareWith: {from: "2025-01-01", to: "2025-12-31"}) {
  current { contacts firstContactResolution { count total percentage } channels { channel contacts topics(first: 5) { topic label contacts } } norms { norm target compliance { count total percentage } pending achieved } caseDeadlines { caseType compliance { count total percentage } } }
  previous { contacts norms { norm compliance { percentage } } caseDeadlines { caseType compliance { percentage } } }
  changes { contacts firstContactResolutionPoints norms { norm points } caseDeadlines { caseType points } } } }"#;

const STATS: &str = "SELECT format('%s contact moments (%s in enschede: %s in 2025, %s in 2026), %s callbacks \
    (%s open, %s late); %s cases (%s closed in 2025, %s in 2026; %s of those after their deadline)', \
    (SELECT count(*) FROM contact_moments), \
    (SELECT count(*) FROM contact_moments WHERE tenant_id = 'enschede'), \
    (SELECT count(*) FROM contact_moments WHERE tenant_id = 'enschede' AND received_at < $2), \
    (SELECT count(*) FROM contact_moments WHERE tenant_id = 'enschede' AND received_at >= $2), \
    (SELECT count(*) FROM callbacks), (SELECT count(*) FROM callbacks WHERE completed_at IS NULL), \
    (SELECT count(*) FROM callbacks WHERE in_time = false), \
    count(*), count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2), \
    count(*) FILTER (WHERE closed_at >= $2 AND closed_at < $3), \
    count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $3 AND CAST(closed_at AT TIME ZONE 'UTC' AS DATE) > deadline)) \
    FROM cases";

const SIZES: &str = "SELECT format('contact_moments %s in %s; its indexes: %s. Covering index %s = %s %% of the table \
    (all indexes %s). Copy with the primary key only: %s, primary key %s. cases %s, cases_closed %s', \
    (SELECT count(*) FROM contact_moments), pg_size_pretty(pg_relation_size('contact_moments')), \
    (SELECT string_agg(format('%s %s', indexrelid::regclass, pg_size_pretty(pg_relation_size(indexrelid))), ', ' \
      ORDER BY pg_relation_size(indexrelid) DESC) FROM pg_index WHERE indrelid = 'contact_moments'::regclass), \
    pg_size_pretty(pg_relation_size('contact_moments_period')), \
    round(100.0 * pg_relation_size('contact_moments_period') / pg_relation_size('contact_moments'), 1), \
    pg_size_pretty(pg_indexes_size('contact_moments')), pg_size_pretty(pg_relation_size('bench_moments_bare')), \
    pg_size_pretty(pg_indexes_size('bench_moments_bare')), pg_size_pretty(pg_relation_size('cases')), \
    pg_size_pretty(pg_relation_size('cases_closed')))";

/// A figure of the report's JSON, as text.
fn at(report: &serde_json::Value, path: &str) -> String {
    report.pointer(path).map_or("-".into(), ToString::to_string)
}

#[tokio::main]
async fn main() {
    let contacts = env_number("BENCH_CONTACTS", 100_000);
    let cases = env_number("BENCH_CASES", 100_000);
    let persons = env_number("BENCH_PERSONS", 1_000) as usize;
    let generated_persons = env_number("BENCH_GENERATED_PERSONS", 500) as usize;
    let total = env_number("BENCH_TENANTS", 6) as usize;
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 8) as usize;
    let test_db = TestDb::postgres().await.expect("PostgreSQL");
    let db = Db::connect(test_db.url()).await.unwrap();
    let text = async |sql: &str, values: Vec<Value>| -> String {
        let row = db.raw().query_one_raw(pg(sql, values)).await.unwrap();
        row.unwrap().try_get_by_index(0).unwrap()
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let periods = [
        Bounds::of(day(2026, 1, 1), day(2026, 12, 31)),
        Bounds::of(day(2025, 1, 1), day(2025, 12, 31)),
    ];
    let (folder, _) = tenants_folder(total);
    let config = load_dir(folder.path()).unwrap();
    let configured = &config.tenants[&TenantId::new(MEASURED).unwrap()].service_norms;
    let norms = Norms {
        phone_seconds: i64::from(configured.phone_answer_seconds),
        email_days: i64::from(configured.email_answer_working_days),
    };

    let started = Instant::now();
    // The demo municipalities first; then, skipping those, the generated ones with fewer.
    let all: Vec<_> = config.tenants.values().map(municipality_of).collect();
    for (municipalities, persons) in [(&MUNICIPALITIES[..], persons), (&all, generated_persons)] {
        seed(&db, municipalities, persons, 20_261_128)
            .await
            .unwrap();
    }
    let residents_time = started.elapsed();
    let started = Instant::now();
    seed_data(&db, &config, cases, contacts).await;
    let data_time = started.elapsed();
    let started = Instant::now();
    db.raw().execute_unprepared(BARE_TABLE).await.unwrap();
    let bare_time = started.elapsed();
    let started = Instant::now();
    // As autovacuum leaves a table at rest: statistics and the visibility map, so the report's
    // aggregates can read their covering indexes alone.
    db.raw().execute_unprepared("VACUUM ANALYZE").await.unwrap();
    let analyze_time = started.elapsed();
    let years: Vec<Value> = vec![
        periods[1].start.into(),
        periods[0].start.into(),
        periods[0].end.into(),
    ];
    let stats = text(STATS, years).await;
    let sizes = text(SIZES, vec![]).await;
    let who = text("SELECT format('%s (superuser %s)', rolname, rolsuper) FROM pg_roles WHERE rolname = current_user", vec![]).await;

    let bounds = |p: Bounds| -> Vec<Value> { vec![MEASURED.into(), p.start.into(), p.end.into()] };
    let mut values = bounds(periods[0]);
    values.extend([norms.phone_seconds.into(), norms.email_days.into()]);
    let contacts_plan = explain(&db, MEASURED, CONTACTS, values).await;
    let mut values = bounds(periods[0]);
    values.push(Calendar::local_date(Utc::now()).into());
    let callbacks_plan = explain(&db, MEASURED, CALLBACKS, values).await;
    let deadlines_plan = explain(&db, MEASURED, DEADLINES, bounds(periods[0])).await;

    let env = [("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")];
    let loket = Loket::start_with(test_db, folder.path(), &env).await;
    let manager = token_in(folder.path(), MEASURED, "manager", None).await;

    // One report read both ways, to show the data and that both count the same.
    let (status, body) = loket.graphql(Some(&manager), None, SERVICE_REPORT).await;
    let report = &body["data"]["serviceReport"];
    let totals = report_sql(&db, MEASURED, periods, norms).await.unwrap();
    let closed = |figures: &str| -> i64 {
        let types = report.pointer(figures).and_then(|v| v.as_array());
        types.map_or(0, |types| {
            let total = |t: &serde_json::Value| t["compliance"]["total"].as_i64().unwrap_or(0);
            types.iter().map(total).sum()
        })
    };
    let same = report["current"]["contacts"].as_i64() == Some(totals[0].contacts)
        && report["previous"]["contacts"].as_i64() == Some(totals[1].contacts)
        && closed("/current/caseDeadlines") == totals[0].closed;
    let sample_errors = body.get("errors").map(ToString::to_string);

    let m = manager.clone();
    let report_gql = move |_| (m.clone(), SERVICE_REPORT, json!({}));
    // Warm up the gateway's path and the buffers.
    graphql(&loket, 1, concurrency, report_gql.clone()).await;
    let d = db.clone();
    let report_base = measure(seconds, concurrency, move |_| {
        let db = d.clone();
        async move { report_sql(&db, MEASURED, periods, norms).await.map(|_| ()) }
    })
    .await;
    let report_via = graphql(&loket, seconds, concurrency, report_gql).await;

    // The cost on writes, last, so the reads above saw the seeded tables at rest.
    let inserts = |table: &str| {
        let (d, sql) = (db.clone(), Arc::new(insert_sql(table)));
        measure(seconds, concurrency, move |i| {
            let (db, sql) = (d.clone(), Arc::clone(&sql));
            async move { insert_moment(&db, &sql, i).await }
        })
    };
    let comparison = compare(&db, &loket, folder.path(), &config).await;
    let bare = inserts("bench_moments_bare").await;
    let indexed = inserts("contact_moments").await;

    let secs = |d: std::time::Duration| d.as_secs_f64();
    println!("\nservice_report on PostgreSQL: {stats}");
    println!(
        "seeding as {who}: residents ({persons} per demo municipality, {generated_persons} per generated one) {:.1} s, \
         cases with their events, contacts and callbacks {:.1} s, copy without the report's indexes {:.1} s, \
         VACUUM ANALYZE {:.1} s",
        secs(residents_time),
        secs(data_time),
        secs(bare_time),
        secs(analyze_time)
    );
    let binary = loket_tests::binary();
    println!(
        "{seconds} s per scenario, {concurrency} concurrent clients, binary {}",
        binary.display()
    );
    println!(
        "report of {MEASURED} (phone norm {} s, e-mail norm {} working days), 2026 beside 2025: HTTP {status}; \
         contacts {} (2025: {}), first-contact resolution {} % (2025 to 2026: {} points), phone norm {} %, \
         e-mail norm {} %, callback norm {} % ({} pending), case types {}, closed cases {} (2025: {}); \
         the SQL counts the same: {same}",
        norms.phone_seconds,
        norms.email_days,
        at(report, "/current/contacts"),
        at(report, "/previous/contacts"),
        at(report, "/current/firstContactResolution/percentage"),
        at(report, "/changes/firstContactResolutionPoints"),
        at(report, "/current/norms/0/compliance/percentage"),
        at(report, "/current/norms/1/compliance/percentage"),
        at(report, "/current/norms/2/compliance/percentage"),
        at(report, "/current/norms/2/pending"),
        report["current"]["caseDeadlines"]
            .as_array()
            .map_or(0, Vec::len),
        closed("/current/caseDeadlines"),
        totals[1].closed,
    );
    if let Some(errors) = sample_errors {
        println!("errors in the sample report: {errors:.600}");
    }
    println!();
    println!("{HEADER}");
    #[rustfmt::skip]
    let rows = [
        ("baseline: report SQL, 2 periods × (contacts + callbacks tx, case deadlines tx)", &report_base, &report_base),
        ("serviceReport 2026 vs 2025 via GraphQL, manager enschede", &report_via, &report_base),
        ("baseline: insert contact moment, copy with primary key only", &bare, &bare),
        ("insert contact moment into contact_moments (period, subject, idempotency indexes)", &indexed, &bare),
    ];
    for (name, (figures, _), (base, _)) in rows {
        println!("{}", row(name, figures, base.rps));
    }
    for (name, (_, failure), _) in rows {
        if let Some(e) = failure {
            println!("\nfirst failure of {name}: {e}");
        }
    }
    let (b, x) = (bare.0, indexed.0);
    println!(
        "\ncost on writes: {:.0} inserts/s into contact_moments with its indexes vs {:.0} inserts/s with the \
         primary key only: ratio {:.2} (p50 {:.2} vs {:.2} ms, p99 {:.2} vs {:.2} ms), one transaction per contact, \
         {concurrency} clients",
        x.rps,
        b.rps,
        x.rps / b.rps,
        x.p50_ms,
        b.p50_ms,
        x.p99_ms,
        b.p99_ms
    );
    println!("{comparison}");
    println!("sizes after seeding: {sizes}");
    let plans = [
        ("contacts (one year, enschede)", contacts_plan),
        ("callbacks (one year, enschede)", callbacks_plan),
        ("case deadlines (one year, enschede)", deadlines_plan),
    ];
    for (name, plan) in plans {
        println!("\n{name} plan:\n{plan}");
    }
}

/// Each taking-part tenant with its norms.
fn norms_of(config: &TenantSet) -> Vec<(String, Norms)> {
    config
        .tenants
        .values()
        .filter(|t| t.benchmark.is_some())
        .map(|t| {
            let norms = Norms {
                phone_seconds: i64::from(t.service_norms.phone_answer_seconds),
                email_days: i64::from(t.service_norms.email_answer_working_days),
            };
            (t.slug.to_string(), norms)
        })
        .collect()
}

/// The median of some durations, in milliseconds.
fn median_ms(mut times: Vec<std::time::Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// Computing the comparison of 2026 beside the participants' reports, five rounds each,
/// alternating; the medians and their ratios.
async fn compare(db: &Db, loket: &Loket, folder: &Path, config: &TenantSet) -> String {
    let participants = norms_of(config);
    use loket_contact::benchmark::{Benchmark, BenchmarkPeriod};
    let types = loket_cases::load_case_types(config).unwrap();
    let benchmark = Benchmark::new(Arc::new(config.clone()), types.national().clone());
    let year = BenchmarkPeriod::year(2026).unwrap();
    let today = Calendar::local_date(Utc::now());
    let mut tokens = Vec::new();
    for (slug, _) in &participants {
        tokens.push(token_in(folder, slug, "manager", None).await);
    }
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let bounds = Bounds::of(day(2026, 1, 1), day(2026, 12, 31));
    let (mut computed, mut reports, mut statements) = (Vec::new(), Vec::new(), Vec::new());
    let mut done = None;
    for _ in 0..5 {
        let started = Instant::now();
        done = Some(benchmark.compute(db, &year, today).await.unwrap());
        computed.push(started.elapsed());
        let started = Instant::now();
        for token in &tokens {
            let (status, body) = loket.graphql(Some(token), None, SERVICE_REPORT).await;
            assert!(status == 200 && body.get("errors").is_none(), "{body}");
        }
        reports.push(started.elapsed());
        let started = Instant::now();
        for (slug, norms) in &participants {
            period_sql(db, slug, bounds, *norms).await.unwrap();
        }
        statements.push(started.elapsed());
    }
    let (c, r, s) = (
        median_ms(computed),
        median_ms(reports),
        median_ms(statements),
    );
    format!(
        "\ncomparison of municipalities, 2026, {} taking part ({done:?}), medians of 5 rounds:\n\
         | what | ms | ratio to the computation |\n| --- | ---: | ---: |\n\
         | computing the comparison (one transaction, three functions per tenant, storing) | {c:.1} | 1.00 |\n\
         | the participants' serviceReport (2026 beside 2025) one after another via GraphQL | {r:.1} | {:.2} |\n\
         | the report's statements for 2026 alone per participant (minimal SQL) | {s:.1} | {:.2} |",
        participants.len(),
        r / c,
        s / c,
    )
}
