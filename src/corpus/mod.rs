//! Articles: finding files, decoding, front matter, metadata, paragraphs and cleaning.
//! Knows nothing of terminals; the CLI and the TUI both read a [`Corpus`].

pub mod bundled;
pub mod clean;
pub mod dates;
pub mod decode;
pub mod frontmatter;
pub mod header;
pub mod html;
pub mod load;
pub mod metadata;
pub mod paragraphs;
pub mod sanitize;
pub mod store;

pub use clean::Rules;
pub use load::{LoadOptions, load_bundled, load_paths};

use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;

/// What is known about an article. Empty means unknown: nothing is invented.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Meta {
    pub title: String,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    /// Tags: the feed's (folders of an imported OPML), or the front matter's `tags`.
    /// (Always serialized: the cache's encoding is positional.)
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where a web page's text came from: "page" (read from the page) or "feed" (the page
    /// could not be fetched or had no readable text, so the feed's own text was kept).
    /// None for a text file.
    pub text_from: Option<String>,
}

/// A paragraph of the reading view: a byte range in [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

impl Paragraph {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A paragraph left out of the reading view, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// An article's text and reading view: the large part, kept in memory only while it is
/// needed (an article from the cache has none until it is shown or searched; see
/// [`Corpus::body`]). `text` is the decoded file (BOM dropped) with terminal-unsafe
/// characters blanked to spaces of the same byte length, so every offset is an offset in
/// the decoded file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    pub text: String,
    pub body_start: usize,
    pub paragraphs: Vec<Paragraph>,
    pub removed: Vec<Removed>,
}

/// The body of an article that has one in memory; an empty one otherwise (the quote
/// engine then finds nothing: read it with [`Corpus::body`] first).
impl AsRef<Body> for Article {
    fn as_ref(&self) -> &Body {
        static EMPTY: Body = Body {
            text: String::new(),
            body_start: 0,
            paragraphs: Vec::new(),
            removed: Vec::new(),
        };
        self.body.as_deref().unwrap_or(&EMPTY)
    }
}

impl AsRef<Body> for Body {
    fn as_ref(&self) -> &Body {
        self
    }
}

impl Body {
    /// The text of paragraph `i`.
    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .and_then(|p| self.text.get(p.range()))
            .unwrap_or("")
    }
}

/// One article: what the list, the filter and the index need, always in memory. Its
/// [`Body`] is resident when it was just parsed, else read again when needed.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: String,
    pub path: String,
    #[serde(flatten)]
    pub meta: Meta,
    pub encoding: decode::Encoding,
    pub words: usize,
    /// How many paragraphs the reading view has.
    #[serde(skip)]
    pub paragraph_count: usize,
    /// A hash of the text: the article's key in the lasting state (read marks) and the
    /// search index, the same whichever file it is read from.
    #[serde(skip)]
    pub text_hash: u64,
    /// A hash of what the article was parsed from (the file's bytes and the cleaning
    /// rules): its key in the cache.
    #[serde(skip)]
    pub key: ContentKey,
    #[serde(skip)]
    pub(crate) body: Option<std::sync::Arc<Body>>,
}

/// See [`Article::key`].
pub type ContentKey = [u8; 16];

impl Article {
    /// Where the article is from: its source, else the folder it is in ("sport" for
    /// bbc/sport/001.txt), when nothing better names one.
    pub fn source_or_folder(&self) -> Option<&str> {
        self.meta
            .source
            .as_deref()
            .or(self.meta.tags.first().map(String::as_str))
            .or_else(|| {
                std::path::Path::new(&self.path)
                    .parent()?
                    .file_name()?
                    .to_str()
                    .filter(|s| !s.is_empty() && *s != "." && *s != "..")
            })
    }

    /// Build an article from decoded text.
    pub fn parse(
        id: String,
        path: String,
        raw: String,
        encoding: decode::Encoding,
        rules: &Rules,
    ) -> (Article, Option<String>) {
        let text = sanitize::sanitize_owned(decode_entities(raw));
        let fm = frontmatter::parse(&text);
        let (fields, body_start, warning) = match fm {
            Some(p) => (p.fields, p.body_start, p.error),
            None => (frontmatter::FrontMatter::default(), 0, None),
        };
        let article = Self::build(id, path, text, fields, body_start, encoding, rules);
        (article, warning)
    }

