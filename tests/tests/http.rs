//! `me` and `tenant` over real HTTP against the real binary, on SQLite and on PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use loket_store::testing::TestDb;
use loket_tests::{Loket, run, tenants_dir};
use serde_json::Value;

async fn me_and_tenant(loket: &Loket) {
    let (status, body) = loket
        .graphql(
            Some(loket.token("frontoffice")),
            None,
            "{ me { actor roles tenant { slug name municipalityCode } capabilities { object action } \
               can(object: \"case/*/outcome\", action: READ) } }",
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let me = &body["data"]["me"];
    assert_eq!(me["actor"], "EMPLOYEE");
    assert_eq!(me["roles"], serde_json::json!(["frontoffice"]));
    assert_eq!(me["tenant"]["slug"], "enschede");
    assert_eq!(me["tenant"]["municipalityCode"], "0153");
    assert_eq!(me["can"], true, "enschede's front office reads outcomes");
    let caps = me["capabilities"].as_array().unwrap();
    assert!(
        caps.iter()
            .any(|c| c["object"] == "case/*/status" && c["action"] == "READ")
    );
    assert!(
        !caps
            .iter()
            .any(|c| c["action"] == "DECIDE" && c["object"].as_str().unwrap().starts_with("case/")),
        "front office never decides"
    );

    let (status, body) = loket
        .graphql(
            None,
            Some("haarlem"),
            "{ tenant { slug name municipalityCode languages channels { kind contact openingHours { text } } \
               serviceNorms { phoneAnswerSeconds phoneAnswerPercentage emailAnswerWorkingDays } } me { actor } }",
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let tenant = &body["data"]["tenant"];
    assert_eq!(tenant["name"], "Gemeente Haarlem");
    assert_eq!(tenant["municipalityCode"], "0392");
    assert_eq!(tenant["serviceNorms"]["phoneAnswerSeconds"], 15);
    assert_eq!(body["data"]["me"]["actor"], "ANONYMOUS");
    let phone = &tenant["channels"][0];
    assert_eq!(phone["kind"], "phone");
    assert!(
        phone["openingHours"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("mon-fri")
    );

    // A citizen and a broken token.
    let (_, body) = loket
        .graphql(Some(loket.token("citizen")), None, "{ me { actor roles } }")
        .await;
    assert_eq!(body["data"]["me"]["actor"], "CITIZEN");
    let (status, body) = loket
        .graphql(Some("not-a-token"), None, "{ me { actor } }")
        .await;
    assert_eq!(status, 401);
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
}

#[tokio::test]
async fn me_and_tenant_on_sqlite() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    me_and_tenant(&loket).await;
}

#[tokio::test]
async fn me_and_tenant_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    let loket = Loket::start(db).await;
    me_and_tenant(&loket).await;
    let ready: Value = loket
        .client()
        .get(format!("{}/readyz", loket.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready["status"], "ready");
}

#[tokio::test]
async fn sigterm_lets_the_server_stop_cleanly() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let (status, _) = loket
        .graphql(None, Some("enschede"), "{ __typename }")
        .await;
    assert_eq!(status, 200);
    assert_eq!(loket.terminate().await, Some(0));
}

#[tokio::test]
async fn logs_are_json_lines_with_request_id_and_tenant() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let response = loket
        .client()
        .post(format!("{}/graphql", loket.base))
        .header("x-request-id", "trace-me-42")
        .bearer_auth("broken")
        .json(&serde_json::json!({ "query": "{ me { actor } }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "trace-me-42");
    let (status, _) = loket
        .graphql(Some(loket.token("admin")), None, "{ me { roles } }")
        .await;
    assert_eq!(status, 200);
    // Give the writer a moment, then read the log.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let log = loket.log();
    let lines: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .collect();
    let refused = lines
        .iter()
        .find(|l| l["fields"]["message"] == "credentials refused")
        .expect("refusal logged");
    assert_eq!(refused["span"]["request_id"], "trace-me-42");
    assert!(!log.contains("broken"), "the token is never logged");
    let with_tenant = lines
        .iter()
        .any(|l| l["span"]["tenant"] == "enschede" || l["spans"].to_string().contains("enschede"));
    assert!(with_tenant, "request lines carry the tenant:\n{log}");
}

#[tokio::test]
async fn token_command_signs_for_dev_issuers_only() {
    let dir = tenants_dir();
    let dir = dir.to_str().unwrap();
    let (code, token, _) = run(&[
        "token",
        "--tenant",
        "haarlem",
        "--role",
        "backoffice",
        "--tenants",
        dir,
    ])
    .await;
    assert_eq!(code, 0);
    assert_eq!(
        token.trim().split('.').count(),
        3,
        "prints only the token: {token}"
    );

    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let (_, body) = loket
        .graphql(Some(token.trim()), None, "{ me { roles tenant { slug } } }")
        .await;
    assert_eq!(body["data"]["me"]["tenant"]["slug"], "haarlem");

    let (code, _, err) = run(&[
        "token",
        "--tenant",
        "haarlem",
        "--role",
        "citizen",
        "--tenants",
        dir,
    ])
    .await;
    assert_ne!(code, 0);
    assert!(err.contains("--bsn"), "{err}");

    // A tenant that trusts only its own identity provider gets no dev tokens.
    let temp = loket_tests::tenants_copy();
    let toml = temp.path().join("heemskerk/tenant.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let start = text
        .find("[[issuers]]\nissuer = \"https://dev.loket.local\"")
        .unwrap();
    let end = start + text[start..].find("dev = true\n").unwrap() + "dev = true\n".len();
    std::fs::write(&toml, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let temp_dir = temp.path().to_str().unwrap();
    let (code, _, err) = run(&[
        "token",
        "--tenant",
        "heemskerk",
        "--role",
        "admin",
        "--tenants",
        temp_dir,
    ])
    .await;
    assert_ne!(code, 0);
    assert!(err.contains("no dev issuer"), "{err}");
}

#[tokio::test]
async fn check_wants_every_message_in_every_listed_language() {
    let temp = loket_tests::tenants_copy();
    let texts = temp.path().join("enschede/notifications.toml");
    let german = std::fs::read_to_string(&texts).unwrap();
    let tenants = temp.path().to_str().unwrap();

    // Enschede lists German; without its German texts a resident could pick a language
    // whose messages do not exist.
    std::fs::remove_file(&texts).unwrap();
    let (code, _, err) = run(&["check", "--tenants", tenants]).await;
    assert_eq!(code, 1);
    let line = std::fs::read_to_string(temp.path().join("enschede/tenant.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("languages"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "enschede/tenant.toml:{line}: languages lists \"de\""
        )),
        "{err}"
    );
    assert!(
        err.contains("case.created, case.status_changed, case.decided"),
        "{err}"
    );

    // One German message missing: only that one is named.
    let start = german.find("[de.\"near-me.decided\"]").unwrap();
    let end = german.find("[de.\"reminder.travel-document\"]").unwrap();
    std::fs::write(&texts, format!("{}{}", &german[..start], &german[end..])).unwrap();
    let (code, _, err) = run(&["check", "--tenants", tenants]).await;
    assert_eq!(code, 1);
    assert!(
        err.contains("no \"de\" notification texts for near-me.decided;"),
        "{err}"
    );
}

#[tokio::test]
async fn check_names_file_line_and_problem() {
    let (code, out, _) = run(&["check", "--tenants", tenants_dir().to_str().unwrap()]).await;
    assert_eq!(code, 0);
    assert!(out.contains("6 tenants"), "{out}");

    let temp = loket_tests::tenants_copy();
    let policy = temp.path().join("enschede/policy.csv");
    let mut text = std::fs::read_to_string(&policy).unwrap();
    text.push_str("p, frontoffice, enschede, case/*/outcome, read\n");
    std::fs::write(&policy, &text).unwrap();
    let (code, _, err) = run(&["check", "--tenants", temp.path().to_str().unwrap()]).await;
    assert_eq!(code, 1);
    let line = text.lines().count();
    assert!(
        err.contains(&format!(
            "enschede/policy.csv:{line}: a p line has 6 fields"
        )),
        "{err}"
    );
}
