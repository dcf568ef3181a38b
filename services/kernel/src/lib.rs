//! Loket's shared vocabulary.
//!
//! Every other crate speaks in these terms: typed ids ([`TenantId`], [`Bsn`]), the request
//! context ([`Ctx`]) that every service function takes first, the closed set of error codes
//! ([`ErrorCode`]) that reach GraphQL clients, tenant configuration ([`config`]), Relay-style
//! pagination ([`page`]) and the validation of client input ([`input`]). This crate depends on no other Loket crate.

pub mod calendar;
pub mod casebook;
pub mod config;
pub mod counter;
pub mod ctx;
pub mod directory;
pub mod disclosure;
pub mod error;
pub mod global_id;
pub mod graphql;
mod guarded;
pub mod ids;
pub mod input;
pub mod page;

pub use ctx::{Action, Actor, Capabilities, Confidentiality, Ctx, Loa, PolicyOracle};
pub use error::{ErrorCode, HasCode};
pub use guarded::Guarded;
pub use ids::{Bsn, IdError, Role, TenantId};
pub use input::InputError;
