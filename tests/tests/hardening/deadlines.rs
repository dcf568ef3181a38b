//! Finding 3: `suspendCase` or `extendCase` with `days` near `u32::MAX` wrapped the bound
//! check in a release build and committed `suspended_days = 2147483652`; from then on the case,
//! the tenant's whole back-office work queue and the resident's `me.cases` were `INTERNAL`.
//!
//! Required: every numeric input validated to its domain at the edge: `days` outside what the
//! case type allows (0, negative, near `i32::MAX` or `u32::MAX`) is `BAD_USER_INPUT` naming
//! `days`, changes nothing, and the case, the work queue and `me.cases` stay readable.

use loket_tests::fuzz::server::Engine;
use serde_json::Value;

use super::{ask, assert_none, caller, data, names_field, start};

/// `days` values to try, and whether GraphQL's `Int` (32 bits) can even hold them.
const HOSTILE: [(i64, bool); 9] = [
    (4_294_967_295, false),
    (4_294_967_294, false),
    (4_294_967_296, false),
    (2_147_483_648, false),
    (2_147_483_647, true),
    (2_147_483_646, true),
    (-1, true),
    (0, true),
    (-2_147_483_648, true),
];

const CASE: &str = "id reference version suspendedDays extendedDays deadline \
    caseType { suspensionMaxDays extensionMaxDays }";

async fn hostile_days(engine: Engine) {
    let Some(server) = start(engine, &[]).await else {
        return;
    };
    let back = caller(&server, "enschede", "backoffice", None).await;
    let queue = data(
        &server,
        &back,
        &format!("{{ cases(first: 100) {{ nodes {{ {CASE} subjectBsn }} }} }}"),
    )
    .await;
    let case = queue["cases"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["caseType"]["suspensionMaxDays"].as_i64() > Some(2)
                && c["caseType"]["extensionMaxDays"].as_i64() > Some(2)
        })
        .unwrap_or_else(|| panic!("a case that may be suspended and extended: {queue}"))
        .clone();
    let id = case["id"].as_str().unwrap().to_owned();
    let bsn = case["subjectBsn"].as_str().unwrap().to_owned();
    let citizen = caller(&server, "enschede", "citizen", Some(&bsn)).await;
    let read = |id: &str| format!("{{ case(id: \"{id}\") {{ {CASE} }} }}");
    let mut version = case["version"].as_i64().unwrap();
    // A day of each first, so that a sum with what is used already can wrap.
    for mutation in ["suspendCase", "extendCase"] {
        let moved = data(
            &server,
            &back,
            &format!(
                "mutation {{ {mutation}(input: {{ caseId: \"{id}\", days: 1, reason: \"Wachten op stukken\", \
                 expectedVersion: {version} }}) {{ case {{ version }} }} }}"
            ),
        )
        .await;
        version = moved[mutation]["case"]["version"].as_i64().unwrap();
    }
    let before = data(&server, &back, &read(&id)).await["case"].clone();

    let mut problems = Vec::new();
    for mutation in ["suspendCase", "extendCase"] {
        for (days, fits_int) in HOSTILE {
            let query = format!(
                "mutation {{ {mutation}(input: {{ caseId: \"{id}\", days: {days}, reason: \"x\", \
                 expectedVersion: {version} }}) {{ case {{ suspendedDays extendedDays }} }} }}"
            );
            match ask(&server, &back, &query).await {
                Err(e) => problems.push(format!("{mutation} days {days}: {e}")),
                Ok(answer) => {
                    let error = answer.errors().first().cloned().unwrap_or(Value::Null);
                    let refused = error["extensions"]["code"] == "BAD_USER_INPUT"
                        && names_field(&error, "days", !fits_int);
                    if !refused || answer.status >= 500 {
                        problems.push(format!(
                            "{mutation} days {days}: expected BAD_USER_INPUT on `days`, got HTTP {} {}",
                            answer.status, answer.body
                        ));
                    }
                }
            }
        }
    }
    // Nothing changed, and everything that shows the case still reads.
    match ask(&server, &back, &read(&id)).await {
        Ok(answer) if answer.errors().is_empty() => {
            if answer.body["data"]["case"] != before {
                problems.push(format!(
                    "the case changed: before {before}, after {}",
                    answer.body["data"]["case"]
                ));
            }
        }
        other => problems.push(format!("case(id:) after the attempts: {other:?}")),
    }
    for (who, query) in [
        (
            &back,
            "{ cases(first: 100) { totalCount overdueCount nodes { reference deadline suspendedDays extendedDays } } }",
        ),
        (
            &citizen,
            "{ me { cases(first: 100) { totalCount nodes { reference deadline expectedCompletion suspendedDays } } } }",
        ),
    ] {
        match ask(&server, who, query).await {
            Ok(answer) if answer.status == 200 && answer.errors().is_empty() => {}
            other => problems.push(format!(
                "{query} as {} after the attempts: {other:?}",
                who.label()
            )),
        }
    }
    assert_none(&format!("hostile days on {engine:?}"), &problems);
}

#[tokio::test]
async fn hostile_days_leave_the_case_and_the_work_queue_readable_on_sqlite() {
    hostile_days(Engine::Sqlite).await;
}

#[tokio::test]
async fn hostile_days_leave_the_case_and_the_work_queue_readable_on_postgres() {
    hostile_days(Engine::Postgres).await;
}
