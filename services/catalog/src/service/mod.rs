//! The catalogue service: published catalogues per tenant, searched without waiting on a
//! rebuild, changed by administrators, and kept in step across replicas by a revision per
//! tenant.

mod admin;
mod state;
mod stats;

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, RwLock, Weak},
};

use loket_kernel::{
    Action, Ctx, TenantId,
    casebook::ProductNames,
    input,
    page::{Offset, Page},
};
use loket_store::{Db, TenantTx};

pub use admin::ProductInput;
pub use stats::{QueryCount, SearchReport};

use self::state::Published;
use crate::{
    CatalogError, CatalogFiles, Product,
    search::{Snippet, text::MAX_QUERY},
};

/// The object guarding the catalogue.
const PRODUCTS: &str = "catalog/products";

/// A product found, with why.
#[derive(Debug, Clone)]
pub struct Found {
    /// The product.
    pub product: Product,
    /// Relevance (`None` when browsing without a search).
    pub score: Option<f32>,
    /// Where the words were found.
    pub snippet: Option<Snippet>,
    /// Hidden from residents (listed for administrators only).
    pub hidden: bool,
}

/// A product with whether it is hidden from the municipality's catalogue.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The product.
    pub product: Product,
    /// Hidden from residents.
    pub hidden: bool,
}

/// One page of search results.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// The results of this page.
    pub found: Vec<Found>,
    /// How many match in all.
    pub total: usize,
}

/// Catalogues published without administrators' changes, by the address of the files they
/// were built from and the revision: tenants that share their files (all those without a
/// `catalog.toml` of their own) share one build, products and index alike.
type Pristine = HashMap<(usize, i64), Weak<Published>>;

/// The catalogue service.
#[derive(Clone)]
pub struct Catalog {
    db: Db,
    files: Arc<CatalogFiles>,
    published: Arc<RwLock<HashMap<TenantId, Arc<Published>>>>,
    pristine: Arc<Mutex<Pristine>>,
    tallies: Arc<stats::Tallies>,
}

impl Catalog {
    /// Publishes every tenant's catalogue: the files with the stored changes.
    pub async fn open(db: Db, files: Arc<CatalogFiles>) -> Result<Self, CatalogError> {
        let catalog = Self {
            db,
            files,
            published: Arc::new(RwLock::new(HashMap::new())),
            pristine: Arc::default(),
            tallies: Arc::default(),
        };
        let tenants: Vec<TenantId> = catalog.files.tenants.keys().cloned().collect();
        for tenant in tenants {
            catalog.rebuild(&tenant).await?;
        }
        Ok(catalog)
    }

    /// The tenant's catalogue as searches see it now.
    fn current(&self, tenant: &TenantId) -> Result<Arc<Published>, CatalogError> {
        self.published
            .read()
            .ok()
            .and_then(|map| map.get(tenant).cloned())
            .ok_or(CatalogError::NotFound)
    }

