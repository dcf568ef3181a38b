//! Wake-ups instead of polling every tenant (PostgreSQL; SQLite signals in memory).
//!
//! - Processes tell each other of committed outbox events on channel [`OUTBOX_CHANNEL`], with
//!   the tenant's slug as the payload and nothing else (`loket_store::wake`); the channel needs
//!   no schema.
//! - Three functions are the audited way across tenants for the slow safety polls: they return
//!   tenant slugs with times or catalogue revisions only, never a row. They run as the tables'
//!   owner (`SECURITY DEFINER`), which a `SELECT` policy of its own lets see every tenant; only
//!   the application role may call them.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::APP_ROLE;

/// The channel on which processes tell each other of committed outbox events; its payload is
/// a tenant slug.
pub const OUTBOX_CHANNEL: &str = "loket_outbox";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared(&format!(
                r#"CREATE POLICY outbox_wakeups ON outbox FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY deliveries_wakeups ON deliveries FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY catalog_revisions_wakeups ON catalog_revisions FOR SELECT TO CURRENT_USER USING (true);

CREATE FUNCTION loket_outbox_tenants(tenants text, since uuid) RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT t FROM unnest(string_to_array(tenants, ',')) AS t
    WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.tenant_id = t AND o.id >= since)
$$;
CREATE FUNCTION loket_dispatch_due(tenants text)
    RETURNS TABLE (tenant text, due_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT t, due FROM (
        SELECT t, least(
            (SELECT min(o.available_at) FROM outbox o
              WHERE o.tenant_id = t AND o.published_at IS NULL),
            (SELECT min(d.available_at) FROM deliveries d
              WHERE d.tenant_id = t AND d.status = 'pending')) AS due
        FROM unnest(string_to_array(tenants, ',')) AS t) s
    WHERE due IS NOT NULL
$$;
CREATE FUNCTION loket_catalog_revisions(tenants text)
    RETURNS TABLE (tenant text, revision bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT r.tenant_id, r.revision FROM catalog_revisions r
    WHERE r.tenant_id = ANY (string_to_array(tenants, ','))
$$;
REVOKE ALL ON FUNCTION loket_outbox_tenants(text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION loket_catalog_revisions(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION loket_catalog_revisions(text) TO {APP_ROLE};
REVOKE ALL ON FUNCTION loket_dispatch_due(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION loket_outbox_tenants(text, uuid) TO {APP_ROLE};
GRANT EXECUTE ON FUNCTION loket_dispatch_due(text) TO {APP_ROLE};"#
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared(
                "DROP FUNCTION loket_catalog_revisions(text);
DROP POLICY catalog_revisions_wakeups ON catalog_revisions;
DROP FUNCTION loket_dispatch_due(text);
DROP FUNCTION loket_outbox_tenants(text, uuid);
DROP POLICY deliveries_wakeups ON deliveries;
DROP POLICY outbox_wakeups ON outbox;",
            )
            .await?;
        Ok(())
    }
}
