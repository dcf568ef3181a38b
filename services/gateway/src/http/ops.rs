//! Operations endpoints: liveness, readiness and Prometheus metrics.

use std::time::Duration;

use axum::{
    Json,
    extract::State,
    http::{StatusCode, header},
    response::IntoResponse,
};
use serde_json::json;

use super::App;

/// The process is up.
pub(crate) async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// The database answers and tenants are loaded: safe to send traffic here.
pub(crate) async fn readyz(State(app): State<App>) -> impl IntoResponse {
    let database = tokio::time::timeout(Duration::from_secs(2), app.db.ping())
        .await
        .is_ok_and(|r| r.is_ok());
    let tenants = app.tenants.tenants.len();
    let ready = database && tenants > 0;
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(json!({
            "status": if ready { "ready" } else { "not ready" },
            "database": if database { "ok" } else { "unreachable" },
            "tenants": tenants,
        })),
    )
}

/// Prometheus text format.
pub(crate) async fn metrics() -> impl IntoResponse {
    let body = crate::metrics::handle().map_or_else(String::new, |h| h.render());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
}
