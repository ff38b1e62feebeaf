//! A small tokenizer for the sentences the quote engine reads: words (with internal
//! apostrophes, hyphens and abbreviation periods), punctuation, and each quoted span as one
//! opaque token. Lowercase forms live in one arena string per paragraph, so tokenizing
//! allocates twice per paragraph, not once per word.

use super::marks::Span;
use crate::text::words::{word_hash, word_hash_bytes};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A quoted span: index into the article's spans.
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    lo: u32,
    hi: u32,
    /// First character is uppercase.
    pub cap: bool,
    /// Two or more letters, all uppercase (NATO, RIA).
    pub caps: bool,
    /// A possessive: "Blair's", "players'".
    pub poss: bool,
    /// A quote whose words end in a comma ("a “ridiculous proposition,” adding that…"):
    /// the comma the clause after it opens with.
    pub comma: bool,
    /// Lexicon flags of the word and of its stem (without a possessive 's).
    pub flags: u32,
    pub stem_flags: u32,
    /// What the whole article says of this word ([`ev`] bits), set once every
    /// paragraph is tokenized.
    pub ev: u16,
    /// [`word_hash`] of the word's stem (lowercase, possessive dropped); 0 for others.
    pub hash: u64,
}

/// The tokens of one paragraph.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    arena: String,
}

impl Tokens {
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.arena[t.lo as usize..t.hi as usize]
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// The word at `i`, lowercased, without a possessive 's.
    pub fn stem(&self, i: usize) -> &str {
        let w = self.lower(i);
        w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
    }

