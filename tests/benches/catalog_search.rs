//! Catalogue search at scale on PostgreSQL: 50 municipalities, each with the full national
//! template, searched anonymously through the gateway with the queries of the relevance table.
//! Beside it in the same run: the gateway's floor (`{ __typename }` with the same header) and
//! PostgreSQL's own Dutch full-text search over the same products (GIN index, rank, headline,
//! total), which knows no synonyms or typos and so is the cheapest honest alternative. (The
//! gateway counts searches in memory and stores the counts every few seconds, so neither
//! writes per search.) Then the same search while an administrator changes that municipality's
//! catalogue without pause (each change rebuilds its index), and the rebuild itself: the index
//! of one tenant built in-process, publishing all 50 at start-up, and `upsertProduct` end to end.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench catalog_search`.
//! Settings: `BENCH_TENANTS` (default 50), `BENCH_SECONDS` per scenario (default 10),
//! `BENCH_CONCURRENCY` (default 16). Needs PostgreSQL (see the test harness).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use loket_tests::bench::{env_number, pg, tenants_folder};
use std::{
    path::Path,
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::Instant,
};

use loket_catalog::{Catalog, search::TenantIndex};
use loket_kernel::{TenantId, config::load_dir};
use loket_store::{Db, testing::TestDb};
use loket_tests::{
    Loket,
    load::{Figures, HEADER, measure, row},
};
use sea_orm::ConnectionTrait;
use serde_json::json;

/// What a search page asks for: what a frontend shows in a result list.
const SEARCH: &str = "query($q: String) { products(search: $q, first: 10) { totalCount \
    edges { score snippet { html } node { code name summaryEn cost } } } }";
/// An administrator's change that rebuilds the tenant's index.
const UPSERT: &str = "mutation($d: String) { upsertProduct(input: { code: \"paspoort\", \
    description: $d }) { product { code } } }";

/// The baseline's table: the same products, with PostgreSQL's Dutch text search vector.
const BASELINE_TABLE: &str = "CREATE TABLE bench_catalog (tenant_id text NOT NULL, code text NOT NULL, \
    name text NOT NULL, terms text NOT NULL, body text NOT NULL, doc tsvector GENERATED ALWAYS AS \
    (setweight(to_tsvector('dutch', name), 'A') || setweight(to_tsvector('dutch', terms), 'B') \
    || setweight(to_tsvector('dutch', body), 'C')) STORED, PRIMARY KEY (tenant_id, code)); \
    CREATE INDEX bench_catalog_doc ON bench_catalog USING gin (doc)";
/// The baseline's search: ranked matches of one tenant with a headline for the first page.
const BASELINE_SEARCH: &str = "WITH q AS (SELECT websearch_to_tsquery('dutch', $2) AS q), \
    hits AS (SELECT code, name, body, ts_rank(doc, q.q) AS rank FROM bench_catalog, q \
    WHERE tenant_id = $1 AND doc @@ q.q) \
    SELECT code, name, rank, ts_headline('dutch', body, (SELECT q FROM q)) AS snippet, \
    (SELECT count(*) FROM hits) AS total FROM hits ORDER BY rank DESC LIMIT 10";
/// The queries of the relevance table that every municipality should answer.
fn queries() -> Vec<String> {
    let path = loket_tests::tenants_dir().join("../services/catalog/tests/relevance.toml");
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    table["query"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row.get("tenant").is_none())
        .map(|row| row["text"].as_str().unwrap().to_owned())
        .collect()
}

/// Fills the baseline's table with every tenant's published products.
async fn baseline_table(db: &Db, dir: &Path) {
    db.raw().execute_unprepared(BASELINE_TABLE).await.unwrap();
    let tenants = load_dir(dir).unwrap();
    let files = loket_catalog::load(&tenants).unwrap();
    for (tenant, catalog) in &files.tenants {
        for p in catalog.products.values() {
            let body = [&p.description, &p.conditions, &p.summary_en].map(|s| s.as_str());
            let values = vec![
                tenant.as_str().into(),
                p.code.clone().into(),
                p.name.clone().into(),
                p.search_terms.join(" ").into(),
                body.join(" ").into(),
            ];
            let sql = "INSERT INTO bench_catalog (tenant_id, code, name, terms, body) VALUES ($1, $2, $3, $4, $5)";
            db.raw().execute_raw(pg(sql, values)).await.unwrap();
        }
    }
    db.raw()
        .execute_unprepared("ANALYZE bench_catalog")
        .await
        .unwrap();
}

