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

mod runs;
use runs::*;
pub use runs::{
    Confirmed, confirmed, is_party_state, proper_name, run_end, run_start, state_after_place, surname_word,
};

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
    /// Where the mention ends with its role after it ("Jane Smith, the club's chairman").
    pub fn end_with_role(&self) -> usize {
        self.role.map_or(self.end, |r| r.1.max(self.end))
    }

    /// Where the mention starts, its role included ("Minister" of "Immigration, Refugees
    /// and Citizenship Minister Ahmed Hussen").
    pub fn start_with_role(&self) -> usize {
        self.role.map_or(self.start, |r| r.0.min(self.start))
    }

    pub fn is_name(&self) -> bool {
        matches!(self.kind, MentionKind::Name { .. })
    }

    pub fn is_pronoun(&self) -> bool {
        matches!(self.kind, MentionKind::Pronoun(_))
    }

    pub fn is_description(&self) -> bool {
        matches!(self.kind, MentionKind::Description { .. })
    }

    /// "he" or "she".
    pub fn is_he_or_she(&self) -> bool {
        matches!(self.kind, MentionKind::Pronoun(PronounKind::Male | PronounKind::Female))
    }

    /// A person named, or "he" or "she".
    pub fn is_personal(&self) -> bool {
        self.is_name() || self.is_he_or_she()
    }
}

/// The most words a role before a name may have ("the Trump-appointed US ambassador").
const MAX_ROLE_BEFORE: usize = 7;
/// The most words a description may have before its head noun.
const MAX_DESCRIPTION: usize = 6;

/// Lowercase words the lexicon does not know as a role that may still stand as one
/// before a first-name-led name after a cue ("said baker Helen Duarte").
const MAX_PLAIN_ROLE: usize = 2;
/// Tokens in a list of portfolios before a title ("Immigration, Refugees and Citizenship
/// Minister").
const MAX_PORTFOLIO: usize = 10;

/// A list of portfolios before a title, from `s`: "Public Safety and Emergency
/// Preparedness Minister Bill Blair", "Immigration, Refugees and Citizenship Minister
/// Ahmed Hussen". The title that ends the list with a capitalised word after it, when the
/// list is capitalised words joined at least once by "and", "&" or a comma.
pub fn portfolio_title(t: &Tokens, s: usize, hi: usize) -> Option<usize> {
    let mut joined = false;
    for j in s..hi.min(s + MAX_PORTFOLIO) {
        if t.cap(j) {
            if t.possessive(j) {
                return None;
            }
            if j > s && t.has(j, flag::TITLE) && t.cap(j + 1) {
                return joined.then_some(j);
            }
        } else if j > s && (t.word_is(j, "and") || t.is_punct(j, ',') || t.is_punct(j, '&')) && t.cap(j + 1) {
            joined = true;
        } else {
            return None;
        }
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
        // "the Prime Minister's Office": a body named by whose it is; "St Mary's
        // Hospital", "St Fintian's High School": by its saint
        if s > lo && t.possessive(s - 1) && t.cap(s - 1) {
            let owner = plain_run_start(t, s - 1, lo);
            if (s == i && t.stem_has(i, flag::ORG_WORD)) || saint(t, owner) {
                return Some(organisation_ending(t, owner, i + 1, lo));
            }
        }
        let the = s > lo && t.word_is(s - 1, "the");
        // "the Labour MP for Ealing North", "the president of France": a title of a place
        // or body describes a person
        if s >= lo + 2
            && (t.word_is(s - 1, "for") || t.word_is(s - 1, "of"))
            && t.stem_has(s - 2, flag::TITLE)
            // (a spokesman speaks for the body: "a spokesman for Dell" is Dell's)
            && !LEX.stand_ins.contains(&t.toks[s - 2].hash)
            // (a place or a body, not a name: "the US Secretary of Energy Spencer Abraham")
            && (!(s..=i).any(|x| t.ev(x, ev::FIRST_NAME))
                || classify_run(t, s, i + 1, lo, false).is_some_and(|m| matches!(m.kind, MentionKind::Thing { .. })))
            && let Some(d) = description_ending_at(t, s - 2, lo).filter(Mention::is_description)
        {
            return Some(Mention { end: i + 1, ..d });
        }
        // "the National Association of Head Teachers", "Bank of England": an organisation's
        // name running on through "of" ("for", "on": "the Institute for Fiscal Studies",
        // "the Committee on Foreign Relations"), and through "and" after it ("the Centre
        // for Economics and Business Research")
        let joins = |x: usize| t.word_is(x, "of") || t.word_is(x, "for") || t.word_is(x, "on");
        let a = if s > lo + 2 && t.word_is(s - 1, "and") && is_name_word(t, s - 2) {
            let a = plain_run_start(t, s - 2, lo);
            if a >= lo + 2 && joins(a - 1) { a } else { s }
        } else {
            s
        };
        // (not a time: "the Senate committee on Tuesday said")
        if a >= lo + 2
            && joins(a - 1)
            && is_name_word(t, a - 2)
            && !t.possessive(a - 2)
            && !t.stem_has(a - 2, flag::TITLE)
            && !(a..=i).any(|x| t.time_word(x))
            // (nor a title then a name: "Bank of Canada Governor Stephen Poloz said")
            && !(a..i).any(|x| {
                t.cap(x)
                    && t.stem_has(x, flag::TITLE)
                    && (t.ev(x + 1, ev::FIRST_NAME)
                        || (i > x + 1 && classify_run(t, x + 1, i + 1, lo, false).is_some_and(|m| m.is_name())))
            })
        {
            let s2 = run_start(t, a - 2, lo);
            if matches!(thing_type(t, s2, a - 1), Some((EntityType::Organisation, _))) {
                return Some(organisation_ending(t, s2, i + 1, lo));
            }
        }
        let mut m = classify_run(t, s, i + 1, lo, the)?;
        // "Lee Zeldin of New York", "Mr. Morgan of the Sierra Club": a person of a place
        // or a body
        let of = if the { s.checked_sub(2) } else { s.checked_sub(1) };
        if matches!(m.kind, MentionKind::Thing { .. })
            && let Some(of) = of.filter(|&of| of > lo && t.word_is(of, "of"))
            && let Some(p) = ending_at(t, of - 1, lo)
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
            MentionKind::Thing { .. } if the => {
                if let Some(d) = role_described(t, &m, s - 1) {
                    return Some(d);
                }
                m.start = s - 1
            }
            _ => {}
        }
        return Some(m);
    }
    description_ending_at(t, i, lo)
}

