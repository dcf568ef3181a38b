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
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{path::Path, sync::OnceLock};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use loket_authz::{
    AuthError, Authz,
    jwt::{Audience, Claims, Verified},
};
use loket_kernel::{Action, Actor, Bsn, ErrorCode, HasCode, Role, TenantId, config::load_dir};
use serde_json::{Value, json};
use tempfile::TempDir;

const DEV_ISS: &str = "https://dev.loket.test";
const DEV_AUD: &str = "loket";
const DEV_SECRET: &str = "tokens-test-dev-secret-of-at-least-32-bytes";
const IDP_ISS: &str = "https://login.alpha.example";
const IDP_AUD: &str = "loket-alpha";
const DELTA_ISS: &str = "https://login.delta.example";
const DELTA_AUD: &str = "loket-delta";
const RSA_KID: &str = "alpha-rsa-1";
const EC_KID: &str = "alpha-ec-1";
/// A BSN that passes the 11-check.
const CITIZEN_BSN: &str = "999993653";
/// Nine digits that fail the 11-check.
const INVALID_BSN: &str = "999993654";

// ---------------------------------------------------------------------------------------------
// Keys and the tenants folder

struct Keys {
    /// PKCS#8 PEM of the RSA private key the JWKS publishes under `RSA_KID`.
    rsa_private_pem: String,
    /// SPKI PEM of the RSA public key (the classic HS/RS confusion "secret").
    rsa_public_pem: String,
    /// PKCS#8 PEM of the P-256 private key the JWKS publishes under `EC_KID`.
    ec_private_pem: String,
    /// PKCS#8 PEM of a P-256 key that is in no JWKS.
    other_ec_private_pem: String,
    /// The JWKS with both public keys.
    jwks: String,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        use p256::{elliptic_curve::sec1::ToEncodedPoint, pkcs8::EncodePrivateKey as _};
        use rand::rngs::OsRng;
        use rsa::{
            RsaPrivateKey, RsaPublicKey,
            pkcs8::{EncodePublicKey as _, LineEnding},
            traits::PublicKeyParts,
        };

        let rsa = RsaPrivateKey::new(&mut OsRng, 2048).unwrap();
        let rsa_public = RsaPublicKey::from(&rsa);
        let ec = p256::SecretKey::random(&mut OsRng);
        let other_ec = p256::SecretKey::random(&mut OsRng);
        let point = ec.public_key().to_encoded_point(false);

        let jwks = json!({
            "keys": [
                {
                    "kty": "RSA",
                    "kid": RSA_KID,
                    "use": "sig",
                    "alg": "RS256",
                    "n": URL_SAFE_NO_PAD.encode(rsa_public.n().to_bytes_be()),
                    "e": URL_SAFE_NO_PAD.encode(rsa_public.e().to_bytes_be()),
                },
                {
                    "kty": "EC",
                    "kid": EC_KID,
                    "use": "sig",
                    "alg": "ES256",
                    "crv": "P-256",
                    "x": URL_SAFE_NO_PAD.encode(point.x().unwrap()),
                    "y": URL_SAFE_NO_PAD.encode(point.y().unwrap()),
                },
            ]
        });
        Keys {
            rsa_private_pem: rsa.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
            rsa_public_pem: rsa_public.to_public_key_pem(LineEnding::LF).unwrap(),
            ec_private_pem: ec.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
            other_ec_private_pem: other_ec.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
            jwks: serde_json::to_string_pretty(&jwks).unwrap(),
        }
    })
}

fn tenant_toml(slug: &str, code: &str, issuers: &str) -> String {
    format!(
        r#"slug = "{slug}"
name = "Gemeente {slug}"
municipality_code = "{code}"
languages = ["nl", "en"]

{issuers}
[confidentiality]
anonymous = "public"
frontoffice = "internal"

[service_norms]
phone_answer_seconds = 20
phone_answer_percentage = 80
email_answer_working_days = 2
callback_working_days = 2
"#
    )
}

fn dev_issuer() -> String {
    format!(
        r#"[[issuers]]
issuer = "{DEV_ISS}"
audience = "{DEV_AUD}"
algorithms = ["HS256"]
hs_secret = "plain:{DEV_SECRET}"
dev = true
"#
    )
}

