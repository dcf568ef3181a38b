//! Changing a case: status, decision, notes, assignment, suspension and extension. Each change
//! is checked against the case type and the caller's rights, applied only if the case still has
//! the version the caller saw, journaled, and announced in the outbox, all in one transaction.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{Ctx, calendar::Calendar, input};
use loket_store::{Session, TenantTx, outbox};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::{
    Cases,
    access::{TypeAccess, domains},
    deadline::deadline,
    read::{CaseKey, Raw, ReadAs, Want, is_own_or_staff},
    report::announce_change,
};
use crate::{
    CaseError, CaseRecord, CaseType,
    entity::{case, event},
};

/// Longest note, remark, reason or explanation.
const MAX_TEXT: usize = 4000;
/// The most days one suspension or extension may add (a case type's own maximum is lower).
const MAX_DAYS: u32 = 365;

/// A status change as the back office asks for it.
#[derive(Debug, Clone)]
pub struct StatusChange {
    /// The status to move to.
    pub status: String,
    /// Shown to the resident with the new status (else the status's own explanation).
    pub public_explanation: Option<String>,
    /// For colleagues only.
    pub internal_remark: Option<String>,
}

/// A change to a case.
#[derive(Debug, Clone)]
pub enum Change {
    /// Move to another status.
    Status(StatusChange),
    /// Decide: outcome and explanation; the case moves to its closing status.
    Decide {
        /// Outcome code.
        outcome: String,
        /// Why, for the resident.
        explanation: String,
    },
    /// Add an internal note.
    Note(String),
    /// Assign a handler (`None` to release the case).
    Assign(Option<String>),
    /// Stop the clock for some days.
    Suspend {
        /// Days.
        days: u32,
        /// Why.
        reason: String,
    },
    /// Extend the handling period.
    Extend {
        /// Days.
        days: u32,
        /// Why.
        reason: String,
    },
    /// Reopen an ended report in its category's reopened status, with a new handling period.
    Reopen {
        /// Why, for the reporters (else the status's own text).
        public_explanation: Option<String>,
    },
}

impl Change {
    /// The processing activity, for the processing log.
    fn operation(&self) -> &'static str {
        match self {
            Self::Status(_) => "setCaseStatus",
            Self::Decide { .. } => "decideCase",
            Self::Note(_) => "addCaseNote",
            Self::Assign(_) => "assignCase",
            Self::Suspend { .. } => "suspendCase",
            Self::Extend { .. } => "extendCase",
            Self::Reopen { .. } => "reopenCase",
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Self::Status(_) => "status",
            Self::Decide { .. } => "decided",
            Self::Note(_) => "note",
            Self::Assign(_) => "assigned",
            Self::Suspend { .. } => "suspended",
            Self::Extend { .. } => "extended",
            Self::Reopen { .. } => "reopened",
        }
    }
}

/// The row as the change leaves it, its journal entry and its event.
struct Effect {
    row: case::Model,
    status: Option<String>,
    days: Option<i32>,
    public_text: Option<String>,
    internal_text: Option<String>,
    event: &'static str,
    payload: Value,
    bumps_version: bool,
}

fn text(field: &'static str, value: &str, required: bool) -> Result<Option<String>, CaseError> {
    Ok(if required {
        Some(input::required_text(field, value, MAX_TEXT)?)
    } else {
        input::text(field, value, MAX_TEXT)?
    })
}

fn opt_text(field: &'static str, value: Option<&str>) -> Result<Option<String>, CaseError> {
    Ok(input::optional_text(field, value, MAX_TEXT)?)
}

