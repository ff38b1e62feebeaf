//! Who said it: the speaker before a cue (`Kosachev wrote`, `Leonid Slutsky, head of …, was
//! quoted as saying`), after it (`said Aleksey Pushkov, a senior Russian lawmaker`), and
//! the attribution of a direct quote from the words around it.

use super::mentions::{self, Mention, MentionKind};
use super::tokens::{Kind, Tokens, ev};
use super::types::EntityType;
use crate::text::lexicon::{CueRole, LEX, PronounKind, flag};
use crate::text::words::word_hash;

/// A cue: token range and the role it plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub role: CueRole,
}

impl Cue {
    /// A verb that reports speech on its own ("said", "told").
    pub fn strong(&self) -> bool {
        self.role == CueRole::Say
    }
}

/// How far before a quote its introducing cue may be: `X told the BBC's Today programme:`.
const INTRO_REACH: usize = 7;
/// The most words between an introducing cue and the quote (a listener, an adjunct).
const INTRO_GAP: usize = 5;
/// How many more an adjunct opening right after the cue may take ("joked in his turn to
/// answer the question,").
const INTRO_ADJUNCT: usize = 5;
/// The most words of a listener before such an adjunct ("told party supporters after…").
const LISTENER_WORDS: usize = 3;
/// How far after a quote a subject-first attribution may end: `“…,” Leonid Slutsky, head
/// of …, was quoted as saying`.
const AFTER_REACH: usize = 30;
/// The most words of a prepositional phrase between a description and the name in
/// apposition to it ("The US ambassador to the United Nations, Nikki Haley,").
const APPOSITION_PP: usize = 6;
/// Words before the speaker in a subject-first attribution after a quote (`“…,” the
/// Russian foreign ministry's spokeswoman Maria Zakharova said`).
const AFTER_LEAD: usize = 6;

/// The cue starting at token `i`, if any (phrases first).
#[inline]
pub fn cue_at(t: &Tokens, i: usize, hi: usize) -> Option<Cue> {
    // most words are no cue: decided here, inlined, before the call below
    if !t.is_word(i) || !t.has(i, flag::CUE | flag::PHRASE_HEAD) {
        return None;
    }
    cue_from(t, i, hi)
}

fn cue_from(t: &Tokens, i: usize, hi: usize) -> Option<Cue> {
    if t.has(i, flag::PHRASE_HEAD) {
        for (p, role) in LEX.cue_phrases_at(t.toks[i].hash) {
            // ("the statement read", never "he read the letter": a document's words)
            if p.len() == 1
                && matches!(t.lower(i), "read" | "reads")
                && !(i > 0 && LEX.issued.contains(&t.toks[i - 1].hash))
            {
                continue;
            }
            if i + p.len() <= hi && t.phrase_at(i, p, false) {
                return Some(Cue {
                    start: i,
                    end: i + p.len(),
                    role: *role,
                });
            }
        }
    }
    // a verb is not capitalised mid-sentence: "United States" holds no cue; "Said Comey,"
    // opens a sentence
    let opens_sentence = i == 0
        || matches!(
            t.toks[i - 1].kind,
            Kind::Punct('.' | '!' | '?' | ':' | '(' | '—' | '–') | Kind::Quote(_)
        );
    if t.toks[i].cap && !opens_sentence {
        return None;
    }
    // "the big reveal", "his comments": after a determiner (and an adjective) it is a noun
    // ("one of the states suing", but "the rule states": a noun before it is its subject)
    if LEX.cue_nouns.contains(&t.toks[i].hash)
        && i > 0
        && (t.has(i - 1, flag::DETERMINER)
            || (i > 1 && t.toks[i - 1].flags == 0 && t.has(i - 2, flag::DETERMINER) && !t.word_is(i, "states")))
    {
        return None;
    }
    // "a dozen states held…", "all 50 states": after a number or a quantity it is a noun
    if t.word_is(i, "states")
        && i > 0
        && t.is_word(i - 1)
        && (LEX.quantifiers.contains(&t.toks[i - 1].hash) || t.number(i - 1))
    {
        return None;
    }
    // "a creative writing professor", "her speaking coach": a gerund after a determiner or
    // an adjective, before a person's role, is part of that noun phrase
    if i > 0
        && t.is_word(i - 1)
        && !t.toks[i - 1].cap
        && (t.has(i - 1, flag::DETERMINER) || t.toks[i - 1].flags == 0)
        && t.lower(i).ends_with("ing")
        && t.is_word(i + 1)
        && !t.toks[i + 1].cap
        && !t.lower(i + 1).ends_with('s')
        && t.stem_has(i + 1, flag::ROLE_NOUN | flag::TITLE)
    {
        return None;
    }
    let role = if t.has(i, flag::SAY) {
        CueRole::Say
    } else if t.has(i, flag::REPLY) {
        // a reply's participle only right before a quotation: "…, asking, “Why…?”" (not
        // "asking them to leave", "the average asking price")
        if t.lower(i).ends_with("ing") {
            let q = i
                + 1
                + usize::from(matches!(
                    t.toks.get(i + 1).map(|x| x.kind),
                    Some(Kind::Punct(',' | ':'))
                ));
            if !matches!(t.toks.get(q).map(|x| x.kind), Some(Kind::Quote(_))) {
                return None;
            }
        }
        CueRole::Reply
    } else if t.has(i, flag::CLAUSE) {
        CueRole::Clause
    } else {
        return None;
    };
    Some(Cue {
        start: i,
        end: i + 1,
        role,
    })
}

pub fn is_source(c: &Cue) -> bool {
    c.role == CueRole::Source
}

fn skippable(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && {
        let w = t.lower(i);
        // (not "May said": a surname, never the modal, before a cue)
        (t.has(i, flag::BETWEEN) && !mentions::surname_word(t, i))
            || (w.ends_with("ly") && !t.toks[i].cap && w.len() > 4)
    }
}

/// A time adjunct ending just before token `i` (not before `lo`): "on Tuesday", "Tuesday
/// night", "this week", "last month", "(earlier) this year". Its first token, or `i` when
/// there is none. A month alone is no time here: "Theresa May said".
pub(crate) fn time_before(t: &Tokens, i: usize, lo: usize) -> usize {
    let time = |k: usize| t.time_word(k);
    if i <= lo || !time(i - 1) {
        return i;
    }
    let mut j = if t.weekday(i - 1) {
        i - 1
    } else if t.toks[i - 1].cap {
        return i;
    } else if i > lo + 1
        && (t.weekday(i - 2)
            || (t.is_word(i - 2) && !t.toks[i - 2].cap && LEX.time_deictics.contains(&t.toks[i - 2].hash)))
    {
        i - 2 // "Tuesday night", "this week", "last month"
    } else {
        return i;
    };
    if t.weekday(j) && j > lo && t.is_word(j - 1) && LEX.time_deictics.contains(&t.toks[j - 1].hash) {
        j -= 1; // "last Tuesday"
    }
    if j > lo && t.word_is(j - 1, "on") {
        j -= 1;
    }
    // "late on Friday", "early last month"
    if j > lo && (t.word_is(j - 1, "early") || t.word_is(j - 1, "late")) {
        j -= 1;
    }
    j
}

