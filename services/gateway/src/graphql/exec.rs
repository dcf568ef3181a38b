//! The one way a GraphQL operation runs, whether it came over HTTP or over a WebSocket: the
//! alias limit, the edge check of every input value, the credentials' expiry, the rate limits,
//! a fair turn among the tenants (`fair`), one database session for the whole operation,
//! execution in a task of its own (a panic becomes `INTERNAL` with the request id, and a
//! client that goes away never cancels a transaction halfway), and the one mapping of errors
//! to `extensions.code`.

use std::{net::IpAddr, sync::Arc, time::Instant};

use async_graphql::{
    ErrorExtensionValues, Request, Response, ServerError, Value,
    dataloader::DataLoader,
    futures_util::stream::{self, BoxStream, StreamExt},
    parser::types::{OperationType, Selection},
};
use chrono::Utc;
use loket_kernel::{Ctx, ErrorCode};
use loket_store::{Db, Mode};

use super::{LoketSchema, code_of, count_aliases, input::InputCheck, mutations::RootFields};
use crate::{
    config::Limits,
    fair::{Turn, Turns},
    rates::Rates,
};

/// Why a request outside GraphQL was not admitted.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Held {
    /// The credentials have expired.
    Expired,
    /// A rate limit, or the tenant's queue, is full: try again after this long.
    Busy(std::time::Duration),
}

/// What one operation is, read from its document before it runs.
#[derive(Debug, Clone)]
pub(crate) struct Inspection {
    /// The first root field: a bounded metrics label.
    pub(crate) label: String,
    /// Query, mutation or subscription.
    pub(crate) kind: OperationType,
    aliases: usize,
    roots: usize,
}

/// How an operation ended, for the transport to answer with.
pub(crate) struct Outcome {
    /// The response, every error with its code.
    pub(crate) response: Response,
    /// Whether execution began (a request refused before has no `data` entry).
    pub(crate) executed: bool,
    /// The credentials were refused or have expired.
    pub(crate) unauthenticated: bool,
    /// A rate limit refused it; the caller may try again after this long.
    pub(crate) retry_after: Option<std::time::Duration>,
    /// The server failed (a panic, a failed commit): not the caller's doing.
    pub(crate) failed: bool,
}

impl Outcome {
    fn refused(code: ErrorCode, message: &str, field: Option<&str>) -> Self {
        Self {
            response: Response::from_errors(vec![coded(message, code, field)]),
            executed: false,
            unauthenticated: code == ErrorCode::Unauthenticated,
            retry_after: None,
            failed: false,
        }
    }
}

fn coded(message: &str, code: ErrorCode, field: Option<&str>) -> ServerError {
    let mut error = ServerError::new(message, None);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", code.as_str());
    if let Some(field) = field {
        extensions.set("field", field);
    }
    error.extensions = Some(extensions);
    error
}

/// Runs operations for both transports.
#[derive(Clone)]
pub(crate) struct Executor {
    inner: Arc<Inner>,
}

struct Inner {
    schema: LoketSchema,
    db: Db,
    limits: Arc<Limits>,
    inputs: InputCheck,
    rates: Arc<Rates>,
    turns: Arc<Turns>,
}

