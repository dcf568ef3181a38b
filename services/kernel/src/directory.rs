//! What one service may learn about residents and addresses from the registries without
//! depending on the registry crate: the facts the registry's directory answers with (the
//! lookup itself, `loket_store::lookups::Directory`, runs in the request's session).

use std::{future::Future, pin::Pin};

use crate::Bsn;

/// A boxed future, so that [`Directory`] can be used as a trait object.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The box around a municipality's addresses (WGS84): where the registry holds no municipal
/// boundaries, the best it can say about where the municipality lies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Southernmost latitude.
    pub south: f64,
    /// Westernmost longitude.
    pub west: f64,
    /// Northernmost latitude.
    pub north: f64,
    /// Easternmost longitude.
    pub east: f64,
}

/// Metres per degree of latitude.
const METRES_PER_DEGREE: f64 = 111_320.0;

impl Bounds {
    /// Whether `(lat, lon)` lies within the box widened by `margin_m` metres on every side.
    pub fn contains(&self, lat: f64, lon: f64, margin_m: f64) -> bool {
        let dlat = margin_m / METRES_PER_DEGREE;
        let cos = self.south.to_radians().cos().max(0.01);
        let dlon = dlat / cos;
        (self.south - dlat..=self.north + dlat).contains(&lat)
            && (self.west - dlon..=self.east + dlon).contains(&lon)
    }
}

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

/// What an address written out in words names in the registry.
#[derive(Debug, Clone, PartialEq)]
pub enum AddressMatch {
    /// Exactly this address.
    One(AddressFacts),
    /// More than one address: the text lacks a letter, an addition or a postcode.
    Several,
    /// No address.
    NotFound,
    /// The text names no house number, or neither a postcode nor a street.
    Unreadable,
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

#[cfg(test)]
mod bounds_tests {
    use super::Bounds;

    #[test]
    fn the_margin_widens_the_box_by_metres() {
        let enschede = Bounds {
            south: 52.17,
            west: 6.80,
            north: 52.27,
            east: 6.98,
        };
        assert!(enschede.contains(52.22, 6.89, 0.0));
        // 100 m south of the box: outside without a margin, inside with 250 m.
        let south = 52.17 - 100.0 / 111_320.0;
        assert!(!enschede.contains(south, 6.89, 0.0));
        assert!(enschede.contains(south, 6.89, 250.0));
        assert!(!enschede.contains(52.37, 4.89, 250.0)); // Amsterdam
    }
}
