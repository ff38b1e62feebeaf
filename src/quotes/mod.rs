//! The quote engine: finds every quotation in an article — direct (by its marks),
//! indirect (reported speech), mixed (reported speech holding a quoted fragment) — and
//! attributes it to a speaker, resolved inside the article to the fullest name used
//! ("Kosachev", "Mr Peskov", "he", "the world champion" → the full name). Scare quotes and
//! titles are kept apart and never attributed. No terminal code here.
//!
//! [`extract`] runs named passes over one article:
//! 1. [`read`]: quote marks (`marks`), tokens and sentences per paragraph (`tokens`), and
//!    what the whole article says about its words (`evidence`);
//! 2. [`find`]: per sentence, direct quotes and their attribution (`attribution`),
//!    reported speech (`reported`), and the names said outside quotes (`mentions`);
//!    then quotes that inherit a speaker (`inherit`);
//! 3. [`mark_scare`]: short quoted words nothing attributes are scare quotes;
//! 4. `resolve`: names, pronouns and descriptions to the people and things they refer to.

pub mod attribution;
pub mod evidence;
pub mod inherit;
pub mod marks;
pub mod mentions;
pub mod reported;
pub mod resolve;
pub mod roles;
pub mod tokens;
pub mod types;

use crate::corpus::Body;
pub use crate::text::lexicon::Gender;
use crate::text::lexicon::{LEX, flag};
use evidence::Para;
use marks::Span;
use mentions::{Mention, MentionKind};
use tokens::{Kind, Tokens};
pub use types::{EntityType, Quote, QuoteKind, SpeakerKind};
use types::{Item, Raw, RawKind};

/// A quote with fewer words than this, and no attribution, is a scare quote.
const SCARE_MAX_WORDS: usize = 4;
/// ...or one with fewer words than this that is not a sentence.
const SCARE_MAX_FRAGMENT_WORDS: usize = 8;
/// A quote whose sentence has at most this many words outside quotes, and no cue, stands
/// alone: it takes the speaker of the quote before it.
const LOOSE_WORDS: usize = 2;

/// Load the engine's tables now (they load on first use otherwise): a caller with other
/// work to do first can run this on another thread.
pub fn warm_up() {
    std::sync::LazyLock::force(&LEX);
}

/// All quotations in an article's body, in text order (scare quotes included, marked as
/// such). Takes an [`Article`](crate::corpus::Article) whose body is in memory, or a [`Body`].
pub fn extract(article: &impl AsRef<Body>) -> Vec<Quote> {
    let article = article.as_ref();
    let doc = read(article);
    let (mut items, names, heads) = find(&doc);
    mark_scare(doc.text, &mut items);
    items.sort_by_key(|it| it.start);
    resolve::resolve(doc.text, items, &names, &heads, &doc.paras)
}

/// Paragraphs left out of the reading view whose names still tell who is who: the title
/// ("Dolores LaPlante was back in court") and captions ("Prime Minister Justin Trudeau
/// holds a town hall"). No quote is taken from them.
const NAME_SOURCES: [&str; 3] = ["title", "image caption", "repeated"];

/// An article read for the passes.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub spans: Vec<Span>,
    /// Tokenized paragraphs: the body's in article order (empty ones included, to keep
    /// indexes), then the title and captions (from `body_len` on).
    pub paras: Vec<Para>,
    pub body_len: usize,
}

/// Pass 1: marks, tokens, sentences, and the article's evidence on its words.
pub(crate) fn read(article: &Body) -> Doc<'_> {
    let text = article.text.as_str();
    let spans = marks::find(article);
    let para = |r: std::ops::Range<usize>| {
        let tokens = Tokens::of(text, r, &spans);
        let sentences = tokens.sentences(text);
        Para { tokens, sentences }
    };
    let mut paras: Vec<Para> = article.paragraphs.iter().map(|p| para(p.range())).collect();
    let body_len = paras.len();
    paras.extend(
        article
            .removed
            .iter()
            .filter(|r| NAME_SOURCES.contains(&r.reason.as_str()) && r.end <= text.len())
            .map(|r| para(r.start..r.end))
            .filter(|p| !title_case(&p.tokens)),
    );
    evidence::annotate(text, &mut paras);
    Doc {
        text,
        spans,
        paras,
        body_len,
    }
}

