//! Errors of the case service.

use loket_kernel::{ErrorCode, HasCode, InputError, directory::DirectoryError};
use loket_store::StoreError;
use sea_orm::DbErr;

/// What can go wrong with cases.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// No such case, or one outside the caller's reach (its existence is not revealed).
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
    /// An input value is invalid (checked by the shared input rules).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The case changed since the caller read it (`expectedVersion`), or an idempotency key
    /// was reused for a different request. Nothing was changed.
    #[error("{0}")]
    Conflict(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The registries could not be asked.
    #[error(transparent)]
    Directory(#[from] DirectoryError),
    /// The photo store failed.
    #[error(transparent)]
    Photos(#[from] crate::photos::PhotoStoreError),
}

impl CaseError {
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

impl HasCode for CaseError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::NotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::BadInput { .. } | Self::Input(_) => ErrorCode::BadUserInput,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Db(_) | Self::Store(_) | Self::Directory(_) | Self::Photos(_) => {
                ErrorCode::Internal
            }
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
