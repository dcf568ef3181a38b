//! The appointment types of the schema.

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use loket_kernel::global_id;
use loket_store::{graphql::record, processing_log::ReadAs};

use crate::{Appointment as Record, AppointmentStatus, Bookings, FreeTime, config::Location};

/// Where an appointment stands.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "AppointmentStatus")]
pub enum GqlStatus {
    /// Booked, not yet arrived.
    Booked,
    /// The resident arrived and waits.
    CheckedIn,
    /// Called to a desk.
    Called,
    /// Done.
    Completed,
    /// The resident did not come.
    NoShow,
    /// Cancelled; the time is free again.
    Cancelled,
}

impl From<AppointmentStatus> for GqlStatus {
    fn from(s: AppointmentStatus) -> Self {
        match s {
            AppointmentStatus::Booked => Self::Booked,
            AppointmentStatus::CheckedIn => Self::CheckedIn,
            AppointmentStatus::Called => Self::Called,
            AppointmentStatus::Completed => Self::Completed,
            AppointmentStatus::NoShow => Self::NoShow,
            AppointmentStatus::Cancelled => Self::Cancelled,
        }
    }
}

impl From<GqlStatus> for AppointmentStatus {
    fn from(s: GqlStatus) -> Self {
        match s {
            GqlStatus::Booked => Self::Booked,
            GqlStatus::CheckedIn => Self::CheckedIn,
            GqlStatus::Called => Self::Called,
            GqlStatus::Completed => Self::Completed,
            GqlStatus::NoShow => Self::NoShow,
            GqlStatus::Cancelled => Self::Cancelled,
        }
    }
}

/// A counter where residents come by appointment.
pub struct AppointmentLocation(pub Location);

/// A counter where residents come by appointment.
#[Object]
impl AppointmentLocation {
    /// Stable code, to pass as `location`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Name shown to residents.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Street address.
    async fn address(&self) -> &str {
        &self.0.address
    }
}

/// A time an appointment can start.
#[derive(SimpleObject)]
pub struct AvailableTime {
    /// When it starts: pass it as `start` to book.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
}

impl From<FreeTime> for AvailableTime {
    fn from(t: FreeTime) -> Self {
        Self {
            start: t.start,
            end: t.end,
        }
    }
}

/// A product of an appointment.
#[derive(SimpleObject)]
pub struct AppointmentProduct {
    /// Catalogue code.
    pub code: String,
    /// Its name, as the municipality offers it.
    pub name: Option<String>,
}

/// An appointment at the counter, read for a purpose: reading whose it is, or how to reach
/// them, is logged when the appointment names a resident.
pub struct Appointment {
    record: Record,
    read_as: ReadAs,
}

impl Appointment {
    /// `record`, read as `read_as`.
    pub fn new(record: Record, read_as: ReadAs) -> Self {
        Self { record, read_as }
    }

    fn read(&self, ctx: &Context<'_>) -> Result<()> {
        let Some(bsn) = &self.record.subject_bsn else {
            return Ok(());
        };
        let how = self.read_as;
        record(ctx, bsn, how.operation, how.purpose, "appointment")
    }
}

/// An appointment at the counter.
#[Object]
impl Appointment {
    /// Opaque global id.
    async fn id(&self) -> ID {
        ID(global_id::encode(
            "Appointment",
            &self.record.id.to_string(),
        ))
    }
    /// The reference the resident quotes.
    async fn reference(&self) -> &str {
        &self.record.reference
    }
    /// The location's code.
    async fn location(&self) -> &str {
        &self.record.place.location
    }
    /// The desk it was planned at.
    async fn desk(&self) -> &str {
        &self.record.place.desk
    }
    /// When it starts.
    async fn start(&self) -> DateTime<Utc> {
        self.record.place.start
    }
    /// When it ends.
    async fn end(&self) -> DateTime<Utc> {
        self.record.place.end
    }
    /// What it is for.
    async fn products(&self, ctx: &Context<'_>) -> Result<Vec<AppointmentProduct>> {
        let bookings = ctx.data::<Bookings>()?;
        let rctx = loket_kernel::graphql::request_ctx(ctx)?;
        Ok(self
            .record
            .products
            .iter()
            .map(|code| AppointmentProduct {
                code: code.clone(),
                name: bookings.product_name(rctx, code),
            })
            .collect())
    }
    /// Persons who come.
    async fn persons(&self) -> u32 {
        self.record.persons
    }
    /// Where it stands.
    async fn status(&self) -> GqlStatus {
        self.record.status.into()
    }
    /// The resident (BSN), when booked for one.
    async fn subject(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        Ok(self.record.subject_bsn.as_deref())
    }
    /// The name to call out.
    async fn name(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx)?;
        Ok(&self.record.contact_name)
    }
    /// Where confirmations go.
    async fn email(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        Ok(self.record.email.as_deref())
    }
    /// Where text messages go.
    async fn phone(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        Ok(self.record.phone.as_deref())
    }
    /// When the resident arrived.
    async fn checked_in_at(&self) -> Option<DateTime<Utc>> {
        self.record.checked_in_at
    }
    /// When the resident was called.
    async fn called_at(&self) -> Option<DateTime<Utc>> {
        self.record.called.as_ref().map(|(at, _)| *at)
    }
    /// The desk the resident was called to.
    async fn called_desk(&self) -> Option<&str> {
        self.record.called.as_ref().map(|(_, desk)| desk.as_str())
    }
    /// When it was done.
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.record.completed_at
    }
    /// When it was cancelled.
    async fn cancelled_at(&self) -> Option<DateTime<Utc>> {
        self.record.cancelled_at
    }
    /// When it was booked.
    async fn created_at(&self) -> DateTime<Utc> {
        self.record.created_at
    }
    /// Raised by every change; pass it back as `expectedVersion`.
    async fn version(&self) -> i32 {
        self.record.version
    }
}
