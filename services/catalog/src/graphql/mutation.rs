//! Mutation roots of the catalogue.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use loket_kernel::{
    Loa,
    graphql::{field_error, to_gql},
};
use loket_store::graphql::request;

use super::product::{GqlChannel, GqlKind, Product};
use crate::{Catalog, ProductChange, ProductInput};

/// Mutation root for the catalogue.
#[derive(Default)]
pub struct CatalogMutation;

/// A product to add, or the fields to change on an existing one (administrators).
#[derive(InputObject)]
pub struct UpsertProductInput {
    /// The product's code; a new code adds a product.
    code: String,
    /// Title.
    name: Option<String>,
    /// Information or a request (required for a new product; cannot change).
    kind: Option<GqlKind>,
    /// The case type a request starts (an empty one takes it away).
    case_type: Option<String>,
    /// Summary in English.
    summary_en: Option<String>,
    /// What it is and how it works.
    description: Option<String>,
    /// Who can, and what to bring.
    conditions: Option<String>,
    /// Cost as shown.
    cost: Option<String>,
    /// The main amount in euro cents.
    cost_cents: Option<i64>,
    /// Delivery time as shown.
    delivery: Option<String>,
    /// How it can be obtained (without `ONLINE`, the login level goes too).
    channels: Option<Vec<GqlChannel>>,
    /// Login level needed online: `low`, `substantial` or `high`.
    online_level_of_assurance: Option<String>,
    /// Words residents use for it.
    search_terms: Option<Vec<String>>,
}

/// Hide a product, or offer it again.
#[derive(InputObject)]
pub struct HideProductInput {
    /// The product's code.
    code: String,
    /// True hides it (the default), false offers it again.
    #[graphql(default = true)]
    hidden: bool,
}

/// A resident chose a product from a search's results.
#[derive(InputObject)]
pub struct ReportSearchChoiceInput {
    /// The search as typed.
    search: String,
    /// The chosen product's code.
    product_code: String,
}

/// A product after a change.
#[derive(SimpleObject)]
pub struct ProductPayload {
    /// The product.
    product: Product,
}

/// The result of `reportSearchChoice`.
#[derive(SimpleObject)]
pub struct ReportSearchChoicePayload {
    /// Whether it was counted.
    counted: bool,
}

fn loa(value: Option<String>) -> Result<Option<Loa>> {
    value
        .map(|v| match v.trim() {
            "low" => Ok(Loa::Low),
            "substantial" => Ok(Loa::Substantial),
            "high" => Ok(Loa::High),
            _ => Err(field_error(
                "onlineLevelOfAssurance",
                "low, substantial or high",
            )),
        })
        .transpose()
}

#[Object]
impl CatalogMutation {
    /// Adds a product or changes fields of one (administrators); searchable at once.
    async fn upsert_product(
        &self,
        ctx: &Context<'_>,
        input: UpsertProductInput,
    ) -> Result<ProductPayload> {
        let (rctx, session) = request(ctx)?;
        let change = ProductChange {
            code: input.code,
            name: input.name,
            case_type: input.case_type,
            summary_en: input.summary_en,
            description: input.description,
            conditions: input.conditions,
            cost: input.cost,
            cost_cents: input.cost_cents,
            delivery: input.delivery,
            channels: input
                .channels
                .map(|c| c.into_iter().map(Into::into).collect()),
            online_loa: loa(input.online_level_of_assurance)?,
            search_terms: input.search_terms,
        };
        let input = ProductInput {
            change,
            kind: input.kind.map(Into::into),
        };
        ctx.data::<Catalog>()?
            .upsert(rctx, session, input)
            .await
            .map(|entry| ProductPayload {
                product: (rctx.tenant().as_str(), entry).into(),
            })
            .map_err(|e| to_gql(&e))
    }

    /// Hides a product from the municipality's catalogue, or offers it again.
    async fn hide_product(
        &self,
        ctx: &Context<'_>,
        input: HideProductInput,
    ) -> Result<ProductPayload> {
        let (rctx, session) = request(ctx)?;
        ctx.data::<Catalog>()?
            .hide(rctx, session, &input.code, input.hidden)
            .await
            .map(|entry| ProductPayload {
                product: (rctx.tenant().as_str(), entry).into(),
            })
            .map_err(|e| to_gql(&e))
    }

    /// Counts that a resident chose a product from a search (for the search report; nothing
    /// about the resident is kept).
    async fn report_search_choice(
        &self,
        ctx: &Context<'_>,
        input: ReportSearchChoiceInput,
    ) -> Result<ReportSearchChoicePayload> {
        let (rctx, session) = request(ctx)?;
        ctx.data::<Catalog>()?
            .report_choice(rctx, session, &input.search, &input.product_code)
            .await
            .map(|()| ReportSearchChoicePayload { counted: true })
            .map_err(|e| to_gql(&e))
    }
}
