//! Wake-ups: which tenants have something new in their outbox, told instead of polled.
//!
//! - **PostgreSQL.** When a transaction that wrote events commits, its process notifies
//!   channel [`OUTBOX_CHANNEL`] with the tenant's slug. It does so after the commit and in
//!   batches, one statement for every tenant committed since the last one, so that busy writers
//!   neither wait on PostgreSQL's notification lock inside their transactions nor send one
//!   notification each. [`listen`] holds one connection that listens, and passes each slug on
//!   to this process's [`Wakeups`]; every replica and every dispatcher so hears of every
//!   commit, whichever process made it. After a (re)connection it wakes everyone for every
//!   tenant, since notifications sent while it was away are lost.
//! - **SQLite** has one process: a transaction that wrote events wakes the [`Wakeups`] of its
//!   own [`crate::Db`] when it commits.
//!
//! A missed wake-up costs latency, not events: readers also run a slow safety poll, one query
//! over every tenant through [`outbox_tenants`] and [`work_due`]; replicas learn of catalogue
//! changes made elsewhere through [`catalog_revisions`]. Those three are Loket's deliberate
//! crossing of tenants, so that nothing at rest costs a query per tenant. On PostgreSQL they
//! call `SECURITY DEFINER` functions that only the application role may execute and that
//! return tenant slugs with times or revisions, never a row's content (migration
//! `m20261205_000014_wakeups`).

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    time::Duration,
};

use chrono::{DateTime, Utc};
use loket_kernel::TenantId;
use loket_migration::{APP_ROLE, OUTBOX_CHANNEL};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect, Statement,
    TransactionTrait, sqlx::postgres::PgListener,
};
use tokio::sync::{Notify, broadcast, watch};
use uuid::Uuid;

use crate::{Backend, Db, StoreError, entity::outbox};

/// Wake-ups a slow reader may fall behind before it is told to look at every tenant.
const CAPACITY: usize = 4096;

/// The longest wait before the listener connects again after losing its connection.
const MAX_RECONNECT_WAIT: Duration = Duration::from_secs(30);

/// Something new, as a process hears of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wake {
    /// A transaction that wrote this tenant's outbox committed.
    Tenant(TenantId),
    /// Wake-ups may have been missed: look at every tenant.
    All,
}

/// What a reader should look at after it woke: the tenants it was told of, or every one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// These tenants.
    Tenants(BTreeSet<TenantId>),
    /// Every tenant (after a reconnection, or when the reader fell behind).
    All,
}

/// The wake-ups of one process: the listener (or, on SQLite, the committing transaction)
/// sends, the live feed and the dispatcher receive.
#[derive(Debug, Clone)]
pub struct Wakeups {
    sender: broadcast::Sender<Wake>,
}

impl Default for Wakeups {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(CAPACITY).0,
        }
    }
}

impl Wakeups {
    /// Tells every receiver.
    pub fn send(&self, wake: Wake) {
        // Nobody listening is not an error.
        let _ = self.sender.send(wake);
    }

    /// A receiver of every wake-up from now on.
    pub fn subscribe(&self) -> WakeReceiver {
        WakeReceiver {
            receiver: self.sender.subscribe(),
        }
    }
}

/// Tenants whose outbox events this process committed and has not yet told the others of
/// (PostgreSQL).
#[derive(Debug, Clone, Default)]
pub(crate) struct Outgoing {
    tenants: std::sync::Arc<std::sync::Mutex<BTreeSet<TenantId>>>,
    signal: std::sync::Arc<Notify>,
}

impl Outgoing {
    /// Adds committed tenants; [`listen`] tells the others soon.
    pub(crate) fn add(&self, tenants: Vec<TenantId>) {
        if tenants.is_empty() {
            return;
        }
        if let Ok(mut set) = self.tenants.lock() {
            set.extend(tenants);
        }
        self.signal.notify_one();
    }

    fn take(&self) -> Vec<TenantId> {
        self.tenants
            .lock()
            .map(|mut set| std::mem::take(&mut *set).into_iter().collect())
            .unwrap_or_default()
    }
}

/// A reader's end of the [`Wakeups`].
#[derive(Debug)]
pub struct WakeReceiver {
    receiver: broadcast::Receiver<Wake>,
}

