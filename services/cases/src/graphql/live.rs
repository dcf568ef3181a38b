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
    Actor, Ctx, ErrorCode, TenantId,
    graphql::{field_error, gql_error, request_ctx, to_gql},
};
use loket_store::{
    Feed, FeedEvent,
    feed::{FeedReceiver, next_event},
};
use uuid::Uuid;

use super::{case::Case, query::case_key};
use crate::{CaseError, CaseKey, Cases, TypeAccess};

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

impl CaseUpdateKind {
    /// The kind of an outbox event, `None` for events that are not case updates.
    fn of_event(kind: &str) -> Option<Self> {
        Some(match kind.strip_prefix("case.")? {
            "created" => Self::Created,
            "status_changed" => Self::StatusChanged,
            "decided" => Self::Decided,
            "note_added" => Self::NoteAdded,
            "assigned" => Self::Assigned,
            "suspended" => Self::Suspended,
            "extended" => Self::Extended,
            _ => return None,
        })
    }

    /// Whether a subscriber with `access` to the case may learn that this happened.
    fn shown_with(self, access: &TypeAccess) -> bool {
        match self {
            Self::NoteAdded => access.internal_notes,
            Self::Assigned => access.assignment,
            Self::StatusChanged => access.status,
            // The deadline and closing date are part of every reader's view.
            Self::Created | Self::Decided | Self::Suspended | Self::Extended => access.read,
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
        let follower = Follower {
            ctx: rctx.clone(),
            cases: ctx.data::<Cases>()?.clone(),
            receiver: ctx.data::<Feed>()?.subscribe(),
            only,
        };
        Ok(stream::unfold(follower, |mut follower| async move {
            let update = follower.next().await?;
            Some((update, follower))
        }))
    }
}

/// One subscriber's view of the feed.
struct Follower {
    ctx: Ctx,
    cases: Cases,
    receiver: FeedReceiver,
    /// The one case asked for, if any.
    only: Option<(TenantId, Uuid)>,
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
        let Some(kind) = CaseUpdateKind::of_event(&event.kind) else {
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
        match self.cases.find(&self.ctx, &key, PURPOSE).await {
            Ok(record) if kind.shown_with(&record.access) => Ok(Some(CaseUpdate {
                kind,
                at: event.created_at,
                case: Case(record),
            })),
            Ok(_) | Err(CaseError::NotFound | CaseError::Forbidden(_)) => Ok(None),
            Err(e) => Err(to_gql(&e)),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_event_has_a_kind_and_others_none() {
        for (event, kind) in [
            ("case.created", CaseUpdateKind::Created),
            ("case.status_changed", CaseUpdateKind::StatusChanged),
            ("case.decided", CaseUpdateKind::Decided),
            ("case.note_added", CaseUpdateKind::NoteAdded),
            ("case.assigned", CaseUpdateKind::Assigned),
            ("case.suspended", CaseUpdateKind::Suspended),
            ("case.extended", CaseUpdateKind::Extended),
        ] {
            assert_eq!(CaseUpdateKind::of_event(event), Some(kind), "{event}");
        }
        assert_eq!(CaseUpdateKind::of_event("subscription.created"), None);
        assert_eq!(CaseUpdateKind::of_event("case.archived"), None);
    }

    #[test]
    fn internal_kinds_need_internal_access() {
        let reader = TypeAccess {
            read: true,
            status: true,
            ..TypeAccess::default()
        };
        assert!(CaseUpdateKind::StatusChanged.shown_with(&reader));
        assert!(CaseUpdateKind::Decided.shown_with(&reader));
        assert!(!CaseUpdateKind::NoteAdded.shown_with(&reader));
        assert!(!CaseUpdateKind::Assigned.shown_with(&reader));
        let staff = TypeAccess {
            internal_notes: true,
            assignment: true,
            ..reader
        };
        assert!(CaseUpdateKind::NoteAdded.shown_with(&staff));
        assert!(CaseUpdateKind::Assigned.shown_with(&staff));
    }
}