/// Reads what an operation is; `None` when the document does not parse or names no
/// operation (execution then reports that as a request error).
pub(crate) fn inspect(request: &mut Request) -> Option<Inspection> {
    let operation_name = request.operation_name.clone();
    let doc = request.parsed_query().ok()?;
    let operation = match &operation_name {
        Some(name) => doc
            .operations
            .iter()
            .find(|(n, _)| n.is_some_and(|n| n.as_str() == name))
            .map(|(_, op)| op),
        None => doc.operations.iter().next().map(|(_, op)| op),
    }?;
    let items = &operation.node.selection_set.node.items;
    let label = items
        .iter()
        .find_map(|item| match &item.node {
            Selection::Field(f) => Some(f.node.name.node.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "fragment".to_owned());
    Some(Inspection {
        label,
        kind: operation.node.ty,
        aliases: count_aliases(doc),
        roots: items.len(),
    })
}

impl Executor {
    /// An executor for `schema` on `db`.
    pub(crate) fn new(
        schema: LoketSchema,
        db: Db,
        limits: Arc<Limits>,
        rates: Arc<Rates>,
    ) -> Result<Self, String> {
        let inputs = InputCheck::from_sdl(&schema.sdl())?;
        let turns = Turns::new(limits.max_concurrent_operations);
        Ok(Self {
            inner: Arc::new(Inner {
                schema,
                db,
                limits,
                inputs,
                rates,
                turns,
            }),
        })
    }

    /// The checks every operation passes before it runs.
    fn admit(
        &self,
        request: &mut Request,
        ctx: &Ctx,
        address: Option<IpAddr>,
    ) -> Result<Option<Inspection>, Box<Outcome>> {
        let inspection = inspect(request);
        if let Some(found) = &inspection {
            let max = self.inner.limits.max_aliases;
            if found.aliases > max {
                let message = format!(
                    "the query uses {} aliases; at most {max} are allowed",
                    found.aliases
                );
                return Err(Box::new(Outcome::refused(
                    ErrorCode::BadUserInput,
                    &message,
                    None,
                )));
            }
            let variables = request.variables.clone();
            let name = request.operation_name.clone();
            if let Ok(doc) = request.parsed_query() {
                let operation = match &name {
                    Some(name) => doc
                        .operations
                        .iter()
                        .find(|(n, _)| n.is_some_and(|n| n.as_str() == name)),
                    None => doc.operations.iter().next(),
                };
                if let Some((_, operation)) = operation
                    && let Err(e) = self.inner.inputs.check(doc, &operation.node, &variables)
                {
                    return Err(Box::new(Outcome::refused(
                        ErrorCode::BadUserInput,
                        &e.to_string(),
                        Some(&e.field),
                    )));
                }
            }
        }
        if ctx.expired(Utc::now()) {
            return Err(Box::new(Outcome::refused(
                ErrorCode::Unauthenticated,
                "the token has expired; log in again",
                None,
            )));
        }
        if let Err(wait) = self.inner.rates.check(ctx, address) {
            let mut refused = Outcome::refused(
                ErrorCode::RateLimited,
                "too many requests; try again shortly",
                None,
            );
            refused.retry_after = Some(wait);
            return Err(Box::new(refused));
        }
        Ok(inspection)
    }

    /// Admits a request that is not a GraphQL operation (Open311, the public map) under the
    /// same limits: the credentials' expiry, the rate limits and a fair turn among the
    /// tenants, held until the returned [`Turn`] is dropped.
    pub(crate) async fn admit_plain(
        &self,
        ctx: &Ctx,
        address: Option<IpAddr>,
    ) -> Result<Turn, Held> {
        if ctx.expired(Utc::now()) {
            return Err(Held::Expired);
        }
        self.inner.rates.check(ctx, address).map_err(Held::Busy)?;
        let turn = self
            .inner
            .turns
            .take(ctx.tenant().as_str())
            .await
            .map_err(|_| Held::Busy(std::time::Duration::from_secs(1)))?;
        crate::metrics::operations(self.inner.turns.load());
        Ok(turn)
    }

    /// Runs a query or mutation.
    pub(crate) async fn run(
        &self,
        mut request: Request,
        ctx: Ctx,
        address: Option<IpAddr>,
    ) -> Outcome {
        let started = Instant::now();
        let tenant = ctx.tenant().to_string();
        let inspection = match self.admit(&mut request, &ctx, address) {
            Ok(found) => found,
            Err(refused) => {
                crate::metrics::request("invalid", &tenant, "rejected", started.elapsed());
                return *refused;
            }
        };
        let (label, mode, roots) = match &inspection {
            Some(found) if found.kind == OperationType::Mutation => {
                (found.label.clone(), Mode::Write, found.roots)
            }
            Some(found) => (found.label.clone(), Mode::Read, found.roots),
            None => ("invalid".to_owned(), Mode::Read, 0),
        };
        let Ok(turn) = self.inner.turns.take(&tenant).await else {
            crate::metrics::request(&label, &tenant, "busy", started.elapsed());
            let mut refused = Outcome::refused(
                ErrorCode::RateLimited,
                "too many requests for this municipality at once; try again shortly",
                None,
            );
            refused.retry_after = Some(std::time::Duration::from_secs(1));
            return refused;
        };
        crate::metrics::operations(self.inner.turns.load());
        let request_id = ctx.request_id().to_owned();
        let session = self.inner.db.session(ctx.tenant(), mode);
        let request = request
            .data(ctx)
            .data(session.clone())
            .data(DataLoader::new(
                loket_cases::Around::new(session.clone()),
                tokio::spawn,
            ))
            .data(RootFields(roots));
        let schema = self.inner.schema.clone();
        let task = tokio::spawn({
            let session = session.clone();
            async move {
                let response = schema.execute(request).await;
                let finished = session.finish(true).await;
                drop(turn);
                (response, finished)
            }
        });
        let (mut response, failed) = match task.await {
            Ok((response, Ok(()))) => (response, false),
            Ok((_, Err(e))) => {
                tracing::error!(error = %e, "the request's transaction did not commit");
                (internal(&request_id), true)
            }
            Err(e) => {
                tracing::error!(panic = e.is_panic(), "the request's task failed");
                (internal(&request_id), true)
            }
        };
        let executed = map_errors(&mut response, &request_id);
        let outcome = if !executed {
            "rejected"
        } else if response.errors.is_empty() {
            "ok"
        } else {
            "error"
        };
        let label = if executed {
            label
        } else {
            "invalid".to_owned()
        };
        crate::metrics::request(&label, &tenant, outcome, started.elapsed());
        crate::metrics::database(&label, session.counts());
        Outcome {
            response,
            executed,
            unauthenticated: false,
            retry_after: None,
            failed,
        }
    }

    /// Runs any operation over a socket: a subscription as a stream of events, a query or
    /// mutation as a stream of one response.
    pub(crate) fn stream(
        &self,
        mut request: Request,
        ctx: Ctx,
        address: Option<IpAddr>,
    ) -> BoxStream<'static, Response> {
        let kind = inspect(&mut request).map(|i| i.kind);
        if kind != Some(OperationType::Subscription) {
            let this = self.clone();
            return stream::once(async move { this.run(request, ctx, address).await.response })
                .boxed();
        }
        let request_id = ctx.request_id().to_owned();
        if let Err(refused) = self.admit(&mut request, &ctx, address) {
            return stream::once(async move { refused.response }).boxed();
        }
        self.inner
            .schema
            .execute_stream(request.data(ctx))
            .map(move |mut response| {
                map_errors(&mut response, &request_id);
                response
            })
            .boxed()
    }
}

fn internal(request_id: &str) -> Response {
    let mut error = coded(
        "internal error; quote the request id when you report it",
        ErrorCode::Internal,
        None,
    );
    if let Some(x) = error.extensions.as_mut() {
        x.set("requestId", request_id);
    }
    let mut response = Response::from_errors(vec![error]);
    response.data = Value::Null;
    response
}

/// Gives every error its code and returns whether execution began. A request error (parse,
/// validation, limits) has errors without a path and no data; an input value async-graphql
/// could not coerce is the caller's mistake; anything else without a code is ours, and
/// carries the request id.
fn map_errors(response: &mut Response, request_id: &str) -> bool {
    let executed = response.data != Value::Null
        || response.errors.is_empty()
        || response.errors.iter().any(|e| !e.path.is_empty());
    for error in &mut response.errors {
        let code = match code_of(error) {
            Some(code) => code,
            None => {
                let code = if error.path.is_empty() || is_coercion(&error.message) {
                    ErrorCode::BadUserInput
                } else {
                    tracing::error!(message = %error.message, "error without a code");
                    error.message = "internal error".to_owned();
                    ErrorCode::Internal
                };
                error
                    .extensions
                    .get_or_insert_with(ErrorExtensionValues::default)
                    .set("code", code.as_str());
                code.as_str().to_owned()
            }
        };
        if code == ErrorCode::Internal.as_str() {
            error
                .extensions
                .get_or_insert_with(ErrorExtensionValues::default)
                .set("requestId", request_id);
        }
    }
    executed
}

/// Whether async-graphql refused to coerce an argument (what the edge check did not catch).
fn is_coercion(message: &str) -> bool {
    message.starts_with("Failed to parse")
        || message.starts_with("Invalid value for argument")
        || message.starts_with("Expected input type")
}
