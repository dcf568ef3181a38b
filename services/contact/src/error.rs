//! Errors of the contact centre.

use loket_kernel::{
    ErrorCode, HasCode, InputError, casebook::CaseBookError, counter::CounterError,
};
use loket_store::StoreError;
use sea_orm::DbErr;

/// What can go wrong in the contact centre.
#[derive(Debug, thiserror::Error)]
pub enum ContactError {
    /// No such contact or callback in the caller's municipality.
    #[error("not found")]
    NotFound,
    /// The caller's role may not do this.
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// An input field is invalid.
    #[error("{field}: {message}")]
    BadInput {
        /// The GraphQL input field.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// An idempotency key was reused for a different contact, or a callback changed since the
    /// caller read it. Nothing was changed.
    #[error("{0}")]
    Conflict(String),
    /// An input value is invalid (checked by the shared input rules).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The case service could not be asked.
    #[error(transparent)]
    Cases(#[from] CaseBookError),
    /// The appointment service could not be asked.
    #[error(transparent)]
    Counter(#[from] CounterError),
}

impl ContactError {
    /// A bad input field.
    pub fn bad(field: &'static str, message: impl Into<String>) -> Self {
        Self::BadInput {
            field,
            message: message.into(),
        }
    }

    /// Refused for `object`.
    pub fn forbidden(object: impl Into<String>) -> Self {
        Self::Forbidden(object.into())
    }
}

impl HasCode for ContactError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::NotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::BadInput { .. } | Self::Input(_) => ErrorCode::BadUserInput,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Db(_) | Self::Store(_) | Self::Cases(_) | Self::Counter(_) => ErrorCode::Internal,
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::BadInput { field, .. } => Some(field),
            Self::Input(e) => Some(&e.field),
            _ => None,
        }
    }
}