fn idp_issuer() -> String {
    format!(
        r#"[[issuers]]
issuer = "{IDP_ISS}"
audience = "{IDP_AUD}"
algorithms = ["RS256", "ES256"]
jwks_file = "jwks.json"
"#
    )
}

fn delta_issuer() -> String {
    format!(
        r#"[[issuers]]
issuer = "{DELTA_ISS}"
audience = "{DELTA_AUD}"
algorithms = ["ES256"]
jwks_file = "jwks.json"
"#
    )
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The tenants folder and the `Authz` built from it; the tempdir lives as long as the fixture.
struct Fixture {
    _dir: TempDir,
    authz: Authz,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let defaults = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants/_default");
    for file in ["model.conf", "policy.csv"] {
        let text = std::fs::read_to_string(defaults.join(file)).unwrap();
        write(&root.join("_default").join(file), &text);
    }
    let keys = keys();
    write(
        &root.join("alpha/tenant.toml"),
        &tenant_toml(
            "alpha",
            "0001",
            &format!("{}\n{}", dev_issuer(), idp_issuer()),
        ),
    );
    write(&root.join("alpha/jwks.json"), &keys.jwks);
    write(
        &root.join("beta/tenant.toml"),
        &tenant_toml("beta", "0002", &dev_issuer()),
    );
    write(
        &root.join("gamma/tenant.toml"),
        &tenant_toml("gamma", "0003", ""),
    );
    write(
        &root.join("delta/tenant.toml"),
        &tenant_toml("delta", "0004", &delta_issuer()),
    );
    write(&root.join("delta/jwks.json"), &keys.jwks);

    let tenants = load_dir(root).unwrap_or_else(|e| panic!("test tenants load: {e:?}"));
    let authz = Authz::load(&tenants)
        .await
        .unwrap_or_else(|e| panic!("test authz loads: {e}"));
    Fixture { _dir: dir, authz }
}

impl Fixture {
    fn verify(&self, token: &str) -> Result<Verified, AuthError> {
        self.authz.authenticator().verify(token)
    }
}

// ---------------------------------------------------------------------------------------------
// Claims and signing

fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap()
}

fn t(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

fn role(name: &str) -> Role {
    Role::new(name).unwrap()
}

/// Valid claims of an employee (`frontoffice`) of `tenant` at `iss`/`aud`, as JSON so that
/// tests can break them.
fn employee(iss: &str, aud: &str, tenant: &str) -> Value {
    let n = now();
    let claims = Claims {
        iss: iss.to_owned(),
        aud: Audience::One(aud.to_owned()),
        sub: "employee-42".to_owned(),
        exp: n + 600,
        nbf: Some(n - 5),
        iat: Some(n - 5),
        tenant: tenant.to_owned(),
        roles: vec![Role::FRONTOFFICE.to_owned()],
        bsn: None,
        loa: None,
    };
    serde_json::to_value(claims).unwrap()
}

fn dev_employee(tenant: &str) -> Value {
    employee(DEV_ISS, DEV_AUD, tenant)
}

fn idp_employee(tenant: &str) -> Value {
    employee(IDP_ISS, IDP_AUD, tenant)
}

/// Valid citizen claims: BSN 999993653, level of assurance `substantial`.
fn citizen(iss: &str, aud: &str, tenant: &str) -> Value {
    let mut claims = employee(iss, aud, tenant);
    claims["sub"] = json!("citizen-7");
    claims["roles"] = json!([Role::CITIZEN]);
    claims["bsn"] = json!(CITIZEN_BSN);
    claims["loa"] = json!("substantial");
    claims
}

fn with(mut claims: Value, field: &str, value: Value) -> Value {
    claims[field] = value;
    claims
}

fn without(mut claims: Value, field: &str) -> Value {
    claims.as_object_mut().unwrap().remove(field);
    claims
}

fn hs_with_secret(claims: &Value, secret: &[u8]) -> String {
    encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret).unwrap(),
    )
    .unwrap()
}

fn hs(claims: &Value) -> String {
    hs_with_secret(claims, DEV_SECRET.as_bytes())
}

fn header(alg: Algorithm, kid: Option<&str>) -> Header {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_owned);
    header
}

