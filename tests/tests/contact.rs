#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

//! The contact centre through the real binary over HTTP, on SQLite and on PostgreSQL: Enschede's
//! front office registers what a resident asked (once per idempotency key, checked field by
//! field) and hands a question to the back office, which calls back by the norm's deadline; the
//! 360° view shows contacts and cases as far as each municipality's policy allows, and no
//! municipality sees another's contacts; managers get figures, in GraphQL and as CSV, that name
//! no resident and no employee; a citizen sees their own contacts, without the employee.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use loket_kernel::calendar::Calendar;
use loket_store::testing::TestDb;
use loket_tests::{Loket, run, tenants_dir};
use serde_json::Value;

/// The subject of Enschede's demo front-office token, as stored with each contact.
const EMPLOYEE: &str = "demo-frontoffice-enschede";
const QUESTION: &str = "Hoe lang is mijn paspoort geldig?";
const ANSWER: &str = "Tien jaar, voor kinderen vijf.";
const RESULT: &str = "Teruggebeld: afspraak aan de balie gemaakt.";
/// Enschede calls back within two working days and answers e-mail within two.
const CALLBACK_WORKING_DAYS: u32 = 2;
const EMAIL_WORKING_DAYS: i64 = 2;

/// What the tests read of a contact moment.
const CONTACT: &str = "id channel subject topic topicLabel question answer resolvedFirstContact \
    receivedAt answeredAt waitSeconds responseWorkingDays handlingSeconds employee";
/// What the tests read of a callback.
const CALLBACK: &str = "id team phone question subject requestedAt deadline completedAt result \
    inTime version contactId overdue";
/// What the tests read of a service report's figures.
const FIGURES: &str = "contacts firstContactResolution { count total percentage } \
    channels { channel contacts firstContactResolution { count total } \
    topics { topic label contacts } } \
    norms { norm target targetPercentage compliance { count total percentage } pending achieved } \
    caseDeadlines { caseType compliance { count total } }";

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

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

/// The input field the first error names.
fn field(body: &Value) -> &str {
    body["errors"][0]["extensions"]["field"]
        .as_str()
        .unwrap_or_else(|| panic!("an error naming a field: {body}"))
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

/// The node with `id` in a connection.
fn node<'a>(connection: &'a Value, id: &str) -> &'a Value {
    nodes(connection)
        .into_iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {connection}"))
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("a string, not {value}"))
}

fn instant(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text(value))
        .unwrap_or_else(|e| panic!("a date-time, not {value}: {e}"))
        .with_timezone(&Utc)
}

