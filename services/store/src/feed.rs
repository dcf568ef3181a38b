//! The live feed: each replica reads the outbox of the tenants it is woken for and broadcasts
//! the new events to whoever listens in that process (GraphQL subscriptions). Every replica
//! reads the database itself, so a change made through one replica reaches subscribers of all
//! of them, with no broker to run.
//!
//! # Woken, with a slow safety poll
//!
//! The feed reads a tenant when [`crate::wake`] says its outbox has news: on PostgreSQL a
//! notification sent by the database when the writing transaction commits, on SQLite a signal
//! in memory. Every [`FeedSettings::poll_every`] (30 s by default) it also asks, in one query
//! across tenants, which tenants wrote anything in the last `poll_every` + `look_back`, and
//! reads those: a wake-up lost while the listener reconnected costs that much latency, not the
//! event. At rest the feed so costs one query per safety poll, however many tenants there are.
//! Under a stream of commits, reads for wake-ups are at least 50 ms apart, and each reads every
//! tenant woken meanwhile.
//!
//! # Reading by id, with a look-back window
//!
//! An outbox id is a UUIDv7 taken when the event is written, *before* its transaction
//! commits. A transaction that commits late so becomes visible with an id older than ids the
//! feed has already passed, and reading "everything after the last id seen" would skip it for
//! good. Each read therefore reads every id of the last [`FeedSettings::look_back`] (5 s by
//! default; the safety poll reads back `poll_every` further) and broadcasts only those it has
//! not broadcast before; ids that slide out of the longest window are forgotten, so the memory
//! kept is one window of ids per tenant that wrote recently.
//!
//! An event is missed when its transaction commits more than the window after it was written,
//! when the writing replica's clock runs behind this one's by more than the window, or when
//! the database is unreachable for longer than the window. Live updates are a convenience
//! for screens that are open; the notification dispatcher is the delivery that loses nothing.
//! Events of one tenant are broadcast in id order within a read; a late commit arrives after
//! younger events.
//!
//! The window is a range of the primary key `(tenant_id, id)`: a UUIDv7 begins with its
//! millisecond timestamp, so "written since T" is `id >= the lowest UUIDv7 of T`, a key range
//! on both engines that needs no index on `created_at`. `published_at` is never consulted:
//! the dispatcher sets it on its own schedule, which says nothing about what is new.
//!
//! # Tenants and engines
//!
//! On PostgreSQL the outbox is under forced row-level security, so each tenant is read in
//! its own [`crate::TenantTx`]. SQLite has no row-level security; there the feed reads
//! through the pool with the same tenant filter, because a `TenantTx` on SQLite takes the
//! write lock when it begins.
//!
//! The feed starts at "now": events with an id older than the moment its [`Poller`] was made
//! are history and never broadcast (ids of one process are ordered; see [`Uuid::now_v7`]).

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::Arc,
    time::Duration,
};

use chrono::{DateTime, Utc};
use loket_kernel::TenantId;
use sea_orm::{
    ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, LikeExpr},
};
use tokio::sync::{broadcast, watch};
use uuid::Uuid;

mod window;

use self::window::{Window, floor};
use crate::{
    Backend, Db, StoreError,
    entity::outbox,
    wake::{self, Due, WakeReceiver},
};

/// How often the feed runs its safety poll unless configured otherwise.
pub const DEFAULT_POLL_EVERY: Duration = Duration::from_secs(30);

/// How far back each poll reads unless configured otherwise.
pub const DEFAULT_LOOK_BACK: Duration = Duration::from_secs(5);

/// The shortest time between two reads for wake-ups: under a stream of commits, those of the
/// last few milliseconds are read together instead of each on its own.
const MIN_READ_GAP: Duration = Duration::from_millis(50);

/// Most events fetched from one tenant in one read; the rest follow in the next.
const MAX_BATCH: usize = 500;

/// A listener's end of the feed.
pub type FeedReceiver = broadcast::Receiver<Arc<FeedEvent>>;

/// One outbox event as the feed broadcasts it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedEvent {
    /// The tenant whose outbox holds it (for cases: the municipality the case belongs to).
    pub tenant: TenantId,
    /// Time-ordered id (UUIDv7).
    pub id: Uuid,
    /// What happened, for example `case.status_changed`.
    pub kind: String,
    /// The event's data.
    pub payload: serde_json::Value,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

/// How the feed reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSettings {
    /// Only events whose kind starts with this, for example `case.`.
    pub kind_prefix: String,
    /// The pause between two safety polls (which catch what a lost wake-up did not tell).
    pub poll_every: Duration,
    /// How far back every read reads; longer than any transaction between writing an event
    /// and committing, plus the clock difference between replicas.
    pub look_back: Duration,
    /// Events a slow listener may fall behind before it misses some.
    pub capacity: usize,
}

