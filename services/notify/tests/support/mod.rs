//! Fixtures: the demo tenants with their real policies, case types and message texts, tokens
//! from their dev issuer, the registry as the directory, real cases whose events land in the
//! outbox, a notification service with a dispatcher writing e-mail and text messages to a log
//! file, and a small population placed on the map around one point.

#![allow(dead_code, reason = "each test file uses part of the fixtures")]

mod population;
pub mod receiver;

use std::{path::PathBuf, sync::Arc, time::Duration};

use chrono::{Days, NaiveDate, Utc};
use loket_authz::Authz;
use loket_cases::{CaseKey, CaseRecord, Cases, Change, StatusChange, Submission, load_case_types};
use loket_kernel::{
    Bsn, Ctx, HasCode, Role, TenantId,
    casebook::ProductNames,
    config::{TenantSet, load_dir},
    page::Page,
};
use loket_notify::{
    DeliveryFilter, DeliveryStatus, DeliveryView, DispatchSettings, Dispatcher, Filter,
    NewSubscription, Notify, NotifyError, Round, Subscribed,
    send::{SenderSettings, Senders},
};
use loket_registry::{Registry, seed::write_batch};
use loket_store::testing::TestDb;
use serde_json::Value;

pub use population::population;

/// Enschede resident at Kerkstraat 1 (the point [`HOME`]).
pub const ANNA: &str = "999993653";
/// Enschede resident at Kerkstraat 3 (also at [`HOME`]).
pub const BERT: &str = "999900018";
/// Enschede resident at Kerkstraat 5 (also at [`HOME`]).
pub const FENNA: &str = "999900006";
/// Enschede resident at Hengelosestraat 12, 400 m east of [`HOME`]: the applicant.
pub const CARLA: &str = "999900079";
/// Enschede resident 5 km east of [`HOME`].
pub const DIRK: &str = "999900080";
/// Enschede resident 5 km east of [`HOME`], with a passport and an identity card.
pub const EVA: &str = "999900092";
/// Haarlem resident.
pub const CEES: &str = "999900031";
/// Every fixture BSN, to check that messages carry none.
pub const EVERYONE: [&str; 7] = [ANNA, BERT, FENNA, CARLA, DIRK, EVA, CEES];

/// The point Anna, Bert and Fenna live at (Enschede centre).
pub const HOME: (f64, f64) = (52.2215, 6.8937);
/// Carla's address.
pub const HENGELOSESTRAAT_12: &str = "0153200000000004";
/// Carla's address as messages show it.
pub const HENGELOSESTRAAT_LABEL: &str = "Hengelosestraat 12, 7514 AB Enschede";
/// Eva's passport.
pub const PASSPORT: &str = "NX1234567";
/// Eva's identity card.
pub const IDENTITY_CARD: &str = "IE7654321";

/// Everything a test needs.
pub struct World {
    pub db: TestDb,
    pub authz: Authz,
    pub tenants: Arc<TenantSet>,
    pub cases: Cases,
    /// The service with a product check and plain-http callback URLs allowed.
    pub notify: Notify,
    /// The dispatcher: small backoff, three attempts, e-mail and SMS to [`World::log_file`].
    pub dispatcher: Dispatcher,
    /// When Eva's passport expires (a year from now).
    pub passport_expires: NaiveDate,
    /// When Eva's identity card expires (500 days from now).
    pub card_expires: NaiveDate,
    dir: tempfile::TempDir,
}

/// The catalogue as far as the tests need it: Enschede's two permits.
struct Products;

impl ProductNames for Products {
    fn product_name(&self, tenant: &TenantId, code: &str) -> Option<String> {
        let name = match code {
            "omgevingsvergunning" => "Omgevingsvergunning",
            "uitritvergunning" => "Uitritvergunning",
            _ => return None,
        };
        (tenant.as_str() == "enschede").then(|| name.to_owned())
    }
}

/// Dispatcher pacing for tests: retries after milliseconds, dead after three attempts.
pub fn quick() -> DispatchSettings {
    DispatchSettings {
        backoff_base: Duration::from_millis(10),
        backoff_max: Duration::from_millis(40),
        max_attempts: 3,
        lease: Duration::from_secs(1),
        idle: Duration::from_millis(10),
        ..DispatchSettings::default()
    }
}

