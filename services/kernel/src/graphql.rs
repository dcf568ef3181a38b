//! GraphQL glue every service's resolvers share: the one mapping from [`HasCode`] errors to
//! GraphQL errors with `extensions.code` (and `extensions.field`), and reaching the request's
//! [`Ctx`]. Internal errors are logged once here and reach the client as a generic message.

use async_graphql::{Context, Error, ErrorExtensions, InputObject};
use chrono::NaiveDate;

use crate::{
    Ctx, ErrorCode, Guarded, HasCode,
    input::{self, InputError},
    page::{Key, Page},
};

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

/// A guarded value as GraphQL wants it: the value, `null` with a `FORBIDDEN` error naming the
/// refused object, or `null` when it was not asked for.
pub fn guarded<T: Clone>(value: &Guarded<T>) -> Result<Option<T>, Error> {
    match value {
        Guarded::Visible(v) => Ok(Some(v.clone())),
        Guarded::Forbidden(object) => Err(gql_error(
            ErrorCode::Forbidden,
            format!("not allowed: {object}"),
        )),
        Guarded::NotRequested => Ok(None),
    }
}

/// Validated Relay pagination arguments; a bad one is `BAD_USER_INPUT` naming `first` or
/// `after`.
pub fn page<K: Key>(first: Option<i32>, after: Option<&str>) -> Result<Page<K>, Error> {
    Page::new(first, after).map_err(|e| field_error(e.field(), e.to_string()))
}

/// A period of days, both included: the input of every report (at most five years, between
/// 1900 and 2200).
#[derive(InputObject, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodInput {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl PeriodInput {
    /// The period checked by [`input::period`]; `field` names the argument.
    pub fn checked(&self, field: &str) -> Result<(NaiveDate, NaiveDate), InputError> {
        input::period(field, self.from, self.to)
    }
}

/// The selections of a connection's items, `edges { node }` and `nodes`, so that a resolver
/// looking ahead loads what either shape asks for.
pub fn connection_items<'a>(
    connection: &async_graphql::Lookahead<'a>,
) -> [async_graphql::Lookahead<'a>; 2] {
    [
        connection.field("edges").field("node"),
        connection.field("nodes"),
    ]
}
