//! The processing log's retention on both engines: each tenant keeps its own number of months;
//! on PostgreSQL the months every tenant is done with are dropped as partitions, a month made
//! late takes its rows out of the default partition, and nothing of a tenant with a longer
//! retention goes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use chrono::{NaiveDate, TimeZone, Utc};
use loket_kernel::TenantId;
use loket_migration::log_partitions::{self, Month};
use loket_store::{Backend, retention, testing::TestDb};
use sea_orm::{ConnectionTrait, Statement};

fn tenant(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

/// One entry of `slug` written on the first of `year`-`month`, through the application's
/// own transaction.
async fn entry(db: &TestDb, slug: &str, year: i32, month: u32) {
    let tx = db.db().begin(&tenant(slug)).await.unwrap();
    let at = Utc.with_ymd_and_hms(year, month, 1, 12, 0, 0).unwrap();
    let sql = match db.backend() {
        Backend::Postgres => {
            "INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, \
             person_bsn, purpose, operation, request_id, created_at) \
             VALUES ($1, $2, 'employee', 'emp', 'frontoffice', '999993653', 'test', 'person', 'r', $3)"
        }
        Backend::Sqlite => {
            "INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, \
             person_bsn, purpose, operation, request_id, created_at) \
             VALUES (?, ?, 'employee', 'emp', 'frontoffice', '999993653', 'test', 'person', 'r', ?)"
        }
    };
    tx.conn()
        .execute_raw(tx.statement(
            sql,
            vec![slug.into(), uuid::Uuid::now_v7().into(), at.into()],
        ))
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// The months of `slug`'s entries, oldest first, as the application sees them.
async fn months_of(db: &TestDb, slug: &str) -> Vec<String> {
    let tx = db.db().begin(&tenant(slug)).await.unwrap();
    let sql = match db.backend() {
        Backend::Postgres => {
            "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS m FROM processing_log \
             WHERE tenant_id = $1 ORDER BY created_at"
        }
        Backend::Sqlite => {
            "SELECT substr(created_at, 1, 7) AS m FROM processing_log WHERE tenant_id = ? \
             ORDER BY created_at"
        }
    };
    let rows = tx
        .conn()
        .query_all_raw(tx.statement(sql, vec![slug.into()]))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "m").unwrap())
        .collect()
}

#[tokio::test]
async fn each_tenant_keeps_its_own_months_and_expired_months_go() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    for db in TestDb::each().await {
        let postgres = db.backend() == Backend::Postgres;
        if postgres {
            // Months written long ago have their partitions, as years of maintenance made them.
            for (y, m) in [(2024, 6), (2025, 6), (2025, 12)] {
                log_partitions::add_month(db.db().raw(), Month::new(y, m).unwrap())
                    .await
                    .unwrap();
            }
        }
        // alpha keeps 24 months (from 2024-12), beta 12 (from 2025-12), gamma for ever.
        for slug in ["alpha", "beta", "gamma"] {
            for (y, m) in [(2024, 6), (2025, 6), (2025, 12), (2026, 12)] {
                entry(&db, slug, y, m).await;
            }
        }
        // A month whose partition was not made in time lands in the default partition.
        entry(&db, "alpha", 2024, 3).await;
        let retention = [
            (tenant("alpha"), Some(24)),
            (tenant("beta"), Some(12)),
            (tenant("gamma"), None),
        ];
        let done = retention::maintain(db.db(), &retention, today, 2)
            .await
            .unwrap();
        // gamma keeps everything, so no month is dropped; the others lose their own rows.
        assert!(done.dropped.is_empty(), "{done:?}");
        assert_eq!(
            months_of(&db, "alpha").await,
            ["2025-06", "2025-12", "2026-12"]
        );
        assert_eq!(months_of(&db, "beta").await, ["2025-12", "2026-12"]);
        assert_eq!(
            months_of(&db, "gamma").await,
            ["2024-06", "2025-06", "2025-12", "2026-12"]
        );

        // Once gamma has a retention too, the months all three are done with are dropped.
        let retention = [
            (tenant("alpha"), Some(24)),
            (tenant("beta"), Some(12)),
            (tenant("gamma"), Some(18)),
        ];
        let done = retention::maintain(db.db(), &retention, today, 2)
            .await
            .unwrap();
        // 18 months before December 2026: from June 2025.
        assert_eq!(
            months_of(&db, "gamma").await,
            ["2025-06", "2025-12", "2026-12"]
        );
        assert_eq!(
            months_of(&db, "alpha").await,
            ["2025-06", "2025-12", "2026-12"]
        );
        if postgres {
            assert_eq!(done.dropped, ["processing_log_2024_06"], "{done:?}");
            let left = log_partitions::months(db.db().raw()).await.unwrap();
            assert!(!left.contains(&Month::new(2024, 6).unwrap()), "{left:?}");
            assert!(left.contains(&Month::new(2027, 2).unwrap()), "{left:?}");
        }
    }
}

#[tokio::test]
async fn a_month_made_late_takes_its_rows_out_of_the_default_partition() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    // Five months ahead of now: no partition yet, so the row goes to the default.
    let today = Utc::now().date_naive();
    let ahead = retention::month_of(today).unwrap().plus(5).unwrap();
    entry(&db, "alpha", ahead.year, ahead.month).await;
    let in_default = |db: &TestDb| {
        let conn = db.db().raw().clone();
        async move {
            conn.query_one_raw(Statement::from_string(
                conn.get_database_backend(),
                "SELECT count(*) AS n FROM processing_log_default".to_owned(),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap()
        }
    };
    assert_eq!(in_default(&db).await, 1);
    let made = retention::prepare(db.db(), today, 5).await.unwrap();
    assert!(made.contains(&ahead.partition()), "{made:?}");
    assert_eq!(in_default(&db).await, 0);
    assert_eq!(
        months_of(&db, "alpha").await,
        [format!("{:04}-{:02}", ahead.year, ahead.month)]
    );
    // Made once: a second run makes nothing.
    assert!(
        retention::prepare(db.db(), today, 5)
            .await
            .unwrap()
            .is_empty()
    );
}
