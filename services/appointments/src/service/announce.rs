//! What the notification service hears of an appointment: an outbox event, written in the
//! same transaction as the booking, move or cancellation it describes, so a message goes out
//! exactly when the change holds.
//!
//! Events: `appointment.booked` (with the cancellation code, which only the confirmation
//! carries), `appointment.rescheduled` and `appointment.cancelled`. Each carries what the
//! messages say (where, when, what, for whom) and the moments the resident is to be
//! reminded at, from the municipality's `[reminders]`; never the resident's BSN.

use chrono::{DateTime, Days, Duration, Utc};
use chrono_tz::Europe::Amsterdam;
use loket_kernel::Ctx;
use loket_store::{TenantTx, outbox};
use serde_json::{Value, json};

use super::Bookings;
use crate::{Appointment, AppointmentError, config::Reminders};

/// A change the resident hears of.
pub(crate) enum Change<'a> {
    /// Booked, with the cancellation code.
    Booked(&'a str),
    /// Moved to another time or location.
    Rescheduled,
    /// Cancelled.
    Cancelled,
}

impl Change<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Self::Booked(_) => "appointment.booked",
            Self::Rescheduled => "appointment.rescheduled",
            Self::Cancelled => "appointment.cancelled",
        }
    }
}

/// The reminders due before an appointment at `start`, as (label, when), leaving out those
/// whose moment has passed by `now`: the day before at the same time of day, and `hours`
/// before when set.
pub(crate) fn reminder_moments(
    reminders: Reminders,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<(String, DateTime<Utc>)> {
    let mut out = Vec::new();
    if reminders.day_before
        && let Some(at) = start
            .with_timezone(&Amsterdam)
            .checked_sub_days(Days::new(1))
    {
        out.push(("day-before".to_owned(), at.with_timezone(&Utc)));
    }
    if let Some(hours) = reminders.hours_before
        && let Some(at) = start.checked_sub_signed(Duration::hours(i64::from(hours)))
    {
        out.push((format!("{hours}h-before"), at));
    }
    out.retain(|(_, at)| *at > now);
    out
}

impl Bookings {
    /// Records the event of `change` to `appointment` in `tx`.
    pub(crate) async fn announce(
        &self,
        ctx: &Ctx,
        tx: &TenantTx,
        appointment: &Appointment,
        change: Change<'_>,
    ) -> Result<(), AppointmentError> {
        let payload = self.payload(ctx, appointment, &change, Utc::now());
        outbox::publish(tx, change.kind(), payload).await?;
        Ok(())
    }

    fn payload(
        &self,
        ctx: &Ctx,
        appointment: &Appointment,
        change: &Change<'_>,
        now: DateTime<Utc>,
    ) -> Value {
        let settings = self.settings.of(ctx.tenant());
        let location = settings.and_then(|s| s.locations.get(&appointment.place.location));
        let products: Vec<String> = appointment
            .products
            .iter()
            .map(|code| self.product_name(ctx, code).unwrap_or_else(|| code.clone()))
            .collect();
        let local = appointment.place.start.with_timezone(&Amsterdam);
        let reminders = match (change, settings) {
            (Change::Cancelled, _) | (_, None) => Vec::new(),
            (_, Some(s)) => reminder_moments(s.reminders, appointment.place.start, now),
        };
        let mut payload = json!({
            "appointmentId": appointment.id,
            "reference": appointment.reference,
            "version": appointment.version,
            "location": location.map_or(appointment.place.location.as_str(), |l| l.name.as_str()),
            "address": location.map(|l| l.address.as_str()),
            "start": appointment.place.start,
            "end": appointment.place.end,
            "date": local.format("%d-%m-%Y").to_string(),
            "time": local.format("%H:%M").to_string(),
            "products": products.join(", "),
            "persons": appointment.persons,
            "name": appointment.contact_name,
            "email": appointment.email,
            "phone": appointment.phone,
            "reminders": reminders
                .into_iter()
                .map(|(label, at)| json!({ "label": label, "at": at }))
                .collect::<Vec<_>>(),
        });
        if let (Change::Booked(code), Value::Object(map)) = (change, &mut payload) {
            map.insert("cancellationCode".into(), json!(code));
        }
        payload
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use chrono::TimeZone;

    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Amsterdam
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn reminders_fall_the_day_before_and_hours_before_unless_past() {
        let both = Reminders {
            day_before: true,
            hours_before: Some(2),
        };
        let start = at(2027, 3, 29, 9, 30);
        let moments = reminder_moments(both, start, at(2027, 3, 1, 12, 0));
        assert_eq!(
            moments,
            vec![
                // The clocks went forward on the 28th: the same time of day, not 24 hours.
                ("day-before".to_owned(), at(2027, 3, 28, 9, 30)),
                ("2h-before".to_owned(), at(2027, 3, 29, 7, 30)),
            ]
        );
        let late = reminder_moments(both, start, at(2027, 3, 28, 20, 0));
        assert_eq!(late, vec![("2h-before".to_owned(), at(2027, 3, 29, 7, 30))]);
        assert!(reminder_moments(both, start, at(2027, 3, 29, 8, 0)).is_empty());
        let none = Reminders {
            day_before: false,
            hours_before: None,
        };
        assert!(reminder_moments(none, start, at(2027, 3, 1, 12, 0)).is_empty());
    }
}
