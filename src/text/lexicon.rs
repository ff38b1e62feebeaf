//! The word lists of `assets/lexicon.toml` and the tables of `assets/tables/`, compiled
//! once: every single word into one map of flag bits (one lookup per token), multi-word
//! entries into phrase lists, cue phrases with their role, and the first-name and place
//! tables.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A person's gender as an honorific, a first name or a pronoun tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

const LEXICON: &str = include_str!("../../assets/lexicon.toml");
const FIRST_NAMES: &str = include_str!("../../assets/tables/first_names.tsv");
const PLACES: &str = include_str!("../../assets/tables/places.tsv");

#[derive(Deserialize)]
struct Cues {
    say: Vec<String>,
    reply: Vec<String>,
    clause: Vec<String>,
    listener_verbs: Vec<String>,
    phrases: BTreeMap<String, CueRole>,
}

#[derive(Deserialize)]
struct Words {
    listeners: Vec<String>,
    auxiliaries: Vec<String>,
    between: Vec<String>,
    determiners: Vec<String>,
    particles: Vec<String>,
    abbreviations: Vec<String>,
    contractions: Vec<String>,
    coordinators: Vec<String>,
    relatives: Vec<String>,
    adjuncts: Vec<String>,
    clause_openers: Vec<String>,
    not_clause_openers: Vec<String>,
    stop_words: Vec<String>,
    not_names: Vec<String>,
    surname_words: Vec<String>,
    time_words: Vec<String>,
    weekdays: Vec<String>,
    months: Vec<String>,
    time_zones: Vec<String>,
    quoting_verbs: Vec<String>,
    body_prepositions: Vec<String>,
    date_openers: Vec<String>,
    kin_counts: Vec<String>,
    quantifiers: Vec<String>,
    near_adjectives: Vec<String>,
    definite_determiners: Vec<String>,
    agent_plurals: Vec<String>,
    time_deictics: Vec<String>,
    subject_pronouns: Vec<String>,
    clause_determiners: Vec<String>,
    adjective_endings: Vec<String>,
    cue_nouns: Vec<String>,
    aside_openers: Vec<String>,
    channels: Vec<String>,
    other_offices: Vec<String>,
    naming_verbs: Vec<String>,
    subordinators: Vec<String>,
    frequency: Vec<String>,
    object_pronouns: Vec<String>,
    clause_subjects: Vec<String>,
    clause_joiners: Vec<String>,
    description_breaks: Vec<String>,
    head_prepositions: Vec<String>,
    be_forms: Vec<String>,
    aside_prepositions: Vec<String>,
    apposition_prepositions: Vec<String>,
    continuing_cues: Vec<String>,
    possessive_determiners: Vec<String>,
    bare_honorifics: Vec<String>,
}

#[derive(Deserialize)]
struct People {
    honorifics_male: Vec<String>,
    honorifics_female: Vec<String>,
    honorifics: Vec<String>,
    titles: Vec<String>,
    title_modifiers: Vec<String>,
    role_nouns: Vec<String>,
    speaker_nouns: Vec<String>,
    surnames_first: Vec<String>,
    stand_ins: Vec<String>,
    name_suffixes: Vec<String>,
    body_titles: Vec<String>,
    kin: Vec<String>,
}

#[derive(Deserialize)]
struct PlaceWords {
    locatives: Vec<String>,
    place_words: Vec<String>,
    place_openers: Vec<String>,
    place_nouns: Vec<String>,
    state_abbreviations: Vec<String>,
    nationalities: Vec<String>,
}

#[derive(Deserialize)]
struct Things {
    organisation_words: Vec<String>,
    organisations: Vec<String>,
    organisation_nouns: Vec<String>,
    organisation_heads: Vec<String>,
    event_heads: Vec<String>,
    media_words: Vec<String>,
    media: Vec<String>,
    groups: Vec<String>,
    statistics: Vec<String>,
    documents: Vec<String>,
    issued: Vec<String>,
    named_heads: Vec<String>,
    company_heads: Vec<String>,
    public_bodies: Vec<String>,
}

