//! Latency of live updates across replicas on PostgreSQL: two `loket serve` processes on one
//! database; the back office adds internal notes to one case through replica B, and a
//! `caseUpdated(caseId:)` subscriber on each replica times the update from the moment the
//! mutation's HTTP response arrived. Updates travel only through the outbox: the commit wakes
//! both replicas (`NOTIFY`), which then read that tenant's outbox; the safety poll stays at its
//! default (30 s), so the figures are those of the wake-up path. A second round adds staff
//! listeners on replica A that follow every case, to show what fanning out to more subscribers
//! costs: each one loads the case with its own rights.
//!
//! Both replicas serve `BENCH_TENANTS` municipalities (default 342: the demo tenants and
//! generated copies of Haarlem), so that the wake-up path is measured at a whole country's
//! number of tenants.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench live_updates`.
//! Settings: `BENCH_CHANGES` per round (default 200), `BENCH_LISTENERS` in the second round
//! (default 50; 0 skips it), `BENCH_TENANTS` (default 342). Needs PostgreSQL (see the test
//! harness).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use std::time::{Duration, Instant};

use loket_store::testing::TestDb;
use loket_tests::{
    Loket,
    bench::{env_number, tenants_folder},
    load::Figures,
    ws::{Replica, Socket},
};
use serde_json::{Value, json};

/// How long one update may take before the benchmark gives up.
const PATIENCE: Duration = Duration::from_secs(30);

/// Milliseconds as a table cell.
fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// p50, p99 and max of `latencies` as table cells.
fn cells(latencies: &[Duration]) -> String {
    let f = Figures::of(1.0, latencies.to_vec());
    let max = latencies.iter().max().copied().unwrap_or_default();
    format!("{:.1} | {:.1} | {}", f.p50_ms, f.p99_ms, ms(max))
}

