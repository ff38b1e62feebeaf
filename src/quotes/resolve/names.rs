//! The names the article says outside quotes ([`Occ`]), each with its place, role and
//! grammatical position, and the word hashes they are compared by.

use super::*;
use crate::quotes::tokens::Kind;

/// A name said in the article outside quotes.
#[derive(Debug, Clone)]
pub struct Occ {
    /// Byte range of the name (titles dropped).
    pub pos: usize,
    pub end: usize,
    /// Byte range of the whole mention (role words and titles included).
    pub mention: (usize, usize),
    /// Byte range of the name as written (a description's, for an unnamed person).
    pub name: (usize, usize),
    pub entity: EntityType,
    pub gender: Option<Gender>,
    pub sentence: usize,
    pub para: usize,
    /// The name is its sentence's subject (it opens the sentence, maybe after "But").
    pub subject: bool,
    pub possessive: bool,
    /// Tokens of the name in its paragraph (of the description, for an unnamed person).
    pub toks: (usize, usize),
    /// The role said before the name, and the appositive after it (cleaned into a role
    /// only if the person is quoted).
    pub role: Option<RoleSpan>,
    pub appositive: Option<RoleSpan>,
    /// A person the sentence names only by a description ("The prime minister ratcheted
    /// up…"): a pronoun after it may be them, and then stays unnamed.
    pub unnamed: bool,
    /// "He"/"she" as the sentence's subject: no name, but it keeps the person it refers
    /// to present ("She used to have a shrine to him…").
    pub pronoun: Option<Gender>,
}

/// Where a role is said: tokens `a..b` of paragraph `para`, before the name or in an
/// appositive after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoleSpan {
    pub para: usize,
    pub a: usize,
    pub b: usize,
    pub appositive: bool,
}

impl RoleSpan {
    pub(super) fn clean(&self, text: &str, paras: &[super::super::evidence::Para]) -> Option<String> {
        let t = &paras.get(self.para)?.tokens;
        if self.appositive {
            super::super::roles::appositive(text, t, self.a, self.b)
        } else {
            super::super::roles::before_name(text, t, self.a, self.b)
        }
    }
}

/// The words of a name written out, as [`word_hash`]es of their lowercase stems, the
/// way the tokenizer hashes them ("O’Brien's" as "o'brien").
pub(super) fn words(name: &str) -> Vec<u64> {
    let mut buf = String::new();
    name.split_whitespace()
        .filter_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let w = w.trim_start_matches('.');
            buf.clear();
            for c in w.chars() {
                if c == '’' {
                    buf.push('\'');
                } else {
                    buf.extend(c.to_lowercase());
                }
            }
            let stem = buf.strip_suffix("'s").unwrap_or(&buf);
            (!stem.is_empty()).then(|| word_hash(stem))
        })
        .collect()
}

/// The name is its sentence's subject: nothing but sentence adverbs, conjunctions and
/// determiners before its mention (its role included), or an introductory phrase closed
/// by a comma ("On Tuesday, WMC chairman Tommie Bergman said…").
pub(super) fn is_subject(t: &Tokens, start: usize, sent_start: usize) -> bool {
    let function_words = |a: usize, b: usize| {
        (a..b).all(|k| !t.is_word(k) || t.has(k, flag::NOT_NAME | flag::COORDINATOR | flag::DETERMINER))
    };
    (start - sent_start <= 3 && function_words(sent_start, start))
        || (start > sent_start
            && start - sent_start <= INTRO_PHRASE
            && t.is_punct(start - 1, ',')
            && !(sent_start..start - 1).any(|k| t.is_punct(k, ',') || t.has(k, flag::CUE)))
}

/// The most tokens of an introductory phrase before a sentence's subject ("On Tuesday,").
pub(super) const INTRO_PHRASE: usize = 7;