#[derive(Deserialize)]
struct Pronouns {
    male: Vec<String>,
    female: Vec<String>,
    plural: Vec<String>,
    first_person: Vec<String>,
    neuter: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    cues: Cues,
    words: Words,
    people: People,
    things: Things,
    places: PlaceWords,
    pronouns: Pronouns,
}

/// What a cue does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueRole {
    /// Reports speech on its own: "X said the plan was dead".
    Say,
    /// Answers: reports only before "that", a colon or a quotation.
    Reply,
    /// Reports with "that" or a clause after it: "X denied that…".
    Clause,
    /// Names the source before or after the content: "according to X, …".
    Source,
    /// The sentence's subject speaks by it: "responded by saying it was…".
    Means,
}

/// A pronoun that may stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    Male,
    Female,
    Plural,
    FirstPerson,
    /// "it": an organisation, never a person.
    Neuter,
}

/// A first name of the table: how male it is and how common.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstName {
    /// Share of bearers who are male, in tenths (0: all female, 10: all male).
    pub male_tenths: u8,
    /// log2 of the number of births with the name (US, 1880–2016).
    pub log_births: u8,
}

/// Bits of [`Lexicon::flags`].
pub mod flag {
    pub const SAY: u32 = 1;
    pub const REPLY: u32 = 1 << 1;
    pub const CLAUSE: u32 = 1 << 2;
    pub const LISTENER_VERB: u32 = 1 << 3;
    pub const PHRASE_HEAD: u32 = 1 << 4;
    pub const BETWEEN: u32 = 1 << 5;
    pub const DETERMINER: u32 = 1 << 6;
    pub const PARTICLE: u32 = 1 << 7;
    pub const COORDINATOR: u32 = 1 << 8;
    pub const RELATIVE: u32 = 1 << 9;
    pub const ADJUNCT: u32 = 1 << 10;
    pub const CLAUSE_OPENER: u32 = 1 << 11;
    pub const NOT_CLAUSE_OPENER: u32 = 1 << 12;
    pub const NOT_NAME: u32 = 1 << 13;
    pub const HONORIFIC: u32 = 1 << 14;
    pub const TITLE: u32 = 1 << 15;
    pub const TITLE_MOD: u32 = 1 << 16;
    pub const ROLE_NOUN: u32 = 1 << 17;
    pub const SPEAKER_NOUN: u32 = 1 << 18;
    pub const ORG_WORD: u32 = 1 << 19;
    pub const ORG_NAME: u32 = 1 << 20;
    pub const ORG_NOUN: u32 = 1 << 21;
    pub const ORG_HEAD: u32 = 1 << 22;
    pub const EVENT: u32 = 1 << 23;
    pub const MEDIA_WORD: u32 = 1 << 24;
    pub const MEDIA_NAME: u32 = 1 << 25;
    pub const GROUP: u32 = 1 << 26;
    pub const PRONOUN: u32 = 1 << 27;
    pub const ABBREVIATION: u32 = 1 << 28;
    pub const STOP: u32 = 1 << 29;
    pub const CONTRACTION: u32 = 1 << 30;
    /// The first word of a multi-word thing (organisation, medium, event, group) or of a
    /// place: only runs holding one need the phrase and place lookups.
    pub const THING_HEAD: u32 = 1 << 31;
    /// Any reporting verb.
    pub const CUE: u32 = SAY | REPLY | CLAUSE;
    /// Words that say a person's name follows.
    pub const BEFORE_NAME: u32 = HONORIFIC | TITLE;
}

/// The multi-word entries of one list, found by their first word's hash.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    list: Vec<Phrase>,
    by_head: ByHash<Vec<usize>>,
}

impl Phrases {
    pub fn new(list: Vec<Phrase>) -> Phrases {
        let by_head = by_head(list.iter());
        Phrases { list, by_head }
    }