fn date(value: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(text(value), "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("a date, not {value}: {e}"))
}

/// `loket token` for a tenant, role and (for a citizen) resident.
async fn token(url: &str, tenant: &str, role: &str, bsn: Option<&str>) -> String {
    let dir = tenants_dir();
    let mut args = vec![
        "token",
        "--tenant",
        tenant,
        "--role",
        role,
        "--tenants",
        dir.to_str().unwrap(),
        "--database",
        url,
    ];
    if let Some(bsn) = bsn {
        args.extend(["--bsn", bsn]);
    }
    let (status, token, err) = run(&args).await;
    assert_eq!(status, 0, "{err}");
    token.trim().to_owned()
}

/// The BSN of the resident a citizen token belongs to.
async fn resident_of(loket: &Loket, citizen: &str) -> String {
    let body = gql(loket, citizen, "{ me { person { bsn } } }").await;
    text(&data(&body)["me"]["person"]["bsn"]).to_owned()
}

/// Another resident of Enschede than `bsn`: one the counter started a demo case for.
async fn other_resident(loket: &Loket, bsn: &str) -> String {
    let body = gql(
        loket,
        loket.token("backoffice"),
        "{ cases(first: 100, filter: { includeClosed: true }) { edges { node { subjectBsn } } } }",
    )
    .await;
    nodes(&data(&body)["cases"])
        .into_iter()
        .map(|c| text(&c["subjectBsn"]))
        .find(|other| *other != bsn)
        .unwrap_or_else(|| panic!("a case of another resident: {body}"))
        .to_owned()
}

/// `registerContact(input: { input })`; the whole body.
async fn register(loket: &Loket, token: &str, input: &str) -> Value {
    gql(
        loket,
        token,
        &format!(
            "mutation {{ registerContact(input: {{ {input} }}) {{ replayed contact {{ {CONTACT} }} }} }}"
        ),
    )
    .await
}

/// Registers a new contact; returns it.
async fn registered(loket: &Loket, token: &str, input: &str) -> Value {
    let body = register(loket, token, input).await;
    let payload = &data(&body)["registerContact"];
    assert_eq!(payload["replayed"], false, "{body}");
    payload["contact"].clone()
}

/// `requestCallback` for a contact; the whole body.
async fn request_callback(loket: &Loket, token: &str, contact: &Value, team: &str) -> Value {
    let id = text(&contact["id"]);
    gql(
        loket,
        token,
        &format!(
            "mutation {{ requestCallback(input: {{ contactId: \"{id}\", team: \"{team}\", \
             phone: \"053 481 1234\" }}) {{ callback {{ {CALLBACK} }} }} }}"
        ),
    )
    .await
}

/// `completeCallback` as Enschede's back office; the whole body.
async fn complete_callback(loket: &Loket, callback: &Value, expected_version: i64) -> Value {
    let id = text(&callback["id"]);
    gql(
        loket,
        loket.token("backoffice"),
        &format!(
            "mutation {{ completeCallback(input: {{ id: \"{id}\", result: \"{RESULT}\", \
             expectedVersion: {expected_version} }}) {{ callback {{ {CALLBACK} }} }} }}"
        ),
    )
    .await
}

/// A resident's contacts as `token` sees them.
async fn contacts_of(loket: &Loket, token: &str, bsn: &str) -> Value {
    let body = gql(
        loket,
        token,
        &format!(
            "{{ contactMoments(subject: \"{bsn}\", first: 100) {{ totalCount edges {{ node {{ \
             {CONTACT} }} }} }} }}"
        ),
    )
    .await;
    data(&body)["contactMoments"].clone()
}

/// The back office's callbacks with `filter`.
async fn callbacks(loket: &Loket, token: &str, filter: &str) -> Value {
    let body = gql(
        loket,
        token,
        &format!(
            "{{ callbacks(filter: {{ {filter} }}, first: 100) {{ totalCount edges {{ node {{ \
             {CALLBACK} }} }} }} }}"
        ),
    )
    .await;
    let list = data(&body)["callbacks"].clone();
    assert_eq!(
        list["totalCount"].as_u64().unwrap(),
        nodes(&list).len() as u64,
        "{list}"
    );
    list
}

// ---------------------------------------------------------------------------------------------
// Enschede's calendar: weekends and the national public holidays, no closed days of its own
// (the calendar itself is checked against known dates in the kernel's tests)
// ---------------------------------------------------------------------------------------------

fn enschede() -> Calendar {
    Calendar::new(true, [])
}

/// Noon UTC on `day`: the same date in the Netherlands, summer and winter.
fn noon(day: NaiveDate) -> String {
    format!("{day}T12:00:00Z")
}

/// Yesterday (UTC): its noon has certainly passed.
fn yesterday() -> NaiveDate {
    Utc::now().date_naive() - Days::new(1)
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/// The front office registers a phone call once, however often it is sent, and refuses
/// incomplete or wrong input; an e-mail gets its response time in working days; a question
/// handed to the back office is called back in time, once.
async fn registering_contacts_and_calling_back(loket: &Loket) {
    let front = loket.token("frontoffice");
    let bsn = resident_of(loket, loket.token("citizen")).await;

    let call = format!(
        "channel: PHONE, subject: \"{bsn}\", product: \"paspoort\", question: \"{QUESTION}\", \
         answer: \"{ANSWER}\", resolvedFirstContact: true, waitSeconds: 12, \
         handlingSeconds: 95, idempotencyKey: \"gesprek-0001\""
    );
    let phone = registered(loket, front, &call).await;
    assert_eq!(phone["channel"], "PHONE", "{phone}");
    assert_eq!(phone["subject"], bsn.as_str());
    assert_eq!(phone["topic"], "paspoort");
    assert_eq!(phone["topicLabel"], "Paspoort aanvragen");
    assert_eq!(phone["question"], QUESTION);
    assert_eq!(phone["answer"], ANSWER);
    assert_eq!(phone["resolvedFirstContact"], true);
    assert_eq!(phone["waitSeconds"], 12);
    assert_eq!(phone["handlingSeconds"], 95);
    assert!(phone["responseWorkingDays"].is_null(), "{phone}");
    assert_eq!(phone["employee"], EMPLOYEE);
    let received = instant(&phone["receivedAt"]);
    assert!((Utc::now() - received).num_seconds().abs() < 60, "{phone}");

    // A retry returns the first registration.
    let again = register(loket, front, &call).await;
    let replay = &data(&again)["registerContact"];
    assert_eq!(replay["replayed"], true, "{again}");
    assert_eq!(replay["contact"]["id"], phone["id"]);
    // To the microsecond: the first response carries the server clock's nanoseconds, which
    // PostgreSQL does not store, so a stored registration reads back microseconds only.
    assert_eq!(
        instant(&replay["contact"]["receivedAt"]).timestamp_micros(),
        received.timestamp_micros(),
        "{again}"
    );
    // The same key for another question is a conflict.
    let other = call.replace(QUESTION, "Kan ik mijn paspoort laten bezorgen?");
    let conflict = register(loket, front, &other).await;
    assert_eq!(code(&conflict), "CONFLICT", "{conflict}");
    assert!(conflict["data"].is_null(), "{conflict}");

    // Wrong input names the field.
    let question = "question: \"Wanneer is het stadskantoor open?\", resolvedFirstContact: true";
    for (input, wrong) in [
        (
            format!("channel: PHONE, subject: \"{bsn}\", product: \"paspoort\", {question}"),
            "waitSeconds",
        ),
        (
            format!(
                "channel: PHONE, subject: \"{bsn}\", product: \"maanreis\", waitSeconds: 5, \
                 {question}"
            ),
            "product",
        ),
        (
            format!(
                "channel: PHONE, subject: \"123456789\", product: \"paspoort\", \
                 waitSeconds: 5, {question}"
            ),
            "subject",
        ),
    ] {
        let refused = register(loket, front, &input).await;
        assert_eq!(code(&refused), "BAD_USER_INPUT", "{input}: {refused}");
        assert_eq!(field(&refused), wrong, "{input}: {refused}");
        assert!(refused["data"].is_null(), "{refused}");
    }
    // Neither the retry nor the refusals registered anything.
    let history = contacts_of(loket, front, &bsn).await;
    assert_eq!(history["totalCount"], 1, "{history}");

    // An e-mail received on a Friday and answered on the Monday after: one working day (none
    // when that Monday is Easter or Whit Monday).
    let monday = yesterday() - Days::new(u64::from(yesterday().weekday().num_days_from_monday()));
    let friday = monday - Days::new(3);
    let expected = i64::from(enschede().working_days_between(friday, monday));
    assert_eq!(expected, i64::from(enschede().is_working_day(monday)));
    let email = registered(
        loket,
        front,
        &format!(
            "channel: EMAIL, subject: \"{bsn}\", topic: \"Afval  ophalen\", \
             question: \"Wanneer wordt het grofvuil opgehaald?\", answer: \"Op afspraak.\", \
             resolvedFirstContact: true, receivedAt: \"{}\", answeredAt: \"{}\"",
            noon(friday),
            noon(monday)
        ),
    )
    .await;
    assert_eq!(email["channel"], "EMAIL", "{email}");
    assert_eq!(email["topic"], "afval ophalen");
    assert_eq!(email["topicLabel"], "Afval ophalen");
    assert_eq!(email["responseWorkingDays"], expected, "{email}");
    assert!(email["waitSeconds"].is_null(), "{email}");
    assert_eq!(instant(&email["receivedAt"]), instant(&noon(friday).into()));
    assert_eq!(instant(&email["answeredAt"]), instant(&noon(monday).into()));
    // Written questions need their arrival; live ones have no waiting time to give.
    let refused = register(
        loket,
        front,
        &format!(
            "channel: WEB_FORM, subject: \"{bsn}\", topic: \"parkeren\", question: \"Vraag\", \
             resolvedFirstContact: true"
        ),
    )
    .await;
    assert_eq!(
        (code(&refused), field(&refused)),
        ("BAD_USER_INPUT", "receivedAt")
    );

    // The question is handed to burgerzaken, with the deadline of the callback norm.
    let body = request_callback(loket, front, &phone, "burgerzaken").await;
    let callback = data(&body)["requestCallback"]["callback"].clone();
    assert_eq!(callback["team"], "burgerzaken", "{callback}");
    assert_eq!(callback["phone"], "0534811234");
    assert_eq!(callback["question"], QUESTION);
    assert_eq!(callback["subject"], bsn.as_str());
    assert_eq!(callback["contactId"], phone["id"]);
    assert_eq!(callback["version"], 1);
    assert_eq!(callback["overdue"], false);
    assert!(callback["completedAt"].is_null(), "{callback}");
    assert!(callback["inTime"].is_null(), "{callback}");
    let requested = instant(&callback["requestedAt"]);
    let deadline = enschede()
        .add_working_days(Calendar::local_date(requested), CALLBACK_WORKING_DAYS)
        .unwrap();
    assert_eq!(date(&callback["deadline"]), deadline, "{callback}");
    let id = text(&callback["id"]);
    // Only to a team the municipality has.
    let refused = request_callback(loket, front, &phone, "ruimtevaart").await;
    assert_eq!(code(&refused), "BAD_USER_INPUT", "{refused}");
    assert_eq!(field(&refused), "team");
    // The back office calls back; it does not hand questions out.
    let refused = request_callback(loket, loket.token("backoffice"), &phone, "burgerzaken").await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");
    // The front office hands questions over; it does not close them (a decision of the
    // baseline policy: it could otherwise mark its own hand-overs done).
    let refused = complete_callback_as(loket, front, &callback).await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");

    // The back office's queue has it, open and on time; another team's has not.
    let back = loket.token("backoffice");
    let queue = callbacks(loket, back, "team: \"burgerzaken\"").await;
    assert_eq!(queue["totalCount"], 1, "{queue}");
    let queued = node(&queue, id);
    assert_eq!(date(&queued["deadline"]), deadline);
    assert_eq!(queued["overdue"], false);
    assert_eq!(queued["subject"], bsn.as_str());
    let elsewhere = callbacks(loket, back, "team: \"vergunningen\"").await;
    assert_eq!(elsewhere["totalCount"], 0, "{elsewhere}");

    // Done, in time; done twice is a conflict.
    let body = complete_callback(loket, &callback, 1).await;
    let done = &data(&body)["completeCallback"]["callback"];
    assert_eq!(done["id"], id, "{done}");
    assert_eq!(done["version"], 2);
    assert_eq!(done["inTime"], true);
    assert_eq!(done["result"], RESULT);
    assert_eq!(done["overdue"], false);
    assert!(instant(&done["completedAt"]) >= requested, "{done}");
    let twice = complete_callback(loket, &callback, 2).await;
    assert_eq!(code(&twice), "CONFLICT", "{twice}");
    assert!(twice["data"].is_null(), "{twice}");
    // It left the open queue; with the completed ones it is there, once.
    let open = callbacks(loket, back, "team: \"burgerzaken\"").await;
    assert_eq!(open["totalCount"], 0, "{open}");
    let all = callbacks(loket, back, "team: \"burgerzaken\", includeCompleted: true").await;
    assert_eq!(all["totalCount"], 1, "{all}");
    let kept = node(&all, id);
    assert_eq!(kept["version"], 2, "{kept}");
    assert_eq!(kept["inTime"], true, "{kept}");
    assert_eq!(kept["result"], RESULT);

    // Handed on, the call no longer counts as answered in the first contact; the e-mail does.
    let history = contacts_of(loket, front, &bsn).await;
    assert_eq!(history["totalCount"], 2, "{history}");
    let phone_id = text(&phone["id"]);
    assert_eq!(node(&history, phone_id)["resolvedFirstContact"], false);
    assert_eq!(
        node(&history, text(&email["id"]))["resolvedFirstContact"],
        true
    );
}

/// The 360° view: contacts newest first and cases with their decision in Enschede, where the
/// front office may read outcomes; in Haarlem the decision is withheld. Neither municipality
/// sees the other's contacts or callbacks, nor acts on them.
async fn resident_view_and_isolation(loket: &Loket, url: &str) {
    let front = loket.token("frontoffice");
    let bsn = resident_of(loket, loket.token("citizen")).await;
    let written = registered(
        loket,
        front,
        &format!(
            "channel: EMAIL, subject: \"{bsn}\", product: \"uitritvergunning\", \
             question: \"Is mijn uitrit al goedgekeurd?\", resolvedFirstContact: true, \
             receivedAt: \"{}\"",
            noon(yesterday() - Days::new(2))
        ),
    )
    .await;
    let called = registered(
        loket,
        front,
        &format!(
            "channel: PHONE, subject: \"{bsn}\", product: \"paspoort\", question: \"{QUESTION}\", \
             resolvedFirstContact: true, waitSeconds: 30"
        ),
    )
    .await;
    registered(
        loket,
        front,
        &format!(
            "channel: COUNTER, subject: \"{bsn}\", topic: \"parkeren\", \
             question: \"Waar vraag ik een parkeervergunning aan?\", resolvedFirstContact: true"
        ),
    )
    .await;
    let view = |bsn: &str| {
        format!(
            "{{ residentView(bsn: \"{bsn}\") {{ bsn contacts {{ totalCount edges {{ node {{ id \
             channel topic }} }} }} cases {{ totalCount edges {{ node {{ reference \
             status {{ name }} decision {{ name }} }} }} }} }} }}"
        )
    };

    // Enschede: newest first; the demo resident's granted driveway permit with its decision.
    let body = gql(loket, front, &view(&bsn)).await;
    let seen = &data(&body)["residentView"];
    assert_eq!(seen["bsn"], bsn.as_str());
    assert_eq!(seen["contacts"]["totalCount"], 3, "{seen}");
    let contacts: Vec<(&str, &str)> = nodes(&seen["contacts"])
        .into_iter()
        .map(|c| (text(&c["channel"]), text(&c["topic"])))
        .collect();
    assert_eq!(
        contacts,
        [
            ("COUNTER", "parkeren"),
            ("PHONE", "paspoort"),
            ("EMAIL", "uitritvergunning"),
        ],
        "{seen}"
    );
    let cases = nodes(&seen["cases"]);
    assert_eq!(
        seen["cases"]["totalCount"].as_u64().unwrap(),
        cases.len() as u64
    );
    assert!(
        cases.iter().any(
            |c| c["status"]["name"] == "Besluit genomen" && c["decision"]["name"] == "Verleend"
        ),
        "the decided driveway permit, with its decision: {seen}"
    );

    // Haarlem: a resident's driveway permit, granted by the back office.
    let haarlem_citizen = token(url, "haarlem", "citizen", None).await;
    let haarlem_front = token(url, "haarlem", "frontoffice", None).await;
    let haarlem_back = token(url, "haarlem", "backoffice", None).await;
    let resident = resident_of(loket, &haarlem_citizen).await;
    let made = gql(
        loket,
        &haarlem_citizen,
        "mutation { submitRequest(input: { products: [\"uitritvergunning\"] }) { cases { id \
         reference } } }",
    )
    .await;
    let made = &data(&made)["submitRequest"]["cases"][0];
    let (case_id, reference) = (text(&made["id"]), text(&made["reference"]));
    let decided = gql(
        loket,
        &haarlem_back,
        &format!(
            "mutation {{ decideCase(input: {{ caseId: \"{case_id}\", outcome: \"granted\", \
             explanation: \"Akkoord.\", expectedVersion: 1 }}) {{ case {{ decision {{ name }} }} }} }}"
        ),
    )
    .await;
    assert_eq!(
        data(&decided)["decideCase"]["case"]["decision"]["name"],
        "Verleend"
    );
    let haarlem_call = registered(
        loket,
        &haarlem_front,
        &format!(
            "channel: PHONE, subject: \"{resident}\", product: \"uitritvergunning\", \
             question: \"Is mijn uitrit al goedgekeurd?\", resolvedFirstContact: true, \
             waitSeconds: 8"
        ),
    )
    .await;
    assert_eq!(haarlem_call["employee"], "demo-frontoffice-haarlem");
    // Haarlem's front office sees the contact and where the case stands, not what was decided.
    let body = gql(loket, &haarlem_front, &view(&resident)).await;
    let seen = &body["data"]["residentView"];
    assert_eq!(seen["contacts"]["totalCount"], 1, "{body}");
    assert_eq!(nodes(&seen["contacts"])[0]["id"], haarlem_call["id"]);
    let cases = nodes(&seen["cases"]);
    let (at, ours) = cases
        .iter()
        .enumerate()
        .find(|(_, c)| c["reference"] == reference)
        .unwrap_or_else(|| panic!("{reference} in {body}"));
    assert_eq!(ours["status"]["name"], "Besluit genomen", "{body}");
    for case in &cases {
        assert!(
            case.get("decision").is_none_or(Value::is_null),
            "no decision for Haarlem's front office: {body}"
        );
    }
    let errors = body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), cases.len(), "one per case: {body}");
    assert!(
        errors.iter().all(|e| e["extensions"]["code"] == "FORBIDDEN"
            && e["path"][0] == "residentView"
            && e["path"][1] == "cases"
            && e["path"].as_array().unwrap().last().unwrap() == "decision"),
        "{body}"
    );
    assert!(
        errors.iter().any(|e| e["path"]
            == serde_json::json!(["residentView", "cases", "edges", at, "node", "decision"])),
        "{body}"
    );
    assert!(!body.to_string().contains("Verleend"), "{body}");

    // Enschede's contacts stay in Enschede.
    let enschede_call = request_callback(loket, front, &called, "burgerzaken").await;
    let enschede_callback = &data(&enschede_call)["requestCallback"]["callback"];
    let theirs = contacts_of(loket, &haarlem_front, &bsn).await;
    assert_eq!(theirs["totalCount"], 0, "{theirs}");
    assert!(nodes(&theirs).is_empty());
    let latest = gql(
        loket,
        &haarlem_front,
        "{ contactMoments(first: 100) { totalCount edges { node { id } } } }",
    )
    .await;
    let latest = &data(&latest)["contactMoments"];
    assert_eq!(latest["totalCount"], 1, "only Haarlem's own: {latest}");
    assert_eq!(nodes(latest)[0]["id"], haarlem_call["id"]);
    let body = gql(loket, &haarlem_front, &view(&bsn)).await;
    assert_eq!(
        body["data"]["residentView"]["contacts"]["totalCount"], 0,
        "{body}"
    );
    let across = request_callback(loket, &haarlem_front, &written, "burgerzaken").await;
    assert_eq!(code(&across), "BAD_USER_INPUT", "{across}");
    assert_eq!(field(&across), "contactId");
    assert!(across["data"].is_null(), "{across}");
    let across = complete_callback_as(loket, &haarlem_back, enschede_callback).await;
    assert_eq!(code(&across), "NOT_FOUND", "{across}");
    // Nothing changed in Enschede.
    let ours = contacts_of(loket, front, &bsn).await;
    assert_eq!(
        node(&ours, text(&written["id"]))["resolvedFirstContact"],
        true
    );
    let queue = callbacks(loket, loket.token("backoffice"), "includeCompleted: true").await;
    assert_eq!(queue["totalCount"], 1, "{queue}");
    assert_eq!(nodes(&queue)[0]["id"], enschede_callback["id"]);
    assert_eq!(nodes(&queue)[0]["version"], 1);
    let haarlem_queue = callbacks(loket, &haarlem_back, "includeCompleted: true").await;
    assert_eq!(haarlem_queue["totalCount"], 0, "{haarlem_queue}");
}

