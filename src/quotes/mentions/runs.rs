//! Capitalised runs ("Foreign Secretary Jack Straw", "the Kenya Red Cross"): where one
//! starts and ends, its role words and name, and what it names (a person, a thing of some
//! type, a description) on the lexicon's and the article's evidence.

use super::*;

pub(super) fn is_name_word(t: &Tokens, i: usize) -> bool {
    t.cap(i)
}

pub(super) fn is_title(t: &Tokens, i: usize) -> bool {
    t.stem_has(i, flag::TITLE | flag::HONORIFIC) || t.has(i, flag::TITLE | flag::HONORIFIC)
}

/// The title word at `k` is also a common first name ("Earl", "Dean"; not "Lord", "Sir").
fn common_title_name(t: &Tokens, k: usize) -> bool {
    LEX.first_name_by_hash(t.toks[k].hash)
        .is_some_and(|f| f.log_births >= COMMON_TITLE_NAME_LOG_BIRTHS)
}

/// Over 2^15 births in the SSA's table: "Earl", "Dean" (not "King", "Prince", "Lord").
const COMMON_TITLE_NAME_LOG_BIRTHS: u8 = 15;

/// A party-and-state tag after a name: "D-Md.", "R-S.C.", "R-Texas", "I-Vt.".
pub fn is_party_state(t: &Tokens, i: usize) -> bool {
    if !t.is_word(i) {
        return false;
    }
    let b = t.lower(i).as_bytes();
    b.len() >= 3 && matches!(b[0], b'd' | b'r' | b'i') && b[1] == b'-' && b[2].is_ascii_alphabetic() && t.toks[i].cap
}

/// The word at `k` is a state's or province's abbreviation after a capitalised word and a
/// comma: "Raleigh, N.C.", "Milton, Ont.".
pub fn state_after_place(t: &Tokens, k: usize) -> bool {
    k >= 2 && t.is_punct(k - 1, ',') && t.cap(k - 2) && t.cap(k) && LEX.state_abbreviations.contains(&t.toks[k].hash)
}

/// A word that opens a run but is no part of the person's name after it: a verb, a
/// sentence word, or a common word capitalised because it opens the sentence
/// ("Continued Stone", "Asked Trump", "Alongside BLM").
pub(super) fn stray_front(t: &Tokens, a: usize, sent_start: usize) -> bool {
    // a party before a person's name: "Republican Donald Trump", "Tory Liam Fox"
    if t.has(a, flag::GROUP) && t.is_word(a + 1) && t.toks[a + 1].cap && t.ev(a + 1, ev::FIRST_NAME) {
        return true;
    }
    if t.ev(a, ev::STRAY) {
        return true;
    }
    if t.has(a, flag::HONORIFIC | flag::TITLE) || t.ev(a, ev::FIRST_NAME | ev::PERSON) {
        return false;
    }
    t.has(a, flag::CUE | flag::NOT_NAME)
        || (sentence_initial(t, a, sent_start) && t.ev(a, ev::LOWER))
        // capitalised only where it opens the sentence, a word the lexicon knows or shaped
        // like an adjective, before a person the article names elsewhere: no first name
        // ("Absent Sanders' plan", "Olympian Tomlinson"; but "Sunday Telegraph")
        || (sentence_initial_only(t, a, sent_start) && !unknown_given(t, a) && t.ev(a + 1, ev::PERSON))
        || t.lower(a).ends_with("-based")
        || phrase_compound(t.lower(a))
}

/// A phrase hyphenated into one word, no name: "Man-of-the-match", "Up-and-coming".
fn phrase_compound(w: &str) -> bool {
    let mut parts = w.split('-');
    parts.next();
    parts.any(|p| LEX.is(p, flag::DETERMINER | flag::COORDINATOR) || p == "of")
}

