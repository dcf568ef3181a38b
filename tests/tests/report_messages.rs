#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

//! A report's messages through the real binary and a real SMTP receiver, on SQLite and
//! PostgreSQL: the receipt with the expected handling date, the message to a second reporter
//! who joins, a public status change with its standard text to both, the closing message with
//! the satisfaction question, and the unhappy answer from its link putting the report back
//! as "reopen requested", which both hear. Every message goes to one reporter only and names no other.
//! A year after the report ended, `loket anonymise-reporters` removes both reporters' details
//! and empties the messages sent to them, once.

use chrono::{Duration, Utc};
use loket_store::testing::TestDb;
use loket_tests::{
    Loket, eventually,
    receivers::SmtpReceiver,
    reports::{ENSCHEDE, gql},
    sql,
};
use sea_orm::Value as SqlValue;
use serde_json::json;

const FILE: &str = "mutation ($i: FileReportInput!) { fileReport(input: $i) { joined report { reference expectedBy } } }";

/// Mails to `to` whose subject holds `part`, decoded.
fn mails_to(smtp: &SmtpReceiver, to: &str, part: &str) -> Vec<String> {
    smtp.mails()
        .into_iter()
        .filter(|m| m.to == [to])
        .filter(|m| m.header("Subject").is_some_and(|s| s.contains(part)))
        .map(|m| m.decoded())
        .collect()
}

async fn one_mail(smtp: &SmtpReceiver, to: &str, part: &str) -> String {
    eventually(30, &format!("a mail to {to} about {part:?}"), async || {
        !mails_to(smtp, to, part).is_empty()
    })
    .await;
    let found = mails_to(smtp, to, part);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap()
}

/// The case's global id and version, as the back office reads them.
async fn case_of(loket: &Loket, reference: &str) -> (String, i64) {
    let case = gql(
        loket,
        Some(loket.token("backoffice")),
        "query ($r: String!) { case(reference: $r) { id version } }",
        json!({ "r": reference }),
    )
    .await;
    (
        case["case"]["id"].as_str().unwrap().to_owned(),
        case["case"]["version"].as_i64().unwrap(),
    )
}

