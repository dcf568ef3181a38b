//! Finding 1: one anonymous request aborted the whole process. A catalogue search with a
//! cursor at offset 10^12 made the search reserve about 16 TB; offsets of 2^63 and more
//! panicked in the SQL layer and dropped the connection; `u64::MAX` wrapped to the first page.
//!
//! Required: a malformed or out-of-range cursor is `BAD_USER_INPUT` with `extensions.field`
//! `after`, and the server answers the next request. A failure inside a request is `INTERNAL`
//! carrying the request id (`extensions.requestId` = the `x-request-id` header), never a
//! dropped connection, and other requests are untouched.
//!
//! A panic cannot be provoked from outside once the bounds hold, and this suite adds no panic
//! hook to the server. What can be observed is tested instead: every answer here carries an
//! `x-request-id`; a case whose stored numbers are corrupt (as finding 3 left them) is read
//! without dropping the connection while other requests go on; and a failing database is
//! `INTERNAL` with the request id.

use futures_util::future::join_all;
use loket_store::Db;
use loket_tests::fuzz::{
    callers::Caller,
    hostile::cursor,
    server::{Engine, Server},
};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

use super::{Answer, ask, ask_with, assert_none, caller, data, internal_without_request_id, start};

/// Cursor payloads the issue quotes: 10^12, 2^63 and `u64::MAX`.
const OFFSETS: [(&str, &str); 3] = [
    ("10^12", "o:1000000000000"),
    ("2^63", "o:9223372036854775808"),
    ("u64::MAX", "o:18446744073709551615"),
];

/// What a refused cursor must look like; the problem, if any.
fn refused_cursor(answer: &Answer) -> Option<String> {
    let error = answer.errors().first().cloned();
    let ok = error.as_ref().is_some_and(|e| {
        e["extensions"]["code"] == "BAD_USER_INPUT" && e["extensions"]["field"] == "after"
    });
    let no_data = answer.body["data"].is_null()
        || answer.body["data"]
            .as_object()
            .is_some_and(|d| d.values().all(|v| v.is_null()));
    if !ok || !no_data {
        return Some(format!(
            "expected BAD_USER_INPUT on `after`, got HTTP {}: {}",
            answer.status, answer.body
        ));
    }
    answer
        .request_id
        .is_none()
        .then(|| "the answer has no x-request-id header".to_owned())
}

/// Sends `selection` with the crafted cursor; checks the answer, and that the server lives on
/// and answers the next request (starting it again when it died, to test the rest).
async fn check(
    server: &mut Server,
    who: &Caller,
    selection: &str,
    name: &str,
    payload: &str,
    problems: &mut Vec<String>,
) {
    let query = format!("query($after: String) {{ {selection} }}");
    let variables = json!({ "after": cursor(payload) });
    let answer = ask_with(server, who, &query, Some(variables), Vec::new()).await;
    let label = format!(
        "{selection} as {} with a cursor at offset {name}",
        who.label()
    );
    match answer {
        Ok(answer) => problems.extend(refused_cursor(&answer).map(|p| format!("{label}: {p}"))),
        Err(e) => problems.push(format!("{label}: {e}")),
    }
    if let Err(why) = server.health().await {
        problems.push(format!("{label}: the server did not survive: {why}"));
        server.restart().await;
        return;
    }
    if let Err(e) = ask(server, &Caller::anonymous("haarlem"), "{ tenant { slug } }").await {
        problems.push(format!("{label}: the next request failed: {e}"));
    }
}

async fn cursors_are_bounded(engine: Engine) {
    let Some(mut server) = start(engine, &[]).await else {
        return;
    };
    let front = caller(&server, "enschede", "frontoffice", None).await;
    let back = caller(&server, "enschede", "backoffice", None).await;
    let admin = caller(&server, "enschede", "admin", None).await;
    let anonymous = Caller::anonymous("enschede");
    let home = data(
        &server,
        &back,
        "{ cases(first: 1) { nodes { subjectBsn } } }",
    )
    .await;
    let bsn = home["cases"]["nodes"][0]["subjectBsn"]
        .as_str()
        .unwrap()
        .to_owned();
    let address = data(
        &server,
        &front,
        &format!("{{ person(bsn: \"{bsn}\") {{ address {{ postcode houseNumber }} }} }}"),
    )
    .await;
    let postcode = address["person"]["address"]["postcode"]
        .as_str()
        .unwrap()
        .to_owned();
    let number = address["person"]["address"]["houseNumber"]
        .as_i64()
        .unwrap();
    // The catalogue with every offset; the lists paged in SQL with those past `i64`.
    let mut problems = Vec::new();
    let search = "products(search: \"paspoort\", after: $after) { totalCount }";
    for (name, payload) in &OFFSETS {
        check(
            &mut server,
            &anonymous,
            search,
            name,
            payload,
            &mut problems,
        )
        .await;
    }
    let operations: Vec<(&Caller, String)> = vec![
        (
            &front,
            format!(
                "searchPersons(postcode: \"{postcode}\", houseNumber: {number}, after: $after) {{ edges {{ cursor }} }}"
            ),
        ),
        (&back, "cases(after: $after) { totalCount }".into()),
        (
            &front,
            "contactMoments(after: $after) { totalCount }".into(),
        ),
        (&back, "callbacks(after: $after) { totalCount }".into()),
        (
            &admin,
            "processingLog(after: $after) { edges { cursor } }".into(),
        ),
        (
            &admin,
            "deliveries(after: $after) { edges { cursor } }".into(),
        ),
    ];
    for (who, selection) in &operations {
        for (name, payload) in &OFFSETS[1..] {
            check(&mut server, who, selection, name, payload, &mut problems).await;
        }
    }
    assert_none(&format!("crafted cursors on {engine:?}"), &problems);
}