fn rs(claims: &Value, kid: Option<&str>) -> String {
    let key = EncodingKey::from_rsa_pem(keys().rsa_private_pem.as_bytes()).unwrap();
    encode(&header(Algorithm::RS256, kid), claims, &key).unwrap()
}

fn es_with_key(claims: &Value, kid: Option<&str>, pem: &str) -> String {
    let key = EncodingKey::from_ec_pem(pem.as_bytes()).unwrap();
    encode(&header(Algorithm::ES256, kid), claims, &key).unwrap()
}

fn es(claims: &Value, kid: Option<&str>) -> String {
    es_with_key(claims, kid, &keys().ec_private_pem)
}

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap())
}

/// Replaces the payload of a signed token, keeping its header and signature.
fn tamper(token: &str, claims: &Value) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "{token}");
    format!("{}.{}.{}", parts[0], b64(claims), parts[2])
}

// ---------------------------------------------------------------------------------------------
// Assertions

/// Asserts that `$result` is an error matching `$pattern` whose client-visible code is
/// `UNAUTHENTICATED`.
macro_rules! assert_refused {
    ($result:expr, $pattern:pat $(if $guard:expr)?) => {{
        match $result {
            Ok(ok) => panic!(
                "expected {} but the token was accepted: {ok:?}",
                stringify!($pattern)
            ),
            Err(error) => {
                assert!(
                    matches!(error, $pattern $(if $guard)?),
                    "expected {}, got {error:?}",
                    stringify!($pattern)
                );
                assert_eq!(
                    error.code(),
                    ErrorCode::Unauthenticated,
                    "{error:?} must reach the client as UNAUTHENTICATED"
                );
                error
            }
        }
    }};
}

// ---------------------------------------------------------------------------------------------
// Accepted tokens

#[tokio::test]
async fn valid_hs256_token_is_accepted() {
    let f = fixture().await;
    let verified = f.verify(&hs(&dev_employee("alpha"))).unwrap();
    assert_eq!(
        verified,
        Verified {
            tenant: t("alpha"),
            actor: Actor::Employee {
                subject: "employee-42".to_owned()
            },
            roles: vec![role(Role::FRONTOFFICE)],
        }
    );
    // The dev issuer is shared: beta accepts it too.
    let verified = f.verify(&hs(&dev_employee("beta"))).unwrap();
    assert_eq!(verified.tenant, t("beta"));
}

#[tokio::test]
async fn valid_rs256_token_with_kid_is_accepted() {
    let f = fixture().await;
    let claims = with(
        idp_employee("alpha"),
        "roles",
        json!(["frontoffice", "manager"]),
    );
    let verified = f.verify(&rs(&claims, Some(RSA_KID))).unwrap();
    assert_eq!(verified.tenant, t("alpha"));
    assert_eq!(
        verified.actor,
        Actor::Employee {
            subject: "employee-42".to_owned()
        }
    );
    assert_eq!(
        verified.roles,
        vec![role(Role::FRONTOFFICE), role(Role::MANAGER)]
    );
}

#[tokio::test]
async fn valid_es256_token_with_kid_is_accepted() {
    let f = fixture().await;
    let verified = f.verify(&es(&idp_employee("alpha"), Some(EC_KID))).unwrap();
    assert_eq!(verified.tenant, t("alpha"));
    assert_eq!(verified.roles, vec![role(Role::FRONTOFFICE)]);
}

#[tokio::test]
async fn citizen_token_gives_a_citizen_actor() {
    let f = fixture().await;
    let expected = Actor::Citizen {
        subject: "citizen-7".to_owned(),
        bsn: Bsn::new(CITIZEN_BSN).unwrap(),
        loa: loket_kernel::ctx::Loa::Substantial,
    };
    for token in [
        hs(&citizen(DEV_ISS, DEV_AUD, "alpha")),
        rs(&citizen(IDP_ISS, IDP_AUD, "alpha"), Some(RSA_KID)),
        es(&citizen(IDP_ISS, IDP_AUD, "alpha"), Some(EC_KID)),
    ] {
        let verified = f.verify(&token).unwrap();
        assert_eq!(verified.tenant, t("alpha"));
        assert_eq!(verified.actor, expected);
        assert_eq!(verified.actor.bsn().unwrap().as_str(), CITIZEN_BSN);
        assert_eq!(verified.roles, vec![role(Role::CITIZEN)]);
    }
}

