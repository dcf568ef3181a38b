//! Registering contact moments and handing questions to the back office: checks on input,
//! idempotency, who sees which contacts, and callbacks with their working-day deadlines.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::Utc;
use loket_contact::{CallbackFilter, CallbackRequest, ContactChannel, NewContact};
use loket_kernel::{HasCode, calendar::Calendar, page::Page};
use loket_store::testing::TestDb;
use support::{OTHER, RESIDENT, World, at, call};

fn page<K: loket_kernel::page::Key>() -> Page<K> {
    Page::new(Some(20), None).unwrap()
}

#[tokio::test]
async fn a_retry_with_the_same_key_registers_once_and_another_contact_conflicts() {
    for db in TestDb::each().await {
        let w = World::new(db).await;
        let front = w.staff("enschede", "frontoffice");
        let mut contact = call(Some(RESIDENT), 12, at("2026-03-04T10:00:00Z"));
        contact.idempotency_key = Some("kcc-4711".to_owned());
        contact.case_reference = Some("ENS-2026-000001".to_owned());
        let (first, replayed) = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts.register(&front, s, contact.clone()).await
        })
        .await
        .unwrap();
        assert!(!replayed);
        let (again, replayed) = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts.register(&front, s, contact.clone()).await
        })
        .await
        .unwrap();
        assert!(replayed);
        assert_eq!(again.id, first.id);
        contact.question = "Iets anders".to_owned();
        let e = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts.register(&front, s, contact).await
        })
        .await
        .unwrap_err();
        assert_eq!(e.code().as_str(), "CONFLICT");
        let listed = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts
                .history(&front, s, Some(RESIDENT), page(), "test")
                .await
        })
        .await
        .unwrap();
        assert_eq!(listed.total, 1);
        assert_eq!(
            listed.contacts[0].case_reference.as_deref(),
            Some("ENS-2026-000001")
        );
    }
}

#[tokio::test]
async fn bad_input_names_its_field_and_stores_nothing() {
    let w = World::new(TestDb::sqlite().await).await;
    let front = w.staff("enschede", "frontoffice");
    let good = call(Some(RESIDENT), 12, at("2026-03-04T10:00:00Z"));
    let cases: Vec<(&str, NewContact)> = vec![
        (
            "channel",
            NewContact {
                channel: None,
                ..good.clone()
            },
        ),
        (
            "subject",
            NewContact {
                subject: Some("123456789".into()),
                ..good.clone()
            },
        ),
        (
            "product",
            NewContact {
                product: Some("ruimteschip".into()),
                ..good.clone()
            },
        ),
        (
            "topic",
            NewContact {
                topic: Some("beide".into()),
                ..good.clone()
            },
        ),
        (
            "topic",
            NewContact {
                product: None,
                topic: Some("  ".into()),
                ..good.clone()
            },
        ),
        (
            "question",
            NewContact {
                question: " ".into(),
                ..good.clone()
            },
        ),
        (
            "question",
            NewContact {
                question: "x".repeat(4001),
                ..good.clone()
            },
        ),
        (
            "waitSeconds",
            NewContact {
                wait_seconds: None,
                ..good.clone()
            },
        ),
        (
            "waitSeconds",
            NewContact {
                wait_seconds: Some(-1),
                ..good.clone()
            },
        ),
        (
            "handlingSeconds",
            NewContact {
                handling_seconds: Some(90_000),
                ..good.clone()
            },
        ),
        (
            "receivedAt",
            NewContact {
                received_at: Some(Utc::now() + chrono::Days::new(2)),
                answered_at: None,
                ..good.clone()
            },
        ),
        (
            "answeredAt",
            NewContact {
                answered_at: Some(at("2026-03-03T10:00:00Z")),
                ..good.clone()
            },
        ),
        (
            "caseReference",
            NewContact {
                case_reference: Some("ENS-2026-999999".into()),
                ..good.clone()
            },
        ),
        (
            "idempotencyKey",
            NewContact {
                idempotency_key: Some(String::new()),
                ..good.clone()
            },
        ),
        (
            "receivedAt",
            NewContact {
                channel: Some(ContactChannel::Email),
                wait_seconds: None,
                received_at: None,
                ..good.clone()
            },
        ),
        (
            "waitSeconds",
            NewContact {
                channel: Some(ContactChannel::Counter),
                ..good.clone()
            },
        ),
    ];
    for (field, input) in cases {
        let e = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts.register(&front, s, input).await
        })
        .await
        .unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("BAD_USER_INPUT", Some(field)),
            "{e}"
        );
    }
    let listed = loket_store::testing::request(w.db.db(), &front, async |s| {
        w.contacts.history(&front, s, None, page(), "test").await
    })
    .await
    .unwrap();
    assert_eq!(listed.total, 0);
}

