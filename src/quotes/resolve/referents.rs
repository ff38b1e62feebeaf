//! Who a mention that names no one refers to: a pronoun's antecedent, the organisation
//! "it" or "the company" is, the person a description describes, the speaker a quote
//! standing alone carries on.

use super::*;

/// "Trudeau made the comments … The prime minister said": a title ("the prime minister",
/// "the mayor") that no role links goes to the person the article is about — named far
/// more often than anyone else — when the description is a title that person may hold:
/// not one who speaks for someone ("the spokesman", "his lawyer", "the prime minister's
/// spokesman"), not a title other than the roles the article gives them ("the prime
/// minister" of a businessman), and not one tied to a name the roles do not hold ("the
/// Tottenham striker", "the New Jersey governor"); a nationality may ("the Russian
/// president").
pub(super) fn main_person(ents: &Entities, head: &str, mention: &str) -> Option<usize> {
    if !LEX.is(head, flag::TITLE) || head.ends_with('s') || LEX.stand_ins.contains(&word_hash(head)) {
        return None;
    }
    let words: Vec<&str> = mention.split_whitespace().collect();
    let whose = |w: &str| {
        w.ends_with("'s") || w.ends_with("’s") || LEX.possessive_determiners.contains(&word_hash(&w.to_lowercase()))
    };
    if words.iter().any(|w| whose(w)) {
        return None;
    }
    let mut people: Vec<(usize, &Entity)> = ents
        .all
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Person && !e.unnamed && e.count > 0)
        .collect();
    people.sort_by_key(|(_, e)| std::cmp::Reverse(e.count));
    let (top, e) = *people.first()?;
    let second = people.get(1).map_or(0, |(_, e)| e.count);
    if e.count < MAIN_PERSON_MENTIONS || e.count < MAIN_PERSON_RATIO * second {
        return None;
    }
    let modifiers: Vec<(&str, String)> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .map(|w| (w, w.to_lowercase()))
        .filter(|(_, l)| !l.is_empty() && !LEX.is(l, flag::DETERMINER) && *l != head)
        .collect();
    // "the shadow chancellor", "the deputy mayor": another office than the one they hold
    if modifiers
        .iter()
        .any(|(_, l)| LEX.other_offices.contains(&word_hash(l)) && !e.role_words.contains(&stem_hash(l)))
    {
        return None;
    }
    // "the England striker" of "England forward Michael Owen": a word their roles hold
    let offices = &e.office_words;
    let held = modifiers.iter().any(|(_, l)| offices.contains(&stem_hash(l)));
    if !offices.is_empty() && !offices.contains(&stem_hash(head)) && !held {
        return None;
    }
    // "the Tottenham striker" of "Ireland manager Brian Kerr"
    let tied = !e.role_bodies.is_empty()
        && modifiers.iter().any(|(w, l)| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !LEX.is(l, flag::TITLE | flag::TITLE_MOD | flag::ROLE_NOUN | flag::HONORIFIC)
                && !nationality(l)
                && !e.role_words.contains(&stem_hash(l))
        });
    (!tied).then_some(top)
}

/// A nationality ("Russian", "American").
pub(super) fn nationality(w: &str) -> bool {
    let w = w.to_lowercase();
    LEX.word_bits.get(&word_hash(&w)).copied().unwrap_or(0) & crate::text::lexicon::word::NATIONALITY != 0
        || LEX.compound_nationality(&w)
}

/// The person an article is about is named at least this many times, and this many times
/// as often as anyone else.
pub(super) const MAIN_PERSON_MENTIONS: i32 = 3;

pub(super) const MAIN_PERSON_RATIO: i32 = 2;

/// The last attributed quote while walking the article.
pub(super) struct LastQuote {
    pub(super) raw: Raw,
    pub(super) found: Option<(usize, bool)>,
    pub(super) para: usize,
    /// Where its quote or its attribution ends, whichever is later.
    pub(super) end: usize,
}

