//! The catalogue's run-time state: products administrators added, changed or hid (on top of
//! the files), a revision per tenant so every replica notices a change, and search
//! statistics (counts per normalised query and day, and the products residents chose; no
//! personal data).

use sea_orm_migration::prelude::*;

use crate::rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CatalogProducts {
    Table,
    TenantId,
    Code,
    Product,
    Hidden,
    ChangedAt,
    ChangedBy,
}

#[derive(DeriveIden)]
enum CatalogRevisions {
    Table,
    TenantId,
    Revision,
}

#[derive(DeriveIden)]
enum SearchStats {
    Table,
    TenantId,
    Day,
    Query,
    Searches,
    ZeroResults,
    Results,
}

#[derive(DeriveIden)]
enum SearchChoices {
    Table,
    TenantId,
    Day,
    Query,
    ProductCode,
    Choices,
}

fn tenant_id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column).string_len(32).not_null().to_owned()
}

fn count(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .big_integer()
        .not_null()
        .default(0)
        .to_owned()
}

fn tables() -> [TableCreateStatement; 4] {
    [
        Table::create()
            .table(CatalogProducts::Table)
            .col(tenant_id(CatalogProducts::TenantId))
            .col(
                ColumnDef::new(CatalogProducts::Code)
                    .string_len(64)
                    .not_null(),
            )
            .col(
                ColumnDef::new(CatalogProducts::Product)
                    .json_binary()
                    .null(),
            )
            .col(ColumnDef::new(CatalogProducts::Hidden).boolean().null())
            .col(
                ColumnDef::new(CatalogProducts::ChangedAt)
                    .timestamp_with_time_zone()
                    .not_null(),
            )
            .col(
                ColumnDef::new(CatalogProducts::ChangedBy)
                    .string()
                    .not_null(),
            )
            .primary_key(
                Index::create()
                    .col(CatalogProducts::TenantId)
                    .col(CatalogProducts::Code),
            )
            .to_owned(),
        Table::create()
            .table(CatalogRevisions::Table)
            .col(tenant_id(CatalogRevisions::TenantId))
            .col(count(CatalogRevisions::Revision))
            .primary_key(Index::create().col(CatalogRevisions::TenantId))
            .to_owned(),
        Table::create()
            .table(SearchStats::Table)
            .col(tenant_id(SearchStats::TenantId))
            .col(ColumnDef::new(SearchStats::Day).date().not_null())
            .col(
                ColumnDef::new(SearchStats::Query)
                    .string_len(200)
                    .not_null(),
            )
            .col(count(SearchStats::Searches))
            .col(count(SearchStats::ZeroResults))
            .col(count(SearchStats::Results))
            .primary_key(
                Index::create()
                    .col(SearchStats::TenantId)
                    .col(SearchStats::Day)
                    .col(SearchStats::Query),
            )
            .to_owned(),
        Table::create()
            .table(SearchChoices::Table)
            .col(tenant_id(SearchChoices::TenantId))
            .col(ColumnDef::new(SearchChoices::Day).date().not_null())
            .col(
                ColumnDef::new(SearchChoices::Query)
                    .string_len(200)
                    .not_null(),
            )
            .col(
                ColumnDef::new(SearchChoices::ProductCode)
                    .string_len(64)
                    .not_null(),
            )
            .col(count(SearchChoices::Choices))
            .primary_key(
                Index::create()
                    .col(SearchChoices::TenantId)
                    .col(SearchChoices::Day)
                    .col(SearchChoices::Query)
                    .col(SearchChoices::ProductCode),
            )
            .to_owned(),
    ]
}

const TABLES: [&str; 4] = [
    "catalog_products",
    "catalog_revisions",
    "search_stats",
    "search_choices",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        for table in TABLES {
            rls::enable_tenant_rls(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(Alias::new(*table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
