//! The quote engine: finds every quotation in an article — direct (by its marks),
//! indirect (reported speech), mixed (reported speech holding a quoted fragment) — and
//! attributes it to a speaker, resolved inside the article to the fullest name used
//! ("Kosachev", "Mr Peskov", "he" → the full name). Scare quotes and titles are kept apart
//! and never attributed. No terminal code here.
//!
//! Pipeline per article: `marks` (quoted spans) → `tokens` (one paragraph at a time, each
//! span a single token) → `attribution` (direct quotes: cue after or before) → `indirect`
//! (reported speech) → inheritance (split, follow-on and multi-paragraph quotes) →
//! `resolve` (surnames and pronouns to full names).

pub mod attribution;
pub mod indirect;
pub mod lexicon;
pub mod marks;
pub mod mentions;
pub mod resolve;
pub mod tokens;

use crate::corpus::Article;
use attribution::Direct;
use mentions::{Gender, Mention, MentionKind};
use serde::Serialize;
use tokens::{Kind, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
    /// Scare quotes and titles: quoted words with no speaker and no cue. Never linked.
    Scare,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    Description,
}

/// One quotation. Offsets are byte offsets in the article's text.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Canonical name in this article (the fullest form used), or None for a description
    /// or an unattributed quote.
    pub speaker: Option<String>,
    pub speaker_kind: Option<SpeakerKind>,
    /// The words in the text that name the speaker ("Kosachev", "he", "a Kremlin spokesman").
    pub mention: Option<String>,
    pub mention_start: Option<usize>,
    pub mention_end: Option<usize>,
    pub cue: Option<String>,
    /// A role said with the name ("Vladimir Putin's spokesman").
    pub role: Option<String>,
    /// Quotes of one statement (the parts of a split or multi-paragraph quote) share it.
    pub group: usize,
    /// Index of the paragraph holding the start.
    pub para: usize,
}

impl Quote {
    /// An attributed quote (a speaker, or at least a description of one).
    pub fn is_attributed(&self) -> bool {
        self.kind != QuoteKind::Scare && self.speaker_kind.is_some()
    }
}

/// A speaker as found, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub kind: RawKind,
    pub mention: (usize, usize),
    pub role: Option<String>,
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawKind {
    Name(String),
    Pronoun { gender: Option<Gender>, plural: bool },
    Org(String),
    Description,
}

fn slice(text: &str, t: &Tokens, a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    crate::corpus::clean::collapse(&text[t.toks[a].start..t.toks[b - 1].end])
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s)
}

fn raw(text: &str, t: &Tokens, m: &Mention) -> Raw {
    // the words that name the speaker: a name with the capitalised titles just before it
    // ("Mr Peskov", "President Putin"), not a descriptive role ("Vladimir Putin's spokesman")
    let mention_start = match &m.kind {
        MentionKind::Name { name } => {
            let mut k = name.0;
            while k > m.start && t.toks[k - 1].cap && t.has(k - 1, lexicon::flag::TITLE) {
                k -= 1;
            }
            k
        }
        _ => m.start,
    };
    let kind = match &m.kind {
        MentionKind::Name { name } => RawKind::Name(strip_possessive(&slice(text, t, name.0, name.1)).to_string()),
        MentionKind::Pronoun { gender, plural } => RawKind::Pronoun {
            gender: *gender,
            plural: *plural,
        },
        MentionKind::Organisation => {
            let s = slice(text, t, m.start, m.end);
            let s = s
                .strip_prefix("the ")
                .or_else(|| s.strip_prefix("The "))
                .unwrap_or(&s)
                .to_string();
            RawKind::Org(strip_possessive(&s).to_string())
        }
        MentionKind::Description => RawKind::Description,
    };
    Raw {
        kind,
        mention: (t.toks[mention_start].start, t.toks[m.end - 1].end),
        role: m.role.map(|(a, b)| slice(text, t, a, b)).filter(|r| !r.is_empty()),
        gender: m.gender,
    }
}

/// A quotation being built.
#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    kind: QuoteKind,
    speaker: Option<Raw>,
    cue: Option<(usize, usize)>,
    group: usize,
    para: usize,
    /// For direct quotes: the span index.
    span: Option<usize>,
    id: usize,
    /// The quote stands alone in its sentence (no words outside quotes).
    alone: bool,
    /// Token index (in its paragraph) of the quote token, and of the end of the
    /// attribution clause attached to it.
    tok: usize,
    clause_end: Option<usize>,
}

