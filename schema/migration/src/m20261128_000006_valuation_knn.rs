//! A spatial index for comparable properties on PostgreSQL: a GiST index on the position, so
//! "nearest first within a box" walks the index in distance order and stops after the first
//! few matches instead of sorting every object in the radius. Longitude is scaled by
//! cos(52°) so that distances in the index are close to metres' proportions across the
//! Netherlands. SQLite keeps the B-tree on use and coordinates.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

/// cos(52°): one degree of longitude is this fraction of a degree of latitude in the
/// Netherlands (51°–53.5°: 0.59–0.63).
pub const LON_SCALE: f64 = 0.6157;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let sql = format!(
            "CREATE INDEX valuation_objects_position ON valuation_objects \
             USING gist (point(lon * {LON_SCALE}, lat))"
        );
        manager.get_connection().execute_unprepared(&sql).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX IF EXISTS valuation_objects_position")
            .await?;
        Ok(())
    }
}
