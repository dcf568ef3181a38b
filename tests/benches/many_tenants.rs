//! Many municipalities on one replica: the back office's work queue sent by 16 clients, first
//! all for one municipality, then spread over every municipality of the deployment (342 by
//! default: the demo tenants and generated copies of Haarlem), in the same run. Before any
//! load it reports the server's resident memory and its CPU at rest. The ratio of the two
//! throughputs shows what serving many tenants instead of one costs per request.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench many_tenants`.
//! Settings: `BENCH_TENANTS` (default 342), `BENCH_SECONDS` (default 10 per scenario),
//! `BENCH_CONCURRENCY` (default 16), `BENCH_DATABASE=sqlite` for SQLite.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    clippy::cast_precision_loss,
    reason = "a benchmark prints and fails loudly"
)]

use std::{sync::Arc, time::Duration};

use loket_tests::{
    Loket,
    bench::{NO_RATE_LIMITS, database, env_number, tenants_folder, tokens_in},
    load::{Caller, HEADER, graphql, row},
};

const QUEUE: &str = "{ cases(first: 20) { totalCount overdueCount edges { node { reference deadline status { name } } } } }";

/// CPU seconds (user and system) the process has used so far.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name, which may hold spaces: utime and stime are the
    // 12th and 13th from there.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    // Linux counts in USER_HZ, 100 a second on every architecture it runs here on.
    ticks as f64 / 100.0
}

/// Resident memory of the process, in MiB.
fn rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    kib / 1024.0
}

#[tokio::main]
async fn main() {
    let total = env_number("BENCH_TENANTS", 342) as usize;
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 16) as usize;
    let (folder, slugs) = tenants_folder(total);
    let (db, postgres) = database().await;
    let mut env = vec![("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")];
    env.extend(NO_RATE_LIMITS);
    let started = std::time::Instant::now();
    let loket = Loket::start_with(db, folder.path(), &env).await;
    let ready = started.elapsed();
    let pid = loket.pid().expect("the server runs");
    // At rest once start-up work has ended: a whole second without CPU, within 30 s.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let before = cpu_seconds(pid);
        tokio::time::sleep(Duration::from_secs(1)).await;
        if cpu_seconds(pid) == before || std::time::Instant::now() > deadline {
            break;
        }
    }
    let (cpu, rss) = (cpu_seconds(pid), rss_mib(pid));
    let rest = 10.0;
    tokio::time::sleep(Duration::from_secs_f64(rest)).await;
    let idle_core = (cpu_seconds(pid) - cpu) / rest;

    let names: Vec<&str> = slugs.iter().map(String::as_str).collect();
    let tokens = tokens_in(folder.path(), &names, "backoffice").await;
    let everyone: Vec<Caller> = slugs
        .iter()
        .zip(tokens)
        .map(|(tenant, token)| Caller {
            tenant: tenant.clone(),
            token: Some(token),
        })
        .collect();
    let one = Arc::new(vec![everyone[0].clone()]);
    let everyone = Arc::new(everyone);
    let url = format!("{}/graphql", loket.base);
    let client = loket.client();
    // Warm up: every tenant once at least, then the one.
    graphql(client, &url, QUEUE, Arc::clone(&everyone), 2, concurrency).await;
    graphql(client, &url, QUEUE, Arc::clone(&one), 1, concurrency).await;

    let single = graphql(client, &url, QUEUE, one, seconds, concurrency).await;
    let spread = graphql(client, &url, QUEUE, everyone, seconds, concurrency).await;
    let loaded_rss = rss_mib(pid);

    println!(
        "\nmany_tenants: {total} tenants, {seconds} s per scenario, {concurrency} clients, {} backend, binary {}\n",
        if postgres { "PostgreSQL" } else { "SQLite" },
        loket_tests::binary().display()
    );
    println!(
        "at rest: ready {:.1} s after start, {rss:.0} MiB resident, {idle_core:.4} core over {rest:.0} s; after the load {loaded_rss:.0} MiB\n",
        ready.as_secs_f64()
    );
    println!("{HEADER}");
    println!(
        "{}",
        row(
            &format!("work queue, one tenant ({})", slugs[0]),
            &single,
            single.rps
        )
    );
    println!(
        "{}",
        row(
            &format!("work queue, spread over all {total} tenants"),
            &spread,
            single.rps
        )
    );
    loket.terminate().await;
}
