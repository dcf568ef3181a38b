//! `me`: who the caller is and what the tenant's policy lets them do, so a frontend can show
//! or hide what the user may use without duplicating the policy.

use async_graphql::{Context, Enum, Object, Result, SimpleObject};
use loket_appointments::graphql::{Appointment, my_appointments};
use loket_authz::policy::is_valid_object;
use loket_cases::graphql::{CaseConnection, ReportConnection, my_cases, my_reports};
use loket_contact::graphql::{ContactMomentConnection, my_contacts};
use loket_kernel::{Action, Actor, Ctx, graphql::to_gql};
use loket_notify::graphql::{SubscriptionConnection, my_subscriptions};
use loket_registry::{
    Registry,
    graphql::{Person, requested_groups},
};

use loket_kernel::graphql::field_error;

use super::{request_ctx, tenant::TenantInfo, tenants};

/// Query root for `me`.
#[derive(Default)]
pub struct MeQuery;

#[Object]
impl MeQuery {
    /// The caller: anonymous, a resident, an employee or an app.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        Ok(Me(request_ctx(ctx)?.clone()))
    }
}

/// Kinds of caller.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// No token.
    Anonymous,
    /// A resident (logged in with a BSN).
    Citizen,
    /// A municipal employee.
    Employee,
    /// A third-party frontend (client credentials).
    App,
}

/// Policy actions.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "PolicyAction")]
pub enum GqlAction {
    /// See.
    Read,
    /// Make new.
    Create,
    /// Change.
    Update,
    /// Take a decision.
    Decide,
}

impl From<GqlAction> for Action {
    fn from(a: GqlAction) -> Self {
        match a {
            GqlAction::Read => Self::Read,
            GqlAction::Create => Self::Create,
            GqlAction::Update => Self::Update,
            GqlAction::Decide => Self::Decide,
        }
    }
}

impl From<Action> for GqlAction {
    fn from(a: Action) -> Self {
        match a {
            Action::Read => Self::Read,
            Action::Create => Self::Create,
            Action::Update => Self::Update,
            Action::Decide => Self::Decide,
        }
    }
}

/// One thing the caller may do.
#[derive(SimpleObject)]
pub struct Capability {
    /// Object path, for example `case/*/outcome`.
    object: String,
    /// What they may do with it.
    action: GqlAction,
}

/// The caller.
pub struct Me(Ctx);

#[Object]
impl Me {
    /// What kind of caller this is.
    async fn actor(&self) -> ActorKind {
        match self.0.actor() {
            Actor::Anonymous => ActorKind::Anonymous,
            Actor::Citizen { .. } => ActorKind::Citizen,
            Actor::Employee { .. } => ActorKind::Employee,
            Actor::App { .. } => ActorKind::App,
        }
    }

    /// The token's subject (`anonymous` without a token).
    async fn subject(&self) -> &str {
        self.0.actor().subject()
    }

    /// The caller's roles.
    async fn roles(&self) -> Vec<&str> {
        self.0.roles().iter().map(|r| r.as_str()).collect()
    }

    /// The tenant the caller acts for.
    async fn tenant(&self, ctx: &Context<'_>) -> Result<TenantInfo> {
        TenantInfo::find(tenants(ctx)?, self.0.tenant())
    }

    /// Everything the tenant's policy grants the caller on the known objects.
    async fn capabilities(&self) -> Vec<Capability> {
        self.0
            .capabilities()
            .granted()
            .into_iter()
            .map(|(object, action)| Capability {
                object: object.to_owned(),
                action: action.into(),
            })
            .collect()
    }

    /// Whether the caller may do `action` on `object` (for example `case/building-permit/outcome`).
    async fn can(&self, object: String, action: GqlAction) -> Result<bool> {
        if !is_valid_object(&object) {
            return Err(field_error(
                "object",
                format!("{object:?} is not an object path such as case/*/outcome"),
            ));
        }
        Ok(self.0.can(&object, action.into()))
    }

    /// A citizen's own registry record (`null` for other callers).
    async fn person(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        let Some(bsn) = self.0.actor().bsn() else {
            return Ok(None);
        };
        let groups = requested_groups(&[ctx.look_ahead()]);
        let session = loket_store::graphql::session(ctx)?;
        let read_as = loket_store::processing_log::ReadAs {
            operation: "me.person",
            purpose: "show a resident their own record",
        };
        ctx.data::<Registry>()?
            .person(&self.0, session, bsn.as_str(), &groups, read_as)
            .await
            .map(|record| Some(Person(record)))
            .map_err(|e| to_gql(&e))
    }

    /// A citizen's own cases, newest first, each with its public timeline (`null` for other
    /// callers).
    async fn cases(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Option<CaseConnection>> {
        if self.0.actor().bsn().is_none() {
            return Ok(None);
        }
        my_cases(ctx, first, after).await.map(Some)
    }

    /// The reports about public space a citizen filed or follows, newest first (`null` for
    /// other callers).
    async fn reports(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Option<ReportConnection>> {
        if self.0.actor().bsn().is_none() {
            return Ok(None);
        }
        my_reports(ctx, first, after).await.map(Some)
    }

    /// A citizen's own contact moments with the municipality, newest first (`null` for other
    /// callers).
    async fn contact_moments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Option<ContactMomentConnection>> {
        if self.0.actor().bsn().is_none() {
            return Ok(None);
        }
        my_contacts(ctx, first, after).await.map(Some)
    }

    /// A citizen's own appointments at the counter, the latest first (`null` for other
    /// callers).
    async fn appointments(&self, ctx: &Context<'_>) -> Result<Option<Vec<Appointment>>> {
        if self.0.actor().bsn().is_none() {
            return Ok(None);
        }
        my_appointments(ctx).await.map(Some)
    }

    /// The caller's active notification subscriptions (residents and apps; `null` for
    /// others).
    async fn subscriptions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Option<SubscriptionConnection>> {
        if !matches!(
            self.0.actor(),
            loket_kernel::Actor::Citizen { .. } | loket_kernel::Actor::App { .. }
        ) {
            return Ok(None);
        }
        my_subscriptions(ctx, first, after).await.map(Some)
    }

    /// The tenants whose domain the caller may act in through a regional collaboration.
    async fn collaborates_for(&self) -> Vec<&str> {
        let mut slugs: Vec<&str> = self.0.delegated_domains().map(|t| t.as_str()).collect();
        slugs.sort_unstable();
        slugs
    }
}
