//! Wake-ups on both engines: a commit that wrote an outbox wakes the readers with its tenant
//! (PostgreSQL through LISTEN/NOTIFY, SQLite in memory), a rollback wakes nobody, the three
//! queries across tenants answer for the tenants that have news or a catalogue revision, and the live feed reads as it
//! is woken, with the safety poll catching what no wake-up told.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::{collections::BTreeSet, time::Duration};

use loket_kernel::TenantId;
use loket_store::{
    Backend, Db, Feed, FeedSettings, Mode,
    feed::next_event,
    outbox,
    testing::TestDb,
    wake::{self, Due, WakeReceiver},
};
use sea_orm::ConnectionTrait;
use serde_json::json;
use tokio::sync::watch;
use uuid::Uuid;

const DEADLINE: Duration = Duration::from_secs(10);

fn tenant(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

fn tenants(slugs: &[&str]) -> BTreeSet<TenantId> {
    slugs.iter().map(|s| tenant(s)).collect()
}

/// Starts the PostgreSQL listener (a no-op on SQLite) and waits until it listens: its first
/// wake-up, after connecting, is for every tenant.
async fn listening(db: &Db, receiver: &mut WakeReceiver) -> watch::Sender<bool> {
    let (stop, stopped) = watch::channel(false);
    tokio::spawn(wake::listen(db.clone(), stopped));
    if db.backend() == Backend::Postgres {
        let first = tokio::time::timeout(DEADLINE, receiver.next())
            .await
            .expect("the listener connects");
        assert_eq!(first, Some(Due::All));
    }
    stop
}

async fn publish(db: &Db, slug: &str, kind: &str, commit: bool) -> Uuid {
    let tx = db.begin(&tenant(slug)).await.unwrap();
    let id = outbox::publish(&tx, kind, json!({ "caseId": slug }))
        .await
        .unwrap();
    if commit {
        tx.commit().await.unwrap();
    } else {
        tx.rollback().await.unwrap();
    }
    id
}

async fn next(receiver: &mut WakeReceiver) -> Due {
    tokio::time::timeout(DEADLINE, receiver.next())
        .await
        .expect("a wake-up in time")
        .expect("the wake-ups go on")
}

#[tokio::test]
async fn a_commit_that_wrote_an_outbox_wakes_its_tenant_and_a_rollback_wakes_nobody() {
    for test_db in TestDb::each().await {
        let db = test_db.db();
        let engine = format!("{:?}", db.backend());
        let mut receiver = db.wakeups().subscribe();
        let _stop = listening(db, &mut receiver).await;

        publish(db, "alpha", "case.created", false).await;
        // A session (as a request uses) that writes in two tenants, then a plain commit.
        let session = db.session(&tenant("beta"), Mode::Write);
        for slug in ["beta", "gamma"] {
            let tx = session.tx(&tenant(slug)).await.unwrap();
            outbox::publish(&tx, "case.assigned", json!({}))
                .await
                .unwrap();
        }
        session.finish(true).await.unwrap();
        let mut woken = BTreeSet::new();
        while woken.len() < 2 {
            match next(&mut receiver).await {
                Due::Tenants(set) => woken.extend(set),
                Due::All => panic!("{engine}: only the tenants written to"),
            }
        }
        assert_eq!(woken, tenants(&["beta", "gamma"]), "{engine}");

        // A session that fails writes nothing, and wakes nobody: the next wake-up is delta's.
        let failed = db.session(&tenant("alpha"), Mode::Write);
        let tx = failed.tx(&tenant("alpha")).await.unwrap();
        outbox::publish(&tx, "case.assigned", json!({}))
            .await
            .unwrap();
        drop(tx);
        failed.fail();
        failed.finish(true).await.unwrap();
        publish(db, "delta", "case.created", true).await;
        assert_eq!(
            next(&mut receiver).await,
            Due::Tenants(tenants(&["delta"])),
            "{engine}"
        );
    }
}

#[tokio::test]
async fn the_queries_across_tenants_name_only_the_tenants_with_news() {
    for test_db in TestDb::each().await {
        let db = test_db.db();
        let engine = format!("{:?}", db.backend());
        let all = [tenant("alpha"), tenant("beta"), tenant("gamma")];
        publish(db, "alpha", "case.created", true).await;
        let since = Uuid::now_v7();
        publish(db, "beta", "case.created", true).await;
        publish(db, "other", "case.created", true).await;

        let news = wake::outbox_tenants(db, &all, since).await.unwrap();
        assert_eq!(news, tenants(&["beta"]), "{engine}");

        // Undelivered events are due; delivered ones are not.
        let due = wake::work_due(db, &all).await.unwrap();
        assert_eq!(
            due.keys().cloned().collect::<BTreeSet<_>>(),
            tenants(&["alpha", "beta"]),
            "{engine}"
        );
        assert!(due.values().all(|at| *at <= chrono::Utc::now()), "{engine}");
        let tx = db.begin(&tenant("alpha")).await.unwrap();
        let pending = outbox::pending(&tx, 10).await.unwrap();
        let ids: Vec<Uuid> = pending.iter().map(|e| e.id).collect();
        outbox::mark_published(&tx, &ids).await.unwrap();
        tx.commit().await.unwrap();
        let due = wake::work_due(db, &all).await.unwrap();
        assert_eq!(
            due.keys().cloned().collect::<BTreeSet<_>>(),
            tenants(&["beta"]),
            "{engine}"
        );
    }
}

/// Sets `slug`'s catalogue revision as a catalogue change does.
async fn set_revision(db: &Db, slug: &str, revision: i64) {
    let tx = db.begin(&tenant(slug)).await.unwrap();
    tx.conn()
        .execute_raw(tx.statement(
            "INSERT INTO catalog_revisions (tenant_id, revision) VALUES ($1, $2) \
             ON CONFLICT (tenant_id) DO UPDATE SET revision = excluded.revision",
            vec![slug.into(), revision.into()],
        ))
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn the_catalogue_revisions_of_every_tenant_come_in_one_query() {
    for test_db in TestDb::each().await {
        let db = test_db.db();
        let engine = format!("{:?}", db.backend());
        set_revision(db, "alpha", 3).await;
        set_revision(db, "other", 9).await;
        let asked = [tenant("alpha"), tenant("beta")];
        let revisions = wake::catalog_revisions(db, &asked).await.unwrap();
        assert_eq!(
            revisions.into_iter().collect::<Vec<_>>(),
            vec![(tenant("alpha"), 3)],
            "{engine}"
        );
    }
}

#[tokio::test]
async fn only_the_application_role_may_ask_across_tenants() {
    let Some(test_db) = TestDb::postgres().await else {
        return;
    };
    let url = test_db.gateway_url().await;
    let login = Db::connect(&url).await.unwrap();
    // The login role itself may not call them; as loket_app (what `wake` does) it may.
    let refused = login
        .raw()
        .execute_unprepared("SELECT * FROM loket_dispatch_due('alpha')")
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("permission denied"),
        "{refused}"
    );
    let refused = login
        .raw()
        .execute_unprepared("SELECT * FROM loket_catalog_revisions('alpha')")
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("permission denied"),
        "{refused}"
    );
    set_revision(test_db.db(), "alpha", 2).await;
    let revisions = wake::catalog_revisions(&login, &[tenant("alpha")])
        .await
        .unwrap();
    assert_eq!(revisions.get(&tenant("alpha")), Some(&2));
    publish(test_db.db(), "alpha", "case.created", true).await;
    let due = wake::work_due(&login, &[tenant("alpha")]).await.unwrap();
    assert_eq!(due.len(), 1);
    login.close().await.unwrap();
}

