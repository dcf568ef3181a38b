//! The registry's logic. Every function takes the request context first and checks reach and
//! policy before it returns anything.

mod access;
mod addresses;
mod aliens;
mod directory;
mod persons;
mod records;
mod valuations;
mod written;

use std::sync::Arc;

pub use access::Group;
pub use aliens::AlienRegistration;
use loket_kernel::config::TenantSet;
use loket_store::{Db, lookups::SharedWork};
pub use persons::SearchBy;
pub use records::{AddressRecord, Guarded, PermitRecord, PersonRecord, TravelDocumentRecord};
pub use valuations::{ValuationObject, ValuationReport, comparables_statement};

/// The registry service.
#[derive(Clone)]
pub struct Registry {
    /// For seeding and demo lookups outside requests; requests work in their session.
    db: Db,
    tenants: Arc<TenantSet>,
    shared_work: Option<Arc<dyn SharedWork>>,
    /// The municipalities' address boxes, read at most once per [`directory::BOUNDS_TTL`].
    bounds: Arc<directory::BoundsCache>,
}

impl Registry {
    /// A registry on `db` for the tenants of `tenants`.
    pub fn new(db: Db, tenants: Arc<TenantSet>) -> Self {
        Self {
            db,
            tenants,
            shared_work: None,
            bounds: Arc::default(),
        }
    }

    /// The same registry, asking `work` whether a collaboration's host works on a member's
    /// resident (without it, hosts reach members' residents only through permits they
    /// registered).
    pub fn with_shared_work(mut self, work: Arc<dyn SharedWork>) -> Self {
        self.shared_work = Some(work);
        self
    }
}