#[tokio::test]
async fn each_municipality_and_each_resident_sees_only_their_own_contacts() {
    for db in TestDb::each().await {
        let w = World::new(db).await;
        let enschede = w.staff("enschede", "frontoffice");
        w.register(
            &enschede,
            call(Some(RESIDENT), 5, at("2026-03-04T10:00:00Z")),
        )
        .await;
        w.register(&enschede, call(Some(OTHER), 5, at("2026-03-05T10:00:00Z")))
            .await;
        let newest = w
            .register(
                &enschede,
                call(Some(RESIDENT), 5, at("2026-03-06T10:00:00Z")),
            )
            .await;
        let haarlem = w.staff("haarlem", "frontoffice");
        let theirs = loket_store::testing::request(w.db.db(), &haarlem, async |s| {
            w.contacts
                .history(&haarlem, s, Some(RESIDENT), page(), "test")
                .await
        })
        .await
        .unwrap();
        assert_eq!(theirs.total, 0);
        assert_eq!(
            loket_store::testing::request(w.db.db(), &haarlem, async |s| w
                .contacts
                .history(&haarlem, s, None, page(), "test")
                .await)
            .await
            .unwrap()
            .total,
            0
        );
        // Newest first, for the front and the back office.
        for ctx in [&enschede, &w.staff("enschede", "backoffice")] {
            let mine = loket_store::testing::request(w.db.db(), ctx, async |s| {
                w.contacts
                    .history(ctx, s, Some(RESIDENT), page(), "test")
                    .await
            })
            .await
            .unwrap();
            assert_eq!(mine.total, 2);
            assert_eq!(mine.contacts[0].id, newest.id);
        }
        // The resident sees their own, and only their own.
        let citizen = w.citizen("enschede", RESIDENT);
        let own = loket_store::testing::request(w.db.db(), &citizen, async |s| {
            w.contacts.history(&citizen, s, None, page(), "test").await
        })
        .await
        .unwrap();
        assert_eq!(own.total, 2);
        let e = loket_store::testing::request(w.db.db(), &citizen, async |s| {
            w.contacts
                .history(&citizen, s, Some(OTHER), page(), "test")
                .await
        })
        .await
        .unwrap_err();
        assert_eq!(e.code().as_str(), "FORBIDDEN");
        // Registering is the front office's: a citizen or manager may not.
        for ctx in [&citizen, &w.staff("enschede", "manager")] {
            let e = loket_store::testing::request(w.db.db(), ctx, async |s| {
                w.contacts
                    .register(ctx, s, call(None, 5, at("2026-03-06T10:00:00Z")))
                    .await
            })
            .await
            .unwrap_err();
            assert_eq!(e.code().as_str(), "FORBIDDEN");
        }
    }
}

