//! A schema-driven fuzzer for the running server, and the pieces the hardening tests share
//! with it.
//!
//! The generator reads `schema/schema.graphql` ([`sdl`]), finds every operation and every
//! nested field with arguments ([`targets`]), and makes argument values ([`generate`]):
//! plausible ones from what the server itself hands out ([`fixtures`], [`plausible`]) and
//! hostile ones by class ([`hostile`]). Requests go out with tokens of every demo role of
//! several tenants and anonymously, over HTTP POST and GET and over WebSocket
//! ([`callers`], [`transport`], [`socket`]); every answer is judged ([`oracle`]) and the
//! server is checked after every batch ([`server`]). [`runner`] ties it together and
//! `docs/fuzzing.md` explains how to run it.
//!
//! Settings, all optional (see [`Settings::from_env`]):
//!
//! | variable | default | meaning |
//! | --- | --- | --- |
//! | `LOKET_FUZZ_SEED` | time-based, printed | the seed; the same seed replays the same requests |
//! | `LOKET_FUZZ_CASES` | 12 | random cases per operation, besides one case per hostile class and input position |
//! | `LOKET_FUZZ_ALL_VALUES` | off | `1`: every value of every hostile class, not one per class |
//! | `LOKET_FUZZ_ONLY` | all | comma-separated parts of operation names (`Query.cases,suspendCase`) |
//! | `LOKET_FUZZ_CONCURRENCY` | 4 | requests in flight at once |

pub mod callers;
pub mod cases;
pub mod fixtures;
pub mod generate;
pub mod hostile;
pub mod markers;
pub mod oracle;
pub mod plausible;
pub mod report;
pub mod runner;
pub mod sdl;
pub mod selection;
pub mod server;
pub mod socket;
pub mod targets;
pub mod transport;
pub mod value;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

/// The key inside a global id (`Case:enschede/…` → `enschede/…`).
pub fn global_key(id: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(id).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    text.split_once(':').map(|(_, key)| key.to_owned())
}

/// How much to fuzz, from the environment.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The seed.
    pub seed: u64,
    /// Random cases per operation.
    pub cases: usize,
    /// Every hostile value rather than one per class.
    pub all_values: bool,
    /// Only operations whose name contains one of these.
    pub only: Vec<String>,
    /// Requests in flight at once.
    pub concurrency: usize,
}

impl Settings {
    /// Reads `LOKET_FUZZ_*`.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let number = |name: &str, default: u64| {
            var(name).map_or(default, |v| {
                v.trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}"))
            })
        };
        let clock = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Self {
            seed: number("LOKET_FUZZ_SEED", clock),
            cases: usize::try_from(number("LOKET_FUZZ_CASES", 12)).unwrap_or(12),
            all_values: var("LOKET_FUZZ_ALL_VALUES").is_some_and(|v| v != "0"),
            only: var("LOKET_FUZZ_ONLY")
                .map(|v| v.split(',').map(|s| s.trim().to_owned()).collect())
                .unwrap_or_default(),
            concurrency: usize::try_from(number("LOKET_FUZZ_CONCURRENCY", 4))
                .unwrap_or(4)
                .max(1),
        }
    }
}
