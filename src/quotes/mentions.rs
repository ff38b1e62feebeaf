//! Noun phrases that can be speakers: a person's name (titles and roles split off), a
//! pronoun, a named thing (organisation, place, group, medium, event), or a description
//! ("a Kremlin spokesman", "the world champion").
//!
//! A capitalised run is a person's name only with evidence: an honorific or a title before
//! it, a role noun before it ("manager Arsene Wenger"), a common first name opening it, a
//! word the article confirms as part of a person's name, or — for a name of two or more
//! words — capitals that the article never drops. Words that open a sentence and are seen
//! nowhere else capitalised ("Currently", "Governments") are not names.

use super::tokens::{Kind, Tokens};
use super::tokens::{ev, sentence_initial};
use super::types::EntityType;
use crate::text::lexicon::Gender;
use crate::text::lexicon::{LEX, PronounKind, flag};
use crate::text::words::word_hash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A person's name: tokens `name.0..name.1`.
    Name {
        name: (usize, usize),
    },
    Pronoun(PronounKind),
    /// A named organisation, place, group, medium or event: tokens `name.0..name.1`.
    Thing {
        name: (usize, usize),
        entity: EntityType,
    },
    /// A description; `head` is the token of its head noun.
    Description {
        head: usize,
        definite: bool,
    },
}

/// A speaker mention: token range `start..end` in the paragraph's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// Token range of a role said with the name ("Vladimir Putin's spokesman").
    pub role: Option<(usize, usize)>,
    /// Gender told by an honorific or a first name.
    pub gender: Option<Gender>,
}

impl Mention {
    pub fn is_name(&self) -> bool {
        matches!(self.kind, MentionKind::Name { .. })
    }

    pub fn is_pronoun(&self) -> bool {
        matches!(self.kind, MentionKind::Pronoun(_))
    }

    pub fn is_description(&self) -> bool {
        matches!(self.kind, MentionKind::Description { .. })
    }
}

/// The most words a role before a name may have ("the Trump-appointed US ambassador").
const MAX_ROLE_BEFORE: usize = 7;
/// The most words a description may have before its head noun.
const MAX_DESCRIPTION: usize = 6;

/// Lowercase words the lexicon does not know as a role that may still stand as one
/// before a first-name-led name after a cue ("said baker Helen Duarte").
const MAX_PLAIN_ROLE: usize = 2;

fn is_name_word(t: &Tokens, i: usize) -> bool {
    t.cap(i)
}

fn is_title(t: &Tokens, i: usize) -> bool {
    t.stem_has(i, flag::TITLE | flag::HONORIFIC) || t.has(i, flag::TITLE | flag::HONORIFIC)
}

/// A party-and-state tag after a name: "D-Md.", "R-S.C.", "R-Texas", "I-Vt.".
pub fn is_party_state(t: &Tokens, i: usize) -> bool {
    if !t.is_word(i) {
        return false;
    }
    let b = t.lower(i).as_bytes();
    b.len() >= 3 && matches!(b[0], b'd' | b'r' | b'i') && b[1] == b'-' && b[2].is_ascii_alphabetic() && t.toks[i].cap
}

/// A word that opens a run but is no part of the person's name after it: a verb, a
/// sentence word, or a common word capitalised because it opens the sentence
/// ("Continued Stone", "Asked Trump", "Alongside BLM").
fn stray_front(t: &Tokens, a: usize, sent_start: usize) -> bool {
    // a party before a person's name: "Republican Donald Trump", "Tory Liam Fox"
    if t.has(a, flag::GROUP) && t.is_word(a + 1) && t.toks[a + 1].cap && t.ev(a + 1, ev::FIRST_NAME) {
        return true;
    }
    if t.has(a, flag::HONORIFIC | flag::TITLE) || t.ev(a, ev::FIRST_NAME | ev::PERSON) {
        return false;
    }
    t.has(a, flag::CUE | flag::NOT_NAME)
        || (sentence_initial(t, a, sent_start) && t.ev(a, ev::LOWER))
        || t.lower(a).ends_with("-based")
}

/// A particle inside a name: "van der", "bin", "de la".
fn is_particle(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && !t.toks[i].cap && t.has(i, flag::PARTICLE)
}

/// Start of the run of capitalised words (with name particles inside) that ends at `i`;
/// an organisation's name runs on through "and" ("Securities and Exchange Commission").
pub fn run_start(t: &Tokens, i: usize, lo: usize) -> usize {
    let j = plain_run_start(t, i, lo);
    if j > lo + 1 && t.word_is(j - 1, "and") && is_name_word(t, j - 2) && t.stem_has(i, flag::ORG_WORD) {
        return plain_run_start(t, j - 2, lo);
    }
    j
}

fn plain_run_start(t: &Tokens, i: usize, lo: usize) -> usize {
    let mut j = i;
    while j > lo {
        let k = j - 1;
        let name_word = is_name_word(t, k)
            && !t.possessive(k)
            && (!t.has(k, flag::NOT_NAME) || middle_name(t, k, lo, i + 1) || titled_day(t, k, lo));
        if name_word || (k > lo && is_particle(t, k) && (is_name_word(t, k - 1) || is_particle(t, k - 1))) {
            j = k;
        } else {
            break;
        }
    }
    // a run does not open with a particle
    while j < i && is_particle(t, j) {
        j += 1;
    }
    j
}

/// End (exclusive) of the run of capitalised words starting at `i`; an organisation's
/// name runs on through "and" ("Canada Mortgage and Housing Corporation").
pub fn run_end(t: &Tokens, i: usize, hi: usize) -> usize {
    let j = plain_run_end(t, i, hi);
    if j > i && j + 1 < hi && t.word_is(j, "and") && is_name_word(t, j + 1) && !t.possessive(j - 1) {
        let k = plain_run_end(t, j + 1, hi);
        if k > j + 1 && t.stem_has(k - 1, flag::ORG_WORD) {
            return k;
        }
    }
    j
}

/// A first name that is also a month or another word no name is made of ("Jan", "May"),
/// between two name words: "Ard Jan Vetham" is one name.
fn middle_name(t: &Tokens, k: usize, lo: usize, hi: usize) -> bool {
    k > lo
        && k + 1 < hi
        && super::tokens::common_first_name(t.toks[k].hash)
        && is_name_word(t, k - 1)
        && !t.has(k - 1, flag::NOT_NAME)
        && is_name_word(t, k + 1)
        && !t.has(k + 1, flag::NOT_NAME)
}

