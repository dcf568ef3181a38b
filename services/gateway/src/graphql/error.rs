//! Turning Loket errors into GraphQL errors: `extensions.code` from the closed [`ErrorCode`]
//! set, `extensions.field` where an input field is at fault. Internal errors are logged once
//! here and reach the client as a generic message.

use async_graphql::{Error, ErrorExtensions};
use loket_kernel::{ErrorCode, HasCode};

/// A GraphQL error with a code.
pub fn gql_error(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::new(message).extend_with(|_, e| e.set("code", code.as_str()))
}

/// A GraphQL error about one input field.
pub(crate) fn field_error_for(field: &str, message: impl Into<String>) -> Error {
    gql_error(ErrorCode::BadUserInput, message).extend_with(|_, e| e.set("field", field))
}

/// `FORBIDDEN` for an object the caller may not see or change; counted for the operators.
pub(crate) fn forbidden(tenant: &loket_kernel::TenantId, object: &str) -> Error {
    crate::metrics::policy_denied(tenant.as_str());
    gql_error(ErrorCode::Forbidden, format!("not allowed: {object}"))
}

/// Maps any Loket error; internal ones are logged with their cause and hidden.
pub(crate) fn from_coded<E: HasCode>(error: &E) -> Error {
    match error.code() {
        ErrorCode::Internal => {
            tracing::error!(error = %error, "internal error");
            gql_error(ErrorCode::Internal, "internal error")
        }
        code => {
            let e = gql_error(code, error.to_string());
            match error.field() {
                Some(field) => e.extend_with(|_, x| x.set("field", field)),
                None => e,
            }
        }
    }
}

/// The code already on a server error, if any.
pub fn code_of(error: &async_graphql::ServerError) -> Option<String> {
    error
        .extensions
        .as_ref()
        .and_then(|x| x.get("code"))
        .and_then(|v| match v {
            async_graphql::Value::String(s) => Some(s.clone()),
            _ => None,
        })
}
