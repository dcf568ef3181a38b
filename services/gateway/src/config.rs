//! The gateway's configuration: defaults, overridden by `LOKET_*` environment variables,
//! overridden by command-line flags. Every setting and its variable is listed here.

use std::{net::SocketAddr, path::PathBuf};

use loket_cases::photos::{PhotoStore, PhotoStoreError};

/// Where the database is.
#[derive(Debug, Clone, clap::Args)]
pub struct DatabaseConfig {
    /// Database URL: `sqlite://PATH` (created when missing) or `postgres://USER@HOST/DB`.
    #[arg(
        long = "database",
        env = "LOKET_DATABASE_URL",
        default_value = "sqlite://./data/loket.db"
    )]
    pub url: String,
}

/// Where the tenants folder is.
#[derive(Debug, Clone, clap::Args)]
pub struct TenantsConfig {
    /// Folder with `_default/`, one folder per tenant and `collaborations.toml`.
    #[arg(long = "tenants", env = "LOKET_TENANTS", default_value = "./tenants")]
    pub dir: PathBuf,
}

/// Bounds on what one GraphQL request may ask.
#[derive(Debug, Clone, clap::Args)]
pub struct Limits {
    /// Deepest selection nesting (`LOKET_MAX_DEPTH`).
    #[arg(long, env = "LOKET_MAX_DEPTH", default_value_t = 12)]
    pub max_depth: usize,
    /// Highest query complexity, one point per field (`LOKET_MAX_COMPLEXITY`).
    #[arg(long, env = "LOKET_MAX_COMPLEXITY", default_value_t = 1000)]
    pub max_complexity: usize,
    /// Most aliases in one document (`LOKET_MAX_ALIASES`).
    #[arg(long, env = "LOKET_MAX_ALIASES", default_value_t = 30)]
    pub max_aliases: usize,
    /// Largest request body in bytes (`LOKET_MAX_BODY_BYTES`).
    #[arg(long, env = "LOKET_MAX_BODY_BYTES", default_value_t = 64 * 1024)]
    pub max_body_bytes: usize,
    /// Seconds before a request is abandoned (`LOKET_REQUEST_TIMEOUT_SECONDS`).
    #[arg(long, env = "LOKET_REQUEST_TIMEOUT_SECONDS", default_value_t = 30)]
    pub request_timeout_seconds: u64,
    /// Seconds a client may take to send a request's headers before the connection is closed
    /// (`LOKET_HEADER_READ_TIMEOUT_SECONDS`, 1 to 300).
    #[arg(
        long,
        env = "LOKET_HEADER_READ_TIMEOUT_SECONDS",
        default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=300)
    )]
    pub header_read_timeout_seconds: u64,
    /// Milliseconds a database statement may run inside a request's transaction before
    /// PostgreSQL cancels it (`LOKET_STATEMENT_TIMEOUT_MS`, 100 to 600000).
    #[arg(
        long,
        env = "LOKET_STATEMENT_TIMEOUT_MS",
        default_value_t = loket_store::DEFAULT_STATEMENT_TIMEOUT_MS,
        value_parser = clap::value_parser!(u32).range(100..=600_000)
    )]
    pub statement_timeout_ms: u32,
    /// Proxies in front of Loket that append the client's address to `X-Forwarded-For`
    /// (`LOKET_TRUSTED_PROXY_HOPS`; 0: use the connection's own address).
    #[arg(long, env = "LOKET_TRUSTED_PROXY_HOPS", default_value_t = 0)]
    pub trusted_proxy_hops: usize,
    /// Operations that run at once on this replica; beyond it they wait, and each free place
    /// goes to the municipality with the fewest running, so that a flood from one does not
    /// starve the others (`LOKET_MAX_CONCURRENT_OPERATIONS`; 0: no limit). About the size of
    /// the database pool.
    #[arg(long, env = "LOKET_MAX_CONCURRENT_OPERATIONS", default_value_t = 10)]
    pub max_concurrent_operations: usize,
    /// Largest photo sent with a report, in bytes (`LOKET_MAX_PHOTO_BYTES`).
    #[arg(long, env = "LOKET_MAX_PHOTO_BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_photo_bytes: usize,
    /// Rate limits.
    #[command(flatten)]
    pub rates: crate::rates::RateConfig,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 12,
            max_complexity: 1000,
            max_aliases: 30,
            max_body_bytes: 64 * 1024,
            request_timeout_seconds: 30,
            header_read_timeout_seconds: 10,
            statement_timeout_ms: loket_store::DEFAULT_STATEMENT_TIMEOUT_MS,
            trusted_proxy_hops: 0,
            max_concurrent_operations: 10,
            max_photo_bytes: 10 * 1024 * 1024,
            rates: crate::rates::RateConfig::default(),
        }
    }
}

