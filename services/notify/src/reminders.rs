//! Travel document reminders: once a day the dispatcher looks at every reminder
//! subscription's documents and queues a message when a lead time (weeks before expiry, per
//! tenant) has been reached. The delivery key names subscription, document, expiry date and
//! lead time, so running the day twice (or two dispatchers at once) sends nothing twice, and
//! a day the dispatcher was down is caught up the next day.

use chrono::{Duration, NaiveDate};
use loket_kernel::{Bsn, TenantId};
use loket_store::Mode;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use crate::{
    Channel, Notify, NotifyError, Topic,
    entity::subscription,
    fanout::{Outgoing, store},
};

/// Subscriptions read per query.
const PAGE: u64 = 500;

fn document_name(kind: &str, language: &str) -> String {
    let english = language == "en";
    match (kind, english) {
        ("passport", false) => "paspoort".into(),
        ("id-card", false) => "identiteitskaart".into(),
        ("driving-licence", false) => "rijbewijs".into(),
        ("id-card", true) => "identity card".into(),
        ("driving-licence", true) => "driving licence".into(),
        (other, _) => other.replace('-', " "),
    }
}

/// The lead time (weeks) whose reminder is due on `today` for a document expiring on
/// `expires`: the shortest lead time already reached, none once the document has expired.
pub(crate) fn due_lead(weeks: &[u32], expires: NaiveDate, today: NaiveDate) -> Option<u32> {
    if today > expires {
        return None;
    }
    weeks
        .iter()
        .copied()
        .filter(|w| {
            expires
                .checked_sub_signed(Duration::weeks(i64::from(*w)))
                .is_some_and(|from| today >= from)
        })
        .min()
}

impl Notify {
    /// Queues the reminders due on `today` in the tenant; returns how many were new.
    pub(crate) async fn remind(
        &self,
        tenant: &TenantId,
        today: NaiveDate,
    ) -> Result<usize, NotifyError> {
        let Some(config) = self.inner.tenants.tenants.get(tenant) else {
            return Ok(0);
        };
        let weeks = &config.notifications.travel_document_reminder_weeks;
        let municipality = self.municipality(tenant);
        let mut after = Uuid::nil();
        let mut new = 0;
        loop {
            let tx = self.inner.db.begin(tenant).await?;
            let page = subscription::scoped(tenant)
                .filter(subscription::Column::Topic.eq(Topic::Reminders.as_str()))
                .filter(subscription::Column::EndedAt.is_null())
                .filter(subscription::Column::Id.gt(after))
                .order_by_asc(subscription::Column::Id)
                .limit(PAGE)
                .all(tx.conn())
                .await?;
            let Some(last) = page.last() else {
                tx.rollback().await?;
                return Ok(new);
            };
            after = last.id;
            let mut outgoing = Vec::new();
            // The registry is read in a session of its own, beside the tenant's transaction.
            let registry = self.inner.db.session(tenant, Mode::Read);
            for s in &page {
                let Some(bsn) = s.owner.strip_prefix("bsn:").and_then(|b| Bsn::new(b).ok()) else {
                    continue;
                };
                let documents = self
                    .inner
                    .directory
                    .travel_documents(&registry, &bsn)
                    .await?;
                for document in documents {
                    let Some(lead) = due_lead(weeks, document.expires_on, today) else {
                        continue;
                    };
                    let context = json!({
                        "municipality": municipality,
                        "document": document_name(&document.kind, &s.language),
                        "expires": document.expires_on.format("%d-%m-%Y").to_string(),
                        "weeks": lead,
                    });
                    let channel = Channel::parse(&s.channel).unwrap_or(Channel::Log);
                    let rendered = self.inner.templates.render(
                        tenant,
                        &s.language,
                        "reminder.travel-document",
                        channel,
                        &context,
                    )?;
                    outgoing.push(Outgoing {
                        key: format!(
                            "reminder.{}.{}.{}.{lead}w",
                            s.id, document.number, document.expires_on
                        ),
                        subscription: Some(s.id),
                        event: None,
                        kind: "reminder.travel-document".into(),
                        channel,
                        recipient: s.address.clone(),
                        subject: rendered.subject,
                        body: rendered.body,
                        calendar: None,
                        at: None,
                    });
                }
            }
            registry.finish(true).await?;
            new = new.saturating_add(store(&tx, &outgoing).await?);
            tx.commit().await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn the_shortest_reached_lead_time_is_due() {
        let expires = day("2027-03-01");
        let weeks = [8, 2];
        assert_eq!(due_lead(&weeks, expires, day("2027-01-03")), None);
        assert_eq!(due_lead(&weeks, expires, day("2027-01-04")), Some(8));
        assert_eq!(due_lead(&weeks, expires, day("2027-02-14")), Some(8));
        assert_eq!(due_lead(&weeks, expires, day("2027-02-15")), Some(2));
        assert_eq!(due_lead(&weeks, expires, day("2027-03-01")), Some(2));
        assert_eq!(due_lead(&weeks, expires, day("2027-03-02")), None);
    }
}
