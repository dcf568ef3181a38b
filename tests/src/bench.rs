//! What the benchmarks share besides the load generator: their settings from the
//! environment, raw PostgreSQL statements, transactions confined to one tenant as the
//! application role, and tokens from `loket token`.

use loket_store::Db;
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, Statement, TransactionTrait, Value,
};

/// The number in environment variable `name`, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A PostgreSQL statement with `$n` placeholders.
pub fn pg(sql: &str, values: Vec<Value>) -> Statement {
    Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
}

/// A transaction as the application role confined to `tenant`, as the gateway's own, so that
/// baselines pay what row-level security costs.
pub async fn tenant_tx(db: &Db, tenant: &str) -> Result<DatabaseTransaction, DbErr> {
    let tx = db.raw().begin().await?;
    let sql = "SELECT set_config('role', $1, true), set_config('loket.tenant', $2, true)";
    tx.execute_raw(pg(sql, vec!["loket_app".into(), tenant.into()]))
        .await?;
    Ok(tx)
}

/// A token for `role` at `tenant` (citizens with `bsn`) from the demo tenants' dev issuer.
pub async fn token(tenant: &str, role: &str, bsn: Option<&str>) -> String {
    let dir = crate::tenants_dir();
    let args = format!(
        "token --tenant {tenant} --role {role} --tenants {}",
        dir.display()
    );
    let mut args: Vec<&str> = args.split(' ').collect();
    args.extend(bsn.iter().flat_map(|b| ["--bsn", *b]));
    let (code, out, err) = crate::run(&args).await;
    assert_eq!(code, 0, "loket token failed: {err}");
    out.trim().to_owned()
}
