#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

//! The comparison of municipalities through the real binary over HTTP, on SQLite and on
//! PostgreSQL: `serve` computes this month's comparison by itself, `loket benchmark` computes
//! any month, managers of a taking-part municipality read it in GraphQL and as CSV, everyone
//! reads the named values as JSON, and bad periods are refused naming the field.

use std::time::Duration;

use chrono::Datelike;
use loket_kernel::calendar::Calendar;
use loket_store::testing::TestDb;
use loket_tests::{Loket, run, tenants_dir};
use serde_json::Value;

const FIGURES: &str = "period computedAt minimumParticipants figures { kind key caseType \
    own { count total percentage } standing rank participants compared \
    spread { lowerQuartile median upperQuartile } named { municipality name percentage rank } }";

fn this_month() -> String {
    let today = Calendar::local_date(chrono::Utc::now());
    format!("{:04}-{:02}", today.year(), today.month())
}

async fn benchmark(loket: &Loket, role: &str, period: &str) -> Value {
    let query = format!("{{ benchmark(period: \"{period}\") {{ {FIGURES} }} }}");
    let (status, body) = loket.graphql(Some(loket.token(role)), None, &query).await;
    assert_eq!(status, 200, "{body}");
    body
}

/// This month's comparison once the daily run inside `serve` has stored it.
async fn computed(loket: &Loket) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let body = benchmark(loket, "manager", &this_month()).await;
        assert!(body.get("errors").is_none(), "{body}");
        if !body["data"]["benchmark"]["computedAt"].is_null() {
            return body["data"]["benchmark"].clone();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "serve did not compute the comparison within a minute:\n{}",
            loket.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn get(loket: &Loket, path: &str, token: Option<&str>) -> (u16, String) {
    let mut request = loket.client().get(format!("{}{path}", loket.base));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    (response.status().as_u16(), response.text().await.unwrap())
}

fn refusal(body: &str) -> (String, Option<String>) {
    let json: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("JSON: {body}"));
    let extensions = &json["errors"][0]["extensions"];
    (
        extensions["code"].as_str().unwrap().to_owned(),
        extensions["field"].as_str().map(str::to_owned),
    )
}

#[tokio::test]
async fn managers_compare_and_everyone_sees_the_named_values() {
    for db in TestDb::each().await {
        let owner = db.url().to_owned();
        let loket = Loket::start(db).await;
        let view = computed(&loket).await;
        assert_eq!(view["period"], this_month());
        assert_eq!(view["minimumParticipants"], 5);
        let figures = view["figures"].as_array().unwrap();
        let keys: Vec<&str> = figures.iter().map(|f| f["key"].as_str().unwrap()).collect();
        for key in [
            "phone-answer",
            "phone-answer-yardstick",
            "first-contact-resolution",
            "email-answer",
            "callback",
            "case-deadlines/building-permit",
        ] {
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
        for figure in figures {
            // Enschede's own value is there; the spread and the names only where compared.
            assert!(!figure["own"].is_null(), "{figure}");
            let compared = figure["compared"].as_bool().unwrap();
            assert_eq!(figure["spread"].is_null(), !compared, "{figure}");
            assert_eq!(figure["standing"] == "COMPARED", compared, "{figure}");
            for named in figure["named"].as_array().unwrap() {
                let who = named["municipality"].as_str().unwrap();
                assert!(["enschede", "haarlem"].contains(&who), "{named}");
            }
        }

        // `loket benchmark` computes any month, as the owner would run it.
        let (code, out, err) = run(&[
            "benchmark",
            "--period",
            "2026-03",
            "--database",
            &owner,
            "--tenants",
            tenants_dir().to_str().unwrap(),
        ])
        .await;
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("2026-03: 5 taking part"), "{out}");
        let march = benchmark(&loket, "manager", "2026-03").await;
        assert!(
            !march["data"]["benchmark"]["computedAt"].is_null(),
            "{march}"
        );
        let (code, _, err) = run(&["benchmark", "--period", "2026-3", "--database", &owner]).await;
        assert_ne!(code, 0);
        assert!(err.contains("--period"), "{err}");

        // Bad periods and the wrong role.
        for bad in ["2026-13", "26", "2026-03-01", ""] {
            let body = benchmark(&loket, "manager", bad).await;
            assert_eq!(
                body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
                "{body}"
            );
            assert_eq!(body["errors"][0]["extensions"]["field"], "period", "{body}");
        }
        let body = benchmark(&loket, "frontoffice", "2026-03").await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "FORBIDDEN",
            "{body}"
        );

        // The CSV, for managers.
        let (status, csv) = get(
            &loket,
            "/reports/benchmark.csv?period=2026-03",
            Some(loket.token("manager")),
        )
        .await;
        assert_eq!(status, 200, "{csv}");
        assert!(
            csv.starts_with(
                "period,figure,line,municipality,count,total,percentage,rank,participants,status,"
            ),
            "{csv}"
        );
        assert!(
            csv.contains("2026-03,first-contact-resolution,own,"),
            "{csv}"
        );
        let (status, body) = get(&loket, "/reports/benchmark.csv?period=2026-03", None).await;
        assert_eq!(
            (status, refusal(&body).0.as_str()),
            (401, "UNAUTHENTICATED")
        );
        let (status, body) = get(
            &loket,
            "/reports/benchmark.csv?period=maart",
            Some(loket.token("manager")),
        )
        .await;
        assert_eq!(status, 400);
        assert_eq!(
            refusal(&body),
            ("BAD_USER_INPUT".into(), Some("period".into()))
        );
        let (status, body) = get(
            &loket,
            "/reports/benchmark.csv?period=2026-03",
            Some(loket.token("frontoffice")),
        )
        .await;
        assert_eq!((status, refusal(&body).0.as_str()), (403, "FORBIDDEN"));

        // The public ranking: without a token, named values only.
        let (status, body) = get(&loket, "/benchmark/2026-03.json", None).await;
        assert_eq!(status, 200, "{body}");
        let public: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(public["period"], "2026-03");
        for figure in public["figures"].as_array().unwrap() {
            assert!(
                figure.get("own").is_none() && figure.get("spread").is_none(),
                "{figure}"
            );
            for named in figure["named"].as_array().unwrap() {
                let who = named["municipality"].as_str().unwrap();
                assert!(["enschede", "haarlem"].contains(&who), "{named}");
            }
        }
        let (status, body) = get(&loket, "/benchmark/2026-13.json", None).await;
        assert_eq!(status, 400);
        assert_eq!(
            refusal(&body),
            ("BAD_USER_INPUT".into(), Some("period".into()))
        );
        let (status, _) = get(&loket, "/benchmark/2026-03.xml", None).await;
        assert_eq!(status, 404);
        assert_eq!(loket.terminate().await, Some(0));
    }
}
