//! One resident's one-stop request through the real binary over HTTP, in Enschede: a building
//! permit and a driveway permit asked for at once (one bundle, idempotent retry), worked by the
//! back office (assignment, status change with an internal remark and a public explanation,
//! note, extension, stale version, forbidden transition) and decided, refused and granted, so
//! the integral view flags the disagreement at the address. At every step it checks what the
//! citizen (never an internal text), the front office (status and, in Enschede, decisions; no
//! notes; no deciding) and the back office (work queue and permissions) see. A second test
//! checks that Haarlem's front office sees where a case stands but not what was decided.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use loket_kernel::calendar::Calendar;
use loket_store::testing::TestDb;
use loket_tests::{Loket, run, tenants_dir};
use serde_json::Value;

/// Internal texts the back office writes; none may ever reach the citizen.
const REMARK: &str = "Buurman belde over de erfgrens";
const NOTE: &str = "Tekening 3 mist de maatvoering";
const EXTENSION_REASON: &str = "Wachten op advies van de welstandscommissie";
const HANDLER: &str = "j.devries";
const SUSPENSION_REASON: &str = "Wachten op foto's van de stoeprand";
/// What the back office tells the resident with the status change.
const PUBLIC: &str = "We kijken naar uw tekeningen.";
const REFUSAL: &str = "De aanbouw past niet in het omgevingsplan.";
const GRANT: &str = "De uitrit is veilig.";

const CITIZEN_VIEW: &str = "{ me { cases(first: 100) { totalCount edges { node { reference \
    status { name daysInStep } timeline { name at explanation } expectedCompletion closedAt \
    decision { name explanation } } } } } }";

/// Runs `query` as `token`; returns the whole response body (HTTP 200 required).
async fn gql(loket: &Loket, token: &str, query: &str) -> Value {
    let (status, body) = loket.graphql(Some(token), None, query).await;
    assert_eq!(status, 200, "{query}: {body}");
    body
}

/// The `data` of a response that must have no errors.
fn data(body: &Value) -> &Value {
    assert!(body.get("errors").is_none(), "unexpected errors: {body}");
    &body["data"]
}

/// The code of the first error.
fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("an error with a code: {body}"))
}

/// Each error as (code, last path segment).
fn errors(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    let code = e["extensions"]["code"].as_str().unwrap_or("").to_owned();
                    let last = e["path"]
                        .as_array()
                        .and_then(|p| p.last())
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned();
                    (code, last)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `field` of `object` carries no value: a refused field is reported in `errors`, and
/// the server (async-graphql 7) leaves it out of `data` rather than writing `null`.
fn withheld(object: &Value, field: &str) -> bool {
    object.is_object() && object.get(field).is_none_or(Value::is_null)
}

/// The nodes of a connection.
fn nodes(connection: &Value) -> Vec<&Value> {
    connection["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("edges in {connection}"))
        .iter()
        .map(|e| &e["node"])
        .collect()
}

/// The case with `reference` in a connection.
fn node<'a>(connection: &'a Value, reference: &str) -> &'a Value {
    nodes(connection)
        .into_iter()
        .find(|n| n["reference"] == reference)
        .unwrap_or_else(|| panic!("{reference} in {connection}"))
}

fn date(value: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(value.as_str().unwrap(), "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("a date, not {value}: {e}"))
}

fn instant(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().unwrap())
        .unwrap_or_else(|e| panic!("a date-time, not {value}: {e}"))
        .with_timezone(&Utc)
}

fn timeline_names(case: &Value) -> Vec<&str> {
    case["timeline"]
        .as_array()
        .unwrap_or_else(|| panic!("a timeline in {case}"))
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect()
}

/// `ENS-<year>-NNNNNN`.
fn assert_reference(reference: &str, year: i32) {
    let parts: Vec<&str> = reference.split('-').collect();
    assert_eq!(parts.len(), 3, "{reference}");
    assert_eq!(parts[0], "ENS", "{reference}");
    assert_eq!(parts[1], year.to_string(), "{reference}");
    assert!(
        parts[2].len() == 6 && parts[2].bytes().all(|b| b.is_ascii_digit()),
        "{reference}"
    );
}

