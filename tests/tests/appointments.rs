#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

//! Appointments at Enschede's counter through the real binary over HTTP, on SQLite and on
//! PostgreSQL: a resident finds a day and a time and books it (without logging in, or with
//! DigiD), retries safely, moves and cancels it; every bad input names its field; fifty
//! residents racing for the last free time give one appointment; a move racing a booking
//! loses neither; the counter works through its day list.

use chrono::{DateTime, Duration, Utc};
use loket_appointments::store::{self, Inserted, NewRow, Place};
use loket_kernel::{TenantId, calendar::Calendar};
use loket_store::{Db, Mode, Session, testing::TestDb};
use loket_tests::{
    Loket,
    appointments::{days, list, times},
};
use serde_json::Value;
use uuid::Uuid;

/// What the tests read of an appointment.
const APPOINTMENT: &str = "id reference location desk start end products { code name } persons \
    status subject name email phone checkedInAt calledAt calledDesk completedAt cancelledAt version";
/// Only the wedding desk serves this product at the Stadskantoor: one desk, so one free time
/// is the last one.
const WEDDING: &str = "huwelijk-partnerschap";

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/// Runs `query` as `token` (anonymous callers name Enschede); the whole body.
async fn gql(loket: &Loket, token: Option<&str>, query: &str) -> Value {
    let tenant = token.is_none().then_some("enschede");
    let (status, body) = loket.graphql(token, tenant, query).await;
    assert_eq!(status, 200, "{query}: {body}");
    body
}

/// The `data` of a response that must have no errors.
fn data(body: &Value) -> &Value {
    assert!(body.get("errors").is_none(), "unexpected errors: {body}");
    &body["data"]
}

/// The code and field of the first error.
fn error(body: &Value) -> (&str, Option<&str>) {
    let e = &body["errors"][0]["extensions"];
    let code = e["code"]
        .as_str()
        .unwrap_or_else(|| panic!("an error with a code: {body}"));
    (code, e["field"].as_str())
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("a string, not {value}"))
}

fn instant(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text(value))
        .unwrap_or_else(|e| panic!("a time, not {value}: {e}"))
        .with_timezone(&Utc)
}

/// A day from tomorrow on with room for `products`, and its free starts.
async fn a_day_with_room(loket: &Loket, products: &[&str]) -> (String, Vec<String>) {
    let today = Calendar::local_date(Utc::now()).to_string();
    for day in days(loket, products, 1).await {
        if day > today {
            let starts = times(loket, products, 1, &day).await;
            assert!(!starts.is_empty(), "{day} was said to have room");
            return (day, starts.into_iter().map(|(s, _)| s).collect());
        }
    }
    panic!("no day with room for {products:?}");
}

/// `bookAppointment` with `fields` (the input's inside); the whole body.
async fn book(loket: &Loket, token: Option<&str>, fields: &str) -> Value {
    gql(
        loket,
        token,
        &format!(
            "mutation {{ bookAppointment(input: {{ {fields} }}) {{ cancellationCode replayed \
             appointment {{ {APPOINTMENT} }} }} }}"
        ),
    )
    .await
}

/// The fields of an anonymous booking of `products` at `start`.
fn anonymous_booking(products: &[&str], start: &str, extra: &str) -> String {
    format!(
        "products: {}, location: \"stadskantoor\", start: \"{start}\", name: \"J. de Vries\", \
         email: \"j.devries@example.org\" {extra}",
        list(products)
    )
}

/// A mutation on one appointment, returning it; the whole body.
async fn change(loket: &Loket, token: Option<&str>, mutation: &str, input: &str) -> Value {
    gql(
        loket,
        token,
        &format!(
            "mutation {{ {mutation}(input: {{ {input} }}) {{ appointment {{ {APPOINTMENT} }} }} }}"
        ),
    )
    .await
}

fn changed<'a>(body: &'a Value, mutation: &str) -> &'a Value {
    &data(body)[mutation]["appointment"]
}

// ---------------------------------------------------------------------------------------------
// Finding and booking a time
// ---------------------------------------------------------------------------------------------

