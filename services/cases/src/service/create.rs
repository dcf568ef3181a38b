//! Writing a request: the bundle, its cases with readable references, their first status
//! and `case.created` events in one transaction; or, for a retry with the same idempotency
//! key, the bundle the first call made.

use chrono::{Datelike, Utc};
use loket_kernel::{Actor, Bsn, Ctx, TenantId, directory::AddressFacts};
use loket_store::{TenantTx, outbox};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::OnConflict,
};
use serde_json::json;
use uuid::Uuid;

use super::{
    Cases,
    deadline::deadline,
    submit::{BundleResult, Channel},
};
use crate::{
    CaseError, CaseType,
    entity::{bundle, case, event},
};

/// Everything checked, ready to write.
pub(super) struct Plan {
    pub(super) domain: TenantId,
    pub(super) subject: Bsn,
    pub(super) types: Vec<std::sync::Arc<CaseType>>,
    pub(super) address: Option<AddressFacts>,
    pub(super) description: Option<String>,
    pub(super) channel: Channel,
    pub(super) key: Option<String>,
}

impl Plan {
    fn fingerprint(&self) -> String {
        let mut codes: Vec<&str> = self.types.iter().map(|t| t.code.as_str()).collect();
        codes.sort_unstable();
        format!(
            "{}|{}|{}|{}",
            self.subject.as_str(),
            codes.join(","),
            self.address.as_ref().map_or("", |a| a.id.as_str()),
            self.description.as_deref().unwrap_or_default()
        )
    }
}

