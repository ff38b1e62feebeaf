//! No panic on any input: random texts built from the pieces that stress the quote engine
//! (every kind of quote mark, apostrophes, cue words, names, titles, dashes, newlines,
//! control characters), and random bytes through the loader. CI runs these with the
//! default case count (PROPTEST_CASES raises it for a longer soak).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

use proptest::prelude::*;
use saywho::corpus::{Rules, load::parse_bytes};
use saywho::index::Index;

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "''",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    ";",
    "—",
    "―",
    "-",
    "(",
    ")",
    "said",
    "told reporters",
    "according to",
    "wrote on Facebook that",
    "he",
    "she",
    "added",
    "Mr",
    "Mr.",
    "Peskov",
    "Konstantin Kosachev",
    "the Kremlin",
    "a spokesman",
    "U.S.",
    "it's",
    "'90s",
    "The",
    "and",
    "that",
    "who",
    "was quoted as saying",
    "by saying",
    "\x1b[2J",
    "\u{202e}",
    "日本",
    "é",
    "0",
    "Feb. 14",
    "\r\n",
    "\t",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics(body in text()) {
        let rules = Rules::builtin();
        if let Ok((a, _)) = parse_bytes("f".into(), "f".into(), body.as_bytes(), &rules) {
            for q in saywho::quotes::extract(&a) {
                prop_assert!(q.start < q.end && q.end <= a.body().unwrap().text.len());
                prop_assert!(a.body().unwrap().text.is_char_boundary(q.start) && a.body().unwrap().text.is_char_boundary(q.end));
            }
        }
    }

    #[test]
    fn loader_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let rules = Rules::builtin();
        if let Ok((a, _)) = parse_bytes("f".into(), "f".into(), &bytes, &rules) {
            for p in &a.body().unwrap().paragraphs {
                prop_assert!(a.body().unwrap().text.is_char_boundary(p.start) && a.body().unwrap().text.is_char_boundary(p.end));
            }
            let corpus = saywho::corpus::Corpus::new(vec![a], vec![]);
            let _ = Index::build(&corpus);
        }
    }
}

/// Found by the proptest above: a relative pronoun after a comma that opens the text.
#[test]
fn a_comma_and_who_opening_the_text() {
    for body in [
        "Title\n\n, who said “We will go now and see the sea,” at noon.\n",
        "Title\n\n,who said “We will go now,” she said.\n",
        "Title\n\n“We will go now and see the sea,” , who said.\n",
        "Title\n\n, which said: “Go to the sea now, all of you.”\n",
    ] {
        let rules = saywho::corpus::Rules::builtin();
        if let Ok((a, _)) = saywho::corpus::load::parse_bytes("f".into(), "f".into(), body.as_bytes(), &rules) {
            let _ = saywho::quotes::extract(&a);
        }
    }
}
