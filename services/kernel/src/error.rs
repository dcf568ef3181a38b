//! The closed set of error codes that reach clients as GraphQL `extensions.code`.
//!
//! Every crate's error enum implements [`HasCode`]; the gateway turns the code into the
//! GraphQL error in one place. Internal errors never carry their cause to the client.

use std::fmt;

/// A stable, client-visible error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// No valid credentials where they are needed, or credentials that were refused.
    Unauthenticated,
    /// The caller is known but may not do or see this.
    Forbidden,
    /// The object does not exist, or belongs to a tenant the caller cannot see.
    NotFound,
    /// The input is invalid; the message names the field.
    BadUserInput,
    /// The request conflicts with the current state (for example a stale version).
    Conflict,
    /// Too many requests, or a request over a configured limit.
    RateLimited,
    /// Something failed on our side; details are logged, not returned.
    Internal,
}

impl ErrorCode {
    /// The code as it appears in `extensions.code`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::BadUserInput => "BAD_USER_INPUT",
            Self::Conflict => "CONFLICT",
            Self::RateLimited => "RATE_LIMITED",
            Self::Internal => "INTERNAL",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Implemented by every Loket error enum: which code the client sees.
pub trait HasCode: std::error::Error {
    /// The client-visible code of this error.
    fn code(&self) -> ErrorCode;

    /// The input field this error is about, if any (`extensions.field`).
    fn field(&self) -> Option<&str> {
        None
    }
}
