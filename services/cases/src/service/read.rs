//! Reading cases: one case by id or reference, a citizen's own cases, a resident's cases for
//! the front office, and the back office's work queue. Every read is confined to the domains
//! the caller reaches, to the case types its policy and confidentiality ceiling allow, and is
//! written to the processing log.

use std::{collections::HashMap, sync::Arc};

use chrono::{NaiveDate, Utc};
use loket_kernel::{Actor, Bsn, Ctx, TenantId, page::Page};
use loket_store::processing_log::{self, Processing};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    sea_query::{Expr, ExprTrait},
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

/// Ordering of a list of cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Soonest deadline first (the work queue).
    #[default]
    Deadline,
    /// Newest first (a resident's cases).
    Newest,
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
        key: &CaseKey,
        purpose: &str,
    ) -> Result<CaseRecord, CaseError> {
        for domain in domains(ctx) {
            if let CaseKey::Id(owner, _) = key
                && owner != &domain
            {
                continue;
            }
            if let Some(record) = self.fetch(ctx, &domain, key, true).await? {
                self.log(ctx, std::slice::from_ref(&record), "case", purpose)
                    .await?;
                return Ok(record);
            }
        }
        Err(CaseError::NotFound)
    }

    /// A case the caller has just made: returned even when the caller may not read it (the
    /// counter starting a confidential case), with every refused part guarded.
    pub(crate) async fn made(
        &self,
        ctx: &Ctx,
        domain: &TenantId,
        id: Uuid,
    ) -> Result<CaseRecord, CaseError> {
        let record = self
            .fetch(ctx, domain, &CaseKey::Id(domain.clone(), id), false)
            .await?
            .ok_or(CaseError::NotFound)?;
        if record.access.read {
            self.log(
                ctx,
                std::slice::from_ref(&record),
                "case",
                "take in a request",
            )
            .await?;
        }
        Ok(record)
    }

    /// The case named by `key` in `domain` with the caller's view of it; `None` when it is
    /// not there, or (with `require_read`) not the caller's to see.
    async fn fetch(
        &self,
        ctx: &Ctx,
        domain: &TenantId,
        key: &CaseKey,
        require_read: bool,
    ) -> Result<Option<CaseRecord>, CaseError> {
        let tx = self.db.begin(domain).await?;
        let query = match key {
            CaseKey::Id(_, id) => case::scoped(domain).filter(case::Column::Id.eq(*id)),
            CaseKey::Reference(r) => {
                case::scoped(domain).filter(case::Column::Reference.eq(r.trim().to_uppercase()))
            }
        };
        let Some(row) = query.one(tx.conn()).await? else {
            tx.commit().await?;
            return Ok(None);
        };
        let Some(case_type) = self.types.get(domain, &row.case_type).map(Arc::clone) else {
            tx.commit().await?;
            return Ok(None);
        };
        let access = TypeAccess::decide(ctx, domain, &case_type);
        let visible = access.read && is_own_or_staff(ctx, &row.subject_bsn);
        if require_read && !visible {
            tx.commit().await?;
            return Ok(None);
        }
        let events = event::scoped(domain)
            .filter(event::Column::CaseId.eq(row.id))
            .order_by_asc(event::Column::Seq)
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(Some(CaseRecord::build(
            domain.clone(),
            case_type,
            row,
            &events,
            access,
        )))
    }

    /// The caller's own cases (a citizen), newest first.
    pub async fn my_cases(&self, ctx: &Ctx, page: Page) -> Result<CasePage, CaseError> {
        let Actor::Citizen { bsn, .. } = ctx.actor() else {
            return Err(CaseError::forbidden("me.cases is for residents"));
        };
        let filter = CaseFilter {
            subject: Some(bsn.as_str().to_owned()),
            include_closed: true,
            order: Order::Newest,
            ..CaseFilter::default()
        };
        self.list(ctx, &filter, page, "show a resident their own cases")
            .await
    }

    /// Cases matching `filter` in every domain the caller reaches. Without a subject only the
    /// cases the caller handles are listed (the work queue); with one, every case of that
    /// resident the caller may read (the front office's view across departments).
    pub async fn list(
        &self,
        ctx: &Ctx,
        filter: &CaseFilter,
        page: Page,
        purpose: &str,
    ) -> Result<CasePage, CaseError> {
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
                return Err(CaseError::bad("caseType", format!("no case type {code:?}")));
            }
        }
        let today = Utc::now().date_naive();
        let mut table = AccessTable::default();
        let mut scopes = Vec::new();
        for domain in domains(ctx) {
            let visible: Vec<String> = self
                .types
                .of(&domain)
                .filter(|t| filter.case_types.is_empty() || filter.case_types.contains(&t.code))
                .filter(|t| {
                    let access = table.get(ctx, &domain, t);
                    if subject.is_some() {
                        access.read
                    } else {
                        access.read && (access.update || access.decide)
                    }
                })
                .map(|t| t.code.clone())
                .collect();
            if visible.is_empty() {
                continue;
            }
            let mut condition = Condition::all()
                .add(case::Column::TenantId.eq(domain.as_str()))
                .add(case::Column::CaseType.is_in(visible));
            match &subject {
                Some(bsn) => condition = condition.add(case::Column::SubjectBsn.eq(bsn.as_str())),
                None => {
                    condition =
                        condition.add(case::Column::HandlingTenant.eq(ctx.tenant().as_str()))
                }
            }
            if !filter.statuses.is_empty() {
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
        if scopes.is_empty() && subject.is_none() && !matches!(ctx.actor(), Actor::Citizen { .. }) {
            return Err(CaseError::forbidden(
                "no case types to handle; the front office lists a resident's cases with filter.subject",
            ));
        }
        let mut rows: Vec<(TenantId, case::Model)> = Vec::new();
        let (mut total, mut overdue) = (0, 0);
        let want = (page.offset + page.first + 1) as u64;
        for scope in &scopes {
            let tx = self.db.begin(&scope.domain).await?;
            let base = case::Entity::find().filter(scope.condition.clone());
            let open_only = !filter.include_closed || filter.overdue;
            let (all, late) = counts(base.clone(), today, open_only, tx.conn()).await?;
            total += all;
            overdue += late;
            let found = ordered(base, filter.order)
                .limit(want)
                .all(tx.conn())
                .await?;
            tx.commit().await?;
            rows.extend(found.into_iter().map(|r| (scope.domain.clone(), r)));
        }
        sort(&mut rows, filter.order);
        let has_next = rows.len() > page.offset + page.first;
        let page_rows: Vec<(TenantId, case::Model)> = rows
            .into_iter()
            .skip(page.offset)
            .take(page.first)
            .collect();
        let cases = self.assemble(ctx, &mut table, page_rows).await?;
        self.log(ctx, &cases, "cases", purpose).await?;
        Ok(CasePage {
            cases,
            has_next,
            total,
            overdue,
        })
    }

    /// Builds records for rows, loading their journals with one query per domain.
    async fn assemble(
        &self,
        ctx: &Ctx,
        table: &mut AccessTable,
        rows: Vec<(TenantId, case::Model)>,
    ) -> Result<Vec<CaseRecord>, CaseError> {
        let mut by_domain: HashMap<TenantId, Vec<Uuid>> = HashMap::new();
        for (domain, row) in &rows {
            by_domain.entry(domain.clone()).or_default().push(row.id);
        }
        let mut events: HashMap<Uuid, Vec<event::Model>> = HashMap::new();
        for (domain, ids) in by_domain {
            let tx = self.db.begin(&domain).await?;
            for e in event::scoped(&domain)
                .filter(event::Column::CaseId.is_in(ids))
                .order_by_asc(event::Column::CaseId)
                .order_by_asc(event::Column::Seq)
                .all(tx.conn())
                .await?
            {
                events.entry(e.case_id).or_default().push(e);
            }
            tx.commit().await?;
        }
        let mut out = Vec::with_capacity(rows.len());
        for (domain, row) in rows {
            let Some(case_type) = self.types.get(&domain, &row.case_type).map(Arc::clone) else {
                continue;
            };
            let access = table.get(ctx, &domain, &case_type);
            let journal = events.remove(&row.id).unwrap_or_default();
            out.push(CaseRecord::build(domain, case_type, row, &journal, access));
        }
        Ok(out)
    }

    /// Writes who read which resident's cases, in the reader's tenant.
    pub(crate) async fn log(
        &self,
        ctx: &Ctx,
        records: &[CaseRecord],
        operation: &str,
        purpose: &str,
    ) -> Result<(), CaseError> {
        let read: Vec<(Bsn, Vec<&'static str>)> = records
            .iter()
            .filter_map(|r| Some((Bsn::new(r.subject_bsn.as_str()).ok()?, r.groups_read())))
            .collect();
        let processings: Vec<Processing<'_>> = read
            .iter()
            .map(|(person, groups)| Processing {
                person,
                purpose,
                operation,
                field_groups: groups,
            })
            .collect();
        if processings.is_empty() {
            return Ok(());
        }
        let tx = self.db.begin(ctx.tenant()).await?;
        processing_log::record_all(&tx, ctx, &processings).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Citizens reach only cases about themselves; staff and apps as their policy allows.
fn is_own_or_staff(ctx: &Ctx, subject: &str) -> bool {
    match ctx.actor() {
        Actor::Citizen { bsn, .. } => bsn.as_str() == subject,
        Actor::Anonymous => false,
        Actor::Employee { .. } | Actor::App { .. } => true,
    }
}

/// How many cases `query` matches, and how many of those are open past their deadline, in
/// one statement. When `query` holds open cases only, the count needs no more than the
/// open-cases index holds.
async fn counts(
    query: Select<case::Entity>,
    today: NaiveDate,
    open_only: bool,
    conn: &impl sea_orm::ConnectionTrait,
) -> Result<(u64, u64), CaseError> {
    let past = Expr::col(case::Column::Deadline).lt(today);
    let late = if open_only {
        past
    } else {
        Expr::col(case::Column::ClosedAt).is_null().and(past)
    };
    let (all, late): (i64, Option<i64>) = query
        .select_only()
        .column_as(Expr::val(1).count(), "all")
        .column_as(Expr::case(late, 1).finally(0).sum(), "late")
        .into_tuple()
        .one(conn)
        .await?
        .unwrap_or((0, None));
    let positive = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok((positive(all), positive(late.unwrap_or(0))))
}

fn ordered(query: Select<case::Entity>, order: Order) -> Select<case::Entity> {
    match order {
        Order::Deadline => query
            .order_by_asc(case::Column::Deadline)
            .order_by_asc(case::Column::Id),
        // Matches the `cases_subject` index, read backwards: no sort of a resident's cases.
        Order::Newest => query
            .order_by_desc(case::Column::CreatedAt)
            .order_by_desc(case::Column::Id),
    }
}

fn sort(rows: &mut [(TenantId, case::Model)], order: Order) {
    match order {
        Order::Deadline => rows.sort_by_key(|r| (r.1.deadline, r.1.id)),
        Order::Newest => rows.sort_by_key(|r| std::cmp::Reverse((r.1.created_at, r.1.id))),
    }
}
