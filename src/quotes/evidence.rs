//! What the whole article says about its words, gathered once every paragraph is
//! tokenized and before any quote is attributed. A capitalised word is a name only with
//! evidence, and most evidence is in the rest of the article: "Currently" opens a sentence
//! but is seen nowhere else capitalised; "Kosachev" is the surname of "Konstantin
//! Kosachev" two paragraphs up; "Yukos" was introduced as "oil firm Yukos".
//!
//! The result is a few bits on each token ([`ev`]), so the passes that follow read the
//! evidence with no lookups.

use super::lexicon::{LEX, flag};
use super::mentions;
use super::tokens::{Kind, Tokens};
use rustc_hash::{FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// Bits of [`super::tokens::Tok::ev`].
pub mod ev {
    /// The word is seen in lowercase somewhere in the article (outside quotes).
    pub const LOWER: u8 = 1;
    /// The word is seen capitalised inside a sentence (not as its first word).
    pub const CAP_MID: u8 = 2;
    /// The word belongs to a person's name the article confirms (an honorific or title
    /// before it, or a first name opening it).
    pub const PERSON: u8 = 4;
    /// The word is the last word of such a name.
    pub const SURNAME: u8 = 8;
    /// A common first name (assets/tables/first_names.tsv).
    pub const FIRST_NAME: u8 = 16;
    /// The word names an organisation the article introduces as one ("oil firm Yukos").
    pub const ORG: u8 = 32;
    /// The word is the first word of a confirmed person's name.
    pub const GIVEN: u8 = 64;
}

/// A first name counts as evidence when at least 2^this many people were given it (US,
/// 1880–2016): 256 lets in "Konstantin" (421) and "Leonid" (296), not one-off spellings.
pub const MIN_FIRST_NAME_LOG_BIRTHS: u8 = 8;

fn hash(w: &str) -> u64 {
    let mut h = FxHasher::default();
    w.hash(&mut h);
    h.finish()
}

/// A paragraph's tokens with its sentences (token ranges).
pub struct Para {
    pub tokens: Tokens,
    pub sentences: Vec<Range<usize>>,
}

/// The word at `k` opens its sentence (or follows an opening mark within it), so its
/// capital says nothing.
pub fn sentence_initial(t: &Tokens, k: usize, sent_start: usize) -> bool {
    k == sent_start
        || (k > sent_start
            && matches!(
                t.toks[k - 1].kind,
                Kind::Punct(':' | '(' | '—' | '–' | '-' | '"' | '“' | '‘' | '\'' | '•' | '*' | '[')
            ))
}

/// Gather the evidence of every paragraph and write it onto the tokens.
pub fn annotate(paras: &mut [Para]) {
    let mut lower: FxHashSet<u64> = FxHashSet::default();
    let mut cap_mid: FxHashSet<u64> = FxHashSet::default();
    // 1. how each word is written, and first names
    for p in paras.iter_mut() {
        let t = &mut p.tokens;
        for s in &p.sentences {
            for k in s.clone() {
                if t.toks[k].kind != Kind::Word {
                    continue;
                }
                if !t.toks[k].cap {
                    lower.insert(hash(t.lower(k)));
                    continue;
                }
                let h = hash(t.stem(k));
                if !sentence_initial(t, k, s.start) {
                    cap_mid.insert(h);
                }
                if !t.has(k, flag::NOT_NAME)
                    && LEX
                        .first_name(t.stem(k))
                        .is_some_and(|f| f.log_births >= MIN_FIRST_NAME_LOG_BIRTHS)
                {
                    t.toks[k].ev |= ev::FIRST_NAME;
                }
            }
        }
    }
    for p in paras.iter_mut() {
        let t = &mut p.tokens;
        for k in 0..t.len() {
            if t.toks[k].cap && t.toks[k].kind == Kind::Word {
                let h = hash(t.stem(k));
                if lower.contains(&h) {
                    t.toks[k].ev |= ev::LOWER;
                }
                if cap_mid.contains(&h) {
                    t.toks[k].ev |= ev::CAP_MID;
                }
            }
        }
    }
    // 2. names the article confirms as people, and organisations it introduces as such
    let mut person: FxHashSet<u64> = FxHashSet::default();
    let mut surname: FxHashSet<u64> = FxHashSet::default();
    let mut given: FxHashSet<u64> = FxHashSet::default();
    let mut org: FxHashSet<u64> = FxHashSet::default();
    for p in paras.iter() {
        let t = &p.tokens;
        for s in &p.sentences {
            let mut k = s.start;
            while k < s.end {
                if !t.cap(k) {
                    k += 1;
                    continue;
                }
                let e = mentions::run_end(t, k, s.end);
                if e <= k {
                    k += 1;
                    continue;
                }
                match mentions::confirmed(t, k, e, s.start) {
                    Some(mentions::Confirmed::Person(a, b)) => {
                        for j in a..b {
                            if !t.has(j, flag::PARTICLE) || t.toks[j].cap {
                                person.insert(hash(t.stem(j)));
                            }
                        }
                        surname.insert(hash(t.stem(b - 1)));
                        if b - a >= 2 {
                            given.insert(hash(t.stem(a)));
                        }
                    }
                    Some(mentions::Confirmed::Org(a, b)) => {
                        for j in a..b {
                            org.insert(hash(t.stem(j)));
                        }
                    }
                    None => {}
                }
                k = e;
            }
        }
    }
    for p in paras.iter_mut() {
        let t = &mut p.tokens;
        for k in 0..t.len() {
            if t.toks[k].cap && t.toks[k].kind == Kind::Word {
                let h = hash(t.stem(k));
                let mut bits = 0;
                if person.contains(&h) {
                    bits |= ev::PERSON;
                }
                if surname.contains(&h) {
                    bits |= ev::SURNAME;
                }
                if given.contains(&h) {
                    bits |= ev::GIVEN;
                }
                if org.contains(&h) {
                    bits |= ev::ORG;
                }
                t.toks[k].ev |= bits;
            }
        }
    }
}
