//! The public part of a municipality's login and look in `tenant`, and the demo login: demo
//! residents (`tenant.demoPersonas`) or staff roles (`tenant.demoStaff`) to pick and a token
//! for one (`demoLogin`), only where the resident or staff login is a development issuer.

use std::{fs, path::Path};

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{Call, GRAPHQL_RESPONSE_UTF8, Harness};

const PERSONAS: &str = "{ tenant { demoPersonas { id bsn address documentExpiresOn } } }";
const LOGIN: &str = "mutation ($p: ID!) { demoLogin(input: { persona: $p }) { token expiresAt } }";
const STAFF: &str =
    "{ tenant { login { staff { issuer clientId scopes demo } } demoStaff { id role } } }";

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

#[tokio::test]
async fn the_staff_login_offers_the_policy_s_staff_roles() {
    let h = Harness::new().await;
    let tenant = h.send(Call::post(STAFF).tenant("enschede")).await.data()["tenant"].clone();
    assert_eq!(
        tenant["login"]["staff"],
        json!({ "issuer": "https://dev.loket.local", "clientId": null, "scopes": ["openid"], "demo": true })
    );
    let roles: Vec<&str> = tenant["demoStaff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    // The built-in staff roles and Enschede's own, sorted; not residents, apps or anonymous.
    assert_eq!(
        roles,
        [
            "admin",
            "backoffice",
            "backoffice-belastingen",
            "frontoffice",
            "kcc-senior",
            "manager",
        ]
    );
    let haarlem = h.send(Call::post(STAFF).tenant("haarlem")).await.data();
    let roles = haarlem["tenant"]["demoStaff"].as_array().unwrap();
    assert!(roles.iter().all(|r| r["role"] != "kcc-senior"), "{roles:?}");
}

#[tokio::test]
async fn a_demo_staff_role_logs_in_as_an_employee_with_that_role() {
    let h = Harness::new().await;
    let listed = h.send(Call::post(STAFF).tenant("enschede")).await.data();
    for staff in listed["tenant"]["demoStaff"].as_array().unwrap() {
        let role = staff["role"].as_str().unwrap();
        let login = h
            .send(Call::post_with(LOGIN, &json!({ "p": staff["id"] })).tenant("enschede"))
            .await
            .data();
        let token = login["demoLogin"]["token"].as_str().unwrap();
        assert!(login["demoLogin"]["expiresAt"].is_string());
        let me = h
            .send(Call::post("{ me { actor subject roles tenant { slug } } }").bearer(token))
            .await
            .data();
        assert_eq!(
            me["me"],
            json!({
                "actor": "EMPLOYEE",
                "subject": format!("demo-{role}-enschede"),
                "roles": [role],
                "tenant": { "slug": "enschede" },
            })
        );
    }
}

#[tokio::test]
async fn only_the_policy_s_staff_roles_can_be_logged_in_as() {
    let h = Harness::new().await;
    for (tenant, role) in [
        ("enschede", "citizen"),
        ("enschede", "app"),
        ("enschede", "anonymous"),
        ("enschede", "nobody"),
        // Enschede's own role is not Haarlem's.
        ("haarlem", "kcc-senior"),
    ] {
        let id = loket_kernel::global_id::encode("DemoStaffRole", role);
        let reply = h
            .send(Call::post_with(LOGIN, &json!({ "p": id })).tenant(tenant))
            .await;
        assert_eq!(reply.code(), "NOT_FOUND", "{tenant} {role}");
        assert!(reply.json()["data"].is_null());
    }
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

#[tokio::test]
async fn a_municipality_with_a_real_staff_login_has_no_demo_staff() {
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants"),
        dir.path(),
    );
    let file = dir.path().join("heemskerk/tenant.toml");
    let text = fs::read_to_string(&file).unwrap().replace(
        "[cors]",
        "[login.staff]\nissuer = \"https://login.heemskerk.example\"\nclient_id = \"loket-console\"\n\n[cors]",
    );
    fs::write(&file, text).unwrap();
    let h = Harness::with_tenants(dir.path().to_path_buf(), 10).await;

    let login = h
        .send(
            Call::post(
                "{ tenant { login { residents { demo } staff { issuer clientId scopes demo } } } }",
            )
            .tenant("heemskerk"),
        )
        .await
        .data();
    assert_eq!(
        login["tenant"]["login"],
        json!({
            "residents": { "demo": true },
            "staff": { "issuer": "https://login.heemskerk.example", "clientId": "loket-console", "scopes": ["openid"], "demo": false },
        })
    );
    let listed = h.send(Call::post(STAFF).tenant("heemskerk")).await;
    assert_eq!(listed.code(), "FORBIDDEN");
    // Not even a role its policy names, although Heemskerk still trusts the development
    // issuer (its residents keep the demo login).
    let id = loket_kernel::global_id::encode("DemoStaffRole", "frontoffice");
    let refused = h
        .send(Call::post_with(LOGIN, &json!({ "p": id })).tenant("heemskerk"))
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    assert!(refused.json()["data"].is_null());
    let personas = h
        .send(Call::post(PERSONAS).tenant("heemskerk"))
        .await
        .data();
    assert!(
        !personas["tenant"]["demoPersonas"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // The console, served by the same pages, may call the staff login provider.
    let page = h.send(Call::get("/heemskerk/medewerker")).await;
    let policy = page.header("content-security-policy").unwrap();
    assert!(
        policy.contains("connect-src 'self' https://login.heemskerk.example;"),
        "{policy}"
    );
}
