//! Addresses written out in words, as reporting apps send them (`Markt 1, 7511 GA Enschede`):
//! read into a postcode or a street and a house number with its letter and addition, then
//! looked up.
//!
//! A postcode with a house number names the address anywhere in the country. Without a
//! postcode, the street and house number are looked up among one municipality's addresses
//! (street names repeat across municipalities), the street compared without regard to case.
//! A missing letter or addition means none where such an address exists ("Markt 12" is 12,
//! not 12A), and the only one where it does not.

use loket_kernel::directory::AddressMatch;
use loket_store::Session;
use sea_orm::{
    ColumnTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, ExprTrait, Func},
};

use super::{Registry, directory::facts, persons::normalise_postcode};
use crate::{RegistryError, entity::address};

/// The longest text read; a written address is a line.
const MAX_LEN: usize = 200;

/// How many candidates are weighed at most: an address has few letters and additions.
const CANDIDATES: u64 = 50;

/// What a written address says.
#[derive(Debug, PartialEq)]
struct Written {
    /// Postcode without its space, upper case.
    postcode: Option<String>,
    /// Street name as written.
    street: Option<String>,
    number: i32,
    letter: Option<String>,
    addition: Option<String>,
}

/// Reads `text`; `None` when it names no house number, or neither a postcode nor a street.
fn read(text: &str) -> Option<Written> {
    if text.len() > MAX_LEN {
        return None;
    }
    // (segment between commas, token)
    let mut tokens: Vec<(usize, &str)> = text
        .split(',')
        .enumerate()
        .flat_map(|(segment, part)| part.split_whitespace().map(move |t| (segment, t)))
        .collect();
    let mut postcode = None;
    for i in 0..tokens.len() {
        let (segment, token) = tokens[i];
        if let Ok(found) = normalise_postcode(token) {
            postcode = Some(found);
            tokens.remove(i);
            break;
        }
        // "7511 GA": the digits and the letters as words of their own.
        let next = tokens.get(i.saturating_add(1)).copied();
        if let Some((next_segment, letters)) = next
            && next_segment == segment
            && token.len() == 4
            && let Ok(found) = normalise_postcode(&format!("{token}{letters}"))
        {
            postcode = Some(found);
            tokens.drain(i..=i.saturating_add(1));
            break;
        }
    }
    let at = tokens
        .iter()
        .position(|(_, t)| t.starts_with(|c: char| c.is_ascii_digit()))?;
    let (segment, token) = tokens[at];
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let number: i32 = token[..digits]
        .parse()
        .ok()
        .filter(|n| (1..=99_999).contains(n))?;
    let mut rest = token[digits..].trim_start_matches('-').to_owned();
    // "12 A": a letter as a word of its own.
    if rest.is_empty()
        && let Some((s, next)) = tokens.get(at.saturating_add(1))
        && *s == segment
        && next.len() == 1
        && next.bytes().all(|b| b.is_ascii_alphabetic())
    {
        rest = (*next).to_owned();
    }
    let (letter, addition) = split_suffix(&rest);
    let street: Vec<&str> = tokens[..at]
        .iter()
        .filter(|(s, _)| *s == segment)
        .map(|(_, t)| *t)
        .collect();
    let street = (!street.is_empty()).then(|| street.join(" "));
    if postcode.is_none() && street.is_none() {
        return None;
    }
    Some(Written {
        postcode,
        street,
        number,
        letter,
        addition,
    })
}

/// `A`, `A-2`, `-2`, `bis` after the house number: its letter and its addition.
fn split_suffix(rest: &str) -> (Option<String>, Option<String>) {
    let mut chars = rest.chars();
    let (letter, addition) = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => (Some(c), ""),
        (Some(c), Some('-' | ' ')) if c.is_ascii_alphabetic() => (Some(c), chars.as_str()),
        _ => (None, rest),
    };
    let addition = addition.trim_matches(|c: char| c == '-' || c.is_whitespace());
    (
        letter.map(|c| c.to_ascii_uppercase().to_string()),
        (!addition.is_empty()).then(|| addition.to_owned()),
    )
}

/// The candidates that have `wanted` (compared without regard to case); without a wish,
/// those that have none, or all when none lacks one.
fn narrow<'a>(
    candidates: Vec<&'a address::Model>,
    wanted: Option<&str>,
    part: fn(&address::Model) -> &str,
) -> Vec<&'a address::Model> {
    match wanted {
        Some(w) => candidates
            .into_iter()
            .filter(|a| part(a).eq_ignore_ascii_case(w))
            .collect(),
        None if candidates.iter().any(|a| part(a).is_empty()) => candidates
            .into_iter()
            .filter(|a| part(a).is_empty())
            .collect(),
        None => candidates,
    }
}

