//! The corpus index: quotes of every article, one identity per person across articles
//! (`people`), and the cross-links and statements built on them (`links`). No terminal
//! code here; the CLI and the TUI both read an [`Index`].

pub mod links;
pub mod people;
pub mod refs;

use crate::corpus::Corpus;
use crate::quotes::{self, Quote};
pub use people::{Person, PersonId};
pub use refs::QuoteRef;

use rayon::prelude::*;

pub struct Index {
    /// Quotes per article (same order as `Corpus::articles`), scare quotes included.
    pub quotes: Vec<Vec<Quote>>,
    /// Everyone quoted, most-quoted first.
    pub people: Vec<Person>,
    /// Person id of each quote's speaker (None: description, unattributed or scare).
    speakers: Vec<Vec<Option<PersonId>>>,
    /// Statements: quotes of one person in several articles that say the same thing.
    links: links::Links,
}

/// The quotes of article `i`, its body read if it is not in memory (none if it cannot
/// be read).
pub fn extract(corpus: &Corpus, i: usize) -> Vec<Quote> {
    corpus.body(i).map(|b| quotes::extract(&*b)).unwrap_or_default()
}

impl Index {
    pub fn build(corpus: &Corpus) -> Index {
        let quotes: Vec<Vec<Quote>> = (0..corpus.articles.len())
            .into_par_iter()
            .map(|i| extract(corpus, i))
            .collect();
        Self::from_quotes(quotes)
    }

    /// An index with no quotes yet (the reader shows the list while the real one builds).
    pub fn empty(corpus: &Corpus) -> Index {
        Self::from_quotes(vec![Vec::new(); corpus.articles.len()])
    }

    pub fn from_quotes(quotes: Vec<Vec<Quote>>) -> Index {
        let (people, speakers) = people::identify(&quotes);
        let links = links::Links::new(people.len());
        Index {
            quotes,
            people,
            speakers,
            links,
        }
    }

    /// The statements of person `pid`: their quotes in several articles that say the
    /// same thing.
    pub fn statements_of(&self, pid: PersonId) -> &[links::Statement] {
        self.links.of(&self.quotes, &self.people, pid)
    }

    /// The statement quote `q` belongs to.
    pub fn statement_of(&self, q: QuoteRef) -> Option<&links::Statement> {
        let pid = self.speaker_of(q.article, q.quote)?;
        self.statements_of(pid)
            .iter()
            .find(|s| s.quotes.binary_search(&q).is_ok())
    }

    /// Find every person's statements now (in parallel), rather than as they are asked for.
    pub fn find_all_statements(&self) {
        self.links.all(&self.quotes, &self.people);
    }

    pub fn speaker_of(&self, article: usize, quote: usize) -> Option<PersonId> {
        self.speakers.get(article).and_then(|v| v.get(quote)).copied().flatten()
    }

    /// The person named `name`: any alias, case- and accent-insensitive; a unique
    /// substring match as a last resort.
    pub fn find_person(&self, name: &str) -> Option<PersonId> {
        let key = people::fold(name);
        if key.is_empty() {
            return None;
        }
        let exact = self.people.iter().position(|p| p.keys.contains(&key));
        if exact.is_some() {
            return exact;
        }
        let sorted = people::order_key(&key);
        if let Some(p) = self.people.iter().position(|p| people::order_key(&p.keys[0]) == sorted) {
            return Some(p);
        }
        let partial: Vec<usize> = (0..self.people.len())
            .filter(|&p| self.people[p].keys.iter().any(|k| k.contains(&key)))
            .collect();
        (partial.len() == 1).then(|| partial[0])
    }

    /// People quoted in article `a` (attributed, not scare), in order of first quote.
    pub fn people_in(&self, a: usize) -> Vec<PersonId> {
        let mut out = Vec::new();
        for p in self.speakers.get(a).into_iter().flatten().flatten() {
            if !out.contains(p) {
                out.push(*p);
            }
        }
        out
    }
}