/// Token `k` is "St", "St." or "Saint": a saint's name ("St Mary's") names a place or body.
fn saint(t: &Tokens, k: usize) -> bool {
    t.toks[k].cap && matches!(t.lower(k), "st" | "st." | "saint")
}

/// "The Mid-Bedfordshire MP had denied…": a body `m` after "the" (at `start`) whose last
/// word is a title is a person described by capitalised modifiers (not "the Scottish
/// Executive" or "the Hollywood Reporter": a role noun that is no title; not a word the
/// article names a body with).
fn role_described(t: &Tokens, m: &Mention, start: usize) -> Option<Mention> {
    let MentionKind::Thing { name: (s, e), .. } = m.kind else {
        return None;
    };
    let head = e - 1;
    // (not "the New Hampshire Union Leader", a newspaper: a body's word among them)
    // (an abbreviation alone, "the CPL", is a body's initials unless a role: "the MP")
    let person = t.stem_has(head, flag::TITLE)
        && (!t.toks[head].caps || t.stem_has(head, flag::ROLE_NOUN))
        && !LEX.body_titles.contains(&t.toks[head].hash)
        // modifiers that open on where ("the Manchester Central MP", "the Indonesian
        // Economics Minister"); others name an office ("the Parliamentary Budget Officer")
        && (s == head || {
            let w = t.lower(s);
            t.ev(s, ev::PLACE | ev::NATIONALITY | ev::PLACE_WORD | ev::PLACE_OPENER)
                || LEX.is_place(w)
                || w.rsplit('-').next().is_some_and(|p| LEX.is_place(p))
        })
        && !(s..e).any(|k| t.stem_has(k, flag::ORG_HEAD | flag::ORG_WORD | flag::MEDIA_WORD) || t.ev(k, ev::ORG))
        && !t.stem(head).ends_with('s');
    person.then(|| Mention {
        start,
        end: e,
        kind: MentionKind::Description { head, definite: true },
        role: None,
        gender: t.honorific_gender(head),
    })
}

