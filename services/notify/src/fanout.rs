//! From outbox events to deliveries: which subscriptions an event concerns, and the message
//! each gets. An event's deliveries are stored and the event marked delivered in one
//! transaction, so an event is either fanned out completely or not at all.

use chrono::{DateTime, Utc};
use loket_kernel::{
    Actor, Bsn, Confidentiality, Ctx, Loa, Role, TenantId,
    disclosure::{CaseAccess, CaseEventKind, CaseTypeFacts, Disclosure, may_learn},
    global_id,
};
use loket_store::{Mode, Session, TenantTx, outbox};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::OnConflict};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    Channel, DeliveryStatus, Notify, NotifyError, Topic,
    entity::{delivery, subscription},
    grid,
    subscribe::filters_of,
};

/// A message about to be stored for one subscription, or for an address given once.
pub(crate) struct Outgoing {
    /// Unique per (event, subscription): the receiver's idempotency key.
    pub key: String,
    /// The subscription; none for an address given once.
    pub subscription: Option<Uuid>,
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
    /// An iCalendar text to attach to an e-mail.
    pub calendar: Option<String>,
    /// When it is to be sent; now when none.
    pub at: Option<DateTime<Utc>>,
}

fn text<'a>(payload: &'a Value, key: &str) -> Option<&'a str> {
    payload.get(key).and_then(Value::as_str)
}

/// The case type facts an event carries, for the shared access rule.
struct EventCase<'a> {
    code: &'a str,
    confidentiality: Confidentiality,
    handled_by: TenantId,
}

impl<'a> EventCase<'a> {
    /// The facts of a case event; an event without a known confidentiality counts as the
    /// most confidential, so nobody learns more of it than they could of any case.
    fn of(payload: &'a Value, tenant: &TenantId) -> Option<Self> {
        let confidentiality = payload
            .get("confidentiality")
            .and_then(|c| serde_json::from_value(c.clone()).ok())
            .unwrap_or(Confidentiality::TopSecret);
        let handled_by = text(payload, "handlingTenant")
            .and_then(|t| TenantId::new(t).ok())
            .unwrap_or_else(|| tenant.clone());
        Some(Self {
            code: text(payload, "caseType")?,
            confidentiality,
            handled_by,
        })
    }
}

impl CaseTypeFacts for EventCase<'_> {
    fn code(&self) -> &str {
        self.code
    }
    fn confidentiality(&self) -> Confidentiality {
        self.confidentiality
    }
    fn handled_by(&self) -> &TenantId {
        &self.handled_by
    }
}

/// What `ctx` may learn of `event` (the one rule every channel uses); nothing for an event
/// that is not about a case, or a kind it may not hear of.
fn disclosure(ctx: Option<&Ctx>, tenant: &TenantId, event: &outbox::Event) -> Disclosure {
    let nothing = may_learn(CaseEventKind::Created, &CaseAccess::default());
    let (Some(ctx), Some(kind)) = (ctx, CaseEventKind::of_event(&event.kind)) else {
        return nothing;
    };
    let Some(facts) = EventCase::of(&event.payload, tenant) else {
        return nothing;
    };
    may_learn(kind, &CaseAccess::decide(ctx, tenant, &facts))
}

/// The event's attributes as far as `disclosed`: the status only to who may read it, the
/// outcome likewise, the handler never leaves through a notification.
fn disclosed(payload: &Value, disclosed: Disclosure) -> Value {
    let mut out = payload.clone();
    if let Value::Object(map) = &mut out {
        map.remove("handler");
        map.remove("confidentiality");
        if !disclosed.status {
            for key in ["status", "statusName", "from", "to"] {
                map.remove(key);
            }
        }
        if !disclosed.outcome {
            for key in ["outcome", "outcomeName", "effect"] {
                map.remove(key);
            }
        }
    }
    out
}

