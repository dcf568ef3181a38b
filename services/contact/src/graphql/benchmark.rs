//! The comparison of municipalities in GraphQL: `benchmark(period:)`, for managers of a
//! municipality that takes part.

use async_graphql::{Context, Enum, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use loket_kernel::graphql::to_gql;
use loket_store::graphql::request;

use super::report::GqlShare;
use crate::benchmark::{
    Benchmark, BenchmarkPeriod, BenchmarkView, Figure, FigureView, NamedValue, Standing,
};

/// Query root for the comparison.
#[derive(Default)]
pub struct BenchmarkQuery;

#[Object]
impl BenchmarkQuery {
    /// How the municipality's service norms compare with those of the other municipalities
    /// that share their figures, for a month (`2026-11`) or a year (`2026`). Managers of a
    /// municipality that takes part (`[benchmark]` in its configuration) only.
    async fn benchmark(&self, ctx: &Context<'_>, period: String) -> Result<GqlBenchmark> {
        let (rctx, session) = request(ctx)?;
        let period = BenchmarkPeriod::parse("period", &period).map_err(|e| to_gql(&e))?;
        ctx.data::<Benchmark>()?
            .view(rctx, session, period)
            .await
            .map(GqlBenchmark)
            .map_err(|e| to_gql(&e))
    }
}

/// The comparison of one period.
pub struct GqlBenchmark(BenchmarkView);

#[Object(name = "Benchmark")]
impl GqlBenchmark {
    /// The period: `2026` or `2026-11`.
    async fn period(&self) -> &str {
        self.0.period.key()
    }
    /// When the figures were computed (daily); null when they have not been yet.
    async fn computed_at(&self) -> Option<DateTime<Utc>> {
        self.0.computed_at
    }
    /// The least number of participants a figure is compared with.
    async fn minimum_participants(&self) -> i32 {
        i32::try_from(crate::benchmark::MIN_PARTICIPANTS).unwrap_or(i32::MAX)
    }
    /// Every figure.
    async fn figures(&self) -> Vec<BenchmarkFigure<'_>> {
        self.0.figures.iter().map(BenchmarkFigure).collect()
    }
}

/// What is compared.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum BenchmarkFigureKind {
    /// Calls answered within the municipality's own phone norm.
    PhoneAnswer,
    /// Calls answered within the common yardstick of 25 seconds.
    PhoneAnswerYardstick,
    /// Contacts answered in the first contact.
    FirstContactResolution,
    /// E-mails and web forms answered within the municipality's norm.
    EmailAnswer,
    /// Callbacks made within the municipality's norm.
    Callback,
    /// Cases of one national case type closed by their deadline.
    CaseDeadlines,
}

/// Where a municipality's value stands.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum BenchmarkStanding {
    /// Compared with the others, and ranked.
    Compared,
    /// Withheld: it rests on fewer events than the municipality's minimum.
    TooFewEvents,
    /// Withheld: too few municipalities took part in the figure.
    TooFewParticipants,
}

impl From<Standing> for BenchmarkStanding {
    fn from(s: Standing) -> Self {
        match s {
            Standing::Compared(_) => Self::Compared,
            Standing::TooFewEvents => Self::TooFewEvents,
            Standing::TooFewParticipants => Self::TooFewParticipants,
        }
    }
}

/// One compared figure.
pub struct BenchmarkFigure<'a>(&'a FigureView);

#[Object]
impl BenchmarkFigure<'_> {
    /// Which figure.
    async fn kind(&self) -> BenchmarkFigureKind {
        match self.0.figure {
            Figure::PhoneAnswer => BenchmarkFigureKind::PhoneAnswer,
            Figure::PhoneAnswerYardstick => BenchmarkFigureKind::PhoneAnswerYardstick,
            Figure::FirstContactResolution => BenchmarkFigureKind::FirstContactResolution,
            Figure::EmailAnswer => BenchmarkFigureKind::EmailAnswer,
            Figure::Callback => BenchmarkFigureKind::Callback,
            Figure::CaseDeadlines(_) => BenchmarkFigureKind::CaseDeadlines,
        }
    }
    /// The stable key, as in the CSV: `phone-answer`, `case-deadlines/<case type>`, ….
    async fn key(&self) -> String {
        self.0.figure.key()
    }
    /// The national case type, for case deadlines.
    async fn case_type(&self) -> Option<&str> {
        match &self.0.figure {
            Figure::CaseDeadlines(code) => Some(code),
            _ => None,
        }
    }
    /// The municipality's own value (null when it joined after the figures were computed).
    async fn own(&self) -> Option<GqlShare> {
        self.0.own.map(|(share, _)| share.into())
    }
    /// Whether the own value was compared, or why not.
    async fn standing(&self) -> Option<BenchmarkStanding> {
        self.0.own.map(|(_, standing)| standing.into())
    }
    /// The own value's rank (1 is best; equal values share a rank), when compared.
    async fn rank(&self) -> Option<i32> {
        let (_, standing) = self.0.own?;
        standing.rank().and_then(|r| i32::try_from(r).ok())
    }
    /// How many municipalities' values were compared.
    async fn participants(&self) -> i32 {
        i32::try_from(self.0.spread.participants).unwrap_or(i32::MAX)
    }
    /// Whether the figure was compared; if not, no spread, rank or names are given.
    async fn compared(&self) -> bool {
        self.0.spread.quartiles.is_some()
    }
    /// The participants' percentages: lower quartile, median and upper quartile.
    async fn spread(&self) -> Option<BenchmarkSpread> {
        self.0
            .spread
            .quartiles
            .map(|[lower_quartile, median, upper_quartile]| BenchmarkSpread {
                lower_quartile,
                median,
                upper_quartile,
            })
    }
    /// The values of the municipalities that chose to be named, best first.
    async fn named(&self) -> Vec<BenchmarkNamedValue> {
        self.0.named.iter().map(BenchmarkNamedValue::from).collect()
    }
}

/// The spread of the compared percentages.
#[derive(SimpleObject)]
pub struct BenchmarkSpread {
    /// A quarter of the values lie below this.
    lower_quartile: f64,
    /// Half the values lie below this.
    median: f64,
    /// Three quarters of the values lie below this.
    upper_quartile: f64,
}

/// A named municipality's value.
#[derive(SimpleObject)]
pub struct BenchmarkNamedValue {
    /// Its slug.
    municipality: String,
    /// Its name.
    name: String,
    /// Its percentage.
    percentage: f64,
    /// Its rank.
    rank: i32,
}

impl From<&NamedValue> for BenchmarkNamedValue {
    fn from(v: &NamedValue) -> Self {
        Self {
            municipality: v.tenant.clone(),
            name: v.name.clone(),
            percentage: v.percentage,
            rank: i32::try_from(v.rank).unwrap_or(i32::MAX),
        }
    }
}
