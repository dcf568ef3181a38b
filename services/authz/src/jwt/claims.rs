//! The claims Loket reads from a token, and their translation into an actor.

use chrono::{DateTime, Utc};
use loket_kernel::{Actor, Bsn, Role, TenantId, ctx::Loa};
use serde::{Deserialize, Serialize};

use crate::{AuthError, jwt::Verified, policy::ANONYMOUS};

/// Only the issuer, read before verification to choose the key.
#[derive(Deserialize)]
pub(crate) struct IssuerOnly {
    pub(crate) iss: String,
}

/// The `aud` claim, which issuers write as one string or a list.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// A single audience.
    One(String),
    /// Several audiences.
    Many(Vec<String>),
}

/// The claims of a Loket token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer.
    pub iss: String,
    /// Audience: one string or a list.
    pub aud: Audience,
    /// Subject: the employee, citizen or client id at the issuer.
    pub sub: String,
    /// Expiry, seconds since the epoch.
    pub exp: u64,
    /// Not before, seconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<u64>,
    /// Issued at, seconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<u64>,
    /// The tenant slug the actor acts for.
    pub tenant: String,
    /// Role names.
    pub roles: Vec<String>,
    /// A citizen's BSN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bsn: Option<String>,
    /// A citizen's level of assurance: `low`, `substantial` or `high`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loa: Option<Loa>,
}

impl Claims {
    /// Checks the shape of the claims and derives the actor.
    pub(crate) fn into_verified(self, expires_at: DateTime<Utc>) -> Result<Verified, AuthError> {
        let tenant = TenantId::new(self.tenant).map_err(|_| AuthError::BadClaims("tenant"))?;
        if self.roles.is_empty() {
            return Err(AuthError::BadClaims("roles must not be empty"));
        }
        let mut roles = Vec::with_capacity(self.roles.len());
        for name in self.roles {
            if name == ANONYMOUS {
                return Err(AuthError::BadClaims("roles"));
            }
            roles.push(Role::new(name).map_err(|_| AuthError::BadClaims("roles"))?);
        }
        if self.sub.is_empty() {
            return Err(AuthError::BadClaims("sub"));
        }
        let has = |name: &str| roles.iter().any(|r| r.as_str() == name);
        let actor = if has(Role::CITIZEN) {
            if roles.len() != 1 {
                return Err(AuthError::BadClaims(
                    "a citizen token carries no other roles",
                ));
            }
            let bsn = self
                .bsn
                .ok_or(AuthError::BadClaims("citizen without bsn"))
                .and_then(|b| Bsn::new(b).map_err(|_| AuthError::BadClaims("bsn")))?;
            let loa = self
                .loa
                .ok_or(AuthError::BadClaims("citizen without loa"))?;
            Actor::Citizen {
                subject: self.sub,
                bsn,
                loa,
            }
        } else if self.bsn.is_some() {
            return Err(AuthError::BadClaims("bsn on a non-citizen token"));
        } else if has(Role::APP) {
            Actor::App { client: self.sub }
        } else {
            Actor::Employee { subject: self.sub }
        };
        Ok(Verified {
            tenant,
            actor,
            roles,
            expires_at,
        })
    }
}