    /// Build an article from a web page: the text is its title and the paragraphs a reader
    /// mode finds (offsets are into that text), the metadata the page's own.
    pub fn parse_html(id: String, path: String, html: &str, encoding: decode::Encoding, rules: &Rules) -> Article {
        // a page saywho's sync stored starts with what the feed said: it fills what the
        // page lacks
        let (header, html) = match header::Header::parse(html) {
            Some((h, at)) => (Some(h), &html[at..]),
            None => (None, html),
        };
        let text_from = match header.as_ref().map(|h| h.from.as_str()) {
            Some("feed") => "feed",
            _ => "page",
        };
        let mut page = html::extract(html, header.as_ref().and_then(|h| h.url.as_deref()));
        let mut tags = Vec::new();
        if let Some(h) = header {
            tags = h.tags;
            page.title = page.title.or(h.title);
            page.source = page.source.or(h.feed_title).or(h.feed);
            page.author = page.author.or(h.author);
            page.date = page.date.or_else(|| h.date.as_deref().and_then(dates::parse_date));
            page.url = page.url.or(h.url);
        }
        // a page's text is what saywho extracted from it: paragraphs the boilerplate rules
        // name (a subscription box, a copyright line) are not extracted at all
        let furniture = clean::rule_marks(&page.paragraphs, rules);
        let mut text = page.title.clone().unwrap_or_default();
        for (p, _) in page.paragraphs.iter().zip(furniture).filter(|(_, f)| !f) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(p);
        }
        let text = sanitize::sanitize_owned(text);
        let fields = frontmatter::FrontMatter {
            title: page.title,
            source: page.source,
            author: page.author,
            date: page.date,
            url: page.url,
            tags,
        };
        let mut article = Self::build(id, path, text, fields, 0, encoding, rules);
        article.meta.text_from = Some(text_from.to_string());
        article
    }

    fn build(
        id: String,
        path: String,
        text: String,
        fields: frontmatter::FrontMatter,
        body_start: usize,
        encoding: decode::Encoding,
        rules: &Rules,
    ) -> Article {
        let paras = paragraphs::split(&text, body_start);
        let mut marks = clean::apply_rules(&text, &paras, rules);
        let derived = metadata::derive(&text, &paras, &mut marks);
        let meta = Meta {
            title: fields.title.or(derived.title).unwrap_or_default(),
            source: fields.source.or(derived.source),
            author: fields.author.or(derived.author),
            date: fields.date.or(derived.date),
            url: fields.url,
            tags: fields.tags,
            text_from: None,
        };
        clean::apply_signals(
            &text,
            &paras,
            &mut marks,
            Some(&meta.title).filter(|t| !t.is_empty()).map(String::as_str),
        );
        let mut paragraphs = Vec::new();
        let mut removed = Vec::new();
        let mut words = 0;
        for (r, mark) in paras.into_iter().zip(marks) {
            match mark {
                Some(reason) => removed.push(Removed {
                    start: r.start,
                    end: r.end,
                    reason,
                }),
                None => {
                    words += crate::text::words::words(&text[r.clone()]);
                    paragraphs.push(Paragraph {
                        start: r.start,
                        end: r.end,
                    });
                }
            }
        }
        let meta = Meta {
            title: if meta.title.is_empty() { id.clone() } else { meta.title },
            ..meta
        };
        Article {
            id,
            path,
            meta,
            encoding,
            words,
            paragraph_count: paragraphs.len(),
            text_hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            key: [0; 16],
            body: Some(std::sync::Arc::new(Body {
                text,
                body_start,
                paragraphs,
                removed,
            })),
        }
    }

    /// An article from the cache: no body in memory.
    pub fn from_stored(id: String, path: String, key: ContentKey, s: store::Stored) -> (Article, Option<String>) {
        let a = Article {
            id,
            path,
            meta: s.meta,
            encoding: s.encoding,
            words: s.words,
            paragraph_count: s.paragraph_count,
            text_hash: s.text_hash,
            key,
            body: None,
        };
        (a, s.warning)
    }

    /// What the cache keeps of this article.
    pub fn stored(&self, warning: Option<String>) -> store::Stored {
        store::Stored {
            meta: self.meta.clone(),
            encoding: self.encoding,
            words: self.words,
            paragraph_count: self.paragraph_count,
            text_hash: self.text_hash,
            warning,
        }
    }

    /// The body, when it is in memory (just parsed). [`Corpus::body`] reads it when not.
    pub fn body(&self) -> Option<&Body> {
        self.body.as_deref()
    }

    /// "source · author · date", leaving out what is unknown.
    pub fn byline(&self) -> String {
        let date = self.meta.date.map(|d| d.format("%-d %B %Y").to_string());
        [
            self.meta.source.as_deref(),
            self.meta.author.as_deref(),
            date.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

/// HTML character references in plain text (`&#163;1.8m`, `&amp;`, `&eacute;`) decoded:
/// text scraped from web pages often keeps them. Only well-formed references (ending in
/// `;`) change.
fn decode_entities(text: String) -> String {
    if !text.contains('&') || !text.contains(';') {
        return text;
    }
    match html_escape::decode_html_entities(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(s) => s,
    }
}

/// A problem with one input. `skipped` means the file is not in the corpus; otherwise it
/// loaded with a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub reason: String,
    pub skipped: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.skipped { "skipped" } else { "warning" };
        write!(f, "saywho: {what}: {}: {}", self.path, self.reason)
    }
}

