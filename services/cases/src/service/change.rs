//! Changing a case: status, decision, notes, assignment, suspension and extension. Each change
//! is checked against the case type and the caller's rights, applied only if the case still has
//! the version the caller saw, journaled, and announced in the outbox, all in one transaction.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use loket_kernel::Ctx;
use loket_store::outbox;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, ExprTrait},
};
use serde_json::{Value, json};

use super::{Cases, access::TypeAccess, deadline::deadline, read::CaseKey};
use crate::{
    CaseError, CaseRecord, CaseType,
    entity::{case, event},
};

/// Longest note, remark, reason or explanation.
const MAX_TEXT: usize = 4000;

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
}

impl Change {
    fn name(&self) -> &'static str {
        match self {
            Self::Status(_) => "status",
            Self::Decide { .. } => "decided",
            Self::Note(_) => "note",
            Self::Assign(_) => "assigned",
            Self::Suspend { .. } => "suspended",
            Self::Extend { .. } => "extended",
        }
    }
}

/// The columns a change sets, its journal entry and its event.
struct Effect {
    columns: Vec<(case::Column, sea_orm::sea_query::SimpleExpr)>,
    status: Option<String>,
    days: Option<i32>,
    public_text: Option<String>,
    internal_text: Option<String>,
    event: &'static str,
    payload: Value,
    bumps_version: bool,
}

fn text(field: &'static str, value: &str, required: bool) -> Result<Option<String>, CaseError> {
    let t = value.trim();
    if t.is_empty() {
        return if required {
            Err(CaseError::bad(field, "required"))
        } else {
            Ok(None)
        };
    }
    if t.chars().count() > MAX_TEXT {
        return Err(CaseError::bad(
            field,
            format!("at most {MAX_TEXT} characters"),
        ));
    }
    Ok(Some(t.to_owned()))
}

fn opt_text(field: &'static str, value: Option<&str>) -> Result<Option<String>, CaseError> {
    value.map_or(Ok(None), |v| text(field, v, false))
}

