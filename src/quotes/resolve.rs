//! Resolution inside an article: every mention of a speaker becomes the person or thing
//! it refers to.
//!
//! - **Names** are grouped into people: "Liam Fox", "Dr Fox", "Tory Liam Fox", "Fox" and
//!   "Liam" are one person; "van der Pluijm" is the tail of "Jan van der Pluijm";
//!   "Charles B. Rangel" and "Charles Rangel" agree. A bare surname two people share
//!   goes to the one the honorific's gender fits, else the one more present so far.
//!   Each person is shown by the fullest name the article uses.
//! - **Pronouns** ("he", "she") go to the most salient compatible person before them:
//!   recency in sentences, being a sentence's subject, being the speaker just quoted
//!   (unless someone else has become the subject since), and how often they have been
//!   named. Gender comes from honorifics and the first-name table. A pronoun never goes to
//!   an organisation, a place, a medium or an event.
//! - **Descriptions** stay descriptions unless the text links them: "the world champion"
//!   after "World … champion Kim Collins" (a role said with the name); "the company" after
//!   a named company; "a senior Russian politician claimed X" followed by a named speaker
//!   saying the same thing in the next paragraph. No name is ever invented.

use super::mentions::{self, MentionKind};
use super::tokens::Tokens;
use super::types::{EntityType, Item, Quote, QuoteKind, Raw, RawKind, SpeakerKind};
use crate::text::lexicon::Gender;
use crate::text::lexicon::{LEX, PronounKind, flag};
use crate::text::words::word_hash;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleSpan {
    pub para: usize,
    pub a: usize,
    pub b: usize,
    pub appositive: bool,
}

impl RoleSpan {
    fn clean(&self, text: &str, paras: &[super::evidence::Para]) -> Option<String> {
        let t = &paras.get(self.para)?.tokens;
        if self.appositive {
            super::roles::appositive(text, t, self.a, self.b)
        } else {
            super::roles::before_name(text, t, self.a, self.b)
        }
    }
}

/// How an entity is shown: the name as said at a byte range (whitespace collapsed,
/// possessive dropped), or a name already written out.
#[derive(Debug, Clone)]
enum Shown {
    At(usize, usize),
    Text(String),
}

impl Shown {
    fn render(&self, text: &str) -> String {
        match self {
            Shown::At(a, b) => {
                let s = crate::text::words::collapse(&text[*a..*b]);
                let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(&s);
                mentions::strip_possessive(s).to_string()
            }
            Shown::Text(s) => s.clone(),
        }
    }
}

/// Sentences back that a pronoun's antecedent may be, by recency weight: the pronoun's
/// own sentence (a name there is rarely the speaker: "After meeting Putin, he said"), the
/// one before, and so on.
const RECENCY: [i32; 5] = [30, 100, 70, 45, 30];
/// Weight of a mention further back than `RECENCY` reaches.
const RECENCY_FAR: i32 = 15;
/// The antecedent's last mention opened its sentence.
const SUBJECT_BONUS: i32 = 40;
/// The antecedent is the person quoted last, and nobody else became a subject since.
const SPEAKER_BONUS: i32 = 60;
/// Each earlier mention adds this much, up to `SALIENCE_CAP` mentions.
const SALIENCE_PER_MENTION: i32 = 6;
const SALIENCE_CAP: i32 = 6;
/// For "the company": each earlier mention of an organisation adds this much (up to
/// `SALIENCE_CAP`); the company an article is about outweighs one named in passing.
const ORG_SALIENCE_PER_MENTION: i32 = 15;
/// The antecedent's last mention was a possessive ("Blair's government").
const POSSESSIVE_PENALTY: i32 = 25;
/// The antecedent's gender is unknown while the pronoun's is known.
const UNKNOWN_GENDER_PENALTY: i32 = 20;
/// A quote standing alone carries on the speaker quoted at most this many paragraphs
/// before it.
const RUNNING_PARAS: usize = 2;
/// A first name at most this many tenths of whose bearers share the pronoun's gender
/// leans away from it, and the person costs `LEAN_PENALTY`.
const LEAN_TENTHS: u8 = 3;
const LEAN_PENALTY: i32 = 40;
/// A name the article gives no evidence for (`EntityType::Unknown`) may be "he" or "she",
/// after anyone known to be a person.
const UNKNOWN_KIND_PENALTY: i32 = 90;
/// A pronoun looks back this many paragraphs at most.
const PRONOUN_PARAS: usize = 3;
/// A description looks back (or, for a summary sentence, ahead) this many paragraphs.
const DESCRIPTION_PARAS: usize = 3;
/// A summary ("a senior politician claimed…") and the named quote after it share at least
/// this many content words.
const SUMMARY_SHARED_WORDS: usize = 3;
/// A bare surname two people share goes to the one named within this many bytes before
/// it (about a sentence), else to the one the article names in full more often.
const RECENT_BYTES: usize = 250;

