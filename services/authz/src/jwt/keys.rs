//! Issuer keys: an HS256 secret (resolved from `env:`, `file:` or, for dev issuers, `plain:`),
//! the public keys of a JWKS file, or those of a JWKS URL ([`super::remote`]), by `kid`.

use std::{borrow::Cow, collections::HashMap, fs, sync::Arc};

use jsonwebtoken::{
    Algorithm, DecodingKey, EncodingKey, Header, encode,
    jwk::{AlgorithmParameters, EllipticCurve, JwkSet},
};
use loket_kernel::{
    Role, TenantId,
    config::{ConfigError, IssuerConfig, TenantConfig},
    ctx::Loa,
};

use crate::{
    AuthError, SetupError,
    jwt::{
        claims::{Audience, Claims},
        remote::RemoteJwks,
    },
};

/// HS secrets shorter than this are refused: HS256 wants at least 256 bits.
const MIN_SECRET_BYTES: usize = 32;

/// The verification keys of one issuer.
pub(crate) enum IssuerKeys {
    Hs { key: DecodingKey, secret: Vec<u8> },
    Jwks(HashMap<String, (DecodingKey, Algorithm)>),
    Remote(Arc<RemoteJwks>),
}

fn config_error(tenant: &TenantConfig, message: String) -> SetupError {
    SetupError::from(ConfigError::new(tenant.dir.join("tenant.toml"), 0, message))
}

fn resolve_secret(reference: &str, tenant: &TenantConfig) -> Result<Vec<u8>, String> {
    if let Some(text) = reference.strip_prefix("plain:") {
        Ok(text.as_bytes().to_vec())
    } else if let Some(name) = reference.strip_prefix("env:") {
        std::env::var(name)
            .map(String::into_bytes)
            .map_err(|_| format!("environment variable {name} is not set"))
    } else if let Some(path) = reference.strip_prefix("file:") {
        fs::read(tenant.dir.join(path))
            .map(|mut bytes| {
                while bytes.last().is_some_and(u8::is_ascii_whitespace) {
                    bytes.pop();
                }
                bytes
            })
            .map_err(|e| format!("cannot read secret file {path}: {e}"))
    } else {
        Err("hs_secret must start with env:, file: or plain:".to_owned())
    }
}

/// The algorithm a JWK is for, refusing keys that fit none of RS256 and ES256.
pub(crate) fn jwk_algorithm(params: &AlgorithmParameters) -> Option<Algorithm> {
    match params {
        AlgorithmParameters::RSA(_) => Some(Algorithm::RS256),
        AlgorithmParameters::EllipticCurve(ec) if ec.curve == EllipticCurve::P256 => {
            Some(Algorithm::ES256)
        }
        _ => None,
    }
}

impl IssuerKeys {
    pub(crate) fn load(config: &IssuerConfig, tenant: &TenantConfig) -> Result<Self, SetupError> {
        let name = &config.issuer;
        if let Some(reference) = &config.hs_secret {
            let secret = resolve_secret(reference, tenant)
                .map_err(|e| config_error(tenant, format!("issuer {name:?}: {e}")))?;
            if secret.len() < MIN_SECRET_BYTES {
                return Err(config_error(
                    tenant,
                    format!(
                        "issuer {name:?}: the HS256 secret must be at least {MIN_SECRET_BYTES} bytes"
                    ),
                ));
            }
            let key = DecodingKey::from_secret(&secret)
                .map_err(|e| config_error(tenant, format!("issuer {name:?}: {e}")))?;
            return Ok(Self::Hs { key, secret });
        }
        if let Some(url) = &config.jwks_url {
            let remote = RemoteJwks::new(url)
                .map_err(|e| config_error(tenant, format!("issuer {name:?}: {e}")))?;
            return Ok(Self::Remote(Arc::new(remote)));
        }
        let Some(path) = &config.jwks_file else {
            return Err(config_error(
                tenant,
                format!("issuer {name:?}: needs hs_secret, jwks_file or jwks_url"),
            ));
        };
        let path = tenant.dir.join(path);
        let text = fs::read_to_string(&path).map_err(|e| {
            SetupError::from(ConfigError::new(&path, 0, format!("cannot read: {e}")))
        })?;
        let set: JwkSet = serde_json::from_str(&text).map_err(|e| {
            SetupError::from(ConfigError::new(
                &path,
                e.line(),
                format!("not a JWKS: {e}"),
            ))
        })?;
        let mut keys = HashMap::new();
        for jwk in &set.keys {
            let problem = |m: &str| SetupError::from(ConfigError::new(&path, 0, m.to_owned()));
            let kid = jwk
                .common
                .key_id
                .clone()
                .ok_or_else(|| problem("every key needs a kid"))?;
            let alg = jwk_algorithm(&jwk.algorithm).ok_or_else(|| {
                problem(&format!("key {kid}: only RSA and P-256 keys are accepted"))
            })?;
            let key =
                DecodingKey::from_jwk(jwk).map_err(|e| problem(&format!("key {kid}: {e}")))?;
            if keys.insert(kid.clone(), (key, alg)).is_some() {
                return Err(problem(&format!("key id {kid} appears twice")));
            }
        }
        Ok(Self::Jwks(keys))
    }

