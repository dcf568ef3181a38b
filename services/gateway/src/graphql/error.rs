//! The gateway's own error helpers; the mapping itself lives in [`loket_kernel::graphql`] so
//! that every service maps errors the same way.

use async_graphql::Error;
use loket_kernel::graphql::gql_error;
use loket_kernel::{ErrorCode, TenantId};

/// `FORBIDDEN` for an object the caller may not see or change; counted for the operators.
pub(crate) fn forbidden(tenant: &TenantId, object: &str) -> Error {
    crate::metrics::policy_denied(tenant.as_str());
    gql_error(ErrorCode::Forbidden, format!("not allowed: {object}"))
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
