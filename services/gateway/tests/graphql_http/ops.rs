//! Operations endpoints, request ids and CORS.

use axum::http::{Method, StatusCode};

use crate::support::{Call, Harness};

/// The metrics recorder is one per process while every test has its own gateway and database,
/// so a scrape by one test overwrites the gauges another test has just set. Tests that scrape
/// take this lock.
static SCRAPES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn healthz_is_ok() {
    let h = Harness::new().await;
    let reply = h.send(Call::get("/healthz")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["status"], "ok");
}

#[tokio::test]
async fn readyz_reports_database_and_tenants() {
    let h = Harness::new().await;
    let reply = h.send(Call::get("/readyz")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert!(
        reply.content_type().starts_with("application/json"),
        "{}",
        reply.content_type()
    );
    let body = reply.json();
    assert_eq!(body["status"], "ready");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["tenants"], 6);
}

#[tokio::test]
async fn metrics_count_graphql_requests() {
    let _scraping = SCRAPES.lock().await;
    let h = Harness::new().await;
    let reply = h
        .send(Call::post("{ me { actor } }").tenant("enschede"))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let reply = h.send(Call::get("/metrics")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.content_type().starts_with("text/plain"),
        "{}",
        reply.content_type()
    );
    let text = reply.text();
    assert!(text.contains("loket_graphql_requests_total"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("loket_graphql_requests_total{")
                && l.contains(r#"operation="me""#)
                && l.contains(r#"tenant="enschede""#)
                && l.contains(r#"outcome="ok""#)),
        "{text}"
    );
}

#[tokio::test]
async fn every_response_has_a_request_id() {
    let _scraping = SCRAPES.lock().await;
    let h = Harness::new().await;
    let calls = [
        Call::get("/healthz"),
        Call::get("/readyz"),
        Call::get("/metrics"),
        Call::get("/nowhere"),
        Call::post("{ me { actor } }").tenant("enschede"),
        Call::post("{ me { actor } }"),
        Call::post("{ me { actor } }").bearer("garbage"),
    ];
    let mut seen = Vec::new();
    for call in calls {
        let reply = h.send(call).await;
        let id = reply
            .header("x-request-id")
            .unwrap_or_else(|| panic!("no x-request-id on a {} reply", reply.status))
            .to_owned();
        assert!(!id.is_empty());
        assert!(!seen.contains(&id), "request id {id} reused");
        seen.push(id);
    }
}

#[tokio::test]
async fn a_request_id_sent_is_returned() {
    let h = Harness::new().await;
    let reply = h
        .send(Call::get("/healthz").header("x-request-id", "abc"))
        .await;
    assert_eq!(reply.header("x-request-id"), Some("abc"));
    let reply = h
        .send(
            Call::post("{ me { actor } }")
                .tenant("enschede")
                .header("x-request-id", "abc"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("x-request-id"), Some("abc"));
}

fn preflight(origin: &str) -> Call {
    Call::request(Method::OPTIONS, "/graphql")
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type",
        )
}

#[tokio::test]
async fn cors_preflight_allows_a_tenant_origin() {
    let h = Harness::new().await;
    for origin in [
        "https://mijn.enschede.example",
        "https://mijn.haarlem.example",
    ] {
        let reply = h.send(preflight(origin)).await;
        assert!(reply.status.is_success(), "{}", reply.status);
        assert_eq!(reply.header("access-control-allow-origin"), Some(origin));
        let methods = reply
            .header("access-control-allow-methods")
            .unwrap()
            .to_owned();
        assert!(methods.contains("POST"), "{methods}");
        let headers = reply
            .header("access-control-allow-headers")
            .unwrap()
            .to_lowercase();
        assert!(headers.contains("authorization"), "{headers}");
        assert!(headers.contains("loket-tenant"), "{headers}");
    }
}

#[tokio::test]
async fn cors_preflight_ignores_other_origins() {
    let h = Harness::new().await;
    let reply = h.send(preflight("https://evil.example")).await;
    assert_eq!(reply.header("access-control-allow-origin"), None);

    // A simple request from that origin is answered without allowing it to be read.
    let reply = h
        .send(
            Call::post("{ me { actor } }")
                .tenant("enschede")
                .header("origin", "https://evil.example"),
        )
        .await;
    assert_eq!(reply.header("access-control-allow-origin"), None);
    let reply = h
        .send(
            Call::post("{ me { actor } }")
                .tenant("enschede")
                .header("origin", "https://mijn.enschede.example"),
        )
        .await;
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("https://mijn.enschede.example")
    );
}

#[tokio::test]
async fn metrics_show_each_tenants_outbox_depth() {
    let _scraping = SCRAPES.lock().await;
    let h = Harness::new().await;
    let enschede = loket_kernel::TenantId::new("enschede").unwrap();
    let tx = h.gateway.db.begin(&enschede).await.unwrap();
    loket_store::outbox::publish(&tx, "case.created", serde_json::json!({}))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let text = h.send(Call::get("/metrics")).await.text();
    assert!(
        text.contains("loket_outbox_pending{tenant=\"enschede\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("loket_outbox_pending{tenant=\"haarlem\"} 0"),
        "{text}"
    );
}
