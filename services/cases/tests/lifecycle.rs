//! A case's life on both engines: transitions the case type allows and refuses, decisions,
//! deadline arithmetic with suspension and extension, the outbox events written with each
//! change, idempotent requests, and the integral view's conflict flag.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::{Datelike, Days};
use loket_cases::{CaseKey, Change, Submission};
use loket_kernel::Guarded;
use loket_store::outbox;
use support::*;

#[tokio::test]
async fn transitions_follow_the_case_type() {
    for w in World::each().await {
        let citizen = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let case = w
            .submit(&citizen, &["omgevingsvergunning"], None)
            .await
            .cases
            .remove(0);
        assert_eq!(case.version, 1);
        assert!(case.reference.starts_with(&format!(
            "ENS-{}-",
            loket_kernel::calendar::Calendar::today().year()
        )));

        // received -> decided is only possible by deciding; backwards and unknown are refused.
        assert_eq!(
            code(w.set_status(&back, &case, "decided").await),
            "BAD_USER_INPUT"
        );
        assert_eq!(
            code(w.set_status(&back, &case, "no-such").await),
            "BAD_USER_INPUT"
        );
        // received -> awaiting-information skips nothing the type forbids (forward move).
        let reviewing = w.set_status(&back, &case, "in-review").await.unwrap();
        assert_eq!(reviewing.version, 2);
        // in-review lists its next statuses; received is not among them.
        assert_eq!(
            code(w.set_status(&back, &reviewing, "received").await),
            "BAD_USER_INPUT"
        );
        let waiting = w
            .set_status(&back, &reviewing, "awaiting-information")
            .await
            .unwrap();
        let back_again = w.set_status(&back, &waiting, "in-review").await.unwrap();
        assert_eq!(back_again.version, 4);

        // A stale version is a conflict and changes nothing.
        assert_eq!(
            code(w.set_status(&back, &reviewing, "advice-requested").await),
            "CONFLICT"
        );
        // Unknown outcomes are refused; a decision closes the case.
        assert_eq!(
            code(w.decide(&back, &back_again, "maybe").await),
            "BAD_USER_INPUT"
        );
        let decided = w.decide(&back, &back_again, "granted").await.unwrap();
        assert!(decided.closed_at.is_some(), "{}", w.engine());
        let Guarded::Visible(status) = &decided.status else {
            panic!()
        };
        assert_eq!(status.code, "decided");
        let Guarded::Visible(Some(decision)) = &decided.decision else {
            panic!()
        };
        assert_eq!(decision.outcome, "granted");
        // A closed case takes no more changes.
        assert_eq!(
            code(w.set_status(&back, &decided, "in-review").await),
            "CONFLICT"
        );
        assert_eq!(code(w.decide(&back, &decided, "refused").await), "CONFLICT");

        let Guarded::Visible(timeline) = &decided.timeline else {
            panic!()
        };
        let names: Vec<&str> = timeline.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ontvangen",
                "In behandeling",
                "Aanvulling nodig",
                "In behandeling",
                "Besluit genomen"
            ]
        );
    }
}

