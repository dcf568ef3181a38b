//! Reaching into a running binary's database from a test: setting what the clock would have
//! set (a report that ended a year ago, a message that is due now) and counting what the
//! services keep. Each call is one transaction of the tenant, under its row-level security.

use loket_kernel::TenantId;
use loket_store::{Db, Mode, Session, TenantTx};
use sea_orm::{ConnectionTrait, Value};

/// Runs `work` in one transaction of `tenant` on the database at `url`, and commits.
async fn in_tenant<T>(url: &str, tenant: &str, work: impl AsyncFnOnce(&TenantTx) -> T) -> T {
    let db = Db::connect(url)
        .await
        .expect("connect to the test database");
    let tenant = TenantId::new(tenant).expect("a tenant name");
    let session = Session::new(&db, tenant.clone(), Mode::Write);
    let out = {
        let tx = session.tx(&tenant).await.expect("a tenant transaction");
        work(&tx).await
    };
    session.finish(true).await.expect("commit");
    db.close().await.expect("close the test database");
    out
}

/// Runs the statement `sql` with `values` in `tenant`; how many rows it changed.
pub async fn execute(url: &str, tenant: &str, sql: &str, values: Vec<Value>) -> u64 {
    in_tenant(url, tenant, async |tx| {
        tx.conn()
            .execute_raw(tx.statement(sql, values))
            .await
            .expect("the statement runs")
            .rows_affected()
    })
    .await
}

/// The number `sql` (one row of one column, such as `SELECT COUNT(*)`) gives with `values` in
/// `tenant`.
pub async fn count(url: &str, tenant: &str, sql: &str, values: Vec<Value>) -> i64 {
    in_tenant(url, tenant, async |tx| {
        tx.conn()
            .query_one_raw(tx.statement(sql, values))
            .await
            .expect("the query runs")
            .expect("one row")
            .try_get_by_index::<i64>(0)
            .expect("a number")
    })
    .await
}