/// A headline in Title Case ("Obama Sees Personal Insult If…") capitalises words that
/// are no names: it tells nothing of who is who.
fn title_case(t: &Tokens) -> bool {
    let words = (0..t.len()).filter(|&k| t.is_word(k) && t.lower(k).chars().any(char::is_alphabetic));
    let (caps, all) = words.fold((0, 0), |(c, a), k| (c + t.toks[k].cap as usize, a + 1));
    caps * 2 > all
}

fn slice(text: &str, t: &Tokens, a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    crate::text::words::collapse(&text[t.toks[a].start..t.toks[b - 1].end])
}

/// The clean role of a mention: words before the name, or an appositive after it.
fn role_of(text: &str, t: &Tokens, m: &Mention) -> Option<String> {
    let (a, b) = m.role?;
    let name_start = match m.kind {
        MentionKind::Name { name } => name.0,
        _ => m.start,
    };
    if b <= name_start {
        roles::before_name(text, t, a, b)
    } else {
        roles::appositive(text, t, a, b)
    }
}

/// A mention as a speaker found in the text.
fn raw(text: &str, t: &Tokens, m: &Mention) -> Raw {
    // the words that name the speaker: a name with the capitalised titles just before it
    // ("Mr Peskov", "President Putin"), not a descriptive role ("Vladimir Putin's spokesman")
    let mention_start = match &m.kind {
        MentionKind::Name { name } => {
            let mut k = name.0;
            while k > m.start && t.toks[k - 1].cap && t.has(k - 1, flag::BEFORE_NAME) {
                k -= 1;
            }
            k
        }
        _ => m.start,
    };
    let kind = match &m.kind {
        MentionKind::Name { name } => RawKind::Name(
            mentions::strip_possessive(&crate::text::words::name_words(&slice(text, t, name.0, name.1))).to_string(),
        ),
        MentionKind::Pronoun(p) => RawKind::Pronoun(*p),
        MentionKind::Thing { name, entity } => RawKind::Thing(
            mentions::strip_possessive(&slice(text, t, name.0, name.1)).to_string(),
            *entity,
        ),
        MentionKind::Description { head, definite } => RawKind::Description {
            head: t.stem(*head).to_string(),
            definite: *definite,
        },
    };
    Raw {
        kind,
        mention: (t.toks[mention_start].start, t.toks[m.end - 1].end),
        role: role_of(text, t, m),
        gender: m.gender,
    }
}

