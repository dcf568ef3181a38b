//! An issuer's keys fetched from its JWKS URL (`jwks_url`), as production OpenID Connect
//! providers publish them, kept in memory.
//!
//! Verification stays synchronous and never waits for the network: it uses the keys in
//! memory. The keys are fetched when Loket starts (a provider that does not answer then is
//! logged, not fatal, so one provider's outage does not keep every municipality offline),
//! fetched again in the background when a token names a key id not seen yet (a rotation; at
//! most once per [`RETRY_AFTER`]), and when they are older than the provider's
//! `Cache-Control: max-age` (between [`MIN_AGE`] and [`MAX_AGE`], [`DEFAULT_AGE`] without
//! one). Providers publish a new key before they sign with it, as OpenID Connect expects; a
//! token signed with a key published only just now is refused until the keys are fetched,
//! which its client sees as an expired login.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex, PoisonError, RwLock,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use jsonwebtoken::{
    Algorithm, DecodingKey,
    jwk::{JwkSet, PublicKeyUse},
};

use super::keys::jwk_algorithm;
use crate::AuthError;

/// Keys by key id.
pub(crate) type KeyMap = HashMap<String, (DecodingKey, Algorithm)>;

/// Least time between two fetches triggered by unknown key ids.
pub const RETRY_AFTER: Duration = Duration::from_secs(10);
/// How long keys are kept without a `max-age`.
pub const DEFAULT_AGE: Duration = Duration::from_secs(3600);
/// Shortest keeping time honoured.
pub const MIN_AGE: Duration = Duration::from_secs(60);
/// Longest keeping time honoured.
pub const MAX_AGE: Duration = Duration::from_secs(24 * 3600);
/// Time limit of one fetch.
const TIMEOUT: Duration = Duration::from_secs(5);

/// The keys of one issuer with a JWKS URL.
pub(crate) struct RemoteJwks {
    url: String,
    client: reqwest::Client,
    keys: RwLock<Arc<KeyMap>>,
    /// When the last fetch started, and until when its keys count as fresh.
    times: Mutex<(Option<Instant>, Option<Instant>)>,
    busy: AtomicBool,
}

impl RemoteJwks {
    pub(crate) fn new(url: &str) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .map_err(|e| format!("cannot make an HTTP client: {e}"))?;
        Ok(Self {
            url: url.to_owned(),
            client,
            keys: RwLock::new(Arc::new(KeyMap::new())),
            times: Mutex::new((None, None)),
            busy: AtomicBool::new(false),
        })
    }

    /// Fetches the keys now and keeps them; returns how many usable keys there are.
    pub(crate) async fn fetch(&self) -> Result<usize, String> {
        self.times.lock().unwrap_or_else(PoisonError::into_inner).0 = Some(Instant::now());
        let response = self
            .client
            .get(&self.url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| format!("{}: {e}", self.url))?;
        let age = max_age(response.headers()).unwrap_or(DEFAULT_AGE);
        let set: JwkSet = response
            .json()
            .await
            .map_err(|e| format!("{}: not a JWKS: {e}", self.url))?;
        let keys = usable(&set);
        let count = keys.len();
        *self.keys.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(keys);
        self.times.lock().unwrap_or_else(PoisonError::into_inner).1 =
            Instant::now().checked_add(age);
        Ok(count)
    }

    /// The key for a token's header, from memory; asks for a fetch in the background when
    /// the key id is unknown or the keys are stale.
    pub(crate) fn key(
        self: &Arc<Self>,
        kid: &str,
        alg: Algorithm,
    ) -> Result<DecodingKey, AuthError> {
        let keys = Arc::clone(&self.keys.read().unwrap_or_else(PoisonError::into_inner));
        let (started, fresh_until) = *self.times.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        let stale = fresh_until.is_none_or(|t| t <= now);
        match keys.get(kid) {
            Some((key, key_alg)) => {
                if stale {
                    self.refresh(started, now);
                }
                if *key_alg != alg {
                    return Err(AuthError::AlgorithmNotAccepted);
                }
                Ok(key.clone())
            }
            None => {
                self.refresh(started, now);
                Err(AuthError::UnknownKey)
            }
        }
    }

    fn refresh(self: &Arc<Self>, started: Option<Instant>, now: Instant) {
        if started.is_some_and(|s| now.duration_since(s) < RETRY_AFTER) {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        if self.busy.swap(true, Ordering::AcqRel) {
            return;
        }
        let this = Arc::clone(self);
        runtime.spawn(async move {
            match this.fetch().await {
                Ok(n) => tracing::info!(url = %this.url, keys = n, "issuer keys fetched"),
                Err(e) => {
                    tracing::warn!(error = %e, "issuer keys not fetched; keeping the old ones")
                }
            }
            this.busy.store(false, Ordering::Release);
        });
    }
}

/// The signing keys of a set that Loket can use: RSA and P-256 keys with a key id, not
/// marked for encryption. Other keys are left out rather than refused: providers publish
/// them for other purposes.
fn usable(set: &JwkSet) -> KeyMap {
    set.keys
        .iter()
        .filter(|jwk| jwk.common.public_key_use != Some(PublicKeyUse::Encryption))
        .filter_map(|jwk| {
            let kid = jwk.common.key_id.clone()?;
            let alg = jwk_algorithm(&jwk.algorithm)?;
            let key = DecodingKey::from_jwk(jwk).ok()?;
            Some((kid, (key, alg)))
        })
        .collect()
}

/// `Cache-Control: max-age`, clamped.
fn max_age(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::CACHE_CONTROL)?.to_str().ok()?;
    let seconds = value
        .split(',')
        .find_map(|d| d.trim().strip_prefix("max-age="))?
        .parse::<u64>()
        .ok()?;
    Some(Duration::from_secs(seconds).clamp(MIN_AGE, MAX_AGE))
}
