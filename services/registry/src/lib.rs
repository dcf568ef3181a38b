//! The shared registries: addresses (BAG), persons (BRP) with travel documents and residence
//! permits, and property valuations (WOZ).
//!
//! One person, one address, one valuation, whoever asks; what a caller may see is decided per
//! tenant: staff see residents of their own municipality (or of member municipalities through
//! a collaboration, for the shared work only), citizens see themselves, and each field group
//! (`person/name`, `person/birth`, `person/address`, `person/documents`,
//! `person/residence-permit`) is guarded by the tenant's policy. Every read of a person's data
//! is written to the processing log.

mod entity;
mod error;
pub mod graphql;
pub mod seed;
mod service;

pub use error::RegistryError;
pub use service::{
    AddressRecord, AlienRegistration, Group, Guarded, PermitRecord, PersonRecord, Registry,
    SearchBy, TravelDocumentRecord, ValuationObject, ValuationReport, comparables_statement,
};
