//! Finding 8, the HTTP part: connections trickling a header line every 5 s stayed open past
//! 80 s; there was no rate limiting (`RATE_LIMITED` is in the contract and never produced);
//! and 11 of 200 aborted requests left "there is already a transaction in progress" on a
//! pooled connection.
//!
//! Required: a bounded header-read timeout (`LOKET_HEADER_READ_TIMEOUT_SECONDS`); per-token
//! and per-tenant limits (`LOKET_RATE_LIMIT_PER_TOKEN`, `LOKET_RATE_LIMIT_PER_TENANT`,
//! `LOKET_RATE_LIMIT_BURST_SECONDS`) answered with 429, `Retry-After` and `RATE_LIMITED`, leaving other
//! tenants alone; a dropped request leaves its connection clean.

use std::time::Duration;

use std::process::Stdio;

use futures_util::future::join_all;
use loket_tests::fuzz::{
    callers::Caller,
    server::Engine,
    transport::{Outcome, Request, Transport, send},
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
    process::{Child, Command},
    time::Instant,
};

use super::{Answer, ask, assert_none, caller, data, start};

/// The header-read timeout the test configures, and how long it waits for the server to act.
const HEADER_TIMEOUT_SECONDS: u64 = 2;
const CLOSED_WITHIN: Duration = Duration::from_secs(20);
/// How often the slow client sends a header line.
const TRICKLE: Duration = Duration::from_secs(5);

#[tokio::test]
async fn a_client_trickling_headers_is_disconnected() {
    let timeout = HEADER_TIMEOUT_SECONDS.to_string();
    let server = start(
        Engine::Sqlite,
        &[("LOKET_HEADER_READ_TIMEOUT_SECONDS", &timeout)],
    )
    .await
    .expect("SQLite");
    let address = server.base().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&address).await.expect("connect");
    let started = Instant::now();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: loket\r\n")
        .await
        .expect("the request line");
    let mut line = 0;
    let closed_after = loop {
        // Wait one trickle interval for the server to close; then send the next line.
        let mut buffer = [0u8; 1024];
        match tokio::time::timeout(TRICKLE, stream.read(&mut buffer)).await {
            Ok(Ok(0) | Err(_)) => break Some(started.elapsed()),
            Ok(Ok(_)) => continue, // a 408 before the close
            Err(_) => {}
        }
        if started.elapsed() > CLOSED_WITHIN {
            break None;
        }
        line += 1;
        if stream
            .write_all(format!("X-Trickle-{line}: y\r\n").as_bytes())
            .await
            .is_err()
        {
            break Some(started.elapsed());
        }
    };
    match closed_after {
        Some(after) => assert!(after <= CLOSED_WITHIN, "closed only after {after:?}"),
        None => panic!(
            "with LOKET_HEADER_READ_TIMEOUT_SECONDS={HEADER_TIMEOUT_SECONDS}, a client sending a \
             header line every {TRICKLE:?} was still connected after {CLOSED_WITHIN:?} ({line} lines)"
        ),
    }
    assert!(
        server.health().await.is_ok(),
        "the server still answers others"
    );
}

/// Fires `count` `{ me { roles } }` at once, spread over `callers`.
async fn burst(
    server: &loket_tests::fuzz::server::Server,
    callers: &[Caller],
    count: usize,
) -> Vec<Answer> {
    let requests = (0..count).map(|i| ask(server, &callers[i % callers.len()], "{ me { roles } }"));
    join_all(requests)
        .await
        .into_iter()
        .map(|a| a.unwrap_or_else(|e| panic!("an answer in the burst: {e}")))
        .collect()
}

/// Every answer is 200 without errors or a proper 429; at least one is a 429.
fn limited(what: &str, answers: &[Answer]) -> Vec<String> {
    let mut problems = Vec::new();
    let refused: Vec<&Answer> = answers.iter().filter(|a| a.status == 429).collect();
    if refused.is_empty() {
        problems.push(format!(
            "{what}: none of {} requests was limited (HTTP 429)",
            answers.len()
        ));
    }
    for answer in &refused {
        let retry = answer
            .retry_after
            .as_deref()
            .and_then(|v| v.trim().parse::<u64>().ok());
        if retry.is_none_or(|s| s < 1) || answer.code() != "RATE_LIMITED" {
            problems.push(format!(
                "{what}: a 429 needs Retry-After in seconds and RATE_LIMITED: Retry-After {:?}, {}",
                answer.retry_after, answer.body
            ));
        }
    }
    for answer in answers.iter().filter(|a| a.status != 429) {
        if answer.status != 200 || !answer.errors().is_empty() {
            problems.push(format!("{what}: HTTP {} {}", answer.status, answer.body));
        }
    }
    problems
}

