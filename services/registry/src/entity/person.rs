//! A row of `persons`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub bsn: String,
    pub given_names: String,
    pub surname_prefix: Option<String>,
    pub surname: String,
    pub birth_date: Date,
    pub birth_place: String,
    pub address_id: Option<String>,
    pub municipality_code: String,
    pub nationality: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_one = "super::residence_permit::Entity")]
    ResidencePermit,
    #[sea_orm(
        belongs_to = "super::address::Entity",
        from = "Column::AddressId",
        to = "super::address::Column::Id"
    )]
    Address,
}

impl Related<super::address::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Address.def()
    }
}

impl Related<super::residence_permit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ResidencePermit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