async fn finding_and_booking_a_time(loket: &Loket) {
    // Where a passport can be had, and where a wedding notice.
    let body = gql(
        loket,
        None,
        "{ passport: appointmentLocations(products: [\"paspoort\"]) { code name address } \
           wedding: appointmentLocations(products: [\"huwelijk-partnerschap\"]) { code } }",
    )
    .await;
    let codes = |key: &str| -> Vec<String> {
        data(&body)[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| text(&l["code"]).to_owned())
            .collect()
    };
    assert_eq!(codes("passport"), ["stadsdeelkantoor-oost", "stadskantoor"]);
    assert_eq!(codes("wedding"), ["stadskantoor"]);

    // Only working days have room, and two persons take longer than one.
    let found = days(loket, &["paspoort"], 2).await;
    assert!(!found.is_empty());
    for day in &found {
        let day: chrono::NaiveDate = day.parse().unwrap();
        assert!(
            chrono::Datelike::weekday(&day).num_days_from_monday() < 5,
            "{day}"
        );
    }
    let (day, _) = a_day_with_room(loket, &["paspoort"]).await;
    let two = times(loket, &["paspoort"], 2, &day).await;
    let (start, end) = &two[0];
    assert_eq!(
        instant(&Value::from(end.clone())) - instant(&Value::from(start.clone())),
        Duration::minutes(15),
        "a passport takes 10 minutes and 5 for the second person"
    );
    let both = times(loket, &["paspoort", "uittreksel-brp"], 1, &day).await;
    assert_eq!(
        instant(&Value::from(both[0].1.clone())) - instant(&Value::from(both[0].0.clone())),
        Duration::minutes(15),
        "products add up"
    );

    // Every bad input names its field.
    let start = start.clone();
    for (fields, field) in [
        (
            anonymous_booking(&["paspoort"], &start, ", persons: 0"),
            "persons",
        ),
        (
            anonymous_booking(&["paspoort"], &start, ", persons: 9"),
            "persons",
        ),
        (anonymous_booking(&[], &start, ""), "products"),
        (anonymous_booking(&["bestaat-niet"], &start, ""), "products"),
        (
            anonymous_booking(&["paspoort", "paspoort"], &start, ""),
            "products",
        ),
        (
            anonymous_booking(&["paspoort", WEDDING], &start, ""),
            "products",
        ),
        (
            anonymous_booking(&["paspoort"], &start, ", phone: \"12\""),
            "phone",
        ),
        (
            anonymous_booking(&["paspoort"], &start, ", subject: \"999990019\""),
            "subject",
        ),
        (
            anonymous_booking(&["paspoort"], "2020-01-06T09:00:00Z", ""),
            "start",
        ),
        (
            anonymous_booking(
                &["paspoort"],
                &(instant(&Value::from(start.clone())) + Duration::minutes(3)).to_rfc3339(),
                "",
            ),
            "start",
        ),
        (
            "products: [\"paspoort\"], location: \"stadskantoor\", start: \"".to_owned()
                + &start
                + "\", name: \"J. de Vries\"",
            "email",
        ),
        (
            "products: [\"paspoort\"], location: \"stadskantoor\", start: \"".to_owned()
                + &start
                + "\", name: \"J. de Vries\", email: \"geen adres\"",
            "email",
        ),
        (
            "products: [\"paspoort\"], location: \"stadskantoor\", start: \"".to_owned()
                + &start
                + "\", name: \" \", email: \"a@example.org\"",
            "name",
        ),
        (
            "products: [\"paspoort\"], location: \"elders\", start: \"".to_owned()
                + &start
                + "\", name: \"J\", email: \"a@example.org\"",
            "location",
        ),
        (
            "products: [\"inschrijving-vreemdeling\"], location: \"stadsdeelkantoor-oost\", \
             start: \""
                .to_owned()
                + &start
                + "\", name: \"J\", email: \"a@example.org\"",
            "location",
        ),
    ] {
        let body = book(loket, None, &fields).await;
        assert_eq!(
            error(&body),
            ("BAD_USER_INPUT", Some(field)),
            "{fields}: {body}"
        );
    }
    for (from, to) in [("2027-01-01", "2027-06-01"), ("2027-01-02", "2027-01-01")] {
        let body = gql(
            loket,
            None,
            &format!(
                "{{ availableDays(products: [\"paspoort\"], location: \"stadskantoor\", \
                 from: \"{from}\", to: \"{to}\") }}"
            ),
        )
        .await;
        assert_eq!(error(&body), ("BAD_USER_INPUT", Some("to")), "{body}");
    }

    // Booked without logging in; a retry with the same key is the same booking.
    let fields = anonymous_booking(
        &["paspoort"],
        &start,
        ", persons: 2, idempotencyKey: \"k-1\"",
    );
    let first = book(loket, None, &fields).await;
    let made = &data(&first)["bookAppointment"];
    assert_eq!(made["replayed"], false);
    let code = text(&made["cancellationCode"]).to_owned();
    let appointment = &made["appointment"];
    let reference = text(&appointment["reference"]).to_owned();
    assert_eq!(appointment["status"], "BOOKED");
    assert_eq!(appointment["start"], start.as_str());
    assert_eq!(appointment["persons"], 2);
    assert_eq!(appointment["products"][0]["name"], "Paspoort aanvragen");
    assert!(appointment["subject"].is_null());
    let again = book(loket, None, &fields).await;
    let replay = &data(&again)["bookAppointment"];
    assert_eq!(replay["replayed"], true);
    assert!(replay["cancellationCode"].is_null());
    assert_eq!(replay["appointment"]["reference"], reference.as_str());
    let other = anonymous_booking(
        &["paspoort"],
        &two[3].0,
        ", persons: 2, idempotencyKey: \"k-1\"",
    );
    let body = book(loket, None, &other).await;
    assert_eq!(error(&body).0, "CONFLICT", "{body}");

    // The time is gone for everyone at that desk: fewer desks are free for it.
    let after = times(loket, &["paspoort"], 2, &day).await;
    assert!(
        after.iter().any(|(s, _)| *s == start),
        "other desks still give it"
    );

    // Cancelled with the code from the confirmation; a wrong code names the field.
    let by_code = |code: &str| format!("reference: \"{reference}\", cancellationCode: \"{code}\"");
    let body = change(loket, None, "cancelAppointment", &by_code("AAAAAAAA")).await;
    assert_eq!(
        error(&body),
        ("BAD_USER_INPUT", Some("cancellationCode")),
        "{body}"
    );
    let body = change(
        loket,
        None,
        "cancelAppointment",
        "reference: \"A-NOPE\", cancellationCode: \"X\"",
    )
    .await;
    assert_eq!(
        error(&body),
        ("BAD_USER_INPUT", Some("cancellationCode")),
        "{body}"
    );
    let body = change(
        loket,
        None,
        "cancelAppointment",
        &format!("reference: \"{reference}\""),
    )
    .await;
    assert_eq!(
        error(&body),
        ("BAD_USER_INPUT", Some("cancellationCode")),
        "{body}"
    );
    let body = change(
        loket,
        None,
        "cancelAppointment",
        &by_code(&code.to_lowercase()),
    )
    .await;
    let cancelled = changed(&body, "cancelAppointment");
    assert_eq!(cancelled["status"], "CANCELLED");
    assert!(cancelled["cancelledAt"].is_string());
    let body = change(loket, None, "cancelAppointment", &by_code(&code)).await;
    assert_eq!(error(&body).0, "CONFLICT", "{body}");

    // A tenant without appointments has no locations, and no times.
    let (_, body) = loket
        .graphql(
            None,
            Some("haarlem"),
            "{ appointmentLocations(products: [\"paspoort\"]) { code } }",
        )
        .await;
    assert_eq!(data(&body)["appointmentLocations"], serde_json::json!([]));
    let (_, body) = loket
        .graphql(
            None,
            Some("haarlem"),
            &format!(
                "{{ availableTimes(products: [\"paspoort\"], location: \"stadskantoor\", day: \"{day}\") {{ start }} }}"
            ),
        )
        .await;
    assert_eq!(error(&body), ("BAD_USER_INPUT", Some("location")), "{body}");
}

