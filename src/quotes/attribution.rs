//! Who said it: the speaker before a cue (`Kosachev wrote`, `Leonid Slutsky, head of …, was
//! quoted as saying`), after it (`said Aleksey Pushkov, a senior Russian lawmaker`), and
//! the attribution of a direct quote from the words around it.

use super::lexicon::{LEX, flag};
use super::mentions::{self, Mention, MentionKind};
use super::tokens::{Kind, Tokens};

/// A cue: token range, and whether it is a participle continuing a clause ("adding").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub strong: bool,
}

/// The cue starting at token `i`, if any (phrases first).
pub fn cue_at(t: &Tokens, i: usize, hi: usize) -> Option<Cue> {
    if !t.is_word(i) {
        return None;
    }
    let head = t.has(i, flag::PHRASE_HEAD);
    for p in LEX.phrases.iter().filter(|_| head) {
        if i + p.len() <= hi
            && p.iter()
                .enumerate()
                .all(|(k, w)| t.is_word(i + k) && t.lower(i + k) == w)
        {
            return Some(Cue {
                start: i,
                end: i + p.len(),
                strong: true,
            });
        }
    }
    // a verb is not capitalised mid-sentence: "United States" holds no cue
    if t.toks[i].cap && i > 0 && !t.is_punct(i - 1, '(') {
        return None;
    }
    if t.has(i, flag::STRONG) {
        Some(Cue {
            start: i,
            end: i + 1,
            strong: true,
        })
    } else if t.has(i, flag::WEAK) {
        Some(Cue {
            start: i,
            end: i + 1,
            strong: false,
        })
    } else {
        None
    }
}

pub fn cue_is(t: &Tokens, c: &Cue, phrase: &str) -> bool {
    let mut words = phrase.split(' ');
    (c.start..c.end).all(|k| words.next() == Some(t.lower(k))) && words.next().is_none()
}

fn skippable(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && {
        let w = t.lower(i);
        t.has(i, flag::BETWEEN) || (w.ends_with("ly") && !t.toks[i].cap && w.len() > 4)
    }
}

/// The speaker of the cue at token `c` (not looking before `lo`): the noun phrase before it,
/// past adverbs and auxiliaries, past an appositive between commas, and for a verb
/// coordinated with "and", the subject of the sentence.
pub fn speaker_before(t: &Tokens, c: usize, lo: usize) -> Option<Mention> {
    let mut i = c;
    while i > lo && skippable(t, i - 1) {
        i -= 1;
    }
    if i <= lo {
        return None;
    }
    let k = i - 1;
    if t.is_punct(k, ',') {
        return appositive_subject(t, k, lo);
    }
    if t.is_word(k) && t.lower(k) == "who" && k > lo && t.is_punct(k - 1, ',') {
        return appositive_subject(t, k - 1, lo).or_else(|| mentions::ending_at(t, k - 2, lo));
    }
    if t.is_word(k) && matches!(t.lower(k), "and" | "but" | "then") {
        return sentence_subject(t, lo, k);
    }
    mentions::ending_at(t, k, lo)
}

