//! Words and whitespace: the primitives every layer above counts and compares with
//! (collapsing whitespace, counting words, telling a sentence, hashing a word).

/// Collapse whitespace so rules see one line of single-spaced text (borrowed when it is
/// already so).
pub fn collapse_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let clean = single_spaced(s);
    if clean {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(collapse(s))
    }
}

/// A name as one single-spaced line, without a nickname quoted inside it: "Riefian “Ifan”
/// Fajarsyah" is Riefian Fajarsyah.
pub fn name_words(s: &str) -> String {
    const MARKS: &[char] = &['"', '“', '”', '‘', '’', '\''];
    if !s.contains(['"', '“', '”', '‘']) && !s.contains(" '") {
        return collapse(s);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut kept = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        // a quoted word or two, not the name's first or last word
        if k > 0
            && w.starts_with(MARKS)
            && w.chars().nth(1).is_some_and(char::is_uppercase)
            && let Some(n) = (k..words.len().min(k + 2)).find(|&j| words[j].ends_with(MARKS) && (j > k || w.len() > 1))
            && n + 1 < words.len()
        {
            k = n + 1;
            continue;
        }
        kept.push(w);
        k += 1;
    }
    kept.join(" ")
}

/// Collapse whitespace so rules see one line of single-spaced text.
pub fn collapse(s: &str) -> String {
    // most quotes and names are single-spaced already: a copy, not a word-by-word rebuild
    if single_spaced(s) && (s.is_ascii() || !s.chars().any(|c| !c.is_ascii() && c.is_whitespace())) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Letters and digits only, lowercased: for comparing a paragraph with the title.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Below this many bytes [`single_spaced`] checks byte by byte.
const SHORT: usize = 256;

/// True when the only whitespace in `s` is single spaces between words. SIMD searches
/// (memchr), since this runs on every paragraph of every article.
pub fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < SHORT {
        // a quote or a name: one pass beats five SIMD searches' set-up
        let mut prev_space = true; // a leading space fails like a double one
        for &c in b {
            if c <= b' ' {
                let other_space = matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
                if other_space || (c == b' ' && prev_space) {
                    return false;
                }
                prev_space = c == b' ';
            } else {
                prev_space = false;
            }
        }
        return !prev_space || b.is_empty();
    }
    memchr::memchr3(b'\n', b'\r', b'\t', b).is_none()
        && memchr::memmem::find(b, b"  ").is_none()
        && !b.first().is_some_and(|c| c.is_ascii_whitespace())
        && !b.last().is_some_and(|c| c.is_ascii_whitespace())
        && memchr::memchr2(0x0b, 0x0c, b).is_none()
}

/// A CJK ideograph or kana: scripts written without spaces between words, so a count of
/// words by spaces says nothing of them.
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Word count: runs of non-space separated by ASCII whitespace.
pub fn words(s: &str) -> usize {
    if s.is_empty() {
        0
    } else if single_spaced(s) {
        memchr::memchr_iter(b' ', s.as_bytes()).count() + 1
    } else {
        words_upto(s, usize::MAX)
    }
}

/// Word count, stopping early once `limit` is reached.
/// Chinese and Japanese, written without spaces, count a word per ideograph or kana
/// (U+3040–U+9FFF: UTF-8 lead bytes E3–E9, less the CJK punctuation block U+3000–U+303F),
/// so their paragraphs are sentences like any other.
pub fn words_upto(s: &str, limit: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if (0xE3..=0xE9).contains(&c) && !(c == 0xE3 && b.get(i + 1) == Some(&0x80)) {
            n += 1;
            if n >= limit {
                return n;
            }
            in_word = false;
            i += 3;
            continue;
        }
        let space = c.is_ascii_whitespace();
        if !space && !in_word {
            n += 1;
            if n >= limit {
                return n;
            }
        }
        in_word = !space;
        i += 1;
    }
    n
}

/// Ends like a sentence (after closing quotes and brackets).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', ' ', '」', '』', '）']);
    t.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？', '：', '；'])
}

/// A paragraph of this many words that ends like a sentence is running text ("The
/// minister resigned on Tuesday." has five; a caption or a menu line rarely has eight).
pub const SENTENCE_WORDS: usize = 8;
/// A paragraph of this many words is running text however it ends (a quote cut off, a
/// list item of prose).
pub const LONG_SENTENCE_WORDS: usize = 25;

/// A paragraph that reads as running text.
pub fn is_sentence(s: &str) -> bool {
    let n = words_upto(s, LONG_SENTENCE_WORDS);
    (n >= SENTENCE_WORDS && ends_sentence(s)) || n >= LONG_SENTENCE_WORDS
}

/// The hash saywho compares words by: FxHash of the lowercase word's bytes (with ’ as ').
pub fn word_hash(lower: &str) -> u64 {
    word_hash_bytes(lower.as_bytes())
}

pub fn word_hash_bytes(lower: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(lower);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nickname_is_no_part_of_a_name() {
        assert_eq!(name_words("Riefian “Ifan”  Fajarsyah"), "Riefian Fajarsyah");
        assert_eq!(name_words("Brian 'Head' Welch"), "Brian Welch");
        assert_eq!(name_words("Dwayne \"The Rock\" Johnson"), "Dwayne Johnson");
        // a mark that is no nickname stays
        assert_eq!(name_words("Shaquille O'Neal"), "Shaquille O'Neal");
        assert_eq!(name_words("“Ifan” Fajarsyah"), "“Ifan” Fajarsyah");
    }

    #[test]
    fn collapse_spaces() {
        assert_eq!(collapse("Mr  Peskov\nsaid "), "Mr Peskov said");
        assert_eq!(collapse("Mr\u{a0}Peskov"), "Mr Peskov");
        assert_eq!(collapse("“Nyet,” he said"), "“Nyet,” he said");
        assert_eq!(collapse("\u{2009}a"), "a");
        for (s, clean) in [
            ("a b", true),
            (" a", false),
            ("a ", false),
            ("a  b", false),
            ("a\x0bb", false),
            ("", true),
        ] {
            assert_eq!(single_spaced(s), clean, "{s:?}");
            let long = format!("{}{s}{}", "x".repeat(300), "y".repeat(300));
            let inner_clean = !s.contains("  ") && !s.contains('\x0b');
            assert_eq!(single_spaced(&long), inner_clean, "{s:?} long");
        }
    }
}