/// The words of a name written out, as [`word_hash`]es of their lowercase stems, the
/// way the tokenizer hashes them ("O’Brien's" as "o'brien").
fn words(name: &str) -> Vec<u64> {
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
fn is_subject(t: &Tokens, start: usize, sent_start: usize) -> bool {
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
const INTRO_PHRASE: usize = 7;

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
            subject: is_subject(t, m.role.map_or(m.start, |r| r.0.min(m.start)), sent.start),
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
    // a sentence whose subject is a person described, not named
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
    // a sentence whose subject is "he" or "she" ("But she persisted.", "After Kody died,
    // she urged police…"), or that opens with "his"/"her" ("Her message now is simple")
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
    let g = match t.toks.get(k).filter(|_| t.is_word(k)).map(|_| t.lower(k)) {
        Some("he" | "his") => Some(Gender::Male),
        Some("she" | "her") => Some(Gender::Female),
        _ => None,
    };
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
fn kin_apposed(paras: &[super::evidence::Para], o: &Occ) -> bool {
    let (a, b) = o.toks;
    if b != a + 1 || a < 3 {
        return false;
    }
    let Some(p) = paras.get(o.para) else { return false };
    let t = &p.tokens;
    t.is_punct(a - 1, ',')
        && LEX.kin.contains(&t.toks[a - 2].hash)
        && (t.possessive(a - 3) || matches!(t.lower(a - 3), "his" | "her" | "their"))
}

/// The word hashes of tokens `a..b` of paragraph `para` (determiners left out).
fn span_words(paras: &[super::evidence::Para], para: usize, (a, b): (usize, usize), out: &mut Vec<u64>) {
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
const ROLE_STEM: usize = 5;

/// The [`word_hash`] of the stem of a lowercase role word.
fn stem_hash(w: &str) -> u64 {
    match w.char_indices().nth(ROLE_STEM) {
        Some((i, _)) => word_hash(&w[..i]),
        None => word_hash(w),
    }
}

/// The stems ([`stem_hash`]) of the words of tokens `a..b` of paragraph `para`
/// (determiners left out).
fn span_stems(paras: &[super::evidence::Para], para: usize, (a, b): (usize, usize), out: &mut Vec<u64>) {
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
fn seq_hash(w: &[u64]) -> u64 {
    w.iter().fold(0xcbf2_9ce4_8422_2325, |h, x| {
        (h ^ x).rotate_left(23).wrapping_mul(0x100_0000_01b3)
    })
}

/// A person or thing of the article.
#[derive(Debug, Clone)]
struct Entity {
    words: Vec<u64>,
    /// For an organisation of three words or more: its initials ("cmhc"), hashed.
    initials: Option<u64>,
    /// The gender the first name of the fullest name tells.
    name_gender: Option<Gender>,
    /// How male that first name is, in tenths of its bearers, when it tells no gender.
    name_lean: Option<u8>,
    display: Shown,
    kind: EntityType,
    /// Known only by a description.
    unnamed: bool,
    honorific_gender: Option<Gender>,
    roles: Vec<RoleSpan>,
    role_words: FxHashSet<u64>,
    /// Where the clustering last assigned a mention to this entity.
    seen_pos: usize,
    /// Where it last assigned one holding the surname: a bare surname two people share
    /// goes by this ("Megda Belkacemi … her father Khaled … Belkacemi says" is Megda).
    named_pos: usize,
    // salience while walking the article
    count: i32,
    last_pos: usize,
    last_sentence: usize,
    last_para: usize,
    last_subject: bool,
    last_possessive: bool,
    spoke_at: Option<usize>,
}

impl Entity {
    fn gender(&self) -> Option<Gender> {
        self.honorific_gender.or(self.name_gender)
    }
}

/// How `short` can name the person whose fullest name so far is `long`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// A first name alone ("Liam").
    Given,
    /// The same first and last name, middle names aside ("Charles Rangel").
    Middle,
    /// A tail: the surname, or the name itself ("Fox", "van der Pluijm", "Liam Fox").
    Tail,
}

fn fit(a: &[u64], b: &[u64]) -> Option<Fit> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return None;
    }
    if long.ends_with(short) {
        return Some(Fit::Tail);
    }
    if short.len() >= 2 && short[0] == long[0] && short.last() == long.last() {
        return Some(Fit::Middle);
    }
    if short.len() == 1 && long.len() >= 2 && short[0] == long[0] {
        return Some(Fit::Given);
    }
    None
}

fn gender_fits(g: Option<Gender>, e: &Entity) -> bool {
    match (g, e.gender()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

struct Entities {
    all: Vec<Entity>,
    /// How many times the article says each full name (two or more words), by
    /// [`seq_hash`].
    prominence: crate::text::lexicon::ByHash<usize>,
}

impl Entities {
    /// The person `name` (said at `pos`, with honorific gender `g`) is, creating them if new.
    fn person(&mut self, text: &str, name: Shown, w: &[u64], g: Option<Gender>, pos: usize) -> Option<usize> {
        self.person_as(text, name, w, g, pos, false)
    }

    /// [`Entities::person`]; `apart`: a first name alone that names someone new unless the
    /// article knows that very name ("Spindler's father, Joseph,").
    fn person_as(
        &mut self,
        text: &str,
        name: Shown,
        w: &[u64],
        g: Option<Gender>,
        pos: usize,
        apart: bool,
    ) -> Option<usize> {
        if w.is_empty() {
            return None;
        }
        let prominence = |e: &Entity| self.prominence.get(&seq_hash(&e.words)).copied().unwrap_or(0);
        let best = self
            .all
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::Person && !e.unnamed)
            .filter_map(|(i, e)| fit(w, &e.words).map(|f| (i, f, e)))
            .filter(|(_, f, e)| !apart || (*f != Fit::Given && e.words == w))
            .filter(|(_, _, e)| gender_fits(g, e))
            // a fuller fit first; among people who share a surname, one named just
            // before, else the one the article names more often
            .max_by_key(|(_, f, e)| {
                let at = if *f == Fit::Tail && w.len() == 1 {
                    e.named_pos
                } else {
                    e.seen_pos
                };
                (*f, at + RECENT_BYTES > pos, prominence(e), at)
            })
            .map(|(i, _, _)| i);
        let i = match best {
            Some(i) => {
                let e = &mut self.all[i];
                if w.len() > e.words.len() {
                    e.words = w.to_vec();
                    e.name_gender = first_name_gender(&name.render(text), e.words.len());
                    e.name_lean = first_name_lean(&name.render(text), e.words.len());
                    e.display = name;
                }
                if e.honorific_gender.is_none() {
                    e.honorific_gender = g;
                }
                i
            }
            None => {
                let gender = first_name_gender(&name.render(text), w.len());
                let lean = first_name_lean(&name.render(text), w.len());
                let mut e = Entity::new(w.to_vec(), name, EntityType::Person, g);
                e.name_gender = gender;
                e.name_lean = lean;
                self.all.push(e);
                self.all.len() - 1
            }
        };
        self.all[i].seen_pos = pos;
        if self.all[i].words.last() == w.last() {
            self.all[i].named_pos = pos;
        }
        Some(i)
    }

    /// The named person whose role, said with their name, holds the words of the
    /// description `desc` ("the former Mexican president" → "former Mexican President
    /// Felipe Calderon").
    fn by_role(&self, desc: &[u64]) -> Option<usize> {
        let (head, rest) = desc.split_last()?;
        self.all
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::Person && !e.unnamed && e.role_words.contains(head))
            .filter(|(_, e)| rest.iter().filter(|x| e.role_words.contains(*x)).count() * 2 >= rest.len())
            .max_by_key(|(_, e)| e.seen_pos)
            .map(|(i, _)| i)
    }

    /// A person known by the description `desc` ("the prime minister").
    fn unnamed(&mut self, desc: Shown, w: &[u64], g: Option<Gender>) -> usize {
        if let Some(i) = self.all.iter().position(|e| e.unnamed && e.words == w) {
            return i;
        }
        let mut e = Entity::new(w.to_vec(), desc, EntityType::Person, g);
        e.unnamed = true;
        self.all.push(e);
        self.all.len() - 1
    }

    fn thing(&mut self, text: &str, name: Shown, w: &[u64], kind: EntityType) -> usize {
        let the = word_hash("the");
        let w = if w.first() == Some(&the) { &w[1..] } else { w };
        if let Some(i) = self
            .all
            .iter()
            .position(|e| e.kind != EntityType::Person && e.words == w)
        {
            if self.all[i].kind == EntityType::Unknown {
                self.all[i].kind = kind;
            }
            return i;
        }
        // "Tesla posted a video… Tesla's settlement": one word read as a person with no
        // evidence of one (no first name, honorific, role or gender) is the organisation
        if kind == EntityType::Organisation
            && w.len() == 1
            && let Some(i) = self.all.iter().position(|e| {
                e.kind == EntityType::Person
                    && !e.unnamed
                    && e.words == w
                    && e.gender().is_none()
                    && e.roles.is_empty()
                    && e.spoke_at.is_none()
            })
        {
            self.all[i].kind = kind;
            return i;
        }
        // a short form of a name read before ("Suncor" after "Suncor Energy", "the
        // Falcons" after "the Red Deer Falcons", "EDC" after "Export Development Canada"),
        // or the full name of one read short: one organisation, shown by its fullest name
        // (initials only of a name of three words or more, the only ones an acronym names)
        let initials = (w.len() >= 3).then(|| initials(&name.render(text))).flatten();
        let compatible = |a: EntityType, b: EntityType| {
            a == b
                || matches!(
                    (a, b),
                    (EntityType::Organisation, EntityType::Unknown) | (EntityType::Unknown, EntityType::Organisation)
                )
        };
        if matches!(
            kind,
            EntityType::Organisation | EntityType::Medium | EntityType::Group | EntityType::Unknown
        ) && let Some(i) = self.all.iter().rposition(|e| {
            compatible(e.kind, kind)
                && !w.is_empty()
                && (short_form(w, &e.words)
                    || acronym_of(w, e.initials)
                    || acronym_of(&e.words, initials)
                    // "the IEA watchdog" after "the International Energy Agency"
                    || (w.len() == 2 && acronym_of(&w[..1], e.initials)))
        }) {
            let e = &mut self.all[i];
            if e.kind == EntityType::Unknown {
                e.kind = kind;
            }
            if w.len() > e.words.len() {
                e.words = w.to_vec();
                e.display = name;
                e.initials = initials;
            }
            return i;
        }
        let w = w.to_vec();
        let mut e = Entity::new(w, name, kind, None);
        e.initials = initials;
        self.all.push(e);
        self.all.len() - 1
    }
}

/// One of the names `a`, `b` (word hashes) opens or closes the other.
fn short_form(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.len() < long.len() && (long.starts_with(short) || long.ends_with(short))
}

/// `w` is one word, the acronym whose hash is `initials`.
fn acronym_of(w: &[u64], initials: Option<u64>) -> bool {
    w.len() == 1 && initials == Some(w[0])
}

/// The initials of a name of three words or more, as a [`word_hash`] of the lowercase
/// letters: "Canada Mortgage and Housing Corporation" → "cmhc" (lowercase words skipped).
fn initials(name: &str) -> Option<u64> {
    let letters: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .flat_map(char::to_lowercase)
        .collect();
    (letters.chars().count() >= 3).then(|| word_hash(&letters))
}

impl Entity {
    fn new(words: Vec<u64>, display: Shown, kind: EntityType, g: Option<Gender>) -> Entity {
        Entity {
            words,
            initials: None,
            name_gender: None,
            name_lean: None,
            display,
            kind,
            unnamed: false,
            honorific_gender: g,
            roles: vec![],
            role_words: FxHashSet::default(),
            seen_pos: 0,
            named_pos: 0,
            count: 0,
            last_pos: 0,
            last_sentence: 0,
            last_para: 0,
            last_subject: false,
            last_possessive: false,
            spoke_at: None,
        }
    }
}

/// The first name of `name`, lowercase, when it has one: two words or more, not led by a
/// surname that East Asian names put first ("Lu Kang", "Kim Jong-un": the table's "Lu"
/// and "Kim" are American women's names).
fn first_name(name: &str, words: usize) -> Option<String> {
    if words < 2 {
        return None;
    }
    let first = name.split_whitespace().next()?.to_lowercase();
    (!LEX.surnames_first.contains(&word_hash(&first))).then_some(first)
}

/// The gender the first name of `name` tells, when it has a first name.
fn first_name_gender(name: &str, words: usize) -> Option<Gender> {
    LEX.first_name_gender(&first_name(name, words)?)
}

/// How male the first name of `name` is (in tenths of its bearers), when it has one.
fn first_name_lean(name: &str, words: usize) -> Option<u8> {
    LEX.first_name_by_hash(word_hash(&first_name(name, words)?))
        .map(|f| f.male_tenths)
}

/// The honorific gender of a mention: only an honorific counts, not a guess from a first
/// name (the entity makes that guess from its fullest name).
fn honorific_gender(text: &str, mention: (usize, usize), name_pos: usize) -> Option<Gender> {
    if name_pos <= mention.0 {
        return None;
    }
    text[mention.0..name_pos]
        .split_whitespace()
        .rev()
        .find_map(|w| LEX.honorific_gender.get(w.to_lowercase().as_str()).copied())
}

/// Content words of a quote, as 6-letter stems.
fn content_stems(text: &str) -> FxHashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !LEX.is(w, flag::STOP | flag::DETERMINER | flag::BETWEEN))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

