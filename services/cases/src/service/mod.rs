//! The case service's logic. Every function takes the request context first; reach and policy
//! are checked before anything is read or changed.

mod access;
mod book;
mod change;
mod create;
mod deadline;
mod integral;
mod read;
mod record;
mod submit;

use std::sync::Arc;

pub use access::TypeAccess;
pub use change::{Change, StatusChange};
pub use deadline::{days_in_step, deadline};
pub use integral::{IntegralView, RelatedCase};
pub use read::{CaseFilter, CaseKey, CasePage, Order};
pub use record::{
    CaseRecord, DecisionRecord, JournalRecord, NoteRecord, StatusRecord, TimelineRecord,
};
pub use submit::{BundleResult, Channel, NewCase, Submission};

use loket_kernel::{config::TenantSet, directory::Directory};
use loket_store::Db;

use crate::CaseTypes;

/// The case service.
#[derive(Clone)]
pub struct Cases {
    db: Db,
    tenants: Arc<TenantSet>,
    types: Arc<CaseTypes>,
    directory: Arc<dyn Directory>,
}

impl Cases {
    /// The service on `db`, for the tenants and case types loaded at start-up, asking
    /// `directory` where residents live.
    pub fn new(
        db: Db,
        tenants: Arc<TenantSet>,
        types: Arc<CaseTypes>,
        directory: Arc<dyn Directory>,
    ) -> Self {
        Self {
            db,
            tenants,
            types,
            directory,
        }
    }

    /// The case types in use.
    pub fn types(&self) -> &CaseTypes {
        &self.types
    }
}