/// All quotations in `article`, in text order (scare quotes included, marked as such).
pub fn extract(article: &Article) -> Vec<Quote> {
    let text = article.text.as_str();
    let spans = marks::find(article);
    let mut items: Vec<Item> = Vec::new();
    let mut names: Vec<resolve::NameOcc> = Vec::new();
    let mut absorbed_by: Vec<Option<usize>> = vec![None; spans.len()];
    let mut dangling: Option<Raw> = None; // "Caddell continued:" at a paragraph's end
    let mut next_group = 0usize; // also the id of each item
    let mut sentence_id = 0usize;

    for (pi, p) in article.paragraphs.iter().enumerate() {
        let t = Tokens::of(text, p.range(), &spans);
        if t.is_empty() {
            continue;
        }
        let mut used = vec![false; t.len()];
        let first_item = items.len();
        let sentences = t.sentences(text);
        for sent in &sentences {
            sentence_id += 1;
            for m in mentions::names_in(&t, sent.start, sent.end) {
                let r = raw(text, &t, &m);
                if let RawKind::Name(n) = r.kind {
                    names.push(resolve::NameOcc {
                        pos: r.mention.0,
                        name: n,
                        gender: r.gender,
                        sentence: sentence_id,
                        subject: m.start <= sent.start + 4
                            && (sent.start..m.start).all(|k| !t.is_word(k) || k + 4 > m.start),
                    });
                }
            }
            let quotes: Vec<usize> = (sent.clone())
                .filter(|&k| matches!(t.toks[k].kind, Kind::Quote(_)))
                .collect();
            let alone = (sent.clone()).all(|k| !t.is_word(k));
            let mut sent_items = Vec::new();
            for (n, &q) in quotes.iter().enumerate() {
                let hi = quotes.get(n + 1).copied().unwrap_or(sent.end);
                let lo = if n > 0 { quotes[n - 1] + 1 } else { sent.start };
                let Kind::Quote(si) = t.toks[q].kind else { continue };
                let found: Option<Direct> =
                    attribution::after_quote(&t, q, hi).or_else(|| attribution::before_quote(&t, q, lo));
                next_group += 1;
                let mut item = Item {
                    start: spans[si].start,
                    end: spans[si].end,
                    kind: QuoteKind::Direct,
                    speaker: None,
                    cue: None,
                    group: next_group,
                    id: next_group,
                    para: pi,
                    span: Some(si),
                    alone,
                    tok: q,
                    clause_end: None,
                };
                if let Some(d) = found {
                    used[d.cue.start..d.cue.end].iter_mut().for_each(|u| *u = true);
                    item.speaker = Some(raw(text, &t, &d.speaker));
                    item.cue = Some((t.toks[d.cue.start].start, t.toks[d.cue.end - 1].end));
                    item.clause_end = Some(d.clause_end);
                }
                sent_items.push(item);
            }
            for r in indirect::find(&t, sent.start, sent.end, &used) {
                let (c0, c1) = r.content;
                let inside: Vec<usize> = sent_items
                    .iter()
                    .enumerate()
                    .filter(|(_, it)| it.tok >= c0 && it.tok < c1)
                    .map(|(k, _)| k)
                    .collect();
                let words_outside = (c0..c1).any(|k| t.is_word(k));
                let speaker = raw(text, &t, &r.speaker);
                let cue = (t.toks[r.cue.start].start, t.toks[r.cue.end - 1].end);
                if inside.iter().any(|&k| sent_items[k].speaker.is_some()) {
                    continue; // the quote inside has its own attribution
                }
                if !words_outside && inside.len() == 1 {
                    let it = &mut sent_items[inside[0]];
                    it.speaker = Some(speaker);
                    it.cue = Some(cue);
                    continue;
                }
                let kind = if inside.is_empty() {
                    QuoteKind::Indirect
                } else {
                    QuoteKind::Mixed
                };
                next_group += 1;
                for &k in &inside {
                    if let Some(si) = sent_items[k].span {
                        absorbed_by[si] = Some(next_group);
                    }
                }
                sent_items.retain(|it| !(it.tok >= c0 && it.tok < c1));
                sent_items.push(Item {
                    start: t.toks[c0].start,
                    end: t.toks[c1 - 1].end,
                    kind,
                    speaker: Some(speaker),
                    cue: Some(cue),
                    group: next_group,
                    id: next_group,
                    para: pi,
                    span: None,
                    alone: false,
                    tok: c0,
                    clause_end: None,
                });
            }
            sent_items.sort_by_key(|it| it.start);
            items.extend(sent_items);
        }
        // inheritance inside the paragraph: split quotes and quotes that stand alone
        inherit_in_paragraph(&mut items[first_item..]);
        // follow-on and multi-paragraph quotes
        let prev_speaker = last_speaker(&items[..first_item], pi);
        for k in first_item..items.len() {
            if items[k].speaker.is_some() || items[k].kind != QuoteKind::Direct {
                continue;
            }
            let si = items[k].span.unwrap_or(usize::MAX);
            let continued = spans.get(si).is_some_and(|s| s.continued);
            if continued && si > 0 {
                let owner = match absorbed_by[si - 1] {
                    Some(id) => items.iter().position(|it| it.id == id),
                    None => items.iter().position(|it| it.span == Some(si - 1)),
                };
                if let Some(o) = owner {
                    items[k].speaker = items[o].speaker.clone();
                    items[k].cue = items[o].cue;
                    items[k].group = items[o].group;
                    continue;
                }
            }
            if k == first_item && items[k].alone && t.toks[0].kind == Kind::Quote(si) {
                if let Some(d) = dangling.take() {
                    items[k].speaker = Some(d);
                } else if let Some((o, _)) = prev_speaker {
                    items[k].speaker = items[o].speaker.clone();
                    items[k].cue = items[o].cue;
                    items[k].group = items[o].group;
                }
            }
        }
        inherit_in_paragraph(&mut items[first_item..]);
        dangling = dangling_attribution(text, &t, sentences.last());
    }
    // what no attribution reached: a long quote stays an unattributed direct quote, short
    // quoted words are scare quotes
    for it in &mut items {
        if it.kind == QuoteKind::Direct && it.speaker.is_none() {
            let inner = &text[it.start..it.end];
            let words = crate::corpus::clean::words(inner);
            let sentence = inner
                .trim_end_matches(['”', '"', '’', '\'', '»', '“'])
                .ends_with(['.', '!', '?']);
            if words < 4 || (words < 8 && !sentence) {
                it.kind = QuoteKind::Scare;
            }
        }
    }
    items.sort_by_key(|it| it.start);
    resolve::resolve(text, items.into_iter().map(ItemOut::from).collect(), &names)
}