impl World {
    /// The fixture population on one engine.
    pub async fn new(db: TestDb) -> Self {
        // As the binary does: reqwest is built without a TLS crypto provider of its own.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
        let tenants = Arc::new(load_dir(&root).unwrap());
        let types = Arc::new(load_case_types(&tenants).unwrap());
        let authz = Authz::load(&tenants).await.unwrap();
        let today = Utc::now().date_naive();
        let passport_expires = today + Days::new(365);
        let card_expires = today + Days::new(500);
        write_batch(db.db(), &population(passport_expires, card_expires))
            .await
            .unwrap();
        let registry = || Arc::new(Registry::new(db.db().clone(), Arc::clone(&tenants)));
        let cases = Cases::new(Arc::clone(&tenants), types, registry());
        let templates = Arc::new(loket_notify::templates::load(&tenants).unwrap());
        let grants = Arc::new(Authz::load(&tenants).await.unwrap());
        let notify = Notify::new(db.db().clone(), Arc::clone(&tenants), registry(), templates)
            .with_products(Arc::new(Products))
            .with_grants(grants)
            .insecure_webhooks(true);
        let dir = tempfile::tempdir().unwrap();
        let log_file = dir.path().join("messages.jsonl");
        let dispatcher = dispatcher(&notify, &tenants, Some(log_file), quick());
        Self {
            db,
            authz,
            tenants,
            cases,
            notify,
            dispatcher,
            passport_expires,
            card_expires,
            dir,
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

    /// The service as an installation without a catalogue and with https-only webhooks.
    pub fn plain_notify(&self) -> Notify {
        let templates = Arc::new(loket_notify::templates::load(&self.tenants).unwrap());
        let registry = Registry::new(self.db.db().clone(), Arc::clone(&self.tenants));
        Notify::new(
            self.db.db().clone(),
            Arc::clone(&self.tenants),
            Arc::new(registry),
            templates,
        )
    }

    /// Another dispatcher on the same service, writing the log sink to `log_file`.
    pub fn dispatcher(&self, log_file: Option<PathBuf>, settings: DispatchSettings) -> Dispatcher {
        dispatcher(&self.notify, &self.tenants, log_file, settings)
    }

    /// The test's scratch folder.
    pub fn dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
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

    /// A resident of Enschede.
    pub fn citizen(&self, bsn: &str) -> Ctx {
        self.ctx("enschede", "citizen", Some(bsn))
    }

    /// Staff with `role` at Enschede.
    pub fn staff(&self, role: &str) -> Ctx {
        self.ctx("enschede", role, None)
    }

    /// A third-party system of Enschede (client credentials).
    pub fn app(&self) -> Ctx {
        self.ctx("enschede", "app", None)
    }

    /// Subscribes through the test service.
    pub async fn subscribe(&self, ctx: &Ctx, new: NewSubscription) -> Subscribed {
        loket_store::testing::request(self.db.db(), ctx, async |s| {
            self.notify.subscribe(ctx, s, new).await
        })
        .await
        .unwrap()
    }

    /// The resident applies for `product`: one case at their home address.
    pub async fn apply(&self, ctx: &Ctx, product: &str) -> CaseRecord {
        loket_store::testing::request(self.db.db(), ctx, async |s| {
            self.cases
                .submit_request(
                    ctx,
                    s,
                    Submission {
                        products: vec![product.to_owned()],
                        ..Submission::default()
                    },
                )
                .await
        })
        .await
        .unwrap()
        .cases
        .remove(0)
    }

    /// Moves a case to `status` as the back office.
    pub async fn set_status(&self, case: &CaseRecord, status: &str) -> CaseRecord {
        let change = Change::Status(StatusChange {
            status: status.to_owned(),
            public_explanation: None,
            internal_remark: None,
        });
        self.change(case, change).await
    }

    /// Decides a case as the back office.
    pub async fn decide(&self, case: &CaseRecord, outcome: &str) -> CaseRecord {
        let change = Change::Decide {
            outcome: outcome.to_owned(),
            explanation: "Zie het besluit.".to_owned(),
        };
        self.change(case, change).await
    }

    async fn change(&self, case: &CaseRecord, change: Change) -> CaseRecord {
        let key = CaseKey::Id(case.domain.clone(), case.id);
        loket_store::testing::request(self.db.db(), &self.staff("backoffice"), async |s| {
            self.cases
                .change(
                    &self.staff("backoffice"),
                    s,
                    &key,
                    Some(case.version),
                    change,
                )
                .await
        })
        .await
        .unwrap()
    }

    /// Dispatcher rounds until nothing is due.
    pub async fn drain(&self) -> Round {
        self.dispatcher.drain().await.unwrap()
    }

    /// Enschede's deliveries as its admin sees them, newest first.
    pub async fn deliveries(&self, filter: DeliveryFilter) -> Vec<DeliveryView> {
        let page = Page::start(100);
        let (rows, more) =
            loket_store::testing::request(self.db.db(), &self.staff("admin"), async |s| {
                self.notify
                    .deliveries(&self.staff("admin"), s, filter, page)
                    .await
            })
            .await
            .unwrap();
        assert!(!more, "more than a page of deliveries");
        rows
    }

    /// The deliveries of one subscription.
    pub async fn deliveries_of(&self, subscription: &Subscribed) -> Vec<DeliveryView> {
        self.deliveries(DeliveryFilter {
            subscription: Some(subscription.subscription.id),
            status: None,
        })
        .await
    }

    /// The deliveries of one subscription in `status`.
    pub async fn with_status(
        &self,
        subscription: &Subscribed,
        status: DeliveryStatus,
    ) -> Vec<DeliveryView> {
        self.deliveries(DeliveryFilter {
            subscription: Some(subscription.subscription.id),
            status: Some(status),
        })
        .await
    }

    /// Every message the log sink wrote, oldest first.
    pub fn log(&self) -> Vec<Value> {
        let path = self.dir.path().join("messages.jsonl");
        let Ok(text) = std::fs::read_to_string(path) else {
            return Vec::new();
        };
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// The messages the log sink wrote to `to`.
    pub fn log_to(&self, to: &str) -> Vec<Value> {
        self.log().into_iter().filter(|m| m["to"] == to).collect()
    }
}

fn dispatcher(
    notify: &Notify,
    tenants: &TenantSet,
    log_file: Option<PathBuf>,
    settings: DispatchSettings,
) -> Dispatcher {
    let senders = Senders::new(
        &SenderSettings {
            log_file,
            smtp_url: None,
            timeout: Duration::from_secs(5),
            loopback_webhooks: true,
        },
        tenants,
    )
    .unwrap();
    Dispatcher::new(notify.clone(), senders, settings)
}

/// A subscription by e-mail.
pub fn by_email(topic: &str, address: &str) -> NewSubscription {
    NewSubscription {
        topic: topic.into(),
        channel: "email".into(),
        address: address.into(),
        ..NewSubscription::default()
    }
}

/// A near-me subscription by e-mail.
pub fn near_me(address: &str, radius: i32, products: &[&str]) -> NewSubscription {
    NewSubscription {
        radius_m: Some(radius),
        products: products.iter().map(|p| (*p).to_owned()).collect(),
        ..by_email("near-me", address)
    }
}

/// A webhook subscription.
pub fn webhook(url: &str, kinds: &[&str], filters: &[(&str, &str)]) -> NewSubscription {
    NewSubscription {
        topic: "webhook".into(),
        channel: "webhook".into(),
        address: url.into(),
        event_kinds: kinds.iter().map(|k| (*k).to_owned()).collect(),
        filters: filters
            .iter()
            .map(|(a, v)| Filter {
                attribute: (*a).to_owned(),
                value: (*v).to_owned(),
            })
            .collect(),
        ..NewSubscription::default()
    }
}

/// The error code and field of a refusal.
pub fn refusal<T: std::fmt::Debug>(result: Result<T, NotifyError>) -> (&'static str, String) {
    let e = result.unwrap_err();
    (e.code().as_str(), e.field().unwrap_or_default().to_owned())
}

/// Asserts that a text names none of the fixture residents' BSNs.
pub fn assert_no_bsn(text: &str) {
    for bsn in EVERYONE {
        assert!(!text.contains(bsn), "a BSN in {text}");
    }
}
