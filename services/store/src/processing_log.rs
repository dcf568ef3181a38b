//! The processing log (verwerkingenlog): every read of a person's data is recorded with who
//! read it, for which tenant, for what purpose, which field groups, and when; admins can query
//! it. Services call [`record`] in the request that reads the data.
//!
//! Fields follow VNG's "Logboek dataverwerkingen" where they map: `operation` is the
//! processing activity, `purpose` its purpose, the data subject is `person_bsn` with
//! `subject_type` `BSN`, and `trace_id`/`span_id` tie the entry to the request's log lines.

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
    /// The kind of subject id (`BSN`).
    pub subject_type: String,
    /// Field groups read, comma-separated (`person/name,person/address`).
    pub field_groups: String,
    /// Trace id (the request id without dashes).
    pub trace_id: String,
    /// Span id of this processing.
    pub span_id: String,
}

/// One processing of one person's data, as a service describes it.
#[derive(Debug, Clone, Copy)]
pub struct Processing<'a> {
    /// Whose data.
    pub person: &'a Bsn,
    /// Why, for example "answer a resident's question".
    pub purpose: &'a str,
    /// The processing activity: the operation, for example `person`.
    pub operation: &'a str,
    /// The field groups read.
    pub field_groups: &'a [&'a str],
}

/// Records a processing by the actor of `ctx`.
pub async fn record(
    tx: &TenantTx,
    ctx: &Ctx,
    processing: Processing<'_>,
) -> Result<(), StoreError> {
    record_all(tx, ctx, &[processing]).await
}

/// Records several processings by the actor of `ctx` in one statement (a page of cases, say).
pub async fn record_all(
    tx: &TenantTx,
    ctx: &Ctx,
    processings: &[Processing<'_>],
) -> Result<(), StoreError> {
    if processings.is_empty() {
        return Ok(());
    }
    let roles: Vec<&str> = ctx.roles().iter().map(|r| r.as_str()).collect();
    let roles = roles.join(",");
    let now = Utc::now();
    let rows = processings.iter().map(|processing| {
        let id = Uuid::now_v7();
        processing_log::ActiveModel {
            tenant_id: Set(tx.tenant().to_string()),
            id: Set(id),
            actor_kind: Set(ctx.actor().kind().to_owned()),
            actor_subject: Set(ctx.actor().subject().to_owned()),
            roles: Set(roles.clone()),
            person_bsn: Set(processing.person.as_str().to_owned()),
            purpose: Set(processing.purpose.to_owned()),
            operation: Set(processing.operation.to_owned()),
            request_id: Set(ctx.request_id().to_owned()),
            created_at: Set(now),
            subject_type: Set("BSN".to_owned()),
            field_groups: Set(processing.field_groups.join(",")),
            trace_id: Set(ctx.request_id().replace('-', "")),
            span_id: Set(id.simple().to_string()[16..].to_owned()),
        }
    });
    processing_log::Entity::insert_many(rows)
        .exec_without_returning(tx.conn())
        .await?;
    Ok(())
}

/// Which entries to list; every set field narrows the list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    /// Whose data.
    pub person: Option<&'a Bsn>,
    /// Which operation (processing activity).
    pub operation: Option<&'a str>,
    /// Who read it.
    pub actor_subject: Option<&'a str>,
    /// From this moment on.
    pub from: Option<DateTime<Utc>>,
    /// Before this moment.
    pub to: Option<DateTime<Utc>>,
}

/// The entries of the transaction's tenant that match `filter`, newest first.
pub async fn list(
    tx: &TenantTx,
    filter: &Filter<'_>,
    page: Page,
) -> Result<Vec<Entry>, StoreError> {
    let mut query = processing_log::scoped(tx.tenant());
    if let Some(person) = filter.person {
        query = query.filter(processing_log::Column::PersonBsn.eq(person.as_str()));
    }
    if let Some(operation) = filter.operation {
        query = query.filter(processing_log::Column::Operation.eq(operation));
    }
    if let Some(subject) = filter.actor_subject {
        query = query.filter(processing_log::Column::ActorSubject.eq(subject));
    }
    if let Some(from) = filter.from {
        query = query.filter(processing_log::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(processing_log::Column::CreatedAt.lt(to));
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
            subject_type: m.subject_type,
            field_groups: m.field_groups,
            trace_id: m.trace_id,
            span_id: m.span_id,
        })
        .collect())
}