/// Checks `change` against the case type, the case and the caller's rights, and works out what
/// it does. `fresh_deadline` is the deadline of a handling period starting now (for reopening).
fn plan(
    case_type: &CaseType,
    row: &case::Model,
    access: TypeAccess,
    change: &Change,
    now: DateTime<Utc>,
    actor: &str,
    fresh_deadline: NaiveDate,
) -> Result<Effect, CaseError> {
    let object = |suffix: &str| format!("case/{}{suffix}", case_type.code);
    let open = row.closed_at.is_none();
    let closed = || CaseError::Conflict(format!("case {} is closed", row.reference));
    let base = json!({ "caseId": row.id, "reference": row.reference, "caseType": row.case_type,
                        "caseTypeName": case_type.name, "subject": row.subject_bsn,
                        "handlingTenant": row.handling_tenant, "addressId": row.address_id,
                        "publicNotice": case_type.public_notice, "products": case_type.products,
                        "confidentiality": case_type.confidentiality.as_str() });
    let with = |extra: Value| {
        let mut payload = base.clone();
        if let (Some(p), Value::Object(extra)) = (payload.as_object_mut(), extra) {
            p.extend(extra);
        }
        payload
    };
    match change {
        Change::Status(s) => {
            if !access.update {
                return Err(CaseError::forbidden(object("/status")));
            }
            if !open {
                return Err(closed());
            }
            let Some(target) = case_type.status(s.status.trim()) else {
                return Err(CaseError::bad(
                    "status",
                    format!("{} has no status {:?}", case_type.name, s.status),
                ));
            };
            if target.end {
                return Err(CaseError::bad(
                    "status",
                    "a case reaches its end status by decideCase",
                ));
            }
            if !case_type.allows(&row.status, &target.code) {
                return Err(CaseError::bad(
                    "status",
                    format!(
                        "{} cannot go from {:?} to {:?}",
                        case_type.name, row.status, target.code
                    ),
                ));
            }
            let mut next = row.clone();
            next.status.clone_from(&target.code);
            next.status_since = now;
            Ok(Effect {
                row: next,
                status: Some(target.code.clone()),
                days: None,
                public_text: opt_text("publicExplanation", s.public_explanation.as_deref())?,
                internal_text: opt_text("internalRemark", s.internal_remark.as_deref())?,
                event: "case.status_changed",
                payload: with(
                    json!({ "from": row.status, "to": target.code, "statusName": target.name }),
                ),
                bumps_version: true,
            })
        }
        Change::Decide {
            outcome,
            explanation,
        } => {
            if !access.decide {
                return Err(CaseError::forbidden(object("")));
            }
            if !open {
                return Err(closed());
            }
            let Some(known) = case_type.outcome(outcome.trim()) else {
                let options: Vec<&str> =
                    case_type.outcomes.iter().map(|o| o.code.as_str()).collect();
                return Err(CaseError::bad(
                    "outcome",
                    format!("choose one of {}", options.join(", ")),
                ));
            };
            let explanation = text("explanation", explanation, true)?;
            let closing = case_type.closing();
            let mut next = row.clone();
            next.status.clone_from(&closing.code);
            next.status_since = now;
            next.outcome = Some(known.code.clone());
            next.decision_explanation = explanation;
            next.decided_at = Some(now);
            next.decided_by = Some(actor.to_owned());
            next.closed_at = Some(now);
            Ok(Effect {
                row: next,
                status: Some(closing.code.clone()),
                days: None,
                // The explanation belongs to the decision, guarded with the outcome; the
                // timeline shows the closing status's own text.
                public_text: None,
                internal_text: None,
                event: "case.decided",
                payload: with(json!({ "outcome": known.code, "outcomeName": known.name,
                            "effect": known.effect.as_str(), "status": closing.code,
                            "statusName": closing.name })),
                bumps_version: true,
            })
        }
        Change::Note(note) => {
            if !access.note {
                return Err(CaseError::forbidden(object("/internal-notes")));
            }
            Ok(Effect {
                row: row.clone(),
                status: None,
                days: None,
                public_text: None,
                internal_text: text("text", note, true)?,
                event: "case.note_added",
                payload: base.clone(),
                bumps_version: false,
            })
        }
        Change::Assign(handler) => {
            if !access.assign {
                return Err(CaseError::forbidden(object("/assignment")));
            }
            if !open {
                return Err(closed());
            }
            let handler = match handler.as_deref() {
                Some(h) => input::line("handler", h, 200)?,
                None => None,
            };
            let mut next = row.clone();
            next.handler.clone_from(&handler);
            Ok(Effect {
                row: next,
                status: None,
                days: None,
                public_text: None,
                internal_text: handler.clone(),
                event: "case.assigned",
                payload: with(json!({ "handler": handler })),
                bumps_version: true,
            })
        }
        Change::Reopen { public_explanation } => {
            if !access.decide {
                return Err(CaseError::forbidden(object("")));
            }
            let Some(report) = &case_type.report else {
                return Err(CaseError::bad(
                    "id",
                    format!("a {} cannot be reopened; only reports can", case_type.name),
                ));
            };
            if open {
                return Err(CaseError::Conflict(format!(
                    "report {} is open",
                    row.reference
                )));
            }
            let target = case_type
                .status(&report.reopened)
                .ok_or_else(|| CaseError::Conflict("the category has no reopened status".into()))?;
            let mut next = row.clone();
            next.status.clone_from(&target.code);
            next.status_since = now;
            next.outcome = None;
            next.decision_explanation = None;
            next.decided_at = None;
            next.decided_by = None;
            next.closed_at = None;
            next.deadline = fresh_deadline;
            Ok(Effect {
                row: next,
                status: Some(target.code.clone()),
                days: None,
                public_text: opt_text("publicExplanation", public_explanation.as_deref())?,
                internal_text: None,
                event: "case.status_changed",
                payload: with(
                    json!({ "from": row.status, "to": target.code, "statusName": target.name }),
                ),
                bumps_version: true,
            })
        }
        Change::Suspend { days, reason } | Change::Extend { days, reason } => {
            let suspend = matches!(change, Change::Suspend { .. });
            if !access.update {
                return Err(CaseError::forbidden(object("")));
            }
            if !open {
                return Err(closed());
            }
            let (used, max, what) = if suspend {
                (
                    row.suspended_days,
                    case_type.suspension_max_days,
                    "suspended",
                )
            } else {
                (row.extended_days, case_type.extension_max_days, "extended")
            };
            let used = u32::try_from(used).unwrap_or(0);
            if max == 0 {
                return Err(CaseError::bad(
                    "days",
                    format!("a {} cannot be {what}", case_type.name),
                ));
            }
            let left = max.saturating_sub(used);
            let total = used.checked_add(*days).filter(|t| *t <= max);
            let Some(total) = total.filter(|_| (1..=MAX_DAYS).contains(days)) else {
                return Err(CaseError::bad(
                    "days",
                    format!("{what} by 1 to {left} more days (at most {max} in all)"),
                ));
            };
            let reason = text("reason", reason, true)?;
            let (suspended, extended) = if suspend {
                (total, u32::try_from(row.extended_days).unwrap_or(0))
            } else {
                (u32::try_from(row.suspended_days).unwrap_or(0), total)
            };
            let handling = u32::try_from(row.handling_days).unwrap_or(0);
            let new_deadline = deadline(
                Calendar::local_date(row.created_at),
                handling,
                suspended,
                extended,
            )
            .ok_or_else(|| CaseError::bad("days", "the deadline would lie too far ahead"))?;
            let days_i32 = i32::try_from(*days).map_err(|_| CaseError::bad("days", "too many"))?;
            let total_i32 = i32::try_from(total).map_err(|_| CaseError::bad("days", "too many"))?;
            let mut next = row.clone();
            if suspend {
                next.suspended_days = total_i32;
            } else {
                next.extended_days = total_i32;
            }
            next.deadline = new_deadline;
            Ok(Effect {
                row: next,
                status: None,
                days: Some(days_i32),
                public_text: None,
                internal_text: reason,
                event: if suspend {
                    "case.suspended"
                } else {
                    "case.extended"
                },
                payload: with(json!({ "days": days, "deadline": new_deadline })),
                bumps_version: true,
            })
        }
    }
}

