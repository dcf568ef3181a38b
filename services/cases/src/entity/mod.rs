//! The case service's tables. Every query starts from a `scoped` select, confined to one
//! tenant.

pub(crate) mod bundle;
pub(crate) mod case;
pub(crate) mod event;
