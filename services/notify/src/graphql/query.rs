//! Queries: the delivery log for admins, and the holder's subscriptions.

use async_graphql::{Context, ID, InputObject, Object, Result};
use loket_kernel::{
    graphql::{page, to_gql},
    page::{IdKey, cursor},
};
use loket_store::graphql::request;

use super::types::{
    DeliveryConnection, GqlDeliveryStatus, NotificationSubscription, SubscriptionConnection,
    connection, decode_id, delivery_page,
};
use crate::{DeliveryFilter, Notify};

/// Query root for notifications.
#[derive(Default)]
pub struct NotifyQuery;

/// Which deliveries to list.
#[derive(InputObject, Default)]
pub struct DeliveryFilterInput {
    /// Only deliveries in this status, for example `DEAD`.
    status: Option<GqlDeliveryStatus>,
    /// Only deliveries of this subscription.
    subscription_id: Option<ID>,
}

#[Object]
impl NotifyQuery {
    /// The municipality's notification deliveries, newest first (admins): status, attempts
    /// and the last error, for example the dead letters to re-drive.
    async fn deliveries(
        &self,
        ctx: &Context<'_>,
        filter: Option<DeliveryFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<DeliveryConnection> {
        let f = filter.unwrap_or_default();
        let subscription = f
            .subscription_id
            .as_ref()
            .map(|id| decode_id(id, "NotificationSubscription", "filter.subscriptionId"))
            .transpose()?;
        let filter = DeliveryFilter {
            status: f.status.map(Into::into),
            subscription,
        };
        delivery_page(ctx, filter, first, after).await
    }
}

/// The caller's active subscriptions (residents and apps), oldest first: `me.subscriptions`.
pub async fn my_subscriptions(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<SubscriptionConnection> {
    let (rctx, session) = request(ctx)?;
    let page = page(first, after.as_deref())?;
    let (items, more) = ctx
        .data::<Notify>()?
        .subscriptions(rctx, session, page)
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(connection(
        &page,
        items,
        more,
        |s| cursor(&IdKey(s.id)),
        NotificationSubscription::from,
    ))
}
