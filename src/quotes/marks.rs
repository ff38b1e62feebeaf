//! Finding direct quotations by their marks: curly “…”, straight "…", guillemets «…»,
//! low-high „…“, and top-level single quotes ‘…’ / '…'. Apostrophes (it's, Russia's, the
//! '90s) are not quote marks. A quote that is still open at the end of a paragraph goes on
//! only if the next paragraph reopens with a mark (the newspaper convention for
//! multi-paragraph quotes); otherwise the stray mark is dropped, so it never swallows the
//! rest of the article.

use crate::corpus::Body;

/// What may follow a quotation's last word inside its span: closing marks of every kind
/// (a curly opening mark used as a closer too) and spaces. Trimmed off, the quoted words'
/// own last mark shows: "“…,”" ends in a comma, "“….”" ends a sentence.
pub const CLOSING: [char; 9] = ['”', '"', '’', '\'', '»', '“', '」', '』', ' '];

/// One quoted span inside one paragraph (a multi-paragraph quote is several spans).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offsets in the article text; the marks are included.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (in `Body::paragraphs`).
    pub para: usize,
    /// The quote goes on in the next paragraph (this span has no closing mark).
    pub continues: bool,
    /// This span continues the previous span's quote: from the paragraph before, or
    /// reopened after a sentence in the same paragraph.
    pub continued: bool,
    /// A nickname inside a name (`Riefian “Ifan” Fajarsyah`, `Robert "Bob" Smith`): no
    /// quotation, and read as if the marks and the words inside were not there.
    pub nickname: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
    /// A sentence ends just before it, across a space ("…the Act. "Now…"): an opener here,
    /// while a quote is open, is the flattened-paragraph convention for a quote going on.
    after_stop: bool,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn opens_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:;,“‘\"'«„".contains(c),
    }
}

fn closes_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_whitespace() || ",.;:!?)]}—–-…”’\"'»".contains(c),
    }
}

/// The character ending just before byte `i` of `text`.
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The characters that can be quote marks.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»')
}

/// The first byte at or after `i` that can start a quote mark: " ' or the lead byte of
/// “ ” ‘ ’ „ (0xE2) or of « » (0xC2). SIMD searches (memchr): this runs over every
/// paragraph.
fn next_lead(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    let first = memchr::memchr3(b'"', b'\'', 0xE2, rest);
    let guillemet = memchr::memchr(0xC2, &rest[..first.unwrap_or(rest.len())]);
    guillemet.or(first).map(|k| i + k)
}

/// `text` holds a quote mark.
fn has_mark(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_lead(b, i) {
        if text[at..].chars().next().is_some_and(is_mark) {
            return true;
        }
        i = at + 1;
    }
    false
}

/// The quote marks of one paragraph, classified. Only bytes that can start a mark are
/// looked at (" ' and the lead bytes of “ ” ‘ ’ „ « »), so running text costs a byte scan.
fn marks(text: &str, base: usize) -> Vec<Mark> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(at) = next_lead(b, i) else {
            break;
        };
        i = at;
        let Some(mut c) = text[i..].chars().next() else { break };
        let mut len = c.len_utf8();
        if !is_mark(c) {
            i += len;
            continue;
        }
        // two apostrophes stand for a double quote mark in some archives: ''like this''
        if c == '\'' && b.get(i + 1) == Some(&b'\'') {
            c = '"';
            len = 2;
        }
        let prev = char_before(text, i);
        let next = text[i + len..].chars().next();
        let after_stop = prev.is_some_and(char::is_whitespace) && text[..i].trim_end().ends_with(['.', '!', '?']);
        let m = |family, can_open, can_close| Mark {
            pos: base + i,
            len,
            family,
            can_open,
            can_close,
            after_stop,
        };
        let mark = match c {
            '“' | '„' | '«' => Some(m(Family::Double, true, !opens_context(prev) && closes_context(next))),
            '”' | '»' => Some(m(
                Family::Double,
                opens_context(prev) && !closes_context(next) && c == '»',
                true,
            )),
            '"' => {
                let o = opens_context(prev) && !next.is_some_and(char::is_whitespace) && next.is_some();
                let cl = (!prev.is_some_and(char::is_whitespace) && prev.is_some() && closes_context(next))
                    // a closer typed after a space: "…what does that mean? " Clinton asked
                    || (prev.is_some_and(char::is_whitespace)
                        && next.is_none_or(char::is_whitespace)
                        && text[..i].trim_end().ends_with([',', '.', '!', '?', '…']));
                (o || cl).then(|| m(Family::Double, o, cl))
            }
            '‘' => (!is_word(prev)).then(|| m(Family::Single, true, false)),
            _ => {
                // ’ or ': apostrophes inside a word (it's), before a year ('90s), or elision
                let apostrophe =
                    (is_word(prev) && is_word(next)) || (!is_word(prev) && next.is_some_and(|n| n.is_ascii_digit()));
                if apostrophe {
                    None
                } else {
                    let o = c == '\'' && opens_context(prev) && is_word(next);
                    let cl = prev.is_some_and(|p| !p.is_whitespace()) && closes_context(next);
                    (o || cl).then(|| m(Family::Single, o, cl))
                }
            }
        };
        if let Some(mk) = mark {
            out.push(mk);
        }
        i += len;
    }
    out
}

