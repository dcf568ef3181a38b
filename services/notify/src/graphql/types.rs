//! GraphQL types of notifications.

use async_graphql::{
    ComplexObject, Context, Enum, ID, Result, SimpleObject,
    connection::{Connection, Edge, EmptyFields},
};
use chrono::{DateTime, Utc};
use loket_kernel::{
    global_id,
    graphql::{page, to_gql},
    page::{Page, TimeKey, cursor},
};
use loket_store::graphql::request;
use uuid::Uuid;

use crate::{
    Channel, DeliveryFilter, DeliveryStatus, DeliveryView, Filter, Notify, SubscriptionView, Topic,
};

/// What a subscription is about.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "SubscriptionTopic")]
pub enum GqlTopic {
    /// Status changes and decisions of my own cases (residents).
    MyCases,
    /// Permits applied for and decided near my home (residents).
    NearMe,
    /// Travel document expiry reminders (residents).
    Reminders,
    /// Events for a callback URL (third-party systems).
    Webhook,
}

impl From<Topic> for GqlTopic {
    fn from(t: Topic) -> Self {
        match t {
            Topic::MyCases => Self::MyCases,
            Topic::NearMe => Self::NearMe,
            Topic::Reminders => Self::Reminders,
            Topic::Webhook => Self::Webhook,
        }
    }
}

impl From<GqlTopic> for Topic {
    fn from(t: GqlTopic) -> Self {
        match t {
            GqlTopic::MyCases => Self::MyCases,
            GqlTopic::NearMe => Self::NearMe,
            GqlTopic::Reminders => Self::Reminders,
            GqlTopic::Webhook => Self::Webhook,
        }
    }
}

/// How messages travel.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "NotificationChannel")]
pub enum GqlChannel {
    /// E-mail.
    Email,
    /// Text message.
    Sms,
    /// Signed HTTP POST.
    Webhook,
    /// The log sink (development).
    Log,
}

impl From<Channel> for GqlChannel {
    fn from(c: Channel) -> Self {
        match c {
            Channel::Email => Self::Email,
            Channel::Sms => Self::Sms,
            Channel::Webhook => Self::Webhook,
            Channel::Log => Self::Log,
        }
    }
}

impl From<GqlChannel> for Channel {
    fn from(c: GqlChannel) -> Self {
        match c {
            GqlChannel::Email => Self::Email,
            GqlChannel::Sms => Self::Sms,
            GqlChannel::Webhook => Self::Webhook,
            GqlChannel::Log => Self::Log,
        }
    }
}

/// Where a delivery stands.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "DeliveryStatus")]
pub enum GqlDeliveryStatus {
    /// Waiting for (another) attempt.
    Pending,
    /// Accepted by the receiver.
    Sent,
    /// Given up after the maximum number of attempts; an admin may re-drive it.
    Dead,
    /// Not sent: the subscription ended first.
    Cancelled,
}

impl From<DeliveryStatus> for GqlDeliveryStatus {
    fn from(s: DeliveryStatus) -> Self {
        match s {
            DeliveryStatus::Pending => Self::Pending,
            DeliveryStatus::Sent => Self::Sent,
            DeliveryStatus::Dead => Self::Dead,
            DeliveryStatus::Cancelled => Self::Cancelled,
        }
    }
}

impl From<GqlDeliveryStatus> for DeliveryStatus {
    fn from(s: GqlDeliveryStatus) -> Self {
        match s {
            GqlDeliveryStatus::Pending => Self::Pending,
            GqlDeliveryStatus::Sent => Self::Sent,
            GqlDeliveryStatus::Dead => Self::Dead,
            GqlDeliveryStatus::Cancelled => Self::Cancelled,
        }
    }
}

/// A webhook filter: the event attribute must have this value.
#[derive(SimpleObject, Clone)]
pub struct WebhookFilter {
    /// Attribute: `caseType`, `status`, `handlingTenant`, `outcome` or `effect`.
    pub attribute: String,
    /// Required value.
    pub value: String,
}

impl From<Filter> for WebhookFilter {
    fn from(f: Filter) -> Self {
        Self {
            attribute: f.attribute,
            value: f.value,
        }
    }
}

/// The global id of a subscription.
pub(crate) fn subscription_id(id: Uuid) -> ID {
    ID(global_id::encode(
        "NotificationSubscription",
        &id.to_string(),
    ))
}

/// The key behind a global id of `type_name`, named `field` in errors.
pub(crate) fn decode_id(id: &ID, type_name: &str, field: &str) -> Result<Uuid> {
    global_id::decode(id)
        .filter(|(t, _)| t == type_name)
        .and_then(|(_, key)| key.parse().ok())
        .ok_or_else(|| loket_kernel::graphql::field_error(field, format!("not a {type_name} id")))
}

