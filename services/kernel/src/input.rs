//! What clients send, checked in one place: text (control characters, length), numbers (their
//! domain's range), days and periods (within what Loket's data can hold). Every refusal is a
//! [`InputError`]: `BAD_USER_INPUT` naming the field. The gateway refuses what no field could
//! accept (a NUL byte, an `Int` beyond 32 bits, a year beyond 9999) before any resolver runs;
//! services use these functions for the narrower rules of each field.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

use crate::{ErrorCode, HasCode};

/// The earliest day Loket accepts from a client.
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};
/// The last day Loket accepts from a client.
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};
/// The longest period a report covers, in days (five years).
pub const MAX_PERIOD_DAYS: i64 = 5 * 366;

/// A refused input value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InputError {
    /// The input field, as the client named it (`input.days`, `after`).
    pub field: String,
    /// What is wrong, in words a frontend can show.
    pub message: String,
}

impl InputError {
    /// A refusal of `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl HasCode for InputError {
    fn code(&self) -> ErrorCode {
        ErrorCode::BadUserInput
    }
    fn field(&self) -> Option<&str> {
        Some(&self.field)
    }
}

/// The first control character of `value` that text may not hold, if any: free text keeps
/// tabs and line breaks, one line keeps neither (nor the Unicode line and paragraph
/// separators).
pub fn forbidden_char(value: &str, multiline: bool) -> Option<char> {
    value.chars().find(|&c| {
        if multiline {
            c.is_control() && !matches!(c, '\n' | '\t' | '\r')
        } else {
            c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
        }
    })
}

fn checked(field: &str, value: &str, max_chars: usize, multiline: bool) -> Result<(), InputError> {
    if let Some(c) = forbidden_char(value, multiline) {
        return Err(InputError::new(
            field,
            format!("contains the control character U+{:04X}", u32::from(c)),
        ));
    }
    if value.chars().count() > max_chars {
        return Err(InputError::new(
            field,
            format!("at most {max_chars} characters"),
        ));
    }
    Ok(())
}

/// Free text (line breaks allowed), trimmed; `None` when empty.
pub fn text(field: &str, value: &str, max_chars: usize) -> Result<Option<String>, InputError> {
    let trimmed = value.trim();
    checked(field, trimmed, max_chars, true)?;
    Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
}

/// Free text that must not be empty.
pub fn required_text(field: &str, value: &str, max_chars: usize) -> Result<String, InputError> {
    text(field, value, max_chars)?.ok_or_else(|| InputError::new(field, "required"))
}

/// Optional free text.
pub fn optional_text(
    field: &str,
    value: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, InputError> {
    value.map_or(Ok(None), |v| text(field, v, max_chars))
}

/// One line (a name, a code, a phone number), trimmed; `None` when empty.
pub fn line(field: &str, value: &str, max_chars: usize) -> Result<Option<String>, InputError> {
    let trimmed = value.trim();
    checked(field, trimmed, max_chars, false)?;
    Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
}

/// One line that must not be empty.
pub fn required_line(field: &str, value: &str, max_chars: usize) -> Result<String, InputError> {
    line(field, value, max_chars)?.ok_or_else(|| InputError::new(field, "required"))
}

/// A mobile phone number, Dutch (`06 1234 5678`) or international (`+32 …`, `0032 …`), as
/// `+<digits>`; `None` when it is not one.
pub fn mobile(raw: &str) -> Option<String> {
    let digits: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let international = if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("+31{rest}")
    } else {
        digits
    };
    let number = international.strip_prefix('+')?;
    ((8..=15).contains(&number.len())
        && !number.starts_with('0')
        && number.chars().all(|c| c.is_ascii_digit()))
    .then_some(international)
}

/// A whole number within its domain's range.
pub fn number(field: &str, value: i32, range: RangeInclusive<i32>) -> Result<i32, InputError> {
    if range.contains(&value) {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!("must be from {} to {}", range.start(), range.end()),
        ))
    }
}

/// A whole number within a non-negative range, as the unsigned type services count in.
pub fn count(field: &str, value: i32, range: RangeInclusive<u32>) -> Result<u32, InputError> {
    u32::try_from(value)
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            InputError::new(
                field,
                format!("must be from {} to {}", range.start(), range.end()),
            )
        })
}

/// A day between [`FIRST_DAY`] and [`LAST_DAY`].
pub fn day(field: &str, value: NaiveDate) -> Result<NaiveDate, InputError> {
    if (FIRST_DAY..=LAST_DAY).contains(&value) {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!(
                "must lie between {} and {}",
                FIRST_DAY.year(),
                LAST_DAY.year()
            ),
        ))
    }
}

/// A period of days, both included: each day valid, `from` not after `to`, at most
/// [`MAX_PERIOD_DAYS`] long. `field` names the period (`period`, `compareWith`).
pub fn period(
    field: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), InputError> {
    let from = day(&format!("{field}.from"), from)?;
    let to = day(&format!("{field}.to"), to)?;
    if from > to {
        return Err(InputError::new(
            format!("{field}.to"),
            "must not lie before from",
        ));
    }
    if to.signed_duration_since(from).num_days() >= MAX_PERIOD_DAYS {
        return Err(InputError::new(
            format!("{field}.to"),
            format!("a period covers at most {MAX_PERIOD_DAYS} days"),
        ));
    }
    Ok((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_refuses_control_characters_and_length() {
        assert_eq!(text("note", "  a\nb\t ", 10), Ok(Some("a\nb".into())));
        assert_eq!(text("note", "   ", 10), Ok(None));
        assert_eq!(
            text("note", "a\u{0}b", 10).map_err(|e| e.field),
            Err("note".into())
        );
        assert!(line("name", "a\nb", 10).is_err());
        assert!(text("note", &"x".repeat(11), 10).is_err());
        assert!(required_text("note", " ", 10).is_err());
        assert!(line("name", "a\u{7f}", 10).is_err());
        assert!(line("name", "a\u{85}b", 10).is_err());
        assert!(line("name", "a\u{2028}b", 10).is_err());
        assert_eq!(line("name", " a\u{85}", 10), Ok(Some("a".to_owned())));
    }

    #[test]
    fn numbers_days_and_periods_stay_in_range() {
        assert_eq!(count("days", 5, 1..=365), Ok(5));
        assert!(count("days", -1, 1..=365).is_err());
        assert!(count("days", i32::MAX, 1..=365).is_err());
        assert!(number("limit", -1, 1..=100).is_err());
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(day("dueBefore", d(9999, 1, 1)).is_err());
        assert!(day("dueBefore", d(1, 1, 1)).is_err());
        assert!(period("period", d(2026, 1, 1), d(2026, 12, 31)).is_ok());
        assert_eq!(
            period("period", d(2026, 2, 1), d(2026, 1, 1)).map_err(|e| e.field),
            Err("period.to".into())
        );
        assert!(period("period", d(2000, 1, 1), d(2026, 1, 1)).is_err());
    }
}