/// A particle inside a name: "van der", "bin", "de la".
pub(super) fn is_particle(t: &Tokens, i: usize) -> bool {
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

/// A word of the lexicon's `surname_words` (words no name is usually made of, "May",
/// "Said") that is a surname here: capitalised, after a first name or an honorific
/// ("Theresa May", "Ms. May"), before a given name when it is said first ("Oh Se-jin"),
/// or where the article has confirmed it as a person's
/// name, with no preposition or other lowercase word before it and no number after it
/// ("May said", not "in May", "since May", "May 5").
pub fn surname_word(t: &Tokens, k: usize) -> bool {
    if !t.cap(k) || !LEX.surname_words.contains(&t.toks[k].hash) {
        return false;
    }
    let before = k.checked_sub(1).filter(|&j| t.is_word(j));
    if let Some(j) = before
        && t.toks[j].cap
        && !t.has(j, flag::NOT_NAME)
        && (t.ev(j, ev::FIRST_NAME) || is_title(t, j))
    {
        return true;
    }
    // "Oh Se-jin": a surname said first, before the given name
    if LEX.surnames_first.contains(&t.toks[k].hash) && t.cap(k + 1) && !t.has(k + 1, flag::NOT_NAME) {
        return true;
    }
    let dated = t.is_word(k + 1) && t.lower(k + 1).starts_with(|c: char| c.is_ascii_digit());
    let governed = before.is_some_and(|j| {
        t.has(j, flag::ADJUNCT | flag::BETWEEN | flag::DETERMINER | flag::NOT_NAME)
            || (!t.toks[j].cap && !t.has(j, flag::CUE | flag::COORDINATOR))
    });
    t.ev(k, ev::PERSON) && !dated && !governed
}

pub(super) fn plain_run_start(t: &Tokens, i: usize, lo: usize) -> usize {
    let mut j = i;
    while j > lo {
        let k = j - 1;
        let name_word = is_name_word(t, k)
            && !t.possessive(k)
            && (!t.has(k, flag::NOT_NAME)
                || middle_name(t, k, lo, i + 1)
                || titled_day(t, k, lo)
                || surname_word(t, k));
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
pub(super) fn middle_name(t: &Tokens, k: usize, lo: usize, hi: usize) -> bool {
    k > lo
        && k + 1 < hi
        && super::super::tokens::common_first_name(t.toks[k].hash)
        && is_name_word(t, k - 1)
        && !t.has(k - 1, flag::NOT_NAME)
        && is_name_word(t, k + 1)
        && !t.has(k + 1, flag::NOT_NAME)
}

/// A month that is a first name the table counts as common, opening a name: "said Jan
/// Egeland", "Jan Berry said" (not yet "April Ryan asked": "April" is not common enough).
/// Not a date: no period after it ("Jan. 5"), a name word right after, and no word before
/// that makes it a time ("in May Smith said", "last June Lee").
pub(super) fn month_first_name(t: &Tokens, k: usize, hi: usize) -> bool {
    k + 1 < hi
        && t.toks[k].cap
        && (LEX.months.contains(&t.toks[k].hash) || t.has(k, flag::ABBREVIATION))
        && super::super::tokens::common_first_name(t.toks[k].hash)
        && t.toks[k + 1].start == t.toks[k].end + 1
        && is_name_word(t, k + 1)
        && !t.has(k + 1, flag::NOT_NAME)
        && !(k > 0
            && t.is_word(k - 1)
            && (t.lower(k - 1).starts_with(|c: char| c.is_ascii_digit())
                || LEX.date_openers.contains(&t.toks[k - 1].hash)))
}

/// A day or month that opens a name after "the": "the Sunday Times", "the Monday Club".
pub(super) fn titled_day(t: &Tokens, k: usize, lo: usize) -> bool {
    k > lo && t.toks[k].cap && t.word_is(k - 1, "the") && LEX.time_words.contains(&t.toks[k].hash)
}

pub(super) fn plain_run_end(t: &Tokens, i: usize, hi: usize) -> usize {
    let mut j = i;
    while j < hi {
        if is_name_word(t, j)
            && (!t.has(j, flag::NOT_NAME)
                || (j > i && middle_name(t, j, 0, hi))
                || surname_word(t, j)
                || (j == i && month_first_name(t, j, hi)))
        {
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
pub(super) fn stems(t: &Tokens, s: usize, e: usize) -> Vec<&str> {
    (s..e).map(|i| t.stem(i)).collect()
}

/// A run's split into the titles before the name and the name.
pub(super) struct Parts {
    pub(super) name: (usize, usize),
    /// An honorific or a title stands before the name (in the run or just before it).
    pub(super) titled: bool,
    pub(super) gender: Option<Gender>,
}

/// Split the capitalised run `s..e` into role words and the name: the name is what
/// follows the last honorific or title ("Foreign Secretary Jack Straw", "Lord Chancellor
/// Lord Falconer"), or what follows party and place words when a first name opens it
/// ("Tory Liam Fox").
pub(super) fn split(t: &Tokens, s: usize, e: usize) -> Parts {
    let mut name_start = s;
    let mut gender = None;
    for k in s..e.saturating_sub(1) {
        // "Rep. Earl Blumenauer", "Prof. Dean Karlan": a title word that is a common first
        // name, right after a title, opens the name
        if k > s && name_start == k && is_title(t, k - 1) && common_title_name(t, k) {
            continue;
        }
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
pub(super) fn holds_phrase(t: &Tokens, s: usize, e: usize, phrases: &crate::text::lexicon::Phrases) -> bool {
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
pub(super) fn thing_type(t: &Tokens, s: usize, e: usize) -> Option<(EntityType, bool)> {
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
    // "Raleigh, N.C.", "Milton, Ont.": a state or province after a place and a comma
    if e - s == 1 && state_after_place(t, s) {
        return Some((EntityType::Place, true));
    }
    // an acronym (NATO, RIA) is an organisation, not a person
    if e - s == 1 && t.toks[s].caps && t.lower(s).len() <= 6 {
        return Some((EntityType::Organisation, false));
    }
    // "in Sumatra", "Moncton, N.B.": the article puts it where a place stands
    if t.ev(e - 1, ev::PLACE) && !t.ev(e - 1, ev::PERSON) {
        return Some((EntityType::Place, false));
    }
    // "Fraser Highway", "Lake Cowichan": a place's own words (unsure where the words
    // around make it a person whose surname is a place word: "producer Debra Hill",
    // "Housing Minister Keith Hill", "Alexandra Tower, a spokeswoman", "Mike Lake said")
    if e - s >= 2 && (t.ev(e - 1, ev::PLACE_WORD) || t.ev(s, ev::PLACE_OPENER)) {
        let role_before = s > 0 && t.is_word(s - 1) && t.stem_has(s - 1, flag::ROLE_NOUN | flag::TITLE);
        let first_name = e - s == 2 && t.ev(s, ev::FIRST_NAME) && !t.ev(s, ev::PLACE_OPENER);
        let role_after = t.is_punct(e, ',')
            && (e + 1..(e + 4).min(t.toks.len())).any(|x| t.stem_has(x, flag::ROLE_NOUN | flag::SPEAKER_NOUN));
        let speaks = t.has(e, flag::SAY) && !t.possessive(e - 1);
        return Some((
            EntityType::Place,
            !role_before && !(first_name && (role_after || speaks)),
        ));
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
/// of the article's names (for [`super::super::evidence::annotate`]).
pub enum Confirmed {
    Person(usize, usize),
    Org(usize, usize),
}

pub fn confirmed(t: &Tokens, s: usize, e: usize) -> Option<Confirmed> {
    let lowercase_before = s > 0 && t.is_word(s - 1) && !t.toks[s - 1].cap;
    // introduced as an organisation: "oil firm Yukos", "software giant Microsoft"
    // (but "party Chairman Reince Priebus" is a person with a title, and "property developer
    // Mark Sembler" one with a role: a noun for either, then a first name)
    if lowercase_before
        && t.stem_has(s - 1, flag::ORG_NOUN)
        && !t.stem_has(s, flag::TITLE | flag::HONORIFIC)
        && !(e - s >= 2 && t.stem_has(s - 1, flag::ROLE_NOUN) && t.ev(s, ev::FIRST_NAME))
    {
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
pub(super) fn person_context(t: &Tokens, s: usize, e: usize) -> bool {
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
pub(super) fn nationality(t: &Tokens, a: usize, b: usize) -> bool {
    (a..b).all(|k| t.ev(k, ev::NATIONALITY))
}

/// The word opens its sentence and is capitalised nowhere else in the article.
/// The word at `k`, opening a sentence, may be a first name the table does not know
/// ("Arsene"): the lexicon knows it not, and it does not end like an adjective
/// ("Prominent", "Veteran").
pub(super) fn unknown_given(t: &Tokens, k: usize) -> bool {
    let w = t.lower(k);
    t.toks[k].flags == 0 && !LEX.adjective_endings.iter().any(|x| w.ends_with(x.as_str()))
}

pub(super) fn sentence_initial_only(t: &Tokens, k: usize, sent_start: usize) -> bool {
    sentence_initial(t, k, sent_start) && !t.ev(k, ev::CAP_MID)
}

pub(super) fn is_contraction(t: &Tokens, i: usize) -> bool {
    let w = t.lower(i);
    // every contraction has an apostrophe (’ is lowercased to ')
    w.as_bytes().contains(&b'\'') && LEX.contractions.iter().any(|c| w.ends_with(c.as_str()))
}

/// Classify the capitalised run `s..e` in the sentence starting at `sent_start`.
/// A capitalised run `s..e` whose name is `a..b` (the words before it a role), as a mention
/// of each kind.
pub(super) struct Run {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) gender: Option<Gender>,
}

impl Run {
    pub(super) fn thing(&self, entity: EntityType) -> Option<Mention> {
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

    pub(super) fn person(&self) -> Option<Mention> {
        Some(Mention {
            start: self.s,
            end: self.e,
            kind: MentionKind::Name { name: (self.a, self.b) },
            role: (self.a > self.s).then_some((self.s, self.a)),
            gender: self.gender,
        })
    }

    pub(super) fn described(&self, head: usize, definite: bool) -> Option<Mention> {
        Some(Mention {
            start: self.s,
            end: self.e,
            kind: MentionKind::Description { head, definite },
            role: None,
            gender: None,
        })
    }
}

pub(super) fn classify_run(
    t: &Tokens,
    s: usize,
    e: usize,
    sent_start: usize,
    preceded_by_the: bool,
) -> Option<Mention> {
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
            // a medium's name is a person's when the article names them with it as a
            // surname ("Fox told the Evening Post" after "actor Edward Fox")
            let person_named =
                confirmed_person && (entity != EntityType::Medium || (b - a == 1 && t.ev(a, ev::SURNAME)));
            if !the_thing && (p.titled || first_name_led || person_named) {
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
    if b - a == 1 && t.stem_has(a, flag::NOT_NAME) && !p.titled && !surname_word(t, a) {
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
pub(super) fn unattested(t: &Tokens, run: &Run, sent_start: usize) -> Option<Mention> {
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
    // the run opens its sentence, its last word unknown to the lexicon, before a lowercase
    // word (a verb, for the two cases below)
    let opens_clause = a == s && opens && !common && t.toks[b - 1].flags == 0 && t.is_word(e) && !t.toks[e].cap;
    // "Tesla reported record deliveries.": a word the lexicon does not know, never written
    // in lowercase, opening a sentence as the subject of a verb, is a name of some kind
    if b - a == 1
        && opens_clause
        && !t.lower(a).ends_with('s')
        && (t.has(e, flag::CUE | flag::BETWEEN) || t.lower(e).ends_with("ed"))
    {
        return thing(EntityType::Unknown);
    }
    // "Civic Action said…", "National Grid says…": the same for a name of two words or
    // more whose first word is shaped like an adjective (not a participle: "Ailing
    // EuroDisney"), with no sign of a person ("Journalist Guillem Balague", "Film-maker
    // Spike Lee")
    if b - a >= 2
        && opens_clause
        && !t.lower(a).contains('-')
        && !t.lower(a).ends_with("ing")
        && !t.lower(a).ends_with("ed")
        && (a..b).all(|k| {
            !t.ev(k, ev::FIRST_NAME | ev::PERSON | ev::GIVEN)
                && !t.stem_has(k, flag::ROLE_NOUN | flag::TITLE | flag::HONORIFIC)
                // ("National Grid": a title's modifier may open it)
                && (t.toks[k].stem_flags == 0 || (k == a && t.stem_has(k, flag::TITLE_MOD)))
        })
        && !t.ev(b - 1, ev::NATIONALITY | ev::PLACE_WORD)
        && t.has(e, flag::CUE | flag::BETWEEN)
    {
        return thing(EntityType::Unknown);
    }
    None
}
