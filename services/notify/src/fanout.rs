//! From outbox events to deliveries: which subscriptions an event concerns, and the message
//! each gets. An event's deliveries are stored and the event marked delivered in one
//! transaction, so an event is either fanned out completely or not at all.

use chrono::{DateTime, Utc};
use loket_kernel::{TenantId, global_id};
use loket_store::{TenantTx, outbox};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::OnConflict};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    Channel, DeliveryStatus, Notify, NotifyError, Topic,
    entity::{delivery, subscription},
    grid,
    subscribe::filters_of,
};

/// A message about to be stored for one subscription.
pub(crate) struct Outgoing {
    /// Unique per (event, subscription): the receiver's idempotency key.
    pub key: String,
    /// The subscription.
    pub subscription: Uuid,
    /// The event, when there is one (reminders have none).
    pub event: Option<Uuid>,
    /// Message kind (`case.decided`, `near-me.created`, ...).
    pub kind: String,
    /// Channel and recipient.
    pub channel: Channel,
    /// Where it goes.
    pub recipient: String,
    /// E-mail subject.
    pub subject: Option<String>,
    /// The text, or a webhook's JSON.
    pub body: String,
}

fn text<'a>(payload: &'a Value, key: &str) -> Option<&'a str> {
    payload.get(key).and_then(Value::as_str)
}

/// The attributes a webhook receiver gets: what the event says, without personal data.
fn attributes(payload: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in [
        "reference",
        "caseType",
        "caseTypeName",
        "handlingTenant",
        "status",
        "statusName",
        "from",
        "to",
        "outcome",
        "outcomeName",
        "effect",
        "channel",
    ] {
        if let Some(v) = payload.get(key) {
            out.insert(key.to_owned(), v.clone());
        }
    }
    if out.get("status").is_none()
        && let Some(to) = payload.get("to")
    {
        out.insert("status".to_owned(), to.clone());
    }
    Value::Object(out)
}

fn kind_matches(patterns: &[String], kind: &str) -> bool {
    patterns.iter().any(|p| match p.strip_suffix('*') {
        Some(prefix) => kind.starts_with(prefix),
        None => p == kind,
    })
}

impl Notify {
    /// Fans out up to `limit` of the tenant's due events; returns (events, deliveries made).
    pub(crate) async fn fan_out(
        &self,
        tenant: &TenantId,
        limit: u64,
    ) -> Result<(usize, usize), NotifyError> {
        let tx = self.inner.db.begin(tenant).await?;
        let events = outbox::claim(&tx, limit).await?;
        if events.is_empty() {
            tx.rollback().await?;
            return Ok((0, 0));
        }
        let webhooks = subscription::scoped(tenant)
            .filter(subscription::Column::Topic.eq(Topic::Webhook.as_str()))
            .filter(subscription::Column::EndedAt.is_null())
            .all(tx.conn())
            .await?;
        let mut done = Vec::with_capacity(events.len());
        let mut made = 0;
        for event in &events {
            match self.outgoing(&tx, event, &webhooks).await {
                Ok(outgoing) => {
                    made += store(&tx, &outgoing).await?;
                    done.push(event.id);
                }
                Err(e) => {
                    // The event stays; the others go ahead.
                    let wait = chrono::Duration::seconds(30 << event.attempts.clamp(0, 8));
                    tracing::warn!(tenant = %tenant, event = %event.id, kind = event.kind, error = %e,
                        "event not fanned out; tried again later");
                    outbox::postpone(&tx, event.id, Utc::now() + wait).await?;
                }
            }
        }
        outbox::mark_published(&tx, &done).await?;
        tx.commit().await?;
        metrics::counter!("loket_notify_events_total").increment(done.len() as u64);
        Ok((done.len(), made))
    }

    async fn outgoing(
        &self,
        tx: &TenantTx,
        event: &outbox::Event,
        webhooks: &[subscription::Model],
    ) -> Result<Vec<Outgoing>, NotifyError> {
        let mut out = Vec::new();
        let payload = &event.payload;
        let tenant = tx.tenant();
        let mut context = payload.clone();
        if let Value::Object(map) = &mut context {
            map.remove("subject");
            map.insert("municipality".into(), json!(self.municipality(tenant)));
        }
        let personal = matches!(
            event.kind.as_str(),
            "case.created" | "case.status_changed" | "case.decided"
        );
        if personal && let Some(subject) = text(payload, "subject") {
            let mine = subscription::scoped(tenant)
                .filter(subscription::Column::Owner.eq(format!("bsn:{subject}")))
                .filter(subscription::Column::Topic.eq(Topic::MyCases.as_str()))
                .filter(subscription::Column::EndedAt.is_null())
                .all(tx.conn())
                .await?;
            for s in mine {
                out.push(self.message(tenant, &s, event.id, &event.kind, &context)?);
            }
        }
        let published = payload.get("publicNotice").and_then(Value::as_bool) == Some(true);
        let near_kind = match event.kind.as_str() {
            "case.created" => Some("near-me.created"),
            "case.decided" => Some("near-me.decided"),
            _ => None,
        };
        if let (true, Some(near_kind), Some(address)) =
            (published, near_kind, text(payload, "addressId"))
            && let Some(place) = self.inner.directory.address(address).await?
        {
            let products: Vec<String> = payload
                .get("products")
                .and_then(|p| serde_json::from_value(p.clone()).ok())
                .unwrap_or_default();
            let applicant = text(payload, "subject").map(|s| format!("bsn:{s}"));
            for (s, distance) in self.near(tx, place.lat, place.lon).await? {
                let wanted: Vec<String> =
                    serde_json::from_value(s.products.clone()).unwrap_or_default();
                if applicant.as_deref() == Some(s.owner.as_str())
                    || (!wanted.is_empty() && !wanted.iter().any(|w| products.contains(w)))
                {
                    continue;
                }
                let mut context = context.clone();
                if let Value::Object(map) = &mut context {
                    map.remove("reference");
                    map.insert("address".into(), json!(place.label));
                    map.insert(
                        "distance".into(),
                        json!((distance / 10.0).round() as i64 * 10),
                    );
                }
                out.push(self.message(tenant, &s, event.id, near_kind, &context)?);
            }
        }
        for s in webhooks {
            let kinds: Vec<String> =
                serde_json::from_value(s.event_kinds.clone()).unwrap_or_default();
            let attributes = attributes(payload);
            let filters_match = filters_of(&s.filters).iter().all(|f| {
                attributes.get(&f.attribute).and_then(Value::as_str) == Some(f.value.as_str())
            });
            if !kind_matches(&kinds, &event.kind) || !filters_match {
                continue;
            }
            let resource = text(payload, "caseId")
                .map(|id| global_id::encode("Case", &format!("{tenant}/{id}")));
            let body = json!({
                "id": event.id,
                "kind": event.kind,
                "tenant": tenant.as_str(),
                "createdAt": event.created_at,
                "resource": resource,
                "attributes": attributes,
            });
            out.push(Outgoing {
                key: format!("{}.{}", event.id, s.id),
                subscription: s.id,
                event: Some(event.id),
                kind: event.kind.clone(),
                channel: Channel::Webhook,
                recipient: s.address.clone(),
                subject: None,
                body: body.to_string(),
            });
        }
        Ok(out)
    }

