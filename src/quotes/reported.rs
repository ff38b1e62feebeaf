//! Reported speech: `X said (that) …`, `X wrote on Facebook that …`, `X told reporters …`,
//! `according to X, …`, post-posed `…, X said.` / `…, as X said on Feb. 14.` / `…, says
//! Mr Dean.` The content runs to the end of the sentence (or back to its start, for
//! post-posed cues). What a cue needs after it depends on its role (`assets/lexicon.toml`).

use super::attribution::{Cue, cue_at, is_source, sentence_subject, speaker_before};
use super::mentions::{self, Mention, MentionKind};
use super::tokens::{Kind, Tokens};
use crate::text::lexicon::{CueRole, LEX, PronounKind, flag};
use crate::text::words::word_hash;

#[derive(Debug, Clone)]
pub struct Reported {
    pub speaker: Mention,
    pub cue: Cue,
    /// Token range of the reported content.
    pub content: (usize, usize),
    /// The cue comes after the content.
    pub post: bool,
    /// A parenthetical cue ("The drugs have a limited set of uses, he says, and are
    /// mostly meant…"): the content after it, a second part of the same statement.
    pub then: Option<(usize, usize)>,
    /// This is that second part.
    pub joined: bool,
}

/// The most words an adjunct after a cue may have before the content or the sentence's
/// end ("said on Feb. 14", "told a news conference in Moscow on Tuesday").
const MAX_ADJUNCT: usize = 6;
/// How far after an adjunct-opening word "that" or a comma may close the adjunct.
const ADJUNCT_REACH: usize = 10;
/// Words before a parenthetical cue that make a part of their own ("What he discovered,
/// he says, is that…"); fewer ("Too often, he says, they get it.") belong to the whole.
const PARENTHETICAL_SPLIT: usize = 3;
/// Reported content shorter than this many tokens is not a statement.
const MIN_CONTENT: usize = 2;
/// Most words of a bare noun phrase opening a reported clause ("suggested fuel taxes
/// would…").
const BARE_SUBJECT: usize = 3;
/// Most words of the one urged or warned before "to" ("urged all city residents to…").
const DIRECTED_OBJECT: usize = 4;

fn opener(t: &Tokens, k: usize) -> bool {
    let Some(tok) = t.toks.get(k) else { return false };
    match tok.kind {
        Kind::Quote(_) => true,
        Kind::Punct(_) => false,
        Kind::Word => tok.cap || t.lower(k).starts_with(|c: char| c.is_ascii_digit()) || t.has(k, flag::CLAUSE_OPENER),
    }
}

/// After a "say" cue any word but an adjunct opener or a word like "to", "by", "like" can
/// open the reported clause ("said comments from Rice were…").
fn loose_opener(t: &Tokens, k: usize) -> bool {
    opener(t, k)
        || (t.is_word(k)
            && !t.has(k, flag::ADJUNCT | flag::NOT_CLAUSE_OPENER | flag::BETWEEN)
            && !t.lower(k).ends_with("ly"))
}

fn end_of_content(t: &Tokens, hi: usize) -> usize {
    let mut e = hi;
    while e > 0
        && matches!(
            t.toks[e - 1].kind,
            Kind::Punct('.' | '!' | '?' | ')' | ';' | ':' | ',' | '…')
        )
    {
        e -= 1;
    }
    e
}

/// A listener from the lexicon's list ("reporters", "the press") starting at `k`: the
/// token after it.
fn listed_listener(t: &Tokens, k: usize) -> Option<usize> {
    LEX.listeners
        .iter()
        .find(|l| l.iter().enumerate().all(|(x, w)| t.word_is(k + x, w)))
        .map(|l| k + l.len())
}

