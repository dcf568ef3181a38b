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
mod report;
mod submit;

use std::sync::Arc;

pub use access::TypeAccess;
pub use change::{Change, StatusChange};
pub use deadline::{days_in_step, deadline};
pub use integral::{Around, CasesAround, IntegralView, RelatedCase};
pub use read::{CaseFilter, CaseKey, CasePage, CasePosition, Order, ReadAs, Want};
pub use record::{
    CaseRecord, DecisionRecord, JournalRecord, NoteRecord, StatusRecord, TimelineRecord,
};
pub use report::{
    Anonymised, Filed, MAX_PAGE, NearbyReport, NewReport, PhotoRecord, Place, PublicReport,
    ReportFilter, ReportPage, ReporterDetails, ReporterRecord, StoredPhoto, SurveyAnswer,
    nearby_statement,
};
pub use submit::{BundleResult, Channel, NewCase, Submission};

use loket_kernel::config::TenantSet;
use loket_store::lookups::Directory;

use crate::{CaseTypes, photos::PhotoStore};

/// The case service.
#[derive(Clone)]
pub struct Cases {
    tenants: Arc<TenantSet>,
    types: Arc<CaseTypes>,
    directory: Arc<dyn Directory>,
    photos: Option<PhotoStore>,
}

impl Cases {
    /// The service for the tenants and case types loaded at start-up, asking `directory`
    /// where residents live. It works in each request's session.
    pub fn new(
        tenants: Arc<TenantSet>,
        types: Arc<CaseTypes>,
        directory: Arc<dyn Directory>,
    ) -> Self {
        Self {
            tenants,
            types,
            directory,
            photos: None,
        }
    }

    /// The service keeping report photos in `store`; without one, reports take no photos.
    #[must_use]
    pub fn with_photos(mut self, store: PhotoStore) -> Self {
        self.photos = Some(store);
        self
    }

    /// The case types in use.
    pub fn types(&self) -> &CaseTypes {
        &self.types
    }
}
