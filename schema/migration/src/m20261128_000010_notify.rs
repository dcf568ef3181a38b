//! Notifications: subscriptions (my cases, permits near me, reminders, app webhooks), the grid
//! cells that index near-me subscriptions, and deliveries (one per event and subscription).
//!
//! Near-me matching looks up the cell of an event's location in `subscription_cells` (one row
//! per cell a subscription's circle touches), so an event reads only the subscriptions around
//! it, never all of them. The outbox gets a partial index on undelivered events, so the
//! dispatcher's claim does not walk past the delivered ones.

use sea_orm_migration::prelude::*;

use crate::rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Subscriptions {
    Table,
    TenantId,
    Id,
    Topic,
    Owner,
    Channel,
    Address,
    Language,
    RadiusM,
    Lat,
    Lon,
    Products,
    EventKinds,
    Filters,
    Secret,
    CreatedAt,
    EndedAt,
}

#[derive(DeriveIden)]
enum SubscriptionCells {
    Table,
    TenantId,
    Cell,
    SubscriptionId,
}

#[derive(DeriveIden)]
enum Deliveries {
    Table,
    TenantId,
    Id,
    DeliveryKey,
    SubscriptionId,
    EventId,
    EventKind,
    Channel,
    Recipient,
    Subject,
    Body,
    Status,
    Attempts,
    AvailableAt,
    LastError,
    CreatedAt,
    SentAt,
}

fn tenant_id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column).string_len(32).not_null().to_owned()
}

fn text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).not_null().to_owned()
}

fn at(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn subscriptions() -> TableCreateStatement {
    use Subscriptions as S;
    Table::create()
        .table(S::Table)
        .col(tenant_id(S::TenantId))
        .col(ColumnDef::new(S::Id).uuid().not_null())
        .col(text(S::Topic, 16))
        .col(text(S::Owner, 160))
        .col(text(S::Channel, 16))
        .col(text(S::Address, 512))
        .col(text(S::Language, 8))
        .col(ColumnDef::new(S::RadiusM).integer().null())
        .col(ColumnDef::new(S::Lat).double().null())
        .col(ColumnDef::new(S::Lon).double().null())
        .col(ColumnDef::new(S::Products).json_binary().not_null())
        .col(ColumnDef::new(S::EventKinds).json_binary().not_null())
        .col(ColumnDef::new(S::Filters).json_binary().not_null())
        .col(ColumnDef::new(S::Secret).string_len(128).null())
        .col(at(S::CreatedAt))
        .col(ColumnDef::new(S::EndedAt).timestamp_with_time_zone().null())
        .primary_key(Index::create().col(S::TenantId).col(S::Id))
        .to_owned()
}

fn cells() -> TableCreateStatement {
    use SubscriptionCells as C;
    Table::create()
        .table(C::Table)
        .col(tenant_id(C::TenantId))
        .col(ColumnDef::new(C::Cell).big_integer().not_null())
        .col(ColumnDef::new(C::SubscriptionId).uuid().not_null())
        .primary_key(
            Index::create()
                .col(C::TenantId)
                .col(C::Cell)
                .col(C::SubscriptionId),
        )
        .foreign_key(
            ForeignKey::create()
                .name("subscription_cells_subscription")
                .from(C::Table, (C::TenantId, C::SubscriptionId))
                .to(
                    Subscriptions::Table,
                    (Subscriptions::TenantId, Subscriptions::Id),
                )
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

fn deliveries() -> TableCreateStatement {
    use Deliveries as D;
    Table::create()
        .table(D::Table)
        .col(tenant_id(D::TenantId))
        .col(ColumnDef::new(D::Id).uuid().not_null())
        .col(text(D::DeliveryKey, 200))
        .col(ColumnDef::new(D::SubscriptionId).uuid().not_null())
        .col(ColumnDef::new(D::EventId).uuid().null())
        .col(text(D::EventKind, 64))
        .col(text(D::Channel, 16))
        .col(text(D::Recipient, 512))
        .col(ColumnDef::new(D::Subject).string_len(300).null())
        .col(ColumnDef::new(D::Body).text().not_null())
        .col(text(D::Status, 16))
        .col(ColumnDef::new(D::Attempts).integer().not_null().default(0))
        .col(at(D::AvailableAt))
        .col(ColumnDef::new(D::LastError).text().null())
        .col(at(D::CreatedAt))
        .col(ColumnDef::new(D::SentAt).timestamp_with_time_zone().null())
        .primary_key(Index::create().col(D::TenantId).col(D::Id))
        .foreign_key(
            ForeignKey::create()
                .name("deliveries_subscription")
                .from(D::Table, (D::TenantId, D::SubscriptionId))
                .to(
                    Subscriptions::Table,
                    (Subscriptions::TenantId, Subscriptions::Id),
                ),
        )
        .to_owned()
}

/// A holder's subscriptions; a topic's active subscriptions (my cases by owner, webhooks);
/// one delivery per key; due deliveries in order; a subscription's deliveries; undelivered
/// outbox events.
const INDEXES: &str = "
CREATE INDEX subscriptions_owner ON subscriptions (tenant_id, owner, topic) WHERE ended_at IS NULL;
CREATE INDEX subscriptions_topic ON subscriptions (tenant_id, topic) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX deliveries_key ON deliveries (tenant_id, delivery_key);
CREATE INDEX deliveries_due ON deliveries (tenant_id, status, available_at);
CREATE INDEX deliveries_subscription ON deliveries (tenant_id, subscription_id, created_at);
CREATE INDEX outbox_undelivered ON outbox (tenant_id, id) WHERE published_at IS NULL;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(subscriptions()).await?;
        manager.create_table(cells()).await?;
        manager.create_table(deliveries()).await?;
        manager.get_connection().execute_unprepared(INDEXES).await?;
        for table in ["subscriptions", "subscription_cells", "deliveries"] {
            rls::enable_tenant_rls(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX outbox_undelivered")
            .await?;
        for table in ["deliveries", "subscription_cells", "subscriptions"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
