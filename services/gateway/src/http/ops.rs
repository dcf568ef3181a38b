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

/// Prometheus text format. The outbox depth is read per tenant at scrape time, inside each
/// tenant's own transaction, since row-level security hides other tenants' rows.
pub(crate) async fn metrics(State(app): State<App>) -> impl IntoResponse {
    for tenant in app.tenants.tenants.keys() {
        let pending = async {
            let tx = app.db.begin(tenant).await?;
            let pending = loket_store::outbox::pending_count(&tx).await?;
            tx.commit().await?;
            Ok::<_, loket_store::StoreError>(pending)
        };
        match tokio::time::timeout(Duration::from_secs(2), pending).await {
            Ok(Ok(pending)) => crate::metrics::outbox_pending(tenant.as_str(), pending),
            Ok(Err(e)) => tracing::warn!(%tenant, error = %e, "cannot read the outbox depth"),
            Err(_) => tracing::warn!(%tenant, "reading the outbox depth timed out"),
        }
    }
    let body = crate::metrics::handle().map_or_else(String::new, |h| h.render());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
}
