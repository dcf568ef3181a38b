//! Keys generated once per run, a tenants folder with four tenants and their issuers, and
//! helpers to mint and tamper with tokens.

#![allow(
    dead_code,
    unused_imports,
    reason = "each test module uses part of the helpers"
)]

pub(crate) use std::{path::Path, sync::OnceLock};

pub(crate) use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
pub(crate) use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
pub(crate) use loket_authz::{
    AuthError, Authz,
    jwt::{Audience, Claims, Verified},
};
pub(crate) use loket_kernel::{
    Action, Actor, Bsn, ErrorCode, HasCode, Role, TenantId, config::load_dir,
};
pub(crate) use serde_json::{Value, json};
pub(crate) use tempfile::TempDir;

pub(crate) const DEV_ISS: &str = "https://dev.loket.test";
pub(crate) const DEV_AUD: &str = "loket";
pub(crate) const DEV_SECRET: &str = "tokens-test-dev-secret-of-at-least-32-bytes";
pub(crate) const IDP_ISS: &str = "https://login.alpha.example";
pub(crate) const IDP_AUD: &str = "loket-alpha";
pub(crate) const DELTA_ISS: &str = "https://login.delta.example";
pub(crate) const DELTA_AUD: &str = "loket-delta";
pub(crate) const RSA_KID: &str = "alpha-rsa-1";
pub(crate) const EC_KID: &str = "alpha-ec-1";
/// A BSN that passes the 11-check.
pub(crate) const CITIZEN_BSN: &str = "999993653";
/// Nine digits that fail the 11-check.
pub(crate) const INVALID_BSN: &str = "999993654";

// ---------------------------------------------------------------------------------------------
// Keys and the tenants folder

pub(crate) struct Keys {
    /// PKCS#8 PEM of the RSA private key the JWKS publishes under `RSA_KID`.
    pub(crate) rsa_private_pem: String,
    /// SPKI PEM of the RSA public key (the classic HS/RS confusion "secret").
    pub(crate) rsa_public_pem: String,
    /// PKCS#8 PEM of the P-256 private key the JWKS publishes under `EC_KID`.
    pub(crate) ec_private_pem: String,
    /// PKCS#8 PEM of a P-256 key that is in no JWKS.
    pub(crate) other_ec_private_pem: String,
    /// The JWKS with both public keys.
    pub(crate) jwks: String,
}

pub(crate) fn keys() -> &'static Keys {
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

pub(crate) fn tenant_toml(slug: &str, code: &str, issuers: &str) -> String {
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

pub(crate) fn dev_issuer() -> String {
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

pub(crate) fn idp_issuer() -> String {
    format!(
        r#"[[issuers]]
issuer = "{IDP_ISS}"
audience = "{IDP_AUD}"
algorithms = ["RS256", "ES256"]
jwks_file = "jwks.json"
"#
    )
}

pub(crate) fn delta_issuer() -> String {
    format!(
        r#"[[issuers]]
issuer = "{DELTA_ISS}"
audience = "{DELTA_AUD}"
algorithms = ["ES256"]
jwks_file = "jwks.json"
"#
    )
}

pub(crate) fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The tenants folder and the `Authz` built from it; the tempdir lives as long as the fixture.
pub(crate) struct Fixture {
    pub(crate) _dir: TempDir,
    pub(crate) authz: Authz,
}

pub(crate) async fn fixture() -> Fixture {
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
    pub(crate) fn verify(&self, token: &str) -> Result<Verified, AuthError> {
        self.authz.authenticator().verify(token)
    }
}

// ---------------------------------------------------------------------------------------------
// Claims and signing

pub(crate) fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap()
}

pub(crate) fn t(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

pub(crate) fn role(name: &str) -> Role {
    Role::new(name).unwrap()
}

/// Valid claims of an employee (`frontoffice`) of `tenant` at `iss`/`aud`, as JSON so that
/// tests can break them.
pub(crate) fn employee(iss: &str, aud: &str, tenant: &str) -> Value {
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

pub(crate) fn dev_employee(tenant: &str) -> Value {
    employee(DEV_ISS, DEV_AUD, tenant)
}

pub(crate) fn idp_employee(tenant: &str) -> Value {
    employee(IDP_ISS, IDP_AUD, tenant)
}

/// Valid citizen claims: BSN 999993653, level of assurance `substantial`.
pub(crate) fn citizen(iss: &str, aud: &str, tenant: &str) -> Value {
    let mut claims = employee(iss, aud, tenant);
    claims["sub"] = json!("citizen-7");
    claims["roles"] = json!([Role::CITIZEN]);
    claims["bsn"] = json!(CITIZEN_BSN);
    claims["loa"] = json!("substantial");
    claims
}

pub(crate) fn with(mut claims: Value, field: &str, value: Value) -> Value {
    claims[field] = value;
    claims
}

pub(crate) fn without(mut claims: Value, field: &str) -> Value {
    claims.as_object_mut().unwrap().remove(field);
    claims
}

pub(crate) fn hs_with_secret(claims: &Value, secret: &[u8]) -> String {
    encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret).unwrap(),
    )
    .unwrap()
}

pub(crate) fn hs(claims: &Value) -> String {
    hs_with_secret(claims, DEV_SECRET.as_bytes())
}

pub(crate) fn header(alg: Algorithm, kid: Option<&str>) -> Header {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_owned);
    header
}

pub(crate) fn rs(claims: &Value, kid: Option<&str>) -> String {
    let key = EncodingKey::from_rsa_pem(keys().rsa_private_pem.as_bytes()).unwrap();
    encode(&header(Algorithm::RS256, kid), claims, &key).unwrap()
}

pub(crate) fn es_with_key(claims: &Value, kid: Option<&str>, pem: &str) -> String {
    let key = EncodingKey::from_ec_pem(pem.as_bytes()).unwrap();
    encode(&header(Algorithm::ES256, kid), claims, &key).unwrap()
}

pub(crate) fn es(claims: &Value, kid: Option<&str>) -> String {
    es_with_key(claims, kid, &keys().ec_private_pem)
}

pub(crate) fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap())
}

/// Replaces the payload of a signed token, keeping its header and signature.
pub(crate) fn tamper(token: &str, claims: &Value) -> String {
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
