//! Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! Windows-1252 (a superset of Latin-1 for printable text) for anything else that is not
//! binary. Never fails on text; refuses only what looks binary.

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "looks like a binary file, not text"),
        }
    }
}

/// Decode `bytes`. A leading BOM is dropped; offsets are then offsets in the returned text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == encoding_rs::UTF_8 {
            return decode_plain(body);
        }
        let (text, _) = enc.decode_without_bom_handling(body);
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    decode_plain(bytes)
}

fn decode_plain(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), Encoding::Utf8)),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

/// A web page that is not UTF-8 names its charset (`<meta charset=…>`); decode it with that
/// one when it is not what the plain decoding guessed.
pub fn html_charset(bytes: &[u8], text: String, guessed: Encoding) -> String {
    if guessed != Encoding::Windows1252 {
        return text;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let Some(at) = head.find("charset=") else { return text };
    let label: String = head[at + 8..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    match encoding_rs::Encoding::for_label(label.as_bytes()) {
        Some(enc) if enc != encoding_rs::WINDOWS_1252 && enc != encoding_rs::UTF_8 => {
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => text,
    }
}

/// A NUL byte in the first 8 KiB, or more than 10% control bytes there, means binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        let (t, e) = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!((t.as_str(), e), ("hello", Encoding::Utf8));
    }

    #[test]
    fn latin1_falls_back() {
        let (t, e) = decode(b"Andr\xe9 caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(t, "André café “quoted”");
        assert_eq!(e, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "hé".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).unwrap().0, "hé");
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\0\0\0").unwrap_err(), DecodeError::Binary);
        assert_eq!(decode(&[1, 2, 3, 4, 5, 6, 7, 8, 65]).unwrap_err(), DecodeError::Binary);
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").unwrap().0, "");
    }
}
