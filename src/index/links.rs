//! Cross-links and statements. A person quoted in two or more articles is linked; among
//! their quotes, those in different articles whose wording is the same or nearly so (a
//! different translation of one sentence counts) form one statement.
//!
//! Nearness: the quotes' content words (lowercase, stop words dropped, cut to a 6-letter
//! stem so "infected"/"infects" agree) overlap by at least half of the smaller set, with
//! at least four shared. Scare quotes never take part.

use super::people::{Person, PersonId};
use crate::corpus::Corpus;
use crate::quotes::{Quote, QuoteKind};
use rustc_hash::FxHashMap;

/// One statement reported by several articles: (article, quote) pairs, article order.
#[derive(Debug, Clone)]
pub struct Statement {
    pub person: PersonId,
    pub quotes: Vec<(usize, usize)>,
}

#[derive(Debug, Default)]
pub struct Links {
    pub statements: Vec<Statement>,
    statement_of: FxHashMap<(usize, usize), usize>,
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

/// Content-word stems of a quote, hashed, sorted and without repeats.
fn words(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .map(str::to_string)
                .unwrap_or(w)
        })
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
        .map(|w| {
            let stem: String = w.chars().take(6).collect();
            xxhash_rust::xxh3::xxh3_64(stem.as_bytes())
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
    let small = a.len().min(b.len());
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
    pub fn build(
        corpus: &Corpus,
        quotes: &[Vec<Quote>],
        people: &[Person],
        _speakers: &[Vec<Option<PersonId>>],
    ) -> Links {
        let mut links = Links::default();
        for (pid, p) in people.iter().enumerate() {
            if p.articles.len() < 2 {
                continue;
            }
            let qs: Vec<(usize, usize, Vec<u64>)> = p
                .quotes
                .iter()
                .filter(|&&(a, q)| quotes[a][q].kind != QuoteKind::Scare)
                .map(|&(a, q)| {
                    let qt = &quotes[a][q];
                    (a, q, words(&corpus.articles[a].text[qt.start..qt.end]))
                })
                .collect();
            let mut parent: Vec<usize> = (0..qs.len()).collect();
            for i in 0..qs.len() {
                for j in i + 1..qs.len() {
                    if qs[i].0 != qs[j].0 && near(&qs[i].2, &qs[j].2) {
                        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                        if ri != rj {
                            parent[rj] = ri;
                        }
                    }
                }
            }
            let mut groups: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
            for (i, q) in qs.iter().enumerate() {
                let r = find(&mut parent, i);
                groups.entry(r).or_default().push((q.0, q.1));
            }
            let mut groups: Vec<Vec<(usize, usize)>> = groups
                .into_values()
                .filter(|g| g.iter().any(|x| x.0 != g[0].0))
                .collect();
            groups.sort();
            for mut g in groups {
                g.sort();
                let id = links.statements.len();
                for &aq in &g {
                    links.statement_of.insert(aq, id);
                }
                links.statements.push(Statement { person: pid, quotes: g });
            }
        }
        links
    }

    /// The statement quote `(article, quote)` belongs to.
    pub fn statement_of(&self, article: usize, quote: usize) -> Option<&Statement> {
        self.statement_of.get(&(article, quote)).map(|&s| &self.statements[s])
    }
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
