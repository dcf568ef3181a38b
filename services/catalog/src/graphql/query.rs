//! Query roots of the catalogue.

use async_graphql::{Context, Object, Result, SimpleObject};
use loket_kernel::graphql::{PeriodInput, page, request_ctx, to_gql};
use loket_store::graphql::request;

use super::product::{Product, ProductConnection, connection};
use crate::{Catalog, QueryCount};

/// Query root for the catalogue.
#[derive(Default)]
pub struct CatalogQuery;

/// A product chosen from a query's results.
#[derive(SimpleObject)]
pub struct ChoiceCount {
    /// The product's code.
    product_code: String,
    /// How often it was chosen.
    count: i64,
}

/// A query and how it fared.
#[derive(SimpleObject)]
pub struct SearchQueryCount {
    /// The query, normalised (numbers and e-mail addresses removed).
    query: String,
    /// How often it was searched.
    searches: i64,
    /// How often it found nothing.
    zero_results: i64,
    /// The products chosen from its results.
    choices: Vec<ChoiceCount>,
}

impl From<QueryCount> for SearchQueryCount {
    fn from(q: QueryCount) -> Self {
        Self {
            query: q.query,
            searches: q.searches,
            zero_results: q.zero_results,
            choices: q
                .choices
                .into_iter()
                .map(|(product_code, count)| ChoiceCount {
                    product_code,
                    count,
                })
                .collect(),
        }
    }
}

/// What residents searched for, and what they could not find.
#[derive(SimpleObject)]
pub struct SearchReport {
    /// All searches in the period.
    searches: i64,
    /// Searches that found nothing.
    zero_result_searches: i64,
    /// The most searched queries.
    top_queries: Vec<SearchQueryCount>,
    /// The most searched queries that found nothing.
    zero_result_queries: Vec<SearchQueryCount>,
}

#[Object]
impl CatalogQuery {
    /// The municipality's products and services: matching `search` best first (Dutch
    /// stemming, synonyms, typos forgiven), or all by name without one. Without a token,
    /// name the municipality with the `Loket-Tenant` header. `includeHidden` lists the
    /// hidden products too (administrators; by name, without `search`).
    async fn products(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        #[graphql(default = false)] include_hidden: bool,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ProductConnection> {
        let rctx = request_ctx(ctx)?;
        let page = page(first, after.as_deref())?;
        let found = ctx
            .data::<Catalog>()?
            .search(rctx, search.as_deref(), include_hidden, page)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(connection(rctx.tenant().as_str(), &page, found))
    }

    /// One product by code (a hidden one for administrators only).
    async fn product(&self, ctx: &Context<'_>, code: String) -> Result<Product> {
        let rctx = request_ctx(ctx)?;
        ctx.data::<Catalog>()?
            .product(rctx, &code)
            .map(|entry| (rctx.tenant().as_str(), entry).into())
            .map_err(|e| to_gql(&e))
    }

    /// What residents searched for in a period and what they could not find (managers).
    async fn search_report(
        &self,
        ctx: &Context<'_>,
        period: PeriodInput,
        #[graphql(default = 20)] limit: i32,
    ) -> Result<SearchReport> {
        let (rctx, session) = request(ctx)?;
        let report = ctx
            .data::<Catalog>()?
            .search_report(rctx, session, period.from, period.to, limit)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(SearchReport {
            searches: report.searches,
            zero_result_searches: report.zero_result_searches,
            top_queries: report.top_queries.into_iter().map(Into::into).collect(),
            zero_result_queries: report
                .zero_result_queries
                .into_iter()
                .map(Into::into)
                .collect(),
        })
    }
}
