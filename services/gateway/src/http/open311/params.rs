//! Reading a request's parameters (query string or form body, both
//! `application/x-www-form-urlencoded`) into what the report service takes: the filters of
//! `GET requests` and the report of `POST requests`.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use loket_cases::{Channel, MAX_PAGE, NewReport, Place, ReportFilter, ReporterDetails};
use loket_kernel::calendar::Calendar;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::error::Open311Error;

/// Reports a page holds unless `page_size` says otherwise.
const DEFAULT_PAGE: u64 = 50;
/// How far back `GET requests` looks without dates, as the specification says.
const DEFAULT_DAYS: i64 = 90;
/// Most references in one `service_request_id`.
const MAX_IDS: usize = 100;

/// The parameters, in the order given; a name may repeat.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a form-encoded string; bad percent-encoding is read leniently, never refused.
    pub(crate) fn parse(encoded: &[u8]) -> Self {
        Self(
            form_urlencoded::parse(encoded)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `name`, trimmed, unless empty.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The parameters again, form-encoded, without `name`.
    pub(crate) fn encode_without(&self, name: &str) -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.0.iter().filter(|(k, _)| k != name))
            .finish()
    }

    fn required(&self, name: &'static str) -> Result<&str, Open311Error> {
        self.get(name).ok_or(Open311Error::Missing {
            field: name,
            message: "required",
        })
    }

    fn list(&self, name: &str) -> Vec<String> {
        self.get(name)
            .into_iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The answers in `attribute[code]=value` and, for a multiple-choice list,
    /// `attribute[code][]=value` (joined with commas, as the form fields take them).
    fn attributes(&self) -> Vec<(String, String)> {
        let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in &self.0 {
            let Some(rest) = key.strip_prefix("attribute[") else {
                continue;
            };
            let code = rest
                .strip_suffix("][]")
                .or_else(|| rest.strip_suffix(']'))
                .unwrap_or(rest);
            answers
                .entry(code.to_owned())
                .or_default()
                .push(value.trim().to_owned());
        }
        answers
            .into_iter()
            .map(|(code, values)| (code, values.join(",")))
            .collect()
    }
}

/// A page of `GET requests`.
pub(crate) struct Query {
    /// Which reports.
    pub(crate) filter: ReportFilter,
    /// Page size.
    pub(crate) size: u64,
    /// The cursor of the page (from the previous page's `Link`).
    pub(crate) after: Option<Uuid>,
}

/// A date parameter: a W3C date-time (`2026-12-01T00:00:00Z`) or a date, which starts at
/// midnight in the Netherlands.
fn date(params: &Params, field: &'static str) -> Result<Option<DateTime<Utc>>, Open311Error> {
    let Some(value) = params.get(field) else {
        return Ok(None);
    };
    if let Ok(at) = DateTime::parse_from_rfc3339(value) {
        return Ok(Some(at.with_timezone(&Utc)));
    }
    value
        .parse::<NaiveDate>()
        .map(|day| Some(Calendar::start_of(day)))
        .map_err(|_| Open311Error::invalid(field, "a W3C date-time such as 2026-12-01T00:00:00Z"))
}

/// The filters and page of `GET requests`.
pub(crate) fn query(params: &Params, now: DateTime<Utc>) -> Result<Query, Open311Error> {
    let size = match params.get("page_size") {
        None => DEFAULT_PAGE,
        Some(v) => v
            .parse()
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .ok_or_else(|| {
                Open311Error::invalid("page_size", format!("a number from 1 to {MAX_PAGE}"))
            })?,
    };
    let after = params
        .get("after")
        .map(|v| {
            Uuid::parse_str(v)
                .map_err(|_| Open311Error::invalid("after", "not a cursor of this list"))
        })
        .transpose()?;
    let references = params.list("service_request_id");
    if references.len() > MAX_IDS {
        return Err(Open311Error::invalid(
            "service_request_id",
            format!("at most {MAX_IDS} ids"),
        ));
    }
    // With ids, the other filters are ignored, as the specification says.
    if !references.is_empty() {
        let filter = ReportFilter {
            references,
            ..ReportFilter::default()
        };
        return Ok(Query {
            filter,
            size,
            after,
        });
    }
    let open = match params.list("status").as_slice() {
        [] => None,
        [one] if one == "open" => Some(true),
        [one] if one == "closed" => Some(false),
        both if both.iter().all(|s| s == "open" || s == "closed") => None,
        _ => return Err(Open311Error::invalid("status", "open, closed or both")),
    };
    let start = date(params, "start_date")?;
    let end = date(params, "end_date")?;
    let window = TimeDelta::days(DEFAULT_DAYS);
    let from = match (start, end) {
        (Some(start), _) => Some(start),
        (None, Some(end)) => end.checked_sub_signed(window),
        (None, None) => now.checked_sub_signed(window),
    };
    Ok(Query {
        filter: ReportFilter {
            categories: params.list("service_code"),
            open,
            from,
            to: end,
            references: Vec::new(),
            on_map: false,
        },
        size,
        after,
    })
}

