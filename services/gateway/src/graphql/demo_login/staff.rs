//! Demo staff: the roles of a municipality's policy one may log in as with the demo login
//! (`tenant.demoStaff`), where its staff login is a development issuer. Every role the policy
//! names is offered except those that are not staff: `anonymous`, `citizen` and `app`.

use async_graphql::{Context, ID, Result, SimpleObject};
use loket_authz::policy::{ANONYMOUS, TenantPolicy};
use loket_kernel::{
    ErrorCode, Role, TenantId, config::TenantConfig, global_id, graphql::gql_error,
};

use super::{authz, demo_tenant};

/// The global id type of a demo staff role.
pub(super) const KIND: &str = "DemoStaffRole";

/// Roles in every policy that are not staff.
const NOT_STAFF: [&str; 3] = [ANONYMOUS, Role::CITIZEN, Role::APP];

/// A staff role one may log in as with the demo login.
#[derive(SimpleObject, Clone)]
pub struct DemoStaffRole {
    /// Give this to `demoLogin`.
    id: ID,
    /// The role, as the municipality's policy names it.
    role: String,
}

/// The staff roles `policy` names, sorted by name.
fn of(policy: &TenantPolicy) -> impl Iterator<Item = &Role> {
    policy
        .roles()
        .iter()
        .filter(|r| !NOT_STAFF.contains(&r.as_str()))
}

fn policy<'a>(ctx: &Context<'a>, slug: &TenantId) -> Result<&'a TenantPolicy> {
    authz(ctx)?
        .policies()
        .tenant(slug)
        .map(AsRef::as_ref)
        .ok_or_else(|| gql_error(ErrorCode::NotFound, "no such tenant"))
}

/// The demo staff roles of a tenant whose staff login is a development issuer.
pub(crate) fn staff_roles(ctx: &Context<'_>, slug: &TenantId) -> Result<Vec<DemoStaffRole>> {
    demo_tenant(ctx, slug, TenantConfig::staff_login)?;
    Ok(of(policy(ctx, slug)?)
        .map(|role| DemoStaffRole {
            id: ID(global_id::encode(KIND, role.as_str())),
            role: role.to_string(),
        })
        .collect())
}

/// The role named `name`, if the tenant offers it as a demo staff role.
pub(super) fn find(ctx: &Context<'_>, slug: &TenantId, name: &str) -> Result<Role> {
    demo_tenant(ctx, slug, TenantConfig::staff_login)?;
    of(policy(ctx, slug)?)
        .find(|r| r.as_str() == name)
        .cloned()
        .ok_or_else(|| gql_error(ErrorCode::NotFound, "no such demo role"))
}