// ---------------------------------------------------------------------------------------------
// A resident with DigiD, and the front office on their behalf
// ---------------------------------------------------------------------------------------------

async fn a_resident_books_moves_and_cancels(loket: &Loket) {
    let citizen = loket.token("citizen");
    let front = loket.token("frontoffice");
    let body = gql(loket, Some(citizen), "{ me { person { bsn } } }").await;
    let bsn = text(&data(&body)["me"]["person"]["bsn"]).to_owned();
    let (day, starts) = a_day_with_room(loket, &["rijbewijs"]).await;

    let own = format!(
        "products: [\"rijbewijs\"], location: \"stadskantoor\", start: \"{}\", name: \"Bewoner\", \
         phone: \"06 1234 5678\"",
        starts[0]
    );
    let body = book(loket, Some(citizen), &own).await;
    let made = &data(&body)["bookAppointment"]["appointment"];
    assert_eq!(
        made["subject"],
        bsn.as_str(),
        "a resident books for themselves"
    );
    assert_eq!(made["phone"], "+31612345678");
    let id = text(&made["id"]).to_owned();

    // The front office books for the same resident; both show under `me`.
    let counter = format!(
        "products: [\"uittreksel-brp\"], location: \"stadskantoor\", start: \"{}\", \
         name: \"Bewoner\", subject: \"{bsn}\"",
        starts[1]
    );
    let body = book(loket, Some(front), &counter).await;
    let by_front = &data(&body)["bookAppointment"]["appointment"];
    assert_eq!(by_front["subject"], bsn.as_str());
    let body = gql(
        loket,
        Some(citizen),
        &format!("{{ me {{ appointments {{ {APPOINTMENT} }} }} }}"),
    )
    .await;
    let mine = data(&body)["me"]["appointments"].as_array().unwrap();
    assert_eq!(mine.len(), 2, "{body}");
    let body = gql(loket, Some(front), "{ me { appointments { id } } }").await;
    assert!(data(&body)["me"]["appointments"].is_null());

    // Moved to a later time: the same appointment, a new version; a stale version changes
    // nothing, and neither does a time that is no start.
    let later = &starts[starts.len() - 1];
    let move_to = |version: i64, start: &str| {
        format!("id: \"{id}\", expectedVersion: {version}, start: \"{start}\"")
    };
    let body = change(
        loket,
        Some(citizen),
        "rescheduleAppointment",
        &move_to(1, later),
    )
    .await;
    let moved = changed(&body, "rescheduleAppointment");
    assert_eq!(
        (moved["start"].as_str(), moved["version"].as_i64()),
        (Some(later.as_str()), Some(2))
    );
    let body = change(
        loket,
        Some(citizen),
        "rescheduleAppointment",
        &move_to(1, &starts[0]),
    )
    .await;
    assert_eq!(error(&body).0, "CONFLICT", "{body}");
    let body = change(
        loket,
        Some(citizen),
        "rescheduleAppointment",
        &move_to(2, "2020-01-01T10:00:00Z"),
    )
    .await;
    assert_eq!(error(&body), ("BAD_USER_INPUT", Some("start")), "{body}");
    // A small shift overlapping its own time is no clash with itself.
    let body = change(
        loket,
        Some(citizen),
        "rescheduleAppointment",
        &move_to(2, later),
    )
    .await;
    assert_eq!(changed(&body, "rescheduleAppointment")["version"], 3);

    // Not someone else's: an anonymous booking is not the resident's to move or cancel.
    let (_, others) = a_day_with_room(loket, &["legalisatie-handtekening"]).await;
    let body = book(
        loket,
        None,
        &anonymous_booking(&["legalisatie-handtekening"], &others[0], ""),
    )
    .await;
    let stranger = text(&data(&body)["bookAppointment"]["appointment"]["id"]).to_owned();
    let body = change(
        loket,
        Some(citizen),
        "cancelAppointment",
        &format!("id: \"{stranger}\", expectedVersion: 1"),
    )
    .await;
    assert_eq!(error(&body).0, "NOT_FOUND", "{body}");
    let body = change(
        loket,
        Some(citizen),
        "cancelAppointment",
        &format!("id: \"{id}\""),
    )
    .await;
    assert_eq!(
        error(&body),
        ("BAD_USER_INPUT", Some("expectedVersion")),
        "{body}"
    );
    let body = change(
        loket,
        Some(citizen),
        "cancelAppointment",
        &format!("id: \"{id}\", expectedVersion: 3"),
    )
    .await;
    assert_eq!(changed(&body, "cancelAppointment")["status"], "CANCELLED");

    // Residents and anonymous callers do not see the counter's list or take its steps.
    let list = format!(
        "{{ appointments(filter: {{ location: \"stadskantoor\", day: \"{day}\" }}) {{ id }} }}"
    );
    let body = gql(loket, Some(citizen), &list).await;
    assert_eq!(error(&body).0, "FORBIDDEN", "{body}");
    let body = change(loket, None, "checkIn", &format!("id: \"{stranger}\"")).await;
    assert_eq!(error(&body).0, "FORBIDDEN", "{body}");

    // The counter's day list shows the day's appointments with whose they are, and reading
    // it is logged for the resident.
    let body = gql(
        loket,
        Some(front),
        &format!("{{ appointments(filter: {{ location: \"stadskantoor\", day: \"{day}\", statuses: [BOOKED] }}) {{ {APPOINTMENT} }} }}"),
    )
    .await;
    let listed = data(&body)["appointments"].as_array().unwrap();
    assert!(listed.iter().all(|a| a["status"] == "BOOKED"), "{body}");
    assert!(
        listed.iter().any(|a| a["subject"] == bsn.as_str()),
        "{body}"
    );
    let starts_in_order: Vec<&str> = listed.iter().map(|a| text(&a["start"])).collect();
    let mut sorted = starts_in_order.clone();
    sorted.sort_unstable();
    assert_eq!(starts_in_order, sorted);
    let body = gql(
        loket,
        Some(loket.token("admin")),
        &format!(
            "{{ processingLog(filter: {{ bsn: \"{bsn}\" }}, first: 50) {{ edges {{ node {{ operation fieldGroups }} }} }} }}"
        ),
    )
    .await;
    let logged = data(&body).to_string();
    assert!(logged.contains("\"appointments\""), "{body}");
}

