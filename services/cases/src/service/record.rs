//! What the case service returns: a case with each part visible or refused for the caller.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{Guarded, TenantId};
use uuid::Uuid;

use super::{access::TypeAccess, read::ReadAs};
use crate::{
    CaseType, Effect,
    entity::{case, event},
};

/// The current status.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusRecord {
    /// Status code.
    pub code: String,
    /// Public name.
    pub name: String,
    /// What it means for the resident.
    pub explanation: String,
    /// Since when.
    pub since: DateTime<Utc>,
    /// Whether it ends the case.
    pub end: bool,
}

/// One step of the public timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRecord {
    /// Status code.
    pub code: String,
    /// Public name.
    pub name: String,
    /// When the case reached it.
    pub at: DateTime<Utc>,
    /// The explanation for the resident: what the handler wrote, or the status's own.
    pub explanation: Guarded<String>,
}

/// A decision.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionRecord {
    /// Outcome code.
    pub outcome: String,
    /// Outcome's public name.
    pub name: String,
    /// Granted, refused or neither.
    pub effect: Effect,
    /// The explanation given with it.
    pub explanation: String,
    /// When.
    pub decided_at: DateTime<Utc>,
    /// Who decided (internal).
    pub decided_by: Guarded<String>,
}

/// An internal note.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteRecord {
    /// The text.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// One entry of the internal journal: every change, with who made it.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalRecord {
    /// `created`, `status`, `note`, `assigned`, `suspended`, `extended` or `decided`.
    pub kind: String,
    /// The status reached, for status changes.
    pub status: Option<String>,
    /// Days, for suspensions and extensions.
    pub days: Option<i32>,
    /// Public explanation given with it.
    pub public_text: Option<String>,
    /// Internal remark or reason.
    pub internal_text: Option<String>,
    /// Who.
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A case as the caller may see it.
#[derive(Debug, Clone)]
pub struct CaseRecord {
    /// The tenant that owns the case: where its subject lives.
    pub domain: TenantId,
    /// Id.
    pub id: Uuid,
    /// Readable reference, for example `ENS-2026-000123`.
    pub reference: String,
    /// Its type as the owner tenant defines it.
    pub case_type: Arc<CaseType>,
    /// The tenant whose staff handle it.
    pub handling_tenant: String,
    /// The request it came with.
    pub bundle_id: Uuid,
    /// The resident the case is about.
    pub subject_bsn: String,
    /// BAG id of the location.
    pub address_id: Option<String>,
    /// The location as one line.
    pub location: Option<String>,
    /// What the resident asked.
    pub description: Option<String>,
    /// Where a report is (WGS84 latitude, longitude); none for applications.
    pub position: Option<(f64, f64)>,
    /// A report's answers to its category's form fields, by field code.
    pub attributes: Vec<(String, String)>,
    /// How it came in.
    pub channel: String,
    /// When it came in.
    pub created_at: DateTime<Utc>,
    /// Decide by.
    pub deadline: NaiveDate,
    /// The legal period when it came in.
    pub handling_days: i32,
    /// Days suspended so far.
    pub suspended_days: i32,
    /// Days extended so far.
    pub extended_days: i32,
    /// When it ended.
    pub closed_at: Option<DateTime<Utc>>,
    /// Optimistic-concurrency version; every change raises it.
    pub version: i32,
    /// Current status.
    pub status: Guarded<StatusRecord>,
    /// Public timeline, oldest first.
    pub timeline: Guarded<Vec<TimelineRecord>>,
    /// The decision, once taken.
    pub decision: Guarded<Option<DecisionRecord>>,
    /// Who handles it.
    pub handler: Guarded<Option<String>>,
    /// Internal notes, oldest first.
    pub notes: Guarded<Vec<NoteRecord>>,
    /// Internal journal, oldest first.
    pub journal: Guarded<Vec<JournalRecord>>,
    /// What the caller may do with it.
    pub access: TypeAccess,
    /// Why it was read, for the processing log of what the caller goes on to read of it.
    pub read_as: ReadAs,
    /// Its reads were logged before its fields resolve (a live update), not as they do.
    pub logged_ahead: bool,
}