/// `completeCallback` at version 1 as `token`; the whole body.
async fn complete_callback_as(loket: &Loket, token: &str, callback: &Value) -> Value {
    let id = text(&callback["id"]);
    gql(
        loket,
        token,
        &format!(
            "mutation {{ completeCallback(input: {{ id: \"{id}\", result: \"{RESULT}\", \
             expectedVersion: 1 }}) {{ callback {{ version }} }} }}"
        ),
    )
    .await
}

/// The report period: the year so far (at least the last 30 days), up to today in the
/// Netherlands.
fn report_period() -> (NaiveDate, NaiveDate) {
    let today = Calendar::local_date(Utc::now());
    let new_year = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap();
    (new_year.min(today - Days::new(30)), today)
}

/// The service report as the manager sees it; the whole body.
async fn service_report(loket: &Loket, token: &str) -> Value {
    let (from, to) = report_period();
    gql(
        loket,
        token,
        &format!(
            "{{ serviceReport(period: {{ from: \"{from}\", to: \"{to}\" }}) {{ \
             period {{ from to }} comparedWith {{ from to }} current {{ {FIGURES} }} \
             previous {{ contacts }} changes {{ contacts }} }} }}"
        ),
    )
    .await
}

/// One channel's figures.
fn channel<'a>(figures: &'a Value, name: &str) -> &'a Value {
    figures["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel"] == name)
        .unwrap_or_else(|| panic!("{name} in {figures}"))
}

