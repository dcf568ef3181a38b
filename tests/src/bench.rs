//! What the benchmarks share besides the load generator: their settings from the
//! environment, raw PostgreSQL statements, transactions confined to one tenant as the
//! application role, tokens from `loket token`, and tenants folders with generated
//! municipalities.

use std::path::Path;

use loket_kernel::config::load_dir;
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

/// The rate limits switched off, for a server whose capacity is measured rather than what one
/// caller may ask of it.
pub const NO_RATE_LIMITS: [(&str, &str); 3] = [
    ("LOKET_RATE_LIMIT_PER_TOKEN", "0"),
    ("LOKET_RATE_LIMIT_PER_TENANT", "0"),
    ("LOKET_RATE_LIMIT_PER_ADDRESS", "0"),
];

/// An empty database for a benchmark's server: PostgreSQL, or SQLite with
/// `BENCH_DATABASE=sqlite`; returns it and whether it is PostgreSQL.
pub async fn database() -> (loket_store::testing::TestDb, bool) {
    use loket_store::testing::TestDb;
    if std::env::var("BENCH_DATABASE").is_ok_and(|v| v == "sqlite") {
        (TestDb::sqlite_empty().await, false)
    } else {
        let db = TestDb::postgres_empty()
            .await
            .expect("PostgreSQL for the benchmark");
        (db, true)
    }
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
    token_in(&crate::tenants_dir(), tenant, role, bsn).await
}

/// Tokens for `role` at each of `tenants` of the tenants folder `dir`, in order, from one run
/// of `loket token`.
pub async fn tokens_in(dir: &Path, tenants: &[&str], role: &str) -> Vec<String> {
    let mut args = vec!["token", "--role", role, "--ttl", "86400", "--tenants"];
    let dir = dir.display().to_string();
    args.push(&dir);
    for tenant in tenants {
        args.extend(["--tenant", tenant]);
    }
    let (code, out, err) = crate::run(&args).await;
    assert_eq!(code, 0, "loket token failed: {err}");
    let tokens: Vec<String> = out.lines().map(str::to_owned).collect();
    assert_eq!(tokens.len(), tenants.len(), "one token per tenant");
    tokens
}

/// [`token`] for a tenant of the tenants folder `dir`.
pub async fn token_in(dir: &Path, tenant: &str, role: &str, bsn: Option<&str>) -> String {
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

/// A copy of the demo tenants plus generated municipalities, `total` in all, as
/// `bench/lib.sh` makes them: copies of Haarlem with only the national template, their own
/// slug (`gemeente-01`, ...), name and municipality code (9001, ...), taking part in the
/// comparison of municipalities anonymously. Returns the folder and every slug.
pub fn tenants_folder(total: usize) -> (tempfile::TempDir, Vec<String>) {
    let dir = crate::tenants_copy();
    let template = std::fs::read_to_string(dir.path().join("haarlem/tenant.toml"))
        .expect("Haarlem's tenant.toml");
    let mut slugs: Vec<String> = load_dir(dir.path())
        .expect("the demo tenants load")
        .tenants
        .keys()
        .map(ToString::to_string)
        .collect();
    for n in 1..=total.saturating_sub(slugs.len()) {
        let slug = format!("gemeente-{n:02}");
        let text = template
            .replace("slug = \"haarlem\"", &format!("slug = \"{slug}\""))
            .replace("Gemeente Haarlem", &format!("Gemeente {n:02}"))
            .replace("\"0392\"", &format!("\"{:04}\"", 9000 + n))
            .replace("haarlem.example", &format!("{slug}.example"))
            .replace("\nshare = \"named\"", "\nshare = \"anonymous\"")
            .replace("shared under our own name", "shared anonymously");
        let folder = dir.path().join(&slug);
        std::fs::create_dir_all(&folder).expect("a tenant's folder");
        std::fs::write(folder.join("tenant.toml"), text).expect("a tenant.toml");
        slugs.push(slug);
    }
    (dir, slugs)
}
