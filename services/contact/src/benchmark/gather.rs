//! Each taking-part tenant's aggregates: the one place that reads across tenants.
//!
//! On PostgreSQL the computing transaction runs as the benchmark role, which may only call the
//! three functions that return one tenant's aggregates (see the migration that made them); on
//! SQLite the same statements run once per tenant. Either way only sums leave this module.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use loket_kernel::config::TenantConfig;
use loket_migration::{BENCHMARK_CALLBACKS, BENCHMARK_CONTACTS, BENCHMARK_DEADLINES_SQLITE};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, QueryResult, Statement, Value};

use super::{Figure, YARDSTICK_SECONDS};
use crate::{ContactError, Period, Share};

/// One tenant's values of every figure in `period`, on `today` (callbacks still open and not
/// yet late are counted neither way, as in the service report).
pub(super) async fn tally(
    tx: &DatabaseTransaction,
    tenant: &TenantConfig,
    period: Period,
    today: NaiveDate,
    national: &BTreeSet<String>,
) -> Result<Vec<(Figure, Share)>, ContactError> {
    let postgres = tx.get_database_backend() == DbBackend::Postgres;
    let (start, end) = period.bounds();
    let bounds = || -> Vec<Value> { vec![tenant.slug.as_str().into(), start.into(), end.into()] };
    let norms = &tenant.service_norms;

    let mut values = bounds();
    values.extend([
        i64::from(norms.phone_answer_seconds).into(),
        i64::from(YARDSTICK_SECONDS).into(),
        i64::from(norms.email_answer_working_days).into(),
    ]);
    let contacts = one(
        tx,
        postgres,
        "SELECT * FROM loket_benchmark_contacts($1, $2, $3, $4, $5, $6)",
        BENCHMARK_CONTACTS,
        values,
    )
    .await?;
    let mut values = bounds();
    values.push(today.into());
    let callbacks = one(
        tx,
        postgres,
        "SELECT * FROM loket_benchmark_callbacks($1, $2, $3, $4)",
        BENCHMARK_CALLBACKS,
        values,
    )
    .await?;
    let deadlines = if postgres {
        "SELECT * FROM loket_benchmark_deadlines($1, $2, $3)"
    } else {
        BENCHMARK_DEADLINES_SQLITE
    };
    let rows = tx.query_all_raw(statement(tx, deadlines, bounds())).await?;

    let get = |row: &Option<QueryResult>, column: &str| -> Result<i64, ContactError> {
        match row {
            Some(row) => Ok(row.try_get::<Option<i64>>("", column)?.unwrap_or(0)),
            None => Ok(0),
        }
    };
    let calls = get(&contacts, "calls")?;
    let pending = get(&callbacks, "pending")?;
    let mut figures = vec![
        (
            Figure::PhoneAnswer,
            Share {
                count: get(&contacts, "calls_in_norm")?,
                total: calls,
            },
        ),
        (
            Figure::PhoneAnswerYardstick,
            Share {
                count: get(&contacts, "calls_in_yardstick")?,
                total: calls,
            },
        ),
        (
            Figure::FirstContactResolution,
            Share {
                count: get(&contacts, "resolved")?,
                total: get(&contacts, "contacts")?,
            },
        ),
        (
            Figure::EmailAnswer,
            Share {
                count: get(&contacts, "written_in_norm")?,
                total: get(&contacts, "written")?,
            },
        ),
        (
            Figure::Callback,
            Share {
                count: get(&callbacks, "in_time")?,
                total: get(&callbacks, "requested")?.saturating_sub(pending),
            },
        ),
    ];
    let mut by_type: BTreeMap<&str, Share> = national
        .iter()
        .map(|c| (c.as_str(), Share::default()))
        .collect();
    for row in &rows {
        let code: String = row.try_get("", "case_type")?;
        if let Some(share) = by_type.get_mut(code.as_str()) {
            share.count = row.try_get::<Option<i64>>("", "on_time")?.unwrap_or(0);
            share.total = row.try_get::<Option<i64>>("", "closed")?.unwrap_or(0);
        }
    }
    figures.extend(
        by_type
            .into_iter()
            .map(|(code, share)| (Figure::CaseDeadlines(code.to_owned()), share)),
    );
    Ok(figures)
}

/// Runs the function on PostgreSQL, or the statement itself on SQLite, for one row.
async fn one(
    tx: &DatabaseTransaction,
    postgres: bool,
    function: &str,
    sql: &str,
    values: Vec<Value>,
) -> Result<Option<QueryResult>, ContactError> {
    let sql = if postgres { function } else { sql };
    Ok(tx.query_one_raw(statement(tx, sql, values)).await?)
}

fn statement(tx: &DatabaseTransaction, sql: &str, values: Vec<Value>) -> Statement {
    Statement::from_sql_and_values(tx.get_database_backend(), sql, values)
}