impl FeedSettings {
    /// Events of `kind_prefix`, a safety poll every 30 s, a 5 s look-back, 1024 buffered.
    pub fn new(kind_prefix: impl Into<String>) -> Self {
        Self {
            kind_prefix: kind_prefix.into(),
            poll_every: DEFAULT_POLL_EVERY,
            look_back: DEFAULT_LOOK_BACK,
            capacity: 1024,
        }
    }
}

/// The outbox feed of one process: cheap to clone, one poller per process.
#[derive(Clone)]
pub struct Feed {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    tenants: Vec<TenantId>,
    settings: FeedSettings,
    sender: broadcast::Sender<Arc<FeedEvent>>,
}

impl std::fmt::Debug for Feed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feed")
            .field("tenants", &self.inner.tenants)
            .field("settings", &self.inner.settings)
            .finish_non_exhaustive()
    }
}

impl Feed {
    /// A feed of the outboxes of `tenants` in `db`; it reads once [`Feed::run`] runs.
    pub fn new(
        db: Db,
        tenants: impl IntoIterator<Item = TenantId>,
        settings: FeedSettings,
    ) -> Self {
        let (sender, _) = broadcast::channel(settings.capacity.max(1));
        Self {
            inner: Arc::new(Inner {
                db,
                tenants: tenants.into_iter().collect(),
                settings,
                sender,
            }),
        }
    }

    /// The settings it reads with.
    pub fn settings(&self) -> &FeedSettings {
        &self.inner.settings
    }

    /// Every event broadcast from now on. Use [`next_event`] to read it, which steps over
    /// what a slow listener missed instead of ending.
    pub fn subscribe(&self) -> FeedReceiver {
        self.inner.sender.subscribe()
    }

    /// A poller starting the feed at "now": it hears of every wake-up from here on.
    pub fn poller(&self) -> Poller {
        Poller {
            feed: self.clone(),
            wakeups: self.inner.db.wakeups().subscribe(),
            start: Uuid::now_v7(),
            windows: BTreeMap::new(),
            failing: BTreeSet::new(),
        }
    }

    /// Reads as woken, with a safety poll every [`FeedSettings::poll_every`], until `stop`
    /// turns true (or its sender is gone), starting from "now"; see [`Poller::run`].
    pub async fn run(&self, stop: watch::Receiver<bool>) {
        self.poller().run(stop).await;
    }
}

/// The next event of `receiver`, or `None` once the feed is gone. A listener that fell more
/// than [`FeedSettings::capacity`] events behind skips what it missed (logged) and goes on.
pub async fn next_event(receiver: &mut FeedReceiver) -> Option<Arc<FeedEvent>> {
    loop {
        match receiver.recv().await {
            Ok(event) => return Some(event),
            Err(broadcast::error::RecvError::Lagged(missed)) => {
                tracing::warn!(missed, "live feed listener fell behind; events skipped");
            }
            Err(broadcast::error::RecvError::Closed) => return None,
        }
    }
}

/// Reads a [`Feed`]'s tenants as it is woken, remembering per tenant what it broadcast.
pub struct Poller {
    feed: Feed,
    wakeups: WakeReceiver,
    /// Ids up to this one are history.
    start: Uuid,
    /// The windows of tenants read so far.
    windows: BTreeMap<TenantId, Window>,
    /// Tenants whose last read failed, so that an outage is logged once.
    failing: BTreeSet<TenantId>,
}

impl Poller {
    /// Reads the tenants it is woken for, and runs a safety poll every
    /// [`FeedSettings::poll_every`], until `stop` turns true (or its sender is gone); a read
    /// in progress finishes first.
    pub async fn run(mut self, mut stop: watch::Receiver<bool>) {
        let settings = self.feed.inner.settings.clone();
        // A zero period would make `interval` panic.
        let period = settings.poll_every.max(Duration::from_millis(1));
        let first = tokio::time::Instant::now()
            .checked_add(period)
            .unwrap_or_else(tokio::time::Instant::now);
        let mut tick = tokio::time::interval_at(first, period);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tracing::info!(
            tenants = self.feed.inner.tenants.len(),
            safety_poll_ms = settings.poll_every.as_millis(),
            "live feed started"
        );
        let mut last_read = tokio::time::Instant::now();
        while !*stop.borrow() {
            tokio::select! {
                due = self.wakeups.next() => {
                    let Some(mut due) = due else { break };
                    let gap = last_read.checked_add(MIN_READ_GAP).unwrap_or(last_read);
                    if tokio::time::Instant::now() < gap {
                        tokio::time::sleep_until(gap).await;
                        self.wakeups.take_waiting(&mut due);
                    }
                    match due {
                        Due::Tenants(tenants) => {
                            self.read_tenants(tenants.iter(), settings.look_back).await;
                        }
                        Due::All => {
                            self.sweep().await;
                        }
                    }
                    last_read = tokio::time::Instant::now();
                }
                _ = tick.tick() => {
                    self.sweep().await;
                }
                changed = stop.changed() => {
                    if changed.is_err() {
                        break;
                    }
                }
            }
        }
        tracing::info!("live feed stopped");
    }

