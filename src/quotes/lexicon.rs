//! The word lists of `assets/lexicon.toml`, compiled into hash sets once.

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::sync::LazyLock;

const LEXICON: &str = include_str!("../../assets/lexicon.toml");

#[derive(Deserialize)]
struct Cues {
    strong: Vec<String>,
    weak: Vec<String>,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    cues: Cues,
    listeners: Vec<String>,
    between: Vec<String>,
    titles: Vec<String>,
    male: Vec<String>,
    female: Vec<String>,
    not_names: Vec<String>,
    organisation_words: Vec<String>,
    speaker_nouns: Vec<String>,
    pronouns_male: Vec<String>,
    pronouns_female: Vec<String>,
    pronouns_plural: Vec<String>,
}

pub struct Lexicon {
    pub strong: HashSet<String>,
    pub weak: HashSet<String>,
    /// Multi-word cues, as word lists.
    pub phrases: Vec<Vec<String>>,
    /// Listener objects, as word lists.
    pub listeners: Vec<Vec<String>>,
    pub between: HashSet<String>,
    pub titles: HashSet<String>,
    pub male: HashSet<String>,
    pub female: HashSet<String>,
    pub not_names: HashSet<String>,
    pub org_words: HashSet<String>,
    /// Multi-word organisation names ("white house"), as word lists.
    pub org_phrases: Vec<Vec<String>>,
    pub speaker_nouns: HashSet<String>,
    pub he: HashSet<String>,
    pub she: HashSet<String>,
    pub they: HashSet<String>,
    /// First words of the multi-word cues, to skip phrase matching quickly.
    pub phrase_heads: HashSet<String>,
    /// Every listed word with the lists it is in (one lookup per token).
    pub flags: rustc_hash::FxHashMap<String, u16>,
}

/// Bits of [`Lexicon::flags`].
pub mod flag {
    pub const STRONG: u16 = 1;
    pub const WEAK: u16 = 2;
    pub const PHRASE_HEAD: u16 = 4;
    pub const BETWEEN: u16 = 8;
    pub const TITLE: u16 = 16;
    pub const NOT_NAME: u16 = 32;
    pub const ORG: u16 = 64;
    pub const SPEAKER_NOUN: u16 = 128;
    pub const CUE: u16 = STRONG | WEAK;
}

fn set(v: Vec<String>) -> HashSet<String> {
    v.into_iter().collect()
}

fn split_words(v: &[String]) -> Vec<Vec<String>> {
    v.iter().map(|p| p.split(' ').map(str::to_string).collect()).collect()
}

/// The shipped lexicon (tested to parse).
pub static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let f: File = match toml::from_str(LEXICON) {
        Ok(f) => f,
        Err(e) => panic!("assets/lexicon.toml is broken: {e}"),
    };
    let (org_multi, org_single): (Vec<String>, Vec<String>) =
        f.organisation_words.into_iter().partition(|w| w.contains(' '));
    let mut flags: rustc_hash::FxHashMap<String, u16> = rustc_hash::FxHashMap::default();
    let mut add = |words: &[String], bit: u16| {
        for w in words {
            *flags.entry(w.clone()).or_default() |= bit;
        }
    };
    add(&f.cues.strong, flag::STRONG);
    add(&f.cues.weak, flag::WEAK);
    let heads: Vec<String> = f
        .cues
        .phrases
        .iter()
        .filter_map(|p| p.split(' ').next())
        .map(str::to_string)
        .collect();
    add(&heads, flag::PHRASE_HEAD);
    add(&f.between, flag::BETWEEN);
    add(&f.titles, flag::TITLE);
    add(&f.not_names, flag::NOT_NAME);
    add(&org_single, flag::ORG);
    add(&f.speaker_nouns, flag::SPEAKER_NOUN);
    Lexicon {
        flags,
        strong: set(f.cues.strong),
        weak: set(f.cues.weak),
        phrases: split_words(&f.cues.phrases),
        listeners: split_words(&f.listeners),
        between: set(f.between),
        titles: set(f.titles),
        male: set(f.male),
        female: set(f.female),
        not_names: set(f.not_names),
        org_words: set(org_single),
        org_phrases: split_words(&org_multi),
        speaker_nouns: set(f.speaker_nouns),
        he: set(f.pronouns_male),
        she: set(f.pronouns_female),
        they: set(f.pronouns_plural),
        phrase_heads: f
            .cues
            .phrases
            .iter()
            .filter_map(|p| p.split(' ').next())
            .map(str::to_string)
            .collect(),
    }
});

impl Lexicon {
    pub fn is_cue(&self, w: &str) -> bool {
        self.strong.contains(w) || self.weak.contains(w)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_lexicon_parses() {
        assert!(super::LEX.strong.contains("said"));
        assert!(super::LEX.phrases.iter().any(|p| p.join(" ") == "according to"));
    }
}
