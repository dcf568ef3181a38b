//! The registries at scale on PostgreSQL: `person(bsn:)` and `valuationReport` through the
//! gateway, each beside a baseline that runs the same SQL directly against the same database
//! in the same run, and the seeding time. The comparables query plan is printed.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench registry_scale`.
//! Settings: `BENCH_PERSONS` per municipality (default 10,000; 166,667 gives the full
//! 1,000,000 residents over six municipalities), `BENCH_SECONDS` (default 10),
//! `BENCH_CONCURRENCY` (default 16). Needs PostgreSQL (see the test harness).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use loket_tests::bench::{env_number, pg};
use std::{sync::Arc, time::Instant};

use loket_registry::{ValuationObject, comparables_statement};
use loket_store::{Db, testing::TestDb};
use loket_tests::{
    Loket,
    load::{Figures, HEADER, row, run},
};
use sea_orm::{ConnectionTrait, DbBackend, TransactionTrait};
use serde_json::json;

async fn strings(db: &Db, sql: &str) -> Vec<String> {
    db.raw()
        .query_all_raw(pg(sql, vec![]))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

async fn graphql(
    loket: &Loket,
    token: String,
    samples: Arc<Vec<String>>,
    query: &'static str,
    seconds: u64,
    concurrency: usize,
) -> Figures {
    let client = loket.client().clone();
    let url = Arc::new(format!("{}/graphql", loket.base));
    run(seconds, concurrency, move |i| {
        let (client, url, token) = (client.clone(), Arc::clone(&url), token.clone());
        let body = json!({ "query": query, "variables": { "id": samples[i % samples.len()] } })
            .to_string();
        async move {
            let response = client
                .post(url.as_str())
                .header("content-type", "application/json")
                .bearer_auth(token)
                .body(body)
                .send()
                .await;
            match response {
                Ok(r) if r.status().is_success() => {
                    !r.text().await.unwrap_or_default().contains("\"errors\"")
                }
                _ => false,
            }
        }
    })
    .await
}

/// The SQL the person service runs for one read: person, address, and the processing-log
/// entry inside a tenant transaction.
async fn person_sql(db: Db, bsn: String) -> bool {
    let conn = db.raw();
    let person = conn
        .query_one_raw(pg(
            "SELECT bsn, given_names, surname_prefix, surname, birth_date, birth_place, address_id, municipality_code, nationality FROM persons WHERE bsn = $1",
            vec![bsn.clone().into()],
        ))
        .await;
    let Ok(Some(person)) = person else {
        return false;
    };
    let address_id: Option<String> = person.try_get("", "address_id").unwrap_or(None);
    if conn
        .query_one_raw(pg(
            "SELECT * FROM addresses WHERE id = $1",
            vec![address_id.into()],
        ))
        .await
        .is_err()
    {
        return false;
    }
    let Ok(tx) = conn.begin().await else {
        return false;
    };
    let ok = tx
        .execute_raw(pg(
            "SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', 'enschede', true)",
            vec![],
        ))
        .await
        .is_ok()
        && tx
            .execute_raw(pg(
                "INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation, request_id, created_at, subject_type, field_groups, trace_id, span_id) \
                 VALUES ('enschede', gen_random_uuid(), 'employee', 'bench', 'backoffice', $1, 'look up a resident', 'person', 'bench', now(), 'BSN', 'person/name,person/birth,person/address', '', '')",
                vec![bsn.into()],
            ))
            .await
            .is_ok();
    ok && tx.commit().await.is_ok()
}

/// The SQL the valuation service runs for one report.
async fn valuation_sql(db: Db, id: String) -> bool {
    let conn = db.raw();
    let Ok(Some(object)) = conn
        .query_one_raw(pg(
            "SELECT * FROM valuation_objects WHERE id = $1",
            vec![id.clone().into()],
        ))
        .await
    else {
        return false;
    };
    let get_f = |c: &str| object.try_get::<f64>("", c).unwrap_or(0.0);
    let subject = ValuationObject {
        id: id.clone(),
        usage: object.try_get("", "usage").unwrap_or_default(),
        floor_area: 0,
        plot_area: 0,
        build_year: 0,
        latest_value: object.try_get("", "latest_value").unwrap_or(0),
        reference_date: chrono::NaiveDate::MIN,
        address: None,
        distance_m: 0.0,
    };
    let address_id: String = object.try_get("", "address_id").unwrap_or_default();
    let statement = comparables_statement(
        DbBackend::Postgres,
        &subject,
        get_f("lat"),
        get_f("lon"),
        10,
        1500,
        10,
    );
    conn.query_one_raw(pg(
        "SELECT * FROM addresses WHERE id = $1",
        vec![address_id.into()],
    ))
    .await
    .is_ok()
        && conn
            .query_all_raw(pg(
                "SELECT * FROM valuation_values WHERE object_id = $1 ORDER BY reference_date",
                vec![id.into()],
            ))
            .await
            .is_ok()
        && match conn.query_all_raw(statement).await {
            Ok(rows) => {
                let ids: Vec<sea_orm::Value> = rows
                    .iter()
                    .map(|r| {
                        r.try_get::<String>("", "address_id")
                            .unwrap_or_default()
                            .into()
                    })
                    .collect();
                let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
                ids.is_empty()
                    || conn
                        .query_all_raw(pg(
                            &format!(
                                "SELECT * FROM addresses WHERE id IN ({})",
                                placeholders.join(", ")
                            ),
                            ids,
                        ))
                        .await
                        .is_ok()
            }
            Err(_) => false,
        }
}

#[tokio::main]
async fn main() {
    let persons = env_number("BENCH_PERSONS", 10_000);
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 16) as usize;
    let test_db = TestDb::postgres_empty()
        .await
        .expect("PostgreSQL for the benchmark");
    let url = test_db.url().to_owned();

    let started = Instant::now();
    let (code, out, err) = loket_tests::run(&[
        "seed",
        "--persons",
        &persons.to_string(),
        "--database",
        &url,
    ])
    .await;
    assert_eq!(code, 0, "seed failed: {err}");
    let seeding = started.elapsed();

    let db = Db::connect(&url).await.unwrap();
    db.raw().execute_unprepared("ANALYZE").await.unwrap();
    let count = |table: &'static str| {
        let db = db.clone();
        async move { strings(&db, &format!("SELECT count(*)::text FROM {table}")).await[0].clone() }
    };
    let (n_persons, n_objects, n_values) = (
        count("persons").await,
        count("valuation_objects").await,
        count("valuation_values").await,
    );

    let loket = Loket::start_with(
        test_db,
        &loket_tests::tenants_dir(),
        &[("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")],
    )
    .await;
    let (_, token, _) = loket_tests::run(&[
        "token",
        "--tenant",
        "enschede",
        "--role",
        "backoffice",
        "--tenants",
        loket_tests::tenants_dir().to_str().unwrap(),
    ])
    .await;
    let token = token.trim().to_owned();
    let bsns = Arc::new(
        strings(
            &db,
            "SELECT bsn FROM persons WHERE municipality_code = '0153' ORDER BY md5(bsn) LIMIT 2000",
        )
        .await,
    );
    let objects = Arc::new(
        strings(
            &db,
            "SELECT v.id FROM valuation_objects v JOIN addresses a ON a.id = v.address_id \
             WHERE a.municipality_code = '0153' AND v.usage = 'dwelling' ORDER BY md5(v.id) LIMIT 2000",
        )
        .await,
    );

    // The chosen plan at this scale.
    let sample = db
        .raw()
        .query_one_raw(pg(
            "SELECT * FROM valuation_objects WHERE id = $1",
            vec![objects[0].clone().into()],
        ))
        .await
        .unwrap()
        .unwrap();
    let subject = ValuationObject {
        id: objects[0].clone(),
        usage: "dwelling".into(),
        floor_area: 0,
        plot_area: 0,
        build_year: 0,
        latest_value: sample.try_get("", "latest_value").unwrap(),
        reference_date: chrono::NaiveDate::MIN,
        address: None,
        distance_m: 0.0,
    };
    let statement = comparables_statement(
        DbBackend::Postgres,
        &subject,
        sample.try_get("", "lat").unwrap(),
        sample.try_get("", "lon").unwrap(),
        10,
        1500,
        10,
    );
    let plan: Vec<String> = db
        .raw()
        .query_all_raw(pg(
            &format!("EXPLAIN ANALYZE {}", statement.sql),
            statement.values.map(|v| v.0).unwrap_or_default(),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect();

    let person_query = "query($id: String!) { person(bsn: $id) { name { fullName } birth { date } address { street houseNumber postcode city } } }";
    let valuation_query = "query($id: String) { valuationReport(objectId: $id) { object { value floorArea } history { value } comparables { id value distanceMeters address { street } } } }";

    // Warm up both paths.
    graphql(
        &loket,
        token.clone(),
        Arc::clone(&bsns),
        person_query,
        1,
        concurrency,
    )
    .await;
    graphql(
        &loket,
        token.clone(),
        Arc::clone(&objects),
        valuation_query,
        1,
        concurrency,
    )
    .await;

    let person_base = {
        let (db, bsns) = (db.clone(), Arc::clone(&bsns));
        run(seconds, concurrency, move |i| {
            person_sql(db.clone(), bsns[i % bsns.len()].clone())
        })
        .await
    };
    let person_gql = graphql(
        &loket,
        token.clone(),
        Arc::clone(&bsns),
        person_query,
        seconds,
        concurrency,
    )
    .await;
    let valuation_base = {
        let (db, objects) = (db.clone(), Arc::clone(&objects));
        run(seconds, concurrency, move |i| {
            valuation_sql(db.clone(), objects[i % objects.len()].clone())
        })
        .await
    };
    let valuation_gql = graphql(
        &loket,
        token,
        Arc::clone(&objects),
        valuation_query,
        seconds,
        concurrency,
    )
    .await;

    println!(
        "\nregistry_scale on PostgreSQL: {n_persons} persons, {n_objects} valuation objects, {n_values} values"
    );
    println!(
        "seeding ({persons} per municipality, six municipalities): {:.1} s",
        seeding.as_secs_f64()
    );
    println!("{}", out.trim());
    println!(
        "{seconds} s per scenario, {concurrency} concurrent clients, binary {}\n",
        loket_tests::binary().display()
    );
    println!("{HEADER}");
    println!(
        "{}",
        row(
            "baseline: person SQL (person, address, processing-log insert)",
            &person_base,
            person_base.rps
        )
    );
    println!(
        "{}",
        row(
            "person(bsn:) via GraphQL, backoffice",
            &person_gql,
            person_base.rps
        )
    );
    println!(
        "{}",
        row(
            "baseline: valuation SQL (object, address, history, comparables, addresses)",
            &valuation_base,
            valuation_base.rps
        )
    );
    println!(
        "{}",
        row(
            "valuationReport via GraphQL, backoffice",
            &valuation_gql,
            valuation_base.rps
        )
    );
    println!("\ncomparables plan:\n{}", plan.join("\n"));
}
