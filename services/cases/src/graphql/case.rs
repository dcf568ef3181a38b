//! The `Case` type: a case as far as the caller may see it. Parts the tenant's policy refuses
//! are `null` with a `FORBIDDEN` error at their path.

use async_graphql::{
    Context, ID, Object, Result, SimpleObject,
    connection::{Connection, Edge, EmptyFields},
    dataloader::DataLoader,
};
use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{
    calendar::Calendar,
    global_id,
    graphql::{connection_items, guarded, to_gql},
    page::Page,
};
use loket_store::graphql::{record, request};

use super::{
    case_type::{CaseTypeInfo, GqlEffect},
    report::GeoPoint,
};
use crate::{Around, CasePage, CasePosition, CaseRecord, Cases, ReadAs, Want, days_in_step};

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

/// An answer to a report category's question.
#[derive(SimpleObject)]
pub struct ReportAnswer {
    /// The question's code.
    code: String,
    /// The question.
    question: String,
    /// The answer.
    value: String,
}

/// Someone who reported, or followed, a report about public space.
#[derive(SimpleObject)]
pub struct Reporter {
    /// Id.
    id: String,
    /// Whether they logged in.
    logged_in: bool,
    /// Name, if given and not yet removed.
    name: Option<String>,
    /// E-mail address, if given and not yet removed.
    email: Option<String>,
    /// Mobile number, if given and not yet removed.
    phone: Option<String>,
    /// When they filed or followed it.
    joined_at: DateTime<Utc>,
    /// Their answer to the satisfaction question, once given.
    satisfied: Option<bool>,
    /// Whether their contact details were removed (a set time after the report ended).
    details_removed: bool,
}

/// A photo sent with a report about public space; never public.
#[derive(SimpleObject)]
pub struct ReportPhoto {
    /// Id.
    id: String,
    /// Media type (`image/jpeg` or `image/png`).
    content_type: String,
    /// Size in bytes.
    bytes: i64,
    /// When it was sent.
    created_at: DateTime<Utc>,
    /// Where to fetch it, with the same bearer token (relative to the API's origin).
    url: String,
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

/// The field group of the subject's data each field of a case shows, for the processing log.
const GROUPS: &[(&str, &str)] = &[
    ("reference", "case"),
    ("case_type", "case"),
    ("owner_tenant", "case"),
    ("handling_tenant", "case"),
    ("bundle_id", "case"),
    ("channel", "case"),
    ("submitted_at", "case"),
    ("deadline", "case"),
    ("expected_completion", "case"),
    ("overdue", "case"),
    ("suspended_days", "case"),
    ("extended_days", "case"),
    ("closed_at", "case"),
    ("version", "case"),
    ("subject_bsn", "person/bsn"),
    ("address_id", "case/location"),
    ("location", "case/location"),
    ("description", "case/description"),
    ("photos", "case/description"),
    ("reporters", "case/reporters"),
    ("status", "case/status"),
    ("timeline", "case/status"),
    ("publicNotes", "case/public-notes"),
    ("decision", "case/outcome"),
    ("handler", "case/assignment"),
    ("notes", "case/internal-notes"),
    ("journal", "case/internal-notes"),
];

fn group_of(field: &str) -> &'static str {
    GROUPS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("case", |(_, g)| g)
}

impl Case {
    /// Notes that the caller read `field` of this case, as it resolves; a case whose reads
    /// were logged ahead (a live update) is not logged twice.
    fn read(&self, ctx: &Context<'_>, field: &str) -> Result<()> {
        if self.0.logged_ahead {
            return Ok(());
        }
        let how = self.0.read_as;
        record(
            ctx,
            &self.0.subject_bsn,
            how.operation,
            how.purpose,
            group_of(field),
        )
    }
}