// ---------------------------------------------------------------------------------------------
// The counter's day
// ---------------------------------------------------------------------------------------------

/// Puts an appointment at the Stadskantoor's wedding desk that started a minute ago (or at
/// midnight), as a booking made earlier would have: what the counter works through today.
async fn booked_earlier(url: &str, name: &str) -> Uuid {
    let db = Db::connect(url).await.unwrap();
    let tenant = TenantId::new("enschede").unwrap();
    let now = Utc::now();
    let start = (now - Duration::minutes(1)).max(Calendar::start_of(Calendar::local_date(now)));
    let row = NewRow {
        id: Uuid::now_v7(),
        reference: format!(
            "A-T{}",
            &Uuid::new_v4().simple().to_string()[..7].to_uppercase()
        ),
        cancel_code_hash: "0".repeat(64),
        place: Place {
            location: "stadskantoor".into(),
            desk: format!("{name}-desk"),
            start,
            end: start + Duration::minutes(10),
        },
        products: vec!["uittreksel-brp".into()],
        persons: 1,
        subject_bsn: None,
        contact_name: name.into(),
        email: None,
        phone: None,
        booked_by: "anonymous".into(),
        idempotency_key: None,
        fingerprint: String::new(),
        created_at: now - Duration::days(3),
    };
    let session = Session::new(&db, tenant.clone(), Mode::Write);
    let made = {
        let tx = session.tx(&tenant).await.unwrap();
        store::insert(&tx, &tenant, row).await.unwrap()
    };
    session.finish(true).await.unwrap();
    match made {
        Inserted::New(a) => a.id,
        Inserted::Earlier(..) => panic!("no key given"),
    }
}

