//! GraphQL for notifications: the mutations `subscribe`, `unsubscribe` and
//! `redriveDelivery`, the admins' `deliveries` log, and the holder's subscriptions (through
//! [`my_subscriptions`] as `me.subscriptions`).

mod mutation;
mod query;
mod types;

pub use mutation::NotifyMutation;
pub use query::{NotifyQuery, my_subscriptions};
pub use types::{
    GqlChannel, GqlDeliveryStatus, GqlTopic, NotificationDelivery, NotificationSubscription,
    SubscriptionConnection,
};
