//! Reports about public space in the service report, on a tenant's own changes to the national
//! categories: per category, the reports handled within their deadline, compared with the
//! same period a year before, in the API and in the CSV. Enschede's `report_categories.toml`
//! disables one category and gives street lighting three calendar days.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use loket_kernel::calendar::Calendar;
use loket_store::testing::TestDb;
use loket_tests::{
    Loket,
    reports::{close_report, gql, place},
    sql, tenants_copy,
};
use serde_json::{Value, json};

/// Enschede's changes to the national template.
const ENSCHEDE_CATEGORIES: &str = r#"disabled = ["ongedierte"]

[[override]]
code = "straatverlichting"
handling_days = 3
working_days = false
"#;

const FIGURES: &str = "caseDeadlines { caseType name handlingDays workingDays reportGroup \
    compliance { count total } }";

/// Sets what the clock and the back office would have: when report `reference` closed, and
/// its deadline.
async fn set_closed(url: &str, reference: &str, closed_at: DateTime<Utc>, deadline: NaiveDate) {
    let changed = sql::execute(
        url,
        "enschede",
        "UPDATE cases SET closed_at = $1, deadline = $2 WHERE tenant_id = 'enschede' \
         AND reference = $3",
        vec![closed_at.into(), deadline.into(), reference.into()],
    )
    .await;
    assert_eq!(changed, 1, "{reference}");
}

/// Files a street-lighting report at `at`; its reference and expected date.
async fn street_light(loket: &Loket, at: (f64, f64)) -> (String, NaiveDate) {
    let filed = gql(
        loket,
        None,
        "mutation ($lat: Float!, $lon: Float!) { fileReport(input: { category: \"straatverlichting\", \
         location: { lat: $lat, lon: $lon }, description: \"De lamp brandt niet.\", \
         reporter: { email: \"melder@example.org\" } }) { report { reference expectedBy } } }",
        json!({ "lat": at.0, "lon": at.1 }),
    )
    .await;
    let report = &filed["fileReport"]["report"];
    (
        report["reference"].as_str().unwrap().to_owned(),
        report["expectedBy"].as_str().unwrap().parse().unwrap(),
    )
}

fn row<'a>(figures: &'a Value, case_type: &str) -> &'a Value {
    figures["caseDeadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["caseType"] == case_type)
        .unwrap_or_else(|| panic!("no {case_type} in {figures}"))
}

async fn reports_in_the_service_report(db: TestDb) {
    let url = db.url().to_owned();
    let tenants = tenants_copy();
    std::fs::write(
        tenants.path().join("enschede/report_categories.toml"),
        ENSCHEDE_CATEGORIES,
    )
    .unwrap();
    let loket = Loket::start_with(db, tenants.path(), &[]).await;

    // The disabled category is not offered in Enschede; Haarlem keeps the template.
    let codes = |data: Value| -> Vec<String> {
        data["reportCategories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let enschede = codes(gql(&loket, None, "{ reportCategories { code } }", json!({})).await);
    assert!(
        enschede.contains(&"straatverlichting".to_owned()),
        "{enschede:?}"
    );
    assert!(!enschede.contains(&"ongedierte".to_owned()), "{enschede:?}");
    let (status, body) = loket
        .graphql(None, Some("haarlem"), "{ reportCategories { code } }")
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(codes(body["data"].clone()).contains(&"ongedierte".to_owned()));

    // Three calendar days, weekend or not.
    let today = Calendar::today();
    let (on_time, expected) = street_light(&loket, place(0)).await;
    assert_eq!(expected, today + Days::new(3));
    let (late, _) = street_light(&loket, place(1)).await;
    let (last_year, _) = street_light(&loket, place(2)).await;
    for reference in [&on_time, &late, &last_year] {
        close_report(&loket, reference).await;
    }
    // Closed today: one by its deadline, one a day after it; the third closed on time in the
    // same week a year ago.
    let now = Utc::now();
    set_closed(&url, &late, now, today - Days::new(1)).await;
    let a_year_ago = now.checked_sub_months(Months::new(12)).unwrap();
    set_closed(
        &url,
        &last_year,
        a_year_ago,
        Calendar::local_date(a_year_ago),
    )
    .await;

    let manager = loket.token("manager");
    let query = format!(
        "{{ serviceReport(period: {{ from: \"{from}\", to: \"{today}\" }}) {{ \
         comparedWith {{ from to }} current {{ {FIGURES} }} previous {{ {FIGURES} }} \
         changes {{ caseDeadlines {{ caseType closed points }} }} }} }}",
        from = today - Days::new(6),
    );
    let report = gql(&loket, Some(manager), &query, json!({})).await["serviceReport"].clone();
    let now = row(&report["current"], "straatverlichting");
    assert_eq!(
        now["reportGroup"], "Wegen, verkeer en straatmeubilair",
        "{now}"
    );
    assert_eq!(
        (&now["handlingDays"], &now["workingDays"]),
        (&json!(3), &json!(false))
    );
    assert_eq!(
        now["compliance"],
        json!({ "count": 1, "total": 2 }),
        "{now}"
    );
    let compared = &report["comparedWith"];
    let year_back = |d: NaiveDate| d.checked_sub_months(Months::new(12)).unwrap().to_string();
    assert_eq!(compared["to"], year_back(today), "{compared}");
    let then = row(&report["previous"], "straatverlichting");
    assert_eq!(
        then["compliance"],
        json!({ "count": 1, "total": 1 }),
        "{then}"
    );
    let change = report["changes"]["caseDeadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["caseType"] == "straatverlichting")
        .unwrap();
    assert_eq!(change["closed"], 1, "{change}");
    assert_eq!(change["points"].as_f64(), Some(-50.0), "{change}");
    // Applications are no report category.
    for d in report["current"]["caseDeadlines"].as_array().unwrap() {
        let report_category = enschede.contains(&d["caseType"].as_str().unwrap().to_owned());
        assert_eq!(d["reportGroup"].is_string(), report_category, "{d}");
    }

    // The CSV puts the category's lines under report-deadline.
    let csv = loket
        .client()
        .get(format!(
            "{}/reports/service.csv?from={}&to={today}",
            loket.base,
            today - Days::new(6)
        ))
        .bearer_auth(manager)
        .send()
        .await
        .unwrap();
    assert!(csv.status().is_success());
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("straatverlichting"))
        .collect();
    assert!(!lines.is_empty(), "{csv}");
    assert!(
        lines.iter().all(|l| l.starts_with("report-deadline,")),
        "{lines:?}"
    );
}

#[tokio::test]
async fn reports_in_the_service_report_on_sqlite() {
    reports_in_the_service_report(TestDb::sqlite_empty().await).await;
}

#[tokio::test]
async fn reports_in_the_service_report_on_postgres() {
    if let Some(db) = TestDb::postgres_empty().await {
        reports_in_the_service_report(db).await;
    }
}
