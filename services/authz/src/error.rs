//! Errors of token verification and policy loading.

use loket_kernel::{ErrorCode, HasCode, config::ConfigError};

/// Why a request's credentials were refused.
///
/// Every variant reaches the client as `UNAUTHENTICATED` with one and the same message, so an
/// attacker learns nothing about which check failed; the variant is logged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// Not three base64url parts, or a header that does not parse (including `alg: none`).
    #[error("malformed token")]
    Malformed,
    /// The `iss` claim names no issuer any tenant trusts.
    #[error("unknown issuer")]
    UnknownIssuer,
    /// The header's `alg` is not one the issuer accepts.
    #[error("algorithm not accepted for this issuer")]
    AlgorithmNotAccepted,
    /// The JWKS has no key with the header's `kid` (or the header has none).
    #[error("unknown key id")]
    UnknownKey,
    /// Signature, expiry, not-before, issuer or audience check failed.
    #[error("token rejected: {0}")]
    Rejected(String),
    /// The claims do not have the shape Loket needs.
    #[error("malformed claims: {0}")]
    BadClaims(&'static str),
    /// The token's tenant does not trust this issuer.
    #[error("tenant does not trust this issuer")]
    UntrustedIssuer,
    /// The tenant named by the token or header does not exist.
    #[error("unknown tenant")]
    UnknownTenant,
    /// No token and no `Loket-Tenant` header.
    #[error("no tenant named")]
    NoTenant,
    /// The `Loket-Tenant` header names another tenant than the token.
    #[error("tenant header does not match the token")]
    TenantMismatch,
}

impl AuthError {
    /// The one message clients see for any credential problem.
    pub const PUBLIC_MESSAGE: &'static str = "invalid or missing credentials";
}

impl HasCode for AuthError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NoTenant => ErrorCode::BadUserInput,
            _ => ErrorCode::Unauthenticated,
        }
    }
}

/// Why issuers or policies could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// Problems in configuration files, each with file and line.
    #[error("{}", loket_kernel::config::describe(.0))]
    Config(Vec<ConfigError>),
    /// The policy engine refused the model or a rule.
    #[error("policy engine: {0}")]
    Casbin(#[from] casbin::Error),
}

impl From<ConfigError> for SetupError {
    fn from(e: ConfigError) -> Self {
        Self::Config(vec![e])
    }
}