#[tokio::test]
async fn app_token_gives_an_app_actor() {
    let f = fixture().await;
    let claims = with(
        with(dev_employee("beta"), "roles", json!([Role::APP])),
        "sub",
        json!("client-9"),
    );
    let verified = f.verify(&hs(&claims)).unwrap();
    assert_eq!(
        verified.actor,
        Actor::App {
            client: "client-9".to_owned()
        }
    );
}

#[tokio::test]
async fn audience_may_be_a_list_that_contains_ours() {
    let f = fixture().await;
    let claims = with(
        dev_employee("alpha"),
        "aud",
        json!(["someone-else", DEV_AUD]),
    );
    assert!(f.verify(&hs(&claims)).is_ok());
    let claims = with(
        dev_employee("alpha"),
        "aud",
        json!(["someone-else", "another"]),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "InvalidAudience");
}

#[tokio::test]
async fn clock_skew_within_the_leeway_is_tolerated() {
    let f = fixture().await;
    let n = now();
    let just_expired = with(dev_employee("alpha"), "exp", json!(n - 10));
    assert!(f.verify(&hs(&just_expired)).is_ok());
    let almost_valid = with(dev_employee("alpha"), "nbf", json!(n + 10));
    assert!(f.verify(&hs(&almost_valid)).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Signatures and algorithms

#[tokio::test]
async fn token_signed_with_another_secret_is_refused() {
    let f = fixture().await;
    let token = hs_with_secret(
        &dev_employee("alpha"),
        b"another-secret-that-is-also-long-enough-000",
    );
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");
}

#[tokio::test]
async fn es256_token_signed_by_a_key_outside_the_jwks_is_refused() {
    let f = fixture().await;
    let token = es_with_key(
        &idp_employee("alpha"),
        Some(EC_KID),
        &keys().other_ec_private_pem,
    );
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");
}

#[tokio::test]
async fn tampered_payload_is_refused() {
    let f = fixture().await;
    let escalated = with(dev_employee("alpha"), "roles", json!(["admin"]));
    let token = tamper(&hs(&dev_employee("alpha")), &escalated);
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");

    let escalated = with(idp_employee("alpha"), "roles", json!(["admin"]));
    let token = tamper(&rs(&idp_employee("alpha"), Some(RSA_KID)), &escalated);
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");

    let token = tamper(&es(&idp_employee("alpha"), Some(EC_KID)), &escalated);
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");
}

#[tokio::test]
async fn alg_none_is_refused() {
    let f = fixture().await;
    for alg in ["none", "None", "NONE"] {
        let head = b64(&json!({"alg": alg, "typ": "JWT"}));
        for claims in [dev_employee("alpha"), idp_employee("alpha")] {
            let unsigned = format!("{head}.{}.", b64(&claims));
            assert_refused!(f.verify(&unsigned), AuthError::Malformed);
            // With a real signature appended it is still not a token we read.
            let signed = hs(&claims);
            let signature = signed.rsplit('.').next().unwrap();
            let token = format!("{head}.{}.{signature}", b64(&claims));
            assert_refused!(f.verify(&token), AuthError::Malformed);
        }
    }
}

#[tokio::test]
async fn hs256_token_for_the_rs_issuer_is_refused() {
    // The classic confusion attack: HMAC with the public key as the secret.
    let f = fixture().await;
    let public_pem = keys().rsa_public_pem.as_bytes();
    let token = hs_with_secret(&idp_employee("alpha"), public_pem);
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);

    let mut head = Header::new(Algorithm::HS256);
    head.kid = Some(RSA_KID.to_owned());
    let token = encode(
        &head,
        &idp_employee("alpha"),
        &EncodingKey::from_secret(public_pem).unwrap(),
    )
    .unwrap();
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
}

#[tokio::test]
async fn rs256_token_for_the_hs_dev_issuer_is_refused() {
    let f = fixture().await;
    let token = rs(&dev_employee("alpha"), Some(RSA_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
    let token = es(&dev_employee("alpha"), Some(EC_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
}

#[tokio::test]
async fn algorithm_must_match_the_key_of_the_kid() {
    let f = fixture().await;
    // ES256 header naming the RSA key.
    let token = es(&idp_employee("alpha"), Some(RSA_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
    // RS256 header naming the EC key.
    let token = rs(&idp_employee("alpha"), Some(EC_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
}

#[tokio::test]
async fn algorithm_not_listed_for_the_issuer_is_refused_even_with_a_known_kid() {
    // delta's issuer lists only ES256, although its JWKS also holds the RSA key.
    let f = fixture().await;
    let token = rs(&employee(DELTA_ISS, DELTA_AUD, "delta"), Some(RSA_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
    let token = es(&employee(DELTA_ISS, DELTA_AUD, "delta"), Some(EC_KID));
    assert_eq!(f.verify(&token).unwrap().tenant, t("delta"));
}

#[tokio::test]
async fn unknown_kid_is_refused() {
    let f = fixture().await;
    let token = rs(&idp_employee("alpha"), Some("alpha-rsa-2"));
    assert_refused!(f.verify(&token), AuthError::UnknownKey);
    let token = es(&idp_employee("alpha"), Some("alpha-ec-2"));
    assert_refused!(f.verify(&token), AuthError::UnknownKey);
}

#[tokio::test]
async fn missing_kid_on_a_jwks_issuer_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&rs(&idp_employee("alpha"), None)),
        AuthError::UnknownKey
    );
    assert_refused!(
        f.verify(&es(&idp_employee("alpha"), None)),
        AuthError::UnknownKey
    );
}

// ---------------------------------------------------------------------------------------------
// Time, issuer, audience

#[tokio::test]
async fn expired_token_is_refused() {
    let f = fixture().await;
    let n = now();
    let claims = with(
        with(dev_employee("alpha"), "exp", json!(n - 3600)),
        "nbf",
        json!(n - 7200),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "ExpiredSignature");
    let claims = with(idp_employee("alpha"), "exp", json!(n - 120));
    assert_refused!(
        f.verify(&rs(&claims, Some(RSA_KID))),
        AuthError::Rejected(ref s) if s == "ExpiredSignature"
    );
}

#[tokio::test]
async fn not_yet_valid_token_is_refused() {
    let f = fixture().await;
    let n = now();
    let claims = with(
        with(dev_employee("alpha"), "nbf", json!(n + 3600)),
        "exp",
        json!(n + 7200),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "ImmatureSignature");
    let claims = with(idp_employee("alpha"), "nbf", json!(n + 120));
    assert_refused!(
        f.verify(&es(&claims, Some(EC_KID))),
        AuthError::Rejected(ref s) if s == "ImmatureSignature"
    );
}

#[tokio::test]
async fn unknown_issuer_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "iss", json!("https://evil.example"));
    assert_refused!(f.verify(&hs(&claims)), AuthError::UnknownIssuer);
    // Close but not equal.
    let claims = with(dev_employee("alpha"), "iss", json!(format!("{DEV_ISS}/")));
    assert_refused!(f.verify(&hs(&claims)), AuthError::UnknownIssuer);
    let claims = with(
        idp_employee("alpha"),
        "iss",
        json!("https://login.evil.example"),
    );
    assert_refused!(
        f.verify(&rs(&claims, Some(RSA_KID))),
        AuthError::UnknownIssuer
    );
}

#[tokio::test]
async fn missing_issuer_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "iss"))),
        AuthError::Malformed
    );
}

#[tokio::test]
async fn wrong_audience_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "aud", json!("not-loket"));
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "InvalidAudience");
    // The dev issuer's audience is not the identity provider's.
    let claims = with(idp_employee("alpha"), "aud", json!(DEV_AUD));
    assert_refused!(
        f.verify(&rs(&claims, Some(RSA_KID))),
        AuthError::Rejected(ref s) if s == "InvalidAudience"
    );
}