#[tokio::test]
async fn suspension_and_extension_move_the_deadline_within_limits() {
    for w in World::each().await {
        let citizen = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let case = w
            .submit(&citizen, &["omgevingsvergunning"], None)
            .await
            .cases
            .remove(0);
        let received = loket_kernel::calendar::Calendar::local_date(case.created_at);
        assert_eq!(
            case.deadline,
            received.checked_add_days(Days::new(56)).unwrap()
        );

        let change = |days, reason: &str, suspend: bool| {
            let reason = reason.to_owned();
            if suspend {
                Change::Suspend { days, reason }
            } else {
                Change::Extend { days, reason }
            }
        };
        let suspended = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(
                    &back,
                    s,
                    &key(&case),
                    Some(1),
                    change(14, "wachten op tekeningen", true),
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(
            suspended.deadline,
            received.checked_add_days(Days::new(70)).unwrap()
        );
        let extended = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(
                    &back,
                    s,
                    &key(&case),
                    Some(2),
                    change(42, "advies welstand", false),
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(
            extended.deadline,
            received.checked_add_days(Days::new(112)).unwrap()
        );
        assert_eq!((extended.suspended_days, extended.extended_days), (14, 42));

        // The building permit allows 42 days of extension in all: one more day is refused.
        let over = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(&back, s, &key(&case), Some(3), change(1, "nog eens", false))
                .await
        })
        .await;
        assert_eq!(code(over), "BAD_USER_INPUT");
        // A reason is required.
        let no_reason = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(&back, s, &key(&case), Some(3), change(7, "  ", true))
                .await
        })
        .await;
        assert_eq!(code(no_reason), "BAD_USER_INPUT");
        // Moving-house cases may be suspended but not extended.
        let moving = w
            .submit(&citizen, &["verhuizing"], None)
            .await
            .cases
            .remove(0);
        let refused = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(&back, s, &key(&moving), Some(1), change(5, "drukte", false))
                .await
        })
        .await;
        assert_eq!(code(refused), "BAD_USER_INPUT");
    }
}

