//! A row of `cases`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub reference: String,
    pub case_type: String,
    pub handling_tenant: String,
    pub bundle_id: Uuid,
    pub subject_bsn: String,
    pub address_id: Option<String>,
    pub location: Option<String>,
    pub description: Option<String>,
    /// Where a report is (WGS84); empty for applications.
    pub lat: Option<f64>,
    /// Where a report is (WGS84); empty for applications.
    pub lon: Option<f64>,
    /// A report's answers to its category's form fields, as a JSON object.
    pub attributes: Option<String>,
    pub channel: String,
    pub status: String,
    pub status_since: ChronoDateTimeUtc,
    pub handling_days: i32,
    pub suspended_days: i32,
    pub extended_days: i32,
    pub deadline: Date,
    pub handler: Option<String>,
    pub outcome: Option<String>,
    pub decision_explanation: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<ChronoDateTimeUtc>,
    pub closed_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
    pub created_by: String,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::event::Entity")]
    Events,
}

impl Related<super::event::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Events.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

/// Every query on this table starts here, confined to one tenant.
pub(crate) fn scoped(tenant: &loket_kernel::TenantId) -> Select<Entity> {
    Entity::find().filter(Column::TenantId.eq(tenant.as_str()))
}
