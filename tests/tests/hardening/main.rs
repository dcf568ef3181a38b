//! Regression tests for the findings of issue 15 ("Hardening"), one module per finding, each
//! written against the behaviour the issue requires and failing on the code it was filed
//! against. The fuzzing suite (`tests/tests/fuzz.rs`) keeps the classes closed; these name the
//! cases the issue quotes.
//!
//! - [`cursors`] (finding 1): crafted Relay cursors are `BAD_USER_INPUT` on `after`, and a
//!   failure inside a request is `INTERNAL` with the request id, never a dropped connection.
//! - [`websocket`] (finding 2): a socket ends with its token, and has the HTTP limits and
//!   error codes.
//! - [`deadlines`] (finding 3): hostile `days` cannot corrupt a case.
//! - [`input`] (finding 6): NUL bytes, control characters, out-of-range ints and dates, and
//!   trace headers.
//! - [`http`] (finding 8, HTTP part): header-read timeout, rate limits, aborted requests.
//!
//! Behaviour and configuration these tests assume (the server must match them):
//!
//! - `LOKET_HEADER_READ_TIMEOUT_SECONDS`: seconds a client may take to send the request line
//!   and headers before the server closes the connection.
//! - `LOKET_RATE_LIMIT_PER_TOKEN`: requests per second one bearer token may make, sustained.
//! - `LOKET_RATE_LIMIT_PER_TENANT`: requests per second all callers of one tenant may make
//!   together (anonymous callers count for the tenant they name), sustained.
//! - `LOKET_RATE_LIMIT_BURST_SECONDS`: how many seconds' worth of requests above the
//!   sustained rate each limit lets through at once.
//! - A request over a limit is HTTP 429 with a `Retry-After` header in whole seconds (at least
//!   1) and a GraphQL error with `extensions.code` `RATE_LIMITED`.
//! - `BAD_USER_INPUT` errors name the input at fault in `extensions.field` by its own name
//!   (`after`, `days`, `text`, `waitSeconds`, `dueBefore`, as the existing tests expect
//!   `waitSeconds` and `from`); a report period's date may be named `from`/`to` or `period`.
//!   Where GraphQL itself refuses a value its type cannot hold (an `Int` past `i32`), the
//!   input's name in the message is accepted instead.
//! - An `INTERNAL` error carries `extensions.requestId`, equal to the response's
//!   `x-request-id` header.
//! - A WebSocket whose token has expired, and a refused `connection_init`, are closed with
//!   code 4403.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod cursors;
mod deadlines;
mod http;
mod input;
mod websocket;

use loket_tests::fuzz::{
    callers::{self, Caller},
    server::{Engine, Server},
    transport::{Outcome, Request, Transport, send},
};
use serde_json::Value;

/// Starts a server on `engine` with extra environment; `None` when PostgreSQL is asked for
/// and cannot be had (the test database harness says so, and fails under
/// `LOKET_REQUIRE_POSTGRES=1`).
pub async fn start(engine: Engine, env: &[(&str, &str)]) -> Option<Server> {
    Server::start(engine, env).await
}

/// A token for `role` at `tenant` (a citizen with `bsn`, or a demo resident), valid an hour.
pub async fn caller(server: &Server, tenant: &str, role: &str, bsn: Option<&str>) -> Caller {
    callers::token(server.db_url(), tenant, role, bsn, 3600).await
}

/// An HTTP answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The status.
    pub status: u16,
    /// The `x-request-id` header.
    pub request_id: Option<String>,
    /// The `Retry-After` header.
    pub retry_after: Option<String>,
    /// The JSON body.
    pub body: Value,
}

impl Answer {
    /// The errors.
    pub fn errors(&self) -> Vec<Value> {
        self.body["errors"].as_array().cloned().unwrap_or_default()
    }

    /// The first error (panics when there is none).
    pub fn error(&self) -> Value {
        self.errors()
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("an error expected, got HTTP {}: {}", self.status, self.body))
    }

    /// The first error's code.
    pub fn code(&self) -> String {
        self.error()["extensions"]["code"]
            .as_str()
            .unwrap_or("(none)")
            .to_owned()
    }
}

/// Sends `query` (with `variables` and extra `headers`) as `caller` over HTTP POST; `Err`
/// describes an answer that never came or was no JSON.
pub async fn ask_with(
    server: &Server,
    caller: &Caller,
    query: &str,
    variables: Option<Value>,
    headers: Vec<(String, String)>,
) -> Result<Answer, String> {
    let request = Request {
        transport: Transport::Post,
        caller: caller.clone(),
        query: query.to_owned(),
        variables,
        headers,
        subscription: false,
    };
    match send(server.loket().client(), server.base(), &request).await {
        Outcome::Http {
            status,
            request_id,
            retry_after,
            body: Ok(body),
        } => Ok(Answer {
            status,
            request_id,
            retry_after,
            body,
        }),
        Outcome::Http {
            status,
            body: Err(text),
            ..
        } => Err(format!("HTTP {status}, not JSON: {text}")),
        other => Err(format!("no answer: {other:?}")),
    }
}

/// [`ask_with`] without variables or headers.
pub async fn ask(server: &Server, caller: &Caller, query: &str) -> Result<Answer, String> {
    ask_with(server, caller, query, None, Vec::new()).await
}

/// Like [`ask`], and the answer must have data and no errors.
pub async fn data(server: &Server, caller: &Caller, query: &str) -> Value {
    let answer = ask(server, caller, query)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    assert!(
        answer.status == 200 && answer.errors().is_empty(),
        "{query} as {}: HTTP {} {}",
        caller.label(),
        answer.status,
        answer.body
    );
    answer.body["data"].clone()
}

/// Whether an error names input `field`: in `extensions.field` (alone, or as the last step of
/// a path such as `input.days`), or (where GraphQL refused a value its type cannot hold, before
/// any resolver ran) in its message.
pub fn names_field(error: &Value, field: &str, type_level: bool) -> bool {
    error["extensions"]["field"]
        .as_str()
        .is_some_and(|named| named == field || named.ends_with(&format!(".{field}")))
        || (type_level && error["message"].as_str().is_some_and(|m| m.contains(field)))
}

/// Checks that an `INTERNAL` error carries the request id of its response; the problem, if
/// any.
pub fn internal_without_request_id(answer: &Answer) -> Option<String> {
    let internal = answer
        .errors()
        .into_iter()
        .find(|e| e["extensions"]["code"] == "INTERNAL")?;
    let carried = internal["extensions"]["requestId"].as_str();
    (carried.is_none() || carried != answer.request_id.as_deref()).then(|| {
        format!(
            "INTERNAL without the request id: extensions.requestId {carried:?}, x-request-id {:?}",
            answer.request_id
        )
    })
}

/// Asserts that no problems were collected, listing all of them.
pub fn assert_none(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problems:\n- {}",
        problems.len(),
        problems.join("\n- ")
    );
}
