//! Cases (zaken): bundles of cases submitted together, the cases themselves, their journal
//! (status changes, notes, assignments, suspensions, extensions, decisions), and a counter per
//! tenant and year for readable references. Every table is tenant-scoped: a case belongs to the
//! municipality where its subject lives, also when a collaboration host handles it.

use sea_orm_migration::prelude::*;

use crate::rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CaseCounters {
    Table,
    TenantId,
    Year,
    Last,
}

#[derive(DeriveIden)]
enum CaseBundles {
    Table,
    TenantId,
    Id,
    SubjectBsn,
    RequestedBy,
    IdempotencyKey,
    Fingerprint,
    Channel,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    TenantId,
    Id,
    Reference,
    CaseType,
    HandlingTenant,
    BundleId,
    SubjectBsn,
    AddressId,
    Location,
    Description,
    Channel,
    Status,
    StatusSince,
    HandlingDays,
    SuspendedDays,
    ExtendedDays,
    Deadline,
    Handler,
    Outcome,
    DecisionExplanation,
    DecidedBy,
    DecidedAt,
    ClosedAt,
    CreatedAt,
    CreatedBy,
    Version,
}

#[derive(DeriveIden)]
enum CaseEvents {
    Table,
    TenantId,
    CaseId,
    Seq,
    Kind,
    Status,
    Days,
    PublicText,
    InternalText,
    Actor,
    At,
}

fn tenant_id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column).string_len(32).not_null().to_owned()
}

