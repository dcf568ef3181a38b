//! The `caseUpdated` subscription over WebSocket against the real binary, on SQLite and
//! PostgreSQL: a resident follows their own cases and nobody else's (and never learns of an
//! internal note); staff follow what their policy lets them read, and a department or
//! municipality that may not read a case hears nothing of it; a change made through one
//! replica reaches a subscriber of another (PostgreSQL); anonymous subscribers are refused.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::time::Duration;

use loket_store::testing::TestDb;
use loket_tests::{
    Loket, run, tenants_dir,
    ws::{Replica, Socket},
};
use serde_json::Value;

/// How long an expected update may take.
const WAIT: Duration = Duration::from_secs(10);
/// How long to listen for an update that must not come: several poll intervals.
const QUIET: Duration = Duration::from_millis(1500);
const NOTE: &str = "Buurman belde over de uitrit";

const RESIDENT_VIEW: &str = "subscription { caseUpdated { kind at case { id reference \
    subjectBsn status { code } notes { text } } } }";
const STAFF_VIEW: &str =
    "subscription { caseUpdated { kind case { id ownerTenant status { code } } } }";

/// Both engines, empty: the binary migrates and seeds them itself.
async fn engines() -> Vec<TestDb> {
    let mut all = vec![TestDb::sqlite_empty().await];
    all.extend(TestDb::postgres_empty().await);
    all
}

/// `loket serve` with a few demo residents (enough for demo cases) per municipality.
async fn start(db: TestDb) -> Loket {
    Loket::start_with(db, &tenants_dir(), &[("LOKET_DEMO_RESIDENTS", "20")]).await
}

/// A token from `loket token`; `database` finds a demo resident for a citizen without `bsn`.
async fn token(tenant: &str, role: &str, bsn: Option<&str>, database: Option<&str>) -> String {
    let dir = tenants_dir();
    let mut args = vec!["token", "--tenant", tenant, "--role", role];
    args.extend(["--tenants", dir.to_str().unwrap()]);
    args.extend(bsn.iter().flat_map(|b| ["--bsn", *b]));
    args.extend(database.iter().flat_map(|d| ["--database", *d]));
    let (status, out, err) = run(&args).await;
    assert_eq!(status, 0, "{err}");
    out.trim().to_owned()
}

