//! The `caseUpdated` subscription: changes to cases as they happen, from the outbox through
//! the store's live [`Feed`], so every gateway replica delivers changes made on any other.
//!
//! Who receives what is the policy of the `case` query, applied per event with the
//! subscriber's own [`Ctx`]:
//! - a resident, updates of their own cases (the event's subject is their BSN, in their
//!   municipality);
//! - staff and apps, updates of the cases they may read in their own municipality and in the
//!   member municipalities of a collaboration their municipality hosts;
//! - anonymous callers, an `UNAUTHENTICATED` error.
//!
//! Every candidate case is loaded through [`Cases::find`], as `case(id:)` does, so a case out
//! of reach is skipped silently and the `case` field shows exactly the parts the subscriber may
//! see, with the read written to the processing log. An update whose kind reveals something
//! the subscriber may not read is not delivered either: `NOTE_ADDED` goes only to those who
//! may read internal notes, `ASSIGNED` only to those who may see the assignment, and
//! `STATUS_CHANGED` only to those who may see the status.

use async_graphql::{
    Context, Enum, ID, Object, Result, Subscription,
    futures_util::{Stream, stream},
};
use chrono::{DateTime, Utc};
use loket_kernel::{
    Actor, Bsn, Ctx, ErrorCode, TenantId,
    disclosure::{CaseEventKind, may_learn},
    graphql::{field_error, gql_error, request_ctx, to_gql},
};
use loket_store::{
    Db, Feed, FeedEvent, Mode,
    feed::{FeedReceiver, next_event},
    processing_log::Processing,
};
use uuid::Uuid;

use super::{
    case::{Case, selected_groups_by_name, want},
    query::case_key,
};
use crate::{CaseError, CaseKey, CaseRecord, Cases, ReadAs, TypeAccess, Want};

/// The groups `selection` reads of `record`.
fn logged_groups(selection: &SelectionGroups, record: &CaseRecord) -> Vec<&'static str> {
    selected_groups_by_name(&selection.0, record)
}

/// The purpose written to the processing log for every case a subscriber is shown.
const PURPOSE: &str = "follow a case as it changes";

/// Subscription root for cases.
#[derive(Default)]
pub struct CasesSubscription;

/// What happened to a case: the outbox event `case.<kind>`.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseUpdateKind {
    /// The case came in.
    Created,
    /// It moved to another status.
    StatusChanged,
    /// It was decided (and so closed).
    Decided,
    /// An internal note was added.
    NoteAdded,
    /// A handler was assigned.
    Assigned,
    /// Its deadline was suspended.
    Suspended,
    /// Its deadline was extended.
    Extended,
}

impl From<CaseEventKind> for CaseUpdateKind {
    fn from(kind: CaseEventKind) -> Self {
        match kind {
            CaseEventKind::Created => Self::Created,
            CaseEventKind::StatusChanged => Self::StatusChanged,
            CaseEventKind::Decided => Self::Decided,
            CaseEventKind::NoteAdded => Self::NoteAdded,
            CaseEventKind::Assigned => Self::Assigned,
            CaseEventKind::Suspended => Self::Suspended,
            CaseEventKind::Extended => Self::Extended,
        }
    }
}

/// One change to a case.
pub struct CaseUpdate {
    kind: CaseUpdateKind,
    at: DateTime<Utc>,
    case: Case,
}

#[Object]
impl CaseUpdate {
    /// What happened.
    async fn kind(&self) -> CaseUpdateKind {
        self.kind
    }
    /// When it happened.
    async fn at(&self) -> DateTime<Utc> {
        self.at
    }
    /// The case as it stands when the update is delivered (a change made just after may
    /// already show), with the parts the subscriber may see, as the `case` query gives it.
    async fn case(&self) -> &Case {
        &self.case
    }
}