async fn a_reports_messages(db: TestDb) {
    let url = db.url().to_owned();
    let smtp = SmtpReceiver::start().await;
    let smtp_url = smtp.url();
    let loket = Loket::start_with(
        db,
        &loket_tests::tenants_dir(),
        &[
            ("LOKET_SMTP_URL", smtp_url.as_str()),
            ("LOKET_DISPATCH_IDLE_MS", "100"),
        ],
    )
    .await;
    let (lat, lon) = ENSCHEDE;
    let (anna, piet) = ("anna@example.org", "piet@example.org");

    // Filed without logging in: the receipt names the reference and the expected date.
    let filed = gql(
        &loket,
        None,
        FILE,
        json!({ "i": {
            "category": "zwerfafval",
            "location": { "lat": lat, "lon": lon },
            "description": "Een omgevallen vuilniszak op de stoep.",
            "reporter": { "email": anna, "language": "nl" },
            "idempotencyKey": "report-messages-anna",
        }}),
    )
    .await;
    let reference = filed["fileReport"]["report"]["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let expected: Vec<&str> = filed["fileReport"]["report"]["expectedBy"]
        .as_str()
        .unwrap()
        .split('-')
        .collect();
    let expected = format!("{}-{}-{}", expected[2], expected[1], expected[0]);
    let receipt = one_mail(&smtp, anna, &format!("melding {reference} ontvangen")).await;
    assert!(
        receipt.contains(&format!("uiterlijk {expected}")),
        "{receipt}"
    );
    assert!(receipt.contains("Zwerfafval"), "{receipt}");

    // A second reporter joins instead of filing again, and is told so.
    let joined = gql(
        &loket,
        None,
        FILE,
        json!({ "i": {
            "category": "zwerfafval",
            "location": { "lat": lat, "lon": lon },
            "description": "Ligt er nog steeds.",
            "reporter": { "email": piet },
            "join": reference,
        }}),
    )
    .await;
    assert_eq!(joined["fileReport"]["joined"], true, "{joined}");
    let follows = one_mail(&smtp, piet, &format!("U volgt melding {reference}")).await;
    assert!(follows.contains(&expected), "{follows}");

    // A public status change reaches both, with the flow's standard text.
    let (case, version) = case_of(&loket, &reference).await;
    gql(
        &loket,
        Some(loket.token("backoffice")),
        "mutation ($i: SetCaseStatusInput!) { setCaseStatus(input: $i) { case { version } } }",
        json!({ "i": { "caseId": case, "status": "ingepland", "expectedVersion": version } }),
    )
    .await;
    for to in [anna, piet] {
        let changed = one_mail(&smtp, to, &format!("{reference}: Ingepland")).await;
        assert!(changed.contains("Het werk is ingepland"), "{changed}");
    }

    // Closing asks each reporter, with links of their own, whether they are satisfied.
    let (case, version) = case_of(&loket, &reference).await;
    gql(
        &loket,
        Some(loket.token("backoffice")),
        "mutation ($i: DecideCaseInput!) { decideCase(input: $i) { case { version } } }",
        json!({ "i": {
            "caseId": case,
            "outcome": "opgelost",
            "explanation": "De stoep is schoongemaakt.",
            "expectedVersion": version,
        }}),
    )
    .await;
    let mut unhappy = Vec::new();
    for to in [anna, piet] {
        let closed = one_mail(&smtp, to, &format!("{reference} is afgehandeld")).await;
        assert!(closed.contains("Opgelost"), "{closed}");
        assert!(closed.contains("De stoep is schoongemaakt."), "{closed}");
        let link = closed
            .split_whitespace()
            .find(|w| w.contains("/melding/tevredenheid?") && w.ends_with("antwoord=nee"))
            .unwrap_or_else(|| panic!("no unhappy link: {closed}"))
            .to_owned();
        assert!(
            link.starts_with("https://mijn.enschede.example/melding/tevredenheid?"),
            "{link}"
        );
        unhappy.push(link);
    }
    assert_ne!(
        unhappy[0], unhappy[1],
        "each reporter has links of their own"
    );

    // Piet's unhappy answer, as the portal sends it from the link, reopens the report.
    let query = unhappy[1].split_once('?').unwrap().1;
    let parameter = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .unwrap()
            .to_owned()
    };
    let answered = gql(
        &loket,
        None,
        "mutation ($i: AnswerReportSurveyInput!) { answerReportSurvey(input: $i) { reopened report { status { code } } } }",
        json!({ "i": {
            "reporterId": parameter("melder"),
            "code": parameter("code"),
            "satisfied": false,
        }}),
    )
    .await;
    assert_eq!(
        answered["answerReportSurvey"]["reopened"], true,
        "{answered}"
    );
    assert_eq!(
        answered["answerReportSurvey"]["report"]["status"]["code"],
        "verzoek-tot-heropenen"
    );

    // Both hear that it is looked at again.
    for to in [anna, piet] {
        let again = one_mail(&smtp, to, &format!("{reference}: Verzoek tot heropenen")).await;
        assert!(again.contains("niet is opgelost"), "{again}");
    }

    // Every message went to one reporter and names no other.
    let mails = smtp.mails();
    assert_eq!(mails.len(), 8, "{mails:#?}");
    for mail in &mails {
        assert_eq!(mail.to.len(), 1, "{}", mail.data);
        let other = if mail.to[0] == anna { piet } else { anna };
        assert!(!mail.decoded().contains(other), "{}", mail.data);
        assert!(!mail.decoded().contains("vuilniszak"), "{}", mail.data);
    }

    // A year and more after it ended (the clock moved on), the command removes both
    // reporters' details and empties the eight messages; Piet's answer stays.
    let ended = Utc::now() - Duration::days(400);
    let moved = sql::execute(
        &url,
        "enschede",
        "UPDATE cases SET closed_at = $1 WHERE tenant_id = 'enschede' AND reference = $2",
        vec![ended.into(), reference.clone().into()],
    )
    .await;
    assert_eq!(moved, 1);
    let details = "SELECT COUNT(*) FROM case_reporters WHERE tenant_id = 'enschede' \
                   AND (email IN ($1, $2) OR answer_code_hash <> '')";
    let sent = "SELECT COUNT(*) FROM deliveries WHERE tenant_id = 'enschede' \
                AND recipient IN ($1, $2)";
    let who = || vec![SqlValue::from(anna), SqlValue::from(piet)];
    assert_eq!(sql::count(&url, "enschede", details, who()).await, 2);
    assert_eq!(sql::count(&url, "enschede", sent, who()).await, 8);
    let tenants = loket_tests::tenants_dir();
    let anonymise = [
        "anonymise-reporters",
        "--tenants",
        tenants.to_str().unwrap(),
        "--database",
        url.as_str(),
        "--photo-store",
        "none",
    ];
    let (code, out, err) = loket_tests::run(&anonymise).await;
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("enschede: 2 reporters' details removed, 8 messages emptied"),
        "{out}"
    );
    assert_eq!(sql::count(&url, "enschede", details, who()).await, 0);
    assert_eq!(sql::count(&url, "enschede", sent, who()).await, 0);
    let answers = "SELECT COUNT(*) FROM case_reporters WHERE tenant_id = 'enschede' \
                   AND satisfied IS NOT NULL AND anonymised_at IS NOT NULL";
    assert_eq!(sql::count(&url, "enschede", answers, vec![]).await, 1);
    // Once is enough: a second run finds nothing.
    let (code, out, err) = loket_tests::run(&anonymise).await;
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("enschede: 0 reporters' details removed, 0 messages emptied"),
        "{out}"
    );
}

#[tokio::test]
async fn a_reports_messages_on_sqlite() {
    a_reports_messages(TestDb::sqlite_empty().await).await;
}

#[tokio::test]
async fn a_reports_messages_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    a_reports_messages(db).await;
}
