//! Reported speech: `X said (that) …`, `X wrote on Facebook that …`, `X told reporters …`,
//! `according to X, …`, post-posed `…, X said.` / `…, as X said on Feb. 14.` The content
//! runs to the end of the sentence (or back to its start, for post-posed cues).

use super::attribution::{Cue, cue_at, cue_is, sentence_subject, speaker_before};
use super::lexicon::{LEX, flag};
use super::mentions::{self, Mention, MentionKind};
use super::tokens::{Kind, Tokens};

#[derive(Debug, Clone)]
pub struct Reported {
    pub speaker: Mention,
    pub cue: Cue,
    /// Token range of the reported content.
    pub content: (usize, usize),
    /// The cue comes after the content.
    pub post: bool,
}

const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "to", "during", "via", "through", "over", "from", "after", "before", "last", "this", "earlier",
    "late", "with", "for", "while", "when", "under", "about",
];

/// After a strong cue ("said", "told X") any word but a preposition or an infinitive "to"
/// can open the reported clause ("said comments from Rice were…").
fn loose_clause_start(t: &Tokens, k: usize) -> bool {
    clause_start(t, k)
        || (t.is_word(k)
            && !PREPOSITIONS.contains(&t.lower(k))
            && !matches!(
                t.lower(k),
                "to" | "by" | "of" | "and" | "or" | "but" | "as" | "so" | "than" | "not"
            )
            && !t.lower(k).ends_with("ly")
            && !t.has(k, flag::BETWEEN))
}