impl Registry {
    /// The address `text` names, as [`loket_store::lookups::Directory::written_address`]
    /// describes.
    pub(super) async fn written_address(
        &self,
        session: &Session,
        municipality_code: &str,
        text: &str,
    ) -> Result<AddressMatch, RegistryError> {
        let Some(written) = read(text) else {
            return Ok(AddressMatch::Unreadable);
        };
        let mut query =
            address::Entity::find().filter(address::Column::HouseNumber.eq(written.number));
        query = match (&written.postcode, &written.street) {
            (Some(postcode), _) => query.filter(address::Column::Postcode.eq(postcode.as_str())),
            (None, Some(street)) => query
                .filter(address::Column::MunicipalityCode.eq(municipality_code))
                .filter(
                    Expr::expr(Func::lower(Expr::col(address::Column::Street)))
                        .eq(Func::lower(Expr::val(street.as_str()))),
                ),
            (None, None) => return Ok(AddressMatch::Unreadable),
        };
        let tx = session.shared().await?;
        let rows = query.limit(CANDIDATES).all(tx.conn()).await?;
        let found = narrow(rows.iter().collect(), written.letter.as_deref(), |a| {
            &a.letter
        });
        let found = narrow(found, written.addition.as_deref(), |a| &a.addition);
        Ok(match found.as_slice() {
            [] => AddressMatch::NotFound,
            [one] => AddressMatch::One(facts((*one).clone())),
            _ => AddressMatch::Several,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(
        postcode: Option<&str>,
        street: Option<&str>,
        number: i32,
        letter: Option<&str>,
        addition: Option<&str>,
    ) -> Written {
        Written {
            postcode: postcode.map(str::to_owned),
            street: street.map(str::to_owned),
            number,
            letter: letter.map(str::to_owned),
            addition: addition.map(str::to_owned),
        }
    }

    #[test]
    fn the_ways_apps_write_an_address_are_read() {
        let cases = [
            (
                "Markt 1, 7511 GA Enschede",
                written(Some("7511GA"), Some("Markt"), 1, None, None),
            ),
            (
                "Van Heekstraat 12a, 7511ga",
                written(Some("7511GA"), Some("Van Heekstraat"), 12, Some("A"), None),
            ),
            (
                "Hengelosestraat 51-2 Enschede",
                written(None, Some("Hengelosestraat"), 51, None, Some("2")),
            ),
            (
                "Oude Markt 3 B, Enschede",
                written(None, Some("Oude Markt"), 3, Some("B"), None),
            ),
            (
                "Dorpsstraat 7A-bis",
                written(None, Some("Dorpsstraat"), 7, Some("A"), Some("bis")),
            ),
            (
                "Kerkstraat 10-hs",
                written(None, Some("Kerkstraat"), 10, None, Some("hs")),
            ),
            (
                "Kerkstraat 10 Enschede",
                written(None, Some("Kerkstraat"), 10, None, None),
            ),
            ("7514 AE 51", written(Some("7514AE"), None, 51, None, None)),
        ];
        for (text, expected) in cases {
            assert_eq!(read(text), Some(expected), "{text}");
        }
    }

    fn at(letter: &str, addition: &str) -> address::Model {
        address::Model {
            id: format!("0153{letter}{addition}"),
            street: "Markt".into(),
            house_number: 12,
            letter: letter.into(),
            addition: addition.into(),
            postcode: "7511GA".into(),
            city: "Enschede".into(),
            municipality_code: "0153".into(),
            lat: 52.2,
            lon: 6.9,
        }
    }

    fn ids(found: Vec<&address::Model>) -> Vec<&str> {
        found.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn no_letter_means_none_where_one_exists_else_any() {
        let rows = [at("", ""), at("A", ""), at("B", "")];
        let all: Vec<_> = rows.iter().collect();
        assert_eq!(ids(narrow(all.clone(), None, |a| &a.letter)), ["0153"]);
        assert_eq!(ids(narrow(all, Some("a"), |a| &a.letter)), ["0153A"]);
        let lettered: Vec<_> = rows[1..].iter().collect();
        assert_eq!(
            ids(narrow(lettered, None, |a| &a.letter)),
            ["0153A", "0153B"],
            "several: the text is ambiguous"
        );
        let flats = [at("", "1"), at("", "2")];
        let flats: Vec<_> = flats.iter().collect();
        assert_eq!(
            ids(narrow(flats.clone(), Some("2"), |a| &a.addition)),
            ["01532"]
        );
        assert_eq!(narrow(flats, None, |a| &a.addition).len(), 2);
    }

    #[test]
    fn text_without_a_number_or_a_street_is_not_read() {
        for text in [
            "",
            "Markt, Enschede",
            "12",
            "0511 GA 3",
            "Markt 0",
            "Markt 999999",
            &"Markt 1 ".repeat(40),
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
