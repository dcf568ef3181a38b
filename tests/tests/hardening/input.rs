//! Finding 6: hostile input reached the database or the code as `INTERNAL` or HTTP 500: a NUL
//! byte in about 20 string inputs, out-of-range ints inside input objects, dates outside
//! PostgreSQL's range, and an `x-request-id` longer than 32 characters, which turned every
//! read of personal data into `INTERNAL`.
//!
//! Required: every string, int and date a client can send is validated at the edge, with
//! `BAD_USER_INPUT` and the field named; trace context comes from a valid `traceparent` and
//! never breaks a read. Both engines, since PostgreSQL refuses what SQLite stores.

use loket_tests::fuzz::{callers::Caller, server::Engine};
use serde_json::{Value, json};

use super::{Answer, ask, ask_with, assert_none, caller, data, names_field, start};

/// A request and the input it must be refused on.
struct Refusal<'a> {
    who: &'a Caller,
    query: String,
    variables: Value,
    field: Vec<&'static str>,
    type_level: bool,
}

fn judge(refusal: &Refusal<'_>, answer: Result<Answer, String>) -> Option<String> {
    let label = format!(
        "{} {} as {}",
        refusal.query,
        refusal.variables,
        refusal.who.label()
    );
    let answer = match answer {
        Ok(answer) => answer,
        Err(e) => return Some(format!("{label}: {e}")),
    };
    let error = answer.errors().first().cloned().unwrap_or(Value::Null);
    let named = refusal
        .field
        .iter()
        .any(|f| names_field(&error, f, refusal.type_level));
    (error["extensions"]["code"] != "BAD_USER_INPUT" || !named || answer.status >= 500).then(|| {
        format!(
            "{label}: expected BAD_USER_INPUT naming {:?}, got HTTP {} {}",
            refusal.field, answer.status, answer.body
        )
    })
}

async fn refused(engine: Engine) {
    let Some(server) = start(engine, &[]).await else {
        return;
    };
    let front = caller(&server, "enschede", "frontoffice", None).await;
    let back = caller(&server, "enschede", "backoffice", None).await;
    let manager = caller(&server, "enschede", "manager", None).await;
    let citizen = caller(&server, "enschede", "citizen", None).await;
    let anonymous = Caller::anonymous("enschede");
    let queue = data(
        &server,
        &back,
        "{ cases(first: 1) { nodes { id version subjectBsn } } }",
    )
    .await;
    let case = &queue["cases"]["nodes"][0];
    let (case_id, bsn) = (
        case["id"].as_str().unwrap(),
        case["subjectBsn"].as_str().unwrap(),
    );
    let version = case["version"].as_i64().unwrap();

    let note = "mutation($text: String!) { addCaseNote(input: { caseId: $caseId, text: $text }) { case { id } } }"
        .replace("$caseId", &format!("\"{case_id}\""));
    let contact = |field: &str| {
        format!(
            "mutation($v: String) {{ registerContact(input: {{ channel: PHONE, subject: \"{bsn}\", \
             topic: \"openingstijden\", question: \"Vraag\", resolvedFirstContact: true, waitSeconds: 5, \
             {field}: $v }}) {{ contact {{ id }} }} }}"
        )
    };
    let mut cases: Vec<Refusal<'_>> = Vec::new();
    let mut add = |who, query: String, variables: Value, field, type_level| {
        cases.push(Refusal {
            who,
            query,
            variables,
            field,
            type_level,
        });
    };
    // NUL and other control characters in strings.
    for text in ["a\0b", "\0", "bel\u{7}", "esc\u{1b}[2J"] {
        add(
            &back,
            note.clone(),
            json!({ "text": text }),
            vec!["text"],
            false,
        );
    }
    for field in ["question", "answer", "topic", "idempotencyKey"] {
        add(
            &front,
            contact(field),
            json!({ "v": "x\0y" }),
            vec![field],
            false,
        );
    }
    add(
        &citizen,
        "mutation($d: String) { submitRequest(input: { products: [\"uitritvergunning\"], description: $d }) { bundleId } }".into(),
        json!({ "d": "graag\0snel" }),
        vec!["description"],
        false,
    );
    add(
        &anonymous,
        "query($s: String) { products(search: $s) { totalCount } }".into(),
        json!({ "s": "pas\0poort" }),
        vec!["search"],
        false,
    );
    add(
        &front,
        "query($s: String) { searchPersons(surname: $s, birthDate: \"1980-01-01\") { edges { cursor } } }".into(),
        json!({ "s": "Jan\0sen" }),
        vec!["surname"],
        false,
    );
    // Out-of-range ints inside input objects and arguments.
    add(
        &back,
        format!(
            "mutation {{ suspendCase(input: {{ caseId: \"{case_id}\", days: -1, reason: \"r\", expectedVersion: {version} }}) {{ case {{ id }} }} }}"
        ),
        Value::Null,
        vec!["days"],
        false,
    );
    for (field, value, type_level) in [
        ("waitSeconds", "2147483648", true),
        ("waitSeconds", "-1", false),
        ("handlingSeconds", "-1", false),
    ] {
        add(
            &front,
            format!(
                "mutation {{ registerContact(input: {{ channel: PHONE, subject: \"{bsn}\", topic: \"x\", \
                 question: \"Vraag\", resolvedFirstContact: true, waitSeconds: 5, {field}: {value} }}) {{ contact {{ id }} }} }}"
            )
            .replace("waitSeconds: 5, waitSeconds", "waitSeconds"),
            Value::Null,
            vec![field],
            type_level,
        );
    }
    add(
        &manager,
        "{ searchReport(period: { from: \"2026-01-01\", to: \"2026-01-31\" }, limit: -1) { searches } }".into(),
        Value::Null,
        vec!["limit"],
        false,
    );
    // Dates outside PostgreSQL's range (and outside any calendar), in periods short enough
    // that only the dates themselves are wrong.
    for ((from, to), type_level) in [
        (("-5000-01-01", "-5000-01-31"), false),
        (("+262143-12-01", "+262143-12-31"), true),
    ] {
        let period = format!("period: {{ from: \"{from}\", to: \"{to}\" }}");
        for query in [
            format!("{{ serviceReport({period}) {{ current {{ contacts }} }} }}"),
            format!("{{ searchReport({period}) {{ searches }} }}"),
        ] {
            add(
                &manager,
                query,
                Value::Null,
                vec!["from", "to", "period"],
                type_level,
            );
        }
        add(
            &back,
            format!("{{ cases(filter: {{ dueBefore: \"{to}\" }}) {{ totalCount }} }}"),
            Value::Null,
            vec!["dueBefore"],
            type_level,
        );
    }
    let mut problems = Vec::new();
    for refusal in &cases {
        let variables = (!refusal.variables.is_null()).then(|| refusal.variables.clone());
        let answer = ask_with(&server, refusal.who, &refusal.query, variables, Vec::new()).await;
        problems.extend(judge(refusal, answer));
    }
    // The CSV report: HTTP 400 naming `from`.
    for (from, to) in [
        ("-5000-01-01", "-5000-01-31"),
        ("+262143-12-01", "+262143-12-31"),
    ] {
        let response = server
            .loket()
            .client()
            .get(format!(
                "{}/reports/service.csv?from={from}&to={to}",
                server.base()
            ))
            .bearer_auth(manager.token.as_deref().unwrap())
            .send()
            .await;
        match response {
            Ok(response) => {
                let status = response.status().as_u16();
                let body: Value = response.json().await.unwrap_or(Value::Null);
                let error = &body["errors"][0];
                if status != 400
                    || error["extensions"]["code"] != "BAD_USER_INPUT"
                    || error["extensions"]["field"] != "from"
                {
                    problems.push(format!("/reports/service.csv?from={from}&to={to}: expected 400 BAD_USER_INPUT on `from`, got {status} {body}"));
                }
            }
            Err(e) => problems.push(format!("/reports/service.csv?from={from}&to={to}: {e}")),
        }
    }
    // Multi-line text is ordinary and stays allowed.
    let lines = ask_with(
        &server,
        &back,
        &note,
        Some(json!({ "text": "regel een\nregel twee\ttab" })),
        Vec::new(),
    )
    .await;
    if !lines.as_ref().is_ok_and(|a| a.errors().is_empty()) {
        problems.push(format!(
            "a note with a line break and a tab was refused: {lines:?}"
        ));
    }
    assert_none(&format!("hostile input on {engine:?}"), &problems);
}

