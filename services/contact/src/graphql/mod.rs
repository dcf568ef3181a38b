//! GraphQL for the contact centre: `contactMoments`, `callbacks`, `serviceReport`, the
//! citizen's `me.contactMoments` (through [`my_contacts`]), the contact part of the 360° view
//! ([`resident_contacts`]), and the mutations `registerContact`, `requestCallback` and
//! `completeCallback`.

mod benchmark;
mod counter;
mod mutation;
mod query;
mod report;
mod types;

pub use benchmark::BenchmarkQuery;
pub use mutation::ContactMutation;
pub use query::{ContactQuery, contact_by_global_id, my_contacts, resident_contacts};
pub use report::GqlServiceReport;
pub use types::{Callback, ContactMoment, ContactMomentConnection, GqlChannel};