/// The attributes a webhook receiver gets: what the event says and the app may learn,
/// without personal data.
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
        // Addresses come from the registry, in a session of its own.
        let registry = self.inner.db.session(tenant, Mode::Read);
        let webhooks = subscription::scoped(tenant)
            .filter(subscription::Column::Topic.eq(Topic::Webhook.as_str()))
            .filter(subscription::Column::EndedAt.is_null())
            .all(tx.conn())
            .await?;
        let mut done = Vec::with_capacity(events.len());
        let mut made: usize = 0;
        for event in &events {
            match self.outgoing(&tx, &registry, event, &webhooks).await {
                Ok(outgoing) => {
                    made = made.saturating_add(store(&tx, &outgoing).await?);
                    done.push(event.id);
                }
                Err(e) => {
                    // The event stays; the others go ahead.
                    let wait = chrono::Duration::seconds(30 << event.attempts.clamp(0, 8));
                    tracing::warn!(tenant = %tenant, event = %event.id, kind = event.kind, error = %e,
                        "event not fanned out; tried again later");
                    let now = Utc::now();
                    outbox::postpone(&tx, event.id, now.checked_add_signed(wait).unwrap_or(now))
                        .await?;
                }
            }
        }
        registry.finish(true).await?;
        outbox::mark_published(&tx, &done).await?;
        tx.commit().await?;
        metrics::counter!("loket_notify_events_total").increment(done.len() as u64);
        Ok((done.len(), made))
    }

    async fn outgoing(
        &self,
        tx: &TenantTx,
        registry: &Session,
        event: &outbox::Event,
        webhooks: &[subscription::Model],
    ) -> Result<Vec<Outgoing>, NotifyError> {
        if event.kind.starts_with("appointment.") {
            return self.appointment_messages(tx, event).await;
        }
        if event.kind.starts_with("report.") {
            return self.report_messages(tx, registry, event).await;
        }
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
        if personal
            && let Some(subject) = text(payload, "subject")
            && let Ok(bsn) = Bsn::new(subject)
        {
            // The resident learns of their own case what they could read of it.
            let resident = self.context_of(
                tenant,
                Actor::Citizen {
                    subject: format!("bsn:{subject}"),
                    bsn,
                    loa: Loa::Low,
                },
                Role::CITIZEN,
            );
            let learned = disclosure(resident.as_ref(), tenant, event);
            if learned.event {
                let context = disclosed(&context, learned);
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
        }
        let published = payload.get("publicNotice").and_then(Value::as_bool) == Some(true);
        let near_kind = match event.kind.as_str() {
            "case.created" => Some("near-me.created"),
            "case.decided" => Some("near-me.decided"),
            _ => None,
        };
        if let (true, Some(near_kind), Some(address)) =
            (published, near_kind, text(payload, "addressId"))
            && let Some(place) = self.inner.directory.address(registry, address).await?
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
                        json!(((distance / 10.0).round() as i64).saturating_mul(10)),
                    );
                }
                out.push(self.message(tenant, &s, event.id, near_kind, &context)?);
            }
        }
        for s in webhooks {
            let kinds: Vec<String> =
                serde_json::from_value(s.event_kinds.clone()).unwrap_or_default();
            if !kind_matches(&kinds, &event.kind) {
                continue;
            }
            // The app learns what its own policy and ceiling let it read, nothing more.
            let Some(client) = s.owner.strip_prefix("app:") else {
                continue;
            };
            let roles = s.roles.as_deref().unwrap_or(Role::APP);
            let app = self.context_of(
                tenant,
                Actor::App {
                    client: client.to_owned(),
                },
                roles,
            );
            let learned = disclosure(app.as_ref(), tenant, event);
            if !learned.event {
                continue;
            }
            let attributes = attributes(&disclosed(payload, learned));
            let filters_match = filters_of(&s.filters).iter().all(|f| {
                attributes.get(&f.attribute).and_then(Value::as_str) == Some(f.value.as_str())
            });
            if !filters_match {
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
                subscription: Some(s.id),
                event: Some(event.id),
                kind: event.kind.clone(),
                channel: Channel::Webhook,
                recipient: s.address.clone(),
                subject: None,
                body: body.to_string(),
                calendar: None,
                at: None,
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
            subscription: Some(s.id),
            event: Some(event),
            kind: kind.to_owned(),
            channel,
            recipient: s.address.clone(),
            subject: rendered.subject,
            body: rendered.body,
            calendar: None,
            at: None,
        })
    }

    /// The context a subscriber's policy gives them, as a request of theirs would have it.
    fn context_of(&self, tenant: &TenantId, actor: Actor, roles: &str) -> Option<Ctx> {
        let roles: Vec<Role> = roles
            .split(',')
            .filter_map(|r| Role::new(r.trim()).ok())
            .collect();
        self.inner.grants.as_ref()?.context(tenant, actor, roles)
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
    let mut new: usize = 0;
    for chunk in outgoing.chunks(200) {
        let rows = chunk.iter().map(|o| delivery::ActiveModel {
            tenant_id: Set(tx.tenant().to_string()),
            id: Set(Uuid::now_v7()),
            delivery_key: Set(o.key.clone()),
            subscription_id: Set(o.subscription),
            calendar: Set(o.calendar.clone()),
            event_id: Set(o.event),
            event_kind: Set(o.kind.clone()),
            channel: Set(o.channel.as_str().to_owned()),
            recipient: Set(o.recipient.clone()),
            subject: Set(o.subject.clone()),
            body: Set(o.body.clone()),
            status: Set(DeliveryStatus::Pending.as_str().to_owned()),
            attempts: Set(0),
            available_at: Set(o.at.unwrap_or(now)),
            last_error: Set(None),
            created_at: Set(now),
            sent_at: Set(None),
        });
        let inserted = delivery::Entity::insert_many(rows)
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_without_returning(tx.conn())
            .await?;
        new = new.saturating_add(usize::try_from(inserted).unwrap_or(0));
    }
    metrics::counter!("loket_notify_deliveries_created_total").increment(new as u64);
    Ok(new)
}
