//! Every table of Loket as sea-orm migrations, for SQLite and PostgreSQL alike.
//!
//! Schema rules every migration keeps (tested against the database catalogue):
//! - a tenant-scoped table has `tenant_id` as the first column of its primary key, and every
//!   foreign key between tenant-scoped tables includes `tenant_id` (what Citus needs to
//!   distribute them by tenant);
//! - on PostgreSQL a tenant-scoped table has row-level security enabled and forced, with a
//!   policy comparing `tenant_id` to `current_setting('loket.tenant')`, and is granted to the
//!   [`APP_ROLE`] that application transactions run under ([`rls::enable_tenant_rls`]).
//!
//! On PostgreSQL `processing_log` is partitioned by month ([`log_partitions`]); its partitions
//! are not tables of their own in these rules.
//!
//! Changes are expand-then-contract: add columns and tables first, remove them in a later
//! release once no running version reads them.

pub use sea_orm_migration::prelude::*;

pub mod log_partitions;
mod m20261128_000001_tenants;
mod m20261128_000002_processing_log;
mod m20261128_000003_outbox;
mod m20261128_000004_registry;
mod m20261128_000005_processing_log_vng;
mod m20261128_000006_valuation_knn;
mod m20261128_000007_cases;
mod m20261128_000008_catalog;
mod m20261128_000009_contact;
mod m20261128_000010_notify;
mod m20261128_000011_subscription_unique;
mod m20261204_000012_hardening;
mod m20261205_000013_processing_log_partitions;
mod m20261205_000014_wakeups;
mod m20261207_000015_benchmark;
mod m20261208_000016_appointments;
mod m20261209_000017_direct_deliveries;
mod m20261210_000018_reports;
mod m20261211_000019_local_days;
pub mod rls;

pub use m20261128_000006_valuation_knn::LON_SCALE;
pub use m20261205_000014_wakeups::OUTBOX_CHANNEL;
pub use m20261207_000015_benchmark::{BENCHMARK_CALLBACKS, BENCHMARK_CONTACTS, BENCHMARK_ROLE};
pub use m20261208_000016_appointments::APPOINTMENT_OVERLAP;
pub use m20261211_000019_local_days::{BENCHMARK_DEADLINES_POSTGRES, BENCHMARK_DEADLINES_SQLITE};

/// The PostgreSQL role application transactions switch to, so that row-level security binds
/// them even when the connecting user owns the tables or is a superuser.
pub const APP_ROLE: &str = "loket_app";

/// The shared registries: not tenant-scoped, read by every tenant as its policy allows. With
/// Citus they become reference tables.
pub const SHARED_TABLES: &[&str] = &[
    "tenants",
    "addresses",
    "persons",
    "travel_documents",
    "residence_permits",
    "valuation_objects",
    "valuation_values",
    "benchmark_groups",
    "benchmark_named",
];

/// The tables whose rows belong to one tenant.
pub const TENANT_TABLES: &[&str] = &[
    "processing_log",
    "outbox",
    "case_counters",
    "case_bundles",
    "cases",
    "case_events",
    "catalog_products",
    "catalog_revisions",
    "search_stats",
    "search_choices",
    "contact_moments",
    "callbacks",
    "subscriptions",
    "subscription_cells",
    "deliveries",
    "benchmark_values",
    "appointments",
    "case_reporters",
    "case_photos",
];

/// Runs Loket's migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_tenants::Migration),
            Box::new(m20261128_000002_processing_log::Migration),
            Box::new(m20261128_000003_outbox::Migration),
            Box::new(m20261128_000004_registry::Migration),
            Box::new(m20261128_000005_processing_log_vng::Migration),
            Box::new(m20261128_000006_valuation_knn::Migration),
            Box::new(m20261128_000007_cases::Migration),
            Box::new(m20261128_000008_catalog::Migration),
            Box::new(m20261128_000009_contact::Migration),
            Box::new(m20261128_000010_notify::Migration),
            Box::new(m20261128_000011_subscription_unique::Migration),
            Box::new(m20261204_000012_hardening::Migration),
            Box::new(m20261205_000013_processing_log_partitions::Migration),
            Box::new(m20261205_000014_wakeups::Migration),
            Box::new(m20261207_000015_benchmark::Migration),
            Box::new(m20261208_000016_appointments::Migration),
            Box::new(m20261209_000017_direct_deliveries::Migration),
            Box::new(m20261210_000018_reports::Migration),
            Box::new(m20261211_000019_local_days::Migration),
        ]
    }
}
