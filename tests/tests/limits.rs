//! Request limits are configurable and refuse over-large requests with a clear error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use loket_store::testing::TestDb;
use loket_tests::{Loket, tenants_dir};

async fn start() -> Loket {
    Loket::start_with(
        TestDb::sqlite_empty().await,
        &tenants_dir(),
        &[
            ("LOKET_MAX_DEPTH", "3"),
            ("LOKET_MAX_ALIASES", "2"),
            ("LOKET_MAX_BODY_BYTES", "2048"),
        ],
    )
    .await
}

#[tokio::test]
async fn an_over_deep_query_is_refused() {
    let loket = start().await;
    let (status, body) = loket
        .graphql(
            None,
            Some("haarlem"),
            "{ tenant { channels { openingHours { text } } } }",
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.get("data").is_none(),
        "a refused request has no data entry: {body}"
    );
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("nested too deep"),
        "{error}"
    );

    let (status, _) = loket
        .graphql(None, Some("haarlem"), "{ tenant { channels { kind } } }")
        .await;
    assert_eq!(status, 200, "depth 3 is allowed");
}

#[tokio::test]
async fn too_many_aliases_are_refused() {
    let loket = start().await;
    let (status, body) = loket
        .graphql(
            None,
            Some("haarlem"),
            "{ a: me { actor } b: me { actor } c: me { actor } }",
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("3 aliases; at most 2")
    );
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let loket = start().await;
    let padding = " ".repeat(4096);
    let response = loket
        .client()
        .post(format!("{}/graphql", loket.base))
        .header("content-type", "application/json")
        .header("accept", "application/graphql-response+json")
        .header("loket-tenant", "haarlem")
        .body(format!("{{\"query\":\"{{ me {{ actor }} }}{padding}\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("2048 bytes")
    );
}

/// A client still sending an oversized body reads the refusal: the server reads on (up to a
/// bound) before it answers, instead of resetting the connection under it.
#[tokio::test]
async fn an_oversized_body_is_answered_not_reset() {
    let loket = start().await;
    // Larger than the socket buffers, so the server has unread bytes when it answers.
    let padding = " ".repeat(200 * 1024);
    for attempt in 0..50 {
        let response = loket
            .client()
            .post(format!("{}/graphql", loket.base))
            .header("content-type", "application/json")
            .header("accept", "application/graphql-response+json")
            .header("loket-tenant", "haarlem")
            .body(format!("{{\"query\":\"{{ me {{ actor }} }}{padding}\"}}"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("attempt {attempt}: the connection dropped: {e}"));
        assert_eq!(response.status().as_u16(), 413, "attempt {attempt}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    }
}
