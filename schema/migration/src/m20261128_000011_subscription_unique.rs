//! One active subscription per holder, topic, channel and address: checked by the database,
//! so two identical requests at the same moment cannot both make one.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX subscriptions_active ON subscriptions \
                 (tenant_id, owner, topic, channel, address) WHERE ended_at IS NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX subscriptions_active")
            .await?;
        Ok(())
    }
}