#[tokio::test]
async fn missing_audience_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "aud"))),
        AuthError::BadClaims(_)
    );
}

// ---------------------------------------------------------------------------------------------
// Tenants that do not trust the issuer

#[tokio::test]
async fn tenant_that_does_not_trust_the_issuer_is_refused() {
    let f = fixture().await;
    // The identity provider is trusted by alpha only.
    assert_refused!(
        f.verify(&rs(&idp_employee("beta"), Some(RSA_KID))),
        AuthError::UntrustedIssuer
    );
    assert_refused!(
        f.verify(&es(&idp_employee("gamma"), Some(EC_KID))),
        AuthError::UntrustedIssuer
    );
    // gamma trusts no issuer at all.
    assert_refused!(
        f.verify(&hs(&dev_employee("gamma"))),
        AuthError::UntrustedIssuer
    );
    // delta's issuer cannot sign for alpha.
    let claims = employee(DELTA_ISS, DELTA_AUD, "alpha");
    assert_refused!(
        f.verify(&es(&claims, Some(EC_KID))),
        AuthError::UntrustedIssuer
    );
}

#[tokio::test]
async fn nonexistent_tenant_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&dev_employee("nowhere"))),
        AuthError::UntrustedIssuer
    );
}

// ---------------------------------------------------------------------------------------------
// Malformed tokens and claims

