//! The contact centre's logic. Every function takes the request context first; policy is
//! checked before anything is read or changed.

mod callbacks;
mod history;
mod register;

use std::sync::Arc;

use loket_kernel::{
    Action, Ctx, TenantId,
    calendar::Calendar,
    casebook::ProductNames,
    config::{ServiceNorms, TenantConfig, TenantSet},
};
use loket_store::lookups::{AppointmentBook, CaseBook};

pub use callbacks::{CallbackFilter, CallbackRequest};
pub use history::{ContactPage, contact_cursor};

use crate::ContactError;

/// The object guarding contact moments.
pub(crate) const MOMENTS: &str = "contact/moments";
/// The object guarding callback requests.
pub(crate) const CALLBACKS: &str = "contact/callbacks";
/// The object guarding the service report.
pub(crate) const REPORT: &str = "report/service";

/// The contact-centre service.
#[derive(Clone)]
pub struct Contacts {
    tenants: Arc<TenantSet>,
    pub(crate) cases: Arc<dyn CaseBook>,
    products: Arc<dyn ProductNames>,
    pub(crate) appointments: Option<Arc<dyn AppointmentBook>>,
}

impl Contacts {
    /// The service for the tenants loaded at start-up; it asks `cases` whether a case exists
    /// and how deadlines were kept, and `products` what a product is called. It works in each
    /// request's session.
    pub fn new(
        tenants: Arc<TenantSet>,
        cases: Arc<dyn CaseBook>,
        products: Arc<dyn ProductNames>,
    ) -> Self {
        Self {
            tenants,
            cases,
            products,
            appointments: None,
        }
    }

    /// The service that also reports the counter's appointments, asking `appointments`.
    #[must_use]
    pub fn with_appointments(mut self, appointments: Arc<dyn AppointmentBook>) -> Self {
        self.appointments = Some(appointments);
        self
    }

    /// The caller's tenant configuration.
    pub(crate) fn config(&self, tenant: &TenantId) -> Result<&TenantConfig, ContactError> {
        self.tenants
            .tenants
            .get(tenant)
            .ok_or(ContactError::NotFound)
    }

    /// The tenant's service norms.
    pub fn norms(&self, tenant: &TenantId) -> Result<&ServiceNorms, ContactError> {
        Ok(&self.config(tenant)?.service_norms)
    }

    /// The tenant's working-day calendar.
    pub fn calendar(&self, tenant: &TenantId) -> Result<Calendar, ContactError> {
        Ok(self.config(tenant)?.contact_centre.calendar())
    }

    /// The name of a product the tenant offers.
    pub(crate) fn product_name(&self, tenant: &TenantId, code: &str) -> Option<String> {
        self.products.product_name(tenant, code)
    }
}

/// Refuses unless the caller may do `action` on `object`.
pub(crate) fn require(ctx: &Ctx, object: &str, action: Action) -> Result<(), ContactError> {
    if ctx.can(object, action) {
        Ok(())
    } else {
        Err(ContactError::forbidden(object))
    }
}
