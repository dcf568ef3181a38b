//! Search statistics: how often each normalised query was searched per day, how many results
//! it had, and which products residents chose from them. Aggregates only: queries are stored
//! without numbers or e-mail addresses and without who searched.

use std::{collections::HashMap, sync::Mutex};

use chrono::NaiveDate;
use loket_kernel::{Action, Ctx, TenantId, calendar::Calendar, input};
use loket_store::{Db, Session};
use sea_orm::ConnectionTrait;

use super::Catalog;
use crate::{CatalogError, search::text::for_statistics};

/// The object guarding the report.
const REPORT: &str = "report/search";

/// A query and how it fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryCount {
    /// The normalised query.
    pub query: String,
    /// How often it was searched.
    pub searches: i64,
    /// How often it found nothing.
    pub zero_results: i64,
    /// The products chosen from its results, most chosen first.
    pub choices: Vec<(String, i64)>,
}

/// What residents searched for in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchReport {
    /// All searches.
    pub searches: i64,
    /// Searches that found nothing.
    pub zero_result_searches: i64,
    /// The most searched queries.
    pub top_queries: Vec<QueryCount>,
    /// The most searched queries that found nothing: what residents cannot find.
    pub zero_result_queries: Vec<QueryCount>,
}

/// How often one normalised query was searched on one day, not yet stored.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    searches: i64,
    zero_results: i64,
    results: i64,
}

/// Search counts kept in memory and stored in batches, so a search writes nothing to the
/// database on its way: anonymous traffic cannot turn into write load, and a thousand
/// searches for "paspoort" become one row update.
#[derive(Debug, Default)]
pub(super) struct Tallies(Mutex<HashMap<(TenantId, NaiveDate, String), Tally>>);

/// Rows per statement when storing tallies.
const BATCH: usize = 500;

impl Tallies {
    /// Counts one search of `query` with `results` results.
    pub(super) fn count(&self, tenant: &TenantId, query: &str, results: usize) {
        let query = for_statistics(query);
        if query.is_empty() {
            return;
        }
        let results = i64::try_from(results).unwrap_or(i64::MAX);
        let key = (tenant.clone(), Calendar::today(), query);
        if let Ok(mut map) = self.0.lock() {
            let tally = map.entry(key).or_default();
            tally.searches = tally.searches.saturating_add(1);
            tally.zero_results = tally.zero_results.saturating_add(i64::from(results == 0));
            tally.results = tally.results.saturating_add(results);
        }
    }

    /// Takes every tally, leaving none.
    fn take(&self) -> HashMap<(TenantId, NaiveDate, String), Tally> {
        self.0
            .lock()
            .map(|mut map| std::mem::take(&mut *map))
            .unwrap_or_default()
    }

    /// Puts tallies back that could not be stored, adding to what was counted meanwhile.
    fn restore(&self, tallies: Vec<((TenantId, NaiveDate, String), Tally)>) {
        if let Ok(mut map) = self.0.lock() {
            for (key, t) in tallies {
                let tally = map.entry(key).or_default();
                tally.searches = tally.searches.saturating_add(t.searches);
                tally.zero_results = tally.zero_results.saturating_add(t.zero_results);
                tally.results = tally.results.saturating_add(t.results);
            }
        }
    }

