//! `tenant` for anonymous callers, who name their tenant with the `Loket-Tenant` header.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, GRAPHQL_RESPONSE_UTF8, Harness};

const TENANT: &str = "{ tenant { name municipalityCode channels { kind openingHours { text } } \
    serviceNorms { phoneAnswerSeconds phoneAnswerPercentage } } me { actor roles } }";

#[tokio::test]
async fn anonymous_caller_sees_the_public_face_of_haarlem() {
    let h = Harness::new().await;
    let reply = h.send(Call::post(TENANT).tenant("haarlem")).await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    let data = reply.data();
    assert_eq!(
        data["me"],
        json!({ "actor": "ANONYMOUS", "roles": ["anonymous"] })
    );
    let tenant = &data["tenant"];
    assert_eq!(tenant["name"], "Gemeente Haarlem");
    assert_eq!(tenant["municipalityCode"], "0392");
    assert_eq!(
        tenant["serviceNorms"],
        json!({ "phoneAnswerSeconds": 15, "phoneAnswerPercentage": 90 })
    );
    assert_eq!(
        tenant["channels"],
        json!([
            { "kind": "phone", "openingHours": [{ "text": "mon-fri 08:00-17:00" }] },
            { "kind": "counter", "openingHours": [{ "text": "mon-fri 09:00-17:00" }] },
            { "kind": "online", "openingHours": [] },
        ])
    );
}

#[tokio::test]
async fn no_token_and_no_tenant_header_is_bad_user_input() {
    let h = Harness::new().await;
    let reply = h.send(Call::post(TENANT)).await;
    reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    assert!(reply.json().get("data").is_none(), "{}", reply.text());
    assert_eq!(reply.header("www-authenticate"), None);
}

#[tokio::test]
async fn unknown_tenant_header_is_unauthenticated() {
    let h = Harness::new().await;
    for slug in ["atlantis", "Not A Slug!"] {
        let reply = h.send(Call::post(TENANT).tenant(slug)).await;
        reply.assert(StatusCode::UNAUTHORIZED, GRAPHQL_RESPONSE_UTF8);
        assert_eq!(reply.code(), "UNAUTHENTICATED", "{slug}");
        assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
        assert!(reply.json().get("data").is_none(), "{}", reply.text());
    }
}

#[tokio::test]
async fn tenant_header_that_contradicts_the_token_is_unauthenticated() {
    let h = Harness::new().await;
    let token = h.token("enschede", "frontoffice");
    let reply = h
        .send(
            Call::post("{ me { actor } }")
                .bearer(&token)
                .tenant("haarlem"),
        )
        .await;
    reply.assert(StatusCode::UNAUTHORIZED, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "UNAUTHENTICATED");
}
