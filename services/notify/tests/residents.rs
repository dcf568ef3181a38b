//! What residents hear, on both engines: permits applied for and decided near their home
//! (radius, product choice, never about their own application, never a BSN), their own cases
//! by e-mail in the municipality's Dutch texts, and travel document reminders by text message
//! on the tenant's lead times, queued once however often the day runs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::{Days, Duration};
use loket_kernel::TenantId;
use loket_notify::{Channel, DeliveryStatus, NewSubscription, Topic, grid};
use serde_json::Value;
use support::*;

fn kinds(messages: &[Value]) -> Vec<String> {
    let mut kinds: Vec<String> = messages
        .iter()
        .map(|m| m["kind"].as_str().unwrap().to_owned())
        .collect();
    kinds.sort();
    kinds
}

#[tokio::test]
async fn permits_near_me_reach_the_subscribers_whose_circle_holds_them() {
    for w in World::each().await {
        let engine = w.engine();
        let (anna, bert, carla, fenna) = (
            w.citizen(ANNA),
            w.citizen(BERT),
            w.citizen(CARLA),
            w.citizen(FENNA),
        );
        // Anna and Bert live at the same point; the site lies 400 m east of it.
        let wide = w
            .subscribe(
                &anna,
                near_me("anna@example.nl", 500, &["omgevingsvergunning"]),
            )
            .await;
        assert_eq!(wide.subscription.topic, Topic::NearMe);
        assert_eq!(wide.subscription.radius_m, Some(500));
        assert_eq!(wide.secret, None);
        let narrow = w
            .subscribe(&bert, near_me("bert@example.nl", 300, &[]))
            .await;
        let own = w
            .subscribe(&carla, near_me("carla@example.nl", 500, &[]))
            .await;
        let driveways = w
            .subscribe(
                &fenna,
                near_me("fenna@example.nl", 1000, &["uitritvergunning"]),
            )
            .await;

        // The grid index finds who a permit at the site would reach.
        let site = grid::east_of(HOME.0, HOME.1, 400.0);
        let enschede = TenantId::new("enschede").unwrap();
        let mut reached = w
            .notify
            .subscribers_near(&enschede, site.0, site.1)
            .await
            .unwrap();
        reached.sort_by_key(|(id, _)| *id);
        let mut expected = vec![
            wide.subscription.id,
            own.subscription.id,
            driveways.subscription.id,
        ];
        expected.sort();
        assert_eq!(
            reached.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            expected,
            "{engine}"
        );
        for (id, distance) in &reached {
            let expected = if *id == own.subscription.id {
                0.0
            } else {
                400.0
            };
            assert!((distance - expected).abs() < 2.0, "{engine}: {distance}");
        }

        // Carla applies for a building permit at her home, which is published.
        let case = w.apply(&carla, "omgevingsvergunning").await;
        assert_eq!(case.address_id.as_deref(), Some(HENGELOSESTRAAT_12));
        let round = w.drain().await;
        assert_eq!(round.events, 1, "{engine}");
        assert_eq!((round.queued, round.sent), (1, 1), "{engine}: {round:?}");

        let created = w.deliveries_of(&wide).await;
        assert_eq!(created.len(), 1, "{engine}");
        assert_eq!(created[0].event_kind, "near-me.created");
        assert_eq!(created[0].status, DeliveryStatus::Sent);
        assert_eq!(created[0].channel, Channel::Email);
        assert_eq!(created[0].attempts, 1);
        assert!(created[0].sent_at.is_some());
        // 300 m is not enough; the applicant hears nothing about her own application; a
        // subscriber who chose driveways only hears nothing about a building permit.
        assert!(w.deliveries_of(&narrow).await.is_empty(), "{engine}");
        assert!(w.deliveries_of(&own).await.is_empty(), "{engine}");
        assert!(w.deliveries_of(&driveways).await.is_empty(), "{engine}");

        let log = w.log();
        assert_eq!(log.len(), 1, "{engine}: {log:?}");
        let message = &log[0];
        assert_eq!(message["to"], "anna@example.nl");
        assert_eq!(message["channel"], "email");
        assert_eq!(message["tenant"], "enschede");
        assert_eq!(message["kind"], "near-me.created");
        assert_eq!(message["key"], created[0].key.as_str());
        assert_eq!(
            message["subject"],
            "Nieuwe aanvraag bij u in de buurt: Omgevingsvergunning bouwen"
        );
        let body = message["body"].as_str().unwrap();
        assert!(body.contains(HENGELOSESTRAAT_LABEL), "{body}");
        assert!(body.contains("Op 400 meter van uw adres"), "{body}");
        assert!(body.contains("Gemeente Enschede"), "{body}");
        assert!(!body.contains(&case.reference), "{body}");
        assert!(!body.contains("Carla"), "{body}");
        assert_no_bsn(&message.to_string());

        // The decision is published too.
        w.decide(&case, "granted").await;
        let round = w.drain().await;
        assert_eq!((round.events, round.sent), (1, 1), "{engine}: {round:?}");
        let decided = w.log_to("anna@example.nl");
        assert_eq!(
            kinds(&decided),
            ["near-me.created", "near-me.decided"],
            "{engine}"
        );
        let decision = decided
            .iter()
            .find(|m| m["kind"] == "near-me.decided")
            .unwrap();
        assert_eq!(
            decision["subject"],
            "Besluit bij u in de buurt: Omgevingsvergunning bouwen"
        );
        let body = decision["body"].as_str().unwrap();
        assert!(body.contains("Verleend"), "{body}");
        assert!(body.contains(HENGELOSESTRAAT_LABEL), "{body}");
        assert_no_bsn(&decision.to_string());
        assert!(w.deliveries_of(&narrow).await.is_empty(), "{engine}");
        assert!(w.deliveries_of(&own).await.is_empty(), "{engine}");

        // A driveway permit at the same site reaches the driveway subscriber only (Anna
        // chose building permits; Bert is too far; Carla applied).
        w.apply(&carla, "uitritvergunning").await;
        w.drain().await;
        let driveway = w.log_to("fenna@example.nl");
        assert_eq!(kinds(&driveway), ["near-me.created"], "{engine}");
        assert_eq!(
            driveway[0]["subject"],
            "Nieuwe aanvraag bij u in de buurt: Uitritvergunning"
        );
        assert_eq!(w.log_to("anna@example.nl").len(), 2, "{engine}");
        assert!(w.log_to("bert@example.nl").is_empty(), "{engine}");
        assert!(w.log_to("carla@example.nl").is_empty(), "{engine}");
        assert_eq!(w.log().len(), 3, "{engine}");
    }
}

