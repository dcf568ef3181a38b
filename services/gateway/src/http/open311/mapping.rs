//! Loket's report categories and public reports as GeoReport v2 services and service
//! requests.
//!
//! A service request carries only what [`PublicReport`] holds: no `description` (the
//! reporter's words are never public in Loket), no address, no media, and a position only
//! for categories on the public map, coarsened to about 50 m.

use chrono::{DateTime, Days, NaiveDate, SecondsFormat, TimeDelta, Utc};
use loket_cases::{CaseType, FormField, PublicReport};
use loket_kernel::calendar::Calendar;
use serde::Serialize;

/// A service in the list.
#[derive(Serialize)]
pub(crate) struct Service {
    service_code: String,
    service_name: String,
    description: String,
    metadata: bool,
    #[serde(rename = "type")]
    kind: &'static str,
    keywords: String,
    group: String,
}

impl Service {
    /// The list entry of `category`.
    pub(crate) fn of(category: &CaseType) -> Self {
        let report = category.report.as_ref();
        Self {
            service_code: category.code.clone(),
            service_name: category.name.clone(),
            description: report.map(|r| r.description.clone()).unwrap_or_default(),
            metadata: report.is_some_and(|r| !r.fields.is_empty()),
            kind: "realtime",
            keywords: String::new(),
            group: report.map(|r| r.group_name.clone()).unwrap_or_default(),
        }
    }
}

/// A service definition: the category's form fields as attributes. `A` is the attributes'
/// container, which differs between JSON and XML.
#[derive(Serialize)]
pub(crate) struct Definition<A> {
    service_code: String,
    attributes: A,
}

/// A form field as an attribute; `V` is the values' container.
#[derive(Serialize)]
pub(crate) struct Attribute<V> {
    variable: bool,
    code: String,
    datatype: &'static str,
    required: bool,
    datatype_description: String,
    order: usize,
    description: String,
    values: V,
}

/// A value a list attribute offers.
#[derive(Serialize, Clone)]
pub(crate) struct AttributeValue {
    key: String,
    name: String,
}

/// Attributes as XML lists them.
#[derive(Serialize)]
pub(crate) struct XmlAttributes {
    attribute: Vec<Attribute<XmlValues>>,
}

/// Values as XML lists them.
#[derive(Serialize)]
pub(crate) struct XmlValues {
    value: Vec<AttributeValue>,
}

fn attribute(order: usize, field: &FormField) -> Attribute<Vec<AttributeValue>> {
    Attribute {
        variable: true,
        code: field.code.clone(),
        datatype: field.datatype.as_str(),
        required: field.required,
        datatype_description: field.description.clone().unwrap_or_default(),
        order: order.saturating_add(1),
        description: field.name.clone(),
        values: field
            .values
            .iter()
            .map(|v| AttributeValue {
                key: v.key.clone(),
                name: v.name.clone(),
            })
            .collect(),
    }
}

/// The definition of `category`, as JSON writes it.
pub(crate) fn definition(category: &CaseType) -> Definition<Vec<Attribute<Vec<AttributeValue>>>> {
    Definition {
        service_code: category.code.clone(),
        attributes: category
            .report
            .iter()
            .flat_map(|r| r.fields.iter().enumerate())
            .map(|(i, f)| attribute(i, f))
            .collect(),
    }
}

/// The same definition as XML writes it.
pub(crate) fn xml_definition(
    json: Definition<Vec<Attribute<Vec<AttributeValue>>>>,
) -> Definition<XmlAttributes> {
    Definition {
        service_code: json.service_code,
        attributes: XmlAttributes {
            attribute: json
                .attributes
                .into_iter()
                .map(|a| Attribute {
                    variable: a.variable,
                    code: a.code,
                    datatype: a.datatype,
                    required: a.required,
                    datatype_description: a.datatype_description,
                    order: a.order,
                    description: a.description,
                    values: XmlValues { value: a.values },
                })
                .collect(),
        },
    }
}

/// A service request as anyone may read it.
#[derive(Serialize)]
pub(crate) struct ServiceRequest {
    service_request_id: String,
    status: &'static str,
    status_notes: String,
    service_name: String,
    service_code: String,
    agency_responsible: String,
    service_notice: String,
    requested_datetime: String,
    updated_datetime: String,
    expected_datetime: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    long: Option<f64>,
}

fn datetime(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The last second of `day` in the Netherlands: a report expected by a day is due by its end.
pub(crate) fn end_of(day: NaiveDate) -> DateTime<Utc> {
    let next = Calendar::start_of(day.checked_add_days(Days::new(1)).unwrap_or(day));
    next.checked_sub_signed(TimeDelta::seconds(1))
        .unwrap_or(next)
}

impl ServiceRequest {
    /// The public view of `report`, handled by `agency`.
    pub(crate) fn of(report: &PublicReport, agency: &str) -> Self {
        let (name, explanation) = report.status_name_and_text();
        let status_notes = match report.outcome_name() {
            Some(outcome) => format!("{name}: {outcome}"),
            None => name.to_owned(),
        };
        Self {
            service_request_id: report.reference.clone(),
            status: if report.closed_at.is_some() {
                "closed"
            } else {
                "open"
            },
            status_notes,
            service_name: report.category.name.clone(),
            service_code: report.category.code.clone(),
            agency_responsible: agency.to_owned(),
            service_notice: explanation.to_owned(),
            requested_datetime: datetime(report.created_at),
            updated_datetime: datetime(report.status_since),
            expected_datetime: datetime(end_of(report.expected_by)),
            lat: report.position.map(|(lat, _)| lat),
            long: report.position.map(|(_, lon)| lon),
        }
    }
}

/// What filing answers, and what a token names.
#[derive(Serialize)]
pub(crate) struct Receipt {
    /// The report's reference.
    pub(crate) service_request_id: String,
    /// The reporter's id.
    pub(crate) token: String,
    /// The category's standard text for the report's status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) service_notice: Option<String>,
}