async fn the_counter_works_through_its_day(loket: &Loket, url: &str) {
    let front = loket.token("frontoffice");
    let global = |id: Uuid| {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("Appointment:{id}"))
    };
    let arrives = global(booked_earlier(url, "arrives").await);
    let stays_away = global(booked_earlier(url, "stays-away").await);
    let today = Calendar::local_date(Utc::now());
    let body = gql(
        loket,
        Some(front),
        &format!("{{ appointments(filter: {{ location: \"stadskantoor\", day: \"{today}\" }}) {{ id name status }} }}"),
    )
    .await;
    let ids: Vec<&str> = data(&body)["appointments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| text(&a["id"]))
        .collect();
    assert!(
        ids.contains(&arrives.as_str()) && ids.contains(&stays_away.as_str()),
        "{body}"
    );

    let id = |id: &str| format!("id: \"{id}\"");
    let body = change(loket, Some(front), "checkIn", &id(&arrives)).await;
    let checked = changed(&body, "checkIn");
    assert_eq!(checked["status"], "CHECKED_IN");
    assert!(checked["checkedInAt"].is_string());
    let body = change(loket, Some(front), "checkIn", &id(&arrives)).await;
    assert_eq!(error(&body).0, "CONFLICT", "{body}");
    let body = change(loket, Some(front), "completeAppointment", &id(&arrives)).await;
    assert_eq!(error(&body).0, "CONFLICT", "not called yet: {body}");
    let body = change(
        loket,
        Some(front),
        "callAppointment",
        &format!("{}, desk: \"balie-9\"", id(&arrives)),
    )
    .await;
    assert_eq!(error(&body), ("BAD_USER_INPUT", Some("desk")), "{body}");
    let body = change(
        loket,
        Some(front),
        "callAppointment",
        &format!("{}, desk: \"balie-2\"", id(&arrives)),
    )
    .await;
    let called = changed(&body, "callAppointment");
    assert_eq!(
        (called["status"].as_str(), called["calledDesk"].as_str()),
        (Some("CALLED"), Some("balie-2"))
    );
    let body = change(loket, Some(front), "completeAppointment", &id(&arrives)).await;
    let done = changed(&body, "completeAppointment");
    assert_eq!(done["status"], "COMPLETED");
    assert!(instant(&done["completedAt"]) >= instant(&called["calledAt"]));
    let body = change(loket, Some(front), "markNoShow", &id(&arrives)).await;
    assert_eq!(error(&body).0, "CONFLICT", "{body}");

    let body = change(loket, Some(front), "markNoShow", &id(&stays_away)).await;
    assert_eq!(changed(&body, "markNoShow")["status"], "NO_SHOW");

    // The managers' report: one called within the norm, one no-show of two settled, per
    // product and location; a year earlier had none.
    let body = gql(
        loket,
        Some(loket.token("manager")),
        &format!(
            "{{ serviceReport(period: {{ from: \"{today}\", to: \"{today}\" }}) {{ \
             current {{ counter {{ seenWithinMinutes targetPercentage achieved cancelled \
               seenInTime {{ count total percentage }} noShows {{ count total percentage }} \
               perProduct {{ location product label appointments }} }} }} \
             previous {{ counter {{ seenInTime {{ total }} }} }} \
             changes {{ counter {{ seenInTimePoints noShowPoints appointments }} }} }} }}"
        ),
    )
    .await;
    let report = &data(&body)["serviceReport"];
    let counter = &report["current"]["counter"];
    assert_eq!(counter["seenWithinMinutes"], 10, "{body}");
    assert_eq!(counter["targetPercentage"], 85);
    assert_eq!(
        counter["seenInTime"],
        serde_json::json!({ "count": 1, "total": 1, "percentage": 100.0 })
    );
    assert_eq!(counter["achieved"], true);
    assert_eq!(
        counter["noShows"],
        serde_json::json!({ "count": 1, "total": 2, "percentage": 50.0 })
    );
    assert_eq!(
        counter["perProduct"],
        serde_json::json!([{ "location": "stadskantoor", "product": "uittreksel-brp",
            "label": "Uittreksel Basisregistratie Personen (BRP)", "appointments": 2 }])
    );
    assert_eq!(report["previous"]["counter"]["seenInTime"]["total"], 0);
    let difference = &report["changes"]["counter"];
    assert_eq!(difference["appointments"], 2, "{body}");
    assert!(
        difference["seenInTimePoints"].is_null(),
        "nobody was called a year earlier"
    );
    let (status, csv) = {
        let r = loket
            .client()
            .get(format!(
                "{}/reports/service.csv?from={today}&to={today}",
                loket.base
            ))
            .bearer_auth(loket.token("manager"))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    };
    assert_eq!(status, 200, "{csv}");
    assert!(
        csv.contains("counter,,seen-in-time,Called within 10 minutes,percentage,100,,"),
        "{csv}"
    );
    assert!(
        csv.contains("counter,,no-shows,No-shows,percentage,50,,"),
        "{csv}"
    );
    assert!(
        csv.contains("counter-product,,uittreksel-brp,stadskantoor,appointments,2,0,2"),
        "{csv}"
    );

    // Once its time has come an appointment is no longer moved or cancelled, also not by the
    // counter: what happened is recorded instead.
    let late = global(booked_earlier(url, "too-late").await);
    let body = change(
        loket,
        Some(front),
        "cancelAppointment",
        &format!("id: \"{late}\", expectedVersion: 1"),
    )
    .await;
    assert_eq!(error(&body).0, "CONFLICT", "{body}");

    // A future appointment cannot be a no-show, nor checked in today.
    let (_, starts) = a_day_with_room(loket, &["uittreksel-brp"]).await;
    let body = book(
        loket,
        None,
        &anonymous_booking(&["uittreksel-brp"], &starts[0], ""),
    )
    .await;
    let future = text(&data(&body)["bookAppointment"]["appointment"]["id"]).to_owned();
    for step in ["markNoShow", "checkIn"] {
        let body = change(loket, Some(front), step, &id(&future)).await;
        assert_eq!(error(&body).0, "CONFLICT", "{step}: {body}");
    }
    let body = change(
        loket,
        Some(front),
        "checkIn",
        "id: \"bm90LWFuLWFwcG9pbnRtZW50\"",
    )
    .await;
    assert_eq!(error(&body), ("BAD_USER_INPUT", Some("id")), "{body}");
}