/// The names and named things of the sentence `sent` (tokens of `t`), appended to `out`.
pub fn occurrences(
    t: &Tokens,
    sent: &Range<usize>,
    sentence: usize,
    para: usize,
    scratch: &mut Vec<mentions::Mention>,
    out: &mut Vec<Occ>,
) {
    let first = out.len();
    mentions::names_in(t, sent.start, sent.end, scratch);
    for m in scratch.iter() {
        let (name, entity) = match m.kind {
            MentionKind::Name { name } => (name, EntityType::Person),
            MentionKind::Thing { name, entity } => (name, entity),
            _ => continue,
        };
        let person = entity == EntityType::Person;
        let span = |(a, b): (usize, usize), appositive| RoleSpan { para, a, b, appositive };
        out.push(Occ {
            pos: t.toks[name.0].start,
            end: t.toks[name.1 - 1].end,
            mention: (t.toks[m.start].start, t.toks[m.end - 1].end),
            name: (t.toks[name.0].start, t.toks[name.1 - 1].end),
            entity,
            gender: m.gender,
            sentence,
            para,
            subject: is_subject(t, m.start_with_role(), sent.start),
            possessive: t.possessive(name.1 - 1),
            toks: name,
            role: m.role.filter(|r| r.1 <= name.0 && person).map(|r| span(r, false)),
            appositive: person
                .then(|| mentions::appositive_after(t, m.end, sent.end))
                .flatten()
                .map(|r| span(r, true)),
            unnamed: false,
            pronoun: None,
        });
    }
    modifier_subjects(t, &mut out[first..]);
    described_subject(t, sent, (sentence, para), first, out);
    pronoun_subject(t, sent, (sentence, para), first, out);
}

/// "Keane frontman Tom Chaplin thanked fans": a name modifying a role before another
/// name is not the sentence's subject; the person the role is said of is.
fn modifier_subjects(t: &Tokens, occs: &mut [Occ]) {
    for k in 1..occs.len() {
        let (a, b) = (occs[k - 1].toks.1, occs[k].toks.0);
        // lowercase words ending on a role noun: "frontman", "campaign spokesman"
        let role = b > a
            && b - a <= 3
            && t.stem_has(b - 1, flag::TITLE | flag::ROLE_NOUN | flag::SPEAKER_NOUN)
            && (a..b).all(|j| {
                t.is_word(j) && !t.toks[j].cap && !t.has(j, flag::STOP | flag::CUE | flag::BETWEEN | flag::DETERMINER)
            });
        if role && occs[k - 1].subject && !occs[k - 1].possessive {
            occs[k - 1].subject = false;
            occs[k].subject = true;
        }
    }
}

/// A sentence whose subject is a person described, not named ("The former clerk said"):
/// an unnamed occurrence, unless a name among `out[first..]` is the subject.
fn described_subject(
    t: &Tokens,
    sent: &Range<usize>,
    (sentence, para): (usize, usize),
    first: usize,
    out: &mut Vec<Occ>,
) {
    let mut k = sent.start;
    while k < sent.end
        && t.is_word(k)
        && t.toks[k].cap
        && t.has(k, flag::NOT_NAME | flag::COORDINATOR)
        && !t.word_is(k, "the")
    {
        k += 1;
    }
    if t.word_is(k, "the")
        && let Some(m) = mentions::starting_at(t, k, sent.end, sent.start)
        && let MentionKind::Description { head, definite: true } = m.kind
        && t.stem_has(head, flag::ROLE_NOUN | flag::TITLE)
        && !t.stem(head).ends_with('s')
        && !out[first..].iter().any(|o| o.subject)
    {
        out.push(Occ {
            pos: t.toks[m.start].start,
            end: t.toks[m.end - 1].end,
            mention: (t.toks[m.start].start, t.toks[m.end - 1].end),
            name: (t.toks[m.start].start, t.toks[m.end - 1].end),
            entity: EntityType::Person,
            gender: m.gender,
            sentence,
            para,
            subject: true,
            possessive: false,
            toks: (m.start, m.end),
            role: None,
            appositive: None,
            unnamed: true,
            pronoun: None,
        });
        out[first..].sort_by_key(|o| o.pos);
    }
}

