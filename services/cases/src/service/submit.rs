//! New cases: a resident's request for one or more products (`submitRequest`), and the front
//! office starting a case on a resident's behalf (`startCase`). Either way the cases of one
//! request form a bundle, created atomically with their first status and `case.created`
//! events; an idempotency key makes a retry return the same bundle.

use std::sync::Arc;

use chrono::{Datelike, Utc};
use loket_kernel::{Actor, Bsn, Ctx, TenantId, directory::AddressFacts};
use loket_store::{TenantTx, outbox};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement,
    sea_query::OnConflict,
};
use serde_json::json;
use uuid::Uuid;

use super::{Cases, access::TypeAccess, deadline::deadline};
use crate::{
    CaseError, CaseRecord, CaseType,
    entity::{bundle, case, event},
};

/// Most products in one request.
const MAX_PRODUCTS: usize = 10;
/// Longest idempotency key.
const MAX_KEY: usize = 100;
/// Longest description.
const MAX_DESCRIPTION: usize = 4000;

/// How a request came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The resident online.
    Online,
    /// At the counter.
    Counter,
    /// By phone.
    Phone,
    /// By e-mail.
    Email,
    /// By letter.
    Letter,
}

impl Channel {
    /// As stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::Counter => "counter",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Letter => "letter",
        }
    }
}

/// A resident's request for one or more products.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    /// Catalogue product codes.
    pub products: Vec<String>,
    /// Makes a retry return the first result.
    pub idempotency_key: Option<String>,
    /// The location (BAG id); the resident's home address when absent.
    pub address_id: Option<String>,
    /// What the resident asks, in their words.
    pub description: Option<String>,
}

/// A case the front office starts for a resident.
#[derive(Debug, Clone)]
pub struct NewCase {
    /// The resident.
    pub bsn: String,
    /// The catalogue product asked for.
    pub product: String,
    /// How the resident reached the municipality.
    pub channel: Channel,
    /// The location (BAG id); the resident's home address when absent.
    pub address_id: Option<String>,
    /// What the resident asks.
    pub description: Option<String>,
    /// Makes a retry return the first result.
    pub idempotency_key: Option<String>,
}

/// A bundle and whether it was made by an earlier call with the same idempotency key.
#[derive(Debug, Clone)]
pub struct BundleResult {
    /// The bundle's id.
    pub bundle_id: Uuid,
    /// Its cases.
    pub cases: Vec<CaseRecord>,
    /// True when an earlier call with the same key made it.
    pub replayed: bool,
}

/// Everything checked, ready to write.
struct Plan {
    domain: TenantId,
    subject: Bsn,
    types: Vec<Arc<CaseType>>,
    address: Option<AddressFacts>,
    description: Option<String>,
    channel: Channel,
    key: Option<String>,
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

fn check_key(key: Option<String>) -> Result<Option<String>, CaseError> {
    match key.map(|k| k.trim().to_owned()) {
        Some(k) if k.is_empty() || k.len() > MAX_KEY => Err(CaseError::bad(
            "idempotencyKey",
            format!("between 1 and {MAX_KEY} characters"),
        )),
        other => Ok(other),
    }
}

fn check_description(text: Option<String>) -> Result<Option<String>, CaseError> {
    match text.map(|t| t.trim().to_owned()) {
        Some(t) if t.chars().count() > MAX_DESCRIPTION => Err(CaseError::bad(
            "description",
            format!("at most {MAX_DESCRIPTION} characters"),
        )),
        Some(t) if t.is_empty() => Ok(None),
        other => Ok(other),
    }
}

impl Cases {
    /// A resident's request for one or more products: one case per product, in one bundle.
    pub async fn submit_request(
        &self,
        ctx: &Ctx,
        submission: Submission,
    ) -> Result<BundleResult, CaseError> {
        let Actor::Citizen { bsn, loa, .. } = ctx.actor() else {
            return Err(CaseError::forbidden(
                "submitRequest is for residents; staff use startCase",
            ));
        };
        let key = check_key(submission.idempotency_key)?;
        let description = check_description(submission.description)?;
        let mut products = submission.products;
        products.iter_mut().for_each(|p| *p = p.trim().to_owned());
        if products.is_empty() || products.len() > MAX_PRODUCTS {
            return Err(CaseError::bad(
                "products",
                format!("ask for 1 to {MAX_PRODUCTS} products"),
            ));
        }
        let mut types: Vec<Arc<CaseType>> = Vec::new();
        for product in &products {
            let Some(t) = self.types.for_product(ctx.tenant(), product) else {
                return Err(CaseError::bad(
                    "products",
                    format!("{product:?} is not a product that can be requested here"),
                ));
            };
            if types.iter().any(|seen| seen.code == t.code) {
                return Err(CaseError::bad(
                    "products",
                    format!("{product:?} is asked for twice"),
                ));
            }
            let Some(required) = t.online_loa else {
                return Err(CaseError::bad(
                    "products",
                    format!("{} is applied for in person, at the counter", t.name),
                ));
            };
            if *loa < required {
                return Err(CaseError::forbidden(format!(
                    "{} needs a login at level {}",
                    t.name,
                    required.as_str()
                )));
            }
            if !TypeAccess::decide(ctx, ctx.tenant(), t).create {
                return Err(CaseError::forbidden(format!("case/{}", t.code)));
            }
            types.push(Arc::clone(t));
        }
        let address = self
            .location(ctx.tenant(), bsn, submission.address_id.as_deref())
            .await?;
        let plan = Plan {
            domain: ctx.tenant().clone(),
            subject: bsn.clone(),
            types,
            address,
            description,
            channel: Channel::Online,
            key,
        };
        self.create(ctx, plan).await
    }