// ---------------------------------------------------------------------------------------------
// Racing for a time
// ---------------------------------------------------------------------------------------------

async fn fifty_residents_racing_for_the_last_free_time(loket: &Loket) {
    let (_, starts) = a_day_with_room(loket, &[WEDDING]).await;
    let start = starts[0].clone();
    let tasks: Vec<_> = (0..50)
        .map(|n| {
            let fields = format!(
                "products: [\"{WEDDING}\"], location: \"stadskantoor\", start: \"{start}\", \
                 name: \"Bewoner {n}\", email: \"bewoner{n}@example.org\""
            );
            async move { book(loket, None, &fields).await }
        })
        .collect();
    let answers = futures_util::future::join_all(tasks).await;
    let booked = answers.iter().filter(|b| b.get("errors").is_none()).count();
    let conflicts = answers
        .iter()
        .filter(|b| b.get("errors").is_some() && error(b).0 == "CONFLICT")
        .count();
    let errors: Vec<String> = loket
        .log()
        .lines()
        .filter(|l| l.contains("ERROR"))
        .map(str::to_owned)
        .collect();
    assert_eq!((booked, conflicts), (1, 49), "{errors:?}");
}

async fn a_move_racing_a_booking_loses_neither(loket: &Loket) {
    let citizen = loket.token("citizen");
    let (_, starts) = a_day_with_room(loket, &[WEDDING]).await;
    // The wedding desk's times on that day, in pairs: the citizen's, and the one both want.
    for pair in starts.chunks(6).take(4) {
        let (old, new) = (&pair[0], &pair[3]);
        let body = book(
            loket,
            Some(citizen),
            &format!(
                "products: [\"{WEDDING}\"], location: \"stadskantoor\", start: \"{old}\", name: \"Bewoner\""
            ),
        )
        .await;
        let id = text(&data(&body)["bookAppointment"]["appointment"]["id"]).to_owned();
        let move_input = format!("id: \"{id}\", expectedVersion: 1, start: \"{new}\"");
        let booking_input = anonymous_booking(&[WEDDING], new, "");
        let moving = change(loket, Some(citizen), "rescheduleAppointment", &move_input);
        let booking = book(loket, None, &booking_input);
        let (moved, booked) = tokio::join!(moving, booking);
        let (moved_ok, booked_ok) = (
            moved.get("errors").is_none(),
            booked.get("errors").is_none(),
        );
        assert!(
            moved_ok != booked_ok,
            "exactly one gets the time: {moved} {booked}"
        );
        if !moved_ok {
            assert_eq!(error(&moved).0, "CONFLICT", "{moved}");
        }
        let body = gql(
            loket,
            Some(citizen),
            "{ me { appointments { id start status } } }",
        )
        .await;
        let mine = data(&body)["me"]["appointments"].as_array().unwrap();
        let it = mine.iter().find(|a| a["id"] == id.as_str()).unwrap();
        assert_eq!(it["status"], "BOOKED");
        assert_eq!(
            it["start"],
            if moved_ok { new.as_str() } else { old.as_str() }
        );
    }
}