/// Turn items into quotes with resolved speakers. `occs` are the names of the body, in
/// reading order; `heads` those of the title and captions, which say who is who but are
/// not read in the flow (they make no one present).
pub(crate) fn resolve(
    text: &str,
    items: Vec<Item>,
    occs: &[Occ],
    heads: &[Occ],
    paras: &[super::evidence::Para],
) -> Vec<Quote> {
    let mut ents = Entities {
        all: Vec::new(),
        prominence: Default::default(),
    };
    introduce(text, heads, occs, paras, &mut ents);
    let occ_entity = identify(text, occs, paras, &mut ents);
    genders_said(text, &items, occs, &occ_entity, &mut ents);
    let mut walk = Walk {
        text,
        occs,
        occ_entity,
        ents,
        next_occ: 0,
        last_speaker: None,
        last_org: None,
        last_quote: None,
        barrier: 0,
    };
    let (mut resolved, running) = walk.speakers(&items);
    let ents = walk.ents;
    link_summaries(text, &items, &mut resolved);
    // 4. the quotes
    let mut items = items;
    for (it, r) in items.iter_mut().zip(running) {
        if r.is_some() {
            it.speaker = r;
        }
    }
    items
        .into_iter()
        .zip(resolved)
        .map(|(it, res)| quote(text, it, res, &ents, paras))
        .collect()
}

