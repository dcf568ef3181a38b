//! The contact centre (KCC): what residents asked on every channel and what they were told,
//! questions handed to the back office to call back, the resident's contact history, and the
//! managers' service report (contacts per channel and topic, first-contact resolution, service
//! norms kept, case deadlines kept) with a comparison period, also as CSV, and the
//! [`benchmark`] that compares those norms across the municipalities that opt in.
//!
//! It never imports another domain crate: it asks the case service through
//! [`loket_store::lookups::CaseBook`] and the catalogue through
//! [`loket_kernel::casebook::ProductNames`]. Every function works in the request's
//! [`loket_store::Session`]; what a caller reads of a contact or callback is logged as the
//! fields resolve.

pub mod benchmark;
mod entity;
mod error;
pub mod graphql;
mod model;
mod report;
mod service;

pub use error::ContactError;
pub use model::{CallbackRecord, ContactChannel, ContactRecord, NewContact};
pub use report::{
    ChannelFigures, Figures, Norm, NormFigures, Period, ServiceReport, Share, TopicCount, to_csv,
};
pub use service::{CallbackFilter, CallbackRequest, ContactPage, Contacts, contact_cursor};
