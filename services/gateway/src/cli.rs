//! The `loket` command line.

use std::{process::ExitCode, sync::Arc};

use clap::{Parser, Subcommand};
use loket_authz::Authz;
use loket_kernel::{
    Bsn, Role, TenantId,
    config::{TenantSet, describe, load_dir},
};
use loket_registry::{Registry, seed::generate::municipality_of};
use loket_store::Db;

use crate::{
    config::{DatabaseConfig, Limits, SeedConfig, ServeConfig, TenantsConfig},
    output, server, telemetry,
};

/// Loket: one GraphQL gateway for partner municipalities.
#[derive(Debug, Parser)]
#[command(name = "loket", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, load the tenants and serve GraphQL (with the dispatcher).
    Serve(ServeConfig),
    /// Deliver notifications: fan out outbox events, send due deliveries, queue reminders.
    Dispatch(crate::dispatch::DispatchConfig),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseConfig),
    /// Validate every tenant folder and policy; exits non-zero naming file, line and problem.
    Check(TenantsConfig),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Print a signed development token for a tenant's dev issuer.
    Token(TokenArgs),
    /// Generate deterministic demo residents, addresses, documents, permits and valuations for
    /// demo municipalities that have no residents yet.
    Seed(SeedConfig),
    /// Keep the processing log to each tenant's retention: make the coming months'
    /// partitions, drop the months every tenant is done with and delete older entries of
    /// tenants with a shorter retention. Run it daily as the tables' owner.
    #[command(name = "processing-log")]
    ProcessingLog(ProcessingLogArgs),
    /// Compute the comparison of municipalities (the tenants with `[benchmark]`) for months or
    /// years, replacing what was stored for them; `serve` and `dispatch` also do so daily.
    Benchmark(crate::benchmark::BenchmarkArgs),
    /// Remove reporters' contact details (and the messages sent to them) a tenant-set number
    /// of days after their report ended; `serve` and `dispatch` also do so daily. Running it
    /// again changes nothing more.
    #[command(name = "anonymise-reporters")]
    AnonymiseReporters(crate::anonymise::AnonymiseArgs),
}

/// Arguments of `loket processing-log`.
#[derive(Debug, clap::Args)]
pub struct ProcessingLogArgs {
    /// Months after the current one to make partitions for (PostgreSQL).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(0..=24))]
    pub months_ahead: u16,
    /// The tenants, with their `[processing_log] retention_months`.
    #[command(flatten)]
    pub tenants: TenantsConfig,
    /// The database, as the owner of its tables.
    #[command(flatten)]
    pub database: DatabaseConfig,
}

/// Arguments of `loket token`.
#[derive(Debug, clap::Args)]
pub struct TokenArgs {
    /// Tenant slug; repeat it for one token per tenant, a line each, in the order given.
    #[arg(long, required = true)]
    pub tenant: Vec<String>,
    /// Role, for example `frontoffice`.
    #[arg(long)]
    pub role: String,
    /// Citizen service number, for the `citizen` role; without it, a demo resident of the
    /// tenant is taken from the database.
    #[arg(long)]
    pub bsn: Option<String>,
    /// Lifetime in seconds.
    #[arg(long, default_value_t = 3600)]
    pub ttl: u64,
    /// The tenants.
    #[command(flatten)]
    pub tenants: TenantsConfig,
    /// The database (for a demo resident's BSN).
    #[command(flatten)]
    pub database: DatabaseConfig,
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // One TLS provider for every client (database, HTTP): ring.
    let _ = rustls::crypto::ring::default_provider().install_default();
    telemetry::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Serve(config) => server::serve(config).await.map_err(|e| e.to_string()),
        Command::Migrate(database) => {
            let db = Db::connect(&database.url)
                .await
                .map_err(|e| e.to_string())?;
            db.migrate().await.map_err(|e| e.to_string())?;
            output::line("migrations applied");
            Ok(())
        }
        Command::Dispatch(args) => crate::dispatch::run(args).await,
        Command::Check(tenants) => check(&tenants).await,
        Command::Schema => {
            output::line(crate::graphql::sdl(&Limits::default()));
            Ok(())
        }
        Command::Token(args) => token(args).await,
        Command::Seed(args) => seed(args).await,
        Command::ProcessingLog(args) => processing_log(args).await,
        Command::Benchmark(args) => crate::benchmark::run(args).await,
        Command::AnonymiseReporters(args) => crate::anonymise::run(args).await,
    }
}

async fn processing_log(args: ProcessingLogArgs) -> Result<(), String> {
    let tenants = load_dir(&args.tenants.dir).map_err(|errors| describe(&errors))?;
    let db = Db::connect(&args.database.url)
        .await
        .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    let retention: Vec<(TenantId, Option<u16>)> = tenants
        .tenants
        .values()
        .map(|t| (t.slug.clone(), t.processing_log.retention_months))
        .collect();
    let today = chrono::Utc::now().date_naive();
    let done = loket_store::retention::maintain(&db, &retention, today, args.months_ahead)
        .await
        .map_err(|e| e.to_string())?;
    for name in &done.added {
        output::line(format!("made {name}"));
    }
    for name in &done.dropped {
        output::line(format!("dropped {name}"));
    }
    for (tenant, n) in &done.deleted {
        output::line(format!("{tenant}: deleted {n} expired entries"));
    }
    let forever: Vec<&str> = retention
        .iter()
        .filter(|(_, months)| months.is_none())
        .map(|(t, _)| t.as_str())
        .collect();
    if !forever.is_empty() {
        output::line(format!(
            "kept for ever (no retention_months): {}",
            forever.join(", ")
        ));
    }
    output::line("processing log maintained");
    db.close().await.map_err(|e| e.to_string())
}

