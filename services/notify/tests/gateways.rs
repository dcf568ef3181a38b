//! A municipality with an SMS gateway, on both engines: text messages are posted to it with
//! the tenant's sender name, the bearer token read from the tenant's token file and the
//! delivery key as `reference` (the same on a retry), while e-mail still goes to the log sink.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use std::{collections::HashMap, time::Duration};

use chrono::Duration as Weeks;
use loket_kernel::{TenantId, config::SmsGatewayConfig};
use loket_notify::{
    Channel, DeliveryStatus, Dispatcher, NewSubscription,
    send::{SenderSettings, Senders},
};
use serde_json::Value;
use support::{receiver::Receiver, *};

const TOKEN: &str = "gateway-token-3f9a";

/// A dispatcher for the world's service whose Enschede sends text messages to `url`.
fn with_gateway(w: &World, url: &str) -> Dispatcher {
    let token_file = w.dir().join("sms-token");
    std::fs::write(&token_file, format!("{TOKEN}\n")).unwrap();
    let mut tenants = (*w.tenants).clone();
    let enschede = TenantId::new("enschede").unwrap();
    tenants
        .tenants
        .get_mut(&enschede)
        .unwrap()
        .notifications
        .sms_gateway = Some(SmsGatewayConfig {
        url: url.to_owned(),
        token: Some(format!("file:{}", token_file.display())),
    });
    let settings = SenderSettings {
        log_file: Some(w.dir().join("messages.jsonl")),
        smtp_url: None,
        timeout: Duration::from_secs(5),
        loopback_webhooks: true,
    };
    let senders = Senders::new(&settings, &tenants).unwrap();
    Dispatcher::new(w.notify.clone(), senders, quick())
}

fn sms(topic: &str, phone: &str) -> NewSubscription {
    NewSubscription {
        channel: "sms".into(),
        ..by_email(topic, phone)
    }
}

#[tokio::test]
async fn text_messages_go_through_the_gateway_and_keep_their_reference_on_a_retry() {
    for w in World::each().await {
        let engine = w.engine();
        let gateway = Receiver::start().await;
        gateway.answer(503);
        let dispatcher = with_gateway(&w, &gateway.url("/messages"));
        let (anna, eva) = (w.citizen(ANNA), w.citizen(EVA));
        let texts = w.subscribe(&anna, sms("my-cases", "06 8765 4321")).await;
        let mails = w
            .subscribe(&anna, by_email("my-cases", "anna@example.nl"))
            .await;
        let reminders = w.subscribe(&eva, sms("reminders", "0612345678")).await;

        let case = w.apply(&anna, "omgevingsvergunning").await;
        let day = w.passport_expires - Weeks::weeks(8);
        assert_eq!(dispatcher.remind(day).await.unwrap(), 1, "{engine}");

        // The gateway is down: both text messages wait; the e-mail is written to the log.
        let round = dispatcher.round().await.unwrap();
        assert_eq!((round.queued, round.sent), (2, 1), "{engine}: {round:?}");
        assert_eq!(round.retried, 2, "{engine}: {round:?}");
        for subscription in [&texts, &reminders] {
            let waiting = w.deliveries_of(subscription).await;
            assert_eq!(waiting.len(), 1, "{engine}");
            assert_eq!(waiting[0].status, DeliveryStatus::Pending);
            assert_eq!(waiting[0].channel, Channel::Sms);
            assert!(waiting[0].last_error.as_deref().unwrap().contains("503"));
        }
        assert_eq!(gateway.hits("/messages").len(), 2, "{engine}");

        // It is back.
        gateway.answer(200);
        tokio::time::sleep(Duration::from_millis(60)).await;
        let round = dispatcher.drain().await.unwrap();
        assert_eq!(round.sent, 2, "{engine}: {round:?}");
        let hits = gateway.hits("/messages");
        assert_eq!(hits.len(), 4, "{engine}");
        let mut by_reference: HashMap<String, Vec<Value>> = HashMap::new();
        for hit in &hits {
            assert_eq!(hit.header("authorization"), format!("Bearer {TOKEN}"));
            assert_eq!(hit.header("content-type"), "application/json");
            let json = hit.json();
            let reference = json["reference"].as_str().unwrap().to_owned();
            by_reference.entry(reference).or_default().push(json);
        }
        assert_eq!(by_reference.len(), 2, "{engine}: {by_reference:?}");
        for subscription in [&texts, &reminders] {
            let delivery = w.deliveries_of(subscription).await.remove(0);
            assert_eq!(
                (delivery.status, delivery.attempts),
                (DeliveryStatus::Sent, 2),
                "{engine}"
            );
            // Both attempts carried the delivery key and the same message.
            let attempts = &by_reference[&delivery.key];
            assert_eq!(attempts.len(), 2, "{engine}");
            assert_eq!(attempts[0], attempts[1]);
            let message = &attempts[0];
            assert_eq!(message["from"], "Enschede");
            assert_eq!(message["to"], subscription.subscription.address.as_str());
            let text = message["text"].as_str().unwrap();
            assert!(text.chars().count() <= 160, "{text}");
            assert!(text.starts_with("Gemeente Enschede: "), "{text}");
            assert_no_bsn(text);
        }
        let case_text = &by_reference[&w.deliveries_of(&texts).await[0].key][0];
        assert_eq!(
            case_text["text"],
            format!(
                "Gemeente Enschede: we hebben uw aanvraag Omgevingsvergunning bouwen ({}) ontvangen.",
                case.reference
            )
        );
        assert_eq!(case_text["to"], "+31687654321");
        let reminder = &by_reference[&w.deliveries_of(&reminders).await[0].key][0];
        assert!(
            reminder["text"]
                .as_str()
                .unwrap()
                .contains(&w.passport_expires.format("%d-%m-%Y").to_string())
        );

        // Only the e-mail went to the log sink.
        let log = w.log();
        assert_eq!(log.len(), 1, "{engine}: {log:?}");
        assert_eq!(log[0]["channel"], "email");
        assert_eq!(log[0]["to"], "anna@example.nl");
        assert_eq!(log[0]["key"], w.deliveries_of(&mails).await[0].key.as_str());
    }
}

#[tokio::test]
async fn a_gateway_refusing_a_message_dead_letters_it_at_once() {
    for w in World::each().await {
        let engine = w.engine();
        let gateway = Receiver::start().await;
        gateway.answer(400);
        let dispatcher = with_gateway(&w, &gateway.url("/messages"));
        let texts = w
            .subscribe(&w.citizen(ANNA), sms("my-cases", "0687654321"))
            .await;
        w.apply(&w.citizen(ANNA), "omgevingsvergunning").await;
        let round = dispatcher.drain().await.unwrap();
        assert_eq!((round.sent, round.dead), (0, 1), "{engine}: {round:?}");
        let dead = w.deliveries_of(&texts).await.remove(0);
        assert_eq!((dead.status, dead.attempts), (DeliveryStatus::Dead, 1));
        assert!(dead.last_error.as_deref().unwrap().contains("400"));
        assert_eq!(dead.next_attempt_at, None);
        assert_eq!(gateway.hits("/messages").len(), 1, "{engine}");
        assert!(w.log().is_empty(), "{engine}");
    }
}
