//! What the HTTP endpoints outside GraphQL share (the public map feed, Open311, report
//! photos): the tenant a
//! path or parameter names, and one way to run a request's work, under the same rate limits
//! and fair turns as GraphQL operations, in one database session of its own task (a client
//! that goes away never cancels a transaction halfway, a panic becomes an internal error),
//! counted in the metrics.

use std::{future::Future, net::IpAddr, time::Instant};

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::Response,
};
use loket_authz::AuthError;
use loket_kernel::{Ctx, ErrorCode, HasCode, TenantId};
use loket_store::{Mode, Session};

use super::{
    App,
    reports::{error, status_of},
};
use crate::graphql::exec::Held;

/// Why a request's work did not give its answer.
#[derive(Debug)]
pub(crate) enum Failed<E> {
    /// Not admitted: expired credentials, or too many requests.
    Held(Held),
    /// The work refused.
    Service(E),
    /// The server failed (a panic, a failed commit); already logged.
    Internal,
}

/// An anonymous caller's context in the tenant named `slug`; `None` when no such tenant
/// exists (whatever the slug holds).
pub(crate) fn anonymous(app: &App, slug: &str, request_id: String) -> Option<Ctx> {
    let tenant = TenantId::new(slug).ok()?;
    app.tenants.tenants.get(&tenant)?;
    match app.authz.context(None, Some(tenant.as_str()), request_id) {
        Ok(ctx) => Some(ctx),
        Err(AuthError::UnknownTenant) => None,
        Err(e) => {
            tracing::warn!(error = %e, "no anonymous context for a known tenant");
            None
        }
    }
}

/// Runs `work` for `ctx` in a session of `mode`, committed when the work succeeds, and
/// counts it as `endpoint` in the metrics.
pub(crate) async fn run<T, E, F>(
    app: &App,
    ctx: &Ctx,
    address: Option<IpAddr>,
    mode: Mode,
    endpoint: &'static str,
    work: impl FnOnce(Session) -> F + Send + 'static,
) -> Result<T, Failed<E>>
where
    T: Send + 'static,
    E: HasCode + Send + 'static,
    F: Future<Output = Result<T, E>> + Send + 'static,
{
    let started = Instant::now();
    let tenant = ctx.tenant().to_string();
    let turn = match app.executor.admit_plain(ctx, address).await {
        Ok(turn) => turn,
        Err(held) => {
            crate::metrics::http(endpoint, &tenant, "busy", started.elapsed());
            return Err(Failed::Held(held));
        }
    };
    let session = app.db.session(ctx.tenant(), mode);
    let task = tokio::spawn(async move {
        let result = work(session.clone()).await;
        let finished = session.finish(result.is_ok()).await;
        drop(turn);
        (result, finished)
    });
    let (outcome, answer) = match task.await {
        Ok((Ok(value), Ok(()))) => ("ok", Ok(value)),
        Ok((Err(e), Ok(()))) if e.code() == ErrorCode::Internal => {
            tracing::error!(error = %e, endpoint, "a request failed");
            ("error", Err(Failed::Internal))
        }
        Ok((Err(e), Ok(()))) => ("refused", Err(Failed::Service(e))),
        Ok((_, Err(e))) => {
            tracing::error!(error = %e, endpoint, "the request's transaction did not end cleanly");
            ("error", Err(Failed::Internal))
        }
        Err(e) => {
            tracing::error!(panic = e.is_panic(), endpoint, "the request's task failed");
            ("error", Err(Failed::Internal))
        }
    };
    crate::metrics::http(endpoint, &tenant, outcome, started.elapsed());
    answer
}

/// The answer, in the GraphQL error shape, to work that did not give its answer.
pub(crate) fn failed_answer<E: HasCode>(failed: Failed<E>) -> Response {
    match failed {
        Failed::Service(e) => {
            let code = e.code();
            error(status_of(code), code, &e.to_string(), e.field())
        }
        Failed::Held(held) => held_answer(held),
        Failed::Internal => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "internal error",
            None,
        ),
    }
}

/// The answer, in the GraphQL error shape, to a request that was not admitted.
pub(crate) fn held_answer(held: Held) -> Response {
    let Held::Busy(wait) = held else {
        return error(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "the token has expired",
            None,
        );
    };
    busy("too many requests; try again shortly", wait)
}

/// `429 RATE_LIMITED` saying `message`, with `Retry-After` at least a second.
pub(crate) fn busy(message: &str, wait: std::time::Duration) -> Response {
    let mut response = error(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::RateLimited,
        message,
        None,
    );
    if let Ok(value) = HeaderValue::from_str(&wait.as_secs().max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}