/// (Step 0.) The people and things the title and captions name in full, and how often the body
/// says each full name.
fn introduce(text: &str, heads: &[Occ], occs: &[Occ], paras: &[super::evidence::Para], ents: &mut Entities) {
    let mut w: Vec<u64> = Vec::new();
    for o in heads {
        if o.unnamed || o.pronoun.is_some() || o.toks.1 - o.toks.0 < 2 {
            continue;
        }
        span_words(paras, o.para, o.toks, &mut w);
        match o.entity {
            EntityType::Person => {
                let g = honorific_gender(text, o.mention, o.pos);
                ents.person(text, Shown::At(o.name.0, o.name.1), &w, g, 0);
            }
            k => {
                ents.thing(text, Shown::At(o.name.0, o.name.1), &w, k);
            }
        }
    }
    for o in occs {
        if o.entity == EntityType::Person && !o.unnamed && o.pronoun.is_none() && o.toks.1 - o.toks.0 >= 2 {
            span_words(paras, o.para, o.toks, &mut w);
            *ents.prominence.entry(seq_hash(&w)).or_default() += 1;
        }
    }
}

/// (Step 1.) Who each name is, in reading order (a role said with a name is known from then
/// on): the entity of each of `occs` (`usize::MAX` for a pronoun, resolved while walking
/// the article, or a name that is no one).
fn identify(text: &str, occs: &[Occ], paras: &[super::evidence::Para], ents: &mut Entities) -> Vec<usize> {
    let mut w: Vec<u64> = Vec::new();
    let mut occ_entity: Vec<usize> = Vec::with_capacity(occs.len());
    let mut stems: Vec<u64> = Vec::new();
    for o in occs {
        if o.pronoun.is_some() {
            occ_entity.push(usize::MAX); // resolved while walking the article
            continue;
        }
        span_words(paras, o.para, o.toks, &mut w);
        let e = match o.entity {
            EntityType::Person if o.unnamed => {
                span_stems(paras, o.para, o.toks, &mut stems);
                ents.by_role(&stems)
                    .unwrap_or_else(|| ents.unnamed(Shown::At(o.name.0, o.name.1), &w, o.gender))
            }
            EntityType::Person => ents
                .person_as(
                    text,
                    Shown::At(o.name.0, o.name.1),
                    &w,
                    honorific_gender(text, o.mention, o.pos),
                    o.pos,
                    kin_apposed(paras, o),
                )
                .unwrap_or(usize::MAX),
            k => ents.thing(text, Shown::At(o.name.0, o.name.1), &w, k),
        };
        if let Some(ent) = ents.all.get_mut(e) {
            for r in [o.role, o.appositive].into_iter().flatten() {
                span_stems(paras, r.para, (r.a, r.b), &mut w);
                ent.role_words.extend(w.iter().copied());
                if !ent.roles.contains(&r) {
                    ent.roles.push(r);
                }
            }
        }
        occ_entity.push(e);
    }
    occ_entity
}

/// (Step 1b.) "Jayme told police she could hear the sirens": a person reported saying "she…" of
/// themselves is a woman, whatever the first name leans to.
fn genders_said(text: &str, items: &[Item], occs: &[Occ], occ_entity: &[usize], ents: &mut Entities) {
    for it in items {
        let Some(Raw {
            kind: RawKind::Name(_),
            mention,
            ..
        }) = &it.speaker
        else {
            continue;
        };
        if !matches!(it.kind, QuoteKind::Indirect | QuoteKind::Mixed) || it.start < mention.1 {
            continue;
        }
        let first = text[it.start..].split_whitespace().next().unwrap_or("");
        let g = match first.to_lowercase().as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => continue,
        };
        let k = occs.partition_point(|o| o.pos < mention.0);
        if k < occs.len()
            && occs[k].pos < mention.1
            && let Some(e) = ents.all.get_mut(occ_entity[k])
            && e.kind == EntityType::Person
            && e.gender().is_none()
        {
            e.honorific_gender = Some(g);
        }
    }
}