async fn check(config: &TenantsConfig) -> Result<(), String> {
    let tenants = load_dir(&config.dir).map_err(|errors| describe(&errors))?;
    Authz::load(&tenants).await.map_err(|e| e.to_string())?;
    let types = loket_cases::load_case_types(&tenants).map_err(|errors| describe(&errors))?;
    let catalog = loket_catalog::load(&tenants).map_err(|errors| describe(&errors))?;
    let appointments = loket_appointments::load(&tenants).map_err(|errors| describe(&errors))?;
    let unlinked = crate::links::check(&tenants, &types, &catalog, &appointments);
    if !unlinked.is_empty() {
        return Err(describe(&unlinked));
    }
    loket_notify::templates::load(&tenants).map_err(|errors| describe(&errors))?;
    for warning in &tenants.warnings {
        output::line(format!("warning: {warning}"));
    }
    output::line(format!(
        "ok: {} tenants ({}), {} collaborations",
        tenants.tenants.len(),
        tenants
            .tenants
            .keys()
            .map(TenantId::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        tenants.collaborations.len()
    ));
    Ok(())
}

async fn token(args: TokenArgs) -> Result<(), String> {
    let tenants = load_dir(&args.tenants.dir).map_err(|errors| describe(&errors))?;
    let authz = Authz::load(&tenants).await.map_err(|e| e.to_string())?;
    let role = Role::new(&args.role).map_err(|e| format!("--role: {e}"))?;
    let bsn = args
        .bsn
        .map(Bsn::new)
        .transpose()
        .map_err(|e| format!("--bsn: {e}"))?;
    let mut lines = Vec::with_capacity(args.tenant.len());
    for slug in &args.tenant {
        let tenant = TenantId::new(slug).map_err(|e| format!("--tenant: {e}"))?;
        if !tenants.tenants.contains_key(&tenant) {
            return Err(format!(
                "--tenant: no tenant {tenant} in {}",
                args.tenants.dir.display()
            ));
        }
        let signer = authz.authenticator().dev_signer(&tenant).ok_or_else(|| {
            format!("tenant {tenant} has no dev issuer; ask its identity provider for a token")
        })?;
        let bsn = match &bsn {
            None if role.as_str() == Role::CITIZEN => {
                Some(demo_resident(&args.database, &tenants, &tenant).await?)
            }
            bsn => bsn.clone(),
        };
        let token = signer
            .sign(&role, bsn.as_ref(), args.ttl)
            .map_err(|e| e.to_string())?;
        lines.push(token);
    }
    for token in lines {
        output::line(token);
    }
    Ok(())
}

async fn demo_resident(
    database: &DatabaseConfig,
    tenants: &TenantSet,
    tenant: &TenantId,
) -> Result<Bsn, String> {
    let code = tenants
        .get(tenant)
        .map(|t| t.municipality_code.as_str().to_owned())
        .ok_or_else(|| format!("--tenant: no tenant {tenant}"))?;
    let db = Db::connect(&database.url)
        .await
        .map_err(|e| e.to_string())?;
    let registry = Registry::new(db, Arc::new(tenants.clone()));
    registry
        .demo_resident(&code)
        .await
        .ok()
        .flatten()
        .ok_or_else(|| format!("--bsn: {tenant} has no residents in the database yet; start `loket serve` once or run `loket seed`, or pass --bsn"))
}

async fn seed(args: SeedConfig) -> Result<(), String> {
    let tenants = load_dir(&args.tenants.dir).map_err(|errors| describe(&errors))?;
    let known = |slug: &String| tenants.tenants.keys().any(|t| t.as_str() == slug);
    if let Some(unknown) = args.only.iter().find(|s| !known(s)) {
        let dir = args.tenants.dir.display();
        return Err(format!("--tenant: no tenant {unknown} in {dir}"));
    }
    let chosen = |slug: &str| args.only.is_empty() || args.only.iter().any(|s| s == slug);
    let municipalities: Vec<_> = tenants
        .tenants
        .values()
        .filter(|t| chosen(t.slug.as_str()))
        .map(municipality_of)
        .collect();
    let db = Db::connect(&args.database.url)
        .await
        .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    let report = loket_registry::seed::seed(&db, &municipalities, args.persons, args.seed)
        .await
        .map_err(|e| e.to_string())?;
    for (slug, persons, addresses, valuations) in &report.municipalities {
        output::line(format!(
            "{slug}: {persons} residents, {addresses} addresses, {valuations} valuation objects"
        ));
    }
    for slug in &report.skipped {
        output::line(format!("{slug}: skipped, it already has residents"));
    }
    output::line(format!("seeded in {:.1} s", report.elapsed.as_secs_f64()));
    Ok(())
}
