//! Demo residents: where a municipality's resident login is a development issuer, the few
//! residents one may log in as (`tenant.demoPersonas`).
//!
//! The personas are the first residents of the municipality by BSN, led by the one the demo
//! cases belong to; the list shows their address, not their name, and is read outside any
//! request's processing log like the demo data it is made of.

use async_graphql::{Context, ID, Result, SimpleObject};
use chrono::NaiveDate;
use loket_kernel::{
    Bsn, ErrorCode, TenantId,
    config::TenantConfig,
    global_id,
    graphql::{field_error, gql_error},
};
use loket_registry::Registry;
use loket_store::lookups::Directory;

use super::{demo_tenant, internal};

/// How many demo residents are offered.
const PERSONAS: u64 = 3;
/// The global id type of a persona.
pub(super) const KIND: &str = "DemoPersona";

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

/// The demo residents of a tenant whose resident login is a development issuer.
pub(crate) async fn personas(ctx: &Context<'_>, slug: &TenantId) -> Result<Vec<DemoPersona>> {
    let tenant = demo_tenant(ctx, slug, TenantConfig::resident_login)?;
    let registry = ctx.data::<Registry>()?;
    let code = tenant.municipality_code.as_str();
    fn logged<E: std::fmt::Display>(e: E) -> async_graphql::Error {
        tracing::error!(error = %e, "demo personas");
        internal()
    }
    let mut bsns: Vec<Bsn> = registry
        .demo_resident(code)
        .await
        .map_err(logged)?
        .into_iter()
        .collect();
    for bsn in registry
        .demo_residents(code, PERSONAS)
        .await
        .map_err(logged)?
    {
        if bsns.len() < usize::try_from(PERSONAS).unwrap_or(usize::MAX) && !bsns.contains(&bsn) {
            bsns.push(bsn);
        }
    }
    let (_, session) = loket_store::graphql::request(ctx)?;
    let mut out = Vec::with_capacity(bsns.len());
    for bsn in bsns {
        let resident = registry.resident(session, &bsn).await.map_err(logged)?;
        let documents = registry
            .travel_documents(session, &bsn)
            .await
            .map_err(logged)?;
        out.push(DemoPersona {
            id: ID(global_id::encode(KIND, bsn.as_str())),
            bsn: bsn.as_str().to_owned(),
            address: resident.and_then(|r| r.address).map(|a| a.label),
            document_expires_on: documents.iter().map(|d| d.expires_on).min(),
        });
    }
    Ok(out)
}

/// The BSN of the persona with BSN `bsn`, if it is one of the tenant's demo residents.
pub(super) async fn find(ctx: &Context<'_>, slug: &TenantId, bsn: &str) -> Result<Bsn> {
    let known = personas(ctx, slug).await?;
    let Some(persona) = known.iter().find(|p| p.bsn == bsn) else {
        return Err(gql_error(ErrorCode::NotFound, "no such demo persona"));
    };
    Bsn::new(persona.bsn.clone()).map_err(|e| field_error("persona", e.to_string()))
}