/// Inside one paragraph: an unattributed quote takes the speaker of the quote just before
/// it when it follows that quote's attribution clause or stands alone; a quote standing
/// alone before an attributed one takes its speaker.
fn inherit_in_paragraph(items: &mut [Item]) {
    for k in 1..items.len() {
        if items[k].speaker.is_none()
            && items[k].kind == QuoteKind::Direct
            && items[k - 1].speaker.is_some()
            && items[k - 1].kind != QuoteKind::Indirect
        {
            let follows = items[k - 1]
                .clause_end
                .is_some_and(|e| e == items[k].tok || e + 1 == items[k].tok)
                || items[k].alone;
            if follows {
                items[k].speaker = items[k - 1].speaker.clone();
                items[k].cue = items[k - 1].cue;
                if items[k - 1]
                    .clause_end
                    .is_some_and(|e| e == items[k].tok || e + 1 == items[k].tok)
                {
                    items[k].group = items[k - 1].group;
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
        {
            items[k].speaker = items[k + 1].speaker.clone();
            items[k].cue = items[k + 1].cue;
        }
    }
}

/// The last attributed direct or mixed quote of the previous paragraph.
fn last_speaker(items: &[Item], pi: usize) -> Option<(usize, ())> {
    let (k, it) = items
        .iter()
        .enumerate()
        .rev()
        .find(|(_, it)| it.speaker.is_some() && it.kind != QuoteKind::Scare)?;
    (pi > 0 && it.para + 1 == pi && matches!(it.kind, QuoteKind::Direct | QuoteKind::Mixed)).then_some((k, ()))
}

/// A paragraph ending "Caddell continued:" introduces the quote in the next one.
fn dangling_attribution(text: &str, t: &Tokens, last: Option<&std::ops::Range<usize>>) -> Option<Raw> {
    let s = last?;
    if s.end == 0 || !t.is_punct(s.end - 1, ':') {
        return None;
    }
    let from = s.start.max(s.end.saturating_sub(8));
    for j in (from..s.end - 1).rev() {
        if let Some(cue) = attribution::cue_at(t, j, s.end - 1) {
            let m = attribution::speaker_before(t, cue.start, s.start)?;
            return Some(raw(text, t, &m));
        }
    }
    None
}

/// An item ready for resolution.
pub(crate) struct ItemOut {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Raw>,
    pub cue: Option<(usize, usize)>,
    pub group: usize,
    pub para: usize,
}

impl From<Item> for ItemOut {
    fn from(it: Item) -> Self {
        ItemOut {
            start: it.start,
            end: it.end,
            kind: it.kind,
            speaker: it.speaker,
            cue: it.cue,
            group: it.group,
            para: it.para,
        }
    }
}
