//! What the whole article says about its words, gathered once every paragraph is
//! tokenized and before any quote is attributed. A capitalised word is a name only with
//! evidence, and most evidence is in the rest of the article: "Currently" opens a sentence
//! but is seen nowhere else capitalised; "Kosachev" is the surname of "Konstantin
//! Kosachev" two paragraphs up; "Yukos" was introduced as "oil firm Yukos".
//!
//! The result is a few bits on each token ([`ev`]), so the passes that follow read the
//! evidence with no lookups.

use super::mentions;
use super::tokens::{Kind, Tokens, common_first_name, ev, sentence_initial};
use crate::text::lexicon::ByHash;
use crate::text::lexicon::{LEX, flag, word};
use std::ops::Range;

/// The run `k..e` of sentence `s` stands where a place does: after a locative ("in",
/// "near"), before a state or province abbreviation after a comma, or before a place noun.
fn place_context(t: &Tokens, k: usize, e: usize, s: &Range<usize>) -> bool {
    if t.possessive(e - 1) {
        return false; // "in Trump's view"
    }
    let lex = &*LEX;
    // (not "in Trump company": a name modifying a noun is no place)
    let modifies = e < s.end
        && t.is_word(e)
        && !t.toks[e].cap
        && !t.has(
            e,
            flag::STOP
                | flag::ADJUNCT
                | flag::COORDINATOR
                | flag::RELATIVE
                | flag::BETWEEN
                | flag::DETERMINER
                | flag::CUE,
        );
    (k > s.start && t.is_word(k - 1) && lex.locatives.contains(&t.toks[k - 1].hash) && !modifies)
        || mentions::state_after_place(t, e + 1)
        || (e < s.end && t.is_word(e) && !t.toks[e].cap && lex.place_nouns.contains(&t.toks[e].hash))
}

/// A paragraph's tokens with its sentences (token ranges).
pub struct Para {
    pub tokens: Tokens,
    pub sentences: Vec<Range<usize>>,
}

/// The `ev` bits of the lexicon's `word` bits.
fn word_ev(bits: u8) -> u16 {
    let mut e = 0;
    for (w, v) in [
        (word::NATIONALITY, ev::NATIONALITY),
        (word::PLACE_WORD, ev::PLACE_WORD),
        (word::PLACE_OPENER, ev::PLACE_OPENER),
        (word::STATISTIC, ev::STATISTIC),
    ] {
        if bits & w != 0 {
            e |= v;
        }
    }
    e
}

/// Where a run of words is: (paragraph, first token, end token, its sentence's first token).
type RunAt = (usize, usize, usize, usize);

/// Gather the evidence of every paragraph and write it onto the tokens.
pub fn annotate(text: &str, paras: &mut [Para]) {
    // one table for the article: word hash → `ev` bits
    let words: usize = paras.iter().map(|p| p.tokens.len()).sum();
    let mut seen: ByHash<u16> = ByHash::with_capacity_and_hasher(words / 2, Default::default());
    writing(paras, &mut seen);
    let mark = |paras: &mut [Para], seen: &ByHash<u16>, bits: u16| {
        for p in paras.iter_mut() {
            for tok in p.tokens.toks.iter_mut() {
                if tok.cap && tok.kind == Kind::Word {
                    tok.ev |= seen.get(&tok.hash).copied().unwrap_or(0) & bits;
                }
            }
        }
    };
    let runs = runs_and_places(paras, &mut seen);
    mark(paras, &seen, ev::LOWER | ev::CAP_MID | ev::PLACE);
    let (mut named, full) = confirmed_names(paras, &runs);
    stray_givens(text, paras, &full, &mut named);

    if !named.is_empty() {
        mark(
            paras,
            &named,
            ev::PERSON | ev::SURNAME | ev::GIVEN | ev::ORG | ev::PROPER_SURNAME,
        );
    }
}

/// (Step 1.) How each word is written (lowercase somewhere, capitalised mid-sentence) into
/// `seen`, and the lexicon's bits (first names, nationalities, places, statistics) onto
/// the tokens.
fn writing(paras: &mut [Para], seen: &mut ByHash<u16>) {
    for p in paras.iter_mut() {
        let t = &mut p.tokens;
        for s in &p.sentences {
            for k in s.clone() {
                if t.toks[k].kind != Kind::Word {
                    continue;
                }
                if !t.toks[k].cap {
                    // function words are never names: no need to remember them
                    if !t.has(k, flag::STOP | flag::DETERMINER | flag::ADJUNCT | flag::BETWEEN) {
                        *seen.entry(t.toks[k].hash).or_default() |= ev::LOWER;
                    }
                    continue;
                }
                if !sentence_initial(t, k, s.start) {
                    *seen.entry(t.toks[k].hash).or_default() |= ev::CAP_MID;
                }
                if !t.has(k, flag::NOT_NAME) && common_first_name(t.toks[k].hash) {
                    t.toks[k].ev |= ev::FIRST_NAME;
                }
                let mut bits = LEX.word_bits.get(&t.toks[k].hash).copied().unwrap_or(0);
                if bits == 0
                    && let Some(stem) = t.lower(k).strip_suffix('s')
                {
                    // "Canadians": a nationality's plural
                    bits = LEX
                        .word_bits
                        .get(&crate::text::words::word_hash(stem))
                        .copied()
                        .unwrap_or(0)
                        & word::NATIONALITY;
                }
                if bits == 0 && LEX.compound_nationality(t.lower(k)) {
                    bits = word::NATIONALITY;
                }
                if bits != 0 {
                    t.toks[k].ev |= word_ev(bits);
                }
            }
        }
    }
}

