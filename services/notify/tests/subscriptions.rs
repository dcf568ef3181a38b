//! Subscribing and unsubscribing, on both engines: every bad field is refused by name, the
//! topics belong to residents or apps, a subscription is its holder's alone, and ending one
//! cancels what was still waiting and stops what would come.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use std::time::Duration;

use loket_kernel::{TenantId, page::Page};
use loket_notify::{DeliveryFilter, DeliveryStatus, DispatchSettings, NewSubscription};
use sea_orm::ConnectionTrait;
use support::*;

fn page<K: loket_kernel::page::Key>() -> Page<K> {
    Page::start(50)
}

#[tokio::test]
async fn unsubscribing_cancels_pending_deliveries_and_stops_new_ones() {
    for w in World::each().await {
        let engine = w.engine();
        let (anna, bert) = (w.citizen(ANNA), w.citizen(BERT));
        let mine = w
            .subscribe(&anna, by_email("my-cases", "anna@example.nl"))
            .await;
        let id = mine.subscription.id;

        // A dispatcher whose log sink cannot write leaves the message pending.
        let broken = w.dispatcher(
            Some(w.dir().join("missing").join("messages.jsonl")),
            DispatchSettings {
                backoff_base: Duration::from_secs(60),
                backoff_max: Duration::from_secs(60),
                ..quick()
            },
        );
        let case = w.apply(&anna, "omgevingsvergunning").await;
        let round = broken.round().await.unwrap();
        assert_eq!((round.queued, round.retried), (1, 1), "{engine}: {round:?}");
        let pending = w.with_status(&mine, DeliveryStatus::Pending).await;
        assert_eq!(pending.len(), 1, "{engine}");
        assert_eq!(pending[0].attempts, 1);
        assert!(
            pending[0]
                .last_error
                .as_deref()
                .unwrap()
                .contains("log sink")
        );

        // Nobody else may end it or read its deliveries.
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &bert, async |s| {
                w.notify.unsubscribe(&bert, s, id).await
            })
            .await,
        );
        assert_eq!(code, "NOT_FOUND", "{engine}");
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &w.app(), async |s| {
                w.notify.unsubscribe(&w.app(), s, id).await
            })
            .await,
        );
        assert_eq!(code, "NOT_FOUND", "{engine}");
        let theirs = DeliveryFilter {
            subscription: Some(id),
            status: None,
        };
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &bert, async |s| {
                w.notify.deliveries(&bert, s, theirs.clone(), page()).await
            })
            .await,
        );
        assert_eq!(code, "NOT_FOUND", "{engine}");
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &bert, async |s| {
                w.notify
                    .deliveries(&bert, s, DeliveryFilter::default(), page())
                    .await
            })
            .await,
        );
        assert_eq!(code, "FORBIDDEN", "{engine}");
        // Its holder reads them.
        let (own, _) = loket_store::testing::request(w.db.db(), &anna, async |s| {
            w.notify.deliveries(&anna, s, theirs, page()).await
        })
        .await
        .unwrap();
        assert_eq!(own.len(), 1, "{engine}");

        let ended = loket_store::testing::request(w.db.db(), &anna, async |s| {
            w.notify.unsubscribe(&anna, s, id).await
        })
        .await
        .unwrap();
        assert!(ended.ended_at.is_some());
        assert_eq!(ended.id, id);
        let cancelled = w.with_status(&mine, DeliveryStatus::Cancelled).await;
        assert_eq!(cancelled.len(), 1, "{engine}");
        assert_eq!(cancelled[0].id, pending[0].id);
        assert_eq!(cancelled[0].next_attempt_at, None);
        assert!(
            w.with_status(&mine, DeliveryStatus::Pending)
                .await
                .is_empty()
        );
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &anna, async |s| {
                w.notify.unsubscribe(&anna, s, id).await
            })
            .await,
        );
        assert_eq!(code, "CONFLICT", "{engine}");
        assert!(
            loket_store::testing::request(w.db.db(), &anna, async |s| w
                .notify
                .subscriptions(&anna, s, page())
                .await)
            .await
            .unwrap()
            .0
            .is_empty()
        );

        // New events about her case produce nothing, and the cancelled one is never sent.
        let case = w.set_status(&case, "in-review").await;
        w.decide(&case, "granted").await;
        let round = w.drain().await;
        assert_eq!(round.events, 2, "{engine}");
        assert_eq!((round.queued, round.sent), (0, 0), "{engine}: {round:?}");
        assert_eq!(w.deliveries_of(&mine).await.len(), 1, "{engine}");
        assert!(w.log().is_empty(), "{engine}");

        // A delivery stored just after the unsubscribe (fan-out racing it) is cancelled
        // when claimed, never sent.
        w.db.db()
            .raw()
            .execute_unprepared(
                "UPDATE deliveries SET status = 'pending', available_at = created_at",
            )
            .await
            .unwrap();
        let round = w.drain().await;
        assert_eq!(round.sent, 0, "{engine}: {round:?}");
        assert!(w.log().is_empty(), "{engine}");
        assert_eq!(
            w.with_status(&mine, DeliveryStatus::Cancelled).await.len(),
            1,
            "{engine}"
        );

        // An ended subscription is no duplicate: she may subscribe again.
        let again = w
            .subscribe(&anna, by_email("my-cases", "anna@example.nl"))
            .await;
        assert_ne!(again.subscription.id, id);

        // Ending a near-me subscription takes it out of the grid index.
        let near = w
            .subscribe(&anna, near_me("anna@example.nl", 500, &[]))
            .await;
        let enschede = TenantId::new("enschede").unwrap();
        let found = w
            .notify
            .subscribers_near(&enschede, HOME.0, HOME.1)
            .await
            .unwrap();
        assert_eq!(found.len(), 1, "{engine}");
        loket_store::testing::request(w.db.db(), &anna, async |s| {
            w.notify.unsubscribe(&anna, s, near.subscription.id).await
        })
        .await
        .unwrap();
        let found = w
            .notify
            .subscribers_near(&enschede, HOME.0, HOME.1)
            .await
            .unwrap();
        assert!(found.is_empty(), "{engine}");
    }
}