    /// The word at `i` is in a lexicon list (`lexicon::flag` bits).
    pub fn has(&self, i: usize, bits: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & bits != 0)
    }

    /// The word at `i`, possessive dropped, is in a lexicon list.
    pub fn stem_has(&self, i: usize, bits: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.stem_flags & bits != 0)
    }

    /// The article's evidence on the word at `i` has one of `bits` ([`ev`]).
    pub fn ev(&self, i: usize, bits: u16) -> bool {
        self.toks.get(i).is_some_and(|t| t.ev & bits != 0)
    }

    /// A capitalised word.
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap && t.kind == Kind::Word)
    }

    /// A lowercase word ending in `suffix` ("arrested", "saying"): a participle, by its
    /// spelling.
    pub fn lower_ending(&self, i: usize, suffix: &str) -> bool {
        self.is_word(i) && !self.toks[i].cap && self.lower(i).ends_with(suffix)
    }

    /// A day of the week written as one ("Saturday", not "saturday" nor "Saturday's"): a
    /// time on its own, after a cue as before one ("police said Saturday").
    pub fn weekday(&self, i: usize) -> bool {
        self.cap(i) && !self.possessive(i) && crate::text::lexicon::LEX.weekdays.contains(&self.toks[i].hash)
    }

    /// A word of a time after "this", "last", "next" ("week", "Monday", "May"); a day or
    /// a month only when capitalised ("said this may help" is no time).
    pub fn time_word(&self, i: usize) -> bool {
        let lex = &*crate::text::lexicon::LEX;
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && lex.time_words.contains(&t.hash)
                && (t.cap || !(lex.weekdays.contains(&t.hash) || lex.months.contains(&t.hash)))
        })
    }

    /// The word at `i` is a count: digits ("3", "50") or a small number word ("two").
    pub fn number(&self, i: usize) -> bool {
        self.lower(i).bytes().all(|b| b.is_ascii_digit())
            || crate::text::lexicon::LEX.kin_counts.contains(&self.toks[i].hash)
    }

    /// The word at `i` is `w` (lowercase).
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.lower(i) == w
    }

    /// Token `i` is a period inside a clause, not a sentence's end: an abbreviation's
    /// period before ')' ',' or ';' ("(R-Fla.)", "R-Ky.,").
    pub fn clause_period(&self, i: usize) -> bool {
        self.is_punct(i, '.')
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(')' | ',' | ';')))
    }

    /// The words from `k` are the phrase `p`: compared by hash, then by text (each word
    /// lowercased, or its stem when `stems`).
    pub fn phrase_at(&self, k: usize, p: &crate::text::lexicon::Phrase, stems: bool) -> bool {
        k + p.len() <= self.len()
            && p.hashes.iter().enumerate().all(|(j, h)| self.toks[k + j].hash == *h)
            && p.iter().enumerate().all(|(j, w)| {
                if stems {
                    self.stem(k + j) == w
                } else {
                    self.is_word(k + j) && self.lower(k + j) == w
                }
            })
    }

    /// The gender the honorific at `i` tells ("Mrs" → female), if it is one.
    pub fn honorific_gender(&self, i: usize) -> Option<crate::text::lexicon::Gender> {
        if !self.stem_has(i, crate::text::lexicon::flag::HONORIFIC) {
            return None;
        }
        crate::text::lexicon::LEX.honorific_gender.get(self.stem(i)).copied()
    }

    pub fn possessive(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.poss)
    }

    /// Tokenize `text[range]`; `spans` (sorted) become single Quote tokens.
    pub fn of(text: &str, range: std::ops::Range<usize>, spans: &[Span]) -> Tokens {
        let mut t = Tokens {
            toks: Vec::with_capacity((range.end - range.start) / 5),
            arena: String::with_capacity(range.end - range.start),
        };
        let lex = &*crate::text::lexicon::LEX;
        let mut si = spans.partition_point(|s| s.end <= range.start);
        let bytes = text.as_bytes();
        let mut i = range.start;
        while i < range.end {
            if let Some(s) = spans.get(si)
                && s.start <= i
            {
                if s.start < range.end && !s.nickname {
                    t.push(lex, text, s.start, s.end.min(range.end), Kind::Quote(si));
                }
                i = s.end.max(i + 1);
                si += 1;
                continue;
            }
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let c = if b.is_ascii() {
                b as char
            } else {
                text[i..].chars().next().unwrap_or(' ')
            };
            if c.is_alphanumeric() {
                let end = word_end(text, i, range.end, spans.get(si).map_or(usize::MAX, |s| s.start));
                t.push(lex, text, i, end, Kind::Word);
                i = end;
            } else {
                let len = c.len_utf8();
                if !c.is_whitespace() {
                    t.push(lex, text, i, i + len, Kind::Punct(c));
                }
                i += len;
            }
        }
        t
    }

    fn push(&mut self, lex: &crate::text::lexicon::Lexicon, text: &str, start: usize, end: usize, kind: Kind) {
        let s = &text[start..end];
        let lo = self.arena.len() as u32;
        let mut tok = Tok {
            start,
            end,
            kind,
            lo,
            hi: lo,
            cap: false,
            caps: false,
            poss: false,
            comma: false,
            flags: 0,
            stem_flags: 0,
            ev: 0,
            hash: 0,
        };
        if kind != Kind::Word {
            // (a quote is capitalised when its first letter is: "“It is…”")
            tok.cap = match kind {
                Kind::Quote(_) => s.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase),
                _ => s.chars().next().is_some_and(char::is_uppercase),
            };
            tok.comma = matches!(kind, Kind::Quote(_)) && s.trim_end_matches(super::marks::CLOSING).ends_with(',');
            self.toks.push(tok);
            return;
        }
        let b = s.as_bytes();
        if s.is_ascii() {
            self.arena.push_str(s);
            self.arena[lo as usize..].make_ascii_lowercase();
            // "al-Shabaab", "el-Sisi": an Arabic article before a capital is a name's start
            tok.cap = b[0].is_ascii_uppercase()
                || (b.len() > 4 && matches!(&b[..3], b"al-" | b"el-") && b[3].is_ascii_uppercase());
            tok.caps = b[0].is_ascii_uppercase()
                && tok.cap
                && !b.iter().any(u8::is_ascii_lowercase)
                && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
        } else {
            for c in s.chars() {
                if c == '’' {
                    self.arena.push('\'');
                } else {
                    self.arena.extend(c.to_lowercase());
                }
            }
            tok.cap = s.chars().next().is_some_and(char::is_uppercase);
            tok.caps =
                tok.cap && !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        }
        tok.hi = self.arena.len() as u32;
        let lower = &self.arena[lo as usize..];
        // (the arena holds ’ as ')
        // a possessive ends in 's or s' (the arena holds ’ as '): two bytes tell
        let lb = lower.as_bytes();
        let n = lb.len();
        let apostrophe_s = n >= 2 && lb[n - 2] == b'\'' && lb[n - 1] == b's';
        tok.poss = apostrophe_s || (n >= 2 && lb[n - 2] == b's' && lb[n - 1] == b'\'');
        let h = word_hash(lower);
        tok.flags = lex.flags_of(h);
        (tok.stem_flags, tok.hash) = if apostrophe_s {
            let hs = word_hash(&lower[..n - 2]);
            (lex.flags_of(hs), hs)
        } else {
            (tok.flags, h)
        };
        self.toks.push(tok);
    }

    /// Sentence ranges (token index ranges) in this paragraph.
    pub fn sentences(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let n = self.toks.len();
        for i in 0..n {
            let next_starts = self
                .toks
                .get(i + 1)
                .is_none_or(|t| t.cap || matches!(t.kind, Kind::Quote(_)) || !matches!(t.kind, Kind::Word));
            let boundary = match self.toks[i].kind {
                Kind::Punct('.' | '!' | '?' | '…') => next_starts && !self.clause_period(i),
                Kind::Quote(_) => {
                    let q = &text[self.toks[i].start..self.toks[i].end];
                    let inner = q.trim_end_matches(super::marks::CLOSING);
                    inner.ends_with(['.', '!', '?'])
                        && self
                            .toks
                            .get(i + 1)
                            .is_some_and(|t| t.cap && t.kind == Kind::Word && !is_attribution_start(self, i + 1))
                }
                // "called at 9 p.m. Neighbours heard…": the clock's period ends the sentence
                // before a capitalised word that is no day, month or time zone
                Kind::Word => {
                    self.toks[i].end - self.toks[i].start == 4
                        && matches!(&text[self.toks[i].start..self.toks[i].end], "a.m." | "p.m.")
                        && self.toks.get(i + 1).is_some_and(|t| {
                            matches!(t.kind, Kind::Quote(_))
                                || (t.kind == Kind::Word
                                    && t.cap
                                    && !t.caps
                                    && !self.time_word(i + 1)
                                    && !crate::text::lexicon::LEX.time_zones.contains(&t.hash))
                        })
                }
                _ => false,
            };
            if boundary {
                out.push(start..i + 1);
                start = i + 1;
            }
        }
        if start < n {
            out.push(start..n);
        }
        out
    }
}

