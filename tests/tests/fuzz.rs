//! The fuzzing suite: every argument of every operation in `schema/schema.graphql`, plausible
//! and hostile, sent by every demo role of four tenants and anonymously, over HTTP POST, GET
//! and WebSocket, against the real binary on SQLite and on PostgreSQL. It fails when any
//! answer is a dropped connection, silence, a 5xx, `INTERNAL`, an error without
//! `extensions.code` or another tenant's data, or when the server stops answering; the
//! failure lists every distinct defect with the exact request that shows it.
//!
//! Bounded for CI (a few minutes per engine). Longer runs and replays, through the
//! environment (see `docs/fuzzing.md`):
//!
//! - `LOKET_FUZZ_SEED=N` replays a run (the seed is printed at the start of every run);
//! - `LOKET_FUZZ_CASES=N` random cases per operation (default 12);
//! - `LOKET_FUZZ_ALL_VALUES=1` every hostile value of every class, not one per class;
//! - `LOKET_FUZZ_ONLY=suspendCase,Query.cases` only operations whose name contains one;
//! - `LOKET_FUZZ_CONCURRENCY=N` requests in flight (default 4).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use loket_tests::fuzz::{Settings, runner::Fuzzer, server::Engine};

async fn fuzz(engine: Engine) {
    let settings = Settings::from_env();
    let seed = settings.seed;
    let Some(fuzzer) = Fuzzer::start(engine, settings).await else {
        eprintln!("fuzz: no {engine:?} server to fuzz; skipped");
        return;
    };
    let started = std::time::Instant::now();
    let report = fuzzer.run().await;
    eprintln!(
        "fuzz on {engine:?}: {} requests in {:.0} s, seed {seed}",
        report.requests,
        started.elapsed().as_secs_f64()
    );
    assert!(
        report.is_clean(),
        "the fuzzer found defects on {engine:?} (replay with LOKET_FUZZ_SEED={seed}):\n{}",
        report.render()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_never_breaks_the_server_on_sqlite() {
    fuzz(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_never_breaks_the_server_on_postgres() {
    fuzz(Engine::Postgres).await;
}
