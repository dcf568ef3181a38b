//! The running dispatcher on both engines works as it is woken, not as it polls: with its
//! safety poll an hour away, a new case still reaches a webhook at once (the commit woke it),
//! and a failed attempt is tried again when its backoff ends (it slept until then).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use std::time::{Duration, Instant};

use loket_notify::{DeliveryStatus, DispatchSettings};
use loket_store::{Backend, wake};
use support::{receiver::Receiver, *};
use tokio::sync::watch;

const DEADLINE: Duration = Duration::from_secs(15);

/// Polls `check` until it holds, failing after the deadline.
async fn eventually<F: AsyncFn() -> bool>(what: &str, check: F) {
    let started = Instant::now();
    while !check().await {
        assert!(started.elapsed() < DEADLINE, "{what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn the_dispatcher_is_woken_by_a_commit_and_sleeps_until_a_retry_is_due() {
    for w in World::each().await {
        let engine = w.engine();
        let receiver = Receiver::start().await;
        receiver.answer(503);
        let hook = w
            .subscribe(
                &w.app(),
                webhook(&receiver.url("/hook"), &["case.created"], &[]),
            )
            .await;
        let db = w.db.db().clone();
        let mut wakeups = db.wakeups().subscribe();
        let (stop, stopped) = watch::channel(false);
        tokio::spawn(wake::listen(db.clone(), stopped.clone()));
        if db.backend() == Backend::Postgres {
            // Listening: its first wake-up, after connecting, is for every tenant.
            tokio::time::timeout(DEADLINE, wakeups.next())
                .await
                .expect("the listener connects");
        }
        let dispatcher = w.dispatcher(
            None,
            DispatchSettings {
                idle: Duration::from_secs(3600),
                backoff_base: Duration::from_millis(300),
                backoff_max: Duration::from_millis(600),
                max_attempts: 5,
                ..DispatchSettings::default()
            },
        );
        let running = tokio::spawn(async move { dispatcher.run(stopped).await });

        w.apply(&w.citizen(ANNA), "omgevingsvergunning").await;
        eventually(&format!("{engine}: woken by the commit"), async || {
            !receiver.hits("/hook").is_empty()
        })
        .await;
        receiver.answer(200);
        eventually(
            &format!("{engine}: tried again when the backoff ended"),
            async || {
                w.deliveries_of(&hook)
                    .await
                    .first()
                    .is_some_and(|d| d.status == DeliveryStatus::Sent)
            },
        )
        .await;
        let delivery = w.deliveries_of(&hook).await.remove(0);
        assert_eq!(delivery.attempts, 2, "{engine}");
        assert_eq!(receiver.hits("/hook").len(), 2, "{engine}");

        stop.send(true).unwrap();
        tokio::time::timeout(DEADLINE, running)
            .await
            .expect("stops in time")
            .unwrap();
    }
}
