//! Reading cases: one case by id or reference, a citizen's own cases, a resident's cases for
//! the front office, and the back office's work queue. Every read is confined to the domains
//! the caller reaches and to the case types its policy and confidentiality ceiling allow, and
//! runs in the request's session: a page and its counts in one statement per domain, the
//! page's journals in one more when they are asked for.

use std::{collections::HashMap, sync::Arc};

use chrono::NaiveDate;
use loket_kernel::{
    Actor, Bsn, Ctx, TenantId,
    calendar::Calendar,
    page::{DayKey, Key, Page, TimeKey},
};
use loket_store::{Session, TenantTx, query::page_with_counts};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    sea_query::{Expr, ExprTrait, Order as SqlOrder},
};
use uuid::Uuid;

use super::{
    Cases,
    access::{AccessTable, TypeAccess, domains},
};
use crate::{
    CaseError, CaseRecord,
    entity::{case, event},
};

/// How a case is named by a caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseKey {
    /// Owner tenant and id.
    Id(TenantId, Uuid),
    /// Readable reference, for example `ENS-2026-000123`.
    Reference(String),
}

pub use loket_store::processing_log::ReadAs;

/// What of a case the caller asked for, beyond its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    /// Its journal: timeline, notes, journal entries.
    pub events: bool,
}

impl Default for Want {
    fn default() -> Self {
        Self { events: true }
    }
}

/// Ordering of a list of cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Soonest deadline first (the work queue).
    #[default]
    Deadline,
    /// Newest first (a resident's cases).
    Newest,
}

/// Where a page of cases continues: after the case with this deadline and id, or after the
/// case with this creation moment and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasePosition {
    /// In a list by deadline.
    Deadline(DayKey),
    /// In a list newest first.
    Newest(TimeKey),
}

impl CasePosition {
    /// The cursor of `record` in a list ordered by `order`.
    pub fn cursor(record: &CaseRecord, order: Order) -> String {
        let position = match order {
            Order::Deadline => Self::Deadline(DayKey {
                day: record.deadline,
                id: record.id,
            }),
            Order::Newest => Self::Newest(TimeKey {
                at: record.created_at,
                id: record.id,
            }),
        };
        loket_kernel::page::cursor(&position)
    }

    fn order(self) -> Order {
        match self {
            Self::Deadline(_) => Order::Deadline,
            Self::Newest(_) => Order::Newest,
        }
    }
}

impl Key for CasePosition {
    const TAG: &'static str = "c";
    fn encode(&self) -> String {
        match self {
            Self::Deadline(k) => format!("{}:{}", DayKey::TAG, k.encode()),
            Self::Newest(k) => format!("{}:{}", TimeKey::TAG, k.encode()),
        }
    }
    fn decode(text: &str) -> Option<Self> {
        let (tag, rest) = text.split_once(':')?;
        match tag {
            DayKey::TAG => DayKey::decode(rest).map(Self::Deadline),
            TimeKey::TAG => TimeKey::decode(rest).map(Self::Newest),
            _ => None,
        }
    }
}

/// Which cases to list; every set field narrows the list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only cases about this resident (required for the front office).
    pub subject: Option<String>,
    /// Only these case types.
    pub case_types: Vec<String>,
    /// Only cases in these statuses.
    pub statuses: Vec<String>,
    /// Only cases assigned to this handler.
    pub handler: Option<String>,
    /// Only unassigned cases.
    pub unassigned: bool,
    /// Only open cases whose deadline has passed.
    pub overdue: bool,
    /// Only cases due before this day.
    pub due_before: Option<NaiveDate>,
    /// Open cases only (default), or closed ones too.
    pub include_closed: bool,
    /// Order.
    pub order: Order,
}

/// One page of cases with the counts over all matching cases.
#[derive(Debug, Clone)]
pub struct CasePage {
    /// The cases of this page.
    pub cases: Vec<CaseRecord>,
    /// Whether more follow.
    pub has_next: bool,
    /// How many match in all.
    pub total: u64,
    /// How many of those are open and past their deadline.
    pub overdue: u64,
    /// The order the cursors of this page follow.
    pub order: Order,
}

/// A case as stored, with its journal, type and the caller's access to it.
pub(crate) struct Raw {
    pub(crate) row: case::Model,
    pub(crate) events: Vec<event::Model>,
    pub(crate) case_type: Arc<crate::CaseType>,
    pub(crate) access: TypeAccess,
}