/// Asserts that no internal text appears anywhere in a response meant for the citizen.
fn assert_nothing_internal(body: &Value) {
    let text = body.to_string();
    for secret in [REMARK, NOTE, EXTENSION_REASON, SUSPENSION_REASON, HANDLER] {
        assert!(
            !text.contains(secret),
            "{secret:?} must not reach the citizen: {text}"
        );
    }
}

/// The citizen's `me.cases`, with the checks that hold at every step.
async fn citizen_sees(loket: &Loket, token: &str, expected_total: u64) -> Value {
    let body = gql(loket, token, CITIZEN_VIEW).await;
    assert_nothing_internal(&body);
    let cases = data(&body)["me"]["cases"].clone();
    assert_eq!(cases["totalCount"], expected_total, "{cases}");
    assert_eq!(nodes(&cases).len() as u64, expected_total);
    cases
}

/// Asking for internal parts as the citizen: each is null with `FORBIDDEN`, nothing leaks.
async fn citizen_is_refused_internal_parts(loket: &Loket, token: &str, references: &[&str]) {
    for field in [
        "notes { text author }",
        "journal { kind internalText publicText actor }",
    ] {
        let name = field.split_whitespace().next().unwrap();
        let body = gql(
            loket,
            token,
            &format!(
                "{{ me {{ cases(first: 100) {{ edges {{ node {{ reference {field} }} }} }} }} }}"
            ),
        )
        .await;
        assert_nothing_internal(&body);
        let cases = &body["data"]["me"]["cases"];
        for reference in references {
            assert!(withheld(node(cases, reference), name), "{body}");
        }
        let errors = errors(&body);
        assert_eq!(
            errors.len(),
            nodes(cases).len(),
            "one error per case: {body}"
        );
        for (code, last) in errors {
            assert_eq!(
                (code.as_str(), last.as_str()),
                ("FORBIDDEN", name),
                "{body}"
            );
        }
    }
}

/// The front office's list of a resident's cases, closed ones included.
async fn front_office_sees(loket: &Loket, bsn: &str) -> Value {
    let body = gql(
        loket,
        loket.token("frontoffice"),
        &format!(
            "{{ cases(first: 100, filter: {{ subject: \"{bsn}\", includeClosed: true }}) {{ \
             totalCount edges {{ node {{ id reference version status {{ name }} \
             decision {{ name explanation }} }} }} }} }}"
        ),
    )
    .await;
    data(&body)["cases"].clone()
}

/// The front office may not read internal notes.
async fn front_office_is_refused_notes(loket: &Loket, bsn: &str, references: &[&str]) {
    let body = gql(
        loket,
        loket.token("frontoffice"),
        &format!(
            "{{ cases(first: 100, filter: {{ subject: \"{bsn}\", includeClosed: true }}) {{ \
             edges {{ node {{ reference status {{ name }} notes {{ text }} }} }} }} }}"
        ),
    )
    .await;
    let cases = &body["data"]["cases"];
    for reference in references {
        let c = node(cases, reference);
        assert!(withheld(c, "notes"), "{body}");
        assert!(c["status"]["name"].is_string(), "{body}");
    }
    let errors = errors(&body);
    assert_eq!(errors.len(), nodes(cases).len(), "{body}");
    assert!(
        errors.iter().all(|(c, l)| c == "FORBIDDEN" && l == "notes"),
        "{body}"
    );
    assert!(!body.to_string().contains(NOTE), "{body}");
}