/// Tokens after the cue up to the sentence end are only adjuncts ("on Feb. 14", "in a
/// statement", "on Tuesday", "last week"): the cue closes its sentence.
pub(crate) fn closes_sentence(t: &Tokens, from: usize, hi: usize) -> bool {
    let e = end_of_content(t, hi);
    // a day first, maybe with its part: "police said Saturday.", "he said Monday night in
    // a statement."
    let mut from = from;
    if from < e && t.weekday(from) {
        from += 1;
        if from < e && !t.toks[from].cap && t.time_word(from) {
            from += 1;
        }
    }
    if from >= e {
        return true;
    }
    // (a listener whole: "told the press", not any "the")
    let first_is_adjunct = t.is_word(from) && (t.has(from, flag::ADJUNCT) || listed_listener(t, from).is_some());
    // "said the changes would give schools …": an auxiliary or modal after the cue opens a
    // clause, however short
    let clause = (from..e).any(|k| t.word_is(k, "that") || (t.is_word(k) && LEX.auxiliaries.contains(t.lower(k))));
    (e - from) <= MAX_ADJUNCT && first_is_adjunct && !clause
}

/// After `from` the sentence goes on only with an aside about the report: ", raising the
/// possibility…", ", as rescuers searched…" (a participle or a subordinate clause after a
/// comma).
fn ends_in_aside(t: &Tokens, from: usize, hi: usize) -> bool {
    let mut k = from;
    // (no verb among them: "said the new rules on drinks are a welcome change, as …" is
    // a reported clause, not a speaker with an adjunct)
    while k < hi
        && k < from + MAX_ADJUNCT
        && t.is_word(k)
        && (k > from || t.has(k, flag::ADJUNCT))
        && (t.toks[k].cap || !LEX.auxiliaries.contains(t.lower(k)))
    {
        k += 1;
    }
    t.is_punct(k, ',') && t.is_word(k + 1) && !t.toks[k + 1].cap && aside_opener(t, k + 1)
}

/// A word opening an aside after a report: a participle ("raising"), or "as", "while",
/// "though", "although", "before", "after", "because".
fn aside_opener(t: &Tokens, k: usize) -> bool {
    let w = t.lower(k);
    (w.ends_with("ing") && w.len() > 4 && cue_at(t, k, k + 1).is_none()) || LEX.aside_openers.contains(&word_hash(w))
}

