//! The dispatcher: it queues each tenant's reminders once a day, fans out due outbox events
//! into deliveries, and sends due deliveries. It runs inside `loket serve` and as
//! `loket dispatch`; on PostgreSQL several share the work.
//!
//! It does not walk every tenant to find work. It asks in one query across tenants which of
//! them have events or deliveries due, and when the next one falls due ([`wake::work_due`]);
//! works those; then sleeps until that time, until a commit that wrote an outbox wakes it
//! ([`loket_store::wake`]), or at most [`DispatchSettings::idle`] (the safety poll).
//!
//! A delivery is claimed by moving its `available_at` one lease ahead (and counting the
//! attempt) in a short transaction that skips rows other dispatchers hold; it is sent outside
//! any transaction; its outcome is written as soon as it is known. A dispatcher killed while
//! sending leaves its claims to come back when the lease runs out: the retry carries the same
//! delivery key.

use std::{collections::HashMap, sync::Mutex, time::Duration};

use chrono::{DateTime, NaiveDate, Utc};
use futures_util::{StreamExt, stream};
use loket_kernel::TenantId;
use loket_store::{TenantTx, wake};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, LockBehavior, LockType},
};
use tokio::sync::watch;
use uuid::Uuid;

use crate::{
    Channel, DeliveryStatus, Notify, NotifyError,
    entity::{delivery, subscription},
    send::{Message, SendError, Senders},
};

/// Accepted deliveries recorded per statement.
const SENT_GROUP: usize = 32;

/// How the dispatcher paces itself.
#[derive(Debug, Clone)]
pub struct DispatchSettings {
    /// Events or deliveries taken per tenant per round.
    pub batch: u64,
    /// Longest sleep when nothing wakes the dispatcher and nothing falls due: the safety
    /// poll that catches a lost wake-up or a re-driven delivery.
    pub idle: Duration,
    /// Attempts before a delivery is dead-lettered.
    pub max_attempts: i32,
    /// Wait before the second attempt; doubled each time, with jitter.
    pub backoff_base: Duration,
    /// Longest wait between attempts.
    pub backoff_max: Duration,
    /// How long a claimed delivery is left to its dispatcher before others may take it.
    pub lease: Duration,
    /// Messages sent at the same time.
    pub concurrency: usize,
}

impl Default for DispatchSettings {
    fn default() -> Self {
        Self {
            batch: 100,
            idle: Duration::from_secs(30),
            max_attempts: 8,
            backoff_base: Duration::from_secs(10),
            backoff_max: Duration::from_secs(3600),
            lease: Duration::from_secs(60),
            concurrency: 16,
        }
    }
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Events fanned out.
    pub events: usize,
    /// Deliveries made from them and from reminders.
    pub queued: usize,
    /// Deliveries a receiver accepted.
    pub sent: usize,
    /// Attempts that failed and will be retried.
    pub retried: usize,
    /// Deliveries dead-lettered.
    pub dead: usize,
}

impl Round {
    fn idle(&self) -> bool {
        self.events == 0
            && self.queued == 0
            && self
                .sent
                .saturating_add(self.retried)
                .saturating_add(self.dead)
                == 0
    }

    fn add(&mut self, other: Round) {
        self.events = self.events.saturating_add(other.events);
        self.queued = self.queued.saturating_add(other.queued);
        self.sent = self.sent.saturating_add(other.sent);
        self.retried = self.retried.saturating_add(other.retried);
        self.dead = self.dead.saturating_add(other.dead);
    }
}

/// Delivers notifications.
pub struct Dispatcher {
    notify: Notify,
    senders: Senders,
    settings: DispatchSettings,
    reminded: Mutex<HashMap<TenantId, NaiveDate>>,
}

/// The wait before attempt `attempts + 1`: base · 2^(attempts − 1), at most the maximum, of
/// which a random half ("equal jitter") so retries of many deliveries spread out.
pub(crate) fn backoff(settings: &DispatchSettings, attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(0);
    let full = settings
        .backoff_base
        .saturating_mul(2u32.saturating_pow(exponent))
        .min(settings.backoff_max);
    let half = full.checked_div(2).unwrap_or_default();
    half.saturating_add(half.mul_f64(unit_random()))
}

/// A random number in [0, 1) from the operating system.
fn unit_random() -> f64 {
    let mut bytes = [0u8; 8];
    if ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes).is_err() {
        return 0.5;
    }
    (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
}

