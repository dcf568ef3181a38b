//! Processing-log fields after VNG's "Logboek dataverwerkingen": the data subject's id type,
//! the field groups read, and trace and span ids linking an entry to the request's logs.
//! Added columns only (expand); existing rows get neutral defaults.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProcessingLog {
    Table,
    SubjectType,
    FieldGroups,
    TraceId,
    SpanId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            ColumnDef::new(ProcessingLog::SubjectType)
                .string()
                .not_null()
                .default("BSN")
                .to_owned(),
            ColumnDef::new(ProcessingLog::FieldGroups)
                .string()
                .not_null()
                .default("")
                .to_owned(),
            ColumnDef::new(ProcessingLog::TraceId)
                .string_len(32)
                .not_null()
                .default("")
                .to_owned(),
            ColumnDef::new(ProcessingLog::SpanId)
                .string_len(16)
                .not_null()
                .default("")
                .to_owned(),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(ProcessingLog::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            ProcessingLog::SubjectType,
            ProcessingLog::FieldGroups,
            ProcessingLog::TraceId,
            ProcessingLog::SpanId,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ProcessingLog::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
