//! The fuzzing run: start the server, make callers and read fixtures and markers, then for
//! each operation probe which roles reach it, send one case per hostile class and input
//! position plus random cases in small concurrent batches, judge every answer, and check the
//! server after each batch. A batch that kills the server is replayed one request at a time
//! on a fresh server to name the request that did it.

use futures_util::future::join_all;
use rand::{SeedableRng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::{
    Settings,
    callers::{self, Caller, ROLES},
    cases::{self, Case},
    fixtures::{self, Fixtures},
    generate::{Optional, Plan, plans},
    markers::{Markers, TenantMap},
    oracle::{Finding, errors_of, judge, normalise, refusal_of},
    report::Report,
    sdl::Sdl,
    server::{Engine, Server},
    targets::{self, Target},
    transport::{Outcome, send},
    value::abbreviate,
};

/// Settings the fuzzed server runs with: no rate limits (0 switches each off), so that the
/// run measures robustness rather than the limiter.
pub const SERVER_ENV: [(&str, &str); 3] = [
    ("LOKET_RATE_LIMIT_PER_TOKEN", "0"),
    ("LOKET_RATE_LIMIT_PER_TENANT", "0"),
    ("LOKET_RATE_LIMIT_PER_ADDRESS", "0"),
];

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
            // Each hostile value once in the fullest request and once in the barest.
            let mut cases: Vec<Case> = plans
                .iter()
                .flat_map(|p| [(p, Optional::All), (p, Optional::Bare)])
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

    /// A request for `target` (see [`cases::build`]).
    fn case(
        &mut self,
        target: &Target,
        plan: Option<(&Plan, Optional)>,
        reach: &[Option<String>],
    ) -> Case {
        let people = cases::People {
            callers: &self.callers,
            fixtures: &self.fixtures,
        };
        cases::build(&self.sdl, &people, &mut self.rng, target, plan, reach)
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
                // The server logs the cause of a generic "internal error" (and only of that)
                // without telling the client; name it.
                let generic = finding.what.starts_with("internal error");
                if let Some(cause) = self.server.logged_for(id).first().filter(|_| generic) {
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
