//! One identity per person across the corpus. Names are compared folded: case, diacritics,
//! punctuation and name order do not matter. A bare surname joins a full name only when
//! exactly one person in the corpus has that surname; two different full names are never
//! merged. Organisations are identities too, marked as such.

use super::refs::QuoteRef;
use crate::quotes::{Quote, QuoteKind, SpeakerKind};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

pub type PersonId = usize;

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub kind: SpeakerKind,
    /// Other ways the text names them ("Kosachev", "Mr Peskov").
    pub aliases: Vec<String>,
    /// Roles seen with the name.
    pub roles: Vec<String>,
    /// Article indexes, in corpus order.
    pub articles: Vec<usize>,
    /// (article, quote) indexes of their quotes, in reading order.
    pub quotes: Vec<QuoteRef>,
    /// Folded forms of the name and aliases, for lookups.
    #[serde(skip)]
    pub keys: Vec<String>,
    /// Folded roles, to keep `roles` free of repeats without re-folding them.
    #[serde(skip)]
    role_keys: rustc_hash::FxHashSet<String>,
}

/// Lowercase, no diacritics, letters and digits only, single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    if s.is_ascii() {
        // most names: no accents to take off, so no decomposition
        for &b in s.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(b.to_ascii_lowercase() as char);
            } else if !matches!(b, b'\'' | b'.') {
                space = true;
            }
        }
        return out;
    }
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' || c == '.' {
            // O'Brien, J.R.: joined, not split
        } else {
            space = true;
        }
    }
    out
}

/// The folded name with its words sorted: "putin vladimir" and "vladimir putin" agree.
pub fn order_key(folded: &str) -> String {
    let mut w: Vec<&str> = folded.split(' ').collect();
    w.sort_unstable();
    w.join(" ")
}

fn is_honorific_only(role: &str) -> bool {
    crate::text::lexicon::LEX
        .bare_honorifics
        .contains(&crate::text::words::word_hash(&fold(role)))
}

/// A bare surname several people share in the corpus joins the one quoted at least this
/// many times as often as all the others together ("Blair": Tony Blair, not Ian Blair).
const DOMINANT_RATIO: usize = 5;

/// The owner of a shared surname whose quotes dominate the others', if any.
fn dominant(owners: &[usize], quotes: &HashMap<usize, usize>) -> Option<usize> {
    let count = |id: &usize| quotes.get(id).copied().unwrap_or(0);
    let top = owners.iter().copied().max_by_key(count)?;
    let rest: usize = owners.iter().filter(|&&o| o != top).map(count).sum();
    (count(&top) >= DOMINANT_RATIO * rest.max(1)).then_some(top)
}

/// Identities for the speakers of `quotes`; returns the people (most-quoted first) and
/// each quote's person id.
pub fn identify(quotes: &[Vec<Quote>]) -> (Vec<Person>, Vec<Vec<Option<PersonId>>>) {
    // 1. full keys of multi-word person names, and orgs
    let mut names = Names::default();
    let mut surname_owners: HashMap<String, Vec<usize>> = HashMap::default();
    // quotes under each full name, to tell the dominant bearer of a shared surname
    let mut full_quotes: HashMap<usize, usize> = HashMap::default();
    let is_person = |q: &Quote| q.speaker_kind == Some(SpeakerKind::Person);
    // a name seen before is the same person: folded once
    let mut full_memo: rustc_hash::FxHashMap<&str, Option<usize>> = rustc_hash::FxHashMap::default();
    for qs in quotes {
        for q in qs {
            if q.kind == QuoteKind::Scare {
                continue;
            }
            if let Some(s) = &q.speaker
                && is_person(q)
            {
                if let Some(known) = full_memo.get(s.as_str()) {
                    if let Some(id) = known {
                        *full_quotes.entry(*id).or_default() += 1;
                    }
                    continue;
                }
                if !fold(s).contains(' ') {
                    full_memo.insert(s, None);
                    continue;
                }
                let id = names.get(s, SpeakerKind::Person);
                full_memo.insert(s, Some(id));
                *full_quotes.entry(id).or_default() += 1;
                // the surname is the last word as written: "Saint-Andre" is not "Andre"
                let written_last = s.rsplit(char::is_whitespace).next().unwrap_or(s);
                let last = fold(written_last);
                if !last.contains(' ') {
                    let owners = surname_owners.entry(last).or_default();
                    if !owners.contains(&id) {
                        owners.push(id);
                    }
                }
            }
        }
    }
    // 2. every quote: single-word names join the one full name with that surname
    let mut speakers: Vec<Vec<Option<PersonId>>> = Vec::with_capacity(quotes.len());
    // the same speaker string resolves the same way every time: remember it
    let mut memo: rustc_hash::FxHashMap<(&str, bool), Option<usize>> = rustc_hash::FxHashMap::default();
    // what a person's aliases and roles already hold (by the words as written)
    let mut seen: rustc_hash::FxHashSet<(usize, u8, &str)> = rustc_hash::FxHashSet::default();
    for (ai, qs) in quotes.iter().enumerate() {
        let mut row = Vec::with_capacity(qs.len());
        for (qi, q) in qs.iter().enumerate() {
            let memo_key = q
                .speaker
                .as_deref()
                .map(|s| (s, q.speaker_kind == Some(SpeakerKind::Organization)));
            let known = match (memo_key, q.kind) {
                (Some(k), QuoteKind::Direct | QuoteKind::Indirect | QuoteKind::Mixed) => memo.get(&k).copied(),
                _ => None,
            };
            let id = if let Some(id) = known {
                id
            } else {
                match (&q.speaker, q.speaker_kind, q.kind) {
                    (_, _, QuoteKind::Scare) | (None, _, _) => None,
                    (Some(s), Some(SpeakerKind::Organization), _) => Some(names.get(s, SpeakerKind::Organization)),
                    (Some(s), Some(SpeakerKind::Person), _) => {
                        let f = fold(s);
                        if f.is_empty() {
                            None
                        } else if f.contains(' ') {
                            Some(names.get(s, SpeakerKind::Person))
                        } else {
                            match surname_owners.get(&f).map(Vec::as_slice) {
                                Some([one]) => Some(*one),
                                Some(owners) => match dominant(owners, &full_quotes) {
                                    Some(one) => Some(one),
                                    None => Some(names.get(s, SpeakerKind::Person)),
                                },
                                None => Some(names.get(s, SpeakerKind::Person)),
                            }
                        }
                    }
                    _ => None,
                }
            };
            if let (Some(k), true) = (memo_key, q.kind != QuoteKind::Scare) {
                memo.insert(k, id);
            }
            if let Some(id) = id {
                record(&mut names.people[id], q, (ai, qi), id, &mut seen);
            }
            row.push(id);
        }
        speakers.push(row);
    }
    most_quoted_first(names.people, speakers)
}