/// The speaker of the cue at token `c` (not looking before `lo`, the sentence start): the
/// noun phrase before it, past adverbs and auxiliaries, past an appositive between commas,
/// and for a verb coordinated with "and", the subject of the sentence.
pub fn speaker_before(t: &Tokens, c: usize, lo: usize) -> Option<Mention> {
    // "AP quoted prosecutor Jane Roe as saying": the one quoted speaks, not who quotes
    if let Some(m) = quoted_as_saying(t, c, lo) {
        return Some(m);
    }
    let mut i = c;
    loop {
        while i > lo && skippable(t, i - 1) {
            i -= 1;
        }
        // "Mayor Naheed Nenshi on Tuesday said", "Health officials this week said"
        let j = time_before(t, i, lo);
        if j == i {
            break;
        }
        i = j;
    }
    // a parenthesis between the speaker and the cue: "Rep. Gwen Moore (D-Wis.) said",
    // "Sen. Jack Reed (D-R.I.), said"
    if i > lo + 2 && t.is_punct(i - 1, ',') && t.is_punct(i - 2, ')') {
        i -= 1;
    }
    let a = before_aside(t, i, lo);
    if a < i {
        i = a;
        while i > lo && skippable(t, i - 1) {
            i -= 1;
        }
    }
    if i <= lo {
        return None;
    }
    let k = i - 1;
    if t.is_punct(k, ',') {
        // ("…, South Carolina, said": the person before the place)
        return appositive_subject(t, k, lo).or_else(|| {
            let region = mentions::ending_at(t, k.checked_sub(1)?, lo)?;
            person_of_region(t, &region, lo)
        });
    }
    if t.is_word(k) && t.has(k, flag::RELATIVE) && !t.word_is(k, "that") && k > lo && t.is_punct(k - 1, ',') {
        // ", who said" at the start of the text has no word before the comma
        return appositive_subject(t, k - 1, lo)
            .or_else(|| k.checked_sub(2).and_then(|j| mentions::ending_at(t, j, lo)));
    }
    if t.is_word(k) && t.has(k, flag::COORDINATOR) {
        // "when Rubio thanked Miami and said…": the subject of the clause, not the sentence
        return sentence_subject(t, lo, k);
    }
    // "The Supreme Court justice -- who has been … -- said": a dash appositive
    if is_dash(t, k)
        && let Some(open) = (lo.max(k.saturating_sub(MAX_DASH_APPOSITIVE))..k)
            .rev()
            .find(|&j| is_dash(t, j) && j + 1 < k && !is_dash(t, j + 1))
        && open > lo
    {
        let mut o = open;
        while o > lo && is_dash(t, o - 1) {
            o -= 1;
        }
        if o > lo {
            // ("Laah Chong-gyu, executive director of Korea Development Bank - one of the
            // firm's creditors - said": a name in apposition before the dashes)
            return appositive_subject(t, o, lo)
                .filter(Mention::is_name)
                .or_else(|| mentions::ending_at(t, o - 1, lo));
        }
    }
    // "An official with the agency who was present in court told", "a guard who was at
    // the hotel told": the speaker is the one the relative clause is about
    if let Some(s) = relative_head(t, k, lo) {
        return Some(s);
    }
    let m = mentions::ending_at(t, k, lo)?;
    if matches!(m.kind, MentionKind::Pronoun(PronounKind::Neuter)) && expletive_it(t, m.end, c) {
        return None;
    }
    // "The ministry's office published a notice Tuesday saying that…": what a speaker
    // issues, as the object of their verb, speaks for the verb's subject
    if let MentionKind::Description { head, definite: false } = m.kind
        && LEX.issued.contains(&t.toks[head].hash)
        && m.start > lo + 1
        && t.is_word(m.start - 1)
        && !t.toks[m.start - 1].cap
        && !t.has(m.start - 1, flag::ADJUNCT | flag::BETWEEN | flag::STOP | flag::CUE)
        && let Some(s) = speaker_before(t, m.start - 1, lo)
    {
        return Some(s);
    }
    Some(
        person_of(t, &m, lo)
            .or_else(|| unclosed_appositive(t, &m, c, lo))
            .unwrap_or(m),
    )
}

/// The most words from "quoted" to "as saying" ("quoted an insider in the talks as
/// saying").
const QUOTED_REACH: usize = 8;

/// The object of "quoted … as saying" before the cue "saying" at `c`: who is quoted,
/// with what describes them up to "as" ("an insider in the talks"); in the passive, the
/// subject ("Anelka was quoted in a French newspaper as saying"). Never who quotes.
fn quoted_as_saying(t: &Tokens, c: usize, lo: usize) -> Option<Mention> {
    if c < lo + 3 || !t.word_is(c, "saying") || !t.word_is(c - 1, "as") {
        return None;
    }
    let x = (lo.max((c - 1).saturating_sub(QUOTED_REACH))..c - 1)
        .rev()
        .take_while(|&x| t.is_word(x))
        .find(|&x| LEX.quoting_verbs.contains(&t.toks[x].hash))?;
    // ("Dixon was quoted by The Australian as saying": the subject)
    if x > lo && LEX.be_forms.contains(&t.toks[x - 1].hash) {
        return speaker_before(t, x, lo);
    }
    if x + 1 >= c - 1 || t.has(x + 1, flag::BETWEEN) || LEX.description_breaks.contains(&t.toks[x + 1].hash) {
        return None;
    }
    // ("quoted him as saying": the object's pronoun)
    if x + 2 == c - 1
        && let Some(p) = [
            ("him", PronounKind::Male),
            ("her", PronounKind::Female),
            ("them", PronounKind::Plural),
        ]
        .into_iter()
        .find(|(w, _)| t.word_is(x + 1, w))
        .map(|(_, p)| p)
    {
        return Some(Mention {
            start: x + 1,
            end: x + 2,
            kind: MentionKind::Pronoun(p),
            role: None,
            gender: None,
        });
    }
    let m = mentions::starting_at(t, x + 1, c - 1, x + 1)?;
    match m.kind {
        // its phrase runs to "as": "an insider in the talks"
        MentionKind::Description { .. } => Some(Mention { end: c - 1, ..m }),
        _ if m.is_pronoun() => None,
        _ => Some(m),
    }
}

