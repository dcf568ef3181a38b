//! HTTP: the GraphQL endpoint (POST, GET, WebSocket on `/graphql`), GraphiQL, the
//! operations endpoints, the public map feed ([`map`]), Open311 ([`open311`]) and the web
//! frontend ([`portal`]), with request ids, tracing, CORS
//! and limits as layers.

mod body;
mod graphql;
mod map;
mod negotiate;
mod open311;
mod ops;
mod photos;
mod portal;
mod public;
mod reports;
pub(crate) mod serve;
mod ws;

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use axum::{
    Router,
    extract::{ConnectInfo, DefaultBodyLimit, Request},
    http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
};
use loket_authz::{AuthError, Authz};
use loket_contact::Contacts;
use loket_kernel::{Ctx, ErrorCode, config::TenantSet};
use loket_store::Db;
use tower_http::{
    catch_panic::CatchPanicLayer,
    cors::{AllowOrigin, CorsLayer},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::{DefaultOnResponse, TraceLayer},
};

use crate::{config::Limits, graphql::exec::Executor};

/// Photo uploads a replica reads at once; more wait for none and are told to try again.
pub(crate) const PHOTO_UPLOADS: usize = 8;

/// The header anonymous callers name their tenant with.
pub(crate) const TENANT_HEADER: &str = "loket-tenant";
const REQUEST_ID_HEADER: &str = "x-request-id";

/// The longest request id kept from a client; a longer or odder one is replaced.
const MAX_REQUEST_ID: usize = 64;

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct App {
    pub(crate) authz: Arc<Authz>,
    pub(crate) executor: Executor,
    pub(crate) db: Db,
    pub(crate) tenants: Arc<TenantSet>,
    pub(crate) limits: Arc<Limits>,
    pub(crate) contacts: Contacts,
    /// Reports about public space, for the map feed and Open311.
    pub(crate) cases: loket_cases::Cases,
    pub(crate) benchmark: loket_contact::benchmark::Benchmark,
    /// How many proxies in front of Loket append to `X-Forwarded-For`.
    pub(crate) proxy_hops: usize,
    pub(crate) looks: Arc<crate::looks::Looks>,
    /// Places for photo uploads being read at once, which bounds the memory they hold.
    pub(crate) uploads: Arc<tokio::sync::Semaphore>,
}

/// The request id the request-id layer put on the request.
pub(crate) fn request_id(headers: &HeaderMap) -> String {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned()
}

/// Whether a client's request id may be kept: short, printable ASCII without spaces.
fn acceptable_request_id(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_REQUEST_ID
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

/// Drops a request id the client sent that could not serve as ours; the request-id layer then
/// makes a new one.
async fn sanitise_request_id(mut request: Request, next: Next) -> Response {
    if request
        .headers()
        .get(REQUEST_ID_HEADER)
        .is_some_and(|v| !acceptable_request_id(v))
    {
        request.headers_mut().remove(REQUEST_ID_HEADER);
    }
    next.run(request).await
}

/// The trace id of a valid W3C `traceparent` header (`00-<trace>-<span>-<flags>`).
fn traceparent(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get("traceparent")?.to_str().ok()?;
    let mut parts = value.split('-');
    let (version, trace, span, flags) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
    (version != "ff" && hex(version, 2) && hex(span, 16) && hex(flags, 2))
        .then_some(trace)
        .filter(|t| loket_kernel::ctx::is_trace_id(t))
}

/// The request context from the bearer token (or none), the `Loket-Tenant` header, the
/// request id and the trace.
pub(crate) fn context(app: &App, headers: &HeaderMap) -> Result<Ctx, AuthError> {
    let tenant = headers.get(TENANT_HEADER).and_then(|v| v.to_str().ok());
    let ctx = graphql::bearer(headers)
        .and_then(|token| app.authz.context(token, tenant, request_id(headers)))?;
    Ok(match traceparent(headers) {
        Some(trace) => ctx.in_trace(trace),
        None => ctx,
    })
}

/// The connection's peer address, when the server recorded it.
pub(crate) struct Peer(pub(crate) Option<SocketAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| *addr),
        ))
    }
}

/// The client's address: the connection's peer, or with proxies in front, the address the
/// outermost trusted proxy saw.
pub(crate) fn client_address(app: &App, headers: &HeaderMap, peer: Peer) -> Option<IpAddr> {
    let peer = peer.0.map(|addr| addr.ip());
    if app.proxy_hops == 0 {
        return peer;
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    forwarded
        .len()
        .checked_sub(app.proxy_hops)
        .and_then(|i| forwarded.get(i))
        .and_then(|a| a.parse().ok())
        .or(peer)
}

/// A panic outside GraphQL (which has its own handling) answers 500 without details.
fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    let code = ErrorCode::Internal.as_str();
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        axum::Json(serde_json::json!({ "errors": [{ "message": "internal error", "extensions": { "code": code } }] })),
    )
        .into_response()
}

fn cors(tenants: &TenantSet) -> CorsLayer {
    let origins: Vec<HeaderValue> = tenants
        .tenants
        .values()
        .flat_map(|t| &t.cors.allowed_origins)
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, request| {
            origins.contains(origin)
                || (request.method == Method::GET && public(request.uri.path()))
        }))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static(TENANT_HEADER),
        ])
        .max_age(Duration::from_secs(600))
}

/// Whether `path` serves only public data to anonymous GETs, which a web page on any origin
/// may read: the public map feed and Open311's services and public view of reports.
fn public(path: &str) -> bool {
    path.starts_with("/map/") || path.starts_with("/open311/")
}

/// The router with every route and layer.
pub(crate) fn router(app: App) -> Router {
    let x_request_id = HeaderName::from_static(REQUEST_ID_HEADER);
    let timeout = Duration::from_secs(app.limits.request_timeout_seconds);
    let body_limit = app.limits.max_body_bytes;
    let cors = cors(&app.tenants);
    let portal = portal::router(&app.tenants, Arc::clone(&app.looks));
    Router::new()
        .route("/graphql", get(graphql::get).post(graphql::post))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/reports/service.csv", get(reports::service_csv))
        .route("/reports/benchmark.csv", get(reports::benchmark_csv))
        .route("/benchmark/{file}", get(reports::benchmark_json))
        .route("/reports/photos", axum::routing::post(photos::upload))
        .route("/reports/{tenant}/photos/{id}", get(photos::download))
        .route("/map/{tenant}/{file}", get(map::reports))
        .merge(open311::router())
        .with_state(app)
        .merge(portal)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(cors)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    tracing::info_span!(
                        "request",
                        request_id = %request_id(req.headers()),
                        method = %req.method(),
                        path = %req.uri().path(),
                        tenant = tracing::field::Empty,
                    )
                })
                // One access-log line per request, carrying the span's request id and tenant.
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(CatchPanicLayer::custom(panicked))
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(SetRequestIdLayer::new(x_request_id, MakeRequestUuid))
        .layer(middleware::from_fn(sanitise_request_id))
}
