//! Appointments at the counter.
//!
//! Each municipality describes its counters in `tenants/<slug>/appointments.toml`
//! ([`config`]): locations with opening hours and desks, the products each desk serves, the
//! minutes per product and per further person, the booking window, the days without
//! appointments (weekends, the national holidays it keeps, its closed days and the counters'
//! own) and which products may not share one appointment. `loket check` validates it, naming
//! file and line.
//!
//! [`slots`] finds free times: an appointment takes the sum of its products' minutes for its
//! persons, and fits where one desk that serves every chosen product is free for the whole
//! duration.
//!
//! [`store`] keeps them: the database itself refuses a second appointment at a desk's time
//! (an exclusion constraint on PostgreSQL, triggers on SQLite), so no race between two
//! bookings can double-book, and a move to another time is one update that holds the new
//! time before the old one is free.
//!
//! [`Bookings`] is the service the GraphQL API ([`graphql`]) calls: finding locations, days
//! and times, booking (with an idempotency key, a reference and a cancellation code of which
//! only the hash is kept), moving, cancelling, the resident's own list, and the counter's day
//! list with check-in, calling, completing and no-shows, each guarded by the policy objects
//! `appointment/times`, `appointment/own` and `appointment/counter`. Booking, moving and
//! cancelling each write an outbox event in the same transaction (`appointment.booked`,
//! `.rescheduled`, `.cancelled`, with the reminder moments of `[reminders]` and never the BSN),
//! from which the notification service sends the resident's confirmation, reminders and
//! messages.
//!
//! # External appointment systems
//!
//! Municipalities that keep JCC-Afspraken, Qmatic or TIMEBLOCKR can later plug them in behind
//! one trait in place of the internal engine, shaped after the operations every such system
//! offers (and Open Formulieren's appointments plugin asks of them):
//!
//! ```text
//! trait AppointmentSystem {
//!     async fn locations(&self, products: &[String]) -> Result<Vec<Location>>;
//!     async fn days(&self, request: Request, location: &str, from: NaiveDate, to: NaiveDate)
//!         -> Result<Vec<NaiveDate>>;
//!     async fn times(&self, request: Request, location: &str, day: NaiveDate)
//!         -> Result<Vec<FreeTime>>;
//!     async fn book(&self, booking: BookingRequest) -> Result<NewAppointment>;   // CONFLICT when taken
//!     async fn reschedule(&self, reference: &str, start: DateTime<Utc>) -> Result<Appointment>;
//!     async fn cancel(&self, reference: &str) -> Result<Appointment>;
//!     async fn details(&self, reference: &str) -> Result<Appointment>;
//! }
//! ```
//!
//! Policy checks, input checks, idempotency, the processing log and notifications stay in
//! [`Bookings`]; an external system answers only where and when. A system that cannot move an
//! appointment atomically must hold the new time before cancelling the old one, and report a
//! failed cancellation rather than lose either.

pub mod config;
mod entity;
pub mod error;
pub mod graphql;
pub mod model;
mod service;
pub mod slots;
pub mod store;

pub use config::{Appointments, TenantAppointments, load};
pub use error::{AppointmentError, SlotError};
pub use model::{Appointment, AppointmentStatus};
pub use service::{
    BookingRequest, Bookings, Cancellation, DayFilter, NewAppointment, find::MAX_DAYS,
};
pub use slots::{Busy, FreeTime, Request, free_times};
