//! Races on both engines: many handlers changing one case with the same version, and a
//! resident's retries of one request racing each other.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use std::sync::Arc;

use futures_util::future::join_all;
use loket_cases::{CaseFilter, Change, StatusChange, Submission};
use loket_kernel::{HasCode, page::Page};
use support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_handlers_with_one_version_make_one_change() {
    for w in World::each().await {
        let w = Arc::new(w);
        let anna = w.citizen("enschede", ANNA);
        let case = w
            .submit(&anna, &["omgevingsvergunning"], None)
            .await
            .cases
            .remove(0);
        let back = w.staff("enschede", "backoffice");
        let attempts = (0..50).map(|i| {
            let (w, back, case) = (Arc::clone(&w), back.clone(), case.clone());
            tokio::spawn(async move {
                loket_store::testing::request(w.db.db(), &back, async |s| {
                    w.cases
                        .change(
                            &back,
                            s,
                            &key(&case),
                            Some(case.version),
                            Change::Status(StatusChange {
                                status: "in-review".into(),
                                public_explanation: None,
                                internal_remark: Some(format!("handler {i}")),
                            }),
                        )
                        .await
                })
                .await
            })
        });
        let results: Vec<_> = join_all(attempts)
            .await
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let ok = results.iter().filter(|r| r.is_ok()).count();
        let conflicts = results
            .iter()
            .filter(|r| r.as_ref().is_err_and(|e| e.code().as_str() == "CONFLICT"))
            .count();
        assert_eq!((ok, conflicts), (1, 49), "{}: {results:?}", w.engine());
        let now = loket_store::testing::request(w.db.db(), &back, async |s| {
            w.cases
                .find(
                    &back,
                    s,
                    &key(&case),
                    support::READ,
                    loket_cases::Want::default(),
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(now.version, 2);
        let loket_kernel::Guarded::Visible(journal) = &now.journal else {
            panic!()
        };
        assert_eq!(journal.len(), 2, "one creation, one change");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_retries_with_one_key_make_one_bundle() {
    for w in World::each().await {
        let w = Arc::new(w);
        let anna = w.citizen("enschede", ANNA);
        let retries = (0..8).map(|_| {
            let (w, anna) = (Arc::clone(&w), anna.clone());
            tokio::spawn(async move {
                loket_store::testing::request(w.db.db(), &anna, async |s| {
                    w.cases
                        .submit_request(
                            &anna,
                            s,
                            Submission {
                                products: vec![
                                    "omgevingsvergunning".into(),
                                    "uitritvergunning".into(),
                                ],
                                idempotency_key: Some("retry-storm".into()),
                                ..Submission::default()
                            },
                        )
                        .await
                })
                .await
            })
        });
        let results: Vec<_> = join_all(retries)
            .await
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let bundles: std::collections::BTreeSet<_> = results
            .iter()
            .filter_map(|r| r.as_ref().ok().map(|b| b.bundle_id))
            .collect();
        assert_eq!(bundles.len(), 1, "{}: {results:?}", w.engine());
        assert_eq!(
            results
                .iter()
                .filter(|r| r.as_ref().is_ok_and(|b| !b.replayed))
                .count(),
            1
        );
        // Every retry got an answer: the bundle, or (while the first was still writing on
        // an engine that does not wait) a conflict asking to retry.
        assert!(results.iter().all(|r| match r {
            Ok(b) => b.cases.len() == 2,
            Err(e) => e.code().as_str() == "CONFLICT",
        }));
        let mine = loket_store::testing::request(w.db.db(), &anna, async |s| {
            w.cases
                .list(
                    &anna,
                    s,
                    &CaseFilter {
                        include_closed: true,
                        ..CaseFilter::default()
                    },
                    Page::new(Some(50), None).unwrap(),
                    loket_cases::Want::default(),
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(mine.total, 2, "{}", w.engine());
    }
}
