//! A row of `valuation_objects`; the latest value is kept here too, for the comparables index.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "valuation_objects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub address_id: String,
    pub usage: String,
    pub floor_area: i32,
    pub plot_area: i32,
    pub build_year: i32,
    pub lat: f64,
    pub lon: f64,
    pub latest_value: i64,
    pub latest_reference_date: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
