//! Who is asking and what they may do.
//!
//! [`Authz`] is built once from the tenants folder. Per request it verifies the bearer token
//! against the issuers the named tenant trusts ([`jwt`]) and attaches the capabilities the
//! tenant's casbin policy grants that role set ([`policy`]), giving a [`loket_kernel::Ctx`].

mod error;
pub mod jwt;
pub mod policy;

use std::path::Path;

pub use error::{AuthError, SetupError};
use loket_kernel::{Actor, Ctx, Role, TenantId, config::TenantSet};

use crate::{jwt::Authenticator, policy::PolicySet};

/// Token verification and policy for every tenant.
pub struct Authz {
    authenticator: Authenticator,
    policies: PolicySet,
}

impl Authz {
    /// Loads issuer keys and policies for every tenant of `tenants`; `tenants.root` must hold
    /// `_default/model.conf` and `_default/policy.csv`.
    pub async fn load(tenants: &TenantSet) -> Result<Self, SetupError> {
        let authenticator = Authenticator::from_tenants(tenants)?;
        let policies = PolicySet::load(tenants).await?;
        Ok(Self {
            authenticator,
            policies,
        })
    }

    /// Fetches the keys of issuers configured with a JWKS URL (`serve` does this at
    /// start-up); failures are logged, not returned.
    pub async fn fetch_remote_keys(&self) {
        self.authenticator.fetch_remote_keys().await;
    }

    /// The token verifier.
    pub fn authenticator(&self) -> &Authenticator {
        &self.authenticator
    }

    /// The policies.
    pub fn policies(&self) -> &PolicySet {
        &self.policies
    }

    /// The request context for a bearer token (or none) and an optional `Loket-Tenant` header.
    ///
    /// Without a token the tenant header is required and the actor is anonymous. With a token,
    /// a tenant header that names another tenant is refused.
    pub fn context(
        &self,
        bearer: Option<&str>,
        tenant_header: Option<&str>,
        request_id: String,
    ) -> Result<Ctx, AuthError> {
        let header_tenant = tenant_header
            .map(|t| TenantId::new(t.trim()).map_err(|_| AuthError::UnknownTenant))
            .transpose()?;
        let (tenant, actor, roles, expires_at) = match bearer {
            Some(token) => {
                let verified = self.authenticator.verify(token)?;
                if header_tenant
                    .as_ref()
                    .is_some_and(|t| t != &verified.tenant)
                {
                    return Err(AuthError::TenantMismatch);
                }
                (
                    verified.tenant,
                    verified.actor,
                    verified.roles,
                    Some(verified.expires_at),
                )
            }
            None => {
                let tenant = header_tenant.ok_or(AuthError::NoTenant)?;
                let anonymous = Role::new(policy::ANONYMOUS).map_err(|_| AuthError::NoTenant)?;
                (tenant, Actor::Anonymous, vec![anonymous], None)
            }
        };
        let grant = self
            .policies
            .grant(&tenant, &roles)
            .ok_or(AuthError::UnknownTenant)?;
        Ok(
            Ctx::new(tenant, actor, roles, grant.own, grant.delegated, request_id)
                .expiring_at(expires_at),
        )
    }

    /// Checks the policy files of a tenants folder without building anything else.
    pub async fn check_policies(tenants: &TenantSet) -> Result<(), SetupError> {
        PolicySet::load(tenants).await.map(|_| ())
    }
}

impl loket_kernel::ctx::Grants for Authz {
    fn context(&self, tenant: &TenantId, actor: Actor, roles: Vec<Role>) -> Option<Ctx> {
        let grant = self.policies.grant(tenant, &roles)?;
        Some(Ctx::new(
            tenant.clone(),
            actor,
            roles,
            grant.own,
            grant.delegated,
            "background".to_owned(),
        ))
    }
}

/// The default policy folder under a tenants root.
pub fn default_dir(root: &Path) -> std::path::PathBuf {
    root.join("_default")
}
