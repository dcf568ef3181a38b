//! The processing log (verwerkingenlog): every read of personal data, by whom, for what.

use sea_orm_migration::prelude::*;

use crate::rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProcessingLog {
    Table,
    TenantId,
    Id,
    ActorKind,
    ActorSubject,
    Roles,
    PersonBsn,
    Purpose,
    Operation,
    RequestId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProcessingLog::Table)
                    .col(ColumnDef::new(ProcessingLog::TenantId).string().not_null())
                    .col(ColumnDef::new(ProcessingLog::Id).uuid().not_null())
                    .col(ColumnDef::new(ProcessingLog::ActorKind).string().not_null())
                    .col(
                        ColumnDef::new(ProcessingLog::ActorSubject)
                            .string()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ProcessingLog::Roles).string().not_null())
                    .col(
                        ColumnDef::new(ProcessingLog::PersonBsn)
                            .string_len(9)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ProcessingLog::Purpose).string().not_null())
                    .col(ColumnDef::new(ProcessingLog::Operation).string().not_null())
                    .col(ColumnDef::new(ProcessingLog::RequestId).string().not_null())
                    .col(
                        ColumnDef::new(ProcessingLog::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(ProcessingLog::TenantId)
                            .col(ProcessingLog::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("processing_log_person")
                    .table(ProcessingLog::Table)
                    .col(ProcessingLog::TenantId)
                    .col(ProcessingLog::PersonBsn)
                    .col(ProcessingLog::CreatedAt)
                    .to_owned(),
            )
            .await?;
        rls::enable_tenant_rls(manager, "processing_log").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ProcessingLog::Table).to_owned())
            .await
    }
}
