//! Working days: the municipality's calendar for service norms ("e-mail answered within three
//! working days"). Weekends are never working days; public holidays are the Dutch national ones
//! (computed per year, when the tenant keeps them) plus the days the tenant configures itself
//! (a bridging day, Liberation Day in the years it closes).
//!
//! Days count in the municipality's own time zone (Europe/Amsterdam): an e-mail sent at
//! 23:30 on a Sunday arrived on Sunday, whatever the clock says in UTC.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Amsterdam;

/// One municipality's working days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    national: bool,
    closed: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// A calendar with the Dutch national holidays when `national`, and `closed` days.
    pub fn new(national: bool, closed: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            national,
            closed: closed.into_iter().collect(),
        }
    }

    /// The date of `at` in the Netherlands.
    pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&Amsterdam).date_naive()
    }

    /// Today's date in the Netherlands.
    pub fn today() -> NaiveDate {
        Self::local_date(Utc::now())
    }

    /// The first instant of `day` in the Netherlands.
    pub fn start_of(day: NaiveDate) -> DateTime<Utc> {
        let midnight = day.and_time(NaiveTime::MIN);
        Amsterdam
            .from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let holiday = self.national && national_holiday(day);
        !(weekend || holiday || self.closed.contains(&day))
    }

    /// The `n`-th working day after `day` (`day` itself when `n` is 0); `None` past the last
    /// day the calendar knows.
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut current = day;
        let mut left = n;
        while left > 0 {
            current = current.checked_add_days(Days::new(1))?;
            if self.is_working_day(current) {
                left = left.saturating_sub(1);
            }
        }
        Some(current)
    }

    /// How many working days lie after `from` up to and including `to` (0 when `to` is not
    /// after `from`): a question received on Friday and answered on Monday took one.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .fold(0, |n: u32, _| n.saturating_add(1))
    }
}

/// Easter Sunday of `year` (Gregorian, the anonymous algorithm of Meeus/Jones/Butcher).
#[expect(
    clippy::arithmetic_side_effects,
    reason = "the algorithm's terms stay small for every year a NaiveDate holds"
)]
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Whether `day` is a Dutch national public holiday on which municipal offices close: New
/// Year's Day, Good Friday, Easter Monday, King's Day (27 April, the 26th when the 27th is a
/// Sunday), Ascension Day, Whit Monday, Christmas Day and Boxing Day. Liberation Day is not
/// every year's day off; tenants list it among their closed days when they close.
pub fn national_holiday(day: NaiveDate) -> bool {
    let (m, d) = (day.month(), day.day());
    let fixed = matches!((m, d), (1, 1) | (12, 25) | (12, 26));
    let kings_day = m == 4
        && match d {
            27 => day.weekday() != Weekday::Sun,
            26 => day.weekday() == Weekday::Sat,
            _ => false,
        };
    let moving = easter(day.year()).is_some_and(|easter| {
        let offset = day.signed_duration_since(easter).num_days();
        matches!(offset, -2 | 1 | 39 | 50)
    });
    fixed || kings_day || moving
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_dates_are_known_ones() {
        for (year, day) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
        ] {
            assert_eq!(easter(year), Some(date(day)));
        }
    }

    #[test]
    fn national_holidays_of_2026() {
        let holidays: Vec<NaiveDate> = date("2026-01-01")
            .iter_days()
            .take_while(|d| d.year() == 2026)
            .filter(|d| national_holiday(*d))
            .collect();
        let expected = [
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-04-27",
            "2026-05-14",
            "2026-05-25",
            "2026-12-25",
            "2026-12-26",
        ];
        assert_eq!(holidays, expected.map(date));
        // King's Day on a Sunday moves to Saturday the 26th (2025).
        assert!(national_holiday(date("2025-04-26")));
        assert!(!national_holiday(date("2025-04-27")));
    }

    #[test]
    fn weekends_holidays_and_closed_days_are_skipped() {
        let calendar = Calendar::new(true, [date("2026-05-15")]);
        // Friday + 1 = Monday.
        assert_eq!(
            calendar.add_working_days(date("2026-03-06"), 1).unwrap(),
            date("2026-03-09")
        );
        // Wednesday 13 May + 1: Ascension Thursday and the closed Friday after it, then the weekend.
        assert_eq!(
            calendar.add_working_days(date("2026-05-13"), 1).unwrap(),
            date("2026-05-18")
        );
        assert_eq!(
            calendar.add_working_days(date("2026-05-13"), 0).unwrap(),
            date("2026-05-13")
        );
        // Christmas Eve (Thursday) + 1 skips both Christmas days and the weekend.
        assert_eq!(
            calendar.add_working_days(date("2026-12-24"), 1).unwrap(),
            date("2026-12-28")
        );
        let without = Calendar::new(false, []);
        assert_eq!(
            without.add_working_days(date("2026-12-24"), 1).unwrap(),
            date("2026-12-25")
        );
    }

    #[test]
    fn working_days_between_counts_after_the_first_day() {
        let calendar = Calendar::new(true, []);
        assert_eq!(
            calendar.working_days_between(date("2026-03-06"), date("2026-03-09")),
            1
        );
        assert_eq!(
            calendar.working_days_between(date("2026-03-06"), date("2026-03-06")),
            0
        );
        assert_eq!(
            calendar.working_days_between(date("2026-03-09"), date("2026-03-06")),
            0
        );
        assert_eq!(
            calendar.working_days_between(date("2026-03-06"), date("2026-03-07")),
            0
        );
        assert_eq!(
            calendar.working_days_between(date("2026-03-02"), date("2026-03-13")),
            9
        );
        assert_eq!(
            calendar.working_days_between(date("2026-12-23"), date("2026-12-28")),
            2
        );
    }

    #[test]
    fn local_date_is_amsterdam_time() {
        let late = "2026-03-01T23:30:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(Calendar::local_date(late), date("2026-03-02"));
        let summer = "2026-07-01T21:59:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(Calendar::local_date(summer), date("2026-07-01"));
    }
}