/// (Step 2.) The walk through the article: names update salience; speakers are resolved in the
/// order their mentions are read.
struct Walk<'a> {
    text: &'a str,
    occs: &'a [Occ],
    /// The entity of each of `occs` (pronouns get theirs as the walk reads them).
    occ_entity: Vec<usize>,
    ents: Entities,
    /// The first of `occs` not read yet.
    next_occ: usize,
    last_speaker: Option<usize>,
    /// The organisation quoted last ("it said", "the utility said" after "BC Hydro said").
    last_org: Option<usize>,
    /// The quote attributed last, for the quotes that carry its speaker on.
    last_quote: Option<LastQuote>,
    /// Where the last quote nobody is said to speak ends.
    barrier: usize,
}

impl Walk<'_> {
    /// The speaker of each item (entity, found via a description), and the mention a quote
    /// standing alone carries on from the conversation.
    #[allow(clippy::type_complexity)]
    fn speakers(&mut self, items: &[Item]) -> (Vec<Option<(usize, bool)>>, Vec<Option<Raw>>) {
        let mut order: Vec<usize> = (0..items.len()).collect();
        let at = |it: &Item| it.speaker.as_ref().map_or(it.start, |r| r.mention.0);
        // quotes that share one mention (“A.” “B,” he said) are resolved once, from the
        // quote nearest the mention, in whose sentence it is read
        let distance = |it: &Item| {
            it.speaker.as_ref().map_or(0, |r| {
                if r.mention.0 >= it.end {
                    r.mention.0 - it.end
                } else {
                    it.start.saturating_sub(r.mention.1)
                }
            })
        };
        order.sort_by_key(|&i| (at(&items[i]), distance(&items[i])));
        let mut shared: FxHashMap<(usize, usize), Option<(usize, bool)>> = FxHashMap::default();
        let mut resolved: Vec<Option<(usize, bool)>> = vec![None; items.len()]; // (entity, via description)
        let mut running: Vec<Option<Raw>> = vec![None; items.len()];
        for &i in &order {
            let it = &items[i];
            let pos = at(it);
            self.read_to(pos);
            if it.speaker.is_none() {
                if it.kind == QuoteKind::Direct {
                    // a quote standing alone with nothing attributing it carries the
                    // conversation on: the person made the subject since the last
                    // attributed quote, else that quote's speaker
                    let carried = it
                        .alone
                        .then(|| {
                            running_speaker(
                                self.text,
                                self.occs,
                                &self.occ_entity[..self.next_occ],
                                &self.ents,
                                self.last_quote.as_ref(),
                                self.barrier,
                                it,
                            )
                        })
                        .flatten();
                    match carried {
                        Some((raw, found)) => {
                            resolved[i] = found;
                            running[i] = Some(raw);
                        }
                        // a quote nobody is said to speak breaks the conversation: the
                        // next one does not carry on past it
                        None => {
                            self.last_quote = None;
                            self.barrier = it.end;
                        }
                    }
                }
                continue;
            }
            let Some(r) = &it.speaker else { continue };
            if it.kind == QuoteKind::Scare {
                continue;
            }
            if let Some(&found) = shared.get(&r.mention) {
                resolved[i] = found;
                self.last_quote = Some(LastQuote {
                    raw: r.clone(),
                    found,
                    para: it.para,
                    end: it.end.max(r.mention.1),
                });
                continue;
            }
            let found = self.speaker(it, r, pos);
            shared.insert(r.mention, found);
            self.last_quote = Some(LastQuote {
                raw: r.clone(),
                found,
                para: it.para,
                end: it.end.max(r.mention.1),
            });
            if let Some((e, via)) = found {
                resolved[i] = Some((e, via));
                self.spoke(e, it.para, pos);
            }
        }
        (resolved, running)
    }

    /// Read the names before `pos`: each makes its entity present (a subject pronoun, the
    /// person it refers to).
    fn read_to(&mut self, pos: usize) {
        let ents = &mut self.ents;
        while self.next_occ < self.occs.len() && self.occs[self.next_occ].pos < pos {
            let o = &self.occs[self.next_occ];
            if let Some(g) = o.pronoun {
                // a subject pronoun keeps the person it refers to present
                if let Some(e) = antecedent(ents, self.last_speaker, g, o.para, o.sentence, None) {
                    self.occ_entity[self.next_occ] = e;
                    let e = &mut ents.all[e];
                    e.last_pos = o.pos;
                    e.last_sentence = o.sentence;
                    e.last_para = o.para;
                    e.last_subject = true;
                    e.last_possessive = false;
                }
                self.next_occ += 1;
                continue;
            }
            if let Some(e) = ents.all.get_mut(self.occ_entity[self.next_occ]) {
                e.count += 1;
                e.last_pos = o.pos;
                e.last_sentence = o.sentence;
                e.last_para = o.para;
                e.last_subject = o.subject;
                e.last_possessive = o.possessive;
            }
            self.next_occ += 1;
        }
    }

    /// Entity `e` spoke at `pos`, in paragraph `para`.
    fn spoke(&mut self, e: usize, para: usize, pos: usize) {
        let ent = &mut self.ents.all[e];
        if ent.kind == EntityType::Person {
            ent.spoke_at = Some(pos);
            self.last_speaker = Some(e);
            // being quoted makes a person present
            ent.count += 1;
            ent.last_para = para;
        } else if ent.kind == EntityType::Organisation {
            self.last_org = Some(e);
            ent.last_para = para;
        }
    }

    /// Who the mention `r` of item `it` (read at `pos`) is: (entity, via a description).
    fn speaker(&mut self, it: &Item, r: &Raw, pos: usize) -> Option<(usize, bool)> {
        let (text, occs) = (self.text, self.occs);
        match &r.kind {
            RawKind::Name(n) => {
                let k = occs.partition_point(|o| o.pos < r.mention.0);
                let own = (k < occs.len() && occs[k].pos < r.mention.1).then_some(k);
                match own.map(|k| self.occ_entity[k]).filter(|&e| e < self.ents.all.len()) {
                    Some(e) => Some((e, false)),
                    None => self
                        .ents
                        .person(text, Shown::Text(n.clone()), &words(n), r.gender, pos)
                        .map(|e| (e, false)),
                }
            }
            RawKind::Thing(n, k) => Some((self.ents.thing(text, Shown::Text(n.clone()), &words(n), *k), false)),
            RawKind::Pronoun(p @ (PronounKind::Male | PronounKind::Female)) => {
                let g = if *p == PronounKind::Male {
                    Gender::Male
                } else {
                    Gender::Female
                };
                // "Macharia and some colleagues hid under desks, he said": not someone the
                // reported words name
                let inside = (it.kind != QuoteKind::Direct).then_some((it.start, it.end));
                let found = antecedent(&self.ents, self.last_speaker, g, it.para, it.sentence, inside);
                if let Some(e) = found {
                    // "he said" of "Mulder": a person
                    self.ents.all[e].kind = EntityType::Person;
                }
                found.map(|e| (e, false))
            }
            // "it said": the organisation the article is about, unless another was just named
            RawKind::Pronoun(PronounKind::Neuter) => {
                // "…, the US Trade Representative's Office said. …, it added.": "added"
                // goes on with the body quoted just before
                let adding = it
                    .cue
                    .is_some_and(|(a, b)| matches!(&text[a..b], "added" | "adds" | "continued" | "continues"));
                let went_on = self
                    .last_quote
                    .as_ref()
                    .filter(|l| adding && l.para == it.para)
                    .and_then(|l| l.found)
                    .map(|(e, _)| e)
                    .filter(|&e| matches!(self.ents.all[e].kind, EntityType::Organisation | EntityType::Unknown));
                let found = went_on.or_else(|| organisation(&self.ents, None, self.last_org, it.para, it.sentence));
                if let Some(e) = found {
                    self.ents.all[e].kind = EntityType::Organisation;
                }
                found.map(|e| (e, true))
            }
            RawKind::Pronoun(_) => None,
            // "Gatsby said … A statement said": what a speaker issues speaks for whoever was
            // just quoted
            RawKind::Description { head, .. } if LEX.issued.contains(&word_hash(head)) => self
                .last_quote
                .as_ref()
                .filter(|l| l.para + 1 >= it.para)
                .and_then(|l| l.found)
                .map(|(e, _)| (e, true)),
            RawKind::Description { head, definite: true } => self.definite(it, r, head).map(|e| (e, true)),
            RawKind::Description { .. } => None,
        }
    }

    /// Who a definite description ("the senator", "the company") of item `it` refers to.
    fn definite(&self, it: &Item, r: &Raw, head: &str) -> Option<usize> {
        let (ents, occs, occ_entity) = (&self.ents, self.occs, &self.occ_entity);
        described(ents, self.last_org, head, self.text, r.mention, (it.para, it.sentence))
            .or_else(|| {
                // "Sen. Marco Rubio … said X, and Y, the Florida senator said": a person
                // description in the sentence whose subject is a named person
                if !LEX.is(head, flag::ROLE_NOUN | flag::TITLE) {
                    return None;
                }
                let k = occs.partition_point(|o| o.sentence < it.sentence);
                occs[k..]
                    .iter()
                    .zip(&occ_entity[k..])
                    .take_while(|(o, _)| o.sentence == it.sentence && o.pos < r.mention.0)
                    .find(|(o, _)| o.subject && o.entity == EntityType::Person && !o.unnamed)
                    .map(|(_, &e)| e)
                    .filter(|&e| e < ents.all.len())
            })
            .or_else(|| main_person(ents, head))
            .or_else(|| {
                // "World number one Lindsay Davenport has criticised Wimbledon. … the
                // American said": a nationality describes the person the sentence before
                // named first
                // ("Hollywood film star Liam Neeson has held a dinner party. The
                // Ballymena-born actor said…": so does a person's role alone, the only
                // person that sentence names)
                let bits = LEX.word_bits.get(&word_hash(head)).copied().unwrap_or(0);
                let role = LEX.is(head, flag::ROLE_NOUN | flag::TITLE) && !head.ends_with('s');
                if bits & crate::text::lexicon::word::NATIONALITY == 0 && !role {
                    return None;
                }
                let k = occs.partition_point(|o| o.sentence + 1 < it.sentence);
                let mut people = occs[k..]
                    .iter()
                    .zip(&occ_entity[k..])
                    .take_while(|(o, _)| o.sentence < it.sentence)
                    .filter(|(o, _)| o.entity == EntityType::Person && !o.unnamed && o.pronoun.is_none())
                    .map(|(_, &e)| e);
                let first = people.next().filter(|&e| e < ents.all.len())?;
                (!role || people.all(|e| e == first)).then_some(first)
            })
    }
}