impl Dispatcher {
    /// A dispatcher sending through `senders`.
    pub fn new(notify: Notify, senders: Senders, settings: DispatchSettings) -> Self {
        Self {
            notify,
            senders,
            settings,
            reminded: Mutex::new(HashMap::new()),
        }
    }

    /// Works what is due, as woken, until `stop` turns true; work in progress finishes first.
    pub async fn run(&self, mut stop: watch::Receiver<bool>) {
        let mut wakeups = self.notify.inner.db.wakeups().subscribe();
        tracing::info!("dispatcher started");
        while !*stop.borrow() {
            let next = match self.work().await {
                Ok(next) => next,
                Err(e) => {
                    tracing::warn!(error = %e, "dispatch round failed");
                    None
                }
            };
            let wait = next
                .map(|at| {
                    at.signed_duration_since(Utc::now())
                        .to_std()
                        .unwrap_or_default()
                })
                .map_or(self.settings.idle, |wait| wait.min(self.settings.idle));
            tokio::select! {
                _ = wakeups.next() => {}
                () = tokio::time::sleep(wait) => {}
                _ = stop.changed() => {}
            }
        }
        tracing::info!("dispatcher stopped");
    }

    /// Queues the reminders due today, then works the tenants that have something due until
    /// none has; returns when the next work falls due, if any is waiting.
    async fn work(&self) -> Result<Option<DateTime<Utc>>, NotifyError> {
        let tenants: Vec<TenantId> = self.notify.inner.tenants.tenants.keys().cloned().collect();
        let today = loket_kernel::calendar::Calendar::today();
        for tenant in &tenants {
            if self.reminders_due(tenant, today) {
                let queued = self.notify.remind(tenant, today).await?;
                if queued > 0 {
                    tracing::info!(tenant = %tenant, queued, "travel document reminders queued");
                }
                self.mark_reminded(tenant, today);
            }
        }
        loop {
            let due = wake::work_due(&self.notify.inner.db, &tenants).await?;
            let now = Utc::now();
            let later = due.values().copied().filter(|at| *at > now).min();
            let ready: Vec<&TenantId> = due
                .iter()
                .filter(|(_, at)| **at <= now)
                .map(|(tenant, _)| tenant)
                .collect();
            let mut round = Round::default();
            for tenant in ready {
                round.add(self.work_tenant(tenant).await?);
            }
            // Nothing done: what is due is another dispatcher's now.
            if round.idle() {
                return Ok(later);
            }
        }
    }

    /// Fans out a tenant's due events and sends its due deliveries, a batch of each.
    async fn work_tenant(&self, tenant: &TenantId) -> Result<Round, NotifyError> {
        let (events, queued) = self.notify.fan_out(tenant, self.settings.batch).await?;
        let mut round = Round {
            events,
            queued,
            ..Round::default()
        };
        round.add(self.deliver(tenant).await?);
        Ok(round)
    }

    /// Rounds until one finds nothing due; returns the sum.
    pub async fn drain(&self) -> Result<Round, NotifyError> {
        let mut total = Round::default();
        loop {
            let round = self.round().await?;
            if round.idle() {
                return Ok(total);
            }
            total.add(round);
        }
    }

    /// One round over every tenant.
    pub async fn round(&self) -> Result<Round, NotifyError> {
        let mut round = Round::default();
        let today = loket_kernel::calendar::Calendar::today();
        let tenants: Vec<TenantId> = self.notify.inner.tenants.tenants.keys().cloned().collect();
        for tenant in &tenants {
            if self.reminders_due(tenant, today) {
                let queued = self.notify.remind(tenant, today).await?;
                if queued > 0 {
                    tracing::info!(tenant = %tenant, queued, "travel document reminders queued");
                }
                round.queued = round.queued.saturating_add(queued);
                self.mark_reminded(tenant, today);
            }
            round.add(self.work_tenant(tenant).await?);
        }
        Ok(round)
    }

    /// Runs the reminders of `today` for every tenant, whether or not they ran already
    /// (idempotent: nothing is queued twice). Returns how many were new.
    pub async fn remind(&self, today: NaiveDate) -> Result<usize, NotifyError> {
        let mut queued: usize = 0;
        let tenants: Vec<TenantId> = self.notify.inner.tenants.tenants.keys().cloned().collect();
        for tenant in &tenants {
            queued = queued.saturating_add(self.notify.remind(tenant, today).await?);
            self.mark_reminded(tenant, today);
        }
        Ok(queued)
    }

    fn reminders_due(&self, tenant: &TenantId, today: NaiveDate) -> bool {
        self.reminded
            .lock()
            .map(|done| done.get(tenant) != Some(&today))
            .unwrap_or(true)
    }

