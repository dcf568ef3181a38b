//! Tenant-scoped transactions.

use loket_kernel::TenantId;
use loket_migration::APP_ROLE;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, SqliteTransactionMode,
    Statement, TransactionOptions, TransactionTrait,
};

use crate::StoreError;

/// A transaction in which only one tenant's rows are reachable.
///
/// On PostgreSQL it switches to the application role (bound by row-level security even when
/// the pool connects as the table owner or a superuser) and sets `loket.tenant`, both local to
/// the transaction so nothing leaks to the next user of the pooled connection. Queries must
/// still filter by tenant ([`TenantTx::tenant`]); RLS is the second line of defence.
#[derive(Debug)]
pub struct TenantTx {
    tx: DatabaseTransaction,
    tenant: TenantId,
}

impl TenantTx {
    pub(crate) async fn begin(
        conn: &DatabaseConnection,
        postgres: bool,
        tenant: TenantId,
    ) -> Result<Self, StoreError> {
        let tx = if postgres {
            conn.begin().await?
        } else {
            // Most tenant transactions write (a read of personal data writes the processing
            // log). A deferred SQLite transaction that reads and then writes fails at once with
            // "database is locked" when another one wrote meanwhile, whatever the busy timeout;
            // taking the write lock at BEGIN makes it wait its turn instead.
            conn.begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..TransactionOptions::default()
            })
            .await?
        };
        if postgres {
            // One round trip for both settings; `true` makes them transaction-local.
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('role', $1, true), set_config('loket.tenant', $2, true)",
                [APP_ROLE.into(), tenant.as_str().into()],
            ))
            .await?;
        }
        Ok(Self { tx, tenant })
    }

    /// The tenant this transaction is confined to.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }

    /// The connection to run queries on.
    pub fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    /// A raw statement with `$1`-style placeholders for this transaction's engine.
    pub fn statement(&self, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
        Statement::from_sql_and_values(self.tx.get_database_backend(), sql, values)
    }

    /// Commits.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }

    /// Rolls back (dropping the transaction does the same).
    pub async fn rollback(self) -> Result<(), StoreError> {
        self.tx.rollback().await?;
        Ok(())
    }
}
