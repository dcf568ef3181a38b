//! Open311's refusals: each variant has its HTTP status, which is also the GeoReport v2
//! error `code`, and a description naming the parameter at fault. Causes of internal errors
//! are never described to the client.

use std::time::Duration;

use loket_cases::CaseError;
use loket_kernel::{ErrorCode, HasCode};

/// The longest piece of a client's input repeated in a description.
const MAX_ECHO: usize = 64;

/// Why an Open311 request was refused.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Open311Error {
    /// A required parameter is missing.
    #[error("{field}: {message}")]
    Missing {
        /// The parameter, as Open311 names it.
        field: &'static str,
        /// What to give.
        message: &'static str,
    },
    /// A parameter has a value that cannot be used.
    #[error("{field}: {message}")]
    Invalid {
        /// The parameter, as Open311 names it.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// The `api_key` is no valid app token of the jurisdiction, or may not do this.
    #[error("api_key: {0}")]
    ApiKey(&'static str),
    /// No tenant by that `jurisdiction_id`.
    #[error("jurisdiction_id: no such jurisdiction {}", echo(.0))]
    UnknownJurisdiction(String),
    /// No report category by that `service_code`.
    #[error("service_code: no such service {}", echo(.0))]
    UnknownService(String),
    /// No report by that id or token.
    #[error("no such service request {}", echo(.0))]
    UnknownRequest(String),
    /// Nothing at this path (or in this format).
    #[error("{0}")]
    NotFound(&'static str),
    /// The same idempotency key was used for another request, or is still being filed.
    #[error("{0}")]
    Conflict(String),
    /// The body is larger than the server takes.
    #[error("the request is larger than {0} bytes")]
    TooLarge(usize),
    /// Too many requests: try again after this long.
    #[error("too many requests; try again shortly")]
    Busy(Duration),
    /// The report service failed (logged where the work ran, with its cause).
    #[error(transparent)]
    Broken(CaseError),
    /// The server failed; already logged.
    #[error("internal error")]
    Internal,
}

impl HasCode for Open311Error {
    fn code(&self) -> ErrorCode {
        match self.status() {
            400 => ErrorCode::BadUserInput,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            409 => ErrorCode::Conflict,
            413 => ErrorCode::BadUserInput,
            429 => ErrorCode::RateLimited,
            _ => ErrorCode::Internal,
        }
    }
}

/// `text` quoted for a description: control characters dropped (XML cannot carry them), and
/// cut short.
fn echo(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_ECHO)
        .collect();
    format!("{clean:?}")
}

impl Open311Error {
    /// A bad value of `field`.
    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The HTTP status, and the error's `code`.
    pub(crate) fn status(&self) -> u16 {
        match self {
            Self::Missing { .. } | Self::Invalid { .. } => 400,
            Self::ApiKey(_) => 403,
            Self::UnknownJurisdiction(_)
            | Self::UnknownService(_)
            | Self::UnknownRequest(_)
            | Self::NotFound(_) => 404,
            Self::Conflict(_) => 409,
            Self::TooLarge(_) => 413,
            Self::Busy(_) => 429,
            Self::Broken(_) | Self::Internal => 500,
        }
    }

    /// What a client reads: never the cause of an internal error.
    pub(crate) fn description(&self) -> String {
        if self.status() == 500 {
            return "internal error".to_owned();
        }
        self.to_string()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    }

    /// A refusal of the report service, its fields named as Open311 names them.
    pub(crate) fn from_case(e: CaseError) -> Self {
        match e {
            CaseError::BadInput { field, message } => Self::invalid(param(field), message),
            CaseError::Input(e) => Self::invalid(param(&e.field), e.message),
            CaseError::Forbidden(_) => Self::ApiKey("may not file reports of this service"),
            CaseError::NotFound => Self::NotFound("not found"),
            CaseError::Conflict(message) => Self::Conflict(message),
            e @ (CaseError::Db(_)
            | CaseError::Store(_)
            | CaseError::Directory(_)
            | CaseError::Photos(_)) => Self::Broken(e),
        }
    }
}

/// The Open311 parameter a filing field comes from.
fn param(field: &str) -> &str {
    match field {
        "category" => "service_code",
        "location" => "lat",
        "addressId" => "address_id",
        "address" => "address_string",
        "reporter" | "reporter.email" => "email",
        "reporter.phone" => "phone",
        "reporter.name" => "first_name",
        "attributes" => "attribute",
        "idempotencyKey" => "idempotency_key",
        other => other,
    }
}