/// After a quote that ends in a full stop, a capitalised word that begins "Name said" is
/// still the same sentence in news style when a cue follows at once and the sentence ends
/// soon after it (“….” Smith said on Monday.); "Cruz says he isn't familiar…" is a new
/// sentence of its own.
fn is_attribution_start(t: &Tokens, i: usize) -> bool {
    // the cue within three words, or after a longer run of capitalised words, a name with
    // its title ("US Senator Jeff Sessions said")
    let Some(c) = (i..(i + 4).min(t.len()))
        .find(|&j| t.has(j, crate::text::lexicon::flag::CUE))
        .or_else(|| {
            let run = (i..(i + ATTRIBUTION_NAME).min(t.len()))
                .find(|&j| !t.cap(j))
                .unwrap_or(t.len());
            (run > i + 3 && t.has(run, crate::text::lexicon::flag::CUE)).then_some(run)
        })
    else {
        return false;
    };
    (c + 1..(c + ATTRIBUTION_TAIL).min(t.len()))
        .find(|&j| {
            matches!(
                t.toks[j].kind,
                Kind::Punct('.' | '!' | '?' | ',' | ':') | Kind::Quote(_)
            )
        })
        .is_some_and(|j| matches!(t.toks[j].kind, Kind::Punct('.' | '!' | '?' | ',')))
        || c + 1 >= t.len()
}

/// The most tokens after a cue for it to close a quote's sentence ("said on Monday.").
const ATTRIBUTION_TAIL: usize = 7;
/// The most capitalised words of a name and its title before the cue.
const ATTRIBUTION_NAME: usize = 7;

/// `ASCII_ALNUM[b]`: byte `b` is an ASCII letter or digit (a table: the word scan's test).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// End of the word starting at `i`: letters and digits, with ' ’ - . & inside a word, and a
/// final period kept on initials and known abbreviations.
fn word_end(text: &str, i: usize, limit: usize, next_span: usize) -> usize {
    let limit = limit.min(next_span);
    let b = text.as_bytes();
    // ASCII fast path: most words are plain ASCII letters and digits
    let mut j = i;
    while j < limit && ASCII_ALNUM[b[j] as usize] {
        j += 1;
    }
    if j >= limit || (b[j].is_ascii() && !matches!(b[j], b'\'' | b'-' | b'&' | b'.')) {
        return j.max(i + 1);
    }
    // a period after a plain word, not followed by a letter or digit (most sentence ends):
    // kept on an initial or a known abbreviation, as the slow path does
    if b[j] == b'.' && j > i && (j + 1 >= limit || (b[j + 1].is_ascii() && !b[j + 1].is_ascii_alphanumeric())) {
        let single = j - i == 1 && b[i].is_ascii_alphabetic();
        return if single || is_abbreviation(&text[i..j]) {
            j + 1
        } else {
            j
        };
    }
    word_end_slow(text, i, limit)
}

/// The word `w` (any case) is a known abbreviation. A short ASCII word (most are) is
/// lowercased on the stack, not into a new String.
fn is_abbreviation(w: &str) -> bool {
    const MAX: usize = 16;
    let bits = crate::text::lexicon::flag::ABBREVIATION;
    if w.len() > MAX || !w.is_ascii() {
        return crate::text::lexicon::LEX.is(&w.to_lowercase(), bits);
    }
    let mut buf = [0u8; MAX];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    crate::text::lexicon::LEX.flags_of(word_hash_bytes(lower)) & bits != 0
}

