//! Persons over GraphQL: a refused field group is `null` with `FORBIDDEN` at its path, a bad
//! BSN names its field, and the read lands in the processing log.

use chrono::NaiveDate;
use loket_registry::seed::{model::*, write_batch};

use crate::support::{Call, Harness};

pub(crate) const ANNA: &str = "999993653";

pub(crate) async fn with_anna() -> Harness {
    let h = Harness::new().await;
    let batch = SeedBatch {
        addresses: vec![SeedAddress {
            id: "0153200000000001".into(),
            street: "Kerkstraat".into(),
            house_number: 1,
            letter: String::new(),
            addition: String::new(),
            postcode: "7511AB".into(),
            city: "Enschede".into(),
            municipality_code: "0153".into(),
            lat: 52.2215,
            lon: 6.8937,
        }],
        persons: vec![SeedPerson {
            bsn: ANNA.into(),
            given_names: "Anna Maria".into(),
            surname_prefix: Some("van der".into()),
            surname: "Berg".into(),
            birth_date: NaiveDate::from_ymd_opt(1980, 5, 17).unwrap(),
            birth_place: "Enschede".into(),
            address_id: "0153200000000001".into(),
            municipality_code: "0153".into(),
            nationality: "NL".into(),
        }],
        documents: vec![SeedDocument {
            bsn: ANNA.into(),
            kind: "passport".into(),
            number: "NW8K2L3P1".into(),
            expires_on: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        }],
        ..SeedBatch::default()
    };
    write_batch(&h.gateway.db, &batch).await.unwrap();
    h
}

#[tokio::test]
async fn a_refused_field_group_is_null_with_forbidden_at_its_path() {
    let h = with_anna().await;
    let query = format!(
        "{{ person(bsn: \"{ANNA}\") {{ bsn name {{ fullName }} address {{ postcode }} travelDocuments {{ number }} }} }}"
    );
    let reply = h
        .send(Call::post(&query).bearer(&h.token("enschede", "frontoffice")))
        .await;
    let body = reply.json();
    assert_eq!(
        body["data"]["person"]["name"]["fullName"],
        "Anna Maria van der Berg"
    );
    assert_eq!(body["data"]["person"]["address"]["postcode"], "7511AB");
    assert!(
        body["data"]["person"]["travelDocuments"].is_null(),
        "{body}"
    );
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "FORBIDDEN");
    assert_eq!(
        error["path"],
        serde_json::json!(["person", "travelDocuments"])
    );
    assert_eq!(body["errors"].as_array().unwrap().len(), 1);

    // Haarlem's front office cannot find her at all.
    let reply = h
        .send(Call::post(&query).bearer(&h.token("haarlem", "frontoffice")))
        .await;
    assert_eq!(reply.code(), "NOT_FOUND");
}

#[tokio::test]
async fn a_bad_bsn_names_the_field_and_reads_are_logged() {
    let h = with_anna().await;
    let reply = h
        .send(
            Call::post("{ person(bsn: \"123456789\") { bsn } }")
                .bearer(&h.token("enschede", "frontoffice")),
        )
        .await;
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    assert_eq!(reply.json()["errors"][0]["extensions"]["field"], "bsn");

    let reply = h
        .send(
            Call::post("{ me { person { name { surname } travelDocuments { number } } } }")
                .bearer(&h.citizen_token("enschede")),
        )
        .await;
    let body = reply.json();
    assert_eq!(
        body["data"]["me"]["person"]["name"]["surname"], "Berg",
        "{body}"
    );
    assert_eq!(
        body["data"]["me"]["person"]["travelDocuments"][0]["number"],
        "NW8K2L3P1"
    );

    let reply = h
        .send(
            Call::post("{ processingLog(filter: { bsn: \"999993653\" }) { edges { node { operation purpose fieldGroups actorKind traceId } } } }")
                .bearer(&h.token("enschede", "admin")),
        )
        .await;
    let body = reply.json();
    let edges = body["data"]["processingLog"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 1, "one entry for the one person read: {body}");
    let node = &edges[0]["node"];
    assert_eq!(node["actorKind"], "citizen");
    assert_eq!(
        node["fieldGroups"],
        serde_json::json!(["person/documents", "person/name"])
    );
    assert_eq!(node["traceId"].as_str().unwrap().len(), 32);
}

#[tokio::test]
async fn a_search_loads_the_groups_asked_for_under_nodes_as_under_edges() {
    let h = with_anna().await;
    let token = h.token("enschede", "frontoffice");
    for items in [
        "nodes { bsn name { surname } birth { date } }",
        "edges { node { bsn name { surname } birth { date } } }",
    ] {
        let query =
            format!("{{ searchPersons(postcode: \"7511AB\", houseNumber: 1) {{ {items} }} }}");
        let body = h.send(Call::post(&query).bearer(&token)).await.json();
        assert!(body["errors"].is_null(), "{body}");
        let found = &body["data"]["searchPersons"];
        let person = if found["nodes"].is_array() {
            &found["nodes"][0]
        } else {
            &found["edges"][0]["node"]
        };
        assert_eq!(person["bsn"], ANNA, "{body}");
        assert_eq!(person["name"]["surname"], "Berg", "{body}");
        assert_eq!(person["birth"]["date"], "1980-05-17", "{body}");
    }
}
