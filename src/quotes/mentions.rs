//! Noun phrases that can be speakers: a person's name (titles and roles split off), a
//! pronoun, a named organisation, or a description ("a Kremlin spokesman").

use super::lexicon::{LEX, flag};
use super::tokens::{Kind, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A person's name: tokens `name.0..name.1`.
    Name {
        name: (usize, usize),
    },
    Pronoun {
        gender: Option<Gender>,
        plural: bool,
    },
    Organisation,
    Description,
}

/// A speaker mention: token range `start..end` in the paragraph's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// Token range of a role said with the name ("Vladimir Putin's spokesman").
    pub role: Option<(usize, usize)>,
    /// Gender told by an honorific ("Mr").
    pub gender: Option<Gender>,
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "al"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "ter"
            | "del"
            | "dos"
            | "das"
            | "y"
            | "ibn"
            | "abu"
    )
}

fn is_name_word(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && t.toks[i].cap
}

fn is_title(t: &Tokens, i: usize) -> bool {
    t.stem_has(i, flag::TITLE) || t.has(i, flag::TITLE)
}

/// Start of the run of capitalised words (with name particles inside) that ends at `i`.
fn cap_run_start(t: &Tokens, i: usize, lo: usize) -> usize {
    let mut j = i;
    while j > lo {
        let k = j - 1;
        let name_word = is_name_word(t, k) && !t.possessive(k) && !t.has(k, flag::NOT_NAME);
        if name_word || (k > lo && is_particle(t.lower(k)) && is_name_word(t, k - 1)) {
            j = k;
        } else {
            break;
        }
    }
    j
}

