//! The registries through the real binary: `serve` fills a fresh database with demo residents,
//! and demo citizen tokens belong to one of them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use loket_store::testing::TestDb;
use loket_tests::{Loket, run, tenants_dir};

#[tokio::test]
async fn serve_seeds_demo_residents_and_a_citizen_sees_their_own_record() {
    let db = TestDb::sqlite_empty().await;
    let url = db.url().to_owned();
    let loket = Loket::start(db).await;
    let (status, body) = loket
        .graphql(
            Some(loket.token("citizen")),
            None,
            "{ me { person { bsn name { fullName } address { municipalityCode } } } \
               valuationReport { object { value } history { value } comparables { value distanceMeters } } }",
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let person = &body["data"]["me"]["person"];
    assert_eq!(person["address"]["municipalityCode"], "0153");
    assert!(person["name"]["fullName"].as_str().unwrap().contains(' '));
    let report = &body["data"]["valuationReport"];
    assert_eq!(report["history"].as_array().unwrap().len(), 5);
    let value = report["object"]["value"].as_i64().unwrap();
    for c in report["comparables"].as_array().unwrap() {
        let v = c["value"].as_i64().unwrap();
        assert!(
            (v - value).abs() * 10 <= value,
            "{v} within 10 % of {value}"
        );
    }

    // 200 residents per demo municipality; the front office finds its own.
    let bsn = person["bsn"].as_str().unwrap();
    let (_, body) = loket
        .graphql(
            Some(loket.token("frontoffice")),
            None,
            &format!("{{ person(bsn: \"{bsn}\") {{ name {{ surname }} }} }}"),
        )
        .await;
    assert!(
        body["data"]["person"]["name"]["surname"].is_string(),
        "{body}"
    );

    // `loket token` without --bsn picks a demo resident of that tenant from the database.
    let (code, token, err) = run(&[
        "token",
        "--tenant",
        "haarlem",
        "--role",
        "citizen",
        "--tenants",
        tenants_dir().to_str().unwrap(),
        "--database",
        &url,
    ])
    .await;
    assert_eq!(code, 0, "{err}");
    let (_, body) = loket
        .graphql(
            Some(token.trim()),
            None,
            "{ me { person { address { city } } } }",
        )
        .await;
    assert_eq!(
        body["data"]["me"]["person"]["address"]["city"], "Haarlem",
        "{body}"
    );
}