/// One baseline search: the ranked page with headlines and the total.
async fn baseline_search(db: &Db, tenant: &str, query: &str) -> Result<(), sea_orm::DbErr> {
    let values = vec![tenant.into(), query.into()];
    db.raw().query_all_raw(pg(BASELINE_SEARCH, values)).await?;
    Ok(())
}

/// Sends GraphQL requests from `concurrency` clients for `seconds`.
async fn graphql<F>(
    loket: &Loket,
    seconds: u64,
    concurrency: usize,
    request: F,
) -> (Figures, Option<String>)
where
    F: Fn(
            usize,
        ) -> (
            Option<String>,
            &'static str,
            &'static str,
            serde_json::Value,
        ) + Send
        + Sync
        + 'static,
{
    let (client, url) = (loket.client().clone(), format!("{}/graphql", loket.base));
    measure(seconds, concurrency, move |i| {
        let (token, tenant, query, variables) = request(i);
        let mut post = client
            .post(url.as_str())
            .header("content-type", "application/json")
            .body(json!({ "query": query, "variables": variables }).to_string());
        if let Some(token) = token {
            post = post.bearer_auth(token);
        } else {
            post = post.header("loket-tenant", tenant);
        }
        async move {
            let r = post.send().await.map_err(|e| e.to_string())?;
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

#[tokio::main]
async fn main() {
    let total = usize::try_from(env_number("BENCH_TENANTS", 50)).unwrap();
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = usize::try_from(env_number("BENCH_CONCURRENCY", 16)).unwrap();
    let (folder, slugs) = tenants_folder(total);
    let slugs: Arc<Vec<&'static str>> = Arc::new(slugs.into_iter().map(|s| &*s.leak()).collect());
    let queries: Arc<Vec<&'static str>> =
        Arc::new(queries().into_iter().map(|s| &*s.leak()).collect());

    let test_db = TestDb::postgres().await.expect("PostgreSQL");
    let db = Db::connect(test_db.url()).await.unwrap();
    let env = [("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")];
    let started = Instant::now();
    let loket = Loket::start_with(test_db, folder.path(), &env).await;
    let start_time = started.elapsed();
    baseline_table(&db, folder.path()).await;

    // In-process: one tenant's index, and every tenant published as at start-up.
    let tenants = load_dir(folder.path()).unwrap();
    let files = Arc::new(loket_catalog::load(&tenants).unwrap());
    let enschede = &files.tenants[&TenantId::new("enschede").unwrap()];
    let products: Vec<_> = enschede.products.values().cloned().collect();
    let builds = (0..30)
        .map(|_| {
            let t = Instant::now();
            TenantIndex::build(&products, &enschede.synonyms).unwrap();
            t.elapsed()
        })
        .collect();
    let builds = Figures::of(1.0, builds);
    let index = TenantIndex::build(&products, &enschede.synonyms).unwrap();
    let timed = (0..10)
        .flat_map(|_| queries.iter())
        .map(|q| {
            let t = Instant::now();
            index.search(q, 0, 10).unwrap();
            t.elapsed()
        })
        .collect();
    let lookups = Figures::of(1.0, timed);
    let t = Instant::now();
    Catalog::open(db.clone(), Arc::clone(&files)).await.unwrap();
    let open_time = t.elapsed();

    let (s, q) = (Arc::clone(&slugs), Arc::clone(&queries));
    let search = move |i: usize| {
        let (tenant, query) = (s[(i * 7) % s.len()], q[i % q.len()]);
        (None, tenant, SEARCH, json!({ "q": query }))
    };
    let s = Arc::clone(&slugs);
    let floor = move |i: usize| (None, s[(i * 7) % s.len()], "{ __typename }", json!({}));
    // Warm up connections and every tenant's policy.
    graphql(&loket, 1, concurrency, floor.clone()).await;
    graphql(&loket, 1, concurrency, search.clone()).await;

    let floor = graphql(&loket, seconds, concurrency, floor).await;
    let (d, s, q) = (db.clone(), Arc::clone(&slugs), Arc::clone(&queries));
    let sql = measure(seconds, concurrency, move |i| {
        let (db, tenant, query) = (d.clone(), s[(i * 7) % s.len()], q[i % q.len()]);
        async move { baseline_search(&db, tenant, query).await }
    })
    .await;
    let gql = graphql(&loket, seconds, concurrency, search).await;

    // Searches in one municipality while its administrator changes the catalogue non-stop.
    let q = Arc::clone(&queries);
    let one = move |i: usize| (None, "enschede", SEARCH, json!({ "q": q[i % q.len()] }));
    let quiet = graphql(&loket, seconds, concurrency, one.clone()).await;
    let admin = loket.token("admin").to_owned();
    let (stop, changes) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicUsize::new(0)),
    );
    let writer = {
        let (client, url) = (loket.client().clone(), format!("{}/graphql", loket.base));
        let (stop, changes, admin) = (Arc::clone(&stop), Arc::clone(&changes), admin.clone());
        tokio::spawn(async move {
            let mut times = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let n = changes.fetch_add(1, Ordering::Relaxed);
                let body = json!({ "query": UPSERT, "variables": { "d": format!("Paspoort, wijziging {n}.") } });
                let t = Instant::now();
                let r = client.post(&url).bearer_auth(&admin).json(&body).send();
                let text = r.await.unwrap().text().await.unwrap();
                assert!(!text.contains("\"errors\""), "upsertProduct failed: {text}");
                times.push(t.elapsed());
            }
            times
        })
    };
    let busy = graphql(&loket, seconds, concurrency - 1, one).await;
    stop.store(true, Ordering::Relaxed);
    let upserts = Figures::of(1.0, writer.await.unwrap());
    let changes = changes.load(Ordering::Relaxed);

    println!(
        "\ncatalog_search on PostgreSQL: {} municipalities × the national template ({} products each), {} queries from the relevance table",
        slugs.len(),
        products.len(),
        queries.len()
    );
    println!(
        "{seconds} s per scenario, {concurrency} concurrent clients, gateway started in {:.1} s, binary {}\n",
        start_time.as_secs_f64(),
        loket_tests::binary().display()
    );
    println!("{HEADER}");
    #[rustfmt::skip]
    let rows = [
        ("baseline: { __typename } with Loket-Tenant, 50 tenants", &floor, &floor),
        ("baseline: PostgreSQL full-text search (GIN, rank, headline)", &sql, &sql),
        ("products(search:) via GraphQL, anonymous, 50 tenants", &gql, &sql),
        ("products(search:) via GraphQL, enschede only", &quiet, &quiet),
        ("the same while its administrator changes the catalogue non-stop", &busy, &quiet),
    ];
    for (name, (figures, _), (base, _)) in rows {
        println!("{}", row(name, figures, base.rps));
    }
    for (name, (_, failure), _) in rows {
        if let Some(e) = failure {
            println!("\nfirst failure of {name}: {e}");
        }
    }
    println!(
        "\nindex rebuild, one tenant ({} products, {} synonyms), in-process: p50 {:.1} ms, p99 {:.1} ms",
        products.len(),
        enschede.synonyms.len(),
        builds.p50_ms,
        builds.p99_ms
    );
    println!(
        "index search alone (one tenant, in-process, one thread): p50 {:.2} ms, p99 {:.2} ms",
        lookups.p50_ms, lookups.p99_ms
    );
    println!(
        "publishing all {} tenants (read changes + build), as at start-up: {:.0} ms",
        slugs.len(),
        open_time.as_secs_f64() * 1000.0
    );
    println!(
        "upsertProduct via GraphQL (store, rebuild, swap) during the searches: {changes} changes, p50 {:.1} ms, p99 {:.1} ms",
        upserts.p50_ms, upserts.p99_ms
    );
}