impl WakeReceiver {
    /// Waits for a wake-up, then takes every one already waiting with it. `None` once the
    /// senders are gone.
    pub async fn next(&mut self) -> Option<Due> {
        let first = match self.receiver.recv().await {
            Ok(wake) => wake,
            Err(broadcast::error::RecvError::Lagged(_)) => Wake::All,
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        let mut due = Due::Tenants(BTreeSet::new());
        add(&mut due, first);
        self.take_waiting(&mut due);
        Some(due)
    }

    /// Adds the wake-ups already waiting to `due`, without waiting for more.
    pub fn take_waiting(&mut self, due: &mut Due) {
        loop {
            match self.receiver.try_recv() {
                Ok(wake) => add(due, wake),
                Err(broadcast::error::TryRecvError::Lagged(_)) => *due = Due::All,
                Err(_) => return,
            }
        }
    }
}

fn add(due: &mut Due, wake: Wake) {
    match (due, wake) {
        (Due::All, _) => {}
        (due, Wake::All) => *due = Due::All,
        (Due::Tenants(set), Wake::Tenant(tenant)) => {
            set.insert(tenant);
        }
    }
}

/// On PostgreSQL, tells the other processes of this one's outbox commits, and listens for
/// theirs (and its own) to wake `db`'s readers, until `stop` turns true. Returns at once on
/// SQLite, where commits wake readers themselves.
pub async fn listen(db: Db, mut stop: watch::Receiver<bool>) {
    let Some(url) = db.listen_url() else {
        return;
    };
    let teller = tokio::spawn(tell(db.clone(), stop.clone()));
    let mut wait = Duration::from_millis(100);
    while !*stop.borrow() {
        let began = tokio::time::Instant::now();
        tokio::select! {
            Err(error) = relay(&db, url) => {
                if began.elapsed() > MAX_RECONNECT_WAIT {
                    wait = Duration::from_millis(100);
                }
                tracing::warn!(%error, wait_ms = wait.as_millis(),
                    "lost the outbox listener; connecting again");
            }
            _ = stop.changed() => break,
        }
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = stop.changed() => break,
        }
        wait = wait.saturating_mul(2).min(MAX_RECONNECT_WAIT);
    }
    let _ = teller.await;
}

/// Notifies the tenants of [`Outgoing`] in one statement each time some are waiting, until
/// `stop` turns true (what is waiting then is told first). A failure costs the others
/// latency, not events: their safety poll finds what they were not told.
async fn tell(db: Db, mut stop: watch::Receiver<bool>) {
    let outgoing = db.outgoing().clone();
    loop {
        let stopping = tokio::select! {
            () = outgoing.signal.notified() => false,
            _ = stop.changed() => true,
        };
        let tenants = outgoing.take();
        if !tenants.is_empty() {
            let statement = Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_notify($1, t) FROM unnest(string_to_array($2, ',')) AS t",
                [OUTBOX_CHANNEL.into(), joined(&tenants).into()],
            );
            if let Err(error) = db.raw().execute_raw(statement).await {
                tracing::warn!(%error, tenants = tenants.len(),
                    "could not tell other processes of outbox commits; their safety poll will");
            }
        }
        if stopping || *stop.borrow() {
            return;
        }
    }
}

/// Connects, listens and passes notifications on until the connection fails.
async fn relay(db: &Db, url: &str) -> Result<(), sea_orm::sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(OUTBOX_CHANNEL).await?;
    tracing::info!("listening for outbox commits");
    // What was committed while nobody listened is not told again.
    db.wakeups().send(Wake::All);
    loop {
        let notification = listener.recv().await?;
        if let Ok(tenant) = TenantId::new(notification.payload()) {
            db.wakeups().send(Wake::Tenant(tenant));
        }
    }
}

/// Which of `tenants` wrote outbox events with an id of at least `since` (ids are UUIDv7, so
/// this is "written since"), in one query across tenants.
pub async fn outbox_tenants(
    db: &Db,
    tenants: &[TenantId],
    since: Uuid,
) -> Result<BTreeSet<TenantId>, StoreError> {
    if tenants.is_empty() {
        return Ok(BTreeSet::new());
    }
    let slugs: Vec<String> = match db.backend() {
        Backend::Postgres => {
            let rows = as_app(
                db,
                Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT t FROM loket_outbox_tenants($1, $2) AS t",
                    [joined(tenants).into(), since.into()],
                ),
            )
            .await?;
            rows.iter()
                .filter_map(|row| row.try_get::<String>("", "t").ok())
                .collect()
        }
        Backend::Sqlite => {
            outbox::Entity::find()
                .select_only()
                .column(outbox::Column::TenantId)
                .filter(outbox::Column::TenantId.is_in(tenants.iter().map(TenantId::as_str)))
                .filter(outbox::Column::Id.gte(since))
                .group_by(outbox::Column::TenantId)
                .into_tuple()
                .all(db.raw())
                .await?
        }
    };
    Ok(known(tenants, slugs))
}

/// For each of `tenants` with undelivered events or pending deliveries, the earliest time one
/// of them is due (it may be past), in one query across tenants.
pub async fn work_due(
    db: &Db,
    tenants: &[TenantId],
) -> Result<BTreeMap<TenantId, DateTime<Utc>>, StoreError> {
    if tenants.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows = across(
        db,
        tenants,
        "SELECT tenant, due_at FROM loket_dispatch_due($1)",
        "SELECT tenant_id AS tenant, MIN(available_at) AS due_at FROM outbox \
         WHERE tenant_id IN ({in}) AND published_at IS NULL GROUP BY tenant_id \
         UNION ALL \
         SELECT tenant_id, MIN(available_at) FROM deliveries \
         WHERE tenant_id IN ({in}) AND status = 'pending' GROUP BY tenant_id",
    )
    .await?;
    let by_slug = by_slug(tenants);
    let mut due: BTreeMap<TenantId, DateTime<Utc>> = BTreeMap::new();
    for row in rows {
        let (Ok(slug), Ok(at)) = (
            row.try_get::<String>("", "tenant"),
            row.try_get::<DateTime<Utc>>("", "due_at"),
        ) else {
            continue;
        };
        let Some(tenant) = by_slug.get(slug.as_str()) else {
            continue;
        };
        due.entry((*tenant).clone())
            .and_modify(|earliest| *earliest = (*earliest).min(at))
            .or_insert(at);
    }
    Ok(due)
}

