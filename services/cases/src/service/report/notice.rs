//! The `report.*` outbox events that keep reporters informed. They name their recipients by
//! reporter id (with the code of their survey links where there is one); the notification
//! service looks up their addresses when it sends, so removed contact details are never used
//! and the outbox holds none. They go to those reporters only: never to subscribers, webhooks
//! or the live feed.
//!
//! - `report.received` and `report.joined`: to the one reporter, with the expected handling
//!   date;
//! - `report.status_changed`: to every reporter, with the status's text;
//! - `report.closed`: to every reporter, with the outcome and the satisfaction question (links
//!   with a code made for this ending: an earlier ending's links no longer answer).

use chrono::{DateTime, Utc};
use loket_store::TenantTx;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use super::{new_code, reporters};
use crate::{CaseError, CaseType, entity::case};

/// A reporter as a recipient of a message: by id (the notification service looks up their
/// address when it sends).
pub(super) fn recipient(id: uuid::Uuid) -> Value {
    json!({ "reporterId": id, "code": null })
}

fn base(row: &case::Model, category: &CaseType) -> Value {
    let status = category.status(&row.status);
    json!({
        "caseId": row.id,
        "reference": row.reference,
        "category": category.code,
        "categoryName": category.name,
        "status": row.status,
        "statusName": status.map_or(row.status.as_str(), |s| s.name.as_str()),
        "statusText": status.map_or("", |s| s.explanation.as_str()),
        "expected": row.deadline.format("%d-%m-%Y").to_string(),
        "location": row.location,
    })
}

fn with(mut payload: Value, extra: Value) -> Value {
    if let (Some(p), Value::Object(extra)) = (payload.as_object_mut(), extra) {
        p.extend(extra);
    }
    payload
}

/// The message to the reporter who filed the report.
pub(super) fn received(
    row: &case::Model,
    category: &CaseType,
    recipient: &Value,
) -> (&'static str, Value) {
    (
        "report.received",
        with(base(row, category), json!({ "recipients": [recipient] })),
    )
}

/// The message to a reporter who joined the report.
pub(super) fn joined(
    row: &case::Model,
    category: &CaseType,
    recipient: &Value,
) -> (&'static str, Value) {
    (
        "report.joined",
        with(base(row, category), json!({ "recipients": [recipient] })),
    )
}

/// What a change of a report tells its reporters, as `report.*` events in the change's
/// transaction: a status change with its text (the one staff wrote, else the status's own), an
/// ending with the outcome and new survey codes. Reporters without an address, or whose details
/// were removed, are left out; nothing is published when none is left.
pub(crate) async fn announce_change(
    tx: &TenantTx,
    category: &CaseType,
    row: &case::Model,
    public_text: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<(&'static str, Value)>, CaseError> {
    let reporters = reporters::of_cases(tx, &[row.id]).await?;
    let reachable: Vec<_> = reporters
        .into_iter()
        .filter(|r| {
            r.record.anonymised_at.is_none()
                && (r.record.email.is_some() || r.record.phone.is_some())
        })
        .collect();
    if reachable.is_empty() {
        return Ok(None);
    }
    let closed = row.closed_at.is_some();
    let mut recipients = Vec::with_capacity(reachable.len());
    for r in &reachable {
        let code = if closed {
            let (code, hash) = new_code();
            tx.conn()
                .execute_raw(tx.statement(
                    "UPDATE case_reporters SET answer_code_hash = $1, answered_at = NULL, \
                     satisfied = NULL WHERE tenant_id = $2 AND id = $3",
                    vec![hash.into(), tx.tenant().as_str().into(), r.record.id.into()],
                ))
                .await?;
            Some(code)
        } else {
            None
        };
        recipients.push(json!({ "reporterId": r.record.id, "code": code }));
    }
    let mut payload = with(
        base(row, category),
        json!({ "recipients": recipients,
                                                          "at": now }),
    );
    if let Some(text) = public_text
        && let Some(p) = payload.as_object_mut()
    {
        p.insert("statusText".into(), text.into());
    }
    if closed {
        let outcome = row.outcome.as_deref().and_then(|o| category.outcome(o));
        payload = with(
            payload,
            json!({ "outcomeName": outcome.map(|o| o.name.as_str()),
                    "explanation": row.decision_explanation }),
        );
        Ok(Some(("report.closed", payload)))
    } else {
        Ok(Some(("report.status_changed", payload)))
    }
}
