//! What can go wrong with appointments, each with its stable code and, for bad input, the
//! field it concerns.

use loket_kernel::{ErrorCode, HasCode, InputError};
use loket_store::StoreError;
use sea_orm::DbErr;

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

/// What can go wrong keeping an appointment.
#[derive(Debug, thiserror::Error)]
pub enum AppointmentError {
    /// The request cannot be served as asked.
    #[error(transparent)]
    Slot(#[from] SlotError),
    /// An input value is invalid.
    #[error(transparent)]
    Input(#[from] InputError),
    /// No such appointment in the caller's municipality, or not the caller's.
    #[error("not found")]
    NotFound,
    /// The caller's role may not do this.
    #[error("not allowed: {0}")]
    Forbidden(&'static str),
    /// The time was taken by someone else, or the appointment changed since it was read.
    /// Nothing was changed.
    #[error("{0}")]
    Conflict(String),
    /// The database failed.
    #[error(transparent)]
    Db(DbErr),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AppointmentError {
    /// A refusal of `field`.
    pub fn bad(field: &str, message: impl Into<String>) -> Self {
        Self::Input(InputError::new(field, message))
    }

    /// The time asked for was taken by another booking.
    pub fn taken() -> Self {
        Self::Conflict("that time was just taken; choose another".into())
    }
}

impl From<DbErr> for AppointmentError {
    /// A write that would double-book a desk is a conflict; anything else a failure.
    fn from(e: DbErr) -> Self {
        if e.to_string().contains(loket_migration::APPOINTMENT_OVERLAP) {
            Self::taken()
        } else {
            Self::Db(e)
        }
    }
}

impl HasCode for AppointmentError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Slot(_) | Self::Input(_) => ErrorCode::BadUserInput,
            Self::NotFound => ErrorCode::NotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Db(_) | Self::Store(_) => ErrorCode::Internal,
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::Slot(e) => Some(e.field()),
            Self::Input(e) => Some(&e.field),
            _ => None,
        }
    }
}
