//! A row of `residence_permits`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "residence_permits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub bsn: String,
    pub kind: String,
    pub valid_until: Date,
    pub v_number: String,
    pub registered_by: Option<String>,
    pub registered_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::person::Entity",
        from = "Column::Bsn",
        to = "super::person::Column::Bsn"
    )]
    Person,
}

impl Related<super::person::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Person.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