/// (Step 3.) A summary by an unnamed person ("a senior politician claimed…") followed by a named
/// person saying the same thing: the summary is theirs.
fn link_summaries(text: &str, items: &[Item], resolved: &mut [Option<(usize, bool)>]) {
    for i in 0..items.len() {
        let it = &items[i];
        let Some(r) = &it.speaker else { continue };
        let RawKind::Description { head, definite: false } = &r.kind else {
            continue;
        };
        if resolved[i].is_some() || head.ends_with('s') || !LEX.is(head, flag::SPEAKER_NOUN | flag::ROLE_NOUN) {
            continue;
        }
        // "An NHTCU spokeswoman said…" and its head saying the same: a spokesperson
        // speaks for someone, and is not them
        if LEX.stand_ins.contains(&word_hash(head)) {
            continue;
        }
        // "McCallum's staff": someone else's people, named as such
        if text[r.mention.0..r.mention.1]
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase) && (w.ends_with("'s") || w.ends_with("’s")))
        {
            continue;
        }
        let mine = content_stems(&text[it.start..it.end]);
        let link = (i + 1..items.len())
            .take_while(|&j| items[j].para <= it.para + DESCRIPTION_PARAS)
            .find(|&j| {
                matches!(items[j].speaker.as_ref().map(|s| &s.kind), Some(RawKind::Name(_)))
                    && resolved[j].is_some()
                    && content_stems(&text[items[j].start..items[j].end])
                        .intersection(&mine)
                        .count()
                        >= SUMMARY_SHARED_WORDS
            });
        if let Some(j) = link {
            resolved[i] = resolved[j].map(|(e, _)| (e, true));
        }
    }
}