/// The field groups the selected fields of a case (by their GraphQL names) read, as far as
/// the caller may see them: what a live update logs ahead, before its fields resolve.
pub(crate) fn selected_groups_by_name(
    selected: &[String],
    record: &CaseRecord,
) -> Vec<&'static str> {
    let visible = |group: &str| match group {
        "case/status" => record.status.is_visible(),
        "case/public-notes" => record.status.is_visible() && record.access.public_notes,
        "case/outcome" => record.decision.is_visible(),
        "case/assignment" => record.handler.is_visible(),
        "case/internal-notes" => record.notes.is_visible(),
        "case/reporters" => record.access.reporters,
        _ => true,
    };
    let mut groups: Vec<&'static str> = GROUPS
        .iter()
        .filter(|(field, _)| {
            let name = if *field == "publicNotes" {
                "timeline".to_owned()
            } else {
                to_camel(field)
            };
            selected.contains(&name)
        })
        .map(|(_, group)| *group)
        .filter(|group| visible(group))
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups
}

fn to_camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// What a list of cases needs loaded beyond the rows, from the fields the query selects.
pub(crate) fn want(selections: &[async_graphql::Lookahead<'_>]) -> Want {
    let asks = |field: &str| selections.iter().any(|s| s.field(field).exists());
    Want {
        events: asks("timeline") || asks("notes") || asks("journal"),
    }
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
    async fn reference(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx, "reference")?;
        Ok(&self.0.reference)
    }
    /// Its type.
    async fn case_type(&self, ctx: &Context<'_>) -> Result<CaseTypeInfo> {
        self.read(ctx, "case_type")?;
        Ok(CaseTypeInfo(std::sync::Arc::clone(&self.0.case_type)))
    }
    /// The municipality the case belongs to (where its subject lives).
    async fn owner_tenant(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx, "owner_tenant")?;
        Ok(self.0.domain.as_str())
    }
    /// The municipality whose staff handle it.
    async fn handling_tenant(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx, "handling_tenant")?;
        Ok(&self.0.handling_tenant)
    }
    /// Global id of the request it came with; cases asked for together share it.
    async fn bundle_id(&self, ctx: &Context<'_>) -> Result<ID> {
        self.read(ctx, "bundle_id")?;
        Ok(ID(global_id::encode(
            "Bundle",
            &format!("{}/{}", self.0.domain, self.0.bundle_id),
        )))
    }
    /// The resident's BSN.
    async fn subject_bsn(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx, "subject_bsn")?;
        Ok(&self.0.subject_bsn)
    }
    /// BAG id of the location.
    async fn address_id(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx, "address_id")?;
        Ok(self.0.address_id.as_deref())
    }
    /// The location on one line.
    async fn location(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx, "location")?;
        Ok(self.0.location.as_deref())
    }
    /// What the resident asked.
    async fn description(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx, "description")?;
        Ok(self.0.description.as_deref())
    }
    /// Where a report about public space is (exact; none for applications).
    async fn position(&self, ctx: &Context<'_>) -> Result<Option<GeoPoint>> {
        self.read(ctx, "location")?;
        Ok(self.0.position.map(GeoPoint::new))
    }
    /// The photos sent with a report (staff who may read it; without metadata).
    async fn photos(&self, ctx: &Context<'_>) -> Result<Vec<ReportPhoto>> {
        self.read(ctx, "photos")?;
        let (_, session) = request(ctx)?;
        let domain = self.0.domain.clone();
        Ok(ctx
            .data::<Cases>()?
            .photos_of(session, &self.0)
            .await
            .map_err(|e| to_gql(&e))?
            .into_iter()
            .map(|p| ReportPhoto {
                id: p.id.to_string(),
                url: format!("/reports/{domain}/photos/{}", p.id),
                content_type: p.content_type,
                bytes: p.bytes,
                created_at: p.created_at,
            })
            .collect())
    }
    /// A report's answers to its category's questions.
    async fn attributes(&self, ctx: &Context<'_>) -> Result<Vec<ReportAnswer>> {
        self.read(ctx, "description")?;
        let fields = self
            .0
            .case_type
            .report
            .as_ref()
            .map(|r| r.fields.as_slice())
            .unwrap_or_default();
        Ok(self
            .0
            .attributes
            .iter()
            .map(|(code, value)| ReportAnswer {
                code: code.clone(),
                question: fields
                    .iter()
                    .find(|f| &f.code == code)
                    .map_or_else(|| code.clone(), |f| f.name.clone()),
                value: value.clone(),
            })
            .collect())
    }
    /// Who reported it and how to reach them (reports about public space; staff whose role
    /// may read `case/<category>/reporters`).
    async fn reporters(&self, ctx: &Context<'_>) -> Result<Vec<Reporter>> {
        self.read(ctx, "reporters")?;
        let (rctx, session) = request(ctx)?;
        Ok(ctx
            .data::<Cases>()?
            .reporters_of(rctx, session, &self.0)
            .await
            .map_err(|e| to_gql(&e))?
            .into_iter()
            .map(|r| Reporter {
                id: r.id.to_string(),
                logged_in: r.logged_in,
                name: r.name,
                email: r.email,
                phone: r.phone,
                joined_at: r.joined_at,
                satisfied: r.satisfied,
                details_removed: r.anonymised_at.is_some(),
            })
            .collect())
    }
    /// How it came in: `online`, `counter`, `phone`, `email`, `letter` or `app`.
    async fn channel(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx, "channel")?;
        Ok(&self.0.channel)
    }
    /// When it came in.
    async fn submitted_at(&self, ctx: &Context<'_>) -> Result<DateTime<Utc>> {
        self.read(ctx, "submitted_at")?;
        Ok(self.0.created_at)
    }
    /// Where it stands.
    async fn status(&self, ctx: &Context<'_>) -> Result<Option<CaseStatus>> {
        if self.0.status.is_visible() {
            self.read(ctx, "status")?;
        }
        let today = Calendar::today();
        Ok(guarded(&self.0.status)?.map(|s| CaseStatus {
            days_in_step: days_in_step(Calendar::local_date(s.since), today),
            code: s.code,
            name: s.name,
            explanation: s.explanation,
            since: s.since,
            end: s.end,
        }))
    }
    /// The steps so far, oldest first, as the resident sees them.
    async fn timeline(&self, ctx: &Context<'_>) -> Result<Option<Vec<TimelineEntry>>> {
        if self.0.timeline.is_visible() {
            self.read(ctx, "timeline")?;
            if self.0.access.public_notes && ctx.look_ahead().field("explanation").exists() {
                self.read(ctx, "publicNotes")?;
            }
        }
        Ok(guarded(&self.0.timeline)?.map(|t| t.into_iter().map(TimelineEntry).collect()))
    }
    /// The legal deadline: receipt plus the handling period plus suspensions and extensions.
    async fn deadline(&self, ctx: &Context<'_>) -> Result<NaiveDate> {
        self.read(ctx, "deadline")?;
        Ok(self.0.deadline)
    }
    /// When the resident may expect a decision: the deadline while open, the day of the
    /// decision once closed.
    async fn expected_completion(&self, ctx: &Context<'_>) -> Result<NaiveDate> {
        self.read(ctx, "expected_completion")?;
        Ok(self
            .0
            .closed_at
            .map_or(self.0.deadline, Calendar::local_date))
    }
    /// Open and past its deadline.
    async fn overdue(&self, ctx: &Context<'_>) -> Result<bool> {
        self.read(ctx, "overdue")?;
        Ok(self.0.overdue(Calendar::today()))
    }
    /// Days suspended so far.
    async fn suspended_days(&self, ctx: &Context<'_>) -> Result<i32> {
        self.read(ctx, "suspended_days")?;
        Ok(self.0.suspended_days)
    }
    /// Days extended so far.
    async fn extended_days(&self, ctx: &Context<'_>) -> Result<i32> {
        self.read(ctx, "extended_days")?;
        Ok(self.0.extended_days)
    }
    /// When it was closed.
    async fn closed_at(&self, ctx: &Context<'_>) -> Result<Option<DateTime<Utc>>> {
        self.read(ctx, "closed_at")?;
        Ok(self.0.closed_at)
    }
    /// The decision, once taken.
    async fn decision(&self, ctx: &Context<'_>) -> Result<Option<Decision>> {
        if self.0.decision.is_visible() {
            self.read(ctx, "decision")?;
        }
        Ok(guarded(&self.0.decision)?.flatten().map(Decision))
    }
    /// The assigned handler.
    async fn handler(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        if self.0.handler.is_visible() {
            self.read(ctx, "handler")?;
        }
        Ok(guarded(&self.0.handler)?.flatten())
    }
    /// Internal notes (back office).
    async fn notes(&self, ctx: &Context<'_>) -> Result<Option<Vec<CaseNote>>> {
        if self.0.notes.is_visible() {
            self.read(ctx, "notes")?;
        }
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
    async fn journal(&self, ctx: &Context<'_>) -> Result<Option<Vec<JournalEntry>>> {
        if self.0.journal.is_visible() {
            self.read(ctx, "journal")?;
        }
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
    async fn version(&self, ctx: &Context<'_>) -> Result<i32> {
        self.read(ctx, "version")?;
        Ok(self.0.version)
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
        if self.0.logged_ahead {
            // A live update carries the case itself; what goes on around it is a query.
            return Err(loket_kernel::graphql::field_error(
                "integralView",
                "not in live updates: query the case for its integral view",
            ));
        }
        let (rctx, _) = request(ctx)?;
        let of = &self.0;
        let view = match Cases::integral_address(rctx, of).map_err(|e| to_gql(&e))? {
            None => crate::IntegralView::default(),
            Some(address) => {
                // One statement for every integral view in the response.
                let around = ctx
                    .data::<DataLoader<Around>>()?
                    .load_one((of.domain.clone(), address.to_owned()))
                    .await
                    .map_err(|e| to_gql(e.as_ref()))?
                    .unwrap_or_default();
                ctx.data::<Cases>()?.integral_view_of(rctx, of, &around.0)
            }
        };
        // Each related case shown is a read of its subject's data.
        let shown = ctx.look_ahead().field("cases");
        if shown.exists() {
            let groups = [
                (true, "case"),
                (shown.field("status").exists(), "case/status"),
                (shown.field("effect").exists(), "case/outcome"),
            ];
            for related in &view.cases {
                for (_, group) in groups.iter().filter(|(selected, _)| *selected) {
                    record(
                        ctx,
                        &related.subject_bsn,
                        "integralView",
                        "coordinate decisions at one address",
                        group,
                    )?;
                }
            }
        }
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
pub(crate) fn connection(page: &Page<CasePosition>, found: CasePage) -> CaseConnection {
    let mut connection = Connection::with_additional_fields(
        page.after.is_some(),
        found.has_next,
        CaseCounts {
            total_count: found.total,
            overdue_count: found.overdue,
        },
    );
    let order = found.order;
    connection.edges.extend(
        found
            .cases
            .into_iter()
            .map(|r| Edge::new(CasePosition::cursor(&r, order), Case(r))),
    );
    connection
}

/// The caller's own cases, newest first: `me.cases`.
pub async fn my_cases(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<CaseConnection> {
    let (rctx, session) = request(ctx)?;
    let page = super::query::page(first, after.as_deref())?;
    let want = want(&connection_items(&ctx.look_ahead()));
    let found = ctx
        .data::<Cases>()?
        .my_cases(rctx, session, page, want)
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(connection(&page, found))
}

/// Every case of one resident the caller may read, across departments, open and closed,
/// newest first: the case half of the front office's 360° view.
pub async fn resident_cases(
    ctx: &Context<'_>,
    subject: String,
    first: Option<i32>,
    after: Option<String>,
) -> Result<CaseConnection> {
    let (rctx, session) = request(ctx)?;
    let page = super::query::page(first, after.as_deref())?;
    let filter = crate::CaseFilter {
        subject: Some(subject),
        include_closed: true,
        order: crate::Order::Newest,
        ..Default::default()
    };
    let read_as = ReadAs {
        operation: "residentView",
        purpose: "answer a resident's question",
    };
    let want = want(&connection_items(&ctx.look_ahead()));
    let found = ctx
        .data::<Cases>()?
        .list(rctx, session, &filter, page, want, read_as)
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(connection(&page, found))
}
