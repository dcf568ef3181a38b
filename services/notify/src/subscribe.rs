//! Subscribing and unsubscribing, a holder's subscriptions, and the delivery log with
//! re-drive for admins.

use std::str::FromStr;

use chrono::Utc;
use loket_kernel::{
    Action, Ctx,
    page::{IdKey, Page},
};
use loket_store::{Session, TenantTx};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, OnConflict},
};
use uuid::Uuid;

use crate::{
    Channel, DeliveryStatus, Filter, NewSubscription, Notify, NotifyError, SubscriptionView, Topic,
    entity::{cell, delivery, subscription},
    grid,
};

/// A new subscription, and for a webhook its signing secret (shown this once).
#[derive(Debug, Clone)]
pub struct Subscribed {
    /// The subscription.
    pub subscription: SubscriptionView,
    /// The webhook signing secret.
    pub secret: Option<String>,
}

/// Webhook attributes a filter may name: the attributes every case event carries.
const FILTER_ATTRIBUTES: [&str; 5] = ["caseType", "status", "handlingTenant", "outcome", "effect"];

/// The holder key of the caller: residents by BSN, apps by client id.
fn owner(ctx: &Ctx) -> Option<String> {
    match ctx.actor() {
        loket_kernel::Actor::Citizen { bsn, .. } => Some(format!("bsn:{}", bsn.as_str())),
        loket_kernel::Actor::App { client } => Some(format!("app:{client}")),
        _ => None,
    }
}

pub(crate) fn view(m: subscription::Model) -> SubscriptionView {
    let strings = |v: serde_json::Value| serde_json::from_value(v).unwrap_or_default();
    SubscriptionView {
        id: m.id,
        topic: Topic::parse(&m.topic).unwrap_or(Topic::MyCases),
        channel: Channel::parse(&m.channel).unwrap_or(Channel::Log),
        address: m.address,
        language: m.language,
        radius_m: m.radius_m,
        products: strings(m.products),
        event_kinds: strings(m.event_kinds),
        filters: serde_json::from_value(m.filters).unwrap_or_default(),
        created_at: m.created_at,
        ended_at: m.ended_at,
    }
}

fn kind_pattern(kind: &str) -> bool {
    let known = ["case.created", "case.status_changed", "case.decided"];
    let more = [
        "case.note_added",
        "case.assigned",
        "case.suspended",
        "case.extended",
    ];
    kind == "case.*" || known.contains(&kind) || more.contains(&kind)
}

