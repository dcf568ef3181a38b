//! A dispatcher killed with SIGKILL in the middle of a batch loses nothing: after a restart
//! every event's webhook arrives, and an idempotent receiver (one that drops a delivery key
//! it has seen) gets each message exactly once. Two dispatchers share the work meanwhile.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly and reports what the crash cost"
)]

use std::{collections::BTreeSet, process::Stdio, time::Duration};

use loket_kernel::TenantId;
use loket_store::{Db, testing::TestDb};
use loket_tests::{Loket, binary, receivers::HttpReceiver, tenants_dir};
use sea_orm::ConnectionTrait;
use serde_json::Value;
use tokio::process::{Child, Command};

fn dispatcher(url: &str) -> Child {
    Command::new(binary())
        .args(["dispatch", "--database", url, "--tenants"])
        .arg(tenants_dir())
        .env("LOKET_DISPATCH_CONCURRENCY", "4")
        .env("LOKET_DISPATCH_BATCH", "25")
        .env("LOKET_DISPATCH_LEASE_SECONDS", "2")
        .env("LOKET_DISPATCH_IDLE_MS", "100")
        .env("LOKET_INSECURE_WEBHOOKS", "true")
        .env("LOKET_DEMO_TOKENS", "false")
        .env("LOKET_PHOTO_STORE", "none")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn loket dispatch")
}

/// (case events in Enschede's outbox that the app may learn, undelivered events, webhook
/// deliveries by key and status). Enschede's app reads building and driveway permits with
/// their status and outcome, not internal notes or assignments (see its policy).
async fn state(db: &Db) -> (u64, u64, Vec<(String, String)>) {
    let tx = db.begin(&TenantId::new("enschede").unwrap()).await.unwrap();
    let count = |sql: &str| tx.statement(sql, vec!["enschede".into()]);
    let events = tx
        .conn()
        .query_one_raw(count(
            "SELECT COUNT(*) AS n FROM outbox WHERE tenant_id = $1 AND kind LIKE 'case.%' \
             AND kind NOT IN ('case.note_added', 'case.assigned') \
             AND (CAST(payload AS TEXT) LIKE '%building-permit%' \
                  OR CAST(payload AS TEXT) LIKE '%driveway-permit%')",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    let waiting = loket_store::outbox::pending_count(&tx).await.unwrap();
    let rows = tx
        .conn()
        .query_all_raw(count(
            "SELECT delivery_key, status FROM deliveries WHERE tenant_id = $1 AND channel = 'webhook'",
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.try_get::<String>("", "delivery_key").unwrap(),
                r.try_get::<String>("", "status").unwrap(),
            )
        })
        .collect();
    tx.commit().await.unwrap();
    (u64::try_from(events).unwrap(), waiting, rows)
}

#[tokio::test]
async fn a_killed_dispatcher_loses_nothing_and_sends_nothing_twice_to_an_idempotent_receiver() {
    let mut engines = vec![TestDb::sqlite_empty().await];
    engines.extend(TestDb::postgres_empty().await);
    for db in engines {
        crash(db).await;
    }
}

async fn crash(db: TestDb) {
    let engine = format!("{:?}", db.backend());
    let url = db.url().to_owned();
    let hooks = HttpReceiver::start().await;
    hooks.set_delay(Duration::from_millis(25));
    let loket = Loket::start_with(
        db,
        &tenants_dir(),
        &[
            ("LOKET_DISPATCH", "false"),
            ("LOKET_INSECURE_WEBHOOKS", "true"),
        ],
    )
    .await;
    let (status, body) = loket
        .graphql(
            Some(loket.token("app")),
            None,
            &format!(
                "mutation {{ subscribe(input: {{ topic: WEBHOOK, channel: WEBHOOK, \
                 address: \"{}\", eventKinds: [\"case.*\"] }}) {{ subscription {{ id }} }} }}",
                hooks.url("/events")
            ),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("errors").is_none(), "{body}");
    // More events on top of the demo cases' ones, none delivered yet (no dispatcher runs).
    let citizen = loket.token("citizen").to_owned();
    for _ in 0..40 {
        let (_, body) = loket
            .graphql(
                Some(&citizen),
                None,
                "mutation { submitRequest(input: { products: [\"omgevingsvergunning\"] }) \
                 { cases { reference } } }",
            )
            .await;
        assert!(body.get("errors").is_none(), "{body}");
    }
    let db = Db::connect(&url).await.unwrap();
    let (events, waiting, _) = state(&db).await;
    assert!(
        events >= 40 && waiting >= 40,
        "{engine}: {events} events, {waiting} waiting"
    );

    // Two dispatchers share the work; one is killed mid-batch.
    let mut first = dispatcher(&url);
    let mut second = dispatcher(&url);
    let wait_for = |n: usize| {
        let hooks = &hooks;
        async move {
            let until = tokio::time::Instant::now() + Duration::from_secs(60);
            while hooks.requests().len() < n {
                assert!(
                    tokio::time::Instant::now() < until,
                    "{n} webhook calls within 60 s"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    };
    wait_for(30).await;
    first.start_kill().unwrap(); // SIGKILL: no clean-up, claims stay leased
    first.wait().await.unwrap();
    let at_kill = hooks.requests().len();
    // The survivor and a restarted one finish the rest, including the killed one's claims.
    let mut restarted = dispatcher(&url);
    let until = tokio::time::Instant::now() + Duration::from_secs(120);
    let rows = loop {
        let (_, waiting, rows) = state(&db).await;
        if waiting == 0 && !rows.is_empty() && rows.iter().all(|(_, s)| s == "sent") {
            break rows;
        }
        assert!(
            tokio::time::Instant::now() < until,
            "{engine}: all delivered within 120 s"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    second.start_kill().unwrap();
    restarted.start_kill().unwrap();
    let _ = (second.wait().await, restarted.wait().await);

    // Nothing lost: one delivery per event; the receiver saw every key, and no other.
    let (events, _, _) = state(&db).await;
    assert_eq!(rows.len() as u64, events, "{engine}: a delivery per event");
    let stored: BTreeSet<String> = rows.into_iter().map(|(key, _)| key).collect();
    let seen = hooks.unique_by_header("loket-delivery");
    let received: BTreeSet<String> = seen.keys().cloned().collect();
    assert_eq!(received, stored, "{engine}: every message arrived");
    // At-least-once: a message the killed dispatcher had sent but not recorded comes again
    // under the same key, which the idempotent receiver drops.
    let calls: usize = seen.values().sum();
    let repeats = calls - received.len();
    assert!(
        repeats <= 25,
        "{engine}: at most the killed batch again, {repeats}"
    );
    let bodies: BTreeSet<String> = hooks
        .requests()
        .iter()
        .map(|r| serde_json::from_str::<Value>(&r.body).unwrap()["id"].to_string())
        .collect();
    assert_eq!(
        bodies.len() as u64,
        events,
        "{engine}: each event once after de-duplication"
    );
    println!(
        "{engine}: {events} events, {at_kill} calls before the kill, {calls} calls, {repeats} repeated"
    );
    db.close().await.unwrap();
}