// ---------------------------------------------------------------------------------------------
// On SQLite and on PostgreSQL
// ---------------------------------------------------------------------------------------------

async fn on_sqlite() -> (Loket, String) {
    let db = TestDb::sqlite_empty().await;
    let url = db.url().to_owned();
    (Loket::start(db).await, url)
}

async fn on_postgres() -> Option<(Loket, String)> {
    let db = TestDb::postgres_empty().await?;
    let url = db.url().to_owned();
    Some((Loket::start(db).await, url))
}

#[tokio::test]
async fn finding_and_booking_a_time_on_sqlite() {
    finding_and_booking_a_time(&on_sqlite().await.0).await;
}

#[tokio::test]
async fn finding_and_booking_a_time_on_postgres() {
    let Some((loket, _)) = on_postgres().await else {
        return;
    };
    finding_and_booking_a_time(&loket).await;
}

#[tokio::test]
async fn a_resident_books_moves_and_cancels_on_sqlite() {
    a_resident_books_moves_and_cancels(&on_sqlite().await.0).await;
}

#[tokio::test]
async fn a_resident_books_moves_and_cancels_on_postgres() {
    let Some((loket, _)) = on_postgres().await else {
        return;
    };
    a_resident_books_moves_and_cancels(&loket).await;
}

#[tokio::test]
async fn the_counter_works_through_its_day_on_sqlite() {
    let (loket, url) = on_sqlite().await;
    the_counter_works_through_its_day(&loket, &url).await;
}

#[tokio::test]
async fn the_counter_works_through_its_day_on_postgres() {
    let Some((loket, url)) = on_postgres().await else {
        return;
    };
    the_counter_works_through_its_day(&loket, &url).await;
}

#[tokio::test]
async fn racing_for_times_on_sqlite() {
    let (loket, _) = on_sqlite().await;
    fifty_residents_racing_for_the_last_free_time(&loket).await;
    a_move_racing_a_booking_loses_neither(&loket).await;
}

#[tokio::test]
async fn racing_for_times_on_postgres() {
    let Some((loket, _)) = on_postgres().await else {
        return;
    };
    fifty_residents_racing_for_the_last_free_time(&loket).await;
    a_move_racing_a_booking_loses_neither(&loket).await;
}