impl Notify {
    /// Subscribes the caller: residents to `my-cases`, `near-me` or `reminders` by e-mail or
    /// text message; apps to `webhook`. Every bad field is named.
    pub async fn subscribe(
        &self,
        ctx: &Ctx,
        session: &Session,
        new: NewSubscription,
    ) -> Result<Subscribed, NotifyError> {
        let topic =
            Topic::parse(&new.topic).ok_or_else(|| NotifyError::bad("topic", "unknown topic"))?;
        let object = format!("subscription/{}", topic.as_str());
        let owner = owner(ctx).ok_or_else(|| NotifyError::forbidden(&object))?;
        let resident = matches!(topic, Topic::MyCases | Topic::NearMe | Topic::Reminders);
        if !ctx.can(&object, Action::Create) || resident != ctx.actor().bsn().is_some() {
            return Err(NotifyError::forbidden(object));
        }
        let channel = Channel::parse(&new.channel)
            .ok_or_else(|| NotifyError::bad("channel", "unknown channel"))?;
        let address = self.address(topic, channel, &new.address)?;
        let tenant = ctx.tenant();
        let templates = &self.inner.templates;
        let language = match new.language.as_deref().map(str::trim) {
            None | Some("") => templates.default_language(tenant).to_owned(),
            Some(l) if templates.speaks(tenant, l) => l.to_owned(),
            Some(_) => {
                return Err(NotifyError::bad(
                    "language",
                    "no messages in this language for this municipality",
                ));
            }
        };
        let mut row = subscription::ActiveModel {
            tenant_id: Set(tenant.to_string()),
            id: Set(Uuid::now_v7()),
            topic: Set(topic.as_str().to_owned()),
            owner: Set(owner.clone()),
            channel: Set(channel.as_str().to_owned()),
            address: Set(address.clone()),
            language: Set(language),
            radius_m: Set(None),
            lat: Set(None),
            lon: Set(None),
            products: Set(serde_json::json!([])),
            event_kinds: Set(serde_json::json!([])),
            filters: Set(serde_json::json!([])),
            secret: Set(None),
            created_at: Set(Utc::now()),
            ended_at: Set(None),
            roles: Set(None),
        };
        let mut cells = Vec::new();
        match topic {
            Topic::NearMe => cells = self.near_me(ctx, session, &new, &mut row).await?,
            Topic::Webhook => self.webhook(ctx, &new, &mut row).await?,
            Topic::MyCases | Topic::Reminders => {}
        }
        let tx = session.tx(tenant).await?;
        let duplicate = subscription::scoped(tenant)
            .filter(subscription::Column::Owner.eq(&owner))
            .filter(subscription::Column::Topic.eq(topic.as_str()))
            .filter(subscription::Column::Channel.eq(channel.as_str()))
            .filter(subscription::Column::Address.eq(&address))
            .filter(subscription::Column::EndedAt.is_null())
            .select_only()
            .column(subscription::Column::Id)
            .into_tuple::<Uuid>()
            .one(tx.conn())
            .await?;
        if let Some(id) = duplicate {
            return Err(NotifyError::Conflict(format!(
                "already subscribed to {} at this address ({id})",
                topic.as_str()
            )));
        }
        let id = row.id.clone().take().unwrap_or_default();
        let secret = row.secret.clone().take().flatten();
        // The unique index on active subscriptions decides between two identical requests
        // at the same moment; the loser is told as if it had found the winner above.
        let inserted = subscription::Entity::insert(row)
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_without_returning(tx.conn())
            .await?;
        if inserted == 0 {
            return Err(NotifyError::Conflict(format!(
                "already subscribed to {} at this address",
                topic.as_str()
            )));
        }
        insert_cells(&tx, id, &cells).await?;
        let saved = subscription::scoped(tenant)
            .filter(subscription::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(NotifyError::NotFound)?;
        drop(tx);
        tracing::info!(tenant = %tenant, topic = topic.as_str(), channel = channel.as_str(), "subscribed");
        Ok(Subscribed {
            subscription: view(saved),
            secret,
        })
    }

    fn address(&self, topic: Topic, channel: Channel, raw: &str) -> Result<String, NotifyError> {
        let raw = raw.trim();
        let bad = |m: &str| NotifyError::bad("address", m);
        if raw.is_empty() || raw.len() > 512 {
            return Err(bad("give an address of at most 512 characters"));
        }
        match (topic, channel) {
            (Topic::Webhook, Channel::Webhook) => {
                let url = reqwest::Url::parse(raw).map_err(|_| bad("not a URL"))?;
                let secure = url.scheme() == "https"
                    || (url.scheme() == "http" && self.inner.insecure_webhooks);
                if !secure || url.host().is_none() {
                    return Err(bad("the callback URL must use https"));
                }
                Ok(url.to_string())
            }
            (Topic::Webhook, _) => Err(NotifyError::bad("channel", "webhooks use WEBHOOK")),
            // Domains are case-insensitive: one address, one subscription.
            (_, Channel::Email) => lettre::Address::from_str(raw)
                .map(|a| format!("{}@{}", a.user(), a.domain().to_lowercase()))
                .map_err(|_| bad("not an e-mail address")),
            (_, Channel::Sms) => {
                loket_kernel::input::mobile(raw).ok_or_else(|| bad("not a mobile phone number"))
            }
            (_, Channel::Webhook | Channel::Log) => Err(NotifyError::bad(
                "channel",
                "residents are kept informed by EMAIL or SMS",
            )),
        }
    }

    async fn near_me(
        &self,
        ctx: &Ctx,
        session: &Session,
        new: &NewSubscription,
        row: &mut subscription::ActiveModel,
    ) -> Result<Vec<i64>, NotifyError> {
        let config = &self
            .inner
            .tenants
            .tenants
            .get(ctx.tenant())
            .ok_or(NotifyError::NotFound)?
            .notifications;
        let radius = new
            .radius_m
            .unwrap_or(i32::try_from(config.near_me_radius_m).unwrap_or(250));
        let max = i32::try_from(config.near_me_max_radius_m).unwrap_or(2000);
        if !(50..=max).contains(&radius) {
            return Err(NotifyError::bad(
                "radiusMeters",
                format!("choose between 50 and {max} metres"),
            ));
        }
        for code in &new.products {
            let known = self
                .inner
                .products
                .as_ref()
                .is_some_and(|p| p.product_name(ctx.tenant(), code).is_some());
            if !known {
                return Err(NotifyError::bad(
                    "products",
                    format!("{code:?} is not a product of this municipality"),
                ));
            }
        }
        let bsn = ctx.actor().bsn().ok_or(NotifyError::NotFound)?;
        let home = self
            .inner
            .directory
            .resident(session, bsn)
            .await?
            .and_then(|r| r.address)
            .ok_or_else(|| {
                NotifyError::bad("topic", "no home address is registered to measure from")
            })?;
        row.radius_m = Set(Some(radius));
        row.lat = Set(Some(home.lat));
        row.lon = Set(Some(home.lon));
        row.products = Set(serde_json::json!(new.products));
        Ok(grid::cover(home.lat, home.lon, f64::from(radius)))
    }

    async fn webhook(
        &self,
        ctx: &Ctx,
        new: &NewSubscription,
        row: &mut subscription::ActiveModel,
    ) -> Result<(), NotifyError> {
        let address = row.address.clone().take().unwrap_or_default();
        let url =
            reqwest::Url::parse(&address).map_err(|_| NotifyError::bad("address", "not a URL"))?;
        if new.event_kinds.is_empty() || !new.event_kinds.iter().all(|k| kind_pattern(k)) {
            return Err(NotifyError::bad(
                "eventKinds",
                "list event kinds such as case.created, case.status_changed, case.decided or case.*",
            ));
        }
        if let Some(bad) = new
            .filters
            .iter()
            .find(|f| !FILTER_ATTRIBUTES.contains(&f.attribute.as_str()) || f.value.len() > 128)
        {
            return Err(NotifyError::bad(
                "filters",
                format!(
                    "{:?}: filter on one of {}",
                    bad.attribute,
                    FILTER_ATTRIBUTES.join(", ")
                ),
            ));
        }
        // Last, as it asks the resolver: where the address leads.
        crate::send::guard::resolve(&url, self.inner.insecure_webhooks)
            .await
            .map_err(|e| NotifyError::bad("address", e.to_string()))?;
        let mut secret = [0u8; 32];
        ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut secret)
            .map_err(|_| NotifyError::Randomness)?;
        row.event_kinds = Set(serde_json::json!(new.event_kinds));
        row.filters = Set(serde_json::json!(new.filters));
        row.secret = Set(Some(hex::encode(secret)));
        let roles: Vec<&str> = ctx.roles().iter().map(|r| r.as_str()).collect();
        row.roles = Set(Some(roles.join(",")));
        Ok(())
    }