/// End (exclusive) of the run of capitalised words starting at `i`.
fn cap_run_end(t: &Tokens, i: usize, hi: usize) -> usize {
    let mut j = i;
    while j < hi {
        if is_name_word(t, j) && (j == i || !t.has(j, flag::NOT_NAME)) {
            j += 1;
            if t.possessive(j - 1) {
                break;
            }
        } else if j + 1 < hi && j > i && is_particle(t.lower(j)) && is_name_word(t, j + 1) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

fn is_org_run(t: &Tokens, s: usize, e: usize) -> bool {
    if (s..e).any(|i| t.stem_has(i, flag::ORG)) {
        return true;
    }
    let words: Vec<&str> = (s..e).map(|i| t.stem(i)).collect();
    if LEX
        .org_phrases
        .iter()
        .any(|p| words.windows(p.len()).any(|w| w.iter().zip(p).all(|(a, b)| a == b)))
    {
        return true;
    }
    // a single all-capitals word of 2+ letters (NATO, FBI) is an acronym, not a name
    e - s == 1 && {
        let raw = t.lower(s);
        raw.len() >= 2 && raw.len() <= 6 && is_all_caps(t, s)
    }
}

fn is_all_caps(t: &Tokens, i: usize) -> bool {
    t.toks[i].caps
}

/// Classify the capitalised run `s..e` (its own words only).
fn classify_run(t: &Tokens, s: usize, e: usize, preceded_by_the: bool) -> Option<Mention> {
    if s >= e {
        return None;
    }
    // titles on the left are a role, not the name
    let mut name_start = s;
    for k in s..e {
        if is_title(t, k) {
            name_start = k + 1;
        }
    }
    let gender = (s..name_start).find_map(|k| honorific_gender(t.lower(k)));
    if name_start >= e {
        // only titles: "the President said", "the Trump-appointed US ambassador"
        return Some(Mention {
            start: s,
            end: e,
            kind: MentionKind::Description,
            role: None,
            gender,
        });
    }
    if is_org_run(t, name_start, e) || (preceded_by_the && name_start == s) {
        return Some(Mention {
            start: s,
            end: e,
            kind: MentionKind::Organisation,
            role: None,
            gender: None,
        });
    }
    if e - name_start == 1 && t.stem_has(name_start, flag::NOT_NAME) {
        return None;
    }
    // a contraction is never a name ("I'd", "We'll")
    let w = t.lower(e - 1);
    if ["'d", "'ll", "'ve", "'re", "'m"].iter().any(|c| w.ends_with(c)) {
        return None;
    }
    // a lone capitalised common noun opening a sentence is a description ("Critics said")
    if e - name_start == 1 && name_start == s && t.has(name_start, flag::SPEAKER_NOUN) {
        return Some(Mention {
            start: s,
            end: e,
            kind: MentionKind::Description,
            role: None,
            gender,
        });
    }
    Some(Mention {
        start: s,
        end: e,
        kind: MentionKind::Name { name: (name_start, e) },
        role: (name_start > s).then_some((s, name_start)),
        gender,
    })
}

pub fn honorific_gender(w: &str) -> Option<Gender> {
    if LEX.male.contains(w) {
        Some(Gender::Male)
    } else if LEX.female.contains(w) {
        Some(Gender::Female)
    } else {
        None
    }
}

fn pronoun(w: &str) -> Option<MentionKind> {
    match w {
        "he" => Some(MentionKind::Pronoun {
            gender: Some(Gender::Male),
            plural: false,
        }),
        "she" => Some(MentionKind::Pronoun {
            gender: Some(Gender::Female),
            plural: false,
        }),
        "they" | "we" => Some(MentionKind::Pronoun {
            gender: None,
            plural: true,
        }),
        "i" => Some(MentionKind::Pronoun {
            gender: None,
            plural: false,
        }),
        _ => None,
    }
}

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "some", "several", "many", "other", "another", "his", "her", "their",
    "its", "our", "this", "these", "those", "most", "few", "both",
];

/// Words before a name that describe the person ("White House spokesman", "Vladimir
/// Putin's spokesman"), back to a determiner or clause boundary; `None` when there are none.
fn role_before(t: &Tokens, s: usize, lo: usize) -> Option<(usize, usize)> {
    let mut j = s;
    while j > lo && s - j < 7 {
        let k = j - 1;
        if !t.is_word(k) {
            break;
        }
        let w = t.lower(k);
        if DETERMINERS.contains(&w)
            || t.has(k, flag::CUE | flag::BETWEEN)
            || (t.has(k, flag::NOT_NAME) && !t.toks[k].cap)
            || matches!(
                w,
                "as" | "by" | "and" | "with" | "that" | "for" | "from" | "to" | "of" | "said" | "says"
            )
        {
            break;
        }
        if !t.toks[k].cap && t.has(k, flag::NOT_NAME) {
            break;
        }
        j = k;
    }
    let has_role_noun = (j..s).any(|k| t.stem_has(k, flag::SPEAKER_NOUN) || is_title(t, k));
    (j < s && has_role_noun).then_some((j, s))
}

/// The noun phrase whose last token is `i` (not before `lo`).
pub fn ending_at(t: &Tokens, i: usize, lo: usize) -> Option<Mention> {
    if i < lo || !t.is_word(i) || t.possessive(i) {
        return None;
    }
    let w = t.lower(i);
    if let Some(kind) = pronoun(w) {
        return Some(Mention {
            start: i,
            end: i + 1,
            kind,
            role: None,
            gender: None,
        });
    }
    if t.toks[i].cap {
        let s = cap_run_start(t, i, lo);
        let the = s > lo && t.lower(s - 1) == "the";
        let mut m = classify_run(t, s, i + 1, the)?;
        if let MentionKind::Name { .. } = m.kind {
            if let Some((rs, _)) = role_before(t, s, lo) {
                m.role = Some((rs, m.role.map_or(s, |r| r.1)));
                m.start = rs;
            }
        } else if the {
            m.start = s - 1;
        }
        return Some(m);
    }
    // a description: modifiers back to a determiner, e.g. "a senior Russian politician"
    if t.has(i, flag::NOT_NAME | flag::BETWEEN | flag::CUE) || w.ends_with("ly") {
        return None;
    }
    let mut j = i;
    let mut det = false;
    while j > lo && i - j < 6 {
        let k = j - 1;
        if !t.is_word(k) {
            break;
        }
        let kw = t.lower(k);
        if DETERMINERS.contains(&kw) {
            j = k;
            det = true;
            break;
        }
        if matches!(kw, "of" | "for" | "at" | "from" | "with" | "in") && k > lo {
            // a head noun before a prepositional phrase: "supporters of reform said"
            if let Some(head) = ending_at(t, k - 1, lo)
                && head.kind == MentionKind::Description
            {
                return Some(Mention {
                    start: head.start,
                    end: i + 1,
                    kind: MentionKind::Description,
                    role: None,
                    gender: None,
                });
            }
            break;
        }
        if t.has(k, flag::NOT_NAME | flag::CUE | flag::BETWEEN) {
            break;
        }
        j = k;
    }
    if det || t.has(i, flag::SPEAKER_NOUN) {
        Some(Mention {
            start: j,
            end: i + 1,
            kind: MentionKind::Description,
            role: None,
            gender: None,
        })
    } else {
        None
    }
}

/// The noun phrase starting at `i` (inverted attribution: `said Aleksey Pushkov, a senior
/// Russian lawmaker,`), with an appositive role after a comma.
pub fn starting_at(t: &Tokens, i: usize, hi: usize) -> Option<Mention> {
    if i >= hi || !t.is_word(i) {
        return None;
    }
    let w = t.lower(i);
    if let Some(kind) = pronoun(w) {
        return Some(Mention {
            start: i,
            end: i + 1,
            kind,
            role: None,
            gender: None,
        });
    }
    if t.toks[i].cap || w == "the" {
        let the = w == "the";
        let s = if the { i + 1 } else { i };
        let e = cap_run_end(t, s, hi);
        if e > s {
            // "Virginia delegate Beau Correll", "ACLU executive Director Anthony Romero":
            // a capitalised modifier and a role before the name; the name is the run after
            let mut r = e;
            while r < hi
                && r < e + 3
                && t.is_word(r)
                && !t.toks[r].cap
                && (t.stem_has(r, flag::TITLE | flag::SPEAKER_NOUN))
            {
                r += 1;
            }
            if r > e && r < hi && t.is_word(r) && t.toks[r].cap {
                let e2 = cap_run_end(t, r, hi);
                if let Some(mut m) = classify_run(t, r, e2, false)
                    && let MentionKind::Name { .. } = m.kind
                {
                    m.role = Some((s, m.role.map_or(r, |x| x.1)));
                    m.start = i;
                    if let Some(app) = appositive_after(t, e2, hi) {
                        m.role = Some(app);
                    }
                    return Some(m);
                }
            }
            let mut m = classify_run(t, s, e, the)?;
            if the {
                m.start = i;
            }
            if let MentionKind::Name { .. } = m.kind
                && let Some(app) = appositive_after(t, e, hi)
            {
                m.role = Some(app);
            }
            return Some(m);
        }
    }
    // description: determiner + up to 5 words, ending before punctuation or a verb
    let mut j = i;
    while j < hi && j - i < 6 && t.is_word(j) {
        let w = t.lower(j);
        if j > i
            && (t.has(j, flag::CUE | flag::BETWEEN)
                || matches!(
                    w,
                    "on" | "in" | "at" | "to" | "of" | "that" | "who" | "from" | "by" | "after" | "before" | "during"
                ))
        {
            break;
        }
        j += 1;
    }
    let first = t.lower(i);
    (j > i + 1 && DETERMINERS.contains(&first)).then_some(Mention {
        start: i,
        end: j,
        kind: MentionKind::Description,
        role: None,
        gender: None,
    })
}

/// `, a senior Russian lawmaker,` after a name: the role's token range.
pub fn appositive_after(t: &Tokens, e: usize, hi: usize) -> Option<(usize, usize)> {
    if !t.is_punct(e, ',') {
        return None;
    }
    let s = e + 1;
    let first = t.is_word(s).then(|| t.lower(s))?;
    let role_like = DETERMINERS.contains(&first) || is_title(t, s) || t.has(s, flag::SPEAKER_NOUN);
    if !role_like || t.has(s, flag::CUE) || first == "who" {
        return None;
    }
    let mut j = s;
    while j < hi && j - s < 20 && !matches!(t.toks[j].kind, Kind::Punct(_) | Kind::Quote(_)) {
        if t.has(j, flag::CUE) {
            return None;
        }
        j += 1;
    }
    (j > s && j - s < 20).then_some((s, j))
}

/// Every person's name in `lo..hi` (outside quotes, which are single tokens), for
/// resolving surnames and pronouns.
pub fn names_in(t: &Tokens, lo: usize, hi: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = lo;
    while i < hi {
        if is_name_word(t, i) && !t.has(i, flag::NOT_NAME) || (is_name_word(t, i) && is_title(t, i)) {
            let e = cap_run_end(t, i, hi);
            if e > i {
                let the = i > lo && t.lower(i - 1) == "the";
                if let Some(m) = classify_run(t, i, e, the)
                    && matches!(m.kind, MentionKind::Name { .. })
                {
                    out.push(m);
                }
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}
