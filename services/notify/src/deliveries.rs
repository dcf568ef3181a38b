//! The delivery log: what was sent to whom and how it went, for admins (all of the tenant's)
//! and for a subscription's holder (their own), and re-driving dead letters.

use chrono::Utc;
use loket_kernel::{
    Action, Ctx,
    page::{Page, TimeKey},
};
use loket_store::Session;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Expr,
};
use uuid::Uuid;

use crate::{
    Channel, DeliveryStatus, DeliveryView, Notify, NotifyError,
    entity::{delivery, subscription},
};

/// Which deliveries to list.
#[derive(Debug, Clone, Default)]
pub struct DeliveryFilter {
    /// Only deliveries in this status.
    pub status: Option<DeliveryStatus>,
    /// Only deliveries of this subscription (required for holders; admins may omit it).
    pub subscription: Option<Uuid>,
}

pub(crate) fn delivery_view(m: delivery::Model) -> DeliveryView {
    let status = DeliveryStatus::parse(&m.status).unwrap_or(DeliveryStatus::Pending);
    DeliveryView {
        id: m.id,
        key: m.delivery_key,
        subscription_id: m.subscription_id,
        event_kind: m.event_kind,
        channel: Channel::parse(&m.channel).unwrap_or(Channel::Log),
        status,
        attempts: m.attempts,
        last_error: m.last_error,
        created_at: m.created_at,
        next_attempt_at: (status == DeliveryStatus::Pending).then_some(m.available_at),
        sent_at: m.sent_at,
    }
}

impl Notify {
    /// Deliveries, newest first: all of the tenant's for admins, a held subscription's for
    /// its holder.
    pub async fn deliveries(
        &self,
        ctx: &Ctx,
        session: &Session,
        filter: DeliveryFilter,
        page: Page<TimeKey>,
    ) -> Result<(Vec<DeliveryView>, bool), NotifyError> {
        let tenant = ctx.tenant();
        let tx = session.tx(tenant).await?;
        if !ctx.can("notification/deliveries", Action::Read) {
            let id = filter
                .subscription
                .ok_or_else(|| NotifyError::forbidden("notification/deliveries"))?;
            self.owned(ctx, &tx, id, Action::Read).await?;
        }
        let mut query = delivery::scoped(tenant);
        if let Some(status) = filter.status {
            query = query.filter(delivery::Column::Status.eq(status.as_str()));
        }
        if let Some(id) = filter.subscription {
            query = query.filter(delivery::Column::SubscriptionId.eq(id));
        }
        if let Some(after) = page.after {
            query = query.filter(
                Condition::any()
                    .add(delivery::Column::CreatedAt.lt(after.at))
                    .add(
                        Condition::all()
                            .add(delivery::Column::CreatedAt.eq(after.at))
                            .add(delivery::Column::Id.lt(after.id)),
                    ),
            );
        }
        let rows = query
            .order_by_desc(delivery::Column::CreatedAt)
            .order_by_desc(delivery::Column::Id)
            .limit(page.fetch())
            .all(tx.conn())
            .await?;
        drop(tx);
        let more = rows.len() > page.first;
        Ok((
            rows.into_iter()
                .take(page.first)
                .map(delivery_view)
                .collect(),
            more,
        ))
    }

    /// Puts a dead-lettered delivery back in the queue with fresh attempts (admins).
    pub async fn redrive(
        &self,
        ctx: &Ctx,
        session: &Session,
        id: Uuid,
    ) -> Result<DeliveryView, NotifyError> {
        if !ctx.can("notification/deliveries", Action::Update) {
            return Err(NotifyError::forbidden("notification/deliveries"));
        }
        let tenant = ctx.tenant();
        let tx = session.tx(tenant).await?;
        let row = delivery::scoped(tenant)
            .filter(delivery::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(NotifyError::NotFound)?;
        let ended = match row.subscription_id {
            Some(id) => subscription::scoped(tenant)
                .filter(subscription::Column::Id.eq(id))
                .filter(subscription::Column::EndedAt.is_not_null())
                .one(tx.conn())
                .await?
                .is_some(),
            None => false,
        };
        if ended {
            return Err(NotifyError::Conflict(
                "the subscription has ended; its messages are not sent any more".into(),
            ));
        }
        if row.status != DeliveryStatus::Dead.as_str() {
            return Err(NotifyError::Conflict(format!(
                "only dead deliveries are re-driven; this one is {}",
                row.status
            )));
        }
        let now = Utc::now();
        delivery::Entity::update_many()
            .col_expr(
                delivery::Column::Status,
                Expr::value(DeliveryStatus::Pending.as_str()),
            )
            .col_expr(delivery::Column::Attempts, Expr::value(0))
            .col_expr(delivery::Column::AvailableAt, Expr::value(now))
            .filter(delivery::Column::TenantId.eq(tenant.as_str()))
            .filter(delivery::Column::Id.eq(id))
            .exec(tx.conn())
            .await?;
        drop(tx);
        tracing::info!(tenant = %tenant, delivery = %id, "dead delivery re-driven");
        Ok(DeliveryView {
            status: DeliveryStatus::Pending,
            attempts: 0,
            next_attempt_at: Some(now),
            ..delivery_view(row)
        })
    }
}
