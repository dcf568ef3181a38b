//! Fixtures: the demo tenants with their real policies and case types, tokens from their dev
//! issuer, the registry as the directory, and a small population whose every detail the
//! tests know.

#![allow(dead_code, reason = "each test file uses part of the fixtures")]

use std::{path::PathBuf, sync::Arc};

use chrono::NaiveDate;
use loket_authz::Authz;
use loket_cases::{
    BundleResult, CaseKey, CaseRecord, Cases, Change, StatusChange, Submission, load_case_types,
};
use loket_kernel::{
    Bsn, Ctx, Role, TenantId,
    config::{TenantSet, load_dir},
};
use loket_registry::{
    Registry,
    seed::{model::*, write_batch},
};
use loket_store::testing::TestDb;

/// Enschede resident at Kerkstraat 1.
pub const ANNA: &str = "999993653";
/// Enschede resident at Kerkstraat 3.
pub const BERT: &str = "999900018";
/// Haarlem resident.
pub const CEES: &str = "999900031";
/// Zwijndrecht resident (alien registration through Dordrecht's desk).
pub const DEMIR: &str = "999900043";
/// Papendrecht resident.
pub const FATIMA: &str = "999900055";
/// Heemskerk resident.
pub const HENK: &str = "999900067";

/// Why the tests read cases.
pub const READ: loket_cases::ReadAs = loket_cases::ReadAs {
    operation: "test",
    purpose: "test",
};

/// Anna's address.
pub const KERKSTRAAT_1: &str = "0153200000000001";

/// Everything a test needs.
pub struct World {
    pub db: TestDb,
    pub authz: Authz,
    pub tenants: Arc<TenantSet>,
    pub cases: Cases,
}

impl World {
    /// The fixture population on one engine.
    pub async fn new(db: TestDb) -> Self {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
        let tenants = Arc::new(load_dir(&dir).unwrap());
        let types = Arc::new(load_case_types(&tenants).unwrap());
        let authz = Authz::load(&tenants).await.unwrap();
        write_batch(db.db(), &population()).await.unwrap();
        let registry = Registry::new(db.db().clone(), Arc::clone(&tenants));
        let cases = Cases::new(Arc::clone(&tenants), types, Arc::new(registry));
        Self {
            db,
            authz,
            tenants,
            cases,
        }
    }

    /// One world per engine (SQLite, and PostgreSQL when available).
    pub async fn each() -> Vec<Self> {
        let mut out = Vec::new();
        for db in TestDb::each().await {
            out.push(Self::new(db).await);
        }
        out
    }

    /// The engine, for assertion messages.
    pub fn engine(&self) -> String {
        format!("{:?}", self.db.backend())
    }

    /// The context of a dev token for `role` at `tenant` (citizens need a BSN).
    pub fn ctx(&self, tenant: &str, role: &str, bsn: Option<&str>) -> Ctx {
        let tenant = TenantId::new(tenant).unwrap();
        let bsn = bsn.map(|b| Bsn::new(b).unwrap());
        let token = self
            .authz
            .authenticator()
            .dev_signer(&tenant)
            .unwrap()
            .sign(&Role::new(role).unwrap(), bsn.as_ref(), 600)
            .unwrap();
        self.authz
            .context(Some(&token), None, "req-test".into())
            .unwrap()
    }

    /// A citizen of `tenant`.
    pub fn citizen(&self, tenant: &str, bsn: &str) -> Ctx {
        self.ctx(tenant, "citizen", Some(bsn))
    }

    /// Staff with `role` at `tenant`.
    pub fn staff(&self, tenant: &str, role: &str) -> Ctx {
        self.ctx(tenant, role, None)
    }

    /// The citizen asks for `products`.
    pub async fn submit(&self, ctx: &Ctx, products: &[&str], key: Option<&str>) -> BundleResult {
        loket_store::testing::request(self.db.db(), ctx, async |s| {
            self.cases
                .submit_request(
                    ctx,
                    s,
                    Submission {
                        products: products.iter().map(|p| (*p).to_owned()).collect(),
                        idempotency_key: key.map(str::to_owned),
                        ..Submission::default()
                    },
                )
                .await
        })
        .await
        .unwrap()
    }

