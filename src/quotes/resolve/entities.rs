//! The people and things an article names ([`Entities`]): a name joins the entity it fits
//! (a surname, a short form, an acronym, a first name), with its gender and roles.

use super::*;

/// How an entity is shown: the name as said at a byte range (whitespace collapsed,
/// possessive dropped), or a name already written out.
#[derive(Debug, Clone)]
pub(super) enum Shown {
    At(usize, usize),
    Text(String),
}

impl Shown {
    pub(super) fn render(&self, text: &str) -> String {
        match self {
            Shown::At(a, b) => {
                let s = crate::text::words::name_words(&text[*a..*b]);
                let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(&s);
                mentions::strip_possessive(s).to_string()
            }
            Shown::Text(s) => s.clone(),
        }
    }
}

/// A person or thing of the article.
#[derive(Debug, Clone)]
pub(super) struct Entity {
    pub(super) words: Vec<u64>,
    /// For an organisation of three words or more: its initials ("cmhc"), hashed.
    pub(super) initials: Option<u64>,
    /// The gender the first name of the fullest name tells.
    pub(super) name_gender: Option<Gender>,
    /// How male that first name is, in tenths of its bearers, when it tells no gender.
    pub(super) name_lean: Option<u8>,
    pub(super) display: Shown,
    pub(super) kind: EntityType,
    /// Known only by a description.
    pub(super) unnamed: bool,
    pub(super) honorific_gender: Option<Gender>,
    pub(super) roles: Vec<RoleSpan>,
    pub(super) role_words: FxHashSet<u64>,
    /// The stems of the role words that are offices, not honorifics ("minister" of "Mr").
    pub(super) office_words: FxHashSet<u64>,
    /// The stems of the names a role ties them to ("ireland" of "Ireland manager").
    pub(super) role_bodies: FxHashSet<u64>,
    /// Where the clustering last assigned a mention to this entity.
    pub(super) seen_pos: usize,
    /// Where it last assigned one holding the surname: a bare surname two people share
    /// goes by this ("Megda Belkacemi … her father Khaled … Belkacemi says" is Megda).
    pub(super) named_pos: usize,
    /// How often a surname alone has named them: the bare surname keeps naming whom it
    /// named before when someone sharing it comes up ("Chris Murphy … Murphy said … a
    /// teacher's aide, Anne Marie Murphy … Murphy said" is Chris).
    pub(super) bare_uses: u32,
    /// The mention at `named_pos` opened its sentence.
    pub(super) named_subject: bool,
    // salience while walking the article
    pub(super) count: i32,
    pub(super) last_pos: usize,
    pub(super) last_sentence: usize,
    pub(super) last_para: usize,
    pub(super) last_subject: bool,
    pub(super) last_possessive: bool,
    pub(super) spoke_at: Option<usize>,
}

impl Entity {
    pub(super) fn gender(&self) -> Option<Gender> {
        self.honorific_gender.or(self.name_gender)
    }
}

/// How `short` can name the person whose fullest name so far is `long`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Fit {
    /// A first name alone ("Liam").
    Given,
    /// The same first and last name, middle names aside ("Charles Rangel").
    Middle,
    /// A tail: the surname, or the name itself ("Fox", "van der Pluijm", "Liam Fox").
    Tail,
}

pub(super) fn fit(a: &[u64], b: &[u64]) -> Option<Fit> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return None;
    }
    // the surname `a` alone after the full name `b`: "Kennedy" of "Robert F. Kennedy Jr.",
    // "Pate" of "Luther Stan Pate IV" ("Donald Trump" is not "Donald Trump Jr.", nor is
    // the "Mr. Trump" said before)
    let long = match long.split_last() {
        Some((last, rest))
            if rest.len() >= 2 && a.len() == 1 && a.last() != Some(last) && LEX.name_suffixes.contains(last) =>
        {
            rest
        }
        _ => long,
    };
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

