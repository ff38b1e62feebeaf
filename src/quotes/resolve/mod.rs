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
//!   saying the same thing in the next paragraph; a story's opening "A Vancouver peewee
//!   hockey coach says" and the one person the paragraphs around it name with that role
//!   ("Coach Stephen Gillis"). No name is ever invented.

use super::mentions::{self, MentionKind};
use super::tokens::Tokens;
use super::types::{EntityType, Item, Quote, QuoteKind, Raw, RawKind, SpeakerKind};
use crate::text::lexicon::Gender;
use crate::text::lexicon::{LEX, PronounKind, flag};
use crate::text::words::word_hash;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

mod entities;
mod names;
mod referents;
use entities::*;
use names::*;
pub use names::{Occ, RoleSpan, occurrences};
use referents::*;

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
    let mut items = items;
    link_they(text, &mut items, paras);
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
    let Walk { ents, occ_entity, .. } = walk;
    link_summaries(text, &items, &mut resolved);
    link_lede(&items, occs, &occ_entity, &ents, paras, &mut resolved);
    // 4. the quotes
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

/// (Step 0a.) "Several auto-industry executives have warned… They say": a "they" opening
/// its sentence, or after "and" ("Republican senators are eager…, and they say"), speaks
/// for the plural description that is the subject of the clause before. The description
/// becomes the speaker's mention (resolved as any description is).
fn link_they(text: &str, items: &mut [Item], paras: &[super::evidence::Para]) {
    for it in items.iter_mut() {
        let Some(r) = it.speaker.as_mut() else { continue };
        // ("we" is the writer or the speaker's own side, not someone named)
        if r.kind != RawKind::Pronoun(PronounKind::Plural)
            || !text[r.mention.0..r.mention.1].eq_ignore_ascii_case("they")
        {
            continue;
        }
        let Some(p) = paras.get(it.para) else { continue };
        let t = &p.tokens;
        let k = t.toks.partition_point(|x| x.start < r.mention.0);
        if t.toks.get(k).is_none_or(|x| x.start != r.mention.0) {
            continue;
        }
        let Some(s) = p.sentences.iter().position(|x| x.contains(&k)) else {
            continue;
        };
        let first = (p.sentences[s].start..k).find(|&j| t.is_word(j) && !t.has(j, flag::COORDINATOR));
        // the clause before: the sentence before when "they" opens its own, else this one
        let (lo, hi) = if first.is_none() && s > 0 {
            (p.sentences[s - 1].start, p.sentences[s - 1].end)
        } else if k > 0 && t.has(k - 1, flag::COORDINATOR) {
            (p.sentences[s].start, k - 1)
        } else {
            continue;
        };
        if let Some(m) = last_plural_subject(t, lo, hi) {
            let MentionKind::Description { head, definite } = m.kind else {
                continue;
            };
            r.mention = (t.toks[m.start].start, t.toks[m.end - 1].end);
            r.kind = RawKind::Description {
                head: t.stem(head).to_string(),
                definite,
            };
        }
    }
}

/// The last plural description in tokens `lo..hi` that opens a clause (the sentence, or
/// after "and"/"but") and runs into its verb: "several auto-industry executives have warned".
fn last_plural_subject(t: &Tokens, lo: usize, hi: usize) -> Option<mentions::Mention> {
    let opens = |j: usize| j == lo || t.has(j - 1, flag::COORDINATOR) || t.is_punct(j - 1, ',');
    let mut found = None;
    let mut j = lo;
    while j < hi {
        if t.is_word(j) && opens(j) && !t.has(j, flag::COORDINATOR) {
            // the description starting at j: the longest ending before a lowercase verb
            let m = (j..hi.min(j + MAX_SUBJECT_WORDS))
                .filter(|&e| {
                    t.is_word(e + 1)
                        && e + 1 < hi
                        && !t.toks[e + 1].cap
                        && !t.has(e + 1, flag::DETERMINER | flag::COORDINATOR)
                        && !LEX.head_prepositions.contains(&word_hash(t.lower(e + 1)))
                })
                .filter_map(|e| mentions::ending_at(t, e, j).filter(|m| m.start == j))
                .find(|m| matches!(m.kind, MentionKind::Description { head, .. } if plural(t.lower(head))));
            if let Some(m) = m {
                j = m.end;
                found = Some(m);
                continue;
            }
        }
        j += 1;
    }
    found
}

/// The most words of a clause's subject [`link_they`] reads.
const MAX_SUBJECT_WORDS: usize = 8;