/// Where the content starts after the cue, or None when the cue does not report here.
fn content_start(t: &Tokens, cue: &Cue, hi: usize, lo: usize) -> Option<usize> {
    let mut k = cue.end;
    let skippable =
        |k: usize| t.is_word(k) && (t.has(k, flag::BETWEEN) || t.lower(k).ends_with("ly")) && !t.toks[k].cap;
    loop {
        while k < hi && skippable(k) {
            k += 1;
        }
        // "states, however, that …"
        if t.is_punct(k, ',') && skippable(k + 1) && t.is_punct(k + 2, ',') && t.word_is(k + 3, "that") {
            k += 3;
        } else if let Some(c) = adjunct_aside(t, k, hi) {
            k = c;
        } else {
            break;
        }
    }
    // "said Tuesday the city would…", "said Tuesday night that…": a day is no content
    if k + 1 < hi && t.weekday(k) {
        let part = !t.toks[k + 1].cap && t.time_word(k + 1);
        // (not "said Monday night's vote showed…")
        if !(part && t.possessive(k + 1)) {
            k += 1 + usize::from(part);
        }
    }
    // what the listener is urged to do: "urged all residents to conserve water", "warned
    // his players not to be complacent" — content from "to" (not "asked him to", a request
    // that reports nothing said)
    if t.has(cue.start, flag::LISTENER_VERB)
        && !t.lower(cue.start).starts_with("ask")
        && !t.lower(cue.start).ends_with("ing")
    {
        let object = (k..hi.min(k + DIRECTED_OBJECT))
            .take_while(|&j| {
                // (an object, not a clause: "warned it might have to…", "told the Post he
                // hopes to…")
                t.is_word(j)
                    && !t.word_is(j, "to")
                    && !t.word_is(j, "that")
                    && !has_verb(t, j, j + 1)
                    && (!t.has(j, flag::PRONOUN) || LEX.object_pronouns.contains(&t.toks[j].hash))
            })
            .count();
        let mut x = k + object;
        if t.word_is(x, "not") || t.word_is(x, "never") {
            x += 1;
        }
        if object > 0
            && t.word_is(x, "to")
            && t.is_word(x + 1)
            && !t.toks[x + 1].cap
            && !t.has(x + 1, flag::DETERMINER | flag::PRONOUN)
        {
            return Some(k + object);
        }
    }
    // a listener: "told reporters", "told the BBC", "told CNN", "warned Moscow" (not
    // "asked if…", "warned that…")
    if t.has(cue.start, flag::LISTENER_VERB)
        && (!t.has(k, flag::CLAUSE_OPENER) || t.has(k, flag::DETERMINER))
        && !t.word_is(k, "that")
    {
        // a listed listener, maybe named by what they follow ("Twitter followers")
        let listed = |k: usize| {
            listed_listener(t, k).or_else(|| (t.cap(k) && !t.cap(k + 1)).then(|| listed_listener(t, k + 1)).flatten())
        };
        if let Some(end) = listed(k).or_else(|| mentions::starting_at(t, k, hi, lo).map(|m| m.end)) {
            k = end;
            // "told voters and Twitter followers that"
            if t.word_is(k, "and")
                && let Some(end) = listed(k + 1).or_else(|| {
                    // ("warned Labour and the Tories they…", not "told him and his fellow
                    // associates to…")
                    mentions::starting_at(t, k + 1, hi, lo)
                        .filter(|m| !m.is_description() && !m.is_pronoun())
                        .map(|m| m.end)
                })
            {
                k = end;
            }
        } else if cue.role == CueRole::Say {
            // "told Labour members the Tories offered…": a short object, then the clause
            let obj = (k..hi.min(k + 3))
                .take_while(|&j| t.is_word(j) && !t.has(j, flag::CLAUSE_OPENER))
                .count();
            if obj == 0 {
                return None;
            }
            k += obj;
        } else {
            return None;
        }
        // "told the House of Commons that": the listener's name runs on through "of"
        while t.word_is(k, "of") && t.cap(k + 1) {
            k = mentions::run_end(t, k + 1, hi);
        }
    }
    // "noted several times that", "has said many times over that": how often, then "that"
    if let Some(x) = (k..hi.min(k + MAX_ADJUNCT)).find(|&x| !t.is_word(x) || !LEX.frequency.contains(&t.toks[x].hash))
        && x > k
        && t.word_is(x, "that")
        && (k..x).any(|j| t.word_is(j, "times") || t.word_is(j, "twice"))
    {
        return Some(x + 1);
    }
    // "said as RCMP entered the camp, one person secured…": a subordinate clause (a subject
    // and a verb) then a comma and a clause is content from the subordinator (not "said
    // when asked, that…", not "said after the meeting the plan…")
    if cue.role != CueRole::Reply
        && t.is_word(k)
        && !t.toks[k].cap
        && LEX.subordinators.contains(&t.toks[k].hash)
        && t.is_word(k + 1)
        && !has_verb(t, k + 1, k + 2)
        && let Some(x) = (k + 2..hi.min(k + ADJUNCT_REACH)).find(|&x| !t.is_word(x))
        && t.is_punct(x, ',')
        && has_verb(t, k + 2, x)
        && !(k + 1..x).any(|j| t.word_is(j, "that"))
        && !t.word_is(x + 1, "that")
        && opener(t, x + 1)
        && has_verb(t, x + 1, hi.min(x + 1 + ADJUNCT_REACH))
    {
        return Some(k);
    }
    // "said this may encourage…": "this" opens an adjunct only before a time ("this week")
    let time_adjunct = |k: usize| !LEX.time_deictics.contains(&word_hash(t.lower(k))) || t.time_word(k + 1);
    let by_channel = t.word_is(k, "by") && t.is_word(k + 1) && LEX.channels.contains(&t.toks[k + 1].hash);
    if k < hi && t.is_word(k) && (t.has(k, flag::ADJUNCT) || by_channel) && !t.word_is(k, "that") && time_adjunct(k) {
        // an adjunct before the content: look for "that" or a comma closing it, or a
        // pronoun opening the clause ("said in his New Year's speech he was ready"), or
        // a determiner opening one after a noun ("said by text message the weather had
        // been fine")
        let look = (k + 1..hi.min(k + ADJUNCT_REACH)).find(|&x| {
            t.word_is(x, "that")
                || t.is_punct(x, ',')
                || (cue.role == CueRole::Say && subject_pronoun(t, x))
                || (cue.role == CueRole::Say
                    && x > k + 1
                    && t.is_word(x)
                    && LEX.clause_determiners.contains(&word_hash(t.lower(x)))
                    && t.is_word(x - 1)
                    && !t.has(x - 1, flag::ADJUNCT | flag::BETWEEN | flag::DETERMINER | flag::CUE)
                    && !LEX.clause_joiners.contains(&word_hash(t.lower(x - 1)))
                    && has_verb(t, x + 1, hi.min(x + 6)))
        });
        match look {
            Some(x) if t.word_is(x, "that") => return Some(x + 1),
            Some(x) if t.is_word(x) => return Some(x),
            Some(x) if opener(t, x + 1) && cue.role != CueRole::Reply => k = x + 1,
            _ => return None,
        }
    }
    if t.is_punct(k, ':') && cue.role != CueRole::Clause && t.is_word(k + 1) {
        return Some(k + 1);
    }
    if t.is_punct(k, ',') && opener(t, k + 1) && cue.strong() {
        k += 1;
    }
    if t.word_is(k, "that") {
        return Some(k + 1);
    }
    let opens = match cue.role {
        CueRole::Say | CueRole::Means => loose_opener(t, k),
        CueRole::Clause => opener(t, k) || bare_subject(t, k, hi),
        // "responded like an offended child" is not speech; "replied that…" is
        CueRole::Reply => matches!(t.toks.get(k).map(|x| x.kind), Some(Kind::Quote(_))),
        CueRole::Source => false,
    };
    let holds_quote = (k..hi).any(|x| matches!(t.toks[x].kind, Kind::Quote(_)));
    let clause = cue.role != CueRole::Clause || t.has(k, flag::PRONOUN) || holds_quote || has_verb(t, k, hi);
    (opens && clause && !(t.word_is(k, "it") && t.word_is(k + 1, "to"))).then_some(k)
}

