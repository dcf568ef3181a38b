//! What a search query becomes before it reaches the index: normalised words without stop
//! words, the synonyms they call up, and how many typos each word may carry.

use std::{
    collections::{BTreeSet, HashMap, HashSet},
    sync::LazyLock,
};

use unicode_normalization::UnicodeNormalization;

use crate::model::Synonym;

/// Longest query accepted, in characters.
pub const MAX_QUERY: usize = 200;

/// Words that carry no meaning in a resident's question ("hoe vraag ik een paspoort aan").
const STOP_WORDS: &[&str] = &[
    "aan", "als", "bij", "dat", "de", "die", "dit", "doe", "een", "en", "er", "heb", "het", "hoe",
    "ik", "in", "is", "je", "kan", "kun", "me", "met", "mijn", "moet", "naar", "niet", "of", "om",
    "op", "te", "tot", "van", "voor", "waar", "wanneer", "wat", "wie", "wil", "word", "wordt",
    "ze", "zijn",
];

/// Lowercases, folds accents, keeps letters and digits, and makes everything else a space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_owned()
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' => 'y',
        other => other,
    }
}

/// Names a search query may hold that the statistics must not keep, read once: every
/// counted search looks its words up here.
static NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// The query as statistics keep it: normalised (NFKC first, so full-width digits and
/// look-alike letters are plain ones), with every run of four or more digits (a BSN or phone
/// number, also written with spaces, dots or dashes) replaced by `nummer`, every e-mail
/// address (also written `(at)` or `[at]`) by `email`, and common given names and surnames
/// by `naam`: no personal data is stored with a search.
pub fn for_statistics(query: &str) -> String {
    let composed: String = query.nfkc().collect::<String>().to_lowercase();
    let composed = ["(at)", "[at]", "{at}", " at ", "(a)", " apenstaartje "]
        .iter()
        .fold(composed, |text, at| text.replace(at, "@"));
    // `anna @ example.nl` is one address: join the parts around an `@`.
    let mut composed = composed;
    while composed.contains(" @") || composed.contains("@ ") {
        composed = composed.replace(" @", "@").replace("@ ", "@");
    }
    let words: Vec<String> = digit_runs(&composed)
        .split_whitespace()
        .map(|word| {
            if word.contains('@') {
                "email".to_owned()
            } else {
                word.to_owned()
            }
        })
        .collect();
    let normalised = normalise(&words.join(" "));
    without_names(&normalised).chars().take(MAX_QUERY).collect()
}

/// `text` with each run of four or more digits (separated or not by spaces, dots, dashes or
/// slashes) replaced by ` nummer `.
fn digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_ascii_digit() {
            out.push(c);
            i = i.saturating_add(1);
            continue;
        }
        // A run: digits and single separators between digits.
        let mut end = i;
        let mut digits = 0_usize;
        let mut j = i;
        while let Some(&d) = chars.get(j) {
            if d.is_ascii_digit() {
                digits = digits.saturating_add(1);
                end = j;
                j = j.saturating_add(1);
            } else if matches!(d, ' ' | '.' | '-' | '/')
                && chars
                    .get(j.saturating_add(1))
                    .is_some_and(char::is_ascii_digit)
            {
                j = j.saturating_add(1);
            } else {
                break;
            }
        }
        if digits >= 4 {
            out.push_str(" nummer ");
        } else {
            out.extend(chars.get(i..=end).unwrap_or_default());
        }
        i = end.saturating_add(1);
    }
    out
}

/// `normalised` with every listed name (one or two words) replaced by `naam`.
fn without_names(normalised: &str) -> String {
    let words: Vec<&str> = normalised.split(' ').filter(|w| !w.is_empty()).collect();
    let names = &*NAMES;
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while let Some(word) = words.get(i) {
        let three = words.get(i..i.saturating_add(3)).map(|w| w.join(" "));
        let two = words.get(i..i.saturating_add(2)).map(|w| w.join(" "));
        let skip = if three.as_deref().is_some_and(|t| names.contains(t)) {
            3
        } else if two.as_deref().is_some_and(|t| names.contains(t)) {
            2
        } else if names.contains(word) {
            1
        } else {
            0
        };
        if skip == 0 {
            out.push(word);
            i = i.saturating_add(1);
        } else {
            if out.last() != Some(&"naam") {
                out.push("naam");
            }
            i = i.saturating_add(skip);
        }
    }
    out.join(" ")
}