    /// The phrases whose first word (possessive dropped) has hash `h`.
    pub fn starting_with(&self, h: u64) -> impl Iterator<Item = &Phrase> {
        self.by_head.get(&h).into_iter().flatten().map(|&i| &self.list[i])
    }
}

/// The positions of `list`'s phrases (in its order) by the hash of their first word.
fn by_head<'a>(list: impl Iterator<Item = &'a Phrase>) -> ByHash<Vec<usize>> {
    let mut by_head: ByHash<Vec<usize>> = ByHash::default();
    for (i, p) in list.enumerate() {
        if let Some(&h) = p.hashes.first() {
            by_head.entry(h).or_default().push(i);
        }
    }
    by_head
}

impl std::ops::Deref for Phrases {
    type Target = [Phrase];
    fn deref(&self) -> &[Phrase] {
        &self.list
    }
}

/// A multi-word entry: its lowercase words, and each word's [`super::words::word_hash`]
/// (of the word without a possessive 's, as tokens keep theirs) so a match is tried only
/// where the hashes agree.
#[derive(Debug, Clone)]
pub struct Phrase {
    words: Vec<String>,
    pub hashes: Vec<u64>,
}

impl Phrase {
    pub fn new(words: Vec<String>) -> Phrase {
        let hashes = words
            .iter()
            .map(|w| super::words::word_hash(w.strip_suffix("'s").unwrap_or(w)))
            .collect();
        Phrase { words, hashes }
    }
}

impl std::ops::Deref for Phrase {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.words
    }
}

/// A hasher for keys that are already hashes ([`super::words::word_hash`]).
#[derive(Default, Clone, Copy)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("Prehashed only takes u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type ByHash<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<Prehashed>>;

