//! Notifications end to end: residents and an app subscribe over GraphQL, case changes go
//! out through a real SMTP receiver, a real SMS gateway and a signed webhook, a receiver that
//! is down gets retries and then a dead letter that an admin re-drives, and unsubscribing
//! stops the messages. Both engines.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::time::Duration;

use hmac::{Hmac, Mac};
use loket_store::testing::TestDb;
use loket_tests::{
    Loket, eventually,
    receivers::{HttpReceiver, SmtpReceiver},
};
use serde_json::Value;
use sha2::Sha256;

async fn gql(loket: &Loket, token: &str, query: &str) -> Value {
    let (status, body) = loket.graphql(Some(token), None, query).await;
    assert_eq!(status, 200, "{query}: {body}");
    body
}

fn data(body: &Value) -> &Value {
    assert!(body.get("errors").is_none(), "unexpected errors: {body}");
    &body["data"]
}

/// The demo tenants, with Enschede's SMS gateway pointing at `gateway`.
fn tenants_with_gateway(gateway: &str) -> tempfile::TempDir {
    let dir = loket_tests::tenants_copy();
    let file = dir.path().join("enschede/tenant.toml");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(&format!(
        "\n[notifications.sms_gateway]\nurl = \"{gateway}\"\n"
    ));
    std::fs::write(file, text).unwrap();
    dir
}

/// HMAC-SHA256 over "<timestamp>.<body>" with the RustCrypto crates, independent of the
/// implementation that signs.
fn verifies(secret: &str, timestamp: &str, body: &str, signature: &str) -> bool {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    let Some(hex_part) = signature.strip_prefix("v1=") else {
        return false;
    };
    let Ok(given) = hex::decode(hex_part) else {
        return false;
    };
    mac.verify_slice(&given).is_ok()
}

async fn subscribe(loket: &Loket, token: &str, input: &str) -> Value {
    let body = gql(
        loket,
        token,
        &format!(
            "mutation {{ subscribe(input: {{ {input} }}) {{ secret subscription {{ id topic \
             channel address language }} }} }}"
        ),
    )
    .await;
    data(&body)["subscribe"].clone()
}

async fn submit(loket: &Loket, citizen: &str) -> (String, String) {
    submit_products(loket, citizen, "gehandicaptenparkeerkaart").await
}

async fn submit_products(loket: &Loket, citizen: &str, product: &str) -> (String, String) {
    let body = gql(
        loket,
        citizen,
        &format!(
            "mutation {{ submitRequest(input: {{ products: [\"{product}\"] }}) \
             {{ cases {{ id reference }} }} }}"
        ),
    )
    .await;
    let case = &data(&body)["submitRequest"]["cases"][0];
    (
        case["id"].as_str().unwrap().to_owned(),
        case["reference"].as_str().unwrap().to_owned(),
    )
}

/// Moves the case on as the back office; returns its new version.
async fn set_status(loket: &Loket, case: &str, version: u64, status: &str) -> u64 {
    let body = gql(
        loket,
        loket.token("backoffice"),
        &format!(
            "mutation {{ setCaseStatus(input: {{ caseId: \"{case}\", status: \"{status}\", \
             expectedVersion: {version} }}) {{ case {{ version status {{ code }} }} }} }}"
        ),
    )
    .await;
    let case = &data(&body)["setCaseStatus"]["case"];
    assert_eq!(case["status"]["code"], status);
    case["version"].as_u64().unwrap()
}

#[tokio::test]
async fn residents_and_apps_are_kept_informed_through_real_senders() {
    let mut engines = vec![TestDb::sqlite_empty().await];
    engines.extend(TestDb::postgres_empty().await);
    for db in engines {
        flow(db).await;
    }
}

