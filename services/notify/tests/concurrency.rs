//! Several at once, on both engines: dispatchers that share the work send every message once,
//! a dispatcher that dies while sending leaves its claim to another once the lease runs out
//! (under the same delivery key), and a subscription asked for twice at the same moment is
//! made once.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use std::{collections::HashSet, time::Duration};

use chrono::Utc;
use loket_notify::{DeliveryFilter, DeliveryStatus, DispatchSettings, signature};
use support::{receiver::Receiver, *};

/// The receivers of the shared-work test.
const PATHS: [&str; 4] = ["/a", "/b", "/c", "/d"];
/// The residents who apply in the shared-work test.
const APPLICANTS: [&str; 6] = [ANNA, BERT, FENNA, CARLA, DIRK, EVA];

#[tokio::test]
async fn dispatchers_sharing_the_work_send_every_message_once() {
    for w in World::each().await {
        let engine = w.engine();
        let receiver = Receiver::start().await;
        // Slow enough receivers that the two dispatchers' rounds overlap.
        receiver.delay(Duration::from_millis(5));
        let app = w.app();
        for path in PATHS {
            w.subscribe(&app, webhook(&receiver.url(path), &["case.*"], &[]))
                .await;
        }
        for bsn in APPLICANTS {
            let resident = w.citizen(bsn);
            w.apply(&resident, "omgevingsvergunning").await;
            w.apply(&resident, "uitritvergunning").await;
        }
        let events = APPLICANTS.len() * 2;
        let messages = events * PATHS.len();

        // Small batches, and a lease far longer than the test: nothing is taken twice.
        let settings = DispatchSettings {
            batch: 5,
            concurrency: 4,
            lease: Duration::from_secs(60),
            ..quick()
        };
        let one = w.dispatcher(None, settings.clone());
        let other = w.dispatcher(None, settings);
        let (a, b) = tokio::join!(one.drain(), other.drain());
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.events + b.events, events, "{engine}: {a:?} {b:?}");
        assert_eq!(a.queued + b.queued, messages, "{engine}: {a:?} {b:?}");
        assert_eq!(a.sent + b.sent, messages, "{engine}: {a:?} {b:?}");
        assert_eq!(a.retried + a.dead + b.retried + b.dead, 0, "{engine}");

        // Each receiver heard of each case once; no key arrived twice.
        let mut keys = HashSet::new();
        for path in PATHS {
            let hits = receiver.hits(path);
            assert_eq!(hits.len(), events, "{engine}: {path}");
            for hit in hits {
                assert!(keys.insert(hit.header("loket-delivery")), "{engine}: twice");
            }
        }
        let all = w.deliveries(DeliveryFilter::default()).await;
        assert_eq!(all.len(), messages, "{engine}");
        assert!(
            all.iter()
                .all(|d| d.status == DeliveryStatus::Sent && d.attempts == 1),
            "{engine}"
        );
        assert_eq!(
            all.iter().map(|d| d.key.clone()).collect::<HashSet<_>>(),
            keys,
            "{engine}"
        );
        // Nothing is left for either.
        assert_eq!(one.drain().await.unwrap(), loket_notify::Round::default());
        assert_eq!(other.drain().await.unwrap(), loket_notify::Round::default());
    }
}

#[tokio::test]
async fn a_claim_of_a_dispatcher_that_died_comes_back_after_the_lease() {
    for w in World::each().await {
        let engine = w.engine();
        let receiver = Receiver::start().await;
        // The receiver takes the request and then hangs.
        receiver.delay(Duration::from_secs(60));
        let app = w.app();
        let hook = w
            .subscribe(
                &app,
                webhook(&receiver.url("/slow"), &["case.created"], &[]),
            )
            .await;
        let secret = hook.secret.clone().unwrap();
        w.apply(&w.citizen(ANNA), "omgevingsvergunning").await;

        let settings = DispatchSettings {
            lease: Duration::from_secs(5),
            ..quick()
        };
        // A dispatcher dies while sending: its round is dropped mid-request.
        let doomed = w.dispatcher(None, settings.clone());
        let arrived = async {
            while receiver.hits("/slow").is_empty() {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        };
        tokio::select! {
            finished = doomed.round() => panic!("{engine}: the round finished: {finished:?}"),
            () = arrived => {}
        }
        drop(doomed);
        assert_eq!(receiver.hits("/slow").len(), 1, "{engine}");
        let claimed = w.deliveries_of(&hook).await;
        assert_eq!(claimed.len(), 1, "{engine}");
        let claimed = claimed[0].clone();
        assert_eq!(
            (claimed.status, claimed.attempts),
            (DeliveryStatus::Pending, 1),
            "{engine}"
        );
        let until = claimed.next_attempt_at.unwrap();
        assert!(until > Utc::now(), "{engine}: the lease is not ahead");

        // Another dispatcher leaves the claim alone while the lease runs ...
        receiver.delay(Duration::ZERO);
        let rescuer = w.dispatcher(None, settings);
        let round = rescuer.round().await.unwrap();
        assert_eq!(round.sent + round.retried + round.dead, 0, "{engine}");
        assert_eq!(receiver.hits("/slow").len(), 1, "{engine}");

        // ... and sends it once the lease has run out, under the same key.
        let left = (until - Utc::now()).to_std().unwrap_or_default();
        tokio::time::sleep(left + Duration::from_millis(50)).await;
        let round = rescuer.drain().await.unwrap();
        assert_eq!(round.sent, 1, "{engine}: {round:?}");
        let sent = w.deliveries_of(&hook).await.remove(0);
        assert_eq!(sent.id, claimed.id);
        assert_eq!(
            (sent.status, sent.attempts),
            (DeliveryStatus::Sent, 2),
            "{engine}"
        );
        let hits = receiver.hits("/slow");
        assert_eq!(hits.len(), 2, "{engine}");
        for hit in &hits {
            assert_eq!(hit.header("loket-delivery"), sent.key, "{engine}");
            assert_eq!(hit.body, hits[0].body, "{engine}");
            let at: i64 = hit.header("loket-timestamp").parse().unwrap();
            let signed = hit.header("loket-signature");
            let now = Utc::now().timestamp();
            assert_eq!(
                signature::verify(&secret, at, &hit.body, &signed, now),
                Ok(())
            );
        }
    }
}

#[tokio::test]
async fn the_same_subscription_asked_for_at_once_is_made_once() {
    for w in World::each().await {
        let engine = w.engine();
        let anna = w.citizen(ANNA);
        // A few rounds of eight identical requests at the same moment.
        for round in 0..4 {
            let address = format!("anna{round}@example.nl");
            let tries = (0..8).map(|_| {
                loket_store::testing::request(w.db.db(), &anna, async |s| {
                    w.notify
                        .subscribe(&anna, s, by_email("my-cases", &address))
                        .await
                })
            });
            let outcomes = futures_util::future::join_all(tries).await;
            let made = outcomes.iter().filter(|o| o.is_ok()).count();
            assert_eq!(made, 1, "{engine}: {made} subscriptions to {address}");
            for outcome in outcomes.into_iter().filter(Result::is_err) {
                assert_eq!(refusal(outcome).0, "CONFLICT", "{engine}");
            }
        }
        let page = loket_kernel::page::Page::start(10);
        let (mine, _) = loket_store::testing::request(w.db.db(), &anna, async |s| {
            w.notify.subscriptions(&anna, s, page).await
        })
        .await
        .unwrap();
        assert_eq!(mine.len(), 4, "{engine}");
    }
}