fn reminders_by_sms(phone: &str) -> NewSubscription {
    NewSubscription {
        channel: "sms".into(),
        ..by_email("reminders", phone)
    }
}

#[tokio::test]
async fn every_bad_field_is_refused_by_name() {
    for w in World::each().await {
        let engine = w.engine();
        let anna = w.citizen(ANNA);
        let app = w.app();
        let plain = w.plain_notify();
        let bad = |field: &str| ("BAD_USER_INPUT", field.to_owned());

        let cases: Vec<(&str, NewSubscription, (&str, String))> = vec![
            (
                "topic",
                by_email("everything", "a@example.nl"),
                bad("topic"),
            ),
            (
                "channel",
                NewSubscription {
                    channel: "pigeon".into(),
                    ..by_email("my-cases", "a@example.nl")
                },
                bad("channel"),
            ),
            (
                "resident webhook channel",
                NewSubscription {
                    channel: "webhook".into(),
                    ..by_email("my-cases", "https://example.org/hook")
                },
                bad("channel"),
            ),
            (
                "e-mail",
                by_email("my-cases", "not-an-address"),
                bad("address"),
            ),
            ("empty", by_email("my-cases", "   "), bad("address")),
            ("phone", reminders_by_sms("12345"), bad("address")),
            (
                "phone letters",
                reminders_by_sms("06-abcdefgh"),
                bad("address"),
            ),
            (
                "language",
                NewSubscription {
                    language: Some("fr".into()),
                    ..by_email("my-cases", "a@example.nl")
                },
                bad("language"),
            ),
            (
                "too wide",
                near_me("a@example.nl", 2001, &[]),
                bad("radiusMeters"),
            ),
            (
                "too narrow",
                near_me("a@example.nl", 49, &[]),
                bad("radiusMeters"),
            ),
            (
                "unknown product",
                near_me("a@example.nl", 500, &["hondenbelasting"]),
                bad("products"),
            ),
        ];
        for (what, new, expected) in cases {
            assert_eq!(
                refusal(
                    loket_store::testing::request(w.db.db(), &anna, async |s| w
                        .notify
                        .subscribe(&anna, s, new)
                        .await)
                    .await
                ),
                expected,
                "{engine}: {what}"
            );
        }
        // Without the catalogue, a near-me subscription may not name products.
        assert_eq!(
            refusal(
                loket_store::testing::request(w.db.db(), &anna, async |s| {
                    plain
                        .subscribe(
                            &anna,
                            s,
                            near_me("a@example.nl", 500, &["omgevingsvergunning"]),
                        )
                        .await
                })
                .await
            ),
            bad("products"),
            "{engine}"
        );

        let hooks: Vec<(&str, NewSubscription, (&str, String))> = vec![
            (
                "no kinds",
                webhook("https://example.org/hook", &[], &[]),
                bad("eventKinds"),
            ),
            (
                "unknown kind",
                webhook("https://example.org/hook", &["case.deleted"], &[]),
                bad("eventKinds"),
            ),
            (
                "filter on the subject",
                webhook(
                    "https://example.org/hook",
                    &["case.*"],
                    &[("subject", ANNA)],
                ),
                bad("filters"),
            ),
            (
                "not a URL",
                webhook("example.org/hook", &["case.*"], &[]),
                bad("address"),
            ),
            (
                "e-mail channel",
                NewSubscription {
                    channel: "email".into(),
                    ..webhook("https://example.org/hook", &["case.*"], &[])
                },
                bad("channel"),
            ),
        ];
        for (what, new, expected) in hooks {
            assert_eq!(
                refusal(
                    loket_store::testing::request(w.db.db(), &app, async |s| plain
                        .subscribe(&app, s, new)
                        .await)
                    .await
                ),
                expected,
                "{engine}: {what}"
            );
        }
        // Plain http only where the installation allows it.
        let http = webhook("http://127.0.0.1:9/hook", &["case.*"], &[]);
        assert_eq!(
            refusal(
                loket_store::testing::request(w.db.db(), &app, async |s| plain
                    .subscribe(&app, s, http.clone())
                    .await)
                .await
            ),
            bad("address"),
            "{engine}"
        );
        assert!(
            loket_store::testing::request(w.db.db(), &app, async |s| w
                .notify
                .subscribe(&app, s, http)
                .await)
            .await
            .is_ok(),
            "{engine}"
        );
        let https = loket_store::testing::request(w.db.db(), &app, async |s| {
            plain
                .subscribe(
                    &app,
                    s,
                    // A public address (no resolver needed; nothing is sent to it).
                    webhook("https://93.184.215.14/hook", &["case.*"], &[]),
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(https.subscription.address, "https://93.184.215.14/hook");

        // Topics belong to residents or to apps.
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &anna, async |s| {
                w.notify
                    .subscribe(&anna, s, webhook("https://example.org/a", &["case.*"], &[]))
                    .await
            })
            .await,
        );
        assert_eq!(code, "FORBIDDEN", "{engine}");
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &app, async |s| {
                w.notify
                    .subscribe(&app, s, by_email("my-cases", "app@example.nl"))
                    .await
            })
            .await,
        );
        assert_eq!(code, "FORBIDDEN", "{engine}");
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &w.staff("backoffice"), async |s| {
                w.notify
                    .subscribe(
                        &w.staff("backoffice"),
                        s,
                        by_email("my-cases", "b@example.nl"),
                    )
                    .await
            })
            .await,
        );
        assert_eq!(code, "FORBIDDEN", "{engine}");

        // What is valid: the bounds themselves, the tenant's default radius and language.
        for (address, radius) in [("min@example.nl", 50), ("max@example.nl", 2000)] {
            let made = w.subscribe(&anna, near_me(address, radius, &[])).await;
            assert_eq!(made.subscription.radius_m, Some(radius));
        }
        let default = w
            .subscribe(
                &anna,
                NewSubscription {
                    radius_m: None,
                    ..near_me("default@example.nl", 0, &[])
                },
            )
            .await;
        assert_eq!(default.subscription.radius_m, Some(250), "{engine}");
        assert_eq!(default.subscription.language, "nl");
        let english = w
            .subscribe(
                &anna,
                NewSubscription {
                    language: Some("en".into()),
                    ..reminders_by_sms("+31 6 1234 5678")
                },
            )
            .await;
        assert_eq!(english.subscription.language, "en");
        assert_eq!(english.subscription.address, "+31612345678");

        // The same topic at the same address twice is a conflict (also written differently).
        let (code, _) = refusal(
            loket_store::testing::request(w.db.db(), &anna, async |s| {
                w.notify
                    .subscribe(&anna, s, reminders_by_sms("0612345678"))
                    .await
            })
            .await,
        );
        assert_eq!(code, "CONFLICT", "{engine}");
        // Another resident may use that address.
        w.subscribe(&w.citizen(BERT), reminders_by_sms("0612345678"))
            .await;

        // Anna holds four; in another municipality she holds none.
        let (mine, more) = loket_store::testing::request(w.db.db(), &anna, async |s| {
            w.notify.subscriptions(&anna, s, page()).await
        })
        .await
        .unwrap();
        assert!(!more);
        assert_eq!(mine.len(), 4, "{engine}");
        let haarlem = w.ctx("haarlem", "citizen", Some(ANNA));
        let (there, _) = loket_store::testing::request(w.db.db(), &haarlem, async |s| {
            w.notify.subscriptions(&haarlem, s, page()).await
        })
        .await
        .unwrap();
        assert!(there.is_empty(), "{engine}");
        for s in &mine {
            let (code, _) = refusal(
                loket_store::testing::request(w.db.db(), &haarlem, async |session| {
                    w.notify.unsubscribe(&haarlem, session, s.id).await
                })
                .await,
            );
            assert_eq!(code, "NOT_FOUND", "{engine}");
        }
        let (apps, _) = loket_store::testing::request(w.db.db(), &app, async |s| {
            w.notify.subscriptions(&app, s, page()).await
        })
        .await
        .unwrap();
        assert_eq!(apps.len(), 2, "{engine}");
    }
}
