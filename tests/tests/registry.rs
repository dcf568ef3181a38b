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

#[tokio::test]
async fn seed_gives_a_tenant_beyond_the_demo_municipalities_residents_of_its_own() {
    let (folder, slugs) = loket_tests::bench::tenants_folder(7);
    assert!(slugs.iter().any(|s| s == "gemeente-01"), "{slugs:?}");
    let dir = folder.path().to_str().unwrap();
    let db = TestDb::sqlite_empty().await;
    let url = db.url().to_owned();
    let seed = [
        "seed",
        "--persons",
        "30",
        "--tenants",
        dir,
        "--database",
        &url,
    ];
    let (code, out, err) = run(&[&seed[..], &["--tenant", "gemeente-01"]].concat()).await;
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("gemeente-01: 30 residents"), "{out}");
    assert!(!out.contains("enschede"), "only the chosen tenant: {out}");

    // Again: the tenant has residents, so it is skipped; the others are seeded now.
    let (code, out, err) = run(&seed).await;
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("gemeente-01: skipped"), "{out}");
    assert!(out.contains("enschede: 30 residents"), "{out}");

    let (code, _, err) = run(&[&seed[..], &["--tenant", "nergenshuizen"]].concat()).await;
    assert_ne!(code, 0);
    assert!(err.contains("--tenant: no tenant nergenshuizen"), "{err}");

    // A resident of the generated municipality, living in it.
    let env = [("LOKET_DEMO_RESIDENTS", "0")];
    let loket = Loket::start_with(db, folder.path(), &env).await;
    let token = ["token", "--tenant", "gemeente-01", "--role", "citizen"];
    let (code, token, err) =
        run(&[&token[..], &["--tenants", dir, "--database", &url]].concat()).await;
    assert_eq!(code, 0, "{err}");
    let query = "{ me { person { address { municipalityCode city postcode } } } }";
    let (status, body) = loket.graphql(Some(token.trim()), None, query).await;
    assert_eq!(status, 200, "{body}");
    let address = &body["data"]["me"]["person"]["address"];
    assert_eq!(address["municipalityCode"], "9001", "{body}");
    assert_eq!(address["city"], "01", "{body}");
    let postcode: u32 = address["postcode"].as_str().unwrap()[..4].parse().unwrap();
    assert!((4000..7000).contains(&postcode), "{body}");
}
