//! The deadline figures the contact centre's service report asks for ([`CaseBook`]): cases
//! closed in a period per case type, and how many by their deadline.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::{Days, Utc};
use loket_kernel::TenantId;
use loket_store::{Mode, lookups::CaseBook};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use support::{ANNA, World};

#[tokio::test]
async fn closed_cases_are_counted_per_type_with_those_on_time() {
    for w in World::each().await {
        let anna = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let bundle = w
            .submit(&anna, &["omgevingsvergunning", "uitritvergunning"], None)
            .await;
        let (building, driveway) = (&bundle.cases[0], &bundle.cases[1]);
        // The driveway permit's deadline already passed.
        let backend = w.db.db().db_backend();
        let sql = match backend {
            DbBackend::Postgres => "UPDATE cases SET deadline = deadline - 100 WHERE id = $1",
            _ => "UPDATE cases SET deadline = date(deadline, '-100 days') WHERE id = $1",
        };
        w.db.db()
            .raw()
            .execute_raw(Statement::from_sql_and_values(
                backend,
                sql,
                vec![driveway.id.into()],
            ))
            .await
            .unwrap();
        w.decide(&back, building, "granted").await.unwrap();
        let driveway = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .find(
                    &back,
                    s,
                    &support::key(driveway),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await
        .unwrap();
        w.decide(&back, &driveway, "refused").await.unwrap();

        let enschede = TenantId::new("enschede").unwrap();
        let today = Utc::now().date_naive();
        let figures = w
            .cases
            .deadline_figures(
                &w.db.db().session(&enschede, Mode::Read),
                &enschede,
                today - Days::new(1),
                today + Days::new(1),
            )
            .await
            .unwrap();
        let of = |code: &str| figures.iter().find(|f| f.case_type == code).unwrap();
        assert_eq!(
            (of("building-permit").closed, of("building-permit").on_time),
            (1, 1),
            "{}",
            w.engine()
        );
        assert_eq!(
            (of("driveway-permit").closed, of("driveway-permit").on_time),
            (1, 0)
        );
        assert_eq!(of("building-permit").handling_days, 56);
        // Another period, another municipality: nothing.
        let last_year = today - Days::new(400);
        let none = w
            .cases
            .deadline_figures(
                &w.db.db().session(&enschede, Mode::Read),
                &enschede,
                last_year,
                last_year,
            )
            .await
            .unwrap();
        assert!(none.is_empty());
        let haarlem = TenantId::new("haarlem").unwrap();
        assert!(
            w.cases
                .deadline_figures(
                    &w.db.db().session(&haarlem, Mode::Read),
                    &haarlem,
                    today,
                    today
                )
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            w.cases
                .exists(
                    &w.db.db().session(&enschede, Mode::Read),
                    &enschede,
                    &building.reference
                )
                .await
                .unwrap()
        );
        assert!(
            !w.cases
                .exists(
                    &w.db.db().session(&haarlem, Mode::Read),
                    &haarlem,
                    &building.reference
                )
                .await
                .unwrap()
        );
    }
}