    /// Builds the tenant's catalogue from the files and the stored changes and swaps it in.
    async fn rebuild(&self, tenant: &TenantId) -> Result<(), CatalogError> {
        let tx = self.db.begin_read(tenant).await?;
        self.rebuild_in(&tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// [`Catalog::rebuild`] from what `tx` sees (a change the same transaction just wrote
    /// included; should it roll back, the next refresh sees the revision differ and rebuilds).
    async fn rebuild_in(&self, tx: &TenantTx) -> Result<(), CatalogError> {
        let tenant = tx.tenant();
        let files = self
            .files
            .tenants
            .get(tenant)
            .ok_or(CatalogError::NotFound)?;
        let revision = state::revision(tx).await?;
        let changes = state::changes(tx).await?;
        let key = changes
            .is_empty()
            .then(|| (Arc::as_ptr(files).addr(), revision));
        let shared = key.and_then(|key| {
            let pristine = self.pristine.lock().ok()?;
            pristine.get(&key).and_then(Weak::upgrade)
        });
        let published = match shared {
            Some(published) => published,
            None => {
                // Building takes milliseconds of CPU: off the request threads, so searches
                // go on.
                let (files, id) = (Arc::clone(files), tenant.clone());
                let built = tokio::task::spawn_blocking(move || {
                    state::publish(&id, &files, changes, revision)
                })
                .await??;
                let built = Arc::new(built);
                if let (Some(key), Ok(mut pristine)) = (key, self.pristine.lock()) {
                    pristine.retain(|_, p| p.strong_count() > 0);
                    pristine.insert(key, Arc::downgrade(&built));
                }
                built
            }
        };
        if let Ok(mut map) = self.published.write() {
            let newer = map.get(tenant).is_none_or(|p| p.revision <= revision);
            if newer {
                map.insert(tenant.clone(), published);
            }
        }
        Ok(())
    }

    /// Rebuilds the tenants whose catalogue another replica changed; returns how many. One
    /// query asks every tenant's revision, so an unchanged catalogue costs nothing per tenant.
    pub async fn refresh(&self) -> Result<usize, CatalogError> {
        let mut rebuilt: usize = 0;
        let tenants: Vec<TenantId> = self.files.tenants.keys().cloned().collect();
        let revisions = loket_store::wake::catalog_revisions(&self.db, &tenants).await?;
        for tenant in tenants {
            // A tenant that never changed its catalogue has no row: revision 0.
            let revision = revisions.get(&tenant).copied().unwrap_or(0);
            let known = self.current(&tenant).map(|p| p.revision).unwrap_or(-1);
            if revision != known {
                self.rebuild(&tenant).await?;
                rebuilt = rebuilt.saturating_add(1);
            }
        }
        Ok(rebuilt)
    }

    fn may_read(ctx: &Ctx) -> Result<(), CatalogError> {
        if ctx.can(PRODUCTS, Action::Read) {
            Ok(())
        } else {
            Err(CatalogError::Forbidden(PRODUCTS.to_owned()))
        }
    }

    /// Products of the caller's municipality matching `search`, best first; without a
    /// search, every product by name, with `include_hidden` (administrators) also the
    /// hidden ones. Every search is counted in the statistics (kept in memory and stored by
    /// [`Catalog::store_statistics`]).
    pub async fn search(
        &self,
        ctx: &Ctx,
        search: Option<&str>,
        include_hidden: bool,
        page: Page<Offset>,
    ) -> Result<SearchPage, CatalogError> {
        Self::may_read(ctx)?;
        if include_hidden {
            Self::may(ctx, Action::Update)?;
        }
        let published = self.current(ctx.tenant())?;
        let query = search.map(str::trim).unwrap_or_default();
        if include_hidden && !query.is_empty() {
            return Err(CatalogError::bad(
                "includeHidden",
                "hidden products are not searchable; list them by name without `search`",
            ));
        }
        if query.chars().count() > MAX_QUERY {
            return Err(CatalogError::bad(
                "search",
                format!("at most {MAX_QUERY} characters; describe what you need in a few words"),
            ));
        }
        if let Some(c) = input::forbidden_char(query, false) {
            return Err(CatalogError::bad(
                "search",
                format!("contains the control character U+{:04X}", u32::from(c)),
            ));
        }
        if query.is_empty() {
            let all = published.by_name(include_hidden);
            let found = all
                .iter()
                .skip(page.offset())
                .take(page.first)
                .map(|(p, hidden)| Found {
                    product: (*p).clone(),
                    score: None,
                    snippet: None,
                    hidden: *hidden,
                })
                .collect();
            return Ok(SearchPage {
                found,
                total: all.len(),
            });
        }
        let (hits, total) = published.index.search(query, page.offset(), page.first)?;
        let found = hits
            .into_iter()
            .filter_map(|hit| {
                Some(Found {
                    product: published.visible(&hit.code)?.clone(),
                    score: Some(hit.score),
                    snippet: Some(hit.snippet),
                    hidden: false,
                })
            })
            .collect();
        if page.after.is_none() {
            self.tallies.count(ctx.tenant(), query, total);
        }
        Ok(SearchPage { found, total })
    }

    /// One product of the caller's municipality; a hidden one only for those who may
    /// change the catalogue.
    pub fn product(&self, ctx: &Ctx, code: &str) -> Result<Entry, CatalogError> {
        Self::may_read(ctx)?;
        let published = self.current(ctx.tenant())?;
        let (product, hidden) = published
            .all
            .get(code.trim())
            .ok_or(CatalogError::NotFound)?;
        if *hidden && !ctx.can(PRODUCTS, Action::Update) {
            return Err(CatalogError::NotFound);
        }
        Ok(Entry {
            product: product.clone(),
            hidden: *hidden,
        })
    }
}

impl ProductNames for Catalog {
    fn product_name(&self, tenant: &TenantId, code: &str) -> Option<String> {
        let published = self.current(tenant).ok()?;
        published.visible(code).map(|p| p.name.clone())
    }
}
