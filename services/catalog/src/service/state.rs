//! The catalogue as published to searches: per tenant the files' products with the
//! administrators' changes on top, and the index built from them. A rebuild makes a new
//! `Published` and swaps it in; searches keep using the one they started with.

use std::collections::BTreeMap;

use loket_kernel::TenantId;
use loket_store::TenantTx;
use sea_orm::ConnectionTrait;

use crate::{CatalogError, Product, TenantCatalog, search::TenantIndex};

/// One tenant's catalogue at one revision.
pub(crate) struct Published {
    /// The revision of the administrators' changes it includes.
    pub(crate) revision: i64,
    /// Every product, visible or hidden, with its hidden flag.
    pub(crate) all: BTreeMap<String, (Product, bool)>,
    /// The search index of the visible ones.
    pub(crate) index: TenantIndex,
}

impl Published {
    /// A visible product.
    pub(crate) fn visible(&self, code: &str) -> Option<&Product> {
        self.all
            .get(code)
            .filter(|(_, hidden)| !hidden)
            .map(|(p, _)| p)
    }

    /// The products by name with their hidden flag: the visible ones, or with
    /// `include_hidden` all of them.
    pub(crate) fn by_name(&self, include_hidden: bool) -> Vec<(&Product, bool)> {
        let mut out: Vec<(&Product, bool)> = self
            .all
            .values()
            .filter(|(_, hidden)| include_hidden || !hidden)
            .map(|(p, hidden)| (p, *hidden))
            .collect();
        out.sort_by(|(a, _), (b, _)| a.name.cmp(&b.name).then_with(|| a.code.cmp(&b.code)));
        out
    }
}

/// An administrator's change as stored.
pub(crate) struct StoredChange {
    pub(crate) code: String,
    pub(crate) product: Option<Product>,
    pub(crate) hidden: Option<bool>,
}

/// The tenant's revision of administrators' changes (0 before the first).
pub(crate) async fn revision(tx: &TenantTx) -> Result<i64, CatalogError> {
    let row = tx
        .conn()
        .query_one_raw(tx.statement(
            "SELECT revision FROM catalog_revisions WHERE tenant_id = $1",
            vec![tx.tenant().as_str().into()],
        ))
        .await?;
    Ok(match row {
        Some(row) => row.try_get_by_index::<i64>(0)?,
        None => 0,
    })
}

/// Raises the tenant's revision; taken first in a change's transaction, it also queues
/// concurrent changes of one tenant.
pub(crate) async fn bump(tx: &TenantTx) -> Result<i64, CatalogError> {
    let row = tx
        .conn()
        .query_one_raw(tx.statement(
            "INSERT INTO catalog_revisions (tenant_id, revision) VALUES ($1, 1) \
             ON CONFLICT (tenant_id) DO UPDATE SET revision = catalog_revisions.revision + 1 \
             RETURNING revision",
            vec![tx.tenant().as_str().into()],
        ))
        .await?
        .ok_or_else(|| {
            CatalogError::Db(sea_orm::DbErr::RecordNotFound("catalog_revisions".into()))
        })?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

/// The tenant's stored changes.
pub(crate) async fn changes(tx: &TenantTx) -> Result<Vec<StoredChange>, CatalogError> {
    let rows = tx
        .conn()
        .query_all_raw(tx.statement(
            "SELECT code, product, hidden FROM catalog_products WHERE tenant_id = $1 ORDER BY code",
            vec![tx.tenant().as_str().into()],
        ))
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let product: Option<serde_json::Value> = row.try_get_by_index(1)?;
        out.push(StoredChange {
            code: row.try_get_by_index(0)?,
            product: product.map(serde_json::from_value).transpose()?,
            hidden: row.try_get_by_index(2)?,
        });
    }
    Ok(out)
}

/// Stores an administrator's change of one product (replacing an earlier one).
pub(crate) async fn store(
    tx: &TenantTx,
    change: &StoredChange,
    by: &str,
) -> Result<(), CatalogError> {
    let product = change
        .product
        .as_ref()
        .map(serde_json::to_value)
        .transpose()?;
    tx.conn()
        .execute_raw(tx.statement("INSERT INTO catalog_products (tenant_id, code, product, hidden, changed_at, changed_by) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (tenant_id, code) DO UPDATE SET \
               product = COALESCE(excluded.product, catalog_products.product), \
               hidden = COALESCE(excluded.hidden, catalog_products.hidden), \
               changed_at = excluded.changed_at, changed_by = excluded.changed_by",
            vec![
                tx.tenant().as_str().into(),
                change.code.clone().into(),
                product.into(),
                change.hidden.into(),
                chrono::Utc::now().into(),
                by.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// The files' catalogue with `changes` on top, and its index.
pub(crate) fn publish(
    tenant: &TenantId,
    files: &TenantCatalog,
    changes: Vec<StoredChange>,
    revision: i64,
) -> Result<Published, CatalogError> {
    let mut all: BTreeMap<String, (Product, bool)> = files
        .products
        .iter()
        .map(|(code, p)| (code.clone(), (p.clone(), false)))
        .chain(
            files
                .hidden
                .iter()
                .map(|(code, p)| (code.clone(), (p.clone(), true))),
        )
        .collect();
    for change in changes {
        let previous = all.remove(&change.code);
        let (product, was_hidden) = match (change.product, previous) {
            (Some(product), previous) => (product, previous.is_some_and(|(_, h)| h)),
            (None, Some(existing)) => existing,
            (None, None) => continue,
        };
        let hidden = change.hidden.unwrap_or(was_hidden);
        all.insert(change.code, (product, hidden));
    }
    let visible: Vec<Product> = all
        .values()
        .filter(|(_, hidden)| !hidden)
        .map(|(p, _)| p.clone())
        .collect();
    let index = TenantIndex::build(&visible, &files.synonyms)?;
    tracing::debug!(%tenant, revision, products = visible.len(), "catalogue published");
    Ok(Published {
        revision,
        all,
        index,
    })
}