#[tokio::test]
async fn garbage_tokens_are_malformed() {
    let f = fixture().await;
    let valid = hs(&dev_employee("alpha"));
    let parts: Vec<&str> = valid.split('.').collect();
    let two_parts = format!("{}.{}", parts[0], parts[1]);
    let four_parts = format!("{valid}.{}", parts[2]);
    let header_not_json = format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode("nope"),
        parts[1],
        parts[2]
    );
    let payload_not_json = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode("nope"),
        parts[2]
    );
    for token in [
        "",
        "abc",
        "a.b",
        "a.b.c",
        "...",
        two_parts.as_str(),
        four_parts.as_str(),
        header_not_json.as_str(),
        payload_not_json.as_str(),
    ] {
        assert_refused!(f.verify(token), AuthError::Malformed);
    }
}

#[tokio::test]
async fn roles_missing_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "roles"))),
        AuthError::BadClaims(_)
    );
}

#[tokio::test]
async fn roles_empty_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "roles", json!([]));
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("roles must not be empty")
    );
}

#[tokio::test]
async fn roles_not_an_array_is_refused() {
    let f = fixture().await;
    for roles in [
        json!("frontoffice"),
        json!(null),
        json!({"frontoffice": true}),
        json!([1]),
    ] {
        let claims = with(dev_employee("alpha"), "roles", roles);
        assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims(_));
    }
}

#[tokio::test]
async fn role_that_is_not_a_valid_name_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "roles", json!(["Front Office"]));
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("roles"));
}

#[tokio::test]
async fn token_claiming_the_anonymous_role_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "roles", json!(["anonymous"]));
    let token = hs(&claims);
    assert_refused!(f.verify(&token), AuthError::BadClaims("roles"));
    assert_refused!(
        f.authz.context(Some(&token), Some("alpha"), "r1".into()),
        AuthError::BadClaims("roles")
    );
    let claims = with(
        dev_employee("alpha"),
        "roles",
        json!(["frontoffice", "anonymous"]),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("roles"));
}

#[tokio::test]
async fn citizen_without_bsn_is_refused() {
    let f = fixture().await;
    let claims = without(citizen(DEV_ISS, DEV_AUD, "alpha"), "bsn");
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("citizen without bsn")
    );
}

#[tokio::test]
async fn citizen_with_a_bsn_failing_the_eleven_check_is_refused() {
    let f = fixture().await;
    for bsn in [
        INVALID_BSN,
        "000000000",
        "99999365",
        "9999936530",
        "99999365a",
    ] {
        let claims = with(citizen(DEV_ISS, DEV_AUD, "alpha"), "bsn", json!(bsn));
        assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("bsn"));
    }
}

#[tokio::test]
async fn citizen_without_loa_is_refused() {
    let f = fixture().await;
    let claims = without(citizen(DEV_ISS, DEV_AUD, "alpha"), "loa");
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("citizen without loa")
    );
    let claims = with(citizen(DEV_ISS, DEV_AUD, "alpha"), "loa", json!("medium"));
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims(_));
}

