//! The fuzzy filter behind the article list and the jump palette: fuzzy-matcher's
//! SkimMatcherV2 (smart case) over one haystack per item, ranked by score, with
//! qualifiers `source:NAME`, `tag:NAME` and `@person`. Knows nothing of terminals.
//!
//! Speed: a cheap subsequence test (memchr per pattern character) rejects most items
//! before the scorer runs; a query that extends the previous one only re-checks the
//! previous matches; items are scored in parallel. While more than [`LARGE`] candidates
//! remain (the first keystrokes over a big corpus) the matcher uses fuzzy-matcher's own
//! linear scorer (`element_limit`, its `simple_match`) instead of the full score matrix:
//! the same scoring rules, greedy alignment, half the cost. Highlight positions are
//! computed only for the rows shown ([`Filter::indices`]).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

/// One searchable item: its haystack (what the fuzzy pattern is matched against, title
/// first), its source (for `source:`) and the folded names of people quoted (for `@`).
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub haystack: String,
    /// Lowercase haystack, for the subsequence pre-test.
    lower: Vec<u8>,
    pub source: String,
    pub people: Vec<String>,
    /// Lowercase tags (for `tag:`).
    pub tags: Vec<String>,
}

impl Item {
    pub fn new(haystack: String, source: &str, people: Vec<String>) -> Item {
        let lower = haystack.to_lowercase().into_bytes();
        Item {
            haystack,
            lower,
            source: source.to_lowercase(),
            people: people.iter().map(|p| p.to_lowercase()).collect(),
            tags: Vec::new(),
        }
    }

    /// The item with its tags.
    pub fn tagged(mut self, tags: &[String]) -> Item {
        self.tags = tags.iter().map(|t| t.to_lowercase()).collect();
        self
    }
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub pattern: String,
    pub sources: Vec<String>,
    pub people: Vec<String>,
    pub tags: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut out = Query::default();
        let mut words = Vec::new();
        for w in q.split_whitespace() {
            if let Some(s) = w.strip_prefix("source:").filter(|s| !s.is_empty()) {
                out.sources.push(s.to_lowercase());
            } else if let Some(s) = w.strip_prefix("tag:").filter(|s| !s.is_empty()) {
                out.tags.push(s.to_lowercase());
            } else if let Some(p) = w.strip_prefix('@').filter(|p| !p.is_empty()) {
                out.people.push(p.to_lowercase());
            } else {
                words.push(w);
            }
        }
        out.pattern = words.join(" ");
        out
    }

    pub fn is_empty(&self) -> bool {
        self.pattern.is_empty() && self.sources.is_empty() && self.people.is_empty() && self.tags.is_empty()
    }

    /// True when every item matching `self` must also match `prev` (so narrowing may
    /// start from `prev`'s matches).
    fn narrows(&self, prev: &Query) -> bool {
        self.pattern.starts_with(&prev.pattern)
            && self.sources.len() == prev.sources.len()
            && self
                .sources
                .iter()
                .zip(&prev.sources)
                .all(|(a, b)| a.starts_with(b.as_str()))
            && self.tags.len() == prev.tags.len()
            && self.tags.iter().zip(&prev.tags).all(|(a, b)| a.starts_with(b.as_str()))
            && self.people.len() == prev.people.len()
            && self
                .people
                .iter()
                .zip(&prev.people)
                .all(|(a, b)| a.starts_with(b.as_str()))
    }
}

/// A match: item index and score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    pub score: i64,
}

/// Above this many candidates the linear scorer is used.
pub const LARGE: usize = 2_000;

pub struct Filter {
    matcher: SkimMatcherV2,
    fast: SkimMatcherV2,
    last: Option<(Query, Vec<Hit>)>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            matcher: SkimMatcherV2::default().smart_case(),
            fast: SkimMatcherV2::default().smart_case().element_limit(1),
            last: None,
        }
    }
}

/// Does `hay` hold the characters of `pat` in order (ASCII case-insensitive for letters)?
fn subsequence(hay: &[u8], pat: &[u8]) -> bool {
    let mut pos = 0;
    for &c in pat {
        if c == b' ' {
            continue;
        }
        match memchr::memchr(c, &hay[pos..]) {
            Some(i) => pos += i + 1,
            None => return false,
        }
    }
    true
}