/// A plural noun: "executives", "senators", "authorities" (not "business").
fn plural(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s") && !w.ends_with("’s")
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
                // (said nowhere in the running text: never "just named")
                ents.person_as(text, Shown::At(o.name.0, o.name.1), &w, g, 0, (false, false));
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
    // (entity, role span) pairs kept: a `contains` on the entity's roles was quadratic for
    // a person named thousands of times
    let mut kept: FxHashSet<(usize, RoleSpan)> = FxHashSet::default();
    for (i, o) in occs.iter().enumerate() {
        if o.pronoun.is_some() {
            occ_entity.push(usize::MAX); // resolved while walking the article
            continue;
        }
        span_words(paras, o.para, o.toks, &mut w);
        let kin = kin_apposed(paras, o);
        let e = match o.entity {
            EntityType::Person if o.unnamed => {
                span_stems(paras, o.para, o.toks, &mut stems);
                ents.by_role(&stems)
                    .or_else(|| subject_before(&occs[..i], &occ_entity, o, paras, ents))
                    .unwrap_or_else(|| ents.unnamed(Shown::At(o.name.0, o.name.1), &w, o.gender))
            }
            EntityType::Person => ents
                .person_as(
                    text,
                    Shown::At(o.name.0, o.name.1),
                    &w,
                    honorific_gender(text, o.mention, o.pos),
                    o.pos,
                    (kin, o.subject),
                )
                .unwrap_or(usize::MAX),
            k => ents.thing(text, Shown::At(o.name.0, o.name.1), &w, k),
        };
        if let Some(ent) = ents.all.get_mut(e) {
            // "Spindler's father, Joseph,": "father" is Joseph's role ("His father said")
            if kin && let Some(p) = paras.get(o.para) {
                ent.role_words.insert(stem_hash(p.tokens.stem(o.toks.0 - 2)));
            }
            for r in [o.role, o.appositive].into_iter().flatten() {
                span_stems(paras, r.para, (r.a, r.b), &mut w);
                ent.role_words.extend(w.iter().copied());
                if let Some(p) = paras.get(r.para) {
                    role_offices(&p.tokens, (r.a, r.b), ent);
                }
                if kept.insert((e, r)) {
                    ent.roles.push(r);
                }
            }
        }
        occ_entity.push(e);
    }
    occ_entity
}

/// The offices (not honorifics) and the names (not titles or nationalities) of a role's
/// words, for [`referents::main_person`].
fn role_offices(t: &crate::quotes::tokens::Tokens, (a, b): (usize, usize), ent: &mut Entity) {
    let words: Vec<usize> = (a..b.min(t.len()))
        .filter(|&k| t.is_word(k) && !t.has(k, flag::DETERMINER) && !t.stem_has(k, flag::HONORIFIC))
        .collect();
    // "with Tanzania Mr Brown said": a name alone before an honorific is no office
    let office = |k: usize| !t.cap(k) || t.stem_has(k, flag::TITLE | flag::TITLE_MOD | flag::ROLE_NOUN);
    if !words.iter().any(|&k| office(k)) {
        return;
    }
    for k in words {
        let stem = t.stem(k);
        ent.office_words.insert(stem_hash(stem));
        if !office(k) && !nationality(stem) {
            ent.role_bodies.insert(stem_hash(stem));
        }
    }
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
                    .is_some_and(|(a, b)| LEX.continuing_cues.contains(&word_hash(&text[a..b])));
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
            // "Spindler's father, Joseph, says… His father said": a family word after his, her
            // or their is the relative the article named with that word
            RawKind::Description { head, definite: false } if kin_of_someone(self.text, r.mention, head) => {
                self.definite(it, r, head).map(|e| (e, true))
            }
            RawKind::Description { .. } => None,
        }
    }

    /// Who a definite description ("the senator", "the company") of item `it` refers to.
    /// Never someone it names as whose it is: "the Sanders aide" is not Sanders.
    fn definite(&self, it: &Item, r: &Raw, head: &str) -> Option<usize> {
        let named = words(&self.text[r.mention.0..r.mention.1]);
        self.definite_any(it, r, head).filter(|&e| {
            let ent = &self.ents.all[e];
            ent.kind != EntityType::Person || !ent.words.iter().any(|w| named.contains(w))
        })
    }

    fn definite_any(&self, it: &Item, r: &Raw, head: &str) -> Option<usize> {
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
            .or_else(|| {
                // "World number one Lindsay Davenport has criticised Wimbledon. … the
                // American said": a nationality describes the person the sentence before
                // named first
                // ("Hollywood film star Liam Neeson has held a dinner party. The
                // Ballymena-born actor said…": so does a person's role alone, the only
                // person that sentence names)
                // ("Ali Rahimi runs a bakery. ¶ “…,” the 52-year-old said": an age too)
                let role = (LEX.is(head, flag::ROLE_NOUN | flag::TITLE) && !head.ends_with('s')) || age(head);
                if !nationality(head) && !role {
                    return None;
                }
                let k = occs.partition_point(|o| o.sentence + 1 < it.sentence);
                let before = || {
                    occs[k..]
                        .iter()
                        .zip(&occ_entity[k..])
                        .take_while(|(o, _)| o.sentence < it.sentence)
                };
                let mut people = before()
                    .filter(|(o, _)| o.entity == EntityType::Person && !o.unnamed && o.pronoun.is_none())
                    .map(|(o, &e)| (o.subject, e));
                let (subject, first) = people.next().filter(|&(_, e)| e < ents.all.len())?;
                let mut people = people.map(|(_, e)| e);
                // ("She attacked Donald Trump… ¶ The former secretary of state said": not
                // the person named as the object of someone else the sentence opens with)
                if !subject && before().any(|(o, _)| o.pronoun.is_some()) {
                    return None;
                }
                // (an age only for someone a first name or an honorific makes a person: not
                // "Rain Man", "Old Trafford")
                if age(head) && ents.all[first].gender().is_none() {
                    return None;
                }
                (!role || people.all(|e| e == first)).then_some(first)
            })
            .or_else(|| main_person(ents, head, &self.text[r.mention.0..r.mention.1]))
    }
}

