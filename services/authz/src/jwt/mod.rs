//! Bearer token verification.
//!
//! Issuers are indexed by `iss`. A token is verified in this order: the header parses and
//! names an algorithm the issuer accepts; the key is the issuer's HS secret or the JWKS key
//! with the header's `kid`; signature, `exp`, `nbf`, `iss` and `aud` are checked by
//! jsonwebtoken; then the claims are turned into an [`Actor`] and the token's tenant must be
//! one that trusts the issuer.

mod claims;
mod keys;
pub mod remote;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
pub use claims::{Audience, Claims};
use jsonwebtoken::{Algorithm, Validation, decode, decode_header, errors::ErrorKind};
pub use keys::DevSigner;
use loket_kernel::{Actor, Role, TenantId, config::TenantSet};

use crate::{AuthError, SetupError, jwt::keys::IssuerKeys};

/// Allowed clock skew between the issuer and this server.
const LEEWAY_SECONDS: u64 = 30;

/// The identity a verified token carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The tenant the actor acts for.
    pub tenant: TenantId,
    /// Who the actor is.
    pub actor: Actor,
    /// The roles the token grants.
    pub roles: Vec<Role>,
    /// The last moment the token is accepted (its `exp` plus the clock leeway).
    pub expires_at: DateTime<Utc>,
}

struct Issuer {
    audience: String,
    algorithms: Vec<Algorithm>,
    keys: IssuerKeys,
    tenants: BTreeSet<TenantId>,
}

/// Verifies tokens against every issuer any tenant trusts.
pub struct Authenticator {
    issuers: HashMap<String, Issuer>,
    dev_signers: HashMap<TenantId, DevSigner>,
}

fn algorithm(name: &str) -> Option<Algorithm> {
    match name {
        "HS256" => Some(Algorithm::HS256),
        "RS256" => Some(Algorithm::RS256),
        "ES256" => Some(Algorithm::ES256),
        _ => None,
    }
}

impl Authenticator {
    /// Resolves secrets and reads JWKS files for every issuer of every tenant.
    pub fn from_tenants(tenants: &TenantSet) -> Result<Self, SetupError> {
        let mut issuers: HashMap<String, Issuer> = HashMap::new();
        let mut dev_signers = HashMap::new();
        for (slug, tenant) in &tenants.tenants {
            for spanned in &tenant.issuers {
                let config = spanned.get_ref();
                if let Some(existing) = issuers.get_mut(&config.issuer) {
                    existing.tenants.insert(slug.clone());
                } else {
                    let keys = IssuerKeys::load(config, tenant)?;
                    let issuer = Issuer {
                        audience: config.audience.clone(),
                        algorithms: config
                            .algorithms
                            .iter()
                            .filter_map(|a| algorithm(a))
                            .collect(),
                        keys,
                        tenants: BTreeSet::from([slug.clone()]),
                    };
                    issuers.insert(config.issuer.clone(), issuer);
                }
                let issuer = &issuers[&config.issuer];
                if config.dev
                    && let Some(signer) = issuer.keys.dev_signer(config, slug)
                {
                    dev_signers.entry(slug.clone()).or_insert(signer);
                }
            }
        }
        Ok(Self {
            issuers,
            dev_signers,
        })
    }

    /// Fetches the keys of every issuer with a JWKS URL, all at once; an issuer that does
    /// not answer is logged and tried again when a token needs its keys.
    pub async fn fetch_remote_keys(&self) {
        let fetches = self.issuers.iter().filter_map(|(name, issuer)| {
            issuer.keys.remote().map(|remote| async move {
                match remote.fetch().await {
                    Ok(n) => tracing::info!(issuer = %name, keys = n, "issuer keys fetched"),
                    Err(e) => tracing::warn!(issuer = %name, error = %e, "issuer keys not fetched; trying again when a token needs them"),
                }
            })
        });
        futures_util::future::join_all(fetches).await;
    }

    /// The signer of a tenant's development issuer, if it has one.
    pub fn dev_signer(&self, tenant: &TenantId) -> Option<&DevSigner> {
        self.dev_signers.get(tenant)
    }

    /// Verifies a token and returns who it identifies.
    pub fn verify(&self, token: &str) -> Result<Verified, AuthError> {
        let header = decode_header(token).map_err(|_| AuthError::Malformed)?;
        let peek: claims::IssuerOnly = jsonwebtoken::dangerous::insecure_decode_claims(token)
            .map_err(|_| AuthError::Malformed)?;
        let issuer = self
            .issuers
            .get(&peek.iss)
            .ok_or(AuthError::UnknownIssuer)?;
        if !issuer.algorithms.contains(&header.alg) {
            return Err(AuthError::AlgorithmNotAccepted);
        }
        let key = issuer.keys.key_for(&header)?;

        let mut validation = Validation::new(header.alg);
        validation.algorithms = vec![header.alg];
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_nbf = true;
        validation.set_issuer(&[&peek.iss]);
        validation.set_audience(&[&issuer.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let data = decode::<Claims>(token, &key, &validation).map_err(|e| match e.kind() {
            ErrorKind::Json(_) | ErrorKind::MissingRequiredClaim(_) => {
                AuthError::BadClaims("claims do not match the expected shape")
            }
            other => AuthError::Rejected(format!("{other:?}")),
        })?;
        let expires_at = i64::try_from(data.claims.exp)
            .ok()
            .and_then(|exp| exp.checked_add(i64::try_from(LEEWAY_SECONDS).ok()?))
            .and_then(|exp| DateTime::from_timestamp(exp, 0))
            .ok_or(AuthError::BadClaims("exp"))?;
        let verified = data.claims.into_verified(expires_at)?;
        if !issuer.tenants.contains(&verified.tenant) {
            return Err(AuthError::UntrustedIssuer);
        }
        Ok(verified)
    }
}
