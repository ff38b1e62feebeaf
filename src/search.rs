//! Search across every article: a `tantivy` index of title, body, people quoted and
//! source, kept beside the quote cache (`$XDG_CACHE_HOME/saywho/search/`) and brought up
//! to date incrementally — an article is added once, by its state key (a hash of its
//! text); results are limited to the articles of the corpus being read, so one index serves
//! every folder.
//!
//! The query language: words (all must match, in title, body or people), `"a phrase"`,
//! `@person` or `@"full name"` (among the people quoted), `source:NAME`, `after:DATE` and
//! `before:DATE` (`2005-03-01`). Results are ranked by BM25, with a snippet of the body and
//! where the matched terms are in it.

use crate::corpus::{Corpus, dates};
use crate::index::Index as QuoteIndex;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, QueryParser};
use tantivy::schema::{Field, STORED, STRING, Schema, TEXT, Value};
use tantivy::{DocAddress, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Bumped when the schema or what goes into it changes: a different version is rebuilt.
const VERSION: &str = "search-v2";

pub struct SearchIndex {
    index: tantivy::Index,
    reader: IndexReader,
    f: Fields,
    pub dir: PathBuf,
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    /// The text hash the key spells, as a fast field: results are matched to the corpus
    /// without loading their stored documents.
    hash: Field,
    title: Field,
    body: Field,
    people: Field,
    source: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let f = Fields {
        key: b.add_text_field("key", STRING | STORED),
        hash: b.add_u64_field("hash", tantivy::schema::FAST),
        title: b.add_text_field("title", TEXT | STORED),
        body: b.add_text_field("body", TEXT | STORED),
        people: b.add_text_field("people", TEXT | STORED),
        source: b.add_text_field("source", TEXT),
    };
    (b.build(), f)
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub words: Vec<String>,
    pub phrases: Vec<String>,
    pub people: Vec<String>,
    pub source: Option<String>,
    pub after: Option<NaiveDate>,
    pub before: Option<NaiveDate>,
}

impl Query {
    /// Parse the query language (see the module docs). A bad date is an error.
    pub fn parse(s: &str) -> Result<Query> {
        let mut q = Query::default();
        let mut rest = s.trim();
        while !rest.is_empty() {
            let (tok, quoted, next) = next_token(rest);
            rest = next.trim_start();
            if quoted {
                q.phrases.push(tok);
                continue;
            }
            if let Some(p) = tok.strip_prefix('@') {
                // @"full name" arrives as "@" followed by a quoted token
                let name = if p.is_empty() {
                    let (n, _, next) = next_token(rest);
                    rest = next.trim_start();
                    n
                } else {
                    p.to_string()
                };
                if !name.is_empty() {
                    q.people.push(name);
                }
            } else if let Some(v) = tok.strip_prefix("source:") {
                q.source = Some(v.to_string());
            } else if let Some(v) = tok.strip_prefix("after:") {
                q.after = Some(dates::parse_date(v).with_context(|| format!("after:{v}: not a date (2005-03-01)"))?);
            } else if let Some(v) = tok.strip_prefix("before:") {
                q.before = Some(dates::parse_date(v).with_context(|| format!("before:{v}: not a date (2005-03-01)"))?);
            } else {
                q.words.push(tok);
            }
        }
        Ok(q)
    }

    /// The words and phrases to find in an article's text (for the reader's in-article
    /// search after a search across articles), longest first.
    pub fn terms(&self) -> Vec<String> {
        let mut t: Vec<String> = self.phrases.iter().chain(&self.words).cloned().collect();
        t.sort_by_key(|s| std::cmp::Reverse(s.len()));
        t.dedup();
        t
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty() && self.people.is_empty()
    }
}

/// The next token: a quoted phrase (quotes dropped) or a run of non-space characters.
fn next_token(s: &str) -> (String, bool, &str) {
    if let Some(r) = s.strip_prefix('"') {
        let end = r.find('"').unwrap_or(r.len());
        return (r[..end].to_string(), true, r.get(end + 1..).unwrap_or(""));
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    // "@"name"": the quote starts a phrase after the @
    if s.starts_with("@\"") {
        return ("@".into(), false, &s[1..]);
    }
    (s[..end].to_string(), false, &s[end..])
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Index of the article in the corpus.
    #[serde(skip)]
    pub article: usize,
    pub score: f32,
    /// Part of the body around the best match.
    pub snippet: String,
    /// Byte ranges of matched terms in `snippet`.
    pub highlights: Vec<(usize, usize)>,
}

/// Text of a phrase or word for tantivy's parser: quoted, inner quotes and backslashes
/// dropped, so nothing in it is syntax.
fn quoted(s: &str) -> String {
    let clean: String = s.chars().filter(|c| *c != '"' && *c != '\\').collect();
    format!("\"{clean}\"")
}

impl SearchIndex {
    /// Open (or create) the index under `cache_dir`. One that cannot be opened (corrupt,
    /// another version) is rebuilt.
    pub fn open(cache_dir: &Path) -> Result<SearchIndex> {
        let dir = cache_dir.join(VERSION);
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let (schema, f) = schema();
        let open = |dir: &Path| -> tantivy::Result<tantivy::Index> {
            let d = tantivy::directory::MmapDirectory::open(dir)?;
            tantivy::Index::open_or_create(d, schema.clone())
        };
        let index = match open(&dir) {
            Ok(i) => i,
            Err(_) => {
                let _ = std::fs::remove_dir_all(&dir);
                std::fs::create_dir_all(&dir)?;
                open(&dir).with_context(|| format!("cannot create the search index in {}", dir.display()))?
            }
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("cannot read the search index")?;
        Ok(SearchIndex { index, reader, f, dir })
    }

    /// The text hash of each article of `corpus`: what documents are known by. Computed
    /// once and given to [`SearchIndex::update`] and [`SearchIndex::search`].
    pub fn keys(corpus: &Corpus) -> Vec<String> {
        corpus.articles.iter().map(crate::state::hash_key).collect()
    }

    /// Add the articles of `corpus` (their `keys`) the index does not hold yet. Returns how
    /// many were added. `progress(done, total)` is called as they go.
    pub fn update(
        &self,
        corpus: &Corpus,
        keys: &[String],
        quotes: &QuoteIndex,
        progress: &dyn Fn(usize, usize),
    ) -> Result<usize> {
        let missing = self.missing(keys);
        let people = |a: usize| -> Vec<String> {
            quotes
                .people_in(a)
                .into_iter()
                .map(|p| quotes.people[p].name.clone())
                .collect()
        };
        self.add(corpus, keys, &missing, &people, progress)
    }

    /// The articles (by their `keys`) the index does not hold yet.
    pub fn missing(&self, keys: &[String]) -> Vec<usize> {
        let searcher = self.reader.searcher();
        (0..keys.len())
            .filter(|&a| {
                searcher
                    .doc_freq(&Term::from_field_text(self.f.key, &keys[a]))
                    .map_or(true, |n| n == 0)
            })
            .collect()
    }

    /// Add articles `missing` of `corpus` (their `keys`), with the names of the people
    /// quoted in each (`people`). Returns how many were added.
    pub fn add(
        &self,
        corpus: &Corpus,
        keys: &[String],
        missing: &[usize],
        people: &dyn Fn(usize) -> Vec<String>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<usize> {
        if missing.is_empty() {
            return Ok(0);
        }
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer(50_000_000)
            .context("the search index is in use by another saywho")?;
        for (n, &a) in missing.iter().enumerate() {
            let art = &corpus.articles[a];
            // an article whose file cannot be read now is left for the next update
            let Ok(text) = corpus.body(a) else { continue };
            let body: Vec<&str> = (0..text.paragraphs.len()).map(|i| text.paragraph_text(i)).collect();
            let people = people(a);
            let mut doc = TantivyDocument::default();
            doc.add_text(self.f.key, &keys[a]);
            doc.add_u64(self.f.hash, art.text_hash);
            doc.add_text(self.f.title, &art.meta.title);
            doc.add_text(self.f.body, body.join("\n\n"));
            doc.add_text(self.f.people, people.join("\n"));
            doc.add_text(self.f.source, art.source_or_folder().unwrap_or(""));
            writer.add_document(doc)?;
            if n % 256 == 0 {
                progress(n, missing.len());
            }
        }
        writer.commit().context("cannot write the search index")?;
        self.reader.reload()?;
        progress(missing.len(), missing.len());
        Ok(missing.len())
    }

    /// The articles of `corpus` matching `q`, best first, at most `limit`.
    /// The tantivy query of `q`: every word and phrase in the title, body or people (the
    /// title counting double), and every @person in the people; with the text part alone,
    /// for the snippets. None when `q` asks for nothing.
    #[allow(clippy::type_complexity)]
    fn query_of(&self, q: &Query) -> Result<Option<(BooleanQuery, Option<Box<dyn TQuery>>)>> {
        let mut parser = QueryParser::for_index(&self.index, vec![self.f.title, self.f.body, self.f.people]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(self.f.title, 2.0);
        let mut text = Vec::new();
        for w in &q.words {
            text.push(quoted(w));
        }
        for p in &q.phrases {
            text.push(quoted(p));
        }
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        let text_query = if text.is_empty() {
            None
        } else {
            let tq = parser.parse_query(&text.join(" ")).context("bad query")?;
            clauses.push((Occur::Must, tq.box_clone()));
            Some(tq)
        };
        for person in &q.people {
            let pq = QueryParser::for_index(&self.index, vec![self.f.people]).parse_query(&quoted(person))?;
            clauses.push((Occur::Must, pq));
        }
        if clauses.is_empty() {
            return Ok(None);
        }
        Ok(Some((BooleanQuery::new(clauses), text_query)))
    }

    pub fn search(&self, corpus: &Corpus, q: &Query, limit: usize) -> Result<Vec<Hit>> {
        let searcher = self.reader.searcher();
        let Some((query, text_query)) = self.query_of(q)? else {
            return Ok(Vec::new());
        };
        // the corpus being read, by text hash; dates and sources are checked on it
        let by_hash: rustc_hash::FxHashMap<u64, usize> = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.text_hash, i))
            .collect();
        let source = q.source.as_deref().map(str::to_lowercase);
        let wanted = |a: usize| {
            let art = &corpus.articles[a];
            source
                .as_deref()
                .is_none_or(|s| art.source_or_folder().is_some_and(|src| src.to_lowercase().contains(s)))
                && q.after.is_none_or(|d| art.meta.date.is_some_and(|x| x >= d))
                && q.before.is_none_or(|d| art.meta.date.is_some_and(|x| x <= d))
        };
        // the best documents that are articles of this corpus (the index serves every
        // folder) and pass the filters: a few more than asked for, more if too few pass
        let mut fetch = limit.max(1) * 2 + 20;
        let chosen: Vec<(f32, DocAddress, usize)> = loop {
            let top: Vec<(f32, DocAddress)> = searcher.search(&query, &TopDocs::with_limit(fetch).order_by_score())?;
            let mut seen = std::collections::HashSet::new();
            let mut chosen = Vec::new();
            let mut columns = HashMap::new();
            for &(score, addr) in &top {
                let col = match columns.entry(addr.segment_ord) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(searcher.segment_reader(addr.segment_ord).fast_fields().u64("hash")?)
                    }
                };
                let Some(&a) = col.first(addr.doc_id).and_then(|h| by_hash.get(&h)) else {
                    continue;
                };
                if wanted(a) && seen.insert(a) {
                    chosen.push((score, addr, a));
                }
            }
            if chosen.len() >= limit || top.len() < fetch {
                // equal scores in the corpus's order: tantivy orders them by where the
                // documents were written, which differs from one index build to the next
                chosen.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)));
                chosen.truncate(limit);
                break chosen;
            }
            fetch *= 4;
        };
        let snippets = match &text_query {
            Some(tq) => {
                let mut g = tantivy::snippet::SnippetGenerator::create(&searcher, tq.as_ref(), self.f.body)?;
                g.set_max_num_chars(200);
                Some(g)
            }
            None => None,
        };
        let mut hits = Vec::new();
        for (score, addr, a) in chosen {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let (snippet, highlights) = match &snippets {
                Some(g) => {
                    let s = g.snippet_from_doc(&doc);
                    let frag = s.fragment().to_string();
                    let hl = s.highlighted().iter().map(|r| (r.start, r.end)).collect();
                    (frag, hl)
                }
                None => {
                    let body = doc.get_first(self.f.body).and_then(|v| v.as_str()).unwrap_or("");
                    (crate::text::truncate(body, 200), Vec::new())
                }
            };
            hits.push(Hit {
                article: a,
                score,
                snippet: snippet.replace('\n', " "),
                highlights,
            });
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_language() {
        let q =
            Query::parse(r#"kremlin "chancellor Gordon Brown" @fox @"Liam Fox" source:bbc after:2005-01-01"#).unwrap();
        assert_eq!(q.words, ["kremlin"]);
        assert_eq!(q.phrases, ["chancellor Gordon Brown"]);
        assert_eq!(q.people, ["fox", "Liam Fox"]);
        assert_eq!(q.source.as_deref(), Some("bbc"));
        assert_eq!(q.after.map(|d| d.to_string()).as_deref(), Some("2005-01-01"));
        assert!(Query::parse("before:someday").is_err());
        assert!(Query::parse(r#""unclosed phrase"#).is_ok());
    }
}
