//! Errors of the notification service.

use loket_kernel::{ErrorCode, HasCode, directory::DirectoryError};
use loket_store::StoreError;
use sea_orm::DbErr;

/// What can go wrong with subscriptions and deliveries.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// No such subscription or delivery for the caller.
    #[error("not found")]
    NotFound,
    /// The caller may not do this.
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
    /// The subscription or delivery is not in a state that allows this.
    #[error("{0}")]
    Conflict(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The registry could not be asked.
    #[error(transparent)]
    Directory(#[from] DirectoryError),
    /// The operating system gave no randomness for a secret.
    #[error("no randomness available")]
    Randomness,
    /// A template could not be rendered.
    #[error("template {name}: {message}")]
    Template {
        /// Which template.
        name: String,
        /// What went wrong.
        message: String,
    },
}

impl NotifyError {
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

impl HasCode for NotifyError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::NotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::BadInput { .. } => ErrorCode::BadUserInput,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Db(_)
            | Self::Store(_)
            | Self::Directory(_)
            | Self::Randomness
            | Self::Template { .. } => ErrorCode::Internal,
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::BadInput { field, .. } => Some(field),
            _ => None,
        }
    }
}