#[tokio::test]
async fn residents_hear_about_their_own_cases_in_dutch() {
    for w in World::each().await {
        let engine = w.engine();
        let (anna, bert) = (w.citizen(ANNA), w.citizen(BERT));
        let mine = w
            .subscribe(&anna, by_email("my-cases", "  anna@example.nl "))
            .await;
        assert_eq!(mine.subscription.address, "anna@example.nl");
        assert_eq!(mine.subscription.language, "nl");
        assert_eq!(mine.subscription.channel, Channel::Email);

        let case = w.apply(&anna, "omgevingsvergunning").await;
        let other = w.apply(&bert, "omgevingsvergunning").await;
        let case = w.set_status(&case, "in-review").await;
        let other = w.set_status(&other, "in-review").await;
        w.decide(&case, "granted").await;
        w.decide(&other, "refused").await;
        let round = w.drain().await;
        assert_eq!(round.events, 6, "{engine}");
        assert_eq!((round.queued, round.sent), (3, 3), "{engine}: {round:?}");

        let deliveries = w.deliveries_of(&mine).await;
        assert_eq!(deliveries.len(), 3, "{engine}");
        assert!(
            deliveries
                .iter()
                .all(|d| d.status == DeliveryStatus::Sent && d.attempts == 1)
        );
        // E-mail without an SMTP server goes to the log sink, one line per message.
        let log = w.log();
        assert_eq!(log.len(), 3, "{engine}: {log:?}");
        assert!(log.iter().all(|m| m["to"] == "anna@example.nl"));
        assert!(log.iter().all(|m| m["channel"] == "email"));
        let of = |kind: &str| log.iter().find(|m| m["kind"] == kind).unwrap();
        let reference = case.reference.as_str();

        let created = of("case.created");
        assert_eq!(
            created["subject"],
            format!("We hebben uw aanvraag {reference} ontvangen")
        );
        let body = created["body"].as_str().unwrap();
        assert!(body.starts_with("Beste inwoner,"), "{body}");
        assert!(
            body.contains(&format!(
                "We hebben uw aanvraag Omgevingsvergunning bouwen ontvangen. Het zaaknummer is {reference}."
            )),
            "{body}"
        );
        assert!(body.contains("Mijn Gemeente Enschede"), "{body}");

        let changed = of("case.status_changed");
        assert_eq!(
            changed["subject"],
            format!("Uw aanvraag {reference}: In behandeling")
        );
        assert!(
            changed["body"]
                .as_str()
                .unwrap()
                .contains("heeft een nieuwe status: In behandeling.")
        );

        let decided = of("case.decided");
        assert_eq!(
            decided["subject"],
            format!("Besluit op uw aanvraag {reference}")
        );
        assert!(
            decided["body"]
                .as_str()
                .unwrap()
                .contains(&format!("({reference}): Verleend."))
        );
        // The key names the event and the subscription; nothing of Bert's case and no BSN.
        for message in &log {
            assert!(
                message["key"]
                    .as_str()
                    .unwrap()
                    .ends_with(&mine.subscription.id.to_string())
            );
            assert!(!message.to_string().contains(&other.reference));
            assert_no_bsn(&message.to_string());
        }
        // Nothing more to do.
        assert_eq!(w.drain().await, loket_notify::Round::default());
    }
}