    /// Active near-me subscriptions whose circle holds the point, with their distance.
    async fn near(
        &self,
        tx: &TenantTx,
        lat: f64,
        lon: f64,
    ) -> Result<Vec<(subscription::Model, f64)>, NotifyError> {
        // One index lookup: the cell's subscriptions, joined in the same statement.
        let rows = subscription::Entity::find()
            .from_raw_sql(tx.statement(
                "SELECT s.* FROM subscription_cells c JOIN subscriptions s \
                 ON s.tenant_id = c.tenant_id AND s.id = c.subscription_id \
                 WHERE c.tenant_id = $1 AND c.cell = $2 AND s.ended_at IS NULL",
                vec![tx.tenant().as_str().into(), grid::cell_of(lat, lon).into()],
            ))
            .all(tx.conn())
            .await?;
        let mut found = Vec::new();
        for s in rows {
            let (Some(slat), Some(slon), Some(radius)) = (s.lat, s.lon, s.radius_m) else {
                continue;
            };
            let distance = grid::distance_m(lat, lon, slat, slon);
            if distance <= f64::from(radius) {
                found.push((s, distance));
            }
        }
        Ok(found)
    }

    /// The active near-me subscriptions of `tenant` whose circle holds the point, with their
    /// distance in metres: what a published permit there would reach.
    pub async fn subscribers_near(
        &self,
        tenant: &TenantId,
        lat: f64,
        lon: f64,
    ) -> Result<Vec<(Uuid, f64)>, NotifyError> {
        let tx = self.inner.db.begin(tenant).await?;
        let found = self.near(&tx, lat, lon).await?;
        tx.commit().await?;
        Ok(found.into_iter().map(|(s, d)| (s.id, d)).collect())
    }

    /// The text message for one subscription, from the tenant's templates.
    pub(crate) fn message(
        &self,
        tenant: &TenantId,
        s: &subscription::Model,
        event: Uuid,
        kind: &str,
        context: &Value,
    ) -> Result<Outgoing, NotifyError> {
        let channel = Channel::parse(&s.channel).unwrap_or(Channel::Log);
        let rendered = self
            .inner
            .templates
            .render(tenant, &s.language, kind, channel, context)?;
        Ok(Outgoing {
            key: format!("{event}.{}", s.id),
            subscription: s.id,
            event: Some(event),
            kind: kind.to_owned(),
            channel,
            recipient: s.address.clone(),
            subject: rendered.subject,
            body: rendered.body,
        })
    }

    /// The tenant's display name.
    pub(crate) fn municipality(&self, tenant: &TenantId) -> String {
        self.inner
            .tenants
            .tenants
            .get(tenant)
            .map_or_else(|| tenant.to_string(), |t| t.name.clone())
    }
}

/// Stores deliveries; a key already stored is skipped. Returns how many were new.
pub(crate) async fn store(tx: &TenantTx, outgoing: &[Outgoing]) -> Result<usize, NotifyError> {
    if outgoing.is_empty() {
        return Ok(0);
    }
    let now: DateTime<Utc> = Utc::now();
    let mut new = 0;
    for chunk in outgoing.chunks(200) {
        let rows = chunk.iter().map(|o| delivery::ActiveModel {
            tenant_id: Set(tx.tenant().to_string()),
            id: Set(Uuid::now_v7()),
            delivery_key: Set(o.key.clone()),
            subscription_id: Set(o.subscription),
            event_id: Set(o.event),
            event_kind: Set(o.kind.clone()),
            channel: Set(o.channel.as_str().to_owned()),
            recipient: Set(o.recipient.clone()),
            subject: Set(o.subject.clone()),
            body: Set(o.body.clone()),
            status: Set(DeliveryStatus::Pending.as_str().to_owned()),
            attempts: Set(0),
            available_at: Set(now),
            last_error: Set(None),
            created_at: Set(now),
            sent_at: Set(None),
        });
        let inserted = delivery::Entity::insert_many(rows)
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_without_returning(tx.conn())
            .await?;
        new += usize::try_from(inserted).unwrap_or(0);
    }
    metrics::counter!("loket_notify_deliveries_created_total").increment(new as u64);
    Ok(new)
}