    /// Ends one of the caller's subscriptions; its pending and dead deliveries are cancelled
    /// (a re-drive must not reach a receiver that left).
    pub async fn unsubscribe(
        &self,
        ctx: &Ctx,
        session: &Session,
        id: Uuid,
    ) -> Result<SubscriptionView, NotifyError> {
        let tenant = ctx.tenant();
        let tx = session.tx(tenant).await?;
        let row = self.owned(ctx, &tx, id, Action::Update).await?;
        if row.ended_at.is_some() {
            return Err(NotifyError::Conflict("already unsubscribed".into()));
        }
        let now = Utc::now();
        subscription::Entity::update_many()
            .col_expr(subscription::Column::EndedAt, Expr::value(now))
            .filter(subscription::Column::TenantId.eq(tenant.as_str()))
            .filter(subscription::Column::Id.eq(id))
            .exec(tx.conn())
            .await?;
        cell::Entity::delete_many()
            .filter(cell::Column::TenantId.eq(tenant.as_str()))
            .filter(cell::Column::SubscriptionId.eq(id))
            .exec(tx.conn())
            .await?;
        delivery::Entity::update_many()
            .col_expr(
                delivery::Column::Status,
                Expr::value(DeliveryStatus::Cancelled.as_str()),
            )
            .filter(delivery::Column::TenantId.eq(tenant.as_str()))
            .filter(delivery::Column::SubscriptionId.eq(id))
            .filter(delivery::Column::Status.is_in([
                DeliveryStatus::Pending.as_str(),
                DeliveryStatus::Dead.as_str(),
            ]))
            .exec(tx.conn())
            .await?;
        Ok(SubscriptionView {
            ended_at: Some(now),
            ..view(row)
        })
    }

