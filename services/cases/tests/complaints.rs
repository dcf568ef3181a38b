//! Complaints (klachten, Awb chapter 9) on both engines: a resident files one online, the
//! front office takes one in by phone; it is acknowledged, the complainant heard, and decided
//! within 6 weeks, extendable once by 4 and no further.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::Days;
use loket_cases::{Change, Channel, NewCase};
use loket_store::Session;
use support::*;

#[tokio::test]
async fn a_complaint_is_handled_within_six_weeks_extendable_by_four() {
    for w in World::each().await {
        let anna = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let complaint = w.submit(&anna, &["klacht"], None).await.cases.remove(0);
        assert_eq!(complaint.case_type.code, "complaint", "{}", w.engine());
        let today = loket_kernel::calendar::Calendar::today();
        assert_eq!(complaint.deadline, today + Days::new(42));

        // Acknowledged, then the hearing; no skipping the acknowledgement.
        assert_eq!(
            code(w.set_status(&back, &complaint, "hearing").await),
            "BAD_USER_INPUT"
        );
        let acknowledged = w
            .set_status(&back, &complaint, "acknowledged")
            .await
            .unwrap();
        let hearing = w.set_status(&back, &acknowledged, "hearing").await.unwrap();

        // Extended once by four weeks; a further day is refused.
        let extend = |days: u32| Change::Extend {
            days,
            reason: "De betrokken medewerker is met verlof.".into(),
        };
        let extended = loket_store::testing::request(w.db.db(), &back, async |s: &Session| {
            w.cases
                .change(&back, s, &key(&hearing), Some(hearing.version), extend(28))
                .await
        })
        .await
        .unwrap();
        assert_eq!(extended.deadline, today + Days::new(70));
        let more = loket_store::testing::request(w.db.db(), &back, async |s: &Session| {
            w.cases
                .change(&back, s, &key(&extended), Some(extended.version), extend(1))
                .await
        })
        .await;
        assert_eq!(code(more), "BAD_USER_INPUT");
        let decided = w.decide(&back, &extended, "well-founded").await.unwrap();
        assert!(decided.closed_at.is_some());

        // The front office takes a complaint in by phone.
        let front = w.staff("enschede", "frontoffice");
        let taken = loket_store::testing::request(w.db.db(), &front, async |s: &Session| {
            w.cases
                .start_case(
                    &front,
                    s,
                    NewCase {
                        bsn: BERT.into(),
                        product: "klacht".into(),
                        channel: Channel::Phone,
                        address_id: None,
                        description: Some("Ik ben aan de balie onheus bejegend.".into()),
                        idempotency_key: None,
                    },
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(taken.cases[0].case_type.code, "complaint");
        assert_eq!(taken.cases[0].channel, "phone");
    }
}