/// The loaded articles, in path order, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    /// How many files were read and parsed (the rest came from the cache unchanged).
    pub files_read: usize,
    /// How to read a body that is not in memory: the rules it was cleaned with.
    rules: Option<std::sync::Arc<Rules>>,
    /// Bodies read again lately (article index, body), most recent last.
    recent: std::sync::Mutex<Vec<(usize, std::sync::Arc<Body>)>>,
}

/// How many bodies read again are kept in memory.
const RECENT_BODIES: usize = 64;

impl Corpus {
    pub fn new(articles: Vec<Article>, problems: Vec<Problem>) -> Corpus {
        Corpus {
            articles,
            problems,
            ..Corpus::default()
        }
    }

    /// Bodies not in memory are read again from their files with `rules`.
    pub fn with_rules(mut self, rules: std::sync::Arc<Rules>) -> Corpus {
        self.rules = Some(rules);
        self
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// True when some input was not loaded.
    pub fn skipped_any(&self) -> bool {
        self.problems.iter().any(|p| p.skipped)
    }

    /// The body of article `i`: in memory, or read again from its file. An error says why
    /// it cannot be shown (the file is gone, or changed since it was read: the quotes
    /// found in it would be at the wrong places).
    pub fn body(&self, i: usize) -> Result<std::sync::Arc<Body>, String> {
        let a = self.articles.get(i).ok_or("no such article")?;
        if let Some(b) = &a.body {
            return Ok(b.clone());
        }
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = recent.iter().position(|(j, _)| *j == i) {
            let hit = recent.remove(at);
            let body = hit.1.clone();
            recent.push(hit);
            return Ok(body);
        }
        drop(recent);
        let rules = self
            .rules
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(Rules::builtin()));
        // it was under the size limit when it was first read: no limit again
        let bytes = load::read_bytes(std::path::Path::new(&a.path), u64::MAX)?;
        if load::content_key(&bytes, &a.path, &rules) != a.key {
            return Err(format!(
                "{}: changed since it was read; it is read again at the next start",
                a.path
            ));
        }
        let (fresh, _) = load::parse_keyed(a.id.clone(), a.path.clone(), &bytes, &rules, a.key)?;
        let body = fresh.body.ok_or("no readable text")?;
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if recent.len() >= RECENT_BODIES {
            recent.remove(0);
        }
        recent.push((i, body.clone()));
        Ok(body)
    }
}
