//! A small closed-loop load generator for the benchmarks: N workers, each sending the next
//! request as soon as the previous one is answered, for a fixed time; latencies recorded per
//! request. Used for the gateway and, with a closure, for raw-SQL baselines in the same run.

use std::{
    future::Future,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

/// The figures of one scenario.
#[derive(Debug, Clone, Copy)]
pub struct Figures {
    /// Requests completed.
    pub requests: usize,
    /// Requests that failed.
    pub errors: usize,
    /// Requests per second.
    pub rps: f64,
    /// Median latency, ms.
    pub p50_ms: f64,
    /// 99th percentile latency, ms.
    pub p99_ms: f64,
}

/// Runs `call(i)` from `concurrency` workers for `seconds`; `i` counts requests, so callers can
/// cycle through sample inputs. `call` returns whether the request succeeded.
pub async fn run<F, Fut>(seconds: u64, concurrency: usize, call: F) -> Figures
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = bool> + Send,
{
    let call = Arc::new(call);
    let counter = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (call, counter) = (Arc::clone(&call), Arc::clone(&counter));
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0;
            while Instant::now() < deadline {
                let i = counter.fetch_add(1, Ordering::Relaxed);
                let t = Instant::now();
                if !call(i).await {
                    errors += 1;
                }
                latencies.push(t.elapsed());
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        if let Ok((l, e)) = worker.await {
            latencies.extend(l);
            errors += e;
        }
    }
    Figures {
        errors,
        ..Figures::of(started.elapsed().as_secs_f64(), latencies)
    }
}

impl Figures {
    /// The figures of `latencies` measured over `seconds`, without errors.
    pub fn of(seconds: f64, mut latencies: Vec<Duration>) -> Self {
        latencies.sort();
        let pct = |p: f64| {
            let i = ((latencies.len().saturating_sub(1)) as f64 * p).round() as usize;
            latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        Self {
            requests: latencies.len(),
            errors: 0,
            rps: latencies.len() as f64 / seconds,
            p50_ms: pct(0.50),
            p99_ms: pct(0.99),
        }
    }
}

/// One Markdown table row.
pub fn row(name: &str, f: &Figures, baseline_rps: f64) -> String {
    format!(
        "| {name} | {:.0} | {:.2} | {:.2} | {} | {:.2} |",
        f.rps,
        f.p50_ms,
        f.p99_ms,
        f.errors,
        f.rps / baseline_rps
    )
}

/// The table header matching [`row`].
pub const HEADER: &str = "| scenario | requests/s | p50 ms | p99 ms | errors | ratio to baseline |\n|---|---:|---:|---:|---:|---:|";

/// Runs `call(i)` like [`run`], where a call fails with an error; the first error is kept so
/// a benchmark can show why requests failed.
pub async fn measure<F, Fut, E>(
    seconds: u64,
    concurrency: usize,
    call: F,
) -> (Figures, Option<String>)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: ToString,
{
    let failure = Arc::new(Mutex::new(None));
    let first = Arc::clone(&failure);
    let figures = run(seconds, concurrency, move |i| {
        let (call, failure) = (call(i), Arc::clone(&failure));
        async move {
            let result = call.await;
            if let (Err(e), Ok(mut slot)) = (&result, failure.lock()) {
                slot.get_or_insert_with(|| e.to_string());
            }
            result.is_ok()
        }
    })
    .await;
    let failure = first.lock().ok().and_then(|mut slot| slot.take());
    (figures, failure)
}

/// Who a GraphQL request is sent as: the tenant (`Loket-Tenant`) and a bearer token, if any.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The tenant's slug.
    pub tenant: String,
    /// A bearer token, or anonymous.
    pub token: Option<String>,
}

/// [`run`] with one GraphQL `query` (no variables), request `i` sent as `callers[i % n]`;
/// a request counts as failed on a non-2xx status or an `errors` entry.
pub async fn graphql(
    client: &reqwest::Client,
    url: &str,
    query: &str,
    callers: Arc<Vec<Caller>>,
    seconds: u64,
    concurrency: usize,
) -> Figures {
    let (client, url) = (client.clone(), Arc::new(url.to_owned()));
    let body = Arc::new(serde_json::json!({ "query": query }).to_string());
    run(seconds, concurrency, move |i| {
        let caller = &callers[i % callers.len()];
        let mut request = client
            .post(url.as_str())
            .header("content-type", "application/json")
            .header("loket-tenant", caller.tenant.as_str())
            .body(body.as_str().to_owned());
        if let Some(token) = &caller.token {
            request = request.bearer_auth(token);
        }
        let sent = request.send();
        async move {
            match sent.await {
                Ok(r) if r.status().is_success() => {
                    !r.text().await.unwrap_or_default().contains("\"errors\"")
                }
                _ => false,
            }
        }
    })
    .await
}
