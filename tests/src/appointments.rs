//! Finding free times at Enschede's Stadskantoor, as an anonymous resident does: what the
//! appointment tests book.

use chrono::{Duration, Utc};
use loket_kernel::calendar::Calendar;
use serde_json::Value;

use crate::Loket;

/// `products` as a GraphQL list of strings.
pub fn list(products: &[&str]) -> String {
    let quoted: Vec<String> = products.iter().map(|p| format!("{p:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

/// Runs `query` anonymously for Enschede; its data, which must come without errors.
async fn anonymous(loket: &Loket, query: &str) -> Value {
    let (status, body) = loket.graphql(None, Some("enschede"), query).await;
    assert_eq!(status, 200, "{query}: {body}");
    assert!(body.get("errors").is_none(), "{query}: {body}");
    body["data"].clone()
}

/// The days with room for `products` and `persons` at the Stadskantoor in the coming 30
/// days.
pub async fn days(loket: &Loket, products: &[&str], persons: u32) -> Vec<String> {
    let today = Calendar::local_date(Utc::now());
    let to = today + Duration::days(30);
    let data = anonymous(
        loket,
        &format!(
            "{{ availableDays(products: {}, persons: {persons}, location: \"stadskantoor\", \
             from: \"{today}\", to: \"{to}\") }}",
            list(products)
        ),
    )
    .await;
    data["availableDays"]
        .as_array()
        .unwrap_or_else(|| panic!("a list, not {data}"))
        .iter()
        .map(|d| {
            d.as_str()
                .unwrap_or_else(|| panic!("a day, not {d}"))
                .to_owned()
        })
        .collect()
}

/// The free times on `day` as (start, end).
pub async fn times(
    loket: &Loket,
    products: &[&str],
    persons: u32,
    day: &str,
) -> Vec<(String, String)> {
    let data = anonymous(
        loket,
        &format!(
            "{{ availableTimes(products: {}, persons: {persons}, location: \"stadskantoor\", \
             day: \"{day}\") {{ start end }} }}",
            list(products)
        ),
    )
    .await;
    let text = |v: &Value| {
        v.as_str()
            .unwrap_or_else(|| panic!("a time, not {v}"))
            .to_owned()
    };
    data["availableTimes"]
        .as_array()
        .unwrap_or_else(|| panic!("a list, not {data}"))
        .iter()
        .map(|t| (text(&t["start"]), text(&t["end"])))
        .collect()
}
