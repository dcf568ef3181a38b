//! One resident's one-stop request through the real binary over HTTP: a building permit and a
//! driveway permit asked for at once, worked and decided by the back office, with what the
//! citizen, the front office and the back office each see at every step; and Haarlem's front
//! office, which sees where a case stands but not what was decided.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly"
)]

use loket_store::testing::TestDb;
use loket_tests::{Loket, run, tenants_dir};
use serde_json::Value;

/// Runs `query` as `token`; returns the whole response body.
async fn gql(loket: &Loket, token: &str, query: &str) -> Value {
    let (status, body) = loket.graphql(Some(token), None, query).await;
    assert_eq!(status, 200, "{query}: {body}");
    body
}

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("")
}

/// The case with `reference` in a list of edges.
fn case<'a>(list: &'a Value, reference: &str) -> &'a Value {
    list["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .find(|n| n["reference"] == reference)
        .unwrap_or_else(|| panic!("{reference} in {list}"))
}

const CITIZEN_VIEW: &str = "{ me { cases(first: 50) { totalCount edges { node { reference status { name daysInStep } timeline { name at explanation } expectedCompletion decision { name explanation } } } } } }";

const REMARK: &str = "Buurman belde over de erfgrens";

async fn citizen_sees(loket: &Loket, references: &[String]) -> Value {
    let body = gql(loket, loket.token("citizen"), CITIZEN_VIEW).await;
    assert!(body.get("errors").is_none(), "{body}");
    let text = body.to_string();
    assert!(
        !text.contains(REMARK),
        "no internal remark for the citizen: {text}"
    );
    let cases = &body["data"]["me"]["cases"];
    for reference in references {
        let c = case(cases, reference);
        assert!(c["status"]["name"].is_string());
        assert!(!c["timeline"].as_array().unwrap().is_empty());
        assert!(c["expectedCompletion"].is_string());
    }
    cases.clone()
}

async fn front_office_sees(loket: &Loket, bsn: &str) -> Value {
    let body = gql(
        loket,
        loket.token("frontoffice"),
        &format!("{{ cases(filter: {{ subject: \"{bsn}\", includeClosed: true }}) {{ totalCount edges {{ node {{ reference version status {{ name }} decision {{ name }} }} }} }} }}"),
    )
    .await;
    assert!(body.get("errors").is_none(), "{body}");
    body["data"]["cases"].clone()
}

async fn change(loket: &Loket, mutation: &str, input: &str, payload: &str) -> Value {
    gql(
        loket,
        loket.token("backoffice"),
        &format!("mutation {{ {mutation}(input: {{ {input} }}) {{ case {{ {payload} }} }} }}"),
    )
    .await
}