/// The report of `POST requests`. Its idempotency key is the client's
/// `idempotency_key` if it sends one, otherwise the digest of the request's content and the
/// day, so that a client's retry of the same request files it once.
pub(crate) fn new_report(params: &Params, now: DateTime<Utc>) -> Result<NewReport, Open311Error> {
    let category = params.required("service_code")?.to_owned();
    let place = place(params)?;
    let description = params.required("description")?.to_owned();
    let name = [params.get("first_name"), params.get("last_name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let reporter = ReporterDetails {
        name: Some(name).filter(|n| !n.is_empty()),
        email: params.get("email").map(str::to_owned),
        phone: params.get("phone").map(str::to_owned),
        language: None,
    };
    let attributes = params.attributes();
    let key = match params.get("idempotency_key") {
        Some(key) => key.to_owned(),
        None => {
            let content = format!(
                "{category}|{place:?}|{description}|{attributes:?}|{:?}|{:?}|{:?}|{}",
                reporter.name,
                reporter.email,
                reporter.phone,
                Calendar::local_date(now)
            );
            format!(
                "open311:{}",
                hex::encode(Sha256::digest(content.as_bytes()))
            )
        }
    };
    Ok(NewReport {
        category,
        place,
        description,
        attributes,
        reporter,
        join: None,
        photos: Vec::new(),
        idempotency_key: Some(key),
        channel: Channel::App,
    })
}

/// Where: `lat` and `long`, the address's BAG id as `address_id` (or as `address_string`), or
/// the address written out as `address_string`, looked up in the registry.
fn place(params: &Params) -> Result<Place, Open311Error> {
    let coordinate = |field: &'static str| {
        params
            .get(field)
            .map(|v| {
                v.parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(|| Open311Error::invalid(field, "a number (WGS84 degrees)"))
            })
            .transpose()
    };
    match (coordinate("lat")?, coordinate("long")?) {
        (Some(lat), Some(lon)) => return Ok(Place::Point { lat, lon }),
        (Some(_), None) => {
            return Err(Open311Error::Missing {
                field: "long",
                message: "required with lat",
            });
        }
        (None, Some(_)) => {
            return Err(Open311Error::Missing {
                field: "lat",
                message: "required with long",
            });
        }
        (None, None) => {}
    }
    if let Some(id) = params.get("address_id") {
        return Ok(Place::Address(id.to_owned()));
    }
    match params.get("address_string") {
        Some(text) if is_bag_id(text) => Ok(Place::Address(text.to_owned())),
        Some(text) => Ok(Place::Written(text.to_owned())),
        None => Err(Open311Error::Missing {
            field: "lat",
            message: "lat and long, address_id, or address_string are required",
        }),
    }
}

/// Whether `text` is a BAG id (16 digits).
fn is_bag_id(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_answers_are_joined_and_single_answers_kept() {
        let params = Params::parse(
            b"attribute[soort]=glas&attribute[kleur][]=rood&attribute[kleur][]=blauw",
        );
        assert_eq!(
            params.attributes(),
            vec![
                ("kleur".to_owned(), "rood,blauw".to_owned()),
                ("soort".to_owned(), "glas".to_owned()),
            ]
        );
    }

    #[test]
    fn a_place_needs_both_coordinates_or_an_address() {
        assert!(matches!(
            place(&Params::parse(b"lat=52.2")),
            Err(Open311Error::Missing { field: "long", .. })
        ));
        assert!(matches!(
            place(&Params::parse(b"address_string=Markt+1")),
            Ok(Place::Written(text)) if text == "Markt 1"
        ));
        assert!(matches!(
            place(&Params::parse(b"lat=NaN&long=6")),
            Err(Open311Error::Invalid { .. })
        ));
        assert!(matches!(
            place(&Params::parse(b"")),
            Err(Open311Error::Missing { field: "lat", .. })
        ));
    }

    #[test]
    fn without_dates_the_last_90_days_are_listed() {
        let now = Utc::now();
        let q = query(&Params::parse(b"status=open"), now).unwrap();
        assert_eq!(q.filter.from, now.checked_sub_signed(TimeDelta::days(90)));
        assert_eq!(q.filter.open, Some(true));
        assert!(query(&Params::parse(b"status=pending"), now).is_err());
        assert!(query(&Params::parse(b"start_date=gisteren"), now).is_err());
    }
}
