//! Text and language primitives, the lowest layer: words and whitespace (`words`), the
//! lexicon and its tables (`lexicon`), and the display helpers the CLI and the TUI share
//! (width, truncation, plurals) here.

pub mod lexicon;
pub mod words;

use unicode_width::UnicodeWidthStr;

/// Display width in terminal columns (CJK and emoji count two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` truncated and padded with spaces to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let mut t = truncate(s, cols);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

/// "1 quote", "3 quotes".
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters() {
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("日本語のテキスト", 5), "日本…");
        assert_eq!(width(&fit("日本語", 5)), 5);
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("abc", 0), "");
    }
}
