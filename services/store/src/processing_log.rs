//! The processing log (verwerkingenlog): every read of a person's data is recorded with who
//! read it, for which tenant, for what purpose and when, and admins can query it. Services
//! call [`record`] in the transaction that reads the data.

use chrono::{DateTime, Utc};
use loket_kernel::{Bsn, Ctx, page::Page};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::{StoreError, TenantTx, entity::processing_log};

/// One recorded processing of personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Id (UUIDv7, time-ordered).
    pub id: Uuid,
    /// `citizen`, `employee` or `app`.
    pub actor_kind: String,
    /// The token subject of whoever read the data.
    pub actor_subject: String,
    /// Their roles, comma-separated.
    pub roles: String,
    /// Whose data.
    pub person_bsn: String,
    /// Why (the legal purpose the service states).
    pub purpose: String,
    /// Which operation read it, for example `person`.
    pub operation: String,
    /// The request, to find the matching log lines.
    pub request_id: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Records that the actor of `ctx` read `person`'s data for `purpose` in `operation`.
pub async fn record(
    tx: &TenantTx,
    ctx: &Ctx,
    person: &Bsn,
    purpose: &str,
    operation: &str,
) -> Result<(), StoreError> {
    let roles: Vec<&str> = ctx.roles().iter().map(|r| r.as_str()).collect();
    processing_log::Entity::insert(processing_log::ActiveModel {
        tenant_id: Set(tx.tenant().to_string()),
        id: Set(Uuid::now_v7()),
        actor_kind: Set(ctx.actor().kind().to_owned()),
        actor_subject: Set(ctx.actor().subject().to_owned()),
        roles: Set(roles.join(",")),
        person_bsn: Set(person.as_str().to_owned()),
        purpose: Set(purpose.to_owned()),
        operation: Set(operation.to_owned()),
        request_id: Set(ctx.request_id().to_owned()),
        created_at: Set(Utc::now()),
    })
    .exec_without_returning(tx.conn())
    .await?;
    Ok(())
}

/// The entries of the transaction's tenant, newest first, optionally for one person.
pub async fn list(
    tx: &TenantTx,
    person: Option<&Bsn>,
    page: Page,
) -> Result<Vec<Entry>, StoreError> {
    let mut query = processing_log::scoped(tx.tenant());
    if let Some(person) = person {
        query = query.filter(processing_log::Column::PersonBsn.eq(person.as_str()));
    }
    Ok(query
        .order_by_desc(processing_log::Column::Id)
        .offset(page.offset as u64)
        .limit(page.first as u64)
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|m| Entry {
            id: m.id,
            actor_kind: m.actor_kind,
            actor_subject: m.actor_subject,
            roles: m.roles,
            person_bsn: m.person_bsn,
            purpose: m.purpose,
            operation: m.operation,
            request_id: m.request_id,
            created_at: m.created_at,
        })
        .collect())
}
