//! Relay-style pagination arguments, validated once for every connection.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

/// The largest page a client may ask for.
pub const MAX_PAGE: usize = 100;
/// The page size when the client names none.
pub const DEFAULT_PAGE: usize = 20;

/// Why pagination arguments were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// `first` is outside 0..=MAX_PAGE.
    #[error("first must be between 0 and {MAX_PAGE}")]
    First,
    /// `after` is not a cursor this server handed out.
    #[error("after is not a valid cursor")]
    Cursor,
}

/// A validated page request: at most `first` items after the item at offset `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// How many items to return.
    pub first: usize,
    /// How many items to skip.
    pub offset: usize,
}

impl Page {
    /// Validates `first` and decodes `after`.
    pub fn new(first: Option<i32>, after: Option<&str>) -> Result<Self, PageError> {
        let first = match first {
            None => DEFAULT_PAGE,
            Some(n) => usize::try_from(n)
                .ok()
                .filter(|n| *n <= MAX_PAGE)
                .ok_or(PageError::First)?,
        };
        let offset = match after {
            None => 0,
            Some(cursor) => decode_cursor(cursor)? + 1,
        };
        Ok(Self { first, offset })
    }
}

/// The opaque cursor of the item at `offset`.
pub fn encode_cursor(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("o:{offset}"))
}

/// The offset behind a cursor from [`encode_cursor`].
pub fn decode_cursor(cursor: &str) -> Result<usize, PageError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| PageError::Cursor)?;
    let text = String::from_utf8(bytes).map_err(|_| PageError::Cursor)?;
    text.strip_prefix("o:")
        .and_then(|n| n.parse().ok())
        .ok_or(PageError::Cursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_bad_ones_are_refused() {
        let c = encode_cursor(41);
        assert_eq!(decode_cursor(&c), Ok(41));
        assert_eq!(
            Page::new(Some(5), Some(&c)),
            Ok(Page {
                first: 5,
                offset: 42
            })
        );
        assert_eq!(Page::new(Some(101), None), Err(PageError::First));
        assert_eq!(Page::new(Some(-1), None), Err(PageError::First));
        assert_eq!(Page::new(None, Some("nonsense!")), Err(PageError::Cursor));
    }
}