/// The words of a normalised query that carry meaning.
pub fn words(normalised: &str) -> Vec<String> {
    normalised
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// How many typos a word may carry: none in short words, one from five letters, two from
/// nine.
pub fn typo_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Synonyms by normalised term, ready for lookup.
#[derive(Debug, Clone, Default)]
pub struct SynonymTable {
    expansions: HashMap<String, BTreeSet<String>>,
    longest: usize,
}

impl SynonymTable {
    /// Builds the table from synonym entries (later entries add to earlier ones).
    pub fn new(entries: &[Synonym]) -> Self {
        let mut expansions: HashMap<String, BTreeSet<String>> = HashMap::new();
        let mut add = |from: &str, to: &str| {
            let (from, to) = (normalise(from), normalise(to));
            if !from.is_empty() && !to.is_empty() && from != to {
                expansions.entry(from).or_default().insert(to);
            }
        };
        for entry in entries {
            match entry {
                Synonym::Equivalent { terms } => {
                    for a in terms {
                        for b in terms {
                            add(a, b);
                        }
                    }
                }
                Synonym::OneWay { from, to } => {
                    for a in from {
                        for b in to {
                            add(a, b);
                        }
                    }
                }
            }
        }
        let longest = expansions
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Self {
            expansions,
            longest,
        }
    }

    /// The terms that the words (or runs of them, or words written together) call up.
    pub fn expand(&self, words: &[String]) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for start in 0..words.len() {
            for len in 1..=self.longest.min(words.len().saturating_sub(start)) {
                let Some(run) = words.get(start..start.saturating_add(len)) else {
                    continue;
                };
                for key in [run.join(" "), run.concat()] {
                    if let Some(found) = self.expansions.get(&key) {
                        out.extend(found.iter().cloned());
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics_keep_no_personal_data() {
        for (query, kept) in [
            ("paspoort 999993653", "paspoort nummer"),
            ("bsn 999 99 3653 paspoort", "bsn nummer paspoort"),
            ("bsn 999.993.653", "bsn nummer"),
            (
                "\u{ff19}\u{ff19}\u{ff19}\u{ff19}\u{ff19}\u{ff13}\u{ff16}\u{ff15}\u{ff13}",
                "nummer",
            ),
            ("bel 06-12345678", "bel nummer"),
            ("mail anna@example.nl", "mail email"),
            (
                "mail anna(at)example.nl over afval",
                "mail email over afval",
            ),
            ("anna [at] example.nl", "email"),
            ("vraag van piet @ example.nl", "vraag van email"),
            ("paspoort jan de vries", "paspoort naam"),
            ("Jansen rijbewijs", "naam rijbewijs"),
            (
                "Mohamed El Amrani parkeervergunning",
                "naam parkeervergunning",
            ),
            ("huisnummer 12", "huisnummer 12"),
            ("afval 2026", "afval nummer"),
        ] {
            assert_eq!(for_statistics(query), kept, "{query}");
        }
    }

    #[test]
    fn normalises_and_drops_stop_words() {
        assert_eq!(
            normalise("  Hoe vraag ik een ID-kaart aan?"),
            "hoe vraag ik een id kaart aan"
        );
        assert_eq!(normalise("Café Überweg"), "cafe uberweg");
        assert_eq!(
            words(&normalise("Hoe vraag ik een paspoort aan")),
            ["vraag", "paspoort"]
        );
    }

    #[test]
    fn statistics_keep_no_numbers_or_addresses() {
        assert_eq!(for_statistics("paspoort 999993653"), "paspoort nummer");
        assert_eq!(for_statistics("mail jan@example.nl"), "mail email");
    }

    #[test]
    fn typos_allowed_grow_with_length() {
        assert_eq!(typo_distance("pas"), 0);
        assert_eq!(typo_distance("pasport"), 1);
        assert_eq!(typo_distance("omgevingsvergunning"), 2);
    }

    #[test]
    fn synonyms_expand_words_runs_and_compounds() {
        let table = SynonymTable::new(&[
            Synonym::Equivalent {
                terms: vec!["ID-kaart".into(), "identiteitskaart".into()],
            },
            Synonym::OneWay {
                from: vec!["bouwvergunning".into()],
                to: vec!["omgevingsvergunning".into()],
            },
        ]);
        let e = |q: &str| table.expand(&words(&normalise(q)));
        assert!(e("id kaart").contains("identiteitskaart"));
        assert!(
            e("idkaart").is_empty(),
            "a compound is only found written apart or as listed"
        );
        assert!(e("identiteitskaart").contains("id kaart"));
        assert!(e("bouwvergunning aanvragen").contains("omgevingsvergunning"));
        assert!(e("omgevingsvergunning").is_empty(), "one way only");
    }
}
