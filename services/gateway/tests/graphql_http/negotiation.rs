//! GraphQL over HTTP: media types, status codes per media type, GET and POST.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, GRAPHQL_RESPONSE_UTF8, Harness, JSON_UTF8};

const ME: &str = "{ me { actor } }";
const UNKNOWN_FIELD: &str = "{ me { actor noSuchField } }";

#[tokio::test]
async fn answers_in_the_media_type_asked_for() {
    let h = Harness::new().await;
    let reply = h.send(Call::post(ME).tenant("enschede")).await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.data(), json!({ "me": { "actor": "ANONYMOUS" } }));

    for accept in [
        "application/json",
        "*/*",
        "application/json, application/graphql-response+json;q=0.5",
    ] {
        let reply = h
            .send(Call::post(ME).tenant("enschede").accept(accept))
            .await;
        reply.assert(StatusCode::OK, JSON_UTF8);
        assert_eq!(reply.data(), json!({ "me": { "actor": "ANONYMOUS" } }));
    }

    let preferred = "application/graphql-response+json, application/json;q=0.9";
    let reply = h
        .send(Call::post(ME).tenant("enschede").accept(preferred))
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
}

#[tokio::test]
async fn without_accept_the_legacy_json_type_is_used() {
    let h = Harness::new().await;
    let reply = h
        .send(Call::post(ME).tenant("enschede").without("accept"))
        .await;
    reply.assert(StatusCode::OK, JSON_UTF8);
    assert_eq!(reply.data()["me"]["actor"], "ANONYMOUS");
}

