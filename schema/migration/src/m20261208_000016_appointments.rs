//! Appointments at the counter, with one rule the database keeps itself: a desk never has two
//! appointments at once (cancelled ones aside).
//!
//! - PostgreSQL: an exclusion constraint over the desk and the appointment's time range
//!   (`btree_gist` gives the equality part a GiST operator class), so two transactions that
//!   book the same time cannot both commit.
//! - SQLite: triggers that abort an insert or update overlapping another appointment at the
//!   desk. SQLite has one writer at a time and a trigger runs inside the writing statement,
//!   so the check and the write cannot be separated by another writer.
//!
//! Both fail with [`APPOINTMENT_OVERLAP`] in the error, which the service turns into
//! `CONFLICT`. A reschedule is one update of the row: the new time is held and the old one
//! released in the same statement, or neither.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::rls;

/// The name in the error of a write that would double-book a desk, on both engines.
pub const APPOINTMENT_OVERLAP: &str = "appointments_no_overlap";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Appointments {
    Table,
    TenantId,
    Id,
    Reference,
    CancelCodeHash,
    Location,
    Desk,
    Products,
    Persons,
    StartsAt,
    EndsAt,
    SubjectBsn,
    ContactName,
    Email,
    Phone,
    BookedBy,
    Status,
    CheckedInAt,
    CalledAt,
    CalledDesk,
    CompletedAt,
    CancelledAt,
    IdempotencyKey,
    Fingerprint,
    CreatedAt,
    Version,
}

fn text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).not_null().to_owned()
}

fn optional_text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).null().to_owned()
}

fn at(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn optional_at(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .null()
        .to_owned()
}

fn table() -> TableCreateStatement {
    use Appointments as A;
    Table::create()
        .table(A::Table)
        .col(text(A::TenantId, 32))
        .col(ColumnDef::new(A::Id).uuid().not_null())
        .col(text(A::Reference, 16))
        .col(text(A::CancelCodeHash, 64))
        .col(text(A::Location, 64))
        .col(text(A::Desk, 64))
        .col(text(A::Products, 400))
        .col(ColumnDef::new(A::Persons).integer().not_null())
        .col(at(A::StartsAt))
        .col(at(A::EndsAt))
        .col(optional_text(A::SubjectBsn, 9))
        .col(text(A::ContactName, 200))
        .col(optional_text(A::Email, 254))
        .col(optional_text(A::Phone, 32))
        .col(text(A::BookedBy, 128))
        .col(text(A::Status, 16))
        .col(optional_at(A::CheckedInAt))
        .col(optional_at(A::CalledAt))
        .col(optional_text(A::CalledDesk, 64))
        .col(optional_at(A::CompletedAt))
        .col(optional_at(A::CancelledAt))
        .col(optional_text(A::IdempotencyKey, 128))
        .col(text(A::Fingerprint, 600))
        .col(at(A::CreatedAt))
        .col(ColumnDef::new(A::Version).integer().not_null().default(1))
        .primary_key(Index::create().col(A::TenantId).col(A::Id))
        .to_owned()
}

/// References and idempotency keys once per tenant; a counter's day list; a resident's own
/// appointments.
const INDEXES: &str = "
CREATE UNIQUE INDEX appointments_reference ON appointments (tenant_id, reference);
CREATE UNIQUE INDEX appointments_idempotency ON appointments (tenant_id, idempotency_key);
CREATE INDEX appointments_day ON appointments (tenant_id, location, starts_at);
CREATE INDEX appointments_subject ON appointments (tenant_id, subject_bsn, starts_at) WHERE subject_bsn IS NOT NULL;
";

const POSTGRES_OVERLAP: &str = "
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE appointments ADD CONSTRAINT appointments_no_overlap EXCLUDE USING gist
    (tenant_id WITH =, location WITH =, desk WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status <> 'cancelled');
";

/// The overlap test of the SQLite triggers: another live appointment at the same desk whose
/// time meets the new one's.
const SQLITE_CLASH: &str = "EXISTS (SELECT 1 FROM appointments a WHERE a.tenant_id = NEW.tenant_id \
    AND a.location = NEW.location AND a.desk = NEW.desk AND a.status <> 'cancelled' \
    AND a.id <> NEW.id AND a.starts_at < NEW.ends_at AND NEW.starts_at < a.ends_at)";

fn sqlite_triggers() -> String {
    format!(
        "CREATE TRIGGER appointments_no_overlap_insert BEFORE INSERT ON appointments
    WHEN NEW.status <> 'cancelled' AND {SQLITE_CLASH}
    BEGIN SELECT RAISE(ABORT, '{APPOINTMENT_OVERLAP}'); END;
CREATE TRIGGER appointments_no_overlap_update BEFORE UPDATE OF location, desk, starts_at, ends_at, status
    ON appointments
    WHEN NEW.status <> 'cancelled' AND {SQLITE_CLASH}
    BEGIN SELECT RAISE(ABORT, '{APPOINTMENT_OVERLAP}'); END;"
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(table()).await?;
        let db = manager.get_connection();
        db.execute_unprepared(INDEXES).await?;
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => db.execute_unprepared(POSTGRES_OVERLAP).await?,
            _ => db.execute_unprepared(&sqlite_triggers()).await?,
        };
        rls::enable_tenant_rls(manager, "appointments").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Appointments::Table).to_owned())
            .await
    }
}
