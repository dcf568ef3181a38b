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

pub mod config;
pub mod error;
pub mod slots;

pub use config::{Appointments, TenantAppointments, load};
pub use error::SlotError;
pub use slots::{Busy, FreeTime, Request, free_times};
