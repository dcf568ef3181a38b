//! Tenant-scoped transactions: [`TenantTx`], the handle every query runs on, and
//! [`Transaction`], one that background work opens and commits itself.

use std::{
    collections::BTreeSet,
    ops::Deref,
    sync::{
        Arc,
        atomic::{AtomicU32, Ordering},
    },
};

use loket_kernel::TenantId;
use loket_migration::APP_ROLE;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult,
    QueryResult, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};
use tokio::sync::{Mutex, OwnedMutexGuard, OwnedSemaphorePermit, Semaphore};

use crate::{Db, StoreError};

/// How many transactions and statements a unit of work used: the round trips a request
/// costs, counted where they happen.
#[derive(Debug, Default)]
pub struct Counts {
    transactions: AtomicU32,
    statements: AtomicU32,
}

impl Counts {
    pub(crate) fn transaction(&self) {
        self.transactions.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn statement(&self) {
        self.statements.fetch_add(1, Ordering::Relaxed);
    }

    /// Transactions begun so far.
    pub fn transactions(&self) -> u32 {
        self.transactions.load(Ordering::Relaxed)
    }

    /// Statements sent so far, `BEGIN` and `COMMIT` included.
    pub fn statements(&self) -> u32 {
        self.statements.load(Ordering::Relaxed)
    }
}

/// The tenants whose outbox a unit of work wrote to: woken when it commits.
#[derive(Debug, Default)]
pub(crate) struct Written(std::sync::Mutex<BTreeSet<TenantId>>);

impl Written {
    fn add(&self, tenant: &TenantId) {
        if let Ok(mut set) = self.0.lock()
            && !set.contains(tenant)
        {
            set.insert(tenant.clone());
        }
    }

    /// Takes the tenants written so far.
    pub(crate) fn take(&self) -> Vec<TenantId> {
        self.0
            .lock()
            .map(|mut set| std::mem::take(&mut *set).into_iter().collect())
            .unwrap_or_default()
    }
}

/// Whether a unit of work only reads (SQLite then begins deferred, taking no write lock) or
/// may write (SQLite takes the write lock when it begins, so writers queue instead of failing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reads; at most the processing log is written at the end.
    Read,
    /// Reads and writes.
    Write,
}

/// The transaction of a unit of work, once begun.
pub(crate) enum State {
    /// Nothing begun yet, or finished.
    Idle,
    /// A transaction, with the tenant its row-level security is set to.
    Open {
        tx: DatabaseTransaction,
        domain: TenantId,
        /// On SQLite, a writing transaction's turn: held until it ends.
        turn: Option<OwnedSemaphorePermit>,
    },
}

/// How transactions begin on one database.
#[derive(Debug, Clone)]
pub(crate) struct Opener {
    pub(crate) postgres: bool,
    /// PostgreSQL's `statement_timeout` inside every transaction, in milliseconds.
    pub(crate) statement_timeout_ms: u32,
    /// SQLite's writers take turns here, first come first served, before they ask for the
    /// write lock: SQLite's own waiting is no queue, and a writer that keeps losing the lock to
    /// newcomers would fail after the busy timeout.
    pub(crate) writers: Arc<Semaphore>,
}

/// A transaction begun, with its writer's turn on SQLite.
pub(crate) type Begun = (DatabaseTransaction, Option<OwnedSemaphorePermit>);

impl Opener {
    /// Begins a transaction confined to `domain`.
    pub(crate) async fn begin(
        &self,
        conn: &DatabaseConnection,
        mode: Mode,
        domain: &TenantId,
        counts: &Counts,
    ) -> Result<Begun, DbErr> {
        counts.transaction();
        counts.statement();
        let mut turn = None;
        let tx = if self.postgres || mode == Mode::Read {
            conn.begin().await?
        } else {
            turn = Some(
                Arc::clone(&self.writers)
                    .acquire_owned()
                    .await
                    .map_err(|e| DbErr::Custom(e.to_string()))?,
            );
            // A deferred SQLite transaction that reads and then writes fails at once with
            // "database is locked" when another one wrote meanwhile, whatever the busy timeout;
            // taking the write lock at BEGIN makes it wait its turn instead.
            conn.begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..TransactionOptions::default()
            })
            .await?
        };
        if self.postgres {
            // One round trip for every setting; `true` makes them transaction-local, so
            // nothing leaks to the next user of the pooled connection.
            counts.statement();
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('role', $1, true), set_config('loket.tenant', $2, true), \
                 set_config('statement_timeout', $3, true)",
                [
                    APP_ROLE.into(),
                    domain.as_str().into(),
                    self.statement_timeout_ms.to_string().into(),
                ],
            ))
            .await?;
        }
        Ok((tx, turn))
    }

    /// Points row-level security at another tenant within the same transaction.
    pub(crate) async fn switch(
        &self,
        tx: &DatabaseTransaction,
        domain: &TenantId,
        counts: &Counts,
    ) -> Result<(), DbErr> {
        if self.postgres {
            counts.statement();
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('loket.tenant', $1, true)",
                [domain.as_str().into()],
            ))
            .await?;
        }
        Ok(())
    }
}

