//! A row of `deliveries`: one message for one subscription, or for a recipient who gave their
//! address once (an appointment's messages), with its delivery state.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub delivery_key: String,
    pub subscription_id: Option<Uuid>,
    pub event_id: Option<Uuid>,
    pub event_kind: String,
    pub channel: String,
    pub recipient: String,
    pub subject: Option<String>,
    pub body: String,
    pub status: String,
    pub attempts: i32,
    pub available_at: ChronoDateTimeUtc,
    pub last_error: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub sent_at: Option<ChronoDateTimeUtc>,
    pub calendar: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Every query on this table starts here, confined to one tenant.
pub(crate) fn scoped(tenant: &loket_kernel::TenantId) -> Select<Entity> {
    Entity::find().filter(Column::TenantId.eq(tenant.as_str()))
}
