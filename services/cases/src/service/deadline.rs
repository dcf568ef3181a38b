//! Deadline arithmetic. The legal handling period runs in calendar days from the day a case
//! is received; a suspension stops the clock for its days and an extension adds its days, so
//! both move the deadline by exactly that many days.

use chrono::{Days, NaiveDate};

/// The day a case must be decided by; `None` past the last day a deadline may fall on.
pub fn deadline(
    received: NaiveDate,
    handling_days: u32,
    suspended: u32,
    extended: u32,
) -> Option<NaiveDate> {
    let total = u64::from(handling_days)
        .checked_add(u64::from(suspended))?
        .checked_add(u64::from(extended))?;
    received
        .checked_add_days(Days::new(total))
        .filter(|d| *d <= loket_kernel::input::LAST_DAY)
}

/// Whole days since `since`, zero on the day itself (never negative).
pub fn days_in_step(since: NaiveDate, today: NaiveDate) -> i64 {
    today.signed_duration_since(since).num_days().max(0)
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
        assert_eq!(deadline(received, 56, 0, 0), Some(day(2026, 12, 28)));
        assert_eq!(deadline(received, 56, 14, 0), Some(day(2027, 1, 11)));
        assert_eq!(deadline(received, 56, 14, 42), Some(day(2027, 2, 22)));
        // Across a leap day.
        assert_eq!(deadline(day(2028, 2, 1), 56, 0, 0), Some(day(2028, 3, 28)));
        // Beyond what a deadline may be, never a wrapped or saturated day.
        assert_eq!(deadline(received, 56, u32::MAX, u32::MAX), None);
    }

    #[test]
    fn days_in_step_counts_whole_days() {
        assert_eq!(days_in_step(day(2026, 11, 2), day(2026, 11, 2)), 0);
        assert_eq!(days_in_step(day(2026, 11, 2), day(2026, 11, 30)), 28);
        assert_eq!(days_in_step(day(2026, 11, 30), day(2026, 11, 2)), 0);
    }
}