    /// The key that must have signed a token with this header.
    pub(crate) fn key_for(&self, header: &Header) -> Result<Cow<'_, DecodingKey>, AuthError> {
        match self {
            Self::Hs { key, .. } => Ok(Cow::Borrowed(key)),
            Self::Jwks(keys) => {
                let kid = header.kid.as_deref().ok_or(AuthError::UnknownKey)?;
                let (key, alg) = keys.get(kid).ok_or(AuthError::UnknownKey)?;
                if *alg != header.alg {
                    return Err(AuthError::AlgorithmNotAccepted);
                }
                Ok(Cow::Borrowed(key))
            }
            Self::Remote(remote) => {
                let kid = header.kid.as_deref().ok_or(AuthError::UnknownKey)?;
                remote.key(kid, header.alg).map(Cow::Owned)
            }
        }
    }

    /// The JWKS URL's keys, if the issuer has one.
    pub(crate) fn remote(&self) -> Option<&Arc<RemoteJwks>> {
        match self {
            Self::Remote(remote) => Some(remote),
            _ => None,
        }
    }

    pub(crate) fn dev_signer(&self, config: &IssuerConfig, tenant: &TenantId) -> Option<DevSigner> {
        match self {
            Self::Hs { secret, .. } => EncodingKey::from_secret(secret).ok().map(|key| DevSigner {
                key,
                issuer: config.issuer.clone(),
                audience: config.audience.clone(),
                tenant: tenant.clone(),
            }),
            Self::Jwks(_) | Self::Remote(_) => None,
        }
    }
}

/// Signs development tokens for a tenant's dev issuer (`loket token`, demo tokens, tests).
pub struct DevSigner {
    key: EncodingKey,
    issuer: String,
    audience: String,
    tenant: TenantId,
}

impl DevSigner {
    /// A token for `role`; citizens need a BSN and get level of assurance `substantial`.
    pub fn sign(
        &self,
        role: &Role,
        bsn: Option<&loket_kernel::Bsn>,
        ttl_seconds: u64,
    ) -> Result<String, AuthError> {
        let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
        let citizen = role.as_str() == Role::CITIZEN;
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: Audience::One(self.audience.clone()),
            sub: match bsn {
                Some(_) if citizen => format!("citizen-{}", self.tenant),
                _ => format!("demo-{}-{}", role, self.tenant),
            },
            exp: now.saturating_add(ttl_seconds),
            nbf: Some(now),
            iat: Some(now),
            tenant: self.tenant.to_string(),
            roles: vec![role.to_string()],
            bsn: bsn.filter(|_| citizen).map(|b| b.as_str().to_owned()),
            loa: citizen.then_some(Loa::Substantial),
        };
        if citizen && claims.bsn.is_none() {
            return Err(AuthError::BadClaims("citizen without bsn"));
        }
        encode(&Header::new(Algorithm::HS256), &claims, &self.key)
            .map_err(|e| AuthError::Rejected(e.to_string()))
    }
}
