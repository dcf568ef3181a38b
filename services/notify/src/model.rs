//! What subscriptions and deliveries are, independent of storage and GraphQL.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a subscription is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Status changes and decisions of the holder's own cases.
    MyCases,
    /// Permits applied for and decided within a radius of the holder's home.
    NearMe,
    /// Travel document expiry reminders.
    Reminders,
    /// Events for a third-party system's callback URL.
    Webhook,
}

impl Topic {
    /// Every topic.
    pub const ALL: [Topic; 4] = [Self::MyCases, Self::NearMe, Self::Reminders, Self::Webhook];

    /// As stored, and as the policy object `subscription/<topic>`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::MyCases => "my-cases",
            Self::NearMe => "near-me",
            Self::Reminders => "reminders",
            Self::Webhook => "webhook",
        }
    }

    /// The topic stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// How a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// E-mail over SMTP.
    Email,
    /// A text message through the tenant's SMS gateway.
    Sms,
    /// An HTTP POST, signed.
    Webhook,
    /// The log sink (development).
    Log,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 4] = [Self::Email, Self::Sms, Self::Webhook, Self::Log];

    /// As stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "sms",
            Self::Webhook => "webhook",
            Self::Log => "log",
        }
    }

    /// The channel stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A webhook filter: the event's attribute must have this value (ZGW "kenmerken").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Attribute name, for example `caseType`.
    pub attribute: String,
    /// Required value.
    pub value: String,
}

/// What a holder asks to subscribe to (validated by [`crate::Notify::subscribe`]).
#[derive(Debug, Clone, Default)]
pub struct NewSubscription {
    /// The topic, as stored (`my-cases`, `near-me`, `reminders`, `webhook`).
    pub topic: String,
    /// The channel, as stored (`email`, `sms`, `webhook`, `log`).
    pub channel: String,
    /// E-mail address, phone number or callback URL.
    pub address: String,
    /// Language of the messages; the tenant's default when absent.
    pub language: Option<String>,
    /// Near me: radius in metres; the tenant's default when absent.
    pub radius_m: Option<i32>,
    /// Near me: only these catalogue products (empty: all published permits).
    pub products: Vec<String>,
    /// Webhook: event kinds, exact (`case.decided`) or by prefix (`case.*`).
    pub event_kinds: Vec<String>,
    /// Webhook: attribute filters, all of which must match.
    pub filters: Vec<Filter>,
}

/// A subscription as its holder and admins see it.
#[derive(Debug, Clone, PartialEq)]
pub struct SubscriptionView {
    /// Id.
    pub id: Uuid,
    /// Topic.
    pub topic: Topic,
    /// Channel.
    pub channel: Channel,
    /// Where messages go.
    pub address: String,
    /// Message language.
    pub language: String,
    /// Near me: radius in metres.
    pub radius_m: Option<i32>,
    /// Near me: products.
    pub products: Vec<String>,
    /// Webhook: event kinds.
    pub event_kinds: Vec<String>,
    /// Webhook: filters.
    pub filters: Vec<Filter>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it was ended (unsubscribed).
    pub ended_at: Option<DateTime<Utc>>,
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    /// Waiting for (another) attempt.
    Pending,
    /// Accepted by the receiver.
    Sent,
    /// Given up after the maximum number of attempts; an admin may re-drive it.
    Dead,
    /// Not sent because the subscription ended first.
    Cancelled,
}

impl DeliveryStatus {
    /// Every status.
    pub const ALL: [DeliveryStatus; 4] = [Self::Pending, Self::Sent, Self::Dead, Self::Cancelled];

    /// As stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Dead => "dead",
            Self::Cancelled => "cancelled",
        }
    }

    /// The status stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A delivery as admins and the subscription's holder see it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryView {
    /// Id.
    pub id: Uuid,
    /// The delivery key the receiver sees (the same on every attempt).
    pub key: String,
    /// The subscription it belongs to; none for a message to an address given once.
    pub subscription_id: Option<Uuid>,
    /// The event kind or message kind.
    pub event_kind: String,
    /// Channel.
    pub channel: Channel,
    /// Status.
    pub status: DeliveryStatus,
    /// Attempts so far.
    pub attempts: i32,
    /// The last error, when an attempt failed.
    pub last_error: Option<String>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When the next attempt is due (pending only).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When the receiver accepted it.
    pub sent_at: Option<DateTime<Utc>>,
}
