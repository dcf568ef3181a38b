//! Deliveries that belong to no subscription: messages a resident asked for by giving an
//! address once (an appointment's confirmation, reminders, cancellation), and a calendar file
//! sent with an e-mail.
//!
//! - `deliveries.subscription_id` may be empty: such a delivery goes to its own recipient and
//!   is not cancelled by an ended subscription.
//! - `deliveries.calendar`: an iCalendar text (RFC 5545) attached to the e-mail.
//!
//! PostgreSQL changes the column in place. SQLite cannot drop a NOT NULL, so there the table is
//! rebuilt with the same columns, keys and indexes and its rows copied over, in the migration's
//! transaction.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

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
    Calendar,
}

#[derive(DeriveIden)]
enum Subscriptions {
    Table,
    TenantId,
    Id,
}

/// The columns the rebuilt SQLite table copies, in order.
const COPIED: &str = "tenant_id, id, delivery_key, subscription_id, event_id, event_kind, \
    channel, recipient, subject, body, status, attempts, available_at, last_error, created_at, \
    sent_at";

/// The indexes of `deliveries`, as the notification migration made them.
const SQLITE_INDEXES: &str = "
CREATE UNIQUE INDEX deliveries_key ON deliveries (tenant_id, delivery_key);
CREATE INDEX deliveries_due ON deliveries (tenant_id, status, available_at);
CREATE INDEX deliveries_subscription ON deliveries (tenant_id, subscription_id, created_at);
";

const POSTGRES_UP: &str = "
ALTER TABLE deliveries ALTER COLUMN subscription_id DROP NOT NULL;
ALTER TABLE deliveries ADD COLUMN calendar TEXT NULL;
";

fn text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).not_null().to_owned()
}

fn at(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

/// `deliveries` as it is from this migration on, under the name `table`.
fn deliveries(table: &str) -> TableCreateStatement {
    use Deliveries as D;
    Table::create()
        .table(Alias::new(table))
        .col(
            ColumnDef::new(D::TenantId)
                .string_len(32)
                .not_null()
                .to_owned(),
        )
        .col(ColumnDef::new(D::Id).uuid().not_null())
        .col(text(D::DeliveryKey, 200))
        .col(ColumnDef::new(D::SubscriptionId).uuid().null())
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
        .col(ColumnDef::new(D::Calendar).text().null())
        .primary_key(Index::create().col(D::TenantId).col(D::Id))
        .foreign_key(
            ForeignKey::create()
                .name("deliveries_subscription")
                .from(Alias::new(table), (D::TenantId, D::SubscriptionId))
                .to(
                    Subscriptions::Table,
                    (Subscriptions::TenantId, Subscriptions::Id),
                ),
        )
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(POSTGRES_UP).await?;
            return Ok(());
        }
        manager.create_table(deliveries("deliveries_next")).await?;
        db.execute_unprepared(&format!(
            "INSERT INTO deliveries_next ({COPIED}) SELECT {COPIED} FROM deliveries;
             DROP TABLE deliveries;
             ALTER TABLE deliveries_next RENAME TO deliveries;
             {SQLITE_INDEXES}"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Messages without a subscription cannot be kept in the narrower table.
        let db = manager.get_connection();
        db.execute_unprepared("DELETE FROM deliveries WHERE subscription_id IS NULL")
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Deliveries::Table)
                    .drop_column(Deliveries::Calendar)
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "ALTER TABLE deliveries ALTER COLUMN subscription_id SET NOT NULL",
            )
            .await?;
        }
        Ok(())
    }
}
