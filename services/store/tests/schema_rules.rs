//! Schema rules read from the database catalogue: every tenant table has `tenant_id` first in
//! its primary key, and on PostgreSQL row-level security enabled, forced and with a policy.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use loket_migration::{SHARED_TABLES, TENANT_TABLES};
use loket_store::testing::TestDb;
use sea_orm::{ConnectionTrait, DbBackend, Statement};

async fn strings(db: &TestDb, sql: &str) -> Vec<String> {
    let backend = db.db().db_backend();
    db.db()
        .raw()
        .query_all_raw(Statement::from_string(backend, sql.to_owned()))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get_by_index::<String>(0).unwrap())
        .collect()
}

#[tokio::test]
async fn tenant_id_leads_every_tenant_primary_key() {
    for db in TestDb::each().await {
        for table in TENANT_TABLES {
            let columns = match db.db().db_backend() {
                DbBackend::Postgres => {
                    strings(
                        &db,
                        &format!(
                            "SELECT a.attname::text FROM pg_index i \
                             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) \
                             WHERE i.indrelid = '{table}'::regclass AND i.indisprimary \
                             ORDER BY array_position(i.indkey, a.attnum)"
                        ),
                    )
                    .await
                }
                _ => {
                    strings(
                        &db,
                        &format!("SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"),
                    )
                    .await
                }
            };
            assert_eq!(
                columns.first().map(String::as_str),
                Some("tenant_id"),
                "{table}: {columns:?}"
            );
        }
    }
}

#[tokio::test]
async fn every_table_with_a_tenant_id_is_a_tenant_table() {
    for db in TestDb::each().await {
        let sql = match db.db().db_backend() {
            DbBackend::Postgres => "SELECT c.relname::text FROM pg_attribute a \
                 JOIN pg_class c ON c.oid = a.attrelid \
                 JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') \
                 AND NOT c.relispartition AND a.attname = 'tenant_id' ORDER BY 1"
                .to_owned(),
            _ => "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c \
                 WHERE m.type = 'table' AND c.name = 'tenant_id' ORDER BY 1"
                .to_owned(),
        };
        let tables = strings(&db, &sql).await;
        for table in tables.iter().filter(|t| *t != "tenants") {
            assert!(
                TENANT_TABLES.contains(&table.as_str()),
                "{table} is missing from TENANT_TABLES"
            );
        }
    }
}

#[tokio::test]
async fn on_postgres_every_tenant_table_has_forced_rls_and_a_policy() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    for table in TENANT_TABLES {
        let flags = strings(
            &db,
            &format!(
                "SELECT (relrowsecurity AND relforcerowsecurity)::text FROM pg_class WHERE relname = '{table}'"
            ),
        )
        .await;
        assert_eq!(flags, vec!["true"], "{table}");
        // The one policy that binds the application (and everyone but the owner).
        let policies = strings(
            &db,
            &format!(
                "SELECT qual FROM pg_policies WHERE tablename = '{table}' \
                 AND roles && ARRAY['public', 'loket_app']::name[]"
            ),
        )
        .await;
        assert_eq!(policies.len(), 1, "{table}");
        assert!(
            policies[0].contains("loket.tenant"),
            "{table}: {policies:?}"
        );
        // Besides it, only the owner may read the tables the wake-up and comparison functions
        // ask across tenants (those functions run as the owner), and only read.
        let others = strings(
            &db,
            &format!(
                "SELECT cmd || ' ' || array_to_string(roles, ',') FROM pg_policies \
                 WHERE tablename = '{table}' AND NOT roles && ARRAY['public', 'loket_app']::name[]"
            ),
        )
        .await;
        let owner = strings(
            &db,
            "SELECT tableowner::text FROM pg_tables WHERE tablename = 'cases'",
        )
        .await;
        // The comparison's functions read contacts, callbacks and cases the same way, and
        // only the benchmark role writes its values.
        let expected = match *table {
            "outbox" | "deliveries" | "catalog_revisions" | "contact_moments" | "callbacks"
            | "cases" => {
                vec![format!("SELECT {}", owner[0])]
            }
            "benchmark_values" => vec!["ALL loket_benchmark".to_owned()],
            _ => Vec::new(),
        };
        assert_eq!(others, expected, "{table}");
    }
}

