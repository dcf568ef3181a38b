//! Deadline arithmetic. The legal handling period runs in calendar days from the day a case
//! is received; a suspension stops the clock for its days and an extension adds its days, so
//! both move the deadline by exactly that many days.

use chrono::{Days, NaiveDate};

/// The day a case must be decided by.
pub fn deadline(
    received: NaiveDate,
    handling_days: u32,
    suspended: u32,
    extended: u32,
) -> NaiveDate {
    let total = u64::from(handling_days) + u64::from(suspended) + u64::from(extended);
    received
        .checked_add_days(Days::new(total))
        .unwrap_or(NaiveDate::MAX)
}

/// Whole days since `since`, zero on the day itself (never negative).
pub fn days_in_step(since: NaiveDate, today: NaiveDate) -> i64 {
    (today - since).num_days().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn handling_period_suspension_and_extension_add_up() {
        let received = day(2026, 11, 2);
        assert_eq!(deadline(received, 56, 0, 0), day(2026, 12, 28));
        assert_eq!(deadline(received, 56, 14, 0), day(2027, 1, 11));
        assert_eq!(deadline(received, 56, 14, 42), day(2027, 2, 22));
        // Across a leap day.
        assert_eq!(deadline(day(2028, 2, 1), 56, 0, 0), day(2028, 3, 28));
    }

    #[test]
    fn days_in_step_counts_whole_days() {
        assert_eq!(days_in_step(day(2026, 11, 2), day(2026, 11, 2)), 0);
        assert_eq!(days_in_step(day(2026, 11, 2), day(2026, 11, 30)), 28);
        assert_eq!(days_in_step(day(2026, 11, 30), day(2026, 11, 2)), 0);
    }
}
