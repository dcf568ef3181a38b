//! Who sees and does what, on both engines: the citizen's own view without internal notes,
//! the front office's view across departments as far as each tenant's policy goes (outcomes
//! in Enschede, not in Haarlem), the back office's work queue confined to its scope and
//! confidentiality ceiling, isolation between tenants, and the regional alien-registration
//! desk.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly"
)]

mod support;

use loket_cases::{CaseFilter, CaseKey, Change, Channel, NewCase, Order};
use loket_kernel::{Guarded, page::Page};
use support::*;

fn page() -> Page {
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
        let case = w
            .cases
            .change(
                &back,
                &key(&case),
                None,
                Change::Note("geheime notitie".into()),
            )
            .await
            .unwrap();
        w.decide(&back, &case, "granted").await.unwrap();

        let mine = w.cases.my_cases(&anna, page()).await.unwrap();
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
        assert_eq!(w.cases.my_cases(&bert, page()).await.unwrap().total, 0);
        assert_eq!(
            code(w.cases.find(&bert, &key(&case), "t").await),
            "NOT_FOUND"
        );
        // A citizen's filter cannot name someone else.
        let listed = w.cases.list(&bert, &of(ANNA), page(), "t").await.unwrap();
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
        let seen = w.cases.list(&front, &of(ANNA), page(), "t").await.unwrap();
        // The parking card is confidential (medical): above the front office's ceiling.
        assert_eq!(seen.total, 1, "{}", w.engine());
        let case = &seen.cases[0];
        assert!(case.status.is_visible());
        assert!(matches!(case.decision, Guarded::Visible(Some(_))));
        assert!(matches!(case.notes, Guarded::Forbidden(_)));
        // The front office never decides, nor changes status.
        assert_eq!(code(w.decide(&front, case, "refused").await), "FORBIDDEN");
        let reopened = w.cases.find(&back, &key(case), "t").await.unwrap();
        assert_eq!(reopened.version, case.version, "nothing changed");
        // Without a resident the front office has no work queue.
        let queue = w
            .cases
            .list(&front, &CaseFilter::default(), page(), "t")
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
        let seen = w.cases.find(&front, &key(&case), "t").await.unwrap();
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
            code(w.cases.integral_view(&front, &seen).await),
            "FORBIDDEN"
        );
        // The citizen does see their decision.
        let mine = w.cases.find(&cees, &key(&case), "t").await.unwrap();
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
        let queue = w
            .cases
            .list(&back, &CaseFilter::default(), page(), "t")
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
        let theirs = w
            .cases
            .list(&tax, &CaseFilter::default(), page(), "t")
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
            code(w.cases.find(&tax, &key(building), "t").await),
            "NOT_FOUND"
        );

        // Filters narrow the queue; assignment shows in it.
        let moving = &bundle.cases[0];
        let assigned = w
            .cases
            .change(
                &back,
                &key(moving),
                Some(1),
                Change::Assign(Some("h.handler".into())),
            )
            .await
            .unwrap();
        assert!(matches!(&assigned.handler, Guarded::Visible(Some(h)) if h == "h.handler"));
        let mine = CaseFilter {
            handler: Some("h.handler".into()),
            ..CaseFilter::default()
        };
        assert_eq!(
            w.cases.list(&back, &mine, page(), "t").await.unwrap().total,
            1
        );
        let unassigned = CaseFilter {
            unassigned: true,
            ..CaseFilter::default()
        };
        assert_eq!(
            w.cases
                .list(&back, &unassigned, page(), "t")
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
            w.cases
                .list(&back, &by_type, page(), "t")
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
            w.cases
                .list(&back, &overdue, page(), "t")
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
            w.cases.list(&back, &soon, page(), "t").await.unwrap().total,
            1
        );
        let unknown = CaseFilter {
            case_types: vec!["nope".into()],
            ..CaseFilter::default()
        };
        assert_eq!(
            code(w.cases.list(&back, &unknown, page(), "t").await),
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
        let queue = w
            .cases
            .list(&hq, &CaseFilter::default(), page(), "t")
            .await
            .unwrap();
        assert_eq!(queue.total, 1, "{}", w.engine());
        assert_eq!(queue.cases[0].case_type.code, "driveway-permit");
        assert_eq!(
            code(w.cases.find(&hq, &key(&hb.cases[0]), "t").await),
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
                code(w.cases.find(&haarlem, &key(&case), "t").await),
                "NOT_FOUND"
            );
            let by_ref = CaseKey::Reference(case.reference.clone());
            assert_eq!(
                code(w.cases.find(&haarlem, &by_ref, "t").await),
                "NOT_FOUND"
            );
            let theirs = w
                .cases
                .list(&haarlem, &of(ANNA), page(), "t")
                .await
                .unwrap();
            assert_eq!(theirs.total, 0, "{role} {}", w.engine());
        }
        let haarlem_back = w.staff("haarlem", "backoffice");
        let q = w
            .cases
            .list(&haarlem_back, &CaseFilter::default(), page(), "t")
            .await
            .unwrap();
        assert_eq!(q.total, 0);
        assert_eq!(
            code(w.decide(&haarlem_back, &case, "refused").await),
            "NOT_FOUND"
        );
        // Haarlem's front office cannot start a case for an Enschede resident.
        let start = w
            .cases
            .start_case(
                &w.staff("haarlem", "frontoffice"),
                NewCase {
                    bsn: ANNA.into(),
                    product: "verhuizing".into(),
                    channel: Channel::Counter,
                    address_id: None,
                    description: None,
                    idempotency_key: None,
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
        let started = w.cases.start_case(&desk, alien_case(DEMIR)).await.unwrap();
        let case = &started.cases[0];
        assert_eq!(case.domain.as_str(), "zwijndrecht");
        assert_eq!(case.handling_tenant, "dordrecht");
        assert!(case.reference.starts_with("ZWI-"));
        assert_eq!(case.channel, "counter");

        // Dordrecht's back office works and decides it, and has it in its queue.
        let host = w.staff("dordrecht", "backoffice");
        let queue = w
            .cases
            .list(&host, &CaseFilter::default(), page(), "t")
            .await
            .unwrap();
        assert_eq!(queue.total, 1, "{}", w.engine());
        let working = w.set_status(&host, case, "appointment").await.unwrap();
        let decided = w.decide(&host, &working, "registered").await.unwrap();
        assert!(decided.closed_at.is_some());

        // Zwijndrecht's front office sees its status; its back office cannot work it.
        let member_front = w.staff("zwijndrecht", "frontoffice");
        let seen = w.cases.find(&member_front, &key(case), "t").await.unwrap();
        assert!(seen.status.is_visible());
        let member_back = w.staff("zwijndrecht", "backoffice");
        let theirs = w.cases.find(&member_back, &key(case), "t").await.unwrap();
        assert!(!theirs.access.decide && !theirs.access.update);
        assert_eq!(
            code(w.set_status(&member_back, &theirs, "ind-check").await),
            "FORBIDDEN"
        );
        let queue = w
            .cases
            .list(&member_back, &CaseFilter::default(), page(), "t")
            .await
            .unwrap();
        assert_eq!(
            queue.total, 0,
            "the member's queue does not hold the host's work"
        );

        // Papendrecht sees nothing of it.
        for role in ["frontoffice", "backoffice"] {
            let p = w.staff("papendrecht", role);
            assert_eq!(code(w.cases.find(&p, &key(case), "t").await), "NOT_FOUND");
            assert_eq!(
                w.cases
                    .list(&p, &of(DEMIR), page(), "t")
                    .await
                    .unwrap()
                    .total,
                0
            );
        }
        // The desk reaches only the shared case type: no building permits for Zwijndrecht.
        let mut other = alien_case(DEMIR);
        other.product = "omgevingsvergunning".into();
        assert_eq!(code(w.cases.start_case(&desk, other).await), "FORBIDDEN");
        // And a Papendrecht resident is served by the same desk.
        let theirs = w.cases.start_case(&desk, alien_case(FATIMA)).await.unwrap();
        assert_eq!(theirs.cases[0].domain.as_str(), "papendrecht");
    }
}
