#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

//! An appointment's messages through the real binary, a real SMTP receiver and a real SMS
//! gateway, on SQLite and PostgreSQL: the confirmation by e-mail (with the cancellation code,
//! the cancel link and a calendar file) and by text message; reminders stored to go out the
//! day before and hours before, and sent by the dispatcher when due; a move and a
//! cancellation each announced, their calendar files updating the entry, the old reminders
//! cancelled. No message names the resident's BSN.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use loket_kernel::global_id::uuid_of;
use loket_store::testing::TestDb;
use loket_tests::{
    Loket,
    appointments::{days, times},
    eventually,
    receivers::{HttpReceiver, Mail, SmtpReceiver},
    sql,
};
use serde_json::Value;

/// Runs `query` as `token` (anonymous callers name Enschede); the data, without errors.
async fn gql(loket: &Loket, token: Option<&str>, query: &str) -> Value {
    let tenant = token.is_none().then_some("enschede");
    let (status, body) = loket.graphql(token, tenant, query).await;
    assert_eq!(status, 200, "{query}: {body}");
    assert!(body.get("errors").is_none(), "{query}: {body}");
    body["data"].clone()
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

/// Two free starts on the furthest day that has them: far enough ahead that both
/// reminders still lie ahead.
async fn two_times_far_ahead(loket: &Loket) -> (String, String) {
    for day in days(loket, &["paspoort"], 1).await.iter().rev() {
        let starts = times(loket, &["paspoort"], 1, day).await;
        if let (Some((first, _)), Some((last, _))) = (starts.first(), starts.last())
            && starts.len() >= 2
        {
            return (first.clone(), last.clone());
        }
    }
    panic!("no day with two free times");
}

/// The appointment's deliveries of `kind` in `status`, as (key, next attempt).
async fn deliveries(loket: &Loket, kind: &str, status: &str) -> Vec<(String, Option<String>)> {
    let body = gql(
        loket,
        Some(loket.token("admin")),
        &format!(
            "{{ deliveries(filter: {{ status: {status} }}, first: 100) {{ edges {{ node {{ key eventKind nextAttemptAt subscriptionId }} }} }} }}"
        ),
    )
    .await;
    body["deliveries"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .filter(|n| n["eventKind"] == kind)
        .inspect(|n| assert!(n["subscriptionId"].is_null(), "{n}"))
        .map(|n| {
            (
                n["key"].as_str().unwrap().to_owned(),
                n["nextAttemptAt"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// The day-before and two-hours-before moments of an appointment at `start`.
fn moments(start: &str) -> Vec<DateTime<Utc>> {
    let start = instant(start);
    let day_before = (start.with_timezone(&Amsterdam) - chrono::Days::new(1)).to_utc();
    let mut out = vec![day_before, start - chrono::Duration::hours(2)];
    out.sort_unstable();
    out
}

fn due_at(found: &[(String, Option<String>)]) -> Vec<DateTime<Utc>> {
    let mut out: Vec<DateTime<Utc>> = found
        .iter()
        .map(|(_, at)| instant(at.as_deref().unwrap()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Makes the pending delivery `key` due now, as the clock reaching its moment would.
async fn make_due(url: &str, key: &str) {
    let changed = sql::execute(
        url,
        "enschede",
        "UPDATE deliveries SET available_at = $1 WHERE tenant_id = $2 AND delivery_key = $3",
        vec![Utc::now().into(), "enschede".into(), key.into()],
    )
    .await;
    assert_eq!(changed, 1, "{key}");
}

async fn messages_about_an_appointment(db: TestDb) {
    let url = db.url().to_owned();
    let smtp = SmtpReceiver::start().await;
    let gateway = HttpReceiver::start().await;
    let tenants = tenants_with_gateway(&gateway.url("/sms"));
    let smtp_url = smtp.url();
    let loket = Loket::start_with(
        db,
        tenants.path(),
        &[
            ("LOKET_SMTP_URL", smtp_url.as_str()),
            ("LOKET_DISPATCH_IDLE_MS", "100"),
        ],
    )
    .await;
    let citizen = loket.token("citizen").to_owned();
    let bsn = gql(&loket, Some(&citizen), "{ me { person { bsn } } }").await["me"]["person"]["bsn"]
        .as_str()
        .unwrap()
        .to_owned();
    let (first, later) = two_times_far_ahead(&loket).await;

    // Booked by the resident, with an e-mail address and a mobile number.
    let booked = gql(
        &loket,
        Some(&citizen),
        &format!(
            "mutation {{ bookAppointment(input: {{ products: [\"paspoort\"], location: \"stadskantoor\", \
             start: \"{first}\", name: \"J. de Vries\", email: \"devries@example.org\", \
             phone: \"06 1234 5678\" }}) {{ cancellationCode appointment {{ id reference version }} }} }}"
        ),
    )
    .await;
    let made = &booked["bookAppointment"];
    let code = made["cancellationCode"].as_str().unwrap().to_owned();
    let reference = made["appointment"]["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let id = made["appointment"]["id"].as_str().unwrap().to_owned();
    let about = |mail: &Mail| mail.data.contains(&reference);

    eventually(30, "the confirmation by e-mail", async || {
        smtp.mails().iter().any(about)
    })
    .await;
    let confirmation = smtp.mails().into_iter().find(about).unwrap();
    assert_eq!(confirmation.to, ["devries@example.org"]);
    assert!(confirmation.header("Subject").unwrap().contains(&reference));
    let text = confirmation.decoded();
    let link = format!(
        "https://mijn.enschede.example/afspraak/annuleren?referentie={reference}&code={code}"
    );
    assert!(text.contains(&link), "the cancel link: {text}");
    assert!(text.contains(&format!("Annuleringscode: {code}")), "{text}");
    assert!(text.contains("Content-Type: text/calendar"), "{text}");
    assert!(text.contains("filename=\"afspraak.ics\""), "{text}");
    assert!(text.contains("METHOD:PUBLISH"), "{text}");
    assert!(text.contains("SEQUENCE:1"), "{text}");
    let local = instant(&first).with_timezone(&Amsterdam);
    assert!(
        text.contains(&local.format("%d-%m-%Y om %H:%M").to_string()),
        "{text}"
    );

    eventually(30, "the confirmation by text message", async || {
        gateway
            .requests()
            .iter()
            .any(|r| r.body.contains(&reference))
    })
    .await;
    let sms: Value = serde_json::from_str(
        &gateway
            .requests()
            .into_iter()
            .find(|r| r.body.contains(&reference))
            .unwrap()
            .body,
    )
    .unwrap();
    assert_eq!(sms["to"], "+31612345678");
    assert!(sms["text"].as_str().unwrap().contains(&code), "{sms}");

    // Two reminders per channel wait for their moments, without a subscription.
    let waiting = deliveries(&loket, "appointment.reminder", "PENDING").await;
    assert_eq!(waiting.len(), 4, "{waiting:?}");
    let own = uuid_of("id", "Appointment", &id).unwrap();
    assert!(
        waiting
            .iter()
            .all(|(key, _)| key.starts_with(&format!("appointment.{own}."))),
        "{waiting:?}"
    );
    assert_eq!(due_at(&waiting), moments(&first));

    // When a reminder's moment comes, the dispatcher sends it.
    let (email_reminder, _) = waiting
        .iter()
        .find(|(key, _)| key.contains("day-before") && key.ends_with(".email"))
        .unwrap();
    make_due(&url, email_reminder).await;
    eventually(30, "the reminder sent", async || {
        deliveries(&loket, "appointment.reminder", "SENT")
            .await
            .len()
            == 1
    })
    .await;
    assert!(smtp.mails().iter().any(|m| about(m)
        && m.header("Subject").unwrap().starts_with("Herinnering")
        && m.decoded().contains("J. de Vries")));

    // Moved: a message, a calendar update, new reminders for the new time.
    let moved = gql(
        &loket,
        Some(&citizen),
        &format!(
            "mutation {{ rescheduleAppointment(input: {{ id: \"{id}\", expectedVersion: 1, start: \"{later}\" }}) {{ appointment {{ version }} }} }}"
        ),
    )
    .await;
    assert_eq!(moved["rescheduleAppointment"]["appointment"]["version"], 2);
    eventually(30, "the message about the move", async || {
        smtp.mails()
            .iter()
            .any(|m| about(m) && m.header("Subject").unwrap().contains("verzet"))
    })
    .await;
    let move_mail = smtp
        .mails()
        .into_iter()
        .find(|m| about(m) && m.header("Subject").unwrap().contains("verzet"))
        .unwrap();
    let text = move_mail.decoded();
    assert!(
        text.contains("SEQUENCE:2") && text.contains("METHOD:PUBLISH"),
        "{text}"
    );
    let waiting = deliveries(&loket, "appointment.reminder", "PENDING").await;
    assert_eq!(due_at(&waiting), moments(&later), "{waiting:?}");
    let cancelled = deliveries(&loket, "appointment.reminder", "CANCELLED").await;
    assert_eq!(
        cancelled.len(),
        3,
        "the first time's unsent reminders: {cancelled:?}"
    );

    // Cancelled: a message whose calendar file removes the entry; no reminders left.
    gql(
        &loket,
        Some(&citizen),
        &format!(
            "mutation {{ cancelAppointment(input: {{ id: \"{id}\", expectedVersion: 2 }}) {{ appointment {{ status }} }} }}"
        ),
    )
    .await;
    eventually(30, "the message about the cancellation", async || {
        smtp.mails()
            .iter()
            .any(|m| about(m) && m.header("Subject").unwrap().contains("geannuleerd"))
    })
    .await;
    let cancel_mail = smtp
        .mails()
        .into_iter()
        .find(|m| about(m) && m.header("Subject").unwrap().contains("geannuleerd"))
        .unwrap();
    let text = cancel_mail.decoded();
    assert!(
        text.contains("METHOD:CANCEL") && text.contains("STATUS:CANCELLED"),
        "{text}"
    );
    assert!(
        deliveries(&loket, "appointment.reminder", "PENDING")
            .await
            .is_empty()
    );
    eventually(30, "a text message for each change", async || {
        gateway
            .requests()
            .iter()
            .filter(|r| r.body.contains(&reference))
            .count()
            >= 3
    })
    .await;

    // Nothing sent names the resident's BSN.
    for mail in smtp.mails() {
        assert!(!mail.decoded().contains(&bsn), "{}", mail.data);
    }
    for request in gateway.requests() {
        assert!(!request.body.contains(&bsn), "{}", request.body);
    }
}

#[tokio::test]
async fn an_appointments_messages_on_sqlite() {
    messages_about_an_appointment(TestDb::sqlite_empty().await).await;
}

#[tokio::test]
async fn an_appointments_messages_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    messages_about_an_appointment(db).await;
}