/// A clause opening at `k` with a bare noun phrase as its subject: "suggested companies
/// should move…", "admitted mistakes were made" — up to `BARE_SUBJECT` plain lowercase
/// words, then an auxiliary or modal.
fn bare_subject(t: &Tokens, k: usize, hi: usize) -> bool {
    let plain = |j: usize| {
        t.is_word(j)
            && !t.toks[j].cap
            && !t.has(
                j,
                flag::ADJUNCT | flag::NOT_CLAUSE_OPENER | flag::BETWEEN | flag::PRONOUN | flag::CUE,
            )
            && !t.word_is(j, "that")
            && !t.lower(j).ends_with("ly")
    };
    let n = (k..hi.min(k + BARE_SUBJECT)).take_while(|&j| plain(j)).count();
    // (or a quote holding the rest: "suggests companies “should move to…”")
    let v = k + n;
    n > 0
        && ((t.is_word(v) && !t.toks[v].cap && LEX.auxiliaries.contains(t.lower(v)))
            || matches!(t.toks.get(v).map(|x| x.kind), Some(Kind::Quote(_))))
}

/// A subject pronoun opening a clause at `x`: "he", "she", "they" before a verb (an
/// auxiliary, a past form) — not "him", not "he" after a preposition.
fn subject_pronoun(t: &Tokens, x: usize) -> bool {
    t.is_word(x)
        && !t.toks[x].cap
        && LEX.subject_pronouns.contains(&word_hash(t.lower(x)))
        && t.is_word(x + 1)
        && !t.toks[x + 1].cap
        && (LEX.auxiliaries.contains(t.lower(x + 1)) || has_verb(t, x + 1, x + 2))
}