/// Pair the marks of one family; returns (open, close, chained) mark index pairs, and the
/// open mark left unclosed at the end, if any. An opener after a sentence's end while a
/// quote is open reopens it (`said: "One. "Two. "Three."` is one quote in three spans):
/// the pair is then (open, next opener, true).
fn pair(marks: &[Mark], family: Family, within: &[(usize, usize)]) -> (Vec<(usize, usize, bool)>, Option<usize>) {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (k, m) in marks.iter().enumerate() {
        if m.family != family || within.iter().any(|&(s, e)| m.pos > s && m.pos < e) {
            continue;
        }
        match open {
            None => {
                if m.can_open {
                    open = Some(k);
                }
            }
            Some(o) => {
                if m.can_close {
                    spans.push((o, k, false));
                    open = None;
                } else if m.can_open {
                    if m.after_stop && family == Family::Double {
                        spans.push((o, k, true));
                    }
                    open = Some(k); // else the earlier opener was stray
                }
            }
        }
    }
    (spans, open)
}

/// All quoted spans of an article, in text order.
pub fn find(article: &Body) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut carry = false; // previous paragraph ended inside a quote
    for (pi, p) in article.paragraphs.iter().enumerate() {
        let text = &article.text[p.start..p.end];
        if !has_mark(text) {
            if carry {
                drop_open_tail(&mut out, article);
            }
            carry = false;
            continue;
        }
        let mut ms = marks(text, p.start);
        let starts_with_opener = ms
            .first()
            .is_some_and(|m| m.pos == p.start && m.can_open && m.family == Family::Double);
        // (start, end, goes on, goes on from the span before)
        let mut spans: Vec<(usize, usize, bool, bool)> = Vec::new();
        // a paragraph break the page put inside a quote: the paragraph goes on in lowercase
        // and its first mark closes the quote the paragraph before left open
        if carry
            && !starts_with_opener
            && text.starts_with(|c: char| c.is_lowercase())
            && let Some(k) = ms.iter().position(|m| m.family == Family::Double)
            && ms[k].can_close
            && !ms[k].can_open
        {
            spans.push((p.start, ms[k].pos + ms[k].len, false, true));
            ms.drain(..=k);
        }
        let reclosed = !spans.is_empty();
        if carry && !starts_with_opener && !reclosed {
            drop_open_tail(&mut out, article);
        }
        let continued = carry && starts_with_opener;
        let (doubles, open) = pair(&ms, Family::Double, &[]);
        for (n, &(o, c, chained)) in doubles.iter().enumerate() {
            let from_before = n > 0 && doubles[n - 1].2;
            if chained {
                let end = ms[o].pos + article.text[ms[o].pos..ms[c].pos].trim_end().len();
                spans.push((ms[o].pos, end, true, from_before));
            } else {
                spans.push((ms[o].pos, ms[c].pos + ms[c].len, false, from_before));
            }
        }
        if let Some(o) = open {
            let from_before = doubles.last().is_some_and(|d| d.2);
            spans.push((ms[o].pos, p.end, true, from_before));
        }
        // single quotes only where no double quote encloses them
        let taken: Vec<(usize, usize)> = spans.iter().map(|&(s, e, _, _)| (s, e)).collect();
        let (singles, _) = pair(&ms, Family::Single, &taken);
        for (o, c, _) in singles {
            let (s, e) = (ms[o].pos, ms[c].pos + ms[c].len);
            if !taken.iter().any(|&(ts, te)| s < te && e > ts) && e - s > 2 {
                spans.push((s, e, false, false));
            }
        }
        spans.sort_unstable();
        for (k, (s, e, cont, from_before)) in spans.iter().copied().enumerate() {
            out.push(Span {
                start: s,
                end: e,
                para: pi,
                continues: cont,
                continued: (continued && k == 0 && s == p.start) || from_before,
                nickname: !cont && !from_before && nickname(&article.text, s, e),
            });
        }
        carry = open.is_some();
    }
    if carry {
        drop_open_tail(&mut out, article);
    }
    out
}

