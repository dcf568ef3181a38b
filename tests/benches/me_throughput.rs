//! Throughput of an authenticated `{ me { roles } }` against an anonymous `{ __typename }`
//! baseline, on the same server in the same run, so the ratio shows what token verification,
//! the policy grant and the request context cost per request.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench me_throughput`.
//! Settings: `BENCH_SECONDS` (default 10 per scenario), `BENCH_CONCURRENCY` (default 16),
//! `BENCH_DATABASE=postgres` to run the server on PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use loket_tests::bench::env_number;
use std::sync::Arc;

use loket_store::testing::TestDb;
use loket_tests::{
    Loket,
    load::{HEADER, row, run},
};
use serde_json::json;

async fn scenario(
    loket: &Loket,
    query: &str,
    token: Option<String>,
    seconds: u64,
    concurrency: usize,
) -> loket_tests::load::Figures {
    let client = loket.client().clone();
    let url = Arc::new(format!("{}/graphql", loket.base));
    let body = Arc::new(json!({ "query": query }).to_string());
    run(seconds, concurrency, move |_| {
        let (client, url, body, token) = (
            client.clone(),
            Arc::clone(&url),
            Arc::clone(&body),
            token.clone(),
        );
        async move {
            let mut request = client
                .post(url.as_str())
                .header("content-type", "application/json")
                .header("loket-tenant", "enschede")
                .body(body.as_str().to_owned());
            if let Some(token) = &token {
                request = request.bearer_auth(token);
            }
            match request.send().await {
                Ok(r) if r.status().is_success() => {
                    !r.text().await.unwrap_or_default().contains("\"errors\"")
                }
                _ => false,
            }
        }
    })
    .await
}

#[tokio::main]
async fn main() {
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 16) as usize;
    let postgres = std::env::var("BENCH_DATABASE").is_ok_and(|v| v == "postgres");
    let db = if postgres {
        TestDb::postgres_empty()
            .await
            .expect("PostgreSQL for the benchmark")
    } else {
        TestDb::sqlite_empty().await
    };
    let loket = Loket::start_with(
        db,
        &loket_tests::tenants_dir(),
        &[("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")],
    )
    .await;
    let token = Some(loket.token("frontoffice").to_owned());
    // Warm up connections and the policy grant cache.
    scenario(&loket, "{ __typename }", None, 1, concurrency).await;
    scenario(&loket, "{ me { roles } }", token.clone(), 1, concurrency).await;

    println!(
        "\nme_throughput: {seconds} s per scenario, {concurrency} concurrent clients, {} backend, binary {}\n",
        if postgres { "PostgreSQL" } else { "SQLite" },
        loket_tests::binary().display()
    );
    println!("{HEADER}");
    let base = scenario(&loket, "{ __typename }", None, seconds, concurrency).await;
    println!(
        "{}",
        row("baseline: { __typename }, anonymous", &base, base.rps)
    );
    let me = scenario(&loket, "{ me { roles } }", token, seconds, concurrency).await;
    println!(
        "{}",
        row("{ me { roles } }, frontoffice token", &me, base.rps)
    );
}
