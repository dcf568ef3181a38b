//! The outbox: events written in the same transaction as the change they describe, for the
//! notification dispatcher to deliver.

use sea_orm_migration::prelude::*;

use crate::rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    TenantId,
    Id,
    Kind,
    Payload,
    CreatedAt,
    AvailableAt,
    Attempts,
    PublishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(ColumnDef::new(Outbox::TenantId).string().not_null())
                    .col(ColumnDef::new(Outbox::Id).uuid().not_null())
                    .col(ColumnDef::new(Outbox::Kind).string().not_null())
                    .col(ColumnDef::new(Outbox::Payload).json_binary().not_null())
                    .col(
                        ColumnDef::new(Outbox::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Outbox::AvailableAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Outbox::Attempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Outbox::PublishedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .primary_key(Index::create().col(Outbox::TenantId).col(Outbox::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("outbox_pending")
                    .table(Outbox::Table)
                    .col(Outbox::PublishedAt)
                    .col(Outbox::AvailableAt)
                    .to_owned(),
            )
            .await?;
        rls::enable_tenant_rls(manager, "outbox").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Outbox::Table).to_owned())
            .await
    }
}