/// Pass 2: quotes with the speakers their sentences give, and every name said outside
/// quotes.
fn find(doc: &Doc) -> (Vec<Item>, Vec<resolve::Occ>, Vec<resolve::Occ>) {
    let text = doc.text;
    let spans = &doc.spans;
    let mut items: Vec<Item> = Vec::new();
    let mut names: Vec<resolve::Occ> = Vec::new();
    let mut absorbed_by: Vec<Option<usize>> = vec![None; spans.len()];
    let mut dangling: Option<Raw> = None; // "Caddell continued:" at a paragraph's end
    let mut next_id = 0usize; // also the group of each item
    let mut sentence_id = 0usize;
    let mut scratch = Vec::new();

    // the names of the title and captions: who is who, not who spoke when
    let mut heads: Vec<resolve::Occ> = Vec::new();
    for (pi, p) in doc.paras.iter().enumerate().skip(doc.body_len) {
        for sent in &p.sentences {
            resolve::occurrences(&p.tokens, sent, 0, pi, &mut scratch, &mut heads);
        }
    }
    for (pi, p) in doc.paras[..doc.body_len].iter().enumerate() {
        let t = &p.tokens;
        if t.is_empty() {
            continue;
        }
        let mut used = vec![false; t.len()];
        let first_item = items.len();
        for (sn, sent) in p.sentences.iter().enumerate() {
            sentence_id += 1;
            resolve::occurrences(t, sent, sentence_id, pi, &mut scratch, &mut names);
            let mut sent_items = direct_quotes(doc, pi, sn, sentence_id, &mut next_id, &mut used);
            reported_speech(
                text,
                t,
                sent,
                (pi, sentence_id),
                &used,
                &mut next_id,
                &mut absorbed_by,
                &mut sent_items,
            );
            sent_items.sort_by_key(|it| it.start);
            items.extend(sent_items);
        }
        inherit::in_paragraph(&mut items[first_item..], t);
        let continued_from = |si: usize| -> Option<inherit::Owner> {
            if si == 0 || !spans.get(si).is_some_and(|s| s.continued) {
                return None;
            }
            Some(match absorbed_by[si - 1] {
                Some(id) => inherit::Owner::Item(id),
                None => inherit::Owner::Span(si - 1),
            })
        };
        inherit::across_paragraphs(&mut items, first_item, pi, t, &continued_from, &mut dangling);
        subject_before(text, p, &mut items[first_item..]);
        dangling = inherit::dangling_attribution(t, p.sentences.last()).map(|m| raw(text, t, &m));
    }
    (items, names, heads)
}

/// What follows an answering cue ending at `k` is no content of its own: a comma comes
/// before any "that", colon or quotation ("fired back in March, attacking…").
fn answers_nothing(t: &Tokens, k: usize, hi: usize) -> bool {
    (k..hi)
        .find(|&j| {
            t.is_punct(j, ',') || t.is_punct(j, ':') || t.word_is(j, "that") || matches!(t.toks[j].kind, Kind::Quote(_))
        })
        .is_some_and(|j| t.is_punct(j, ','))
}

/// The `n`th quote of the sentence is a sentence of its own run into the next quote:
/// nothing but punctuation before it in the sentence and between the two, and its words
/// end a sentence ("“You need luck.” “We have the power,” added Ruddock." — the first is
/// as alone as if the sentence had been split there).
fn whole_before_next(
    text: &str,
    t: &Tokens,
    sent: &std::ops::Range<usize>,
    quotes: &[usize],
    n: usize,
    span: std::ops::Range<usize>,
) -> bool {
    let (q, Some(&next)) = (quotes[n], quotes.get(n + 1)) else {
        return false;
    };
    let punct_only = |r: std::ops::Range<usize>| r.into_iter().all(|k| matches!(t.toks[k].kind, Kind::Punct(_)));
    punct_only(sent.start..q) && punct_only(q + 1..next) && ends_sentence(&text[span])
}

/// The quoted words end a sentence: their last mark, past closing quotes and spaces, is a
/// full stop, a question or an exclamation mark.
fn ends_sentence(quoted: &str) -> bool {
    quoted
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '?' | '!'))
        .ends_with(['.', '?', '!'])
}

/// The `n`th quote of the sentence is a sentence of its own after the quote before: it
/// comes right after that one, whose words end a sentence, opens with a capital and ends
/// the sentence ("…on “Fox and Friends.” “I mean…”" — as alone as if the sentence had been
/// split there).
fn whole_after_previous(
    text: &str,
    t: &Tokens,
    sent: &std::ops::Range<usize>,
    quotes: &[usize],
    n: usize,
    spans: &[Span],
) -> bool {
    let q = quotes[n];
    let Some(prev) = n.checked_sub(1).map(|p| quotes[p]).filter(|&p| p + 1 == q) else {
        return false;
    };
    let Kind::Quote(ps) = t.toks[prev].kind else {
        return false;
    };
    t.toks[q].cap
        && ends_sentence(&text[spans[ps].start..spans[ps].end])
        && (q + 1..sent.end).all(|k| matches!(t.toks[k].kind, Kind::Punct(_)))
}

