//! A row of `travel_documents`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "travel_documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub bsn: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: String,
    pub kind: String,
    pub expires_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
