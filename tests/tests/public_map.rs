//! The public map feed (`GET /map/{tenant}/reports.geojson`) over real HTTP against the
//! real binary, on SQLite and on PostgreSQL: only open reports in categories on the map (not
//! ended ones, nor those of categories kept off it), no
//! reporter's text, coarsened positions, and paging that visits every report once.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::collections::HashMap;

use loket_store::testing::TestDb;
use loket_tests::{
    Loket,
    reports::{close_report, file_report, place},
};
use serde_json::Value;

/// Words no public answer may hold.
const SECRET: &str = "Achter de schutting van nummer 7 woont mevrouw Jansen";

/// GETs `path`; returns status, headers and the body as text.
async fn get(loket: &Loket, path: &str) -> (u16, reqwest::header::HeaderMap, String) {
    let response = loket
        .client()
        .get(format!("{}{path}", loket.base))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

/// Metres between two points (equirectangular; exact enough within a town).
fn metres((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let x = (lon2 - lon1).to_radians() * ((lat1 + lat2) / 2.0).to_radians().cos();
    let y = (lat2 - lat1).to_radians();
    (x * x + y * y).sqrt() * 6_371_000.0
}

async fn the_feed_shows_open_reports_on_the_map(loket: Loket) {
    let mut filed = HashMap::new();
    for n in 0..5 {
        let at = place(n);
        let reference = file_report(&loket, "enschede", "zwerfafval", at, SECRET).await;
        filed.insert(reference, at);
    }
    let hidden = file_report(&loket, "enschede", "ongedierte", place(6), SECRET).await;
    let ended = file_report(&loket, "enschede", "zwerfafval", place(7), SECRET).await;
    close_report(&loket, &ended).await;

    // Two at a time, following `next`, until there is none.
    let mut seen: Vec<String> = Vec::new();
    let mut path = Some("/map/enschede/reports.geojson?limit=2".to_owned());
    let mut pages = 0;
    while let Some(current) = path.take() {
        let (status, headers, text) = get(&loket, &current).await;
        assert_eq!(status, 200, "{text}");
        assert_eq!(headers["content-type"], "application/geo+json");
        assert!(
            !text.contains(SECRET),
            "the reporter's words leaked: {text}"
        );
        assert!(!text.contains("melder@example.org"), "an address leaked");
        let body: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["type"], "FeatureCollection");
        let features = body["features"].as_array().unwrap();
        assert!(features.len() <= 2);
        for feature in features {
            let properties = feature["properties"].as_object().unwrap();
            let mut keys: Vec<&str> = properties.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                ["category", "categoryName", "filed", "reference", "status"]
            );
            let reference = properties["reference"].as_str().unwrap().to_owned();
            if let Some(exact) = filed.get(&reference) {
                let coordinates = feature["geometry"]["coordinates"].as_array().unwrap();
                let shown = (
                    coordinates[1].as_f64().unwrap(),
                    coordinates[0].as_f64().unwrap(),
                );
                assert_eq!(feature["geometry"]["type"], "Point");
                assert_ne!(shown, *exact, "the exact position is never shown");
                assert!(metres(shown, *exact) < 40.0, "{shown:?} vs {exact:?}");
                assert_eq!(properties["category"], "zwerfafval");
                assert_eq!(properties["categoryName"], "Zwerfafval");
                assert_eq!(properties["status"], "Gemeld");
            }
            seen.push(reference);
        }
        path = body["next"].as_str().map(str::to_owned);
        match &path {
            Some(next) => assert_eq!(headers["link"], format!("<{next}>; rel=\"next\"")),
            None => assert!(!headers.contains_key("link")),
        }
        pages += 1;
        assert!(pages < 100, "paging does not end");
    }
    for reference in filed.keys() {
        assert_eq!(
            seen.iter().filter(|s| *s == reference).count(),
            1,
            "{reference} once in {seen:?}"
        );
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no report twice: {seen:?}");
    assert!(
        !seen.contains(&hidden),
        "a category off the map stays off it"
    );

    // Refusals: a stable code, and the parameter named.
    let (status, _, text) = get(&loket, "/map/atlantis/reports.geojson").await;
    assert_eq!(status, 404);
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND");
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("limit=veel", "limit"),
        ("after=gisteren", "after"),
    ] {
        let (status, _, text) =
            get(&loket, &format!("/map/enschede/reports.geojson?{query}")).await;
        assert_eq!(status, 400, "{query}: {text}");
        let body: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{query}");
    }
    let (status, _, _) = get(&loket, "/map/enschede/reports.json").await;
    assert_eq!(status, 404);

    // A map on any web page may read the feed; the API stays with the tenants' own origins.
    let from = |path: &str| {
        loket
            .client()
            .get(format!("{}{path}", loket.base))
            .header("origin", "https://kaart.example.net")
            .send()
    };
    let feed = from("/map/enschede/reports.geojson").await.unwrap();
    assert_eq!(
        feed.headers()["access-control-allow-origin"],
        "https://kaart.example.net"
    );
    let api = from("/graphql?query=%7B__typename%7D").await.unwrap();
    assert!(api.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn the_feed_shows_open_reports_on_the_map_on_sqlite() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    the_feed_shows_open_reports_on_the_map(loket).await;
}

#[tokio::test]
async fn the_feed_shows_open_reports_on_the_map_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    let loket = Loket::start(db).await;
    the_feed_shows_open_reports_on_the_map(loket).await;
}