impl CaseRecord {
    /// Builds the caller's view of `row` with its journal `events` (oldest first).
    pub(crate) fn build(
        domain: TenantId,
        case_type: Arc<CaseType>,
        row: case::Model,
        events: &[event::Model],
        access: TypeAccess,
        read_as: ReadAs,
    ) -> Self {
        let status_type = case_type.status(&row.status);
        let status = Guarded::when(access.status, "case/*/status", || StatusRecord {
            code: row.status.clone(),
            name: status_type.map_or_else(|| row.status.clone(), |s| s.name.clone()),
            explanation: status_type
                .map(|s| s.explanation.clone())
                .unwrap_or_default(),
            since: row.status_since,
            end: status_type.is_some_and(|s| s.end),
        });
        let timeline = Guarded::when(access.status, "case/*/status", || {
            events
                .iter()
                .filter_map(|e| {
                    let st = case_type.status(e.status.as_deref()?)?;
                    Some(TimelineRecord {
                        code: st.code.clone(),
                        name: st.name.clone(),
                        at: e.at,
                        explanation: Guarded::when(
                            access.public_notes,
                            "case/*/public-notes",
                            || {
                                e.public_text
                                    .clone()
                                    .unwrap_or_else(|| st.explanation.clone())
                            },
                        ),
                    })
                })
                .collect()
        });
        let decision = Guarded::when(access.outcome, "case/*/outcome", || {
            let outcome = row.outcome.as_deref()?;
            let known = case_type.outcome(outcome);
            Some(DecisionRecord {
                outcome: outcome.to_owned(),
                name: known.map_or_else(|| outcome.to_owned(), |o| o.name.clone()),
                effect: known.map_or(Effect::Neutral, |o| o.effect),
                explanation: row.decision_explanation.clone().unwrap_or_default(),
                decided_at: row.decided_at.unwrap_or(row.status_since),
                decided_by: Guarded::when(access.internal_notes, "case/*/internal-notes", || {
                    row.decided_by.clone().unwrap_or_default()
                }),
            })
        });
        let handler = Guarded::when(access.assignment, "case/*/assignment", || {
            row.handler.clone()
        });
        let notes = Guarded::when(access.internal_notes, "case/*/internal-notes", || {
            events
                .iter()
                .filter(|e| e.kind == "note")
                .map(|e| NoteRecord {
                    text: e.internal_text.clone().unwrap_or_default(),
                    author: e.actor.clone(),
                    at: e.at,
                })
                .collect()
        });
        let journal = Guarded::when(access.internal_notes, "case/*/internal-notes", || {
            events
                .iter()
                .map(|e| JournalRecord {
                    kind: e.kind.clone(),
                    status: e.status.clone(),
                    days: e.days,
                    public_text: e.public_text.clone(),
                    internal_text: e.internal_text.clone(),
                    actor: e.actor.clone(),
                    at: e.at,
                })
                .collect()
        });
        Self {
            domain,
            id: row.id,
            reference: row.reference,
            case_type,
            handling_tenant: row.handling_tenant,
            bundle_id: row.bundle_id,
            subject_bsn: row.subject_bsn,
            address_id: row.address_id,
            location: row.location,
            description: row.description,
            position: row.lat.zip(row.lon),
            attributes: row
                .attributes
                .as_deref()
                .and_then(|a| {
                    serde_json::from_str::<std::collections::BTreeMap<String, String>>(a).ok()
                })
                .map(|m| m.into_iter().collect())
                .unwrap_or_default(),
            channel: row.channel,
            created_at: row.created_at,
            deadline: row.deadline,
            handling_days: row.handling_days,
            suspended_days: row.suspended_days,
            extended_days: row.extended_days,
            closed_at: row.closed_at,
            version: row.version,
            status,
            timeline,
            decision,
            handler,
            notes,
            journal,
            access,
            read_as,
            logged_ahead: false,
        }
    }

    /// Whether the deadline has passed while the case is open.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.closed_at.is_none() && self.deadline < today
    }
}