fn clause_start(t: &Tokens, k: usize) -> bool {
    let Some(tok) = t.toks.get(k) else { return false };
    match tok.kind {
        Kind::Quote(_) => true,
        Kind::Punct(_) => false,
        Kind::Word => {
            let w = t.lower(k);
            tok.cap
                || w.chars().next().is_some_and(|c| c.is_ascii_digit())
                || matches!(
                    w,
                    "he" | "she"
                        | "it"
                        | "they"
                        | "we"
                        | "i"
                        | "you"
                        | "there"
                        | "this"
                        | "these"
                        | "those"
                        | "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "some"
                        | "many"
                        | "no"
                        | "none"
                        | "nothing"
                        | "everything"
                        | "all"
                        | "most"
                        | "whether"
                        | "if"
                        | "why"
                        | "how"
                        | "what"
                        | "who"
                        | "when"
                        | "where"
                        | "such"
                        | "any"
                        | "one"
                        | "two"
                        | "more"
                        | "fewer"
                        | "less"
                        | "only"
                        | "both"
                        | "each"
                        | "every"
                        | "people"
                        | "it's"
                        | "he's"
                        | "she's"
                        | "they're"
                        | "we're"
                        | "i'm"
                        | "there's"
                        | "that's"
                        | "he'd"
                        | "she'd"
                        | "they'd"
                )
        }
    }
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

/// Tokens after the cue up to the sentence end are only adjuncts ("on Feb. 14", "in a
/// statement", "on Tuesday", "last week"): the cue closes its sentence.
fn closes_sentence(t: &Tokens, from: usize, hi: usize) -> bool {
    let e = end_of_content(t, hi);
    if from >= e {
        return true;
    }
    let first = t.is_word(from).then(|| t.lower(from));
    (e - from) <= 6
        && first.is_some_and(|w| {
            PREPOSITIONS.contains(&w) || LEX.listeners.iter().any(|l| l[0] == w) || w == "yesterday" || w == "today"
        })
        && !(from..e).any(|k| t.is_word(k) && t.lower(k) == "that")
}

/// Where the content starts after the cue, or None when the cue does not report here.
fn content_start(t: &Tokens, cue: &Cue, hi: usize) -> Option<usize> {
    let mut k = cue.end;
    while k < hi && t.is_word(k) && (t.has(k, flag::BETWEEN) || t.lower(k).ends_with("ly")) && !t.toks[k].cap {
        k += 1;
    }
    // a listener: "told reporters", "told the BBC", "told CNN"
    let verb = t.lower(cue.start);
    if matches!(
        verb,
        "told"
            | "tell"
            | "tells"
            | "telling"
            | "assured"
            | "informed"
            | "reminded"
            | "warned"
            | "urged"
            | "promised"
            | "asked"
    ) {
        if let Some(l) = LEX.listeners.iter().find(|l| {
            l.iter()
                .enumerate()
                .all(|(x, w)| t.is_word(k + x) && t.lower(k + x) == w)
        }) {
            k += l.len();
        } else if let Some(m) = mentions::starting_at(t, k, hi) {
            k = m.end;
        } else {
            return None;
        }
    }
    if k < hi && t.is_word(k) && PREPOSITIONS.contains(&t.lower(k)) {
        // an adjunct before the content: look for "that" or a comma closing it
        let look = (k + 1..hi.min(k + 10)).find(|&x| (t.is_word(x) && t.lower(x) == "that") || t.is_punct(x, ','));
        match look {
            Some(x) if t.is_word(x) => return Some(x + 1),
            Some(x) if clause_start(t, x + 1) => k = x + 1,
            _ => return None,
        }
    }
    if t.is_punct(k, ',') && clause_start(t, k + 1) && cue.strong {
        k += 1;
    }
    if k < hi && t.is_word(k) && t.lower(k) == "that" {
        return Some(k + 1);
    }
    let opens = if cue.strong {
        loose_clause_start(t, k)
    } else {
        clause_start(t, k)
    };
    (opens && !(t.is_word(k) && t.lower(k) == "it" && t.is_word(k + 1) && t.lower(k + 1) == "to")).then_some(k)
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
        if let Some(r) = one(t, lo, hi, &cue, &out) {
            out.push(r);
        }
        j = cue.end;
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

fn one(t: &Tokens, lo: usize, hi: usize, cue: &Cue, earlier: &[Reported]) -> Option<Reported> {
    let e = end_of_content(t, hi);
    if cue_is(t, cue, "according to") {
        let m = mentions::starting_at(t, cue.end, hi).or_else(|| bare_description(t, cue.end, hi))?;
        let mut after = m.role.map_or(m.end, |r| r.1.max(m.end));
        // "according to the leaks to the media, …": the source phrase runs to its comma
        if !t.is_punct(after, ',')
            && let Some(c) = (after..hi.min(after + 6)).find(|&k| t.is_punct(k, ','))
            && (after..c).all(|k| t.is_word(k))
        {
            after = c;
        }
        let opens =
            cue.start == lo || (cue.start > lo && (t.is_punct(cue.start - 1, ',') || t.is_punct(cue.start - 1, '(')));
        if t.is_punct(after, ',') && (opens || all_intro(t, lo, cue.start)) {
            let content = (after + 1, e);
            return (content.1 > content.0 + 2).then_some(Reported {
                speaker: m,
                cue: *cue,
                content,
                post: false,
            });
        }
        if cue.start > lo + 2 && t.is_punct(cue.start - 1, ',') && closes_sentence(t, after, hi) {
            return Some(Reported {
                speaker: m,
                cue: *cue,
                content: (lo, cue.start - 1),
                post: true,
            });
        }
        return None;
    }
    if cue_is(t, cue, "in a statement") {
        return None;
    }
    // the speaker
    let participle = t.lower(cue.start).ends_with("ing") && cue.start > lo && t.is_punct(cue.start - 1, ',');
    let speaker = if cue_is(t, cue, "by saying") {
        sentence_subject(t, lo, cue.start)?
    } else if participle {
        // ", adding that …": the subject of the clause before
        earlier
            .last()
            .map(|r| r.speaker.clone())
            .or_else(|| sentence_subject(t, lo, cue.start))?
    } else {
        speaker_before(t, cue.start, lo)?
    };
    if let MentionKind::Pronoun { .. } = speaker.kind
        && t.lower(speaker.start) == "i"
    {
        return None;
    }
    // post-posed: "…, X said." / "…, as X said on Feb. 14." / "…, said X."
    let mut before = speaker.start;
    if before > lo && t.is_word(before - 1) && t.lower(before - 1) == "as" {
        before -= 1;
    }
    if before > lo + 2 && t.is_punct(before - 1, ',') && closes_sentence(t, cue.end, hi) {
        let content = (lo, before - 1);
        if !(content.0..content.1).all(|k| matches!(t.toks[k].kind, Kind::Quote(_) | Kind::Punct(_))) {
            return Some(Reported {
                speaker,
                cue: *cue,
                content,
                post: true,
            });
        }
        return None;
    }
    let start = content_start(t, cue, hi)?;
    // content stops before a post-posed attribution of its own (", X said")
    let mut end = e;
    for k in start..e {
        if t.is_punct(k, ',') && k + 1 < e && cue_at(t, k + 1, e).is_some_and(|c| cue_is(t, &c, "according to")) {
            end = k;
            break;
        }
    }
    (end > start + 1).then_some(Reported {
        speaker,
        cue: *cue,
        content: (start, end),
        post: false,
    })
}

/// `according to officials,`: a bare plural noun as a description.
fn bare_description(t: &Tokens, i: usize, hi: usize) -> Option<Mention> {
    let mut j = i;
    while j < hi && t.is_word(j) && j - i < 4 {
        if t.has(j, flag::SPEAKER_NOUN) {
            return Some(Mention {
                start: i,
                end: j + 1,
                kind: MentionKind::Description,
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
