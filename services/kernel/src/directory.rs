//! What one service may learn about residents and addresses from the registries without
//! depending on the registry crate: the facts the registry's directory answers with (the
//! lookup itself, `loket_store::lookups::Directory`, runs in the request's session).

use std::{future::Future, pin::Pin};

use crate::Bsn;

/// A boxed future, so that [`Directory`] can be used as a trait object.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An address as other services need it.
#[derive(Debug, Clone, PartialEq)]
pub struct AddressFacts {
    /// BAG id.
    pub id: String,
    /// CBS code of the municipality the address lies in.
    pub municipality_code: String,
    /// The address on one line, for example `Hengelosestraat 12, 7514 AB Enschede`.
    pub label: String,
    /// Latitude (WGS84) of the address.
    pub lat: f64,
    /// Longitude (WGS84) of the address.
    pub lon: f64,
}

/// A travel document as other services need it: when it expires (reminders).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelDocumentFacts {
    /// Document number.
    pub number: String,
    /// Kind, as the registry stores it: `passport` or `id-card`.
    pub kind: String,
    /// Last day it is valid.
    pub expires_on: chrono::NaiveDate,
}

/// A resident as other services need them: where they live.
#[derive(Debug, Clone, PartialEq)]
pub struct ResidentFacts {
    /// Citizen service number.
    pub bsn: Bsn,
    /// CBS code of the municipality of residence.
    pub municipality_code: String,
    /// Home address, if registered.
    pub address: Option<AddressFacts>,
}

/// Why the directory could not answer.
#[derive(Debug, thiserror::Error)]
#[error("directory lookup failed: {0}")]
pub struct DirectoryError(pub String);