#[tokio::test]
async fn on_postgres_the_processing_logs_partitions_are_reached_only_through_it() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let partitions = strings(
        &db,
        "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
         WHERE i.inhparent = 'processing_log'::regclass ORDER BY 1",
    )
    .await;
    // The default and this month with the two ahead, at least.
    assert!(partitions.len() >= 4, "{partitions:?}");
    assert!(partitions.contains(&"processing_log_default".to_owned()));
    for partition in &partitions {
        let grants = strings(
            &db,
            &format!(
                "SELECT privilege_type::text FROM information_schema.role_table_grants \
                 WHERE table_name = '{partition}' AND grantee = 'loket_app'"
            ),
        )
        .await;
        assert!(grants.is_empty(), "{partition}: {grants:?}");
        let secured = strings(
            &db,
            &format!("SELECT relrowsecurity::text FROM pg_class WHERE relname = '{partition}'"),
        )
        .await;
        assert_eq!(secured, vec!["true"], "{partition}");
    }
}

#[tokio::test]
async fn every_table_is_either_tenant_scoped_or_shared() {
    for db in TestDb::each().await {
        let sql = match db.db().db_backend() {
            DbBackend::Postgres => {
                "SELECT c.relname::text FROM pg_class c \
                 JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') \
                 AND NOT c.relispartition ORDER BY 1"
            }
            _ => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
            }
        };
        for table in strings(&db, sql).await {
            let known = TENANT_TABLES.contains(&table.as_str())
                || SHARED_TABLES.contains(&table.as_str())
                || table == "seaql_migrations";
            assert!(
                known,
                "{table} is neither in TENANT_TABLES nor in SHARED_TABLES"
            );
        }
    }
}

/// Foreign keys as (table, columns, referenced table, referenced columns), PostgreSQL only.
async fn foreign_keys(db: &TestDb) -> Vec<(String, String, String, String)> {
    let sql = "SELECT c.conrelid::regclass::text, \
                      (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n) \
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum), \
                      c.confrelid::regclass::text, \
                      (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n) \
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) \
               FROM pg_constraint c WHERE c.contype = 'f' ORDER BY 1, 2";
    db.db()
        .raw()
        .query_all_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap()
        .iter()
        .map(|row| {
            let get = |i| row.try_get_by_index::<String>(i).unwrap();
            (get(0), get(1), get(2), get(3))
        })
        .collect()
}

/// The Citus path stays open: a foreign key between tenant tables carries `tenant_id` on both
/// sides (co-located distribution), and a shared (reference) table never points at a tenant
/// table (Citus refuses foreign keys from reference to distributed tables).
#[tokio::test]
async fn on_postgres_foreign_keys_keep_tables_distributable() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let keys = foreign_keys(&db).await;
    assert!(
        !keys.is_empty(),
        "the registry tables have foreign keys to check"
    );
    for (table, columns, target, target_columns) in &keys {
        let from_tenant = TENANT_TABLES.contains(&table.as_str());
        let to_tenant = TENANT_TABLES.contains(&target.as_str());
        if from_tenant && to_tenant {
            assert!(
                columns.split(',').next() == Some("tenant_id")
                    && target_columns.split(',').next() == Some("tenant_id"),
                "{table}({columns}) -> {target}({target_columns}) must lead with tenant_id"
            );
        }
        assert!(
            !(SHARED_TABLES.contains(&table.as_str()) && to_tenant),
            "shared table {table} must not reference tenant table {target}"
        );
    }
}