/// `a..b` holds a finite verb, as far as words tell: an auxiliary or modal, a past form,
/// a contraction, a reporting verb. "predicted an election defeat" holds none: its
/// object is a noun phrase, not a reported clause.
fn has_verb(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        t.is_word(k) && !t.toks[k].cap && {
            let w = t.lower(k);
            t.has(k, flag::BETWEEN | flag::CUE)
                || (w.len() > 4 && w.ends_with("ed"))
                || w.ends_with("n't")
                || w.ends_with("'re")
        }
    })
}

/// All reported speech in the sentence `lo..hi`, skipping cues in `used`.
pub fn find(t: &Tokens, lo: usize, hi: usize, used: &[bool]) -> Vec<Reported> {
    let mut out: Vec<Reported> = Vec::new();
    let mut j = lo;
    while j < hi {
        if used.get(j).copied().unwrap_or(false) {
            j += 1;
            continue;
        }
        let Some(cue) = cue_at(t, j, hi) else {
            j += 1;
            continue;
        };
        if let Some(r) = reported_at(t, lo, hi, &cue, &out) {
            let then = r.then;
            out.push(r.clone());
            if let Some(content) = then {
                out.push(Reported {
                    content,
                    then: None,
                    joined: true,
                    ..r
                });
            }
        }
        j = cue.end;
    }
    // "…asked him about next steps and Gillis suggested he might…": content after another
    // report's cue is that report's, not one whose cue comes before both
    let stolen: Vec<bool> = out
        .iter()
        .map(|a| {
            !a.post
                && out.iter().any(|b| {
                    !b.post
                        && !b.joined
                        && b.cue.start >= a.cue.end
                        && b.cue.end <= a.content.0
                        && b.speaker.start > a.cue.end
                        && b.speaker.end <= b.cue.start
                        && !b.speaker.is_pronoun()
                        && !t.lower(b.cue.start).ends_with("ing")
                })
        })
        .collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !stolen[k - 1]
    });
    // a report of its own, with its own speaker, ends the content of the report before it
    for i in 0..out.len() {
        let (c0, c1) = out[i].content;
        let cut = out
            .iter()
            .filter(|r| !r.post && !r.joined && r.speaker.start > c0 && r.cue.start < c1 && !r.speaker.is_pronoun())
            .map(|r| r.speaker.start)
            .min();
        // "Mr Blair, who last year denied he planned…, said abortion was…": a relative
        // clause's report ends where the main clause's cue takes up its speaker
        let main = out
            .iter()
            .filter(|r| !r.post && !r.joined && r.cue.start > c0 && r.cue.start < c1 && r.speaker.end <= c0)
            .filter_map(|r| {
                let mut k = r.cue.start;
                while k > c0 && t.is_word(k - 1) && t.has(k - 1, flag::BETWEEN) {
                    k -= 1;
                }
                (k > c0 && t.is_punct(k - 1, ',')).then_some(k)
            })
            .min();
        let cut = match (cut, main) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(mut k) = cut
            && !out[i].post
        {
            while k > c0 && (t.word_is(k - 1, "and") || t.word_is(k - 1, "but") || t.is_punct(k - 1, ',')) {
                k -= 1;
            }
            if k > c0 + 1 {
                out[i].content.1 = k;
            }
        }
    }
    // a post-posed attribution wraps the sentence: drop what it contains
    let posts: Vec<(usize, usize)> = out
        .iter()
        .filter(|r| r.post)
        .map(|r| (r.content.0, r.cue.end))
        .collect();
    out.retain(|r| r.post || !posts.iter().any(|&(s, e)| r.cue.start >= s && r.cue.start < e));
    out
}

