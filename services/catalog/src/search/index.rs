//! One tenant's search index: tantivy in memory, Dutch stemming, synonyms and typo tolerance,
//! with titles and search terms weighing more than running text.

use std::collections::HashMap;

use tantivy::{
    Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term,
    collector::{Count, TopDocs},
    query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery},
    schema::{
        Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
    },
    snippet::SnippetGenerator,
    tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
        TextAnalyzer,
    },
};

use super::text::{SynonymTable, normalise, typo_distance, words};
use crate::model::{Product, Synonym};

/// Stemmed Dutch text.
const STEMMED: &str = "nl_stemmed";
/// Words as written, for typo tolerance.
const PLAIN: &str = "nl_plain";
/// Room for the index writer while building (tantivy's minimum).
const WRITER_BYTES: usize = 15_000_000;
/// Characters of running text in a snippet.
const SNIPPET_CHARS: usize = 160;

/// Weights: a match in the title counts most, then the search terms, then the text.
const TITLE: f32 = 4.0;
const TERMS: f32 = 3.0;
const BODY: f32 = 1.0;
const TITLE_TYPO: f32 = 2.0;
const TERMS_TYPO: f32 = 1.5;
const SYNONYM: f32 = 0.8;

/// A search failure (the index is in memory, so this means a bug, not bad input).
#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct IndexError(#[from] tantivy::TantivyError);

/// Part of a product's text around the words found, with their positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text.
    pub text: String,
    /// Byte ranges in `text` of the words found.
    pub highlighted: Vec<(usize, usize)>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The product's code.
    pub code: String,
    /// Relevance; higher is better.
    pub score: f32,
    /// Where the words were found in its text.
    pub snippet: Snippet,
}

#[derive(Clone, Copy)]
struct Fields {
    code: Field,
    title: Field,
    title_plain: Field,
    terms: Field,
    terms_plain: Field,
    body: Field,
}

/// A built index of one tenant's products.
pub struct TenantIndex {
    reader: IndexReader,
    fields: Fields,
    synonyms: SynonymTable,
    stemmer: TextAnalyzer,
    descriptions: HashMap<String, String>,
}

fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::Dutch))
        .build()
}

fn plain_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn text(tokenizer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

impl TenantIndex {
    /// Indexes `products` with `synonyms`.
    pub fn build(products: &[Product], synonyms: &[Synonym]) -> Result<Self, IndexError> {
        let mut schema = Schema::builder();
        let fields = Fields {
            code: schema.add_text_field("code", STRING | STORED),
            title: schema.add_text_field("title", text(STEMMED, false)),
            title_plain: schema.add_text_field("title_plain", text(PLAIN, false)),
            terms: schema.add_text_field("terms", text(STEMMED, false)),
            terms_plain: schema.add_text_field("terms_plain", text(PLAIN, false)),
            body: schema.add_text_field("body", text(STEMMED, true)),
        };
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(STEMMED, stemmed_analyzer());
        index.tokenizers().register(PLAIN, plain_analyzer());
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_BYTES)?;
        for p in products {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.code, &p.code);
            doc.add_text(fields.title, &p.name);
            doc.add_text(fields.title_plain, &p.name);
            let terms = p.search_terms.join(" | ");
            doc.add_text(fields.terms, &terms);
            doc.add_text(fields.terms_plain, &terms);
            doc.add_text(fields.body, format!("{} {}", p.description, p.conditions));
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            reader,
            fields,
            synonyms: SynonymTable::new(synonyms),
            stemmer: stemmed_analyzer(),
            descriptions: products
                .iter()
                .map(|p| (p.code.clone(), p.description.clone()))
                .collect(),
        })
    }

    /// The stems of `text` as the index holds them.
    fn stems(&self, text: &str) -> Vec<String> {
        let mut analyzer = self.stemmer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    fn term(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
        let query = TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        );
        Box::new(BoostQuery::new(Box::new(query), boost))
    }

    /// The query for a normalised search: per word its stems in title, terms and text, and
    /// the word with typos in title and terms; per synonym all its words.
    fn query(&self, normalised: &str) -> Option<BooleanQuery> {
        let f = self.fields;
        let words = words(normalised);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in &words {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for stem in self.stems(word) {
                alternatives.push((Occur::Should, Self::term(f.title, &stem, TITLE)));
                alternatives.push((Occur::Should, Self::term(f.terms, &stem, TERMS)));
                alternatives.push((Occur::Should, Self::term(f.body, &stem, BODY)));
            }
            let distance = typo_distance(word);
            if distance > 0 {
                for (field, boost) in [(f.title_plain, TITLE_TYPO), (f.terms_plain, TERMS_TYPO)] {
                    let fuzzy =
                        FuzzyTermQuery::new(Term::from_field_text(field, word), distance, true);
                    alternatives.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(fuzzy), boost)),
                    ));
                }
            }
            if !alternatives.is_empty() {
                clauses.push((Occur::Should, Box::new(BooleanQuery::new(alternatives))));
            }
        }
        for synonym in self.synonyms.expand(&words) {
            let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for stem in self.stems(&synonym) {
                let either = BooleanQuery::new(vec![
                    (Occur::Should, Self::term(f.title, &stem, TITLE)),
                    (Occur::Should, Self::term(f.terms, &stem, TERMS)),
                    (Occur::Should, Self::term(f.body, &stem, BODY)),
                ]);
                all.push((Occur::Must, Box::new(either)));
            }
            if !all.is_empty() {
                let synonym = BoostQuery::new(Box::new(BooleanQuery::new(all)), SYNONYM);
                clauses.push((Occur::Should, Box::new(synonym)));
            }
        }
        (!clauses.is_empty()).then(|| BooleanQuery::new(clauses))
    }

    /// The products matching `query` (already checked for length), best first: `limit`
    /// after `offset`, and how many match in all.
    pub fn search(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Hit>, usize), IndexError> {
        let normalised = normalise(query);
        let Some(query) = self.query(&normalised) else {
            return Ok((Vec::new(), 0));
        };
        let searcher: Searcher = self.reader.searcher();
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_score();
        let (found, total) = searcher.search(&query, &(top, Count))?;
        let mut snippets = SnippetGenerator::create(&searcher, &query, self.fields.body)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(found.len());
        for (score, address) in found.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(address)?;
            let code = doc
                .get_first(self.fields.code)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            let snippet = snippets.snippet_from_doc(&doc);
            let snippet = if snippet.fragment().is_empty() {
                let text: String = self
                    .descriptions
                    .get(&code)
                    .map(|d| d.chars().take(SNIPPET_CHARS).collect())
                    .unwrap_or_default();
                Snippet {
                    text,
                    highlighted: Vec::new(),
                }
            } else {
                Snippet {
                    text: snippet.fragment().to_owned(),
                    highlighted: snippet
                        .highlighted()
                        .iter()
                        .map(|r| (r.start, r.end))
                        .collect(),
                }
            };
            hits.push(Hit {
                code,
                score,
                snippet,
            });
        }
        Ok((hits, total))
    }
}