#[tokio::test]
async fn a_callback_gets_a_working_day_deadline_and_is_completed_once() {
    for db in TestDb::each().await {
        let w = World::new(db).await;
        let front = w.staff("enschede", "frontoffice");
        let contact = w
            .register(&front, call(Some(RESIDENT), 5, Utc::now()))
            .await;
        let request = |team: &str, phone: &str| CallbackRequest {
            contact_id: contact.id,
            team: team.to_owned(),
            phone: phone.to_owned(),
            question: None,
        };
        let e = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts
                .request_callback(&front, s, request("kantine", "053 481 1234"))
                .await
        })
        .await
        .unwrap_err();
        assert_eq!(e.field(), Some("team"));
        let e = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts
                .request_callback(&front, s, request("burgerzaken", "bel me"))
                .await
        })
        .await
        .unwrap_err();
        assert_eq!(e.field(), Some("phone"));
        // Another municipality cannot hand on Enschede's contact.
        let e = loket_store::testing::request(
            w.db.db(),
            &w.staff("haarlem", "frontoffice"),
            async |s| {
                w.contacts
                    .request_callback(
                        &w.staff("haarlem", "frontoffice"),
                        s,
                        request("burgerzaken", "023 511 5115"),
                    )
                    .await
            },
        )
        .await
        .unwrap_err();
        assert_eq!(e.field(), Some("contactId"));

        let callback = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts
                .request_callback(&front, s, request("burgerzaken", "053 481 1234"))
                .await
        })
        .await
        .unwrap();
        let calendar = w.contacts.calendar(front.tenant()).unwrap();
        let expected = calendar
            .add_working_days(Calendar::local_date(Utc::now()), 2)
            .unwrap();
        assert_eq!(callback.deadline, expected);
        assert_eq!(callback.phone, "0534811234");
        assert_eq!(callback.question, contact.question);
        // Handed on, the contact no longer counts as answered in the first contact.
        let listed = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.contacts
                .history(&front, s, Some(RESIDENT), page(), "test")
                .await
        })
        .await
        .unwrap();
        assert!(!listed.contacts[0].resolved_first_contact);

        let back = w.staff("enschede", "backoffice");
        let filter = CallbackFilter {
            team: Some("burgerzaken".to_owned()),
            ..CallbackFilter::default()
        };
        let (queue, total, _) = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.contacts.callbacks(&back, s, &filter, page()).await
        })
        .await
        .unwrap();
        assert_eq!(total, 1);
        assert!(!queue[0].overdue(Calendar::local_date(Utc::now())));
        let overdue = CallbackFilter {
            overdue: true,
            ..filter.clone()
        };
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .contacts
                .callbacks(&back, s, &overdue, page())
                .await)
            .await
            .unwrap()
            .1,
            0
        );
        let e = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.contacts
                .complete_callback(&back, s, callback.id, "Teruggebeld", 7)
                .await
        })
        .await
        .unwrap_err();
        assert_eq!(e.code().as_str(), "CONFLICT");
        let done = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.contacts
                .complete_callback(&back, s, callback.id, "Teruggebeld, vraag beantwoord", 1)
                .await
        })
        .await
        .unwrap();
        assert_eq!((done.in_time, done.version), (Some(true), 2));
        let e = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.contacts
                .complete_callback(&back, s, callback.id, "Nogmaals", 2)
                .await
        })
        .await
        .unwrap_err();
        assert_eq!(e.code().as_str(), "CONFLICT");
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .contacts
                .callbacks(&back, s, &filter, page())
                .await)
            .await
            .unwrap()
            .1,
            0
        );
        let all = CallbackFilter {
            include_completed: true,
            ..filter
        };
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .contacts
                .callbacks(&back, s, &all, page())
                .await)
            .await
            .unwrap()
            .1,
            1
        );
        // A manager sees no callback queue.
        let e =
            loket_store::testing::request(w.db.db(), &w.staff("enschede", "manager"), async |s| {
                w.contacts
                    .callbacks(
                        &w.staff("enschede", "manager"),
                        s,
                        &CallbackFilter::default(),
                        page(),
                    )
                    .await
            })
            .await
            .unwrap_err();
        assert_eq!(e.code().as_str(), "FORBIDDEN");
    }
}

#[tokio::test]
async fn one_contact_is_found_by_its_own_municipality_and_resident_only() {
    let w = World::new(TestDb::sqlite().await).await;
    let contact = w
        .register(
            &w.staff("enschede", "frontoffice"),
            call(Some(RESIDENT), 5, at("2026-03-04T10:00:00Z")),
        )
        .await;
    let found =
        loket_store::testing::request(w.db.db(), &w.citizen("enschede", RESIDENT), async |s| {
            w.contacts
                .find(&w.citizen("enschede", RESIDENT), s, contact.id)
                .await
        })
        .await
        .unwrap();
    // The same record; only why it was read differs.
    assert_eq!(found.read_as.operation, "node");
    assert_eq!(
        loket_contact::ContactRecord {
            read_as: contact.read_as,
            ..found
        },
        contact
    );
    for ctx in [
        w.citizen("enschede", OTHER),
        w.staff("haarlem", "frontoffice"),
    ] {
        let e = loket_store::testing::request(w.db.db(), &ctx, async |s| {
            w.contacts.find(&ctx, s, contact.id).await
        })
        .await
        .unwrap_err();
        assert_eq!(e.code().as_str(), "NOT_FOUND");
    }
    let e = loket_store::testing::request(w.db.db(), &w.staff("enschede", "manager"), async |s| {
        w.contacts
            .find(&w.staff("enschede", "manager"), s, contact.id)
            .await
    })
    .await
    .unwrap_err();
    assert_eq!(e.code().as_str(), "FORBIDDEN");
}