/// The back office's work queue (no subject): open cases of the types it handles.
async fn work_queue(loket: &Loket) -> Value {
    let body = gql(
        loket,
        loket.token("backoffice"),
        "{ cases(first: 100) { totalCount pageInfo { hasNextPage } edges { node { reference \
         version status { name } permissions { update decide addNote assign } } } } }",
    )
    .await;
    let queue = data(&body)["cases"].clone();
    assert_eq!(queue["pageInfo"]["hasNextPage"], false, "{queue}");
    assert_eq!(
        queue["totalCount"].as_u64().unwrap(),
        nodes(&queue).len() as u64,
        "{queue}"
    );
    queue
}

/// One case as the back office sees it.
async fn back_office_case(loket: &Loket, id: &str) -> Value {
    let body = gql(
        loket,
        loket.token("backoffice"),
        &format!(
            "{{ case(id: \"{id}\") {{ reference version status {{ code name }} handler deadline \
             extendedDays closedAt decision {{ outcome name effect decidedBy }} notes {{ text }} \
             journal {{ kind status internalText publicText }} }} }}"
        ),
    )
    .await;
    data(&body)["case"].clone()
}

async fn integral_view(loket: &Loket, id: &str) -> Value {
    let body = gql(
        loket,
        loket.token("backoffice"),
        &format!(
            "{{ case(id: \"{id}\") {{ integralView {{ conflict conflictingDepartments \
             cases {{ reference department status effect open }} }} }} }}"
        ),
    )
    .await;
    data(&body)["case"]["integralView"].clone()
}

/// A back-office mutation `name(input: { input }) { case { payload } }`; the whole body.
async fn back_office(loket: &Loket, name: &str, input: &str, payload: &str) -> Value {
    gql(
        loket,
        loket.token("backoffice"),
        &format!("mutation {{ {name}(input: {{ {input} }}) {{ case {{ {payload} }} }} }}"),
    )
    .await
}

