//! Test databases: each test gets its own, on SQLite (a temporary file) or PostgreSQL (a fresh
//! database on a server), and it is removed when the test ends.
//!
//! The PostgreSQL server is, in order: the one named by `LOKET_TEST_DATABASE_URL`, one
//! answering on 127.0.0.1:5432 (user `postgres`), or a throwaway cluster started from the
//! PostgreSQL binaries when they are installed. Where none exists, PostgreSQL tests are skipped
//! with a loud message, unless `LOKET_REQUIRE_POSTGRES=1` (as CI sets), which fails them.

#![expect(
    clippy::expect_used,
    reason = "test harness: a broken test database should fail loudly"
)]

use std::{
    net::{SocketAddr, TcpStream},
    path::{Path, PathBuf},
    process::Command,
    sync::OnceLock,
    time::Duration,
};

use sea_orm::{ConnectionTrait, Database};

use crate::{Backend, Db};

/// The port of the throwaway cluster.
const THROWAWAY_PORT: u16 = 54329;

/// A database for one test, removed on drop.
pub struct TestDb {
    db: Db,
    url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[expect(dead_code, reason = "held for its Drop")] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

/// Runs `work` as one request of `ctx` would: in a session of its own, committed when it
/// succeeds and rolled back when it fails (the processing log of what it read is written
/// either way).
pub async fn request<T, E>(
    db: &Db,
    ctx: &loket_kernel::Ctx,
    work: impl AsyncFnOnce(&crate::Session) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<crate::StoreError>,
{
    let session = db.session(ctx.tenant(), crate::Mode::Write);
    let result = work(&session).await;
    session.finish(result.is_ok()).await?;
    result
}

impl TestDb {
    /// A migrated SQLite database.
    pub async fn sqlite() -> Self {
        let db = Self::sqlite_empty().await;
        db.db.migrate().await.expect("migrate sqlite");
        db
    }

    /// An empty SQLite database (for a binary under test to migrate itself).
    pub async fn sqlite_empty() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}", dir.path().join("loket.db").display());
        let db = Db::connect(&url).await.expect("connect sqlite");
        Self {
            db,
            url,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// A migrated PostgreSQL database, or `None` when no server can be had (see module docs).
    pub async fn postgres() -> Option<Self> {
        let db = Self::postgres_empty().await?;
        db.db.migrate().await.expect("migrate postgres");
        Some(db)
    }

    /// An empty PostgreSQL database, or `None` when no server can be had.
    pub async fn postgres_empty() -> Option<Self> {
        let admin_url = postgres_server()?;
        let name = format!("loket_test_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(admin_url.as_str())
            .await
            .expect("connect to the PostgreSQL test server");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        admin.close().await.expect("close admin connection");
        let url = with_database(&admin_url, &name);
        let db = Db::connect(&url).await.expect("connect postgres");
        Some(Self {
            db,
            url,
            cleanup: Cleanup::Postgres { admin_url, name },
        })
    }

    /// Both engines: SQLite always, PostgreSQL where available.
    pub async fn each() -> Vec<Self> {
        let mut all = vec![Self::sqlite().await];
        all.extend(Self::postgres().await);
        all
    }

    /// The pool.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The database URL, to hand to a `loket` process: the owner's (it migrates).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The URL a gateway connects with: on PostgreSQL the login role
    /// [`GATEWAY_ROLE`], which holds no privileges of its own and can only become the
    /// row-level-security-bound application role; on SQLite the file, as for the owner.
    pub async fn gateway_url(&self) -> String {
        match &self.cleanup {
            Cleanup::Postgres { admin_url, name } => {
                ensure_gateway_role(admin_url).await;
                with_user(&with_database(admin_url, name), GATEWAY_ROLE)
            }
            Cleanup::Sqlite(_) => self.url.clone(),
        }
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.db.backend()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Cleanup::Postgres { admin_url, name } = &self.cleanup else {
            return;
        };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        // Drop runs inside the test's runtime; a separate thread with its own runtime can
        // block on the DROP without deadlocking it.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime for cleanup");
            runtime.block_on(async {
                let admin = Database::connect(admin_url.as_str()).await?;
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await?;
                admin.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: could not drop test database {}", self.url);
        }
    }
}

/// The login role test gateways connect as on PostgreSQL.
pub const GATEWAY_ROLE: &str = "loket_gateway";

/// Creates the application role and the gateway's login role on the test server, once per
/// cluster: the login role inherits nothing and may only switch to the application role (and
/// to the benchmark role, for the daily comparison), as a production deployment sets it up
/// (see `docs/deploy.md`). Roles are cluster-wide, so
/// concurrent tests may race to create them; the losers carry on.
async fn ensure_gateway_role(admin_url: &str) {
    let admin = Database::connect(admin_url)
        .await
        .expect("connect to the PostgreSQL test server");
    let app = loket_migration::APP_ROLE;
    let benchmark = loket_migration::BENCHMARK_ROLE;
    let sql = format!(
        "DO $$ BEGIN
            BEGIN CREATE ROLE {app} NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            BEGIN CREATE ROLE {benchmark} NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            BEGIN CREATE ROLE {GATEWAY_ROLE} LOGIN NOINHERIT;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
         END $$;
         GRANT {app} TO {GATEWAY_ROLE};
         GRANT {benchmark} TO {GATEWAY_ROLE};"
    );
    // Two tests granting at the same moment may collide on the catalogue; once is enough.
    for attempt in 0..5 {
        match admin.execute_unprepared(&sql).await {
            Ok(_) => break,
            Err(e) if attempt == 4 => panic!("gateway role: {e}"),
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
        }
    }
    admin.close().await.expect("close admin connection");
}

/// `url` with its user replaced by `user` (no password: the test server trusts local users).
pub fn with_user(url: &str, user: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i.saturating_add(3)) else {
        return url.to_owned();
    };
    let rest = &url[scheme_end..];
    let host = rest.split_once('@').map_or(rest, |(_, h)| h);
    format!("{}{user}@{host}", &url[..scheme_end])
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i.saturating_add(3));
    let path_start = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| i.saturating_add(scheme_end));
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// The admin URL of the PostgreSQL server for tests, found once per process.
pub fn postgres_server() -> Option<String> {
    static SERVER: OnceLock<Option<String>> = OnceLock::new();
    let found = SERVER.get_or_init(find_server).clone();
    if found.is_none() {
        if std::env::var("LOKET_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
            panic!("LOKET_REQUIRE_POSTGRES=1 but no PostgreSQL server could be found or started");
        }
        eprintln!(
            "\n*** SKIPPING PostgreSQL tests: no LOKET_TEST_DATABASE_URL, nothing on 127.0.0.1:5432, \
             and no PostgreSQL binaries to start a throwaway cluster. ***\n"
        );
    }
    found
}

fn answers(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_ok()
}

fn find_server() -> Option<String> {
    if let Ok(url) = std::env::var("LOKET_TEST_DATABASE_URL")
        && !url.is_empty()
    {
        return Some(url);
    }
    if answers(5432) {
        return Some("postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    }
    start_throwaway_cluster()
}

fn postgres_bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").is_file())
        .collect();
    dirs.sort_by_key(|d| {
        d.parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0)
    });
    dirs.pop()
}

/// Runs a PostgreSQL tool, as the `postgres` user when we are root (PostgreSQL refuses root).
fn run_pg(bin: &Path, tool: &str, args: &[&str], as_postgres: bool) -> bool {
    let program = bin.join(tool);
    let mut command = if as_postgres {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(&program);
        c
    } else {
        Command::new(&program)
    };
    command
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn start_throwaway_cluster() -> Option<String> {
    let url = format!("postgres://postgres@127.0.0.1:{THROWAWAY_PORT}/postgres");
    if answers(THROWAWAY_PORT) {
        return Some(url);
    }
    let bin = postgres_bin_dir()?;
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let dir = std::env::temp_dir().join("loket-test-postgres");
    let data = dir.to_str()?.to_owned();
    eprintln!("starting a throwaway PostgreSQL cluster in {data} on port {THROWAWAY_PORT}");
    std::fs::create_dir_all(&dir).ok()?;
    if root {
        Command::new("chown")
            .args(["-R", "postgres:postgres", &data])
            .status()
            .ok()?;
    }
    if !dir.join("PG_VERSION").exists()
        && !run_pg(
            &bin,
            "initdb",
            &["-D", &data, "-U", "postgres", "-A", "trust", "--no-sync"],
            root,
        )
    {
        return None;
    }
    let options = format!("-p {THROWAWAY_PORT} -c listen_addresses=127.0.0.1 -k {data}");
    let log = format!("{data}/server.log");
    if !run_pg(
        &bin,
        "pg_ctl",
        &["-D", &data, "-l", &log, "-o", &options, "-w", "start"],
        root,
    ) {
        return None;
    }
    answers(THROWAWAY_PORT).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database("postgres://u:p@h:5432/postgres?sslmode=disable", "x"),
            "postgres://u:p@h:5432/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }
}
