//! Relay-style pagination, decoded and bounded in one place.
//!
//! A cursor is `base64url("<tag>:<key>")`: the key of the last item a client saw, tagged with
//! the ordering it belongs to, so a cursor of one list is refused by another. Lists that can
//! grow long page by key ([`Page::after`] holds the key to continue after, and the store turns
//! it into a `WHERE (sort, id) > (…)` condition); short lists such as search hits page by
//! position ([`Offset`]), bounded by [`MAX_OFFSET`]. Nothing a client writes into a cursor can
//! make the server allocate or skip more than these bounds.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use uuid::Uuid;

/// The largest page a client may ask for.
pub const MAX_PAGE: usize = 100;
/// The page size when the client names none.
pub const DEFAULT_PAGE: usize = 20;
/// The furthest position a list paged by position reaches.
pub const MAX_OFFSET: usize = 1_000;
/// The longest cursor accepted, before decoding.
const MAX_CURSOR: usize = 256;

/// Why pagination arguments were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// `first` is outside 0..=MAX_PAGE.
    #[error("first must be between 0 and {MAX_PAGE}")]
    First,
    /// `after` is not a cursor this list handed out.
    #[error("after is not a cursor of this list")]
    Cursor,
}

impl PageError {
    /// The argument at fault.
    pub fn field(&self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Cursor => "after",
        }
    }
}

/// The key of a list's ordering, as written in its cursors.
pub trait Key: Sized {
    /// Names the ordering; a cursor with another tag is refused.
    const TAG: &'static str;
    /// The key as text (without the tag).
    fn encode(&self) -> String;
    /// The key from text; `None` for anything this list did not hand out.
    fn decode(text: &str) -> Option<Self>;
}

/// A validated page request: at most `first` items after the item with key `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page<K> {
    /// How many items to return.
    pub first: usize,
    /// Continue after the item with this key; `None` starts at the beginning.
    pub after: Option<K>,
}

impl<K: Key> Page<K> {
    /// Validates `first` and decodes `after`.
    pub fn new(first: Option<i32>, after: Option<&str>) -> Result<Self, PageError> {
        let first = match first {
            None => DEFAULT_PAGE,
            Some(n) => usize::try_from(n)
                .ok()
                .filter(|n| *n <= MAX_PAGE)
                .ok_or(PageError::First)?,
        };
        let after = after.map(decode::<K>).transpose()?;
        Ok(Self { first, after })
    }

    /// The first page of `first` items (at most [`MAX_PAGE`]).
    pub fn start(first: usize) -> Self {
        Self {
            first: first.min(MAX_PAGE),
            after: None,
        }
    }

    /// Rows to fetch: one more than the page, to tell whether another page follows.
    pub fn fetch(&self) -> u64 {
        // MAX_PAGE + 1 always fits.
        u64::try_from(self.first).map_or(u64::MAX, |n| n.saturating_add(1))
    }
}

/// The cursor of an item with key `key`.
pub fn cursor<K: Key>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{}", K::TAG, key.encode()))
}

fn decode<K: Key>(cursor: &str) -> Result<K, PageError> {
    if cursor.len() > MAX_CURSOR {
        return Err(PageError::Cursor);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| PageError::Cursor)?;
    let text = String::from_utf8(bytes).map_err(|_| PageError::Cursor)?;
    text.strip_prefix(K::TAG)
        .and_then(|rest| rest.strip_prefix(':'))
        .and_then(K::decode)
        .ok_or(PageError::Cursor)
}

/// A position in a short list (search hits), at most [`MAX_OFFSET`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offset(pub usize);

impl Key for Offset {
    const TAG: &'static str = "o";
    fn encode(&self) -> String {
        self.0.to_string()
    }
    fn decode(text: &str) -> Option<Self> {
        digits(text)
            .and_then(|t| t.parse().ok())
            .filter(|n| *n < MAX_OFFSET)
            .map(Self)
    }
}

impl Page<Offset> {
    /// How many items to skip.
    pub fn offset(&self) -> usize {
        self.after.map_or(0, |o| o.0.saturating_add(1))
    }

    /// The position of the `i`-th item of this page.
    pub fn position(&self, i: usize) -> Offset {
        Offset(self.offset().saturating_add(i))
    }
}

/// Ordered by day, then id (a work queue by deadline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DayKey {
    /// The day.
    pub day: NaiveDate,
    /// The item's id.
    pub id: Uuid,
}

impl Key for DayKey {
    const TAG: &'static str = "d";
    fn encode(&self) -> String {
        format!("{}:{}", self.day.format("%Y-%m-%d"), self.id.simple())
    }
    fn decode(text: &str) -> Option<Self> {
        let (day, id) = text.split_once(':')?;
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        (1..=9999).contains(&day.year()).then_some(())?;
        Some(Self {
            day,
            id: Uuid::try_parse(id).ok()?,
        })
    }
}

/// Ordered by day, then a short identifier without colons (a permit's expiry, then a BSN).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DayIdKey {
    /// The day.
    pub day: NaiveDate,
    /// The identifier that makes the order total.
    pub id: String,
}

impl Key for DayIdKey {
    const TAG: &'static str = "e";
    fn encode(&self) -> String {
        format!("{}:{}", self.day.format("%Y-%m-%d"), self.id)
    }
    fn decode(text: &str) -> Option<Self> {
        let (day, id) = text.split_once(':')?;
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        let clean = !id.is_empty() && id.len() <= 64 && !id.contains(':');
        ((1..=9999).contains(&day.year()) && clean && !id.chars().any(char::is_control)).then(
            || Self {
                day,
                id: id.to_owned(),
            },
        )
    }
}

