//! A row of `contact_moments`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contact_moments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub channel: String,
    pub subject_bsn: Option<String>,
    pub topic: String,
    pub topic_label: String,
    pub question: String,
    pub answer: String,
    pub resolved_first_contact: bool,
    pub received_at: ChronoDateTimeUtc,
    pub answered_at: Option<ChronoDateTimeUtc>,
    pub wait_seconds: Option<i32>,
    pub response_working_days: Option<i32>,
    pub handling_seconds: Option<i32>,
    pub employee: String,
    pub case_reference: Option<String>,
    pub idempotency_key: Option<String>,
    pub registered_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Every query on this table starts here, confined to one tenant.
pub(crate) fn scoped(tenant: &loket_kernel::TenantId) -> Select<Entity> {
    Entity::find().filter(Column::TenantId.eq(tenant.as_str()))
}
