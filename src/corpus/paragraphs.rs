//! Splits a body into paragraphs (byte ranges in the text). Blank lines separate blocks; a
//! block whose lines look hard-wrapped stays one paragraph, while a block of lines that are
//! each complete (bylines, captions, web-page text with single newlines) splits per line.

use std::ops::Range;

/// Paragraph ranges of `text[from..]`, trimmed of surrounding whitespace, in order.
pub fn split(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut pos = from;
    while pos <= text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        let line = trim(text, pos..end);
        if line.is_empty() {
            flush(text, &mut block, &mut out);
        } else {
            block.push(line);
        }
        if end == text.len() {
            break;
        }
        pos = end + 1;
    }
    flush(text, &mut block, &mut out);
    out
}

fn flush(text: &str, block: &mut Vec<Range<usize>>, out: &mut Vec<Range<usize>>) {
    if block.is_empty() {
        return;
    }
    if block.len() == 1 || hard_wrapped(text, block) {
        out.push(block[0].start..block[block.len() - 1].end);
    } else {
        out.append(block);
    }
    block.clear();
}

/// Lines of a hard-wrapped paragraph are all of a similar, moderate length and mostly end
/// mid-sentence.
fn hard_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    let body = &lines[..lines.len() - 1];
    let mut ends_sentence = 0;
    for r in body {
        let line = &text[r.clone()];
        let chars = line.chars().count();
        if !(30..=100).contains(&chars) {
            return false;
        }
        if line.ends_with(['.', '!', '?', ':', '"', '”']) {
            ends_sentence += 1;
        }
    }
    ends_sentence * 2 < body.len().max(1)
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t, 0).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn blank_lines_separate() {
        assert_eq!(texts("One.\n\n  Two.  \r\n\r\nThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn hard_wrapped_block_stays_whole() {
        let t = "This is a paragraph that has been wrapped at a fixed\nwidth by an editor so that its lines run on and\nend here.";
        assert_eq!(texts(t).len(), 1);
    }

    #[test]
    fn web_lines_split() {
        let t = "Samuel Osborne\nTuesday 14 February 2017 05:57 EST\nComments";
        assert_eq!(
            texts(t),
            ["Samuel Osborne", "Tuesday 14 February 2017 05:57 EST", "Comments"]
        );
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\n\t\n").is_empty());
    }
}
