//! Connecting, migrating and health checks.

use std::{path::Path, sync::Arc, time::Duration};

use loket_kernel::{TenantId, config::TenantSet};
use loket_migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

use crate::{
    Session, StoreError, Transaction, tenants,
    tx::{Mode, Opener},
    wake::{Outgoing, Wake, Wakeups},
};

/// PostgreSQL's statement timeout inside Loket's transactions unless configured otherwise.
pub const DEFAULT_STATEMENT_TIMEOUT_MS: u32 = 15_000;

/// Which database engine is behind a [`Db`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite: development, demos, small installations.
    Sqlite,
    /// PostgreSQL: the production system of record, with row-level security.
    Postgres,
}

/// A connection pool to Loket's database, with the process's [`Wakeups`].
#[derive(Clone, Debug)]
pub struct Db {
    conn: DatabaseConnection,
    backend: Backend,
    opener: Opener,
    wakeups: Wakeups,
    outgoing: Outgoing,
    listen_url: Option<ListenUrl>,
}

/// The URL the outbox listener connects with; shown without its password.
#[derive(Clone)]
struct ListenUrl(String);

impl std::fmt::Debug for ListenUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&redact(&self.0))
    }
}

impl Db {
    /// Connects to `url`: `sqlite://PATH` (the file and its folder are created when missing)
    /// or `postgres://...`.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let (backend, url) = if let Some(path) = url.strip_prefix("sqlite://") {
            let path = path.split('?').next().unwrap_or(path);
            if let Some(folder) = Path::new(path)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                    path: folder.display().to_string(),
                    source,
                })?;
            }
            let url = if url.contains('?') {
                url.to_owned()
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_owned())
        } else {
            return Err(StoreError::UnsupportedUrl(redact(url)));
        };
        let listen_url = (backend == Backend::Postgres).then(|| ListenUrl(url.clone()));
        let mut options = ConnectOptions::new(url);
        options
            .connect_timeout(Duration::from_secs(10))
            .acquire_timeout(Duration::from_secs(10))
            .sqlx_logging(false);
        if backend == Backend::Sqlite {
            // One writer at a time is what SQLite can do; a small pool avoids lock storms.
            options.max_connections(4);
            // Set on every pooled connection: write-ahead logging, so readers never wait for
            // the writer; `NORMAL` sync, which in WAL mode loses no committed transaction on
            // a crash of the process (only on power loss, the last ones); foreign keys
            // enforced; and writers queue for the lock instead of failing at once.
            options.map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
            });
        }
        let conn = Database::connect(options).await?;
        Ok(Self {
            conn,
            backend,
            opener: Opener {
                postgres: backend == Backend::Postgres,
                statement_timeout_ms: DEFAULT_STATEMENT_TIMEOUT_MS,
                writers: Arc::new(tokio::sync::Semaphore::new(1)),
            },
            wakeups: Wakeups::default(),
            outgoing: Outgoing::default(),
            listen_url,
        })
    }

    /// The same pool, with PostgreSQL statements inside Loket's transactions cancelled after
    /// `ms` milliseconds (so that no request holds a connection for long).
    pub fn with_statement_timeout(mut self, ms: u32) -> Self {
        self.opener.statement_timeout_ms = ms.max(1);
        self
    }

    pub(crate) fn opener(&self) -> &Opener {
        &self.opener
    }

    /// This process's wake-ups: who hears which tenants' outboxes have news.
    pub fn wakeups(&self) -> &Wakeups {
        &self.wakeups
    }

    /// The URL to listen for outbox commits with (PostgreSQL only).
    pub(crate) fn listen_url(&self) -> Option<&str> {
        self.listen_url.as_ref().map(|u| u.0.as_str())
    }

    /// After a commit that wrote the outboxes of `tenants`: on SQLite, wakes this process's
    /// readers; on PostgreSQL, queues a notification to every process (see [`crate::wake`]).
    pub(crate) fn committed(&self, tenants: Vec<TenantId>) {
        match self.backend {
            Backend::Sqlite => {
                for tenant in tenants {
                    self.wakeups.send(Wake::Tenant(tenant));
                }
            }
            Backend::Postgres => self.outgoing.add(tenants),
        }
    }

    /// The outbox commits this process has yet to tell the others of.
    pub(crate) fn outgoing(&self) -> &Outgoing {
        &self.outgoing
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.conn, None).await?;
        Ok(())
    }

    /// Warns when the pool's PostgreSQL user could bypass row-level security (a superuser,
    /// a role with `BYPASSRLS`, or a member of the tables' owner): requests should connect as
    /// a login role that can only become the application role (see `docs/deploy.md`).
    pub async fn warn_if_privileged(&self) {
        if self.backend != Backend::Postgres {
            return;
        }
        let sql = "SELECT r.rolsuper OR r.rolbypassrls OR COALESCE(pg_has_role(current_user, \
                   (SELECT tableowner FROM pg_tables WHERE tablename = 'cases' LIMIT 1), \
                   'MEMBER'), false) AS privileged FROM pg_roles r WHERE r.rolname = current_user";
        let found = self
            .conn
            .query_one_raw(sea_orm::Statement::from_string(DbBackend::Postgres, sql))
            .await;
        let privileged = found
            .ok()
            .flatten()
            .and_then(|row| row.try_get::<bool>("", "privileged").ok());
        if privileged == Some(true) {
            tracing::warn!(
                "the database user may bypass row-level security: in production, connect with \
                 a login role that can only become loket_app (LOKET_DATABASE_URL) and migrate \
                 with the owner (LOKET_MIGRATION_DATABASE_URL)"
            );
        }
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.conn.ping().await?;
        Ok(())
    }

    /// Begins a writing transaction confined to `tenant`, for background work; requests use
    /// a [`Session`].
    pub async fn begin(&self, tenant: &TenantId) -> Result<Transaction, StoreError> {
        Transaction::begin(self, Mode::Write, tenant.clone()).await
    }

    /// Begins a reading transaction confined to `tenant` (on SQLite it takes no write lock).
    pub async fn begin_read(&self, tenant: &TenantId) -> Result<Transaction, StoreError> {
        Transaction::begin(self, Mode::Read, tenant.clone()).await
    }

    /// The database work of one request by an actor of `home`.
    pub fn session(&self, home: &TenantId, mode: Mode) -> Session {
        Session::new(self, home.clone(), mode)
    }

    /// Records the tenants of the configuration folder in the `tenants` table.
    pub async fn sync_tenants(&self, set: &TenantSet) -> Result<(), StoreError> {
        tenants::sync(&self.conn, set).await
    }

    /// The slugs in the `tenants` table.
    pub async fn tenant_slugs(&self) -> Result<Vec<String>, StoreError> {
        tenants::slugs(&self.conn).await
    }

    /// The raw connection, for migrations, catalogue checks and baselines in tests and
    /// benchmarks. Application code goes through [`Db::begin`].
    pub fn raw(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// The sea-orm backend.
    pub fn db_backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    /// Closes the pool.
    pub async fn close(self) -> Result<(), StoreError> {
        self.conn.close().await?;
        Ok(())
    }
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let start = scheme_end.saturating_add(3);
            let userinfo = url.get(start..at).unwrap_or_default();
            let user = userinfo.split(':').next().unwrap_or_default();
            format!(
                "{}{user}:***{}",
                url.get(..start).unwrap_or_default(),
                url.get(at..).unwrap_or_default()
            )
        }
        _ => url.to_owned(),
    }
}