    /// Stores every tally, one transaction per tenant; what fails stays counted for the
    /// next time.
    pub(super) async fn store(&self, db: &Db) -> Result<(), CatalogError> {
        let mut by_tenant: HashMap<TenantId, Vec<_>> = HashMap::new();
        for (key, tally) in self.take() {
            by_tenant
                .entry(key.0.clone())
                .or_default()
                .push((key, tally));
        }
        let mut first_error = None;
        for (tenant, tallies) in by_tenant {
            if let Err(e) = store_tenant(db, &tenant, &tallies).await {
                self.restore(tallies);
                first_error.get_or_insert(e);
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}

/// Adds one tenant's tallies to `search_stats`.
async fn store_tenant(
    db: &Db,
    tenant: &TenantId,
    tallies: &[((TenantId, NaiveDate, String), Tally)],
) -> Result<(), CatalogError> {
    let tx = db.begin(tenant).await?;
    for chunk in tallies.chunks(BATCH) {
        let mut values = Vec::with_capacity(chunk.len().saturating_mul(6));
        let rows: Vec<String> = chunk
            .iter()
            .enumerate()
            .map(|(i, ((_, day, query), t))| {
                values.extend([
                    tenant.as_str().into(),
                    (*day).into(),
                    query.clone().into(),
                    t.searches.into(),
                    t.zero_results.into(),
                    t.results.into(),
                ]);
                let n = i.saturating_mul(6);
                let p = |k: usize| n.saturating_add(k);
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    p(1),
                    p(2),
                    p(3),
                    p(4),
                    p(5),
                    p(6)
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO search_stats (tenant_id, day, query, searches, zero_results, results) \
             VALUES {} ON CONFLICT (tenant_id, day, query) DO UPDATE SET \
             searches = search_stats.searches + excluded.searches, \
             zero_results = search_stats.zero_results + excluded.zero_results, \
             results = search_stats.results + excluded.results",
            rows.join(", ")
        );
        tx.conn().execute_raw(tx.statement(&sql, values)).await?;
    }
    tx.commit().await?;
    Ok(())
}

impl Catalog {
    /// Stores the search counts this replica kept in memory. The gateway calls it every few
    /// seconds and when it stops; the search report calls it before reading.
    pub async fn store_statistics(&self) -> Result<(), CatalogError> {
        self.tallies.store(&self.db).await
    }

    /// Records that a resident chose `code` from the results of `query`.
    pub async fn report_choice(
        &self,
        ctx: &Ctx,
        session: &Session,
        query: &str,
        code: &str,
    ) -> Result<(), CatalogError> {
        let code = input::required_line("productCode", code, 100)?;
        let query = input::required_line("search", query, 200)?;
        let product = self.product(ctx, &code)?;
        let query = query.as_str();
        let query = for_statistics(query);
        if query.is_empty() {
            return Err(CatalogError::bad(
                "search",
                "the search the product was chosen from",
            ));
        }
        let tx = session.tx(ctx.tenant()).await?;
        tx.conn()
            .execute_raw(tx.statement(
                "INSERT INTO search_choices (tenant_id, day, query, product_code, choices) \
                 VALUES ($1, $2, $3, $4, 1) ON CONFLICT (tenant_id, day, query, product_code) \
                 DO UPDATE SET choices = search_choices.choices + 1",
                vec![
                    ctx.tenant().as_str().into(),
                    Calendar::today().into(),
                    query.into(),
                    product.product.code.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Top queries and zero-result queries from `from` to `to` (inclusive), for managers.
    pub async fn search_report(
        &self,
        ctx: &Ctx,
        session: &Session,
        from: NaiveDate,
        to: NaiveDate,
        limit: i32,
    ) -> Result<SearchReport, CatalogError> {
        if !ctx.can(REPORT, Action::Read) {
            return Err(CatalogError::Forbidden(REPORT.to_owned()));
        }
        let (from, to) = input::period("period", from, to)?;
        let limit = i64::from(input::number("limit", limit, 1..=100)?);
        // The counts still in memory are stored first, so the report includes them.
        self.store_statistics().await?;
        let tenant = ctx.tenant().as_str();
        let tx = session.tx(ctx.tenant()).await?;
        let totals = tx
            .conn()
            .query_one_raw(tx.statement(
                "SELECT CAST(COALESCE(SUM(searches), 0) AS BIGINT), \
                 CAST(COALESCE(SUM(zero_results), 0) AS BIGINT) FROM search_stats \
                 WHERE tenant_id = $1 AND day >= $2 AND day <= $3",
                vec![tenant.into(), from.into(), to.into()],
            ))
            .await?;
        let (searches, zero_result_searches) = match totals {
            Some(row) => (
                row.try_get_by_index::<i64>(0)?,
                row.try_get_by_index::<i64>(1)?,
            ),
            None => (0, 0),
        };
        let mut lists = Vec::new();
        for only_zero in [false, true] {
            let sql = format!(
                "SELECT query, CAST(SUM(searches) AS BIGINT) AS s, \
                 CAST(SUM(zero_results) AS BIGINT) AS z FROM search_stats \
                 WHERE tenant_id = $1 AND day >= $2 AND day <= $3 {} \
                 GROUP BY query ORDER BY s DESC, query LIMIT $4",
                if only_zero { "AND results = 0" } else { "" }
            );
            let rows = tx
                .conn()
                .query_all_raw(tx.statement(
                    &sql,
                    vec![tenant.into(), from.into(), to.into(), limit.into()],
                ))
                .await?;
            let mut list = Vec::new();
            for row in rows {
                let query: String = row.try_get_by_index(0)?;
                let choices = tx
                    .conn()
                    .query_all_raw(tx.statement("SELECT product_code, CAST(SUM(choices) AS BIGINT) AS c FROM search_choices \
                         WHERE tenant_id = $1 AND day >= $2 AND day <= $3 AND query = $4 \
                         GROUP BY product_code ORDER BY c DESC, product_code",
                        vec![tenant.into(), from.into(), to.into(), query.clone().into()],
                    ))
                    .await?
                    .iter()
                    .map(|r| {
                        Ok((
                            r.try_get_by_index::<String>(0)?,
                            r.try_get_by_index::<i64>(1)?,
                        ))
                    })
                    .collect::<Result<Vec<_>, sea_orm::DbErr>>()?;
                list.push(QueryCount {
                    query,
                    searches: row.try_get_by_index(1)?,
                    zero_results: row.try_get_by_index(2)?,
                    choices,
                });
            }
            lists.push(list);
        }
        drop(tx);
        let zero_result_queries = lists.pop().unwrap_or_default();
        let top_queries = lists.pop().unwrap_or_default();
        Ok(SearchReport {
            searches,
            zero_result_searches,
            top_queries,
            zero_result_queries,
        })
    }
}