/// The cases of one domain the caller may list, with the condition selecting them.
struct Scope {
    domain: TenantId,
    condition: Condition,
}

impl Cases {
    /// One case, as far as the caller may see it; `NOT_FOUND` when out of reach.
    pub async fn find(
        &self,
        ctx: &Ctx,
        session: &Session,
        key: &CaseKey,
        read_as: ReadAs,
        want: Want,
    ) -> Result<CaseRecord, CaseError> {
        for domain in domains(ctx) {
            if let CaseKey::Id(owner, _) = key
                && owner != &domain
            {
                continue;
            }
            let tx = session.tx(&domain).await?;
            if let Some(record) = self.fetch(ctx, &tx, key, want, read_as).await?
                && record.access.read
                && is_own_or_staff(ctx, &record.subject_bsn)
            {
                return Ok(record);
            }
        }
        Err(CaseError::NotFound)
    }

    /// The case named by `key` in the transaction's domain with the caller's view of it, read
    /// or not; `None` when it is not there.
    pub(crate) async fn fetch(
        &self,
        ctx: &Ctx,
        tx: &TenantTx,
        key: &CaseKey,
        want: Want,
        read_as: ReadAs,
    ) -> Result<Option<CaseRecord>, CaseError> {
        Ok(self.fetch_raw(ctx, tx, key, want).await?.map(|raw| {
            CaseRecord::build(
                tx.tenant().clone(),
                raw.case_type,
                raw.row,
                &raw.events,
                raw.access,
                read_as,
            )
        }))
    }

    /// The row of the case named by `key`, its journal (only when the caller may read it),
    /// its type and the caller's access to it.
    pub(crate) async fn fetch_raw(
        &self,
        ctx: &Ctx,
        tx: &TenantTx,
        key: &CaseKey,
        want: Want,
    ) -> Result<Option<Raw>, CaseError> {
        let domain = tx.tenant();
        let query = match key {
            CaseKey::Id(_, id) => case::scoped(domain).filter(case::Column::Id.eq(*id)),
            CaseKey::Reference(r) => {
                let reference = r.trim().to_uppercase();
                if reference.len() > 40 {
                    return Ok(None);
                }
                case::scoped(domain).filter(case::Column::Reference.eq(reference))
            }
        };
        // The row and its journal in one statement.
        let found = if want.events {
            query
                .find_with_related(event::Entity)
                .order_by_asc(event::Column::Seq)
                .all(tx.conn())
                .await?
                .into_iter()
                .next()
        } else {
            query.one(tx.conn()).await?.map(|row| (row, Vec::new()))
        };
        let Some((row, events)) = found else {
            return Ok(None);
        };
        let Some(case_type) = self.types.get(domain, &row.case_type).map(Arc::clone) else {
            return Ok(None);
        };
        let access = TypeAccess::decide(ctx, domain, &case_type);
        let visible = access.read && is_own_or_staff(ctx, &row.subject_bsn);
        Ok(Some(Raw {
            events: if visible { events } else { Vec::new() },
            row,
            case_type,
            access,
        }))
    }

    /// The caller's own cases (a citizen), newest first.
    pub async fn my_cases(
        &self,
        ctx: &Ctx,
        session: &Session,
        page: Page<CasePosition>,
        want: Want,
    ) -> Result<CasePage, CaseError> {
        let Actor::Citizen { bsn, .. } = ctx.actor() else {
            return Err(CaseError::forbidden("me.cases is for residents"));
        };
        let filter = CaseFilter {
            subject: Some(bsn.as_str().to_owned()),
            include_closed: true,
            order: Order::Newest,
            ..CaseFilter::default()
        };
        let read_as = ReadAs {
            operation: "me.cases",
            purpose: "show a resident their own cases",
        };
        self.list(ctx, session, &filter, page, want, read_as).await
    }

