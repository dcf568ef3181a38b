//! A case closes on time when it closes on or before its deadline in the Netherlands' own
//! calendar (Europe/Amsterdam), as its deadline and `overdue` reckon it, not on the UTC date:
//! a case closed at 00:30 on the day after its deadline is late.
//!
//! Replaces the statement behind `loket_benchmark_deadlines` (PostgreSQL) and the one the
//! service report and SQLite's benchmark run. SQLite has no time zones: its statement applies
//! the EU summer-time rule (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
//! last Sunday of October), which a test checks against the time-zone database.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::m20261207_000015_benchmark::DEADLINES_POSTGRES_UTC;

/// One tenant's cases closed from `$2` to `$3` per case type, and how many by their deadline
/// (PostgreSQL's spelling of the close date in the Netherlands).
pub const BENCHMARK_DEADLINES_POSTGRES: &str = "SELECT case_type, \
    CAST(COUNT(*) AS BIGINT) AS closed, \
    CAST(SUM(CASE WHEN CAST(closed_at AT TIME ZONE 'Europe/Amsterdam' AS DATE) <= deadline \
    THEN 1 ELSE 0 END) AS BIGINT) AS on_time \
    FROM cases WHERE tenant_id = $1 AND closed_at >= $2 AND closed_at < $3 GROUP BY case_type";

/// [`BENCHMARK_DEADLINES_POSTGRES`] in SQLite's spelling.
pub const BENCHMARK_DEADLINES_SQLITE: &str = "SELECT case_type, \
    CAST(COUNT(*) AS BIGINT) AS closed, \
    CAST(SUM(CASE WHEN date(closed_at, \
      CASE WHEN datetime(closed_at) >= datetime(strftime('%Y', closed_at) || '-03-25', 'weekday 0', '+1 hour') \
       AND datetime(closed_at) < datetime(strftime('%Y', closed_at) || '-10-25', 'weekday 0', '+1 hour') \
      THEN '+2 hours' ELSE '+1 hour' END) <= deadline \
    THEN 1 ELSE 0 END) AS BIGINT) AS on_time \
    FROM cases WHERE tenant_id = $1 AND closed_at >= $2 AND closed_at < $3 GROUP BY case_type";

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The function's definition around `statement`.
fn replace_function(statement: &str) -> String {
    format!(
        "CREATE OR REPLACE FUNCTION loket_benchmark_deadlines(text, timestamptz, timestamptz)
    RETURNS TABLE (case_type text, closed bigint, on_time bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $f$ {statement} $f$;"
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&replace_function(BENCHMARK_DEADLINES_POSTGRES))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&replace_function(DEADLINES_POSTGRES_UTC))
                .await?;
        }
        Ok(())
    }
}
