//! Tenant isolation of the storage helper, on both engines; on PostgreSQL row-level security
//! hides other tenants' rows even when the application's own filter is left out.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::sync::Arc;

use loket_kernel::{Actor, Bsn, Capabilities, Ctx, Role, TenantId, page::Page};
use loket_store::{Backend, outbox, processing_log, testing::TestDb};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;

fn tenant(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

fn ctx(slug: &str) -> Ctx {
    Ctx::new(
        tenant(slug),
        Actor::Employee {
            subject: "emp-1".into(),
        },
        vec![Role::new("frontoffice").unwrap()],
        Arc::new(Capabilities::none()),
        Default::default(),
        "req-1".into(),
    )
}

/// Counts rows of `table` without any tenant filter, on the given connection.
async fn unfiltered_count(conn: &impl ConnectionTrait, table: &str) -> i64 {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

async fn write_under_alpha(db: &TestDb) {
    let session = db.db().session(&tenant("alpha"), loket_store::Mode::Write);
    let tx = session.tx(&tenant("alpha")).await.unwrap();
    outbox::publish(&tx, "case.created", json!({"case": "ALP-2026-000001"}))
        .await
        .unwrap();
    drop(tx);
    let bsn = Bsn::new("999993653").unwrap();
    for group in ["person/name", "person/address"] {
        session.record(
            &ctx("alpha"),
            processing_log::Processing {
                person: &bsn,
                purpose: "answer a resident's question",
                operation: "person",
                field_group: group,
            },
        );
    }
    session.finish(true).await.unwrap();
}

#[tokio::test]
async fn a_row_written_under_one_tenant_is_invisible_under_another() {
    for db in TestDb::each().await {
        write_under_alpha(&db).await;

        let alpha = db.db().begin(&tenant("alpha")).await.unwrap();
        assert_eq!(outbox::pending(&alpha, 10).await.unwrap().len(), 1);
        let log =
            processing_log::list(&alpha, &Default::default(), &Page::new(None, None).unwrap())
                .await
                .unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].actor_subject, "emp-1");
        assert_eq!(log[0].purpose, "answer a resident's question");
        assert_eq!(log[0].field_groups, "person/address,person/name");
        assert_eq!(log[0].trace_id.len(), 32, "a W3C trace id");
        alpha.commit().await.unwrap();

        let beta = db.db().begin(&tenant("beta")).await.unwrap();
        assert!(
            outbox::pending(&beta, 10).await.unwrap().is_empty(),
            "{:?}",
            db.backend()
        );
        let log = processing_log::list(&beta, &Default::default(), &Page::new(None, None).unwrap())
            .await
            .unwrap();
        assert!(log.is_empty(), "{:?}", db.backend());
        beta.commit().await.unwrap();
    }
}

#[tokio::test]
async fn on_postgres_rls_hides_rows_even_without_the_application_filter() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    assert_eq!(db.backend(), Backend::Postgres);
    write_under_alpha(&db).await;

    // The test server lets us in as a superuser, which bypasses RLS: the rows are there.
    assert_eq!(unfiltered_count(db.db().raw(), "outbox").await, 1);

    // Inside a tenant transaction the same unfiltered query is bound by RLS.
    let beta = db.db().begin(&tenant("beta")).await.unwrap();
    assert_eq!(unfiltered_count(beta.conn(), "outbox").await, 0);
    assert_eq!(unfiltered_count(beta.conn(), "processing_log").await, 0);
    beta.rollback().await.unwrap();

    let alpha = db.db().begin(&tenant("alpha")).await.unwrap();
    assert_eq!(unfiltered_count(alpha.conn(), "outbox").await, 1);
    alpha.rollback().await.unwrap();

    // Writing a row for another tenant is refused by the policy's WITH CHECK.
    let beta = db.db().begin(&tenant("beta")).await.unwrap();
    let forged = beta
        .conn()
        .execute_raw(Statement::from_string(
            DbBackend::Postgres,
            "INSERT INTO outbox (tenant_id, id, kind, payload, created_at, available_at) \
             VALUES ('alpha', gen_random_uuid(), 'x', '{}', now(), now())",
        ))
        .await;
    let message = forged
        .expect_err("insert for another tenant refused")
        .to_string();
    assert!(message.contains("row-level security"), "{message}");
}

#[tokio::test]
async fn the_tenant_setting_does_not_outlive_its_transaction() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    write_under_alpha(&db).await;
    for _ in 0..3 {
        let alpha = db.db().begin(&tenant("alpha")).await.unwrap();
        alpha.commit().await.unwrap();
    }
    // A plain pooled connection afterwards is the connecting user again, with no tenant set.
    let row = db
        .db()
        .raw()
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT current_user AS u, coalesce(current_setting('loket.tenant', true), '') AS t",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get::<String>("", "u").unwrap(), "postgres");
    assert_eq!(row.try_get::<String>("", "t").unwrap(), "");
}

#[tokio::test]
async fn the_gateway_role_can_only_become_the_application_role_and_only_append_to_the_log() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    write_under_alpha(&db).await;
    let gateway = loket_store::Db::connect(&db.gateway_url().await)
        .await
        .unwrap();
    // Outside a tenant transaction the login role holds no privileges of its own.
    let bare = gateway
        .raw()
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT count(*) FROM outbox",
        ))
        .await;
    assert!(bare.is_err(), "the login role read a table: {bare:?}");
    // Inside one it is the application role: it reads and adds log entries...
    let alpha = gateway.begin(&tenant("alpha")).await.unwrap();
    assert_eq!(unfiltered_count(alpha.conn(), "processing_log").await, 1);
    alpha.rollback().await.unwrap();
    let session = gateway.session(&tenant("alpha"), loket_store::Mode::Read);
    let bsn = Bsn::new("999990019").unwrap();
    session.record(
        &ctx("alpha"),
        processing_log::Processing {
            person: &bsn,
            purpose: "test",
            operation: "person",
            field_group: "person/name",
        },
    );
    session.finish(true).await.unwrap();
    // ...but never changes or removes one.
    for change in [
        "UPDATE processing_log SET purpose = 'forged'",
        "DELETE FROM processing_log",
        "TRUNCATE processing_log",
    ] {
        let alpha = gateway.begin(&tenant("alpha")).await.unwrap();
        let refused = alpha
            .conn()
            .execute_raw(Statement::from_string(DbBackend::Postgres, change))
            .await
            .expect_err(change)
            .to_string();
        assert!(refused.contains("permission denied"), "{change}: {refused}");
        alpha.rollback().await.unwrap();
    }
    let alpha = gateway.begin(&tenant("alpha")).await.unwrap();
    assert_eq!(unfiltered_count(alpha.conn(), "processing_log").await, 2);
    alpha.rollback().await.unwrap();
    gateway.close().await.unwrap();
}
