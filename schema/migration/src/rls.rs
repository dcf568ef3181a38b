//! PostgreSQL row-level security for tenant tables. On SQLite these are no-ops: isolation
//! there rests on the application's tenant filter alone.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::APP_ROLE;

fn is_postgres(manager: &SchemaManager<'_>) -> bool {
    manager.get_database_backend() == DatabaseBackend::Postgres
}

/// Creates the application role if the cluster does not have it yet, and lets the connecting
/// user switch to it. Roles are cluster-wide, so concurrent migrations of several databases
/// may race to create it; the loser carries on.
pub async fn create_app_role(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    manager
        .get_connection()
        .execute_unprepared(&role_sql(APP_ROLE))
        .await?;
    Ok(())
}

/// The statements that create the role `role` (no login) if the cluster does not have it, let
/// the connecting user switch to it, and let it use the schema.
pub fn role_sql(role: &str) -> String {
    format!(
        r#"DO $$
BEGIN
    BEGIN
        CREATE ROLE {role} NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT {role} TO %I', current_user);
    END IF;
END $$;
GRANT USAGE ON SCHEMA public TO {role};"#
    )
}

/// Lets the application role read a table that is not tenant-scoped.
pub async fn grant_read(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    let sql = format!("GRANT SELECT ON {table} TO {APP_ROLE};");
    manager.get_connection().execute_unprepared(&sql).await?;
    Ok(())
}

/// Lets the application role change rows of a shared (not tenant-scoped) table.
pub async fn grant_write(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    let sql = format!("GRANT INSERT, UPDATE ON {table} TO {APP_ROLE};");
    manager.get_connection().execute_unprepared(&sql).await?;
    Ok(())
}

/// Grants a tenant table to the application role and confines every role that is bound by
/// row-level security (the table owner too, through FORCE) to the rows of the tenant named by
/// the transaction setting `loket.tenant`. Without the setting no row is visible.
pub async fn enable_tenant_rls(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    let sql = format!(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {APP_ROLE};
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
CREATE POLICY {table}_tenant_isolation ON {table}
    USING (tenant_id = current_setting('loket.tenant', true))
    WITH CHECK (tenant_id = current_setting('loket.tenant', true));"
    );
    manager.get_connection().execute_unprepared(&sql).await?;
    Ok(())
}
