//! The appointments in the GraphQL schema: finding a time and booking it for residents, the
//! day list and its steps for the counter.

mod mutation;
mod query;
mod types;

pub use mutation::AppointmentsMutation;
pub use query::{AppointmentsQuery, my_appointments};
pub use types::{Appointment, AppointmentLocation, AppointmentProduct, AvailableTime, GqlStatus};