    /// Cases matching `filter` in every domain the caller reaches. Without a subject only the
    /// cases the caller handles are listed (the work queue); with one, every case of that
    /// resident the caller may read (the front office's view across departments). A filter on
    /// a part of a case (its handler, its status) needs the right to read that part.
    pub async fn list(
        &self,
        ctx: &Ctx,
        session: &Session,
        filter: &CaseFilter,
        page: Page<CasePosition>,
        want: Want,
        read_as: ReadAs,
    ) -> Result<CasePage, CaseError> {
        if let Some(after) = page.after
            && after.order() != filter.order
        {
            return Err(CaseError::bad(
                "after",
                "the cursor belongs to another order",
            ));
        }
        let today = Calendar::today();
        let (scopes, mut table) = self.scopes(ctx, filter, today)?;
        let open_only = !filter.include_closed || filter.overdue;
        let (mut total, mut overdue) = (0_u64, 0_u64);
        let mut rows: Vec<(TenantId, case::Model)> = Vec::new();
        for scope in &scopes {
            let tx = session.tx(&scope.domain).await?;
            let matching = case::Entity::find().filter(scope.condition.clone());
            let mut page_query = matching.clone();
            if let Some(after) = page.after {
                page_query = page_query.filter(after_condition(after));
            }
            let (page_query, order) = ordered(page_query, filter.order);
            let past = Expr::col(case::Column::Deadline).lt(today);
            let late = if open_only {
                past
            } else {
                Expr::col(case::Column::ClosedAt).is_null().and(past)
            };
            let found = page_with_counts(
                &tx,
                matching,
                vec![Expr::val(1).count(), Expr::case(late, 1).finally(0).sum()],
                page_query.limit(page.fetch()),
                &order,
            )
            .await?;
            let count = |i: usize| {
                found
                    .counts
                    .get(i)
                    .and_then(|n| u64::try_from(*n).ok())
                    .unwrap_or(0)
            };
            total = total.saturating_add(count(0));
            overdue = overdue.saturating_add(count(1));
            rows.extend(found.rows.into_iter().map(|r| (scope.domain.clone(), r)));
        }
        sort(&mut rows, filter.order);
        let has_next = rows.len() > page.first;
        rows.truncate(page.first);
        let cases = self
            .assemble(ctx, session, &mut table, rows, want, read_as)
            .await?;
        Ok(CasePage {
            cases,
            has_next,
            total,
            overdue,
            order: filter.order,
        })
    }

    /// The domains and conditions a list covers.
    fn scopes(
        &self,
        ctx: &Ctx,
        filter: &CaseFilter,
        today: NaiveDate,
    ) -> Result<(Vec<Scope>, AccessTable), CaseError> {
        let subject = match (&filter.subject, ctx.actor()) {
            (_, Actor::Citizen { bsn, .. }) => Some(bsn.clone()),
            (Some(s), _) => {
                Some(Bsn::new(s.trim()).map_err(|e| CaseError::bad("subject", e.to_string()))?)
            }
            (None, _) => None,
        };
        for code in &filter.case_types {
            if self.types.get(ctx.tenant(), code).is_none()
                && !ctx
                    .delegated_domains()
                    .any(|d| self.types.get(d, code).is_some())
            {
                return Err(CaseError::bad(
                    "caseTypes",
                    format!("no case type {code:?}"),
                ));
            }
        }
        let by_handler = filter.handler.is_some() || filter.unassigned;
        let by_status = !filter.statuses.is_empty();
        let mut table = AccessTable::default();
        let mut scopes = Vec::new();
        let mut narrowed = false;
        for domain in domains(ctx) {
            let mut visible = Vec::new();
            for t in self.types.of(&domain) {
                if !filter.case_types.is_empty() && !filter.case_types.contains(&t.code) {
                    continue;
                }
                let access = table.get(ctx, &domain, t);
                let listed = if subject.is_some() {
                    access.read
                } else {
                    access.read && (access.update || access.decide)
                };
                if !listed {
                    continue;
                }
                // A filter on a part the caller may not read would tell it through the counts.
                if (by_handler && !access.assignment) || (by_status && !access.status) {
                    narrowed = true;
                    continue;
                }
                visible.push(t.code.clone());
            }
            if visible.is_empty() {
                continue;
            }
            let mut condition = Condition::all()
                .add(case::Column::TenantId.eq(domain.as_str()))
                .add(case::Column::CaseType.is_in(visible));
            condition = match &subject {
                Some(bsn) => condition.add(case::Column::SubjectBsn.eq(bsn.as_str())),
                None => condition.add(case::Column::HandlingTenant.eq(ctx.tenant().as_str())),
            };
            if by_status {
                condition = condition.add(case::Column::Status.is_in(filter.statuses.clone()));
            }
            if let Some(handler) = &filter.handler {
                condition = condition.add(case::Column::Handler.eq(handler.as_str()));
            }
            if filter.unassigned {
                condition = condition.add(case::Column::Handler.is_null());
            }
            if !filter.include_closed || filter.overdue {
                condition = condition.add(case::Column::ClosedAt.is_null());
            }
            if filter.overdue {
                condition = condition.add(case::Column::Deadline.lt(today));
            }
            if let Some(day) = filter.due_before {
                condition = condition.add(case::Column::Deadline.lt(day));
            }
            scopes.push(Scope { domain, condition });
        }
        if scopes.is_empty() && narrowed {
            let object = if by_handler {
                "case/*/assignment"
            } else {
                "case/*/status"
            };
            return Err(CaseError::forbidden(object));
        }
        if scopes.is_empty() && subject.is_none() && !matches!(ctx.actor(), Actor::Citizen { .. }) {
            return Err(CaseError::forbidden(
                "no case types to handle; the front office lists a resident's cases with filter.subject",
            ));
        }
        Ok((scopes, table))
    }

