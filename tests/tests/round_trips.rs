//! The deterministic guard on the read path: the transactions and statements each hot request
//! costs, counted by the store layer and read from the gateway's own `/metrics`, on both
//! engines. A change that adds a round trip to `me.cases`, `residentView`, the work queue,
//! `submitRequest` or `setCaseStatus` fails here; raise a budget only with a reason.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    clippy::print_stdout,
    reason = "a test fails loudly and prints what it measured"
)]

use loket_store::testing::TestDb;
use loket_tests::{Loket, tenants_dir};
use serde_json::Value;

/// What one request may cost: transactions, statements (including `BEGIN`, the tenant
/// settings and `COMMIT`).
struct Budget {
    operation: &'static str,
    transactions: u64,
    statements: u64,
}

/// The counters of one operation label, as `/metrics` shows them.
async fn counters(loket: &Loket, operation: &str) -> (u64, u64) {
    let text = loket
        .client()
        .get(format!("{}/metrics", loket.base))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("metrics text");
    let read = |name: &str| {
        let prefix = format!("{name}{{operation=\"{operation}\"}} ");
        text.lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .map_or(0, |v| v.trim().parse::<f64>().expect("a number") as u64)
    };
    (
        read("loket_db_transactions_total"),
        read("loket_db_statements_total"),
    )
}

/// Runs `query` once as `token` and returns its data and what it cost.
async fn measured(loket: &Loket, token: &str, operation: &str, query: &str) -> (Value, u64, u64) {
    let (tx0, st0) = counters(loket, operation).await;
    let (status, body) = loket.graphql(Some(token), None, query).await;
    assert_eq!(status, 200, "{query}: {body}");
    assert!(body.get("errors").is_none(), "{query}: {body}");
    let (tx1, st1) = counters(loket, operation).await;
    (body["data"].clone(), tx1 - tx0, st1 - st0)
}

fn check(budget: &Budget, transactions: u64, statements: u64, engine: &str) {
    println!(
        "{engine:<10} {:<14} {transactions} transaction(s), {statements} statements",
        budget.operation
    );
    assert!(
        transactions <= budget.transactions && statements <= budget.statements,
        "{engine}: {} took {transactions} transactions and {statements} statements; the budget \
         is {} and {}",
        budget.operation,
        budget.transactions,
        budget.statements
    );
}

async fn guard(db: TestDb, budgets: &[Budget; 5]) {
    let engine = format!("{:?}", db.backend());
    // No dispatcher: its writes would race the requests measured here, and on SQLite a read
    // transaction that finds another writer first writes its log in a transaction of its own
    // (see `Session::finish`), which is right under load but not what this guard counts.
    let loket = Loket::start_with(db, &tenants_dir(), &[("LOKET_DISPATCH", "false")]).await;
    let citizen = loket.token("citizen").to_owned();
    let front = loket.token("frontoffice").to_owned();
    let back = loket.token("backoffice").to_owned();
    let (status, me) = loket
        .graphql(
            Some(&citizen),
            None,
            "{ me { person { bsn address { id } } } }",
        )
        .await;
    assert_eq!(status, 200, "{me}");
    let person = &me["data"]["me"]["person"];
    let bsn = person["bsn"].as_str().unwrap().to_owned();
    let address = person["address"]["id"].as_str().unwrap().to_owned();

    // 1. The resident's cases with their timelines.
    let (data, tx, st) = measured(
        &loket,
        &citizen,
        "me",
        "{ me { cases(first: 20) { totalCount edges { node { reference status { name daysInStep } \
         timeline { name at explanation } expectedCompletion decision { name } } } } } }",
    )
    .await;
    assert!(data["me"]["cases"]["totalCount"].as_u64().unwrap() > 0);
    check(&budgets[0], tx, st, &engine);

    // 2. The front office's view of the resident.
    let (data, tx, st) = measured(
        &loket,
        &front,
        "residentView",
        &format!(
            "{{ residentView(bsn: \"{bsn}\") {{ bsn contacts {{ totalCount edges {{ node {{ \
             channel topic }} }} }} cases {{ totalCount edges {{ node {{ reference \
             status {{ name }} decision {{ name }} }} }} }} }} }}"
        ),
    )
    .await;
    assert!(
        data["residentView"]["cases"]["totalCount"]
            .as_u64()
            .unwrap()
            > 0
    );
    check(&budgets[1], tx, st, &engine);

    // 3. The back office's work queue.
    let (data, tx, st) = measured(
        &loket,
        &back,
        "cases",
        "{ cases(first: 20) { totalCount overdueCount edges { node { reference deadline \
         overdue handler status { name } permissions { update decide } } } } }",
    )
    .await;
    assert!(data["cases"]["totalCount"].as_u64().unwrap() > 0);
    check(&budgets[2], tx, st, &engine);

    // 4. A request for two products, and the cases it returns.
    let (data, tx, st) = measured(
        &loket,
        &citizen,
        "submitRequest",
        &format!(
            "mutation {{ submitRequest(input: {{ products: [\"omgevingsvergunning\", \
             \"uitritvergunning\"], idempotencyKey: \"guard\", addressId: \"{address}\" }}) {{ \
             cases {{ id reference status {{ name }} deadline version }} }} }}"
        ),
    )
    .await;
    let case = data["submitRequest"]["cases"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    check(&budgets[3], tx, st, &engine);

    // 5. A status change and the case it returns.
    let (data, tx, st) = measured(
        &loket,
        &back,
        "setCaseStatus",
        &format!(
            "mutation {{ setCaseStatus(input: {{ caseId: \"{case}\", status: \"in-review\", \
             expectedVersion: 1 }}) {{ case {{ version status {{ name }} }} }} }}"
        ),
    )
    .await;
    assert_eq!(data["setCaseStatus"]["case"]["version"], 2);
    check(&budgets[4], tx, st, &engine);
}

/// `me.cases` on SQLite: `BEGIN`, the page with its counts, the page's events, the
/// processing log's one insert, `COMMIT`. PostgreSQL adds one statement for the transaction's
/// role and tenant settings.
#[tokio::test]
async fn hot_requests_keep_their_round_trips_on_sqlite() {
    guard(
        TestDb::sqlite_empty().await,
        &[
            Budget {
                operation: "me.cases",
                transactions: 1,
                statements: 5,
            },
            Budget {
                operation: "residentView",
                transactions: 1,
                statements: 5,
            },
            Budget {
                operation: "work queue",
                transactions: 1,
                statements: 4,
            },
            Budget {
                operation: "submitRequest",
                transactions: 1,
                statements: 9,
            },
            Budget {
                operation: "setCaseStatus",
                transactions: 1,
                statements: 7,
            },
        ],
    )
    .await;
}

#[tokio::test]
async fn hot_requests_keep_their_round_trips_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    guard(
        db,
        &[
            Budget {
                operation: "me.cases",
                transactions: 1,
                statements: 6,
            },
            Budget {
                operation: "residentView",
                transactions: 1,
                statements: 6,
            },
            Budget {
                operation: "work queue",
                transactions: 1,
                statements: 5,
            },
            Budget {
                operation: "submitRequest",
                transactions: 1,
                statements: 10,
            },
            Budget {
                operation: "setCaseStatus",
                transactions: 1,
                statements: 8,
            },
        ],
    )
    .await;
}
