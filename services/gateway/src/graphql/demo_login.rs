//! The demo login: where a municipality's residents log in through a development issuer, a
//! frontend lists a few demo residents (`tenant.demoPersonas`) and gets a token for one of
//! them (`demoLogin`). Both refuse unless the tenant's resident login is a development issuer,
//! so a municipality with a real login has no demo login at all.
//!
//! The personas are the first residents of the municipality by BSN, led by the one the demo
//! cases belong to; the list shows their address, not their name, and is read outside any
//! request's processing log like the demo data it is made of.

use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use loket_authz::Authz;
use loket_kernel::{
    Bsn, ErrorCode, Role, TenantId,
    config::TenantConfig,
    global_id,
    graphql::{field_error, gql_error},
};
use loket_registry::Registry;
use loket_store::lookups::Directory;

use super::{request_ctx, tenants};

/// How many demo residents are offered.
const PERSONAS: u64 = 3;
/// How long a demo login lasts.
const TTL_SECONDS: u64 = 3600;
/// The global id type of a persona.
const PERSONA: &str = "DemoPersona";

/// A demo resident one may log in as.
#[derive(SimpleObject, Clone)]
pub struct DemoPersona {
    /// Give this to `demoLogin`.
    id: ID,
    /// The resident's citizen service number (demo data).
    bsn: String,
    /// Their home address on one line.
    address: Option<String>,
    /// When their first travel document expires, if they have one.
    document_expires_on: Option<NaiveDate>,
}

fn demo_tenant<'a>(ctx: &Context<'a>, slug: &TenantId) -> Result<&'a TenantConfig> {
    let tenant = tenants(ctx)?
        .get(slug)
        .ok_or_else(|| gql_error(ErrorCode::NotFound, "no such tenant"))?;
    if tenant.resident_login().is_some_and(|l| l.is_demo()) {
        Ok(tenant)
    } else {
        Err(gql_error(
            ErrorCode::Forbidden,
            "this municipality has no demo login",
        ))
    }
}

/// The demo residents of a tenant whose resident login is a development issuer.
pub(crate) async fn personas(ctx: &Context<'_>, slug: &TenantId) -> Result<Vec<DemoPersona>> {
    let tenant = demo_tenant(ctx, slug)?;
    let registry = ctx.data::<Registry>()?;
    let code = tenant.municipality_code.as_str();
    fn internal<E: std::fmt::Display>(e: E) -> async_graphql::Error {
        tracing::error!(error = %e, "demo personas");
        gql_error(ErrorCode::Internal, "internal error")
    }
    let mut bsns: Vec<Bsn> = registry
        .demo_resident(code)
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    for bsn in registry
        .demo_residents(code, PERSONAS)
        .await
        .map_err(internal)?
    {
        if bsns.len() < usize::try_from(PERSONAS).unwrap_or(usize::MAX) && !bsns.contains(&bsn) {
            bsns.push(bsn);
        }
    }
    let (_, session) = loket_store::graphql::request(ctx)?;
    let mut out = Vec::with_capacity(bsns.len());
    for bsn in bsns {
        let resident = registry.resident(session, &bsn).await.map_err(internal)?;
        let documents = registry
            .travel_documents(session, &bsn)
            .await
            .map_err(internal)?;
        out.push(DemoPersona {
            id: ID(global_id::encode(PERSONA, bsn.as_str())),
            bsn: bsn.as_str().to_owned(),
            address: resident.and_then(|r| r.address).map(|a| a.label),
            document_expires_on: documents.iter().map(|d| d.expires_on).min(),
        });
    }
    Ok(out)
}

/// Log in as a demo resident.
#[derive(InputObject)]
pub struct DemoLoginInput {
    /// One of `tenant.demoPersonas`.
    persona: ID,
}

/// A token for a demo resident.
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
    /// A token for one of the municipality's demo residents; refused unless its resident
    /// login is a development issuer (name the municipality with the `Loket-Tenant` header).
    async fn demo_login(
        &self,
        ctx: &Context<'_>,
        input: DemoLoginInput,
    ) -> Result<DemoLoginPayload> {
        let slug = request_ctx(ctx)?.tenant().clone();
        demo_tenant(ctx, &slug)?;
        let bsn = match global_id::decode(&input.persona) {
            Some((kind, bsn)) if kind == PERSONA => bsn,
            _ => return Err(field_error("persona", "not a demo persona id")),
        };
        let known = personas(ctx, &slug).await?;
        let Some(persona) = known.iter().find(|p| p.bsn == bsn) else {
            return Err(gql_error(ErrorCode::NotFound, "no such demo persona"));
        };
        let bsn =
            Bsn::new(persona.bsn.clone()).map_err(|e| field_error("persona", e.to_string()))?;
        let signer = ctx
            .data::<Arc<Authz>>()?
            .authenticator()
            .dev_signer(&slug)
            .ok_or_else(|| {
                gql_error(ErrorCode::Forbidden, "this municipality has no demo login")
            })?;
        let role = Role::new(Role::CITIZEN)
            .map_err(|_| gql_error(ErrorCode::Internal, "internal error"))?;
        let signed_at = Utc::now();
        let token = signer
            .sign(&role, Some(&bsn), TTL_SECONDS)
            .map_err(|_| gql_error(ErrorCode::Internal, "internal error"))?;
        let expires_at = i64::try_from(TTL_SECONDS)
            .ok()
            .and_then(|ttl| signed_at.checked_add_signed(Duration::seconds(ttl)))
            .ok_or_else(|| gql_error(ErrorCode::Internal, "internal error"))?;
        Ok(DemoLoginPayload { token, expires_at })
    }
}