/// "John Houlihan, editor of Gamesite told BBC News": an appositive the writer opened
/// with a comma and never closed, so the word before the cue is the role's (`m`), not
/// the speaker. The name opening the clause speaks, the role its appositive.
///
/// Not when a comma follows the cue: "Clinton, a top aide said, “is confident”" sets the
/// attribution apart, and the name is what the aide speaks of.
fn unclosed_appositive(t: &Tokens, m: &Mention, c: usize, lo: usize) -> Option<Mention> {
    // (unless the comma introduces a quote that opens a sentence: "Anthony Anton, president
    // of the association stated, “It is…”")
    let introduces = matches!(t.toks.get(c + 2).map(|x| x.kind), Some(Kind::Quote(_))) && t.toks[c + 2].cap;
    if (t.is_punct(c + 1, ',') && !introduces) || m.is_pronoun() {
        return None;
    }
    // the one comma of the clause, right after a name that opens it
    let j = (lo + 1..m.start).rev().find(|&j| !t.is_word(j))?;
    let role_word = |x: usize| t.stem_has(x, flag::TITLE | flag::SPEAKER_NOUN | flag::ROLE_NOUN);
    let body = m.start > lo && t.is_word(m.start - 1) && LEX.body_prepositions.contains(&t.toks[m.start - 1].hash);
    // ("Emmanuel Ferry, from Exane BNP Paribas told Reuters": the body alone, after its
    // preposition)
    let only_body = body && m.start == j + 2 && !m.is_description();
    if !t.is_punct(j, ',')
        || !t.is_word(j + 1)
        || !(only_body
            || (m.start == j + 1 && m.is_description())
            || t.has(j + 1, flag::DETERMINER)
            || role_word(j + 1)
            // (a body's name before the role: "Brent Bozell, PTC president and
            // conservative activist said")
            || (t.cap(j + 1) && role_word(j + 2)))
        // (two roles joined: "Anthony Anton, president and CEO of the association said")
        || (j + 1..m.start).any(|x| {
            t.has(x, flag::CUE | flag::RELATIVE)
                || (t.has(x, flag::COORDINATOR)
                    && !(t.word_is(x, "and") && role_word(x - 1)))
        })
    {
        return None;
    }
    // a person's role: a description that is no body's ("the network's futurologist"), or a
    // role word before the body it is of ("executive partner of Tods Murray"); not a body
    // itself ("Early Tuesday, the State Department disclosed")
    let role = if only_body {
        true
    } else if body {
        (j + 1..m.start).any(|x| role_word(x) && !t.stem_has(x, flag::ORG_HEAD))
    } else {
        matches!(m.kind, MentionKind::Description { head, .. } if !t.stem_has(head, flag::ORG_HEAD | flag::ORG_NOUN))
    };
    if !role {
        return None;
    }
    mentions::ending_at(t, j - 1, lo)
        .filter(|p| p.is_name() && p.start == lo && !(p.start..p.end).any(|x| t.time_word(x)))
        .map(|p| Mention {
            role: Some((j + 1, m.end)),
            ..p
        })
}

/// The most tokens of a restrictive relative clause between a speaker and its cue ("who
/// was present in court").
const MAX_RELATIVE_CLAUSE: usize = 10;

/// A restrictive "who" clause ending at token `k` (no commas): the person or description
/// before "who" ("An official with Animal Protection Services who was present in court").
fn relative_head(t: &Tokens, k: usize, lo: usize) -> Option<Mention> {
    let w = (lo + 1..=k)
        .rev()
        .take(MAX_RELATIVE_CLAUSE)
        .take_while(|&j| t.is_word(j) && !t.has(j, flag::CUE))
        .find(|&j| t.word_is(j, "who"))?;
    // "women who he said are…", "who are not credible because they…": the clause has a
    // subject of its own
    let subject = |j: usize| LEX.clause_subjects.contains(&word_hash(t.lower(j)));
    // "a group of hackers who U.S. officials say is…": the clause's own subject speaks;
    // "officials who are granted a say": no cue after a determiner
    // ("who is surfing a wave to contend": no cue after "to"; "who have led big states:":
    // a colon is no cue)
    if w == k
        || (w + 1..=k).any(subject)
        || t.has(k, flag::DETERMINER)
        || t.word_is(k, "to")
        || !t.is_word(k + 1)
        || mentions::ending_at(t, k, lo).is_some_and(|m| m.start == w + 1)
    {
        return None;
    }
    let m = mentions::ending_at(t, w - 1, lo)?;
    match m.kind {
        // "Nate Silver, the polling guru who founded the site, tweeted": the name the
        // description stands beside
        MentionKind::Description { .. } => Some(
            (m.start > lo + 1 && t.is_punct(m.start - 1, ','))
                .then(|| mentions::ending_at(t, m.start - 2, lo))
                .flatten()
                // (not "At the townhall in Ho Chi Minh City, a young woman who…")
                .filter(|n| n.is_name() && !(n.start > lo && t.is_word(n.start - 1) && !t.toks[n.start - 1].cap))
                .unwrap_or(m),
        ),
        MentionKind::Name { .. } => Some(m),
        // "Kent Moore at the University of Toronto who…", "An official with Animal
        // Protection Services who…"
        MentionKind::Thing { .. } => person_of(t, &m, lo).or_else(|| {
            let j = if m.start > lo && t.word_is(m.start - 1, "the") {
                m.start - 1
            } else {
                m.start
            };
            (j >= lo + 2 && (t.word_is(j - 1, "with") || t.word_is(j - 1, "at") || t.word_is(j - 1, "from")))
                .then(|| mentions::ending_at(t, j - 2, lo))
                .flatten()
                .filter(Mention::is_description)
                .map(|d| Mention { end: m.end, ..d })
        }),
        MentionKind::Pronoun(_) => None,
    }
}

/// A lowercase word after a mention that is no adjunct, relative or determiner: the
/// mention is a clause's subject ("the program changed his life").
fn runs_into_verb(t: &Tokens, k: usize) -> bool {
    t.is_word(k) && !t.toks[k].cap && !t.has(k, flag::ADJUNCT | flag::RELATIVE | flag::DETERMINER)
}

/// "It has been reported that…", "it might indicate that…": an "it" before a passive cue,
/// or before a verb a finding or a situation takes, stands for no one.
fn expletive_it(t: &Tokens, from: usize, c: usize) -> bool {
    let passive = (from..c).any(|k| LEX.be_forms.contains(&word_hash(t.lower(k))));
    passive
        || matches!(
            t.lower(c),
            "indicate"
                | "indicates"
                | "indicated"
                | "suggest"
                | "suggests"
                | "suggested"
                | "signal"
                | "signals"
                | "signaled"
                | "signalled"
                | "hint"
                | "hinted"
                | "mean"
                | "means"
                | "show"
                | "shows"
                | "showed"
        )
}

/// "Tim Guest with the Nova Scotia Health Authority", "Kent Moore at the University of
/// Toronto", "Stacy Bergen of Columbia, South Carolina": the person named before the body
/// or town they are with, when a cue follows it (or the town's state or country).
fn person_of(t: &Tokens, m: &Mention, lo: usize) -> Option<Mention> {
    person_of_region(t, m, lo).or_else(|| person_with(t, m, lo))
}

