//! The periods the comparison covers: calendar months (`2026-11`) and years (`2026`).

use chrono::{Datelike, Months, NaiveDate};

use crate::{ContactError, Period};

/// A calendar month or year, as the comparison names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchmarkPeriod {
    key: String,
    days: Period,
}

impl BenchmarkPeriod {
    /// Reads `2026` or `2026-11` from the input field `field`.
    pub fn parse(field: &'static str, text: &str) -> Result<Self, ContactError> {
        let bad = || ContactError::bad(field, "a year (2026) or a month (2026-11)");
        let (year, month) = match text.split_once('-') {
            None => (text, None),
            Some((year, month)) => (year, Some(month)),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(2000..=2999).contains(&year) {
            return Err(ContactError::bad(field, "a year from 2000 to 2999"));
        }
        match month {
            None => Self::year(year).ok_or_else(bad),
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let month: u32 = m.parse().map_err(|_| bad())?;
                Self::month(year, month).ok_or_else(bad)
            }
            Some(_) => Err(bad()),
        }
    }

    /// The calendar year `year`.
    pub fn year(year: i32) -> Option<Self> {
        let from = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let to = NaiveDate::from_ymd_opt(year, 12, 31)?;
        Some(Self {
            key: format!("{year:04}"),
            days: Period { from, to },
        })
    }

    /// The month `month` of `year`.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let to = from.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(Self {
            key: format!("{year:04}-{month:02}"),
            days: Period { from, to },
        })
    }

    /// What the daily run computes on `today`: this month and the one before (which may
    /// still change until its callbacks are done), and this year; in January also last year.
    pub fn daily(today: NaiveDate) -> Vec<Self> {
        let previous = today
            .with_day(1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(today);
        let mut periods: Vec<Self> = [
            Self::month(today.year(), today.month()),
            Self::month(previous.year(), previous.month()),
            Self::year(today.year()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if today.month() == 1 {
            periods.extend(Self::year(today.year().saturating_sub(1)));
        }
        periods
    }

    /// As written: `2026` or `2026-11`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Its first and last day.
    pub fn days(&self) -> Period {
        self.days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_months_and_years() {
        let november = BenchmarkPeriod::parse("period", "2026-11").unwrap();
        assert_eq!(november.key(), "2026-11");
        assert_eq!(november.days().from, day(2026, 11, 1));
        assert_eq!(november.days().to, day(2026, 11, 30));
        let february = BenchmarkPeriod::parse("period", "2028-02").unwrap();
        assert_eq!(february.days().to, day(2028, 2, 29));
        let year = BenchmarkPeriod::parse("period", "2025").unwrap();
        assert_eq!(
            (year.days().from, year.days().to),
            (day(2025, 1, 1), day(2025, 12, 31))
        );
    }

    #[test]
    fn names_the_field_of_a_bad_period() {
        for bad in [
            "",
            "26",
            "2026-13",
            "2026-1",
            "2026-00",
            "2026-11-01",
            "１２３４",
            "1999",
            "x026",
        ] {
            let Err(ContactError::BadInput { field, .. }) = BenchmarkPeriod::parse("period", bad)
            else {
                panic!("{bad:?} was accepted");
            };
            assert_eq!(field, "period");
        }
    }

    #[test]
    fn the_daily_run_covers_this_month_the_last_and_the_year() {
        let keys = |d| {
            BenchmarkPeriod::daily(d)
                .iter()
                .map(|p| p.key().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(day(2026, 12, 6)), ["2026-12", "2026-11", "2026"]);
        assert_eq!(
            keys(day(2027, 1, 3)),
            ["2027-01", "2026-12", "2027", "2026"]
        );
    }
}
