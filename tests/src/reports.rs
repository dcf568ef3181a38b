//! Reports about public space for end-to-end tests: filing through GraphQL as a resident's
//! browser does, ending one as the back office does, at places inside the demo municipality
//! (Enschede), and form-encoding for Open311 calls.

use serde_json::{Value, json};

use crate::Loket;

/// A place in Enschede, inside the box around its demo addresses.
pub const ENSCHEDE: (f64, f64) = (52.2215, 6.8937);

/// The `n`-th of a row of places about 110 m apart, starting at [`ENSCHEDE`]: each lies in
/// a cell of its own on the public map.
pub fn place(n: u32) -> (f64, f64) {
    (ENSCHEDE.0 + f64::from(n) * 0.001, ENSCHEDE.1)
}

/// Runs `query` with `variables` as `token` (anonymous callers name Enschede); the data,
/// failing on any error.
pub async fn gql(loket: &Loket, token: Option<&str>, query: &str, variables: Value) -> Value {
    let tenant = token.is_none().then_some("enschede");
    let (status, body) = loket.graphql_with(token, tenant, query, variables).await;
    assert_eq!(status, 200, "{query}: {body}");
    assert!(body.get("errors").is_none(), "{query}: {body}");
    body["data"].clone()
}

/// Files a report anonymously in `tenant` through `fileReport`; returns its reference.
pub async fn file_report(
    loket: &Loket,
    tenant: &str,
    category: &str,
    (lat, lon): (f64, f64),
    description: &str,
) -> String {
    let query = format!(
        "mutation {{ fileReport(input: {{ category: {category}, location: {{ lat: {lat}, lon: {lon} }}, \
         description: {description}, reporter: {{ email: \"melder@example.org\" }} }}) \
         {{ report {{ reference }} }} }}",
        category = json!(category),
        description = json!(description),
    );
    let (status, body) = loket.graphql(None, Some(tenant), &query).await;
    assert_eq!(status, 200, "{body}");
    body["data"]["fileReport"]["report"]["reference"]
        .as_str()
        .unwrap_or_else(|| panic!("no report filed: {body}"))
        .to_owned()
}

/// Ends the report `reference` of the demo tenant as the back office does: solved
/// (`opgelost`).
pub async fn close_report(loket: &Loket, reference: &str) {
    let staff = loket.token("backoffice");
    let query = format!(
        "{{ case(reference: {}) {{ id version }} }}",
        json!(reference)
    );
    let (status, body) = loket.graphql(Some(staff), None, &query).await;
    assert_eq!(status, 200, "{body}");
    let case = &body["data"]["case"];
    let decide = format!(
        "mutation {{ decideCase(input: {{ caseId: {}, outcome: \"opgelost\", \
         explanation: \"Opgeruimd.\", expectedVersion: {} }}) {{ case {{ closedAt }} }} }}",
        case["id"], case["version"]
    );
    let (status, body) = loket.graphql(Some(staff), None, &decide).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body["data"]["decideCase"]["case"]["closedAt"].is_string(),
        "not closed: {body}"
    );
}

/// `pairs` form-encoded, for a query string or a form body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
