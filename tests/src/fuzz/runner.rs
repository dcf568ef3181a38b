//! The fuzzing run: start the server, make callers and read fixtures and markers, then for
//! each operation probe which roles reach it, send one case per hostile class and input
//! position plus random cases in small concurrent batches, judge every answer, and check the
//! server after each batch. A batch that kills the server is replayed one request at a time
//! on a fresh server to name the request that did it.

use futures_util::future::join_all;
use rand::{Rng, SeedableRng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::{
    Settings,
    callers::{self, Caller, ROLES},
    fixtures::{self, Fixtures},
    generate::{Gen, Plan, plans},
    markers::{Markers, TenantMap},
    oracle::{Finding, judge, normalise},
    plausible::Pick,
    report::Report,
    sdl::Sdl,
    server::{Engine, Server},
    targets::{self, OpKind, Target},
    transport::{MAX_GET_URL, Outcome, Request, Transport, send},
    value::abbreviate,
};

/// Settings the fuzzed server runs with: generous rate limits (where the server has them), so
/// that the run measures robustness rather than the limiter.
pub const SERVER_ENV: [(&str, &str); 3] = [
    ("LOKET_RATE_LIMIT_PER_TOKEN", "100000"),
    ("LOKET_RATE_LIMIT_PER_TENANT", "100000"),
    ("LOKET_RATE_LIMIT_BURST", "100000"),
];

/// One generated request and what it is meant to exercise.
#[derive(Debug, Clone)]
struct Case {
    target: String,
    label: String,
    request: Request,
}

/// A fuzzing run against one server.
pub struct Fuzzer {
    settings: Settings,
    sdl: Sdl,
    rng: ChaCha8Rng,
    server: Server,
    client: reqwest::Client,
    callers: Vec<Caller>,
    tenants: TenantMap,
    fixtures: Fixtures,
    markers: Markers,
    report: Report,
}

impl Fuzzer {
    /// Starts a server on `engine` and prepares callers, fixtures and markers; `None` when
    /// the engine cannot be had.
    pub async fn start(engine: Engine, settings: Settings) -> Option<Self> {
        let server = Server::start(engine, &SERVER_ENV).await?;
        let callers = callers::everyone(server.db_url()).await;
        let mut fuzzer = Self {
            rng: ChaCha8Rng::seed_from_u64(settings.seed),
            settings,
            sdl: Sdl::committed(),
            client: reqwest::Client::new(),
            callers,
            tenants: TenantMap::load(),
            fixtures: Fixtures::default(),
            markers: Markers::default(),
            report: Report::default(),
            server,
        };
        fuzzer.refresh().await;
        Some(fuzzer)
    }

    async fn refresh(&mut self) {
        self.markers = Markers::collect(self.server.db_url(), &self.tenants).await;
        self.fixtures =
            fixtures::collect(self.server.base(), &self.callers, &mut self.markers).await;
    }

    /// Runs every operation; the report of what was found.
    pub async fn run(mut self) -> Report {
        let all = targets::all(&self.sdl);
        let chosen: Vec<Target> = all
            .into_iter()
            .filter(|t| {
                self.settings.only.is_empty()
                    || self
                        .settings
                        .only
                        .iter()
                        .any(|o| t.name().contains(o.as_str()))
            })
            .collect();
        eprintln!(
            "fuzz: {} operations, {} markers, seed {}",
            chosen.len(),
            self.markers.len(),
            self.settings.seed
        );
        for target in &chosen {
            let (reach, probed) = self.probe(target).await;
            let other = self
                .fixtures
                .tenants
                .choose(&mut self.rng)
                .cloned()
                .unwrap_or_default();
            let plans = plans(
                &self.sdl,
                &target.field().args,
                &other,
                self.settings.all_values,
                &mut self.rng,
            );
            let mut cases: Vec<Case> = plans
                .iter()
                .map(|p| self.case(target, Some(p), &reach))
                .collect();
            cases.extend((0..self.settings.cases).map(|_| self.case(target, None, &reach)));
            let sent = cases.len();
            for batch in cases.chunks(self.settings.concurrency) {
                self.batch(batch.to_vec()).await;
            }
            eprintln!(
                "fuzz: {} — {sent} requests; probes: {probed}",
                target.name()
            );
        }
        if let Err(why) = self.server.health().await {
            self.report.add(
                Finding {
                    class: "server unhealthy",
                    target: String::new(),
                    what: "at the end of the run".into(),
                    detail: why,
                },
                "(after the run)",
            );
        }
        self.report
    }

    /// Which roles reach the target with plausible arguments (not refused as
    /// `UNAUTHENTICATED` or `FORBIDDEN` at or above the target field); hostile cases mostly
    /// use those. Also a line saying how each role fared, for the progress output.
    async fn probe(&mut self, target: &Target) -> (Vec<Option<String>>, String) {
        let mut reach = Vec::new();
        let mut summary = Vec::new();
        let roles: Vec<Option<String>> = ROLES
            .iter()
            .map(|r| Some((*r).to_owned()))
            .chain([None])
            .collect();
        let mut cases = Vec::new();
        for role in &roles {
            let mut case = self.case(target, None, std::slice::from_ref(role));
            case.label = format!("probe as {}", case.request.caller.label());
            cases.push(case);
        }
        let outcomes = self.batch(cases).await;
        for (role, outcome) in roles.into_iter().zip(outcomes) {
            let refusal = refusal_of(&outcome, target.path.len());
            summary.push(format!(
                "{}: {}",
                role.as_deref().unwrap_or("anonymous"),
                refusal.as_deref().unwrap_or("reached")
            ));
            if refusal.is_none() {
                reach.push(role);
            }
        }
        (reach, summary.join(", "))
    }

    /// A request for `target`: following `plan`, or random; by a caller with one of `reach`
    /// roles most of the time.
    fn case(&mut self, target: &Target, plan: Option<&Plan>, reach: &[Option<String>]) -> Case {
        let rng = &mut self.rng;
        let caller = if !reach.is_empty() && rng.random_bool(0.8) {
            let role = reach.choose(rng).cloned().flatten();
            let of_role: Vec<&Caller> = self.callers.iter().filter(|c| c.role == role).collect();
            of_role.choose(rng).map(|c| (*c).clone())
        } else {
            None
        }
        .or_else(|| self.callers.choose(rng).cloned())
        .unwrap_or_else(|| Caller::anonymous("enschede"));
        let own = self.fixtures.of(&caller.tenant).clone();
        let others: Vec<_> = self
            .fixtures
            .tenants
            .iter()
            .filter(|t| t.slug != caller.tenant)
            .collect();
        let other = others.choose(rng).map(|t| (*t).clone()).unwrap_or_default();
        let fx = if rng.random_bool(0.8) {
            own
        } else {
            other.clone()
        };
        let pick = Pick::new(&fx, rng);
        let mut generator = Gen {
            sdl: &self.sdl,
            pick,
            other: &other,
            rng,
            hostility: 0.0,
            used: Vec::new(),
        };
        let parents: Vec<Vec<_>> = target
            .path
            .iter()
            .map(|step| {
                let required: Vec<_> = step
                    .field
                    .args
                    .iter()
                    .filter(|a| a.required())
                    .cloned()
                    .collect();
                generator.args(&step.field.name, &required, None)
            })
            .collect();
        generator.hostility = if plan.is_some() || reach.len() == 1 {
            0.0
        } else {
            0.25
        };
        let field = target.field();
        let args = generator.args(&field.name, &field.args, plan);
        let used = std::mem::take(&mut generator.used);
        let as_variables = self.rng.random_bool(0.5);
        let (query, variables) = target.document(&self.sdl, &args, as_variables, &parents);
        let get_length = query.len() + variables.as_ref().map_or(0, |v| v.to_string().len() * 3);
        let transport = match target.op {
            OpKind::Subscription => Transport::Ws,
            OpKind::Mutation if self.rng.random_bool(0.25) => Transport::Ws,
            OpKind::Mutation => Transport::Post,
            OpKind::Query => match self.rng.random_range(0..20) {
                0..5 => Transport::Ws,
                5..9 if get_length < MAX_GET_URL => Transport::Get,
                _ => Transport::Post,
            },
        };
        let mut headers = Vec::new();
        if transport != Transport::Ws && self.rng.random_bool(0.1) {
            headers.push((
                "x-request-id".to_owned(),
                format!("fuzz-{}", "r".repeat(195)),
            ));
            headers.push((
                "traceparent".to_owned(),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".to_owned(),
            ));
        }
        let mut label = match plan {
            Some(p) => format!("{} at {}", p.class, p.position.join(".")),
            None if used.is_empty() => "random, plausible".to_owned(),
            None => format!("random: {}", used.join("; ")),
        };
        if !headers.is_empty() {
            label.push_str(" (with a 200-character x-request-id and a traceparent)");
        }
        Case {
            target: target.name(),
            label,
            request: Request {
                transport,
                caller,
                query,
                variables,
                headers,
                subscription: target.op == OpKind::Subscription,
            },
        }
    }

    /// Sends a batch at once, judges the answers and checks the server; the outcomes.
    async fn batch(&mut self, cases: Vec<Case>) -> Vec<Outcome> {
        let (client, base) = (&self.client, self.server.base().to_owned());
        let outcomes = join_all(cases.iter().map(|c| send(client, &base, &c.request))).await;
        for (case, outcome) in cases.iter().zip(&outcomes) {
            self.record(case, outcome);
        }
        if let Err(why) = self.server.health().await {
            self.isolate(&cases, &why).await;
        }
        outcomes
    }

    fn record(&mut self, case: &Case, outcome: &Outcome) {
        self.report.requests += 1;
        let codes = errors_of(outcome);
        self.report
            .tally(codes.first().map_or("ok", String::as_str));
        for mut finding in judge(&case.target, &case.request, outcome, &self.markers) {
            if let (
                Outcome::Http {
                    request_id: Some(id),
                    ..
                },
                "INTERNAL error",
            ) = (outcome, finding.class)
            {
                // The server logs the cause it does not tell the client; name it.
                if let Some(cause) = self.server.logged_for(id).first() {
                    finding.what = format!("{} — logged: {}", finding.what, normalise(cause));
                    finding.detail = format!(
                        "{}\n  server log: {}",
                        finding.detail,
                        abbreviate(cause, 400)
                    );
                }
            }
            self.report.add(finding, &replay(case, self.settings.seed));
        }
        let sent = format!(
            "{} {}",
            case.request.query,
            case.request
                .variables
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        );
        self.markers.taint(&case.request.caller.tenant, &sent);
    }

    /// The server died during `cases`: start it again and replay them one at a time to find
    /// the one that kills it.
    async fn isolate(&mut self, cases: &[Case], why: &str) {
        let mut named = false;
        self.server.restart().await;
        self.refresh().await;
        for case in cases {
            let outcome = send(&self.client, self.server.base(), &case.request).await;
            if let Err(died) = self.server.health().await {
                named = true;
                let finding = Finding {
                    class: "server died",
                    target: case.target.clone(),
                    what: case.label.clone(),
                    detail: format!("{died}\n  the request itself got: {outcome:?}"),
                };
                self.report.add(finding, &replay(case, self.settings.seed));
                self.server.restart().await;
                self.refresh().await;
            }
        }
        if !named {
            let all: Vec<String> = cases
                .iter()
                .map(|c| replay(c, self.settings.seed))
                .collect();
            let finding = Finding {
                class: "server died",
                target: cases.first().map(|c| c.target.clone()).unwrap_or_default(),
                what: "a batch killed it; no request did alone".into(),
                detail: why.to_owned(),
            };
            self.report.add(finding, &all.join("\n  "));
        }
    }

    /// How often the server had to be started again.
    pub fn restarts(&self) -> usize {
        self.server.restarts
    }
}

fn replay(case: &Case, seed: u64) -> String {
    format!(
        "{}\n  case: {} (LOKET_FUZZ_SEED={seed})",
        case.request.replay(),
        case.label
    )
}

/// Why an answer refused the caller at or above the target (`depth` fields deep): the code
/// and message, or `None` when the target was reached.
fn refusal_of(outcome: &Outcome, depth: usize) -> Option<String> {
    let errors: Vec<serde_json::Value> = match outcome {
        Outcome::Http { body: Ok(body), .. } => {
            body["errors"].as_array().cloned().unwrap_or_default()
        }
        Outcome::Ws { messages, .. } => messages
            .iter()
            .flat_map(|m| {
                let list = if m["type"] == "error" {
                    &m["payload"]
                } else {
                    &m["payload"]["errors"]
                };
                list.as_array().cloned().unwrap_or_default()
            })
            .collect(),
        _ => return Some("no answer".into()),
    };
    errors.iter().find_map(|e| {
        let code = e["extensions"]["code"].as_str().unwrap_or("-");
        let shallow = e["path"].as_array().is_none_or(|p| p.len() <= depth);
        (shallow && (code == "UNAUTHENTICATED" || code == "FORBIDDEN")).then(|| code.to_owned())
    })
}

/// The error codes of an answer, in order (`-` for an error without one).
fn errors_of(outcome: &Outcome) -> Vec<String> {
    let errors: Vec<serde_json::Value> = match outcome {
        Outcome::Http { body: Ok(body), .. } => {
            body["errors"].as_array().cloned().unwrap_or_default()
        }
        Outcome::Ws { messages, .. } => messages
            .iter()
            .flat_map(|m| {
                let list = if m["type"] == "error" {
                    &m["payload"]
                } else {
                    &m["payload"]["errors"]
                };
                list.as_array().cloned().unwrap_or_default()
            })
            .collect(),
        Outcome::Dropped(_) => return vec!["(dropped)".into()],
        Outcome::TimedOut => return vec!["(timed out)".into()],
        Outcome::Http { .. } => return vec!["(not JSON)".into()],
    };
    errors
        .iter()
        .map(|e| e["extensions"]["code"].as_str().unwrap_or("-").to_owned())
        .collect()
}