#[tokio::test]
async fn citizen_with_other_roles_is_refused() {
    let f = fixture().await;
    let claims = with(
        citizen(DEV_ISS, DEV_AUD, "alpha"),
        "roles",
        json!(["citizen", "backoffice"]),
    );
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("a citizen token carries no other roles")
    );
}

#[tokio::test]
async fn bsn_on_a_non_citizen_token_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "bsn", json!(CITIZEN_BSN));
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("bsn on a non-citizen token")
    );
}

#[tokio::test]
async fn tenant_that_is_not_a_slug_is_refused() {
    let f = fixture().await;
    for tenant in ["Alpha", "alpha beta", "a", "1alpha", "", "alpha/../beta"] {
        let claims = with(dev_employee("alpha"), "tenant", json!(tenant));
        assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("tenant"));
    }
    let claims = without(dev_employee("alpha"), "tenant");
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims(_));
}

#[tokio::test]
async fn missing_exp_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "exp"))),
        AuthError::BadClaims(_)
    );
    assert_refused!(
        f.verify(&rs(&without(idp_employee("alpha"), "exp"), Some(RSA_KID))),
        AuthError::BadClaims(_)
    );
}

#[tokio::test]
async fn missing_or_empty_subject_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "sub"))),
        AuthError::BadClaims(_)
    );
    let claims = with(dev_employee("alpha"), "sub", json!(""));
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("sub"));
}

// ---------------------------------------------------------------------------------------------
// The request context

#[tokio::test]
async fn no_token_and_no_tenant_header_is_bad_user_input() {
    let f = fixture().await;
    let error = f.authz.context(None, None, "r1".into()).unwrap_err();
    assert_eq!(error, AuthError::NoTenant);
    assert_eq!(error.code(), ErrorCode::BadUserInput);
}

#[tokio::test]
async fn no_token_with_a_tenant_header_is_anonymous() {
    let f = fixture().await;
    for tenant in ["alpha", "gamma", " beta "] {
        let ctx = f.authz.context(None, Some(tenant), "req-1".into()).unwrap();
        assert_eq!(ctx.tenant(), &t(tenant.trim()));
        assert_eq!(ctx.actor(), &Actor::Anonymous);
        assert_eq!(ctx.roles(), [role("anonymous")]);
        assert_eq!(ctx.request_id(), "req-1");
        assert!(ctx.can("tenant/public", Action::Read));
        assert!(!ctx.can("person/name", Action::Read));
    }
}

#[tokio::test]
async fn no_token_with_an_unknown_or_invalid_tenant_header_is_refused() {
    let f = fixture().await;
    for header in ["nowhere", "Alpha", "not a slug", ""] {
        assert_refused!(
            f.authz.context(None, Some(header), "r1".into()),
            AuthError::UnknownTenant
        );
    }
}

#[tokio::test]
async fn token_gives_its_tenant_actor_and_capabilities() {
    let f = fixture().await;
    let token = rs(&idp_employee("alpha"), Some(RSA_KID));
    for header in [None, Some("alpha")] {
        let ctx = f
            .authz
            .context(Some(&token), header, "req-2".into())
            .unwrap();
        assert_eq!(ctx.tenant(), &t("alpha"));
        assert_eq!(
            ctx.actor(),
            &Actor::Employee {
                subject: "employee-42".to_owned()
            }
        );
        assert_eq!(ctx.roles(), [role(Role::FRONTOFFICE)]);
        assert_eq!(ctx.request_id(), "req-2");
        assert!(ctx.can("person/name", Action::Read));
    }
}

#[tokio::test]
async fn token_with_a_mismatching_tenant_header_is_refused() {
    let f = fixture().await;
    let token = hs(&dev_employee("alpha"));
    assert_refused!(
        f.authz.context(Some(&token), Some("beta"), "r1".into()),
        AuthError::TenantMismatch
    );
    // Also when the header names a tenant that does not exist (but is a valid slug).
    assert_refused!(
        f.authz.context(Some(&token), Some("nowhere"), "r1".into()),
        AuthError::TenantMismatch
    );
}

