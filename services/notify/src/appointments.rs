//! Messages about appointments at the counter. The resident gave an e-mail address and/or a
//! mobile number when booking; their messages go there, without a subscription:
//! - a confirmation (with the cancellation code, a cancel link on the portal where the
//!   municipality has a host name, and the appointment as an iCalendar attachment);
//! - a message when it is moved or cancelled (the attachment updates or removes the entry in
//!   the resident's calendar: same UID, higher SEQUENCE);
//! - reminders, stored with the booking as deliveries due at their moment, so the dispatcher
//!   sends them when they fall due. A move or cancellation cancels the pending ones (a move
//!   makes new ones for the new time).
//!
//! Delivery keys start with `appointment.<id>.<event>`: a retry carries the same key, and an
//! appointment's pending reminders are found by it.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use loket_kernel::TenantId;
use loket_store::{TenantTx, outbox};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{Channel, DeliveryStatus, Notify, NotifyError, entity::delivery, fanout::Outgoing};

/// The message kind of a reminder.
pub(crate) const REMINDER: &str = "appointment.reminder";

/// What an appointment event says, as far as the messages need it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Said {
    appointment_id: Uuid,
    reference: String,
    version: i32,
    location: String,
    address: Option<String>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    products: String,
    email: Option<String>,
    phone: Option<String>,
    cancellation_code: Option<String>,
    #[serde(default)]
    reminders: Vec<Moment>,
}

/// A reminder's moment.
#[derive(Debug, Deserialize)]
struct Moment {
    label: String,
    at: DateTime<Utc>,
}

/// The appointment as a calendar entry: published (booked, moved) or cancelled.
fn calendar(tenant: &TenantId, municipality: &str, said: &Said, cancelled: bool) -> String {
    let mut event = Event::new();
    event
        .uid(&format!("{}@{tenant}.loket", said.appointment_id))
        .sequence(u32::try_from(said.version).unwrap_or(0))
        .timestamp(Utc::now())
        .starts(said.start)
        .ends(said.end)
        .summary(&format!("{municipality}: {}", said.products))
        .location(&match &said.address {
            Some(address) => format!("{}, {address}", said.location),
            None => said.location.clone(),
        })
        .description(&said.reference)
        .status(if cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Loket//Afspraken//NL"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new(
            "METHOD",
            if cancelled { "CANCEL" } else { "PUBLISH" },
        ))
        .push(event.done());
    calendar.to_string()
}

impl Notify {
    /// The messages of an `appointment.*` event; a move or cancellation first cancels the
    /// appointment's pending reminders.
    pub(crate) async fn appointment_messages(
        &self,
        tx: &TenantTx,
        event: &outbox::Event,
    ) -> Result<Vec<Outgoing>, NotifyError> {
        let tenant = tx.tenant();
        let said: Said =
            serde_json::from_value(event.payload.clone()).map_err(|e| NotifyError::Template {
                name: format!("{tenant}/{}", event.kind),
                message: format!("the event cannot be read: {e}"),
            })?;
        let prefix = format!("appointment.{}.", said.appointment_id);
        if event.kind != "appointment.booked" {
            delivery::Entity::update_many()
                .col_expr(
                    delivery::Column::Status,
                    Expr::value(DeliveryStatus::Cancelled.as_str()),
                )
                .filter(delivery::Column::TenantId.eq(tenant.as_str()))
                .filter(delivery::Column::Status.eq(DeliveryStatus::Pending.as_str()))
                .filter(delivery::Column::EventKind.eq(REMINDER))
                .filter(delivery::Column::DeliveryKey.starts_with(&prefix))
                .exec(tx.conn())
                .await?;
        }
        let municipality = self.municipality(tenant);
        let context = self.appointment_context(tenant, &municipality, event, &said);
        let cancelled = event.kind == "appointment.cancelled";
        let attachment = calendar(tenant, &municipality, &said, cancelled);
        let language = self.inner.templates.default_language(tenant).to_owned();
        let addresses = [
            (Channel::Email, said.email.as_deref()),
            (Channel::Sms, said.phone.as_deref()),
        ];
        let mut out = Vec::new();
        for (channel, recipient) in addresses {
            let Some(recipient) = recipient else {
                continue;
            };
            let key = format!("{prefix}{}", event.id);
            let rendered =
                self.inner
                    .templates
                    .render(tenant, &language, &event.kind, channel, &context)?;
            out.push(Outgoing {
                key: format!("{key}.{}", channel.as_str()),
                subscription: None,
                event: Some(event.id),
                kind: event.kind.clone(),
                channel,
                recipient: recipient.to_owned(),
                subject: rendered.subject,
                body: rendered.body,
                calendar: (channel == Channel::Email).then(|| attachment.clone()),
                at: None,
            });
            for moment in &said.reminders {
                let rendered = self
                    .inner
                    .templates
                    .render(tenant, &language, REMINDER, channel, &context)?;
                out.push(Outgoing {
                    key: format!("{key}.reminder.{}.{}", moment.label, channel.as_str()),
                    subscription: None,
                    event: Some(event.id),
                    kind: REMINDER.to_owned(),
                    channel,
                    recipient: recipient.to_owned(),
                    subject: rendered.subject,
                    body: rendered.body,
                    calendar: None,
                    at: Some(moment.at),
                });
            }
        }
        Ok(out)
    }

    /// What the texts may use: the event's attributes without the addresses, the
    /// municipality, and the cancel link where the portal has a host name.
    fn appointment_context(
        &self,
        tenant: &TenantId,
        municipality: &str,
        event: &outbox::Event,
        said: &Said,
    ) -> Value {
        let mut context = event.payload.clone();
        if let Value::Object(map) = &mut context {
            for key in ["email", "phone", "reminders", "appointmentId", "version"] {
                map.remove(key);
            }
            map.insert("municipality".into(), json!(municipality));
            let host = self
                .inner
                .tenants
                .tenants
                .get(tenant)
                .and_then(|t| t.hosts.first());
            if let (Some(host), Some(code)) = (host, &said.cancellation_code) {
                map.insert(
                    "cancelUrl".into(),
                    json!(format!(
                        "https://{host}/afspraak/annuleren?referentie={}&code={code}",
                        said.reference
                    )),
                );
            }
        }
        context
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use super::*;

    #[test]
    fn the_calendar_entry_names_the_appointment_and_is_cancelled_by_its_uid() {
        let said: Said = serde_json::from_value(json!({
            "appointmentId": "0193b5a0-0000-7000-8000-000000000001",
            "reference": "A-ABCDEFGH",
            "version": 2,
            "location": "Stadskantoor",
            "address": "Hengelosestraat 51, Enschede",
            "start": "2027-01-05T09:30:00Z",
            "end": "2027-01-05T09:45:00Z",
            "products": "Paspoort",
            "email": "a@example.org",
        }))
        .unwrap();
        let tenant = TenantId::new("enschede").unwrap();
        let published = calendar(&tenant, "Gemeente Enschede", &said, false);
        for line in [
            "METHOD:PUBLISH",
            "UID:0193b5a0-0000-7000-8000-000000000001@enschede.loket",
            "SEQUENCE:2",
            "DTSTART:20270105T093000Z",
            "DTEND:20270105T094500Z",
            "SUMMARY:Gemeente Enschede: Paspoort",
            "STATUS:CONFIRMED",
        ] {
            assert!(published.contains(line), "{line} in {published}");
        }
        let cancelled = calendar(&tenant, "Gemeente Enschede", &said, true);
        assert!(cancelled.contains("METHOD:CANCEL"));
        assert!(cancelled.contains("STATUS:CANCELLED"));
    }
}
