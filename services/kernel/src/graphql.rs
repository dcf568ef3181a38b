//! GraphQL glue every service's resolvers share: the one mapping from [`HasCode`] errors to
//! GraphQL errors with `extensions.code` (and `extensions.field`), and reaching the request's
//! [`Ctx`]. Internal errors are logged once here and reach the client as a generic message.

use async_graphql::{Context, Error, ErrorExtensions};

use crate::{Ctx, ErrorCode, HasCode};

/// A GraphQL error with a code.
pub fn gql_error(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::new(message).extend_with(|_, e| e.set("code", code.as_str()))
}

/// A `BAD_USER_INPUT` error about one input field.
pub fn field_error(field: &str, message: impl Into<String>) -> Error {
    gql_error(ErrorCode::BadUserInput, message).extend_with(|_, e| e.set("field", field))
}

/// Maps any Loket error; internal ones are logged with their cause and hidden.
pub fn to_gql<E: HasCode>(error: &E) -> Error {
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

/// The request's context, put in the request data by the gateway.
pub fn request_ctx<'a>(ctx: &Context<'a>) -> Result<&'a Ctx, Error> {
    ctx.data::<Ctx>()
        .map_err(|_| gql_error(ErrorCode::Internal, "internal error"))
}
