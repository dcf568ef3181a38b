//! Reports about public space (meldingen), a family of cases:
//!
//! - `cases` gains a position (`lat`, `lon`, WGS84) and the answers to the category's form
//!   fields (`attributes`, JSON). A report has no subject: its `subject_bsn` is empty.
//! - Open reports are found by category and distance. PostgreSQL has a GiST index on tenant,
//!   category and the (scaled) position, which it can walk in distance order (`btree_gist`
//!   gives the equality columns an operator class); SQLite keeps a B-tree on tenant, category
//!   and latitude.
//! - `case_reporters`: who reported, or joined, a report, with the contact details they gave
//!   and the satisfaction answer; the details are removed a tenant-set time after the report
//!   ends (`anonymised_at`). `answer_code_hash` is the SHA-256 of the code in the links the
//!   reporter receives.
//! - `case_photos`: the photos sent with a report, stored outside the database under
//!   `object_key`; a photo belongs to one report.
//! - `addresses` gets an index on municipality and position: a report must lie within the box
//!   around its municipality's addresses, as the registry holds no municipal boundaries.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

use crate::{LON_SCALE, rls};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cases {
    Table,
    Lat,
    Lon,
    Attributes,
}

#[derive(DeriveIden)]
enum CaseReporters {
    Table,
    TenantId,
    CaseId,
    Id,
    Bsn,
    Name,
    Email,
    Phone,
    Language,
    AnswerCodeHash,
    JoinedAt,
    Satisfied,
    AnsweredAt,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum CasePhotos {
    Table,
    TenantId,
    CaseId,
    Id,
    ObjectKey,
    ContentType,
    Bytes,
    CreatedAt,
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

fn reporters() -> TableCreateStatement {
    use CaseReporters as R;
    Table::create()
        .table(R::Table)
        .col(text(R::TenantId, 32))
        .col(ColumnDef::new(R::CaseId).uuid().not_null())
        .col(ColumnDef::new(R::Id).uuid().not_null())
        .col(optional_text(R::Bsn, 9))
        .col(optional_text(R::Name, 200))
        .col(optional_text(R::Email, 254))
        .col(optional_text(R::Phone, 32))
        .col(text(R::Language, 8))
        .col(text(R::AnswerCodeHash, 64))
        .col(at(R::JoinedAt))
        .col(ColumnDef::new(R::Satisfied).boolean().null())
        .col(optional_at(R::AnsweredAt))
        .col(optional_at(R::AnonymisedAt))
        .primary_key(Index::create().col(R::TenantId).col(R::CaseId).col(R::Id))
        .foreign_key(
            ForeignKey::create()
                .from(R::Table, (R::TenantId, R::CaseId))
                .to(
                    Alias::new("cases"),
                    (Alias::new("tenant_id"), Alias::new("id")),
                ),
        )
        .to_owned()
}

fn photos() -> TableCreateStatement {
    use CasePhotos as P;
    Table::create()
        .table(P::Table)
        .col(text(P::TenantId, 32))
        .col(ColumnDef::new(P::CaseId).uuid().not_null())
        .col(ColumnDef::new(P::Id).uuid().not_null())
        .col(text(P::ObjectKey, 200))
        .col(text(P::ContentType, 32))
        .col(ColumnDef::new(P::Bytes).big_integer().not_null())
        .col(at(P::CreatedAt))
        .primary_key(Index::create().col(P::TenantId).col(P::CaseId).col(P::Id))
        .foreign_key(
            ForeignKey::create()
                .from(P::Table, (P::TenantId, P::CaseId))
                .to(
                    Alias::new("cases"),
                    (Alias::new("tenant_id"), Alias::new("id")),
                ),
        )
        .to_owned()
}

/// A reporter by the id in their links; a resident's own reports; reports ending long ago;
/// open reports by age (the public map); the box around a municipality's addresses; an
/// address written out by street and house number.
const INDEXES: &str = "
CREATE INDEX addresses_municipality_position ON addresses (municipality_code, lat, lon);
CREATE INDEX addresses_municipality_number ON addresses (municipality_code, house_number);
CREATE UNIQUE INDEX case_reporters_id ON case_reporters (tenant_id, id);
CREATE UNIQUE INDEX case_photos_id ON case_photos (tenant_id, id);
CREATE INDEX case_reporters_bsn ON case_reporters (tenant_id, bsn) WHERE bsn IS NOT NULL;
CREATE INDEX case_reporters_kept ON case_reporters (tenant_id, case_id) WHERE anonymised_at IS NULL;
CREATE INDEX cases_reports_closed ON cases (tenant_id, closed_at) WHERE lat IS NOT NULL AND closed_at IS NOT NULL;
CREATE INDEX cases_reports_open ON cases (tenant_id, created_at, id) WHERE lat IS NOT NULL AND closed_at IS NULL;
";

fn position_index(backend: DatabaseBackend) -> String {
    match backend {
        DatabaseBackend::Postgres => format!(
            "CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX cases_reports_nearby ON cases USING gist (tenant_id, case_type, point(lon * {LON_SCALE}, lat))
    WHERE lat IS NOT NULL AND closed_at IS NULL;"
        ),
        _ => "CREATE INDEX cases_reports_nearby ON cases (tenant_id, case_type, lat, lon) \
              WHERE lat IS NOT NULL AND closed_at IS NULL;"
            .to_owned(),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [
            ColumnDef::new(Cases::Lat).double().null().to_owned(),
            ColumnDef::new(Cases::Lon).double().null().to_owned(),
            ColumnDef::new(Cases::Attributes).text().null().to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Cases::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager.create_table(reporters()).await?;
        manager.create_table(photos()).await?;
        let db = manager.get_connection();
        db.execute_unprepared(INDEXES).await?;
        db.execute_unprepared(&position_index(manager.get_database_backend()))
            .await?;
        rls::enable_tenant_rls(manager, "case_reporters").await?;
        rls::enable_tenant_rls(manager, "case_photos").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["case_photos", "case_reporters"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "DROP INDEX IF EXISTS cases_reports_nearby; DROP INDEX IF EXISTS cases_reports_open; \
             DROP INDEX IF EXISTS cases_reports_closed; \
             DROP INDEX IF EXISTS addresses_municipality_position; \
             DROP INDEX IF EXISTS addresses_municipality_number;",
        )
        .await?;
        for column in [Cases::Attributes, Cases::Lon, Cases::Lat] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Cases::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
