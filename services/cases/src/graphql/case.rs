//! The `Case` type: a case as far as the caller may see it. Parts the tenant's policy refuses
//! are `null` with a `FORBIDDEN` error at their path.

use async_graphql::{
    Context, ID, Object, Result, SimpleObject,
    connection::{Connection, Edge, EmptyFields},
};
use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{
    global_id,
    graphql::{guarded, request_ctx, to_gql},
    page::{Page, encode_cursor},
};

use super::case_type::{CaseTypeInfo, GqlEffect};
use crate::{CasePage, CaseRecord, Cases, days_in_step};

/// A case.
pub struct Case(pub CaseRecord);

/// The current status.
#[derive(SimpleObject, Clone)]
pub struct CaseStatus {
    /// Status code.
    code: String,
    /// Public name.
    name: String,
    /// What it means for the resident.
    explanation: String,
    /// Since when.
    since: DateTime<Utc>,
    /// Whole days in this step so far.
    days_in_step: i64,
    /// Whether it ends the case.
    end: bool,
}

/// One step of the public timeline.
pub struct TimelineEntry(crate::TimelineRecord);

#[Object]
impl TimelineEntry {
    /// Status code.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Public name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// When the case reached this step.
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    /// The explanation for the resident.
    async fn explanation(&self) -> Result<Option<String>> {
        guarded(&self.0.explanation)
    }
}

/// A decision.
pub struct Decision(crate::DecisionRecord);

#[Object]
impl Decision {
    /// Outcome code.
    async fn outcome(&self) -> &str {
        &self.0.outcome
    }
    /// Outcome's public name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Granted, refused or neither.
    async fn effect(&self) -> GqlEffect {
        self.0.effect.into()
    }
    /// The explanation.
    async fn explanation(&self) -> &str {
        &self.0.explanation
    }
    /// When.
    async fn decided_at(&self) -> DateTime<Utc> {
        self.0.decided_at
    }
    /// Who decided (staff with access to internal notes).
    async fn decided_by(&self) -> Result<Option<String>> {
        guarded(&self.0.decided_by)
    }
}

/// An internal note.
#[derive(SimpleObject, Clone)]
pub struct CaseNote {
    /// Text.
    text: String,
    /// Author.
    author: String,
    /// When.
    at: DateTime<Utc>,
}

/// An entry of the internal journal.
#[derive(SimpleObject, Clone)]
pub struct JournalEntry {
    /// `status`, `note`, `assigned`, `suspended`, `extended` or `decided`.
    kind: String,
    /// Status reached.
    status: Option<String>,
    /// Days suspended or extended.
    days: Option<i32>,
    /// Public explanation given.
    public_text: Option<String>,
    /// Internal remark, reason or note.
    internal_text: Option<String>,
    /// Who.
    actor: String,
    /// When.
    at: DateTime<Utc>,
}

/// What the caller may do with a case, so a frontend shows only the buttons that work.
#[derive(SimpleObject)]
pub struct CasePermissions {
    /// Change its status, suspend or extend it.
    update: bool,
    /// Decide it.
    decide: bool,
    /// Add internal notes.
    add_note: bool,
    /// Assign a handler.
    assign: bool,
}

/// Another case at the same address.
#[derive(SimpleObject)]
pub struct RelatedCase {
    /// Reference.
    reference: String,
    /// Case type name.
    case_type: String,
    /// Department handling it.
    department: String,
    /// Public status name, where readable.
    status: Option<String>,
    /// Decision effect, where readable.
    effect: Option<GqlEffect>,
    /// Still open.
    open: bool,
}

/// What else is going on at a case's address.
#[derive(SimpleObject)]
pub struct IntegralView {
    /// The other open or recently decided cases at the address the caller may read.
    cases: Vec<RelatedCase>,
    /// Whether granted and refused decisions meet at this address.
    conflict: bool,
    /// The departments whose decisions disagree.
    conflicting_departments: Vec<String>,
}

