//! Opening hours written as `"mon-fri 08:30-17:00"` or `"thu 18:00-20:00"`.

use std::fmt;

use serde::Deserialize;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Day {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Day {
    const ALL: [Day; 7] = [
        Self::Mon,
        Self::Tue,
        Self::Wed,
        Self::Thu,
        Self::Fri,
        Self::Sat,
        Self::Sun,
    ];

    fn parse(s: &str) -> Option<Self> {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        names.iter().position(|n| *n == s).map(|i| Self::ALL[i])
    }

    /// Three-letter English name.
    pub fn as_str(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }
}

/// Opening hours on a range of days, times in minutes after midnight.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct OpeningHours {
    /// First day of the range.
    pub from_day: Day,
    /// Last day of the range (equal to `from_day` for a single day).
    pub to_day: Day,
    /// Opening time, minutes after midnight.
    pub opens: u16,
    /// Closing time, minutes after midnight.
    pub closes: u16,
}

fn parse_time(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h.checked_mul(60)?.checked_add(m)?;
    (h <= 24 && m < 60 && minutes <= 24 * 60).then_some(minutes)
}

impl TryFrom<String> for OpeningHours {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        let bad = || format!("opening hours must look like \"mon-fri 08:30-17:00\", got {value:?}");
        let (days, times) = value.split_once(' ').ok_or_else(bad)?;
        let (from_day, to_day) = match days.split_once('-') {
            Some((a, b)) => (Day::parse(a), Day::parse(b)),
            None => (Day::parse(days), Day::parse(days)),
        };
        let (from_day, to_day) = from_day.zip(to_day).ok_or_else(bad)?;
        let (opens, closes) = times.trim().split_once('-').ok_or_else(bad)?;
        let (opens, closes) = parse_time(opens).zip(parse_time(closes)).ok_or_else(bad)?;
        if from_day > to_day || opens >= closes {
            return Err(format!(
                "opening hours {value:?}: days and times must run forwards"
            ));
        }
        Ok(Self {
            from_day,
            to_day,
            opens,
            closes,
        })
    }
}

impl fmt::Display for OpeningHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        if self.from_day == self.to_day {
            write!(f, "{} ", self.from_day.as_str())?;
        } else {
            write!(f, "{}-{} ", self.from_day.as_str(), self.to_day.as_str())?;
        }
        write!(f, "{}-{}", t(self.opens), t(self.closes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let h = OpeningHours::try_from("mon-fri 08:30-17:00".to_owned()).unwrap();
        assert_eq!(
            (h.from_day, h.to_day, h.opens, h.closes),
            (Day::Mon, Day::Fri, 510, 1020)
        );
        assert_eq!(h.to_string(), "mon-fri 08:30-17:00");
        let thu = OpeningHours::try_from("thu 18:00-20:00".to_owned()).unwrap();
        assert_eq!(thu.to_string(), "thu 18:00-20:00");
    }

    #[test]
    fn refuses_nonsense() {
        for bad in [
            "fri-mon 08:00-17:00",
            "mon 17:00-08:00",
            "monday 08:00-17:00",
            "mon 8:00-17:00",
            "mon 08:00-25:00",
        ] {
            assert!(OpeningHours::try_from(bad.to_owned()).is_err(), "{bad}");
        }
    }
}