    /// Reads every tenant once and broadcasts what is new; returns how many events that was.
    pub async fn poll(&mut self) -> usize {
        let inner = Arc::clone(&self.feed.inner);
        self.read_tenants(inner.tenants.iter(), inner.settings.look_back)
            .await
    }

    /// The safety poll: asks in one query which tenants wrote anything since the longest
    /// window began, and reads those. Returns how many events it broadcast.
    pub async fn sweep(&mut self) -> usize {
        let inner = Arc::clone(&self.feed.inner);
        let since = floor(Utc::now(), inner.settings.reach());
        match wake::outbox_tenants(&inner.db, &inner.tenants, since).await {
            Ok(tenants) => {
                self.read_tenants(tenants.iter(), inner.settings.reach())
                    .await
            }
            Err(error) => {
                tracing::warn!(%error, "live feed cannot ask which outboxes have news");
                0
            }
        }
    }

    /// Reads the last `span` of `tenants` (those of the feed) and broadcasts what is new;
    /// returns how many events that was. A tenant that cannot be read is logged (once until it
    /// recovers) and read again at the next wake-up or safety poll.
    async fn read_tenants<'t>(
        &mut self,
        tenants: impl Iterator<Item = &'t TenantId>,
        span: Duration,
    ) -> usize {
        let inner = Arc::clone(&self.feed.inner);
        let mut sent: usize = 0;
        for tenant in tenants {
            if !inner.tenants.contains(tenant) {
                continue;
            }
            let window = self
                .windows
                .entry(tenant.clone())
                .or_insert_with(|| Window::starting(self.start));
            match read(&inner, tenant, window, span).await {
                Ok(events) => {
                    if self.failing.remove(tenant) {
                        tracing::info!(%tenant, "live feed reads the outbox again");
                    }
                    sent = sent.saturating_add(events.len());
                    for event in events {
                        // Nobody listening is not an error.
                        let _ = inner.sender.send(Arc::new(event));
                    }
                }
                Err(error) => {
                    if self.failing.insert(tenant.clone()) {
                        tracing::warn!(%tenant, %error, "live feed cannot read the outbox");
                    }
                }
            }
            if window.is_empty() {
                self.windows.remove(tenant);
            }
        }
        sent
    }
}

impl FeedSettings {
    /// How far back the safety poll looks, and so how long ids are remembered.
    fn reach(&self) -> Duration {
        self.look_back.saturating_add(self.poll_every)
    }
}

/// The new events of `tenant`, read the way its engine allows (see the module docs).
async fn read(
    inner: &Inner,
    tenant: &TenantId,
    window: &mut Window,
    span: Duration,
) -> Result<Vec<FeedEvent>, StoreError> {
    let now = Utc::now();
    window.slide(floor(now, inner.settings.reach()));
    let floor = floor(now, span);
    let prefix = inner.settings.kind_prefix.as_str();
    match inner.db.backend() {
        Backend::Postgres => {
            let tx = inner.db.begin(tenant).await?;
            let events = read_window(tx.conn(), tenant, prefix, floor, window).await?;
            tx.commit().await?;
            Ok(events)
        }
        Backend::Sqlite => read_window(inner.db.raw(), tenant, prefix, floor, window).await,
    }
}

/// Reads the ids of the window (cheap when nothing is new), then the rows of the unseen ones.
async fn read_window<C: ConnectionTrait>(
    conn: &C,
    tenant: &TenantId,
    prefix: &str,
    floor: Uuid,
    window: &mut Window,
) -> Result<Vec<FeedEvent>, StoreError> {
    let escaped = prefix
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let of_kind =
        Expr::col(outbox::Column::Kind).like(LikeExpr::new(format!("{escaped}%")).escape('\\'));
    let ids: Vec<Uuid> = outbox::scoped(tenant)
        .select_only()
        .column(outbox::Column::Id)
        .filter(outbox::Column::Id.gte(floor))
        .filter(of_kind)
        .order_by_asc(outbox::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    let mut fresh = window.unseen(&ids);
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    fresh.truncate(MAX_BATCH);
    let rows = outbox::scoped(tenant)
        .filter(outbox::Column::Id.is_in(fresh.iter().copied()))
        .order_by_asc(outbox::Column::Id)
        .all(conn)
        .await?;
    window.mark(&fresh);
    Ok(rows
        .into_iter()
        // SQLite's LIKE ignores case; the prefix is exact.
        .filter(|row| row.kind.starts_with(prefix))
        .map(|row| FeedEvent {
            tenant: tenant.clone(),
            id: row.id,
            kind: row.kind,
            payload: row.payload,
            created_at: row.created_at,
        })
        .collect())
}