#[tokio::test]
async fn travel_document_reminders_follow_the_lead_times_once_each() {
    for w in World::each().await {
        let engine = w.engine();
        let eva = w.citizen(EVA);
        let sms = w
            .subscribe(
                &eva,
                NewSubscription {
                    topic: "reminders".into(),
                    channel: "sms".into(),
                    address: "06-1234 5678".into(),
                    ..NewSubscription::default()
                },
            )
            .await;
        assert_eq!(sms.subscription.address, "+31612345678");
        let expires = w.passport_expires;
        let eight_weeks = expires - Duration::weeks(8);
        let two_weeks = expires - Duration::weeks(2);

        // Enschede reminds 8 and 2 weeks ahead: nothing the day before the first.
        assert_eq!(
            w.dispatcher
                .remind(eight_weeks - Days::new(1))
                .await
                .unwrap(),
            0,
            "{engine}"
        );
        assert_eq!(
            w.dispatcher.remind(eight_weeks).await.unwrap(),
            1,
            "{engine}"
        );
        // The same day again, and the days after, queue nothing new.
        assert_eq!(
            w.dispatcher.remind(eight_weeks).await.unwrap(),
            0,
            "{engine}"
        );
        assert_eq!(
            w.dispatcher
                .remind(eight_weeks + Days::new(10))
                .await
                .unwrap(),
            0,
            "{engine}"
        );
        assert_eq!(w.dispatcher.remind(two_weeks).await.unwrap(), 1, "{engine}");
        assert_eq!(w.dispatcher.remind(two_weeks).await.unwrap(), 0, "{engine}");
        assert_eq!(w.dispatcher.remind(expires).await.unwrap(), 0, "{engine}");
        assert_eq!(
            w.dispatcher.remind(expires + Days::new(1)).await.unwrap(),
            0,
            "{engine}"
        );

        let round = w.drain().await;
        assert_eq!(round.sent, 2, "{engine}: {round:?}");
        let deliveries = w.deliveries_of(&sms).await;
        assert_eq!(deliveries.len(), 2, "{engine}");
        assert!(deliveries.iter().all(|d| d.channel == Channel::Sms
            && d.event_kind == "reminder.travel-document"
            && d.status == DeliveryStatus::Sent));
        let mut keys: Vec<&str> = deliveries.iter().map(|d| d.key.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                format!("reminder.{}.{PASSPORT}.{expires}.2w", sms.subscription.id),
                format!("reminder.{}.{PASSPORT}.{expires}.8w", sms.subscription.id),
            ],
            "{engine}"
        );

        // Without an SMS gateway the text messages go to the log sink, without a subject.
        let log = w.log_to("+31612345678");
        assert_eq!(log.len(), 2, "{engine}");
        let expected = format!(
            "Gemeente Enschede: uw paspoort verloopt op {}. Maak op tijd een afspraak voor een nieuwe.",
            expires.format("%d-%m-%Y")
        );
        for message in &log {
            assert_eq!(message["channel"], "sms");
            assert_eq!(message["kind"], "reminder.travel-document");
            assert_eq!(message["subject"], Value::Null);
            assert_eq!(message["body"], expected.as_str());
        }
    }
}

#[tokio::test]
async fn an_identity_card_reminder_names_the_document_in_dutch() {
    for w in World::each().await {
        let eva = w.citizen(EVA);
        w.subscribe(&eva, by_email("reminders", "eva@example.nl"))
            .await;
        let day = w.card_expires - Duration::weeks(2);
        assert_eq!(w.dispatcher.remind(day).await.unwrap(), 1, "{}", w.engine());
        w.drain().await;
        let log = w.log_to("eva@example.nl");
        assert_eq!(log.len(), 1);
        assert_eq!(
            log[0]["subject"],
            format!(
                "Uw identiteitskaart verloopt op {}",
                w.card_expires.format("%d-%m-%Y")
            )
        );
    }
}