/// `NP, APPOSITIVE,` ending at the comma `k`: prefer whichever side is a person's name.
fn appositive_subject(t: &Tokens, k: usize, lo: usize) -> Option<Mention> {
    // a name followed by a comma and a relative clause or role ("Michael Seaman, who lives
    // outside Sacramento, said"): the name, however many commas the clause holds
    let opens_appositive = |j: usize| {
        t.is_word(j + 1) && {
            let w = t.lower(j + 1);
            matches!(w, "who" | "a" | "an" | "the" | "whose") || t.has(j + 1, flag::TITLE | flag::SPEAKER_NOUN)
        }
    };
    let commas: Vec<usize> = (lo..k).rev().filter(|&j| t.is_punct(j, ',')).take(4).collect();
    for &j in commas.iter().rev() {
        if j > lo
            && opens_appositive(j)
            && let Some(head) = mentions::ending_at(t, j - 1, lo)
            && matches!(head.kind, MentionKind::Name { .. })
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
    for _ in 0..3 {
        let Some(j) = commas.next() else { break };
        if j == lo {
            break;
        }
        if let Some(head) = mentions::ending_at(t, j - 1, lo) {
            let appos = mentions::ending_at(t, k - 1, j + 1);
            return Some(match (&head.kind, appos) {
                (MentionKind::Name { .. }, _) => Mention {
                    role: Some((j + 1, k)),
                    ..head
                },
                (_, Some(a)) if matches!(a.kind, MentionKind::Name { .. }) && a.start == j + 1 => Mention {
                    role: Some((head.start, j)),
                    ..a
                },
                _ => head,
            });
        }
    }
    // "Earlier, a senior politician said" has one comma before: no appositive
    None
}

/// The first noun phrase of the sentence that can be a subject: a name or organisation,
/// or, when it opens with a description ("The US ambassador, Nikki Haley,"), the first
/// person's name after it, else that description.
pub fn sentence_subject(t: &Tokens, lo: usize, hi: usize) -> Option<Mention> {
    let mut first_other = None;
    let mut i = lo;
    while i < hi {
        if t.is_word(i)
            && (t.toks[i].cap || t.lower(i) == "the")
            && let Some(m) = mentions::starting_at(t, i, hi)
        {
            {
                match m.kind {
                    MentionKind::Name { .. } => return Some(m),
                    MentionKind::Organisation if first_other.is_none() => return Some(m),
                    _ => {
                        if first_other.is_none() {
                            first_other = Some(m.clone());
                        }
                        i = m.end.max(i + 1);
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    first_other
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
pub fn after_quote(t: &Tokens, q: usize, hi: usize) -> Option<Direct> {
    let mut k = q + 1;
    if t.is_punct(k, ',') {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    // a pull quote signed with a dash: “…” ― Pamela Padilla
    if matches!(t.toks[k].kind, Kind::Punct('―' | '—' | '–' | '-'))
        && let Some(m) = mentions::starting_at(t, k + 1, hi)
        && matches!(m.kind, MentionKind::Name { .. })
        && (m.end >= hi || matches!(t.toks[m.end].kind, Kind::Punct(_)))
    {
        let cue = Cue {
            start: k,
            end: k + 1,
            strong: true,
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
    if let Some(cue) = cue_at(t, c, hi)
        && !cue_is(t, &cue, "according to")
    {
        let mut s = cue.end;
        while s < hi && skippable(t, s) {
            s += 1;
        }
        if let Some(m) = mentions::starting_at(t, s, hi) {
            let end = m.role.map_or(m.end, |r| r.1.max(m.end));
            return Some(Direct {
                speaker: m,
                cue,
                clause_end: end,
            });
        }
    }
    // subject first: NP [, appositive,] [adverbs] CUE, the NP starting right after the quote
    let stop = (k..hi.min(k + 30))
        .find(|&j| matches!(t.toks[j].kind, Kind::Punct('.' | '!' | '?' | ';') | Kind::Quote(_)))
        .unwrap_or(hi.min(k + 30));
    for j in k + 1..stop {
        if let Some(cue) = cue_at(t, j, stop) {
            let m = speaker_before(t, j, k)?;
            let lead = (k..m.start).all(|x| t.is_word(x)) && m.start - k <= 6;
            if m.start == k || (lead && !matches!(m.kind, MentionKind::Pronoun { .. })) {
                let m = if m.start > k && matches!(m.kind, MentionKind::Description) {
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
/// `According to X, "…"`.
pub fn before_quote(t: &Tokens, q: usize, lo: usize) -> Option<Direct> {
    let mut e = q;
    let ends_intro = |k: usize| t.is_punct(k, ':') || t.is_punct(k, ',') || t.is_punct(k, '—');
    // `X said: “…”`, `X told reporters, "…"`, `X said that "…"`, or the quote right after
    // the cue; otherwise (`X said his staff “did the wrong thing”`) it is reported speech
    // holding a quoted fragment, which the reported-speech pass makes a mixed quote
    let introduced = e > lo && (ends_intro(e - 1) || (t.is_word(e - 1) && t.lower(e - 1) == "that"));
    if introduced {
        e -= 1;
    }
    let from = lo.max(e.saturating_sub(7));
    for j in (from..e).rev() {
        if let Some(cue) = cue_at(t, j, e) {
            let between = cue.end..e;
            if between.clone().any(|x| t.is_word(x) && t.lower(x) == "that") || between.len() > 5 {
                return None;
            }
            let listener = LEX
                .listeners
                .iter()
                .any(|l| l.len() == between.len() && l.iter().enumerate().all(|(k, w)| t.lower(cue.end + k) == w));
            if !(introduced || between.is_empty() || listener) {
                return None;
            }
            if cue_is(t, &cue, "according to") {
                let m = mentions::starting_at(t, cue.end, e)?;
                return Some(Direct {
                    speaker: m,
                    cue,
                    clause_end: e,
                });
            }
            let m = speaker_before(t, j, lo).or_else(|| {
                // inverted before the quote: `said X: “…”`
                mentions::starting_at(t, cue.end, e)
            })?;
            return Some(Direct {
                speaker: m,
                cue,
                clause_end: e,
            });
        }
    }
    None
}