/// A person's age as a noun: "52-year-old", "six-year-old".
fn age(head: &str) -> bool {
    head.strip_suffix("-year-old").is_some_and(|n| !n.is_empty())
}

/// "Steven Gerrard has admitted… ¶ The 24-year-old Reds skipper spoke out…": a person
/// described as the subject opening a sentence (`o`) is the one person the sentence before
/// named, as its subject. Not when that person's roles say otherwise ("Ken Livingstone …
/// The prime minister said"), when someone else holds the role, or after a quote ("“…,”
/// the president told…"). `before` are the occurrences read so far, `entity` theirs.
fn subject_before(
    before: &[Occ],
    entity: &[usize],
    o: &Occ,
    paras: &[super::evidence::Para],
    ents: &Entities,
) -> Option<usize> {
    let p = &paras[o.para];
    if !p.sentences.iter().any(|r| r.start == o.toks.0) {
        return None;
    }
    let k = before.partition_point(|b| b.sentence + 1 < o.sentence);
    let mut people = before[k..].iter().zip(&entity[k..]).filter(|(b, _)| {
        b.sentence + 1 == o.sentence && b.entity == EntityType::Person && !b.unnamed && b.pronoun.is_none()
    });
    let (first, &e) = people.next()?;
    if !first.subject || e == usize::MAX || !people.all(|(_, &x)| x == e) {
        return None;
    }
    let head = stem_hash(p.tokens.stem(o.toks.1 - 1));
    let own = &ents.all[e].role_words;
    let held = || {
        ents.all
            .iter()
            .any(|x| x.kind == EntityType::Person && x.role_words.contains(&head))
    };
    (own.contains(&head) || (own.is_empty() && !held())).then_some(e)
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
        // (and "according to a study", a document, is no one quoted after it)
        if LEX.stand_ins.contains(&word_hash(head)) || LEX.document_nouns.contains(&word_hash(head)) {
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

/// (Step 3.) "A Vancouver peewee hockey coach says he's amazed… ¶ Stephen Gillis said…":
/// a news story that opens on someone described, not named, names them right after. A
/// description by a role that opens one of the article's first two paragraphs is the one
/// person the paragraphs around it name with that role ("Coach Stephen Gillis"); with two
/// such people, or none, it stays a description. (Elsewhere "a coach" is someone new.)
fn link_lede(
    items: &[Item],
    occs: &[Occ],
    occ_entity: &[usize],
    ents: &Entities,
    paras: &[super::evidence::Para],
    resolved: &mut [Option<(usize, bool)>],
) {
    // the paragraphs before the article's third with words
    let lede_end = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.tokens.is_empty())
        .nth(2)
        .map_or(paras.len(), |(k, _)| k);
    for (i, it) in items.iter().enumerate().take_while(|(_, it)| it.para < lede_end) {
        let Some(Raw {
            kind: RawKind::Description { head, definite: false },
            mention: (mention, _),
            ..
        }) = &it.speaker
        else {
            continue;
        };
        if resolved[i].is_some() || head.ends_with('s') || !LEX.is(head, flag::ROLE_NOUN | flag::TITLE) {
            continue;
        }
        let opens = paras
            .get(it.para)
            .and_then(|p| p.tokens.toks.first())
            .is_some_and(|t| t.start == *mention);
        if !opens {
            continue;
        }
        let head_hash = stem_hash(head);
        let mut found = occs
            .iter()
            .zip(occ_entity)
            .filter(|(o, _)| o.pronoun.is_none() && !o.unnamed && o.para <= it.para + DESCRIPTION_PARAS)
            .map(|(_, &e)| e)
            .filter(|&e| {
                ents.all
                    .get(e)
                    .is_some_and(|e| e.kind == EntityType::Person && !e.unnamed && e.role_words.contains(&head_hash))
            });
        if let Some(first) = found.next()
            && found.all(|e| e == first)
        {
            resolved[i] = Some((first, true));
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

/// The mention is "his", "her" or "their" before a family word: "His father".
fn kin_of_someone(text: &str, mention: (usize, usize), head: &str) -> bool {
    let first = text[mention.0..mention.1]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    LEX.possessive_determiners.contains(&word_hash(&first)) && LEX.kin.contains(&word_hash(head))
}
