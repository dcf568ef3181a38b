//! Removing reporters' contact details a tenant-set number of days after their report ended,
//! and photos uploaded a day ago but never attached to a report: `loket anonymise-reporters`,
//! and the daily run that `serve` (with its dispatcher) and `dispatch` keep. Per tenant, in one
//! transaction, the case service empties the reporters' details and the notification service
//! the messages sent to them; then the photos go. A second run finds nothing left to do.

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use loket_cases::Cases;
use loket_kernel::{
    TenantId,
    config::{TenantSet, describe, load_dir},
};
use loket_notify::Notify;
use loket_store::Db;
use tokio::sync::watch;

use crate::{
    config::{DatabaseConfig, PhotoStoreConfig, TenantsConfig},
    output,
};

/// How often the daily run removes.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// How soon a failed run is tried again.
const RETRY: Duration = Duration::from_secs(60 * 60);

/// Arguments of `loket anonymise-reporters`.
#[derive(Debug, clap::Args)]
pub struct AnonymiseArgs {
    /// The tenants, with their `[reports] anonymise_after_days`.
    #[command(flatten)]
    pub tenants: TenantsConfig,
    /// The database.
    #[command(flatten)]
    pub database: DatabaseConfig,
    /// Where report photos are kept.
    #[command(flatten)]
    pub photos: PhotoStoreConfig,
}

/// What one tenant's run removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// The tenant.
    pub tenant: TenantId,
    /// Reporters whose details were removed.
    pub reporters: u64,
    /// Messages to them that were emptied.
    pub deliveries: u64,
    /// Photos never attached to a report that were removed.
    pub photos: u64,
}

/// Removes, in every tenant, the details of reporters whose report ended more than the
/// tenant's `anonymise_after_days` before `now`.
pub async fn run_once(
    db: &Db,
    tenants: &TenantSet,
    cases: &Cases,
    notify: &Notify,
    now: DateTime<Utc>,
) -> Result<Vec<Removed>, String> {
    let mut out = Vec::new();
    for tenant in tenants.tenants.keys() {
        let tx = db.begin(tenant).await.map_err(|e| e.to_string())?;
        let done = cases
            .anonymise_reporters(&tx, now)
            .await
            .map_err(|e| format!("{tenant}: {e}"))?;
        let deliveries = notify
            .forget_report_deliveries(&tx, &done.cases)
            .await
            .map_err(|e| format!("{tenant}: {e}"))?;
        tx.commit().await.map_err(|e| e.to_string())?;
        // The store's objects are not in the transaction: a photo attached meanwhile is one
        // uploaded within the day, which this never removes.
        let tx = db.begin(tenant).await.map_err(|e| e.to_string())?;
        let photos = cases
            .remove_unattached_photos(&tx, now)
            .await
            .map_err(|e| format!("{tenant}: {e}"))?;
        tx.commit().await.map_err(|e| e.to_string())?;
        out.push(Removed {
            tenant: tenant.clone(),
            reporters: done.reporters,
            deliveries,
            photos,
        });
    }
    Ok(out)
}

/// Runs `loket anonymise-reporters`.
pub async fn run(args: AnonymiseArgs) -> Result<(), String> {
    let tenants = Arc::new(load_dir(&args.tenants.dir).map_err(|errors| describe(&errors))?);
    let db = Db::connect(&args.database.url)
        .await
        .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    let photos = args.photos.open().await.map_err(|e| e.to_string())?;
    let (cases, notify) = crate::dispatch::cases_and_notify(&db, &tenants, photos)?;
    for removed in run_once(&db, &tenants, &cases, &notify, Utc::now()).await? {
        output::line(format!(
            "{}: {} reporters' details removed, {} messages emptied, {} unattached photos \
             removed",
            removed.tenant, removed.reporters, removed.deliveries, removed.photos
        ));
    }
    db.close().await.map_err(|e| e.to_string())
}

/// Removes now and every day after, until `stop` turns true.
pub async fn daily(
    db: Db,
    tenants: Arc<TenantSet>,
    cases: Cases,
    notify: Notify,
    mut stop: watch::Receiver<bool>,
) {
    let mut wait = Duration::ZERO;
    loop {
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = stop.changed() => return,
        }
        match run_once(&db, &tenants, &cases, &notify, Utc::now()).await {
            Ok(done) => {
                wait = EVERY;
                for removed in done.iter().filter(|r| r.reporters > 0 || r.photos > 0) {
                    tracing::info!(
                        tenant = %removed.tenant,
                        reporters = removed.reporters,
                        deliveries = removed.deliveries,
                        photos = removed.photos,
                        "reporters' details and unattached photos removed"
                    );
                }
            }
            Err(e) => {
                wait = RETRY;
                tracing::warn!(error = %e, "reporters' details not removed; tried again in an hour");
            }
        }
    }
}
