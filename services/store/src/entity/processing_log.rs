//! A row of `processing_log`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "processing_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub actor_kind: String,
    pub actor_subject: String,
    pub roles: String,
    pub person_bsn: String,
    pub purpose: String,
    pub operation: String,
    pub request_id: String,
    pub created_at: ChronoDateTimeUtc,
    pub subject_type: String,
    pub field_groups: String,
    pub trace_id: String,
    pub span_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Every query on this table starts here, confined to one tenant.
pub(crate) fn scoped(tenant: &loket_kernel::TenantId) -> Select<Entity> {
    Entity::find().filter(Column::TenantId.eq(tenant.as_str()))
}