fn moment(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn counters() -> TableCreateStatement {
    Table::create()
        .table(CaseCounters::Table)
        .col(tenant_id(CaseCounters::TenantId))
        .col(ColumnDef::new(CaseCounters::Year).integer().not_null())
        .col(ColumnDef::new(CaseCounters::Last).integer().not_null())
        .primary_key(
            Index::create()
                .col(CaseCounters::TenantId)
                .col(CaseCounters::Year),
        )
        .to_owned()
}

fn bundles() -> TableCreateStatement {
    Table::create()
        .table(CaseBundles::Table)
        .col(tenant_id(CaseBundles::TenantId))
        .col(ColumnDef::new(CaseBundles::Id).uuid().not_null())
        .col(
            ColumnDef::new(CaseBundles::SubjectBsn)
                .string_len(9)
                .not_null(),
        )
        .col(ColumnDef::new(CaseBundles::RequestedBy).string().not_null())
        .col(ColumnDef::new(CaseBundles::IdempotencyKey).string().null())
        .col(ColumnDef::new(CaseBundles::Fingerprint).string().not_null())
        .col(
            ColumnDef::new(CaseBundles::Channel)
                .string_len(16)
                .not_null(),
        )
        .col(moment(CaseBundles::CreatedAt))
        .primary_key(
            Index::create()
                .col(CaseBundles::TenantId)
                .col(CaseBundles::Id),
        )
        .to_owned()
}

fn cases() -> TableCreateStatement {
    let text = |c: Cases| ColumnDef::new(c).text().null().to_owned();
    let days = |c: Cases| ColumnDef::new(c).integer().not_null().default(0).to_owned();
    Table::create()
        .table(Cases::Table)
        .col(tenant_id(Cases::TenantId))
        .col(ColumnDef::new(Cases::Id).uuid().not_null())
        .col(ColumnDef::new(Cases::Reference).string_len(24).not_null())
        .col(ColumnDef::new(Cases::CaseType).string_len(64).not_null())
        .col(tenant_id(Cases::HandlingTenant))
        .col(ColumnDef::new(Cases::BundleId).uuid().not_null())
        .col(ColumnDef::new(Cases::SubjectBsn).string_len(9).not_null())
        .col(ColumnDef::new(Cases::AddressId).string_len(16).null())
        .col(text(Cases::Location))
        .col(text(Cases::Description))
        .col(ColumnDef::new(Cases::Channel).string_len(16).not_null())
        .col(ColumnDef::new(Cases::Status).string_len(64).not_null())
        .col(moment(Cases::StatusSince))
        .col(days(Cases::HandlingDays))
        .col(days(Cases::SuspendedDays))
        .col(days(Cases::ExtendedDays))
        .col(ColumnDef::new(Cases::Deadline).date().not_null())
        .col(ColumnDef::new(Cases::Handler).string().null())
        .col(ColumnDef::new(Cases::Outcome).string_len(64).null())
        .col(text(Cases::DecisionExplanation))
        .col(ColumnDef::new(Cases::DecidedBy).string().null())
        .col(
            ColumnDef::new(Cases::DecidedAt)
                .timestamp_with_time_zone()
                .null(),
        )
        .col(
            ColumnDef::new(Cases::ClosedAt)
                .timestamp_with_time_zone()
                .null(),
        )
        .col(moment(Cases::CreatedAt))
        .col(ColumnDef::new(Cases::CreatedBy).string().not_null())
        .col(ColumnDef::new(Cases::Version).integer().not_null())
        .primary_key(Index::create().col(Cases::TenantId).col(Cases::Id))
        .foreign_key(
            ForeignKey::create()
                .name("cases_bundle")
                .from(Cases::Table, (Cases::TenantId, Cases::BundleId))
                .to(CaseBundles::Table, (CaseBundles::TenantId, CaseBundles::Id)),
        )
        .to_owned()
}

fn events() -> TableCreateStatement {
    Table::create()
        .table(CaseEvents::Table)
        .col(tenant_id(CaseEvents::TenantId))
        .col(ColumnDef::new(CaseEvents::CaseId).uuid().not_null())
        .col(ColumnDef::new(CaseEvents::Seq).integer().not_null())
        .col(ColumnDef::new(CaseEvents::Kind).string_len(16).not_null())
        .col(ColumnDef::new(CaseEvents::Status).string_len(64).null())
        .col(ColumnDef::new(CaseEvents::Days).integer().null())
        .col(ColumnDef::new(CaseEvents::PublicText).text().null())
        .col(ColumnDef::new(CaseEvents::InternalText).text().null())
        .col(ColumnDef::new(CaseEvents::Actor).string().not_null())
        .col(moment(CaseEvents::At))
        .primary_key(
            Index::create()
                .col(CaseEvents::TenantId)
                .col(CaseEvents::CaseId)
                .col(CaseEvents::Seq),
        )
        .foreign_key(
            ForeignKey::create()
                .name("case_events_case")
                .from(
                    CaseEvents::Table,
                    (CaseEvents::TenantId, CaseEvents::CaseId),
                )
                .to(Cases::Table, (Cases::TenantId, Cases::Id)),
        )
        .to_owned()
}

/// Indexes the views need: a resident's cases, the open cases by deadline (the work queue,
/// partial so closed cases cost nothing, and holding the columns the queue filters on so its
/// counts read the index alone), the cases at one address (the integral view), and the
/// uniqueness of references and idempotency keys.
const INDEXES: &str = "
CREATE UNIQUE INDEX cases_reference ON cases (tenant_id, reference);
CREATE INDEX cases_subject ON cases (tenant_id, subject_bsn, created_at);
CREATE INDEX cases_open_by_deadline ON cases (tenant_id, deadline, handling_tenant, case_type) WHERE closed_at IS NULL;
CREATE INDEX cases_address ON cases (tenant_id, address_id) WHERE address_id IS NOT NULL;
CREATE INDEX cases_bundle ON cases (tenant_id, bundle_id);
CREATE UNIQUE INDEX case_bundles_idempotency ON case_bundles (tenant_id, requested_by, idempotency_key);
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(counters()).await?;
        manager.create_table(bundles()).await?;
        manager.create_table(cases()).await?;
        manager.create_table(events()).await?;
        manager.get_connection().execute_unprepared(INDEXES).await?;
        for table in ["case_counters", "case_bundles", "cases", "case_events"] {
            rls::enable_tenant_rls(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["case_events", "cases", "case_bundles", "case_counters"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