pub struct Lexicon {
    /// Every single listed word with the lists it is in.
    pub flags: FxHashMap<String, u32>,
    /// The same, keyed by [`super::words::word_hash`]: the tokenizer's one lookup per word.
    pub flags_by_hash: ByHash<u32>,
    /// Multi-word cues with their role, longest first.
    pub cue_phrases: Vec<(Phrase, CueRole)>,
    /// Indexes into `cue_phrases` (in its order) by the hash of their first word.
    cue_heads: ByHash<Vec<usize>>,
    pub listeners: Phrases,
    pub org_phrases: Phrases,
    pub org_name_phrases: Phrases,
    pub event_phrases: Phrases,
    pub media_phrases: Phrases,
    pub group_phrases: Phrases,
    pub honorific_gender: FxHashMap<String, Gender>,
    pub pronouns: FxHashMap<String, PronounKind>,
    pub contractions: Vec<String>,
    /// Auxiliaries and modals ("would", "has"): a clause follows.
    pub auxiliaries: FxHashSet<String>,
    first_names: ByHash<FirstName>,
    places: FxHashSet<&'static str>,
    /// Nationality, place-word, place-opener and statistic bits ([`word`]) by word hash:
    /// one lookup per capitalised word.
    pub word_bits: ByHash<u8>,
    /// Words before a place ("in", "near"), by word hash.
    pub locatives: FxHashSet<u64>,
    /// Nouns after a place's name ("province", "county").
    pub place_nouns: FxHashSet<u64>,
    /// State and province abbreviations ("ont", "n.b.").
    pub state_abbreviations: FxHashSet<u64>,
    /// Surnames that East Asian names put first ("kim", "lu"): no first name to read.
    pub surnames_first: FxHashSet<u64>,
    /// Family words ("father", "wife").
    pub kin: FxHashSet<u64>,
    /// What a body publishes, which speaks for it ("statement", "report").
    pub document_nouns: FxHashSet<u64>,
    /// What a speaker issues in their own voice ("statement", "tweet").
    pub issued: FxHashSet<u64>,
    /// Words of a time after "this", "last", "next" ("week", "Monday").
    pub time_words: FxHashSet<u64>,
    /// The days of the week: "on Tuesday", "Tuesday night" are times (by word hash).
    pub weekdays: FxHashSet<u64>,
    /// The months (by word hash): like the days, times only when capitalised.
    pub months: FxHashSet<u64>,
    /// A time zone's words after "p.m." ("9 p.m. Eastern"), by word hash.
    pub time_zones: FxHashSet<u64>,
    /// "quoted … as saying": who is quoted speaks.
    pub quoting_verbs: FxHashSet<u64>,
    /// "executive partner of Tods Murray": a name after these in a role is the role's body.
    pub body_prepositions: FxHashSet<u64>,
    /// Words before a month that make it a date, not a first name ("in May Smith said").
    pub date_openers: FxHashSet<u64>,
    /// Counts a person is "of" ("the mother of two"), by word hash.
    pub kin_counts: FxHashSet<u64>,
    /// Words that pick people out of a group: "one of the players", "some in the community".
    pub quantifiers: FxHashSet<u64>,
    /// Adjectives that put people near someone: "sources close to the minister".
    pub near_adjectives: FxHashSet<u64>,
    /// Words no name is usually made of that are surnames too ("Theresa May", "Edward
    /// Said"), by word hash.
    pub surname_words: FxHashSet<u64>,
    /// Determiners that make a description definite ("the", "his"), by word hash.
    pub definite_determiners: FxHashSet<u64>,
    /// Endings of plural agent nouns ("-ers", "-ists").
    pub agent_plurals: Vec<String>,
    /// "this", "last", "next": before a time word, an adjunct (by word hash).
    pub time_deictics: FxHashSet<u64>,
    /// Subject pronouns that open a reported clause (by word hash).
    pub subject_pronouns: FxHashSet<u64>,
    /// Determiners that open a reported clause's subject (by word hash).
    pub clause_determiners: FxHashSet<u64>,
    /// People who speak for someone else ("spokeswoman"): never the person named after.
    pub stand_ins: FxHashSet<u64>,
    /// Generational suffixes that close a full name ("Jr.", "IV").
    pub name_suffixes: FxHashSet<u64>,
    /// Titles that, capitalised after "the", name a body ("the Scottish Executive").
    pub body_titles: FxHashSet<u64>,
    /// Endings of adjectives and other words that are no first name ("-ent", "-ous").
    pub adjective_endings: Vec<String>,
    /// Cue words that are nouns after a determiner ("the big reveal").
    pub cue_nouns: FxHashSet<u64>,
    /// Words that open an aside after a report, as a participle does: "…, he said, as talks resumed". (By word hash.)
    pub aside_openers: FxHashSet<u64>,
    /// How words reach the reporter after "by" ("by text message").
    pub channels: FxHashSet<u64>,
    /// Title modifiers that make another office: "the shadow chancellor", "the deputy
    /// mayor" is not the chancellor or the mayor.
    pub other_offices: FxHashSet<u64>,
    /// Verbs that name their object with a quote: "called the plan “a disaster”".
    pub naming_verbs: FxHashSet<u64>,
    /// Words opening a subordinate clause that may open reported content: "said as RCMP
    /// entered the camp, one person…".
    pub subordinators: FxHashSet<u64>,
    /// Words saying how often, between a cue and "that": "noted several times that".
    pub frequency: FxHashSet<u64>,
    /// Pronouns that may be a verb's object: "urged them to…".
    pub object_pronouns: FxHashSet<u64>,
    /// Words that give a relative clause a subject of its own (by word hash).
    pub clause_subjects: FxHashSet<u64>,
    /// Words after which a determiner does not open a reported clause's subject: "said of the plan". (By word hash.)
    pub clause_joiners: FxHashSet<u64>,
    /// Prepositions that end a description after its first word: "the minister in charge said". (By word hash.)
    pub description_breaks: FxHashSet<u64>,
    /// Prepositions after the head noun of a description before a cue: "supporters of reform said". (By word hash.)
    pub head_prepositions: FxHashSet<u64>,
    /// Forms of "be" that make a cue passive: "it has been reported that…". (By word hash.)
    pub be_forms: FxHashSet<u64>,
    /// Prepositions that make a name before a cue a place in an aside: "Johnnie Wilson, of Springfield, Va., said". (By word hash.)
    pub aside_prepositions: FxHashSet<u64>,
    /// Prepositions of a short phrase a speaker's apposition may hold: "The US ambassador to the United Nations,". (By word hash.)
    pub apposition_prepositions: FxHashSet<u64>,
    /// Cues that go on with the speaker quoted just before, as written: "…, it added." (By word hash.)
    pub continuing_cues: FxHashSet<u64>,
    /// Possessive determiners before a family word: "his father, Joseph,". (By word hash.)
    pub possessive_determiners: FxHashSet<u64>,
    /// Honorifics that alone are no role of a person ("Mr" is not a role). (By word hash.)
    pub bare_honorifics: FxHashSet<u64>,
    /// Organisation heads that the body's own name holds ("union", "city").
    pub named_heads: FxHashSet<u64>,
    /// Heads for a business ("company", "firm"), never a public body.
    pub company_heads: FxHashSet<u64>,
    /// Words of a public body's name ("government", "agency").
    pub public_bodies: FxHashSet<u64>,
}

