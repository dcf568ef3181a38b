//! Who sees and does what, on both engines: the citizen's own view without internal notes,
//! the front office's view across departments as far as each tenant's policy goes (outcomes
//! in Enschede, not in Haarlem), the back office's work queue confined to its scope and
//! confidentiality ceiling, isolation between tenants, and the regional alien-registration
//! desk.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use loket_cases::{CaseFilter, CaseKey, Change, Channel, NewCase, Order};
use loket_kernel::{Guarded, page::Page};
use support::*;

fn page() -> Page<loket_cases::CasePosition> {
    Page::new(Some(50), None).unwrap()
}

fn of(subject: &str) -> CaseFilter {
    CaseFilter {
        subject: Some(subject.to_owned()),
        include_closed: true,
        order: Order::Newest,
        ..CaseFilter::default()
    }
}

#[tokio::test]
async fn citizens_see_their_own_cases_without_internal_notes() {
    for w in World::each().await {
        let anna = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let case = w
            .submit(&anna, &["omgevingsvergunning"], None)
            .await
            .cases
            .remove(0);
        let case = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(
                    &back,
                    s,
                    &key(&case),
                    None,
                    Change::Note("geheime notitie".into()),
                )
                .await
        })
        .await
        .unwrap();
        w.decide(&back, &case, "granted").await.unwrap();

        let mine = loket_store::testing::request(w.db.db(), &anna, async |s| {
            w.cases
                .my_cases(&anna, s, page(), loket_cases::Want::default())
                .await
        })
        .await
        .unwrap();
        assert_eq!(mine.total, 1);
        let seen = &mine.cases[0];
        assert!(matches!(seen.notes, Guarded::Forbidden(_)));
        assert!(matches!(seen.journal, Guarded::Forbidden(_)));
        let Guarded::Visible(Some(decision)) = &seen.decision else {
            panic!()
        };
        assert_eq!(decision.name, "Verleend");
        assert!(matches!(decision.decided_by, Guarded::Forbidden(_)));
        assert!(!seen.access.update && !seen.access.decide);
        assert!(
            !format!("{seen:?}").contains("geheime notitie"),
            "{}",
            w.engine()
        );

        // Bert neither lists nor finds Anna's case.
        let bert = w.citizen("enschede", BERT);
        assert_eq!(
            loket_store::testing::request(w.db.db(), &bert, async |s| w
                .cases
                .my_cases(&bert, s, page(), loket_cases::Want::default())
                .await)
            .await
            .unwrap()
            .total,
            0
        );
        assert_eq!(
            code(
                loket_store::testing::request(w.db.db(), &bert, async |s| w
                    .cases
                    .find(
                        &bert,
                        s,
                        &key(&case),
                        support::READ,
                        loket_cases::Want::default()
                    )
                    .await)
                .await
            ),
            "NOT_FOUND"
        );
        // A citizen's filter cannot name someone else.
        let listed = loket_store::testing::request(w.db.db(), &bert, async |s| {
            w.cases
                .list(
                    &bert,
                    s,
                    &of(ANNA),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(listed.total, 0);
    }
}

#[tokio::test]
async fn the_front_office_sees_status_and_outcome_as_its_tenant_decides() {
    for w in World::each().await {
        // Enschede: outcome visible to the front office.
        let anna = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let bundle = w
            .submit(
                &anna,
                &["omgevingsvergunning", "gehandicaptenparkeerkaart"],
                None,
            )
            .await;
        w.decide(&back, &bundle.cases[0], "granted").await.unwrap();
        let front = w.staff("enschede", "frontoffice");
        let seen = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.cases
                .list(
                    &front,
                    s,
                    &of(ANNA),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        // The parking card is confidential (medical): above the front office's ceiling.
        assert_eq!(seen.total, 1, "{}", w.engine());
        let case = &seen.cases[0];
        assert!(case.status.is_visible());
        assert!(matches!(case.decision, Guarded::Visible(Some(_))));
        assert!(matches!(case.notes, Guarded::Forbidden(_)));
        // The front office never decides, nor changes status.
        assert_eq!(code(w.decide(&front, case, "refused").await), "FORBIDDEN");
        let reopened = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .find(
                    &back,
                    s,
                    &key(case),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(reopened.version, case.version, "nothing changed");
        // Without a resident the front office has no work queue.
        let queue = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.cases
                .list(
                    &front,
                    s,
                    &CaseFilter::default(),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await;
        assert_eq!(code(queue), "FORBIDDEN");

        // Haarlem: status yes, outcome no.
        let cees = w.citizen("haarlem", CEES);
        let case = w
            .submit(&cees, &["uitritvergunning"], None)
            .await
            .cases
            .remove(0);
        w.decide(&w.staff("haarlem", "backoffice"), &case, "refused")
            .await
            .unwrap();
        let front = w.staff("haarlem", "frontoffice");
        let seen = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.cases
                .find(
                    &front,
                    s,
                    &key(&case),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await
        .unwrap();
        let Guarded::Visible(status) = &seen.status else {
            panic!()
        };
        assert_eq!(status.name, "Besluit genomen");
        assert!(matches!(
            seen.decision,
            Guarded::Forbidden("case/*/outcome")
        ));
        // Nor may it learn from the integral view whether decisions disagree.
        assert_eq!(
            code(
                loket_store::testing::request(w.db.db(), &front, async |s| w
                    .cases
                    .integral_view(&front, s, &seen)
                    .await)
                .await
            ),
            "FORBIDDEN"
        );
        // The citizen does see their decision.
        let mine = loket_store::testing::request(w.db.db(), &cees, async |s| {
            w.cases
                .find(
                    &cees,
                    s,
                    &key(&case),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await
        .unwrap();
        assert!(matches!(mine.decision, Guarded::Visible(Some(_))));
    }
}

#[tokio::test]
async fn the_work_queue_is_confined_to_scope_and_ceiling_and_ordered_by_deadline() {
    for w in World::each().await {
        let anna = w.citizen("enschede", ANNA);
        let bundle = w
            .submit(
                &anna,
                &["verhuizing", "omgevingsvergunning", "bezwaar-woz"],
                None,
            )
            .await;
        let back = w.staff("enschede", "backoffice");
        let queue = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .list(
                    &back,
                    s,
                    &CaseFilter::default(),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(queue.total, 3);
        let deadlines: Vec<_> = queue.cases.iter().map(|c| c.deadline).collect();
        let mut sorted = deadlines.clone();
        sorted.sort();
        assert_eq!(deadlines, sorted, "soonest deadline first");
        assert_eq!(queue.cases[0].case_type.code, "moving-house");

        // The tax department's handlers see WOZ objections only.
        let tax = w.staff("enschede", "backoffice-belastingen");
        let theirs = loket_store::testing::request(w.db.db(), &tax, async |s| {
            w.cases
                .list(
                    &tax,
                    s,
                    &CaseFilter::default(),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        let types: Vec<_> = theirs
            .cases
            .iter()
            .map(|c| c.case_type.code.as_str())
            .collect();
        assert_eq!(types, ["valuation-objection"]);
        let building = &bundle.cases[1];
        assert_eq!(
            code(
                loket_store::testing::request(w.db.db(), &tax, async |s| w
                    .cases
                    .find(
                        &tax,
                        s,
                        &key(building),
                        support::READ,
                        loket_cases::Want::default()
                    )
                    .await)
                .await
            ),
            "NOT_FOUND"
        );

        // Filters narrow the queue; assignment shows in it.
        let moving = &bundle.cases[0];
        let assigned = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .change(
                    &back,
                    s,
                    &key(moving),
                    Some(1),
                    Change::Assign(Some("h.handler".into())),
                )
                .await
        })
        .await
        .unwrap();
        assert!(matches!(&assigned.handler, Guarded::Visible(Some(h)) if h == "h.handler"));
        let mine = CaseFilter {
            handler: Some("h.handler".into()),
            ..CaseFilter::default()
        };
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .cases
                .list(
                    &back,
                    s,
                    &mine,
                    page(),
                    loket_cases::Want::default(),
                    support::READ
                )
                .await)
            .await
            .unwrap()
            .total,
            1
        );
        let unassigned = CaseFilter {
            unassigned: true,
            ..CaseFilter::default()
        };
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .cases
                .list(
                    &back,
                    s,
                    &unassigned,
                    page(),
                    loket_cases::Want::default(),
                    support::READ
                )
                .await)
            .await
            .unwrap()
            .total,
            2
        );
        let by_type = CaseFilter {
            case_types: vec!["building-permit".into()],
            ..CaseFilter::default()
        };
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .cases
                .list(
                    &back,
                    s,
                    &by_type,
                    page(),
                    loket_cases::Want::default(),
                    support::READ
                )
                .await)
            .await
            .unwrap()
            .total,
            1
        );
        let overdue = CaseFilter {
            overdue: true,
            ..CaseFilter::default()
        };
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .cases
                .list(
                    &back,
                    s,
                    &overdue,
                    page(),
                    loket_cases::Want::default(),
                    support::READ
                )
                .await)
            .await
            .unwrap()
            .total,
            0
        );
        let soon = CaseFilter {
            due_before: Some(moving.deadline.succ_opt().unwrap()),
            ..CaseFilter::default()
        };
        assert_eq!(
            loket_store::testing::request(w.db.db(), &back, async |s| w
                .cases
                .list(
                    &back,
                    s,
                    &soon,
                    page(),
                    loket_cases::Want::default(),
                    support::READ
                )
                .await)
            .await
            .unwrap()
            .total,
            1
        );
        let unknown = CaseFilter {
            case_types: vec!["nope".into()],
            ..CaseFilter::default()
        };
        assert_eq!(
            code(
                loket_store::testing::request(w.db.db(), &back, async |s| w
                    .cases
                    .list(
                        &back,
                        s,
                        &unknown,
                        page(),
                        loket_cases::Want::default(),
                        support::READ
                    )
                    .await)
                .await
            ),
            "BAD_USER_INPUT"
        );

        // Heemskerk's back office may see up to case-confidential: no parking cards.
        let henk = w.citizen("heemskerk", HENK);
        let hb = w
            .submit(
                &henk,
                &["gehandicaptenparkeerkaart", "uitritvergunning"],
                None,
            )
            .await;
        let hq = w.staff("heemskerk", "backoffice");
        let queue = loket_store::testing::request(w.db.db(), &hq, async |s| {
            w.cases
                .list(
                    &hq,
                    s,
                    &CaseFilter::default(),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(queue.total, 1, "{}", w.engine());
        assert_eq!(queue.cases[0].case_type.code, "driveway-permit");
        assert_eq!(
            code(
                loket_store::testing::request(w.db.db(), &hq, async |s| w
                    .cases
                    .find(
                        &hq,
                        s,
                        &key(&hb.cases[0]),
                        support::READ,
                        loket_cases::Want::default()
                    )
                    .await)
                .await
            ),
            "NOT_FOUND"
        );
    }
}

#[tokio::test]
async fn tenants_never_see_each_others_cases() {
    for w in World::each().await {
        let anna = w.citizen("enschede", ANNA);
        let case = w
            .submit(&anna, &["omgevingsvergunning"], None)
            .await
            .cases
            .remove(0);
        for role in ["backoffice", "frontoffice"] {
            let haarlem = w.staff("haarlem", role);
            assert_eq!(
                code(
                    loket_store::testing::request(w.db.db(), &haarlem, async |s| w
                        .cases
                        .find(
                            &haarlem,
                            s,
                            &key(&case),
                            support::READ,
                            loket_cases::Want::default()
                        )
                        .await)
                    .await
                ),
                "NOT_FOUND"
            );
            let by_ref = CaseKey::Reference(case.reference.clone());
            assert_eq!(
                code(
                    loket_store::testing::request(w.db.db(), &haarlem, async |s| w
                        .cases
                        .find(
                            &haarlem,
                            s,
                            &by_ref,
                            support::READ,
                            loket_cases::Want::default()
                        )
                        .await)
                    .await
                ),
                "NOT_FOUND"
            );
            let theirs = loket_store::testing::request(w.db.db(), &haarlem, async |s| {
                w.cases
                    .list(
                        &haarlem,
                        s,
                        &of(ANNA),
                        page(),
                        loket_cases::Want::default(),
                        support::READ,
                    )
                    .await
            })
            .await
            .unwrap();
            assert_eq!(theirs.total, 0, "{role} {}", w.engine());
        }
        let haarlem_back = w.staff("haarlem", "backoffice");
        let q = loket_store::testing::request(w.db.db(), &haarlem_back, async |s| {
            w.cases
                .list(
                    &haarlem_back,
                    s,
                    &CaseFilter::default(),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(q.total, 0);
        assert_eq!(
            code(w.decide(&haarlem_back, &case, "refused").await),
            "NOT_FOUND"
        );
        // Haarlem's front office cannot start a case for an Enschede resident.
        let start = loket_store::testing::request(
            w.db.db(),
            &w.staff("haarlem", "frontoffice"),
            async |s| {
                w.cases
                    .start_case(
                        &w.staff("haarlem", "frontoffice"),
                        s,
                        NewCase {
                            bsn: ANNA.into(),
                            product: "verhuizing".into(),
                            channel: Channel::Counter,
                            address_id: None,
                            description: None,
                            idempotency_key: None,
                        },
                    )
                    .await
            },
        )
        .await;
        assert_eq!(code(start), "NOT_FOUND");
    }
}

fn alien_case(bsn: &str) -> NewCase {
    NewCase {
        bsn: bsn.into(),
        product: "inschrijving-vreemdeling".into(),
        channel: Channel::Counter,
        address_id: None,
        description: Some("eerste inschrijving".into()),
        idempotency_key: None,
    }
}

#[tokio::test]
async fn the_regional_desk_works_its_members_cases_and_no_one_else_sees_them() {
    for w in World::each().await {
        // Dordrecht's desk starts the case for a Zwijndrecht resident: owned by Zwijndrecht.
        let desk = w.staff("dordrecht", "frontoffice");
        let started = loket_store::testing::request(w.db.db(), &desk, async |s| {
            w.cases.start_case(&desk, s, alien_case(DEMIR)).await
        })
        .await
        .unwrap();
        let case = &started.cases[0];
        assert_eq!(case.domain.as_str(), "zwijndrecht");
        assert_eq!(case.handling_tenant, "dordrecht");
        assert!(case.reference.starts_with("ZWI-"));
        assert_eq!(case.channel, "counter");

        // Dordrecht's back office works and decides it, and has it in its queue.
        let host = w.staff("dordrecht", "backoffice");
        let queue = loket_store::testing::request(w.db.db(), &host, async |s| {
            w.cases
                .list(
                    &host,
                    s,
                    &CaseFilter::default(),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(queue.total, 1, "{}", w.engine());
        let working = w.set_status(&host, case, "appointment").await.unwrap();
        let decided = w.decide(&host, &working, "registered").await.unwrap();
        assert!(decided.closed_at.is_some());

        // Zwijndrecht's front office sees its status; its back office cannot work it.
        let member_front = w.staff("zwijndrecht", "frontoffice");
        let seen = loket_store::testing::request(w.db.db(), &member_front, async |s| {
            w.cases
                .find(
                    &member_front,
                    s,
                    &key(case),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await
        .unwrap();
        assert!(seen.status.is_visible());
        let member_back = w.staff("zwijndrecht", "backoffice");
        let theirs = loket_store::testing::request(w.db.db(), &member_back, async |s| {
            w.cases
                .find(
                    &member_back,
                    s,
                    &key(case),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await
        .unwrap();
        assert!(!theirs.access.decide && !theirs.access.update);
        assert_eq!(
            code(w.set_status(&member_back, &theirs, "ind-check").await),
            "FORBIDDEN"
        );
        let queue = loket_store::testing::request(w.db.db(), &member_back, async |s| {
            w.cases
                .list(
                    &member_back,
                    s,
                    &CaseFilter::default(),
                    page(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(
            queue.total, 0,
            "the member's queue does not hold the host's work"
        );

        // Papendrecht sees nothing of it.
        for role in ["frontoffice", "backoffice"] {
            let p = w.staff("papendrecht", role);
            assert_eq!(
                code(
                    loket_store::testing::request(w.db.db(), &p, async |s| w
                        .cases
                        .find(
                            &p,
                            s,
                            &key(case),
                            support::READ,
                            loket_cases::Want::default()
                        )
                        .await)
                    .await
                ),
                "NOT_FOUND"
            );
            assert_eq!(
                loket_store::testing::request(w.db.db(), &p, async |s| w
                    .cases
                    .list(
                        &p,
                        s,
                        &of(DEMIR),
                        page(),
                        loket_cases::Want::default(),
                        support::READ
                    )
                    .await)
                .await
                .unwrap()
                .total,
                0
            );
        }
        // The desk reaches only the shared case type: no building permits for Zwijndrecht.
        let mut other = alien_case(DEMIR);
        other.product = "omgevingsvergunning".into();
        assert_eq!(
            code(
                loket_store::testing::request(w.db.db(), &desk, async |s| w
                    .cases
                    .start_case(&desk, s, other)
                    .await)
                .await
            ),
            "FORBIDDEN"
        );
        // And a Papendrecht resident is served by the same desk.
        let theirs = loket_store::testing::request(w.db.db(), &desk, async |s| {
            w.cases.start_case(&desk, s, alien_case(FATIMA)).await
        })
        .await
        .unwrap();
        assert_eq!(theirs.cases[0].domain.as_str(), "papendrecht");
    }
}
