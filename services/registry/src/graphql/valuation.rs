//! GraphQL types of valuation reports.

use async_graphql::SimpleObject;
use chrono::NaiveDate;

use super::person::Address;
use crate::{ValuationObject, ValuationReport};

/// A property valuation object (WOZ) and its latest value.
#[derive(SimpleObject)]
pub struct ValuationObjectInfo {
    /// WOZ object number.
    id: String,
    /// `dwelling` or `non-dwelling`.
    usage: String,
    /// Floor area in m².
    floor_area: i32,
    /// Plot area in m².
    plot_area: i32,
    /// Build year.
    build_year: i32,
    /// Latest value in euros.
    value: i64,
    /// The reference date of that value.
    reference_date: NaiveDate,
    /// Address.
    address: Option<Address>,
    /// Distance from the reported object in metres (0 for the object itself).
    distance_meters: i32,
}

impl From<ValuationObject> for ValuationObjectInfo {
    fn from(o: ValuationObject) -> Self {
        Self {
            id: o.id,
            usage: o.usage,
            floor_area: o.floor_area,
            plot_area: o.plot_area,
            build_year: o.build_year,
            value: o.latest_value,
            reference_date: o.reference_date,
            address: o.address.map(Address::from),
            distance_meters: o.distance_m.round() as i32,
        }
    }
}

/// A value on a reference date.
#[derive(SimpleObject)]
pub struct ValuationValue {
    /// Reference date (waardepeildatum).
    reference_date: NaiveDate,
    /// Value in euros.
    value: i64,
}

/// Why a property is valued as it is: its characteristics, its history, and comparable
/// properties nearby.
#[derive(SimpleObject)]
pub struct ValuationReportInfo {
    /// The object.
    object: ValuationObjectInfo,
    /// Its values, oldest first.
    history: Vec<ValuationValue>,
    /// Comparable objects: same use, value within the band, nearest first within the radius.
    comparables: Vec<ValuationObjectInfo>,
    /// The value band, percent either side.
    band_percent: i32,
    /// The radius in metres.
    radius_meters: i32,
}

impl From<ValuationReport> for ValuationReportInfo {
    fn from(r: ValuationReport) -> Self {
        Self {
            object: r.object.into(),
            history: r
                .history
                .into_iter()
                .map(|(reference_date, value)| ValuationValue {
                    reference_date,
                    value,
                })
                .collect(),
            comparables: r.comparables.into_iter().map(Into::into).collect(),
            band_percent: i32::try_from(r.band_percent).unwrap_or(i32::MAX),
            radius_meters: i32::try_from(r.radius_m).unwrap_or(i32::MAX),
        }
    }
}