/// The catalogue revision of each of `tenants` that changed its catalogue at least once, in
/// one query across tenants.
pub async fn catalog_revisions(
    db: &Db,
    tenants: &[TenantId],
) -> Result<BTreeMap<TenantId, i64>, StoreError> {
    if tenants.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows = across(
        db,
        tenants,
        "SELECT tenant, revision FROM loket_catalog_revisions($1)",
        "SELECT tenant_id AS tenant, revision FROM catalog_revisions WHERE tenant_id IN ({in})",
    )
    .await?;
    let by_slug = by_slug(tenants);
    Ok(rows
        .iter()
        .filter_map(|row| {
            let slug = row.try_get::<String>("", "tenant").ok()?;
            let revision = row.try_get::<i64>("", "revision").ok()?;
            by_slug
                .get(slug.as_str())
                .map(|tenant| ((*tenant).clone(), revision))
        })
        .collect())
}

/// Runs a query across `tenants`: on PostgreSQL `postgres`, whose one parameter is their slugs
/// joined by commas, as the application role; on SQLite `sqlite`, each `{in}` in it the list
/// of their slugs.
async fn across(
    db: &Db,
    tenants: &[TenantId],
    postgres: &str,
    sqlite: &str,
) -> Result<Vec<sea_orm::QueryResult>, StoreError> {
    match db.backend() {
        Backend::Postgres => {
            as_app(
                db,
                Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    postgres,
                    [joined(tenants).into()],
                ),
            )
            .await
        }
        Backend::Sqlite => {
            let marks = vec!["?"; tenants.len()].join(", ");
            let lists = sqlite.matches("{in}").count();
            let values: Vec<sea_orm::Value> = (0..lists)
                .flat_map(|_| tenants.iter().map(|t| t.as_str().into()))
                .collect();
            Ok(db
                .raw()
                .query_all_raw(Statement::from_sql_and_values(
                    DbBackend::Sqlite,
                    sqlite.replace("{in}", &marks),
                    values,
                ))
                .await?)
        }
    }
}

/// Runs one statement as the application role (the only role that may call the functions
/// that cross tenants), in a transaction of its own.
async fn as_app(db: &Db, statement: Statement) -> Result<Vec<sea_orm::QueryResult>, StoreError> {
    let tx = db.raw().begin().await?;
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('role', $1, true)",
        [APP_ROLE.into()],
    ))
    .await?;
    let rows = tx.query_all_raw(statement).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The slugs as one comma-separated text (a slug has no comma).
fn joined(tenants: &[TenantId]) -> String {
    tenants
        .iter()
        .map(TenantId::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

/// `tenants` by slug.
fn by_slug(tenants: &[TenantId]) -> HashMap<&str, &TenantId> {
    tenants.iter().map(|t| (t.as_str(), t)).collect()
}

/// The tenants of `tenants` that `slugs` names.
fn known(tenants: &[TenantId], slugs: Vec<String>) -> BTreeSet<TenantId> {
    let by_slug = by_slug(tenants);
    slugs
        .iter()
        .filter_map(|slug| by_slug.get(slug.as_str()).map(|t| (*t).clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use super::*;

    fn tenant(slug: &str) -> TenantId {
        TenantId::new(slug).unwrap()
    }

    #[tokio::test]
    async fn waiting_wakeups_are_taken_together() {
        let wakeups = Wakeups::default();
        let mut receiver = wakeups.subscribe();
        wakeups.send(Wake::Tenant(tenant("alpha")));
        wakeups.send(Wake::Tenant(tenant("beta")));
        wakeups.send(Wake::Tenant(tenant("alpha")));
        let expected: BTreeSet<_> = [tenant("alpha"), tenant("beta")].into();
        assert_eq!(receiver.next().await, Some(Due::Tenants(expected)));
        wakeups.send(Wake::Tenant(tenant("alpha")));
        wakeups.send(Wake::All);
        assert_eq!(receiver.next().await, Some(Due::All));
    }

    #[tokio::test]
    async fn a_reader_that_fell_behind_looks_at_every_tenant() {
        let wakeups = Wakeups::default();
        let mut receiver = wakeups.subscribe();
        for _ in 0..=CAPACITY {
            wakeups.send(Wake::Tenant(tenant("alpha")));
        }
        assert_eq!(receiver.next().await, Some(Due::All));
    }
}
