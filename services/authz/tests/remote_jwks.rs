//! Issuers with a JWKS URL (`jwks_url`), as OpenID Connect providers publish their keys: the
//! keys are fetched at start-up, keys that are no use to Loket are left out, a token naming a
//! key not seen yet makes Loket fetch again (a rotation), and a provider that was down at
//! start-up is tried again once a token needs it. The provider here is a real HTTP server.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::{
    path::Path,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use axum::{Json, Router, extract::State, routing::get};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use loket_authz::{AuthError, Authz};
use loket_kernel::{Actor, config::load_dir};
use rsa::{
    RsaPrivateKey,
    pkcs8::{EncodePrivateKey, LineEnding},
    traits::PublicKeyParts,
};
use serde_json::{Value, json};

const AUDIENCE: &str = "loket-alpha";

struct Key {
    kid: &'static str,
    private_pem: String,
    public: Value,
}

fn key(kid: &'static str) -> Key {
    let private = RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048).unwrap();
    let public = private.to_public_key();
    Key {
        kid,
        private_pem: private.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
        public: json!({
            "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
            "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
        }),
    }
}

type Published = Arc<RwLock<Value>>;

/// Serves `published` at /jwks on `listener`.
fn serve(listener: tokio::net::TcpListener, published: Published) {
    let app = Router::new()
        .route(
            "/jwks",
            get(|State(p): State<Published>| async move { Json(p.read().unwrap().clone()) }),
        )
        .with_state(published);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
}

async fn authz_for(issuer: &str, dir: &Path) -> Authz {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let defaults = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants/_default");
    std::fs::create_dir_all(dir.join("_default")).unwrap();
    std::fs::create_dir_all(dir.join("alpha")).unwrap();
    for file in ["model.conf", "policy.csv"] {
        std::fs::copy(defaults.join(file), dir.join("_default").join(file)).unwrap();
    }
    let toml = format!(
        r#"slug = "alpha"
name = "Gemeente Alpha"
municipality_code = "0001"
languages = ["nl"]

[[issuers]]
issuer = "{issuer}"
audience = "{AUDIENCE}"
algorithms = ["RS256"]
jwks_url = "{issuer}/jwks"

[service_norms]
phone_answer_seconds = 20
phone_answer_percentage = 80
email_answer_working_days = 2
callback_working_days = 2
"#
    );
    std::fs::write(dir.join("alpha/tenant.toml"), toml).unwrap();
    let tenants = load_dir(dir).unwrap_or_else(|e| panic!("tenants load: {e:?}"));
    Authz::load(&tenants).await.unwrap()
}

fn token(issuer: &str, key: &Key) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({
        "iss": issuer, "aud": AUDIENCE, "sub": "resident-1", "exp": now + 600, "iat": now,
        "tenant": "alpha", "roles": ["citizen"], "bsn": "999993653", "loa": "substantial",
        "scope": "openid", "client_id": "mijn-loket",
    });
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(key.kid.to_owned());
    header.typ = Some("at+jwt".to_owned());
    encode(
        &header,
        &claims,
        &EncodingKey::from_rsa_pem(key.private_pem.as_bytes()).unwrap(),
    )
    .unwrap()
}

/// Verifies until accepted (the keys are fetched in the background), or fails after 30 s.
async fn accepted_eventually(authz: &Authz, token: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match authz.authenticator().verify(token) {
            Ok(verified) => {
                assert!(matches!(verified.actor, Actor::Citizen { .. }));
                return;
            }
            Err(AuthError::UnknownKey) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("token refused: {e}"),
        }
    }
}

#[tokio::test]
async fn keys_are_fetched_at_start_and_keys_of_no_use_are_left_out() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let signing = key("sig-1");
    let published = Arc::new(RwLock::new(json!({ "keys": [
        signing.public,
        { "kty": "RSA", "kid": "enc-1", "use": "enc", "n": "sXch", "e": "AQAB" },
        { "kty": "oct", "kid": "hmac-1", "k": "c2VjcmV0" },
        { "kty": "RSA", "use": "sig", "n": "sXch", "e": "AQAB" },
    ]})));
    serve(listener, Arc::clone(&published));
    let dir = tempfile::tempdir().unwrap();
    let authz = authz_for(&issuer, dir.path()).await;
    authz.fetch_remote_keys().await;
    let verified = authz
        .authenticator()
        .verify(&token(&issuer, &signing))
        .unwrap();
    assert_eq!(verified.tenant.as_str(), "alpha");
    let stranger = key("sig-unknown");
    assert_eq!(
        authz.authenticator().verify(&token(&issuer, &stranger)),
        Err(AuthError::UnknownKey)
    );
}

#[tokio::test]
async fn a_rotated_key_is_fetched_when_a_token_names_it() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let old = key("old");
    let new = key("new");
    let published = Arc::new(RwLock::new(json!({ "keys": [old.public] })));
    serve(listener, Arc::clone(&published));
    let dir = tempfile::tempdir().unwrap();
    let authz = authz_for(&issuer, dir.path()).await;
    authz.fetch_remote_keys().await;
    authz.authenticator().verify(&token(&issuer, &old)).unwrap();
    *published.write().unwrap() = json!({ "keys": [old.public, new.public] });
    accepted_eventually(&authz, &token(&issuer, &new)).await;
    authz.authenticator().verify(&token(&issuer, &old)).unwrap();
}

#[tokio::test]
async fn a_provider_down_at_start_is_tried_again_when_a_token_needs_it() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let issuer = format!("http://{address}");
    let signing = key("later");
    let dir = tempfile::tempdir().unwrap();
    let authz = authz_for(&issuer, dir.path()).await;
    authz.fetch_remote_keys().await;
    let token = token(&issuer, &signing);
    assert_eq!(
        authz.authenticator().verify(&token),
        Err(AuthError::UnknownKey)
    );
    let listener = tokio::net::TcpListener::bind(address).await.unwrap();
    serve(
        listener,
        Arc::new(RwLock::new(json!({ "keys": [signing.public] }))),
    );
    accepted_eventually(&authz, &token).await;
}
