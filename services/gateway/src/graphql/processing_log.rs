//! `processingLog`: admins see who read whose personal data, when and why.

use async_graphql::{
    Context, InputObject, Object, Result, SimpleObject,
    connection::{Connection, Edge},
};
use loket_kernel::{
    Action, Bsn,
    page::{IdKey, Page, cursor},
};
use loket_store::{graphql::session, processing_log};

use loket_kernel::graphql::{field_error, to_gql};

use super::{forbidden, request_ctx};

const OBJECT: &str = "processing-log/entries";

/// Query root for the processing log.
#[derive(Default)]
pub struct ProcessingLogQuery;

/// Which entries to list; every field given narrows the list.
#[derive(InputObject, Default)]
pub struct ProcessingLogFilter {
    /// Whose data (BSN).
    bsn: Option<String>,
    /// Which operation, for example `person`.
    operation: Option<String>,
    /// Who read it (token subject).
    actor_subject: Option<String>,
    /// From this moment on.
    from: Option<chrono::DateTime<chrono::Utc>>,
    /// Before this moment.
    to: Option<chrono::DateTime<chrono::Utc>>,
}

/// One read of personal data.
#[derive(SimpleObject)]
pub struct ProcessingLogEntry {
    /// `citizen`, `employee` or `app`.
    actor_kind: String,
    /// Who read it (token subject).
    actor_subject: String,
    /// Their roles.
    roles: Vec<String>,
    /// Whose data.
    person_bsn: String,
    /// Why.
    purpose: String,
    /// Which operation.
    operation: String,
    /// Request id, to find the log lines.
    request_id: String,
    /// When.
    at: chrono::DateTime<chrono::Utc>,
    /// The kind of subject id (`BSN`).
    subject_type: String,
    /// The field groups read.
    field_groups: Vec<String>,
    /// Trace id, to find the request's log lines.
    trace_id: String,
    /// Span id of this processing.
    span_id: String,
}

#[Object]
impl ProcessingLogQuery {
    /// The tenant's processing log, newest first, narrowed by `filter` (admins only).
    async fn processing_log(
        &self,
        ctx: &Context<'_>,
        filter: Option<ProcessingLogFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, ProcessingLogEntry>> {
        let rctx = request_ctx(ctx)?;
        if !rctx.can(OBJECT, Action::Read) {
            return Err(forbidden(rctx.tenant(), OBJECT));
        }
        let filter = filter.unwrap_or_default();
        let bsn = filter
            .bsn
            .map(Bsn::new)
            .transpose()
            .map_err(|e| field_error("filter.bsn", e.to_string()))?;
        let line = |field: &str, value: Option<String>| {
            value
                .map(|v| loket_kernel::input::required_line(field, &v, 200))
                .transpose()
                .map_err(|e| to_gql(&e))
        };
        let operation = line("filter.operation", filter.operation)?;
        let actor_subject = line("filter.actorSubject", filter.actor_subject)?;
        let page: Page<IdKey> = loket_kernel::graphql::page(first, after.as_deref())?;
        let tx = session(ctx)?
            .tx(rctx.tenant())
            .await
            .map_err(|e| to_gql(&e))?;
        let store_filter = processing_log::Filter {
            person: bsn.as_ref(),
            operation: operation.as_deref(),
            actor_subject: actor_subject.as_deref(),
            from: filter.from,
            to: filter.to,
        };
        let mut entries = processing_log::list(&tx, &store_filter, &page)
            .await
            .map_err(|e| to_gql(&e))?;
        drop(tx);
        let has_next = entries.len() > page.first;
        entries.truncate(page.first);
        let mut connection = Connection::new(page.after.is_some(), has_next);
        connection.edges.extend(entries.into_iter().map(|e| {
            Edge::new(
                cursor(&IdKey(e.id)),
                ProcessingLogEntry {
                    actor_kind: e.actor_kind,
                    actor_subject: e.actor_subject,
                    roles: e.roles.split(',').map(str::to_owned).collect(),
                    person_bsn: e.person_bsn,
                    purpose: e.purpose,
                    operation: e.operation,
                    request_id: e.request_id,
                    at: e.created_at,
                    subject_type: e.subject_type,
                    field_groups: e
                        .field_groups
                        .split(',')
                        .filter(|g| !g.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    trace_id: e.trace_id,
                    span_id: e.span_id,
                },
            )
        }));
        Ok(connection)
    }
}
