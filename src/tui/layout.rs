//! An article laid out for the reader at one width: title, byline, then the paragraphs
//! wrapped with textwrap, each line a byte range of the article text plus style spans
//! (quotes, speakers). Built once per (article, width); drawing reads a slice of it.

use crate::corpus::{Article, Body, Corpus};
use crate::index::{Index, PersonId, QuoteRef};
use crate::quotes::{QuoteKind, SpeakerKind};
use textwrap::core::Word;

/// What the reader adds to the text: numbered links and the quote a link landed on.
#[derive(Debug, Default)]
pub struct Extras<'a> {
    /// Linked people of this article; link N is `links[N-1]`.
    pub links: &'a [PersonId],
    pub selected_link: Option<usize>,
    /// Quote index to highlight.
    pub target: Option<usize>,
    /// Starred quote indexes (a ★ before the speaker in the note under the paragraph).
    pub starred: &'a [usize],
}

/// What a stretch of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Title,
    Byline,
    Quote,
    /// A quote that is reported (indirect or mixed).
    Reported,
    Speaker,
    /// The quote a link landed on.
    Target,
    /// "Also quoted elsewhere" and other notes.
    Note,
    /// A link marker "[1]".
    Link,
    /// The link the cursor is on.
    LinkSelected,
}

/// One screen line.
#[derive(Debug, Clone)]
pub struct Line {
    /// Display text: whitespace turned to spaces, so byte i here is byte `src + i` in the
    /// article (for lines from the text) .
    pub text: String,
    /// Byte offset in the article text where the line starts (None for generated lines).
    pub src: Option<usize>,
    /// Paragraph index (None for the header and notes).
    pub para: Option<usize>,
    /// Styled byte ranges within `text`.
    pub marks: Vec<(usize, usize, Mark)>,
}

impl Line {
    /// An empty line between blocks.
    fn blank() -> Line {
        Line {
            text: String::new(),
            src: None,
            para: None,
            marks: vec![],
        }
    }
}

/// The laid-out article.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub width: u16,
    /// The article laid out (None: nothing open, or a placeholder while a worker lays the
    /// article out; its lines then hold no reading position).
    pub article: Option<usize>,
    pub lines: Vec<Line>,
    /// First line of each paragraph.
    pub para_first: Vec<usize>,
}

/// ASCII whitespace becomes a space (same byte length, so offsets still map 1:1).
fn display(s: &str) -> std::borrow::Cow<'_, str> {
    // (most paragraphs hold no whitespace but spaces: borrowed as they are)
    if !s.bytes().any(|b| b.is_ascii_whitespace() && b != b' ') {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| if c.is_ascii_whitespace() { ' ' } else { c })
        .collect()
}

/// Wrap `text` (already display-safe) to `width`, returning byte ranges of each line.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let base = text.as_ptr() as usize;
    let mut words: Vec<Word> = Vec::new();
    let mut i = 0;
    let b = text.as_bytes();
    while i < b.len() {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let s = i;
        while i < b.len() && b[i] != b' ' {
            i += 1;
        }
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if s < i {
            words.push(Word::from(&text[s..i]));
        }
    }
    let words: Vec<Word> = textwrap::core::break_words(words, width);
    let lines = textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64]);
    lines
        .iter()
        .filter_map(|l| {
            let first = l.first()?;
            let last = l.last()?;
            let s = first.word.as_ptr() as usize - base;
            let e = last.word.as_ptr() as usize - base + last.word.len();
            Some((s, e))
        })
        .collect()
}

/// A generated line built from pieces, each with its mark.
fn note_lines(out: &mut Layout, pieces: &[(String, Mark)], width: usize, indent: usize) {
    let mut text = String::new();
    let mut marks = Vec::new();
    for (t, m) in pieces {
        let s = text.len();
        text.push_str(&display(t));
        marks.push((s, text.len(), *m));
    }
    let pad = " ".repeat(indent.min(width.saturating_sub(1)));
    for (a, b) in wrap_ranges(&text, width.saturating_sub(pad.len()).max(1)) {
        let line_marks = marks
            .iter()
            .filter_map(|&(s, e, m)| {
                let (s, e) = (s.max(a), e.min(b));
                (s < e).then(|| (s - a + pad.len(), e - a + pad.len(), m))
            })
            .collect();
        out.lines.push(Line {
            text: format!("{pad}{}", &text[a..b]),
            src: None,
            para: None,
            marks: line_marks,
        });
    }
}

/// What the reader shows of article `article` while a worker lays it out: its title,
/// byline and a note saying so.
pub fn placeholder(article: &Article, width: u16) -> Layout {
    let mut out = header(article, width, Vec::new());
    out.lines.push(Line::blank());
    let note = format!("Laying out this article ({} words)…", article.words);
    note_lines(&mut out, &[(note, Mark::Note)], width.max(1) as usize, 0);
    out
}