/// A subscription to notifications.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct NotificationSubscription {
    #[graphql(skip)]
    pub(crate) key: Uuid,
    /// Global id.
    id: ID,
    /// What it is about.
    topic: GqlTopic,
    /// How messages travel.
    channel: GqlChannel,
    /// E-mail address, phone number or callback URL.
    address: String,
    /// Language of the messages.
    language: String,
    /// Near me: radius in metres around the home address.
    radius_meters: Option<i32>,
    /// Near me: only these catalogue products (empty: every published permit).
    products: Vec<String>,
    /// Webhook: event kinds (`case.decided`, `case.*`).
    event_kinds: Vec<String>,
    /// Webhook: attribute filters, all of which must match.
    filters: Vec<WebhookFilter>,
    /// When it was made.
    created_at: DateTime<Utc>,
    /// When it ended.
    ended_at: Option<DateTime<Utc>>,
}

impl From<SubscriptionView> for NotificationSubscription {
    fn from(s: SubscriptionView) -> Self {
        Self {
            key: s.id,
            id: subscription_id(s.id),
            topic: s.topic.into(),
            channel: s.channel.into(),
            address: s.address,
            language: s.language,
            radius_meters: s.radius_m,
            products: s.products,
            event_kinds: s.event_kinds,
            filters: s.filters.into_iter().map(Into::into).collect(),
            created_at: s.created_at,
            ended_at: s.ended_at,
        }
    }
}

#[ComplexObject]
impl NotificationSubscription {
    /// Messages for this subscription, newest first.
    async fn deliveries(
        &self,
        ctx: &Context<'_>,
        status: Option<GqlDeliveryStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<DeliveryConnection> {
        let filter = DeliveryFilter {
            status: status.map(Into::into),
            subscription: Some(self.key),
        };
        delivery_page(ctx, filter, first, after).await
    }
}

/// One message for one subscription (or to an address given once), with its delivery state.
#[derive(SimpleObject)]
pub struct NotificationDelivery {
    /// Global id.
    id: ID,
    /// The key the receiver sees on every attempt (`Loket-Delivery`, `Message-ID`).
    key: String,
    /// The subscription; none for a message to an address given once (an appointment's).
    subscription_id: Option<ID>,
    /// Event or message kind.
    event_kind: String,
    /// Channel.
    channel: GqlChannel,
    /// Status.
    status: GqlDeliveryStatus,
    /// Attempts so far.
    attempts: i32,
    /// The last error, when an attempt failed.
    last_error: Option<String>,
    /// When it was made.
    created_at: DateTime<Utc>,
    /// When the next attempt is due (pending only).
    next_attempt_at: Option<DateTime<Utc>>,
    /// When the receiver accepted it.
    sent_at: Option<DateTime<Utc>>,
}

impl From<DeliveryView> for NotificationDelivery {
    fn from(d: DeliveryView) -> Self {
        Self {
            id: ID(global_id::encode("NotificationDelivery", &d.id.to_string())),
            key: d.key,
            subscription_id: d.subscription_id.map(subscription_id),
            event_kind: d.event_kind,
            channel: d.channel.into(),
            status: d.status.into(),
            attempts: d.attempts,
            last_error: d.last_error,
            created_at: d.created_at,
            next_attempt_at: d.next_attempt_at,
            sent_at: d.sent_at,
        }
    }
}

/// A page of subscriptions.
pub type SubscriptionConnection =
    Connection<String, NotificationSubscription, EmptyFields, EmptyFields>;
/// A page of deliveries.
pub type DeliveryConnection = Connection<String, NotificationDelivery, EmptyFields, EmptyFields>;

/// Items of one page as a connection.
pub(crate) fn connection<K, T, U: async_graphql::OutputType>(
    page: &Page<K>,
    items: Vec<T>,
    more: bool,
    key: impl Fn(&T) -> String,
    map: impl Fn(T) -> U,
) -> Connection<String, U, EmptyFields, EmptyFields> {
    let mut connection = Connection::new(page.after.is_some(), more);
    connection.edges.extend(items.into_iter().map(|item| {
        let position = key(&item);
        Edge::new(position, map(item))
    }));
    connection
}

/// A page of deliveries through the service.
pub(crate) async fn delivery_page(
    ctx: &Context<'_>,
    filter: DeliveryFilter,
    first: Option<i32>,
    after: Option<String>,
) -> Result<DeliveryConnection> {
    let (rctx, session) = request(ctx)?;
    let page = page(first, after.as_deref())?;
    let (items, more) = ctx
        .data::<Notify>()?
        .deliveries(rctx, session, filter, page)
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(connection(
        &page,
        items,
        more,
        |d| {
            cursor(&TimeKey {
                at: d.created_at,
                id: d.id,
            })
        },
        NotificationDelivery::from,
    ))
}