    /// A subscription the caller holds, or any of the tenant's for an admin.
    pub(crate) async fn owned(
        &self,
        ctx: &Ctx,
        tx: &TenantTx,
        id: Uuid,
        action: Action,
    ) -> Result<subscription::Model, NotifyError> {
        let row = subscription::scoped(ctx.tenant())
            .filter(subscription::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(NotifyError::NotFound)?;
        let admin = ctx.can("notification/subscriptions", action);
        let holder = owner(ctx).is_some_and(|o| o == row.owner)
            && ctx.can(&format!("subscription/{}", row.topic), action);
        if admin || holder {
            Ok(row)
        } else {
            Err(NotifyError::NotFound)
        }
    }

    /// The caller's active subscriptions, oldest first.
    pub async fn subscriptions(
        &self,
        ctx: &Ctx,
        session: &Session,
        page: Page<IdKey>,
    ) -> Result<(Vec<SubscriptionView>, bool), NotifyError> {
        let Some(owner) = owner(ctx) else {
            return Ok((Vec::new(), false));
        };
        let readable: Vec<&str> = Topic::ALL
            .iter()
            .map(|t| t.as_str())
            .filter(|t| ctx.can(&format!("subscription/{t}"), Action::Read))
            .collect();
        let tx = session.tx(ctx.tenant()).await?;
        let mut query = subscription::scoped(ctx.tenant())
            .filter(subscription::Column::Owner.eq(owner))
            .filter(subscription::Column::Topic.is_in(readable))
            .filter(subscription::Column::EndedAt.is_null());
        if let Some(IdKey(after)) = page.after {
            query = query.filter(subscription::Column::Id.gt(after));
        }
        let rows = query
            .order_by_asc(subscription::Column::Id)
            .limit(page.fetch())
            .all(tx.conn())
            .await?;
        drop(tx);
        let more = rows.len() > page.first;
        let rows = rows.into_iter().take(page.first).map(view).collect();
        Ok((rows, more))
    }
}

async fn insert_cells(tx: &TenantTx, id: Uuid, cells: &[i64]) -> Result<(), NotifyError> {
    if cells.is_empty() {
        return Ok(());
    }
    let rows = cells.iter().map(|c| cell::ActiveModel {
        tenant_id: Set(tx.tenant().to_string()),
        cell: Set(*c),
        subscription_id: Set(id),
    });
    cell::Entity::insert_many(rows)
        .exec_without_returning(tx.conn())
        .await?;
    Ok(())
}

/// Filters as stored.
pub(crate) fn filters_of(value: &serde_json::Value) -> Vec<Filter> {
    serde_json::from_value(value.clone()).unwrap_or_default()
}
