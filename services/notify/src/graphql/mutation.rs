//! Mutations: `subscribe`, `unsubscribe`, `redriveDelivery`.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use loket_kernel::graphql::to_gql;
use loket_store::graphql::request;

use super::types::{
    GqlChannel, GqlTopic, NotificationDelivery, NotificationSubscription, decode_id,
};
use crate::{Channel, Filter, NewSubscription, Notify, Topic};

/// Mutation root for notifications.
#[derive(Default)]
pub struct NotifyMutation;

/// A webhook filter.
#[derive(InputObject)]
pub struct WebhookFilterInput {
    /// Attribute: `caseType`, `status`, `handlingTenant`, `outcome` or `effect`.
    attribute: String,
    /// Required value.
    value: String,
}

/// What to subscribe to.
#[derive(InputObject)]
pub struct SubscribeInput {
    /// The topic: residents `MY_CASES`, `NEAR_ME`, `REMINDERS`; apps `WEBHOOK`.
    topic: GqlTopic,
    /// Residents `EMAIL` or `SMS`; apps `WEBHOOK`.
    channel: GqlChannel,
    /// E-mail address, mobile number (06… or +31…) or https callback URL.
    address: String,
    /// Language of the messages (one of the municipality's languages; default its first).
    language: Option<String>,
    /// Near me: radius in metres (default and maximum set by the municipality).
    radius_meters: Option<i32>,
    /// Near me: only these catalogue products (codes).
    #[graphql(default)]
    products: Vec<String>,
    /// Webhook: event kinds, such as `case.created`, `case.decided` or `case.*`.
    #[graphql(default)]
    event_kinds: Vec<String>,
    /// Webhook: attribute filters, all of which must match.
    #[graphql(default)]
    filters: Vec<WebhookFilterInput>,
}

/// A new subscription.
#[derive(SimpleObject)]
pub struct SubscribePayload {
    /// The subscription.
    subscription: NotificationSubscription,
    /// Webhook: the secret that signs every payload (`Loket-Signature`). Shown only now.
    secret: Option<String>,
}

/// The subscription to end.
#[derive(InputObject)]
pub struct UnsubscribeInput {
    /// Its id.
    id: ID,
}

/// An ended subscription.
#[derive(SimpleObject)]
pub struct UnsubscribePayload {
    /// The subscription, with `endedAt` set.
    subscription: NotificationSubscription,
}

/// The dead delivery to try again.
#[derive(InputObject)]
pub struct RedriveDeliveryInput {
    /// Its id.
    id: ID,
}

/// A delivery back in the queue.
#[derive(SimpleObject)]
pub struct RedriveDeliveryPayload {
    /// The delivery, pending again with fresh attempts.
    delivery: NotificationDelivery,
}

#[Object]
impl NotifyMutation {
    /// Subscribes the caller to notifications.
    async fn subscribe(
        &self,
        ctx: &Context<'_>,
        input: SubscribeInput,
    ) -> Result<SubscribePayload> {
        let (rctx, session) = request(ctx)?;
        let new = NewSubscription {
            topic: Topic::from(input.topic).as_str().to_owned(),
            channel: Channel::from(input.channel).as_str().to_owned(),
            address: input.address,
            language: input.language,
            radius_m: input.radius_meters,
            products: input.products,
            event_kinds: input.event_kinds,
            filters: input
                .filters
                .into_iter()
                .map(|f| Filter {
                    attribute: f.attribute,
                    value: f.value,
                })
                .collect(),
        };
        let made = ctx
            .data::<Notify>()?
            .subscribe(rctx, session, new)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(SubscribePayload {
            subscription: made.subscription.into(),
            secret: made.secret,
        })
    }

    /// Ends one of the caller's subscriptions; messages not yet sent are cancelled.
    async fn unsubscribe(
        &self,
        ctx: &Context<'_>,
        input: UnsubscribeInput,
    ) -> Result<UnsubscribePayload> {
        let (rctx, session) = request(ctx)?;
        let id = decode_id(&input.id, "NotificationSubscription", "id")?;
        let ended = ctx
            .data::<Notify>()?
            .unsubscribe(rctx, session, id)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(UnsubscribePayload {
            subscription: ended.into(),
        })
    }

    /// Puts a dead-lettered delivery back in the queue (admins).
    async fn redrive_delivery(
        &self,
        ctx: &Context<'_>,
        input: RedriveDeliveryInput,
    ) -> Result<RedriveDeliveryPayload> {
        let (rctx, session) = request(ctx)?;
        let id = decode_id(&input.id, "NotificationDelivery", "id")?;
        let delivery = ctx
            .data::<Notify>()?
            .redrive(rctx, session, id)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(RedriveDeliveryPayload {
            delivery: delivery.into(),
        })
    }
}