#[tokio::test]
async fn validation_error_is_400_under_graphql_response_json_and_200_under_json() {
    let h = Harness::new().await;
    let reply = h.send(Call::post(UNKNOWN_FIELD).tenant("enschede")).await;
    reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    assert!(
        reply.json().get("data").is_none(),
        "a request error has no data entry: {}",
        reply.text()
    );
    assert!(
        reply.first_error()["message"]
            .as_str()
            .unwrap()
            .contains("noSuchField")
    );

    let reply = h
        .send(
            Call::post(UNKNOWN_FIELD)
                .tenant("enschede")
                .accept("application/json"),
        )
        .await;
    reply.assert(StatusCode::OK, JSON_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    assert!(reply.json().get("data").is_none(), "{}", reply.text());
}

#[tokio::test]
async fn document_parse_error_is_400_under_graphql_response_json_and_200_under_json() {
    let h = Harness::new().await;
    let reply = h.send(Call::post("{").tenant("enschede")).await;
    reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");

    let reply = h
        .send(
            Call::post("{")
                .tenant("enschede")
                .accept("application/json"),
        )
        .await;
    reply.assert(StatusCode::OK, JSON_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
}

#[tokio::test]
async fn bad_token_is_401_with_a_bearer_challenge() {
    let h = Harness::new().await;
    let reply = h.send(Call::post(ME).bearer("not.a.token")).await;
    reply.assert(StatusCode::UNAUTHORIZED, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
    assert_eq!(reply.code(), "UNAUTHENTICATED");
    assert_eq!(
        reply.first_error()["message"],
        "invalid or missing credentials"
    );
    assert!(reply.json().get("data").is_none(), "{}", reply.text());

    // A token of another issuer's signature: same answer, nothing about why.
    let mut forged = h.token("enschede", "admin");
    forged.truncate(forged.len() - 4);
    forged.push_str("AAAA");
    let reply = h.send(Call::post(ME).bearer(&forged)).await;
    reply.assert(StatusCode::UNAUTHORIZED, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "UNAUTHENTICATED");
    assert_eq!(
        reply.first_error()["message"],
        "invalid or missing credentials"
    );

    // The legacy media type answers a well-formed request with 200.
    let reply = h
        .send(
            Call::post(ME)
                .bearer("not.a.token")
                .accept("application/json"),
        )
        .await;
    reply.assert(StatusCode::OK, JSON_UTF8);
    assert_eq!(reply.code(), "UNAUTHENTICATED");
}

#[tokio::test]
async fn unsupported_accept_is_406() {
    let h = Harness::new().await;
    let reply = h
        .send(Call::post(ME).tenant("enschede").accept("text/plain"))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_ACCEPTABLE, "{}", reply.text());

    let reply = h
        .send(Call::get_query(ME).tenant("enschede").accept("text/plain"))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_ACCEPTABLE, "{}", reply.text());
}

#[tokio::test]
async fn post_body_that_is_not_json_typed_is_415() {
    let h = Harness::new().await;
    let body = serde_json::to_vec(&json!({ "query": ME })).unwrap();
    let reply = h
        .send(
            Call::post_raw(body.clone())
                .tenant("enschede")
                .header("content-type", "text/plain"),
        )
        .await;
    reply.assert(StatusCode::UNSUPPORTED_MEDIA_TYPE, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");

    let reply = h.send(Call::post_raw(body).tenant("enschede")).await;
    reply.assert(StatusCode::UNSUPPORTED_MEDIA_TYPE, GRAPHQL_RESPONSE_UTF8);

    // Parameters on the media type are fine.
    let reply = h
        .send(
            Call::post(ME)
                .tenant("enschede")
                .header("content-type", "application/json; charset=utf-8"),
        )
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
}

#[tokio::test]
async fn body_that_is_not_json_is_400() {
    let h = Harness::new().await;
    for body in ["NONSENSE", r#"{"query":"#] {
        let reply = h
            .send(
                Call::post_raw(body)
                    .tenant("enschede")
                    .header("content-type", "application/json"),
            )
            .await;
        reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
        assert_eq!(reply.code(), "BAD_USER_INPUT");
        assert!(reply.json().get("data").is_none(), "{}", reply.text());
    }
}

/// GraphQL over HTTP, application/json, "JSON parsing failure": "Requests that the server
/// cannot interpret SHOULD result in status code 400 (Bad Request)" — the 200-for-everything
/// rule of the legacy type only covers well-formed requests.
#[tokio::test]
async fn body_that_is_not_json_is_400_under_json_too() {
    let h = Harness::new().await;
    let reply = h
        .send(
            Call::post_raw("NONSENSE")
                .tenant("enschede")
                .header("content-type", "application/json")
                .accept("application/json"),
        )
        .await;
    reply.assert(StatusCode::BAD_REQUEST, JSON_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
}

#[tokio::test]
async fn get_runs_a_query() {
    let h = Harness::new().await;
    let reply = h.send(Call::get_query(ME).tenant("haarlem")).await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.data(), json!({ "me": { "actor": "ANONYMOUS" } }));

    let query = "query Q($o: String!) { me { can(object: $o, action: READ) } }";
    let variables = crate::support::percent_encode(r#"{"o":"tenant/public"}"#);
    let uri = format!(
        "/graphql?query={}&variables={variables}",
        crate::support::percent_encode(query)
    );
    let reply = h
        .send(
            Call::get(&uri)
                .tenant("haarlem")
                .accept("application/graphql-response+json"),
        )
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.data(), json!({ "me": { "can": true } }));
}

/// "GET requests MUST NOT be used for executing mutation operations … the server MUST respond
/// with error status code 405 (Method Not Allowed)". The schema has no mutation type, so this
/// also shows the GET check runs before validation.
#[tokio::test]
async fn get_with_a_mutation_is_405_allow_post() {
    let h = Harness::new().await;
    for accept in ["application/graphql-response+json", "application/json"] {
        let reply = h
            .send(
                Call::get_query("mutation { __typename }")
                    .tenant("enschede")
                    .accept(accept),
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{}",
            reply.text()
        );
        assert_eq!(reply.header("allow"), Some("POST"));
        assert_eq!(reply.code(), "BAD_USER_INPUT");
    }

    // The same document over POST is executed.
    let reply = h
        .send(Call::post("mutation { __typename }").tenant("enschede"))
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert!(reply.text().contains("\"Mutation\""), "{}", reply.text());
}

#[tokio::test]
async fn browser_without_a_query_gets_graphiql() {
    let h = Harness::new().await;
    let reply = h
        .send(Call::get("/graphql").accept("text/html,application/xhtml+xml,*/*;q=0.8"))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.content_type().starts_with("text/html"),
        "{}",
        reply.content_type()
    );
    let page = reply.text();
    assert!(page.contains("Loket GraphiQL"), "{page}");
    assert!(page.to_lowercase().contains("graphiql"));
}

#[tokio::test]
async fn subscription_over_post_is_refused() {
    let h = Harness::new().await;
    let reply = h
        .send(Call::post("subscription { __typename }").tenant("enschede"))
        .await;
    reply.assert(StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
}

#[tokio::test]
async fn variables_are_passed() {
    let h = Harness::new().await;
    let token = h.token("enschede", "frontoffice");
    let reply = h
        .send(
            Call::post_with(
                "query($o: String!) { me { can(object: $o, action: DECIDE) } }",
                &json!({ "o": "case/*/outcome" }),
            )
            .bearer(&token),
        )
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    assert_eq!(reply.data(), json!({ "me": { "can": false } }));
}

/// A field error on a non-null root field that is the only one selected: async-graphql answers
/// `"data": null` plus the error. That is a partial response, not a request error:
///
/// - GraphQL over HTTP, application/graphql-response+json: "If the GraphQL response contains
///   the {data} entry and it is {null}, then the server SHOULD reply with a 2xx status code and
///   it is RECOMMENDED it replies with 200";
/// - the GraphQL spec: an error during execution leaves `"data": null` in the response; only a
///   request error (before execution) leaves `data` out.
///
/// The gateway takes `data == null` for "not executed": it answers 400 and removes `data`.
#[tokio::test]
async fn field_errors_that_null_data_are_200_with_data_null() {
    let h = Harness::new().await;
    let enschede = h.token("enschede", "frontoffice");
    let haarlem = h.token("haarlem", "frontoffice");
    let admin = h.token("enschede", "admin");
    let enschede_id = "VGVuYW50OmVuc2NoZWRl"; // Tenant:enschede
    let cases = [
        (
            format!(r#"{{ node(id: "{enschede_id}") {{ id }} }}"#),
            haarlem.as_str(),
            "NOT_FOUND",
        ),
        (
            r#"{ node(id: "garbage") { id } }"#.to_owned(),
            enschede.as_str(),
            "NOT_FOUND",
        ),
        (
            "{ processingLog { edges { cursor } } }".to_owned(),
            enschede.as_str(),
            "FORBIDDEN",
        ),
        (
            r#"{ processingLog(filter: { bsn: "123" }) { edges { cursor } } }"#.to_owned(),
            admin.as_str(),
            "BAD_USER_INPUT",
        ),
    ];
    for (query, token, code) in &cases {
        for (accept, content_type) in [
            ("application/graphql-response+json", GRAPHQL_RESPONSE_UTF8),
            ("application/json", JSON_UTF8),
        ] {
            let reply = h.send(Call::post(query).bearer(token).accept(accept)).await;
            assert_eq!(&reply.code(), code, "{query}");
            let root = if query.contains("node") {
                "node"
            } else {
                "processingLog"
            };
            assert_eq!(reply.first_error()["path"], json!([root]), "{query}");
            reply.assert(StatusCode::OK, content_type);
            let json = reply.json();
            assert!(
                json.get("data").is_some_and(serde_json::Value::is_null),
                "{query} ({accept}): expected \"data\": null, got {json}"
            );
        }
    }
}
