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
    Lexicon {
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