async fn post(base: &str, token: &str, query: &str) -> Value {
    let body: Value = reqwest::Client::new()
        .post(format!("{base}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(body.get("errors").is_none(), "{body}");
    body
}

/// The time from `since` until the next update of subscription `id` on `socket`, which must
/// be the only one waiting.
async fn arrival(socket: &mut Socket, id: &str, since: Instant) -> Duration {
    let update = socket.next_of(id, PATIENCE).await.expect("an update");
    let took = since.elapsed();
    assert_eq!(
        update["data"]["caseUpdated"]["kind"], "NOTE_ADDED",
        "{update}"
    );
    let more = socket.next_within(Duration::ZERO).await;
    assert!(more.is_none(), "one update per change: {more:?}");
    took
}

/// How long `sockets` must stay quiet before what was written so far counts as delivered.
const QUIET: Duration = Duration::from_millis(500);

/// Drops what `sockets` heard of the changes made so far, until each has been quiet for
/// [`QUIET`].
async fn settle(sockets: &mut [&mut Socket]) {
    for socket in sockets {
        while socket.next_within(QUIET).await.is_some() {}
    }
}

/// A socket of `token` on `base` following `case`.
async fn follower(base: &str, token: &str, case: &str) -> Socket {
    let mut socket = Socket::open(base, Some(token), None).await;
    let query =
        format!("subscription {{ caseUpdated(caseId: \"{case}\") {{ kind case {{ version }} }} }}");
    socket.subscribe("case", &query).await;
    socket
}

/// One round of `changes`: (latency on A, latency on B, mutation round trip).
async fn round(
    a: &Loket,
    b: &Replica,
    token: &str,
    case: &str,
    changes: u64,
) -> [Vec<Duration>; 3] {
    let mut on_a = follower(&a.base, token, case).await;
    let mut on_b = follower(&b.base, token, case).await;
    settle(&mut [&mut on_a, &mut on_b]).await;
    let note = format!(
        "mutation {{ addCaseNote(input: {{ caseId: \"{case}\", text: \"Gebeld\" }}) {{ case {{ id }} }} }}"
    );
    let mut out = [Vec::new(), Vec::new(), Vec::new()];
    // One change at a time: the next is made once both replicas delivered the previous one.
    for _ in 0..changes {
        let sent = Instant::now();
        post(&b.base, token, &note).await;
        let answered = Instant::now();
        let (via_a, via_b) = tokio::join!(
            arrival(&mut on_a, "case", answered),
            arrival(&mut on_b, "case", answered)
        );
        out[0].push(via_a);
        out[1].push(via_b);
        out[2].push(answered - sent);
    }
    out
}

/// `count` back-office sockets on `base` that follow every case and drain the next
/// `changes` updates.
async fn listeners(
    base: &str,
    token: &str,
    count: u64,
    changes: u64,
) -> Vec<tokio::task::JoinHandle<u64>> {
    let mut handles = Vec::new();
    for _ in 0..count {
        let mut socket = Socket::open(base, Some(token), None).await;
        socket
            .subscribe("all", "subscription { caseUpdated { kind case { id } } }")
            .await;
        handles.push(tokio::spawn(async move {
            let mut heard = 0;
            while heard < changes && socket.next_within(PATIENCE).await.is_some() {
                heard += 1;
            }
            heard
        }));
    }
    handles
}

#[tokio::main]
async fn main() {
    let changes = env_number("BENCH_CHANGES", 200);
    let extra = env_number("BENCH_LISTENERS", 50);
    let tenants = env_number("BENCH_TENANTS", 342) as usize;
    let (folder, _) = tenants_folder(tenants);
    let db = TestDb::postgres_empty()
        .await
        .expect("PostgreSQL for the benchmark");
    let url = db.url().to_owned();
    let env = [("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "20")];
    let a = Loket::start_with(db, folder.path(), &env).await;
    let b = Replica::start_with(&url, folder.path(), &env).await;
    let back = a.token("backoffice").to_owned();
    // The case is made while a back-office socket on each replica follows every case, and
    // both have delivered its creation before the rounds begin: a feed still catching up
    // with it would otherwise hand it to the first round's new subscribers.
    let mut everything = Vec::new();
    for base in [&a.base, &b.base] {
        let mut socket = Socket::open(base, Some(&back), None).await;
        socket
            .subscribe("all", "subscription { caseUpdated { kind case { id } } }")
            .await;
        everything.push(socket);
    }
    let made = post(
        &b.base,
        a.token("citizen"),
        "mutation { submitRequest(input: { products: [\"uitritvergunning\"] }) { cases { id } } }",
    )
    .await;
    let case = made["data"]["submitRequest"]["cases"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for socket in &mut everything {
        let created = socket.next_of("all", PATIENCE).await.expect("the creation");
        assert_eq!(created["data"]["caseUpdated"]["case"]["id"], case.as_str());
    }
    drop(everything);
    // Warm up connections and policy caches.
    round(&a, &b, &back, &case, 5).await;

    println!(
        "\nlive_updates: PostgreSQL, two replicas of {tenants} tenants woken by NOTIFY, {changes} internal notes added through replica B per round, binary {}\n",
        loket_tests::binary().display()
    );
    println!("| round | subscriber | p50 ms | p99 ms | max ms |\n|---|---|---:|---:|---:|");
    let [via_a, via_b, mutation] = round(&a, &b, &back, &case, changes).await;
    println!(
        "| 1 follower per replica | on A (other replica) | {} |",
        cells(&via_a)
    );
    println!("| | on B (the replica that wrote) | {} |", cells(&via_b));
    println!("| | addCaseNote round trip | {} |", cells(&mutation));
    if extra > 0 {
        let handles = listeners(&a.base, &back, extra, changes).await;
        let [via_a, via_b, mutation] = round(&a, &b, &back, &case, changes).await;
        let name = format!("+ {extra} staff listeners on A");
        println!("| {name} | on A (other replica) | {} |", cells(&via_a));
        println!("| | on B (the replica that wrote) | {} |", cells(&via_b));
        println!("| | addCaseNote round trip | {} |", cells(&mutation));
        let mut heard = 0;
        for handle in handles {
            heard += handle.await.unwrap_or_default();
        }
        println!("\nThe listeners heard {heard} updates in all ({changes} each expected).");
    }
}