/// [`person_of`] for a body or place `m` right after "with", "at", "from" or "of".
fn person_with(t: &Tokens, m: &Mention, lo: usize) -> Option<Mention> {
    // (or a word or two the article never confirms as a person's: "Stacy Bergen of
    // Columbia", "Ana Ruiz with Ecojustice")
    let unconfirmed = |&(a, b): &(usize, usize)| b - a <= 2 && !(a..b).any(|k| t.ev(k, ev::PERSON));
    match m.kind {
        MentionKind::Thing { .. } => {}
        MentionKind::Name { name } if unconfirmed(&name) => {}
        _ => return None,
    }
    let mut j = m.start;
    if j > lo && t.word_is(j - 1, "the") {
        j -= 1;
    }
    if j < lo + 2 || !["with", "at", "from", "of"].iter().any(|w| t.word_is(j - 1, w)) {
        return None;
    }
    mentions::ending_at(t, j - 2, lo).filter(|p| match p.kind {
        MentionKind::Name { name } => name.1 - name.0 >= 2 || matches!(m.kind, MentionKind::Thing { .. }),
        _ => false,
    })
}

/// "Stacy Bergen of Columbia, South Carolina(,) said": the person before a place and the
/// state or country `region` after its comma.
fn person_of_region(t: &Tokens, region: &Mention, lo: usize) -> Option<Mention> {
    let place = match region.kind {
        MentionKind::Thing { entity, .. } => entity == EntityType::Place,
        MentionKind::Name { name } => {
            let words: Vec<&str> = (name.0..name.1).map(|k| t.lower(k)).collect();
            t.ev(name.1 - 1, ev::PLACE) || LEX.is_place(&words.join(" "))
        }
        _ => false,
    };
    let c = region.start.checked_sub(1)?;
    if !place || c <= lo || !t.is_punct(c, ',') {
        return None;
    }
    let town = mentions::ending_at(t, c - 1, lo)?;
    match town.kind {
        // the name with its town read as one ("Stacy Bergen of Columbia")
        MentionKind::Name { name } if name.1 < town.end => Some(town),
        _ => person_with(t, &town, lo),
    }
}

/// Where a name's aside ends before token `i`: a parenthesis ("Gwen Moore (D-Wis.)") or a
/// party-and-state tag between commas ("Mitch McConnell, R-Ky.,"); `i` when there is none.
fn before_aside(t: &Tokens, i: usize, lo: usize) -> usize {
    if i > lo + 1
        && t.is_punct(i - 1, ')')
        && let Some(open) = (lo..i - 1).rev().take(8).find(|&k| t.is_punct(k, '('))
    {
        return open;
    }
    // ", R-Ky.," / ", D-Md.,"
    let mut j = i;
    if j > lo && t.is_punct(j - 1, ',') {
        j -= 1;
    }
    if j > lo && t.is_punct(j - 1, '.') {
        j -= 1;
    }
    if j > lo + 1 && t.is_punct(j - 2, ',') && mentions::is_party_state(t, j - 1) {
        return j - 2;
    }
    i
}

/// The most tokens a dash appositive may hold.
const MAX_DASH_APPOSITIVE: usize = 30;

fn is_dash(t: &Tokens, i: usize) -> bool {
    matches!(t.toks.get(i).map(|x| x.kind), Some(Kind::Punct('—' | '–' | '-' | '―')))
}

/// `NP, APPOSITIVE,` ending at the comma `k`: prefer whichever side is a person's name.
fn appositive_subject(t: &Tokens, k: usize, lo: usize) -> Option<Mention> {
    // a name followed by a comma and a relative clause or role ("Michael Seaman, who lives
    // outside Sacramento, said"): the name, however many commas the clause holds
    let opens_appositive = |j: usize| {
        t.is_word(j + 1)
            && (t.has(j + 1, flag::DETERMINER | flag::RELATIVE)
                || t.stem_has(j + 1, flag::TITLE | flag::SPEAKER_NOUN | flag::ROLE_NOUN))
    };
    let commas: Vec<usize> = (lo..k).rev().filter(|&j| t.is_punct(j, ',')).take(4).collect();
    for &j in commas.iter().rev() {
        // ("The Oscar-nominated actor, whose films include Schindler's List, …, said": a
        // described person before a relative clause, however many names it holds)
        let relative = t.is_word(j + 1) && matches!(t.lower(j + 1), "who" | "whose");
        if j > lo
            && opens_appositive(j)
            && let Some(head) = mentions::ending_at(t, before_aside(t, j, lo).max(lo + 1) - 1, lo)
            && (head.is_name() || (relative && head.is_description()))
            && head.start <= lo + 4
        {
            return Some(Mention {
                role: Some((j + 1, k)),
                ..head
            });
        }
    }
    // else try the commas to the left, nearest first, so an appositive may hold commas
    let mut commas = (lo..k).rev().filter(|&j| t.is_punct(j, ','));
    for _ in 0..4 {
        let Some(j) = commas.next() else { break };
        if j == lo {
            break;
        }
        if let Some(head) = mentions::ending_at(t, j - 1, lo) {
            // ("Murshed Zaheed, acting political director of CREDO Action, which organized
            // the letter, said": a role in apposition to a name before it; look further left)
            if head.is_description()
                && head.start > lo + 1
                && t.is_punct(head.start - 1, ',')
                && mentions::ending_at(t, head.start - 2, lo).is_some_and(|p| p.is_name())
            {
                continue;
            }
            // "Johnnie Wilson, of Springfield, Va., said": a place in an aside is not the
            // speaker; look further left
            let in_aside = head.start > lo
                && t.is_word(head.start - 1)
                && LEX.aside_prepositions.contains(&word_hash(t.lower(head.start - 1)));
            if in_aside
                || matches!(
                    head.kind,
                    MentionKind::Thing {
                        entity: EntityType::Place,
                        ..
                    }
                )
            {
                // ("The secretary of the Welsh Students Union, Eldon Phillips, said": a role
                // of a body, then the name in apposition to it)
                let of_role = head.start > lo + 1
                    && LEX
                        .apposition_prepositions
                        .contains(&word_hash(t.lower(head.start - 1)))
                    && t.stem_has(head.start - 2, flag::TITLE | flag::SPEAKER_NOUN | flag::ROLE_NOUN);
                if of_role
                    && let Some(a) = mentions::ending_at(t, k - 1, j + 1).filter(|a| a.is_name() && a.start == j + 1)
                {
                    return Some(Mention {
                        role: Some((lo, j)),
                        ..a
                    });
                }
                continue;
            }
            let appos = mentions::ending_at(t, k - 1, j + 1);
            return Some(match (&head.kind, appos) {
                (MentionKind::Name { .. }, _) => Mention {
                    role: Some((j + 1, k)),
                    ..head
                },
                // (a modifier the role did not take may lead the name: "Scott's niece,
                // state Del. Marcia Price,")
                (_, Some(a))
                    if a.is_name()
                        && a.start <= j + 3
                        && (j + 1..a.start)
                            .all(|x| t.is_word(x) && !t.toks[x].cap && t.stem_has(x, flag::TITLE_MOD)) =>
                {
                    Mention {
                        role: Some((head.start, j)),
                        ..a
                    }
                }
                // ("The union, Unifor Local 444, said": a body named in apposition to a
                // description of a body, the whole aside its name)
                (MentionKind::Description { head: h, .. }, _)
                    if t.stem_has(*h, flag::ORG_HEAD | flag::ORG_NOUN)
                        && let Some(a) = mentions::starting_at(t, j + 1, k, j + 1)
                        && a.start == j + 1
                        && (a.end..k).all(|x| t.is_word(x) && t.number(x))
                        && let MentionKind::Name { name } | MentionKind::Thing { name, .. } = a.kind
                        && !(name.0..name.1).any(|x| t.ev(x, ev::FIRST_NAME)) =>
                {
                    Mention {
                        start: a.start,
                        end: k,
                        kind: MentionKind::Thing {
                            name: (name.0, k),
                            entity: EntityType::Organisation,
                        },
                        role: Some((head.start, j)),
                        gender: None,
                    }
                }
                _ => head,
            });
        }
    }
    // "Earlier, a senior politician said" has one comma before: no appositive
    None
}