#[Object]
impl Case {
    /// Global id.
    pub async fn id(&self) -> ID {
        ID(global_id::encode(
            "Case",
            &format!("{}/{}", self.0.domain, self.0.id),
        ))
    }
    /// Readable reference, for example `ENS-2026-000123`.
    async fn reference(&self) -> &str {
        &self.0.reference
    }
    /// Its type.
    async fn case_type(&self) -> CaseTypeInfo {
        CaseTypeInfo(std::sync::Arc::clone(&self.0.case_type))
    }
    /// The municipality the case belongs to (where its subject lives).
    async fn owner_tenant(&self) -> &str {
        self.0.domain.as_str()
    }
    /// The municipality whose staff handle it.
    async fn handling_tenant(&self) -> &str {
        &self.0.handling_tenant
    }
    /// Global id of the request it came with; cases asked for together share it.
    async fn bundle_id(&self) -> ID {
        ID(global_id::encode(
            "Bundle",
            &format!("{}/{}", self.0.domain, self.0.bundle_id),
        ))
    }
    /// The resident's BSN.
    async fn subject_bsn(&self) -> &str {
        &self.0.subject_bsn
    }
    /// BAG id of the location.
    async fn address_id(&self) -> Option<&str> {
        self.0.address_id.as_deref()
    }
    /// The location on one line.
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }
    /// What the resident asked.
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    /// How it came in: `online`, `counter`, `phone`, `email` or `letter`.
    async fn channel(&self) -> &str {
        &self.0.channel
    }
    /// When it came in.
    async fn submitted_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Where it stands.
    async fn status(&self) -> Result<Option<CaseStatus>> {
        let today = Utc::now().date_naive();
        Ok(guarded(&self.0.status)?.map(|s| CaseStatus {
            days_in_step: days_in_step(s.since.date_naive(), today),
            code: s.code,
            name: s.name,
            explanation: s.explanation,
            since: s.since,
            end: s.end,
        }))
    }
    /// The steps so far, oldest first, as the resident sees them.
    async fn timeline(&self) -> Result<Option<Vec<TimelineEntry>>> {
        Ok(guarded(&self.0.timeline)?.map(|t| t.into_iter().map(TimelineEntry).collect()))
    }
    /// The legal deadline: receipt plus the handling period plus suspensions and extensions.
    async fn deadline(&self) -> NaiveDate {
        self.0.deadline
    }
    /// When the resident may expect a decision: the deadline while open, the day of the
    /// decision once closed.
    async fn expected_completion(&self) -> NaiveDate {
        self.0.closed_at.map_or(self.0.deadline, |c| c.date_naive())
    }
    /// Open and past its deadline.
    async fn overdue(&self) -> bool {
        self.0.overdue(Utc::now().date_naive())
    }
    /// Days suspended so far.
    async fn suspended_days(&self) -> i32 {
        self.0.suspended_days
    }
    /// Days extended so far.
    async fn extended_days(&self) -> i32 {
        self.0.extended_days
    }
    /// When it was closed.
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    /// The decision, once taken.
    async fn decision(&self) -> Result<Option<Decision>> {
        Ok(guarded(&self.0.decision)?.flatten().map(Decision))
    }
    /// The assigned handler.
    async fn handler(&self) -> Result<Option<String>> {
        Ok(guarded(&self.0.handler)?.flatten())
    }
    /// Internal notes (back office).
    async fn notes(&self) -> Result<Option<Vec<CaseNote>>> {
        Ok(guarded(&self.0.notes)?.map(|notes| {
            notes
                .into_iter()
                .map(|n| CaseNote {
                    text: n.text,
                    author: n.author,
                    at: n.at,
                })
                .collect()
        }))
    }
    /// Every change with who made it and internal remarks (back office).
    async fn journal(&self) -> Result<Option<Vec<JournalEntry>>> {
        Ok(guarded(&self.0.journal)?.map(|entries| {
            entries
                .into_iter()
                .map(|e| JournalEntry {
                    kind: e.kind,
                    status: e.status,
                    days: e.days,
                    public_text: e.public_text,
                    internal_text: e.internal_text,
                    actor: e.actor,
                    at: e.at,
                })
                .collect()
        }))
    }
    /// Version for `expectedVersion`: every change raises it.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// What the caller may do with it.
    async fn permissions(&self) -> CasePermissions {
        let a = self.0.access;
        CasePermissions {
            update: a.update,
            decide: a.decide,
            add_note: a.note,
            assign: a.assign,
        }
    }
    /// The other open or recently decided cases at the same address, and whether decisions
    /// there disagree (staff).
    async fn integral_view(&self, ctx: &Context<'_>) -> Result<IntegralView> {
        let rctx = request_ctx(ctx)?;
        let view = ctx
            .data::<Cases>()?
            .integral_view(rctx, &self.0)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(IntegralView {
            cases: view
                .cases
                .into_iter()
                .map(|c| RelatedCase {
                    reference: c.reference,
                    case_type: c.case_type,
                    department: c.department,
                    status: c.status,
                    effect: c.effect.map(Into::into),
                    open: c.open,
                })
                .collect(),
            conflict: view.conflict,
            conflicting_departments: view.conflicting_departments,
        })
    }
}

/// Counts over every case a list matches, not only the page.
#[derive(SimpleObject)]
pub struct CaseCounts {
    /// How many cases match.
    total_count: u64,
    /// How many of them are open and past their deadline.
    overdue_count: u64,
}

/// A page of cases.
pub type CaseConnection = Connection<String, Case, CaseCounts, EmptyFields>;

/// A page of records as a connection.
pub(crate) fn connection(page: Page, found: CasePage) -> CaseConnection {
    let mut connection = Connection::with_additional_fields(
        page.offset > 0,
        found.has_next,
        CaseCounts {
            total_count: found.total,
            overdue_count: found.overdue,
        },
    );
    connection.edges.extend(
        found
            .cases
            .into_iter()
            .enumerate()
            .map(|(i, r)| Edge::new(encode_cursor(page.offset + i), Case(r))),
    );
    connection
}

/// The caller's own cases, newest first: `me.cases`.
pub async fn my_cases(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<CaseConnection> {
    let rctx = request_ctx(ctx)?;
    let page = super::query::page(first, after.as_deref())?;
    let found = ctx
        .data::<Cases>()?
        .my_cases(rctx, page)
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(connection(page, found))
}

/// Every case of one resident the caller may read, across departments, open and closed,
/// newest first: the case half of the front office's 360° view.
pub async fn resident_cases(
    ctx: &Context<'_>,
    subject: String,
    first: Option<i32>,
    after: Option<String>,
) -> Result<CaseConnection> {
    let rctx = request_ctx(ctx)?;
    let page = super::query::page(first, after.as_deref())?;
    let filter = crate::CaseFilter {
        subject: Some(subject),
        include_closed: true,
        order: crate::Order::Newest,
        ..Default::default()
    };
    let found = ctx
        .data::<Cases>()?
        .list(rctx, &filter, page, "answer a resident's question")
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(connection(page, found))
}