#[tokio::test]
async fn crafted_cursors_are_bad_user_input_on_sqlite() {
    cursors_are_bounded(Engine::Sqlite).await;
}

#[tokio::test]
async fn crafted_cursors_are_bad_user_input_on_postgres() {
    cursors_are_bounded(Engine::Postgres).await;
}

/// Runs SQL on the server's database as the test database's owner.
async fn execute(server: &Server, sql: &str) {
    let db = Db::connect(server.db_url()).await.unwrap();
    db.raw()
        .execute_raw(Statement::from_string(db.db_backend(), sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    db.close().await.unwrap();
}

/// A case whose stored suspension is what the overflow of finding 3 left behind: reading it
/// answers (an error, if any, with a code, and `INTERNAL` with the request id) and does not
/// disturb the requests around it.
async fn a_corrupt_case_is_answered(engine: Engine) {
    let Some(server) = start(engine, &[]).await else {
        return;
    };
    let back = caller(&server, "enschede", "backoffice", None).await;
    let anonymous = Caller::anonymous("enschede");
    let queue = data(
        &server,
        &back,
        "{ cases(first: 1) { nodes { id reference } } }",
    )
    .await;
    let reference = queue["cases"]["nodes"][0]["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    // What the overflow committed on SQLite (PostgreSQL's integer column cannot hold it, so
    // this state exists only there).
    let days = 2_147_483_652_i64;
    execute(
        &server,
        &format!("UPDATE cases SET suspended_days = {days} WHERE reference = '{reference}'"),
    )
    .await;
    let read =
        format!("{{ case(reference: \"{reference}\") {{ reference deadline suspendedDays }} }}");
    let reads = (0..4).map(|_| ask(&server, &back, &read));
    let others = (0..8).map(|_| ask(&server, &anonymous, "{ tenant { slug } }"));
    let (reads, others) = tokio::join!(join_all(reads), join_all(others));
    let mut problems = Vec::new();
    for answer in reads {
        match answer {
            Ok(answer) => {
                problems.extend(internal_without_request_id(&answer));
                if answer
                    .errors()
                    .iter()
                    .any(|e| e["extensions"]["code"].is_null())
                {
                    problems.push(format!("an error without a code: {}", answer.body));
                }
            }
            Err(e) => problems.push(format!("reading the corrupt case: {e}")),
        }
    }
    for answer in others {
        match answer {
            Ok(answer) if answer.status == 200 && answer.errors().is_empty() => {}
            other => problems.push(format!("a request beside it: {other:?}")),
        }
    }
    if let Err(why) = server.health().await {
        problems.push(format!("the server did not survive: {why}"));
    }
    assert_none(&format!("a corrupt case on {engine:?}"), &problems);
}

#[tokio::test]
async fn a_corrupt_case_is_answered_on_sqlite() {
    a_corrupt_case_is_answered(Engine::Sqlite).await;
}

/// A database failure (a table gone) is `INTERNAL` with the request id of the response.
#[tokio::test]
async fn an_internal_failure_carries_the_request_id() {
    let Some(server) = start(Engine::Sqlite, &[]).await else {
        return;
    };
    let front = caller(&server, "enschede", "frontoffice", None).await;
    execute(
        &server,
        "ALTER TABLE contact_moments RENAME TO contact_moments_gone",
    )
    .await;
    let answer = ask(&server, &front, "{ contactMoments { totalCount } }")
        .await
        .expect("an answer");
    assert_eq!(answer.code(), "INTERNAL", "{}", answer.body);
    assert!(answer.request_id.is_some(), "an x-request-id header");
    assert_eq!(
        answer.error()["extensions"]["requestId"].as_str(),
        answer.request_id.as_deref(),
        "extensions.requestId is the x-request-id of the response: {}",
        answer.body
    );
    assert_eq!(
        answer.error()["message"],
        "internal error",
        "no cause leaks: {}",
        answer.body
    );
}
