//! A row of `valuation_values`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "valuation_values")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub object_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub reference_date: Date,
    pub value: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