#[tokio::test]
async fn a_one_stop_request_from_submission_to_both_decisions() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let citizen = loket.token("citizen").to_owned();
    let me = gql(
        &loket,
        &citizen,
        "{ me { person { bsn address { postcode } } } }",
    )
    .await;
    let person = &data(&me)["me"]["person"];
    let bsn = person["bsn"].as_str().unwrap().to_owned();
    // The demo data puts other residents' cases, some decided either way, at the resident's
    // home; the request is for a plot in the same street where nothing is going on yet, so
    // that the integral view shows only what happens to these two cases.
    let plot = loket
        .quiet_address(person["address"]["postcode"].as_str().unwrap())
        .await;
    // The demo data may already hold cases of this resident and in the queue; count from here.
    let before_body = gql(&loket, &citizen, CITIZEN_VIEW).await;
    let mine_before = data(&before_body)["me"]["cases"]["totalCount"]
        .as_u64()
        .unwrap();
    let queue_before = work_queue(&loket).await["totalCount"].as_u64().unwrap();

    // 1. Submission: two cases in one bundle.
    let submit = |products: &str| {
        format!(
            "mutation {{ submitRequest(input: {{ products: [{products}], \
             idempotencyKey: \"aanbouw-2026\", addressId: \"{plot}\", \
             description: \"Aanbouw met uitrit\" }}) {{ \
             replayed bundleId cases {{ id reference bundleId subjectBsn channel submittedAt addressId \
             caseType {{ code }} status {{ code name }} deadline version closedAt }} }} }}"
        )
    };
    let both = submit("\"omgevingsvergunning\", \"uitritvergunning\"");
    let body = gql(&loket, &citizen, &both).await;
    let made = data(&body)["submitRequest"].clone();
    assert_eq!(made["replayed"], false, "{body}");
    let cases = made["cases"].as_array().unwrap().clone();
    assert_eq!(cases.len(), 2, "{body}");
    for c in &cases {
        assert_eq!(c["bundleId"], made["bundleId"], "one bundle: {c}");
        let submitted = instant(&c["submittedAt"]);
        assert_reference(c["reference"].as_str().unwrap(), submitted.year());
        assert_eq!(c["status"]["code"], "received");
        assert_eq!(c["status"]["name"], "Ontvangen");
        assert_eq!(c["version"], 1);
        assert_eq!(c["subjectBsn"], bsn.as_str());
        assert_eq!(c["channel"], "online");
        assert_eq!(c["addressId"], plot.as_str());
        assert!(c["closedAt"].is_null());
        // 56 calendar days from the day of receipt.
        assert_eq!(
            date(&c["deadline"]),
            Calendar::local_date(submitted) + Days::new(56),
            "{c}"
        );
    }
    assert_ne!(cases[0]["reference"], cases[1]["reference"]);
    let of_type = |code: &str| {
        cases
            .iter()
            .find(|c| c["caseType"]["code"] == code)
            .unwrap_or_else(|| panic!("a {code} in {body}"))
            .clone()
    };
    let (building, driveway) = (of_type("building-permit"), of_type("driveway-permit"));
    let building_id = building["id"].as_str().unwrap().to_owned();
    let driveway_id = driveway["id"].as_str().unwrap().to_owned();
    let building_ref = building["reference"].as_str().unwrap().to_owned();
    let driveway_ref = driveway["reference"].as_str().unwrap().to_owned();
    let ours = [building_ref.as_str(), driveway_ref.as_str()];

    // A retry with the same key returns the same bundle and makes nothing new.
    let again = gql(&loket, &citizen, &both).await;
    let replay = &data(&again)["submitRequest"];
    assert_eq!(replay["replayed"], true, "{again}");
    assert_eq!(replay["bundleId"], made["bundleId"]);
    let mut first_refs: Vec<&Value> = cases.iter().map(|c| &c["reference"]).collect();
    let mut replay_refs: Vec<&Value> = replay["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["reference"])
        .collect();
    first_refs.sort_by_key(|r| r.to_string());
    replay_refs.sort_by_key(|r| r.to_string());
    assert_eq!(first_refs, replay_refs, "{again}");
    // The same key for a different request is refused.
    let other = gql(&loket, &citizen, &submit("\"uitritvergunning\"")).await;
    assert_eq!(code(&other), "CONFLICT", "{other}");

    // 2. Each role's view right after submission.
    let mine = citizen_sees(&loket, &citizen, mine_before + 2).await;
    for c in [&building, &driveway] {
        let seen = node(&mine, c["reference"].as_str().unwrap());
        assert_eq!(seen["status"]["name"], "Ontvangen", "{seen}");
        let days = seen["status"]["daysInStep"].as_i64().unwrap();
        assert!((0..=1).contains(&days), "{seen}");
        assert_eq!(timeline_names(seen), ["Ontvangen"]);
        assert!(seen["timeline"][0]["explanation"].is_string(), "{seen}");
        assert_eq!(seen["expectedCompletion"], c["deadline"], "{seen}");
        assert!(seen["decision"].is_null() && seen["closedAt"].is_null());
    }
    citizen_is_refused_internal_parts(&loket, &citizen, &ours).await;

    let front = front_office_sees(&loket, &bsn).await;
    assert_eq!(front["totalCount"], mine_before + 2, "{front}");
    for reference in ours {
        let c = node(&front, reference);
        assert_eq!(c["status"]["name"], "Ontvangen", "{c}");
        assert!(c["decision"].is_null(), "{c}");
    }
    front_office_is_refused_notes(&loket, &bsn, &ours).await;

    let queue = work_queue(&loket).await;
    assert_eq!(queue["totalCount"], queue_before + 2, "{queue}");
    for reference in ours {
        let c = node(&queue, reference);
        assert_eq!(c["status"]["name"], "Ontvangen");
        for permission in ["update", "decide", "addNote", "assign"] {
            assert_eq!(c["permissions"][permission], true, "{permission}: {c}");
        }
    }

    // 3. The back office works the building permit.
    let assigned = back_office(
        &loket,
        "assignCase",
        &format!("caseId: \"{building_id}\", handler: \"{HANDLER}\", expectedVersion: 1"),
        "version handler",
    )
    .await;
    let assigned = &data(&assigned)["assignCase"]["case"];
    assert_eq!(assigned["handler"], HANDLER);
    assert_eq!(assigned["version"], 2);

    let reviewed = back_office(
        &loket,
        "setCaseStatus",
        &format!(
            "caseId: \"{building_id}\", status: \"in-review\", expectedVersion: 2, \
             internalRemark: \"{REMARK}\", publicExplanation: \"{PUBLIC}\""
        ),
        "version status { code name } journal { kind status internalText publicText }",
    )
    .await;
    let reviewed = &data(&reviewed)["setCaseStatus"]["case"];
    assert_eq!(reviewed["version"], 3);
    assert_eq!(reviewed["status"]["name"], "In behandeling");
    let last = reviewed["journal"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (
            &last["kind"],
            &last["status"],
            &last["internalText"],
            &last["publicText"]
        ),
        (
            &Value::from("status"),
            &Value::from("in-review"),
            &Value::from(REMARK),
            &Value::from(PUBLIC)
        ),
        "the back office sees the remark it wrote: {reviewed}"
    );

    let noted = back_office(
        &loket,
        "addCaseNote",
        &format!("caseId: \"{building_id}\", text: \"{NOTE}\""),
        "version notes { text author }",
    )
    .await;
    let noted = &data(&noted)["addCaseNote"]["case"];
    assert_eq!(noted["notes"].as_array().unwrap().len(), 1, "{noted}");
    assert_eq!(noted["notes"][0]["text"], NOTE);
    assert_eq!(
        noted["version"], 3,
        "a note changes nothing a colleague relies on"
    );

    let extended = back_office(
        &loket,
        "extendCase",
        &format!(
            "caseId: \"{building_id}\", days: 14, reason: \"{EXTENSION_REASON}\", \
             expectedVersion: 3"
        ),
        "version deadline extendedDays",
    )
    .await;
    let extended = &data(&extended)["extendCase"]["case"];
    assert_eq!(extended["version"], 4);
    assert_eq!(extended["extendedDays"], 14);
    let new_deadline = date(&extended["deadline"]);
    assert_eq!((new_deadline - date(&building["deadline"])).num_days(), 14);

    // The driveway waits a week for the resident: the clock stops, the deadline moves.
    let suspended = back_office(
        &loket,
        "suspendCase",
        &format!(
            "caseId: \"{driveway_id}\", days: 7, reason: \"{SUSPENSION_REASON}\", \
             expectedVersion: 1"
        ),
        "version deadline suspendedDays",
    )
    .await;
    let suspended = &data(&suspended)["suspendCase"]["case"];
    assert_eq!(suspended["version"], 2);
    assert_eq!(suspended["suspendedDays"], 7);
    let driveway_deadline = date(&suspended["deadline"]);
    assert_eq!(
        (driveway_deadline - date(&driveway["deadline"])).num_days(),
        7
    );

    // A stale version is a conflict and changes nothing.
    let stale = back_office(
        &loket,
        "setCaseStatus",
        &format!("caseId: \"{building_id}\", status: \"advice-requested\", expectedVersion: 3"),
        "version",
    )
    .await;
    assert_eq!(code(&stale), "CONFLICT", "{stale}");
    assert!(stale["data"].is_null(), "{stale}");
    // In review may go on to awaiting-information or advice-requested, not back to received.
    let refused = back_office(
        &loket,
        "setCaseStatus",
        &format!("caseId: \"{building_id}\", status: \"received\", expectedVersion: 4"),
        "version",
    )
    .await;
    assert_eq!(code(&refused), "BAD_USER_INPUT", "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "status");
    let now = back_office_case(&loket, &building_id).await;
    assert_eq!(now["version"], 4, "{now}");
    assert_eq!(now["status"]["code"], "in-review", "{now}");
    assert_eq!(now["handler"], HANDLER);
    assert_eq!(now["notes"][0]["text"], NOTE);

    // While in review: the citizen sees the public explanation and the later deadline, never
    // the remark, the note or the reason.
    let mine = citizen_sees(&loket, &citizen, mine_before + 2).await;
    let seen = node(&mine, &building_ref);
    assert_eq!(seen["status"]["name"], "In behandeling");
    assert_eq!(timeline_names(seen), ["Ontvangen", "In behandeling"]);
    assert_eq!(seen["timeline"][1]["explanation"], PUBLIC);
    assert_eq!(date(&seen["expectedCompletion"]), new_deadline);
    let seen = node(&mine, &driveway_ref);
    assert_eq!(seen["status"]["name"], "Ontvangen");
    assert_eq!(timeline_names(seen), ["Ontvangen"]);
    assert_eq!(date(&seen["expectedCompletion"]), driveway_deadline);
    citizen_is_refused_internal_parts(&loket, &citizen, &ours).await;

    let front = front_office_sees(&loket, &bsn).await;
    let seen = node(&front, &building_ref);
    assert_eq!(seen["status"]["name"], "In behandeling", "{seen}");
    assert_eq!(seen["version"], 4);
    front_office_is_refused_notes(&loket, &bsn, &ours).await;

    // Neither the front office nor the resident decides; nothing changes.
    for (who, token) in [
        ("front office", loket.token("frontoffice")),
        ("citizen", &citizen),
    ] {
        let attempt = gql(
            &loket,
            token,
            &format!(
                "mutation {{ decideCase(input: {{ caseId: \"{building_id}\", outcome: \"granted\", \
                 explanation: \"Akkoord.\", expectedVersion: 4 }}) {{ case {{ version }} }} }}"
            ),
        )
        .await;
        assert_eq!(code(&attempt), "FORBIDDEN", "{who}: {attempt}");
        assert!(attempt["data"].is_null(), "{who}: {attempt}");
    }
    let front = front_office_sees(&loket, &bsn).await;
    let seen = node(&front, &building_ref);
    assert_eq!(seen["version"], 4, "{seen}");
    assert_eq!(seen["status"]["name"], "In behandeling");
    assert!(seen["decision"].is_null());

    // At the plot there is only the driveway, open and undecided: no disagreement.
    let view = integral_view(&loket, &building_id).await;
    assert_eq!(view["cases"].as_array().unwrap().len(), 1, "{view}");
    let related = &view["cases"][0];
    assert_eq!(related["reference"], driveway_ref.as_str(), "{view}");
    assert_eq!(related["open"], true, "{view}");
    assert_eq!(related["department"], "openbare-ruimte");
    assert_eq!(related["status"], "Ontvangen");
    assert!(related["effect"].is_null(), "{view}");
    assert_eq!(view["conflict"], false, "{view}");
    assert_eq!(view["conflictingDepartments"], serde_json::json!([]));

    // The decisions: the building permit refused, the driveway granted.
    let decided = back_office(
        &loket,
        "decideCase",
        &format!(
            "caseId: \"{building_id}\", outcome: \"refused\", explanation: \"{REFUSAL}\", \
             expectedVersion: 4"
        ),
        "version status { name end } closedAt decision { outcome name effect explanation decidedBy }",
    )
    .await;
    let decided = &data(&decided)["decideCase"]["case"];
    assert_eq!(decided["version"], 5);
    assert_eq!(decided["status"]["name"], "Besluit genomen");
    assert_eq!(decided["status"]["end"], true);
    assert!(decided["closedAt"].is_string(), "{decided}");
    assert_eq!(decided["decision"]["name"], "Geweigerd");
    assert_eq!(decided["decision"]["effect"], "NEGATIVE");
    assert_eq!(decided["decision"]["explanation"], REFUSAL);
    // A refusal alone is no disagreement.
    let view = integral_view(&loket, &driveway_id).await;
    assert_eq!(view["conflict"], false, "{view}");
    assert_eq!(
        view["cases"][0]["reference"],
        building_ref.as_str(),
        "{view}"
    );
    assert_eq!(view["cases"][0]["effect"], "NEGATIVE", "{view}");
    let decided = back_office(
        &loket,
        "decideCase",
        &format!(
            "caseId: \"{driveway_id}\", outcome: \"granted\", explanation: \"{GRANT}\", \
             expectedVersion: 2"
        ),
        "version status { name } decision { name effect }",
    )
    .await;
    let decided = &data(&decided)["decideCase"]["case"];
    assert_eq!(decided["version"], 3);
    assert_eq!(decided["status"]["name"], "Besluit genomen");
    assert_eq!(decided["decision"]["effect"], "POSITIVE");
    // A closed case is not decided twice.
    let twice = back_office(
        &loket,
        "decideCase",
        &format!(
            "caseId: \"{driveway_id}\", outcome: \"refused\", explanation: \"Toch niet.\", \
             expectedVersion: 3"
        ),
        "version",
    )
    .await;
    assert_eq!(code(&twice), "CONFLICT", "{twice}");

    // The back office sees the disagreement at the address.
    let view = integral_view(&loket, &building_id).await;
    assert_eq!(view["conflict"], true, "{view}");
    assert_eq!(
        view["conflictingDepartments"],
        serde_json::json!(["openbare-ruimte", "vergunningen"]),
        "{view}"
    );
    assert_eq!(view["cases"].as_array().unwrap().len(), 1, "{view}");
    let related = &view["cases"][0];
    assert_eq!(related["reference"], driveway_ref.as_str(), "{view}");
    assert_eq!(related["open"], false, "{view}");
    assert_eq!(related["effect"], "POSITIVE", "{view}");
    assert_eq!(related["status"], "Besluit genomen", "{view}");

    // Decided cases leave the work queue.
    let queue = work_queue(&loket).await;
    assert_eq!(queue["totalCount"], queue_before, "{queue}");
    assert!(
        nodes(&queue)
            .iter()
            .all(|c| c["reference"] != building_ref.as_str()
                && c["reference"] != driveway_ref.as_str()),
        "{queue}"
    );

    // 4. Final state: the citizen sees both closed with their decisions.
    let mine = citizen_sees(&loket, &citizen, mine_before + 2).await;
    for (reference, outcome, explanation, steps) in [
        (
            &building_ref,
            "Geweigerd",
            REFUSAL,
            &["Ontvangen", "In behandeling", "Besluit genomen"][..],
        ),
        (
            &driveway_ref,
            "Verleend",
            GRANT,
            &["Ontvangen", "Besluit genomen"][..],
        ),
    ] {
        let c = node(&mine, reference);
        assert_eq!(c["status"]["name"], "Besluit genomen", "{c}");
        assert_eq!(c["decision"]["name"], outcome, "{c}");
        assert_eq!(c["decision"]["explanation"], explanation, "{c}");
        assert_eq!(timeline_names(c), steps, "{c}");
        let closed = instant(&c["closedAt"]);
        assert_eq!(
            date(&c["expectedCompletion"]),
            Calendar::local_date(closed),
            "{c}"
        );
    }
    citizen_is_refused_internal_parts(&loket, &citizen, &ours).await;

    // Enschede's front office sees the outcomes, still not the notes.
    let front = front_office_sees(&loket, &bsn).await;
    assert_eq!(front["totalCount"], mine_before + 2);
    let seen = node(&front, &building_ref);
    assert_eq!(seen["status"]["name"], "Besluit genomen");
    assert_eq!(seen["decision"]["name"], "Geweigerd", "{seen}");
    assert_eq!(seen["decision"]["explanation"], REFUSAL);
    assert_eq!(node(&front, &driveway_ref)["decision"]["name"], "Verleend");
    front_office_is_refused_notes(&loket, &bsn, &ours).await;
}

/// `loket token` for another tenant than the demo one.
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

#[tokio::test]
async fn haarlems_front_office_sees_status_but_not_the_decision() {
    let db = TestDb::sqlite_empty().await;
    let url = db.url().to_owned();
    let loket = Loket::start(db).await;
    let citizen = token(&url, "haarlem", "citizen").await;
    let front = token(&url, "haarlem", "frontoffice").await;
    let back = token(&url, "haarlem", "backoffice").await;

    let made = gql(
        &loket,
        &citizen,
        "mutation { submitRequest(input: { products: [\"uitritvergunning\"] }) { cases { id \
         reference subjectBsn ownerTenant submittedAt deadline } } }",
    )
    .await;
    let made = data(&made)["submitRequest"]["cases"][0].clone();
    let (id, reference, bsn) = (
        made["id"].as_str().unwrap(),
        made["reference"].as_str().unwrap(),
        made["subjectBsn"].as_str().unwrap(),
    );
    assert_eq!(made["ownerTenant"], "haarlem");
    // Haarlem decides on driveways within 28 days (its override of the national 56).
    assert_eq!(
        date(&made["deadline"]),
        Calendar::local_date(instant(&made["submittedAt"])) + Days::new(28)
    );
    let decided = gql(
        &loket,
        &back,
        &format!(
            "mutation {{ decideCase(input: {{ caseId: \"{id}\", outcome: \"granted\", \
             explanation: \"Akkoord.\", expectedVersion: 1 }}) {{ case {{ decision {{ name }} }} }} }}"
        ),
    )
    .await;
    assert_eq!(
        data(&decided)["decideCase"]["case"]["decision"]["name"],
        "Verleend"
    );

    // The front office's list: every status, no decision.
    let seen = gql(
        &loket,
        &front,
        &format!(
            "{{ cases(first: 100, filter: {{ subject: \"{bsn}\", includeClosed: true }}) {{ edges {{ \
             node {{ reference status {{ name }} timeline {{ name }} decision {{ name }} }} }} }} }}"
        ),
    )
    .await;
    let cases = &seen["data"]["cases"];
    let c = node(cases, reference);
    assert_eq!(c["status"]["name"], "Besluit genomen", "{seen}");
    assert_eq!(timeline_names(c), ["Ontvangen", "Besluit genomen"]);
    assert!(withheld(c, "decision"), "{seen}");
    for other in nodes(cases) {
        assert!(other["status"]["name"].is_string(), "{seen}");
        assert!(withheld(other, "decision"), "{seen}");
    }
    let errors = errors(&seen);
    assert_eq!(errors.len(), nodes(cases).len(), "one per case: {seen}");
    assert!(
        errors
            .iter()
            .all(|(c, l)| c == "FORBIDDEN" && l == "decision"),
        "{seen}"
    );
    assert!(!seen.to_string().contains("Verleend"), "{seen}");

    // The same for one case by reference.
    let one = gql(
        &loket,
        &front,
        &format!(
            "{{ case(reference: \"{reference}\") {{ status {{ name }} decision {{ name }} }} }}"
        ),
    )
    .await;
    assert_eq!(
        one["data"]["case"]["status"]["name"], "Besluit genomen",
        "{one}"
    );
    assert!(withheld(&one["data"]["case"], "decision"), "{one}");
    assert_eq!(code(&one), "FORBIDDEN");
    assert_eq!(
        one["errors"][0]["path"],
        serde_json::json!(["case", "decision"])
    );

    // The resident, and the back office, do see what was decided.
    for token in [&citizen, &back] {
        let body = gql(
            &loket,
            token,
            &format!("{{ case(id: \"{id}\") {{ decision {{ name }} }} }}"),
        )
        .await;
        assert_eq!(data(&body)["case"]["decision"]["name"], "Verleend");
    }
    // Enschede's front office, which may read outcomes at home, cannot reach Haarlem's case.
    let elsewhere = gql(
        &loket,
        loket.token("frontoffice"),
        &format!("{{ case(id: \"{id}\") {{ decision {{ name }} }} }}"),
    )
    .await;
    assert_eq!(code(&elsewhere), "NOT_FOUND", "{elsewhere}");
    assert!(!elsewhere.to_string().contains("Verleend"));
}
