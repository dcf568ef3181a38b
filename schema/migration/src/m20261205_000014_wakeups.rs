//! Wake-ups instead of polling every tenant (PostgreSQL; SQLite signals in memory).
//!
//! - A statement trigger on `outbox` sends `NOTIFY loket_outbox, '<tenant>'` once per tenant a
//!   statement wrote to. PostgreSQL delivers it when the transaction commits, and not at all
//!   when it rolls back. The payload is the tenant's slug and nothing else.
//! - Three functions are the audited way across tenants for the slow safety polls: they return
//!   tenant slugs with times or catalogue revisions only, never a row. They run as the tables'
//!   owner (`SECURITY DEFINER`), which a `SELECT` policy of its own lets see every tenant; only
//!   the application role may call them.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::APP_ROLE;

/// The channel the outbox trigger notifies; its payload is a tenant slug.
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
                r#"CREATE FUNCTION loket_outbox_written() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM pg_notify('{OUTBOX_CHANNEL}', tenant_id) FROM (SELECT DISTINCT tenant_id FROM written) t;
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_written AFTER INSERT ON outbox REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION loket_outbox_written();

CREATE POLICY outbox_wakeups ON outbox FOR SELECT TO CURRENT_USER USING (true);
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
DROP POLICY outbox_wakeups ON outbox;
DROP TRIGGER outbox_written ON outbox;
DROP FUNCTION loket_outbox_written();",
            )
            .await?;
        Ok(())
    }
}