/// A layout of the title and byline only.
fn header(article: &Article, width: u16, para_first: Vec<usize>) -> Layout {
    let w = width.max(1) as usize;
    let mut out = Layout {
        width,
        article: None,
        lines: Vec::new(),
        para_first,
    };
    for (text, mark) in [
        (article.meta.title.clone(), Mark::Title),
        (article.byline(), Mark::Byline),
    ] {
        if mark == Mark::Byline && text.is_empty() {
            continue;
        }
        generated(&mut out, &text, mark, w);
    }
    out
}

/// A generated line of one mark, wrapped.
fn generated(out: &mut Layout, s: &str, mark: Mark, w: usize) {
    let text = display(s);
    for (a, b) in wrap_ranges(&text, w) {
        let t = text[a..b].to_string();
        let n = t.len();
        out.lines.push(Line {
            text: t,
            src: None,
            para: None,
            marks: vec![(0, n, mark)],
        });
    }
}

/// Lay out article `ai` (its `body`, or why it cannot be read) at `width` columns; given
/// up (None) as soon as `cancel` is set: a worker's layout no longer wanted stops between
/// paragraphs.
#[allow(clippy::too_many_arguments)]
pub fn layout(
    article: &Article,
    body: Result<&Body, &str>,
    ai: usize,
    index: Option<&Index>,
    corpus: &Corpus,
    width: u16,
    extra: &Extras,
    cancel: &std::sync::atomic::AtomicBool,
) -> Option<Layout> {
    let w = width.max(1) as usize;
    let mut out = header(article, width, Vec::with_capacity(article.paragraph_count));
    out.article = Some(ai);
    let body = match body {
        Ok(b) => b,
        Err(why) => {
            generated(&mut out, "", Mark::Note, w);
            generated(&mut out, &format!("Cannot show this article: {why}"), Mark::Note, w);
            return Some(out);
        }
    };
    let mut spans = marked_spans(index, ai, extra);
    spans.sort_by_key(|s| s.0);
    // each paragraph's quotes, found once (not a pass over every quote per paragraph)
    let mut para_quotes: Vec<Vec<usize>> = vec![Vec::new(); body.paragraphs.len()];
    if let Some(ix) = index {
        for (qi, q) in ix.quotes.get(ai).into_iter().flatten().enumerate() {
            if let Some(v) = para_quotes.get_mut(q.para) {
                v.push(qi);
            }
        }
    }
    for (pi, p) in body.paragraphs.iter().enumerate() {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        out.lines.push(Line::blank());
        out.para_first.push(out.lines.len());
        let text = display(body.text.get(p.start..p.end).unwrap_or(""));
        let first_span = spans.partition_point(|s| s.1 <= p.start);
        for (a, b) in wrap_ranges(&text, w) {
            let (src_a, src_b) = (p.start + a, p.start + b);
            let mut marks = Vec::new();
            for &(s, e, m) in spans[first_span..].iter().take_while(|s| s.0 < p.end) {
                let (s, e) = (s.max(src_a), e.min(src_b));
                if s < e {
                    marks.push((s - src_a, e - src_a, m));
                }
            }
            out.lines.push(Line {
                text: text[a..b].to_string(),
                src: Some(src_a),
                para: Some(pi),
                marks,
            });
        }
        if let Some(ix) = index {
            let pieces = speaker_note(ix, corpus, ai, &para_quotes[pi], extra);
            if !pieces.is_empty() {
                note_lines(&mut out, &pieces, w, 2);
            }
        }
    }
    if let Some(ix) = index {
        also_quoted(&mut out, ix, corpus, ai, extra, w);
    }
    Some(out)
}

/// The style ranges of article `ai` in article coordinates: its quotes (the followed
/// link's target apart) and their speakers' mentions.
fn marked_spans(index: Option<&Index>, ai: usize, extra: &Extras) -> Vec<(usize, usize, Mark)> {
    let mut spans: Vec<(usize, usize, Mark)> = Vec::new();
    if let Some(ix) = index {
        for (qi, q) in ix.quotes.get(ai).into_iter().flatten().enumerate() {
            if q.kind == QuoteKind::Scare {
                continue;
            }
            if extra.target == Some(qi) {
                spans.push((q.start, q.end, Mark::Target));
                continue;
            }
            let m = if q.kind == QuoteKind::Direct {
                Mark::Quote
            } else {
                Mark::Reported
            };
            spans.push((q.start, q.end, m));
            if let (Some(s), Some(e)) = (q.mention_start, q.mention_end)
                && q.speaker.is_some()
            {
                spans.push((s, e, Mark::Speaker));
            }
        }
    }
    spans
}

