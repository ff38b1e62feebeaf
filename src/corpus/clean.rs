//! Decides which paragraphs are the article and which are page furniture. Rules are data
//! (`assets/boilerplate.toml`, plus the user's own file); generic signals catch the rest:
//! a repeat of the title, repeated paragraphs, duplicated captions, and short non-sentence
//! lines at the start and end of the text.

use crate::text::words::{collapse_cow, ends_sentence, fold, is_sentence, words, words_upto};
use anyhow::{Context, Result};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::ops::Range;

const DEFAULT_RULES: &str = include_str!("../../assets/boilerplate.toml");

#[derive(Debug, Deserialize)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    name: String,
    pattern: String,
    until: Option<String>,
    #[serde(default)]
    rest: bool,
    /// Only paragraphs of at most this many characters.
    max: Option<usize>,
}

#[derive(Debug, Clone)]
struct Rule {
    name: String,
    pattern: Regex,
    until: Option<Regex>,
    rest: bool,
    max: Option<usize>,
}

impl Rule {
    /// Whether a paragraph is short enough for the rule (one without `max` takes any).
    fn fits(&self, p: &str) -> bool {
        self.max.is_none_or(|m| p.len() <= m || p.chars().count() <= m)
    }
}

/// The compiled boilerplate rules.
#[derive(Debug, Clone)]
pub struct Rules {
    rules: Vec<Rule>,
    /// A hash of the rules, computed once (every article's cache key includes it).
    fingerprint: u64,
}

impl Rules {
    fn new(rules: Vec<Rule>) -> Rules {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for r in &rules {
            for part in [
                r.name.as_str(),
                r.pattern.as_str(),
                r.until.as_ref().map_or("", |u| u.as_str()),
            ] {
                h.update(part.as_bytes());
                h.update(&[0]);
            }
            h.update(&[r.rest as u8, 1]);
            h.update(&r.max.unwrap_or(0).to_le_bytes());
        }
        Rules {
            rules,
            fingerprint: h.digest(),
        }
    }

    /// The rules shipped in `assets/boilerplate.toml`.
    pub fn builtin() -> Self {
        // The shipped file is tested; failing here is a build defect, not an input problem.
        Self::parse(DEFAULT_RULES, "assets/boilerplate.toml").unwrap_or_else(|_| Rules::new(Vec::new()))
    }

    /// The shipped rules followed by those in `text` (a user's file named `origin`).
    pub fn with_user(text: &str, origin: &str) -> Result<Self> {
        let mut all = Self::builtin().rules;
        all.extend(Self::parse(text, origin)?.rules);
        Ok(Rules::new(all))
    }

