//! sea-orm entities of the registry tables; crate-private, the API has its own types.

pub(crate) mod address;
pub(crate) mod person;
pub(crate) mod residence_permit;
pub(crate) mod travel_document;
pub(crate) mod valuation_object;
pub(crate) mod valuation_value;
