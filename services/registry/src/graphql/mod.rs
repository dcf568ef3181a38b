//! GraphQL for the registries: `person`, `searchPersons`, `address`, and the `Person` type
//! whose field groups are `null` with a `FORBIDDEN` error where the policy refuses them.

mod mutation;
mod person;
mod query;
mod valuation;

pub use mutation::{AlienDeskQuery, RegistryMutation};
pub use person::{Person, requested_groups};
pub use query::RegistryQuery;
