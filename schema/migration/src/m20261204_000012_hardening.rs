//! Hardening: a webhook subscription remembers the roles of the app that made it (what the
//! app may learn of an event is decided with its own policy at send time), and the processing
//! log becomes append-only for the application: it may add entries and read them, never change
//! or remove them.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::APP_ROLE;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Subscriptions {
    Table,
    Roles,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Subscriptions::Table)
                    .add_column(ColumnDef::new(Subscriptions::Roles).string().null())
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "REVOKE UPDATE, DELETE, TRUNCATE ON processing_log FROM {APP_ROLE}"
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "GRANT UPDATE, DELETE ON processing_log TO {APP_ROLE}"
                ))
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Subscriptions::Table)
                    .drop_column(Subscriptions::Roles)
                    .to_owned(),
            )
            .await
    }
}
