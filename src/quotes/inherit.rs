//! Quotes that inherit a speaker: the second part of a split quote, a quote standing
//! alone after an attributed one, a multi-paragraph continuation, a follow-on paragraph,
//! and a paragraph after "X continued:".

use super::attribution;
use super::tokens::{Kind, Tokens};
use super::types::{Item, QuoteKind, Raw, RawKind};
use crate::text::lexicon::{LEX, PronounKind, flag};

/// Inside one paragraph: an unattributed quote takes the speaker of the quote just before
/// it when it follows that quote's attribution clause or stands alone; a quote standing
/// alone right before one attributed after it (“A.” “B,” he said.) takes its speaker — not
/// before one its own cue introduces (“A.” Smith said: “B.”), nor across a sentence.
pub(crate) fn in_paragraph(items: &mut [Item], t: &Tokens) {
    for k in 1..items.len() {
        // ("“…,” Flynn said on Fox News’s “Fox and Friends.” “I mean…”": past a title
        // quoted in the clause of the quote before, unattributed itself)
        let p = if items[k].alone
            && k > 1
            && items[k - 1].speaker.is_none()
            && items[k - 1].sentence == items[k - 2].sentence
            && items[k - 2].clause_end.is_some_and(|e| e < items[k - 1].tok)
        {
            k - 2
        } else {
            k - 1
        };
        if items[k].speaker.is_none()
            && items[k].kind == QuoteKind::Direct
            && items[p].speaker.is_some()
            && (items[p].kind != QuoteKind::Indirect || (items[k].alone && personal(&items[p])))
        {
            let right_after = items[p]
                .clause_end
                .is_some_and(|e| e == items[k].tok || e + 1 == items[k].tok || participle_aside(t, e, items[k].tok));
            let led = items[k].led && items[p].kind == QuoteKind::Direct && personal(&items[p]);
            if right_after || items[k].alone || led {
                items[k].speaker = items[p].speaker.clone();
                items[k].cue = items[p].cue;
                if right_after {
                    items[k].group = items[p].group;
                }
            }
        }
    }
    for k in (0..items.len().saturating_sub(1)).rev() {
        if items[k].speaker.is_none()
            && items[k].kind == QuoteKind::Direct
            && items[k].alone
            && items[k + 1].speaker.is_some()
            && items[k + 1].kind == QuoteKind::Direct
            && items[k + 1].cue.is_some_and(|c| c.0 >= items[k + 1].end)
            && items[k + 1].sentence <= items[k].sentence + 1
        {
            items[k].speaker = items[k + 1].speaker.clone();
            items[k].cue = items[k + 1].cue;
        }
    }
}

/// The item's speaker is a person named or "he"/"she" (a quote standing alone after their
/// reported speech is theirs: "Evans said it was selling. “I've sold a lot.”").
fn personal(it: &Item) -> bool {
    matches!(
        it.speaker.as_ref().map(|r| &r.kind),
        Some(RawKind::Name(_) | RawKind::Pronoun(PronounKind::Male | PronounKind::Female))
    )
}

/// The last attributed quote of the paragraph before `pi`.
fn previous_paragraph_speaker(items: &[Item], pi: usize) -> Option<usize> {
    let (k, it) = items
        .iter()
        .enumerate()
        .rev()
        .find(|(_, it)| it.speaker.is_some() && it.kind != QuoteKind::Scare)?;
    (pi > 0 && it.para + 1 == pi).then_some(k)
}

/// Across paragraphs, for the items of paragraph `pi` (from `first` on): a quote that
/// continues the previous paragraph's quote takes its owner's speaker; a paragraph that
/// opens with a quote standing alone takes the speaker announced at the end of the
/// paragraph before ("Caddell continued:") or of the last quote there.
pub(crate) fn across_paragraphs(
    items: &mut [Item],
    first: usize,
    pi: usize,
    t: &Tokens,
    continued_from: &dyn Fn(usize) -> Option<Owner>,
    dangling: &mut Option<Raw>,
) {
    let prev = previous_paragraph_speaker(&items[..first], pi);
    for k in first..items.len() {
        if items[k].speaker.is_some() || items[k].kind != QuoteKind::Direct {
            continue;
        }
        let si = items[k].span.unwrap_or(usize::MAX);
        if let Some(owner) = continued_from(si) {
            let o = match owner {
                Owner::Item(id) => items.iter().position(|it| it.id == id),
                Owner::Span(s) => items.iter().position(|it| it.span == Some(s)),
            };
            if let Some(o) = o {
                items[k].speaker = items[o].speaker.clone();
                items[k].cue = items[o].cue;
                items[k].group = items[o].group;
                continue;
            }
        }
        if k == first && items[k].alone && t.toks[0].kind == Kind::Quote(si) {
            if let Some(d) = dangling.take() {
                items[k].speaker = Some(d);
            } else if let Some(o) = prev {
                items[k].speaker = items[o].speaker.clone();
                items[k].cue = items[o].cue;
                items[k].group = items[o].group;
            }
        }
    }
    joined_fragments(&mut items[first..], t);
    in_paragraph(&mut items[first..], t);
}

