//! Errors of the registry service.

use loket_kernel::{ErrorCode, HasCode, InputError};
use loket_store::StoreError;
use sea_orm::DbErr;

/// What can go wrong in the registry.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// No such record, or one outside the caller's reach (its existence is not revealed).
    #[error("not found")]
    NotFound,
    /// The caller's role may not do this at all.
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
    /// An input value is invalid (checked by the shared input rules).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// Another service could not be asked.
    #[error("lookup failed: {0}")]
    Lookup(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl RegistryError {
    /// A bad input field.
    pub fn bad(field: &'static str, message: impl Into<String>) -> Self {
        Self::BadInput {
            field,
            message: message.into(),
        }
    }
}

impl HasCode for RegistryError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::NotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::BadInput { .. } | Self::Input(_) => ErrorCode::BadUserInput,
            Self::Db(_) | Self::Store(_) | Self::Lookup(_) => ErrorCode::Internal,
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