/// Bits of [`Lexicon::word_bits`]: what a capitalised word is in the place and thing lists
/// (the tokenizer's flags have no room left).
pub mod word {
    pub const NATIONALITY: u8 = 1;
    pub const PLACE_WORD: u8 = 2;
    pub const PLACE_OPENER: u8 = 4;
    pub const STATISTIC: u8 = 8;
}

fn hashes(v: &[String]) -> FxHashSet<u64> {
    v.iter().map(|w| super::words::word_hash(w)).collect()
}

fn split_words(v: &[String]) -> Phrases {
    Phrases::new(
        v.iter()
            .map(|p| Phrase::new(p.split(' ').map(str::to_string).collect()))
            .collect(),
    )
}

fn parse_first_names() -> ByHash<FirstName> {
    // read as bytes: 47,000 lines, parsed at every start
    fn small(b: &[u8]) -> Option<u8> {
        if b.is_empty() || b.len() > 3 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        b.iter().try_fold(0u8, |n, d| n.checked_mul(10)?.checked_add(d - b'0'))
    }
    let mut out = ByHash::default();
    out.reserve(50_000);
    for line in FIRST_NAMES.as_bytes().split(|&b| b == b'\n') {
        if line.first() == Some(&b'#') {
            continue;
        }
        let mut f = line.split(|&b| b == b'\t');
        let (Some(name), Some(share), Some(freq)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let (Ok(name), Some(male_tenths), Some(log_births)) = (std::str::from_utf8(name), small(share), small(freq))
        else {
            continue;
        };
        out.insert(
            super::words::word_hash(name),
            FirstName {
                male_tenths,
                log_births,
            },
        );
    }
    out
}

/// Prefixes that make a title or a role of one: "co-host", "ex-minister".
const ROLE_PREFIXES: [&str; 2] = ["co-", "ex-"];

/// The shipped lexicon (tested to parse).
pub static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let f: File = match toml::from_str(LEXICON) {
        Ok(f) => f,
        Err(e) => panic!("assets/lexicon.toml is broken: {e}"),
    };
    let mut flags: FxHashMap<String, u32> = FxHashMap::default();
    // single words get the bit; multi-word entries go to a phrase list
    let add = |words: &[String], bit: u32, flags: &mut FxHashMap<String, u32>| -> Phrases {
        let (many, one): (Vec<String>, Vec<String>) = words.iter().cloned().partition(|w| w.contains(' '));
        for w in one {
            *flags.entry(w).or_default() |= bit;
        }
        split_words(&many)
    };
    let c = &f.cues;
    add(&c.say, flag::SAY, &mut flags);
    add(&c.reply, flag::REPLY, &mut flags);
    add(&c.clause, flag::CLAUSE, &mut flags);
    add(&c.listener_verbs, flag::LISTENER_VERB, &mut flags);
    let mut cue_phrases: Vec<(Phrase, CueRole)> = c
        .phrases
        .iter()
        .map(|(p, r)| (Phrase::new(p.split(' ').map(str::to_string).collect()), *r))
        .collect();
    cue_phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let heads: Vec<String> = cue_phrases.iter().map(|(p, _)| p[0].clone()).collect();
    add(&heads, flag::PHRASE_HEAD, &mut flags);
    let w = &f.words;
    let listeners = split_words(&w.listeners);
    add(&w.between, flag::BETWEEN, &mut flags);
    add(&w.determiners, flag::DETERMINER, &mut flags);
    add(&w.particles, flag::PARTICLE, &mut flags);
    add(&w.abbreviations, flag::ABBREVIATION, &mut flags);
    add(&w.coordinators, flag::COORDINATOR, &mut flags);
    add(&w.relatives, flag::RELATIVE, &mut flags);
    add(&w.adjuncts, flag::ADJUNCT, &mut flags);
    add(&w.clause_openers, flag::CLAUSE_OPENER, &mut flags);
    add(&w.not_clause_openers, flag::NOT_CLAUSE_OPENER, &mut flags);
    add(&w.stop_words, flag::STOP, &mut flags);
    add(&w.not_names, flag::NOT_NAME, &mut flags);
    let p = &f.people;
    add(&p.honorifics_male, flag::HONORIFIC, &mut flags);
    add(&p.honorifics_female, flag::HONORIFIC, &mut flags);
    add(&p.honorifics, flag::HONORIFIC, &mut flags);
    add(&p.titles, flag::TITLE, &mut flags);
    add(&p.title_modifiers, flag::TITLE_MOD, &mut flags);
    add(&p.role_nouns, flag::ROLE_NOUN, &mut flags);
    // "co-host", "ex-minister": a title or role with a prefix is one too
    let prefixed = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
            .flat_map(|w| ROLE_PREFIXES.iter().map(move |p| format!("{p}{w}")))
            .collect()
    };
    add(&prefixed(&p.titles), flag::TITLE, &mut flags);
    add(&prefixed(&p.role_nouns), flag::ROLE_NOUN, &mut flags);
    add(&p.speaker_nouns, flag::SPEAKER_NOUN, &mut flags);
    let t = &f.things;
    let org_phrases = add(&t.organisation_words, flag::ORG_WORD, &mut flags);
    let org_name_phrases = add(&t.organisations, flag::ORG_NAME, &mut flags);
    add(&t.organisation_nouns, flag::ORG_NOUN, &mut flags);
    add(&t.organisation_heads, flag::ORG_HEAD, &mut flags);
    let event_phrases = add(&t.event_heads, flag::EVENT, &mut flags);
    add(&t.media_words, flag::MEDIA_WORD, &mut flags);
    let media_phrases = add(&t.media, flag::MEDIA_NAME, &mut flags);
    let group_phrases = add(&t.groups, flag::GROUP, &mut flags);
    for phrases in [
        &org_phrases,
        &org_name_phrases,
        &event_phrases,
        &media_phrases,
        &group_phrases,
    ] {
        for p in phrases.iter() {
            *flags.entry(p[0].clone()).or_default() |= flag::THING_HEAD;
        }
    }
    let places: FxHashSet<&'static str> = PLACES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    for p in &places {
        let first = p.split(' ').next().unwrap_or(p);
        *flags.entry(first.to_string()).or_default() |= flag::THING_HEAD;
    }
    let pr = &f.pronouns;
    let mut pronouns = FxHashMap::default();
    for (list, kind) in [
        (&pr.male, PronounKind::Male),
        (&pr.female, PronounKind::Female),
        (&pr.plural, PronounKind::Plural),
        (&pr.first_person, PronounKind::FirstPerson),
        (&pr.neuter, PronounKind::Neuter),
    ] {
        for w in list {
            pronouns.insert(w.clone(), kind);
            *flags.entry(w.clone()).or_default() |= flag::PRONOUN;
        }
    }
    let contractions = w.contractions.clone();
    let mut honorific_gender = FxHashMap::default();
    for h in &p.honorifics_male {
        honorific_gender.insert(h.clone(), Gender::Male);
    }
    for h in &p.honorifics_female {
        honorific_gender.insert(h.clone(), Gender::Female);
    }
    let flags_by_hash = flags.iter().map(|(w, f)| (super::words::word_hash(w), *f)).collect();
    Lexicon {
        flags,
        flags_by_hash,
        cue_heads: by_head(cue_phrases.iter().map(|(p, _)| p)),
        cue_phrases,
        listeners,
        org_phrases,
        org_name_phrases,
        event_phrases,
        media_phrases,
        group_phrases,
        honorific_gender,
        pronouns,
        contractions,
        auxiliaries: w.auxiliaries.iter().cloned().collect(),
        first_names: parse_first_names(),
        places,
        word_bits: {
            let mut m: ByHash<u8> = ByHash::default();
            for (list, bit) in [
                (&f.places.nationalities, word::NATIONALITY),
                (&f.places.place_words, word::PLACE_WORD),
                (&f.places.place_openers, word::PLACE_OPENER),
                (&f.things.statistics, word::STATISTIC),
            ] {
                for w in list {
                    *m.entry(super::words::word_hash(w)).or_default() |= bit;
                }
            }
            m
        },
        locatives: hashes(&f.places.locatives),
        place_nouns: hashes(&f.places.place_nouns),
        state_abbreviations: hashes(&f.places.state_abbreviations),
        surnames_first: hashes(&p.surnames_first),
        kin: hashes(&p.kin),
        document_nouns: hashes(&f.things.documents),
        issued: hashes(&f.things.issued),
        time_words: hashes(&f.words.time_words),
        weekdays: hashes(&f.words.weekdays),
        months: hashes(&f.words.months),
        time_zones: hashes(&f.words.time_zones),
        quoting_verbs: hashes(&f.words.quoting_verbs),
        body_prepositions: hashes(&f.words.body_prepositions),
        date_openers: hashes(&f.words.date_openers),
        kin_counts: hashes(&f.words.kin_counts),
        quantifiers: hashes(&f.words.quantifiers),
        near_adjectives: hashes(&f.words.near_adjectives),
        surname_words: hashes(&f.words.surname_words),
        definite_determiners: hashes(&w.definite_determiners),
        agent_plurals: w.agent_plurals.clone(),
        time_deictics: hashes(&w.time_deictics),
        subject_pronouns: hashes(&w.subject_pronouns),
        clause_determiners: hashes(&w.clause_determiners),
        stand_ins: hashes(&p.stand_ins),
        name_suffixes: hashes(&p.name_suffixes),
        body_titles: hashes(&p.body_titles),
        adjective_endings: w.adjective_endings.clone(),
        cue_nouns: hashes(&w.cue_nouns),
        aside_openers: hashes(&w.aside_openers),
        channels: hashes(&w.channels),
        other_offices: hashes(&w.other_offices),
        naming_verbs: hashes(&w.naming_verbs),
        subordinators: hashes(&w.subordinators),
        frequency: hashes(&w.frequency),
        object_pronouns: hashes(&w.object_pronouns),
        clause_subjects: hashes(&w.clause_subjects),
        clause_joiners: hashes(&w.clause_joiners),
        description_breaks: hashes(&w.description_breaks),
        head_prepositions: hashes(&w.head_prepositions),
        be_forms: hashes(&w.be_forms),
        aside_prepositions: hashes(&w.aside_prepositions),
        apposition_prepositions: hashes(&w.apposition_prepositions),
        continuing_cues: hashes(&w.continuing_cues),
        possessive_determiners: hashes(&w.possessive_determiners),
        bare_honorifics: hashes(&w.bare_honorifics),
        named_heads: hashes(&f.things.named_heads),
        company_heads: hashes(&f.things.company_heads),
        public_bodies: hashes(&f.things.public_bodies),
    }
});