/// "Also quoted elsewhere": the open article's linked people, numbered, each with the
/// other articles that quote them.
fn also_quoted(out: &mut Layout, ix: &Index, corpus: &Corpus, ai: usize, extra: &Extras, w: usize) {
    if extra.links.is_empty() {
        return;
    }
    out.lines.push(Line::blank());
    note_lines(out, &[("Also quoted elsewhere".to_string(), Mark::Title)], w, 0);
    for (i, &pid) in extra.links.iter().enumerate() {
        let p = &ix.people[pid];
        let m = if extra.selected_link == Some(i) {
            Mark::LinkSelected
        } else {
            Mark::Link
        };
        let mut head = vec![(format!("[{}] ", i + 1), m), (p.name.clone(), Mark::Speaker)];
        if let Some(r) = p.roles.first() {
            head.push((format!(", {r}"), Mark::Note));
        }
        note_lines(out, &head, w, 0);
        for &other in p.articles.iter().filter(|&&o| o != ai) {
            let a = &corpus.articles[other];
            let n = p.quotes.iter().filter(|q| q.article == other).count();
            let byline = a.byline();
            let line = format!(
                "{}{}{} ({n} quote{})",
                if byline.is_empty() {
                    String::new()
                } else {
                    format!("{byline} · ")
                },
                a.meta.title,
                "",
                if n == 1 { "" } else { "s" }
            );
            note_lines(out, &[(line, Mark::Note)], w, 4);
        }
    }
}

/// "↳ Aleksey Pushkov · Konstantin Kosachev [1], also reported by The Independent": who
/// speaks in a paragraph (its `quotes`, by index), with link numbers and statements reported elsewhere.
fn speaker_note(ix: &Index, corpus: &Corpus, ai: usize, quotes: &[usize], extra: &Extras) -> Vec<(String, Mark)> {
    let mut seen: Vec<String> = Vec::new();
    let mut pieces: Vec<(String, Mark)> = Vec::new();
    for &qi in quotes {
        let q = &ix.quotes[ai][qi];
        if q.kind == QuoteKind::Scare || q.speaker_kind.is_none() {
            continue;
        }
        let pid = ix.speaker_of(ai, qi);
        let name = match (pid, q.speaker_kind) {
            (Some(p), _) => ix.people[p].name.clone(),
            (None, Some(SpeakerKind::Description)) => match &q.mention {
                Some(m) => format!("({m})"),
                None => continue,
            },
            _ => continue,
        };
        let mut also = String::new();
        if let Some(st) = ix.statement_of(QuoteRef::new(ai, qi)) {
            let others: Vec<String> = st
                .quotes
                .iter()
                .filter(|x| x.article != ai)
                .map(|x| {
                    let other = &corpus.articles[x.article];
                    other.meta.source.clone().unwrap_or_else(|| other.meta.title.clone())
                })
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            if !others.is_empty() {
                also = format!("also reported by {}", others.join(", "));
            }
        }
        let name = if extra.starred.contains(&qi) {
            format!("★ {name}")
        } else {
            name
        };
        let key = format!("{name}{also}");
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        pieces.push((
            if pieces.is_empty() {
                "↳ ".to_string()
            } else {
                " · ".to_string()
            },
            Mark::Note,
        ));
        pieces.push((name, Mark::Speaker));
        if let Some(p) = pid
            && let Some(n) = extra.links.iter().position(|&l| l == p)
        {
            let m = if extra.selected_link == Some(n) {
                Mark::LinkSelected
            } else {
                Mark::Link
            };
            pieces.push((format!(" [{}]", n + 1), m));
        }
        if !also.is_empty() {
            pieces.push((format!(", {also}"), Mark::Note));
        }
    }
    pieces
}

impl Layout {
    /// The line showing byte `pos` of the article, or the nearest after.
    pub fn line_of(&self, pos: usize) -> usize {
        let mut best = 0;
        for (i, l) in self.lines.iter().enumerate() {
            if let Some(s) = l.src {
                if s > pos {
                    break;
                }
                best = i;
            }
        }
        best
    }

    /// First line and end (exclusive) of paragraph `para`'s block: its lines, its notes
    /// and the blank line before the next paragraph.
    fn block(&self, para: usize) -> Option<(usize, usize)> {
        let first = *self.para_first.get(para)?;
        let end = self
            .para_first
            .get(para + 1)
            .copied()
            .unwrap_or(self.lines.len())
            .max(first + 1);
        Some((first, end))
    }

    /// The paragraph block holding line `i` and how far into it (0..1): a reading
    /// position that survives a change of width. None above the first paragraph.
    pub fn anchor(&self, i: usize) -> Option<(usize, f64)> {
        let para = self.para_first.partition_point(|&f| f <= i).checked_sub(1)?;
        let (first, end) = self.block(para)?;
        Some((para, (i - first) as f64 / (end - first) as f64))
    }

    /// The line for an anchor from another width (or another session).
    pub fn line_for(&self, anchor: (usize, f64)) -> usize {
        let (para, frac) = anchor;
        let Some((first, end)) = self.block(para) else { return 0 };
        first + ((end - first) as f64 * frac.clamp(0.0, 1.0)).round() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_width_by_display_columns() {
        let t = "one two three four five six seven";
        let r = wrap_ranges(t, 10);
        let lines: Vec<&str> = r.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(lines, ["one two", "three four", "five six", "seven"]);
        let cjk = "日本語のテキストです";
        for (a, b) in wrap_ranges(cjk, 6) {
            assert!(crate::text::width(&cjk[a..b]) <= 6);
        }
        assert!(wrap_ranges("", 10).is_empty());
        assert_eq!(wrap_ranges("abcdefghij", 1).len(), 10);
    }
}
