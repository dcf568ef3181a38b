//! What reaches whom, through the real binary: the integral view tells a caller only about
//! cases and outcomes it may read itself (not across municipalities, not above its
//! confidentiality ceiling), and every field that shows a person's data writes the processing
//! log, checked by walking the schema rather than a hand-kept list.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use loket_store::testing::TestDb;
use loket_tests::{Loket, run, tenants_dir};
use serde_json::{Value, json};

/// Runs `query` as `token` with the request id `id`; the whole body (HTTP 200 required).
async fn gql_as(loket: &Loket, token: &str, id: &str, query: &str) -> Value {
    let response = loket
        .client()
        .post(format!("{}/graphql", loket.base))
        .bearer_auth(token)
        .header("x-request-id", id)
        .json(&json!({ "query": query }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{query}");
    response.json().await.unwrap()
}

async fn gql(loket: &Loket, token: &str, query: &str) -> Value {
    gql_as(loket, token, &uuid(), query).await
}

fn uuid() -> String {
    format!("{:032x}", rand_id())
}

fn rand_id() -> u128 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    nanos ^ u128::from(std::process::id()) << 64
}

fn data(body: &Value) -> &Value {
    assert!(body.get("errors").is_none(), "unexpected errors: {body}");
    &body["data"]
}

async fn token(url: &str, tenant: &str, role: &str) -> String {
    let dir = tenants_dir();
    let (status, token, err) = run(&[
        "token",
        "--tenant",
        tenant,
        "--role",
        role,
        "--tenants",
        dir.to_str().unwrap(),
        "--database",
        url,
    ])
    .await;
    assert_eq!(status, 0, "{err}");
    token.trim().to_owned()
}

/// Starts a case for `bsn` as the front office `front`, at `address` when given; its id.
async fn start(loket: &Loket, front: &str, bsn: &str, product: &str, address: &str) -> Value {
    let address = if address.is_empty() {
        String::new()
    } else {
        format!(", addressId: \"{address}\"")
    };
    let body = gql(
        loket,
        front,
        &format!(
            "mutation {{ startCase(input: {{ bsn: \"{bsn}\", product: \"{product}\", \
             channel: COUNTER{address} }}) {{ cases {{ id version }} }} }}"
        ),
    )
    .await;
    data(&body)["startCase"]["cases"][0].clone()
}

/// Decides `case` as `back` with `outcome`.
async fn decide(loket: &Loket, back: &str, case: &Value, outcome: &str) {
    let body = gql(
        loket,
        back,
        &format!(
            "mutation {{ decideCase(input: {{ caseId: \"{}\", outcome: \"{outcome}\", \
             explanation: \"Zie het besluit.\", expectedVersion: {} }}) {{ case {{ id }} }} }}",
            case["id"].as_str().unwrap(),
            case["version"]
        ),
    )
    .await;
    data(&body);
}

async fn integral_view(loket: &Loket, token: &str, case: &str) -> Value {
    let body = gql(
        loket,
        token,
        &format!(
            "{{ case(id: \"{case}\") {{ integralView {{ conflict conflictingDepartments \
             cases {{ reference caseType effect }} }} }} }}"
        ),
    )
    .await;
    data(&body)["case"]["integralView"].clone()
}

#[tokio::test]
async fn the_integral_view_says_only_what_the_caller_may_read() {
    let db = TestDb::sqlite_empty().await;
    let url = db.url().to_owned();
    let loket = Loket::start(db).await;
    let citizen = loket.token("citizen").to_owned();
    let front = loket.token("frontoffice").to_owned();
    let back = loket.token("backoffice").to_owned();

    // The demo resident's driveway permit is granted, at an address where nothing else goes
    // on (the demo data has its own decisions at the resident's home).
    let mine = gql(
        &loket,
        &citizen,
        "{ me { person { bsn address { postcode } } } }",
    )
    .await;
    let me = &data(&mine)["me"];
    let resident = me["person"]["bsn"].as_str().unwrap().to_owned();
    let home = loket
        .quiet_address(me["person"]["address"]["postcode"].as_str().unwrap())
        .await;
    let permit = start(&loket, &front, &resident, "uitritvergunning", &home).await;
    decide(&loket, &back, &permit, "granted").await;
    let driveway = permit["id"].as_str().unwrap().to_owned();

    // A housemate's disabled-parking card (confidential: medical) is refused at the same
    // address. Enschede's front office may not read that case type (its ceiling is
    // case-confidential); the back office may.
    let queue = gql(
        &loket,
        &back,
        "{ cases(first: 50) { edges { node { subjectBsn } } } }",
    )
    .await;
    let housemate = data(&queue)["cases"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["node"]["subjectBsn"].as_str())
        .find(|b| *b != resident)
        .unwrap()
        .to_owned();
    let card = start(
        &loket,
        &front,
        &housemate,
        "gehandicaptenparkeerkaart",
        &home,
    )
    .await;
    decide(&loket, &back, &card, "refused").await;

    let seen_by_front = integral_view(&loket, &front, &driveway).await;
    assert_eq!(
        seen_by_front["conflict"], false,
        "the front office learned of a refusal it may not read: {seen_by_front}"
    );
    assert_eq!(seen_by_front["conflictingDepartments"], json!([]));
    assert!(
        !seen_by_front.to_string().contains("disabled-parking-card")
            && !seen_by_front.to_string().contains("Gehandicapten"),
        "{seen_by_front}"
    );
    // The back office, which may read both, is told of the disagreement.
    let seen_by_back = integral_view(&loket, &back, &driveway).await;
    assert_eq!(seen_by_back["conflict"], true, "{seen_by_back}");
    assert!(
        seen_by_back["conflictingDepartments"]
            .as_array()
            .unwrap()
            .len()
            >= 2,
        "{seen_by_back}"
    );

    // Across municipalities: Dordrecht runs the alien-registration desk for Zwijndrecht. A
    // Zwijndrecht resident's permits, decided by Zwijndrecht, are none of the desk's business.
    let desk = token(&url, "dordrecht", "frontoffice").await;
    let desk_back = token(&url, "dordrecht", "backoffice").await;
    let zw_front = token(&url, "zwijndrecht", "frontoffice").await;
    let zw_back = token(&url, "zwijndrecht", "backoffice").await;
    let zw_queue = gql(
        &loket,
        &zw_back,
        "{ cases(first: 50) { edges { node { subjectBsn addressId } } } }",
    )
    .await;
    let zw = data(&zw_queue)["cases"]["edges"][0]["node"].clone();
    let (zw_bsn, zw_home) = (
        zw["subjectBsn"].as_str().unwrap().to_owned(),
        zw["addressId"].as_str().unwrap_or_default().to_owned(),
    );
    let registration = start(&loket, &desk, &zw_bsn, "inschrijving-vreemdeling", &zw_home).await;
    let permit = start(&loket, &zw_front, &zw_bsn, "omgevingsvergunning", &zw_home).await;
    decide(&loket, &zw_back, &permit, "refused").await;
    let outcome = gql(
        &loket,
        &desk_back,
        &format!(
            "{{ case(id: \"{}\") {{ caseType {{ outcomes {{ code effect }} }} }} }}",
            registration["id"].as_str().unwrap()
        ),
    )
    .await;
    let granted = data(&outcome)["case"]["caseType"]["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["effect"] == "POSITIVE")
        .unwrap()["code"]
        .as_str()
        .unwrap()
        .to_owned();
    decide(&loket, &desk_back, &registration, &granted).await;
    let seen_by_desk =
        integral_view(&loket, &desk_back, registration["id"].as_str().unwrap()).await;
    assert_eq!(
        seen_by_desk["conflict"], false,
        "the desk learned of a member's permit decision: {seen_by_desk}"
    );
    assert!(
        !seen_by_desk.to_string().contains("building-permit"),
        "{seen_by_desk}"
    );
}

/// The GraphQL type of a field, unwrapped: its name and whether it is a scalar or enum.
fn field_type(field: &Value) -> (String, bool) {
    let mut ty = &field["type"];
    while ty["name"].is_null() {
        ty = &ty["ofType"];
    }
    let leaf = matches!(ty["kind"].as_str(), Some("SCALAR" | "ENUM"));
    (ty["name"].as_str().unwrap().to_owned(), leaf)
}

/// The fields of `type_name`, from the server's own schema.
async fn fields(loket: &Loket, token: &str, type_name: &str) -> Vec<(String, bool)> {
    let body = gql(
        loket,
        token,
        &format!(
            "{{ __type(name: \"{type_name}\") {{ fields {{ name type {{ kind name ofType {{ \
             kind name ofType {{ kind name ofType {{ kind name }} }} }} }} }} }} }}"
        ),
    )
    .await;
    data(&body)["__type"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let (_, leaf) = field_type(f);
            (f["name"].as_str().unwrap().to_owned(), leaf)
        })
        .collect()
}

/// The entries of the processing log written by request `id`, as Enschede's admin sees them.
async fn logged(loket: &Loket, id: &str) -> Vec<Value> {
    let body = gql(
        loket,
        loket.token("admin"),
        "{ processingLog(first: 100) { edges { node { requestId personBsn operation \
         fieldGroups } } } }",
    )
    .await;
    data(&body)["processingLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .filter(|n| n["requestId"] == id)
        .collect()
}

#[tokio::test]
async fn every_field_of_personal_data_writes_the_processing_log() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let citizen = loket.token("citizen").to_owned();
    let front = loket.token("frontoffice").to_owned();
    let back = loket.token("backoffice").to_owned();
    let bsn =
        data(&gql(&loket, &citizen, "{ me { person { bsn } } }").await)["me"]["person"]["bsn"]
            .as_str()
            .unwrap()
            .to_owned();
    // A contact and a callback about the resident, so that those types have data too.
    let contact = gql(
        &loket,
        &front,
        &format!(
            "mutation {{ registerContact(input: {{ channel: PHONE, subject: \"{bsn}\", \
             topic: \"afval\", question: \"Wanneer komt de container?\", answer: \"Dinsdag\", \
             resolvedFirstContact: false, waitSeconds: 12 }}) {{ contact {{ id }} }} }}"
        ),
    )
    .await;
    let contact_id = data(&contact)["registerContact"]["contact"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let callback = gql(
        &loket,
        &front,
        &format!(
            "mutation {{ requestCallback(input: {{ contactId: \"{contact_id}\", \
             team: \"burgerzaken\", phone: \"053 481 1234\" }}) {{ callback {{ id }} }} }}"
        ),
    )
    .await;
    data(&callback);
    let reference = data(
        &gql(
            &loket,
            &citizen,
            "{ me { cases(first: 1) { edges { node { reference } } } } }",
        )
        .await,
    )["me"]["cases"]["edges"][0]["node"]["reference"]
        .as_str()
        .unwrap()
        .to_owned();

    // Per type: who reads it, the query that reaches one of it, and the fields that show no
    // person's data (an opaque id, the caller's own permissions, a queue's dates).
    let walks: [(&str, &str, String, &[&str]); 4] = [
        (
            "Person",
            back.as_str(),
            format!("{{ person(bsn: \"{bsn}\") {{ FIELD }} }}"),
            &[],
        ),
        (
            "Case",
            back.as_str(),
            format!("{{ case(reference: \"{reference}\") {{ FIELD }} }}"),
            &["id", "permissions", "integralView"],
        ),
        (
            "ContactMoment",
            front.as_str(),
            format!(
                "{{ contactMoments(subject: \"{bsn}\", first: 1) {{ edges {{ node {{ FIELD }} }} }} }}"
            ),
            &["id"],
        ),
        (
            "Callback",
            back.as_str(),
            "{ callbacks(first: 1) { edges { node { FIELD } } } }".to_owned(),
            &[
                "id",
                "contactId",
                "team",
                "requestedAt",
                "deadline",
                "completedAt",
                "inTime",
                "version",
                "overdue",
            ],
        ),
    ];
    let mut checked = 0;
    for (type_name, token, query, not_personal) in walks {
        for (field, leaf) in fields(&loket, token, type_name).await {
            if not_personal.contains(&field.as_str()) {
                continue;
            }
            let selection = if leaf {
                field.clone()
            } else {
                format!("{field} {{ __typename }}")
            };
            let id = uuid();
            let body = gql_as(&loket, token, &id, &query.replace("FIELD", &selection)).await;
            assert!(
                body.get("errors").is_none(),
                "{type_name}.{field} could not be read: {body}"
            );
            let entries = logged(&loket, &id).await;
            assert!(
                entries.iter().any(|e| e["personBsn"] == bsn.as_str()
                    && !e["fieldGroups"].as_array().unwrap().is_empty()),
                "reading {type_name}.{field} wrote no processing-log entry: {entries:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} fields walked");
}
