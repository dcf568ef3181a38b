//! The integral view (one-stop): the other open or recently decided cases at the same
//! address, across departments, and a flag when decisions there disagree, so handlers
//! coordinate before a resident hears yes from one desk and no from another.
//!
//! Everything in it, the conflict flag and the departments it names included, comes from
//! cases the caller may read, with outcomes the caller may read: a case above the caller's
//! confidentiality ceiling, of a case type its policy does not grant, or of another
//! municipality's domain (a regional desk sees only the shared case types there) neither
//! appears nor counts. The view so says less to those who may see less; it never reveals a
//! decision the caller could not look up itself. Each related case read is a read of its
//! subject's personal data, logged as such.

use std::{collections::HashMap, sync::Arc};

use async_graphql::dataloader::Loader;
use chrono::{Duration, Utc};
use loket_kernel::{Actor, Ctx, TenantId};
use loket_store::Session;
use sea_orm::{ColumnTrait, Condition, QueryFilter, QueryOrder};

use super::{Cases, access::AccessTable};
use crate::{CaseError, CaseRecord, Effect, entity::case};

/// Decisions older than this no longer count as "recent".
const RECENT_DAYS: i64 = 180;
/// At most this many other cases are considered at one address.
const LIMIT: usize = 50;

/// Another case at the same address.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedCase {
    /// The resident it is about (for the processing log; not shown).
    pub subject_bsn: String,
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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntegralView {
    /// The other cases at the address the caller may read, soonest deadline first.
    pub cases: Vec<RelatedCase>,
    /// Whether a positive and a negative decision meet at this address (this case
    /// included), among the cases and outcomes the caller may read.
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
        session: &Session,
        of: &CaseRecord,
    ) -> Result<IntegralView, CaseError> {
        let Some(address) = Self::integral_address(ctx, of)? else {
            return Ok(IntegralView::default());
        };
        let mut around = around(session, &of.domain, &[address.to_owned()]).await?;
        let rows = around.remove(address).unwrap_or_default();
        Ok(self.integral_view_of(ctx, of, &rows))
    }

    /// Whether the caller may have the integral view of `of`, and the address it is about
    /// (`None`: the case has none, so the view is empty).
    pub fn integral_address<'c>(
        ctx: &Ctx,
        of: &'c CaseRecord,
    ) -> Result<Option<&'c str>, CaseError> {
        if !matches!(ctx.actor(), Actor::Employee { .. }) || !of.access.status {
            return Err(CaseError::forbidden("case/*/status"));
        }
        // The conflict flag tells whether decisions disagree: only for those who may read
        // outcomes (Haarlem's front office may not).
        if !of.access.outcome {
            return Err(CaseError::forbidden("case/*/outcome"));
        }
        Ok(of.address_id.as_deref())
    }

    /// The integral view of `of` from the cases at its address (`rows`, soonest deadline
    /// first), as far as the caller may read them.
    pub(crate) fn integral_view_of(
        &self,
        ctx: &Ctx,
        of: &CaseRecord,
        rows: &[case::Model],
    ) -> IntegralView {
        let mut table = AccessTable::default();
        let mut cases = Vec::new();
        let mut decided: Vec<(Effect, String)> = Vec::new();
        for row in rows {
            let Some(case_type) = self.types.get(&of.domain, &row.case_type).map(Arc::clone) else {
                continue;
            };
            let access = table.get(ctx, &of.domain, &case_type);
            if !access.read {
                continue;
            }
            let effect = row
                .outcome
                .as_deref()
                .and_then(|o| case_type.outcome(o))
                .map(|o| o.effect)
                .filter(|_| access.outcome);
            if let Some(effect) = effect {
                decided.push((effect, case_type.department.clone()));
            }
            if row.id == of.id {
                continue;
            }
            cases.push(RelatedCase {
                subject_bsn: row.subject_bsn.clone(),
                reference: row.reference.clone(),
                case_type: case_type.name.clone(),
                department: case_type.department.clone(),
                status: access.status.then(|| {
                    case_type
                        .status(&row.status)
                        .map_or(row.status.clone(), |s| s.name.clone())
                }),
                effect,
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
        IntegralView {
            cases,
            conflict,
            conflicting_departments,
        }
    }
}

/// The open and recently decided cases at each of `addresses` in `domain`, soonest deadline
/// first, at most [`LIMIT`] an address: one statement for them all.
pub(crate) async fn around(
    session: &Session,
    domain: &TenantId,
    addresses: &[String],
) -> Result<HashMap<String, Vec<case::Model>>, CaseError> {
    let since = Utc::now()
        .checked_sub_signed(Duration::days(RECENT_DAYS))
        .unwrap_or_default();
    let tx = session.tx(domain).await?;
    let rows = case::scoped(domain)
        .filter(case::Column::AddressId.is_in(addresses.iter().map(String::as_str)))
        .filter(
            Condition::any()
                .add(case::Column::ClosedAt.is_null())
                .add(case::Column::DecidedAt.gte(since)),
        )
        .order_by_asc(case::Column::Deadline)
        .order_by_asc(case::Column::Id)
        .all(tx.conn())
        .await?;
    let mut by_address: HashMap<String, Vec<case::Model>> = HashMap::new();
    for row in rows {
        let Some(address) = row.address_id.clone() else {
            continue;
        };
        let list = by_address.entry(address).or_default();
        if list.len() < LIMIT {
            list.push(row);
        }
    }
    Ok(by_address)
}

/// Loads the cases around addresses for every integral view of one request together: a work
/// queue showing the integral view of each case asks the database once, not once a case.
pub struct Around(Session);

impl Around {
    /// A loader reading through the request's session.
    pub fn new(session: Session) -> Self {
        Self(session)
    }
}

/// The cases at one address, as [`Around`] loads them.
#[derive(Debug, Default)]
pub struct CasesAround(pub(crate) Vec<case::Model>);

impl Loader<(TenantId, String)> for Around {
    type Value = Arc<CasesAround>;
    type Error = Arc<CaseError>;

    async fn load(
        &self,
        keys: &[(TenantId, String)],
    ) -> Result<HashMap<(TenantId, String), Self::Value>, Self::Error> {
        let mut by_domain: HashMap<&TenantId, Vec<String>> = HashMap::new();
        for (domain, address) in keys {
            by_domain.entry(domain).or_default().push(address.clone());
        }
        let mut found = HashMap::with_capacity(keys.len());
        for (domain, addresses) in by_domain {
            let rows = around(&self.0, domain, &addresses)
                .await
                .map_err(Arc::new)?;
            for address in addresses {
                let cases = rows.get(&address).cloned().unwrap_or_default();
                found.insert((domain.clone(), address), Arc::new(CasesAround(cases)));
            }
        }
        Ok(found)
    }
}