/// The most tokens of a participle phrase between an attribution and the quote going on.
const ASIDE_TOKENS: usize = 12;

/// "“Every time,” Tester said, referring to the excuse, “you give…”": a participle phrase
/// set off by commas after the attribution clause ending at `e`, and the quote token `q`
/// going on in lowercase right after it — the same statement, split twice.
fn participle_aside(t: &Tokens, e: usize, q: usize) -> bool {
    q > e + 2
        && q - e <= ASIDE_TOKENS
        && t.is_punct(e, ',')
        && t.is_punct(q - 1, ',')
        && !t.toks[q].cap
        && t.is_word(e + 1)
        && !t.toks[e + 1].cap
        && t.lower_ending(e + 1, "ing")
        && (e + 1..q - 1).all(|x| {
            !matches!(
                t.toks[x].kind,
                Kind::Quote(_) | Kind::Punct('.' | '!' | '?' | ';' | ':')
            )
        })
}

/// The most words joining two quoted fragments of one report ("because", "and then").
const JOINING_WORDS: usize = 3;

/// Quoted fragments of one report, joined by a few lowercase words in the sentence its
/// cue opens, or after the attribution that closes the first: the later ones are the same
/// speaker's ("Dale says “the plan is a mess” because “the board has gone soft.”", "“…,”
/// Jordan said, and still “…”"). Not past a name, a pronoun or a cue of another's ("…”
/// but Ruiz thinks “…”").
fn joined_fragments(items: &mut [Item], t: &Tokens) {
    for k in 1..items.len() {
        let (prev, cur) = (&items[k - 1], &items[k]);
        let cue_first = prev.cue.is_some_and(|(a, _)| a < prev.start);
        let from = if cue_first {
            Some(prev.tok + 1)
        } else {
            prev.clause_end
                .filter(|&e| e > prev.tok && e < cur.tok)
                .map(|e| if t.is_punct(e, ',') { e + 1 } else { e })
        };
        let Some(from) = from else { continue };
        if cur.speaker.is_some()
            || prev.speaker.is_none()
            || prev.kind != QuoteKind::Direct
            || cur.kind != QuoteKind::Direct
            || prev.sentence != cur.sentence
            || cur.tok <= from
            || cur.tok - from > JOINING_WORDS
        {
            continue;
        }
        let joined = (from..cur.tok).all(|j| {
            t.is_word(j)
                && !t.toks[j].cap
                && !t.has(j, flag::CUE | flag::PRONOUN | flag::DETERMINER | flag::CONTRACTION)
        });
        if joined {
            items[k].speaker = items[k - 1].speaker.clone();
            items[k].cue = items[k - 1].cue;
        }
    }
}

/// What a continued span belongs to: the item that absorbed the span before it (a mixed
/// quote), or that span's own item.
pub enum Owner {
    Item(usize),
    Span(usize),
}

/// A paragraph ending "Caddell continued:" introduces the quote in the next one: the
/// speaker of that cue, as a mention in `t`.
pub fn dangling_attribution(t: &Tokens, last: Option<&std::ops::Range<usize>>) -> Option<super::mentions::Mention> {
    let s = last?;
    if s.end == 0 || !t.is_punct(s.end - 1, ':') {
        return None;
    }
    let from = s.start.max(s.end.saturating_sub(8));
    for j in (from..s.end - 1).rev() {
        if let Some(cue) = attribution::cue_at(t, j, s.end - 1) {
            if let Some(m) = attribution::speaker_before(t, cue.start, s.start) {
                return Some(m);
            }
            break;
        }
    }
    // "On July 6, Sanders made the following comment:": a speech noun closing the
    // sentence, whose subject is a person named or "he"/"she"
    if (from..s.end - 1).any(|j| t.is_word(j) && LEX.cue_nouns.contains(&t.toks[j].hash)) {
        return attribution::sentence_subject(t, s.start, s.end - 1).filter(|m| m.is_personal());
    }
    None
}
