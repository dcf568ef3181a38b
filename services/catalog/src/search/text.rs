//! What a search query becomes before it reaches the index: normalised words without stop
//! words, the synonyms they call up, and how many typos each word may carry.

use std::collections::{BTreeSet, HashMap};

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

/// The query as statistics keep it: normalised, with long digit runs (a BSN, a phone
/// number) and e-mail addresses replaced, so no personal data is stored with it.
pub fn for_statistics(query: &str) -> String {
    let anonymised: Vec<String> = query
        .split_whitespace()
        .map(|word| {
            let digits = word.chars().filter(char::is_ascii_digit).count();
            if word.contains('@') {
                "email".to_owned()
            } else if digits >= 4 {
                "nummer".to_owned()
            } else {
                word.to_owned()
            }
        })
        .collect();
    normalise(&anonymised.join(" "))
        .chars()
        .take(MAX_QUERY)
        .collect()
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
            for len in 1..=self.longest.min(words.len() - start) {
                let run = &words[start..start + len];
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
