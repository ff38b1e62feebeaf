//! Cross-links: people quoted in two or more articles, and statements — quotes by the same
//! person in different articles that say the same thing (placeholder until the
//! cross-links work lands; built empty).

use crate::corpus::Corpus;
use crate::quotes::Quote;

use super::people::{Person, PersonId};

#[derive(Debug, Default)]
pub struct Links {}

impl Links {
    pub fn build(
        _corpus: &Corpus,
        _quotes: &[Vec<Quote>],
        _people: &[Person],
        _speakers: &[Vec<Option<PersonId>>],
    ) -> Links {
        Links {}
    }
}
