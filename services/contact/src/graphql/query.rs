//! Query roots of the contact centre.

use async_graphql::{Context, InputObject, Object, Result};
use loket_kernel::{
    ErrorCode, global_id,
    graphql::{PeriodInput, gql_error, page, to_gql},
};
use loket_store::graphql::request;
use uuid::Uuid;

use super::{
    report::GqlServiceReport,
    types::{
        CallbackConnection, ContactMoment, ContactMomentConnection, callback_connection,
        contact_connection,
    },
};
use crate::{CallbackFilter, Contacts, Period};

/// Query root for the contact centre.
#[derive(Default)]
pub struct ContactQuery;

/// Which callbacks to list.
#[derive(InputObject, Default)]
pub struct CallbackFilterInput {
    /// Only this team's.
    team: Option<String>,
    /// Include completed ones (default: open ones only).
    include_completed: Option<bool>,
    /// Only open ones past their deadline.
    overdue: Option<bool>,
}

/// A resident's contact moments, newest first (the contact half of the 360° view).
pub async fn resident_contacts(
    ctx: &Context<'_>,
    subject: Option<&str>,
    first: Option<i32>,
    after: Option<String>,
    operation: &'static str,
) -> Result<ContactMomentConnection> {
    let (rctx, session) = request(ctx)?;
    let page = page(first, after.as_deref())?;
    let found = ctx
        .data::<Contacts>()?
        .history(rctx, session, subject, page, operation)
        .await
        .map_err(|e| to_gql(&e))?;
    Ok(contact_connection(&page, found))
}

/// The contact moment behind a global id, for `node(id:)`.
pub async fn contact_by_global_id(ctx: &Context<'_>, id: &str) -> Result<ContactMoment> {
    let (rctx, session) = request(ctx)?;
    let not_found = || gql_error(ErrorCode::NotFound, "no object with this id");
    let (type_name, key) = global_id::decode(id).ok_or_else(not_found)?;
    let uuid = Uuid::parse_str(&key).map_err(|_| not_found())?;
    if type_name != "ContactMoment" {
        return Err(not_found());
    }
    ctx.data::<Contacts>()?
        .find(rctx, session, uuid)
        .await
        .map(ContactMoment)
        .map_err(|e| to_gql(&e))
}

/// The caller's own contact moments, newest first: `me.contactMoments`.
pub async fn my_contacts(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<ContactMomentConnection> {
    resident_contacts(ctx, None, first, after, "me.contactMoments").await
}

#[Object]
impl ContactQuery {
    /// Contact moments, newest first: a resident's (`subject`: BSN) or, for staff without a
    /// subject, the municipality's latest. Residents see their own.
    async fn contact_moments(
        &self,
        ctx: &Context<'_>,
        subject: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ContactMomentConnection> {
        resident_contacts(ctx, subject.as_deref(), first, after, "contactMoments").await
    }

    /// Callback requests, soonest deadline first (the back office's queue).
    async fn callbacks(
        &self,
        ctx: &Context<'_>,
        filter: Option<CallbackFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<CallbackConnection> {
        let (rctx, session) = request(ctx)?;
        let page = page(first, after.as_deref())?;
        let f = filter.unwrap_or_default();
        let filter = CallbackFilter {
            team: f.team,
            include_completed: f.include_completed.unwrap_or(false),
            overdue: f.overdue.unwrap_or(false),
        };
        let (found, total, has_next) = ctx
            .data::<Contacts>()?
            .callbacks(rctx, session, &filter, page)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(callback_connection(&page, found, total, has_next))
    }

    /// How the municipality kept its promises in a period, beside a comparison period (by
    /// default the same period a year earlier), for managers. Aggregates only.
    async fn service_report(
        &self,
        ctx: &Context<'_>,
        period: PeriodInput,
        compare_with: Option<PeriodInput>,
    ) -> Result<GqlServiceReport> {
        let (rctx, session) = request(ctx)?;
        let period = Period::new(["period.from", "period.to"], period.from, period.to)
            .map_err(|e| to_gql(&e))?;
        let compare = compare_with
            .map(|p| Period::new(["compareWith.from", "compareWith.to"], p.from, p.to))
            .transpose()
            .map_err(|e| to_gql(&e))?;
        ctx.data::<Contacts>()?
            .service_report(rctx, session, period, compare)
            .await
            .map(GqlServiceReport)
            .map_err(|e| to_gql(&e))
    }
}