/// A day or month that opens a name after "the": "the Sunday Times", "the Monday Club".
fn titled_day(t: &Tokens, k: usize, lo: usize) -> bool {
    k > lo && t.toks[k].cap && t.word_is(k - 1, "the") && LEX.time_words.contains(&t.toks[k].hash)
}

fn plain_run_end(t: &Tokens, i: usize, hi: usize) -> usize {
    let mut j = i;
    while j < hi {
        if is_name_word(t, j) && (!t.has(j, flag::NOT_NAME) || (j > i && middle_name(t, j, 0, hi))) {
            j += 1;
            if t.possessive(j - 1) {
                break;
            }
        } else if j > i && t.is_punct(j, '&') && is_name_word(t, j + 1) && t.toks[j].start == t.toks[j - 1].end + 1 {
            // "Standard & Poor's", "Procter & Gamble"
            j += 1;
        } else if j > i && is_particle(t, j) {
            // "van der Pluijm": particles are part of the name when a capital follows them
            let mut k = j;
            while k < hi && is_particle(t, k) {
                k += 1;
            }
            if k < hi && is_name_word(t, k) {
                j = k;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    j
}

/// The words of `s..e`, lowercase, possessives dropped.
fn stems(t: &Tokens, s: usize, e: usize) -> Vec<&str> {
    (s..e).map(|i| t.stem(i)).collect()
}

/// A run's split into the titles before the name and the name.
struct Parts {
    name: (usize, usize),
    /// An honorific or a title stands before the name (in the run or just before it).
    titled: bool,
    gender: Option<Gender>,
}

/// Split the capitalised run `s..e` into role words and the name: the name is what
/// follows the last honorific or title ("Foreign Secretary Jack Straw", "Lord Chancellor
/// Lord Falconer"), or what follows party and place words when a first name opens it
/// ("Tory Liam Fox").
fn split(t: &Tokens, s: usize, e: usize) -> Parts {
    let mut name_start = s;
    let mut gender = None;
    for k in s..e.saturating_sub(1) {
        if is_title(t, k) || (t.has(k, flag::TITLE_MOD) && k + 1 < e && is_title(t, k + 1)) {
            // a title is part of a name only at its end ("John Major")
            name_start = k + 1;
            if let Some(g) = t.honorific_gender(k) {
                gender = Some(g);
            }
        }
    }
    // "Tory Liam Fox", "Broadcaster Chris Evans": words before a first name that are no
    // names (known words, places, words capitalised only to open a sentence) — not the
    // "Azfar" of "Azfar Ali Khan"
    if name_start == s
        && e - s >= 3
        && !t.ev(s, ev::FIRST_NAME | ev::PERSON)
        && let Some(j) = (s + 1..e - 1).find(|&j| t.ev(j, ev::FIRST_NAME | ev::GIVEN))
        && (s..j).all(|k| {
            t.toks[k].flags != 0
                || t.toks[k].stem_flags != 0
                || t.ev(k, ev::LOWER | ev::PLACE | ev::ORG)
                || !t.ev(k, ev::CAP_MID)
                || t.ev(k, ev::NATIONALITY)
        })
    {
        name_start = j;
    }
    // "President Obama Speech at …": a word the article writes in lowercase after a name's
    // surname is a headline's capital, not more of the name (not "Theresa May": "Theresa"
    // ends no name)
    let mut e = e;
    while e - name_start >= 2
        && t.ev(e - 1, ev::LOWER)
        && t.ev(e - 2, ev::SURNAME)
        && !t.ev(e - 1, ev::FIRST_NAME)
        && !t.possessive(e - 2)
    {
        e -= 1;
    }
    // (a lowercase title before a listed organisation is a verb or a common noun: "Bolton
    // host Arsenal")
    let listed = e - name_start == 1 && t.has(name_start, flag::ORG_NAME | flag::MEDIA_NAME);
    let titled = name_start > s || (s > 0 && t.is_word(s - 1) && is_title(t, s - 1) && !t.toks[s - 1].cap && !listed);
    if gender.is_none() && s > 0 && t.is_word(s - 1) {
        gender = t.honorific_gender(s - 1);
    }
    if gender.is_none() && e - name_start >= 2 && !LEX.surnames_first.contains(&t.toks[name_start].hash) {
        gender = LEX.first_name_gender_by_hash(t.toks[name_start].hash);
    }
    Parts {
        name: (name_start, e),
        titled,
        gender,
    }
}

/// Tokens `s..e` (possessives dropped) hold one of `phrases`.
fn holds_phrase(t: &Tokens, s: usize, e: usize, phrases: &crate::text::lexicon::Phrases) -> bool {
    (s..e).any(|k| {
        t.stem_has(k, flag::THING_HEAD)
            && phrases
                .starting_with(t.toks[k].hash)
                .any(|p| k + p.len() <= e && t.phrase_at(k, p, true))
    })
}

/// The type of thing the run `s..e` names, if its words say so. `sure` is false for the
/// names of particular organisations, outlets and places, which give way to a first name
/// or an honorific.
fn thing_type(t: &Tokens, s: usize, e: usize) -> Option<(EntityType, bool)> {
    let all = (s..e).fold(0, |acc, i| acc | t.toks[i].stem_flags);
    let any = |bits| all & bits != 0;
    let phrases = any(flag::THING_HEAD);
    let holds = |p| phrases && holds_phrase(t, s, e, p);
    if e - s == 1 && t.ev(s, ev::STATISTIC) {
        return Some((EntityType::Event, true));
    }
    if any(flag::MEDIA_WORD) {
        return Some((EntityType::Medium, true));
    }
    if any(flag::ORG_WORD) || holds(&LEX.org_phrases) {
        return Some((EntityType::Organisation, true));
    }
    let last = e - 1;
    if (e - s >= 2 && t.stem_has(last, flag::EVENT)) || holds(&LEX.event_phrases) {
        return Some((EntityType::Event, true));
    }
    if (e - s == 1 && t.stem_has(s, flag::GROUP)) || holds(&LEX.group_phrases) {
        return Some((EntityType::Group, true));
    }
    if holds(&LEX.media_phrases) || (e - s == 1 && t.stem_has(s, flag::MEDIA_NAME)) {
        return Some((EntityType::Medium, false));
    }
    if any(flag::ORG_NAME) || holds(&LEX.org_name_phrases) || t.ev(s, ev::ORG) {
        return Some((EntityType::Organisation, false));
    }
    // a place of two words or more ("Nova Scotia", "New Brunswick") is one, whatever its
    // first word is as a first name
    if t.stem_has(s, flag::THING_HEAD) && LEX.is_place(&stems(t, s, e).join(" ")) {
        return Some((EntityType::Place, e - s >= 2));
    }
    // an acronym (NATO, RIA) is an organisation, not a person
    if e - s == 1 && t.toks[s].caps && t.lower(s).len() <= 6 {
        return Some((EntityType::Organisation, false));
    }
    // "in Sumatra", "Moncton, N.B.": the article puts it where a place stands
    if t.ev(e - 1, ev::PLACE) && !t.ev(e - 1, ev::PERSON) {
        return Some((EntityType::Place, false));
    }
    // "Fraser Highway", "Lake Cowichan": a place's own words
    if e - s >= 2 && (t.ev(e - 1, ev::PLACE_WORD) || t.ev(s, ev::PLACE_OPENER)) {
        return Some((EntityType::Place, true));
    }
    // "Statistics Canada", "Export Development Canada": a name ending in a country's or a
    // province's is an organisation's
    if e - s >= 2 && t.stem_has(e - 1, flag::THING_HEAD) && LEX.is_place(t.stem(e - 1)) && !t.ev(s, ev::FIRST_NAME) {
        return Some((EntityType::Organisation, false));
    }
    // "BC Hydro", "CBC News": an acronym opening a name is an organisation's
    if e - s >= 2 && t.toks[s].caps && t.lower(s).len() <= 5 && !t.ev(s, ev::FIRST_NAME) {
        return Some((EntityType::Organisation, false));
    }
    None
}

/// What the article confirms a run to be, on evidence that does not depend on the rest
/// of the article's names (for [`super::evidence::annotate`]).
pub enum Confirmed {
    Person(usize, usize),
    Org(usize, usize),
}

pub fn confirmed(t: &Tokens, s: usize, e: usize) -> Option<Confirmed> {
    let lowercase_before = s > 0 && t.is_word(s - 1) && !t.toks[s - 1].cap;
    // introduced as an organisation: "oil firm Yukos", "software giant Microsoft"
    if lowercase_before && t.stem_has(s - 1, flag::ORG_NOUN) {
        return Some(Confirmed::Org(s, e));
    }
    let context = person_context(t, s, e);
    // a lone word with no title before it or role after it confirms nothing (most runs:
    // sentence openers)
    if e - s == 1 && !(lowercase_before && is_title(t, s - 1)) && !context {
        return None;
    }
    let p = split(t, s, e);
    let (a, b) = p.name;
    if a >= b || (b - a == 1 && t.has(a, flag::NOT_NAME)) || is_contraction(t, b - 1) || nationality(t, a, b) {
        return None;
    }
    // "The Deputy Prime Minister": titles with no name
    if t.stem_has(b - 1, flag::TITLE) && !t.has(b - 1, flag::HONORIFIC) && !(b - a >= 2 && t.ev(a, ev::FIRST_NAME)) {
        return None;
    }
    match thing_type(t, a, b) {
        Some((_, true)) => return None,
        Some((_, false)) if !(p.titled || (b - a >= 2 && t.ev(a, ev::FIRST_NAME))) => return None,
        _ => {}
    }
    let first_name_led = b - a >= 2 && t.ev(a, ev::FIRST_NAME);
    (p.titled || first_name_led || context).then_some(Confirmed::Person(a, b))
}

/// The run `s..e` is a name of two words or more that the article never writes in
/// lowercase, nor only at a sentence's start unless the lexicon does not know its first
/// word ("Sevaun Palvetzian", "Arsene Wenger has pledged…"), and no thing: its last word
/// alone may be the same person's surname.
pub fn proper_name(t: &Tokens, s: usize, e: usize, sent_start: usize) -> bool {
    if e < s + 2 || (s..e).any(|k| t.ev(k, ev::LOWER) || t.has(k, flag::NOT_NAME)) {
        return false;
    }
    let p = split(t, s, e);
    let (a, b) = p.name;
    b >= a + 2
        && (a..b).all(|k| !t.ev(k, ev::LOWER) && !t.has(k, flag::NOT_NAME))
        && (!sentence_initial_only(t, a, sent_start) || unknown_given(t, a))
        && !nationality(t, a, b)
        && !t.ev(b - 1, ev::NATIONALITY)
        && thing_type(t, a, b).is_none()
}

/// The words around the run `s..e` say it is a person: a role before it ("accountant
/// Babatunji Farinloye"), an appositive headed by a role after it (", a resident of
/// Lampung", ", director at the IFSD"), an age (", 50,") or ", who".
fn person_context(t: &Tokens, s: usize, e: usize) -> bool {
    if s > 0 && t.is_word(s - 1) && !t.toks[s - 1].cap && t.stem_has(s - 1, flag::ROLE_NOUN | flag::TITLE) {
        return true;
    }
    if !t.is_punct(e, ',') || !t.is_word(e + 1) {
        return false;
    }
    if t.word_is(e + 1, "who") {
        return true;
    }
    let w = t.lower(e + 1);
    if (1..=3).contains(&w.len())
        && w.bytes().all(|c| c.is_ascii_digit())
        && matches!(t.toks.get(e + 2).map(|x| x.kind), Some(Kind::Punct(',' | '.')) | None)
    {
        return true;
    }
    let Some((a, b)) = appositive_after(t, e, t.len()) else {
        return false;
    };
    // the appositive's head is a person's role, not an organisation's ("a pipeline company")
    (a..b)
        .take_while(|&k| !t.word_is(k, "of") && !t.word_is(k, "at") && !t.word_is(k, "with"))
        .find(|&k| t.stem_has(k, flag::ROLE_NOUN | flag::TITLE | flag::ORG_NOUN | flag::ORG_HEAD))
        .is_some_and(|k| !t.stem_has(k, flag::ORG_NOUN | flag::ORG_HEAD) || t.stem_has(k, flag::ROLE_NOUN))
}

/// The run `a..b` is made of nationality words only ("North Korean", "Canadian").
fn nationality(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b).all(|k| t.ev(k, ev::NATIONALITY))
}

/// The word opens its sentence and is capitalised nowhere else in the article.
/// The word at `k`, opening a sentence, may be a first name the table does not know
/// ("Arsene"): the lexicon knows it not, and it does not end like an adjective
/// ("Prominent", "Veteran").
fn unknown_given(t: &Tokens, k: usize) -> bool {
    let w = t.lower(k);
    t.toks[k].flags == 0 && !LEX.adjective_endings.iter().any(|x| w.ends_with(x.as_str()))
}

fn sentence_initial_only(t: &Tokens, k: usize, sent_start: usize) -> bool {
    sentence_initial(t, k, sent_start) && !t.ev(k, ev::CAP_MID)
}

fn is_contraction(t: &Tokens, i: usize) -> bool {
    let w = t.lower(i);
    // every contraction has an apostrophe (’ is lowercased to ')
    w.as_bytes().contains(&b'\'') && LEX.contractions.iter().any(|c| w.ends_with(c.as_str()))
}

/// Classify the capitalised run `s..e` in the sentence starting at `sent_start`.
/// A capitalised run `s..e` whose name is `a..b` (the words before it a role), as a mention
/// of each kind.
struct Run {
    s: usize,
    e: usize,
    a: usize,
    b: usize,
    gender: Option<Gender>,
}

impl Run {
    fn thing(&self, entity: EntityType) -> Option<Mention> {
        Some(Mention {
            start: self.s,
            end: self.e,
            kind: MentionKind::Thing {
                name: (self.s, self.e),
                entity,
            },
            role: None,
            gender: None,
        })
    }

    fn person(&self) -> Option<Mention> {
        Some(Mention {
            start: self.s,
            end: self.e,
            kind: MentionKind::Name { name: (self.a, self.b) },
            role: (self.a > self.s).then_some((self.s, self.a)),
            gender: self.gender,
        })
    }

    fn described(&self, head: usize, definite: bool) -> Option<Mention> {
        Some(Mention {
            start: self.s,
            end: self.e,
            kind: MentionKind::Description { head, definite },
            role: None,
            gender: None,
        })
    }
}

fn classify_run(t: &Tokens, s: usize, e: usize, sent_start: usize, preceded_by_the: bool) -> Option<Mention> {
    if s >= e {
        return None;
    }
    let p = split(t, s, e);
    let (a0, b) = p.name;
    // a stray sentence word before a person's name ("Continued Stone"); a thing's name
    // keeps its words ("New York Times")
    let mut a = a0;
    // "Houston-based Continental": where a thing is based is no part of its name
    let mut s = s;
    while b > a + 1 && t.lower(a).ends_with("-based") {
        a += 1;
        s = a;
    }
    let thing_a0 = thing_type(t, a, b);
    if thing_a0.is_none() {
        while b > a + 1 && stray_front(t, a, sent_start) {
            a += 1;
        }
    }
    if a >= b || is_contraction(t, b - 1) || (b - a == 1 && is_party_state(t, a)) {
        return None;
    }
    let run = Run {
        s,
        e,
        a,
        b,
        gender: p.gender,
    };
    let thing = |entity| run.thing(entity);
    let person = || run.person();
    // "the American", "Canadians", "North Korean": a nationality is never a name
    if nationality(t, a, b) && !p.titled {
        if t.lower(b - 1).ends_with('s') {
            return thing(EntityType::Group);
        }
        return preceded_by_the.then(|| run.described(b - 1, true)).flatten();
    }
    let first_name_led = b - a >= 2 && t.ev(a, ev::FIRST_NAME) && !t.has(a, flag::NOT_NAME);
    // the name modifies a noun after it: "the Larry Ellison appraisal"
    let modifier = t.is_word(e) && !t.toks[e].cap && !t.has(e, flag::CUE | flag::STOP | flag::BETWEEN | flag::ADJUNCT);
    let confirmed_person = (a..b).any(|k| t.ev(k, ev::PERSON)) && !t.ev(b - 1, ev::ORG);
    match if a == a0 { thing_a0 } else { thing_type(t, a, b) } {
        Some((EntityType::Group, true)) if p.titled && a > s => return person(),
        // "Police said", "the Bank": a generic organisation word alone is a description
        Some((EntityType::Organisation, true))
            if b - a == 1 && s == a && t.stem_has(a, flag::SPEAKER_NOUN | flag::ORG_HEAD) =>
        {
            return run.described(a, preceded_by_the);
        }
        Some((entity, true)) => return thing(entity),
        Some((entity, false)) => {
            // ("the Kenya Red Cross" is no person's, whatever "Kenya" is as a first name)
            let the_thing = preceded_by_the && !p.titled && !modifier;
            if !the_thing && (p.titled || first_name_led || (confirmed_person && entity != EntityType::Medium)) {
                return person();
            }
            return thing(entity);
        }
        None => {}
    }
    if preceded_by_the && !p.titled && !(first_name_led && b - a >= 2 && modifier) {
        // "the Kremlin", "the Tories": a name after "the" is not a person's (but "the Larry
        // Ellison appraisal" is his)
        return thing(EntityType::Organisation);
    }
    if b - a == 1 && t.stem_has(a, flag::NOT_NAME) && !p.titled {
        return None;
    }
    // "Argentine Economic Minister", "Minister": a title with no name is a role
    if t.stem_has(b - 1, flag::TITLE) && !t.has(b - 1, flag::HONORIFIC) && !t.ev(a, ev::FIRST_NAME | ev::PERSON) {
        return run.described(b - 1, preceded_by_the);
    }
    if p.titled || first_name_led || confirmed_person {
        return person();
    }
    if t.ev(a, ev::ORG) {
        return thing(EntityType::Organisation);
    }
    unattested(t, &run, sent_start)
}

/// A capitalised run the lexicon and the article's evidence do not settle: a proper name
/// by how the article writes it, a department, a description, or no mention.
fn unattested(t: &Tokens, run: &Run, sent_start: usize) -> Option<Mention> {
    let Run { s, e, a, b, .. } = *run;
    let thing = |entity| run.thing(entity);
    let person = || run.person();
    // (a first word the lexicon does not know, in a name of two words or more, is no
    // sentence word: "Arsene Wenger has pledged…")
    let opens = sentence_initial_only(t, a, sent_start)
        && !(b - a >= 2 && unknown_given(t, a) && !t.ev(b - 1, ev::NATIONALITY));
    let common = (a..b).any(|k| t.ev(k, ev::LOWER) || t.has(k, flag::NOT_NAME));
    if !opens && !common {
        // a proper name the article never writes in lowercase: a person's when it has two
        // words or more ("Aleksey Pushkov"), is a first name ("daughter Emily") or has a
        // role with it ("Yuni, a resident of Lampung"); another word alone, never
        // confirmed as a person's name, may be a person's or an organisation's ("Mulder",
        // "Suncor"): the pronouns that refer to it will tell
        if b - a == 1 && !t.ev(a, ev::FIRST_NAME | ev::PROPER_SURNAME) && !person_context(t, a, b) {
            return thing(EntityType::Unknown);
        }
        return person();
    }
    // "Global Affairs says…", "Public Health said": capitalised department words and
    // nothing else, speaking, are a department
    if b - a >= 2 && (a..b).all(|k| t.stem_has(k, flag::TITLE_MOD)) && t.is_word(e) && t.has(e, flag::CUE) {
        return thing(EntityType::Organisation);
    }
    // a lone capitalised common noun opening a sentence is a description ("Critics said")
    if b - a == 1 && a == s && t.stem_has(a, flag::SPEAKER_NOUN) {
        return run.described(a, false);
    }
    // "Tesla reported record deliveries.": a word the lexicon does not know, never written
    // in lowercase, opening a sentence as the subject of a verb, is a name of some kind
    if b - a == 1
        && a == s
        && opens
        && !common
        && t.toks[a].flags == 0
        && !t.lower(a).ends_with('s')
        && t.is_word(e)
        && !t.toks[e].cap
        && (t.has(e, flag::CUE | flag::BETWEEN) || t.lower(e).ends_with("ed"))
    {
        return thing(EntityType::Unknown);
    }
    None
}

fn pronoun(t: &Tokens, i: usize) -> Option<MentionKind> {
    if !t.has(i, flag::PRONOUN) {
        return None;
    }
    LEX.pronouns.get(t.lower(i)).map(|k| MentionKind::Pronoun(*k))
}

fn is_determiner(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && t.has(i, flag::DETERMINER)
}

/// Words before a name that describe the person ("White House spokesman", "Vladimir
/// Putin's spokesman", "Tory co-chairman"), back to a determiner or clause boundary;
/// `None` when there are none or they hold no title or role noun.
fn role_before(t: &Tokens, s: usize, lo: usize) -> Option<(usize, usize)> {
    let mut j = s;
    while j > lo && s - j < MAX_ROLE_BEFORE {
        let k = j - 1;
        if !t.is_word(k) {
            break;
        }
        // "World and Commonwealth 100m champion": "and" between capitalised modifiers
        let joins = t.word_is(k, "and") && k > lo && t.cap(k - 1) && t.cap(k + 1);
        // a lowercase word belongs to a role only if it is a role word ("senior", "former",
        // "spokesman"): "to impress Lions coach" stops at "impress"
        let lowercase_other = !t.toks[k].cap
            && !joins
            && !t.stem_has(
                k,
                flag::TITLE | flag::TITLE_MOD | flag::ROLE_NOUN | flag::SPEAKER_NOUN | flag::ORG_NOUN,
            )
            && !t.lower(k).starts_with(|c: char| c.is_ascii_digit());
        if is_determiner(t, k)
            || lowercase_other
            || (t.has(
                k,
                flag::CUE | flag::BETWEEN | flag::COORDINATOR | flag::ADJUNCT | flag::RELATIVE,
            ) && !joins)
            || (t.has(k, flag::NOT_NAME) && !t.toks[k].cap && !joins)
            || t.word_is(k, "as")
            || t.word_is(k, "by")
            || t.word_is(k, "of")
        {
            break;
        }
        j = k;
    }
    // "But Manchester United manager": a sentence adverb or conjunction is not the role
    while j < s && t.cap(j) && t.has(j, flag::NOT_NAME | flag::COORDINATOR) {
        j += 1;
    }
    let has_role_noun = (j..s).any(|k| t.stem_has(k, flag::SPEAKER_NOUN | flag::ROLE_NOUN) || is_title(t, k));
    (j < s && has_role_noun).then_some((j, s))
}

/// The organisation named by tokens `a..b`, its mention taking a "the" before it (not
/// before `lo`).
fn organisation_ending(t: &Tokens, a: usize, b: usize, lo: usize) -> Mention {
    let the = a > lo && t.word_is(a - 1, "the");
    Mention {
        start: if the { a - 1 } else { a },
        end: b,
        kind: MentionKind::Thing {
            name: (a, b),
            entity: EntityType::Organisation,
        },
        role: None,
        gender: None,
    }
}

/// The noun phrase whose last token is `i` (not before `lo`, the sentence start).
pub fn ending_at(t: &Tokens, i: usize, lo: usize) -> Option<Mention> {
    if i < lo || !t.is_word(i) || t.possessive(i) {
        return None;
    }
    if let Some(kind) = pronoun(t, i) {
        return Some(Mention {
            start: i,
            end: i + 1,
            kind,
            role: None,
            gender: None,
        });
    }
    // "Sen. Lindsey Graham, R-S.C.,", "Rep. Gwen Moore (D-Wis.)": the name before the tag
    if is_party_state(t, i) && i >= lo + 2 && (t.is_punct(i - 1, ',') || t.is_punct(i - 1, '(')) {
        return ending_at(t, i - 2, lo);
    }
    if t.toks[i].cap {
        let s = run_start(t, i, lo);
        // "the Prime Minister's Office": a body named by whose it is
        if s == i && s > lo && t.possessive(s - 1) && t.cap(s - 1) && t.stem_has(i, flag::ORG_WORD) {
            return Some(organisation_ending(t, plain_run_start(t, s - 1, lo), i + 1, lo));
        }
        let the = s > lo && t.word_is(s - 1, "the");
        // "the National Association of Head Teachers", "Bank of England": an organisation's
        // name running on through "of"
        if s >= lo + 2 && t.word_is(s - 1, "of") && is_name_word(t, s - 2) && !t.possessive(s - 2) {
            let s2 = run_start(t, s - 2, lo);
            if matches!(thing_type(t, s2, s - 1), Some((EntityType::Organisation, _))) {
                return Some(organisation_ending(t, s2, i + 1, lo));
            }
        }
        let mut m = classify_run(t, s, i + 1, lo, the)?;
        // "Lee Zeldin of New York": a person of a place
        if matches!(m.kind, MentionKind::Thing { .. })
            && s >= lo + 2
            && t.word_is(s - 1, "of")
            && let Some(p) = ending_at(t, s - 2, lo)
            && p.is_name()
        {
            return Some(Mention { end: i + 1, ..p });
        }
        match m.kind {
            MentionKind::Name { .. } => {
                if let Some((rs, _)) = role_before(t, s, lo) {
                    m.role = Some((rs, m.role.map_or(s, |r| r.1)));
                    m.start = rs;
                    if m.gender.is_none() {
                        m.gender = (rs..s).rev().find_map(|k| t.honorific_gender(k));
                    }
                }
            }
            MentionKind::Thing { .. } if the => m.start = s - 1,
            _ => {}
        }
        return Some(m);
    }
    description_ending_at(t, i, lo)
}

/// A description ending at `i`: modifiers back to a determiner ("a senior Russian
/// politician"), or a bare speaker noun ("officials").
fn description_ending_at(t: &Tokens, i: usize, lo: usize) -> Option<Mention> {
    let w = t.lower(i);
    if t.has(i, flag::NOT_NAME | flag::BETWEEN | flag::CUE) || w.ends_with("ly") {
        return None;
    }
    let mut j = i;
    let mut det = None;
    while j > lo && i - j < MAX_DESCRIPTION {
        let k = j - 1;
        if !t.is_word(k) {
            break;
        }
        if is_determiner(t, k) {
            j = k;
            det = Some(k);
            break;
        }
        if matches!(t.lower(k), "of" | "for" | "at" | "from" | "with" | "in") && k > lo {
            // a head noun before a prepositional phrase: "supporters of reform said"
            if let Some(head) = description_ending_at(t, k - 1, lo) {
                return Some(Mention { end: i + 1, ..head });
            }
            break;
        }
        if t.has(k, flag::NOT_NAME | flag::CUE | flag::BETWEEN) && !t.toks[k].cap {
            break;
        }
        // ("But observers say": the sentence's conjunction is no part of who speaks)
        if t.has(k, flag::COORDINATOR) {
            break;
        }
        j = k;
    }
    // "the state-run KCNA news agency": an acronym naming the body the noun is
    if t.stem_has(i, flag::ORG_NOUN | flag::ORG_HEAD)
        && let Some(c) = (j.max(i.saturating_sub(2))..i).rev().find(|&k| t.toks[k].cap)
        && t.toks[c].caps
        && t.lower(c).chars().filter(char::is_ascii_alphabetic).count() >= 3
        && !t.possessive(c)
        && (c + 1..i).all(|k| t.is_word(k) && !t.toks[k].cap)
    {
        return Some(Mention {
            start: j,
            end: i + 1,
            kind: MentionKind::Thing {
                name: (c, i + 1),
                entity: EntityType::Organisation,
            },
            role: None,
            gender: None,
        });
    }
    // "the RCMP statement", "the Civic Action study": a body's document speaks for the body
    if LEX.document_nouns.contains(&t.toks[i].hash) {
        let s = if det.is_some() { j + 1 } else { j };
        if s < i
            && (s..i).all(|k| t.cap(k))
            && let Some(m) = classify_run(t, s, i, lo, det.is_some_and(|d| t.word_is(d, "the")))
            && let MentionKind::Thing { .. } = m.kind
        {
            return Some(Mention {
                start: j,
                end: i + 1,
                ..m
            });
        }
    }
    // "Schellenberg's aunt": a role after a possessive
    let possessed = i > lo && t.possessive(i - 1) && t.stem_has(i, flag::ROLE_NOUN | flag::TITLE);
    (det.is_some() || t.has(i, flag::SPEAKER_NOUN) || people_plural(t, i) || possessed).then(|| Mention {
        start: j,
        end: i + 1,
        kind: MentionKind::Description {
            head: i,
            definite: det.is_some_and(|d| LEX.definite_determiners.contains(&word_hash(t.lower(d)))),
        },
        role: None,
        gender: None,
    })
}

/// A plural noun of people or bodies, which may speak without a determiner: "forecasters
/// say", "Rights organizations said", "Brexit backers say".
fn people_plural(t: &Tokens, i: usize) -> bool {
    let w = t.lower(i);
    if t.toks[i].cap || w.len() < 6 || !w.ends_with('s') || t.has(i, flag::STOP | flag::NOT_NAME | flag::CUE) {
        return false;
    }
    let agent = LEX.agent_plurals.iter().any(|x| w.ends_with(x.as_str()));
    let listed = LEX.is(&w[..w.len() - 1], flag::ROLE_NOUN | flag::ORG_NOUN | flag::ORG_HEAD);
    agent || listed
}

/// The noun phrase starting at `i` (inverted attribution: `said Aleksey Pushkov, a senior
/// Russian lawmaker,`), with an appositive role after a comma. `lo` is the sentence start.
pub fn starting_at(t: &Tokens, i: usize, hi: usize, lo: usize) -> Option<Mention> {
    if i >= hi || !t.is_word(i) {
        return None;
    }
    if let Some(kind) = pronoun(t, i) {
        return Some(Mention {
            start: i,
            end: i + 1,
            kind,
            role: None,
            gender: None,
        });
    }
    let the = t.word_is(i, "the");
    if t.toks[i].cap || the {
        let s = if the { i + 1 } else { i };
        let e = run_end(t, s, hi);
        if e > s {
            return capitalised_run(t, (i, s, e), hi, lo, the);
        }
    }
    // "the country's State Planning Organisation": the name after a possessive description
    if is_determiner(t, i)
        && i + 2 < hi
        && !t.toks[i + 1].cap
        && t.possessive(i + 1)
        && t.cap(i + 2)
        && let Some(m) = starting_at(t, i + 2, hi, lo).filter(|m| !m.is_pronoun() && !m.is_description())
    {
        return Some(m);
    }
    // "former secretary of state Hillary Clinton", "election lawyer Joe Birkenstock",
    // "former Massachusetts congressman Barney Frank": a role, then the name
    if let Some(m) = role_led_name(t, i, hi, lo) {
        return Some(m);
    }
    description_at(t, i, hi, lo)
}

/// The mention a capitalised run `s..e` starts (at `i`, before it "the" when `the`): a
/// name, a body, a description by capitalised modifiers ("US officials"), or the name
/// after them.
fn capitalised_run(t: &Tokens, (i, s, e): (usize, usize, usize), hi: usize, lo: usize, the: bool) -> Option<Mention> {
    // "the Prime Minister's Office": a body named by whose it is
    if t.possessive(e - 1) && t.cap(e) && run_end(t, e, hi) == e + 1 && t.stem_has(e, flag::ORG_WORD) {
        return Some(Mention {
            start: i,
            end: e + 1,
            kind: MentionKind::Thing {
                name: (s, e + 1),
                entity: EntityType::Organisation,
            },
            role: None,
            gender: None,
        });
    }
    // "the IFSD’s Azfar Ali Khan": a name after a possessive is the person's
    if t.possessive(e - 1)
        && t.cap(e)
        && let Some(mut m) = classify_run(t, e, run_end(t, e, hi), lo, false).filter(Mention::is_name)
    {
        m.role = Some((i, e));
        return Some(m);
    }
    let first = classify_run(t, s, e, lo, the);
    // "Concord resident Whit Symms", "Huckabee campaign spokesman Hogan Gidley": a
    // capitalised modifier of a role, the name after it
    if e < hi
        && t.is_word(e)
        && !t.toks[e].cap
        && let Some(m) = role_led_name(t, i, hi, lo)
    {
        return Some(m);
    }
    if let Some(mut m) = first.clone().filter(Mention::is_name) {
        if the {
            m.start = i;
        }
        if let Some(app) = appositive_after(t, e, hi) {
            m.role = Some(app);
        }
        return Some(m);
    }
    // "Virginia delegate Beau Correll", "Concord resident Whit Symms", "Clinton's
    // top foreign policy aide Jake Sullivan": modifiers and a role, then the name
    if let Some(m) = role_led_name(t, i, hi, lo) {
        return Some(m);
    }
    // "The Trump-appointed US ambassador", "US officials", "the Tory co-chairman":
    // capitalised modifiers of a lowercase role noun, with no name after it
    let mut d = e;
    while d < hi
        && d < e + 3
        && t.is_word(d)
        && !t.toks[d].cap
        && t.stem_has(d, flag::TITLE | flag::ROLE_NOUN | flag::SPEAKER_NOUN)
    {
        d += 1;
    }
    if d > e && !(d < hi && t.cap(d)) {
        // "The RCMP statement said": a body's document speaks for the body
        if d == e + 1
            && LEX.document_nouns.contains(&t.toks[e].hash)
            && let Some(Mention {
                kind: kind @ MentionKind::Thing { .. },
                ..
            }) = first.clone()
        {
            return Some(Mention {
                start: i,
                end: d,
                kind,
                role: None,
                gender: None,
            });
        }
        return Some(Mention {
            start: i,
            end: d,
            kind: MentionKind::Description {
                head: d - 1,
                definite: the,
            },
            role: None,
            gender: t.honorific_gender(d - 1),
        });
    }
    let mut m = first?;
    if the {
        m.start = i;
    }
    Some(m)
}

/// A description at `i`: a determiner and up to `MAX_DESCRIPTION` words, ending before
/// punctuation or a verb (or after its first role noun); or whoever issued the document
/// it names, or the name in apposition after it.
fn description_at(t: &Tokens, i: usize, hi: usize, lo: usize) -> Option<Mention> {
    // a description: determiner + up to 5 words, ending before punctuation or a verb
    let mut j = i;
    while j < hi && j - i < MAX_DESCRIPTION && t.is_word(j) {
        if j > i
            && (t.has(j, flag::CUE | flag::BETWEEN | flag::RELATIVE)
                || matches!(
                    t.lower(j),
                    "on" | "in" | "at" | "to" | "of" | "from" | "by" | "after" | "before" | "during"
                ))
        {
            break;
        }
        j += 1;
    }
    // the description ends after its first role noun ("the prime minister ratcheted
    // up…", "the company said"), else at the verb
    if let Some(h) =
        (i + 1..j).find(|&k| t.stem_has(k, flag::ROLE_NOUN | flag::TITLE | flag::SPEAKER_NOUN | flag::ORG_HEAD))
    {
        let mut h = h;
        while h + 1 < j && t.stem_has(h + 1, flag::ROLE_NOUN | flag::TITLE | flag::SPEAKER_NOUN) {
            h += 1;
        }
        j = h + 1;
    }
    if !(j > i + 1 && is_determiner(t, i)) {
        return None;
    }
    // "a statement released by the Prime Minister's Office", "the latest figures from
    // Statistics Canada": a document speaks for whoever issued it
    if let Some(m) = issuer(t, i, j, hi, lo) {
        return Some(m);
    }
    // "said the trust's chair, Moira Quinn.": the name in apposition closing the clause
    if t.is_punct(j, ',') && j + 1 < hi && is_name_word(t, j + 1) {
        let e = run_end(t, j + 1, hi);
        let closes = e >= hi || matches!(t.toks[e].kind, Kind::Punct(_) | Kind::Quote(_));
        if closes && let Some(mut m) = classify_run(t, j + 1, e, lo, false).filter(Mention::is_name) {
            m.role = Some((i, j));
            return Some(m);
        }
    }
    Some(Mention {
        start: i,
        end: j,
        kind: MentionKind::Description {
            head: j - 1,
            definite: LEX.definite_determiners.contains(&word_hash(t.lower(i))),
        },
        role: None,
        gender: None,
    })
}

/// The issuer of the document the description `i..j` ends in, named after "by" or
/// "from" at `j` ("a statement released by the Prime Minister's Office", "the latest
/// numbers from Statistics Canada").
fn issuer(t: &Tokens, i: usize, j: usize, hi: usize, lo: usize) -> Option<Mention> {
    let doc = (i + 1..j)
        .rev()
        .find(|&k| LEX.document_nouns.contains(&t.toks[k].hash))?;
    // at most a participle between: "released by", "issued by"
    let mut k = j;
    if k == doc + 1 && t.is_word(k) && t.lower(k).ends_with("ed") {
        k += 1;
    }
    if k + 1 >= hi || !t.is_word(k) || !matches!(t.lower(k), "by" | "from") || k - doc > 2 {
        return None;
    }
    if k - doc == 2 && !t.lower(doc + 1).ends_with("ed") {
        return None;
    }
    starting_at(t, k + 1, hi, lo).filter(|m| !m.is_pronoun())
}

/// A name after its role, starting at `i`: words and capitalised modifiers ("former",
/// "Massachusetts", "party", "Clinton's top foreign policy") holding a role noun, then
/// a capitalised run that is a person's name.
fn role_led_name(t: &Tokens, i: usize, hi: usize, lo: usize) -> Option<Mention> {
    let mut r = i;
    let mut role_noun = false;
    while r < hi && r < i + MAX_ROLE_BEFORE + 2 && t.is_word(r) {
        // "said baker Helen Duarte": one or two lowercase words the lexicon does not know
        // as roles, before a name a first name confirms
        let plain_role = !role_noun
            && r > i
            && r - i <= MAX_PLAIN_ROLE
            && (i..r).all(|k| !t.toks[k].cap && t.lower(k).chars().all(char::is_alphabetic))
            && t.ev(r, ev::FIRST_NAME)
            && !t.has(r, flag::NOT_NAME);
        if t.toks[r].cap && r > i && (role_noun || plain_role) {
            let e = run_end(t, r, hi);
            if e > r {
                if let Some(mut m) = classify_run(t, r, e, lo, false).filter(Mention::is_name) {
                    m.role = Some((i, m.role.map_or(r, |x| x.1)));
                    m.start = i;
                    if let Some(app) = appositive_after(t, e, hi) {
                        m.role = Some(app);
                    }
                    if m.gender.is_none() {
                        m.gender = (i..r).rev().find_map(|k| t.honorific_gender(k));
                    }
                    return Some(m);
                }
                r = e;
                continue;
            }
        }
        // "oil and gas worker Mike Wipf": "and" between the role's modifiers
        let joins = !role_noun
            && r > i
            && t.word_is(r, "and")
            && t.is_word(r + 1)
            && !t.toks[r + 1].cap
            && !t.toks[r - 1].cap
            && !t.has(r + 1, flag::CUE | flag::PRONOUN | flag::DETERMINER);
        let stop = !t.toks[r].cap
            && !joins
            && (t.has(
                r,
                flag::CUE | flag::RELATIVE | flag::PRONOUN | flag::COORDINATOR | flag::BETWEEN,
            ) || (t.has(r, flag::ADJUNCT | flag::DETERMINER) && r > i && !t.word_is(r, "of")));
        if stop {
            return None;
        }
        role_noun |= t.stem_has(r, flag::TITLE | flag::ROLE_NOUN | flag::SPEAKER_NOUN);
        r += 1;
    }
    None
}

/// `, a senior Russian lawmaker,` after a name: the appositive's token range (the role
/// pass cleans it).
pub fn appositive_after(t: &Tokens, e: usize, hi: usize) -> Option<(usize, usize)> {
    if !t.is_punct(e, ',') {
        return None;
    }
    let s = e + 1;
    if !t.is_word(s) {
        return None;
    }
    let role_like = is_determiner(t, s) || is_title(t, s) || t.stem_has(s, flag::SPEAKER_NOUN | flag::ROLE_NOUN);
    if !role_like || t.has(s, flag::CUE | flag::RELATIVE) {
        return None;
    }
    let mut j = s;
    while j < hi && j - s < 20 && !matches!(t.toks[j].kind, Kind::Punct(_) | Kind::Quote(_)) {
        if t.has(j, flag::CUE) && !t.toks[j].cap {
            return None;
        }
        // ("According to Haley, the bomb threats were…": a clause, not an appositive)
        if j > s && !t.toks[j].cap && LEX.auxiliaries.contains(t.lower(j)) {
            return None;
        }
        j += 1;
    }
    (j > s && j - s < 20).then_some((s, j))
}

/// Every person's name and named thing in `lo..hi` (outside quotes, which are single
/// tokens), for resolving surnames, pronouns and descriptions. A name's role is the one
/// said before it; the appositive after it is [`appositive_after`]'s.
pub fn names_in(t: &Tokens, lo: usize, hi: usize, out: &mut Vec<Mention>) {
    out.clear();
    let mut i = lo;
    while i < hi {
        if is_name_word(t, i) {
            let e = run_end(t, i, hi);
            if e > i {
                let the = i > lo && t.word_is(i - 1, "the");
                // "the Bank of Mexico", "the Centre for Addiction", "the City of Surrey": an
                // organisation's name runs on through "of", "for" or "on"
                let mut e = e;
                let mut m = classify_run(t, i, e, lo, the);
                if !m.as_ref().is_some_and(Mention::is_name)
                    && (t.stem_has(e - 1, flag::ORG_WORD) || (e == i + 1 && LEX.named_heads.contains(&t.toks[i].hash)))
                    && e + 1 < hi
                    && (t.word_is(e, "of") || t.word_is(e, "for") || t.word_is(e, "on"))
                    && is_name_word(t, e + 1)
                {
                    let e2 = run_end(t, e + 1, hi);
                    e = e2;
                    m = Some(Mention {
                        start: i,
                        end: e2,
                        kind: MentionKind::Thing {
                            name: (i, e2),
                            entity: EntityType::Organisation,
                        },
                        role: None,
                        gender: None,
                    });
                }
                if let Some(mut m) = m
                    && matches!(m.kind, MentionKind::Name { .. } | MentionKind::Thing { .. })
                {
                    if m.is_name()
                        && let Some((rs, _)) = role_before(t, i, lo)
                    {
                        m.role = Some((rs, m.role.map_or(i, |r| r.1)));
                        if m.gender.is_none() {
                            m.gender = (rs..i).rev().find_map(|k| t.honorific_gender(k));
                        }
                    }
                    out.push(m);
                }
                i = e;
                continue;
            }
        }
        i += 1;
    }
}

/// "Blair's" → "Blair", "Williams'" → "Williams".
pub fn strip_possessive(s: &str) -> &str {
    if let Some(x) = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")) {
        return x;
    }
    match s.strip_suffix(['\'', '’']) {
        Some(x) if x.ends_with('s') => x,
        _ => s,
    }
}