fn feed(db: &Db, poll_every: Duration) -> Feed {
    let mut settings = FeedSettings::new("case.");
    settings.poll_every = poll_every;
    Feed::new(db.clone(), [tenant("alpha"), tenant("beta")], settings)
}

#[tokio::test]
async fn the_feed_reads_as_it_is_woken_without_waiting_for_its_poll() {
    for test_db in TestDb::each().await {
        let db = test_db.db();
        let engine = format!("{:?}", db.backend());
        let mut receiver = db.wakeups().subscribe();
        let stop_listening = listening(db, &mut receiver).await;
        // The safety poll is an hour away: only a wake-up can bring the event in time.
        let feed = feed(db, Duration::from_secs(3600));
        let mut listener = feed.subscribe();
        let (stop, stopped) = watch::channel(false);
        // Made before anything is written: the feed starts here.
        let running = tokio::spawn(feed.poller().run(stopped));
        let id = publish(db, "beta", "case.status_changed", true).await;
        let event = tokio::time::timeout(DEADLINE, next_event(&mut listener))
            .await
            .expect("woken, not polled")
            .unwrap();
        assert_eq!((event.tenant.as_str(), event.id), ("beta", id), "{engine}");
        stop.send(true).unwrap();
        // On SQLite there is no listener to stop.
        let _ = stop_listening.send(true);
        tokio::time::timeout(DEADLINE, running)
            .await
            .expect("stops in time")
            .unwrap();
    }
}

#[tokio::test]
async fn the_safety_poll_brings_what_no_wake_up_told() {
    for test_db in TestDb::each().await {
        let db = test_db.db();
        let engine = format!("{:?}", db.backend());
        // No listener runs, and the event is written as another process would: nothing wakes
        // this feed.
        let feed = feed(db, Duration::from_millis(200));
        let mut listener = feed.subscribe();
        let (stop, stopped) = watch::channel(false);
        // Made before anything is written: the feed starts here.
        let running = tokio::spawn(feed.poller().run(stopped));
        let other = Db::connect(test_db.url()).await.unwrap();
        let id = publish(&other, "alpha", "case.decided", true).await;
        let event = tokio::time::timeout(DEADLINE, next_event(&mut listener))
            .await
            .expect("the safety poll finds it")
            .unwrap();
        assert_eq!((event.tenant.as_str(), event.id), ("alpha", id), "{engine}");
        stop.send(true).unwrap();
        running.await.unwrap();
        other.close().await.unwrap();
    }
}