    fn mark_reminded(&self, tenant: &TenantId, today: NaiveDate) {
        if let Ok(mut done) = self.reminded.lock() {
            done.insert(tenant.clone(), today);
        }
    }

    /// Claims, sends and records the tenant's due deliveries.
    async fn deliver(&self, tenant: &TenantId) -> Result<Round, NotifyError> {
        let claimed = self.claim(tenant).await?;
        let mut round = Round::default();
        if claimed.is_empty() {
            return Ok(round);
        }
        let mut outcomes = stream::iter(claimed)
            .map(|(row, secret)| async move {
                let message = Message {
                    tenant,
                    key: &row.delivery_key,
                    kind: &row.event_kind,
                    recipient: &row.recipient,
                    subject: row.subject.as_deref(),
                    body: &row.body,
                    calendar: row.calendar.as_deref(),
                    secret: secret.as_deref(),
                };
                let channel = Channel::parse(&row.channel).unwrap_or(Channel::Log);
                let outcome = self.senders.send(channel, &message).await;
                (row, outcome)
            })
            .buffer_unordered(self.settings.concurrency.max(1));
        // Accepted messages are recorded in groups (a crash re-sends at most a group, under
        // the same keys); failures one by one, with their error.
        let mut accepted = Vec::new();
        while let Some((row, outcome)) = outcomes.next().await {
            match outcome {
                Ok(()) => {
                    accepted.push(row.id);
                    if accepted.len() >= SENT_GROUP {
                        round.sent = round
                            .sent
                            .saturating_add(self.mark_sent(tenant, &mut accepted).await?);
                    }
                }
                Err(e) => match self.record_failure(tenant, &row, e).await? {
                    Some(DeliveryStatus::Dead) => round.dead = round.dead.saturating_add(1),
                    Some(_) => round.retried = round.retried.saturating_add(1),
                    // A re-drive, an unsubscribe or a newer claim came first.
                    None => {}
                },
            }
        }
        round.sent = round
            .sent
            .saturating_add(self.mark_sent(tenant, &mut accepted).await?);
        Ok(round)
    }