/// The speaker a quote standing alone carries on (`it`, unattributed): the person whose
/// name was last made a sentence's subject since the last attributed quote, in this
/// paragraph or the one before ("At 25, Gillis was diagnosed with… ¶ “My condition…”"),
/// else the last quote's speaker when it spoke within `RUNNING_PARAS` paragraphs.
/// `occ_entity` holds the entities of the names read so far.
pub(super) fn running_speaker(
    text: &str,
    occs: &[Occ],
    occ_entity: &[usize],
    ents: &Entities,
    last: Option<&LastQuote>,
    barrier: usize,
    it: &Item,
) -> Option<(Raw, Option<(usize, bool)>)> {
    let since = last.map_or(barrier, |l| l.end);
    let subject = occs[..occ_entity.len()]
        .iter()
        .zip(occ_entity)
        .rev()
        .take_while(|(o, _)| o.pos >= since && o.para + 1 >= it.para)
        .find(|&(o, &e)| {
            o.subject
                && !o.possessive
                && o.entity == EntityType::Person
                && !o.unnamed
                && ents.all.get(e).is_some_and(|e| e.kind == EntityType::Person)
        });
    if let Some((o, &e)) = subject {
        let raw = Raw {
            kind: RawKind::Name(crate::text::words::name_words(&text[o.name.0..o.name.1])),
            mention: o.mention,
            role: None,
            gender: o.gender,
        };
        return Some((raw, Some((e, false))));
    }
    let l = last?;
    (l.para + RUNNING_PARAS >= it.para).then(|| (l.raw.clone(), l.found))
}

/// The person a pronoun of gender `g`, in paragraph `para` and sentence `sentence`, refers
/// to: the most salient compatible person before it.
pub(super) fn antecedent(
    ents: &Entities,
    last_speaker: Option<usize>,
    g: Gender,
    para: usize,
    sentence: usize,
    inside: Option<(usize, usize)>,
) -> Option<usize> {
    // someone other than the last speaker became a subject after that speaker was quoted
    let speaker_pos = last_speaker.and_then(|s| ents.all[s].spoke_at).unwrap_or(0);
    let subject_since = ents.all.iter().enumerate().any(|(i, e)| {
        Some(i) != last_speaker
            && e.kind == EntityType::Person
            && e.count > 0
            && e.last_subject
            && e.last_pos > speaker_pos
            && gender_fits(Some(g), e)
    });
    // or someone was named for the first time since ("…produced results for Mississauga
    // accountant Babatunji Farinloye, 50. “…,” he says.")
    let introduced_since = ents.all.iter().enumerate().any(|(i, e)| {
        Some(i) != last_speaker
            && e.kind == EntityType::Person
            && e.count == 1
            && e.spoke_at.is_none()
            && e.last_pos > speaker_pos
            && gender_fits(Some(g), e)
    });
    let subject_since = subject_since || introduced_since;
    let known = ents
        .all
        .iter()
        .any(|e| e.kind == EntityType::Person && e.count > 0 && e.gender() == Some(g));
    ents.all
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(e.kind, EntityType::Person | EntityType::Unknown)
                && e.count > 0
                && e.last_para + PRONOUN_PARAS >= para
        })
        .filter(|(_, e)| gender_fits(Some(g), e))
        .filter(|(_, e)| inside.is_none_or(|(a, b)| !(a..b).contains(&e.last_pos)))
        .map(|(i, e)| {
            let mut score = presence(e, sentence);
            if Some(i) == last_speaker && !subject_since {
                score += SPEAKER_BONUS;
            }
            score += SALIENCE_PER_MENTION * e.count.min(SALIENCE_CAP);
            if e.last_possessive && !e.last_subject {
                score -= POSSESSIVE_PENALTY;
            }
            if e.kind == EntityType::Unknown {
                score -= UNKNOWN_KIND_PENALTY;
            }
            // (a first name the table does not know, "Babatunji", is no sign of either)
            if known && e.gender().is_none() && !(e.words.len() >= 2 && e.name_lean.is_none()) {
                score -= UNKNOWN_GENDER_PENALTY;
            }
            // "Jayme" is mostly a woman's name: "he" is more likely someone else
            let leans_away = match (g, e.gender(), e.name_lean) {
                (Gender::Male, None, Some(m)) => m <= LEAN_TENTHS,
                (Gender::Female, None, Some(m)) => m >= 10 - LEAN_TENTHS,
                _ => false,
            };
            if leans_away {
                score -= LEAN_PENALTY;
            }
            (i, score, e.last_pos)
        })
        .max_by_key(|&(_, s, p)| (s, p))
        .map(|(i, _, _)| i)
}