impl Filter {
    /// Items matching `query`, best first (ties keep item order). An empty query matches
    /// everything in item order with score 0.
    pub fn run(&mut self, items: &[Item], query: &Query) -> Vec<Hit> {
        let base: Vec<usize> = match &self.last {
            Some((prev, hits)) if query.narrows(prev) && !prev.is_empty() => hits.iter().map(|h| h.item).collect(),
            _ => (0..items.len()).collect(),
        };
        let pat_lower = query.pattern.to_lowercase();
        let pat_bytes: Vec<u8> = pat_lower.bytes().collect();
        let matcher = if base.len() > LARGE { &self.fast } else { &self.matcher };
        let check = |&i: &usize| -> Option<Hit> {
            let it = items.get(i)?;
            if !query.sources.iter().all(|s| it.source.contains(s.as_str())) {
                return None;
            }
            if !query
                .tags
                .iter()
                .all(|q| it.tags.iter().any(|t| t.contains(q.as_str())))
            {
                return None;
            }
            if !query
                .people
                .iter()
                .all(|p| it.people.iter().any(|n| n.contains(p.as_str()) || fuzzy_word(n, p)))
            {
                return None;
            }
            if query.pattern.is_empty() {
                return Some(Hit { item: i, score: 0 });
            }
            if !subsequence(&it.lower, &pat_bytes) {
                return None;
            }
            let score = matcher.fuzzy_match(&it.haystack, &query.pattern)?;
            Some(Hit { item: i, score })
        };
        let mut hits: Vec<Hit> = if base.len() > 4096 {
            base.par_iter().filter_map(check).collect()
        } else {
            base.iter().filter_map(check).collect()
        };
        if !query.pattern.is_empty() {
            // (score desc, item asc) is a total order, so an unstable sort is deterministic
            hits.par_sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
        }
        self.last = Some((query.clone(), hits.clone()));
        hits
    }

    /// Forget the previous query (the items changed).
    pub fn reset(&mut self) {
        self.last = None;
    }

    /// How well `pattern` matches `haystack` (higher is better), if it does.
    pub fn score(&self, haystack: &str, pattern: &str) -> Option<i64> {
        self.matcher.fuzzy_match(haystack, pattern)
    }

    /// Character positions in `haystack` that `pattern` matched, for highlighting.
    pub fn indices(&self, haystack: &str, pattern: &str) -> Vec<usize> {
        if pattern.is_empty() {
            return vec![];
        }
        self.matcher
            .fuzzy_indices(haystack, pattern)
            .map(|(_, v)| v)
            .unwrap_or_default()
    }
}

/// `@kosa` matches "konstantin kosachev": every character of the pattern in order inside
/// one word of the name.
fn fuzzy_word(name: &str, pat: &str) -> bool {
    name.split(' ')
        .any(|w| subsequence(w.as_bytes(), pat.as_bytes()) && w.starts_with(pat.chars().next().unwrap_or(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<Item> {
        vec![
            Item::new(
                "Russia reacts to Flynn's resignation CNN".into(),
                "CNN",
                vec!["konstantin kosachev".into()],
            ),
            Item::new(
                "Russia responds The Independent Samuel Osborne".into(),
                "The Independent",
                vec!["dmitry peskov".into(), "konstantin kosachev".into()],
            ),
            Item::new("Ad sales boost Time Warner profit".into(), "", vec![]),
        ]
    }

    #[test]
    fn narrows_and_ranks() {
        let it = items();
        let mut f = Filter::default();
        assert_eq!(f.run(&it, &Query::parse("")).len(), 3);
        let hits = f.run(&it, &Query::parse("indep"));
        assert_eq!(hits.iter().map(|h| h.item).collect::<Vec<_>>(), [1]);
        assert!(f.run(&it, &Query::parse("indepx")).is_empty());
        // smart case: an uppercase letter makes the match case-sensitive
        assert!(f.run(&it, &Query::parse("INDEP")).is_empty());
        assert_eq!(f.run(&it, &Query::parse("russia")).len(), 2);
    }

    #[test]
    fn tags_qualify() {
        let it = vec![
            Item::new("Bridge reopens".into(), "Coast", vec![]).tagged(&["Local".into(), "Island".into()]),
            Item::new("Harbour crane".into(), "Coast", vec![]).tagged(&["Wire".into()]),
            Item::new("No tags".into(), "", vec![]),
        ];
        let mut f = Filter::default();
        let hits = |f: &mut Filter, q: &str| f.run(&it, &Query::parse(q)).iter().map(|h| h.item).collect::<Vec<_>>();
        assert_eq!(hits(&mut f, "tag:isl"), [0]);
        assert_eq!(hits(&mut f, "tag:island"), [0], "narrowing keeps it");
        assert_eq!(hits(&mut f, "tag:WIRE"), [1]);
        assert!(hits(&mut f, "tag:wire bridge").is_empty());
        assert_eq!(hits(&mut f, "tag:local tag:island"), [0]);
        assert!(hits(&mut f, "tag:nothing").is_empty());
    }

    #[test]
    fn qualifiers() {
        let it = items();
        let mut f = Filter::default();
        let q = Query::parse("source:cnn russia");
        assert_eq!(q.pattern, "russia");
        assert_eq!(f.run(&it, &q).iter().map(|h| h.item).collect::<Vec<_>>(), [0]);
        assert_eq!(
            f.run(&it, &Query::parse("@peskov"))
                .iter()
                .map(|h| h.item)
                .collect::<Vec<_>>(),
            [1]
        );
        assert_eq!(f.run(&it, &Query::parse("@kosa")).len(), 2);
    }

    #[test]
    fn highlight_positions() {
        let f = Filter::default();
        let ix = f.indices("Russia", "rsa");
        assert_eq!((ix.len(), ix[0], ix[2]), (3, 0, 5));
    }
}