/// The `data` of a query over HTTP that must succeed without errors.
async fn gql(base: &str, token: &str, query: &str) -> Value {
    let response = reqwest::Client::new()
        .post(format!("{base}/graphql"))
        .bearer_auth(token)
        .json(&serde_json::json!({ "query": query }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body: Value = response.json().await.unwrap();
    assert!(body.get("errors").is_none(), "{query}: {body}");
    body["data"].clone()
}

/// A driveway permit asked for by `citizen`; its global id and the resident's BSN.
async fn submit(base: &str, citizen: &str) -> (String, String) {
    let data = gql(
        base,
        citizen,
        "mutation { submitRequest(input: { products: [\"uitritvergunning\"] }) \
         { cases { id subjectBsn } } }",
    )
    .await;
    let case = &data["submitRequest"]["cases"][0];
    (
        case["id"].as_str().unwrap().to_owned(),
        case["subjectBsn"].as_str().unwrap().to_owned(),
    )
}

async fn set_status(base: &str, staff: &str, case: &str, status: &str, version: i32) {
    let data = gql(
        base,
        staff,
        &format!(
            "mutation {{ setCaseStatus(input: {{ caseId: \"{case}\", status: \"{status}\", \
             expectedVersion: {version} }}) {{ case {{ version }} }} }}"
        ),
    )
    .await;
    assert_eq!(data["setCaseStatus"]["case"]["version"], version + 1);
}

async fn add_note(base: &str, staff: &str, case: &str) {
    gql(
        base,
        staff,
        &format!("mutation {{ addCaseNote(input: {{ caseId: \"{case}\", text: \"{NOTE}\" }}) {{ case {{ id }} }} }}"),
    )
    .await;
}

/// The BSN of a resident other than `not` with a case in the back office's queue.
async fn other_resident(base: &str, staff: &str, not: &str) -> String {
    let data = gql(
        base,
        staff,
        "{ cases(first: 100) { edges { node { subjectBsn } } } }",
    )
    .await;
    data["cases"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["node"]["subjectBsn"].as_str())
        .find(|bsn| *bsn != not)
        .expect("another resident with a case")
        .to_owned()
}

/// The update in `payload`: (kind, case id, status code).
fn update(payload: &Value) -> (&str, &str, &str) {
    let update = &payload["data"]["caseUpdated"];
    (
        update["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("{payload}")),
        update["case"]["id"].as_str().unwrap(),
        update["case"]["status"]["code"].as_str().unwrap(),
    )
}

async fn expect(socket: &mut Socket, id: &str) -> Value {
    socket
        .next_of(id, WAIT)
        .await
        .unwrap_or_else(|| panic!("an update on {id} within {WAIT:?}"))
}

async fn quiet(socket: &mut Socket, who: &str) {
    if let Some(message) = socket.next_within(QUIET).await {
        panic!("{who} must hear nothing, got {message}");
    }
}

#[tokio::test]
async fn a_resident_follows_their_own_cases_and_nobody_elses() {
    for db in engines().await {
        let loket = start(db).await;
        let (citizen, back) = (loket.token("citizen"), loket.token("backoffice"));
        let mut socket = Socket::open(&loket.base, Some(citizen), None).await;
        socket.subscribe("mine", RESIDENT_VIEW).await;

        let (case, bsn) = submit(&loket.base, citizen).await;
        let created = expect(&mut socket, "mine").await;
        assert_eq!(update(&created), ("CREATED", case.as_str(), "received"));
        assert_eq!(created["data"]["caseUpdated"]["case"]["subjectBsn"], bsn);
        assert!(created["data"]["caseUpdated"]["at"].is_string());
        // Field policy as in queries: internal notes are refused at their path.
        assert_eq!(created["errors"][0]["extensions"]["code"], "FORBIDDEN");
        assert_eq!(
            created["errors"][0]["path"],
            serde_json::json!(["caseUpdated", "case", "notes"])
        );

        // Another resident's new case and its change stay with them.
        let neighbour = other_resident(&loket.base, back, &bsn).await;
        let neighbour = token("enschede", "citizen", Some(&neighbour), None).await;
        let (theirs, _) = submit(&loket.base, &neighbour).await;
        set_status(&loket.base, back, &theirs, "in-review", 1).await;
        quiet(&mut socket, "a resident, of another's case").await;

        // An internal note on their own case is not announced; the status change after it is.
        add_note(&loket.base, back, &case).await;
        set_status(&loket.base, back, &case, "in-review", 1).await;
        let changed = expect(&mut socket, "mine").await;
        assert_eq!(
            update(&changed),
            ("STATUS_CHANGED", case.as_str(), "in-review")
        );
        assert!(!changed.to_string().contains(NOTE), "{changed}");
        quiet(&mut socket, "a resident, of an internal note").await;

        // Shutting down with a subscription open still stops promptly.
        assert_eq!(loket.terminate().await, Some(0));
    }
}

#[tokio::test]
async fn staff_follow_the_cases_their_policy_lets_them_read() {
    for db in engines().await {
        let url = db.url().to_owned();
        let loket = start(db).await;
        let (citizen, back) = (loket.token("citizen"), loket.token("backoffice"));
        let tax = token("enschede", "backoffice-belastingen", None, None).await;
        let haarlem_back = token("haarlem", "backoffice", None, None).await;
        let haarlem_citizen = token("haarlem", "citizen", None, Some(&url)).await;
        let mut sockets = Vec::new();
        for (who, token) in [
            ("backoffice", back),
            ("frontoffice", loket.token("frontoffice")),
            ("tax department", tax.as_str()),
            ("haarlem", haarlem_back.as_str()),
        ] {
            let mut socket = Socket::open(&loket.base, Some(token), None).await;
            socket.subscribe(who, STAFF_VIEW).await;
            sockets.push((who, socket));
        }
        let [(_, back_s), (_, front_s), (_, tax_s), (_, haarlem_s)] = &mut sockets[..] else {
            unreachable!()
        };

        let (case, _) = submit(&loket.base, citizen).await;
        set_status(&loket.base, back, &case, "in-review", 1).await;
        add_note(&loket.base, back, &case).await;
        for kind in ["CREATED", "STATUS_CHANGED", "NOTE_ADDED"] {
            assert_eq!(update(&expect(back_s, "backoffice").await).0, kind);
        }
        // The front office reads the status but not internal notes.
        for kind in ["CREATED", "STATUS_CHANGED"] {
            assert_eq!(update(&expect(front_s, "frontoffice").await).0, kind);
        }
        quiet(front_s, "the front office, of an internal note").await;
        // The tax department works WOZ objections only; Haarlem cannot reach Enschede's cases.
        quiet(tax_s, "the tax department").await;
        quiet(haarlem_s, "Haarlem's back office").await;

        // Haarlem's own case reaches Haarlem, and nobody in Enschede.
        let (haarlem_case, _) = submit(&loket.base, &haarlem_citizen).await;
        let created = expect(haarlem_s, "haarlem").await;
        assert_eq!(update(&created).1, haarlem_case);
        assert_eq!(
            created["data"]["caseUpdated"]["case"]["ownerTenant"],
            "haarlem"
        );
        quiet(back_s, "Enschede's back office, of a Haarlem case").await;
    }
}

#[tokio::test]
async fn a_change_through_one_replica_reaches_a_subscriber_of_another() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    let url = db.url().to_owned();
    let a = start(db).await;
    let b = Replica::start(&url, &[]).await;
    let (citizen, back) = (a.token("citizen"), a.token("backoffice"));
    let (case, _) = submit(&b.base, citizen).await;
    let (other, _) = submit(&b.base, citizen).await;
    // Let the feeds pass the new cases, which would otherwise reach a subscriber this early.
    tokio::time::sleep(QUIET).await;

    let mut socket = Socket::open(&a.base, Some(back), None).await;
    socket
        .subscribe(
            "one",
            &format!(
                "subscription {{ caseUpdated(caseId: \"{case}\") {{ kind case {{ id status {{ code }} }} }} }}"
            ),
        )
        .await;
    set_status(&b.base, back, &other, "in-review", 1).await;
    set_status(&b.base, back, &case, "in-review", 1).await;
    let changed = expect(&mut socket, "one").await;
    assert_eq!(
        update(&changed),
        ("STATUS_CHANGED", case.as_str(), "in-review"),
        "only the case asked for"
    );
    // And through A, heard on B (once B's feed has passed the changes made so far).
    tokio::time::sleep(QUIET).await;
    let mut on_b = Socket::open(&b.base, Some(back), None).await;
    on_b.subscribe("all", STAFF_VIEW).await;
    set_status(&a.base, back, &other, "site-visit", 2).await;
    assert_eq!(
        update(&expect(&mut on_b, "all").await),
        ("STATUS_CHANGED", other.as_str(), "site-visit")
    );
}

#[tokio::test]
async fn anonymous_subscribers_are_refused_and_bad_ids_named() {
    for db in engines().await {
        let loket = Loket::start_with(db, &tenants_dir(), &[("LOKET_DEMO_RESIDENTS", "0")]).await;
        let mut socket = Socket::open(&loket.base, None, Some("enschede")).await;
        socket
            .send(serde_json::json!({ "id": "1", "type": "subscribe", "payload": { "query": STAFF_VIEW } }))
            .await;
        let refused = expect(&mut socket, "1").await;
        assert_eq!(
            refused["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
            "{refused}"
        );
        let done = socket.next_within(WAIT).await.unwrap();
        assert_eq!(
            (&done["id"], &done["type"]),
            (&"1".into(), &"complete".into())
        );

        let mut socket = Socket::open(&loket.base, Some(loket.token("backoffice")), None).await;
        socket
            .send(
                serde_json::json!({ "id": "2", "type": "subscribe", "payload": {
                "query": "subscription { caseUpdated(caseId: \"nonsense\") { kind } }" } }),
            )
            .await;
        let bad = expect(&mut socket, "2").await;
        assert_eq!(
            bad["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{bad}"
        );
        assert_eq!(bad["errors"][0]["extensions"]["field"], "caseId", "{bad}");
    }
}