/// Everything `loket serve` needs.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeConfig {
    /// Address to listen on (`LOKET_LISTEN`); port 0 picks a free port.
    #[arg(long, env = "LOKET_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The database.
    #[command(flatten)]
    pub database: DatabaseConfig,
    /// The database as its owner, for what happens once at start-up (migrations, the tenants
    /// table, demo residents) while requests use `--database`, a login role that can only
    /// become the application role (`LOKET_MIGRATION_DATABASE_URL`; default: `--database`).
    #[arg(long = "migration-database", env = "LOKET_MIGRATION_DATABASE_URL")]
    pub migration_database: Option<String>,
    /// The tenants.
    #[command(flatten)]
    pub tenants: TenantsConfig,
    /// Where photos sent with reports are kept.
    #[command(flatten)]
    pub photos: PhotoStoreConfig,
    /// Request limits.
    #[command(flatten)]
    pub limits: Limits,
    /// Print ready-to-use demo tokens at start-up for tenants with a dev issuer
    /// (`LOKET_DEMO_TOKENS`).
    #[arg(long, env = "LOKET_DEMO_TOKENS", default_value_t = true, action = clap::ArgAction::Set)]
    pub demo_tokens: bool,
    /// Residents to generate for each demo municipality that has none yet
    /// (`LOKET_DEMO_RESIDENTS`); 0 leaves the registries empty.
    #[arg(long, env = "LOKET_DEMO_RESIDENTS", default_value_t = 200)]
    pub demo_residents: usize,
    /// Live updates (subscriptions).
    #[command(flatten)]
    pub live: LiveConfig,
    /// Run the notification dispatcher inside this process (`LOKET_DISPATCH`); switch it off
    /// where `loket dispatch` runs as its own deployment.
    #[arg(long, env = "LOKET_DISPATCH", default_value_t = true, action = clap::ArgAction::Set)]
    pub dispatch: bool,
    /// Notification senders and dispatcher pacing.
    #[command(flatten)]
    pub notify: crate::dispatch::NotifyConfig,
}

/// The store's default safety poll interval, in the unit of [`LiveConfig::feed_poll_ms`].
const DEFAULT_FEED_POLL_MS: u64 = loket_store::feed::DEFAULT_POLL_EVERY.as_millis() as u64;

/// How subscriptions learn about changes: each replica is woken by every commit that wrote an
/// outbox, and runs a slow safety poll in case a wake-up was lost.
#[derive(Debug, Clone, clap::Args)]
pub struct LiveConfig {
    /// Milliseconds between two safety polls of the outboxes for live updates
    /// (`LOKET_FEED_POLL_MS`, 10 to 600000): the longest delay of an update whose wake-up
    /// was lost.
    #[arg(
        long,
        env = "LOKET_FEED_POLL_MS",
        default_value_t = DEFAULT_FEED_POLL_MS,
        value_parser = clap::value_parser!(u64).range(10..=600_000)
    )]
    pub feed_poll_ms: u64,
}

impl Default for LiveConfig {
    fn default() -> Self {
        Self {
            feed_poll_ms: DEFAULT_FEED_POLL_MS,
        }
    }
}

/// Arguments of `loket seed`.
#[derive(Debug, Clone, clap::Args)]
pub struct SeedConfig {
    /// Residents per municipality.
    #[arg(long)]
    pub persons: usize,
    /// Only these tenants (repeat the flag); every tenant of the folder when absent.
    #[arg(long = "tenant")]
    pub only: Vec<String>,
    /// The tenants whose residents are generated: the demo municipalities as they are, any
    /// other tenant as a synthetic municipality with its configured name and code.
    #[command(flatten)]
    pub tenants: TenantsConfig,
    /// Seed of the generator: the same seed gives the same residents.
    #[arg(long, default_value_t = DEMO_SEED)]
    pub seed: u64,
    /// The database.
    #[command(flatten)]
    pub database: DatabaseConfig,
}

/// The generator seed of demo data.
pub const DEMO_SEED: u64 = 20_261_128;

/// Where photos sent with reports are kept: by `serve`, which stores them, and by the daily
/// clean-up (in `serve`, `dispatch` and `anonymise-reporters`), which removes those never
/// attached to a report.
#[derive(Debug, Clone, clap::Args)]
pub struct PhotoStoreConfig {
    /// Where photos sent with reports are kept (`LOKET_PHOTO_STORE`): a folder, or
    /// `s3://bucket/prefix` (credentials and endpoint from `AWS_*`); `none` takes no photos.
    /// Replicas must share it, so a folder suits one replica only.
    #[arg(long, env = "LOKET_PHOTO_STORE", default_value = "./data/photos")]
    pub photo_store: String,
}

impl PhotoStoreConfig {
    /// The store, checked to answer; `None` for `none`.
    pub async fn open(&self) -> Result<Option<PhotoStore>, PhotoStoreError> {
        if self.photo_store == "none" {
            return Ok(None);
        }
        let photos = PhotoStore::open(&self.photo_store)?;
        photos.check().await?;
        Ok(Some(photos))
    }
}
