//! `node(id:)`: refetching by global id, never across tenants.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, Harness, JSON_UTF8};

const NODE: &str = "query($id: ID!) { node(id: $id) { id ... on Tenant { slug } } }";

async fn enschede_id(h: &Harness, token: &str) -> String {
    let reply = h.send(Call::post("{ tenant { id } }").bearer(token)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.data()["tenant"]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_tenant_id_refetches_the_tenant() {
    let h = Harness::new().await;
    let token = h.token("enschede", "frontoffice");
    let id = enschede_id(&h, &token).await;
    let reply = h
        .send(Call::post_with(NODE, &json!({ "id": id })).bearer(&token))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(
        reply.data(),
        json!({ "node": { "id": id, "slug": "enschede" } })
    );
}

/// Field errors: 200 under `application/json` (the status and `data` under the new media type
/// are in `negotiation::field_errors_that_null_data_are_200_with_data_null`).
#[tokio::test]
async fn another_tenants_id_and_garbage_are_not_found() {
    let h = Harness::new().await;
    let id = enschede_id(&h, &h.token("enschede", "frontoffice")).await;
    let haarlem = h.token("haarlem", "frontoffice");
    for id in [id.as_str(), "garbage", "", "VGVuYW50Og", "Q2FzZTox"] {
        let reply = h
            .send(
                Call::post_with(NODE, &json!({ "id": id }))
                    .bearer(&haarlem)
                    .accept("application/json"),
            )
            .await;
        reply.assert(StatusCode::OK, JSON_UTF8);
        assert_eq!(reply.code(), "NOT_FOUND", "id {id:?}: {}", reply.text());
        assert_eq!(reply.first_error()["path"], json!(["node"]));
        assert_eq!(reply.json()["errors"].as_array().unwrap().len(), 1);
    }
}
