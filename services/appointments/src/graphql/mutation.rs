//! Mutations: booking, moving and cancelling an appointment, and the counter's steps.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use loket_kernel::{global_id, graphql::to_gql};
use loket_store::{graphql::request, processing_log::ReadAs};
use uuid::Uuid;

use super::types::Appointment;
use crate::{BookingRequest, Bookings, Cancellation, store::Step};

/// Mutation root for appointments.
#[derive(Default)]
pub struct AppointmentsMutation;

/// An appointment to book.
#[derive(InputObject)]
pub struct BookAppointmentInput {
    /// Catalogue product codes.
    products: Vec<String>,
    /// Persons who come.
    #[graphql(default = 1)]
    persons: i32,
    /// The location's code.
    location: String,
    /// The start: one of `availableTimes`.
    start: DateTime<Utc>,
    /// The name to call out.
    name: String,
    /// Where the confirmation goes (required without logging in).
    email: Option<String>,
    /// A mobile number for text messages.
    phone: Option<String>,
    /// The resident (BSN), when the front office books on their behalf.
    subject: Option<String>,
    /// A retry with the same key returns the first booking.
    idempotency_key: Option<String>,
}

/// A booked appointment.
#[derive(SimpleObject)]
pub struct BookAppointmentPayload {
    /// The appointment.
    appointment: Appointment,
    /// With `appointment.reference`, cancels it without logging in. Only in the first
    /// answer to a booking (a replay has none); the confirmation e-mail carries it too.
    cancellation_code: Option<String>,
    /// Whether an earlier call with the same idempotency key booked it.
    replayed: bool,
}

/// A move to another time.
#[derive(InputObject)]
pub struct RescheduleAppointmentInput {
    /// The appointment.
    id: ID,
    /// The version read; a changed appointment is a `CONFLICT`.
    expected_version: i32,
    /// Another location (default: the same).
    location: Option<String>,
    /// The new start: one of `availableTimes`.
    start: DateTime<Utc>,
}

/// A cancellation: by `id` and `expectedVersion` when logged in, or by `reference` and
/// `cancellationCode` from the confirmation.
#[derive(InputObject)]
pub struct CancelAppointmentInput {
    /// The appointment.
    id: Option<ID>,
    /// The version read.
    expected_version: Option<i32>,
    /// The reference from the confirmation.
    reference: Option<String>,
    /// The cancellation code from the confirmation.
    cancellation_code: Option<String>,
}

/// An appointment the counter works on.
#[derive(InputObject)]
pub struct AppointmentStepInput {
    /// The appointment.
    id: ID,
}

/// Calling a resident to a desk.
#[derive(InputObject)]
pub struct CallAppointmentInput {
    /// The appointment.
    id: ID,
    /// The desk's code, at the appointment's location.
    desk: String,
}

/// A changed appointment.
#[derive(SimpleObject)]
pub struct AppointmentPayload {
    /// The appointment as it is now.
    appointment: Appointment,
}

const CHANGED: ReadAs = ReadAs {
    operation: "appointment",
    purpose: "make or change an appointment",
};

fn id_of(id: &ID) -> Result<Uuid> {
    global_id::uuid_of("id", "Appointment", id).map_err(|e| to_gql(&e))
}

fn cancellation(input: CancelAppointmentInput) -> Result<Cancellation> {
    let bad = |field: &str, message: &str| to_gql(&loket_kernel::InputError::new(field, message));
    match input {
        CancelAppointmentInput {
            id: Some(id),
            expected_version: Some(version),
            reference: None,
            cancellation_code: None,
        } => Ok(Cancellation::ById {
            id: id_of(&id)?,
            version,
        }),
        CancelAppointmentInput {
            id: Some(_),
            expected_version: None,
            ..
        } => Err(bad("expectedVersion", "required with id")),
        CancelAppointmentInput {
            id: None,
            expected_version: None,
            reference: Some(reference),
            cancellation_code: Some(code),
        } => Ok(Cancellation::ByCode { reference, code }),
        CancelAppointmentInput {
            id: None,
            reference: Some(_),
            cancellation_code: None,
            ..
        } => Err(bad("cancellationCode", "required with reference")),
        _ => Err(bad(
            "id",
            "give either id and expectedVersion, or reference and cancellationCode",
        )),
    }
}

