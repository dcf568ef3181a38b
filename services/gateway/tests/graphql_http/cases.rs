//! Cases through GraphQL: a request and its cases, refetching a case by global id, the case
//! types, input errors that name their field, version conflicts, and the processing log of
//! a front-office read.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::{
    registry::{ANNA, with_anna},
    support::{Call, Harness, JSON_UTF8},
};

const SUBMIT: &str = "mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { replayed cases { id reference version caseType { code } status { name } } } }";

async fn submit(h: &Harness, products: &[&str]) -> Value {
    let reply = h
        .send(
            Call::post_with(SUBMIT, &json!({ "input": { "products": products } }))
                .bearer(&h.citizen_token("enschede")),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.data()["submitRequest"].clone()
}

#[tokio::test]
async fn a_request_makes_cases_that_node_refetches() {
    let h = with_anna().await;
    let made = submit(&h, &["omgevingsvergunning", "uitritvergunning"]).await;
    let cases = made["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0]["status"]["name"], "Ontvangen");
    let id = cases[0]["id"].as_str().unwrap();

    let node =
        "query($id: ID!) { node(id: $id) { id ... on Case { reference caseType { code } } } }";
    let back = h.token("enschede", "backoffice");
    let reply = h
        .send(Call::post_with(node, &json!({ "id": id })).bearer(&back))
        .await;
    assert_eq!(
        reply.data()["node"],
        json!({ "id": id, "reference": cases[0]["reference"], "caseType": { "code": "building-permit" } })
    );
    // Another municipality's staff cannot refetch it.
    let reply = h
        .send(
            Call::post_with(node, &json!({ "id": id }))
                .bearer(&h.token("haarlem", "backoffice"))
                .accept("application/json"),
        )
        .await;
    reply.assert(StatusCode::OK, JSON_UTF8);
    assert_eq!(reply.code(), "NOT_FOUND");
}

#[tokio::test]
async fn case_types_describe_what_a_resident_can_ask_for() {
    let h = Harness::new().await;
    let reply = h
        .send(
            Call::post("{ caseTypes { code products handlingDays onlineLevelOfAssurance handledBy statuses { code end } } }")
                .bearer(&h.token("zwijndrecht", "frontoffice")),
        )
        .await;
    let types = reply.data()["caseTypes"].as_array().unwrap().clone();
    let find = |code: &str| types.iter().find(|t| t["code"] == code).unwrap().clone();
    assert_eq!(find("alien-registration")["handledBy"], "dordrecht");
    assert_eq!(
        find("travel-document")["onlineLevelOfAssurance"],
        Value::Null
    );
    assert_eq!(find("building-permit")["handlingDays"], 56);
    assert_eq!(
        find("building-permit")["statuses"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["end"],
        true
    );
}

#[tokio::test]
async fn bad_input_names_its_field_and_stale_versions_conflict() {
    let h = with_anna().await;
    let citizen = h.citizen_token("enschede");
    for (input, field) in [
        (json!({ "products": [] }), "products"),
        (json!({ "products": ["paspoort"] }), "products"),
        (
            json!({ "products": ["verhuizing"], "idempotencyKey": "" }),
            "idempotencyKey",
        ),
        (
            json!({ "products": ["verhuizing"], "addressId": "0000000000000000" }),
            "addressId",
        ),
    ] {
        let reply = h
            .send(
                Call::post_with(SUBMIT, &json!({ "input": input }))
                    .bearer(&citizen)
                    .accept("application/json"),
            )
            .await;
        assert_eq!(reply.code(), "BAD_USER_INPUT", "{}", reply.text());
        assert_eq!(
            reply.first_error()["extensions"]["field"],
            field,
            "{}",
            reply.text()
        );
    }

    let made = submit(&h, &["verhuizing"]).await;
    let id = made["cases"][0]["id"].as_str().unwrap();
    let set = "mutation($input: SetCaseStatusInput!) { setCaseStatus(input: $input) { case { version status { code } } } }";
    let back = h.token("enschede", "backoffice");
    let input = json!({ "input": { "caseId": id, "status": "checking", "expectedVersion": 1 } });
    let reply = h.send(Call::post_with(set, &input).bearer(&back)).await;
    assert_eq!(
        reply.data()["setCaseStatus"]["case"],
        json!({ "version": 2, "status": { "code": "checking" } })
    );
    let reply = h
        .send(
            Call::post_with(set, &input)
                .bearer(&back)
                .accept("application/json"),
        )
        .await;
    assert_eq!(reply.code(), "CONFLICT", "{}", reply.text());
    let garbage =
        json!({ "input": { "caseId": "nonsense", "status": "checking", "expectedVersion": 2 } });
    let reply = h
        .send(
            Call::post_with(set, &garbage)
                .bearer(&back)
                .accept("application/json"),
        )
        .await;
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    assert_eq!(reply.first_error()["extensions"]["field"], "caseId");
}

#[tokio::test]
async fn a_front_office_read_of_a_residents_cases_is_logged() {
    let h = with_anna().await;
    submit(&h, &["omgevingsvergunning"]).await;
    let query = format!(
        "{{ cases(filter: {{ subject: \"{ANNA}\" }}) {{ totalCount edges {{ node {{ reference status {{ name }} }} }} }} }}"
    );
    let reply = h
        .send(Call::post(&query).bearer(&h.token("enschede", "frontoffice")))
        .await;
    assert_eq!(reply.data()["cases"]["totalCount"], 1, "{}", reply.text());
    let log = format!(
        "{{ processingLog(filter: {{ bsn: \"{ANNA}\", operation: \"cases\" }}) {{ edges {{ node {{ actorKind fieldGroups purpose }} }} }} }}"
    );
    let reply = h
        .send(Call::post(&log).bearer(&h.token("enschede", "admin")))
        .await;
    let edges = reply.data()["processingLog"]["edges"].clone();
    assert_eq!(edges.as_array().map(Vec::len), Some(1), "{}", reply.text());
    assert_eq!(edges[0]["node"]["actorKind"], "employee");
    assert_eq!(
        edges[0]["node"]["fieldGroups"],
        json!(["case", "case/status"]),
        "only what the query selected is logged, not what the caller may see"
    );
}

#[tokio::test]
async fn serve_makes_demo_cases_for_every_role_to_look_at() {
    let h = Harness::with_demo_residents(20).await;
    let tenants = &h.gateway.tenants;
    let code = tenants
        .get(&loket_kernel::TenantId::new("enschede").unwrap())
        .unwrap()
        .municipality_code
        .as_str()
        .to_owned();
    let resident = h
        .gateway
        .registry
        .demo_resident(&code)
        .await
        .unwrap()
        .unwrap();
    let citizen = h.signed_for("enschede", "citizen", Some(resident.as_str()));
    let reply = h
        .send(Call::post("{ me { cases { totalCount edges { node { caseType { code } decision { name } } } } } }").bearer(&citizen))
        .await;
    let mine = reply.data()["me"]["cases"].clone();
    assert_eq!(mine["totalCount"], 2, "{}", reply.text());
    let queue = h
        .send(Call::post("{ cases { totalCount } }").bearer(&h.token("enschede", "backoffice")))
        .await;
    assert!(
        queue.data()["cases"]["totalCount"].as_u64().unwrap() >= 3,
        "{}",
        queue.text()
    );
    // Dordrecht's desk has work from its members.
    let desk = h
        .send(
            Call::post("{ cases(filter: { caseTypes: [\"alien-registration\"] }) { edges { node { ownerTenant handlingTenant } } } }")
                .bearer(&h.token("dordrecht", "backoffice")),
        )
        .await;
    let owners: Vec<Value> = desk.data()["cases"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["ownerTenant"].clone())
        .collect();
    assert!(owners.contains(&json!("zwijndrecht")), "{}", desk.text());
    assert!(owners.contains(&json!("papendrecht")), "{}", desk.text());
}

#[tokio::test]
async fn case_types_tell_the_way_ahead_and_what_is_published() {
    let h = Harness::new().await;
    let data = h
        .send(
            Call::post("{ caseTypes { code publicNotice statuses { code next } } }")
                .tenant("enschede"),
        )
        .await
        .data();
    let types = data["caseTypes"].as_array().unwrap();
    let permit = types
        .iter()
        .find(|t| t["code"] == "building-permit")
        .unwrap();
    assert_eq!(permit["publicNotice"], true);
    let next = |code: &str| {
        permit["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == code)
            .unwrap()["next"]
            .clone()
    };
    assert_eq!(
        next("in-review"),
        serde_json::json!(["awaiting-information", "advice-requested"])
    );
    assert_eq!(
        next("awaiting-information"),
        serde_json::json!(["in-review"])
    );
    assert_eq!(next("decided"), serde_json::json!([]));
    let parking = types
        .iter()
        .find(|t| t["code"] == "disabled-parking-card")
        .unwrap();
    assert_eq!(parking["publicNotice"], false);
}

#[tokio::test]
async fn the_timeline_is_loaded_under_nodes_as_under_edges() {
    let h = with_anna().await;
    submit(&h, &["omgevingsvergunning"]).await;
    let token = h.token("enschede", "backoffice");
    for items in [
        "nodes { timeline { code } }",
        "edges { node { timeline { code } } }",
    ] {
        let query = format!("{{ residentView(bsn: \"{ANNA}\") {{ cases {{ {items} }} }} }}");
        let reply = h.send(Call::post(&query).bearer(&token)).await;
        let cases = &reply.data()["residentView"]["cases"];
        let case = if cases["nodes"].is_array() {
            &cases["nodes"][0]
        } else {
            &cases["edges"][0]["node"]
        };
        assert_eq!(case["timeline"][0]["code"], "received", "{}", reply.text());
    }
}