/// "said, per a translator, that…", "said, in a statement on Tuesday, that…": an adjunct
/// phrase between commas at `k` before "that"; the comma after it.
fn adjunct_aside(t: &Tokens, k: usize, hi: usize) -> Option<usize> {
    if !(t.is_punct(k, ',') && t.is_word(k + 1) && (t.has(k + 1, flag::ADJUNCT) || t.word_is(k + 1, "per"))) {
        return None;
    }
    let c = (k + 2..hi.min(k + 2 + ADJUNCT_ASIDE)).find(|&j| !t.is_word(j))?;
    (t.is_punct(c, ',') && t.word_is(c + 1, "that")).then_some(c + 1)
}

/// The most words of an adjunct phrase between commas after a cue, past its first.
const ADJUNCT_ASIDE: usize = 5;

/// After a post-posed cue, a participle reporting more: "…, Lohmar said, adding that…",
/// "…, she said on Sunday, saying…" (the participle is a report of its own).
fn participle_follows(t: &Tokens, from: usize, hi: usize) -> bool {
    let Some(c) = (from..hi.min(from + MAX_ADJUNCT + 1)).find(|&k| t.is_punct(k, ',')) else {
        return false;
    };
    (from..c).all(|k| t.is_word(k))
        && (c == from || t.has(from, flag::ADJUNCT))
        && c + 1 < hi
        && t.is_word(c + 1)
        && t.lower(c + 1).ends_with("ing")
        && cue_at(t, c + 1, hi).is_some()
}

/// `according to X, …` / `…, according to X.`
fn source_phrase(t: &Tokens, lo: usize, hi: usize, cue: &Cue) -> Option<Reported> {
    let e = end_of_content(t, hi);
    let m = mentions::starting_at(t, cue.end, hi, lo).or_else(|| bare_description(t, cue.end, hi))?;
    let mut after = m.end_with_role();
    // "according to the leaks to the media, …": the source phrase runs to its comma
    if !t.is_punct(after, ',')
        && let Some(c) = (after..hi.min(after + MAX_ADJUNCT)).find(|&k| t.is_punct(k, ','))
        && (after..c).all(|k| t.is_word(k))
    {
        after = c;
    }
    let opens =
        cue.start == lo || (cue.start > lo && (t.is_punct(cue.start - 1, ',') || t.is_punct(cue.start - 1, '(')));
    if t.is_punct(after, ',') && (opens || all_intro(t, lo, cue.start)) {
        let content = (after + 1, e);
        return (content.1 > content.0 + MIN_CONTENT).then_some(Reported {
            speaker: m,
            cue: *cue,
            content,
            post: false,
            then: None,
            joined: false,
        });
    }
    if cue.start > lo + 2 && t.is_punct(cue.start - 1, ',') && closes_sentence(t, after, hi) {
        return Some(Reported {
            speaker: m,
            cue: *cue,
            content: (lo, cue.start - 1),
            post: true,
            then: None,
            joined: false,
        });
    }
    None
}

/// A relative clause opens after a comma at `k`: ", who is leading the project" (not
/// ", that…").
fn relative_after(t: &Tokens, k: usize) -> bool {
    t.is_punct(k, ',') && t.is_word(k + 1) && t.has(k + 1, flag::RELATIVE) && !t.word_is(k + 1, "that")
}

