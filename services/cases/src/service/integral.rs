//! The integral view (one-stop): the other open or recently decided cases at the same
//! address, across departments, and a flag when decisions there disagree, so handlers
//! coordinate before a resident hears yes from one desk and no from another.

use std::sync::Arc;

use chrono::{Duration, Utc};
use loket_kernel::{Actor, Ctx};
use sea_orm::{ColumnTrait, Condition, QueryFilter, QueryOrder, QuerySelect};

use super::{Cases, access::AccessTable};
use crate::{CaseError, CaseRecord, Effect, entity::case};

/// Decisions older than this no longer count as "recent".
const RECENT_DAYS: i64 = 180;
/// At most this many other cases are considered at one address.
const LIMIT: u64 = 50;

/// Another case at the same address.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedCase {
    /// Its reference.
    pub reference: String,
    /// Case type name.
    pub case_type: String,
    /// The department handling it, to know whom to call.
    pub department: String,
    /// Public status name, where the caller may read it.
    pub status: Option<String>,
    /// Whether it is decided, and how, where the caller may read the outcome.
    pub effect: Option<Effect>,
    /// Whether it is still open.
    pub open: bool,
}

/// What else is going on at a case's address.
#[derive(Debug, Clone, PartialEq)]
pub struct IntegralView {
    /// The other cases at the address the caller may read, soonest deadline first.
    pub cases: Vec<RelatedCase>,
    /// Whether a positive and a negative decision meet at this address (this case
    /// included), also among cases the caller cannot read.
    pub conflict: bool,
    /// The departments whose decisions disagree, to coordinate with.
    pub conflicting_departments: Vec<String>,
}

impl Cases {
    /// The integral view of a case the caller has read; for municipal staff who may read its
    /// outcome.
    pub async fn integral_view(
        &self,
        ctx: &Ctx,
        of: &CaseRecord,
    ) -> Result<IntegralView, CaseError> {
        if !matches!(ctx.actor(), Actor::Employee { .. }) || !of.access.status {
            return Err(CaseError::forbidden("case/*/status"));
        }
        // The conflict flag tells whether decisions disagree: only for those who may read
        // outcomes (Haarlem's front office may not).
        if !of.access.outcome {
            return Err(CaseError::forbidden("case/*/outcome"));
        }
        let Some(address) = &of.address_id else {
            return Ok(IntegralView {
                cases: Vec::new(),
                conflict: false,
                conflicting_departments: Vec::new(),
            });
        };
        let since = Utc::now() - Duration::days(RECENT_DAYS);
        let tx = self.db.begin(&of.domain).await?;
        let rows = case::scoped(&of.domain)
            .filter(case::Column::AddressId.eq(address.as_str()))
            .filter(
                Condition::any()
                    .add(case::Column::ClosedAt.is_null())
                    .add(case::Column::DecidedAt.gte(since)),
            )
            .order_by_asc(case::Column::Deadline)
            .limit(LIMIT)
            .all(tx.conn())
            .await?;
        tx.commit().await?;

        let mut table = AccessTable::default();
        let mut cases = Vec::new();
        let mut decided: Vec<(Effect, String)> = Vec::new();
        for row in rows {
            let Some(case_type) = self.types.get(&of.domain, &row.case_type).map(Arc::clone) else {
                continue;
            };
            let effect = row
                .outcome
                .as_deref()
                .and_then(|o| case_type.outcome(o))
                .map(|o| o.effect);
            if let Some(effect) = effect {
                decided.push((effect, case_type.department.clone()));
            }
            if row.id == of.id {
                continue;
            }
            let access = table.get(ctx, &of.domain, &case_type);
            if !access.read {
                continue;
            }
            cases.push(RelatedCase {
                reference: row.reference.clone(),
                case_type: case_type.name.clone(),
                department: case_type.department.clone(),
                status: access.status.then(|| {
                    case_type
                        .status(&row.status)
                        .map_or(row.status.clone(), |s| s.name.clone())
                }),
                effect: if access.outcome { effect } else { None },
                open: row.closed_at.is_none(),
            });
        }
        let positive = decided.iter().any(|(e, _)| *e == Effect::Positive);
        let negative = decided.iter().any(|(e, _)| *e == Effect::Negative);
        let conflict = positive && negative;
        let mut conflicting_departments: Vec<String> = if conflict {
            decided
                .into_iter()
                .filter(|(e, _)| *e != Effect::Neutral)
                .map(|(_, d)| d)
                .collect()
        } else {
            Vec::new()
        };
        conflicting_departments.sort();
        conflicting_departments.dedup();
        Ok(IntegralView {
            cases,
            conflict,
            conflicting_departments,
        })
    }
}