/// The capitalised runs of every sentence (paragraph, run start, end, sentence start);
/// a run standing where a place does marks its last word a place in `seen`.
fn runs_and_places(paras: &[Para], seen: &mut ByHash<u16>) -> Vec<RunAt> {
    // by their context
    let mut runs: Vec<RunAt> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
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
                if place_context(t, k, e, s) {
                    *seen.entry(t.toks[e - 1].hash).or_default() |= ev::PLACE;
                }
                runs.push((pi, k, e, s.start));
                k = e;
            }
        }
    }
    runs
}

/// (Step 2.) The words of the names the article confirms as people (given names, surnames),
/// and of the organisations it introduces as such.
///
/// Also the confirmed names of two words or more, as (paragraph, first word, end, sentence
/// start), for [`stray_givens`].
fn confirmed_names(paras: &[Para], runs: &[RunAt]) -> (ByHash<u16>, Vec<RunAt>) {
    let mut named: ByHash<u16> = ByHash::default();
    let mut full = Vec::new();
    for &(pi, k, e, sent_start) in runs {
        let t = &paras[pi].tokens;
        match mentions::confirmed(t, k, e) {
            Some(mentions::Confirmed::Person(a, b)) => {
                if b - a >= 2 {
                    full.push((pi, a, b, sent_start));
                }
                for j in a..b {
                    if !t.has(j, flag::PARTICLE) || t.toks[j].cap {
                        *named.entry(t.toks[j].hash).or_default() |= ev::PERSON;
                    }
                }
                *named.entry(t.toks[b - 1].hash).or_default() |= ev::SURNAME;
                if b - a >= 2 {
                    *named.entry(t.toks[a].hash).or_default() |= ev::GIVEN;
                }
            }
            Some(mentions::Confirmed::Org(a, b)) => {
                for j in a..b {
                    *named.entry(t.toks[j].hash).or_default() |= ev::ORG;
                }
            }
            None if mentions::proper_name(t, k, e, sent_start) => {
                *named.entry(t.toks[e - 1].hash).or_default() |= ev::PROPER_SURNAME;
            }
            None => {}
        }
    }
    (named, full)
}

/// (Step 3.) A rare first name that opens its sentence, capitalised nowhere else but
/// written in lowercase somewhere (quotes included), before the surname of someone the
/// article names with another first name is a sentence word ("See Sexton's full timeline"
/// after "the writer Jared Sexton" and "I see a lot of them"; "Read", "Even" are first
/// names too): it confirms no name, and [`ev::STRAY`] tells the mention pass to drop it.
/// ("Jeb Bush" beside "George W. Bush" keeps his name: nobody writes "jeb".)
fn stray_givens(text: &str, paras: &mut [Para], full: &[RunAt], named: &mut ByHash<u16>) {
    let hash = |pi: usize, k: usize| paras[pi].tokens.toks[k].hash;
    let mut strays = Vec::new();
    for &(pi, a, b, sent_start) in full {
        let t = &paras[pi].tokens;
        let given = hash(pi, a);
        if b - a == 2
            && sentence_initial(t, a, sent_start)
            && !t.ev(a, ev::CAP_MID)
            && LEX
                .first_name_by_hash(given)
                .is_some_and(|f| f.log_births < RARE_FIRST_NAME_LOG_BIRTHS)
            && full
                .iter()
                .any(|&(pj, c, d, _)| hash(pj, d - 1) == hash(pi, b - 1) && hash(pj, c) != given)
            && written_lowercase(text, t.lower(a))
        {
            strays.push((pi, a));
        }
    }
    for (pi, a) in strays {
        named.remove(&paras[pi].tokens.toks[a].hash);
        let tok = &mut paras[pi].tokens.toks[a];
        tok.ev = (tok.ev & !ev::FIRST_NAME) | ev::STRAY;
    }
}

/// The word `w` (lowercase) stands somewhere in `text` as a word of its own.
fn written_lowercase(text: &str, w: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices(w).any(|(i, _)| {
        let j = i + w.len();
        let joined_before = i > 0 && b[i - 1].is_ascii_alphanumeric();
        let joined_after = j < b.len() && b[j].is_ascii_alphanumeric();
        !(joined_before || joined_after)
    })
}

/// Below this many log2 births a first name is rare (fewer than about 4,000 births in the
/// SSA's 137 years: "See", "Read", "Even", "Konstantin"): alone, it is weak evidence.
const RARE_FIRST_NAME_LOG_BIRTHS: u8 = 12;
