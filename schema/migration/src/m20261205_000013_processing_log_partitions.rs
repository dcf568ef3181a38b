//! The processing log grows by one row per person read, so on PostgreSQL it becomes a table
//! partitioned by month of `created_at`: inserts go to the current month's partition whatever
//! the size of the whole, and retention drops whole months instead of deleting rows
//! ([`crate::log_partitions`]). Existing rows are copied into their months. The primary key
//! gains `created_at`, as a partitioned table requires. SQLite keeps one table.

use sea_orm_migration::{
    prelude::*,
    sea_orm::{DatabaseBackend, Statement},
};

use crate::{
    APP_ROLE,
    log_partitions::{self, DEFAULT_PARTITION, Month, TABLE},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Months made ahead of the current one, so that maintenance may run late.
const AHEAD: i32 = 2;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let conn = manager.get_connection();
        let old = "processing_log_unpartitioned";
        conn.execute_unprepared(&format!(
            "ALTER TABLE {TABLE} RENAME TO {old};
ALTER INDEX processing_log_pkey RENAME TO {old}_pkey;
ALTER INDEX processing_log_person RENAME TO {old}_person;
DROP POLICY processing_log_tenant_isolation ON {old};
CREATE TABLE {TABLE} (LIKE {old} INCLUDING DEFAULTS) PARTITION BY RANGE (created_at);
ALTER TABLE {TABLE} ADD PRIMARY KEY (tenant_id, id, created_at);
CREATE INDEX processing_log_person ON {TABLE} (tenant_id, person_bsn, created_at);
CREATE TABLE {DEFAULT_PARTITION} PARTITION OF {TABLE} DEFAULT;
{}
GRANT SELECT, INSERT ON {TABLE} TO {APP_ROLE};
ALTER TABLE {TABLE} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {TABLE} FORCE ROW LEVEL SECURITY;
CREATE POLICY processing_log_tenant_isolation ON {TABLE}
    USING (tenant_id = current_setting('loket.tenant', true))
    WITH CHECK (tenant_id = current_setting('loket.tenant', true));",
            log_partitions::confined(DEFAULT_PARTITION)
        ))
        .await?;
        // A month for every month with rows, and this one with those ahead.
        let bounds = conn
            .query_one_raw(Statement::from_string(
                DatabaseBackend::Postgres,
                format!(
                    "SELECT CAST(extract(year FROM m) AS integer) AS y, \
                            CAST(extract(month FROM m) AS integer) AS m \
                     FROM (SELECT date_trunc('month', coalesce(min(created_at), now()) \
                                  AT TIME ZONE 'UTC') AS m FROM {old}) first"
                ),
            ))
            .await?
            .ok_or_else(|| DbErr::Custom("no first month".to_owned()))?;
        let first = month_of(&bounds)?;
        let now = conn
            .query_one_raw(Statement::from_string(
                DatabaseBackend::Postgres,
                "SELECT CAST(extract(year FROM now() AT TIME ZONE 'UTC') AS integer) AS y, \
                        CAST(extract(month FROM now() AT TIME ZONE 'UTC') AS integer) AS m"
                    .to_owned(),
            ))
            .await?
            .ok_or_else(|| DbErr::Custom("no current month".to_owned()))?;
        let last = month_of(&now)?
            .plus(AHEAD)
            .ok_or_else(|| DbErr::Custom("no month ahead".to_owned()))?;
        let mut month = first.min(last);
        while month <= last {
            log_partitions::add_month(conn, month).await?;
            month = month
                .plus(1)
                .ok_or_else(|| DbErr::Custom("no next month".to_owned()))?;
        }
        conn.execute_unprepared(&format!(
            "INSERT INTO {TABLE} SELECT * FROM {old}; DROP TABLE {old};"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let old = "processing_log_partitioned";
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "ALTER TABLE {TABLE} RENAME TO {old};
ALTER INDEX processing_log_person RENAME TO {old}_person;
DROP POLICY processing_log_tenant_isolation ON {old};
CREATE TABLE {TABLE} (LIKE {old} INCLUDING DEFAULTS);
ALTER TABLE {TABLE} ADD PRIMARY KEY (tenant_id, id);
CREATE INDEX processing_log_person ON {TABLE} (tenant_id, person_bsn, created_at);
INSERT INTO {TABLE} SELECT * FROM {old};
DROP TABLE {old};
GRANT SELECT, INSERT ON {TABLE} TO {APP_ROLE};
ALTER TABLE {TABLE} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {TABLE} FORCE ROW LEVEL SECURITY;
CREATE POLICY processing_log_tenant_isolation ON {TABLE}
    USING (tenant_id = current_setting('loket.tenant', true))
    WITH CHECK (tenant_id = current_setting('loket.tenant', true));"
            ))
            .await?;
        Ok(())
    }
}

fn month_of(row: &sea_orm_migration::sea_orm::QueryResult) -> Result<Month, DbErr> {
    let year: i32 = row.try_get("", "y")?;
    let month: i32 = row.try_get("", "m")?;
    <u32 as TryFrom<i32>>::try_from(month)
        .ok()
        .and_then(|m| Month::new(year, m))
        .ok_or_else(|| DbErr::Custom(format!("not a month: {year}-{month}")))
}
