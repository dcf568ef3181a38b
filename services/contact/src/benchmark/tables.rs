//! The stored comparison: written by the computation (as the benchmark role on PostgreSQL),
//! read by participants (their own values under row-level security, the spread and the named
//! values from the shared tables) and by everyone (the named values).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use loket_kernel::TenantId;
use loket_migration::{APP_ROLE, BENCHMARK_ROLE};
use loket_store::{Backend, Db, Session};
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, DbBackend, QueryResult, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait, Value,
    sea_query::{Alias, Query},
};

use super::{BenchmarkPeriod, BenchmarkView, Figure, FigureView, NamedValue, Spread, Standing};
use crate::{ContactError, Share};

/// How long the computation may run one statement, in milliseconds (a year of a large
/// municipality's contacts is read in one).
const STATEMENT_TIMEOUT_MS: u32 = 600_000;

/// Rows per insert statement (well under both engines' limits on parameters).
const CHUNK: usize = 500;

/// Begins the computing transaction of `period` and claims it: on PostgreSQL as the benchmark
/// role, on SQLite holding the write lock from the start (it reads, then replaces).
pub(super) async fn begin(
    db: &Db,
    period: &BenchmarkPeriod,
) -> Result<DatabaseTransaction, ContactError> {
    let tx = match db.backend() {
        Backend::Postgres => {
            let tx = db.raw().begin().await?;
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('role', $1, true), set_config('statement_timeout', $2, true)",
                [
                    BENCHMARK_ROLE.into(),
                    STATEMENT_TIMEOUT_MS.to_string().into(),
                ],
            ))
            .await?;
            tx
        }
        Backend::Sqlite => {
            db.raw()
                .begin_with_options(TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..TransactionOptions::default()
                })
                .await?
        }
    };
    claim(&tx, period).await?;
    Ok(tx)
}

/// Claims the computation of `period` for this transaction (PostgreSQL: an advisory lock
/// held until it ends); refused with a conflict while another process computes it. SQLite's
/// write lock already lets one computation run at a time.
async fn claim(tx: &DatabaseTransaction, period: &BenchmarkPeriod) -> Result<(), ContactError> {
    if tx.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    let row = tx
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_try_advisory_xact_lock(hashtext('loket_benchmark:' || $1)) AS claimed",
            [period.key().into()],
        ))
        .await?;
    let claimed = match row {
        Some(row) => row.try_get::<bool>("", "claimed")?,
        None => false,
    };
    if claimed {
        Ok(())
    } else {
        Err(ContactError::Conflict(format!(
            "another process is computing the comparison of {}",
            period.key()
        )))
    }
}

/// The columns of each benchmark table, in the order [`Rows`] fills them.
const VALUE_COLUMNS: [&str; 8] = [
    "period",
    "tenant_id",
    "figure",
    "count",
    "total",
    "status",
    "rank",
    "computed_at",
];
const GROUP_COLUMNS: [&str; 8] = [
    "period",
    "figure",
    "participants",
    "lower_quartile",
    "median",
    "upper_quartile",
    "withheld",
    "computed_at",
];
const NAMED_COLUMNS: [&str; 6] = [
    "period",
    "figure",
    "municipality",
    "name",
    "percentage",
    "rank",
];

/// What one computation of a period stores, row by row.
pub(super) struct Rows {
    period: Value,
    now: Value,
    values: Vec<Vec<Value>>,
    spreads: Vec<Vec<Value>>,
    named: Vec<Vec<Value>>,
}

impl Rows {
    /// No rows yet for `period`, computed now.
    pub(super) fn new(period: &BenchmarkPeriod) -> Self {
        Self {
            period: period.key().into(),
            now: Utc::now().into(),
            values: Vec::new(),
            spreads: Vec::new(),
            named: Vec::new(),
        }
    }

    pub(super) fn value(
        &mut self,
        tenant: &TenantId,
        figure: &Figure,
        share: Share,
        standing: Standing,
    ) {
        self.values.push(vec![
            self.period.clone(),
            tenant.as_str().into(),
            figure.key().into(),
            share.count.into(),
            share.total.into(),
            standing.as_str().into(),
            standing.rank().map(i64::from).into(),
            self.now.clone(),
        ]);
    }

    pub(super) fn spread(&mut self, figure: &Figure, spread: Spread) {
        let [low, median, high] = match spread.quartiles {
            Some(q) => q.map(Some),
            None => [None; 3],
        };
        let withheld = spread
            .quartiles
            .is_none()
            .then(|| Standing::TooFewParticipants.as_str().to_owned());
        self.spreads.push(vec![
            self.period.clone(),
            figure.key().into(),
            i64::from(spread.participants).into(),
            low.into(),
            median.into(),
            high.into(),
            withheld.into(),
            self.now.clone(),
        ]);
    }

    pub(super) fn named(&mut self, figure: &Figure, value: NamedValue) {
        self.named.push(vec![
            self.period.clone(),
            figure.key().into(),
            value.tenant.into(),
            value.name.into(),
            value.percentage.into(),
            i64::from(value.rank).into(),
        ]);
    }
}

/// Replaces what was stored for the period of `rows` with them.
pub(super) async fn replace(tx: &DatabaseTransaction, rows: Rows) -> Result<(), ContactError> {
    let backend = tx.get_database_backend();
    for table in ["benchmark_values", "benchmark_groups", "benchmark_named"] {
        tx.execute_raw(Statement::from_sql_and_values(
            backend,
            format!("DELETE FROM {table} WHERE period = $1"),
            [rows.period.clone()],
        ))
        .await?;
    }
    insert(tx, "benchmark_values", &VALUE_COLUMNS, rows.values).await?;
    insert(tx, "benchmark_groups", &GROUP_COLUMNS, rows.spreads).await?;
    insert(tx, "benchmark_named", &NAMED_COLUMNS, rows.named).await
}

