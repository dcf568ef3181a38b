//! Loket's database layer.
//!
//! [`Db`] connects to SQLite (the default, embedded) or PostgreSQL (production) and runs the
//! one migration set. Tenant-owned data is only reached inside a [`TenantTx`]: a transaction
//! that, on PostgreSQL, runs as the row-level-security-bound application role with
//! `loket.tenant` set, so a query that forgets its tenant filter sees nothing rather than
//! another municipality's rows. A request does all its database work in one [`Session`]: at
//! most one transaction, begun on first use and ended when the response is complete. The [`outbox`] and the [`processing_log`] live here because
//! every domain service writes to them; the live [`feed`] reads the outbox back for
//! subscriptions.

mod db;
mod entity;
mod error;
pub mod feed;
pub mod graphql;
pub mod lookups;
pub mod outbox;
pub mod processing_log;
pub mod query;
pub mod retention;
mod session;
mod tenants;
#[cfg(feature = "testing")]
pub mod testing;
mod tx;
pub mod wake;

pub use db::{Backend, DEFAULT_STATEMENT_TIMEOUT_MS, Db};
pub use error::StoreError;
pub use feed::{Feed, FeedEvent, FeedSettings};
pub use session::Session;
pub use tx::{Counts, Mode, TenantTx, Transaction};
