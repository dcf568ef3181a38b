//! Fixtures: the demo tenants' configuration and policies on a fresh database, with the case
//! service and the catalogue answered from fixed tables.

#![allow(dead_code, reason = "each test file uses part of the fixtures")]

use std::{path::PathBuf, sync::Arc};

use chrono::{DateTime, NaiveDate, Utc};
use loket_authz::Authz;
use loket_contact::{ContactChannel, ContactRecord, Contacts, NewContact};
use loket_kernel::{
    Ctx, Role, TenantId,
    casebook::{CaseBookError, DeadlineFigures, ProductNames},
    config::{TenantSet, load_dir},
    directory::BoxFuture,
};
use loket_store::{Session, lookups::CaseBook, testing::TestDb};

/// A resident of the demo registry's range (passes the eleven check).
pub const RESIDENT: &str = "999993653";
/// Another resident.
pub const OTHER: &str = "999990019";

/// The cases the tests know of, and fixed deadline figures.
pub struct Book;

impl CaseBook for Book {
    fn exists<'a>(
        &'a self,
        _session: &'a Session,
        tenant: &'a TenantId,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<bool, CaseBookError>> {
        Box::pin(async move { Ok(tenant.as_str() == "enschede" && reference == "ENS-2026-000001") })
    }

    fn deadline_figures<'a>(
        &'a self,
        _session: &'a Session,
        _tenant: &'a TenantId,
        from: NaiveDate,
        _to: NaiveDate,
    ) -> BoxFuture<'a, Result<Vec<DeadlineFigures>, CaseBookError>> {
        use chrono::Datelike;
        let closed = if from.year() == 2025 { 10 } else { 8 };
        Box::pin(async move {
            Ok(vec![DeadlineFigures {
                case_type: "building-permit".to_owned(),
                name: "Omgevingsvergunning".to_owned(),
                handling_days: 56,
                working_days: false,
                report_group: None,
                closed,
                on_time: 6,
            }])
        })
    }
}

/// Product names of the template.
pub struct Names;

impl ProductNames for Names {
    fn product_name(&self, _tenant: &TenantId, code: &str) -> Option<String> {
        match code {
            "paspoort" => Some("Paspoort".to_owned()),
            "verhuizing" => Some("Verhuizing doorgeven".to_owned()),
            _ => None,
        }
    }
}

/// The demo tenants folder.
pub fn demo_tenants() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants")
}

/// Everything a test needs.
pub struct World {
    pub db: TestDb,
    pub authz: Authz,
    pub tenants: Arc<TenantSet>,
    pub contacts: Contacts,
}

impl World {
    /// The demo tenants on `db`.
    pub async fn new(db: TestDb) -> Self {
        Self::with_tenants(db, &demo_tenants()).await
    }

    /// The tenants of the folder `dir` on `db`.
    pub async fn with_tenants(db: TestDb, dir: &std::path::Path) -> Self {
        let tenants = Arc::new(load_dir(dir).unwrap());
        db.db().sync_tenants(&tenants).await.unwrap();
        let authz = Authz::load(&tenants).await.unwrap();
        let contacts = Contacts::new(Arc::clone(&tenants), Arc::new(Book), Arc::new(Names));
        Self {
            db,
            authz,
            tenants,
            contacts,
        }
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

    /// The resident `bsn` of `tenant`, logged in.
    pub fn citizen(&self, tenant: &str, bsn: &str) -> Ctx {
        let tenant = TenantId::new(tenant).unwrap();
        let bsn = loket_kernel::Bsn::new(bsn).unwrap();
        let token = self
            .authz
            .authenticator()
            .dev_signer(&tenant)
            .unwrap()
            .sign(&Role::new("citizen").unwrap(), Some(&bsn), 600)
            .unwrap();
        self.authz
            .context(Some(&token), None, "req-test".into())
            .unwrap()
    }

    /// Registers a contact by `ctx`.
    pub async fn register(&self, ctx: &Ctx, new: NewContact) -> ContactRecord {
        loket_store::testing::request(self.db.db(), ctx, async |s| {
            self.contacts.register(ctx, s, new).await
        })
        .await
        .unwrap()
        .0
    }
}

/// A phone call about a passport that waited `wait` seconds, at `at`.
pub fn call(subject: Option<&str>, wait: i32, at: DateTime<Utc>) -> NewContact {
    NewContact {
        channel: Some(ContactChannel::Phone),
        subject: subject.map(str::to_owned),
        product: Some("paspoort".to_owned()),
        question: "Hoe lang is mijn paspoort geldig?".to_owned(),
        answer: "Tien jaar.".to_owned(),
        resolved_first_contact: true,
        wait_seconds: Some(wait),
        received_at: Some(at),
        answered_at: Some(at),
        ..NewContact::default()
    }
}

/// A timestamp.
pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}