#[Subscription]
impl CasesSubscription {
    /// Changes to the cases the caller may read, as they happen: a resident's own cases;
    /// for staff, the cases their policy lets them read. With `caseId`, only that case.
    /// Updates arrive while the connection is open (one written just before subscribing may
    /// arrive too); after reconnecting, query the cases again.
    async fn case_updated(
        &self,
        ctx: &Context<'_>,
        case_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<CaseUpdate>>> {
        let rctx = request_ctx(ctx)?;
        if matches!(rctx.actor(), Actor::Anonymous) {
            return Err(gql_error(
                ErrorCode::Unauthenticated,
                "log in to follow cases",
            ));
        }
        let only = match case_id.map(|id| case_key(&id)).transpose() {
            Ok(None) => None,
            Ok(Some(CaseKey::Id(tenant, id))) => Some((tenant, id)),
            Ok(Some(CaseKey::Reference(_))) | Err(_) => {
                return Err(field_error("caseId", "not a case id"));
            }
        };
        let selection = ctx.look_ahead().field("case");
        let follower = Follower {
            ctx: rctx.clone(),
            cases: ctx.data::<Cases>()?.clone(),
            db: ctx.data::<Db>()?.clone(),
            receiver: ctx.data::<Feed>()?.subscribe(),
            only,
            want: want(&[ctx.look_ahead().field("case")]),
            selection: SelectionGroups::of(selection),
        };
        Ok(stream::unfold(follower, |mut follower| async move {
            let update = follower.next().await?;
            Some((update, follower))
        }))
    }
}

/// The fields of `case` a subscription selects, kept to log each update's reads ahead.
struct SelectionGroups(Vec<String>);

impl SelectionGroups {
    fn of(selection: async_graphql::Lookahead<'_>) -> Self {
        Self(
            [
                "reference",
                "caseType",
                "ownerTenant",
                "handlingTenant",
                "bundleId",
                "subjectBsn",
                "addressId",
                "location",
                "description",
                "channel",
                "submittedAt",
                "status",
                "timeline",
                "deadline",
                "expectedCompletion",
                "overdue",
                "suspendedDays",
                "extendedDays",
                "closedAt",
                "decision",
                "handler",
                "notes",
                "journal",
                "version",
            ]
            .into_iter()
            .filter(|f| selection.field(f).exists())
            .map(str::to_owned)
            .collect(),
        )
    }
}

/// One subscriber's view of the feed.
struct Follower {
    ctx: Ctx,
    cases: Cases,
    db: Db,
    receiver: FeedReceiver,
    /// The one case asked for, if any.
    only: Option<(TenantId, Uuid)>,
    want: Want,
    selection: SelectionGroups,
}

impl Follower {
    /// The next update for this subscriber; `None` when the feed is gone.
    async fn next(&mut self) -> Option<Result<CaseUpdate>> {
        loop {
            let event = next_event(&mut self.receiver).await?;
            if let Some(update) = self.update(&event).await.transpose() {
                return Some(update);
            }
        }
    }

    /// The update `event` makes for this subscriber, `None` when it is none of theirs. A
    /// failure to load the case is reported (an `INTERNAL` error, logged once), so that a
    /// client knows to query again.
    async fn update(&self, event: &FeedEvent) -> Result<Option<CaseUpdate>> {
        let Some(kind) = CaseEventKind::of_event(&event.kind) else {
            return Ok(None);
        };
        let Some(case_id) = event
            .payload
            .get("caseId")
            .and_then(|v| v.as_str())
            .and_then(|v| Uuid::parse_str(v).ok())
        else {
            return Ok(None);
        };
        if !self.concerns(event, case_id) {
            return Ok(None);
        }
        let key = CaseKey::Id(event.tenant.clone(), case_id);
        // Each update is read in a transaction of its own, and what the subscription selects
        // of it is logged before it goes out.
        let session = self.db.session(self.ctx.tenant(), Mode::Read);
        let read_as = ReadAs {
            operation: "caseUpdated",
            purpose: PURPOSE,
        };
        let found = self
            .cases
            .find(&self.ctx, &session, &key, read_as, self.want)
            .await;
        let update = match found {
            Ok(mut record) if may_learn(kind, &record.access).event => {
                for group in logged_groups(&self.selection, &record) {
                    session.record(
                        &self.ctx,
                        Processing {
                            person: &match Bsn::new(record.subject_bsn.as_str()) {
                                Ok(bsn) => bsn,
                                Err(_) => break,
                            },
                            purpose: PURPOSE,
                            operation: "caseUpdated",
                            field_group: group,
                        },
                    );
                }
                record.logged_ahead = true;
                Ok(Some(CaseUpdate {
                    kind: kind.into(),
                    at: event.created_at,
                    case: Case(record),
                }))
            }
            Ok(_) | Err(CaseError::NotFound | CaseError::Forbidden(_)) => Ok(None),
            Err(e) => Err(to_gql(&e)),
        };
        if let Err(e) = session.finish(true).await {
            let e = CaseError::from(e);
            return Err(to_gql(&e));
        }
        update
    }

    /// Whether `event` may concern this subscriber, decided without the database: the case
    /// asked for, a domain the subscriber reaches, a resident's own case, a case type the
    /// subscriber may read. [`Cases::find`] still has the last word.
    fn concerns(&self, event: &FeedEvent, case_id: Uuid) -> bool {
        if let Some((tenant, id)) = &self.only
            && (tenant != &event.tenant || *id != case_id)
        {
            return false;
        }
        let ctx = &self.ctx;
        let reached =
            &event.tenant == ctx.tenant() || ctx.delegated_domains().any(|d| d == &event.tenant);
        if !reached {
            return false;
        }
        if let Actor::Citizen { bsn, .. } = ctx.actor() {
            let subject = event.payload.get("subject").and_then(|v| v.as_str());
            if &event.tenant != ctx.tenant() || subject != Some(bsn.as_str()) {
                return false;
            }
        }
        let code = event.payload.get("caseType").and_then(|v| v.as_str());
        code.and_then(|code| self.cases.types().get(&event.tenant, code))
            .is_some_and(|case_type| TypeAccess::decide(ctx, &event.tenant, case_type).read)
    }
}
