//! `processingLog`: admins only, with input checks.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, GRAPHQL_RESPONSE_UTF8, Harness, JSON_UTF8};

const LOG: &str = "{ processingLog { edges { node { purpose } } pageInfo { hasNextPage } } }";

#[tokio::test]
async fn admin_sees_an_empty_log() {
    let h = Harness::new().await;
    let token = h.token("enschede", "admin");
    let reply = h.send(Call::post(LOG).bearer(&token)).await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(
        reply.data(),
        json!({ "processingLog": { "edges": [], "pageInfo": { "hasNextPage": false } } })
    );

    let reply = h
        .send(
            Call::post(
                r#"{ processingLog(filter: { bsn: "999993653" }, first: 5) { edges { cursor } } }"#,
            )
            .bearer(&token),
        )
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.data(), json!({ "processingLog": { "edges": [] } }));
}

/// `processingLog` is non-null, so the FORBIDDEN field error nulls `data` itself; the shape of
/// `data` and the status under the new media type are in
/// `negotiation::field_errors_that_null_data_are_200_with_data_null`.
#[tokio::test]
async fn front_office_is_forbidden() {
    let h = Harness::new().await;
    for role in ["frontoffice", "backoffice", "manager"] {
        let token = h.token("enschede", role);
        let reply = h
            .send(Call::post(LOG).bearer(&token).accept("application/json"))
            .await;
        reply.assert(StatusCode::OK, JSON_UTF8);
        assert_eq!(reply.code(), "FORBIDDEN", "{role}");
        assert_eq!(reply.first_error()["path"], json!(["processingLog"]));
    }
    let citizen = h.citizen_token("enschede");
    let reply = h
        .send(Call::post(LOG).bearer(&citizen).accept("application/json"))
        .await;
    assert_eq!(reply.code(), "FORBIDDEN");
    let reply = h
        .send(
            Call::post(LOG)
                .tenant("enschede")
                .accept("application/json"),
        )
        .await;
    assert_eq!(reply.code(), "FORBIDDEN");
}

#[tokio::test]
async fn a_malformed_bsn_is_bad_user_input_on_the_bsn_field() {
    let h = Harness::new().await;
    let token = h.token("enschede", "admin");
    let cases = [
        (
            r#"{ processingLog(filter: { bsn: "123" }) { edges { cursor } } }"#,
            "filter.bsn",
        ),
        (
            r#"{ processingLog(filter: { bsn: "999993654" }) { edges { cursor } } }"#,
            "filter.bsn",
        ),
        ("{ processingLog(first: -1) { edges { cursor } } }", "first"),
        (
            r#"{ processingLog(after: "%%%") { edges { cursor } } }"#,
            "after",
        ),
    ];
    for (query, field) in cases {
        let reply = h
            .send(Call::post(query).bearer(&token).accept("application/json"))
            .await;
        reply.assert(StatusCode::OK, JSON_UTF8);
        assert_eq!(reply.code(), "BAD_USER_INPUT", "{query}");
        assert_eq!(
            reply.first_error()["extensions"]["field"],
            field,
            "{query}: {}",
            reply.text()
        );
    }
}