#[tokio::test]
async fn hostile_strings_ints_and_dates_are_bad_user_input_on_sqlite() {
    refused(Engine::Sqlite).await;
}

#[tokio::test]
async fn hostile_strings_ints_and_dates_are_bad_user_input_on_postgres() {
    refused(Engine::Postgres).await;
}

/// W3C trace id of [`TRACEPARENT`].
const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

/// A long `x-request-id` and a valid `traceparent` never break a read of personal data, and
/// the processing log takes its trace id from the `traceparent`.
async fn trace_headers(engine: Engine) {
    let Some(server) = start(engine, &[]).await else {
        return;
    };
    let front = caller(&server, "enschede", "frontoffice", None).await;
    let admin = caller(&server, "enschede", "admin", None).await;
    let back = caller(&server, "enschede", "backoffice", None).await;
    let queue = data(
        &server,
        &back,
        "{ cases(first: 1) { nodes { subjectBsn } } }",
    )
    .await;
    let bsn = queue["cases"]["nodes"][0]["subjectBsn"]
        .as_str()
        .unwrap()
        .to_owned();
    let read = format!(
        "{{ person(bsn: \"{bsn}\") {{ bsn name {{ fullName }} address {{ postcode }} }} }}"
    );
    let long = "r".repeat(200);
    let mut problems = Vec::new();
    for headers in [
        vec![
            ("x-request-id", long.as_str()),
            ("traceparent", TRACEPARENT),
        ],
        vec![("x-request-id", long.as_str())],
        vec![("traceparent", TRACEPARENT)],
    ] {
        let sent: Vec<(String, String)> = headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        match ask_with(&server, &front, &read, None, sent).await {
            Ok(answer)
                if answer.errors().is_empty()
                    && answer.body["data"]["person"]["bsn"] == bsn.as_str() => {}
            other => problems.push(format!("person(bsn:) with headers {headers:?}: {other:?}")),
        }
    }
    let log = ask(&server, &admin, "{ processingLog(first: 20, filter: { operation: \"person\" }) { nodes { traceId requestId } } }").await;
    let traced = log
        .as_ref()
        .ok()
        .and_then(|a| a.body["data"]["processingLog"]["nodes"].as_array().cloned())
        .is_some_and(|nodes| nodes.iter().any(|n| n["traceId"] == TRACE_ID));
    if !traced {
        problems.push(format!(
            "no processing-log entry carries the traceparent's trace id {TRACE_ID}: {log:?}"
        ));
    }
    assert_none(&format!("trace headers on {engine:?}"), &problems);
}

#[tokio::test]
async fn trace_headers_never_break_a_read_on_sqlite() {
    trace_headers(Engine::Sqlite).await;
}

#[tokio::test]
async fn trace_headers_never_break_a_read_on_postgres() {
    trace_headers(Engine::Postgres).await;
}
