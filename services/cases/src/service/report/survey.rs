//! The satisfaction question sent when a report ends. The reporter answers through the link
//! in their message (their id and a code made for this ending), without logging in; an
//! unhappy answer puts the report back in the category's "reopen requested" status, open and
//! with a new handling period, for staff to look at again.

use std::sync::Arc;

use chrono::Utc;
use loket_kernel::Ctx;
use loket_store::{Session, outbox};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::{PublicReport, digest, notice::announce_change, reporters};
use crate::{
    CaseError,
    entity::{case, event},
    service::{Cases, change::append_event},
};

/// What answering did.
#[derive(Debug, Clone)]
pub struct SurveyAnswer {
    /// The report as it now is.
    pub report: PublicReport,
    /// Whether the answer reopened it.
    pub reopened: bool,
}

impl Cases {
    /// Records reporter `reporter_id`'s answer to the question sent when their report ended.
    /// The code must be the one of the latest message; each ending is answered once.
    pub async fn answer_survey(
        &self,
        ctx: &Ctx,
        session: &Session,
        reporter_id: Uuid,
        code: &str,
        satisfied: bool,
    ) -> Result<SurveyAnswer, CaseError> {
        let tenant = ctx.tenant().clone();
        let tx = session.tx(&tenant).await?;
        let wrong = || {
            CaseError::bad(
                "code",
                "this link is not valid; use the link in the latest message",
            )
        };
        let (stored, hash, answered_at) = reporters::by_id(&tx, reporter_id)
            .await?
            .ok_or_else(wrong)?;
        if stored.record.anonymised_at.is_some() || digest(code.trim()) != hash {
            return Err(wrong());
        }
        let row = case::scoped(&tenant)
            .filter(case::Column::Id.eq(stored.case_id))
            .one(tx.conn())
            .await?
            .ok_or(CaseError::NotFound)?;
        let category = self
            .types
            .get(&tenant, &row.case_type)
            .filter(|t| t.report.is_some())
            .map(Arc::clone)
            .ok_or(CaseError::NotFound)?;
        if row.closed_at.is_none() {
            return Err(CaseError::Conflict(format!(
                "report {} is being handled again; there is nothing to answer now",
                row.reference
            )));
        }
        if answered_at.is_some() {
            return Err(CaseError::Conflict(
                "this question was answered already".to_owned(),
            ));
        }
        let now = Utc::now();
        tx.conn()
            .execute_raw(tx.statement(
                "UPDATE case_reporters SET satisfied = $1, answered_at = $2 \
                 WHERE tenant_id = $3 AND id = $4",
                vec![
                    satisfied.into(),
                    now.into(),
                    tenant.as_str().into(),
                    reporter_id.into(),
                ],
            ))
            .await?;
        if satisfied {
            return Ok(SurveyAnswer {
                report: PublicReport::from_row(&row, category),
                reopened: false,
            });
        }
        let Some(status) = category
            .report
            .as_ref()
            .and_then(|r| category.status(&r.reopen_requested))
        else {
            return Err(CaseError::NotFound);
        };
        let mut next = row.clone();
        next.status.clone_from(&status.code);
        next.status_since = now;
        next.closed_at = None;
        next.outcome = None;
        next.decision_explanation = None;
        next.decided_at = None;
        next.decided_by = None;
        next.deadline = self.handling_deadline(&tenant, &category, now)?;
        next.version = row.version.saturating_add(1);
        let updated = case::Entity::update_many()
            .set(case::ActiveModel {
                status: Set(next.status.clone()),
                status_since: Set(now),
                closed_at: Set(None),
                outcome: Set(None),
                decision_explanation: Set(None),
                decided_at: Set(None),
                decided_by: Set(None),
                deadline: Set(next.deadline),
                version: Set(next.version),
                ..Default::default()
            })
            .filter(case::Column::TenantId.eq(tenant.as_str()))
            .filter(case::Column::Id.eq(row.id))
            .filter(case::Column::Version.eq(row.version))
            .exec(tx.conn())
            .await?;
        if updated.rows_affected == 0 {
            return Err(CaseError::Conflict(
                "the report changed meanwhile; try again".to_owned(),
            ));
        }
        append_event(
            &tx,
            &event::Model {
                tenant_id: tenant.to_string(),
                case_id: row.id,
                seq: 0,
                kind: "reopened".to_owned(),
                status: Some(status.code.clone()),
                days: None,
                public_text: None,
                internal_text: Some("a reporter answered that the problem is not solved".into()),
                actor: "reporter".to_owned(),
                at: now,
            },
        )
        .await?;
        let mut events = vec![(
            "case.status_changed",
            json!({ "caseId": row.id, "reference": row.reference, "caseType": row.case_type,
                    "caseTypeName": category.name, "subject": "", "handlingTenant": row.handling_tenant,
                    "addressId": row.address_id, "publicNotice": false, "products": [],
                    "confidentiality": category.confidentiality.as_str(),
                    "from": row.status, "to": status.code, "statusName": status.name,
                    "report": true }),
        )];
        if let Some(told) = announce_change(&tx, &category, &next, None, now).await? {
            events.push(told);
        }
        outbox::publish_all(&tx, events).await?;
        Ok(SurveyAnswer {
            report: PublicReport::from_row(&next, category),
            reopened: true,
        })
    }
}