/// `…, says Mr Dean.` / `…, said Jane Smith, the club's chairman.`: an inverted cue after
/// a comma, its speaker after it, and nothing else to the sentence's end.
fn inverted_post(t: &Tokens, lo: usize, hi: usize, cue: &Cue) -> Option<Reported> {
    if cue.start < lo + 3 || !t.is_punct(cue.start - 1, ',') {
        return None;
    }
    let m = mentions::starting_at(t, cue.end, hi, lo)?;
    if m.is_pronoun() && !m.is_he_or_she() {
        return None;
    }
    // "…, argued Palvetzian.": a verb that otherwise wants a clause, inverted before a name
    if cue.role == CueRole::Clause && !m.is_name() {
        return None;
    }
    let mut after = m.end_with_role();
    // "…, says senior manager Erin Kim, who is leading the project.": a relative clause
    // about the speaker closes the sentence too
    if relative_after(t, after) {
        after = end_of_content(t, hi);
    }
    // "If Steam proves effective, said Mr Fahey, other game makers may be tempted…": an
    // inverted cue between commas splits one statement in two
    let mut then = None;
    if t.is_punct(after, ',')
        && after + 1 < hi
        && t.is_word(after + 1)
        && !aside_opener(t, after + 1)
        && cue_at(t, after + 1, hi).is_none()
        && !t.has(after + 1, flag::RELATIVE)
    {
        let e = end_of_content(t, hi);
        // (a clause: "…, BT's resident futurologist." is the speaker's role)
        let clause = (after + 1..e).any(|k| t.is_word(k) && !t.toks[k].cap && LEX.auxiliaries.contains(t.lower(k)));
        if clause && (after + 1..e).filter(|&k| t.is_word(k)).count() > MIN_CONTENT {
            then = Some((after + 1, e));
        }
    }
    if then.is_none() && !closes_sentence(t, after, hi) && !ends_in_aside(t, after, hi) {
        return None;
    }
    let content = (lo, cue.start - 1);
    // "Toronto retiree Doug Purdy, who lost 16 lbs. “…” since May, says the program…": a
    // name and a relative clause about it before the cue are the cue's subject
    if mentions::starting_at(t, lo, cue.start, lo).is_some_and(|s| s.is_name() && relative_after(t, s.end_with_role()))
    {
        return None;
    }
    let words = (content.0..content.1).filter(|&k| t.is_word(k)).count();
    (words > MIN_CONTENT).then_some(Reported {
        speaker: m,
        cue: *cue,
        content,
        post: true,
        then,
        joined: false,
    })
}

fn reported_at(t: &Tokens, lo: usize, hi: usize, cue: &Cue, earlier: &[Reported]) -> Option<Reported> {
    let e = end_of_content(t, hi);
    if is_source(cue) {
        return source_phrase(t, lo, hi, cue);
    }
    if let Some(r) = inverted_post(t, lo, hi, cue) {
        return Some(r);
    }
    let speaker = reported_speaker(t, lo, cue, earlier)?;
    // post-posed: "…, X said." / "…, as X said on Feb. 14."
    let mut before = speaker.start;
    if before > lo && t.word_is(before - 1, "as") {
        before -= 1;
    }
    // parenthetical: "The drugs have a limited set of uses, he says, and are mostly meant
    // to be taken only short term." / "Too often, he says, they get it."
    if before > lo
        && t.is_punct(before - 1, ',')
        && (speaker.is_pronoun() || speaker.is_name())
        && let Some(c) = (cue.end..hi.min(cue.end + MAX_ADJUNCT + 1))
            .find(|&k| t.is_punct(k, ','))
            .filter(|&c| (cue.end..c).all(|k| t.is_word(k)) && (c == cue.end || t.has(cue.end, flag::ADJUNCT)))
        && c + 1 < e
        && t.is_word(c + 1)
        && !aside_opener(t, c + 1)
        && cue_at(t, c + 1, hi).is_none()
        && !(lo..before).any(|k| matches!(t.toks[k].kind, Kind::Quote(_)))
    {
        let first_words = (lo..before - 1).filter(|&k| t.is_word(k)).count();
        let (content, then) = if first_words >= PARENTHETICAL_SPLIT {
            ((lo, before - 1), Some((c + 1, e)))
        } else {
            ((lo, e), None)
        };
        return Some(Reported {
            speaker,
            cue: *cue,
            content,
            post: true,
            then,
            joined: false,
        });
    }
    if before > lo + 2
        && t.is_punct(before - 1, ',')
        && (closes_sentence(t, cue.end, hi) || ends_in_aside(t, cue.end, hi) || participle_follows(t, cue.end, hi))
    {
        let content = (lo, before - 1);
        if !(content.0..content.1).all(|k| matches!(t.toks[k].kind, Kind::Quote(_) | Kind::Punct(_))) {
            return Some(Reported {
                speaker,
                cue: *cue,
                content,
                post: true,
                then: None,
                joined: false,
            });
        }
        return None;
    }
    let start = content_start(t, cue, hi, lo)?;
    // content stops before a post-posed attribution of its own (", X said")
    let mut end = e;
    for k in start..e {
        if t.is_punct(k, ',') && k + 1 < e && cue_at(t, k + 1, e).is_some_and(|c| is_source(&c)) {
            end = k;
            break;
        }
    }
    (end > start + 1).then_some(Reported {
        speaker,
        cue: *cue,
        content: (start, end),
        post: false,
        then: None,
        joined: false,
    })
}

