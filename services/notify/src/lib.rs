//! Notifications: residents subscribe to their own cases, to permits near their home and to
//! travel document reminders; third-party systems subscribe a callback URL to events; an
//! appointment's confirmation, reminders and changes go to the addresses given with the
//! booking, and the reporters of a report about public space hear of its progress. The dispatcher turns outbox events into deliveries and sends them by e-mail
//! (SMTP), text message (an HTTP gateway per tenant), signed webhook or the log sink.
//!
//! Guarantees:
//! - **Nothing lost.** Events come from the transactional outbox the other services write in
//!   the same transaction as their change. An event is marked delivered in the same
//!   transaction that stores its deliveries; a delivery stays pending until a receiver
//!   accepted it, or is dead-lettered after the maximum number of attempts (admins re-drive).
//! - **Nothing sent twice to an idempotent receiver.** Each delivery has a key, one per
//!   (event, subscription), (reminder, document, lead time) or (appointment, event, channel,
//!   reminder), unique in the database and sent with every attempt (`Loket-Delivery` header,
//!   e-mail `Message-ID`, SMS `reference`): after a crash the retry carries the same key.
//! - **Shared work.** Claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL and a lease
//!   (`available_at` moved ahead) so several dispatchers never hold the same rows and a killed
//!   one's rows come back after the lease. Sending happens outside any transaction.
//! - **Requests never wait.** Requests only insert outbox rows; nothing bounds the outbox.
//!
//! Chosen here: near-me matching uses a grid index in SQL ([`grid`]); webhook payloads carry
//! the event's attributes without the subject's BSN; a subscription to a topic and address
//! that already exists is a `CONFLICT`.

mod appointments;
mod deliveries;
mod dispatch;
mod entity;
mod error;
mod fanout;
pub mod graphql;
pub mod grid;
mod model;
mod reminders;
mod reports;
pub mod send;
pub mod signature;
mod subscribe;
pub mod templates;

use std::sync::Arc;

use loket_kernel::{casebook::ProductNames, config::TenantSet, ctx::Grants};
use loket_store::{Db, lookups::Directory};

pub use deliveries::DeliveryFilter;
pub use dispatch::{DispatchSettings, Dispatcher, Round};
pub use error::NotifyError;
pub use model::{
    Channel, DeliveryStatus, DeliveryView, Filter, NewSubscription, SubscriptionView, Topic,
};
pub use subscribe::Subscribed;
pub use templates::Templates;

/// The notification service: subscriptions and the delivery log.
#[derive(Clone)]
pub struct Notify {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    db: Db,
    tenants: Arc<TenantSet>,
    directory: Arc<dyn Directory>,
    products: Option<Arc<dyn ProductNames>>,
    templates: Arc<Templates>,
    insecure_webhooks: bool,
    grants: Option<Arc<dyn Grants>>,
    reporters: Option<reports::Book>,
}

impl Notify {
    /// The service; see [`Notify::with_products`] and [`Notify::insecure_webhooks`].
    pub fn new(
        db: Db,
        tenants: Arc<TenantSet>,
        directory: Arc<dyn Directory>,
        templates: Arc<Templates>,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                db,
                tenants,
                directory,
                products: None,
                templates,
                insecure_webhooks: false,
                grants: None,
                reporters: None,
            }),
        }
    }

    /// Checks the products of near-me subscriptions against `products` (the catalogue).
    #[must_use]
    pub fn with_products(self, products: Arc<dyn ProductNames>) -> Self {
        self.rebuild(|inner| inner.products = Some(products))
    }

    /// Decides what an app learns of an event with the app's own policy, as `grants` gives
    /// it (without, webhooks carry nothing).
    #[must_use]
    pub fn with_grants(self, grants: Arc<dyn Grants>) -> Self {
        self.rebuild(|inner| inner.grants = Some(grants))
    }

    /// Looks up the addresses of reporters of reports about public space in `book` (without
    /// it, `report.*` events make no messages).
    #[must_use]
    pub fn with_reporters(self, book: Arc<dyn loket_store::lookups::ReporterBook>) -> Self {
        self.rebuild(|inner| inner.reporters = Some(book))
    }

    /// Lets callback URLs use plain `http://` and loopback addresses (development and tests
    /// only; private, link-local and metadata addresses stay refused).
    #[must_use]
    pub fn insecure_webhooks(self, allow: bool) -> Self {
        self.rebuild(|inner| inner.insecure_webhooks = allow)
    }

    fn rebuild(self, change: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = Arc::unwrap_or_clone(self.inner);
        change(&mut inner);
        Self {
            inner: Arc::new(inner),
        }
    }
}
