//! Writing a request: the bundle, its cases with readable references, their first status
//! and `case.created` events in one transaction; or, for a retry with the same idempotency
//! key, the bundle the first call made.

use std::sync::Arc;

use chrono::{Datelike, Utc};
use loket_kernel::{Actor, Bsn, Ctx, TenantId, calendar::Calendar, directory::AddressFacts};
use loket_store::{Session, TenantTx, outbox};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::OnConflict,
};
use serde_json::json;
use uuid::Uuid;

use super::{
    Cases,
    access::TypeAccess,
    deadline::deadline,
    read::ReadAs,
    submit::{BundleResult, Channel},
};
use crate::{
    CaseError, CaseRecord, CaseType,
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
    /// Writes the bundle, its cases, their first status and events in the request's
    /// transaction, or returns the bundle an earlier call with the same key made. The cases
    /// come back as written, without reading them again.
    pub(super) async fn create(
        &self,
        ctx: &Ctx,
        session: &Session,
        plan: Plan,
    ) -> Result<BundleResult, CaseError> {
        let fingerprint = plan.fingerprint();
        let requested_by = requested_by(ctx);
        let now = Utc::now();
        let bundle_id = Uuid::now_v7();
        let tx = session.tx(&plan.domain).await?;
        let claimed = claim_bundle(
            &tx,
            bundle::Model {
                tenant_id: plan.domain.to_string(),
                id: bundle_id,
                subject_bsn: plan.subject.as_str().to_owned(),
                requested_by: requested_by.clone(),
                idempotency_key: plan.key.clone(),
                fingerprint: fingerprint.clone(),
                channel: plan.channel.as_str().to_owned(),
                created_at: now,
            },
        )
        .await?;
        if !claimed {
            return self
                .replay(ctx, &tx, &plan, &requested_by, &fingerprint)
                .await;
        }
        let count =
            i32::try_from(plan.types.len()).map_err(|_| CaseError::bad("products", "too many"))?;
        // The year in the Netherlands: a request at 00:30 on 1 January is the new year's.
        let year = Calendar::local_date(now).year();
        let first = reserve_numbers(&tx, year, count).await?;
        let prefix = reference_prefix(&plan.domain);
        let read_as = read_as(ctx);
        let mut written = Vec::with_capacity(plan.types.len());
        for (i, case_type) in (0_i64..).zip(&plan.types) {
            let number = first
                .checked_add(i)
                .ok_or_else(|| CaseError::Conflict("reference numbers exhausted".into()))?;
            let reference = format!("{prefix}-{year}-{number:06}");
            written.push(new_case(ctx, &plan, case_type, &reference, bundle_id, now)?);
        }
        write_cases(&tx, &plan, bundle_id, &written).await?;
        let cases = written
            .into_iter()
            .zip(&plan.types)
            .map(|((row, event), case_type)| {
                let access = TypeAccess::decide(ctx, &plan.domain, case_type);
                CaseRecord::build(
                    plan.domain.clone(),
                    Arc::clone(case_type),
                    row,
                    std::slice::from_ref(&event),
                    access,
                    read_as,
                )
            })
            .collect();
        Ok(BundleResult {
            bundle_id,
            cases,
            replayed: false,
        })
    }

    async fn replay(
        &self,
        ctx: &Ctx,
        tx: &TenantTx,
        plan: &Plan,
        requested_by: &str,
        fingerprint: &str,
    ) -> Result<BundleResult, CaseError> {
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
        if existing.fingerprint != fingerprint {
            return Err(CaseError::Conflict(
                "this idempotency key was used for a different request".to_owned(),
            ));
        }
        let found = case::scoped(&plan.domain)
            .filter(case::Column::BundleId.eq(existing.id))
            .find_with_related(event::Entity)
            .order_by_asc(case::Column::Id)
            .order_by_asc(event::Column::Seq)
            .all(tx.conn())
            .await?;
        let read_as = read_as(ctx);
        let mut cases = Vec::with_capacity(found.len());
        for (row, events) in found {
            let Some(case_type) = self.types.get(&plan.domain, &row.case_type).map(Arc::clone)
            else {
                continue;
            };
            let access = TypeAccess::decide(ctx, &plan.domain, &case_type);
            cases.push(CaseRecord::build(
                plan.domain.clone(),
                case_type,
                row,
                &events,
                access,
                read_as,
            ));
        }
        Ok(BundleResult {
            bundle_id: existing.id,
            cases,
            replayed: true,
        })
    }
}

/// Why the cases a request made are read back: to tell the caller what was taken in.
fn read_as(ctx: &Ctx) -> ReadAs {
    ReadAs {
        operation: match ctx.actor() {
            Actor::Citizen { .. } => "submitRequest",
            _ => "startCase",
        },
        purpose: "take in a request",
    }
}