/// Inserts `rows` into `table`, [`CHUNK`] rows a statement.
async fn insert(
    tx: &DatabaseTransaction,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), ContactError> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut insert = Query::insert();
        insert
            .into_table(Alias::new(table))
            .columns(columns.iter().map(|c| Alias::new(*c)));
        for row in rows.by_ref().take(CHUNK) {
            insert
                .values(row.into_iter().map(Into::into))
                .map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
        }
        tx.execute_raw(tx.get_database_backend().build(&insert))
            .await?;
    }
    Ok(())
}

fn standing(status: &str, rank: Option<i64>) -> Standing {
    match (status, rank.and_then(|r| u32::try_from(r).ok())) {
        ("compared", Some(rank)) => Standing::Compared(rank),
        ("too-few-events", _) => Standing::TooFewEvents,
        _ => Standing::TooFewParticipants,
    }
}

/// The comparison of `period` as `tenant` sees it, in the request's session.
pub(super) async fn view(
    session: &Session,
    tenant: &TenantId,
    period: BenchmarkPeriod,
) -> Result<BenchmarkView, ContactError> {
    let tx = session.tx(tenant).await?;
    let own = tx
        .conn()
        .query_all_raw(tx.statement(
            "SELECT figure, count, total, status, rank FROM benchmark_values \
             WHERE tenant_id = $1 AND period = $2",
            vec![tenant.as_str().into(), period.key().into()],
        ))
        .await?;
    let spreads = tx
        .conn()
        .query_all_raw(tx.statement(SPREADS, vec![period.key().into()]))
        .await?;
    let named = tx
        .conn()
        .query_all_raw(tx.statement(NAMED, vec![period.key().into()]))
        .await?;
    drop(tx);
    let mut mine = BTreeMap::new();
    for row in &own {
        let key: String = row.try_get("", "figure")?;
        let share = Share {
            count: row.try_get("", "count")?,
            total: row.try_get("", "total")?,
        };
        let status: String = row.try_get("", "status")?;
        let rank: Option<i64> = row.try_get("", "rank")?;
        mine.insert(key, (share, standing(&status, rank)));
    }
    assemble(period, &spreads, &named, |key| mine.get(key).copied())
}

/// The spread and the named values of `period`, for everyone (as the application role on
/// PostgreSQL: the shared tables are granted to it).
pub(super) async fn public(
    db: &Db,
    period: BenchmarkPeriod,
) -> Result<BenchmarkView, ContactError> {
    let tx = db.raw().begin().await?;
    let backend = tx.get_database_backend();
    if backend == DbBackend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT set_config('role', $1, true)",
            [APP_ROLE.into()],
        ))
        .await?;
    }
    let statement = |sql: &str| Statement::from_sql_and_values(backend, sql, [period.key().into()]);
    let spreads = tx.query_all_raw(statement(SPREADS)).await?;
    let named = tx.query_all_raw(statement(NAMED)).await?;
    tx.commit().await?;
    assemble(period, &spreads, &named, |_| None)
}

const SPREADS: &str = "SELECT figure, participants, lower_quartile, median, upper_quartile, \
    computed_at FROM benchmark_groups WHERE period = $1";

const NAMED: &str = "SELECT figure, municipality, name, percentage, rank FROM benchmark_named \
    WHERE period = $1 ORDER BY rank, municipality";

fn assemble(
    period: BenchmarkPeriod,
    spreads: &[QueryResult],
    named: &[QueryResult],
    own: impl Fn(&str) -> Option<(Share, Standing)>,
) -> Result<BenchmarkView, ContactError> {
    let mut names: BTreeMap<String, Vec<NamedValue>> = BTreeMap::new();
    for row in named {
        let rank: i64 = row.try_get("", "rank")?;
        names
            .entry(row.try_get("", "figure")?)
            .or_default()
            .push(NamedValue {
                tenant: row.try_get("", "municipality")?,
                name: row.try_get("", "name")?,
                percentage: row.try_get("", "percentage")?,
                rank: u32::try_from(rank).unwrap_or(u32::MAX),
            });
    }
    let mut computed_at: Option<DateTime<Utc>> = None;
    let mut figures = Vec::with_capacity(spreads.len());
    for row in spreads {
        let key: String = row.try_get("", "figure")?;
        let Some(figure) = Figure::parse(&key) else {
            continue;
        };
        computed_at = computed_at.max(Some(row.try_get("", "computed_at")?));
        let quartile = |column: &str| row.try_get::<Option<f64>>("", column);
        let quartiles = match (
            quartile("lower_quartile")?,
            quartile("median")?,
            quartile("upper_quartile")?,
        ) {
            (Some(low), Some(median), Some(high)) => Some([low, median, high]),
            _ => None,
        };
        let participants: i64 = row.try_get("", "participants")?;
        figures.push(FigureView {
            own: own(&key),
            named: names.remove(&key).unwrap_or_default(),
            figure,
            spread: Spread {
                participants: u32::try_from(participants).unwrap_or(0),
                quartiles,
            },
        });
    }
    figures.sort_by(|a, b| a.figure.cmp(&b.figure));
    Ok(BenchmarkView {
        period,
        computed_at,
        figures,
    })
}