/// The quoted words at `s..e` (marks included) are one or two capitalised words between
/// a capitalised word and another, a space either side: a nickname in a name.
fn nickname(text: &str, s: usize, e: usize) -> bool {
    let inner = text[s..e].trim_matches(|c: char| !c.is_alphanumeric());
    let words = inner.split(' ').count();
    let word_like = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let name_word = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
    let before = text[..s]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(char::is_whitespace).next());
    let after = text[e..]
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.')).next());
    !inner.is_empty()
        && words <= 2
        && inner.split(' ').all(word_like)
        && before.is_some_and(name_word)
        && after.is_some_and(name_word)
}

/// The last span was open at its paragraph's end and nothing continued it. If it opened
/// like a quotation — at the paragraph's start, or after a colon or comma — and holds a
/// sentence's worth of words, it is a quote whose closing mark the page lost, and it ends
/// with the paragraph. Otherwise the mark was stray and the span is dropped (a span that
/// continued an earlier quote simply ends there).
fn drop_open_tail(out: &mut Vec<Span>, article: &Body) {
    let Some(last) = out.last_mut() else { return };
    if !last.continues {
        return;
    }
    last.continues = false;
    if last.continued {
        return;
    }
    let p = article.paragraphs[last.para];
    let before = article.text[p.start..last.start].trim_end();
    let opens = before.is_empty() || before.ends_with([':', ',']);
    let words = article.text[last.start..last.end].split_whitespace().count();
    if !(opens && words >= 6) {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Rules, decode::Encoding};

    fn spans(t: &str) -> Vec<String> {
        let (a, _) = Article::parse(
            "t".into(),
            "t".into(),
            format!("Title\n\n{t}"),
            Encoding::Utf8,
            &Rules::builtin(),
        );
        let a = a.body().unwrap();
        find(a).iter().map(|s| a.text[s.start..s.end].to_string()).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            spans("“The target is not Flynn,” tweeted Aleksey Pushkov, “but the relationship.”"),
            ["“The target is not Flynn,”", "“but the relationship.”"]
        );
        assert_eq!(
            spans("\"This is it,\" he said. \"Done.\""),
            ["\"This is it,\"", "\"Done.\""]
        );
        assert_eq!(spans("«Bonjour», dit-il."), ["«Bonjour»"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(spans("It's Russia's view of the '90s and the players’ union.").is_empty());
        assert_eq!(spans("He said 'it's over' and left."), ["'it's over'"]);
    }

    #[test]
    fn nested_singles_stay_inside() {
        assert_eq!(
            spans("“He told me ‘no way’ twice,” she said."),
            ["“He told me ‘no way’ twice,”"]
        );
    }

    #[test]
    fn unbalanced_mark_does_not_swallow() {
        let s = spans("A stray “mark here.\n\nNext paragraph with “a real quote” in it.");
        assert_eq!(s, ["“a real quote”"]);
        assert_eq!(spans("Text “one” and “stray and “two” end."), ["“one”", "“two”"]);
    }

    #[test]
    fn a_closer_typed_after_a_space_closes() {
        assert_eq!(
            spans("\"What does that mean? \" Clinton asked. \"Well, \" she said."),
            ["\"What does that mean? \"", "\"Well, \""]
        );
    }

    #[test]
    fn a_lost_closing_mark_ends_with_the_paragraph() {
        let t = "He said: “Voters reject the establishment again and again.\n\nThen he left the stage.";
        assert_eq!(spans(t), ["“Voters reject the establishment again and again."]);
        // a stray mark mid-sentence is still dropped
        assert!(spans("A stray “mark here in the middle of a sentence.\n\nNext.").is_empty());
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "He wrote that it was “not just paranoia.\n\n“Either way it is over.”\n\nThen more.";
        assert_eq!(spans(t), ["“not just paranoia.", "“Either way it is over.”"]);
    }

    #[test]
    fn reopened_after_a_sentence_is_one_quote() {
        let a = "Mr Opik said: \"Hunting is not defined. \"Now they invent more. \"How is it done?\" He left.";
        assert_eq!(
            spans(a),
            [
                "\"Hunting is not defined.",
                "\"Now they invent more.",
                "\"How is it done?\""
            ]
        );
        // a stray opener mid-sentence is still dropped
        assert_eq!(spans("A stray \"mark and \"a real quote\" here."), ["\"a real quote\""]);
    }

    #[test]
    fn doubled_apostrophes_are_a_double_mark() {
        assert_eq!(spans("''It is over,'' Mr. Bush said."), ["''It is over,''"]);
    }

    #[test]
    fn quote_at_very_start_and_end() {
        assert_eq!(spans("\"Start,\" he said, \"and end\""), ["\"Start,\"", "\"and end\""]);
    }
}