impl Lexicon {
    /// Is lowercase word `w` in any of the lists `bits` names?
    pub fn is(&self, w: &str, bits: u32) -> bool {
        self.flags.get(w).is_some_and(|f| f & bits != 0)
    }

    /// The flags of the word whose [`super::words::word_hash`] is `h` (0 if none).
    pub fn flags_of(&self, h: u64) -> u32 {
        self.flags_by_hash.get(&h).copied().unwrap_or(0)
    }

    /// The multi-word cues (longest first) whose first word has hash `h`.
    pub fn cue_phrases_at(&self, h: u64) -> impl Iterator<Item = &(Phrase, CueRole)> {
        self.cue_heads
            .get(&h)
            .into_iter()
            .flatten()
            .map(|&i| &self.cue_phrases[i])
    }

    pub fn is_cue(&self, w: &str) -> bool {
        self.is(w, flag::CUE)
    }

    /// The first-name table's entry for lowercase `w`.
    pub fn first_name(&self, w: &str) -> Option<FirstName> {
        self.first_name_by_hash(super::words::word_hash(w))
    }

    /// The first-name table's entry for a word by its [`super::words::word_hash`].
    pub fn first_name_by_hash(&self, h: u64) -> Option<FirstName> {
        self.first_names.get(&h).copied()
    }

