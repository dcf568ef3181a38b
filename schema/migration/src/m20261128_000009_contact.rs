//! The contact centre: contact moments on every channel and callback requests handed to a
//! back-office team, plus the index the case-deadline figures of the service report read.
//!
//! The service report aggregates a year of contacts per tenant; its index holds every column
//! the report groups and filters on, so the aggregate reads the index alone (one wider index
//! entry per contact is the whole cost on writes; no pre-aggregated table to keep in step).

use sea_orm_migration::prelude::*;

use crate::rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ContactMoments {
    Table,
    TenantId,
    Id,
    Channel,
    SubjectBsn,
    Topic,
    TopicLabel,
    Question,
    Answer,
    ResolvedFirstContact,
    ReceivedAt,
    AnsweredAt,
    WaitSeconds,
    ResponseWorkingDays,
    HandlingSeconds,
    Employee,
    CaseReference,
    IdempotencyKey,
    RegisteredAt,
}

#[derive(DeriveIden)]
enum Callbacks {
    Table,
    TenantId,
    Id,
    ContactId,
    Team,
    SubjectBsn,
    Phone,
    Question,
    RequestedAt,
    RequestedBy,
    Deadline,
    CompletedAt,
    CompletedBy,
    Result,
    InTime,
    Version,
}

fn tenant_id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column).string_len(32).not_null().to_owned()
}

fn text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).not_null().to_owned()
}

fn optional_text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).null().to_owned()
}

fn moments() -> TableCreateStatement {
    use ContactMoments as C;
    Table::create()
        .table(C::Table)
        .col(tenant_id(C::TenantId))
        .col(ColumnDef::new(C::Id).uuid().not_null())
        .col(text(C::Channel, 16))
        .col(optional_text(C::SubjectBsn, 9))
        .col(text(C::Topic, 64))
        .col(text(C::TopicLabel, 200))
        .col(ColumnDef::new(C::Question).text().not_null())
        .col(ColumnDef::new(C::Answer).text().not_null())
        .col(ColumnDef::new(C::ResolvedFirstContact).boolean().not_null())
        .col(
            ColumnDef::new(C::ReceivedAt)
                .timestamp_with_time_zone()
                .not_null(),
        )
        .col(
            ColumnDef::new(C::AnsweredAt)
                .timestamp_with_time_zone()
                .null(),
        )
        .col(ColumnDef::new(C::WaitSeconds).integer().null())
        .col(ColumnDef::new(C::ResponseWorkingDays).integer().null())
        .col(ColumnDef::new(C::HandlingSeconds).integer().null())
        .col(text(C::Employee, 128))
        .col(optional_text(C::CaseReference, 32))
        .col(optional_text(C::IdempotencyKey, 128))
        .col(
            ColumnDef::new(C::RegisteredAt)
                .timestamp_with_time_zone()
                .not_null(),
        )
        .primary_key(Index::create().col(C::TenantId).col(C::Id))
        .to_owned()
}

fn callbacks() -> TableCreateStatement {
    use Callbacks as C;
    Table::create()
        .table(C::Table)
        .col(tenant_id(C::TenantId))
        .col(ColumnDef::new(C::Id).uuid().not_null())
        .col(ColumnDef::new(C::ContactId).uuid().not_null())
        .col(text(C::Team, 64))
        .col(optional_text(C::SubjectBsn, 9))
        .col(text(C::Phone, 32))
        .col(ColumnDef::new(C::Question).text().not_null())
        .col(
            ColumnDef::new(C::RequestedAt)
                .timestamp_with_time_zone()
                .not_null(),
        )
        .col(text(C::RequestedBy, 128))
        .col(ColumnDef::new(C::Deadline).date().not_null())
        .col(
            ColumnDef::new(C::CompletedAt)
                .timestamp_with_time_zone()
                .null(),
        )
        .col(optional_text(C::CompletedBy, 128))
        .col(ColumnDef::new(C::Result).text().null())
        .col(ColumnDef::new(C::InTime).boolean().null())
        .col(ColumnDef::new(C::Version).integer().not_null().default(1))
        .primary_key(Index::create().col(C::TenantId).col(C::Id))
        .foreign_key(
            ForeignKey::create()
                .name("callbacks_contact")
                .from(C::Table, (C::TenantId, C::ContactId))
                .to(
                    ContactMoments::Table,
                    (ContactMoments::TenantId, ContactMoments::Id),
                ),
        )
        .to_owned()
}

/// A resident's contact history; the report's period scan (covering); idempotency keys; a
/// team's open callbacks by deadline and callbacks by request date; closed cases by date for
/// the case-deadline figures (covering, closed cases only).
const INDEXES: &str = "
CREATE INDEX contact_moments_subject ON contact_moments (tenant_id, subject_bsn, received_at) WHERE subject_bsn IS NOT NULL;
CREATE INDEX contact_moments_period ON contact_moments (tenant_id, received_at, channel, topic, resolved_first_contact, wait_seconds, response_working_days);
CREATE UNIQUE INDEX contact_moments_idempotency ON contact_moments (tenant_id, idempotency_key);
CREATE INDEX callbacks_open ON callbacks (tenant_id, team, deadline) WHERE completed_at IS NULL;
CREATE INDEX callbacks_requested ON callbacks (tenant_id, requested_at, in_time, deadline);
CREATE INDEX callbacks_contact ON callbacks (tenant_id, contact_id);
CREATE INDEX cases_closed ON cases (tenant_id, closed_at, case_type, deadline) WHERE closed_at IS NOT NULL;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(moments()).await?;
        manager.create_table(callbacks()).await?;
        manager.get_connection().execute_unprepared(INDEXES).await?;
        for table in ["contact_moments", "callbacks"] {
            rls::enable_tenant_rls(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX cases_closed")
            .await?;
        for table in ["callbacks", "contact_moments"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
