//! Webhooks for third-party systems, on both engines: only the event kinds and attributes a
//! subscription names, payloads without personal data, signatures a receiver can check with
//! its own HMAC, retries with the same delivery key, dead letters and their re-drive.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use std::time::Duration;

use hmac::{Hmac, Mac};
use loket_notify::{
    DeliveryStatus, DeliveryView, Subscribed,
    signature::{self, SignatureError},
};
use serde_json::Value;
use sha2::Sha256;
use support::{receiver::Receiver, *};

/// The signature a receiver computes itself: HMAC-SHA256 over "<timestamp>.<body>", hex.
fn independent_signature(secret: &str, timestamp: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1={}", hex::encode(mac.finalize().into_bytes()))
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[tokio::test]
async fn receivers_get_matching_events_signed_and_without_personal_data() {
    for w in World::each().await {
        let engine = w.engine();
        let receiver = Receiver::start().await;
        let app = w.app();
        let decisions = w
            .subscribe(
                &app,
                webhook(
                    &receiver.url("/decisions"),
                    &["case.decided"],
                    &[("caseType", "building-permit")],
                ),
            )
            .await;
        let driveways = w
            .subscribe(
                &app,
                webhook(
                    &receiver.url("/driveways"),
                    &["case.*"],
                    &[("caseType", "driveway-permit")],
                ),
            )
            .await;
        let secret = decisions.secret.clone().unwrap();
        assert_eq!(secret.len(), 64, "a 32-byte secret, hex");
        assert_ne!(Some(&secret), driveways.secret.as_ref());
        assert_eq!(decisions.subscription.event_kinds, ["case.decided"]);
        assert_eq!(decisions.subscription.filters[0].value, "building-permit");
        // The app sees both of its subscriptions.
        let (listed, _) = loket_store::testing::request(w.db.db(), &app, async |s| {
            w.notify
                .subscriptions(&app, s, loket_kernel::page::Page::start(10))
                .await
        })
        .await
        .unwrap();
        assert_eq!(listed.len(), 2, "{engine}");

        let anna = w.citizen(ANNA);
        let building = w.apply(&anna, "omgevingsvergunning").await;
        let driveway = w.apply(&anna, "uitritvergunning").await;
        let building = w.set_status(&building, "in-review").await;
        w.set_status(&driveway, "in-review").await;
        w.decide(&building, "granted").await;
        w.drain().await;

        // Only the building permit's decision reaches /decisions.
        let hits = receiver.hits("/decisions");
        assert_eq!(hits.len(), 1, "{engine}");
        let hit = &hits[0];
        let payload = hit.json();
        assert_eq!(payload["kind"], "case.decided");
        assert_eq!(payload["tenant"], "enschede");
        assert_eq!(payload["attributes"]["caseType"], "building-permit");
        assert_eq!(payload["attributes"]["outcome"], "granted");
        assert_eq!(payload["attributes"]["effect"], "positive");
        assert_eq!(payload["attributes"]["status"], "decided");
        assert_eq!(
            payload["attributes"]["reference"],
            building.reference.as_str()
        );
        assert!(payload["resource"].as_str().is_some_and(|r| !r.is_empty()));
        assert!(payload.get("subject").is_none());
        assert!(payload["attributes"].get("subject").is_none());
        let text = String::from_utf8(hit.body.to_vec()).unwrap();
        assert_no_bsn(&text);
        assert!(!text.contains("Anna"), "{text}");
        assert_eq!(hit.header("content-type"), "application/json");
        assert_eq!(hit.header("loket-event"), "case.decided");
        let delivery = w.deliveries_of(&decisions).await;
        assert_eq!(delivery.len(), 1);
        assert_eq!(hit.header("loket-delivery"), delivery[0].key);
        assert_eq!(delivery[0].status, DeliveryStatus::Sent);

        // The signature checks out with the crate's verifier and with an HMAC of our own.
        let timestamp = hit.header("loket-timestamp");
        let signed_at: i64 = timestamp.parse().unwrap();
        assert!((now() - signed_at).abs() < 60);
        let signed = hit.header("loket-signature");
        assert_eq!(
            signed,
            independent_signature(&secret, &timestamp, &hit.body)
        );
        assert_eq!(
            signature::verify(&secret, signed_at, &hit.body, &signed, now()),
            Ok(())
        );
        // A changed body, another secret or another timestamp fails.
        let tampered = text.replace("granted", "refused");
        assert_ne!(tampered, text);
        assert_eq!(
            signature::verify(&secret, signed_at, tampered.as_bytes(), &signed, now()),
            Err(SignatureError::Mismatch)
        );
        assert_ne!(
            independent_signature(&secret, &timestamp, tampered.as_bytes()),
            signed
        );
        let other = driveways.secret.clone().unwrap();
        assert_eq!(
            signature::verify(&other, signed_at, &hit.body, &signed, now()),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            signature::verify(&secret, signed_at + 1, &hit.body, &signed, now()),
            Err(SignatureError::Mismatch)
        );

        // case.* with the driveway filter: its created and status events, nothing else (sent
        // side by side, so in either order).
        let mut hits = receiver.hits("/driveways");
        hits.sort_by_key(|h| h.header("loket-event"));
        let kinds: Vec<Value> = hits.iter().map(|h| h.json()["kind"].clone()).collect();
        assert_eq!(kinds, ["case.created", "case.status_changed"], "{engine}");
        for hit in &hits {
            let payload = hit.json();
            assert_eq!(payload["attributes"]["caseType"], "driveway-permit");
            assert_eq!(
                payload["attributes"]["reference"],
                driveway.reference.as_str()
            );
            assert_eq!(
                independent_signature(&other, &hit.header("loket-timestamp"), &hit.body),
                hit.header("loket-signature")
            );
            assert_no_bsn(std::str::from_utf8(&hit.body).unwrap());
        }
        assert_eq!(hits[1].json()["attributes"]["from"], "received", "{engine}");
        assert_eq!(hits[1].json()["attributes"]["status"], "in-review");
        assert_eq!(w.deliveries_of(&driveways).await.len(), 2, "{engine}");
    }
}

async fn only(w: &World, subscription: &Subscribed) -> DeliveryView {
    let mut all = w.deliveries_of(subscription).await;
    assert_eq!(all.len(), 1, "{}", w.engine());
    all.remove(0)
}

#[tokio::test]
async fn failing_receivers_are_retried_dead_lettered_and_re_driven() {
    for w in World::each().await {
        let engine = w.engine();
        let receiver = Receiver::start().await;
        receiver.answer(503);
        let app = w.app();
        let flaky = w
            .subscribe(
                &app,
                webhook(&receiver.url("/flaky"), &["case.created"], &[]),
            )
            .await;
        let gone = w
            .subscribe(&app, webhook(&receiver.url("/gone"), &["case.*"], &[]))
            .await;
        w.apply(&w.citizen(ANNA), "omgevingsvergunning").await;

        // First attempt: 503 is worth another try; 404 is final at once.
        let round = w.dispatcher.round().await.unwrap();
        assert_eq!((round.events, round.queued), (1, 2), "{engine}");
        assert_eq!((round.retried, round.dead), (1, 1), "{engine}: {round:?}");
        let first = only(&w, &flaky).await;
        assert_eq!(first.status, DeliveryStatus::Pending, "{engine}");
        assert_eq!(first.attempts, 1);
        assert!(first.last_error.as_deref().unwrap().contains("503"));
        assert!(first.next_attempt_at.is_some());
        let dead_at_once = only(&w, &gone).await;
        assert_eq!(dead_at_once.status, DeliveryStatus::Dead, "{engine}");
        assert_eq!(dead_at_once.attempts, 1);
        assert!(dead_at_once.last_error.as_deref().unwrap().contains("404"));
        assert_eq!(receiver.hits("/gone").len(), 1);

        // Second attempt after the backoff, still pending; the third dead-letters it.
        tokio::time::sleep(Duration::from_millis(60)).await;
        w.dispatcher.round().await.unwrap();
        let second = only(&w, &flaky).await;
        assert_eq!(
            (second.status, second.attempts),
            (DeliveryStatus::Pending, 2),
            "{engine}"
        );
        assert!(second.last_error.is_some());
        tokio::time::sleep(Duration::from_millis(60)).await;
        let round = w.dispatcher.round().await.unwrap();
        assert_eq!(round.dead, 1, "{engine}: {round:?}");
        let dead = only(&w, &flaky).await;
        assert_eq!((dead.status, dead.attempts), (DeliveryStatus::Dead, 3));
        assert!(dead.last_error.as_deref().unwrap().contains("503"));
        assert_eq!(dead.next_attempt_at, None);
        // A dead letter stays put.
        tokio::time::sleep(Duration::from_millis(60)).await;
        w.drain().await;
        assert_eq!(receiver.hits("/flaky").len(), 3, "{engine}");
        assert_eq!(only(&w, &flaky).await.status, DeliveryStatus::Dead);

        // Only admins re-drive, and only dead letters.
        let admin = w.staff("admin");
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &w.citizen(ANNA), async |s| {
                w.notify.redrive(&w.citizen(ANNA), s, dead.id).await
            })
            .await,
        );
        assert_eq!(code, "FORBIDDEN");
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &app, async |s| {
                w.notify.redrive(&app, s, dead.id).await
            })
            .await,
        );
        assert_eq!(code, "FORBIDDEN");
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &admin, async |s| {
                w.notify.redrive(&admin, s, uuid::Uuid::now_v7()).await
            })
            .await,
        );
        assert_eq!(code, "NOT_FOUND");
        let redriven = loket_store::testing::request(w.db.db(), &admin, async |s| {
            w.notify.redrive(&admin, s, dead.id).await
        })
        .await
        .unwrap();
        assert_eq!(
            (redriven.status, redriven.attempts),
            (DeliveryStatus::Pending, 0)
        );
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &admin, async |s| {
                w.notify.redrive(&admin, s, dead.id).await
            })
            .await,
        );
        assert_eq!(code, "CONFLICT");

        // The receiver is back: the delivery is sent with the key of every earlier attempt.
        receiver.answer(200);
        let round = w.drain().await;
        assert_eq!(round.sent, 1, "{engine}: {round:?}");
        let sent = only(&w, &flaky).await;
        assert_eq!(
            (sent.status, sent.attempts),
            (DeliveryStatus::Sent, 1),
            "{engine}"
        );
        assert_eq!(sent.last_error, None);
        assert!(sent.sent_at.is_some());
        let hits = receiver.hits("/flaky");
        assert_eq!(hits.len(), 4, "{engine}");
        assert!(hits.iter().all(|h| h.header("loket-delivery") == sent.key));
        assert!(hits.iter().all(|h| h.body == hits[0].body));
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &admin, async |s| {
                w.notify.redrive(&admin, s, sent.id).await
            })
            .await,
        );
        assert_eq!(code, "CONFLICT");

        // The admin's log filters by status.
        let dead = w
            .deliveries(loket_notify::DeliveryFilter {
                status: Some(DeliveryStatus::Dead),
                subscription: None,
            })
            .await;
        assert_eq!(
            dead.iter().map(|d| d.id).collect::<Vec<_>>(),
            [dead_at_once.id],
            "{engine}"
        );
    }
}

#[tokio::test]
async fn nothing_reaches_a_receiver_after_it_unsubscribed() {
    for w in World::each().await {
        let receiver = Receiver::start().await;
        let app = w.app();
        let gone = w
            .subscribe(&app, webhook(&receiver.url("/gone"), &["case.*"], &[]))
            .await;
        w.apply(&w.citizen(ANNA), "omgevingsvergunning").await;
        w.drain().await;
        let dead = only(&w, &gone).await;
        assert_eq!(dead.status, DeliveryStatus::Dead, "{}", w.engine());
        loket_store::testing::request(w.db.db(), &app, async |s| {
            w.notify.unsubscribe(&app, s, gone.subscription.id).await
        })
        .await
        .unwrap();
        // Whether the re-drive is refused or the delivery cancelled, nothing more is sent.
        let _ = loket_store::testing::request(w.db.db(), &w.staff("admin"), async |s| {
            w.notify.redrive(&w.staff("admin"), s, dead.id).await
        })
        .await;
        w.drain().await;
        assert_eq!(receiver.hits("/gone").len(), 1, "{}", w.engine());
        assert_ne!(only(&w, &gone).await.status, DeliveryStatus::Sent);
    }
}
