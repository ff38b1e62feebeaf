//! A speaker's role as a clean noun phrase: a title or office, with its organisation
//! ("Lib Dem leader", "chairman of the foreign affairs committee", "an analyst with
//! Jupiter Research" → "analyst with Jupiter Research"), or none. Clause fragments
//! ("whose parents fled…", "saw Mr", "30", "known as Queen of the Sky") are not roles.

use super::tokens::{Kind, Tokens};
use crate::text::lexicon::flag;

/// The most words a role keeps; longer appositives are cut at a word boundary before
/// this, after their head noun.
const MAX_ROLE_WORDS: usize = 14;
/// The head noun of an appositive role is among its first few words ("senior advisor on…",
/// "the party's Treasury spokesman").
const HEAD_WITHIN: usize = 5;

fn is_role_head(t: &Tokens, i: usize) -> bool {
    t.is_word(i) && (t.stem_has(i, flag::ROLE_NOUN | flag::TITLE) || t.has(i, flag::ROLE_NOUN | flag::TITLE))
}

fn slice(text: &str, t: &Tokens, a: usize, b: usize) -> Option<String> {
    (a < b).then(|| crate::text::words::collapse(&text[t.toks[a].start..t.toks[b - 1].end]))
}

/// The role said before a name, tokens `a..b` (the name starts at `b`): "Tory
/// co-chairman", "Manchester United manager" (from "But Manchester United manager Sir").
pub fn before_name(text: &str, t: &Tokens, a: usize, b: usize) -> Option<String> {
    let (mut a, mut b) = (a, b);
    // a sentence word or determiner at the front is not part of the role
    while a < b && (t.has(a, flag::NOT_NAME | flag::COORDINATOR | flag::DETERMINER) && !is_role_head(t, a)) {
        a += 1;
    }
    // an honorific right before the name is the name's, not the role's ("… Lord Falconer")
    while b > a && t.toks[b - 1].cap && t.stem_has(b - 1, flag::HONORIFIC) {
        b -= 1;
    }
    if b > a && (a..b).any(|k| is_role_head(t, k)) && (a..b).all(|k| t.is_word(k) || t.is_punct(k, '-')) {
        slice(text, t, a, b)
    } else {
        None
    }
}

/// The role in an appositive, tokens `a..b` after "Name,": its head noun must be a role
/// noun or a title among its first words; it stops before a relative clause or a verb.
pub fn appositive(text: &str, t: &Tokens, a: usize, b: usize) -> Option<String> {
    let mut a = a;
    if a < b && t.is_word(a) && matches!(t.lower(a), "a" | "an" | "the") {
        a += 1;
    }
    if a >= b || !t.is_word(a) || t.lower(a).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut end = a;
    while end < b && end - a < MAX_ROLE_WORDS {
        let k = end;
        let stop = match t.toks[k].kind {
            Kind::Word => {
                t.has(k, flag::RELATIVE | flag::CUE | flag::BETWEEN)
                    && !t.toks[k].cap
                    && !(t.word_is(k, "that") && k > a && t.word_is(k - 1, "of"))
            }
            Kind::Punct(c) => !matches!(c, '-' | '\'' | '’' | '&' | '/'),
            Kind::Quote(_) => true,
        };
        if stop {
            break;
        }
        end += 1;
    }
    // the head: the first role noun before any preposition
    let head = (a..end.min(a + HEAD_WITHIN)).find(|&k| is_role_head(t, k))?;
    // an appositive naming someone else is not this person's role ("Blues boss Jose
    // Mourinho backed…")
    if (a..end).any(|k| t.cap(k) && t.ev(k, super::tokens::ev::FIRST_NAME | super::tokens::ev::PERSON)) {
        return None;
    }
    // only modifiers before the head: "senior advisor", not "known as Queen"
    if (a..head)
        .any(|k| t.is_word(k) && !t.toks[k].cap && t.has(k, flag::ADJUNCT | flag::NOT_NAME | flag::CUE | flag::BETWEEN))
    {
        return None;
    }
    // a role ends on a noun, not on "and", "of" or "the"
    while end > head + 1 && t.is_word(end - 1) && t.has(end - 1, flag::DETERMINER | flag::COORDINATOR | flag::ADJUNCT) {
        end -= 1;
    }
    while end > head + 1 && t.word_is(end - 1, "of") {
        end -= 1;
    }
    slice(text, t, a, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Tokens {
        Tokens::of(s, 0..s.len(), &[])
    }

    #[test]
    fn appositive_roles() {
        let s = "a researcher at the Delft University of Technology who studies peer-to-peer networks";
        let t = toks(s);
        assert_eq!(
            appositive(s, &t, 0, t.len()).as_deref(),
            Some("researcher at the Delft University of Technology")
        );
        let s = "whose parents fled the Nazi threat to come to the UK";
        let t = toks(s);
        assert_eq!(appositive(s, &t, 0, t.len()), None);
        let s = "30";
        let t = toks(s);
        assert_eq!(appositive(s, &t, 0, t.len()), None);
        let s = "known as Queen of the Sky";
        let t = toks(s);
        assert_eq!(appositive(s, &t, 0, t.len()), None);
        let s = "chairman of the foreign affairs committee";
        let t = toks(s);
        assert_eq!(appositive(s, &t, 0, t.len()).as_deref(), Some(s));
    }

    #[test]
    fn roles_before_names() {
        let s = "But Manchester United manager Sir";
        let t = toks(s);
        assert_eq!(
            before_name(s, &t, 0, t.len()).as_deref(),
            Some("Manchester United manager")
        );
        let s = "Lord Chancellor Lord";
        let t = toks(s);
        assert_eq!(before_name(s, &t, 0, t.len()).as_deref(), Some("Lord Chancellor"));
        let s = "Tuesday Mr";
        let t = toks(s);
        assert_eq!(before_name(s, &t, 0, t.len()), None);
    }
}
