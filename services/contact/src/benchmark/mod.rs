//! The comparison of municipalities (benchmark): the service norms of every municipality that
//! opted in under `[benchmark]`, computed from Loket's own records in the same way for each,
//! per month and per year.
//!
//! - [`Benchmark::compute`] is the one place that crosses tenants on purpose ([`gather`]): it
//!   reads one tenant's aggregates at a time, compares them ([`rank`]) and stores per figure
//!   each tenant's own value and standing (tenant-scoped), the spread every participant may
//!   see, and the values of tenants that chose to be named. Run by `loket benchmark` and
//!   daily by `serve` and `dispatch`.
//! - [`Benchmark::view`] gives a manager of a taking-part municipality its own values beside
//!   the spread; [`Benchmark::public`] gives anyone the named values.
//!
//! A figure is compared only when at least [`MIN_PARTICIPANTS`] tenants' values take part,
//! and a tenant's value only when it rests on its own `minimum_events`; otherwise it is
//! withheld, with the reason.

mod csv;
mod gather;
mod period;
mod rank;
mod tables;

use std::{collections::BTreeSet, sync::Arc};

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{
    Action, Ctx, TenantId,
    config::{BenchmarkShare, TenantConfig, TenantSet},
};
use loket_store::{Db, Session};

pub use self::csv::benchmark_csv;
pub use period::BenchmarkPeriod;
pub use rank::{MIN_PARTICIPANTS, Spread, Standing};

use crate::{ContactError, Share, service::require};

/// The object guarding the comparison.
pub(crate) const BENCHMARK: &str = "report/benchmark";

/// The common yardstick for answering the phone, whatever a tenant's own norm: VNG's advice
/// to answer within 25 seconds.
pub const YARDSTICK_SECONDS: u32 = 25;

/// A compared figure.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Figure {
    /// Calls answered within the tenant's own phone norm.
    PhoneAnswer,
    /// Calls answered within [`YARDSTICK_SECONDS`].
    PhoneAnswerYardstick,
    /// Contacts answered in the first contact.
    FirstContactResolution,
    /// E-mails and web forms answered within the tenant's norm.
    EmailAnswer,
    /// Callbacks made within the tenant's norm.
    Callback,
    /// Cases of a national case type closed by their deadline.
    CaseDeadlines(String),
}

impl Figure {
    /// As stored and exported: `phone-answer`, …, `case-deadlines/<case type>`.
    pub fn key(&self) -> String {
        match self {
            Self::PhoneAnswer => "phone-answer".to_owned(),
            Self::PhoneAnswerYardstick => "phone-answer-yardstick".to_owned(),
            Self::FirstContactResolution => "first-contact-resolution".to_owned(),
            Self::EmailAnswer => "email-answer".to_owned(),
            Self::Callback => "callback".to_owned(),
            Self::CaseDeadlines(code) => format!("case-deadlines/{code}"),
        }
    }

    /// The figure a stored key names.
    pub fn parse(key: &str) -> Option<Self> {
        Some(match key {
            "phone-answer" => Self::PhoneAnswer,
            "phone-answer-yardstick" => Self::PhoneAnswerYardstick,
            "first-contact-resolution" => Self::FirstContactResolution,
            "email-answer" => Self::EmailAnswer,
            "callback" => Self::Callback,
            other => Self::CaseDeadlines(other.strip_prefix("case-deadlines/")?.to_owned()),
        })
    }
}

/// The value of a tenant that chose to be named.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedValue {
    /// Its slug.
    pub tenant: String,
    /// Its name.
    pub name: String,
    /// Its percentage, one decimal.
    pub percentage: f64,
    /// Its rank among all compared values.
    pub rank: u32,
}

/// One figure as a participant sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureView {
    /// The figure.
    pub figure: Figure,
    /// The caller's own value and where it stands (none when the tenant joined after the
    /// figures were computed).
    pub own: Option<(Share, Standing)>,
    /// The spread of the compared values.
    pub spread: Spread,
    /// The named tenants' values, best first.
    pub named: Vec<NamedValue>,
}

/// The comparison of one period.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkView {
    /// The period.
    pub period: BenchmarkPeriod,
    /// When it was computed; none when it has not been yet.
    pub computed_at: Option<DateTime<Utc>>,
    /// Every figure, in a fixed order.
    pub figures: Vec<FigureView>,
}

/// What one computation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computed {
    /// The taking-part tenants.
    pub participants: usize,
    /// Figures compared (at least [`MIN_PARTICIPANTS`] values).
    pub compared: usize,
    /// Figures withheld for too few participants.
    pub withheld: usize,
}