impl Cases {
    /// Writes the bundle, its cases, their first status and events in one transaction, or
    /// returns the bundle an earlier call with the same key made.
    pub(super) async fn create(&self, ctx: &Ctx, plan: Plan) -> Result<BundleResult, CaseError> {
        let fingerprint = plan.fingerprint();
        // A citizen's idempotency keys are theirs alone, whatever subject their login gives.
        let requested_by = match ctx.actor() {
            Actor::Citizen { bsn, .. } => format!("citizen:{}", bsn.as_str()),
            actor => format!("{}:{}", actor.kind(), actor.subject()),
        };
        let now = Utc::now();
        let bundle_id = Uuid::now_v7();
        let tx = self.db.begin(&plan.domain).await?;
        // The bundle goes first: it is what a racing retry with the same key waits on.
        let inserted = bundle::Entity::insert(bundle::ActiveModel {
            tenant_id: Set(plan.domain.to_string()),
            id: Set(bundle_id),
            subject_bsn: Set(plan.subject.as_str().to_owned()),
            requested_by: Set(requested_by.clone()),
            idempotency_key: Set(plan.key.clone()),
            fingerprint: Set(fingerprint.clone()),
            channel: Set(plan.channel.as_str().to_owned()),
            created_at: Set(now),
        })
        .on_conflict(
            OnConflict::columns([
                bundle::Column::TenantId,
                bundle::Column::RequestedBy,
                bundle::Column::IdempotencyKey,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(tx.conn())
        .await?;
        if inserted == 0 {
            tx.rollback().await?;
            return self.replay(ctx, &plan, &requested_by, &fingerprint).await;
        }
        let first = reserve_numbers(&tx, now.year(), plan.types.len()).await?;
        let prefix = reference_prefix(&plan.domain);
        let mut ids = Vec::new();
        for (i, case_type) in plan.types.iter().enumerate() {
            let id = Uuid::now_v7();
            let reference = format!("{prefix}-{}-{:06}", now.year(), first + i as i64);
            write_case(&tx, ctx, &plan, case_type, id, &reference, bundle_id, now).await?;
            ids.push(id);
        }
        tx.commit().await?;
        let mut cases = Vec::new();
        for id in ids {
            cases.push(self.made(ctx, &plan.domain, id).await?);
        }
        Ok(BundleResult {
            bundle_id,
            cases,
            replayed: false,
        })
    }

    async fn replay(
        &self,
        ctx: &Ctx,
        plan: &Plan,
        requested_by: &str,
        fingerprint: &str,
    ) -> Result<BundleResult, CaseError> {
        let tx = self.db.begin(&plan.domain).await?;
        let existing = bundle::scoped(&plan.domain)
            .filter(bundle::Column::RequestedBy.eq(requested_by))
            .filter(bundle::Column::IdempotencyKey.eq(plan.key.clone()))
            .one(tx.conn())
            .await?
            .ok_or_else(|| {
                CaseError::Conflict(
                    "the request with this key is still being processed; retry".to_owned(),
                )
            })?;
        let ids: Vec<Uuid> = case::scoped(&plan.domain)
            .filter(case::Column::BundleId.eq(existing.id))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        tx.commit().await?;
        if existing.fingerprint != fingerprint {
            return Err(CaseError::Conflict(
                "this idempotency key was used for a different request".to_owned(),
            ));
        }
        let mut cases = Vec::new();
        for id in ids {
            cases.push(self.made(ctx, &plan.domain, id).await?);
        }
        Ok(BundleResult {
            bundle_id: existing.id,
            cases,
            replayed: true,
        })
    }
}

/// `ENS` for enschede: the tenant's first three letters.
fn reference_prefix(tenant: &TenantId) -> String {
    tenant
        .as_str()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(3)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Reserves `count` consecutive reference numbers of `year` and returns the first.
async fn reserve_numbers(tx: &TenantTx, year: i32, count: usize) -> Result<i64, CaseError> {
    let sql = "INSERT INTO case_counters (tenant_id, year, last) VALUES ($1, $2, $3) \
               ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + excluded.last \
               RETURNING last";
    let count = i32::try_from(count).unwrap_or(i32::MAX);
    let row = tx
        .conn()
        .query_one_raw(tx.statement(
            sql,
            vec![tx.tenant().as_str().into(), year.into(), count.into()],
        ))
        .await?
        .ok_or_else(|| CaseError::Db(sea_orm::DbErr::RecordNotFound("case_counters".into())))?;
    let last: i32 = row.try_get_by_index(0)?;
    Ok(i64::from(last) - i64::from(count) + 1)
}

#[allow(
    clippy::too_many_arguments,
    reason = "one row and its first event, written together"
)]
async fn write_case(
    tx: &TenantTx,
    ctx: &Ctx,
    plan: &Plan,
    case_type: &CaseType,
    id: Uuid,
    reference: &str,
    bundle_id: Uuid,
    now: chrono::DateTime<Utc>,
) -> Result<(), CaseError> {
    let initial = case_type.initial();
    let actor = ctx.actor().subject().to_owned();
    case::Entity::insert(case::ActiveModel {
        tenant_id: Set(plan.domain.to_string()),
        id: Set(id),
        reference: Set(reference.to_owned()),
        case_type: Set(case_type.code.clone()),
        handling_tenant: Set(case_type.handled_by.to_string()),
        bundle_id: Set(bundle_id),
        subject_bsn: Set(plan.subject.as_str().to_owned()),
        address_id: Set(plan.address.as_ref().map(|a| a.id.clone())),
        location: Set(plan.address.as_ref().map(|a| a.label.clone())),
        description: Set(plan.description.clone()),
        channel: Set(plan.channel.as_str().to_owned()),
        status: Set(initial.code.clone()),
        status_since: Set(now),
        handling_days: Set(i32::try_from(case_type.handling_days).unwrap_or(i32::MAX)),
        suspended_days: Set(0),
        extended_days: Set(0),
        deadline: Set(deadline(now.date_naive(), case_type.handling_days, 0, 0)),
        handler: Set(None),
        outcome: Set(None),
        decision_explanation: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        closed_at: Set(None),
        created_at: Set(now),
        created_by: Set(actor.clone()),
        version: Set(1),
    })
    .exec_without_returning(tx.conn())
    .await?;
    event::Entity::insert(event::ActiveModel {
        tenant_id: Set(plan.domain.to_string()),
        case_id: Set(id),
        seq: Set(1),
        kind: Set("status".to_owned()),
        status: Set(Some(initial.code.clone())),
        days: Set(None),
        public_text: Set(None),
        internal_text: Set(Some(format!("received via {}", plan.channel.as_str()))),
        actor: Set(actor),
        at: Set(now),
    })
    .exec_without_returning(tx.conn())
    .await?;
    outbox::publish(
        tx,
        "case.created",
        json!({
            "caseId": id,
            "reference": reference,
            "caseType": case_type.code,
            "caseTypeName": case_type.name,
            "status": initial.code,
            "statusName": initial.name,
            "publicNotice": case_type.public_notice,
            "products": case_type.products,
            "subject": plan.subject.as_str(),
            "handlingTenant": case_type.handled_by.as_str(),
            "bundleId": bundle_id,
            "addressId": plan.address.as_ref().map(|a| a.id.as_str()),
            "channel": plan.channel.as_str(),
        }),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_three_capitals() {
        let t = |s: &str| TenantId::new(s).unwrap_or_else(|_| unreachable!());
        assert_eq!(reference_prefix(&t("enschede")), "ENS");
        assert_eq!(reference_prefix(&t("zwijndrecht")), "ZWI");
    }
}
