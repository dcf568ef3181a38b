//! Queries: locations, free days and times, the counter's day list.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use loket_kernel::{
    global_id,
    graphql::{request_ctx, to_gql},
};
use loket_store::{graphql::request, processing_log::ReadAs};

use super::types::{Appointment, AppointmentLocation, AvailableTime, GqlStatus};
use crate::{Bookings, DayFilter, Request};

/// Query root for appointments.
#[derive(Default)]
pub struct AppointmentsQuery;

/// Which appointments the counter lists.
#[derive(InputObject)]
pub struct AppointmentFilter {
    /// The location's code.
    location: String,
    /// The day.
    day: NaiveDate,
    /// Only these statuses (default: all).
    #[graphql(default)]
    statuses: Vec<GqlStatus>,
}

/// How the counter reads appointments.
const COUNTER_READ: ReadAs = ReadAs {
    operation: "appointments",
    purpose: "receive residents at the counter",
};

fn persons_of(persons: i32) -> Result<u32> {
    loket_kernel::input::count("persons", persons, 1..=u32::MAX).map_err(|e| to_gql(&e))
}

#[Object]
impl AppointmentsQuery {
    /// The counters where appointments for all of `products` can be made, by code.
    async fn appointment_locations(
        &self,
        ctx: &Context<'_>,
        products: Vec<String>,
    ) -> Result<Vec<AppointmentLocation>> {
        let rctx = request_ctx(ctx)?;
        let found = ctx
            .data::<Bookings>()?
            .locations(rctx, &products)
            .map_err(|e| to_gql(&e))?;
        Ok(found.into_iter().map(AppointmentLocation).collect())
    }

    /// The days from `from` to `to` (at most 62, within the booking window) with a time for
    /// `products` for `persons` at `location`.
    async fn available_days(
        &self,
        ctx: &Context<'_>,
        products: Vec<String>,
        #[graphql(default = 1)] persons: i32,
        location: String,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<NaiveDate>> {
        let (rctx, session) = request(ctx)?;
        let request = Request {
            products: &products,
            persons: persons_of(persons)?,
        };
        ctx.data::<Bookings>()?
            .available_days(rctx, session, (request, &location), from, to)
            .await
            .map_err(|e| to_gql(&e))
    }

    /// The times on `day` an appointment for `products` for `persons` can start at
    /// `location`: one desk that serves every product is free for its whole duration.
    async fn available_times(
        &self,
        ctx: &Context<'_>,
        products: Vec<String>,
        #[graphql(default = 1)] persons: i32,
        location: String,
        day: NaiveDate,
    ) -> Result<Vec<AvailableTime>> {
        let (rctx, session) = request(ctx)?;
        let request = Request {
            products: &products,
            persons: persons_of(persons)?,
        };
        let times = ctx
            .data::<Bookings>()?
            .available_times(rctx, session, (request, &location), day)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(times.into_iter().map(AvailableTime::from).collect())
    }

    /// A location's appointments on a day, in order of time (the counter).
    async fn appointments(
        &self,
        ctx: &Context<'_>,
        filter: AppointmentFilter,
    ) -> Result<Vec<Appointment>> {
        let (rctx, session) = request(ctx)?;
        let filter = DayFilter {
            location: filter.location,
            day: filter.day,
            statuses: filter.statuses.into_iter().map(Into::into).collect(),
        };
        let list = ctx
            .data::<Bookings>()?
            .day_list(rctx, session, filter)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(list
            .into_iter()
            .map(|a| Appointment::new(a, COUNTER_READ))
            .collect())
    }

    /// One appointment (the counter).
    async fn appointment(&self, ctx: &Context<'_>, id: ID) -> Result<Appointment> {
        let (rctx, session) = request(ctx)?;
        let id = global_id::uuid_of("id", "Appointment", &id).map_err(|e| to_gql(&e))?;
        let found = ctx
            .data::<Bookings>()?
            .appointment(rctx, session, id)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(Appointment::new(found, COUNTER_READ))
    }
}

/// The logged-in resident's own appointments, the latest first, for `me.appointments`.
pub async fn my_appointments(ctx: &Context<'_>) -> Result<Vec<Appointment>> {
    let (rctx, session) = request(ctx)?;
    let own = ctx
        .data::<Bookings>()?
        .own(rctx, session)
        .await
        .map_err(|e| to_gql(&e))?;
    let read_as = ReadAs {
        operation: "me.appointments",
        purpose: "show residents their own appointments",
    };
    Ok(own
        .into_iter()
        .map(|a| Appointment::new(a, read_as))
        .collect())
}
