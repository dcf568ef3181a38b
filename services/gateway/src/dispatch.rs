//! Notifications in the binary: the settings `serve` and `dispatch` share, building the
//! notification service and dispatcher, and the `loket dispatch` command.

use std::{path::PathBuf, sync::Arc, time::Duration};

use chrono::NaiveDate;
use loket_cases::{Cases, photos::PhotoStore};
use loket_kernel::{
    casebook::ProductNames,
    config::{TenantSet, describe, load_dir},
    ctx::Grants,
};
use loket_notify::{
    DispatchSettings, Dispatcher, Notify,
    send::{SenderSettings, Senders},
};
use loket_registry::Registry;
use loket_store::Db;
use loket_store::lookups::{Directory, ReporterBook};

use crate::{
    config::{DatabaseConfig, PhotoStoreConfig, TenantsConfig},
    output,
};

/// Notification senders and dispatcher pacing, for `serve` and `dispatch`.
#[derive(Debug, Clone, clap::Args)]
pub struct NotifyConfig {
    /// SMTP server for e-mail, e.g. `smtp://mail.internal:25` or `smtps://user:pass@host`;
    /// without one, e-mail goes to the log sink.
    #[arg(long, env = "LOKET_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// File the log sink appends messages to (JSON lines); without one, the application log.
    #[arg(long, env = "LOKET_NOTIFICATION_LOG")]
    pub notification_log: Option<PathBuf>,
    /// Allow `http://` callback URLs for webhooks (development and tests only).
    #[arg(long, env = "LOKET_INSECURE_WEBHOOKS", default_value_t = false, action = clap::ArgAction::Set)]
    pub insecure_webhooks: bool,
    /// Events or deliveries taken per tenant per round.
    #[arg(long, env = "LOKET_DISPATCH_BATCH", default_value_t = DispatchSettings::default().batch)]
    pub dispatch_batch: u64,
    /// Longest sleep in milliseconds when nothing wakes the dispatcher: the safety poll that
    /// catches a lost wake-up or a re-driven delivery.
    #[arg(long, env = "LOKET_DISPATCH_IDLE_MS", default_value_t = millis(DispatchSettings::default().idle))]
    pub dispatch_idle_ms: u64,
    /// Attempts before a delivery is dead-lettered.
    #[arg(long, env = "LOKET_DISPATCH_MAX_ATTEMPTS", default_value_t = DispatchSettings::default().max_attempts)]
    pub dispatch_max_attempts: i32,
    /// Wait in milliseconds before the second attempt; doubled each time, with jitter.
    #[arg(long, env = "LOKET_DISPATCH_BACKOFF_MS", default_value_t = millis(DispatchSettings::default().backoff_base))]
    pub dispatch_backoff_ms: u64,
    /// Longest wait between attempts, in seconds.
    #[arg(
        long,
        env = "LOKET_DISPATCH_BACKOFF_MAX_SECONDS",
        default_value_t = DispatchSettings::default().backoff_max.as_secs()
    )]
    pub dispatch_backoff_max_seconds: u64,
    /// Seconds a claimed delivery stays with its dispatcher before another may take it.
    #[arg(long, env = "LOKET_DISPATCH_LEASE_SECONDS", default_value_t = DispatchSettings::default().lease.as_secs())]
    pub dispatch_lease_seconds: u64,
    /// Messages sent at the same time.
    #[arg(long, env = "LOKET_DISPATCH_CONCURRENCY", default_value_t = DispatchSettings::default().concurrency)]
    pub dispatch_concurrency: usize,
    /// Time limit in seconds for one webhook or SMS gateway call.
    #[arg(long, env = "LOKET_SEND_TIMEOUT_SECONDS", default_value_t = SenderSettings::default().timeout.as_secs())]
    pub send_timeout_seconds: u64,
}