    /// Takes up to a batch of due deliveries with their webhook secrets, leasing them.
    async fn claim(
        &self,
        tenant: &TenantId,
    ) -> Result<Vec<(delivery::Model, Option<String>)>, NotifyError> {
        let now = Utc::now();
        let tx = self.notify.inner.db.begin(tenant).await?;
        let mut query = delivery::scoped(tenant)
            .filter(delivery::Column::Status.eq(DeliveryStatus::Pending.as_str()))
            .filter(delivery::Column::AvailableAt.lte(now))
            .order_by_asc(delivery::Column::AvailableAt)
            .limit(self.settings.batch);
        if tx.conn().get_database_backend() == DbBackend::Postgres {
            query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let rows = query.all(tx.conn()).await?;
        if rows.is_empty() {
            tx.rollback().await?;
            return Ok(Vec::new());
        }
        // A subscription may have ended after its delivery was made (an unsubscribe that
        // raced the fan-out): such deliveries are cancelled, not sent. A message to an
        // address given once has no subscription to end.
        let holders = holders(&tx, &rows).await?;
        let (rows, gone): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|r| match r.subscription_id {
                Some(id) => holders.get(&id).is_some_and(|(_, ended)| !ended),
                None => true,
            });
        if !gone.is_empty() {
            delivery::Entity::update_many()
                .col_expr(
                    delivery::Column::Status,
                    Expr::value(DeliveryStatus::Cancelled.as_str()),
                )
                .filter(delivery::Column::TenantId.eq(tenant.as_str()))
                .filter(delivery::Column::Id.is_in(gone.iter().map(|r| r.id)))
                .exec(tx.conn())
                .await?;
        }
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let lease = chrono::Duration::from_std(self.settings.lease)
            .unwrap_or(chrono::Duration::seconds(60));
        delivery::Entity::update_many()
            .col_expr(
                delivery::Column::AvailableAt,
                Expr::value(now.checked_add_signed(lease).unwrap_or(now)),
            )
            .col_expr(
                delivery::Column::Attempts,
                Expr::col(delivery::Column::Attempts).add(1),
            )
            .filter(delivery::Column::TenantId.eq(tenant.as_str()))
            .filter(delivery::Column::Id.is_in(ids))
            .exec(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|mut row| {
                row.attempts = row.attempts.saturating_add(1);
                let secret = row
                    .subscription_id
                    .and_then(|id| holders.get(&id))
                    .and_then(|(secret, _)| secret.clone());
                (row, secret)
            })
            .collect())
    }

    /// Records accepted deliveries as sent and empties `ids`; returns how many.
    async fn mark_sent(
        &self,
        tenant: &TenantId,
        ids: &mut Vec<Uuid>,
    ) -> Result<usize, NotifyError> {
        if ids.is_empty() {
            return Ok(0);
        }
        let tx = self.notify.inner.db.begin(tenant).await?;
        let updated = delivery::Entity::update_many()
            .col_expr(
                delivery::Column::Status,
                Expr::value(DeliveryStatus::Sent.as_str()),
            )
            .col_expr(delivery::Column::SentAt, Expr::value(Utc::now()))
            .col_expr(delivery::Column::LastError, Expr::value(None::<String>))
            .filter(delivery::Column::TenantId.eq(tenant.as_str()))
            .filter(delivery::Column::Id.is_in(ids.drain(..)))
            // Sent is sent, even if a re-drive or another dispatcher's claim came between.
            .filter(delivery::Column::Status.ne(DeliveryStatus::Sent.as_str()))
            .exec(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(usize::try_from(updated.rows_affected).unwrap_or(0))
    }

    /// Records a failed attempt: another try after a backoff, or a dead letter after the
    /// last attempt or a refusal. Returns the delivery's new status, `None` when something
    /// else changed it first.
    async fn record_failure(
        &self,
        tenant: &TenantId,
        row: &delivery::Model,
        error: SendError,
    ) -> Result<Option<DeliveryStatus>, NotifyError> {
        let dead =
            matches!(error, SendError::Permanent(_)) || row.attempts >= self.settings.max_attempts;
        let message = error.to_string();
        tracing::warn!(tenant = %tenant, delivery = %row.id, attempts = row.attempts, dead,
            error = %message, "delivery attempt failed");
        let wait = chrono::Duration::from_std(backoff(&self.settings, row.attempts))
            .unwrap_or(chrono::Duration::seconds(60));
        let now = Utc::now();
        let next = now.checked_add_signed(wait).unwrap_or(now);
        let status = if dead {
            DeliveryStatus::Dead
        } else {
            DeliveryStatus::Pending
        };
        let tx = self.notify.inner.db.begin(tenant).await?;
        let updated = delivery::Entity::update_many()
            .col_expr(delivery::Column::Status, Expr::value(status.as_str()))
            .col_expr(delivery::Column::LastError, Expr::value(message))
            .col_expr(delivery::Column::AvailableAt, Expr::value(next))
            .filter(delivery::Column::TenantId.eq(tenant.as_str()))
            .filter(delivery::Column::Id.eq(row.id))
            // A re-drive, an unsubscribe or a newer claim meanwhile wins.
            .filter(delivery::Column::Status.eq(DeliveryStatus::Pending.as_str()))
            .filter(delivery::Column::Attempts.eq(row.attempts))
            .exec(tx.conn())
            .await?;
        tx.commit().await?;
        Ok((updated.rows_affected > 0).then_some(status))
    }
}

/// The subscriptions of `rows`: their webhook signing secret and whether they ended.
async fn holders(
    tx: &TenantTx,
    rows: &[delivery::Model],
) -> Result<HashMap<Uuid, (Option<String>, bool)>, NotifyError> {
    let mut ids: Vec<Uuid> = rows.iter().filter_map(|r| r.subscription_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let found: Vec<(Uuid, Option<String>, Option<chrono::DateTime<Utc>>)> =
        subscription::scoped(tx.tenant())
            .filter(subscription::Column::Id.is_in(ids))
            .select_only()
            .column(subscription::Column::Id)
            .column(subscription::Column::Secret)
            .column(subscription::Column::EndedAt)
            .into_tuple()
            .all(tx.conn())
            .await?;
    Ok(found
        .into_iter()
        .map(|(id, secret, ended)| (id, (secret, ended.is_some())))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_within_jitter_and_stops_at_the_maximum() {
        let settings = DispatchSettings {
            backoff_base: Duration::from_secs(10),
            backoff_max: Duration::from_secs(300),
            ..DispatchSettings::default()
        };
        for (attempts, full) in [(1, 10), (2, 20), (3, 40), (6, 300), (20, 300)] {
            for _ in 0..50 {
                let wait = backoff(&settings, attempts);
                let full = Duration::from_secs(full);
                assert!(wait >= full / 2 && wait <= full, "{attempts}: {wait:?}");
            }
        }
    }
}
