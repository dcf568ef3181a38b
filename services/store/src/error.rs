//! Errors of the database layer.

use loket_kernel::{ErrorCode, HasCode};
use sea_orm::DbErr;

/// What went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL is not one Loket can use.
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://...")]
    UnsupportedUrl(String),
    /// Creating the folder for an SQLite file failed.
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        /// The folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The database refused or failed.
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl HasCode for StoreError {
    fn code(&self) -> ErrorCode {
        ErrorCode::Internal
    }
}
