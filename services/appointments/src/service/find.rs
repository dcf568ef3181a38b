//! Finding a time: the locations that can serve a request, the days with room, and the times
//! on a day.

use chrono::{DateTime, Days, NaiveDate, Utc};
use loket_kernel::{Action, Ctx, input};
use loket_store::Session;
use uuid::Uuid;

use super::{Bookings, TIMES, require, span};
use crate::{
    AppointmentError, FreeTime, Request, TenantAppointments, config::Location, free_times, store,
};

/// The most days one `availableDays` question covers.
pub const MAX_DAYS: u32 = 62;

/// A request checked against the configuration: how long it takes, and where.
pub(crate) struct Plan<'a> {
    pub(crate) settings: &'a TenantAppointments,
    pub(crate) products: &'a [String],
    pub(crate) location: &'a Location,
    pub(crate) minutes: u32,
}

impl Bookings {
    /// Checks `request` at `location`: known products that may share an appointment, the
    /// number of persons, a location with a desk that serves every product.
    pub(crate) fn plan<'a>(
        &'a self,
        ctx: &Ctx,
        request: Request<'a>,
        location: &str,
    ) -> Result<Plan<'a>, AppointmentError> {
        let settings = self.settings(ctx)?;
        let minutes = settings.minutes(request)?;
        let location = settings.location(location)?;
        if location.desks_for(request.products).next().is_none() {
            return Err(AppointmentError::bad(
                "location",
                format!("{} has no desk for all of these products", location.name),
            ));
        }
        Ok(Plan {
            settings,
            products: request.products,
            location,
            minutes,
        })
    }

    /// The locations with a desk that serves every product of `products` (none when the
    /// municipality takes no appointments).
    pub fn locations(
        &self,
        ctx: &Ctx,
        products: &[String],
    ) -> Result<Vec<Location>, AppointmentError> {
        require(ctx, TIMES, Action::Read)?;
        let Some(settings) = self.settings.of(ctx.tenant()) else {
            return Ok(Vec::new());
        };
        Ok(settings.locations_for(products).cloned().collect())
    }

    /// The days from `from` to `to` (within the booking window) with a time where `request`
    /// fits at `location`.
    pub async fn available_days(
        &self,
        ctx: &Ctx,
        session: &Session,
        (request, location): (Request<'_>, &str),
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<NaiveDate>, AppointmentError> {
        require(ctx, TIMES, Action::Read)?;
        let (from, to) = (input::day("from", from)?, input::day("to", to)?);
        if to < from {
            return Err(AppointmentError::bad("to", "must not lie before from"));
        }
        if to.signed_duration_since(from).num_days() >= i64::from(MAX_DAYS) {
            return Err(AppointmentError::bad(
                "to",
                format!("ask for at most {MAX_DAYS} days at a time"),
            ));
        }
        let plan = self.plan(ctx, request, location)?;
        let (first, last, earliest) = plan.settings.window(Utc::now());
        let (from, to) = (from.max(first), to.min(last));
        if from > to {
            return Ok(Vec::new());
        }
        let busy = {
            let tx = session.tx(ctx.tenant()).await?;
            let (start, _) = span(from);
            let (_, end) = span(to);
            store::busy(&tx, ctx.tenant(), &plan.location.code, (start, end), None).await?
        };
        let mut days = Vec::new();
        let mut day = from;
        while day <= to {
            let (start, end) = span(day);
            let that_day: Vec<_> = busy
                .iter()
                .filter(|b| b.start < end && start < b.end)
                .cloned()
                .collect();
            let times = free_times(
                plan.settings,
                plan.location,
                day,
                plan.products,
                plan.minutes,
                earliest,
                &that_day,
            );
            if !times.is_empty() {
                days.push(day);
            }
            let Some(next) = day.checked_add_days(Days::new(1)) else {
                break;
            };
            day = next;
        }
        Ok(days)
    }

    /// The times on `day` where `request` fits at `location` (none outside the booking
    /// window).
    pub async fn available_times(
        &self,
        ctx: &Ctx,
        session: &Session,
        (request, location): (Request<'_>, &str),
        day: NaiveDate,
    ) -> Result<Vec<FreeTime>, AppointmentError> {
        require(ctx, TIMES, Action::Read)?;
        let day = input::day("day", day)?;
        let plan = self.plan(ctx, request, location)?;
        let (first, last, earliest) = plan.settings.window(Utc::now());
        if day < first || day > last {
            return Ok(Vec::new());
        }
        self.fit(ctx, session, &plan, day, earliest, None).await
    }

    /// The free times on `day` for `plan`, not before `earliest`, leaving out appointment
    /// `except` (the one being moved).
    pub(crate) async fn fit(
        &self,
        ctx: &Ctx,
        session: &Session,
        plan: &Plan<'_>,
        day: NaiveDate,
        earliest: DateTime<Utc>,
        except: Option<Uuid>,
    ) -> Result<Vec<FreeTime>, AppointmentError> {
        let busy = {
            let tx = session.tx(ctx.tenant()).await?;
            store::busy(&tx, ctx.tenant(), &plan.location.code, span(day), except).await?
        };
        Ok(free_times(
            plan.settings,
            plan.location,
            day,
            plan.products,
            plan.minutes,
            earliest,
            &busy,
        ))
    }
}