    fn parse(text: &str, origin: &str) -> Result<Self> {
        let file: RuleFile = toml::from_str(text).with_context(|| format!("{origin}: not a valid rules file"))?;
        let compile = |p: &str, name: &str| {
            RegexBuilder::new(p)
                .case_insensitive(true)
                .build()
                .with_context(|| format!("{origin}: rule {name:?}: bad pattern {p:?}"))
        };
        let rules = file
            .rule
            .into_iter()
            .map(|r| {
                Ok(Rule {
                    pattern: compile(&r.pattern, &r.name)?,
                    until: r.until.as_deref().map(|u| compile(u, &r.name)).transpose()?,
                    rest: r.rest,
                    max: r.max,
                    name: r.name,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Rules::new(rules))
    }

    /// A hash of the rules (names, patterns): what an article's cache key depends on
    /// besides its bytes.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

impl Default for Rules {
    fn default() -> Self {
        Self::builtin()
    }
}

/// Why a paragraph was left out of the reading view.
pub type Reason = String;

/// A line holding a quotation and a speech cue (`”Closing first" he said`) is the
/// article's text however short it is, never page furniture.
pub fn is_speech(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»'])
        && s.split(|c: char| !c.is_alphabetic())
            .any(|w| !w.is_empty() && crate::text::lexicon::LEX.is_cue(&w.to_lowercase()))
}

/// Apply the rules (step 1) to the paragraphs, returning a reason for each removed one.
pub fn apply_rules(text: &str, paras: &[Range<usize>], rules: &Rules) -> Vec<Option<Reason>> {
    let collapsed: Vec<std::borrow::Cow<str>> = paras.iter().map(|r| collapse_cow(&text[r.clone()])).collect();
    rule_reasons(&collapsed, rules)
}

/// Which of `paras` (separate paragraphs, as a web page's extractor gives them) the
/// rules name as boilerplate.
pub fn rule_marks(paras: &[String], rules: &Rules) -> Vec<bool> {
    let collapsed: Vec<std::borrow::Cow<str>> = paras.iter().map(|p| collapse_cow(p)).collect();
    rule_reasons(&collapsed, rules)
        .into_iter()
        .map(|m| m.is_some())
        .collect()
}

/// The rules over paragraphs with their whitespace collapsed: a reason for each removed one.
fn rule_reasons(collapsed: &[std::borrow::Cow<str>], rules: &Rules) -> Vec<Option<Reason>> {
    let n = collapsed.len();
    let mut marks: Vec<Option<Reason>> = vec![None; n];
    for i in 0..n {
        if marks[i].is_none()
            && let Some(rule) = rules
                .rules
                .iter()
                .find(|r| r.fits(&collapsed[i]) && r.pattern.is_match(&collapsed[i]))
        {
            marks[i] = Some(rule.name.clone());
            if rule.rest && i * 2 >= n {
                for m in marks.iter_mut().skip(i + 1) {
                    m.get_or_insert_with(|| rule.name.clone());
                }
            }
            if let Some(until) = &rule.until
                && let Some(j) = (i + 1..n.min(i + 1 + UNTIL_REACH)).find(|&j| until.is_match(&collapsed[j]))
            {
                for m in &mut marks[i + 1..=j] {
                    m.get_or_insert_with(|| rule.name.clone());
                }
            }
        }
    }
    marks
}

/// A rule with `until` marks at most this many paragraphs after the one it matched,
/// looking for the paragraph that ends the run (a related-links block, a comment form).
const UNTIL_REACH: usize = 20;
/// Paragraphs up to this many bytes are compared folded (a title, a caption printed
/// twice); longer ones by length and hash.
const SHORT_PARAGRAPH_BYTES: usize = 400;
/// A line of fewer words than this that does not end like a sentence is a fragment
/// (a kicker, a share prompt) when it stands before the first or after the last real
/// paragraph.
const FRAGMENT_WORDS: usize = 15;

/// Generic signals (step 2): title repeats, repeated paragraphs, duplicated captions, and
/// short non-sentence lines at the edges.
pub fn apply_signals(text: &str, paras: &[Range<usize>], marks: &mut [Option<Reason>], title: Option<&str>) {
    let n = paras.len();
    // Long paragraphs are never titles or captions; for repeats a hash of them will do.
    let folded: Vec<String> = paras
        .iter()
        .map(|r| {
            let p = &text[r.clone()];
            if p.len() <= SHORT_PARAGRAPH_BYTES {
                fold(p)
            } else {
                format!(
                    "#{}{}{}",
                    p.len(),
                    &p[..p.floor_char_boundary(80)],
                    &p[p.ceil_char_boundary(p.len() - 80)..]
                )
            }
        })
        .collect();
    let title = title.map(fold).filter(|t| !t.is_empty());
    let mut seen = std::collections::HashSet::new();
    for i in 0..n {
        let f = &folded[i];
        if f.is_empty() {
            marks[i].get_or_insert_with(|| "empty".into());
            continue;
        }
        if title.as_deref() == Some(f.as_str()) {
            marks[i].get_or_insert_with(|| "title".into());
        }
        if !seen.insert(f.clone()) {
            marks[i].get_or_insert_with(|| "repeated".into());
        }
        // a caption printed twice, the second time with a credit: "… (Reuters)"
        if i + 1 < n {
            let next = &folded[i + 1];
            if !f.starts_with('#')
                && next.len() > f.len()
                && next.starts_with(f.as_str())
                && next.len() - f.len() <= 40
                && words(&text[paras[i].clone()]) >= 4
            {
                marks[i].get_or_insert_with(|| "image caption".into());
                marks[i + 1].get_or_insert_with(|| "image caption".into());
            }
        }
    }
    let sentence: Vec<bool> = paras.iter().map(|r| is_sentence(&text[r.clone()])).collect();
    let fragment = |i: usize| {
        let s = &text[paras[i].clone()];
        !ends_sentence(s) && words_upto(s, FRAGMENT_WORDS) < FRAGMENT_WORDS && !is_speech(s)
    };
    let (Some(first), Some(last)) = (
        (0..n).find(|&i| marks[i].is_none() && sentence[i]),
        (0..n).rev().find(|&i| marks[i].is_none() && sentence[i]),
    ) else {
        return; // no running text at all: leave the edges alone
    };
    for i in (0..first).chain(last + 1..n) {
        if marks[i].is_none() && fragment(i) {
            marks[i] = Some("edge".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(t: &str) -> Vec<Range<usize>> {
        super::super::paragraphs::split(t, 0)
    }

    #[test]
    fn builtin_rules_compile() {
        assert!(Rules::builtin().len() >= 10);
    }

    #[test]
    fn max_keeps_long_paragraphs() {
        let rules = Rules::with_user(
            "[[rule]]\nname = \"sign\"\npattern = '^zebra crossing'\nmax = 40\n",
            "test",
        )
        .unwrap();
        let t = "Zebra crossing ahead.\n\nZebra crossing lights will be fitted outside the school by the council before the spring term.";
        let m = apply_rules(t, &ranges(t), &rules);
        assert_eq!(m, [Some("sign".to_string()), None]);
        assert_eq!(rule_marks(&["Zebra crossing ahead.".to_string()], &rules), [true]);
    }

    #[test]
    fn until_removes_a_run() {
        let t = "Real text that is long enough to count as a sentence here.\n\nYour support helps us to tell the story\n\nAppeal body.\n\nYour support makes all the difference.\n\nMore real text.";
        let p = ranges(t);
        let m = apply_rules(t, &p, &Rules::builtin());
        assert_eq!(
            m.iter().map(Option::is_some).collect::<Vec<_>>(),
            [false, true, true, true, false]
        );
    }

    #[test]
    fn rest_only_in_second_half() {
        let t = "Join our commenting forum\n\nA.\n\nB.\n\nC.";
        let p = ranges(t);
        let m = apply_rules(t, &p, &Rules::builtin());
        assert!(m[0].is_some() && m[1].is_none());
    }

    #[test]
    fn user_rules_are_added_and_bad_ones_refused() {
        let r = Rules::with_user("[[rule]]\nname = \"x\"\npattern = \"^promo\"", "user.toml").unwrap();
        assert_eq!(r.len(), Rules::builtin().len() + 1);
        let err = Rules::with_user("[[rule]]\nname = \"x\"\npattern = \"(\"", "user.toml").unwrap_err();
        assert!(format!("{err:#}").contains("user.toml"));
    }

    #[test]
    fn signals() {
        let t = "Highlight one\n\nThe Title\n\nThis is the first real paragraph of the story, and it ends.\n\nA caption of a picture here\n\nA caption of a picture here (Reuters)\n\nSecond real paragraph with enough words to be a sentence.\n\nThis is the first real paragraph of the story, and it ends.\n\nRelated headline";
        let p = ranges(t);
        let mut m = vec![None; p.len()];
        apply_signals(t, &p, &mut m, Some("The title"));
        let got: Vec<Option<&str>> = m.iter().map(|x| x.as_deref()).collect();
        assert_eq!(
            got,
            [
                Some("edge"),
                Some("title"),
                None,
                Some("image caption"),
                Some("image caption"),
                None,
                Some("repeated"),
                Some("edge")
            ]
        );
    }
}