async fn step(ctx: &Context<'_>, id: &ID, step: Step) -> Result<AppointmentPayload> {
    let (rctx, session) = request(ctx)?;
    let id = id_of(id)?;
    let appointment = ctx
        .data::<Bookings>()?
        .advance(rctx, session, id, step)
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(AppointmentPayload {
        appointment: Appointment::new(appointment, CHANGED),
    })
}

#[Object]
impl AppointmentsMutation {
    /// Books an appointment: a resident for themselves, or the front office on a resident's
    /// behalf. A time just taken is a `CONFLICT`.
    async fn book_appointment(
        &self,
        ctx: &Context<'_>,
        input: BookAppointmentInput,
    ) -> Result<BookAppointmentPayload> {
        let (rctx, session) = request(ctx)?;
        let booking = BookingRequest {
            products: input.products,
            persons: input.persons,
            location: input.location,
            start: input.start,
            name: input.name,
            email: input.email,
            phone: input.phone,
            subject: input.subject,
            idempotency_key: input.idempotency_key,
        };
        let made = ctx
            .data::<Bookings>()?
            .book(rctx, session, booking)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(BookAppointmentPayload {
            appointment: Appointment::new(made.appointment, CHANGED),
            cancellation_code: made.cancellation_code,
            replayed: made.replayed,
        })
    }

    /// Moves an appointment to another time: the new time is held before the old one is let
    /// go; when the new time is taken (`CONFLICT`) the old one stays.
    async fn reschedule_appointment(
        &self,
        ctx: &Context<'_>,
        input: RescheduleAppointmentInput,
    ) -> Result<AppointmentPayload> {
        let (rctx, session) = request(ctx)?;
        let id = id_of(&input.id)?;
        let appointment = ctx
            .data::<Bookings>()?
            .reschedule(
                rctx,
                session,
                (id, input.expected_version),
                input.location.as_deref(),
                input.start,
            )
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(AppointmentPayload {
            appointment: Appointment::new(appointment, CHANGED),
        })
    }

    /// Cancels an appointment; its time is free again.
    async fn cancel_appointment(
        &self,
        ctx: &Context<'_>,
        input: CancelAppointmentInput,
    ) -> Result<AppointmentPayload> {
        let (rctx, session) = request(ctx)?;
        let how = cancellation(input)?;
        let appointment = ctx
            .data::<Bookings>()?
            .cancel(rctx, session, how)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(AppointmentPayload {
            appointment: Appointment::new(appointment, CHANGED),
        })
    }

    /// Records that the resident arrived (the counter, on the appointment's day).
    async fn check_in(
        &self,
        ctx: &Context<'_>,
        input: AppointmentStepInput,
    ) -> Result<AppointmentPayload> {
        step(ctx, &input.id, Step::CheckIn).await
    }

    /// Calls the resident to a desk (the counter).
    async fn call_appointment(
        &self,
        ctx: &Context<'_>,
        input: CallAppointmentInput,
    ) -> Result<AppointmentPayload> {
        step(ctx, &input.id, Step::Call(input.desk)).await
    }

    /// Marks a called appointment done (the counter).
    async fn complete_appointment(
        &self,
        ctx: &Context<'_>,
        input: AppointmentStepInput,
    ) -> Result<AppointmentPayload> {
        step(ctx, &input.id, Step::Complete).await
    }

    /// Marks that the resident did not come (the counter, once the time has come).
    async fn mark_no_show(
        &self,
        ctx: &Context<'_>,
        input: AppointmentStepInput,
    ) -> Result<AppointmentPayload> {
        step(ctx, &input.id, Step::NoShow).await
    }
}