async fn flow(db: TestDb) {
    let engine = format!("{:?}", db.backend());
    let smtp = SmtpReceiver::start().await;
    let gateway = HttpReceiver::start().await;
    let hooks = HttpReceiver::start().await;
    let tenants = tenants_with_gateway(&gateway.url("/sms"));
    let smtp_url = smtp.url();
    let loket = Loket::start_with(
        db,
        tenants.path(),
        &[
            ("LOKET_SMTP_URL", smtp_url.as_str()),
            ("LOKET_INSECURE_WEBHOOKS", "true"),
            ("LOKET_DISPATCH_IDLE_MS", "100"),
            ("LOKET_DISPATCH_BACKOFF_MS", "200"),
            ("LOKET_DISPATCH_MAX_ATTEMPTS", "3"),
        ],
    )
    .await;
    let citizen = loket.token("citizen").to_owned();
    let app = loket.token("app").to_owned();

    // Subscriptions: e-mail and SMS for the resident's own cases, a filtered webhook.
    let email = subscribe(
        &loket,
        &citizen,
        "topic: MY_CASES, channel: EMAIL, address: \"anna@example.org\"",
    )
    .await;
    assert_eq!(email["subscription"]["language"], "nl", "{engine}");
    assert!(email["secret"].is_null());
    let sms = subscribe(
        &loket,
        &citizen,
        "topic: MY_CASES, channel: SMS, address: \"06 1234 5678\"",
    )
    .await;
    assert_eq!(sms["subscription"]["address"], "+31612345678");
    let hook = subscribe(
        &loket,
        &app,
        &format!(
            "topic: WEBHOOK, channel: WEBHOOK, address: \"{}\", eventKinds: [\"case.*\"]",
            hooks.url("/hook")
        ),
    )
    .await;
    let secret = hook["secret"].as_str().unwrap().to_owned();
    assert_eq!(secret.len(), 64);
    let mine = gql(
        &loket,
        &citizen,
        "{ me { subscriptions { edges { node { topic channel } } } } }",
    )
    .await;
    assert_eq!(
        data(&mine)["me"]["subscriptions"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "{mine}"
    );

    // A case: received, then a status change; each by e-mail, SMS and webhook.
    let (case, reference) = submit(&loket, &citizen).await;
    let version = set_status(&loket, &case, 1, "medical-assessment").await;
    let about = |text: &str| text.contains(&reference);
    eventually(30, "two e-mails about the case", async || {
        smtp.mails().iter().filter(|m| about(&m.data)).count() >= 2
    })
    .await;
    let mails: Vec<_> = smtp
        .mails()
        .into_iter()
        .filter(|m| about(&m.data))
        .collect();
    assert!(
        mails.iter().all(|m| m.to == ["anna@example.org"]),
        "{engine}"
    );
    let subjects: Vec<String> = mails.iter().map(|m| m.header("Subject").unwrap()).collect();
    assert!(
        subjects.iter().any(|s| s.contains("ontvangen"))
            && subjects.iter().any(|s| s.contains("Medische keuring")),
        "{engine}: {subjects:?}"
    );
    assert!(mails.iter().all(|m| m.header("Message-ID").is_some()));
    eventually(30, "two text messages", async || {
        gateway.requests().iter().filter(|r| about(&r.body)).count() >= 2
    })
    .await;
    let texts: Vec<Value> = gateway
        .requests()
        .iter()
        .filter(|r| about(&r.body))
        .map(|r| serde_json::from_str(&r.body).unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .all(|t| t["to"] == "+31612345678" && t["from"] == "Enschede")
    );
    assert!(
        texts
            .iter()
            .all(|t| t["reference"].as_str().is_some_and(|r| !r.is_empty()))
    );
    // The app learns what its policy lets it read: Enschede's apps read building and
    // driveway permits (published with their address anyway), never a disabled-parking card
    // (confidential, medical). A building permit shows the webhooks work meanwhile.
    let permit = submit_products(&loket, &citizen, "omgevingsvergunning")
        .await
        .1;
    let about_permit = |text: &str| text.contains(&permit);
    eventually(30, "a webhook call about the building permit", async || {
        hooks.requests().iter().any(|r| about_permit(&r.body))
    })
    .await;
    assert!(
        !hooks.requests().iter().any(|r| about(&r.body)),
        "{engine}: the app heard of a confidential case"
    );
    for call in hooks.requests().iter().filter(|r| about_permit(&r.body)) {
        let timestamp = &call.headers["loket-timestamp"];
        let signature = &call.headers["loket-signature"];
        assert!(
            verifies(&secret, timestamp, &call.body, signature),
            "{engine}: {call:?}"
        );
        // Tampered with, or replayed under a new timestamp: the signature no longer fits.
        let tampered = call.body.replace(&permit, "ENS-0000-000000");
        assert!(!verifies(&secret, timestamp, &tampered, signature));
        let later = (timestamp.parse::<i64>().unwrap() + 600).to_string();
        assert!(!verifies(&secret, &later, &call.body, signature));
        let payload: Value = serde_json::from_str(&call.body).unwrap();
        assert_eq!(payload["attributes"]["caseType"], "building-permit");
        assert!(!call.body.contains("subject") && payload["attributes"].get("bsn").is_none());
        assert!(call.headers["loket-delivery"].len() > 30);
    }

    // The SMS gateway goes down: retries, then a dead letter an admin re-drives.
    gateway.set_status(503);
    let version = set_status(&loket, &case, version, "in-review").await;
    let admin = loket.token("admin").to_owned();
    let dead_query = "{ deliveries(filter: { status: DEAD }) { edges { node { id channel attempts lastError } } } }";
    eventually(30, "a dead SMS delivery", async || {
        let body = gql(&loket, &admin, dead_query).await;
        !data(&body)["deliveries"]["edges"]
            .as_array()
            .unwrap()
            .is_empty()
    })
    .await;
    let body = gql(&loket, &admin, dead_query).await;
    let dead = &data(&body)["deliveries"]["edges"][0]["node"];
    assert_eq!(dead["channel"], "SMS", "{engine}: {dead}");
    assert_eq!(dead["attempts"], 3);
    assert!(
        dead["lastError"].as_str().unwrap().contains("503"),
        "{dead}"
    );
    let failed_calls = gateway
        .requests()
        .iter()
        .filter(|r| about(&r.body) && r.body.contains("In behandeling"))
        .count();
    assert_eq!(failed_calls, 3, "{engine}: one call per attempt");
    gateway.set_status(200);
    let redriven = gql(
        &loket,
        &admin,
        &format!(
            "mutation {{ redriveDelivery(input: {{ id: \"{}\" }}) {{ delivery {{ status attempts }} }} }}",
            dead["id"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(
        data(&redriven)["redriveDelivery"]["delivery"]["status"],
        "PENDING"
    );
    eventually(30, "the re-driven SMS", async || {
        gateway
            .requests()
            .iter()
            .filter(|r| about(&r.body) && r.body.contains("In behandeling"))
            .count()
            == 4
    })
    .await;
    let texts: Vec<Value> = gateway
        .requests()
        .iter()
        .filter(|r| about(&r.body) && r.body.contains("In behandeling"))
        .map(|r| serde_json::from_str(&r.body).unwrap())
        .collect();
    assert!(
        texts
            .windows(2)
            .all(|w| w[0]["reference"] == w[1]["reference"]),
        "one key on every attempt"
    );
    // Accepted messages are listed as sent.
    let sent = gql(
        &loket,
        &admin,
        "{ deliveries(filter: { status: SENT }, first: 100) { edges { node { channel } } } }",
    )
    .await;
    assert!(
        !data(&sent)["deliveries"]["edges"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Unsubscribing the e-mail stops it; the SMS goes on.
    let id = email["subscription"]["id"].as_str().unwrap();
    let ended = gql(
        &loket,
        &citizen,
        &format!(
            "mutation {{ unsubscribe(input: {{ id: \"{id}\" }}) {{ subscription {{ endedAt }} }} }}"
        ),
    )
    .await;
    assert!(data(&ended)["unsubscribe"]["subscription"]["endedAt"].is_string());
    let mails_before = smtp.mails().iter().filter(|m| about(&m.data)).count();
    let texts_before = gateway.requests().iter().filter(|r| about(&r.body)).count();
    set_status(&loket, &case, version, "card-in-production").await;
    eventually(
        30,
        "the text message after unsubscribing by e-mail",
        async || gateway.requests().iter().filter(|r| about(&r.body)).count() > texts_before,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        smtp.mails().iter().filter(|m| about(&m.data)).count(),
        mails_before,
        "{engine}: no e-mail after unsubscribing"
    );
}
