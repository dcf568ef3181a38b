//! Fairness under a flood: five municipalities send the back office's work queue at a steady
//! pace (two clients each, closed loop), first alone, then while a sixth floods the same
//! server with ten times the clients of any of them. The figure that matters is the five's
//! p99 with the flood against their p99 without it, in the same run (target: at most 1.5×).
//! The same two phases run against a second server without fair turns
//! (`LOKET_MAX_CONCURRENT_OPERATIONS=0`), which shows what the turns change.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench fairness`.
//! Settings: `BENCH_SECONDS` (default 10 per phase), `BENCH_CLIENTS` (clients per quiet
//! municipality, default 2; the flood has ten times as many), `BENCH_DATABASE=sqlite` for
//! SQLite instead of PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use std::sync::Arc;

use loket_tests::{
    Loket,
    bench::{NO_RATE_LIMITS, database, env_number, tokens_in},
    load::{Caller, Figures, graphql},
};

const QUEUE: &str = "{ cases(first: 20) { totalCount overdueCount edges { node { reference deadline status { name } } } } }";
const QUIET: [&str; 5] = [
    "enschede",
    "dordrecht",
    "papendrecht",
    "zwijndrecht",
    "heemskerk",
];
const FLOOD: &str = "haarlem";

/// Back-office callers of `tenants`, in order.
async fn callers(tenants: &[&str]) -> Arc<Vec<Caller>> {
    let tokens = tokens_in(&loket_tests::tenants_dir(), tenants, "backoffice").await;
    Arc::new(
        tenants
            .iter()
            .zip(tokens)
            .map(|(tenant, token)| Caller {
                tenant: (*tenant).to_owned(),
                token: Some(token),
            })
            .collect(),
    )
}

/// `clients` closed-loop clients sending the work queue as `callers` in turn.
async fn load(loket: &Loket, seconds: u64, clients: usize, callers: &Arc<Vec<Caller>>) -> Figures {
    let url = format!("{}/graphql", loket.base);
    graphql(
        loket.client(),
        &url,
        QUEUE,
        Arc::clone(callers),
        seconds,
        clients,
    )
    .await
}

struct Phases {
    quiet_alone: Figures,
    quiet_flooded: Figures,
    flood: Figures,
}

async fn phases(turns: &str, seconds: u64, clients: usize) -> Phases {
    let (db, _) = database().await;
    let mut env = vec![
        ("LOKET_LOG", "warn"),
        ("LOKET_MAX_CONCURRENT_OPERATIONS", turns),
    ];
    env.extend(NO_RATE_LIMITS);
    let loket = Loket::start_with(db, &loket_tests::tenants_dir(), &env).await;
    let quiet = callers(&QUIET).await;
    let flood = callers(&[FLOOD]).await;
    // Warm up connections, grants and caches of every tenant.
    load(&loket, 1, clients * QUIET.len(), &quiet).await;
    load(&loket, 1, clients, &flood).await;

    let quiet_alone = load(&loket, seconds, clients * QUIET.len(), &quiet).await;
    let (quiet_flooded, flood) = tokio::join!(
        load(&loket, seconds, clients * QUIET.len(), &quiet),
        load(&loket, seconds, clients * 10, &flood),
    );
    loket.terminate().await;
    Phases {
        quiet_alone,
        quiet_flooded,
        flood,
    }
}

fn rows(label: &str, p: &Phases) {
    let f = |name: &str, x: &Figures| {
        println!(
            "| {label} | {name} | {:.0} | {:.2} | {:.2} | {} |",
            x.rps, x.p50_ms, x.p99_ms, x.errors
        );
    };
    f("five municipalities, alone", &p.quiet_alone);
    f("the same five, during the flood", &p.quiet_flooded);
    f("the flood (one municipality)", &p.flood);
}

#[tokio::main]
async fn main() {
    let seconds = env_number("BENCH_SECONDS", 10);
    let clients = env_number("BENCH_CLIENTS", 2) as usize;
    let postgres = !std::env::var("BENCH_DATABASE").is_ok_and(|v| v == "sqlite");
    println!(
        "\nfairness: {seconds} s per phase, {clients} clients for each of {} municipalities, {} for the flood, {} backend, binary {}\n",
        QUIET.len(),
        clients * 10,
        if postgres { "PostgreSQL" } else { "SQLite" },
        loket_tests::binary().display()
    );
    let fair = phases("10", seconds, clients).await;
    let open = phases("0", seconds, clients).await;
    println!(
        "| server | load | requests/s | p50 ms | p99 ms | errors |\n|---|---|---:|---:|---:|---:|"
    );
    rows("fair turns (10 at once)", &fair);
    rows("no turns", &open);
    let ratio = |p: &Phases| p.quiet_flooded.p99_ms / p.quiet_alone.p99_ms;
    println!(
        "\nthe five's p99 during the flood against alone: {:.2}× with fair turns (target at most 1.5×), {:.2}× without",
        ratio(&fair),
        ratio(&open)
    );
}