/// A sentence whose subject is "he" or "she" ("But she persisted.", "After Kody died,
/// she urged police…"), or that opens with "his"/"her" ("Her message now is simple"), or
/// a clause opened by "he" or "she" after a dash or a semicolon ("It isn't as if she
/// hasn't endorsed anyone - she was a booster of Mitt Romney"): a pronoun occurrence,
/// unless a name after it is the subject.
fn pronoun_subject(
    t: &Tokens,
    sent: &Range<usize>,
    (sentence, para): (usize, usize),
    first: usize,
    out: &mut Vec<Occ>,
) {
    let mut k = sent.start;
    while k < sent.end && t.is_word(k) && t.toks[k].cap && t.has(k, flag::COORDINATOR) {
        k += 1;
    }
    if let Some(c) = (k..sent.end.min(k + INTRO_PHRASE)).find(|&c| t.is_punct(c, ','))
        && (k..c).all(|j| t.is_word(j) && !t.has(j, flag::CUE | flag::PRONOUN))
        && t.is_word(c + 1)
        && matches!(t.lower(c + 1), "he" | "she")
    {
        k = c + 1;
    }
    let gender_at = |k: usize| match t.toks.get(k).filter(|_| t.is_word(k)).map(|_| t.lower(k)) {
        Some("he" | "his") => Some(Gender::Male),
        Some("she" | "her") => Some(Gender::Female),
        _ => None,
    };
    let mut g = gender_at(k);
    if g.is_none()
        && let Some(j) = (k + 1..sent.end).find(|&j| {
            t.is_word(j)
                && matches!(t.lower(j), "he" | "she")
                && matches!(t.toks[j - 1].kind, Kind::Punct('-' | '—' | '–' | ';'))
        })
    {
        k = j;
        g = gender_at(j);
    }
    if let Some(g) = g
        && !out[first..].iter().any(|o| o.subject && o.pos >= t.toks[k].start)
    {
        let (a, b) = (t.toks[k].start, t.toks[k].end);
        out.push(Occ {
            pos: a,
            end: b,
            mention: (a, b),
            name: (a, b),
            entity: EntityType::Person,
            gender: Some(g),
            sentence,
            para,
            subject: true,
            possessive: false,
            toks: (k, k + 1),
            role: None,
            appositive: None,
            unnamed: false,
            pronoun: Some(g),
        });
        out[first..].sort_by_key(|o| o.pos);
    }
}

/// A one-word name in apposition to a family word of someone else's: "Spindler's father,
/// Joseph,", "her husband, Mike,".
pub(super) fn kin_apposed(paras: &[super::super::evidence::Para], o: &Occ) -> bool {
    let (a, b) = o.toks;
    if b != a + 1 || a < 3 {
        return false;
    }
    let Some(p) = paras.get(o.para) else { return false };
    let t = &p.tokens;
    t.is_punct(a - 1, ',')
        && LEX.kin.contains(&t.toks[a - 2].hash)
        && (t.possessive(a - 3) || LEX.possessive_determiners.contains(&word_hash(t.lower(a - 3))))
}

/// The word hashes of tokens `a..b` of paragraph `para` (determiners left out).
pub(super) fn span_words(
    paras: &[super::super::evidence::Para],
    para: usize,
    (a, b): (usize, usize),
    out: &mut Vec<u64>,
) {
    out.clear();
    if let Some(p) = paras.get(para) {
        let t = &p.tokens;
        out.extend(
            (a..b.min(t.len()))
                .filter(|&k| t.is_word(k) && !t.has(k, flag::DETERMINER))
                .map(|k| t.toks[k].hash),
        );
    }
}

/// Role words are compared by their first `ROLE_STEM` letters, so "the mayor" finds
/// "mayoral candidate Doug McCallum" and "the minister" a "ministerial" role.
pub(super) const ROLE_STEM: usize = 5;

/// The [`word_hash`] of the stem of a lowercase role word.
pub(super) fn stem_hash(w: &str) -> u64 {
    match w.char_indices().nth(ROLE_STEM) {
        Some((i, _)) => word_hash(&w[..i]),
        None => word_hash(w),
    }
}

/// The stems ([`stem_hash`]) of the words of tokens `a..b` of paragraph `para`
/// (determiners left out).
pub(super) fn span_stems(
    paras: &[super::super::evidence::Para],
    para: usize,
    (a, b): (usize, usize),
    out: &mut Vec<u64>,
) {
    out.clear();
    if let Some(p) = paras.get(para) {
        let t = &p.tokens;
        out.extend(
            (a..b.min(t.len()))
                .filter(|&k| t.is_word(k) && !t.has(k, flag::DETERMINER))
                .map(|k| stem_hash(t.stem(k))),
        );
    }
}

/// One hash for a sequence of word hashes.
pub(super) fn seq_hash(w: &[u64]) -> u64 {
    w.iter().fold(0xcbf2_9ce4_8422_2325, |h, x| {
        (h ^ x).rotate_left(23).wrapping_mul(0x100_0000_01b3)
    })
}