impl Cases {
    /// Applies `change` to the case named by `key` if it still has `expected_version` (notes
    /// need no version: they change nothing a colleague relies on). A stale version is
    /// `CONFLICT` and changes nothing. The case is read once, with its journal; the change is
    /// written with its journal entry and outbox event in the request's transaction, and the
    /// case returned as it now is, without reading it again.
    pub async fn change(
        &self,
        ctx: &Ctx,
        session: &Session,
        key: &CaseKey,
        expected_version: Option<i32>,
        change: Change,
    ) -> Result<CaseRecord, CaseError> {
        let read_as = ReadAs {
            operation: change.operation(),
            purpose: "handle a case",
        };
        for domain in domains(ctx) {
            if let CaseKey::Id(owner, _) = key
                && owner != &domain
            {
                continue;
            }
            let tx = session.tx(&domain).await?;
            let Some(current) = self.fetch_raw(ctx, &tx, key, Want::default()).await? else {
                continue;
            };
            if !current.access.read || !is_own_or_staff(ctx, &current.row.subject_bsn) {
                continue;
            }
            return self
                .apply(ctx, &tx, current, expected_version, &change, read_as)
                .await;
        }
        Err(CaseError::NotFound)
    }

    async fn apply(
        &self,
        ctx: &Ctx,
        tx: &TenantTx,
        current: Raw,
        expected_version: Option<i32>,
        change: &Change,
        read_as: ReadAs,
    ) -> Result<CaseRecord, CaseError> {
        let domain = tx.tenant().clone();
        let case_type: Arc<CaseType> = Arc::clone(&current.case_type);
        let row = current.row;
        // A stale version is reported before anything else: the caller's view is outdated,
        // so whatever else is wrong with the request may no longer be.
        if let Some(v) = expected_version
            && v != row.version
        {
            return Err(stale(&row.reference, v, row.version));
        }
        let now = Utc::now();
        let actor = ctx.actor().subject().to_owned();
        let fresh_deadline = if matches!(change, Change::Reopen { .. }) {
            self.handling_deadline(&domain, &case_type, now)?
        } else {
            row.deadline
        };
        let effect = plan(
            &case_type,
            &row,
            current.access,
            change,
            now,
            &actor,
            fresh_deadline,
        )?;
        let expected = match (expected_version, effect.bumps_version) {
            (Some(v), _) => v,
            (None, false) => row.version,
            (None, true) => {
                return Err(CaseError::bad(
                    "expectedVersion",
                    "required for this change",
                ));
            }
        };
        let mut next = effect.row;
        next.version = if effect.bumps_version {
            expected
                .checked_add(1)
                .ok_or_else(|| CaseError::Conflict("the case cannot change any more".into()))?
        } else {
            expected
        };
        // The guarded update comes first: it takes the row's lock, and on SQLite the write lock,
        // so two callers with the same version cannot both pass.
        let updated = case::Entity::update_many()
            .set(case::ActiveModel {
                status: Set(next.status.clone()),
                status_since: Set(next.status_since),
                suspended_days: Set(next.suspended_days),
                extended_days: Set(next.extended_days),
                deadline: Set(next.deadline),
                handler: Set(next.handler.clone()),
                outcome: Set(next.outcome.clone()),
                decision_explanation: Set(next.decision_explanation.clone()),
                decided_by: Set(next.decided_by.clone()),
                decided_at: Set(next.decided_at),
                closed_at: Set(next.closed_at),
                version: Set(next.version),
                ..Default::default()
            })
            .filter(case::Column::TenantId.eq(domain.as_str()))
            .filter(case::Column::Id.eq(row.id))
            .filter(case::Column::Version.eq(expected))
            .exec(tx.conn())
            .await?;
        if updated.rows_affected == 0 {
            return Err(stale(&row.reference, expected, expected.saturating_add(1)));
        }
        let entry = event::Model {
            tenant_id: domain.to_string(),
            case_id: row.id,
            seq: 0,
            kind: change.name().to_owned(),
            status: effect.status,
            days: effect.days,
            public_text: effect.public_text,
            internal_text: effect.internal_text,
            actor,
            at: now,
        };
        let public_text = entry.public_text.clone();
        append_event(tx, &entry).await?;
        outbox::publish(tx, effect.event, effect.payload).await?;
        if case_type.report.is_some()
            && entry.status.is_some()
            && let Some((kind, payload)) =
                announce_change(tx, &case_type, &next, public_text.as_deref(), now).await?
        {
            outbox::publish(tx, kind, payload).await?;
        }
        let mut events = current.events;
        events.push(entry);
        Ok(CaseRecord::build(
            domain,
            case_type,
            next,
            &events,
            current.access,
            read_as,
        ))
    }
}

/// Adds `entry` after the case's last journal entry: the number is taken in the statement
/// itself, after the guarded update has serialised writers of the same case.
pub(crate) async fn append_event(tx: &TenantTx, entry: &event::Model) -> Result<(), CaseError> {
    let sql = "INSERT INTO case_events \
        (tenant_id, case_id, seq, kind, status, days, public_text, internal_text, actor, at) \
        SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4, $5, $6, $7, $8, $9 \
        FROM case_events WHERE tenant_id = $1 AND case_id = $2";
    tx.conn()
        .execute_raw(tx.statement(
            sql,
            vec![
                entry.tenant_id.clone().into(),
                entry.case_id.into(),
                entry.kind.clone().into(),
                entry.status.clone().into(),
                entry.days.into(),
                entry.public_text.clone().into(),
                entry.internal_text.clone().into(),
                entry.actor.clone().into(),
                entry.at.into(),
            ],
        ))
        .await?;
    Ok(())
}

fn stale(reference: &str, expected: i32, actual: i32) -> CaseError {
    CaseError::Conflict(format!(
        "case {reference} changed since version {expected} (now {actual}); reload it and try again"
    ))
}
