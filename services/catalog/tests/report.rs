//! Search statistics: every search counted per tenant, choices reported by frontends, and
//! the managers' report of top and zero-result queries, without personal data.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::Days;
use loket_kernel::{HasCode, page::Page};
use loket_store::testing::TestDb;
use support::World;

#[tokio::test]
async fn searches_and_choices_add_up_in_the_managers_report() {
    for db in TestDb::each().await {
        let w = World::new(db).await;
        let visitor = w.anonymous("zwijndrecht");
        for query in [
            "Paspoort",
            "paspoort ",
            "paspoort",
            "kliko",
            "zzzyx",
            "ZZZYX",
            "paspoort 999993653",
        ] {
            w.codes(&visitor, query).await;
        }
        // A second page of the same search is not a new search.
        w.catalog
            .search(
                &visitor,
                Some("paspoort"),
                false,
                Page::new(
                    Some(1),
                    Some(&loket_kernel::page::cursor(&loket_kernel::page::Offset(0))),
                )
                .unwrap(),
            )
            .await
            .unwrap();
        loket_store::testing::request(w.db.db(), &visitor, async |s| {
            w.catalog
                .report_choice(&visitor, s, "paspoort", "paspoort")
                .await
        })
        .await
        .unwrap();
        loket_store::testing::request(w.db.db(), &visitor, async |s| {
            w.catalog
                .report_choice(&visitor, s, "Paspoort", "paspoort")
                .await
        })
        .await
        .unwrap();
        let e = loket_store::testing::request(w.db.db(), &visitor, async |s| {
            w.catalog
                .report_choice(&visitor, s, "paspoort", "no-such-product")
                .await
        })
        .await
        .unwrap_err();
        assert_eq!(e.code().as_str(), "NOT_FOUND");
        // Another tenant's searches are not counted here.
        w.codes(&w.anonymous("papendrecht"), "paspoort").await;

        let manager = w.staff("zwijndrecht", "manager");
        let today = loket_kernel::calendar::Calendar::today();
        let report = loket_store::testing::request(w.db.db(), &manager, async |s| {
            w.catalog
                .search_report(
                    &manager,
                    s,
                    today.checked_sub_days(Days::new(7)).unwrap(),
                    today,
                    10,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(report.searches, 7);
        assert_eq!(report.zero_result_searches, 2);
        let top = &report.top_queries[0];
        assert_eq!((top.query.as_str(), top.searches), ("paspoort", 3));
        assert_eq!(top.choices, vec![("paspoort".to_owned(), 2)]);
        assert_eq!(report.zero_result_queries.len(), 1);
        assert_eq!(report.zero_result_queries[0].query, "zzzyx");
        let text = format!("{report:?}");
        assert!(!text.contains("999993653"), "no BSN in the report: {text}");
        assert!(text.contains("paspoort nummer"));

        // A period before any search is empty; the front office gets no report.
        let old = today.checked_sub_days(Days::new(400)).unwrap();
        let empty = loket_store::testing::request(w.db.db(), &manager, async |s| {
            w.catalog.search_report(&manager, s, old, old, 10).await
        })
        .await
        .unwrap();
        assert_eq!(empty.searches, 0);
        let front = w.staff("zwijndrecht", "frontoffice");
        let e = loket_store::testing::request(w.db.db(), &front, async |s| {
            w.catalog.search_report(&front, s, today, today, 10).await
        })
        .await
        .unwrap_err();
        assert_eq!(e.code().as_str(), "FORBIDDEN");
        let e = loket_store::testing::request(w.db.db(), &manager, async |s| {
            w.catalog.search_report(&manager, s, today, old, 10).await
        })
        .await
        .unwrap_err();
        assert_eq!(e.field(), Some("period.to"));
    }
}

#[tokio::test]
async fn counts_kept_in_memory_are_stored_once_and_add_to_stored_ones() {
    for db in TestDb::each().await {
        let w = World::new(db).await;
        let visitor = w.anonymous("haarlem");
        let manager = w.staff("haarlem", "manager");
        let today = loket_kernel::calendar::Calendar::today();
        for _ in 0..3 {
            w.codes(&visitor, "rijbewijs").await;
        }
        // Storing twice stores nothing twice.
        w.catalog.store_statistics().await.unwrap();
        w.catalog.store_statistics().await.unwrap();
        for _ in 0..2 {
            w.codes(&visitor, "rijbewijs").await;
        }
        // The report stores what is still in memory before it reads.
        let report = loket_store::testing::request(w.db.db(), &manager, async |s| {
            w.catalog.search_report(&manager, s, today, today, 10).await
        })
        .await
        .unwrap();
        let row = report
            .top_queries
            .iter()
            .find(|q| q.query == "rijbewijs")
            .unwrap();
        assert_eq!((row.searches, report.searches), (5, 5));
    }
}