#[tokio::test]
async fn a_token_over_its_rate_is_limited_and_others_are_not() {
    let env = [
        ("LOKET_RATE_LIMIT_PER_TOKEN", "2"),
        ("LOKET_RATE_LIMIT_BURST_SECONDS", "2"),
        ("LOKET_RATE_LIMIT_PER_TENANT", "10000"),
    ];
    let server = start(Engine::Sqlite, &env).await.expect("SQLite");
    let front = caller(&server, "enschede", "frontoffice", None).await;
    let back = caller(&server, "enschede", "backoffice", None).await;
    let haarlem = caller(&server, "haarlem", "frontoffice", None).await;
    let mut problems = limited(
        "one token, 30 requests at once",
        &burst(&server, &[front], 30).await,
    );
    for other in [&back, &haarlem] {
        match ask(&server, other, "{ me { roles } }").await {
            Ok(answer) if answer.status == 200 && answer.errors().is_empty() => {}
            other_answer => problems.push(format!(
                "{} was held back too: {other_answer:?}",
                other.label()
            )),
        }
    }
    assert_none("the per-token limit", &problems);
}

#[tokio::test]
async fn a_tenant_over_its_rate_is_limited_and_other_tenants_are_not() {
    let env = [
        ("LOKET_RATE_LIMIT_PER_TENANT", "2"),
        ("LOKET_RATE_LIMIT_BURST_SECONDS", "2"),
        ("LOKET_RATE_LIMIT_PER_TOKEN", "10000"),
    ];
    let server = start(Engine::Sqlite, &env).await.expect("SQLite");
    let mut enschede = vec![Caller::anonymous("enschede")];
    for role in ["frontoffice", "backoffice", "manager", "admin"] {
        enschede.push(caller(&server, "enschede", role, None).await);
    }
    let haarlem = caller(&server, "haarlem", "frontoffice", None).await;
    let mut problems = limited(
        "one tenant's callers, 40 requests at once",
        &burst(&server, &enschede, 40).await,
    );
    for other in [&haarlem, &Caller::anonymous("haarlem")] {
        match ask(&server, other, "{ me { roles } }").await {
            Ok(answer) if answer.status == 200 && answer.errors().is_empty() => {}
            other_answer => problems.push(format!(
                "{} was held back too: {other_answer:?}",
                other.label()
            )),
        }
    }
    assert_none("the per-tenant limit", &problems);
}

/// Rounds of 200 abandoned reads: the window is narrow (the issue saw 11 in 200 on a release
/// build; here it shows far less often), so the test tries up to this many.
const ROUNDS: usize = 5;

/// When to abandon a request, in microseconds: spread evenly on a logarithmic scale from
/// 50 µs to one and a half typical requests, so the first milliseconds (authentication,
/// BEGIN, the first reads) are hit as often as the rest.
fn abandon_after(rng: &mut ChaCha8Rng, typical: u64) -> u64 {
    let (low, high) = (50_f64.ln(), (typical.max(100) as f64 * 1.5).ln());
    rng.random_range(low..high).exp() as u64
}

/// Another `loket serve` on an existing database, with its own connection pool and log.
struct Process {
    _child: Child,
    base: String,
    log: tempfile::NamedTempFile,
}

impl Process {
    async fn start(db_url: &str) -> Self {
        let log = tempfile::NamedTempFile::new().expect("a log file");
        let mut child = Command::new(loket_tests::binary())
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database",
                db_url,
                "--tenants",
            ])
            .arg(loket_tests::tenants_dir())
            .env("LOKET_DEMO_TOKENS", "false")
            .env("LOKET_LOG_FORMAT", "json")
            // No photos: nothing here uploads any, and no folder is made in the clone.
            .env("LOKET_PHOTO_STORE", "none")
            .stdout(Stdio::piped())
            .stderr(log.reopen().expect("the log file"))
            .kill_on_drop(true)
            .spawn()
            .expect("start loket");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let base = tokio::time::timeout(Duration::from_secs(120), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(url) = line.strip_prefix("Loket listening on ") {
                    return url.strip_suffix("/graphql").map(str::to_owned);
                }
            }
            None
        })
        .await
        .ok()
        .flatten()
        .expect("the second process listens");
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self {
            _child: child,
            base,
            log,
        }
    }

    /// What it logged so far.
    fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }
}

