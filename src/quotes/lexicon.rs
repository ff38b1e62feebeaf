//! The word lists of `assets/lexicon.toml`, compiled once: single words into one map of
//! list flags (one lookup per token), multi-word entries into word lists.

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
}

pub struct Lexicon {
    /// Multi-word cues, as word lists.
    pub phrases: Vec<Vec<String>>,
    /// Listener objects, as word lists.
    pub listeners: Vec<Vec<String>>,
    pub male: HashSet<String>,
    pub female: HashSet<String>,
    /// Multi-word organisation names ("white house"), as word lists.
    pub org_phrases: Vec<Vec<String>>,
    /// Every single listed word with the lists it is in (one lookup per token).
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
        phrases: split_words(&f.cues.phrases),
        listeners: split_words(&f.listeners),
        male: f.male.into_iter().collect(),
        female: f.female.into_iter().collect(),
        org_phrases: split_words(&org_multi),
    }
});

impl Lexicon {
    /// Is lowercase word `w` in any of the lists `bits` names?
    pub fn is(&self, w: &str, bits: u16) -> bool {
        self.flags.get(w).is_some_and(|f| f & bits != 0)
    }

    pub fn is_cue(&self, w: &str) -> bool {
        self.is(w, flag::CUE)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_lexicon_parses() {
        assert!(super::LEX.is_cue("said"));
        assert!(super::LEX.phrases.iter().any(|p| p.join(" ") == "according to"));
    }
}