#[tokio::test]
async fn every_change_writes_its_event_in_the_same_transaction() {
    for w in World::each().await {
        let citizen = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let tenant = loket_kernel::TenantId::new("enschede").unwrap();
        let kinds = || async {
            let tx = w.db.db().begin(&tenant).await.unwrap();
            let events = outbox::pending(&tx, 100).await.unwrap();
            tx.commit().await.unwrap();
            events.into_iter().map(|e| e.kind).collect::<Vec<_>>()
        };
        let case = w
            .submit(&citizen, &["uitritvergunning"], None)
            .await
            .cases
            .remove(0);
        let case = w.set_status(&back, &case, "in-review").await.unwrap();
        // A refused change writes nothing.
        assert!(w.set_status(&back, &case, "received").await.is_err());
        let case = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(
                    &back,
                    s,
                    &key(&case),
                    None,
                    Change::Note("buren gebeld".into()),
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(case.version, 2, "a note does not raise the version");
        w.decide(&back, &case, "granted").await.unwrap();
        assert_eq!(
            kinds().await,
            [
                "case.created",
                "case.status_changed",
                "case.note_added",
                "case.decided"
            ],
            "{}",
            w.engine()
        );
    }
}

#[tokio::test]
async fn an_idempotency_key_returns_the_same_bundle_and_refuses_another_request() {
    for w in World::each().await {
        let citizen = w.citizen("enschede", ANNA);
        let first = w
            .submit(
                &citizen,
                &["omgevingsvergunning", "uitritvergunning"],
                Some("k-1"),
            )
            .await;
        assert_eq!(first.cases.len(), 2);
        assert!(!first.replayed);
        assert!(first.cases.iter().all(|c| c.bundle_id == first.bundle_id));
        let again = w
            .submit(
                &citizen,
                &["uitritvergunning", "omgevingsvergunning"],
                Some("k-1"),
            )
            .await;
        assert!(again.replayed);
        assert_eq!(again.bundle_id, first.bundle_id);
        let mut refs: Vec<_> = again.cases.iter().map(|c| c.reference.clone()).collect();
        refs.sort();
        let mut expected: Vec<_> = first.cases.iter().map(|c| c.reference.clone()).collect();
        expected.sort();
        assert_eq!(refs, expected);

        // The same key for a different request is a conflict, not a silent replay.
        let other = loket_store::testing::request(w.db.db(), &citizen, async |s| {
            w.cases
                .submit_request(
                    &citizen,
                    s,
                    Submission {
                        products: vec!["evenementenvergunning".into()],
                        idempotency_key: Some("k-1".into()),
                        ..Submission::default()
                    },
                )
                .await
        })
        .await;
        assert_eq!(code(other), "CONFLICT");
        // Another resident's key is their own.
        let bert = w.citizen("enschede", BERT);
        assert!(
            !w.submit(&bert, &["omgevingsvergunning"], Some("k-1"))
                .await
                .replayed
        );
    }
}

#[tokio::test]
async fn bad_requests_are_refused_with_the_field_named() {
    use loket_kernel::HasCode;
    for w in World::each().await {
        let citizen = w.citizen("enschede", ANNA);
        for (products, field) in [
            (vec![], "products"),
            (vec!["fietsenrek"], "products"),
            (vec!["paspoort"], "products"), // at the counter only
            (vec!["verhuizing", "verhuizing"], "products"),
        ] {
            let e = w.try_submit(&citizen, products).await.unwrap_err();
            assert_eq!(e.code().as_str(), "BAD_USER_INPUT");
            assert_eq!(e.field(), Some(field));
        }
        // Staff do not submit requests; they start cases.
        let front = w.staff("enschede", "frontoffice");
        let e = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.cases
                .submit_request(&front, s, Submission::default())
                .await
        })
        .await;
        assert_eq!(code(e), "FORBIDDEN");
        // Haarlem's resident cannot apply in Enschede.
        let cees = w.citizen("enschede", CEES);
        let e = loket_store::testing::request(w.db.db(), &cees, async |s| {
            w.cases
                .submit_request(
                    &cees,
                    s,
                    Submission {
                        products: vec!["verhuizing".into()],
                        ..Submission::default()
                    },
                )
                .await
        })
        .await;
        assert_eq!(code(e), "FORBIDDEN");
        // An unknown reference is NOT_FOUND.
        let e = loket_store::testing::request(w.db.db(), &citizen, async |s| {
            w.cases
                .find(
                    &citizen,
                    s,
                    &CaseKey::Reference("ENS-2026-999999".into()),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await;
        assert_eq!(code(e), "NOT_FOUND");
    }
}

#[tokio::test]
async fn the_integral_view_flags_disagreeing_decisions_at_one_address() {
    for w in World::each().await {
        let citizen = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let bundle = w
            .submit(&citizen, &["omgevingsvergunning", "uitritvergunning"], None)
            .await;
        let (building, driveway) = (&bundle.cases[0], &bundle.cases[1]);
        assert_eq!(building.address_id.as_deref(), Some(KERKSTRAAT_1));

        let view = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases.integral_view(&back, s, building).await
        })
        .await
        .unwrap();
        assert_eq!(view.cases.len(), 1);
        assert_eq!(view.cases[0].reference, driveway.reference);
        assert!(view.cases[0].open);
        assert!(!view.conflict);

        let refused = w.decide(&back, building, "refused").await.unwrap();
        assert!(
            !loket_store::testing::request(w.db.db(), &back, async |s| w
                .cases
                .integral_view(&back, s, &refused)
                .await)
            .await
            .unwrap()
            .conflict
        );
        w.decide(&back, driveway, "granted").await.unwrap();
        let view = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases.integral_view(&back, s, &refused).await
        })
        .await
        .unwrap();
        assert!(view.conflict, "{}", w.engine());
        assert_eq!(
            view.conflicting_departments,
            ["openbare-ruimte", "vergunningen"]
        );

        // Bert lives next door: his cases are not at Anna's address.
        let bert = w.citizen("enschede", BERT);
        let his = w
            .submit(&bert, &["omgevingsvergunning"], None)
            .await
            .cases
            .remove(0);
        assert!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .cases
                .integral_view(&back, s, &his)
                .await)
            .await
            .unwrap()
            .cases
            .is_empty()
        );
        // Residents do not get the integral view.
        assert_eq!(
            code(
                loket_store::testing::request(w.db.db(), &citizen, async |s| w
                    .cases
                    .integral_view(&citizen, s, building)
                    .await)
                .await
            ),
            "FORBIDDEN"
        );
    }
}
