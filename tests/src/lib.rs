//! The end-to-end harness: starts the real `loket` binary on a free port against a test
//! database and talks to it over HTTP, as a frontend would.
//!
//! The binary is the one `cargo test --workspace` builds next to the test executables; set
//! `LOKET_BIN` to test another build.

#![expect(
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "test harness: a broken set-up should fail loudly"
)]

pub mod appointments;
pub mod bench;
pub mod fuzz;
pub mod load;
pub mod receivers;
pub mod reports;
pub mod s3;
pub mod sql;
pub mod ws;

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    process::Stdio,
    time::Duration,
};

use loket_store::testing::TestDb;
use serde_json::{Value, json};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

/// The repository's demo tenants folder.
pub fn tenants_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tenants")
}

/// Polls `check` every 100 ms until it holds; fails after `seconds`.
pub async fn eventually<F: AsyncFn() -> bool>(seconds: u64, what: &str, check: F) {
    let until = tokio::time::Instant::now() + Duration::from_secs(seconds);
    while tokio::time::Instant::now() < until {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("not within {seconds} s: {what}");
}

/// A copy of the tenants folder in a temporary folder, for a test to change.
pub fn tenants_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(&tenants_dir(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// The `loket` binary under test.
pub fn binary() -> PathBuf {
    if let Ok(path) = std::env::var("LOKET_BIN") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> -> target/<profile>/loket
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test executable lives in target/<profile>/deps");
    let path = profile_dir.join(format!("loket{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "{} not found: run the tests with `cargo test --workspace` (which builds it) or set LOKET_BIN",
        path.display()
    );
    path
}

/// A running `loket serve`.
pub struct Loket {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The demo tokens it printed, by role.
    pub tokens: HashMap<String, String>,
    client: reqwest::Client,
    log: tempfile::NamedTempFile,
    _photos: tempfile::TempDir,
    _db: TestDb,
}

impl Loket {
    /// Starts `loket serve` on port 0 against `db` with the demo tenants.
    pub async fn start(db: TestDb) -> Self {
        Self::start_with(db, &tenants_dir(), &[]).await
    }

    /// Starts `loket serve` with a tenants folder and extra environment.
    pub async fn start_with(db: TestDb, tenants: &Path, env: &[(&str, &str)]) -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let log = tempfile::NamedTempFile::new().expect("log file");
        // Report photos in a folder of the test's own, unless `env` names a store.
        let photos = tempfile::tempdir().expect("photo folder");
        // As in production: requests through a login role that can only become the
        // application role, migrations and demo data through the owner.
        let mut child = Command::new(binary())
            .args(["serve", "--listen", "127.0.0.1:0", "--database"])
            .arg(db.gateway_url().await)
            .arg("--migration-database")
            .arg(db.url())
            .arg("--tenants")
            .arg(tenants)
            .env("LOKET_PHOTO_STORE", photos.path())
            .envs(env.iter().copied())
            .env("LOKET_LOG_FORMAT", "json")
            .stdout(Stdio::piped())
            .stderr(log.reopen().expect("log file handle"))
            .kill_on_drop(true)
            .spawn()
            .expect("spawn loket");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut base = None;
        let mut tokens = HashMap::new();
        let started = tokio::time::timeout(Duration::from_secs(60), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(url) = line.strip_prefix("Loket listening on ") {
                    base = url.strip_suffix("/graphql").map(str::to_owned);
                } else if line.starts_with("Try:") {
                    break;
                } else if let Some((role, token)) = line.trim().split_once(char::is_whitespace)
                    && token.trim().starts_with("ey")
                {
                    tokens.insert(role.to_owned(), token.trim().to_owned());
                }
            }
        })
        .await;
        if started.is_err() || base.is_none() {
            let log = std::fs::read_to_string(log.path()).unwrap_or_default();
            panic!("loket did not start:\n{log}");
        }
        // Keep draining stdout so the process never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self {
            child,
            base: base.expect("checked above"),
            tokens,
            client: reqwest::Client::new(),
            log,
            _photos: photos,
            _db: db,
        }
    }

    /// The demo token for `role` (of the demo tenant, enschede).
    pub fn token(&self, role: &str) -> &str {
        self.tokens
            .get(role)
            .map(String::as_str)
            .expect("demo token for role")
    }

    /// The server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// The HTTP client.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// POSTs a GraphQL query; returns the status and the JSON body.
    pub async fn graphql(
        &self,
        token: Option<&str>,
        tenant: Option<&str>,
        query: &str,
    ) -> (u16, Value) {
        self.graphql_with(token, tenant, query, json!({})).await
    }

    /// POSTs a GraphQL query with variables; returns the status and the JSON body.
    pub async fn graphql_with(
        &self,
        token: Option<&str>,
        tenant: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (u16, Value) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.base))
            .header("accept", "application/graphql-response+json")
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(tenant) = tenant {
            request = request.header("loket-tenant", tenant);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let body = response.json().await.expect("JSON body");
        (status, body)
    }

    /// An address in `postcode` (Enschede) where no case of any kind exists yet, so that a
    /// test's integral view shows only what the test puts there.
    pub async fn quiet_address(&self, postcode: &str) -> String {
        let (status, body) = self
            .graphql(
                Some(self.token("backoffice")),
                None,
                "{ cases(first: 100, filter: { includeClosed: true }) { pageInfo { hasNextPage } \
                 edges { node { addressId } } } }",
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let all = &body["data"]["cases"];
        assert_eq!(all["pageInfo"]["hasNextPage"], false, "{body}");
        let used: Vec<&Value> = all["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|e| &e["node"]["addressId"])
            .collect();
        for number in 1..=50 {
            let (_, body) = self
                .graphql(
                    None,
                    Some("enschede"),
                    &format!(
                        "{{ address(postcode: \"{postcode}\", houseNumber: {number}) {{ id }} }}"
                    ),
                )
                .await;
            let id = &body["data"]["address"]["id"];
            if id.is_string() && !used.contains(&id) {
                return id.as_str().expect("checked").to_owned();
            }
        }
        panic!("no address without cases in {postcode}");
    }

    /// Everything the process logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }

    /// Sends SIGTERM and waits for the exit code.
    pub async fn terminate(mut self) -> Option<i32> {
        let pid = self.child.id().expect("running child").to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().await;
        assert!(sent.is_ok_and(|s| s.success()), "kill -TERM");
        let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("loket stops within 30 s after SIGTERM")
            .expect("exit status");
        status.code()
    }
}

/// Runs `loket` with arguments; returns exit code, stdout and stderr.
pub async fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(binary())
        .args(args)
        .output()
        .await
        .expect("run loket");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
