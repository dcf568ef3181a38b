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
        let today = loket_kernel::calendar::Calendar::today();
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

/// A case is on time when it closes on or before its deadline in the Netherlands, on either
/// side of midnight and of the summer-time changes; SQLite, which has no time zones, spells
/// the EU rule out in SQL, so it is checked against the time-zone database over several years.
#[tokio::test]
async fn on_time_counts_the_close_date_in_the_netherlands() {
    use chrono::{Datelike, NaiveDate, TimeZone, Weekday};
    use loket_kernel::calendar::Calendar;

    let last_sunday = |year: i32, month: u32| {
        let mut day = NaiveDate::from_ymd_opt(year, month, 31).unwrap();
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().unwrap();
        }
        day
    };
    let mut moments = Vec::new();
    for year in 2025..=2030 {
        let mut days = vec![
            NaiveDate::from_ymd_opt(year, 1, 15).unwrap(),
            NaiveDate::from_ymd_opt(year, 7, 15).unwrap(),
        ];
        for change in [last_sunday(year, 3), last_sunday(year, 10)] {
            days.extend([
                change.pred_opt().unwrap(),
                change,
                change.succ_opt().unwrap(),
            ]);
        }
        for day in days {
            for (h, m) in [(21, 30), (22, 30), (22, 59), (23, 0), (23, 30)] {
                moments.push(Utc.from_utc_datetime(&day.and_hms_opt(h, m, 0).unwrap()));
            }
        }
    }
    // Spot checks that do not lean on the calendar itself.
    let at = |s: &str| s.parse::<chrono::DateTime<Utc>>().unwrap();
    assert_eq!(
        Calendar::local_date(at("2026-01-14T23:30:00Z")).to_string(),
        "2026-01-15"
    );
    assert_eq!(
        Calendar::local_date(at("2026-07-14T21:30:00Z")).to_string(),
        "2026-07-14"
    );
    assert_eq!(
        Calendar::local_date(at("2026-07-14T22:30:00Z")).to_string(),
        "2026-07-15"
    );

    for w in World::each().await {
        let anna = w.citizen("enschede", ANNA);
        let back = w.staff("enschede", "backoffice");
        let bundle = w.submit(&anna, &["omgevingsvergunning"], None).await;
        let case = &bundle.cases[0];
        w.decide(&back, case, "granted").await.unwrap();
        let enschede = TenantId::new("enschede").unwrap();
        let backend = w.db.db().db_backend();
        let sql = "UPDATE cases SET closed_at = $1, deadline = $2 WHERE id = $3";
        let mut late = 0;
        for closed in &moments {
            // The deadline is the UTC date: on time only while the Dutch date has not moved on.
            let deadline = closed.date_naive();
            w.db.db()
                .raw()
                .execute_raw(Statement::from_sql_and_values(
                    backend,
                    sql,
                    vec![(*closed).into(), deadline.into(), case.id.into()],
                ))
                .await
                .unwrap();
            let figures = w
                .cases
                .deadline_figures(
                    &w.db.db().session(&enschede, Mode::Read),
                    &enschede,
                    deadline - Days::new(1),
                    deadline + Days::new(1),
                )
                .await
                .unwrap();
            let permit = figures
                .iter()
                .find(|f| f.case_type == "building-permit")
                .unwrap();
            let on_time = Calendar::local_date(*closed) <= deadline;
            late += usize::from(!on_time);
            assert_eq!(
                (permit.closed, permit.on_time),
                (1, i64::from(on_time)),
                "closed at {closed}, deadline {deadline}, {}",
                w.engine()
            );
        }
        // Both outcomes were met, in summer and in winter.
        assert!(late > 50 && late < moments.len() - 50, "{late} late");
    }
}