impl Default for NotifyConfig {
    /// The flags' defaults, without reading the environment.
    fn default() -> Self {
        let pacing = DispatchSettings::default();
        let senders = SenderSettings::default();
        Self {
            smtp_url: None,
            notification_log: None,
            insecure_webhooks: false,
            dispatch_batch: pacing.batch,
            dispatch_idle_ms: millis(pacing.idle),
            dispatch_max_attempts: pacing.max_attempts,
            dispatch_backoff_ms: millis(pacing.backoff_base),
            dispatch_backoff_max_seconds: pacing.backoff_max.as_secs(),
            dispatch_lease_seconds: pacing.lease.as_secs(),
            dispatch_concurrency: pacing.concurrency,
            send_timeout_seconds: senders.timeout.as_secs(),
        }
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl NotifyConfig {
    fn settings(&self) -> DispatchSettings {
        DispatchSettings {
            batch: self.dispatch_batch.max(1),
            idle: Duration::from_millis(self.dispatch_idle_ms),
            max_attempts: self.dispatch_max_attempts.max(1),
            backoff_base: Duration::from_millis(self.dispatch_backoff_ms),
            backoff_max: Duration::from_secs(self.dispatch_backoff_max_seconds),
            lease: Duration::from_secs(self.dispatch_lease_seconds.max(1)),
            concurrency: self.dispatch_concurrency.max(1),
        }
    }

    fn senders(&self) -> SenderSettings {
        SenderSettings {
            smtp_url: self.smtp_url.clone(),
            log_file: self.notification_log.clone(),
            timeout: Duration::from_secs(self.send_timeout_seconds.max(1)),
            loopback_webhooks: self.insecure_webhooks,
        }
    }
}

/// `loket dispatch`: the dispatcher alone, for a separate deployment.
#[derive(Debug, clap::Args)]
pub struct DispatchConfig {
    /// The database.
    #[command(flatten)]
    pub database: DatabaseConfig,
    /// The tenants.
    #[command(flatten)]
    pub tenants: TenantsConfig,
    /// Senders and pacing.
    #[command(flatten)]
    pub notify: NotifyConfig,
    /// Where report photos are kept, for the daily removal of those never attached.
    #[command(flatten)]
    pub photos: PhotoStoreConfig,
    /// Deliver what is due, then exit (for a cron job or a test).
    #[arg(long)]
    pub once: bool,
    /// With `--once`: run the travel document reminders as on this day (`2027-01-04`).
    #[arg(long, requires = "once")]
    pub remind_on: Option<NaiveDate>,
}

/// Why notifications could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum NotifySetupError {
    /// Message texts have problems (each with file and line).
    #[error("notification texts:\n{0}")]
    Templates(String),
    /// A sender could not be set up.
    #[error(transparent)]
    Senders(#[from] loket_notify::send::SenderSetupError),
}

/// The notification service for the loaded tenants; with `products` (the catalogue, as in
/// `serve`) near-me subscriptions for chosen products are checked against it.
pub fn service(
    db: &Db,
    tenants: &Arc<TenantSet>,
    directory: Arc<dyn Directory>,
    reporters: Arc<dyn ReporterBook>,
    grants: Arc<dyn Grants>,
    products: Option<Arc<dyn ProductNames>>,
    config: &NotifyConfig,
) -> Result<Notify, NotifySetupError> {
    let templates = loket_notify::templates::load(tenants)
        .map_err(|errors| NotifySetupError::Templates(describe(&errors)))?;
    let notify = Notify::new(
        db.clone(),
        Arc::clone(tenants),
        directory,
        Arc::new(templates),
    )
    .insecure_webhooks(config.insecure_webhooks)
    .with_grants(grants)
    .with_reporters(reporters);
    Ok(match products {
        Some(products) => notify.with_products(products),
        None => notify,
    })
}

/// The case service (with `photos`, if any) and the notification service for commands that
/// work on stored data outside requests (`loket anonymise-reporters`); notifications go
/// nowhere from here.
pub fn cases_and_notify(
    db: &Db,
    tenants: &Arc<TenantSet>,
    photos: Option<PhotoStore>,
) -> Result<(Cases, Notify), String> {
    let types = loket_cases::load_case_types(tenants).map_err(|errors| describe(&errors))?;
    let registry = Registry::new(db.clone(), Arc::clone(tenants));
    let mut cases = Cases::new(
        Arc::clone(tenants),
        Arc::new(types),
        Arc::new(registry.clone()),
    );
    if let Some(photos) = photos {
        cases = cases.with_photos(photos);
    }
    let templates = loket_notify::templates::load(tenants).map_err(|errors| describe(&errors))?;
    let notify = Notify::new(
        db.clone(),
        Arc::clone(tenants),
        Arc::new(registry),
        Arc::new(templates),
    )
    .with_reporters(Arc::new(cases.clone()));
    Ok((cases, notify))
}

/// The dispatcher sending for `notify`.
pub fn dispatcher(
    notify: Notify,
    tenants: &TenantSet,
    config: &NotifyConfig,
) -> Result<Dispatcher, NotifySetupError> {
    let senders = Senders::new(&config.senders(), tenants)?;
    Ok(Dispatcher::new(notify, senders, config.settings()))
}

/// Runs `loket dispatch`.
pub async fn run(args: DispatchConfig) -> Result<(), String> {
    let tenants = Arc::new(load_dir(&args.tenants.dir).map_err(|errors| describe(&errors))?);
    let db = Db::connect(&args.database.url)
        .await
        .map_err(|e| e.to_string())?;
    let types =
        Arc::new(loket_cases::load_case_types(&tenants).map_err(|errors| describe(&errors))?);
    let registry = Registry::new(db.clone(), Arc::clone(&tenants));
    let mut cases = Cases::new(
        Arc::clone(&tenants),
        Arc::clone(&types),
        Arc::new(registry.clone()),
    );
    if let Some(photos) = args.photos.open().await.map_err(|e| e.to_string())? {
        cases = cases.with_photos(photos);
    }
    let authz = loket_authz::Authz::load(&tenants)
        .await
        .map_err(|e| e.to_string())?;
    let notify = service(
        &db,
        &tenants,
        Arc::new(registry),
        Arc::new(cases.clone()),
        Arc::new(authz),
        None,
        &args.notify,
    )
    .map_err(|e| e.to_string())?;
    let dispatcher =
        dispatcher(notify.clone(), &tenants, &args.notify).map_err(|e| e.to_string())?;
    if args.once {
        if let Some(day) = args.remind_on {
            let queued = dispatcher.remind(day).await.map_err(|e| e.to_string())?;
            output::line(format!("reminders queued for {day}: {queued}"));
        }
        let done = dispatcher.drain().await.map_err(|e| e.to_string())?;
        output::line(format!(
            "dispatched: {} events, {} queued, {} sent, {} to retry, {} dead",
            done.events, done.queued, done.sent, done.retried, done.dead
        ));
    } else {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let listener = tokio::spawn(loket_store::wake::listen(db.clone(), stopped.clone()));
        let comparison = tokio::spawn(crate::benchmark::daily(
            crate::benchmark::service(&tenants, &types),
            db.clone(),
            stopped.clone(),
        ));
        let anonymise = tokio::spawn(crate::anonymise::daily(
            db.clone(),
            Arc::clone(&tenants),
            cases,
            notify,
            stopped.clone(),
        ));
        let running = tokio::spawn(async move { dispatcher.run(stopped).await });
        crate::server::shutdown_signal().await;
        let _ = stop.send(true);
        let _ = running.await;
        let _ = listener.await;
        let _ = comparison.await;
        let _ = anonymise.await;
    }
    db.close().await.map_err(|e| e.to_string())?;
    Ok(())
}
