//! Blanks out characters that could drive a terminal (escape sequences, C0/C1 controls,
//! bidi overrides) while keeping every byte offset: each such character becomes as many
//! spaces as it had bytes, so positions in the file and positions in the text agree.

/// True for a character that must never reach a terminal. Newline, carriage return and tab
/// are kept (they are layout, and the wrapper turns them into spaces).
pub fn is_forbidden(c: char) -> bool {
    match c {
        '\n' | '\r' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // bidi embeddings, overrides and isolates; marks that reorder text
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => true,
        // zero-width no-break space / BOM inside text, interlinear annotation controls
        '\u{feff}' | '\u{fff9}'..='\u{fffb}' => true,
        _ => false,
    }
}

/// Returns `text` with every forbidden character, and the whole of every ANSI escape
/// sequence (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, two-byte `ESC x`), replaced by
/// spaces of the same byte length. Borrows when there is nothing to do.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if !needs_sanitizing(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b {
            let end = escape_end(bytes, i);
            out.extend(std::iter::repeat_n(b' ', end - i));
            i = end;
            continue;
        }
        // SAFETY of slicing: `i` always sits on a char boundary (we advance by char lengths,
        // and escape_end only stops on ASCII bytes or char boundaries).
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if is_forbidden(c) {
            out.extend(std::iter::repeat_n(b' ', len));
        } else {
            out.extend_from_slice(&bytes[i..i + len]);
        }
        i += len;
    }
    // Only whole characters were replaced by ASCII spaces, so the result is valid UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_default())
}

/// Fast byte scan: 32-byte chunks are tested with a branch-free fold the compiler
/// vectorises; only a chunk holding a byte that can start a forbidden character gets a
/// closer look.
pub fn needs_sanitizing(text: &str) -> bool {
    let b = text.as_bytes();
    let suspect = |c: u8| {
        (c < 0x20) & (c != b'\n') & (c != b'\r') & (c != b'\t')
            | (c == 0x7f)
            | (c == 0xc2)
            | (c == 0xd8)
            | (c == 0xe2)
            | (c == 0xef)
    };
    for (n, chunk) in b.chunks(32).enumerate() {
        if chunk.iter().fold(false, |acc, &c| acc | suspect(c)) {
            let base = n * 32;
            for (j, &c) in chunk.iter().enumerate() {
                if suspect(c) {
                    let i = base + j;
                    if c < 0x80 || text.get(i..).and_then(|s| s.chars().next()).is_some_and(is_forbidden) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// Sanitize an owned string, reusing it when nothing needs doing.
pub fn sanitize_owned(text: String) -> String {
    if needs_sanitizing(&text) {
        sanitize(&text).into_owned()
    } else {
        text
    }
}

/// End (exclusive) of the escape sequence starting at `start` (which holds ESC).
fn escape_end(b: &[u8], start: usize) -> usize {
    let n = b.len();
    let mut i = start + 1;
    if i >= n {
        return n;
    }
    match b[i] {
        b'[' => {
            i += 1;
            // parameters and intermediates, then one final byte in 0x40..=0x7e
            while i < n && (0x20..=0x3f).contains(&b[i]) {
                i += 1;
            }
            if i < n && (0x40..=0x7e).contains(&b[i]) {
                i + 1
            } else {
                i
            }
        }
        b']' | b'P' | b'X' | b'^' | b'_' => {
            // string sequences end at BEL or ESC \ ; an unterminated one ends at the line end
            i += 1;
            while i < n {
                match b[i] {
                    0x07 => return i + 1,
                    0x1b if i + 1 < n && b[i + 1] == b'\\' => return i + 2,
                    b'\n' => return i,
                    _ if b[i] >= 0x80 => return i, // stop at non-ASCII: keep char boundaries
                    _ => i += 1,
                }
            }
            n
        }
        c if (0x20..=0x7e).contains(&c) => i + 1,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_blanked_keeping_offsets() {
        let s = "a\x1b]0;pwned\x07b\x1b[2Jc\u{85}d\u{202e}e\tf\r\ng";
        let out = sanitize(s);
        assert_eq!(out.len(), s.len());
        assert!(!out.contains('\x1b') && !out.contains('\u{85}') && !out.contains('\u{202e}'));
        assert!(!out.contains("pwned"), "OSC payload must go too: {out:?}");
        let kept: String = out.split_whitespace().collect();
        assert_eq!(kept, "abcdefg");
        assert!(out.contains('\t') && out.contains("\r\n"));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("plain “text”"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn unterminated_escape_at_end() {
        assert_eq!(sanitize("x\x1b").as_ref(), "x ");
        assert_eq!(sanitize("x\x1b[12").as_ref(), "x    ");
        assert_eq!(sanitize("x\x1b]é").as_ref(), "x  é");
    }
}
