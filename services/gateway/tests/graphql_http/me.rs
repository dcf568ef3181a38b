//! `me`: actor, roles, tenant, capabilities and `can`, per tenant policy.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, GRAPHQL_RESPONSE_UTF8, Harness, JSON_UTF8};

const ME: &str = r#"{ me { actor roles tenant { slug name municipalityCode }
    capabilities { object action } can(object: "case/*/outcome", action: READ) } }"#;

fn grants_outcome_read(me: &serde_json::Value) -> bool {
    me["capabilities"]
        .as_array()
        .unwrap()
        .contains(&json!({ "object": "case/*/outcome", "action": "READ" }))
}

#[tokio::test]
async fn enschede_front_office_may_read_outcomes() {
    let h = Harness::new().await;
    let token = h.token("enschede", "frontoffice");
    let reply = h.send(Call::post(ME).bearer(&token)).await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    let me = &reply.data()["me"];
    assert_eq!(me["actor"], "EMPLOYEE");
    assert_eq!(me["roles"], json!(["frontoffice"]));
    assert_eq!(
        me["tenant"],
        json!({ "slug": "enschede", "name": "Gemeente Enschede", "municipalityCode": "0153" })
    );
    assert_eq!(me["can"], true);
    assert!(
        grants_outcome_read(me),
        "capabilities: {}",
        me["capabilities"]
    );
}

#[tokio::test]
async fn haarlem_front_office_may_not_read_outcomes() {
    let h = Harness::new().await;
    let token = h.token("haarlem", "frontoffice");
    let reply = h.send(Call::post(ME).bearer(&token)).await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    let me = &reply.data()["me"];
    assert_eq!(me["actor"], "EMPLOYEE");
    assert_eq!(me["roles"], json!(["frontoffice"]));
    assert_eq!(me["tenant"]["slug"], "haarlem");
    assert_eq!(me["tenant"]["municipalityCode"], "0392");
    assert_eq!(me["can"], false);
    assert!(
        !grants_outcome_read(me),
        "capabilities: {}",
        me["capabilities"]
    );
}

#[tokio::test]
async fn citizen_is_a_citizen() {
    let h = Harness::new().await;
    let token = h.citizen_token("enschede");
    let reply = h
        .send(Call::post("{ me { actor roles subject } }").bearer(&token))
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    let me = &reply.data()["me"];
    assert_eq!(me["actor"], "CITIZEN");
    assert_eq!(me["roles"], json!(["citizen"]));
}

/// A field error below the root: a partial response, 200 with `data` present.
#[tokio::test]
async fn can_refuses_a_malformed_object_path() {
    let h = Harness::new().await;
    let token = h.token("enschede", "frontoffice");
    let query = r#"{ me { can(object: "not a path", action: READ) } }"#;
    for (accept, content_type) in [
        ("application/graphql-response+json", GRAPHQL_RESPONSE_UTF8),
        ("application/json", JSON_UTF8),
    ] {
        let reply = h
            .send(Call::post(query).bearer(&token).accept(accept))
            .await;
        reply.assert(StatusCode::OK, content_type);
        assert_eq!(reply.code(), "BAD_USER_INPUT");
        let error = reply.first_error();
        assert_eq!(error["extensions"]["field"], "object");
        assert_eq!(error["path"], json!(["me", "can"]));
        assert!(reply.json().get("data").is_some(), "{}", reply.text());
    }
}

/// The capabilities name the objects the services ask about, so a frontend can follow the
/// policy: an administrator may change the catalogue, re-drive deliveries and read the
/// processing log; the front office none of these.
#[tokio::test]
async fn capabilities_name_the_objects_administration_asks_about() {
    let h = Harness::new().await;
    let query = "{ me { capabilities { object action } } }";
    let admin = h
        .send(Call::post(query).bearer(&h.token("enschede", "admin")))
        .await;
    let front = h
        .send(Call::post(query).bearer(&h.token("enschede", "frontoffice")))
        .await;
    let wanted = [
        ("catalog/products", "UPDATE"),
        ("notification/deliveries", "READ"),
        ("notification/deliveries", "UPDATE"),
        ("processing-log/entries", "READ"),
    ];
    for (object, action) in wanted {
        let grant = json!({ "object": object, "action": action });
        let granted = |reply: &crate::support::Reply| {
            reply.data()["me"]["capabilities"]
                .as_array()
                .is_some_and(|all| all.contains(&grant))
        };
        assert!(granted(&admin), "admin {object} {action}: {}", admin.text());
        assert!(!granted(&front), "front office {object} {action}");
    }
}
