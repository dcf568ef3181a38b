//! The comparison of municipalities in the binary: `loket benchmark`, and the daily run that
//! `serve` (with its dispatcher) and `dispatch` keep.

use std::{sync::Arc, time::Duration};

use loket_contact::benchmark::{Benchmark, BenchmarkPeriod};
use loket_kernel::{
    calendar::Calendar,
    config::{TenantSet, describe, load_dir},
};
use loket_store::Db;
use tokio::sync::watch;

use crate::{
    config::{DatabaseConfig, TenantsConfig},
    output,
};

/// How often the daily run computes.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// How soon a failed run is tried again.
const RETRY: Duration = Duration::from_secs(60 * 60);

/// Arguments of `loket benchmark`.
#[derive(Debug, clap::Args)]
pub struct BenchmarkArgs {
    /// A month (`2026-11`) or year (`2026`) to compute; repeat for more. Without it, what the
    /// daily run computes: this month, the last, and this year.
    #[arg(long = "period")]
    pub periods: Vec<String>,
    /// The tenants, with their `[benchmark]` sections.
    #[command(flatten)]
    pub tenants: TenantsConfig,
    /// The database, as a user that may take the benchmark role (the tables' owner may).
    #[command(flatten)]
    pub database: DatabaseConfig,
}

/// The comparison over `tenants`' national case types.
pub fn service(tenants: &Arc<TenantSet>, types: &loket_cases::CaseTypes) -> Benchmark {
    Benchmark::new(Arc::clone(tenants), types.national().clone())
}

/// Runs `loket benchmark`.
pub async fn run(args: BenchmarkArgs) -> Result<(), String> {
    let periods = if args.periods.is_empty() {
        BenchmarkPeriod::daily(Calendar::today())
    } else {
        args.periods
            .iter()
            .map(|p| BenchmarkPeriod::parse("--period", p).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?
    };
    let tenants = Arc::new(load_dir(&args.tenants.dir).map_err(|errors| describe(&errors))?);
    let types = loket_cases::load_case_types(&tenants).map_err(|errors| describe(&errors))?;
    let benchmark = service(&tenants, &types);
    let db = Db::connect(&args.database.url)
        .await
        .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    let today = Calendar::today();
    for period in &periods {
        let done = benchmark
            .compute(&db, period, today)
            .await
            .map_err(|e| format!("{}: {e}", period.key()))?;
        output::line(format!(
            "{}: {} taking part, {} figures compared, {} withheld for too few participants",
            period.key(),
            done.participants,
            done.compared,
            done.withheld
        ));
    }
    db.close().await.map_err(|e| e.to_string())
}

/// Computes the daily periods now and every day after, until `stop` turns true.
pub async fn daily(benchmark: Benchmark, db: Db, mut stop: watch::Receiver<bool>) {
    let mut wait = Duration::ZERO;
    loop {
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = stop.changed() => return,
        }
        let today = Calendar::today();
        match benchmark.compute_daily(&db, today).await {
            Ok(done) => {
                wait = EVERY;
                for (period, computed) in done {
                    tracing::info!(
                        period = period.key(),
                        participants = computed.participants,
                        compared = computed.compared,
                        withheld = computed.withheld,
                        "benchmark computed"
                    );
                }
            }
            Err(e) => {
                wait = RETRY;
                tracing::warn!(error = %e, "benchmark not computed; tried again in an hour");
            }
        }
    }
}