/// `query` as `caller` to the server at `base`, through `client`'s pool of kept-alive
/// connections (an abandoned request takes its connection with it).
async fn post(client: &reqwest::Client, base: &str, caller: &Caller, query: &str) -> Outcome {
    let request = Request {
        transport: Transport::Post,
        caller: caller.clone(),
        query: query.to_owned(),
        variables: None,
        headers: Vec::new(),
        subscription: false,
    };
    send(client, base, &request).await
}

/// One round: 200 reads abandoned at random moments, then 40 that must succeed, and no
/// warning in `log` that a transaction was begun inside another; the problems.
async fn abandon(
    base: &str,
    log: impl Fn() -> String,
    caller: &Caller,
    queries: &[String],
    rng: &mut ChaCha8Rng,
    typical: u64,
) -> Vec<String> {
    let client = reqwest::Client::new();
    let reads: Vec<(&String, u64)> = (0..200)
        .map(|i| (&queries[i % queries.len()], abandon_after(rng, typical)))
        .collect();
    for wave in reads.chunks(20) {
        join_all(wave.iter().map(|(query, after)| {
            let abandoned = post(&client, base, caller, query);
            async move {
                let _ = tokio::time::timeout(Duration::from_micros(*after), abandoned).await;
            }
        }))
        .await;
    }
    let mut problems = Vec::new();
    for query in queries.iter().cycle().take(40) {
        match post(&client, base, caller, query).await {
            Outcome::Http {
                status: 200,
                body: Ok(body),
                ..
            } if body.get("errors").is_none() => {}
            other => problems.push(format!("a read after the abandoned ones: {other:?}")),
        }
    }
    let dirty: Vec<String> = log()
        .lines()
        .filter(|l| l.contains("there is already a transaction in progress"))
        .map(str::to_owned)
        .collect();
    if let Some(first) = dirty.first() {
        problems.push(format!(
            "{} log lines say \"there is already a transaction in progress\"; the first: {first}",
            dirty.len()
        ));
    }
    problems
}

/// 200 reads of personal data, each abandoned by the client at a random moment, then reads
/// that must all succeed, and no pooled connection may have been left inside a transaction
/// (PostgreSQL warns "there is already a transaction in progress" when the next request
/// begins one on it). Up to [`ROUNDS`] rounds.
async fn aborted_requests(engine: Engine) {
    let Some(server) = start(engine, &[]).await else {
        return;
    };
    let front = caller(&server, "enschede", "frontoffice", None).await;
    let back = caller(&server, "enschede", "backoffice", None).await;
    let queue = data(
        &server,
        &back,
        "{ cases(first: 20) { nodes { subjectBsn } } }",
    )
    .await;
    let queries: Vec<String> = queue["cases"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let bsn = c["subjectBsn"].as_str().unwrap();
            format!(
                "{{ person(bsn: \"{bsn}\") {{ bsn name {{ fullName }} birth {{ date }} address {{ postcode }} }} \
                   cases(filter: {{ subject: \"{bsn}\" }}) {{ totalCount }} }}"
            )
        })
        .collect();
    // Abandon each request somewhere within a typical request's time, at microsecond
    // resolution, so that every stage (BEGIN, reads, the processing-log write, COMMIT) is hit.
    // Waves of 20 keep the pool busy, so connections change hands while requests are dropped.
    let mut took = Vec::new();
    for query in queries.iter().cycle().take(10) {
        let started = Instant::now();
        data(&server, &front, query).await;
        took.push(started.elapsed());
    }
    took.sort();
    let typical = u64::try_from(took[took.len() / 2].as_micros()).unwrap_or(u64::MAX);
    // Replay a run with LOKET_FUZZ_SEED.
    let seed = loket_tests::fuzz::Settings::from_env().seed;
    eprintln!("aborted requests: seed {seed}, a read takes about {typical} µs");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // The first round on the server that has been running (dispatcher and live feed busy on
    // the same pool), the others each on a new process with an empty pool.
    let mut problems = Vec::new();
    for round in 1..=ROUNDS {
        let found = if round == 1 {
            abandon(
                server.base(),
                || server.loket().log(),
                &front,
                &queries,
                &mut rng,
                typical,
            )
            .await
        } else {
            let process = Process::start(server.db_url()).await;
            abandon(
                &process.base,
                || process.log(),
                &front,
                &queries,
                &mut rng,
                typical,
            )
            .await
        };
        if !found.is_empty() {
            problems.push(format!(
                "round {round} of 200 abandoned reads (seed {seed}):"
            ));
            problems.extend(found);
            break;
        }
    }
    assert_none(&format!("aborted requests on {engine:?}"), &problems);
}

#[tokio::test]
async fn aborted_requests_leave_connections_clean_on_postgres() {
    aborted_requests(Engine::Postgres).await;
}