fn word_end_slow(text: &str, i: usize, limit: usize) -> usize {
    let mut end = i;
    let mut it = text[i..limit].char_indices().peekable();
    while let Some((k, c)) = it.next() {
        if c.is_alphanumeric() {
            end = i + k + c.len_utf8();
            continue;
        }
        let next = it.peek().map(|&(_, n)| n);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        // "said.Trump" (a missing space) is two words; "U.S.", "fivethirtyeight.com" one
        let glued_sentence = c == '.'
            && next.is_some_and(char::is_uppercase)
            && text[i..end].chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !text[i..end].contains('.')
            && text[i..end].chars().all(|c| c.is_lowercase());
        if matches!(c, '\'' | '’' | '-' | '&' | '.' | '‐') && next_alnum && !glued_sentence {
            continue; // inner joiner; `end` advances with the next alphanumeric
        }
        if c == '.' {
            let w = &text[i..end];
            let single = w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
            if single || w.contains('.') || is_abbreviation(w) {
                end = i + k + 1;
            }
        }
        if matches!(c, '\'' | '’') && text[i..end].ends_with(['s', 'S']) {
            end = i + k + c.len_utf8(); // plural possessive: players’
        }
        break;
    }
    end.max(i + 1)
}

/// Bits of [`Tok::ev`].
pub mod ev {
    /// The word is seen in lowercase somewhere in the article (outside quotes).
    pub const LOWER: u16 = 1;
    /// The word is seen capitalised inside a sentence (not as its first word).
    pub const CAP_MID: u16 = 2;
    /// The word belongs to a person's name the article confirms (an honorific or title
    /// before it, or a first name opening it).
    pub const PERSON: u16 = 4;
    /// The word is the last word of such a name.
    pub const SURNAME: u16 = 8;
    /// A common first name (assets/tables/first_names.tsv).
    pub const FIRST_NAME: u16 = 16;
    /// The word names an organisation the article introduces as one ("oil firm Yukos").
    pub const ORG: u16 = 32;
    /// The word is the first word of a confirmed person's name.
    pub const GIVEN: u16 = 64;
    /// The word ends a run the article puts in a place's context: "in Sumatra", "near
    /// Lake Cowichan", "Moncton, N.B.", "Lampung province".
    pub const PLACE: u16 = 128;
    /// The word ends a name of two words or more that is no thing ("Sevaun Palvetzian"):
    /// alone, it may be that person's surname.
    pub const PROPER_SURNAME: u16 = 256;
    /// A nationality ("Canadian", "Koreans"), a place's last word ("Highway") or first
    /// ("Lake"), a statistic ("GDP"): the lexicon's `word` bits, on capitalised words.
    pub const NATIONALITY: u16 = 512;
    pub const PLACE_WORD: u16 = 1024;
    pub const PLACE_OPENER: u16 = 2048;
    pub const STATISTIC: u16 = 4096;
    /// A rare first name opening its sentence before the surname of someone the article
    /// names with another first name: a sentence word ("See Sexton's timeline").
    pub const STRAY: u16 = 8192;
}

/// A first name counts as evidence when at least 2^this many people were given it (US,
/// 1880–2016): 256 lets in "Konstantin" (421) and "Leonid" (296), not one-off spellings.
pub const MIN_FIRST_NAME_LOG_BIRTHS: u8 = 8;

/// Whether the word with hash `h` is a first name common enough to count as evidence.
pub fn common_first_name(h: u64) -> bool {
    crate::text::lexicon::LEX
        .first_name_by_hash(h)
        .is_some_and(|f| f.log_births >= MIN_FIRST_NAME_LOG_BIRTHS)
}

/// The word at `k` opens its sentence (or follows an opening mark within it), so its
/// capital says nothing.
pub fn sentence_initial(t: &Tokens, k: usize, sent_start: usize) -> bool {
    k == sent_start
        || (k > sent_start
            && matches!(
                t.toks[k - 1].kind,
                Kind::Punct(':' | '(' | '—' | '–' | '-' | '"' | '“' | '‘' | '\'' | '•' | '*' | '[')
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        let tk = Tokens::of(t, 0..t.len(), &[]);
        (0..tk.len())
            .map(|i| t[tk.toks[i].start..tk.toks[i].end].to_string())
            .collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(
            words("Mr. Peskov's U.S. co-founder, J. Smith."),
            ["Mr.", "Peskov's", "U.S.", "co-founder", ",", "J.", "Smith", "."]
        );
        assert_eq!(words("the players’ union"), ["the", "players’", "union"]);
        assert_eq!(words("it's AT&T"), ["it's", "AT&T"]);
        assert_eq!(
            words("Trump said.Trump claimed"),
            ["Trump", "said", ".", "Trump", "claimed"]
        );
        assert_eq!(words("fivethirtyeight.com"), ["fivethirtyeight.com"]);
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let t = "Sean Spicer said on Feb. 14 that Mr. Trump spoke. He left.";
        let tk = Tokens::of(t, 0..t.len(), &[]);
        assert_eq!(tk.sentences(t).len(), 2);
    }
}