/// The direct quotes of sentence `sn` of paragraph `pi` (the `sentence_id`th of the
/// body), with the speakers their own sentence (or the next) gives. The cue words taken
/// are marked `used`.
fn direct_quotes(
    doc: &Doc,
    pi: usize,
    sn: usize,
    sentence_id: usize,
    next_id: &mut usize,
    used: &mut [bool],
) -> Vec<Item> {
    let (text, spans) = (doc.text, &doc.spans);
    let p = &doc.paras[pi];
    let (t, sent) = (&p.tokens, &p.sentences[sn]);
    let quotes: Vec<usize> = sent
        .clone()
        .filter(|&k| matches!(t.toks[k].kind, Kind::Quote(_)))
        .collect();
    // a quote standing alone in its sentence, but for a word or two and no cue
    // ("Instead, “he just acts like a defeated man.”")
    let no_cue = !quotes.is_empty()
        && !sent
            .clone()
            .any(|k| t.has(k, flag::CUE | flag::PHRASE_HEAD) && attribution::cue_at(t, k, sent.end).is_some());
    let alone = no_cue && sent.clone().filter(|&k| t.is_word(k)).count() <= LOOSE_WORDS;
    // the only cues are answers closed by a comma, with no content of their own ("Fox
    // protested, calling the bill “a giveaway.”"): the quote is the subject's as if there
    // were none
    let bare_replies = || {
        sent.clone().all(|k| {
            !t.has(k, flag::CUE | flag::PHRASE_HEAD)
                || attribution::cue_at(t, k, sent.end).is_none_or(|c| {
                    c.role == crate::text::lexicon::CueRole::Reply && answers_nothing(t, c.end, sent.end)
                })
        })
    };
    let mut sent_items = Vec::new();
    for (n, &q) in quotes.iter().enumerate() {
        let hi = quotes.get(n + 1).copied().unwrap_or(sent.end);
        let lo = if n > 0 { quotes[n - 1] + 1 } else { sent.start };
        let Kind::Quote(si) = t.toks[q].kind else { continue };
        // ("Osborne said: “…,” he said.": attributed on both sides, the name before it is
        // who the pronoun after it means)
        let found = attribution::after_quote(t, q, hi, sent.start)
            .map(|d| {
                if d.speaker.is_he_or_she() {
                    attribution::before_quote(t, q, lo, sent.start)
                        .filter(|b| b.speaker.is_name())
                        .unwrap_or(d)
                } else {
                    d
                }
            })
            .or_else(|| attribution::before_quote(t, q, lo, sent.start))
            .or_else(|| {
                // “…?” Michael Every, a senior strategist, said in a commentary.
                let next = p.sentences.get(sn + 1)?;
                let last = (q + 1..sent.end).all(|k| matches!(t.toks[k].kind, Kind::Punct(_)));
                if n + 1 < quotes.len() || !last || (next.clone()).any(|k| matches!(t.toks[k].kind, Kind::Quote(_))) {
                    return None;
                }
                attribution::after_quote(t, q, next.end, sent.start)
                    .filter(|d| d.cue.start >= next.start && reported::closes_sentence(t, d.clause_end, next.end))
            });
        *next_id += 1;
        let mut item = Item {
            start: spans[si].start,
            end: spans[si].end,
            kind: QuoteKind::Direct,
            speaker: None,
            cue: None,
            group: *next_id,
            id: *next_id,
            para: pi,
            sentence: sentence_id,
            span: Some(si),
            alone: alone
                || whole_before_next(text, t, sent, &quotes, n, spans[si].start..spans[si].end)
                || whole_after_previous(text, t, sent, &quotes, n, spans),
            led: no_cue
                && q > sent.start
                && t.is_punct(q - 1, ':')
                && (sent.start..q).any(|k| LEX.cue_nouns.contains(&t.toks[k].hash)),
            tok: q,
            clause_end: None,
        };
        if let Some(d) = found {
            used[d.cue.start..d.cue.end].iter_mut().for_each(|u| *u = true);
            item.speaker = Some(raw(text, t, &d.speaker));
            item.cue = Some((t.toks[d.cue.start].start, t.toks[d.cue.end - 1].end));
            item.clause_end = Some(d.clause_end);
        } else if !alone && (no_cue || bare_replies()) {
            item.speaker = subject_quoting(text, t, sent.start, q, spans[si].start, spans[si].end);
        }
        sent_items.push(item);
    }
    sent_items
}

