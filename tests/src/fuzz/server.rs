//! A `loket serve` under attack: started on SQLite or PostgreSQL, asked after every batch
//! whether it is still alive (`/healthz` answers and the process has not exited), and started
//! again on a fresh database when a request killed it, so one crash does not hide the rest.

use std::time::Duration;

use loket_store::testing::TestDb;

use crate::Loket;

/// The database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// A temporary SQLite file.
    Sqlite,
    /// A fresh database on the PostgreSQL test server.
    Postgres,
}

/// A running server and how to start it again.
pub struct Server {
    /// The engine.
    pub engine: Engine,
    env: Vec<(String, String)>,
    loket: Loket,
    url: String,
    pid: Option<u32>,
    /// How often it was started again after dying.
    pub restarts: usize,
}

impl Server {
    /// Starts `loket serve` with extra environment; `None` when PostgreSQL is asked for and
    /// none can be had (the test database harness says so loudly, or fails under
    /// `LOKET_REQUIRE_POSTGRES=1`).
    pub async fn start(engine: Engine, env: &[(&str, &str)]) -> Option<Self> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let (loket, url) = launch(engine, &env).await?;
        Some(Self {
            engine,
            pid: pid_serving(&url),
            env,
            loket,
            url,
            restarts: 0,
        })
    }

    /// The harness handle (tokens, client, log).
    pub fn loket(&self) -> &Loket {
        &self.loket
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> &str {
        &self.loket.base
    }

    /// The database URL.
    pub fn db_url(&self) -> &str {
        &self.url
    }

    /// Whether the process has exited (`false` where that cannot be seen).
    pub fn exited(&self) -> bool {
        let Some(pid) = self.pid else { return false };
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            // The state follows the parenthesised command name; Z is a zombie, X dead.
            Ok(stat) => stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .is_some_and(|state| state == "Z" || state == "X"),
            Err(_) => true,
        }
    }

    /// `Ok` when the process runs and `/healthz` answers 200 within five seconds.
    pub async fn health(&self) -> Result<(), String> {
        if self.exited() {
            return Err(format!(
                "the process has exited; last log lines:\n{}",
                self.log_tail(6)
            ));
        }
        let answer = self
            .loket
            .client()
            .get(format!("{}/healthz", self.base()))
            .timeout(Duration::from_secs(5))
            .send()
            .await;
        match answer {
            Ok(response) if response.status().is_success() => Ok(()),
            Ok(response) => Err(format!("/healthz answered {}", response.status())),
            Err(e) => Err(format!(
                "/healthz did not answer: {}; last log lines:\n{}",
                super::transport::error_chain(&e),
                self.log_tail(6)
            )),
        }
    }

    /// The last `n` lines the server logged besides the access log, each abbreviated.
    pub fn log_tail(&self, n: usize) -> String {
        let log = self.loket.log();
        let lines: Vec<&str> = log
            .lines()
            .filter(|l| !l.contains("finished processing request"))
            .collect();
        lines[lines.len().saturating_sub(n)..]
            .iter()
            .map(|l| format!("    {}", super::value::abbreviate(l, 300)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The warnings and errors the server logged for the request with `request_id`: the
    /// `error` field where there is one, else the message. The cause behind an `INTERNAL`
    /// answer.
    pub fn logged_for(&self, request_id: &str) -> Vec<String> {
        self.loket
            .log()
            .lines()
            .filter(|l| l.contains(request_id))
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|l| l["level"] == "ERROR" || l["level"] == "WARN")
            .map(|l| {
                let fields = &l["fields"];
                fields["error"]
                    .as_str()
                    .or_else(|| fields["message"].as_str())
                    .unwrap_or_default()
                    .replace('"', "'")
            })
            .collect()
    }

    /// Starts a new server on a fresh database (the old one is gone with its data).
    pub async fn restart(&mut self) {
        let (loket, url) = launch(self.engine, &self.env)
            .await
            .expect("the engine was available a moment ago");
        self.pid = pid_serving(&url);
        self.loket = loket;
        self.url = url;
        self.restarts += 1;
    }
}

/// One start at a time per test binary: a PostgreSQL start generates its demo cases for tens
/// of seconds on a debug build, and two at once on a small machine can outlast the harness's
/// start-up limit.
static STARTING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

async fn launch(engine: Engine, env: &[(String, String)]) -> Option<(Loket, String)> {
    let _turn = STARTING.acquire().await.ok();
    let db = match engine {
        Engine::Sqlite => TestDb::sqlite_empty().await,
        Engine::Postgres => TestDb::postgres_empty().await?,
    };
    let url = db.url().to_owned();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let loket = Loket::start_with(db, &crate::tenants_dir(), &env).await;
    Some((loket, url))
}

/// The pid of the `loket serve` process on database `url` (Linux; `None` elsewhere).
fn pid_serving(url: &str) -> Option<u32> {
    let entries = std::fs::read_dir("/proc").ok()?;
    entries.flatten().find_map(|entry| {
        let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
        let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
        let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
        let serving = args.contains(&b"serve".as_slice()) && args.contains(&url.as_bytes());
        serving.then_some(pid)
    })
}