fn quote(text: &str, it: Item, res: Option<(usize, bool)>, ents: &Entities, paras: &[super::evidence::Para]) -> Quote {
    let mut q = Quote {
        start: it.start,
        end: it.end,
        text: crate::text::words::collapse(&text[it.start..it.end]),
        kind: it.kind,
        speaker: None,
        speaker_kind: None,
        mention: None,
        mention_start: None,
        mention_end: None,
        cue: it.cue.map(|(a, b)| crate::text::words::collapse(&text[a..b])),
        role: None,
        group: it.group,
        para: it.para,
    };
    let Some(r) = &it.speaker else { return q };
    if it.kind == QuoteKind::Scare {
        return q;
    }
    q.mention = Some(crate::text::words::collapse(&text[r.mention.0..r.mention.1]));
    q.mention_start = Some(r.mention.0);
    q.mention_end = Some(r.mention.1);
    q.role = r.role.clone();
    match res.and_then(|(e, _)| ents.all.get(e)).filter(|e| !e.unnamed) {
        Some(e) => match e.kind.speaker_kind() {
            Some(kind) => {
                q.speaker = Some(e.display.render(text));
                q.speaker_kind = Some(kind);
                if q.role.is_none() && kind == SpeakerKind::Person {
                    q.role = e.roles.iter().find_map(|r| r.clean(text, paras));
                }
            }
            None => q.speaker_kind = Some(SpeakerKind::Description),
        },
        None => q.speaker_kind = Some(SpeakerKind::Description),
    }
    q
}

/// "Trudeau made the comments … The prime minister said": a title ("the prime minister",
/// "the mayor") that no role links goes to the person the article is about — named far
/// more often than anyone else — when the description is a title.
fn main_person(ents: &Entities, head: &str) -> Option<usize> {
    if !LEX.is(head, flag::TITLE) || head.ends_with('s') {
        return None;
    }
    let mut people: Vec<(usize, &Entity)> = ents
        .all
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Person && !e.unnamed && e.count > 0)
        .collect();
    people.sort_by_key(|(_, e)| std::cmp::Reverse(e.count));
    let (top, e) = *people.first()?;
    let second = people.get(1).map_or(0, |(_, e)| e.count);
    (e.count >= MAIN_PERSON_MENTIONS && e.count >= MAIN_PERSON_RATIO * second).then_some(top)
}

/// The person an article is about is named at least this many times, and this many times
/// as often as anyone else.
const MAIN_PERSON_MENTIONS: i32 = 3;
const MAIN_PERSON_RATIO: i32 = 2;

/// The last attributed quote while walking the article.
struct LastQuote {
    raw: Raw,
    found: Option<(usize, bool)>,
    para: usize,
    /// Where its quote or its attribution ends, whichever is later.
    end: usize,
}

/// The speaker a quote standing alone carries on (`it`, unattributed): the person whose
/// name was last made a sentence's subject since the last attributed quote, in this
/// paragraph or the one before ("At 25, Gillis was diagnosed with… ¶ “My condition…”"),
/// else the last quote's speaker when it spoke within `RUNNING_PARAS` paragraphs.
/// `occ_entity` holds the entities of the names read so far.
fn running_speaker(
    text: &str,
    occs: &[Occ],
    occ_entity: &[usize],
    ents: &Entities,
    last: Option<&LastQuote>,
    barrier: usize,
    it: &Item,
) -> Option<(Raw, Option<(usize, bool)>)> {
    let since = last.map_or(barrier, |l| l.end);
    let subject = occs[..occ_entity.len()]
        .iter()
        .zip(occ_entity)
        .rev()
        .take_while(|(o, _)| o.pos >= since && o.para + 1 >= it.para)
        .find(|&(o, &e)| {
            o.subject
                && !o.possessive
                && o.entity == EntityType::Person
                && !o.unnamed
                && ents.all.get(e).is_some_and(|e| e.kind == EntityType::Person)
        });
    if let Some((o, &e)) = subject {
        let raw = Raw {
            kind: RawKind::Name(crate::text::words::collapse(&text[o.name.0..o.name.1])),
            mention: o.mention,
            role: None,
            gender: o.gender,
        };
        return Some((raw, Some((e, false))));
    }
    let l = last?;
    (l.para + RUNNING_PARAS >= it.para).then(|| (l.raw.clone(), l.found))
}

