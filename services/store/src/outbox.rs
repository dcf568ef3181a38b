//! The transactional outbox: a service records an event in the same transaction as the change
//! it describes, so the event exists exactly when the change does. The notification dispatcher
//! delivers them later.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, ExprTrait, LockBehavior, LockType},
};
use uuid::Uuid;

use crate::{StoreError, TenantTx, entity::outbox};

/// An event waiting in, or delivered from, the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Time-ordered id (UUIDv7).
    pub id: Uuid,
    /// What happened, for example `case.status_changed`.
    pub kind: String,
    /// The event's data.
    pub payload: serde_json::Value,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// When it was delivered, if it was.
    pub published_at: Option<DateTime<Utc>>,
}

impl From<outbox::Model> for Event {
    fn from(m: outbox::Model) -> Self {
        Self {
            id: m.id,
            kind: m.kind,
            payload: m.payload,
            created_at: m.created_at,
            attempts: m.attempts,
            published_at: m.published_at,
        }
    }
}

/// Records an event in the transaction's tenant.
pub async fn publish(
    tx: &TenantTx,
    kind: &str,
    payload: serde_json::Value,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    outbox::Entity::insert(outbox::ActiveModel {
        tenant_id: Set(tx.tenant().to_string()),
        id: Set(id),
        kind: Set(kind.to_owned()),
        payload: Set(payload),
        created_at: Set(now),
        available_at: Set(now),
        attempts: Set(0),
        published_at: Set(None),
    })
    .exec_without_returning(tx.conn())
    .await?;
    tx.wrote_outbox();
    Ok(id)
}

/// Records several events in the transaction's tenant in one statement.
pub async fn publish_all(
    tx: &TenantTx,
    events: Vec<(&str, serde_json::Value)>,
) -> Result<(), StoreError> {
    if events.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let rows = events
        .into_iter()
        .map(|(kind, payload)| outbox::ActiveModel {
            tenant_id: Set(tx.tenant().to_string()),
            id: Set(Uuid::now_v7()),
            kind: Set(kind.to_owned()),
            payload: Set(payload),
            created_at: Set(now),
            available_at: Set(now),
            attempts: Set(0),
            published_at: Set(None),
        });
    outbox::Entity::insert_many(rows)
        .exec_without_returning(tx.conn())
        .await?;
    tx.wrote_outbox();
    Ok(())
}

/// How many of the tenant's events wait for delivery.
pub async fn pending_count(tx: &TenantTx) -> Result<u64, StoreError> {
    Ok(outbox::scoped(tx.tenant())
        .filter(outbox::Column::PublishedAt.is_null())
        .count(tx.conn())
        .await?)
}

/// The tenant's undelivered events, oldest first.
pub async fn pending(tx: &TenantTx, limit: u64) -> Result<Vec<Event>, StoreError> {
    Ok(outbox::scoped(tx.tenant())
        .filter(outbox::Column::PublishedAt.is_null())
        .order_by_asc(outbox::Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?
        .into_iter()
        .map(Event::from)
        .collect())
}

/// Claims up to `limit` undelivered events that are due, oldest first, for the rest of the
/// transaction. On PostgreSQL rows another transaction holds are skipped (`FOR UPDATE SKIP
/// LOCKED`), so several dispatchers share the work; SQLite has one writer at a time anyway.
pub async fn claim(tx: &TenantTx, limit: u64) -> Result<Vec<Event>, StoreError> {
    let mut query = outbox::scoped(tx.tenant())
        .filter(outbox::Column::PublishedAt.is_null())
        .filter(outbox::Column::AvailableAt.lte(Utc::now()))
        .order_by_asc(outbox::Column::Id)
        .limit(limit);
    if tx.conn().get_database_backend() == DbBackend::Postgres {
        query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    Ok(query
        .all(tx.conn())
        .await?
        .into_iter()
        .map(Event::from)
        .collect())
}

/// Marks events delivered.
pub async fn mark_published(tx: &TenantTx, ids: &[Uuid]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    outbox::Entity::update_many()
        .col_expr(outbox::Column::PublishedAt, Expr::value(Utc::now()))
        .filter(outbox::Column::TenantId.eq(tx.tenant().as_str()))
        .filter(outbox::Column::Id.is_in(ids.iter().copied()))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Puts an event back for another try at `until`, counting the failed attempt.
pub async fn postpone(tx: &TenantTx, id: Uuid, until: DateTime<Utc>) -> Result<(), StoreError> {
    outbox::Entity::update_many()
        .col_expr(outbox::Column::AvailableAt, Expr::value(until))
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).add(1),
        )
        .filter(outbox::Column::TenantId.eq(tx.tenant().as_str()))
        .filter(outbox::Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    Ok(())
}