/// Checks `change` against the case type, the case and the caller's rights, and works out what
/// it does.
fn plan(
    case_type: &CaseType,
    row: &case::Model,
    access: TypeAccess,
    change: &Change,
    now: DateTime<Utc>,
) -> Result<Effect, CaseError> {
    let object = |suffix: &str| format!("case/{}{suffix}", case_type.code);
    let open = row.closed_at.is_none();
    let closed = || CaseError::Conflict(format!("case {} is closed", row.reference));
    let base = json!({ "caseId": row.id, "reference": row.reference, "caseType": row.case_type,
                        "caseTypeName": case_type.name, "subject": row.subject_bsn,
                        "handlingTenant": row.handling_tenant, "addressId": row.address_id,
                        "publicNotice": case_type.public_notice, "products": case_type.products });
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
            Ok(Effect {
                columns: vec![
                    (case::Column::Status, Expr::value(target.code.clone())),
                    (case::Column::StatusSince, Expr::value(now)),
                ],
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
            Ok(Effect {
                columns: vec![
                    (case::Column::Status, Expr::value(closing.code.clone())),
                    (case::Column::StatusSince, Expr::value(now)),
                    (case::Column::Outcome, Expr::value(known.code.clone())),
                    (case::Column::DecisionExplanation, Expr::value(explanation)),
                    (case::Column::DecidedAt, Expr::value(now)),
                    (case::Column::ClosedAt, Expr::value(now)),
                ],
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
                columns: Vec::new(),
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
            let handler = opt_text("handler", handler.as_deref())?;
            Ok(Effect {
                columns: vec![(case::Column::Handler, Expr::value(handler.clone()))],
                status: None,
                days: None,
                public_text: None,
                internal_text: handler.clone(),
                event: "case.assigned",
                payload: with(json!({ "handler": handler })),
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
            if *days == 0 || used + days > max {
                return Err(CaseError::bad(
                    "days",
                    format!(
                        "{what} by 1 to {} more days (at most {max} in all)",
                        max.saturating_sub(used)
                    ),
                ));
            }
            let reason = text("reason", reason, true)?;
            let (suspended, extended) = if suspend {
                (used + days, u32::try_from(row.extended_days).unwrap_or(0))
            } else {
                (u32::try_from(row.suspended_days).unwrap_or(0), used + days)
            };
            let handling = u32::try_from(row.handling_days).unwrap_or(0);
            let new_deadline = deadline(row.created_at.date_naive(), handling, suspended, extended);
            let column = if suspend {
                case::Column::SuspendedDays
            } else {
                case::Column::ExtendedDays
            };
            let days_i32 = i32::try_from(*days).unwrap_or(i32::MAX);
            Ok(Effect {
                columns: vec![
                    (column, Expr::col(column).add(days_i32)),
                    (case::Column::Deadline, Expr::value(new_deadline)),
                ],
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
    /// `CONFLICT` and changes nothing.
    pub async fn change(
        &self,
        ctx: &Ctx,
        key: &CaseKey,
        expected_version: Option<i32>,
        change: Change,
    ) -> Result<CaseRecord, CaseError> {
        let current = self.find(ctx, key, "handle a case").await?;
        let domain = current.domain.clone();
        let case_type: Arc<CaseType> = Arc::clone(&current.case_type);
        let tx = self.db.begin(&domain).await?;
        let row = case::scoped(&domain)
            .filter(case::Column::Id.eq(current.id))
            .one(tx.conn())
            .await?
            .ok_or(CaseError::NotFound)?;
        tx.commit().await?;
        // A stale version is reported before anything else: the caller's view is outdated,
        // so whatever else is wrong with the request may no longer be.
        if let Some(v) = expected_version
            && v != row.version
        {
            return Err(stale(&row.reference, v, row.version));
        }
        let now = Utc::now();
        let effect = plan(&case_type, &row, current.access, &change, now)?;
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
        let tx = self.db.begin(&domain).await?;
        // The guarded update comes first: it takes the row's lock, and on SQLite the write lock,
        // so two callers with the same version cannot both pass.
        let mut update = case::Entity::update_many()
            .col_expr(
                case::Column::Version,
                if effect.bumps_version {
                    Expr::col(case::Column::Version).add(1)
                } else {
                    Expr::col(case::Column::Version)
                },
            )
            .filter(case::Column::TenantId.eq(domain.as_str()))
            .filter(case::Column::Id.eq(row.id))
            .filter(case::Column::Version.eq(expected));
        for (column, value) in effect.columns {
            update = update.col_expr(column, value);
        }
        if update.exec(tx.conn()).await?.rows_affected == 0 {
            tx.rollback().await?;
            return Err(stale(&row.reference, expected, expected + 1));
        }
        let last: Option<i32> = event::scoped(&domain)
            .filter(event::Column::CaseId.eq(row.id))
            .select_only()
            .column_as(event::Column::Seq.max(), "last")
            .into_tuple()
            .one(tx.conn())
            .await?
            .flatten();
        event::Entity::insert(event::ActiveModel {
            tenant_id: Set(domain.to_string()),
            case_id: Set(row.id),
            seq: Set(last.unwrap_or(0) + 1),
            kind: Set(change.name().to_owned()),
            status: Set(effect.status),
            days: Set(effect.days),
            public_text: Set(effect.public_text),
            internal_text: Set(effect.internal_text),
            actor: Set(ctx.actor().subject().to_owned()),
            at: Set(now),
        })
        .exec_without_returning(tx.conn())
        .await?;
        if matches!(change, Change::Decide { .. }) {
            case::Entity::update_many()
                .col_expr(case::Column::DecidedBy, Expr::value(ctx.actor().subject()))
                .filter(case::Column::TenantId.eq(domain.as_str()))
                .filter(case::Column::Id.eq(row.id))
                .exec(tx.conn())
                .await?;
        }
        outbox::publish(&tx, effect.event, effect.payload).await?;
        tx.commit().await?;
        self.find(ctx, &CaseKey::Id(domain, row.id), "handle a case")
            .await
    }
}

fn stale(reference: &str, expected: i32, actual: i32) -> CaseError {
    CaseError::Conflict(format!(
        "case {reference} changed since version {expected} (now {actual}); reload it and try again"
    ))
}