/// Who asks, as a bundle records it: a citizen's idempotency keys are theirs alone, whatever
/// subject their login gives.
pub(super) fn requested_by(ctx: &Ctx) -> String {
    match ctx.actor() {
        Actor::Citizen { bsn, .. } => format!("citizen:{}", bsn.as_str()),
        actor => format!("{}:{}", actor.kind(), actor.subject()),
    }
}

/// Inserts `bundle` first thing in a filing, as what a racing retry with the same key waits
/// on; `false` when its requester already used its idempotency key (the retry replays).
pub(super) async fn claim_bundle(tx: &TenantTx, bundle: bundle::Model) -> Result<bool, CaseError> {
    let inserted = bundle::Entity::insert(bundle::ActiveModel::from(bundle))
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
    Ok(inserted > 0)
}

/// `ENS` for enschede: the tenant's first three letters.
pub(super) fn reference_prefix(tenant: &TenantId) -> String {
    tenant
        .as_str()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(3)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Reserves `count` consecutive reference numbers of `year` and returns the first.
pub(super) async fn reserve_numbers(
    tx: &TenantTx,
    year: i32,
    count: i32,
) -> Result<i64, CaseError> {
    let sql = "INSERT INTO case_counters (tenant_id, year, last) VALUES ($1, $2, $3) \
               ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + excluded.last \
               RETURNING last";
    let row = tx
        .conn()
        .query_one_raw(tx.statement(
            sql,
            vec![tx.tenant().as_str().into(), year.into(), count.into()],
        ))
        .await?
        .ok_or_else(|| CaseError::Db(sea_orm::DbErr::RecordNotFound("case_counters".into())))?;
    let last: i32 = row.try_get_by_index(0)?;
    Ok(i64::from(last)
        .saturating_sub(i64::from(count))
        .saturating_add(1))
}

/// A new case's row and its first journal entry.
fn new_case(
    ctx: &Ctx,
    plan: &Plan,
    case_type: &CaseType,
    reference: &str,
    bundle_id: Uuid,
    now: chrono::DateTime<Utc>,
) -> Result<(case::Model, event::Model), CaseError> {
    let initial = case_type.initial();
    let actor = ctx.actor().subject().to_owned();
    let id = Uuid::now_v7();
    let deadline = deadline(Calendar::local_date(now), case_type.handling_days, 0, 0)
        .ok_or_else(|| CaseError::bad("products", "the handling period is too long"))?;
    let row = case::Model {
        tenant_id: plan.domain.to_string(),
        id,
        reference: reference.to_owned(),
        case_type: case_type.code.clone(),
        handling_tenant: case_type.handled_by.to_string(),
        bundle_id,
        subject_bsn: plan.subject.as_str().to_owned(),
        address_id: plan.address.as_ref().map(|a| a.id.clone()),
        location: plan.address.as_ref().map(|a| a.label.clone()),
        description: plan.description.clone(),
        lat: None,
        lon: None,
        attributes: None,
        channel: plan.channel.as_str().to_owned(),
        status: initial.code.clone(),
        status_since: now,
        handling_days: i32::try_from(case_type.handling_days)
            .map_err(|_| CaseError::bad("products", "the handling period is too long"))?,
        suspended_days: 0,
        extended_days: 0,
        deadline,
        handler: None,
        outcome: None,
        decision_explanation: None,
        decided_by: None,
        decided_at: None,
        closed_at: None,
        created_at: now,
        created_by: actor.clone(),
        version: 1,
    };
    let event = event::Model {
        tenant_id: plan.domain.to_string(),
        case_id: id,
        seq: 1,
        kind: "status".to_owned(),
        status: Some(initial.code.clone()),
        days: None,
        public_text: None,
        internal_text: Some(format!("received via {}", plan.channel.as_str())),
        actor,
        at: now,
    };
    Ok((row, event))
}

/// Writes the cases, their first events and their `case.created` events: one statement each.
async fn write_cases(
    tx: &TenantTx,
    plan: &Plan,
    bundle_id: Uuid,
    written: &[(case::Model, event::Model)],
) -> Result<(), CaseError> {
    case::Entity::insert_many(
        written
            .iter()
            .map(|(row, _)| case::ActiveModel::from(row.clone())),
    )
    .exec_without_returning(tx.conn())
    .await?;
    event::Entity::insert_many(
        written
            .iter()
            .map(|(_, event)| event::ActiveModel::from(event.clone())),
    )
    .exec_without_returning(tx.conn())
    .await?;
    let announcements = written
        .iter()
        .zip(&plan.types)
        .map(|((row, _), case_type)| {
            let initial = case_type.initial();
            (
                "case.created",
                json!({
                    "caseId": row.id,
                    "reference": row.reference,
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
                    "confidentiality": case_type.confidentiality.as_str(),
                }),
            )
        })
        .collect();
    outbox::publish_all(tx, announcements).await?;
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
