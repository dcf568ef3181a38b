//! What a caller may see of the cases of one case type, and the one function that decides
//! what a subscriber may learn of a case event ([`may_learn`]): the live `caseUpdated`
//! subscription, webhooks, e-mail and text messages all ask it, so a subscriber never learns
//! through a notification what a read would not show them.

use crate::{Action, Actor, Confidentiality, Ctx, TenantId};

/// The facts of a case type that access depends on.
pub trait CaseTypeFacts {
    /// Its code, the policy path `case/<code>`.
    fn code(&self) -> &str;
    /// Its confidentiality level.
    fn confidentiality(&self) -> Confidentiality;
    /// The tenant whose staff handle it.
    fn handled_by(&self) -> &TenantId;
}

impl<T: CaseTypeFacts + ?Sized> CaseTypeFacts for std::sync::Arc<T> {
    fn code(&self) -> &str {
        (**self).code()
    }
    fn confidentiality(&self) -> Confidentiality {
        (**self).confidentiality()
    }
    fn handled_by(&self) -> &TenantId {
        (**self).handled_by()
    }
}

/// What the caller may do with cases of one type in one domain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseAccess {
    /// See that the case exists, its type, dates and reference.
    pub read: bool,
    /// Its current status and timeline.
    pub status: bool,
    /// Its decision.
    pub outcome: bool,
    /// Public explanations with status changes.
    pub public_notes: bool,
    /// Internal notes, internal remarks and who did what.
    pub internal_notes: bool,
    /// Who handles it.
    pub assignment: bool,
    /// Who reported it and how to reach them (reports about public space).
    pub reporters: bool,
    /// Start a new case.
    pub create: bool,
    /// Change its status, suspend or extend it.
    pub update: bool,
    /// Decide it.
    pub decide: bool,
    /// Add internal notes.
    pub note: bool,
    /// Assign a handler.
    pub assign: bool,
}

impl CaseAccess {
    /// Decides for `case_type` in `domain`. Staff and apps see case types up to their
    /// confidentiality ceiling; only the tenant that handles a case type (itself, or a
    /// collaboration's host) may change its cases. A citizen's access still needs the case to
    /// be their own.
    pub fn decide(ctx: &Ctx, domain: &TenantId, case_type: &impl CaseTypeFacts) -> Self {
        let Some(caps) = ctx.capabilities_in(domain) else {
            return Self::default();
        };
        let (own_domain, within_ceiling) = match ctx.actor() {
            Actor::Citizen { .. } => (domain == ctx.tenant(), true),
            Actor::Anonymous => (false, false),
            Actor::Employee { .. } | Actor::App { .. } => {
                (true, caps.ceiling() >= Some(case_type.confidentiality()))
            }
        };
        if !own_domain {
            return Self::default();
        }
        let code = case_type.code();
        let allows = |suffix: &str, action| caps.allows(&format!("case/{code}{suffix}"), action);
        // Starting a case on a resident's behalf does not need the right to read it back:
        // the counter may start a medical case it may not look into.
        let create = allows("", Action::Create);
        if !within_ceiling {
            return Self {
                create,
                ..Self::default()
            };
        }
        let read = allows("", Action::Read);
        let handles = case_type.handled_by() == ctx.tenant();
        let works = read && handles && !matches!(ctx.actor(), Actor::Citizen { .. });
        Self {
            read,
            status: read && allows("/status", Action::Read),
            outcome: read && allows("/outcome", Action::Read),
            public_notes: read && allows("/public-notes", Action::Read),
            internal_notes: read && allows("/internal-notes", Action::Read),
            assignment: read && allows("/assignment", Action::Read),
            reporters: read && allows("/reporters", Action::Read),
            create,
            update: works && allows("/status", Action::Update),
            decide: works && allows("", Action::Decide),
            note: works && allows("/internal-notes", Action::Create),
            assign: works && allows("/assignment", Action::Update),
        }
    }
}

/// What happened to a case: the outbox event `case.<kind>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseEventKind {
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

impl CaseEventKind {
    /// The kind of an outbox event, `None` for events that are not case events.
    pub fn of_event(kind: &str) -> Option<Self> {
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
}

/// What a subscriber may learn of one case event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disclosure {
    /// That it happened at all, with the case's reference, type and dates.
    pub event: bool,
    /// The status reached.
    pub status: bool,
    /// The outcome and its effect.
    pub outcome: bool,
    /// The handler.
    pub assignment: bool,
}

/// The one decision of what a subscriber with `access` to a case may learn of an event of
/// `kind` about it: nothing when they may not read the case, or when the kind itself reveals
/// what they may not read (an internal note, an assignment, a status); otherwise the event,
/// with each part as far as their access goes.
pub fn may_learn(kind: CaseEventKind, access: &CaseAccess) -> Disclosure {
    let event = access.read
        && match kind {
            CaseEventKind::NoteAdded => access.internal_notes,
            CaseEventKind::Assigned => access.assignment,
            CaseEventKind::StatusChanged => access.status,
            // The deadline and closing date are part of every reader's view.
            CaseEventKind::Created
            | CaseEventKind::Decided
            | CaseEventKind::Suspended
            | CaseEventKind::Extended => true,
        };
    Disclosure {
        event,
        status: event && access.status,
        outcome: event && access.outcome,
        assignment: event && access.assignment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_event_has_a_kind_and_others_none() {
        for (event, kind) in [
            ("case.created", CaseEventKind::Created),
            ("case.status_changed", CaseEventKind::StatusChanged),
            ("case.decided", CaseEventKind::Decided),
            ("case.note_added", CaseEventKind::NoteAdded),
            ("case.assigned", CaseEventKind::Assigned),
            ("case.suspended", CaseEventKind::Suspended),
            ("case.extended", CaseEventKind::Extended),
        ] {
            assert_eq!(CaseEventKind::of_event(event), Some(kind), "{event}");
        }
        assert_eq!(CaseEventKind::of_event("subscription.created"), None);
        assert_eq!(CaseEventKind::of_event("case.archived"), None);
    }

    #[test]
    fn kinds_that_reveal_internal_parts_need_access_to_them() {
        let reader = CaseAccess {
            read: true,
            status: true,
            ..CaseAccess::default()
        };
        assert!(may_learn(CaseEventKind::StatusChanged, &reader).event);
        let decided = may_learn(CaseEventKind::Decided, &reader);
        assert!(decided.event && !decided.outcome);
        assert!(!may_learn(CaseEventKind::NoteAdded, &reader).event);
        assert!(!may_learn(CaseEventKind::Assigned, &reader).event);
        let staff = CaseAccess {
            internal_notes: true,
            assignment: true,
            outcome: true,
            ..reader
        };
        assert!(may_learn(CaseEventKind::NoteAdded, &staff).event);
        assert!(may_learn(CaseEventKind::Assigned, &staff).assignment);
        assert!(may_learn(CaseEventKind::Decided, &staff).outcome);
        let nobody = CaseAccess::default();
        assert_eq!(
            may_learn(CaseEventKind::Created, &nobody),
            Disclosure {
                event: false,
                status: false,
                outcome: false,
                assignment: false
            }
        );
    }
}