pub(super) fn gender_fits(g: Option<Gender>, e: &Entity) -> bool {
    match (g, e.gender()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

pub(super) struct Entities {
    pub(super) all: Vec<Entity>,
    /// How many times the article says each full name (two or more words), by
    /// [`seq_hash`].
    pub(super) prominence: crate::text::lexicon::ByHash<usize>,
}

impl Entities {
    /// The person `name` (said at `pos`, with honorific gender `g`) is, creating them if new.
    pub(super) fn person(
        &mut self,
        text: &str,
        name: Shown,
        w: &[u64],
        g: Option<Gender>,
        pos: usize,
    ) -> Option<usize> {
        self.person_as(text, name, w, g, pos, (false, true))
    }

    /// [`Entities::person`]; `apart`: a first name alone that names someone new unless the
    /// article knows that very name ("Spindler's father, Joseph,"); `subject`: the name
    /// opens its sentence.
    pub(super) fn person_as(
        &mut self,
        text: &str,
        name: Shown,
        w: &[u64],
        g: Option<Gender>,
        pos: usize,
        (apart, subject): (bool, bool),
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
            // a fuller fit first; among people who share a surname, the one the surname
            // alone has named, else one just named with it as a sentence's subject ("…
            // for his wife Hillary Clinton. ¶ “…,” Clinton said" is not Hillary), else
            // the one the article names more often
            .max_by_key(|(_, f, e)| {
                let bare = *f == Fit::Tail && w.len() == 1;
                let at = if bare { e.named_pos } else { e.seen_pos };
                let recent = at + RECENT_BYTES > pos && (!bare || e.named_subject);
                (*f, bare && e.bare_uses > 0, recent, prominence(e), at)
            })
            .map(|(i, _, _)| i);
        let i = match best {
            Some(i) => {
                let e = &mut self.all[i];
                if w.len() == 1 && e.words.len() > 1 && e.words.last() == w.last() {
                    e.bare_uses += 1;
                }
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
            self.all[i].named_subject = subject;
        }
        Some(i)
    }

    /// The named person whose role, said with their name, holds the words of the
    /// description `desc` ("the former Mexican president" → "former Mexican President
    /// Felipe Calderon").
    pub(super) fn by_role(&self, desc: &[u64]) -> Option<usize> {
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
    pub(super) fn unnamed(&mut self, desc: Shown, w: &[u64], g: Option<Gender>) -> usize {
        if let Some(i) = self.all.iter().position(|e| e.unnamed && e.words == w) {
            return i;
        }
        let mut e = Entity::new(w.to_vec(), desc, EntityType::Person, g);
        e.unnamed = true;
        self.all.push(e);
        self.all.len() - 1
    }

    pub(super) fn thing(&mut self, text: &str, name: Shown, w: &[u64], kind: EntityType) -> usize {
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
pub(super) fn short_form(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.len() < long.len() && (long.starts_with(short) || long.ends_with(short))
}

/// `w` is one word, the acronym whose hash is `initials`.
pub(super) fn acronym_of(w: &[u64], initials: Option<u64>) -> bool {
    w.len() == 1 && initials == Some(w[0])
}

/// The initials of a name of three words or more, as a [`word_hash`] of the lowercase
/// letters: "Canada Mortgage and Housing Corporation" → "cmhc" (lowercase words skipped).
pub(super) fn initials(name: &str) -> Option<u64> {
    let letters: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .flat_map(char::to_lowercase)
        .collect();
    (letters.chars().count() >= 3).then(|| word_hash(&letters))
}

impl Entity {
    pub(super) fn new(words: Vec<u64>, display: Shown, kind: EntityType, g: Option<Gender>) -> Entity {
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
            office_words: FxHashSet::default(),
            role_bodies: FxHashSet::default(),
            seen_pos: 0,
            named_pos: 0,
            bare_uses: 0,
            named_subject: false,
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
pub(super) fn first_name(name: &str, words: usize) -> Option<String> {
    if words < 2 {
        return None;
    }
    let first = name.split_whitespace().next()?.to_lowercase();
    (!LEX.surnames_first.contains(&word_hash(&first))).then_some(first)
}

/// The gender the first name of `name` tells, when it has a first name.
pub(super) fn first_name_gender(name: &str, words: usize) -> Option<Gender> {
    LEX.first_name_gender(&first_name(name, words)?)
}

/// How male the first name of `name` is (in tenths of its bearers), when it has one.
pub(super) fn first_name_lean(name: &str, words: usize) -> Option<u8> {
    LEX.first_name_by_hash(word_hash(&first_name(name, words)?))
        .map(|f| f.male_tenths)
}

/// The honorific gender of a mention: only an honorific counts, not a guess from a first
/// name (the entity makes that guess from its fullest name).
pub(super) fn honorific_gender(text: &str, mention: (usize, usize), name_pos: usize) -> Option<Gender> {
    if name_pos <= mention.0 {
        return None;
    }
    text[mention.0..name_pos]
        .split_whitespace()
        .rev()
        .find_map(|w| LEX.honorific_gender.get(w.to_lowercase().as_str()).copied())
}