/// The person a pronoun of gender `g`, in paragraph `para` and sentence `sentence`, refers
/// to: the most salient compatible person before it.
fn antecedent(
    ents: &Entities,
    last_speaker: Option<usize>,
    g: Gender,
    para: usize,
    sentence: usize,
    inside: Option<(usize, usize)>,
) -> Option<usize> {
    // someone other than the last speaker became a subject after that speaker was quoted
    let speaker_pos = last_speaker.and_then(|s| ents.all[s].spoke_at).unwrap_or(0);
    let subject_since = ents.all.iter().enumerate().any(|(i, e)| {
        Some(i) != last_speaker
            && e.kind == EntityType::Person
            && e.count > 0
            && e.last_subject
            && e.last_pos > speaker_pos
            && gender_fits(Some(g), e)
    });
    // or someone was named for the first time since ("…produced results for Mississauga
    // accountant Babatunji Farinloye, 50. “…,” he says.")
    let introduced_since = ents.all.iter().enumerate().any(|(i, e)| {
        Some(i) != last_speaker
            && e.kind == EntityType::Person
            && e.count == 1
            && e.spoke_at.is_none()
            && e.last_pos > speaker_pos
            && gender_fits(Some(g), e)
    });
    let subject_since = subject_since || introduced_since;
    let known = ents
        .all
        .iter()
        .any(|e| e.kind == EntityType::Person && e.count > 0 && e.gender() == Some(g));
    ents.all
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(e.kind, EntityType::Person | EntityType::Unknown)
                && e.count > 0
                && e.last_para + PRONOUN_PARAS >= para
        })
        .filter(|(_, e)| gender_fits(Some(g), e))
        .filter(|(_, e)| inside.is_none_or(|(a, b)| !(a..b).contains(&e.last_pos)))
        .map(|(i, e)| {
            let mut score = presence(e, sentence);
            if Some(i) == last_speaker && !subject_since {
                score += SPEAKER_BONUS;
            }
            score += SALIENCE_PER_MENTION * e.count.min(SALIENCE_CAP);
            if e.last_possessive && !e.last_subject {
                score -= POSSESSIVE_PENALTY;
            }
            if e.kind == EntityType::Unknown {
                score -= UNKNOWN_KIND_PENALTY;
            }
            // (a first name the table does not know, "Babatunji", is no sign of either)
            if known && e.gender().is_none() && !(e.words.len() >= 2 && e.name_lean.is_none()) {
                score -= UNKNOWN_GENDER_PENALTY;
            }
            // "Jayme" is mostly a woman's name: "he" is more likely someone else
            let leans_away = match (g, e.gender(), e.name_lean) {
                (Gender::Male, None, Some(m)) => m <= LEAN_TENTHS,
                (Gender::Female, None, Some(m)) => m >= 10 - LEAN_TENTHS,
                _ => false,
            };
            if leans_away {
                score -= LEAN_PENALTY;
            }
            (i, score, e.last_pos)
        })
        .max_by_key(|&(_, s, p)| (s, p))
        .map(|(i, _, _)| i)
}

/// How present an entity is at `sentence`: how recently it was last mentioned, and whether
/// that mention was its sentence's subject.
fn presence(e: &Entity, sentence: usize) -> i32 {
    let d = sentence.saturating_sub(e.last_sentence);
    let score = RECENCY.get(d).copied().unwrap_or(RECENCY_FAR);
    if e.last_subject { score + SUBJECT_BONUS } else { score }
}

/// The organisation "the company" or "it" in paragraph `para` refers to: the one the
/// article is about, unless another was just named — recency and salience weighed as for
/// pronouns.
fn organisation(
    ents: &Entities,
    head: Option<&str>,
    last_org: Option<usize>,
    para: usize,
    sentence: usize,
) -> Option<usize> {
    let head_hash = head.map(word_hash);
    // "the union", "the city": a body whose kind is in its name ("… Employees Union", "City
    // of Surrey"); "the company": any but a public body
    let named = head.is_some_and(|h| LEX.named_heads.contains(&word_hash(h)));
    let company = head.is_some_and(|h| LEX.company_heads.contains(&word_hash(h)));
    ents.all
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(e.kind, EntityType::Organisation | EntityType::Unknown)
                && e.count > 0
                && e.last_para + DESCRIPTION_PARAS >= para
        })
        .filter(|(_, e)| !named || head_hash.is_some_and(|h| e.words.contains(&h)))
        .filter(|(_, e)| {
            !company
                || !e
                    .words
                    .iter()
                    .any(|w| LEX.named_heads.contains(w) || LEX.public_bodies.contains(w))
        })
        .max_by_key(|&(i, e)| {
            let spoke = if Some(i) == last_org && e.last_para + 1 >= para {
                SPEAKER_BONUS
            } else {
                0
            };
            (
                presence(e, sentence) + ORG_SALIENCE_PER_MENTION * e.count.min(SALIENCE_CAP) + spoke,
                e.last_pos,
            )
        })
        .map(|(i, _)| i)
}

/// What a definite description ("the world champion", "the company") refers to, when the
/// article links it: an organisation named before it for an organisation noun; a person
/// whose role, said with their name, holds the description's words.
fn described(
    ents: &Entities,
    last_org: Option<usize>,
    head: &str,
    text: &str,
    mention: (usize, usize),
    (para, sentence): (usize, usize),
) -> Option<usize> {
    let near = |e: &&Entity| e.count > 0 && e.last_para + DESCRIPTION_PARAS >= para;
    if LEX.is(head, flag::ORG_HEAD) {
        return organisation(ents, Some(head), last_org, para, sentence);
    }
    if !LEX.is(head, flag::ROLE_NOUN | flag::TITLE) {
        return None;
    }
    let head_hash = stem_hash(head);
    let desc: Vec<u64> = text[mention.0..mention.1]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty() && !LEX.is(w, flag::DETERMINER))
        .map(|w| stem_hash(w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(&w)))
        .filter(|w| *w != head_hash)
        .collect();
    ents.all
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Person && near(e) && e.role_words.contains(&head_hash))
        .filter(|(_, e)| desc.iter().filter(|w| e.role_words.contains(*w)).count() * 2 >= desc.len())
        .max_by_key(|(_, e)| e.last_pos)
        .map(|(i, _)| i)
}
