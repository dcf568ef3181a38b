//! The catalogue through GraphQL: an anonymous search with the `Loket-Tenant` header, the
//! search report for managers only, and an administrator's product searchable at once.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, Harness, JSON_UTF8};

const SEARCH: &str = "query($q: String) { products(search: $q, first: 3) { totalCount edges { score snippet { text html } node { code name kind channels } } } }";

#[tokio::test]
async fn an_anonymous_visitor_searches_a_municipalitys_catalogue() {
    let h = Harness::new().await;
    let reply = h
        .send(Call::post_with(SEARCH, &json!({ "q": "invalidenparkeerkaart" })).tenant("haarlem"))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let edges = reply.data()["products"]["edges"].clone();
    assert_eq!(
        edges[0]["node"]["code"],
        "gehandicaptenparkeerkaart",
        "{}",
        reply.text()
    );
    assert_eq!(
        edges[0]["node"]["name"],
        "Parkeervoorzieningen gehandicapten"
    );
    assert!(edges[0]["score"].as_f64().unwrap() > 0.0);
    assert!(
        edges[0]["snippet"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );

    let long = "a".repeat(1000);
    let reply = h
        .send(
            Call::post_with(SEARCH, &json!({ "q": long }))
                .tenant("haarlem")
                .accept("application/json"),
        )
        .await;
    reply.assert(StatusCode::OK, JSON_UTF8);
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    assert_eq!(reply.first_error()["extensions"]["field"], "search");
}

#[tokio::test]
async fn administrators_change_and_managers_read_the_report() {
    let h = Harness::new().await;
    let admin = h.token("enschede", "admin");
    let upsert = r#"mutation { upsertProduct(input: { code: "klompenles", name: "Klompendansles", kind: INFORMATION, summaryEn: "Clog dancing lessons.", description: "Leer klompendansen in het buurthuis.", cost: "Gratis", delivery: "Elke woensdag", channels: [COUNTER] }) { product { code } } }"#;
    let reply = h.send(Call::post(upsert).bearer(&admin)).await;
    assert_eq!(
        reply.data()["upsertProduct"]["product"]["code"],
        "klompenles",
        "{}",
        reply.text()
    );
    let reply = h
        .send(Call::post_with(SEARCH, &json!({ "q": "klompendansen" })).tenant("enschede"))
        .await;
    assert_eq!(
        reply.data()["products"]["edges"][0]["node"]["code"],
        "klompenles",
        "{}",
        reply.text()
    );

    let today = loket_kernel::calendar::Calendar::today();
    let report = format!(
        r#"{{ searchReport(period: {{ from: "{}", to: "{}" }}) {{ searches topQueries {{ query searches }} }} }}"#,
        today - chrono::Days::new(30),
        today + chrono::Days::new(1)
    );
    let reply = h
        .send(Call::post(&report).bearer(&h.token("enschede", "manager")))
        .await;
    assert_eq!(
        reply.data()["searchReport"]["searches"],
        1,
        "{}",
        reply.text()
    );
    assert_eq!(
        reply.data()["searchReport"]["topQueries"][0]["query"],
        "klompendansen"
    );
    let reply = h
        .send(
            Call::post(&report)
                .bearer(&h.token("enschede", "frontoffice"))
                .accept("application/json"),
        )
        .await;
    assert_eq!(reply.code(), "FORBIDDEN");
}