/// Who a cue of reported speech gives as the speaker: the subject before it (of the
/// clause before, for ", adding that …"), never "I" or an event.
fn reported_speaker(t: &Tokens, lo: usize, cue: &Cue, earlier: &[Reported]) -> Option<Mention> {
    let participle = super::attribution::is_participle(t, cue, lo);
    let speaker = if cue.role == CueRole::Means {
        sentence_subject(t, lo, cue.start)?
    } else if participle {
        // ", adding that …": the subject of the clause before, or the speaker of the cue
        // before it ("“…,” he said, adding that…")
        let comma = super::attribution::participle_comma(t, cue.start, lo);
        if !t.is_punct(comma, ',') {
            // (after a quote ending in the comma, "rebuked critics who say he should
            // condemn terrorists as “radical Islamists,” saying…": the sentence's subject)
            sentence_subject(t, lo, comma)?
        } else {
            earlier
                .last()
                .map(|r| r.speaker.clone())
                .or_else(|| speaker_of_cue_before(t, lo, comma))
                .or_else(|| sentence_subject(t, lo, comma))?
        }
    } else {
        speaker_before(t, cue.start, lo)?
    };
    if let MentionKind::Pronoun(PronounKind::FirstPerson) = speaker.kind {
        return None;
    }
    if let MentionKind::Thing {
        entity: super::types::EntityType::Event,
        ..
    } = speaker.kind
    {
        return None;
    }
    Some(speaker)
}

/// The speaker of the last cue before token `end` in the sentence from `lo`: the noun
/// phrase before it, or after it when inverted ("…,” said Smith, adding…").
fn speaker_of_cue_before(t: &Tokens, lo: usize, end: usize) -> Option<Mention> {
    let c = (lo..end).rev().find(|&j| cue_at(t, j, end).is_some())?;
    // (the name after the cue only when the cue is inverted, after a quote or a comma: not
    // "The former secretary of state mocked Trump…, noting")
    let inverted = c == lo || !t.is_word(c - 1);
    let m = speaker_before(t, c, lo)
        .filter(|m| m.end == c || m.is_pronoun() || m.is_name())
        .or_else(|| inverted.then(|| mentions::starting_at(t, c + 1, end, lo)).flatten())?;
    (m.is_name() || m.is_pronoun()).then_some(m)
}

/// `according to officials,`: a bare plural noun as a description.
fn bare_description(t: &Tokens, i: usize, hi: usize) -> Option<Mention> {
    let mut j = i;
    while j < hi && t.is_word(j) && j - i < 4 {
        if t.has(j, flag::SPEAKER_NOUN) {
            return Some(Mention {
                start: i,
                end: j + 1,
                kind: MentionKind::Description {
                    head: j,
                    definite: false,
                },
                role: None,
                gender: None,
            });
        }
        j += 1;
    }
    None
}

/// Everything from `lo` to `end` is an introductory phrase ("But,").
fn all_intro(t: &Tokens, lo: usize, end: usize) -> bool {
    end > lo && end - lo <= 2 && t.is_punct(end - 1, ',')
}