/// The open transaction of a unit of work, confined to one tenant: every query runs on it.
///
/// On PostgreSQL the transaction runs as the row-level-security-bound application role with
/// `loket.tenant` set. Queries must still filter by tenant ([`TenantTx::tenant`]); RLS is the
/// second line of defence. While a resolver holds it, other resolvers of the same request
/// wait for it: one connection does one thing at a time.
pub struct TenantTx {
    guard: OwnedMutexGuard<State>,
    tenant: TenantId,
    counts: Arc<Counts>,
    written: Arc<Written>,
    backend: DbBackend,
}

impl std::fmt::Debug for TenantTx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TenantTx")
            .field("tenant", &self.tenant)
            .finish_non_exhaustive()
    }
}

impl TenantTx {
    pub(crate) fn new(
        guard: OwnedMutexGuard<State>,
        tenant: TenantId,
        counts: Arc<Counts>,
        written: Arc<Written>,
        backend: DbBackend,
    ) -> Self {
        Self {
            guard,
            tenant,
            counts,
            written,
            backend,
        }
    }

    fn open(&self) -> Result<&DatabaseTransaction, DbErr> {
        match &*self.guard {
            State::Open { tx, .. } => Ok(tx),
            State::Idle => Err(DbErr::Custom("the transaction has ended".to_owned())),
        }
    }

    /// The tenant this transaction is confined to.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }

    /// Notes that this tenant's outbox was written, so that its readers are woken once the
    /// transaction commits.
    pub(crate) fn wrote_outbox(&self) {
        self.written.add(&self.tenant);
    }

    /// The connection to run queries on.
    pub fn conn(&self) -> &Self {
        self
    }

    /// The engine the transaction runs on.
    pub fn backend(&self) -> sea_orm::DbBackend {
        self.backend
    }

    /// A raw statement with `$1`-style placeholders for this transaction's engine.
    pub fn statement(&self, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
        Statement::from_sql_and_values(self.backend, sql, values)
    }

    /// Takes the transaction out, ending this handle.
    pub(crate) fn take(mut self) -> Option<(DatabaseTransaction, Option<OwnedSemaphorePermit>)> {
        match std::mem::replace(&mut *self.guard, State::Idle) {
            State::Open { tx, turn, .. } => Some((tx, turn)),
            State::Idle => None,
        }
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for TenantTx {
    fn get_database_backend(&self) -> DbBackend {
        self.backend
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.counts.statement();
        self.open()?.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.counts.statement();
        self.open()?.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.counts.statement();
        self.open()?.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.counts.statement();
        self.open()?.query_all_raw(stmt).await
    }
}

/// A transaction that background work (the dispatcher, the feed, seeding) begins, uses and
/// commits itself; requests use a [`crate::Session`] instead.
#[derive(Debug)]
pub struct Transaction {
    tx: TenantTx,
    db: Db,
}

impl Transaction {
    pub(crate) async fn begin(db: &Db, mode: Mode, tenant: TenantId) -> Result<Self, StoreError> {
        let counts = Arc::new(Counts::default());
        let (tx, turn) = db.opener().begin(db.raw(), mode, &tenant, &counts).await?;
        let state = Arc::new(Mutex::new(State::Open {
            tx,
            domain: tenant.clone(),
            turn,
        }));
        let guard = state.lock_owned().await;
        Ok(Self {
            tx: TenantTx::new(
                guard,
                tenant,
                counts,
                Arc::new(Written::default()),
                db.db_backend(),
            ),
            db: db.clone(),
        })
    }

    /// Commits, and wakes the readers of the outboxes it wrote.
    pub async fn commit(self) -> Result<(), StoreError> {
        let written = self.tx.written.take();
        if let Some((tx, _turn)) = self.tx.take() {
            tx.commit().await?;
            self.db.committed(written);
        }
        Ok(())
    }

    /// Rolls back (dropping the transaction does the same).
    pub async fn rollback(self) -> Result<(), StoreError> {
        if let Some((tx, _turn)) = self.tx.take() {
            tx.rollback().await?;
        }
        Ok(())
    }
}

impl Deref for Transaction {
    type Target = TenantTx;
    fn deref(&self) -> &TenantTx {
        &self.tx
    }
}
