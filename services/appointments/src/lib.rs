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

pub mod config;
mod entity;
pub mod error;
pub mod model;
pub mod slots;
pub mod store;

pub use config::{Appointments, TenantAppointments, load};
pub use error::{AppointmentError, SlotError};
pub use model::{Appointment, AppointmentStatus};
pub use slots::{Busy, FreeTime, Request, free_times};
