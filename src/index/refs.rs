//! How the index names one quote of the corpus.

/// A quote: the article it is in and its place among that article's quotes
/// (`Index::quotes[article][quote]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuoteRef {
    pub article: usize,
    pub quote: usize,
}

/// In JSON a quote reference is `[article, quote]`.
impl serde::Serialize for QuoteRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.article, self.quote).serialize(s)
    }
}

impl QuoteRef {
    pub fn new(article: usize, quote: usize) -> QuoteRef {
        QuoteRef { article, quote }
    }
}
