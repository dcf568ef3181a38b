//! A row of `callbacks`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "callbacks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub contact_id: Uuid,
    pub team: String,
    pub subject_bsn: Option<String>,
    pub phone: String,
    pub question: String,
    pub requested_at: ChronoDateTimeUtc,
    pub requested_by: String,
    pub deadline: Date,
    pub completed_at: Option<ChronoDateTimeUtc>,
    pub completed_by: Option<String>,
    pub result: Option<String>,
    pub in_time: Option<bool>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Every query on this table starts here, confined to one tenant.
pub(crate) fn scoped(tenant: &loket_kernel::TenantId) -> Select<Entity> {
    Entity::find().filter(Column::TenantId.eq(tenant.as_str()))
}