/// Quote `(ai, qi)` is person `id`'s (`p`): its article, and the mention, the speaker's
/// name and the role as aliases and roles when new (`seen` holds those already taken, by
/// the words as written).
fn record<'q>(
    p: &mut Person,
    q: &'q Quote,
    (ai, qi): (usize, usize),
    id: usize,
    seen: &mut rustc_hash::FxHashSet<(usize, u8, &'q str)>,
) {
    p.quotes.push(QuoteRef::new(ai, qi));
    if p.articles.last() != Some(&ai) {
        p.articles.push(ai);
    }
    if let Some(m) = &q.mention
        && seen.insert((id, 0, m.as_str()))
        && q.speaker.as_deref() != Some(m.as_str())
        && !matches!(fold(m).as_str(), "he" | "she" | "i")
        && m != &p.name
        && !p.aliases.iter().any(|a| a == m)
        && m.chars().next().is_some_and(char::is_uppercase)
    {
        p.aliases.push(m.clone());
        p.keys.push(fold(m));
    }
    if let Some(s) = &q.speaker
        && seen.insert((id, 1, s.as_str()))
        && s != &p.name
        && !p.aliases.contains(s)
    {
        p.aliases.push(s.clone());
        p.keys.push(fold(s));
    }
    if let Some(r) = &q.role
        && seen.insert((id, 2, r.as_str()))
        && !is_honorific_only(r)
        && p.role_keys.insert(fold(r))
    {
        p.roles.push(r.clone());
    }
}

/// People in the order the people view lists them, most quoted first (those quoted
/// nowhere left out), with the quotes' ids remapped.
fn most_quoted_first(
    people: Vec<Person>,
    mut speakers: Vec<Vec<Option<PersonId>>>,
) -> (Vec<Person>, Vec<Vec<Option<PersonId>>>) {
    let mut order: Vec<usize> = (0..people.len()).filter(|&i| !people[i].quotes.is_empty()).collect();
    order.sort_by(|&a, &b| {
        people[b]
            .quotes
            .len()
            .cmp(&people[a].quotes.len())
            .then(people[b].articles.len().cmp(&people[a].articles.len()))
            .then_with(|| people[a].name.cmp(&people[b].name))
    });
    let mut remap = vec![None; people.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = Some(new);
    }
    let mut sorted: Vec<Person> = Vec::with_capacity(order.len());
    let mut slots: Vec<Option<Person>> = people.into_iter().map(Some).collect();
    for &old in &order {
        if let Some(p) = slots[old].take() {
            sorted.push(p);
        }
    }
    for row in &mut speakers {
        for s in row.iter_mut() {
            *s = s.and_then(|id| remap[id]);
        }
    }
    (sorted, speakers)
}

/// Everyone found so far, one per (order key, organisation or not).
#[derive(Default)]
struct Names {
    by_key: HashMap<(String, bool), usize>,
    people: Vec<Person>,
}

impl Names {
    /// The id of `name` (of `kind`), added if new.
    fn get(&mut self, name: &str, kind: SpeakerKind) -> usize {
        let f = fold(name);
        let k = (order_key(&f), kind == SpeakerKind::Organization);
        let people = &mut self.people;
        *self.by_key.entry(k).or_insert_with(|| {
            people.push(Person {
                name: name.to_string(),
                kind,
                aliases: vec![],
                roles: vec![],
                articles: vec![],
                quotes: vec![],
                keys: vec![f],
                role_keys: Default::default(),
            });
            people.len() - 1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  Aleksey  PUSHKOV"), "aleksey pushkov");
        assert_eq!(fold("José Mourinho"), "jose mourinho");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(order_key("putin vladimir"), order_key("vladimir putin"));
    }
}
