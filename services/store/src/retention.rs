//! Keeping the processing log to its retention: each tenant keeps its entries for a number of
//! months after the month they were written in (or for ever, until it says otherwise).
//!
//! On PostgreSQL the log is partitioned by month, so the months every tenant is done with are
//! dropped whole; a tenant with a shorter retention than the longest has its older entries
//! deleted from the months that stay. The partitions of the months ahead are made here too.
//! Run as the tables' owner (`loket processing-log maintain`): the application may never
//! remove an entry.

use chrono::{Datelike, NaiveDate};
use loket_kernel::TenantId;
use loket_migration::log_partitions::{self, Month};
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};

use crate::{Backend, Db, StoreError};

/// What maintenance did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Maintained {
    /// Partitions made, by name.
    pub added: Vec<String>,
    /// Partitions dropped with their rows, by name.
    pub dropped: Vec<String>,
    /// Entries deleted per tenant (a shorter retention than the months dropped).
    pub deleted: Vec<(TenantId, u64)>,
}

/// The month of `day`.
pub fn month_of(day: NaiveDate) -> Option<Month> {
    Month::new(day.year(), day.month())
}

/// The first month a tenant keeping `months` months still keeps on `today`: entries of
/// earlier months have expired.
pub fn first_kept(today: NaiveDate, months: u16) -> Option<Month> {
    month_of(today)?.plus(0_i32.checked_sub(i32::from(months))?)
}

/// Makes the partitions up to `ahead` months after `today`'s, drops the months every tenant is
/// done with, and deletes older entries of tenants with a shorter retention. `retention` holds
/// every configured tenant, `None` for one that keeps its entries for ever.
pub async fn maintain(
    db: &Db,
    retention: &[(TenantId, Option<u16>)],
    today: NaiveDate,
    ahead: u16,
) -> Result<Maintained, StoreError> {
    let mut done = Maintained::default();
    let postgres = db.backend() == Backend::Postgres;
    // Months every tenant is done with: before the latest first kept month of all.
    let all_done_before = retention
        .iter()
        .map(|(_, months)| months.and_then(|m| first_kept(today, m)))
        .try_fold(None::<Month>, |earliest, kept| {
            kept.map(|k| Some(earliest.map_or(k, |e| e.min(k))))
        })
        .flatten();
    done.added = prepare(db, today, ahead).await?;
    if postgres {
        let conn = db.raw();
        if let Some(before) = all_done_before {
            for month in log_partitions::months(conn).await? {
                if month < before {
                    log_partitions::drop_month(conn, month).await?;
                    done.dropped.push(month.partition());
                }
            }
        }
    }
    for (tenant, months) in retention {
        let Some(kept) = months.and_then(|m| first_kept(today, m)) else {
            continue;
        };
        // What is left: months kept for others, and rows that landed in the default partition.
        let deleted = delete_before(db, tenant, kept).await?;
        if deleted > 0 {
            done.deleted.push((tenant.clone(), deleted));
        }
    }
    Ok(done)
}

/// Makes the partitions of `today`'s month and the `ahead` after it that are missing (on
/// PostgreSQL; nothing on SQLite); returns their names.
pub async fn prepare(db: &Db, today: NaiveDate, ahead: u16) -> Result<Vec<String>, StoreError> {
    let mut added = Vec::new();
    if db.backend() != Backend::Postgres {
        return Ok(added);
    }
    let this_month = month_of(today).ok_or_else(|| custom("today has no month"))?;
    for offset in 0..=i32::from(ahead) {
        let month = this_month
            .plus(offset)
            .ok_or_else(|| custom("no month ahead"))?;
        if log_partitions::add_month(db.raw(), month).await? {
            added.push(month.partition());
        }
    }
    Ok(added)
}

/// Deletes `tenant`'s entries written before `month`, as the owner with the tenant set, so
/// that row-level security confines the delete to that tenant.
async fn delete_before(db: &Db, tenant: &TenantId, month: Month) -> Result<u64, StoreError> {
    let backend = db.db_backend();
    let start = format!("{:04}-{:02}-01T00:00:00Z", month.year, month.month);
    let start = chrono::DateTime::parse_from_rfc3339(&start)
        .map_err(|e| custom(&e.to_string()))?
        .to_utc();
    let tx = db.raw().begin().await?;
    if db.backend() == Backend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT set_config('loket.tenant', $1, true)",
            [tenant.as_str().into()],
        ))
        .await?;
    }
    let sql = match db.backend() {
        Backend::Postgres => "DELETE FROM processing_log WHERE tenant_id = $1 AND created_at < $2",
        Backend::Sqlite => "DELETE FROM processing_log WHERE tenant_id = ? AND created_at < ?",
    };
    let result = tx
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [tenant.as_str().into(), start.into()],
        ))
        .await?;
    tx.commit().await?;
    Ok(result.rows_affected())
}

fn custom(message: &str) -> StoreError {
    StoreError::Db(sea_orm::DbErr::Custom(message.to_owned()))
}