    /// Builds records for rows, loading their journals with one query per domain when they
    /// are asked for.
    async fn assemble(
        &self,
        ctx: &Ctx,
        session: &Session,
        table: &mut AccessTable,
        rows: Vec<(TenantId, case::Model)>,
        want: Want,
        read_as: ReadAs,
    ) -> Result<Vec<CaseRecord>, CaseError> {
        let mut events: HashMap<Uuid, Vec<event::Model>> = HashMap::new();
        if want.events {
            let mut by_domain: HashMap<TenantId, Vec<Uuid>> = HashMap::new();
            for (domain, row) in &rows {
                by_domain.entry(domain.clone()).or_default().push(row.id);
            }
            for (domain, ids) in by_domain {
                let tx = session.tx(&domain).await?;
                for e in event::scoped(&domain)
                    .filter(event::Column::CaseId.is_in(ids))
                    .order_by_asc(event::Column::CaseId)
                    .order_by_asc(event::Column::Seq)
                    .all(tx.conn())
                    .await?
                {
                    events.entry(e.case_id).or_default().push(e);
                }
            }
        }
        let mut out = Vec::with_capacity(rows.len());
        for (domain, row) in rows {
            let Some(case_type) = self.types.get(&domain, &row.case_type).map(Arc::clone) else {
                continue;
            };
            let access = table.get(ctx, &domain, &case_type);
            let journal = events.remove(&row.id).unwrap_or_default();
            out.push(CaseRecord::build(
                domain, case_type, row, &journal, access, read_as,
            ));
        }
        Ok(out)
    }
}

/// Citizens reach only cases about themselves; staff and apps as their policy allows.
pub(crate) fn is_own_or_staff(ctx: &Ctx, subject: &str) -> bool {
    match ctx.actor() {
        Actor::Citizen { bsn, .. } => bsn.as_str() == subject,
        Actor::Anonymous => false,
        Actor::Employee { .. } | Actor::App { .. } => true,
    }
}

/// The rows that come after `position` in its order.
fn after_condition(position: CasePosition) -> Condition {
    match position {
        CasePosition::Deadline(k) => Condition::any().add(case::Column::Deadline.gt(k.day)).add(
            Condition::all()
                .add(case::Column::Deadline.eq(k.day))
                .add(case::Column::Id.gt(k.id)),
        ),
        CasePosition::Newest(k) => Condition::any().add(case::Column::CreatedAt.lt(k.at)).add(
            Condition::all()
                .add(case::Column::CreatedAt.eq(k.at))
                .add(case::Column::Id.lt(k.id)),
        ),
    }
}

fn ordered(
    query: Select<case::Entity>,
    order: Order,
) -> (Select<case::Entity>, Vec<(&'static str, SqlOrder)>) {
    match order {
        Order::Deadline => (
            query
                .order_by_asc(case::Column::Deadline)
                .order_by_asc(case::Column::Id),
            vec![("deadline", SqlOrder::Asc), ("id", SqlOrder::Asc)],
        ),
        // Matches the `cases_subject` index, read backwards: no sort of a resident's cases.
        Order::Newest => (
            query
                .order_by_desc(case::Column::CreatedAt)
                .order_by_desc(case::Column::Id),
            vec![("created_at", SqlOrder::Desc), ("id", SqlOrder::Desc)],
        ),
    }
}

fn sort(rows: &mut [(TenantId, case::Model)], order: Order) {
    match order {
        Order::Deadline => rows.sort_by_key(|r| (r.1.deadline, r.1.id)),
        Order::Newest => rows.sort_by_key(|r| std::cmp::Reverse((r.1.created_at, r.1.id))),
    }
}