/// Ordered by a moment, then id (newest first, or oldest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeKey {
    /// The moment.
    pub at: DateTime<Utc>,
    /// The item's id.
    pub id: Uuid,
}

impl Key for TimeKey {
    const TAG: &'static str = "t";
    fn encode(&self) -> String {
        // Seconds and nanoseconds: exactly what the database returned, on either engine.
        format!(
            "{}.{:09}:{}",
            self.at.timestamp(),
            self.at.timestamp_subsec_nanos(),
            self.id.simple()
        )
    }
    fn decode(text: &str) -> Option<Self> {
        let (moment, id) = text.split_once(':')?;
        let (seconds, nanos) = moment.split_once('.')?;
        let seconds: i64 = signed_digits(seconds)?.parse().ok()?;
        let nanos: u32 = digits(nanos)?.parse().ok().filter(|n| *n < 1_000_000_000)?;
        let at = DateTime::from_timestamp(seconds, nanos)?;
        (1..=9999).contains(&at.year()).then_some(())?;
        Some(Self {
            at,
            id: Uuid::try_parse(id).ok()?,
        })
    }
}

/// Ordered by id alone (time-ordered UUIDv7 ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IdKey(pub Uuid);

impl Key for IdKey {
    const TAG: &'static str = "i";
    fn encode(&self) -> String {
        self.0.simple().to_string()
    }
    fn decode(text: &str) -> Option<Self> {
        Uuid::try_parse(text).ok().map(Self)
    }
}

/// Ordered by a name, then a short identifier without colons (a surname, then a BSN).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameKey {
    /// The name.
    pub name: String,
    /// The identifier that makes the order total.
    pub id: String,
}

impl Key for NameKey {
    const TAG: &'static str = "n";
    fn encode(&self) -> String {
        format!("{}:{}", self.id, self.name)
    }
    fn decode(text: &str) -> Option<Self> {
        let (id, name) = text.split_once(':')?;
        let clean = |s: &str| !s.chars().any(char::is_control);
        (id.len() <= 64 && name.chars().count() <= 200 && clean(id) && clean(name)).then(|| Self {
            name: name.to_owned(),
            id: id.to_owned(),
        })
    }
}

fn digits(text: &str) -> Option<&str> {
    (!text.is_empty() && text.len() <= 20 && text.bytes().all(|b| b.is_ascii_digit()))
        .then_some(text)
}

fn signed_digits(text: &str) -> Option<&str> {
    digits(text.strip_prefix('-').unwrap_or(text)).map(|_| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> String {
        URL_SAFE_NO_PAD.encode(text)
    }

    #[test]
    fn offsets_round_trip_and_are_bounded() {
        let page = Page::<Offset>::new(Some(5), Some(&cursor(&Offset(41)))).unwrap();
        assert_eq!(page.offset(), 42);
        assert_eq!(page.position(3), Offset(45));
        for far in [
            "1000",
            "1000000000000",
            "9223372036854775808",
            "18446744073709551615",
        ] {
            assert_eq!(
                Page::<Offset>::new(None, Some(&raw(&format!("o:{far}")))),
                Err(PageError::Cursor),
                "{far}"
            );
        }
        assert_eq!(Page::<Offset>::new(Some(101), None), Err(PageError::First));
        assert_eq!(Page::<Offset>::new(Some(-1), None), Err(PageError::First));
        assert_eq!(
            Page::<Offset>::new(None, Some("nonsense!")),
            Err(PageError::Cursor)
        );
        assert_eq!(
            Page::<Offset>::new(None, Some(&"A".repeat(10_000))),
            Err(PageError::Cursor)
        );
    }

    #[test]
    fn keys_round_trip_and_other_lists_cursors_are_refused() {
        let id = Uuid::now_v7();
        let day = DayKey {
            day: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            id,
        };
        let page = Page::<DayKey>::new(None, Some(&cursor(&day))).unwrap();
        assert_eq!(page.after, Some(day));
        assert_eq!(
            Page::<TimeKey>::new(None, Some(&cursor(&day))),
            Err(PageError::Cursor)
        );
        let time = TimeKey { at: Utc::now(), id };
        let back = Page::<TimeKey>::new(None, Some(&cursor(&time)))
            .unwrap()
            .after
            .unwrap();
        assert_eq!(back, time);
        let name = NameKey {
            name: "de Vries: jr".into(),
            id: "999990019".into(),
        };
        assert_eq!(
            Page::<NameKey>::new(None, Some(&cursor(&name)))
                .unwrap()
                .after,
            Some(name)
        );
        let ids = IdKey(id);
        assert_eq!(
            Page::<IdKey>::new(None, Some(&cursor(&ids))).unwrap().after,
            Some(ids)
        );
    }

    #[test]
    fn keys_outside_what_the_database_holds_are_refused() {
        let id = Uuid::nil().simple();
        for text in [
            format!("d:+99999-01-01:{id}"),
            format!("d:0000-01-01:{id}"),
            format!("t:99999999999999999999.0:{id}"),
            format!("t:-99999999999999999.0:{id}"),
            format!("t:1.1000000000:{id}"),
            "t:1.0:not-a-uuid".to_owned(),
            format!("n:{}:x", "9".repeat(65)),
            "n:1:a\u{0}b".to_owned(),
        ] {
            let tag = &text[..1];
            let refused = match tag {
                "d" => Page::<DayKey>::new(None, Some(&raw(&text))).is_err(),
                "t" => Page::<TimeKey>::new(None, Some(&raw(&text))).is_err(),
                _ => Page::<NameKey>::new(None, Some(&raw(&text))).is_err(),
            };
            assert!(refused, "{text}");
        }
    }
}
