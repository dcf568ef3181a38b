//! HTTP: the GraphQL endpoint (POST, GET, WebSocket on `/graphql`), GraphiQL, the
//! operations endpoints and the web frontend ([`portal`]), with request ids, tracing, CORS
//! and limits as layers.

mod graphql;
mod negotiate;
mod ops;
mod portal;
mod reports;
mod ws;

use std::{sync::Arc, time::Duration};

use axum::{
    Router,
    extract::{DefaultBodyLimit, Request},
    http::{HeaderName, HeaderValue, Method, StatusCode, header},
    routing::get,
};
use loket_authz::Authz;
use loket_contact::Contacts;
use loket_kernel::config::TenantSet;
use loket_store::Db;
use tower_http::{
    cors::{AllowOrigin, CorsLayer},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::{DefaultOnResponse, TraceLayer},
};

use crate::{config::Limits, graphql::LoketSchema};

/// The header anonymous callers name their tenant with.
pub(crate) const TENANT_HEADER: &str = "loket-tenant";
const REQUEST_ID_HEADER: &str = "x-request-id";

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct App {
    pub(crate) authz: Arc<Authz>,
    pub(crate) schema: LoketSchema,
    pub(crate) db: Db,
    pub(crate) tenants: Arc<TenantSet>,
    pub(crate) limits: Arc<Limits>,
    pub(crate) contacts: Contacts,
    pub(crate) looks: Arc<crate::looks::Looks>,
}

/// The request id the request-id layer put on the request.
pub(crate) fn request_id(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned()
}

fn cors(tenants: &TenantSet) -> CorsLayer {
    let origins: Vec<HeaderValue> = tenants
        .tenants
        .values()
        .flat_map(|t| &t.cors.allowed_origins)
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static(TENANT_HEADER),
        ])
        .max_age(Duration::from_secs(600))
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
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(SetRequestIdLayer::new(x_request_id, MakeRequestUuid))
}