/// The reported speech of sentence `sent` ("X said that …"), into `sent_items`: a direct
/// quote inside takes the speaker when it stands alone in the content, else it becomes
/// part of a mixed quote (`absorbed_by` says which).
#[allow(clippy::too_many_arguments)]
fn reported_speech(
    text: &str,
    t: &Tokens,
    sent: &std::ops::Range<usize>,
    (pi, sentence_id): (usize, usize),
    used: &[bool],
    next_id: &mut usize,
    absorbed_by: &mut [Option<usize>],
    sent_items: &mut Vec<Item>,
) {
    let mut last_group = 0;
    for r in reported::find(t, sent.start, sent.end, used) {
        let (c0, c1) = r.content;
        let inside: Vec<usize> = sent_items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.tok >= c0 && it.tok < c1)
            .map(|(k, _)| k)
            .collect();
        let words_outside = (c0..c1).any(|k| t.is_word(k));
        let speaker = raw(text, t, &r.speaker);
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
        *next_id += 1;
        // the second part of a statement split by a parenthetical cue
        let group = if r.joined { last_group } else { *next_id };
        last_group = group;
        for &k in &inside {
            if let Some(si) = sent_items[k].span {
                absorbed_by[si] = Some(*next_id);
            }
        }
        sent_items.retain(|it| !(it.tok >= c0 && it.tok < c1));
        sent_items.push(Item {
            start: t.toks[c0].start,
            end: t.toks[c1 - 1].end,
            kind,
            speaker: Some(speaker),
            cue: Some(cue),
            group,
            id: *next_id,
            para: pi,
            sentence: sentence_id,
            span: None,
            alone: false,
            led: false,
            tok: c0,
            clause_end: None,
        });
    }
}

/// The most tokens from a naming verb to the quote it names ("called the Indiana
/// governor “…”").
const NAMED_OBJECT: usize = 6;

/// The speaker of a quote that ends a sentence with no cue, whose subject is a person
/// named or "he"/"she": "She rhymed off a list of countries for “publicly coming out
/// and speaking against these arbitrary detentions.”" A quote of a few words is a title or
/// a slogan, not theirs; a quote after "was", "is" is said of them.
fn subject_quoting(text: &str, t: &Tokens, lo: usize, q: usize, qs: usize, qe: usize) -> Option<Raw> {
    // a verb naming its object with the quote makes a shorter fragment the subject's: "She
    // called his executive actions “a crucial step forward.”" (looked for before the
    // subject, which is dearer to find)
    let words = crate::text::words::words(&text[qs..qe]);
    let naming = (lo..q)
        .rev()
        .find(|&k| t.is_word(k) && LEX.naming_verbs.contains(&t.toks[k].hash));
    if words < SCARE_MAX_WORDS || (words < SCARE_MAX_FRAGMENT_WORDS && naming.is_none()) {
        return None;
    }
    // ("While Wallace ran…, Nixon's strategy led to what aide Kevin Phillips called “…”":
    // a person named right before the naming verb is its subject, whatever the sentence's,
    // when the verb names this quote: a few plain words at most between them)
    if let Some(k) = naming
        && q - k <= NAMED_OBJECT
        && (k + 1..q).all(|x| t.is_word(x))
        && let Some(m) = attribution::speaker_before(t, k, lo)
        && m.end == k
        && m.is_personal()
        && !t.possessive(m.end - 1)
    {
        return Some(raw(text, t, &m));
    }
    let m = attribution::sentence_subject(t, lo, q)?;
    // (the naming verb is the subject's, after it, not a subordinate clause's: "Kasich is
    // coming off a strong debate, when many commentators called him “the grownup…”")
    if words < SCARE_MAX_FRAGMENT_WORDS && naming.is_none_or(|k| k < m.end || subordinate_clause(t, m.end, k)) {
        return None;
    }
    // (not "Scott's family urged…": the family's; not "Im was hailed for his “…”" nor
    // "Miyagishima is the recipient of the award, which is “…”": said of them, not by them)
    // (but "is labeling his actions “…”" is progressive, the subject's doing)
    let said_of =
        (m.end..q).any(|k| t.is_word(k) && LEX.be_forms.contains(&t.toks[k].hash) && !t.lower_ending(k + 1, "ing"));
    (m.is_personal() && m.end < q && !t.possessive(m.end - 1) && !said_of).then(|| raw(text, t, &m))
}

