//! The live feed on both engines: it starts at "now", reads only its kind, keeps tenants
//! apart, broadcasts each event once, catches a transaction that commits after a younger one
//! (PostgreSQL, where two writers can be open at once), and stops when told.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::time::Duration;

use loket_kernel::TenantId;
use loket_store::{Feed, FeedSettings, feed::next_event, outbox, testing::TestDb};
use serde_json::json;
use uuid::Uuid;

fn tenant(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

async fn publish(db: &TestDb, slug: &str, kind: &str) -> Uuid {
    let tx = db.db().begin(&tenant(slug)).await.unwrap();
    let id = outbox::publish(&tx, kind, json!({ "caseId": slug }))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

fn feed(db: &TestDb) -> Feed {
    Feed::new(
        db.db().clone(),
        [tenant("alpha"), tenant("beta")],
        FeedSettings::new("case."),
    )
}

#[tokio::test]
async fn new_events_of_the_kind_are_broadcast_once_per_tenant() {
    for db in TestDb::each().await {
        publish(&db, "alpha", "case.created").await;
        let feed = feed(&db);
        let mut listener = feed.subscribe();
        let mut poller = feed.poller();
        assert_eq!(poller.poll().await, 0, "history is not replayed");

        let alpha = publish(&db, "alpha", "case.status_changed").await;
        publish(&db, "alpha", "subscription.created").await;
        let beta = publish(&db, "beta", "case.decided").await;
        assert_eq!(poller.poll().await, 2, "{:?}", db.backend());
        let first = next_event(&mut listener).await.unwrap();
        let second = next_event(&mut listener).await.unwrap();
        assert_eq!(
            (first.tenant.as_str(), first.id, first.kind.as_str()),
            ("alpha", alpha, "case.status_changed")
        );
        assert_eq!(first.payload["caseId"], "alpha");
        assert_eq!((second.tenant.as_str(), second.id), ("beta", beta));
        assert_eq!(poller.poll().await, 0, "nothing twice");
        assert!(listener.try_recv().is_err());
    }
}

#[tokio::test]
async fn a_transaction_that_commits_late_is_still_broadcast() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let feed = feed(&db);
    let mut poller = feed.poller();
    assert_eq!(poller.poll().await, 0);
    let mut listener = feed.subscribe();

    // The slow transaction takes its id first, then a quick one commits a younger event.
    let slow = db.db().begin(&tenant("alpha")).await.unwrap();
    let old = outbox::publish(&slow, "case.note_added", json!({}))
        .await
        .unwrap();
    let young = publish(&db, "alpha", "case.assigned").await;
    assert!(old < young);
    assert_eq!(poller.poll().await, 1);
    assert_eq!(next_event(&mut listener).await.unwrap().id, young);

    slow.commit().await.unwrap();
    assert_eq!(
        poller.poll().await,
        1,
        "the older id behind the younger one"
    );
    assert_eq!(next_event(&mut listener).await.unwrap().id, old);
    assert_eq!(poller.poll().await, 0);
}

#[tokio::test]
async fn the_feed_runs_until_stopped() {
    let db = TestDb::sqlite().await;
    let mut settings = FeedSettings::new("case.");
    settings.poll_every = Duration::from_millis(20);
    let feed = Feed::new(db.db().clone(), [tenant("alpha")], settings);
    let mut listener = feed.subscribe();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = tokio::spawn({
        let feed = feed.clone();
        async move { feed.run(stopped).await }
    });
    // Let the first poll mark the (empty) history before writing.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let id = publish(&db, "alpha", "case.created").await;
    let event = tokio::time::timeout(Duration::from_secs(5), next_event(&mut listener))
        .await
        .expect("an event within 5 s")
        .unwrap();
    assert_eq!(event.id, id);
    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(5), running)
        .await
        .expect("stops within 5 s")
        .unwrap();
}
