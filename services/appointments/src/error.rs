//! What can be wrong with a request for an appointment, each with its stable code and the
//! input field it concerns.

/// A request the configuration cannot serve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlotError {
    /// No products, or more than one appointment may hold.
    #[error("choose 1 to {max} products")]
    Products {
        /// The most products in one appointment.
        max: u32,
    },
    /// No persons, or more than one appointment may hold.
    #[error("choose 1 to {max} persons")]
    Persons {
        /// The most persons in one appointment.
        max: u32,
    },
    /// A product the counters do not give appointments for.
    #[error("no appointments for product {0:?}")]
    UnknownProduct(String),
    /// A product chosen twice.
    #[error("product {0:?} is chosen twice")]
    Twice(String),
    /// Two products that may not share one appointment.
    #[error("{0:?} and {1:?} cannot be handled in one appointment; make two")]
    NotTogether(String, String),
    /// A location the municipality does not have.
    #[error("no location {0:?}")]
    UnknownLocation(String),
}

impl SlotError {
    /// The stable code for clients.
    pub const fn code(&self) -> &'static str {
        "BAD_USER_INPUT"
    }

    /// The input field the problem is in.
    pub const fn field(&self) -> &'static str {
        match self {
            Self::Products { .. }
            | Self::UnknownProduct(_)
            | Self::Twice(_)
            | Self::NotTogether(..) => "products",
            Self::Persons { .. } => "persons",
            Self::UnknownLocation(_) => "location",
        }
    }
}
