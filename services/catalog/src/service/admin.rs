//! Administrators' changes at run time: add or change a product, hide it or offer it again.
//! Each change is stored with the tenant's raised revision in the request's transaction, and
//! the tenant's catalogue is rebuilt here at once from what that transaction sees (other
//! replicas follow on their next refresh).

use loket_kernel::{Action, Ctx};
use loket_store::Session;

use super::{
    Catalog, Entry, PRODUCTS,
    state::{self, StoredChange},
};
use crate::{CatalogError, Kind, Product, ProductChange, model::problems};

/// A product to add, or the fields to change on an existing one.
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    /// The fields; `change.code` names the product.
    pub change: ProductChange,
    /// The kind, required for a new product.
    pub kind: Option<Kind>,
}

fn required<T: Clone>(value: &Option<T>, field: &'static str) -> Result<T, CatalogError> {
    value
        .clone()
        .ok_or_else(|| CatalogError::bad(field, "required for a new product"))
}

impl ProductInput {
    /// The new product this input describes.
    fn new_product(&self) -> Result<Product, CatalogError> {
        let c = &self.change;
        Ok(Product {
            code: c.code.clone(),
            name: required(&c.name, "name")?,
            kind: required(&self.kind, "kind")?,
            case_type: c.case_type.clone(),
            summary_en: required(&c.summary_en, "summaryEn")?,
            description: required(&c.description, "description")?,
            conditions: c.conditions.clone().unwrap_or_default(),
            cost: required(&c.cost, "cost")?,
            cost_cents: c.cost_cents,
            delivery: required(&c.delivery, "delivery")?,
            channels: required(&c.channels, "channels")?,
            online_loa: c.online_loa,
            search_terms: c.search_terms.clone().unwrap_or_default(),
        })
    }
}

impl Catalog {
    pub(super) fn may(ctx: &Ctx, action: Action) -> Result<(), CatalogError> {
        if ctx.can(PRODUCTS, action) {
            Ok(())
        } else {
            Err(CatalogError::Forbidden(format!("{PRODUCTS} ({action})")))
        }
    }

    /// Adds a product, or changes the given fields of an existing one (also a hidden one).
    pub async fn upsert(
        &self,
        ctx: &Ctx,
        session: &Session,
        input: ProductInput,
    ) -> Result<Entry, CatalogError> {
        let code = input.change.code.trim().to_owned();
        let published = self.current(ctx.tenant())?;
        let hidden = published.all.get(&code).is_some_and(|(_, hidden)| *hidden);
        let product = match published.all.get(&code) {
            Some((existing, _)) => {
                Self::may(ctx, Action::Update)?;
                if input.kind.is_some_and(|k| k != existing.kind) {
                    return Err(CatalogError::bad(
                        "kind",
                        "the kind of a product cannot change",
                    ));
                }
                input.change.apply(existing)
            }
            None => {
                Self::may(ctx, Action::Create)?;
                let mut input = input.clone();
                input.change.code.clone_from(&code);
                input.new_product()?
            }
        };
        if let Some((field, problem)) = problems(&product).into_iter().next() {
            return Err(CatalogError::bad(field, problem));
        }
        let change = StoredChange {
            code: code.clone(),
            product: Some(product.clone()),
            hidden: None,
        };
        self.apply(ctx, session, &change).await?;
        Ok(Entry { product, hidden })
    }

    /// Hides a product from the tenant's catalogue, or offers it again.
    pub async fn hide(
        &self,
        ctx: &Ctx,
        session: &Session,
        code: &str,
        hidden: bool,
    ) -> Result<Entry, CatalogError> {
        Self::may(ctx, Action::Update)?;
        let code = code.trim();
        let published = self.current(ctx.tenant())?;
        let (product, _) = published.all.get(code).ok_or(CatalogError::NotFound)?;
        let change = StoredChange {
            code: code.to_owned(),
            product: None,
            hidden: Some(hidden),
        };
        let entry = Entry {
            product: product.clone(),
            hidden,
        };
        self.apply(ctx, session, &change).await?;
        Ok(entry)
    }

    async fn apply(
        &self,
        ctx: &Ctx,
        session: &Session,
        change: &StoredChange,
    ) -> Result<(), CatalogError> {
        let tx = session.tx(ctx.tenant()).await?;
        state::bump(&tx).await?;
        state::store(&tx, change, ctx.actor().subject()).await?;
        self.rebuild_in(&tx).await
    }
}
