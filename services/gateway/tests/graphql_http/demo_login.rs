//! The public part of a municipality's login and look in `tenant`, and the demo login: demo
//! residents to pick (`tenant.demoPersonas`) and a token for one (`demoLogin`), only where the
//! resident login is a development issuer.

use std::{fs, path::Path};

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, GRAPHQL_RESPONSE_UTF8, Harness};

const PERSONAS: &str = "{ tenant { demoPersonas { id bsn address documentExpiresOn } } }";
const LOGIN: &str = "mutation ($p: ID!) { demoLogin(input: { persona: $p }) { token expiresAt } }";

#[tokio::test]
async fn the_tenant_tells_frontends_how_to_log_in_and_how_to_look() {
    let h = Harness::new().await;
    let reply = h
        .send(
            Call::post(
                "{ tenant { login { residents { issuer clientId scopes demo } } \
                 theme { className stylesheet logo favicon } \
                 notificationSettings { nearMeRadiusMeters nearMeMaxRadiusMeters travelDocumentReminderWeeks } } }",
            )
            .tenant("enschede"),
        )
        .await;
    reply.assert(StatusCode::OK, GRAPHQL_RESPONSE_UTF8);
    let tenant = &reply.data()["tenant"];
    assert_eq!(
        tenant["login"],
        json!({ "residents": { "issuer": "https://dev.loket.local", "clientId": null, "scopes": ["openid"], "demo": true } })
    );
    assert_eq!(
        tenant["theme"]["className"],
        "utrecht-theme loket-theme enschede-theme"
    );
    for (field, path) in [
        ("stylesheet", "/_theme/enschede/theme.css?v="),
        ("logo", "/_theme/enschede/logo.svg?v="),
        ("favicon", "/_theme/enschede/favicon.svg?v="),
    ] {
        let url = tenant["theme"][field].as_str().unwrap();
        assert!(url.starts_with(path), "{field}: {url}");
    }
    assert_eq!(
        tenant["notificationSettings"],
        json!({ "nearMeRadiusMeters": 250, "nearMeMaxRadiusMeters": 2000, "travelDocumentReminderWeeks": [8, 2] })
    );
}

#[tokio::test]
async fn a_demo_persona_logs_in_as_that_resident() {
    let h = Harness::with_demo_residents(20).await;
    let reply = h.send(Call::post(PERSONAS).tenant("enschede")).await;
    let personas = reply.data()["tenant"]["demoPersonas"].clone();
    let personas = personas.as_array().unwrap();
    assert_eq!(personas.len(), 3);
    let first = &personas[0];
    assert!(first["address"].as_str().unwrap().ends_with("Enschede"));
    let login = h
        .send(Call::post_with(LOGIN, &json!({ "p": first["id"] })).tenant("enschede"))
        .await
        .data();
    let token = login["demoLogin"]["token"].as_str().unwrap();
    assert!(login["demoLogin"]["expiresAt"].is_string());
    let me = h
        .send(
            Call::post("{ me { actor person { bsn } cases(first: 5) { totalCount } } }")
                .bearer(token),
        )
        .await
        .data();
    assert_eq!(me["me"]["actor"], "CITIZEN");
    assert_eq!(me["me"]["person"]["bsn"], first["bsn"]);
    assert!(
        me["me"]["cases"]["totalCount"].as_i64().unwrap() > 0,
        "the demo cases are the first persona's"
    );
}

#[tokio::test]
async fn only_the_demo_personas_can_be_logged_in_as() {
    let h = Harness::with_demo_residents(20).await;
    let stranger = loket_kernel::global_id::encode("DemoPersona", "999993653");
    let reply = h
        .send(Call::post_with(LOGIN, &json!({ "p": stranger })).tenant("enschede"))
        .await;
    assert_eq!(reply.code(), "NOT_FOUND");
    let reply = h
        .send(Call::post_with(LOGIN, &json!({ "p": "not-an-id" })).tenant("enschede"))
        .await;
    assert_eq!(reply.code(), "BAD_USER_INPUT");
    assert_eq!(reply.first_error()["extensions"]["field"], "persona");
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn a_municipality_with_a_real_login_has_no_demo_login() {
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants"),
        dir.path(),
    );
    let file = dir.path().join("heemskerk/tenant.toml");
    let text = fs::read_to_string(&file).unwrap().replace(
        "[cors]",
        "[login.residents]\nissuer = \"https://login.heemskerk.example\"\nclient_id = \"mijn-loket\"\n\
         scopes = [\"openid\", \"profile\"]\n\n[cors]",
    );
    fs::write(&file, text).unwrap();
    let h = Harness::with_tenants(dir.path().to_path_buf(), 10).await;

    let tenant = h
        .send(
            Call::post("{ tenant { login { residents { issuer clientId scopes demo } } } }")
                .tenant("heemskerk"),
        )
        .await
        .data();
    assert_eq!(
        tenant["tenant"]["login"]["residents"],
        json!({ "issuer": "https://login.heemskerk.example", "clientId": "mijn-loket", "scopes": ["openid", "profile"], "demo": false })
    );
    let personas = h.send(Call::post(PERSONAS).tenant("heemskerk")).await;
    assert_eq!(personas.code(), "FORBIDDEN");
    // Even with the id of a real resident of Heemskerk, and although Heemskerk still trusts
    // the development issuer for `loket token`.
    let enschede = h.send(Call::post(PERSONAS).tenant("enschede")).await.data();
    let id = enschede["tenant"]["demoPersonas"][0]["id"].clone();
    let refused = h
        .send(Call::post_with(LOGIN, &json!({ "p": id })).tenant("heemskerk"))
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    assert!(refused.json()["data"].is_null());

    // The portal's page for Heemskerk may call its login provider, and nothing else.
    let page = h.send(Call::get("/heemskerk/")).await;
    let policy = page.header("content-security-policy").unwrap();
    assert!(
        policy.contains("connect-src 'self' https://login.heemskerk.example;"),
        "{policy}"
    );
}