/// A comma and a subordinator between `from` and `to` open a clause with a subject of its
/// own, not inside a relative clause about the subject before `from` ("Bush, who has
/// resented…, as he has struggled, called his rival “…”" is still Bush's).
fn subordinate_clause(t: &Tokens, from: usize, to: usize) -> bool {
    (from..to).any(|j| {
        t.is_punct(j, ',')
            && t.is_word(j + 1)
            && LEX.subordinators.contains(&t.toks[j + 1].hash)
            && !(from..j).any(|r| t.is_word(r) && t.has(r, flag::RELATIVE))
    })
}

/// The speakers of a paragraph's quotes standing alone after a sentence about a person,
/// with no attribution of their own: "Clinton touted her credentials. “We need to find
/// ways…”"
fn subject_before(text: &str, p: &Para, items: &mut [Item]) {
    let t = &p.tokens;
    for item in items {
        if item.speaker.is_some() || item.kind != QuoteKind::Direct || !item.alone {
            continue;
        }
        let Some(si) = p.sentences.iter().position(|s| s.contains(&item.tok)) else {
            continue;
        };
        let Some(prev) = si.checked_sub(1).map(|x| &p.sentences[x]) else {
            continue;
        };
        if prev.clone().any(|x| matches!(t.toks[x].kind, Kind::Quote(_))) {
            continue;
        }
        if let Some(m) = attribution::sentence_subject(t, prev.start, prev.end)
            && (m.is_name() || m.is_pronoun())
            && !matches!(
                m.kind,
                MentionKind::Pronoun(
                    crate::text::lexicon::PronounKind::Plural
                        | crate::text::lexicon::PronounKind::FirstPerson
                        | crate::text::lexicon::PronounKind::Neuter
                )
            )
        {
            item.speaker = Some(raw(text, t, &m));
        }
    }
}

/// Pass 3: what no attribution reached — a long quote stays an unattributed direct
/// quote, short quoted words are scare quotes.
fn mark_scare(text: &str, items: &mut [Item]) {
    for it in items {
        if it.kind == QuoteKind::Direct && it.speaker.is_none() {
            let inner = &text[it.start..it.end];
            // Chinese and Japanese put no spaces between words: two characters make one
            let ideographs = inner.chars().filter(|&c| crate::text::words::is_ideograph(c)).count();
            let words = crate::text::words::words(inner).max(ideographs / 2);
            let sentence = inner
                .trim_end_matches(marks::CLOSING)
                .ends_with(['.', '!', '?', '。', '！', '？']);
            if words < SCARE_MAX_WORDS || (words < SCARE_MAX_FRAGMENT_WORDS && !sentence) {
                it.kind = QuoteKind::Scare;
            }
        }
    }
}
