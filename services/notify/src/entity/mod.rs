//! The notification tables.

pub(crate) mod cell;
pub(crate) mod delivery;
pub(crate) mod subscription;
