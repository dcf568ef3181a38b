//! Request limits: depth, aliases and body size.

use axum::http::StatusCode;
use loket::config::Limits;
use serde_json::json;

use crate::support::{Call, GRAPHQL_RESPONSE_UTF8, Harness};

const DEEP: &str = "{ me { tenant { channels { openingHours { text } } } } }";

#[tokio::test]
async fn a_query_nested_deeper_than_the_limit_is_refused() {
    let h = Harness::with_limits(Limits {
        max_depth: 3,
        ..Limits::default()
    })
    .await;
    let reply = h.send(Call::post(DEEP).tenant("enschede")).await;
    reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    let message = reply.first_error()["message"]
        .as_str()
        .unwrap()
        .to_lowercase();
    assert!(
        message.contains("nest") || message.contains("depth") || message.contains("deep"),
        "{message}"
    );
    assert!(reply.json().get("data").is_none(), "{}", reply.text());

    // Within the limit it runs.
    let reply = h
        .send(Call::post("{ me { tenant { slug } } }").tenant("enschede"))
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.data()["me"]["tenant"]["slug"], "enschede");
}

#[tokio::test]
async fn the_default_depth_allows_the_deep_query() {
    let h = Harness::new().await;
    let reply = h.send(Call::post(DEEP).tenant("enschede")).await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(
        reply.data()["me"]["tenant"]["channels"][0]["openingHours"][0]["text"],
        "mon-fri 08:00-17:00"
    );
}

#[tokio::test]
async fn more_aliases_than_the_limit_are_refused() {
    let h = Harness::with_limits(Limits {
        max_aliases: 2,
        ..Limits::default()
    })
    .await;
    let reply = h
        .send(Call::post("{ a: me { actor } b: me { actor } c: me { actor } }").tenant("enschede"))
        .await;
    reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    let message = reply.first_error()["message"].as_str().unwrap().to_owned();
    assert!(message.contains("aliases"), "{message}");
    assert!(reply.json().get("data").is_none(), "{}", reply.text());

    // Aliases hidden in a fragment count as well.
    let reply = h
        .send(
            Call::post("{ a: me { actor } ...F } fragment F on QueryRoot { b: me { x: actor } }")
                .tenant("enschede"),
        )
        .await;
    reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");

    // Two are fine.
    let reply = h
        .send(Call::post("{ a: me { actor } b: me { actor } }").tenant("enschede"))
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(
        reply.data(),
        json!({ "a": { "actor": "ANONYMOUS" }, "b": { "actor": "ANONYMOUS" } })
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let h = Harness::with_limits(Limits {
        max_body_bytes: 1024,
        ..Limits::default()
    })
    .await;
    let padding = " ".repeat(2048);
    let reply = h
        .send(Call::post(&format!("{{ me {{ actor }} {padding}}}")).tenant("enschede"))
        .await;
    reply.assert(StatusCode::PAYLOAD_TOO_LARGE, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");

    // Just under the limit is fine.
    let reply = h
        .send(Call::post(&format!("{{ me {{ actor }} {}}}", " ".repeat(900))).tenant("enschede"))
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
}
