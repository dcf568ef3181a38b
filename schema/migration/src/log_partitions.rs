//! The monthly partitions of `processing_log` on PostgreSQL: one table per calendar month (UTC)
//! named `processing_log_YYYY_MM`, and `processing_log_default` for rows of a month whose
//! partition was not made in time. Adding a month moves such rows out of the default first, so
//! maintenance that ran late loses nothing. Dropping a month removes its rows at once, without
//! a delete.
//!
//! Partitions are reached only through `processing_log`, whose grants and row-level security
//! bind the application; a partition itself grants the application nothing and has row-level
//! security enabled without a policy, so a direct query by it sees no row.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbErr, Statement};

use crate::APP_ROLE;

/// The parent table.
pub const TABLE: &str = "processing_log";
/// The partition for rows outside every monthly one.
pub const DEFAULT_PARTITION: &str = "processing_log_default";

/// A calendar month, the unit of partitioning and of retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    /// The year, for example 2026.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month of `year` and `month`, if `month` is 1 to 12 and the year has four digits.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1000..=9999).contains(&year)).then_some(Self { year, month })
    }

    /// The month `months` later (or earlier, when negative).
    pub fn plus(self, months: i32) -> Option<Self> {
        let index = self
            .year
            .checked_mul(12)?
            .checked_add(i32::try_from(self.month).ok()?)?
            .checked_sub(1)?
            .checked_add(months)?;
        Self::new(
            index.div_euclid(12),
            u32::try_from(index.rem_euclid(12)).ok()?.checked_add(1)?,
        )
    }

    /// The partition holding this month's rows.
    pub fn partition(self) -> String {
        format!("{TABLE}_{:04}_{:02}", self.year, self.month)
    }

    /// The month a partition name stands for, if it is a monthly partition.
    pub fn of_partition(name: &str) -> Option<Self> {
        let rest = name.strip_prefix(TABLE)?.strip_prefix('_')?;
        let (year, month) = rest.split_once('_')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// Its first instant as a PostgreSQL timestamp literal in UTC.
    fn start(self) -> String {
        format!("{:04}-{:02}-01 00:00:00+00", self.year, self.month)
    }
}

/// Makes the partition of `month` unless it exists, moving any rows of that month out of the
/// default partition; returns whether it was made. PostgreSQL only; run as the table owner.
pub async fn add_month<C: ConnectionTrait>(conn: &C, month: Month) -> Result<bool, DbErr> {
    let name = month.partition();
    if exists(conn, &name).await? {
        return Ok(false);
    }
    let next = month
        .plus(1)
        .ok_or_else(|| DbErr::Custom(format!("no month after {month:?}")))?;
    let (from, to) = (month.start(), next.start());
    let range = format!("created_at >= '{from}' AND created_at < '{to}'");
    let sql = format!(
        "CREATE TABLE {name} (LIKE {TABLE} INCLUDING DEFAULTS);
INSERT INTO {name} SELECT * FROM {DEFAULT_PARTITION} WHERE {range};
DELETE FROM {DEFAULT_PARTITION} WHERE {range};
ALTER TABLE {name} ADD CONSTRAINT {name}_month CHECK ({range});
ALTER TABLE {TABLE} ATTACH PARTITION {name} FOR VALUES FROM ('{from}') TO ('{to}');
{}",
        confined(&name)
    );
    conn.execute_unprepared(&sql).await?;
    Ok(true)
}

/// What every partition gets: no grant to the application and row-level security without a
/// policy.
pub(crate) fn confined(partition: &str) -> String {
    format!(
        "REVOKE ALL ON {partition} FROM {APP_ROLE};
ALTER TABLE {partition} ENABLE ROW LEVEL SECURITY;"
    )
}

/// The monthly partitions there are, oldest first.
pub async fn months<C: ConnectionTrait>(conn: &C) -> Result<Vec<Month>, DbErr> {
    let rows = conn
        .query_all_raw(Statement::from_string(
            conn.get_database_backend(),
            format!(
                "SELECT c.relname::text AS name FROM pg_inherits i \
                 JOIN pg_class c ON c.oid = i.inhrelid \
                 WHERE i.inhparent = '{TABLE}'::regclass"
            ),
        ))
        .await?;
    let mut months: Vec<Month> = rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "name").ok())
        .filter_map(|name| Month::of_partition(&name))
        .collect();
    months.sort();
    Ok(months)
}

/// Drops the partition of `month` with its rows.
pub async fn drop_month<C: ConnectionTrait>(conn: &C, month: Month) -> Result<(), DbErr> {
    conn.execute_unprepared(&format!("DROP TABLE IF EXISTS {}", month.partition()))
        .await?;
    Ok(())
}

async fn exists<C: ConnectionTrait>(conn: &C, table: &str) -> Result<bool, DbErr> {
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            conn.get_database_backend(),
            "SELECT to_regclass($1) IS NOT NULL AS found",
            [table.into()],
        ))
        .await?;
    Ok(row
        .and_then(|r| r.try_get::<bool>("", "found").ok())
        .unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_across_years_and_name_their_partitions() {
        let dec = Month::new(2026, 12).unwrap_or(Month { year: 0, month: 0 });
        assert_eq!(dec.plus(1), Month::new(2027, 1));
        assert_eq!(dec.plus(-12), Month::new(2025, 12));
        assert_eq!(dec.plus(-24 * 12), Month::new(2002, 12));
        assert_eq!(dec.partition(), "processing_log_2026_12");
        assert_eq!(Month::of_partition("processing_log_2026_12"), Some(dec));
        assert_eq!(Month::of_partition("processing_log_default"), None);
        assert_eq!(Month::of_partition("processing_log_2026_13"), None);
        assert_eq!(Month::new(2026, 0), None);
        assert_eq!(dec.plus(i32::MAX), None);
    }
}