/// How present an entity is at `sentence`: how recently it was last mentioned, and whether
/// that mention was its sentence's subject.
pub(super) fn presence(e: &Entity, sentence: usize) -> i32 {
    let d = sentence.saturating_sub(e.last_sentence);
    let score = RECENCY.get(d).copied().unwrap_or(RECENCY_FAR);
    if e.last_subject { score + SUBJECT_BONUS } else { score }
}

/// The organisation "the company" or "it" in paragraph `para` refers to: the one the
/// article is about, unless another was just named — recency and salience weighed as for
/// pronouns.
pub(super) fn organisation(
    ents: &Entities,
    head: Option<&str>,
    last_org: Option<usize>,
    para: usize,
    sentence: usize,
) -> Option<usize> {
    let head_hash = head.map(word_hash);
    // "the union", "the city": a body whose kind is in its name ("… Employees Union", "City
    // of Surrey"); "the company": any but a public body
    let named = head.is_some_and(|h| LEX.named_heads.contains(&word_hash(h)));
    let company = head.is_some_and(|h| LEX.company_heads.contains(&word_hash(h)));
    ents.all
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(e.kind, EntityType::Organisation | EntityType::Unknown)
                && e.count > 0
                && e.last_para + DESCRIPTION_PARAS >= para
        })
        .filter(|(_, e)| !named || head_hash.is_some_and(|h| e.words.contains(&h)))
        .filter(|(_, e)| {
            !company
                || !e
                    .words
                    .iter()
                    .any(|w| LEX.named_heads.contains(w) || LEX.public_bodies.contains(w))
        })
        .max_by_key(|&(i, e)| {
            let spoke = if Some(i) == last_org && e.last_para + 1 >= para {
                SPEAKER_BONUS
            } else {
                0
            };
            (
                presence(e, sentence) + ORG_SALIENCE_PER_MENTION * e.count.min(SALIENCE_CAP) + spoke,
                e.last_pos,
            )
        })
        .map(|(i, _)| i)
}

/// What a definite description ("the world champion", "the company") refers to, when the
/// article links it: an organisation named before it for an organisation noun; a person
/// whose role, said with their name, holds the description's words.
pub(super) fn described(
    ents: &Entities,
    last_org: Option<usize>,
    head: &str,
    text: &str,
    mention: (usize, usize),
    (para, sentence): (usize, usize),
) -> Option<usize> {
    let near = |e: &&Entity| e.count > 0 && e.last_para + DESCRIPTION_PARAS >= para;
    if LEX.is(head, flag::ORG_HEAD) {
        return organisation(ents, Some(head), last_org, para, sentence);
    }
    if !LEX.is(head, flag::ROLE_NOUN | flag::TITLE) {
        return None;
    }
    let head_hash = stem_hash(head);
    let desc: Vec<u64> = text[mention.0..mention.1]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| {
            !w.is_empty() && !LEX.is(w, flag::DETERMINER) && !LEX.possessive_determiners.contains(&word_hash(w))
        })
        .map(|w| stem_hash(w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(&w)))
        .filter(|w| *w != head_hash)
        .collect();
    ents.all
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Person && near(e) && e.role_words.contains(&head_hash))
        .filter(|(_, e)| desc.iter().filter(|w| e.role_words.contains(*w)).count() * 2 >= desc.len())
        .max_by_key(|(_, e)| e.last_pos)
        .map(|(i, _)| i)
}
