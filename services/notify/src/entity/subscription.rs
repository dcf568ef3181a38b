//! A row of `subscriptions`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "subscriptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub topic: String,
    pub owner: String,
    pub channel: String,
    pub address: String,
    pub language: String,
    pub radius_m: Option<i32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub products: Json,
    pub event_kinds: Json,
    pub filters: Json,
    pub secret: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub ended_at: Option<ChronoDateTimeUtc>,
    pub roles: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Every query on this table starts here, confined to one tenant.
pub(crate) fn scoped(tenant: &loket_kernel::TenantId) -> Select<Entity> {
    Entity::find().filter(Column::TenantId.eq(tenant.as_str()))
}