/// The first noun phrase of the sentence that can be a subject: a name, a thing, a
/// pronoun, or a description — and when a description is followed by a name in
/// apposition ("The US ambassador, Nikki Haley,"), that name.
pub fn sentence_subject(t: &Tokens, lo: usize, hi: usize) -> Option<Mention> {
    let mut i = dateline_end(t, lo, hi);
    // "In an interview with CNBC on Monday, U.S. Secretary of State Mike Pompeo praised…":
    // past an introductory phrase to its comma
    // ("And responding to criticism from…, he insisted": past a coordinator first)
    let after_and = t.cap(i) && t.has(i, flag::COORDINATOR) && i + 1 < hi;
    if let Some(j) = past_intro_phrase(t, i, hi)
        .or_else(|| past_participle_phrase(t, i, hi, false))
        .or_else(|| after_and.then(|| past_participle_phrase(t, i + 1, hi, true)).flatten())
    {
        i = j;
        // "At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders…": past the
        // place's state or country and another adjunct to their commas
        loop {
            if !t.cap(i)
                && let Some(j) = past_intro_phrase(t, i, hi)
            {
                i = j;
            } else if let Some(m) = mentions::starting_at(t, i, hi, lo)
                && matches!(
                    m.kind,
                    MentionKind::Thing {
                        entity: EntityType::Place,
                        ..
                    }
                )
                && t.is_punct(m.end, ',')
                && m.end + 1 < hi
            {
                i = m.end + 1;
            } else if t.is_word(i)
                && t.lower(i).len() == 4
                && t.lower(i).bytes().all(|b| b.is_ascii_digit())
                && t.is_punct(i + 1, ',')
                && i + 2 < hi
            {
                // "On July 6, 2015, Sanders made…": past the date's year
                i += 2;
            } else {
                break;
            }
        }
    }
    while i < hi {
        if t.is_word(i)
            && (t.toks[i].cap || t.word_is(i, "the") || t.has(i, flag::PRONOUN | flag::DETERMINER))
            && let Some(m) = mentions::starting_at(t, i, hi, lo)
        {
            // past a short prepositional phrase: "The US ambassador to the United Nations,"
            let mut comma = m.end;
            if t.is_word(comma) && LEX.apposition_prepositions.contains(&word_hash(t.lower(comma))) {
                comma = (comma..hi.min(comma + APPOSITION_PP))
                    .find(|&k| !t.is_word(k))
                    .unwrap_or(hi);
            }
            if m.is_description()
                && t.is_punct(comma, ',')
                && let Some(a) = mentions::starting_at(t, comma + 1, hi, lo)
                && a.is_name()
            {
                return Some(a);
            }
            return Some(m);
        }
        i += 1;
    }
    None
}

/// The most tokens of an introductory phrase before a sentence's subject ("In an interview
/// with CNBC on Monday,").
const INTRO_PHRASE: usize = 12;
/// The most tokens of a subordinate clause opening the sentence ("When the votes were
/// counted,", "After …,").
const SUBORDINATE_PHRASE: usize = 18;

/// Past an adverbial phrase opening at `i` ("In an interview with CNBC on Monday,", "on
/// Tuesday,"): the token after its comma, when nothing in it is a cue.
fn past_intro_phrase(t: &Tokens, i: usize, hi: usize) -> Option<usize> {
    if !(t.is_word(i) && t.has(i, flag::ADJUNCT)) {
        return None;
    }
    // ("When the last ballot box was counted in Gander late on Friday,": a clause runs longer)
    let reach = if LEX.subordinators.contains(&t.toks[i].hash) {
        SUBORDINATE_PHRASE
    } else {
        INTRO_PHRASE
    };
    let c = (i + 1..hi.min(i + reach)).find(|&k| t.is_punct(k, ','))?;
    ((i + 1..c).all(|k| t.is_word(k) && (!t.has(k, flag::CUE) || cue_noun(t, i + 1, k))) && c + 1 < hi).then_some(c + 1)
}

/// The most tokens of a participle phrase opening a sentence ("Asked on Monday whether
/// Mr. Clinton would hold a cabinet position,").
const PARTICIPLE_PHRASE: usize = 16;

/// Past a participle phrase opening the sentence at `i` ("Asked whether he would stay,",
/// "Speaking to reporters in Ottawa,", "Reached by phone Tuesday,"; in lowercase when
/// `after_and`, after an opening "And" or "But"): the token after its comma, when a name,
/// pronoun or determiner follows it. The participle is known by its ending and by what
/// follows it (a lowercase word or a day), and is no name the article or the lexicon
/// knows ("Alfred, 34,", "Reed Hastings").
fn past_participle_phrase(t: &Tokens, i: usize, hi: usize, after_and: bool) -> Option<usize> {
    let w = t.lower(i);
    let participle = (t.cap(i) || (after_and && t.is_word(i)))
        && w.len() >= 5
        && (w.ends_with("ed") || w.ends_with("ing"))
        && !t.ev(i, ev::PERSON | ev::SURNAME | ev::FIRST_NAME | ev::ORG | ev::PLACE)
        && !super::tokens::common_first_name(t.toks[i].hash);
    let next = i + 1;
    if !participle || !(t.is_word(next) && (!t.toks[next].cap || t.weekday(next))) {
        return None;
    }
    let c = (next + 1..hi.min(i + PARTICIPLE_PHRASE)).find(|&k| !t.is_word(k))?;
    (t.is_punct(c, ',') && c + 1 < hi && (t.cap(c + 1) || t.has(c + 1, flag::PRONOUN | flag::DETERMINER)))
        .then_some(c + 1)
}