#[tokio::test]
async fn context_passes_on_verification_failures() {
    let f = fixture().await;
    let expired = hs(&with(dev_employee("alpha"), "exp", json!(now() - 3600)));
    assert_refused!(
        f.authz.context(Some(&expired), Some("alpha"), "r1".into()),
        AuthError::Rejected(ref s) if s == "ExpiredSignature"
    );
    assert_refused!(
        f.authz.context(Some("abc"), Some("alpha"), "r1".into()),
        AuthError::Malformed
    );
    assert_refused!(
        f.authz.context(Some(""), None, "r1".into()),
        AuthError::Malformed
    );
    assert_refused!(
        f.authz.context(
            Some(&rs(&idp_employee("beta"), Some(RSA_KID))),
            None,
            "r1".into()
        ),
        AuthError::UntrustedIssuer
    );
}

#[test]
fn every_refusal_has_one_public_message() {
    let message = AuthError::PUBLIC_MESSAGE;
    assert!(!message.trim().is_empty());
    let lower = message.to_lowercase();
    for leak in ["signature", "expired", "issuer", "audience", "kid", "bsn"] {
        assert!(!lower.contains(leak), "{message:?} mentions {leak}");
    }
    // Every variant except NoTenant is UNAUTHENTICATED.
    let all = [
        AuthError::Malformed,
        AuthError::UnknownIssuer,
        AuthError::AlgorithmNotAccepted,
        AuthError::UnknownKey,
        AuthError::Rejected("InvalidSignature".to_owned()),
        AuthError::BadClaims("roles"),
        AuthError::UntrustedIssuer,
        AuthError::UnknownTenant,
        AuthError::TenantMismatch,
    ];
    for error in all {
        assert_eq!(error.code(), ErrorCode::Unauthenticated, "{error:?}");
    }
    assert_eq!(AuthError::NoTenant.code(), ErrorCode::BadUserInput);
}

// ---------------------------------------------------------------------------------------------
// Dev signers

#[tokio::test]
async fn dev_signer_tokens_verify() {
    let f = fixture().await;
    for tenant in ["alpha", "beta"] {
        let signer = f
            .authz
            .authenticator()
            .dev_signer(&t(tenant))
            .unwrap_or_else(|| panic!("{tenant} trusts the dev issuer"));

        let token = signer.sign(&role(Role::BACKOFFICE), None, 300).unwrap();
        let verified = f.verify(&token).unwrap();
        assert_eq!(verified.tenant, t(tenant));
        assert_eq!(verified.roles, vec![role(Role::BACKOFFICE)]);
        assert!(matches!(verified.actor, Actor::Employee { .. }));

        let bsn = Bsn::new(CITIZEN_BSN).unwrap();
        let token = signer.sign(&role(Role::CITIZEN), Some(&bsn), 300).unwrap();
        let verified = f.verify(&token).unwrap();
        match verified.actor {
            Actor::Citizen { bsn: got, loa, .. } => {
                assert_eq!(got, bsn);
                assert_eq!(loa, loket_kernel::ctx::Loa::Substantial);
            }
            other => panic!("expected a citizen, got {other:?}"),
        }

        // The context accepts it for its own tenant only.
        let token = signer.sign(&role(Role::FRONTOFFICE), None, 300).unwrap();
        assert!(
            f.authz
                .context(Some(&token), Some(tenant), "r".into())
                .is_ok()
        );
        let other = if tenant == "alpha" { "beta" } else { "alpha" };
        assert_refused!(
            f.authz.context(Some(&token), Some(other), "r".into()),
            AuthError::TenantMismatch
        );
    }
}

#[tokio::test]
async fn dev_signer_refuses_a_citizen_without_bsn() {
    let f = fixture().await;
    let signer = f.authz.authenticator().dev_signer(&t("alpha")).unwrap();
    assert_refused!(
        signer.sign(&role(Role::CITIZEN), None, 300),
        AuthError::BadClaims("citizen without bsn")
    );
}

#[tokio::test]
async fn tenants_without_a_dev_issuer_have_no_dev_signer() {
    let f = fixture().await;
    let authenticator = f.authz.authenticator();
    assert!(
        authenticator.dev_signer(&t("delta")).is_none(),
        "delta trusts only a JWKS issuer"
    );
    assert!(
        authenticator.dev_signer(&t("gamma")).is_none(),
        "gamma trusts no issuer"
    );
    assert!(authenticator.dev_signer(&t("nowhere")).is_none());
}
