//! The contact centre's tables.

pub(crate) mod callback;
pub(crate) mod moment;