/// The cue word at `k` is a noun: a determiner before it, maybe past modifiers ("In an
/// upbeat pre-Budget report,", "In a statement,"), not a verb ("After officials said,").
fn cue_noun(t: &Tokens, lo: usize, k: usize) -> bool {
    let mut j = k;
    while j > lo && k - j < 3 {
        j -= 1;
        if t.has(j, flag::DETERMINER) {
            return true;
        }
        if t.toks[j].cap || t.has(j, flag::ADJUNCT | flag::PRONOUN | flag::CUE) {
            return false;
        }
    }
    false
}

/// The comma before a participle cue, past adverbs: ", recently telling".
pub fn participle_comma(t: &Tokens, c: usize, lo: usize) -> usize {
    let past_skippable = |mut k: usize| {
        while k > lo && skippable(t, k - 1) {
            k -= 1;
        }
        k
    };
    let mut k = past_skippable(c);
    // ", while saying that", ", before adding": a conjunction the participle follows
    if k > lo + 1 && t.is_word(k - 1) && !t.toks[k - 1].cap && matches!(t.lower(k - 1), "while" | "before" | "after") {
        k = past_skippable(k - 1);
    }
    k.saturating_sub(1)
}

/// The cue is a participle continuing its clause: ", saying", ", adding that",
/// ", recently telling one person".
pub fn is_participle(t: &Tokens, cue: &Cue, lo: usize) -> bool {
    let k = participle_comma(t, cue.start, lo);
    cue.end == cue.start + 1
        && t.lower(cue.start).ends_with("ing")
        && k > lo
        && (t.is_punct(k, ',') || quote_comma(t, k, lo))
}

/// The quote at `k` ends in the comma a participle after it opens with, and is no one's
/// words in this clause (no cue before it from `lo`): a title or a phrase the subject
/// calls something ("called the idea a “ridiculous proposition,” adding that…"). After
/// a quote with its own cue ("she stated, “…,” adding, “…”") the reported speech
/// holds both.
fn quote_comma(t: &Tokens, k: usize, lo: usize) -> bool {
    t.toks.get(k).is_some_and(|x| x.comma) && !(lo..k).any(|j| cue_at(t, j, k).is_some())
}

/// Past a dateline opening the sentence ("WASHINGTON —", "COLUMBIA, S.C. —", "Washington
/// (AFP) –"): a place, maybe with a state or an agency, then a dash.
pub fn dateline_end(t: &Tokens, lo: usize, hi: usize) -> usize {
    // or a place in capitals and lowercase with its agency: "Washington (AFP) –"
    let agency = t.cap(lo) && t.is_punct(lo + 1, '(');
    if !t.toks.get(lo).is_some_and(|x| x.caps) && !agency {
        return lo;
    }
    (lo + 1..hi.min(lo + 6))
        .take_while(|&k| t.cap(k) || t.is_punct(k, ',') || t.is_punct(k, '(') || t.is_punct(k, ')') || is_dash(t, k))
        .find(|&k| is_dash(t, k))
        .map_or(lo, |k| {
            let mut e = k;
            while is_dash(t, e) {
                e += 1;
            }
            e
        })
}

/// The cue has no content of its own: no "that" or pronoun opening a clause follows it
/// (past adverbs and a listener). "“This Week,” Rubio said that…" does not attribute the
/// quote before it.
fn cue_closes(t: &Tokens, cue: &Cue, hi: usize, lo: usize) -> bool {
    let mut k = cue.end;
    while k < hi && skippable(t, k) {
        k += 1;
    }
    if t.has(cue.start, flag::LISTENER_VERB)
        && let Some(m) = mentions::starting_at(t, k, hi, lo)
    {
        k = m.end;
    }
    !(t.word_is(k, "that") || (t.is_word(k) && !t.toks[k].cap && t.has(k, flag::PRONOUN)))
}

/// How a direct quote was attributed.
#[derive(Debug, Clone)]
pub struct Direct {
    pub speaker: Mention,
    pub cue: Cue,
    /// Token index just past the attribution clause.
    pub clause_end: usize,
}

