//! Connecting, migrating and health checks.

use std::{path::Path, time::Duration};

use loket_kernel::{TenantId, config::TenantSet};
use loket_migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DbBackend,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

use crate::{StoreError, TenantTx, tenants};

/// Which database engine is behind a [`Db`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite: development, demos, small installations.
    Sqlite,
    /// PostgreSQL: the production system of record, with row-level security.
    Postgres,
}

/// A connection pool to Loket's database.
#[derive(Clone, Debug)]
pub struct Db {
    conn: DatabaseConnection,
    backend: Backend,
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
        Ok(Self { conn, backend })
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

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.conn.ping().await?;
        Ok(())
    }

    /// Begins a transaction confined to `tenant`.
    pub async fn begin(&self, tenant: &TenantId) -> Result<TenantTx, StoreError> {
        TenantTx::begin(
            &self.conn,
            self.backend == Backend::Postgres,
            tenant.clone(),
        )
        .await
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
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}
