//! The appointment service: finding a time, booking, changing and cancelling it, and the
//! counter's day. Every function takes the request context first; the policy is checked
//! before anything is read or changed, and every write happens in the request's session.

mod announce;
mod book;
mod counter;
pub(crate) mod find;
mod report;

use std::sync::Arc;

use chrono::{DateTime, Days, NaiveDate, Utc};
use loket_kernel::{Action, Ctx, calendar::Calendar, casebook::ProductNames};

pub use book::{BookingRequest, Cancellation, NewAppointment};
pub use counter::DayFilter;

use crate::{AppointmentError, Appointments, TenantAppointments};

/// The object guarding free times: who may look for one.
pub(crate) const TIMES: &str = "appointment/times";
/// The object guarding a resident's own appointments (anonymous callers book without a
/// BSN, and cancel with the reference and code they were given).
pub(crate) const OWN: &str = "appointment/own";
/// The object guarding the counter's work: booking on a resident's behalf, the day list,
/// check-in, calling, completing.
pub(crate) const COUNTER: &str = "appointment/counter";

/// The appointment service.
#[derive(Clone)]
pub struct Bookings {
    settings: Arc<Appointments>,
    products: Arc<dyn ProductNames>,
}

impl Bookings {
    /// The service for every tenant's counters; it asks `products` what a product is called.
    pub fn new(settings: Arc<Appointments>, products: Arc<dyn ProductNames>) -> Self {
        Self { settings, products }
    }

    /// The caller's municipality's counters; refused (on `location`) when it takes no
    /// appointments.
    pub(crate) fn settings(&self, ctx: &Ctx) -> Result<&TenantAppointments, AppointmentError> {
        self.settings.of(ctx.tenant()).ok_or_else(|| {
            AppointmentError::bad("location", "this municipality takes no appointments")
        })
    }

    /// The name of a product, as the caller's municipality offers it.
    pub fn product_name(&self, ctx: &Ctx, code: &str) -> Option<String> {
        self.products.product_name(ctx.tenant(), code)
    }
}

/// Refuses unless the caller may do `action` on `object`.
pub(crate) fn require(
    ctx: &Ctx,
    object: &'static str,
    action: Action,
) -> Result<(), AppointmentError> {
    if ctx.can(object, action) {
        Ok(())
    } else {
        Err(AppointmentError::Forbidden(object))
    }
}

/// The instants a local day runs between.
pub(crate) fn span(day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    (Calendar::start_of(day), Calendar::start_of(next))
}
