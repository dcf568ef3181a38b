//! The registry's logic. Every function takes the request context first and checks reach and
//! policy before it returns anything.

mod access;
mod addresses;
mod aliens;
mod directory;
mod persons;
mod records;
mod valuations;

use std::sync::Arc;

pub use access::Group;
pub use aliens::AlienRegistration;
use loket_kernel::config::TenantSet;
use loket_store::Db;
pub use persons::SearchBy;
pub use records::{AddressRecord, Guarded, PermitRecord, PersonRecord, TravelDocumentRecord};
pub use valuations::{ValuationObject, ValuationReport, comparables_statement};

/// The registry service.
#[derive(Clone)]
pub struct Registry {
    db: Db,
    tenants: Arc<TenantSet>,
}

impl Registry {
    /// A registry on `db` for the tenants of `tenants`.
    pub fn new(db: Db, tenants: Arc<TenantSet>) -> Self {
        Self { db, tenants }
    }
}
