//! The comparison of municipalities (benchmark): its figures, and the one audited way across
//! tenants that computes them.
//!
//! - `benchmark_values` holds each taking-part tenant's own figures (tenant-scoped: a tenant
//!   reads only its own); `benchmark_groups` holds per figure only what every participant
//!   may see (how many took part, the median and quartiles, or why the figure is withheld);
//!   `benchmark_named` holds the values of the tenants that chose to be named.
//! - On PostgreSQL, the role [`BENCHMARK_ROLE`] is the only one that may write these tables
//!   and call the three functions that cross tenants. The functions run as the tables' owner
//!   (`SECURITY DEFINER`), which a `SELECT` policy of its own lets see every tenant, and
//!   return one tenant's aggregates, never a row. On SQLite, which has no row-level security,
//!   the same statements run once per tenant.
//!
//! The statements are shared by both engines: changing one needs a new migration that
//! replaces its function.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::{APP_ROLE, rls};

/// The PostgreSQL role that computes the benchmark.
pub const BENCHMARK_ROLE: &str = "loket_benchmark";

/// One tenant's contact figures from `$2` to `$3`: `$4` its phone norm in seconds, `$5` the
/// common yardstick in seconds, `$6` its written-answer norm in working days.
pub const BENCHMARK_CONTACTS: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS contacts, \
    CAST(SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END) AS BIGINT) AS resolved, \
    CAST(SUM(CASE WHEN channel = 'phone' AND wait_seconds IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS calls, \
    CAST(SUM(CASE WHEN channel = 'phone' AND wait_seconds <= $4 THEN 1 ELSE 0 END) AS BIGINT) AS calls_in_norm, \
    CAST(SUM(CASE WHEN channel = 'phone' AND wait_seconds <= $5 THEN 1 ELSE 0 END) AS BIGINT) AS calls_in_yardstick, \
    CAST(SUM(CASE WHEN response_working_days IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS written, \
    CAST(SUM(CASE WHEN response_working_days <= $6 THEN 1 ELSE 0 END) AS BIGINT) AS written_in_norm \
    FROM contact_moments WHERE tenant_id = $1 AND received_at >= $2 AND received_at < $3";

/// One tenant's callbacks requested from `$2` to `$3`: done in time, and still open but not
/// late on `$4` (today).
pub const BENCHMARK_CALLBACKS: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS requested, \
    CAST(SUM(CASE WHEN in_time THEN 1 ELSE 0 END) AS BIGINT) AS in_time, \
    CAST(SUM(CASE WHEN in_time IS NULL AND deadline >= $4 THEN 1 ELSE 0 END) AS BIGINT) AS pending \
    FROM callbacks WHERE tenant_id = $1 AND requested_at >= $2 AND requested_at < $3";

/// One tenant's cases closed from `$2` to `$3` per case type, and how many by their deadline
/// (PostgreSQL's spelling of the close date in UTC; migration 19 replaced it).
pub(crate) const DEADLINES_POSTGRES_UTC: &str = "SELECT case_type, \
    CAST(COUNT(*) AS BIGINT) AS closed, \
    CAST(SUM(CASE WHEN CAST(closed_at AT TIME ZONE 'UTC' AS DATE) <= deadline THEN 1 ELSE 0 END) AS BIGINT) AS on_time \
    FROM cases WHERE tenant_id = $1 AND closed_at >= $2 AND closed_at < $3 GROUP BY case_type";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BenchmarkValues {
    Table,
    TenantId,
    Period,
    Figure,
    Count,
    Total,
    Status,
    Rank,
    ComputedAt,
}

#[derive(DeriveIden)]
enum BenchmarkGroups {
    Table,
    Period,
    Figure,
    Participants,
    LowerQuartile,
    Median,
    UpperQuartile,
    Withheld,
    ComputedAt,
}

#[derive(DeriveIden)]
enum BenchmarkNamed {
    Table,
    Period,
    Figure,
    Municipality,
    Name,
    Percentage,
    Rank,
}

fn text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).not_null().to_owned()
}

fn values() -> TableCreateStatement {
    use BenchmarkValues as V;
    Table::create()
        .table(V::Table)
        .col(text(V::TenantId, 32))
        .col(text(V::Period, 7))
        .col(text(V::Figure, 80))
        .col(ColumnDef::new(V::Count).big_integer().not_null())
        .col(ColumnDef::new(V::Total).big_integer().not_null())
        .col(text(V::Status, 24))
        .col(ColumnDef::new(V::Rank).big_integer().null())
        .col(
            ColumnDef::new(V::ComputedAt)
                .timestamp_with_time_zone()
                .not_null(),
        )
        .primary_key(
            Index::create()
                .col(V::TenantId)
                .col(V::Period)
                .col(V::Figure),
        )
        .to_owned()
}

fn groups() -> TableCreateStatement {
    use BenchmarkGroups as G;
    Table::create()
        .table(G::Table)
        .col(text(G::Period, 7))
        .col(text(G::Figure, 80))
        .col(ColumnDef::new(G::Participants).big_integer().not_null())
        .col(ColumnDef::new(G::LowerQuartile).double().null())
        .col(ColumnDef::new(G::Median).double().null())
        .col(ColumnDef::new(G::UpperQuartile).double().null())
        .col(ColumnDef::new(G::Withheld).string_len(24).null())
        .col(
            ColumnDef::new(G::ComputedAt)
                .timestamp_with_time_zone()
                .not_null(),
        )
        .primary_key(Index::create().col(G::Period).col(G::Figure))
        .to_owned()
}

fn named() -> TableCreateStatement {
    use BenchmarkNamed as N;
    Table::create()
        .table(N::Table)
        .col(text(N::Period, 7))
        .col(text(N::Figure, 80))
        .col(text(N::Municipality, 32))
        .col(text(N::Name, 200))
        .col(ColumnDef::new(N::Percentage).double().not_null())
        .col(ColumnDef::new(N::Rank).big_integer().not_null())
        .primary_key(
            Index::create()
                .col(N::Period)
                .col(N::Figure)
                .col(N::Municipality),
        )
        .to_owned()
}

/// The role, its grants, the policies and the three functions (PostgreSQL).
fn postgres_sql() -> String {
    let contacts = BENCHMARK_CONTACTS;
    let callbacks = BENCHMARK_CALLBACKS;
    let deadlines = DEADLINES_POSTGRES_UTC;
    let role = BENCHMARK_ROLE;
    let create = rls::role_sql(role);
    format!(
        r#"{create}

GRANT SELECT ON benchmark_values TO {APP_ROLE};
GRANT SELECT, INSERT, DELETE ON benchmark_values TO {role};
ALTER TABLE benchmark_values ENABLE ROW LEVEL SECURITY;
ALTER TABLE benchmark_values FORCE ROW LEVEL SECURITY;
CREATE POLICY benchmark_values_tenant_isolation ON benchmark_values
    USING (tenant_id = current_setting('loket.tenant', true))
    WITH CHECK (tenant_id = current_setting('loket.tenant', true));
CREATE POLICY benchmark_values_compute ON benchmark_values TO {role}
    USING (true) WITH CHECK (true);
GRANT SELECT ON benchmark_groups TO {APP_ROLE};
GRANT SELECT, INSERT, DELETE ON benchmark_groups TO {role};
GRANT SELECT ON benchmark_named TO {APP_ROLE};
GRANT SELECT, INSERT, DELETE ON benchmark_named TO {role};

CREATE POLICY contact_moments_benchmark ON contact_moments FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY callbacks_benchmark ON callbacks FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY cases_benchmark ON cases FOR SELECT TO CURRENT_USER USING (true);

CREATE FUNCTION loket_benchmark_contacts(text, timestamptz, timestamptz, bigint, bigint, bigint)
    RETURNS TABLE (contacts bigint, resolved bigint, calls bigint, calls_in_norm bigint,
        calls_in_yardstick bigint, written bigint, written_in_norm bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $f$ {contacts} $f$;
CREATE FUNCTION loket_benchmark_callbacks(text, timestamptz, timestamptz, date)
    RETURNS TABLE (requested bigint, in_time bigint, pending bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $f$ {callbacks} $f$;
CREATE FUNCTION loket_benchmark_deadlines(text, timestamptz, timestamptz)
    RETURNS TABLE (case_type text, closed bigint, on_time bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $f$ {deadlines} $f$;
REVOKE ALL ON FUNCTION loket_benchmark_contacts(text, timestamptz, timestamptz, bigint, bigint, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION loket_benchmark_callbacks(text, timestamptz, timestamptz, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION loket_benchmark_deadlines(text, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION loket_benchmark_contacts(text, timestamptz, timestamptz, bigint, bigint, bigint) TO {role};
GRANT EXECUTE ON FUNCTION loket_benchmark_callbacks(text, timestamptz, timestamptz, date) TO {role};
GRANT EXECUTE ON FUNCTION loket_benchmark_deadlines(text, timestamptz, timestamptz) TO {role};"#
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(values()).await?;
        manager.create_table(groups()).await?;
        manager.create_table(named()).await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&postgres_sql())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "DROP FUNCTION loket_benchmark_deadlines(text, timestamptz, timestamptz);
DROP FUNCTION loket_benchmark_callbacks(text, timestamptz, timestamptz, date);
DROP FUNCTION loket_benchmark_contacts(text, timestamptz, timestamptz, bigint, bigint, bigint);
DROP POLICY cases_benchmark ON cases;
DROP POLICY callbacks_benchmark ON callbacks;
DROP POLICY contact_moments_benchmark ON contact_moments;",
                )
                .await?;
        }
        for table in ["benchmark_named", "benchmark_groups", "benchmark_values"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
