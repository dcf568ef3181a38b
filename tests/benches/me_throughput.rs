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
    reason = "a benchmark prints and fails loudly"
)]

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use loket_store::testing::TestDb;
use loket_tests::Loket;
use serde_json::json;

struct Scenario {
    name: &'static str,
    query: &'static str,
    token: Option<String>,
}

struct Figures {
    requests: usize,
    errors: usize,
    seconds: f64,
    p50_ms: f64,
    p99_ms: f64,
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn run(loket: &Loket, scenario: &Scenario, seconds: u64, concurrency: u64) -> Figures {
    let url = Arc::new(format!("{}/graphql", loket.base));
    let body = Arc::new(json!({ "query": scenario.query }).to_string());
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let client = loket.client().clone();
        let (url, body, token) = (Arc::clone(&url), Arc::clone(&body), scenario.token.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0;
            while Instant::now() < deadline {
                let mut request = client
                    .post(url.as_str())
                    .header("content-type", "application/json")
                    .header("loket-tenant", "enschede")
                    .body(body.as_str().to_owned());
                if let Some(token) = &token {
                    request = request.bearer_auth(token);
                }
                let t = Instant::now();
                match request.send().await {
                    Ok(r) if r.status().is_success() => {
                        let text = r.text().await.unwrap_or_default();
                        if text.contains("\"errors\"") {
                            errors += 1;
                        }
                    }
                    _ => errors += 1,
                }
                latencies.push(t.elapsed());
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (l, e) = worker.await.unwrap();
        latencies.extend(l);
        errors += e;
    }
    let seconds = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Figures {
        requests: latencies.len(),
        errors,
        seconds,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
    }
}

#[tokio::main]
async fn main() {
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 16);
    let postgres = std::env::var("BENCH_DATABASE").is_ok_and(|v| v == "postgres");
    let db = if postgres {
        TestDb::postgres_empty()
            .await
            .expect("PostgreSQL for the benchmark")
    } else {
        TestDb::sqlite_empty().await
    };
    let loket = Loket::start_with(db, &loket_tests::tenants_dir(), &[("LOKET_LOG", "warn")]).await;
    let scenarios = [
        Scenario {
            name: "baseline: { __typename }, anonymous",
            query: "{ __typename }",
            token: None,
        },
        Scenario {
            name: "{ me { roles } }, frontoffice token",
            query: "{ me { roles } }",
            token: Some(loket.token("frontoffice").to_owned()),
        },
    ];
    // Warm up connections and the policy grant cache.
    for scenario in &scenarios {
        run(&loket, scenario, 1, concurrency).await;
    }
    println!(
        "\nme_throughput: {seconds} s per scenario, {concurrency} concurrent clients, {} backend, binary {}\n",
        if postgres { "PostgreSQL" } else { "SQLite" },
        loket_tests::binary().display()
    );
    println!("| scenario | requests/s | p50 ms | p99 ms | errors | ratio to baseline |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut baseline = None;
    for scenario in &scenarios {
        let f = run(&loket, scenario, seconds, concurrency).await;
        let rps = f.requests as f64 / f.seconds;
        let base = *baseline.get_or_insert(rps);
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {} | {:.2} |",
            scenario.name,
            rps,
            f.p50_ms,
            f.p99_ms,
            f.errors,
            rps / base
        );
    }
}
