//! The counter's part of the service report: residents called within the norm, no-shows, and
//! appointments per location and product, and their change against the comparison period.

use async_graphql::{Context, Object, SimpleObject};
use loket_kernel::{counter::CounterFigures, graphql::request_ctx};

use super::report::GqlShare;
use crate::{Contacts, Share};

/// How the counter's appointments went in a period.
pub struct CounterReport<'a>(pub(crate) &'a CounterFigures);

/// Appointments for one product at one location.
#[derive(SimpleObject)]
pub struct CounterProduct {
    /// The location's code.
    location: String,
    /// The product's code.
    product: String,
    /// The product's name.
    label: String,
    /// Appointments not cancelled.
    appointments: i64,
}

fn seen(f: &CounterFigures) -> Share {
    Share {
        count: f.called_in_time,
        total: f.called,
    }
}

fn no_shows(f: &CounterFigures) -> Share {
    Share {
        count: f.no_shows,
        total: f.settled,
    }
}

#[Object]
impl CounterReport<'_> {
    /// The norm: called within this many minutes of the appointment time (or of arriving,
    /// for who came late).
    async fn seen_within_minutes(&self) -> u32 {
        self.0.seen_within_minutes
    }
    /// The share of appointments aimed for, in percent.
    async fn target_percentage(&self) -> u32 {
        self.0.target_percentage
    }
    /// Appointments called within the norm, of all called.
    async fn seen_in_time(&self) -> GqlShare {
        seen(self.0).into()
    }
    /// Whether the target was met (null when nobody was called).
    async fn achieved(&self) -> Option<bool> {
        seen(self.0)
            .percentage()
            .map(|p| p >= f64::from(self.0.target_percentage))
    }
    /// No-shows, of the appointments whose outcome is known (called or no-show).
    async fn no_shows(&self) -> GqlShare {
        no_shows(self.0).into()
    }
    /// Cancelled appointments.
    async fn cancelled(&self) -> i64 {
        self.0.cancelled
    }
    /// Appointments not cancelled, per location and product.
    async fn per_product(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<CounterProduct>> {
        let (contacts, rctx) = (ctx.data::<Contacts>()?, request_ctx(ctx)?);
        Ok(self
            .0
            .per_product
            .iter()
            .map(|c| CounterProduct {
                location: c.location.clone(),
                product: c.product.clone(),
                label: contacts
                    .product_name(rctx.tenant(), &c.product)
                    .unwrap_or_else(|| c.product.clone()),
                appointments: c.appointments,
            })
            .collect())
    }
}

/// The counter's change against the comparison period.
#[derive(SimpleObject)]
pub struct CounterChange {
    /// Called within the norm, percentage points now minus then (null when either period
    /// called nobody).
    seen_in_time_points: Option<f64>,
    /// No-shows, percentage points now minus then.
    no_show_points: Option<f64>,
    /// Appointments not cancelled, now minus then.
    appointments: i64,
}

impl CounterChange {
    /// The change from `then` to `now`.
    pub(crate) fn between(now: &CounterFigures, then: &CounterFigures) -> Self {
        let total = |f: &CounterFigures| f.per_product.iter().map(|c| c.appointments).sum::<i64>();
        Self {
            seen_in_time_points: super::report::points(seen(now), seen(then)),
            no_show_points: super::report::points(no_shows(now), no_shows(then)),
            appointments: total(now).saturating_sub(total(then)),
        }
    }
}
