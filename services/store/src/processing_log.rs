//! The processing log (verwerkingenlog): every read of a person's data is recorded with who
//! read it, for which tenant, for what purpose, which field groups, and when; admins can query
//! it. Resolvers note each read as it happens ([`crate::Session::record`]); the session writes
//! the request's entries once, one per person and operation, when it ends.
//!
//! Fields follow VNG's "Logboek dataverwerkingen" where they map: `operation` is the
//! processing activity, `purpose` its purpose, the data subject is `person_bsn` with
//! `subject_type` `BSN`, and `trace_id`/`span_id` tie the entry to the request's trace.
//!
//! The application may add entries and read them, never change or remove them: on PostgreSQL
//! the application role holds only `SELECT` and `INSERT` on the table.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use loket_kernel::{
    Bsn, Ctx, TenantId,
    page::{IdKey, Page},
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
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
    /// W3C trace id of the request.
    pub trace_id: String,
    /// Span id of this processing.
    pub span_id: String,
}

/// Why personal data is read: the processing activity and its purpose. Services attach it to
/// what they return, so that what the caller goes on to read is logged under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadAs {
    /// The operation, for example `cases`.
    pub operation: &'static str,
    /// Its purpose, for example "work on cases".
    pub purpose: &'static str,
}

/// One processing of one person's data, as a resolver notes it.
#[derive(Debug, Clone, Copy)]
pub struct Processing<'a> {
    /// Whose data.
    pub person: &'a Bsn,
    /// Why, for example "answer a resident's question".
    pub purpose: &'a str,
    /// The processing activity: the operation, for example `person`.
    pub operation: &'a str,
    /// The field group read, for example `person/name` or `case/status`.
    pub field_group: &'a str,
}

/// An entry waiting to be written.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    actor_kind: &'static str,
    actor_subject: String,
    roles: String,
    person: String,
    purpose: String,
    operation: String,
    request_id: String,
    trace_id: String,
    groups: BTreeSet<String>,
}

/// The entries of one session: one per person, operation and purpose, the field groups
/// merged, in the order first read.
#[derive(Debug, Default)]
pub(crate) struct Book {
    rows: Vec<Row>,
}

impl Book {
    pub(crate) fn add(&mut self, ctx: &Ctx, p: Processing<'_>) {
        let found = self.rows.iter_mut().find(|r| {
            r.person == p.person.as_str()
                && r.operation == p.operation
                && r.purpose == p.purpose
                && r.request_id == ctx.request_id()
        });
        if let Some(row) = found {
            if !row.groups.contains(p.field_group) {
                row.groups.insert(p.field_group.to_owned());
            }
            return;
        }
        let roles: Vec<&str> = ctx.roles().iter().map(|r| r.as_str()).collect();
        self.rows.push(Row {
            actor_kind: ctx.actor().kind(),
            actor_subject: ctx.actor().subject().to_owned(),
            roles: roles.join(","),
            person: p.person.as_str().to_owned(),
            purpose: p.purpose.to_owned(),
            operation: p.operation.to_owned(),
            request_id: ctx.request_id().to_owned(),
            trace_id: ctx.trace_id().to_owned(),
            groups: BTreeSet::from([p.field_group.to_owned()]),
        });
    }

    pub(crate) fn take(&mut self) -> Vec<Row> {
        std::mem::take(&mut self.rows)
    }
}

/// Writes `rows` for `tenant` in one statement.
pub(crate) async fn insert(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    rows: &[Row],
) -> Result<(), DbErr> {
    let now = Utc::now();
    let models = rows.iter().map(|row| {
        let id = Uuid::now_v7();
        let groups: Vec<&str> = row.groups.iter().map(String::as_str).collect();
        processing_log::ActiveModel {
            tenant_id: Set(tenant.to_string()),
            id: Set(id),
            actor_kind: Set(row.actor_kind.to_owned()),
            actor_subject: Set(row.actor_subject.clone()),
            roles: Set(row.roles.clone()),
            person_bsn: Set(row.person.clone()),
            purpose: Set(row.purpose.clone()),
            operation: Set(row.operation.clone()),
            request_id: Set(row.request_id.clone()),
            created_at: Set(now),
            subject_type: Set("BSN".to_owned()),
            field_groups: Set(groups.join(",")),
            trace_id: Set(row.trace_id.clone()),
            span_id: Set(id.simple().to_string()[16..].to_owned()),
        }
    });
    processing_log::Entity::insert_many(models)
        .exec_without_returning(conn)
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

/// The entries of the transaction's tenant that match `filter`, newest first, paged by id.
pub async fn list(
    tx: &TenantTx,
    filter: &Filter<'_>,
    page: &Page<IdKey>,
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
    if let Some(IdKey(after)) = page.after {
        query = query.filter(processing_log::Column::Id.lt(after));
    }
    Ok(query
        .order_by_desc(processing_log::Column::Id)
        .limit(page.fetch())
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