#[tokio::test]
async fn a_one_stop_request_from_submission_to_both_decisions() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let citizen = loket.token("citizen").to_owned();
    let submit = "mutation { submitRequest(input: { products: [\"omgevingsvergunning\", \"uitritvergunning\"], idempotencyKey: \"aanbouw-2026\", description: \"Aanbouw met uitrit\" }) { replayed bundleId cases { id reference subjectBsn caseType { code } status { name } deadline version } } }";

    // Submission: two cases in one bundle.
    let body = gql(&loket, &citizen, submit).await;
    let made = &body["data"]["submitRequest"];
    assert_eq!(made["replayed"], false, "{body}");
    let cases = made["cases"].as_array().unwrap().clone();
    assert_eq!(cases.len(), 2);
    let references: Vec<String> = cases
        .iter()
        .map(|c| c["reference"].as_str().unwrap().to_owned())
        .collect();
    for c in &cases {
        assert!(c["reference"].as_str().unwrap().starts_with("ENS-"), "{c}");
        assert_eq!(c["status"]["name"], "Ontvangen");
        assert_eq!(c["version"], 1);
        assert!(c["deadline"].is_string());
    }
    let building = cases
        .iter()
        .find(|c| c["caseType"]["code"] == "building-permit")
        .unwrap();
    let driveway = cases
        .iter()
        .find(|c| c["caseType"]["code"] == "driveway-permit")
        .unwrap();
    let (building_id, driveway_id) = (
        building["id"].as_str().unwrap(),
        driveway["id"].as_str().unwrap(),
    );
    let bsn = building["subjectBsn"].as_str().unwrap().to_owned();

    // A retry with the same key returns the same bundle.
    let again = gql(&loket, &citizen, submit).await;
    assert_eq!(again["data"]["submitRequest"]["replayed"], true);
    assert_eq!(again["data"]["submitRequest"]["bundleId"], made["bundleId"]);

    // Each role's view right after submission.
    citizen_sees(&loket, &references).await;
    let front = front_office_sees(&loket, &bsn).await;
    assert_eq!(case(&front, &references[0])["status"]["name"], "Ontvangen");
    let queue = gql(&loket, loket.token("backoffice"), "{ cases(first: 100) { totalCount edges { node { reference permissions { update decide } } } } }").await;
    let queued = case(&queue["data"]["cases"], &references[0]);
    assert_eq!(queued["permissions"]["decide"], true);
    let notes = gql(
        &loket,
        &citizen,
        "{ me { cases { edges { node { notes { text } } } } } }",
    )
    .await;
    assert_eq!(code(&notes), "FORBIDDEN");

    // The back office works the building permit.
    let v = change(
        &loket,
        "assignCase",
        &format!("caseId: \"{building_id}\", handler: \"j.devries\", expectedVersion: 1"),
        "version handler",
    )
    .await;
    assert_eq!(
        v["data"]["assignCase"]["case"]["handler"], "j.devries",
        "{v}"
    );
    let v = change(
        &loket,
        "setCaseStatus",
        &format!("caseId: \"{building_id}\", status: \"in-review\", expectedVersion: 2, internalRemark: \"{REMARK}\", publicExplanation: \"We kijken naar uw tekeningen.\""),
        "version status { name }",
    )
    .await;
    assert_eq!(v["data"]["setCaseStatus"]["case"]["version"], 3, "{v}");
    let stale = change(
        &loket,
        "setCaseStatus",
        &format!("caseId: \"{building_id}\", status: \"advice-requested\", expectedVersion: 2"),
        "version",
    )
    .await;
    assert_eq!(code(&stale), "CONFLICT", "{stale}");
    let refused = change(
        &loket,
        "setCaseStatus",
        &format!("caseId: \"{building_id}\", status: \"received\", expectedVersion: 3"),
        "version",
    )
    .await;
    assert_eq!(code(&refused), "BAD_USER_INPUT");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "status");
    let noted = change(
        &loket,
        "addCaseNote",
        &format!("caseId: \"{building_id}\", text: \"{REMARK}\""),
        "notes { text }",
    )
    .await;
    assert_eq!(
        noted["data"]["addCaseNote"]["case"]["notes"][0]["text"],
        REMARK
    );
    let before = building["deadline"].as_str().unwrap().to_owned();
    let extended = change(
        &loket,
        "extendCase",
        &format!(
            "caseId: \"{building_id}\", days: 14, reason: \"Advies welstand\", expectedVersion: 3"
        ),
        "version deadline extendedDays",
    )
    .await;
    let extended = &extended["data"]["extendCase"]["case"];
    assert_eq!(extended["extendedDays"], 14);
    let moved =
        chrono::NaiveDate::parse_from_str(extended["deadline"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap()
            - chrono::NaiveDate::parse_from_str(&before, "%Y-%m-%d").unwrap();
    assert_eq!(moved.num_days(), 14);

    // While in review: the citizen sees the public explanation, not the remark.
    let mine = citizen_sees(&loket, &references).await;
    let timeline = case(&mine, &references[0])["timeline"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(timeline.last().unwrap()["name"], "In behandeling");
    assert_eq!(
        timeline.last().unwrap()["explanation"],
        "We kijken naar uw tekeningen."
    );
    let front = front_office_sees(&loket, &bsn).await;
    assert_eq!(
        case(&front, &references[0])["status"]["name"],
        "In behandeling"
    );

    // The front office cannot decide; nothing changes.
    let attempt = gql(
        &loket,
        loket.token("frontoffice"),
        &format!("mutation {{ decideCase(input: {{ caseId: \"{building_id}\", outcome: \"granted\", explanation: \"x\", expectedVersion: 4 }}) {{ case {{ version }} }} }}"),
    )
    .await;
    assert_eq!(code(&attempt), "FORBIDDEN", "{attempt}");
    assert_eq!(
        case(&front_office_sees(&loket, &bsn).await, &references[0])["version"],
        4
    );

    // Both decisions: the building permit refused, the driveway granted.
    let d = change(&loket, "decideCase", &format!("caseId: \"{building_id}\", outcome: \"refused\", explanation: \"Past niet in het omgevingsplan.\", expectedVersion: 4"), "status { name } decision { name effect }").await;
    assert_eq!(
        d["data"]["decideCase"]["case"]["decision"]["effect"], "NEGATIVE",
        "{d}"
    );
    let d = change(&loket, "decideCase", &format!("caseId: \"{driveway_id}\", outcome: \"granted\", explanation: \"De uitrit is veilig.\", expectedVersion: 1"), "status { name }").await;
    assert_eq!(
        d["data"]["decideCase"]["case"]["status"]["name"], "Besluit genomen",
        "{d}"
    );

    // The back office sees the disagreement at the address.
    let view = gql(&loket, loket.token("backoffice"), &format!("{{ case(id: \"{building_id}\") {{ integralView {{ conflict conflictingDepartments cases {{ reference }} }} }} }}")).await;
    let view = &view["data"]["case"]["integralView"];
    assert_eq!(view["conflict"], true, "{view}");
    assert!(
        view["cases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["reference"] == references[1].as_str())
    );

    // Final state: the citizen sees both decisions; Enschede's front office sees outcomes.
    let mine = citizen_sees(&loket, &references).await;
    for (reference, outcome) in [(&references[0], "Geweigerd"), (&references[1], "Verleend")] {
        let c = case(&mine, reference);
        assert_eq!(c["decision"]["name"], outcome, "{c}");
        assert_eq!(
            c["timeline"].as_array().unwrap().last().unwrap()["name"],
            "Besluit genomen"
        );
    }
    let front = front_office_sees(&loket, &bsn).await;
    assert_eq!(
        case(&front, &references[0])["decision"]["name"],
        "Geweigerd"
    );
}

#[tokio::test]
async fn haarlems_front_office_sees_status_but_not_the_decision() {
    let db = TestDb::sqlite_empty().await;
    let url = db.url().to_owned();
    let loket = Loket::start(db).await;
    let token = |role: &'static str| {
        let url = url.clone();
        async move {
            let dir = tenants_dir();
            let (status, token, err) = run(&[
                "token",
                "--tenant",
                "haarlem",
                "--role",
                role,
                "--tenants",
                dir.to_str().unwrap(),
                "--database",
                &url,
            ])
            .await;
            assert_eq!(status, 0, "{err}");
            token.trim().to_owned()
        }
    };
    let (citizen, front, back) = (
        token("citizen").await,
        token("frontoffice").await,
        token("backoffice").await,
    );
    let made = gql(&loket, &citizen, "mutation { submitRequest(input: { products: [\"uitritvergunning\"] }) { cases { id reference subjectBsn } } }").await;
    let made = &made["data"]["submitRequest"]["cases"][0];
    let (id, bsn) = (
        made["id"].as_str().unwrap(),
        made["subjectBsn"].as_str().unwrap(),
    );
    let decided = gql(&loket, &back, &format!("mutation {{ decideCase(input: {{ caseId: \"{id}\", outcome: \"granted\", explanation: \"Akkoord.\", expectedVersion: 1 }}) {{ case {{ decision {{ name }} }} }} }}")).await;
    assert_eq!(
        decided["data"]["decideCase"]["case"]["decision"]["name"], "Verleend",
        "{decided}"
    );

    let seen = gql(&loket, &front, &format!("{{ cases(filter: {{ subject: \"{bsn}\", includeClosed: true }}) {{ edges {{ node {{ reference status {{ name }} decision {{ name }} }} }} }} }}")).await;
    let node = case(&seen["data"]["cases"], made["reference"].as_str().unwrap());
    assert_eq!(node["status"]["name"], "Besluit genomen", "{seen}");
    assert!(node["decision"].is_null());
    assert_eq!(code(&seen), "FORBIDDEN");
    assert_eq!(seen["errors"][0]["path"][4], "decision", "{seen}");
}