    /// Lowercase `name` (words joined by single spaces) is a place: a country, a US state,
    /// a continent or region, a big city.
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }

    /// Lowercase `w` joins nationalities with hyphens ("franco-algerian",
    /// "mexican-american", "sino-japanese"): each part a listed nationality or a combining
    /// form of one ("franco", "anglo", "sino"), and the last a nationality.
    pub fn compound_nationality(&self, w: &str) -> bool {
        let nat =
            |p: &str| self.word_bits.get(&super::words::word_hash(p)).copied().unwrap_or(0) & word::NATIONALITY != 0;
        let combining = |p: &str| p.len() >= 4 && p.ends_with('o') && p.is_ascii();
        w.rsplit_once(['-', '‐'])
            .is_some_and(|(rest, last)| nat(last) && rest.split(['-', '‐']).all(|p| nat(p) || combining(p)))
    }

    /// The gender a first name tells, when nearly all its bearers share it.
    pub fn first_name_gender(&self, w: &str) -> Option<Gender> {
        self.first_name_gender_by_hash(super::words::word_hash(w))
    }

    /// [`Self::first_name_gender`] of a word by its [`super::words::word_hash`].
    pub fn first_name_gender_by_hash(&self, h: u64) -> Option<Gender> {
        let f = self.first_name_by_hash(h)?;
        if f.male_tenths >= GENDER_SURE_TENTHS {
            Some(Gender::Male)
        } else if f.male_tenths <= 10 - GENDER_SURE_TENTHS {
            Some(Gender::Female)
        } else {
            None
        }
    }
}

