//! Resolution inside an article: a surname or honorific form ("Kosachev", "Mr Peskov")
//! becomes the fullest name used for that person; a pronoun ("he added") becomes the
//! person it refers to — the last attributed speaker nearby if compatible, else the
//! subject of the nearest sentence naming someone. Descriptions stay descriptions.

use super::mentions::Gender;
use super::{ItemOut, Quote, QuoteKind, RawKind, SpeakerKind};
use std::collections::HashMap;

/// A person's name seen in the article (outside quotes).
#[derive(Debug, Clone)]
pub struct NameOcc {
    pub pos: usize,
    pub name: String,
    pub gender: Option<Gender>,
    pub sentence: usize,
    /// The name opens its sentence (the likely subject).
    pub subject: bool,
}

fn tokens(name: &str) -> Vec<String> {
    name.split_whitespace().map(|w| w.to_lowercase()).collect()
}

/// `short` is a tail of `long` ("Kosachev" of "Konstantin Kosachev") or equal to it.
fn is_tail(short: &[String], long: &[String]) -> bool {
    short.len() <= long.len() && long[long.len() - short.len()..] == *short
}

struct People<'a> {
    names: &'a [NameOcc],
    /// Gender known for a name's last token (from honorifics and resolved pronouns).
    gender: HashMap<String, Gender>,
}

impl People<'_> {
    /// The fullest name in the article that `name` is a tail of; the nearest one before
    /// `pos` when several (two Clintons), else the first after.
    fn fullest(&self, name: &str, pos: usize) -> String {
        let short = tokens(name);
        let cands: Vec<(&NameOcc, usize)> = self
            .names
            .iter()
            .filter_map(|n| {
                let long = tokens(&n.name);
                (long.len() > short.len() && is_tail(&short, &long)).then_some((n, long.len()))
            })
            .collect();
        let before = cands
            .iter()
            .filter(|(n, _)| n.pos <= pos)
            .max_by_key(|(n, l)| (n.pos, *l));
        let after = cands
            .iter()
            .filter(|(n, _)| n.pos > pos)
            .min_by_key(|(n, l)| (n.pos, std::cmp::Reverse(*l)));
        before
            .or(after)
            .map_or_else(|| name.to_string(), |(n, _)| n.name.clone())
    }

    fn gender_of(&self, name: &str) -> Option<Gender> {
        tokens(name).last().and_then(|l| self.gender.get(l).copied())
    }
}

/// Turn items into quotes with resolved speakers.
pub(crate) fn resolve(text: &str, items: Vec<ItemOut>, names: &[NameOcc]) -> Vec<Quote> {
    let mut people = People {
        names,
        gender: HashMap::new(),
    };
    for n in names {
        if let (Some(g), Some(last)) = (n.gender, tokens(&n.name).last()) {
            people.gender.insert(last.clone(), g);
        }
    }
    let mut out: Vec<Quote> = Vec::with_capacity(items.len());
    // the last attributed person and where
    let mut last_person: Option<(String, usize)> = None;
    for it in items {
        let mut q = Quote {
            start: it.start,
            end: it.end,
            kind: it.kind,
            speaker: None,
            speaker_kind: None,
            mention: None,
            mention_start: None,
            mention_end: None,
            cue: it.cue.map(|(a, b)| crate::corpus::clean::collapse(&text[a..b])),
            role: None,
            group: it.group,
            para: it.para,
        };
        if let Some(r) = &it.speaker
            && it.kind != QuoteKind::Scare
        {
            q.mention = Some(crate::corpus::clean::collapse(&text[r.mention.0..r.mention.1]));
            q.mention_start = Some(r.mention.0);
            q.mention_end = Some(r.mention.1);
            q.role = r.role.clone();
            match &r.kind {
                RawKind::Name(n) => {
                    let full = people.fullest(n, r.mention.0);
                    if let Some(g) = r.gender
                        && let Some(last) = tokens(&full).last()
                    {
                        people.gender.insert(last.clone(), g);
                    }
                    q.speaker = Some(full.clone());
                    q.speaker_kind = Some(SpeakerKind::Person);
                    last_person = Some((full, it.para));
                }
                RawKind::Org(n) => {
                    q.speaker = Some(n.clone());
                    q.speaker_kind = Some(SpeakerKind::Organization);
                }
                RawKind::Description => q.speaker_kind = Some(SpeakerKind::Description),
                RawKind::Pronoun { plural: true, .. } => q.speaker_kind = Some(SpeakerKind::Description),
                RawKind::Pronoun { gender, plural: false } => {
                    let name = antecedent(&people, &last_person, *gender, r.mention.0, it.para, &out);
                    match name {
                        Some(n) => {
                            if let (Some(g), Some(last)) = (*gender, tokens(&n).last()) {
                                people.gender.entry(last.clone()).or_insert(g);
                            }
                            q.speaker = Some(n.clone());
                            q.speaker_kind = Some(SpeakerKind::Person);
                            last_person = Some((n, it.para));
                        }
                        None => q.speaker_kind = Some(SpeakerKind::Description),
                    }
                }
            }
        }
        out.push(q);
    }
    out
}

fn compatible(people: &People, name: &str, g: Option<Gender>) -> bool {
    match (g, people.gender_of(name)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The person a pronoun at `pos` refers to.
fn antecedent(
    people: &People,
    last_person: &Option<(String, usize)>,
    g: Option<Gender>,
    pos: usize,
    para: usize,
    _done: &[Quote],
) -> Option<String> {
    // the last attributed speaker, in this paragraph or the one before
    let recent_speaker = last_person
        .as_ref()
        .filter(|(n, p)| *p + 1 >= para && compatible(people, n, g));
    // the nearest sentence before the pronoun that names someone compatible
    let before: Vec<&NameOcc> = people
        .names
        .iter()
        .filter(|n| n.pos < pos && compatible(people, &n.name, g))
        .collect();
    let named = before.last().map(|last| {
        let sentence: Vec<&&NameOcc> = before.iter().filter(|n| n.sentence == last.sentence).collect();
        let pick = sentence
            .iter()
            .find(|n| n.subject)
            .unwrap_or(sentence.last().unwrap_or(&last));
        (pick.name.clone(), pick.pos)
    });
    match (recent_speaker, named) {
        (Some((s, _)), Some((n, npos))) => {
            // a person named after the last speaker's quote, as a sentence subject, wins
            let s_pos = people
                .names
                .iter()
                .rev()
                .find(|o| o.pos < pos && is_tail(&tokens(&o.name), &tokens(s)))
                .map_or(0, |o| o.pos);
            let subject_named_later = npos > s_pos && people.names.iter().any(|o| o.pos == npos && o.subject);
            if subject_named_later && !is_tail(&tokens(&n), &tokens(s)) {
                Some(people.fullest(&n, npos))
            } else {
                Some(s.clone())
            }
        }
        (Some((s, _)), None) => Some(s.clone()),
        (None, Some((n, npos))) => Some(people.fullest(&n, npos)),
        (None, None) => None,
    }
}
