//! What the service hands out: an appointment as staff and its resident see it.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{entity::Model, store::Place};

/// Where an appointment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppointmentStatus {
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

impl AppointmentStatus {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Booked => "booked",
            Self::CheckedIn => "checked-in",
            Self::Called => "called",
            Self::Completed => "completed",
            Self::NoShow => "no-show",
            Self::Cancelled => "cancelled",
        }
    }

    /// The status with this stored name.
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Booked,
            Self::CheckedIn,
            Self::Called,
            Self::Completed,
            Self::NoShow,
            Self::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}

/// An appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appointment {
    /// Its id.
    pub id: Uuid,
    /// The reference the resident quotes.
    pub reference: String,
    /// Where and when.
    pub place: Place,
    /// Product codes.
    pub products: Vec<String>,
    /// Persons who come.
    pub persons: u32,
    /// The resident, when known.
    pub subject_bsn: Option<String>,
    /// The name to call out.
    pub contact_name: String,
    /// Where confirmations go.
    pub email: Option<String>,
    /// Where text messages go.
    pub phone: Option<String>,
    /// Who booked it.
    pub booked_by: String,
    /// Where it stands.
    pub status: AppointmentStatus,
    /// When the resident arrived.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// When they were called, and to which desk.
    pub called: Option<(DateTime<Utc>, String)>,
    /// When it was done.
    pub completed_at: Option<DateTime<Utc>>,
    /// When it was cancelled.
    pub cancelled_at: Option<DateTime<Utc>>,
    /// When it was booked.
    pub created_at: DateTime<Utc>,
    /// Raised by every change; a change names the version it read.
    pub version: i32,
}

impl From<Model> for Appointment {
    fn from(m: Model) -> Self {
        Self {
            id: m.id,
            reference: m.reference,
            place: Place {
                location: m.location,
                desk: m.desk,
                start: m.starts_at,
                end: m.ends_at,
            },
            products: m.products.split(',').map(str::to_owned).collect(),
            persons: u32::try_from(m.persons).unwrap_or(1),
            subject_bsn: m.subject_bsn,
            contact_name: m.contact_name,
            email: m.email,
            phone: m.phone,
            booked_by: m.booked_by,
            status: AppointmentStatus::parse(&m.status).unwrap_or(AppointmentStatus::Booked),
            checked_in_at: m.checked_in_at,
            called: m.called_at.zip(m.called_desk),
            completed_at: m.completed_at,
            cancelled_at: m.cancelled_at,
            created_at: m.created_at,
            version: m.version,
        }
    }
}
