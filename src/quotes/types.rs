//! The types the quote engine's passes share: the public [`Quote`], and the speaker as
//! found ([`Raw`]) before resolution turns it into a name.

use crate::text::lexicon::Gender;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
    /// Scare quotes and titles: quoted words with no speaker and no cue. Never linked.
    Scare,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    /// An organisation, a group ("the Tories") or a country acting as one ("Russia said").
    Organization,
    /// A news outlet as the source ("the Financial Times reported"). Not a person: never
    /// in the people index.
    Medium,
    Description,
}

/// What a capitalised name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    Person,
    Organisation,
    Place,
    Event,
    Medium,
    /// A plural group: "the Tories", "Democrats".
    Group,
    /// A capitalised name the article gives no evidence for ("Mulder", "Suncor"): a
    /// person's or an organisation's. "He" or "she" makes it a person, "it" or "the
    /// company" an organisation; otherwise it is shown as an organisation.
    Unknown,
}

impl EntityType {
    /// How a speaker of this type is shown; events never speak.
    pub fn speaker_kind(self) -> Option<SpeakerKind> {
        match self {
            EntityType::Person => Some(SpeakerKind::Person),
            EntityType::Organisation | EntityType::Place | EntityType::Group | EntityType::Unknown => {
                Some(SpeakerKind::Organization)
            }
            EntityType::Medium => Some(SpeakerKind::Medium),
            EntityType::Event => None,
        }
    }
}

/// One quotation. Offsets are byte offsets in the article's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// The quoted words, white space collapsed (kept here so a quote can be shown, linked
    /// and compared without its article's body in memory).
    pub text: String,
    pub kind: QuoteKind,
    /// Canonical name in this article (the fullest form used), or None for a description
    /// or an unattributed quote.
    pub speaker: Option<String>,
    pub speaker_kind: Option<SpeakerKind>,
    /// The words in the text that name the speaker ("Kosachev", "he", "a Kremlin spokesman").
    pub mention: Option<String>,
    pub mention_start: Option<usize>,
    pub mention_end: Option<usize>,
    pub cue: Option<String>,
    /// The speaker's role as the article gives it: a title or office with its organisation
    /// ("Lib Dem leader", "chairman of the foreign affairs committee"), or None.
    pub role: Option<String>,
    /// Quotes of one statement (the parts of a split or multi-paragraph quote) share it.
    pub group: usize,
    /// Index of the paragraph holding the start.
    pub para: usize,
}

/// A speaker as found in the text, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub kind: RawKind,
    /// Byte range of the words that name the speaker.
    pub mention: (usize, usize),
    pub role: Option<String>,
    /// Gender told by an honorific or a first name.
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawKind {
    /// A person's name as written (titles dropped).
    Name(String),
    Pronoun(crate::text::lexicon::PronounKind),
    /// A named organisation, place, group or medium.
    Thing(String, EntityType),
    /// A description; `head` is its last word, lowercase ("champion", "company").
    Description {
        head: String,
        definite: bool,
    },
}

/// A quotation being built by the passes.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Raw>,
    /// Byte range of the cue.
    pub cue: Option<(usize, usize)>,
    pub group: usize,
    pub para: usize,
    /// The article-wide index of the sentence holding the attribution (or the quote).
    pub sentence: usize,
    /// For direct quotes: the span index.
    pub span: Option<usize>,
    pub id: usize,
    /// The quote stands alone in its sentence (no words outside quotes).
    pub alone: bool,
    /// A speech noun and a colon lead into the quote, and its sentence has no cue ("And
    /// here was the big reveal: “…”"): the paragraph's speaker goes on.
    pub led: bool,
    /// Token index (in its paragraph) of the quote token, and of the end of the
    /// attribution clause attached to it.
    pub tok: usize,
    pub clause_end: Option<usize>,
}