    /// A case started by the front office for a resident within its reach.
    pub async fn start_case(&self, ctx: &Ctx, new: NewCase) -> Result<BundleResult, CaseError> {
        if !matches!(ctx.actor(), Actor::Employee { .. }) {
            return Err(CaseError::forbidden("startCase is for municipal staff"));
        }
        let subject = Bsn::new(new.bsn.trim()).map_err(|e| CaseError::bad("bsn", e.to_string()))?;
        let key = check_key(new.idempotency_key)?;
        let description = check_description(new.description)?;
        let resident = self
            .directory
            .resident(&subject)
            .await?
            .ok_or(CaseError::NotFound)?;
        let domain = self.tenant_of(&resident.municipality_code)?;
        if &domain != ctx.tenant() && !ctx.delegated_domains().any(|d| d == &domain) {
            return Err(CaseError::NotFound);
        }
        let product = new.product.trim();
        let case_type = self.types.for_product(&domain, product).ok_or_else(|| {
            CaseError::bad(
                "product",
                format!("{product:?} is not a product that starts a case here"),
            )
        })?;
        if !TypeAccess::decide(ctx, &domain, case_type).create {
            return Err(CaseError::forbidden(format!("case/{}", case_type.code)));
        }
        let address = self
            .location(&domain, &subject, new.address_id.as_deref())
            .await?;
        let plan = Plan {
            domain,
            subject,
            types: vec![Arc::clone(case_type)],
            address,
            description,
            channel: new.channel,
            key,
        };
        self.create(ctx, plan).await
    }

    /// The tenant of a CBS municipality code.
    pub(crate) fn tenant_of(&self, municipality_code: &str) -> Result<TenantId, CaseError> {
        self.tenants
            .tenants
            .values()
            .find(|t| t.municipality_code.as_str() == municipality_code)
            .map(|t| t.slug.clone())
            .ok_or(CaseError::NotFound)
    }

    /// The case's location: `address_id` if given (it must lie in the domain's municipality),
    /// else the resident's home address. The resident must live in the domain.
    async fn location(
        &self,
        domain: &TenantId,
        subject: &Bsn,
        address_id: Option<&str>,
    ) -> Result<Option<AddressFacts>, CaseError> {
        let resident = self
            .directory
            .resident(subject)
            .await?
            .ok_or_else(|| CaseError::bad("bsn", "no resident with this BSN"))?;
        if &self.tenant_of(&resident.municipality_code)? != domain {
            return Err(CaseError::forbidden(
                "the resident lives in another municipality; apply there",
            ));
        }
        let Some(id) = address_id.map(str::trim) else {
            return Ok(resident.address);
        };
        let address = self
            .directory
            .address(id)
            .await?
            .ok_or_else(|| CaseError::bad("addressId", "no address with this id"))?;
        if &self.tenant_of(&address.municipality_code)? != domain {
            return Err(CaseError::bad(
                "addressId",
                "the address lies in another municipality",
            ));
        }
        Ok(Some(address))
    }

    /// Writes the bundle, its cases, their first status and events in one transaction, or
    /// returns the bundle an earlier call with the same key made.
    async fn create(&self, ctx: &Ctx, plan: Plan) -> Result<BundleResult, CaseError> {
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
    let backend = tx.conn().get_database_backend();
    let sql = "INSERT INTO case_counters (tenant_id, year, last) VALUES ($1, $2, $3) \
               ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + excluded.last \
               RETURNING last";
    let count = i32::try_from(count).unwrap_or(i32::MAX);
    let row = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [tx.tenant().as_str().into(), year.into(), count.into()],
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
            "status": initial.code,
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

    #[test]
    fn keys_and_descriptions_are_checked() {
        assert!(check_key(Some(" ".into())).is_err());
        assert!(check_key(Some("x".repeat(101))).is_err());
        assert_eq!(
            check_key(Some(" k1 ".into())).ok().flatten().as_deref(),
            Some("k1")
        );
        assert!(check_description(Some("x".repeat(4001))).is_err());
        assert_eq!(check_description(Some("  ".into())).ok().flatten(), None);
    }
}