/// Attribution after the quote token `q`: `“…,” Kosachev wrote` / `“…,” said X, a role,`.
/// `lo` is the sentence start.
pub fn after_quote(t: &Tokens, q: usize, hi: usize, lo: usize) -> Option<Direct> {
    let mut k = q + 1;
    if t.is_punct(k, ',') {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    // a pull quote signed with a dash: “…” ― Pamela Padilla
    if matches!(t.toks[k].kind, Kind::Punct('―' | '—' | '–' | '-'))
        && let Some(m) = mentions::starting_at(t, k + 1, hi, k + 1)
        && m.is_name()
        && (m.end >= hi || matches!(t.toks[m.end].kind, Kind::Punct(_)))
    {
        let cue = Cue {
            start: k,
            end: k + 1,
            role: CueRole::Say,
        };
        return Some(Direct {
            clause_end: m.end,
            speaker: m,
            cue,
        });
    }
    // inverted: cue first
    let mut c = k;
    while c < hi && skippable(t, c) {
        c += 1;
    }
    // ("“…,” according to Dr. Keith Ahamad" only for a quote opening its sentence: a
    // fragment's "according to" reports the whole sentence)
    // (a listener verb has its speaker after it only when nothing follows the speaker's
    // phrase: "“…,” warned economist Andreas Rees." — "warned Moscow it would…" speaks to
    // Moscow)
    let listener = |c: &Cue| t.has(c.start, flag::LISTENER_VERB) && !t.stem(c.start).starts_with("ask");
    let ends_clause = |e: usize| e >= hi || matches!(t.toks[e].kind, Kind::Punct('.' | '!' | '?' | ';'));
    if let Some(cue) = cue_at(t, c, hi)
        && (!is_source(&cue) || q == lo)
    {
        let mut s = cue.end;
        while s < hi && skippable(t, s) {
            s += 1;
        }
        // ("said Opera spokeswoman, Berit Hanson.": the name in apposition to the
        // description, ending the clause, is who it describes; after the description's "of"
        // phrase too: "said BA director of commercial planning, Robert Boyle.")
        let named = |m: &Mention| {
            if !m.is_description() {
                return None;
            }
            let comma = if t.word_is(m.end, "of") {
                (m.end + 1..hi.min(m.end + 1 + APPOSITION_PP))
                    .find(|&x| !t.is_word(x) || t.has(x, flag::CUE | flag::ADJUNCT))
                    .filter(|&x| t.is_punct(x, ','))?
            } else {
                Some(m.end).filter(|&x| t.is_punct(x, ','))?
            };
            mentions::starting_at(t, comma + 1, hi, k)
                .filter(|a| a.is_name() && a.role.is_none() && ends_clause(a.end))
                .map(|a| Mention {
                    role: Some((m.start, comma)),
                    ..a
                })
        };
        if let Some(m) = mentions::starting_at(t, s, hi, k)
            // ("…” between May and October, says the program changed his life": a
            // description running into a verb is the content, not the speaker)
            && (!(m.is_description() && runs_into_verb(t, m.end)) || (t.word_is(m.end, "of") && named(&m).is_some()))
            && (!listener(&cue) || ends_clause(m.end_with_role()))
        {
            let m = named(&m).unwrap_or(m);
            let end = m.end_with_role();
            return Some(Direct {
                speaker: m,
                cue,
                clause_end: end,
            });
        }
    }
    // subject first: NP [, appositive,] [adverbs] CUE, the NP starting right after the quote
    let stop = (k..hi.min(k + AFTER_REACH))
        .find(|&j| {
            matches!(t.toks[j].kind, Kind::Punct('!' | '?' | ';') | Kind::Quote(_))
                || (t.is_punct(j, '.') && !t.clause_period(j))
        })
        .unwrap_or(hi.min(k + AFTER_REACH));
    for j in k + 1..stop {
        if let Some(cue) = cue_at(t, j, stop) {
            if !cue_closes(t, &cue, hi, k) {
                return None;
            }
            let m = speaker_before(t, j, k)?;
            // ("“…,” the Star quoted him as saying": the one quoted, a pronoun too, however
            // many words name who quotes them)
            let quoted = quoted_as_saying(t, j, k).is_some();
            // (words before the speaker that open no phrase of their own: "“…” in one room
            // and ask them" is no attribution)
            let lead = (k..m.start).all(|x| t.is_word(x))
                && (m.start - k <= AFTER_LEAD || quoted)
                && !(m.start > k && t.has(k, flag::ADJUNCT | flag::BETWEEN | flag::COORDINATOR));
            // "“…,” his lawyer, John Smith, said": a name in apposition to the description
            // that opens the clause
            // (a modifier the name's role did not take may lead it: "…, state Del. Marcia
            // Price,")
            let comma = (k + 1..m.start)
                .rev()
                .take(3)
                .find(|&x| !t.is_word(x) || t.toks[x].cap)
                .filter(|&x| t.is_punct(x, ','));
            let named_apposition = m.is_name()
                && comma.is_some_and(|c| {
                    // (a noun phrase led by a determiner or an owner, no preposition)
                    c - k <= 4
                        && (t.has(k, flag::DETERMINER) || t.possessive(k))
                        && (k..c).all(|x| t.is_word(x) && !t.has(x, flag::CUE | flag::ADJUNCT | flag::BETWEEN))
                        && (t.stem_has(c - 1, flag::SPEAKER_NOUN | flag::ROLE_NOUN)
                            || LEX.kin.contains(&t.toks[c - 1].hash))
                });
            // ("“…,” the organiser in Uganda, Sarah Mukasa, told…": a role of a body from
            // right after the quote, the name in apposition)
            let role_of_body = m.is_name() && m.role.is_some_and(|r| r.0 == k);
            // ("“…,” Immigration, Refugees and Citizenship Minister Ahmed Hussen said": a
            // list of portfolios from right after the quote, then the title)
            let portfolio = m.is_name()
                && mentions::portfolio_title(t, k, j).is_some_and(|p| p >= m.start_with_role() && p < m.end);
            if m.start == k || (lead && (!m.is_pronoun() || quoted)) || named_apposition || role_of_body || portfolio {
                let m = if m.start > k && m.is_description() && !quoted {
                    Mention { start: k, ..m }
                } else {
                    m
                };
                return Some(Direct {
                    speaker: m,
                    cue,
                    clause_end: cue.end,
                });
            }
            return None;
        }
    }
    None
}

/// Attribution before the quote token `q`: `X said: “…”`, `X told reporters, "…"`,
/// `According to X, "…"`. `lo` is where the clause starts (after the quote before), `start`
/// the sentence's start.
pub fn before_quote(t: &Tokens, q: usize, lo: usize, start: usize) -> Option<Direct> {
    let mut e = q;
    let ends_intro = |k: usize| t.is_punct(k, ':') || t.is_punct(k, ',') || t.is_punct(k, '—');
    // `X said: “…”`, `X told reporters, "…"`, `X said that "…"`, or the quote right after
    // the cue; otherwise (`X said his staff “did the wrong thing”`) it is reported speech
    // holding a quoted fragment, which the reported-speech pass makes a mixed quote
    let introduced = e > lo && (ends_intro(e - 1) || t.word_is(e - 1, "that"));
    if introduced {
        e -= 1;
    }
    if let Some(d) = inverted_opening(t, q, lo) {
        return Some(d);
    }
    let from = lo.max(e.saturating_sub(INTRO_REACH + INTRO_ADJUNCT));
    for j in (from..e).rev() {
        let Some(cue) = cue_at(t, j, e) else { continue };
        // "in his turn to answer the question": an infinitive reports nothing, but for one
        // a verb governs right before the quote ("went on to say, “…”", "was prompted to
        // say: “…”", "went so far as to say"), whose subject speaks
        if j > lo && t.word_is(j - 1, "to") {
            let on = j > lo + 2 && t.word_is(j - 2, "on");
            let past = j > lo + 1 && t.lower_ending(j - 2, "ed");
            let governed = on || past || (j > lo + 1 && t.word_is(j - 2, "as"));
            // the subject of "went" in "went on", of "prompted" past "was"
            let verb = if on { j - 3 } else { j - 2 };
            // (a cue phrase holding it, "went on to say", is read whole further back)
            let phrase =
                || (lo.max(j.saturating_sub(5))..j - 1).any(|x| cue_at(t, x, e).is_some_and(|c| c.end == cue.end));
            if governed
                && introduced
                && cue.end == e
                && !phrase()
                && let Some(m) = (on || past)
                    .then(|| speaker_before(t, verb, lo))
                    .flatten()
                    .or_else(|| sentence_subject(t, lo, j - 1))
            {
                return Some(Direct {
                    speaker: m,
                    cue,
                    clause_end: e,
                });
            }
            continue;
        }
        let between = cue.end..e;
        // "joked in his turn to answer the question, “…”", "told supporters after his win
        // in the primary that “…”": an adjunct (after the listener) may be longer
        let listener_verb = t.has(cue.start, flag::LISTENER_VERB);
        let after = if listener_verb {
            (cue.end..e.min(cue.end + LISTENER_WORDS + 1))
                .find(|&k| !t.is_word(k) || t.has(k, flag::ADJUNCT))
                .unwrap_or(cue.end)
        } else {
            cue.end
        };
        let adjunct = introduced && t.is_word(after) && (t.has(after, flag::ADJUNCT) || t.word_is(after, "of"));
        // "Beck joked, again using an exaggerated Southern accent, “…”": an aside between
        // commas, right after the cue, with no quote or cue of its own
        let aside = introduced
            && t.is_punct(after, ',')
            && !listener_verb
            && between.len() <= ASIDE_WORDS
            && (after + 1..e).all(|k| in_aside(t, k));
        let adjunct = adjunct || aside;
        let gap = if aside {
            ASIDE_WORDS
        } else if adjunct {
            INTRO_GAP + INTRO_ADJUNCT
        } else {
            INTRO_GAP
        };
        if between.clone().any(|x| t.word_is(x, "that")) || between.len() > gap {
            return None;
        }
        if e - j > INTRO_REACH && !adjunct {
            break;
        }
        let listener = listener_verb
            && (LEX
                .listeners
                .iter()
                .any(|l| l.len() == between.len() && l.iter().enumerate().all(|(k, w)| t.lower(cue.end + k) == w))
                || mentions::starting_at(t, cue.end, e, lo).is_some_and(|m| m.end == e));
        // "the plan, which Mayor Jane Smith said would “transform the city”": a cue in a
        // relative clause whose verb is the content, quoted; the relative's subject speaks
        if !introduced
            && !between.is_empty()
            && LEX.auxiliaries.contains(t.lower(e - 1))
            && (between.len() == 1 || t.has(cue.end, flag::ADJUNCT))
            && let Some(m) = speaker_before(t, j, lo)
            && m.start > lo
            && ["which", "that", "who", "whom"]
                .iter()
                .any(|w| t.word_is(m.start - 1, w))
        {
            return Some(Direct {
                speaker: m,
                cue,
                clause_end: e,
            });
        }
        // "asked last week “Why…”": a time between the cue and the quote
        let timed = !between.is_empty() && time_before(t, e, cue.end) == cue.end;
        if !(introduced || between.is_empty() || listener || timed) {
            return None;
        }
        if is_source(&cue) {
            let m = mentions::starting_at(t, cue.end, e, lo)?;
            return Some(Direct {
                speaker: m,
                cue,
                clause_end: e,
            });
        }
        // "…, saying the plan was dead and adding: “…”", "with Trump tweeting that … and
        // asking, “…”", "refused, throwing the book at her and saying: “…”": a participle
        // joined by "and" to a participle before it shares that one's subject (none when
        // that one is not in reach, before a quote: the reported speech it opens holds
        // this quote)
        if cue.end == cue.start + 1 && t.lower_ending(j, "ing") && j > lo && t.word_is(j - 1, "and") {
            let first = (lo + 1..j - 1)
                .rev()
                .find(|&x| t.lower_ending(x, "ing") && (t.is_punct(x - 1, ',') || cue_at(t, x, j - 1).is_some()))?;
            let comma = participle_comma(t, first, lo);
            let m = if t.is_punct(comma, ',') {
                sentence_subject(t, lo, comma)
            } else {
                speaker_before(t, first, lo)
            }?;
            return Some(Direct {
                speaker: m,
                cue,
                clause_end: e,
            });
        }
        // ", saying, “…”": a participle takes the sentence's subject (past a quote before
        // it that ends in the comma: "called the idea a “ridiculous proposition,” adding
        // that “…”")
        let comma = participle_comma(t, cue.start, lo);
        let past_quote = comma + 1 == lo && lo > start && is_participle(t, &cue, start);
        if past_quote || is_participle(t, &cue, lo) {
            let m = sentence_subject(t, if past_quote { start } else { lo }, comma)?;
            return Some(Direct {
                speaker: m,
                cue,
                clause_end: e,
            });
        }
        // "…, asks Policy Options editor Jennifer Ditchburn, “…”": after a comma the cue is
        // inverted, its speaker the name after it
        let inverted = (j > lo && t.is_punct(j - 1, ','))
            .then(|| mentions::starting_at(t, cue.end, e, lo))
            .flatten()
            .filter(|m| m.is_name() && m.end_with_role() >= e);
        let m = inverted.or_else(|| speaker_before(t, j, lo)).or_else(|| {
            // inverted before the quote: `said X: “…”` (never the listener of `told X:`)
            (!listener_verb)
                .then(|| mentions::starting_at(t, cue.end, e, lo))
                .flatten()
        })?;
        return Some(Direct {
            speaker: m,
            cue,
            clause_end: e,
        });
    }
    colon_intro(t, q, lo)
}

/// "Said Dorothy Poynter, who grew up with Ali in the neighborhood, “…”": a cue opening the
/// sentence, inverted, its name and an aside between commas right before the quote.
fn inverted_opening(t: &Tokens, q: usize, lo: usize) -> Option<Direct> {
    if q < lo + 4 || !t.is_punct(q - 1, ',') || !t.cap(lo) || t.has(lo, flag::LISTENER_VERB) {
        return None;
    }
    let e = q - 1;
    let cue = cue_at(t, lo, e)?;
    let m = mentions::starting_at(t, cue.end, e, lo).filter(|m| m.is_name())?;
    let end = m.end_with_role();
    // ("Said Dorothy Poynter, a neighbour of the family, “…”": the role is the aside)
    let role_aside = end == e && m.role.is_some();
    let aside = end + 1..e;
    let own_aside = t.is_punct(end, ',')
        && !aside.is_empty()
        && aside.len() <= ASIDE_WORDS
        && aside.clone().all(|k| in_aside(t, k) && cue_at(t, k, e).is_none());
    (role_aside || own_aside).then_some(Direct {
        speaker: m,
        cue,
        clause_end: e,
    })
}

/// The most tokens of an aside between commas before a quote: past the name in
/// [`inverted_opening`], past the cue in [`before_quote`].
const ASIDE_WORDS: usize = 15;

/// Token `k` may be inside such an aside: no quote of its own and no ";" ending the clause.
fn in_aside(t: &Tokens, k: usize) -> bool {
    !matches!(t.toks[k].kind, Kind::Quote(_)) && !t.is_punct(k, ';')
}

/// A sentence that ends in a colon right before the quote introduces it, and its subject
/// speaks it when it is a person named or a pronoun: "BBC Two controller Roly Keating:
/// “…”", "Drummer Larry Mullen echoed those sentiments: “…”".
fn colon_intro(t: &Tokens, q: usize, lo: usize) -> Option<Direct> {
    if q <= lo || !t.is_punct(q - 1, ':') {
        return None;
    }
    let colon = q - 1;
    if (lo..colon).any(|k| matches!(t.toks[k].kind, Kind::Quote(_)) || t.is_punct(k, ';')) {
        return None;
    }
    let m = sentence_subject(t, lo, colon)?;
    let person = m.is_personal();
    let at_start = (lo..m.start).filter(|&k| t.is_word(k)).count() <= SUBJECT_LEAD;
    (person && at_start).then(|| Direct {
        clause_end: colon,
        speaker: m,
        cue: Cue {
            start: colon,
            end: colon + 1,
            role: CueRole::Say,
        },
    })
}

/// The most words before a colon-intro's subject ("On Monday, Smith told the crowd:").
const SUBJECT_LEAD: usize = 4;
