//! sea-orm entities of the store's own tables. Not exported: other crates use the functions
//! of [`crate::outbox`] and [`crate::processing_log`].

pub(crate) mod outbox;
pub(crate) mod processing_log;
pub(crate) mod tenant;
