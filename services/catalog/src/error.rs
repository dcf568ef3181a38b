//! Errors of the catalogue.

use loket_kernel::{ErrorCode, HasCode, InputError};
use loket_store::StoreError;
use sea_orm::DbErr;

use crate::search::IndexError;

/// What can go wrong in the catalogue.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// No such product in the caller's municipality.
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
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The search index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// Building an index stopped before it finished.
    #[error("index build: {0}")]
    Build(#[from] tokio::task::JoinError),
    /// A stored product could not be read back.
    #[error("stored product: {0}")]
    Stored(#[from] serde_json::Error),
}

impl CatalogError {
    /// A bad input field.
    pub fn bad(field: &'static str, message: impl Into<String>) -> Self {
        Self::BadInput {
            field,
            message: message.into(),
        }
    }
}

impl HasCode for CatalogError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::NotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::BadInput { .. } | Self::Input(_) => ErrorCode::BadUserInput,
            Self::Db(_) | Self::Store(_) | Self::Index(_) | Self::Build(_) | Self::Stored(_) => {
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