/// A first name tells the gender when at least this many tenths of its bearers share it
/// ("Kim" and "Jordan" tell none).
pub const GENDER_SURE_TENTHS: u8 = 9;

/// Does `words` (lowercase) contain one of `phrases` as consecutive words?
pub fn contains_phrase(words: &[&str], phrases: &Phrases) -> bool {
    phrases.iter().any(|p| {
        words
            .windows(p.len())
            .any(|w| w.iter().zip(p.iter()).all(|(a, b)| a == b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicon_parses() {
        assert!(LEX.is_cue("said"));
        assert!(
            LEX.cue_phrases
                .iter()
                .any(|(p, r)| p.join(" ") == "according to" && *r == CueRole::Source)
        );
        assert!(LEX.is("responded", flag::REPLY) && !LEX.is("responded", flag::SAY));
    }

    #[test]
    fn tables_load() {
        assert_eq!(LEX.first_name_gender("vladimir"), Some(Gender::Male));
        assert_eq!(LEX.first_name_gender("nikki"), Some(Gender::Female));
        assert_eq!(LEX.first_name_gender("kim"), None);
        assert!(LEX.first_name("currently").is_none());
        assert!(LEX.is_place("russia") && LEX.is_place("new york") && !LEX.is_place("kosachev"));
    }
}
