//! The demo login: where a municipality logs people in through a development issuer, a
//! frontend lists demo residents ([`personas`], `tenant.demoPersonas`) or staff roles
//! ([`staff`], `tenant.demoStaff`) and gets a token for one of them (`demoLogin`). Residents
//! need a development issuer as their login (`[login.residents]`), staff as theirs
//! (`[login.staff]`); otherwise lists and tokens are refused, so a municipality with a real
//! login has no demo login for those people at all.

mod personas;
mod staff;

use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Duration, Utc};
use loket_authz::Authz;
use loket_kernel::{
    Bsn, ErrorCode, Role, TenantId,
    config::{ResolvedLogin, TenantConfig},
    global_id,
    graphql::{field_error, gql_error},
};
pub(crate) use personas::{DemoPersona, personas};
pub(crate) use staff::{DemoStaffRole, staff_roles};

use super::{request_ctx, tenants};

/// How long a demo login lasts.
const TTL_SECONDS: u64 = 3600;

/// The tenant `slug`, if `login` (its resident or staff login) is a development issuer.
fn demo_tenant<'a>(
    ctx: &Context<'a>,
    slug: &TenantId,
    login: fn(&TenantConfig) -> Option<ResolvedLogin<'_>>,
) -> Result<&'a TenantConfig> {
    let tenant = tenants(ctx)?
        .get(slug)
        .ok_or_else(|| gql_error(ErrorCode::NotFound, "no such tenant"))?;
    if login(tenant).is_some_and(|l| l.is_demo()) {
        Ok(tenant)
    } else {
        Err(no_demo_login())
    }
}

fn no_demo_login() -> async_graphql::Error {
    gql_error(ErrorCode::Forbidden, "this municipality has no demo login")
}

fn internal() -> async_graphql::Error {
    gql_error(ErrorCode::Internal, "internal error")
}

/// The token verifier and policies, put in the schema data at start-up.
fn authz<'a>(ctx: &Context<'a>) -> Result<&'a Authz> {
    ctx.data::<Arc<Authz>>()
        .map(AsRef::as_ref)
        .map_err(|_| internal())
}

/// Log in as a demo resident or a demo employee.
#[derive(InputObject)]
pub struct DemoLoginInput {
    /// One of `tenant.demoPersonas` or `tenant.demoStaff`.
    persona: ID,
}

/// A token for a demo resident or demo employee.
#[derive(SimpleObject)]
pub struct DemoLoginPayload {
    /// The bearer token.
    token: String,
    /// When it expires.
    expires_at: DateTime<Utc>,
}

/// Mutation root for `demoLogin`.
#[derive(Default)]
pub struct DemoLoginMutation;

#[Object]
impl DemoLoginMutation {
    /// A token for one of the municipality's demo residents (refused unless its resident
    /// login is a development issuer) or for one of its staff roles (refused unless its staff
    /// login is one). Name the municipality with the `Loket-Tenant` header.
    async fn demo_login(
        &self,
        ctx: &Context<'_>,
        input: DemoLoginInput,
    ) -> Result<DemoLoginPayload> {
        let slug = request_ctx(ctx)?.tenant().clone();
        let (role, bsn) = match global_id::decode(&input.persona) {
            Some((kind, bsn)) if kind == personas::KIND => {
                let bsn = personas::find(ctx, &slug, &bsn).await?;
                (Role::new(Role::CITIZEN).map_err(|_| internal())?, Some(bsn))
            }
            Some((kind, role)) if kind == staff::KIND => (staff::find(ctx, &slug, &role)?, None),
            _ => {
                return Err(field_error(
                    "persona",
                    "not a demo persona or demo staff role id",
                ));
            }
        };
        sign(ctx, &slug, &role, bsn.as_ref())
    }
}

/// Signs a demo token with the tenant's development issuer.
fn sign(
    ctx: &Context<'_>,
    slug: &TenantId,
    role: &Role,
    bsn: Option<&Bsn>,
) -> Result<DemoLoginPayload> {
    let signer = authz(ctx)?
        .authenticator()
        .dev_signer(slug)
        .ok_or_else(no_demo_login)?;
    let signed_at = Utc::now();
    let token = signer
        .sign(role, bsn, TTL_SECONDS)
        .map_err(|_| internal())?;
    let expires_at = i64::try_from(TTL_SECONDS)
        .ok()
        .and_then(|ttl| signed_at.checked_add_signed(Duration::seconds(ttl)))
        .ok_or_else(internal)?;
    Ok(DemoLoginPayload { token, expires_at })
}