/// A description ending at `i`: modifiers back to a determiner ("a senior Russian
/// politician"), or a bare speaker noun ("officials").
fn description_ending_at(t: &Tokens, i: usize, lo: usize) -> Option<Mention> {
    let w = t.lower(i);
    // "the mother of two said": a count after "of" completes the noun before it
    if i >= lo + 2
        && counted_kin(t, i - 1)
        && let Some(head) = description_ending_at(t, i - 2, lo)
    {
        return Some(Mention { end: i + 1, ..head });
    }
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
        if LEX.head_prepositions.contains(&word_hash(t.lower(k))) && k > lo {
            // a head noun before a prepositional phrase: "supporters of reform said"
            if let Some(head) = description_ending_at(t, k - 1, lo) {
                return Some(Mention { end: i + 1, ..head });
            }
            break;
        }
        // ("Though executives who worked with him say": a capital opening the sentence is
        // no part of who speaks either)
        if t.has(k, flag::NOT_NAME | flag::CUE | flag::BETWEEN)
            && (!t.toks[k].cap || LEX.aside_openers.contains(&t.toks[k].hash))
        {
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
    if !(det.is_some() || t.has(i, flag::SPEAKER_NOUN) || people_plural(t, i) || possessed) {
        return None;
    }
    let inner = Mention {
        start: j,
        end: i + 1,
        kind: MentionKind::Description {
            head: i,
            definite: det.is_some_and(|d| LEX.definite_determiners.contains(&word_hash(t.lower(d)))),
        },
        role: None,
        gender: None,
    };
    Some(outer_description(t, &inner, lo).unwrap_or(inner))
}

/// "of" at `of` between a kin noun and a count: "the mother of two", "a father of 3".
fn counted_kin(t: &Tokens, of: usize) -> bool {
    of > 0 && t.word_is(of, "of") && LEX.kin.contains(&t.toks[of - 1].hash) && t.number(of + 1)
}

/// The description a prepositional phrase belongs to: "another member of the public",
/// "people arrested at the camp" (not "the camp"), "some in the Muslim community", "one of
/// the players".
fn outer_description(t: &Tokens, inner: &Mention, lo: usize) -> Option<Mention> {
    let p = inner.start.checked_sub(1).filter(|&p| p > lo)?;
    if !t.is_word(p) {
        return None;
    }
    // "sources close to the minister", "aides loyal to him": the people near someone
    if matches!(t.lower(p), "to" | "with")
        && p >= lo + 2
        && LEX.near_adjectives.contains(&t.toks[p - 1].hash)
        && t.is_word(p - 2)
        && let Some(outer) = description_ending_at(t, p - 2, lo)
        && let MentionKind::Description { head, .. } = outer.kind
        && (t.stem_has(head, flag::ROLE_NOUN | flag::TITLE | flag::SPEAKER_NOUN)
            || people_plural(t, head)
            || LEX.stand_ins.contains(&t.toks[head].hash))
    {
        return Some(Mention {
            end: inner.end,
            ..outer
        });
    }
    if !LEX.head_prepositions.contains(&word_hash(t.lower(p))) {
        return None;
    }
    let q = p - 1;
    // a quantifier before "of" or "in": "one of the players", "some in the community"
    if (t.word_is(p, "of") || t.word_is(p, "in")) && t.is_word(q) && LEX.quantifiers.contains(&word_hash(t.lower(q))) {
        let start = if q > lo && t.word_is(q - 1, "all") { q - 1 } else { q };
        return Some(Mention {
            start,
            end: inner.end,
            kind: MentionKind::Description {
                head: q,
                definite: false,
            },
            role: None,
            gender: None,
        });
    }
    // "people arrested at the camp": a participle after the head
    let h = if q > lo && t.lower_ending(q, "ed") { q - 1 } else { q };
    let outer = description_ending_at(t, h, lo)?;
    let MentionKind::Description { head, .. } = outer.kind else {
        return None;
    };
    // a person or people, not a thing of theirs: "member", "officials", "people"; not one
    // who speaks for the body nor what it publishes ("a spokesman for the firm", "a survey
    // for the charity" speak for the firm and the charity)
    let speaks_for = LEX.stand_ins.contains(&t.toks[head].hash) || LEX.document_nouns.contains(&t.toks[head].hash);
    let person = t.stem_has(head, flag::ROLE_NOUN | flag::TITLE | flag::SPEAKER_NOUN) || people_plural(t, head);
    (person && !speaks_for).then_some(Mention {
        end: inner.end,
        ..outer
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
    // "the Prime Minister's Office": a body named by whose it is; "St Mary's Hospital":
    // by its saint
    if t.possessive(e - 1) && t.cap(e) {
        let end = run_end(t, e, hi);
        if (end == e + 1 && t.stem_has(e, flag::ORG_WORD)) || (end > e && saint(t, s)) {
            return Some(Mention {
                start: i,
                end,
                kind: MentionKind::Thing {
                    name: (s, end),
                    entity: EntityType::Organisation,
                },
                role: None,
                gender: None,
            });
        }
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
    // "Public Safety and Emergency Preparedness Minister Bill Blair": the name after a
    // list of portfolios
    // (no first name in the run: "Smith and Foreign Minister Sergei Lavrov" are two)
    if (t.word_is(e, "and") || t.is_punct(e, ',') || t.is_punct(e, '&'))
        && !(s..e).any(|x| t.ev(x, ev::FIRST_NAME))
        && let Some(m) = portfolio_title(t, s, hi)
            .and_then(|j| starting_at(t, j, hi, lo))
            .filter(Mention::is_name)
    {
        return Some(m);
    }
    // "Herbert Hansen of Respond's Belgian partner Keyobs": a full name, then whom they
    // are with; the name after "of" is not theirs
    let full_name_of = e - s >= 2 && t.word_is(e, "of") && first.as_ref().is_some_and(Mention::is_name);
    // "Concord resident Whit Symms", "Huckabee campaign spokesman Hogan Gidley": a
    // capitalised modifier of a role, the name after it
    if e < hi
        && t.is_word(e)
        && !t.toks[e].cap
        && !full_name_of
        && let Some(m) = role_led_name(t, i, hi, lo)
    {
        return Some(m);
    }
    if let Some(d) = first.as_ref().filter(|_| the).and_then(|m| role_described(t, m, i)) {
        return Some(d);
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
                || LEX.description_breaks.contains(&word_hash(t.lower(j))))
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
        // "the foreign ministry's consular-affairs office": a noun that owns is no head;
        // the description goes on to what it owns
        while t.possessive(h)
            && let Some(k) =
                (h + 1..j).find(|&k| t.stem_has(k, flag::ROLE_NOUN | flag::TITLE | flag::SPEAKER_NOUN | flag::ORG_HEAD))
        {
            h = k;
        }
        while h + 1 < j && t.stem_has(h + 1, flag::ROLE_NOUN | flag::TITLE | flag::SPEAKER_NOUN) {
            h += 1;
        }
        // "a senior Cruz aide": capitalised modifiers, then the role noun the description
        // ends on
        let mut k = h + 1;
        while k < j && t.toks[k].cap {
            k += 1;
        }
        if k > h + 1 && k < j && t.stem_has(k, flag::ROLE_NOUN | flag::TITLE | flag::SPEAKER_NOUN) {
            h = k;
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
    // "said the mother of two.": a count after "of" completes the noun
    let count_of = j + 1 < hi && counted_kin(t, j);
    Some(Mention {
        start: i,
        end: if count_of { j + 2 } else { j },
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
        // as roles, before a name a first name confirms ("said 17-year-old Aisha Khan": an
        // age too)
        let plain_role = !role_noun
            && r > i
            && r - i <= MAX_PLAIN_ROLE
            && (i..r).all(|k| !t.toks[k].cap && t.lower(k).chars().all(|c| c.is_alphanumeric() || c == '-'))
            && t.ev(r, ev::FIRST_NAME)
            && !t.has(r, flag::NOT_NAME);
        if t.toks[r].cap && r > i && (role_noun || plain_role) {
            let e = run_end(t, r, hi);
            // "chief Asian strategist Eddie Wong": a capitalised word before a role noun
            // modifies it
            let modifier = e < hi
                && t.is_word(e)
                && !t.toks[e].cap
                && t.stem_has(e, flag::TITLE | flag::ROLE_NOUN | flag::SPEAKER_NOUN);
            if e > r && modifier {
                r = e;
                continue;
            }
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
        // "president and chief executive Bill Owens": "and" between two roles of one person,
        // the second maybe led by an acronym ("media and PR strategist Glen Yearwood")
        // (not "Mourinho and chief executive Peter Kenyon", two people)
        let joins_roles = role_noun
            && t.word_is(r, "and")
            && !t.toks[r - 1].cap
            && t.stem_has(r - 1, flag::TITLE | flag::ROLE_NOUN | flag::SPEAKER_NOUN)
            && t.is_word(r + 1)
            && (t.stem_has(
                r + 1,
                flag::TITLE | flag::TITLE_MOD | flag::ROLE_NOUN | flag::SPEAKER_NOUN,
            ) || (t.toks[r + 1].caps
                && t.is_word(r + 2)
                && !t.toks[r + 2].cap
                && t.stem_has(r + 2, flag::TITLE | flag::ROLE_NOUN | flag::SPEAKER_NOUN)));
        let stop = !t.toks[r].cap
            && !joins
            && !joins_roles
            && (t.has(
                r,
                flag::CUE | flag::RELATIVE | flag::PRONOUN | flag::COORDINATOR | flag::BETWEEN,
            ) || (t.has(r, flag::ADJUNCT | flag::DETERMINER) && r > i && !t.word_is(r, "of")));
        // "Lindqvist praised director Anna Berg": a verb after the subject's name ends the
        // phrase; it is no role's modifier ("Ontario health minister"); nor after the role
        // ("The former secretary of state mocked Trump": "retired" and "elected" modify a
        // role before it)
        let verb = r > i
            && (t.toks[r - 1].cap || role_noun)
            && t.lower_ending(r, "ed")
            && t.lower(r).len() >= 4
            && t.lower(r).chars().all(char::is_alphabetic)
            && !t.stem_has(r, flag::TITLE | flag::TITLE_MOD | flag::ROLE_NOUN | flag::SPEAKER_NOUN);
        if stop || verb {
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
                    // (not "the Electoral Commission on Thursday": a day is no name)
                    && run_end(t, e + 1, hi) > e + 1
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