/// The comparison of municipalities.
#[derive(Clone)]
pub struct Benchmark {
    tenants: Arc<TenantSet>,
    national: Arc<BTreeSet<String>>,
}

impl Benchmark {
    /// The comparison of the tenants in `tenants` that opted in, over the national case
    /// types `national` (a tenant's own case types are not comparable).
    pub fn new(tenants: Arc<TenantSet>, national: BTreeSet<String>) -> Self {
        Self {
            tenants,
            national: Arc::new(national),
        }
    }

    /// The taking-part tenants, by slug.
    fn participants(&self) -> impl Iterator<Item = &TenantConfig> {
        self.tenants
            .tenants
            .values()
            .filter(|t| t.benchmark.is_some())
    }

    /// Computes `period` as of `today` and replaces what was stored for it, in one
    /// transaction. On PostgreSQL `db` must connect as a user that may take the benchmark
    /// role (the tables' owner may).
    pub async fn compute(
        &self,
        db: &Db,
        period: &BenchmarkPeriod,
        today: NaiveDate,
    ) -> Result<Computed, ContactError> {
        let tx = tables::begin(db, period).await?;
        let mut tallies = Vec::new();
        for tenant in self.participants() {
            let figures = gather::tally(&tx, tenant, period.days(), today, &self.national).await?;
            tallies.push((tenant, figures));
        }
        let mut figures: BTreeSet<Figure> = BTreeSet::new();
        for (_, values) in &tallies {
            figures.extend(values.iter().map(|(f, _)| f.clone()));
        }
        let mut rows = tables::Rows::new(period);
        let mut done = Computed {
            participants: tallies.len(),
            compared: 0,
            withheld: 0,
        };
        for figure in figures {
            let entries: Vec<(&TenantConfig, Share, u32)> = tallies
                .iter()
                .filter_map(|(tenant, values)| {
                    let share = values.iter().find(|(f, _)| *f == figure)?.1;
                    let minimum = tenant.benchmark.as_ref().map_or(1, |b| b.minimum_events);
                    Some((*tenant, share, minimum))
                })
                .collect();
            let pairs: Vec<(Share, u32)> = entries.iter().map(|(_, s, m)| (*s, *m)).collect();
            let (standings, spread) = rank::compare(&pairs);
            if spread.quartiles.is_some() {
                done.compared = done.compared.saturating_add(1);
            } else {
                done.withheld = done.withheld.saturating_add(1);
            }
            for ((tenant, share, _), standing) in entries.iter().zip(standings) {
                rows.value(&tenant.slug, &figure, *share, standing);
                let named = tenant
                    .benchmark
                    .as_ref()
                    .is_some_and(|b| b.share == BenchmarkShare::Named);
                if let (true, Some(rank), Some(percentage)) =
                    (named, standing.rank(), share.percentage())
                {
                    rows.named(
                        &figure,
                        NamedValue {
                            tenant: tenant.slug.to_string(),
                            name: tenant.name.clone(),
                            percentage,
                            rank,
                        },
                    );
                }
            }
            rows.spread(&figure, spread);
        }
        tables::replace(&tx, rows).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Computes every period of the daily run.
    pub async fn compute_daily(
        &self,
        db: &Db,
        today: NaiveDate,
    ) -> Result<Vec<(BenchmarkPeriod, Computed)>, ContactError> {
        let mut done = Vec::new();
        for period in BenchmarkPeriod::daily(today) {
            let computed = self.compute(db, &period, today).await?;
            done.push((period, computed));
        }
        Ok(done)
    }

    /// The comparison as the caller's municipality sees it (managers of taking-part
    /// municipalities: only those that share their figures see the others').
    pub async fn view(
        &self,
        ctx: &Ctx,
        session: &Session,
        period: BenchmarkPeriod,
    ) -> Result<BenchmarkView, ContactError> {
        require(ctx, BENCHMARK, Action::Read)?;
        let tenant = ctx.tenant();
        if !self.takes_part(tenant) {
            return Err(ContactError::forbidden(format!(
                "{BENCHMARK}: this municipality does not take part in the comparison ([benchmark] in tenant.toml)"
            )));
        }
        tables::view(session, tenant, period).await
    }

    /// The named values of `period`, for everyone.
    pub async fn public(
        &self,
        db: &Db,
        period: BenchmarkPeriod,
    ) -> Result<BenchmarkView, ContactError> {
        tables::public(db, period).await
    }

    fn takes_part(&self, tenant: &TenantId) -> bool {
        self.tenants
            .tenants
            .get(tenant)
            .is_some_and(|t| t.benchmark.is_some())
    }
}
