//! Bearer tokens: what `Authenticator::verify` and `Authz::context` accept, and that every
//! refusal is the specific `AuthError` it should be, reported to clients as `UNAUTHENTICATED`.
//!
//! Each test builds its own tenants folder in a tempdir:
//! - `alpha` trusts the HS256 dev issuer and an RS256/ES256 identity provider (JWKS);
//! - `beta` trusts only the HS256 dev issuer;
//! - `gamma` trusts no issuer at all (anonymous access only);
//! - `delta` trusts only its own ES256 identity provider (JWKS), so it has no dev signer.
//!
//! The RSA and P-256 keys are generated once per test binary.

// Tests may unwrap: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects
)]

#[macro_use]
mod support;

mod accepted;
mod context;
mod dev_signers;
mod malformed;
mod signatures;
mod time_issuer_audience;
mod untrusted_tenants;
