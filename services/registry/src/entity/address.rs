//! A row of `addresses`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "addresses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub street: String,
    pub house_number: i32,
    pub letter: String,
    pub addition: String,
    pub postcode: String,
    pub city: String,
    pub municipality_code: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
