//! Cross-links and statements. A person quoted in two or more articles is linked; among
//! their quotes, those in different articles whose wording is the same or nearly so (a
//! different translation of one sentence counts) form one statement.
//!
//! Nearness: the quotes' content words (lowercase, stop words dropped, cut to a 6-letter
//! stem so "infected"/"infects" agree) overlap by at least half of the smaller set, with
//! at least four shared. Scare quotes never take part.

use super::people::{Person, PersonId};
use super::refs::QuoteRef;
use crate::quotes::{Quote, QuoteKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// One statement reported by several articles: (article, quote) pairs, article order.
#[derive(Debug, Clone)]
pub struct Statement {
    pub person: PersonId,
    pub quotes: Vec<QuoteRef>,
}

/// Each person's statements, found the first time they are asked for: a start needs
/// none (the list and the people view do without), the reader asks for the people of
/// the article it shows, and `saywho links` for everyone.
#[derive(Debug, Default)]
pub struct Links {
    per_person: Vec<std::sync::OnceLock<Vec<Statement>>>,
}

const STOP: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "from", "have", "has", "had", "was", "were", "are", "not", "but",
    "its", "our", "their", "they", "them", "his", "her", "she", "him", "you", "your", "will", "would", "could",
    "should", "been", "being", "into", "than", "then", "there", "what", "which", "who", "whom", "when", "where", "why",
    "how", "all", "any", "can", "did", "does", "doing", "just", "also", "very", "more", "most", "such", "only", "own",
    "same", "too", "out", "about", "over", "under", "again", "once", "here", "both", "each", "few", "other", "some",
    "nor", "off", "upon", "already", "hasn", "haven", "isn", "wasn", "weren", "don", "didn", "doesn", "won", "wouldn",
    "said", "says",
];

static STOP_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&str>> =
    std::sync::LazyLock::new(|| STOP.iter().copied().collect());

/// Content-word stems of a quote, hashed, sorted and without repeats.
fn words(text: &str) -> Vec<u64> {
    let mut buf = String::new();
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter_map(|w| {
            let w = w.trim_matches(|c| c == '\'' || c == '’');
            buf.clear();
            if w.is_ascii() {
                buf.push_str(w);
                buf.make_ascii_lowercase();
            } else {
                buf.extend(w.chars().flat_map(char::to_lowercase));
            }
            let w = buf
                .strip_suffix("'s")
                .or_else(|| buf.strip_suffix("’s"))
                .unwrap_or(&buf);
            if w.chars().count() < 3 || STOP_SET.contains(w) {
                return None;
            }
            let stem = w.char_indices().nth(6).map_or(w, |(i, _)| &w[..i]);
            Some(xxhash_rust::xxh3::xxh3_64(stem.as_bytes()))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Do two quotes say the same thing?
pub fn same_statement(a: &str, b: &str) -> bool {
    near(&words(a), &words(b))
}

fn near(a: &[u64], b: &[u64]) -> bool {
    // both sorted: count the shared stems by merging
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    near_counts(shared, a.len().min(b.len()))
}

/// Two quotes sharing `shared` stems, the smaller having `small`, say the same thing.
fn near_counts(shared: usize, small: usize) -> bool {
    // fewer than three content words is too little to call two quotes one statement
    small >= 3 && shared >= 4.min(small) && shared * 2 >= small
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut x = x;
    while parent[x] != r {
        let next = parent[x];
        parent[x] = r;
        x = next;
    }
    r
}

impl Links {
    /// Links for `people`, none found yet.
    pub fn new(people: usize) -> Links {
        Links {
            per_person: (0..people).map(|_| std::sync::OnceLock::new()).collect(),
        }
    }

    /// The statements of person `pid`, in order.
    pub fn of(&self, quotes: &[Vec<Quote>], people: &[Person], pid: PersonId) -> &[Statement] {
        match (self.per_person.get(pid), people.get(pid)) {
            (Some(cell), Some(p)) => cell.get_or_init(|| {
                statements_of(quotes, p)
                    .into_iter()
                    .map(|g| Statement { person: pid, quotes: g })
                    .collect()
            }),
            _ => &[],
        }
    }

    /// Find every person's statements now, in parallel.
    pub fn all(&self, quotes: &[Vec<Quote>], people: &[Person]) {
        (0..people.len()).into_par_iter().for_each(|pid| {
            self.of(quotes, people, pid);
        });
    }
}

/// One person's statements: their quotes in two or more articles that say the same thing,
/// grouped, each group sorted.
fn statements_of(quotes: &[Vec<Quote>], p: &Person) -> Vec<Vec<QuoteRef>> {
    if p.articles.len() < 2 {
        return Vec::new();
    }
    let mut qs: Vec<(usize, usize, Vec<u64>)> = p
        .quotes
        .iter()
        .filter(|r| quotes[r.article][r.quote].kind != QuoteKind::Scare)
        .map(|&r| {
            let qt = &quotes[r.article][r.quote];
            (r.article, r.quote, words(&qt.text))
        })
        .collect();
    // in article order, so each article's quotes are one run of every posting list
    qs.sort_unstable_by_key(|q| (q.0, q.1));
    // shared stems counted through an inverted index, not by comparing every pair: a
    // person quoted 300 times would be 45,000 comparisons
    let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (i, q) in qs.iter().enumerate() {
        for &w in &q.2 {
            postings.entry(w).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..qs.len()).collect();
    let mut shared = vec![0usize; qs.len()];
    let mut touched = Vec::new();
    for i in 0..qs.len() {
        for w in &qs[i].2 {
            // postings are in quote order: the tail is after `i` and past `i`'s own
            // article (quotes of one article are never one statement; counting them made
            // a person quoted 78,000 times in one article quadratic)
            let list = &postings[w];
            let from = list.partition_point(|&j| j <= i || qs[j].0 == qs[i].0);
            for &j in &list[from..] {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        for &j in &touched {
            if qs[i].0 != qs[j].0 && near_counts(shared[j], qs[i].2.len().min(qs[j].2.len())) {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj {
                    parent[rj] = ri;
                }
            }
            shared[j] = 0;
        }
        touched.clear();
    }
    let mut groups: FxHashMap<usize, Vec<QuoteRef>> = FxHashMap::default();
    for (i, q) in qs.iter().enumerate() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(QuoteRef::new(q.0, q.1));
    }
    let mut groups: Vec<Vec<QuoteRef>> = groups
        .into_values()
        .filter(|g| g.iter().any(|x| x.article != g[0].article))
        .collect();
    groups.sort();
    for g in &mut groups {
        g.sort();
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_of_one_sentence_are_one_statement() {
        let cnn = "“Either Trump has not gained the required independence and subsequently (and unsuccessfully) is being backed into a corner, or Russophobia has already infected the new administration from top to bottom,”";
        let ind = "“Either Trump hasn’t found the necessary independence and he’s been driven into a corner… or Russophobia has permeated the new administration from top to bottom.”";
        assert!(same_statement(cnn, ind));
        assert!(!same_statement(
            cnn,
            "“The target is not Flynn, but the relationship with Russia.”"
        ));
        assert!(
            !same_statement("“Yes.”", "“Yes.”"),
            "too little to say it is the same statement"
        );
    }
}
