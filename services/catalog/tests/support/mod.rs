//! Fixtures: the demo tenants' catalogues and policies on a fresh database.

#![allow(dead_code, reason = "each test file uses part of the fixtures")]

use std::{path::PathBuf, sync::Arc};

use loket_authz::Authz;
use loket_catalog::{Catalog, Found, load};
use loket_kernel::{
    Ctx, Role, TenantId,
    config::{TenantSet, load_dir},
    page::Page,
};
use loket_store::testing::TestDb;

/// Everything a test needs.
pub struct World {
    pub db: TestDb,
    pub authz: Authz,
    pub tenants: Arc<TenantSet>,
    pub catalog: Catalog,
}

impl World {
    /// The demo tenants on `db`.
    pub async fn new(db: TestDb) -> Self {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
        let tenants = Arc::new(load_dir(&dir).unwrap());
        let files = Arc::new(load(&tenants).unwrap());
        let authz = Authz::load(&tenants).await.unwrap();
        let catalog = Catalog::open(db.db().clone(), files).await.unwrap();
        Self {
            db,
            authz,
            tenants,
            catalog,
        }
    }

    /// On SQLite.
    pub async fn sqlite() -> Self {
        Self::new(TestDb::sqlite().await).await
    }

    /// A visitor without a token, naming the municipality with the header.
    pub fn anonymous(&self, tenant: &str) -> Ctx {
        self.authz
            .context(None, Some(tenant), "req-test".into())
            .unwrap()
    }

    /// Staff with `role` at `tenant`.
    pub fn staff(&self, tenant: &str, role: &str) -> Ctx {
        let tenant = TenantId::new(tenant).unwrap();
        let token = self
            .authz
            .authenticator()
            .dev_signer(&tenant)
            .unwrap()
            .sign(&Role::new(role).unwrap(), None, 600)
            .unwrap();
        self.authz
            .context(Some(&token), None, "req-test".into())
            .unwrap()
    }

    /// The codes found for `query` by `ctx`, best first (first page of 20).
    pub async fn codes(&self, ctx: &Ctx, query: &str) -> Vec<String> {
        self.found(ctx, query)
            .await
            .into_iter()
            .map(|f| f.product.code)
            .collect()
    }

    /// What `ctx` finds for `query` (first page of 20).
    pub async fn found(&self, ctx: &Ctx, query: &str) -> Vec<Found> {
        self.catalog
            .search(ctx, Some(query), false, Page::new(Some(20), None).unwrap())
            .await
            .unwrap()
            .found
    }

    /// The demo tenants' slugs.
    pub fn slugs(&self) -> Vec<String> {
        self.tenants
            .tenants
            .keys()
            .map(ToString::to_string)
            .collect()
    }
}