    /// The citizen asks for `products`, and may be refused.
    pub async fn try_submit(
        &self,
        ctx: &Ctx,
        products: Vec<&str>,
    ) -> Result<BundleResult, loket_cases::CaseError> {
        loket_store::testing::request(self.db.db(), ctx, async |s| {
            self.cases
                .submit_request(
                    ctx,
                    s,
                    Submission {
                        products: products.iter().map(|p| (*p).to_owned()).collect(),
                        ..Submission::default()
                    },
                )
                .await
        })
        .await
    }

    /// Moves a case to `status` as `ctx`.
    pub async fn set_status(
        &self,
        ctx: &Ctx,
        case: &CaseRecord,
        status: &str,
    ) -> Result<CaseRecord, loket_cases::CaseError> {
        loket_store::testing::request(self.db.db(), ctx, async |s| {
            self.cases
                .change(
                    ctx,
                    s,
                    &key(case),
                    Some(case.version),
                    Change::Status(StatusChange {
                        status: status.to_owned(),
                        public_explanation: None,
                        internal_remark: None,
                    }),
                )
                .await
        })
        .await
    }

    /// Decides a case as `ctx`.
    pub async fn decide(
        &self,
        ctx: &Ctx,
        case: &CaseRecord,
        outcome: &str,
    ) -> Result<CaseRecord, loket_cases::CaseError> {
        loket_store::testing::request(self.db.db(), ctx, async |s| {
            self.cases
                .change(
                    ctx,
                    s,
                    &key(case),
                    Some(case.version),
                    Change::Decide {
                        outcome: outcome.to_owned(),
                        explanation: "Zie het besluit.".to_owned(),
                    },
                )
                .await
        })
        .await
    }
}

/// The key of a case.
pub fn key(case: &CaseRecord) -> CaseKey {
    CaseKey::Id(case.domain.clone(), case.id)
}

/// The error code of a result.
pub fn code<T: std::fmt::Debug>(result: Result<T, loket_cases::CaseError>) -> &'static str {
    use loket_kernel::HasCode;
    result.unwrap_err().code().as_str()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn address(
    id: &str,
    code: &str,
    street: &str,
    number: i32,
    postcode: &str,
    city: &str,
) -> SeedAddress {
    SeedAddress {
        id: id.into(),
        street: street.into(),
        house_number: number,
        letter: String::new(),
        addition: String::new(),
        postcode: postcode.into(),
        city: city.into(),
        municipality_code: code.into(),
        lat: 52.0,
        lon: 5.0,
    }
}

fn person(bsn: &str, given: &str, address_id: &str, code: &str, nationality: &str) -> SeedPerson {
    SeedPerson {
        bsn: bsn.into(),
        given_names: given.into(),
        surname_prefix: None,
        surname: "Test".into(),
        birth_date: date(1980, 5, 17),
        birth_place: "Utrecht".into(),
        address_id: address_id.into(),
        municipality_code: code.into(),
        nationality: nationality.into(),
    }
}

/// The fixture population.
pub fn population() -> SeedBatch {
    SeedBatch {
        addresses: vec![
            address(KERKSTRAAT_1, "0153", "Kerkstraat", 1, "7511AB", "Enschede"),
            address(
                "0153200000000002",
                "0153",
                "Kerkstraat",
                3,
                "7511AB",
                "Enschede",
            ),
            address(
                "0392200000000001",
                "0392",
                "Grote Markt",
                2,
                "2011RD",
                "Haarlem",
            ),
            address(
                "0642200000000001",
                "0642",
                "Dorpsstraat",
                5,
                "3331AA",
                "Zwijndrecht",
            ),
            address(
                "0590200000000001",
                "0590",
                "Markt",
                7,
                "3351AA",
                "Papendrecht",
            ),
            address(
                "0396200000000001",
                "0396",
                "Rijksweg",
                11,
                "1961AA",
                "Heemskerk",
            ),
        ],
        persons: vec![
            person(ANNA, "Anna", KERKSTRAAT_1, "0153", "NL"),
            person(BERT, "Bert", "0153200000000002", "0153", "NL"),
            person(CEES, "Cees", "0392200000000001", "0392", "NL"),
            person(DEMIR, "Demir", "0642200000000001", "0642", "TR"),
            person(FATIMA, "Fatima", "0590200000000001", "0590", "MA"),
            person(HENK, "Henk", "0396200000000001", "0396", "NL"),
        ],
        documents: Vec::new(),
        permits: Vec::new(),
        valuations: Vec::new(),
    }
}