/// One norm's figures.
fn norm<'a>(figures: &'a Value, name: &str) -> &'a Value {
    figures["norms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["norm"] == name)
        .unwrap_or_else(|| panic!("{name} in {figures}"))
}

/// Contacts about `topic` on a channel (0 when none).
fn topic(channel: &Value, topic: &str) -> i64 {
    channel["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["topic"] == topic)
        .map_or(0, |t| t["contacts"].as_i64().unwrap())
}

fn int(value: &Value) -> i64 {
    value
        .as_i64()
        .unwrap_or_else(|| panic!("a number, not {value}"))
}

/// `after` minus `before` at `pointer`.
fn grew(before: &Value, after: &Value, pointer: &str) -> i64 {
    int(after.pointer(pointer).unwrap()) - int(before.pointer(pointer).unwrap())
}

/// The percentage the server reports for a share: one decimal, null for nothing.
fn assert_share(share: &Value) {
    let (count, total) = (int(&share["count"]), int(&share["total"]));
    assert!((0..=total).contains(&count), "{share}");
    if total == 0 {
        assert!(share["percentage"].is_null(), "{share}");
    } else {
        let expected = (count as f64 * 1000.0 / total as f64).round() / 10.0;
        assert_eq!(share["percentage"].as_f64(), Some(expected), "{share}");
    }
}

/// Managers get the figures, from which no resident or employee can be read, in GraphQL and
/// as CSV; they may not read contact moments, and the front office may not read the report.
async fn managers_get_figures_never_people(loket: &Loket) {
    let front = loket.token("frontoffice");
    let manager = loket.token("manager");
    let bsn = resident_of(loket, loket.token("citizen")).await;
    let before = service_report(loket, manager).await;
    let before = data(&before)["serviceReport"]["current"].clone();

    // Two calls, one answered within the norm's 20 seconds; two e-mails, one in the norm's
    // two working days; a callback made in time and one still open.
    let quick = format!(
        "channel: PHONE, subject: \"{bsn}\", product: \"paspoort\", question: \"{QUESTION}\", \
         answer: \"{ANSWER}\", resolvedFirstContact: true, waitSeconds: 12"
    );
    registered(loket, front, &quick).await;
    let slow = registered(
        loket,
        front,
        &format!(
            "channel: PHONE, subject: \"{bsn}\", topic: \"Openingstijden\", \
             question: \"Wanneer is het stadskantoor open?\", resolvedFirstContact: true, \
             waitSeconds: 45"
        ),
    )
    .await;
    let answered = yesterday();
    let (soon, late) = (answered - Days::new(1), answered - Days::new(12));
    let mut within_norm = 0;
    let mut emails = Vec::new();
    for received in [soon, late] {
        let days = i64::from(enschede().working_days_between(received, answered));
        within_norm += i64::from(days <= EMAIL_WORKING_DAYS);
        let email = registered(
            loket,
            front,
            &format!(
                "channel: EMAIL, subject: \"{bsn}\", product: \"paspoort\", \
                 question: \"Mijn paspoort is verlopen.\", resolvedFirstContact: true, \
                 receivedAt: \"{}\", answeredAt: \"{}\"",
                noon(received),
                noon(answered)
            ),
        )
        .await;
        assert_eq!(email["responseWorkingDays"], days, "{email}");
        emails.push(email);
    }
    assert_eq!(
        within_norm, 1,
        "one day apart is in the norm, twelve are not"
    );
    let body = request_callback(loket, front, &slow, "burgerzaken").await;
    let made = &data(&body)["requestCallback"]["callback"];
    let done = complete_callback(loket, made, 1).await;
    assert_eq!(data(&done)["completeCallback"]["callback"]["inTime"], true);
    let body = request_callback(loket, front, &emails[1], "vergunningen").await;
    assert_eq!(
        data(&body)["requestCallback"]["callback"]["team"],
        "vergunningen"
    );

    let body = service_report(loket, manager).await;
    let report = &data(&body)["serviceReport"];
    let (from, to) = report_period();
    assert_eq!(report["period"]["from"], from.to_string());
    assert_eq!(report["period"]["to"], to.to_string());
    // The same period a year earlier (29 February becomes the 28th).
    let year_before = from
        .with_year(from.year() - 1)
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(from.year() - 1, 2, 28).unwrap());
    assert_eq!(date(&report["comparedWith"]["from"]), year_before);
    let after = &report["current"];
    // Four contacts; answered in the first: the quick call and the first e-mail (the others
    // were handed on).
    assert_eq!(grew(&before, after, "/contacts"), 4, "{report}");
    assert_eq!(
        grew(&before, after, "/firstContactResolution/count"),
        2,
        "{report}"
    );
    assert_eq!(
        grew(&before, after, "/firstContactResolution/total"),
        4,
        "{report}"
    );
    assert_share(&after["firstContactResolution"]);
    assert_eq!(
        int(&report["changes"]["contacts"]),
        int(&after["contacts"]) - int(&report["previous"]["contacts"])
    );
    for (name, contacts, resolved) in [("PHONE", 2, 1), ("EMAIL", 2, 1), ("COUNTER", 0, 0)] {
        let (was, is) = (channel(&before, name), channel(after, name));
        assert_eq!(grew(was, is, "/contacts"), contacts, "{name}: {report}");
        assert_eq!(
            grew(was, is, "/firstContactResolution/count"),
            resolved,
            "{name}: {report}"
        );
    }
    assert_eq!(
        after["channels"].as_array().unwrap().len(),
        7,
        "every channel"
    );
    let (was, is) = (channel(&before, "PHONE"), channel(after, "PHONE"));
    assert_eq!(topic(is, "paspoort") - topic(was, "paspoort"), 1, "{is}");
    assert_eq!(
        topic(is, "openingstijden") - topic(was, "openingstijden"),
        1,
        "{is}"
    );
    let label = is["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["topic"] == "paspoort")
        .map(|t| &t["label"]);
    assert_eq!(label, Some(&Value::from("Paspoort aanvragen")), "{is}");
    // The norms, with the numbers behind them.
    for (name, target, percentage, measured, met, pending) in [
        ("PHONE_ANSWER", 20, Value::from(80), 2, 1, 0),
        ("EMAIL_ANSWER", 2, Value::Null, 2, within_norm, 0),
        ("CALLBACK", 2, Value::Null, 1, 1, 1),
    ] {
        let (was, is) = (norm(&before, name), norm(after, name));
        assert_eq!(is["target"], target, "{name}: {is}");
        assert_eq!(is["targetPercentage"], percentage, "{name}: {is}");
        assert_eq!(
            grew(was, is, "/compliance/total"),
            measured,
            "{name}: {report}"
        );
        assert_eq!(grew(was, is, "/compliance/count"), met, "{name}: {report}");
        assert_eq!(grew(was, is, "/pending"), pending, "{name}: {report}");
        assert_share(&is["compliance"]);
        let share = &is["compliance"];
        let achieved = match (
            is["targetPercentage"].as_f64(),
            share["percentage"].as_f64(),
        ) {
            (_, None) => Value::Null,
            (Some(target), Some(pct)) => (pct >= target).into(),
            (None, Some(_)) => (share["count"] == share["total"]).into(),
        };
        assert_eq!(is["achieved"], achieved, "{name}: {is}");
    }
    // The demo cases decided at start-up count for the case deadlines.
    let closed: i64 = after["caseDeadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| int(&d["compliance"]["total"]))
        .sum();
    assert!(closed > 0, "{report}");
    // No resident, no employee, no question.
    let all = body.to_string();
    for personal in [bsn.as_str(), EMPLOYEE, QUESTION, ANSWER] {
        assert!(!all.contains(personal), "{personal:?} in {all}");
    }

    // Managers read figures, not contacts; the front office reads contacts, not figures.
    let refused = gql(loket, manager, "{ contactMoments { totalCount } }").await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");
    assert!(refused["data"].is_null(), "{refused}");
    let refused = gql(
        loket,
        manager,
        &format!("{{ contactMoments(subject: \"{bsn}\") {{ totalCount }} }}"),
    )
    .await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");
    let refused = service_report(loket, front).await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");

    service_csv(loket, &bsn, after).await;
}

/// `GET /reports/service.csv?{query}`, with a bearer token when given.
async fn csv(loket: &Loket, token: Option<&str>, query: &str) -> reqwest::Response {
    let mut request = loket
        .client()
        .get(format!("{}/reports/service.csv?{query}", loket.base));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

/// The report as CSV: the same figures as GraphQL, no personal data; refusals in JSON.
async fn service_csv(loket: &Loket, bsn: &str, figures: &Value) {
    let (from, to) = report_period();
    let period = format!("from={from}&to={to}");
    let response = csv(loket, Some(loket.token("manager")), &period).await;
    assert_eq!(response.status().as_u16(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let content_type = header("content-type");
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let disposition = header("content-disposition");
    assert!(
        disposition.contains(&format!("service-report-enschede-{from}-{to}.csv")),
        "{disposition}"
    );
    let body = response.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0], "section,channel,item,label,measure,current,previous,difference",
        "{body}"
    );
    let row = |prefix: &str| -> Vec<&str> {
        lines
            .iter()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("a {prefix} row in {body}"))
            .split(',')
            .collect()
    };
    let total = row("total,,contacts,");
    assert_eq!(total.len(), 8, "{total:?}");
    assert_eq!(total[5], figures["contacts"].to_string(), "{body}");
    let phone = row("channel,phone,contacts,");
    assert_eq!(
        phone[5],
        channel(figures, "PHONE")["contacts"].to_string(),
        "{body}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("norm,,phone-answer,")),
        "{body}"
    );
    for personal in [bsn, EMPLOYEE, QUESTION] {
        assert!(!body.contains(personal), "{personal:?} in {body}");
    }

    // Refusals are JSON in the GraphQL error shape.
    let refusal = |response: reqwest::Response| async move {
        let status = response.status().as_u16();
        let body: Value = response.json().await.expect("a JSON error");
        (status, body)
    };
    let (status, body) = refusal(csv(loket, None, &period).await).await;
    assert_eq!((status, code(&body)), (401, "UNAUTHENTICATED"), "{body}");
    let (status, body) = refusal(csv(loket, Some(loket.token("frontoffice")), &period).await).await;
    assert_eq!((status, code(&body)), (403, "FORBIDDEN"), "{body}");
    let (status, body) = refusal(
        csv(
            loket,
            Some(loket.token("manager")),
            &format!("from=bad&to={to}"),
        )
        .await,
    )
    .await;
    assert_eq!((status, code(&body)), (400, "BAD_USER_INPUT"), "{body}");
    assert_eq!(field(&body), "from");
}

/// A citizen sees their own contacts, newest first, with the municipality rather than the
/// employee; not another resident's.
async fn a_citizen_sees_their_own_contacts(loket: &Loket, url: &str) {
    let front = loket.token("frontoffice");
    let bsn = resident_of(loket, loket.token("citizen")).await;
    let other = other_resident(loket, &bsn).await;
    let first = registered(
        loket,
        front,
        &format!(
            "channel: PHONE, subject: \"{bsn}\", product: \"paspoort\", question: \"{QUESTION}\", \
             answer: \"{ANSWER}\", resolvedFirstContact: true, waitSeconds: 12"
        ),
    )
    .await;
    let second = registered(
        loket,
        front,
        &format!(
            "channel: COUNTER, subject: \"{bsn}\", topic: \"parkeren\", \
             question: \"Waar vraag ik een parkeervergunning aan?\", resolvedFirstContact: true"
        ),
    )
    .await;
    let neighbour = "Mijn buurman vroeg naar zijn WOZ-waarde.";
    registered(
        loket,
        front,
        &format!(
            "channel: PHONE, subject: \"{other}\", topic: \"WOZ\", question: \"{neighbour}\", \
             resolvedFirstContact: true, waitSeconds: 3"
        ),
    )
    .await;

    let citizen = token(url, "enschede", "citizen", Some(&bsn)).await;
    let body = gql(
        loket,
        &citizen,
        "{ me { contactMoments { totalCount edges { node { id subject question employee } } } } }",
    )
    .await;
    let mine = &data(&body)["me"]["contactMoments"];
    assert_eq!(mine["totalCount"], 2, "{body}");
    let seen: Vec<&Value> = nodes(mine).into_iter().map(|c| &c["id"]).collect();
    assert_eq!(seen, [&second["id"], &first["id"]], "newest first: {body}");
    for contact in nodes(mine) {
        assert_eq!(contact["subject"], bsn.as_str(), "{body}");
        assert!(contact["employee"].is_null(), "{body}");
    }
    assert_eq!(nodes(mine)[1]["question"], QUESTION);
    let all = body.to_string();
    assert!(!all.contains(EMPLOYEE) && !all.contains(neighbour), "{all}");
    // The top-level list, without or with their own BSN, is the same.
    for subject in [String::new(), format!("(subject: \"{bsn}\")")] {
        let body = gql(
            loket,
            &citizen,
            &format!(
                "{{ contactMoments{subject} {{ totalCount edges {{ node {{ id employee }} }} }} }}"
            ),
        )
        .await;
        let list = &data(&body)["contactMoments"];
        assert_eq!(list["totalCount"], 2, "{body}");
        assert!(
            nodes(list).iter().all(|c| c["employee"].is_null()),
            "{body}"
        );
    }
    // Another resident's contacts are refused.
    let refused = gql(
        loket,
        &citizen,
        &format!("{{ contactMoments(subject: \"{other}\") {{ totalCount edges {{ node {{ question }} }} }} }}"),
    )
    .await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");
    assert!(refused["data"].is_null(), "{refused}");
    assert!(!refused.to_string().contains(neighbour), "{refused}");
    // A resident does not register contacts.
    let refused = register(
        loket,
        &citizen,
        &format!(
            "channel: PHONE, subject: \"{bsn}\", topic: \"WOZ\", question: \"Vraag\", \
             resolvedFirstContact: true, waitSeconds: 3"
        ),
    )
    .await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");
    // Staff see who registered them; `me.contactMoments` is a citizen's own list only.
    let staff = contacts_of(loket, front, &bsn).await;
    assert!(
        nodes(&staff).iter().all(|c| c["employee"] == EMPLOYEE),
        "{staff}"
    );
    let body = gql(loket, front, "{ me { contactMoments { totalCount } } }").await;
    assert!(data(&body)["me"]["contactMoments"].is_null(), "{body}");
}

// ---------------------------------------------------------------------------------------------
// Tests, on SQLite and on PostgreSQL
// ---------------------------------------------------------------------------------------------

/// `loket serve` on a fresh SQLite database; the database URL.
async fn on_sqlite() -> (Loket, String) {
    let db = TestDb::sqlite_empty().await;
    let url = db.url().to_owned();
    (Loket::start(db).await, url)
}

/// `loket serve` on a fresh PostgreSQL database, where a server can be had.
async fn on_postgres() -> Option<(Loket, String)> {
    let db = TestDb::postgres_empty().await?;
    let url = db.url().to_owned();
    Some((Loket::start(db).await, url))
}

#[tokio::test]
async fn registering_contacts_and_calling_back_on_sqlite() {
    let (loket, _) = on_sqlite().await;
    registering_contacts_and_calling_back(&loket).await;
}

#[tokio::test]
async fn registering_contacts_and_calling_back_on_postgres() {
    let Some((loket, _)) = on_postgres().await else {
        return;
    };
    registering_contacts_and_calling_back(&loket).await;
}

#[tokio::test]
async fn resident_view_and_isolation_on_sqlite() {
    let (loket, url) = on_sqlite().await;
    resident_view_and_isolation(&loket, &url).await;
}

#[tokio::test]
async fn resident_view_and_isolation_on_postgres() {
    let Some((loket, url)) = on_postgres().await else {
        return;
    };
    resident_view_and_isolation(&loket, &url).await;
}

#[tokio::test]
async fn managers_get_figures_never_people_on_sqlite() {
    let (loket, _) = on_sqlite().await;
    managers_get_figures_never_people(&loket).await;
}

#[tokio::test]
async fn managers_get_figures_never_people_on_postgres() {
    let Some((loket, _)) = on_postgres().await else {
        return;
    };
    managers_get_figures_never_people(&loket).await;
}

#[tokio::test]
async fn a_citizen_sees_their_own_contacts_on_sqlite() {
    let (loket, url) = on_sqlite().await;
    a_citizen_sees_their_own_contacts(&loket, &url).await;
}

#[tokio::test]
async fn a_citizen_sees_their_own_contacts_on_postgres() {
    let Some((loket, url)) = on_postgres().await else {
        return;
    };
    a_citizen_sees_their_own_contacts(&loket, &url).await;
}
