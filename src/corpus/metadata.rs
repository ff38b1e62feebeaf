//! What an article says about itself when it has no front matter: a title line, a byline,
//! a date line, a source named in a dateline or in page furniture. Unknown stays empty.

use super::clean::Reason;
use super::dates;
use crate::text::words::{collapse, is_sentence, words};
use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

const SOURCES: &str = include_str!("../../assets/sources.toml");

#[derive(Deserialize)]
struct SourceFile {
    dateline: Vec<String>,
    furniture: Vec<String>,
}

struct SourcePatterns {
    dateline: Vec<Regex>,
    furniture: Vec<Regex>,
}

static PATTERNS: LazyLock<SourcePatterns> = LazyLock::new(|| {
    let file: SourceFile = toml::from_str(SOURCES).unwrap_or(SourceFile {
        dateline: vec![],
        furniture: vec![],
    });
    let compile = |v: Vec<String>| v.iter().filter_map(|p| Regex::new(p).ok()).collect();
    SourcePatterns {
        dateline: compile(file.dateline),
        furniture: compile(file.furniture),
    }
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+([A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,3}(?:\s+(?i:and)\s+[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,3})?)\s*(?:[,|•·—-].*)?$")
        .expect("static regex")
});
static NAME_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){1,3}$").expect("static regex"));

/// Fields derived from the text.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Derived {
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
}

/// Derive metadata from the leading paragraphs; byline and date lines used are marked so
/// the reading view drops them.
pub fn derive(text: &str, paras: &[Range<usize>], marks: &mut [Option<Reason>]) -> Derived {
    let mut d = Derived::default();
    let p = |i: usize| collapse(&text[paras[i].clone()]);
    let first_sentence = (0..paras.len()).find(|&i| marks[i].is_none() && is_sentence(&text[paras[i].clone()]));
    let lead_end = first_sentence.unwrap_or(paras.len()).min(12);
    let mut title_idx = None;
    for i in 0..lead_end {
        if marks[i].is_some() {
            continue;
        }
        let line = p(i);
        if d.date.is_none()
            && let Some(date) = dates::is_date_line(&line)
        {
            d.date = Some(date);
            marks[i] = Some("date line".into());
            if d.author.is_none() && i > 0 && marks[i - 1].is_none() && Some(i - 1) != title_idx {
                let prev = p(i - 1);
                if NAME_LINE.is_match(&prev) {
                    d.author = Some(prev);
                    marks[i - 1] = Some("byline".into());
                }
            }
            continue;
        }
        if d.author.is_none()
            && let Some(c) = BYLINE.captures(&line)
        {
            d.author = Some(c[1].to_string());
            marks[i] = Some("byline".into());
            continue;
        }
        if title_idx.is_none() && line.chars().count() <= MAX_TITLE_CHARS && dateline_source(&line).is_none() {
            title_idx = Some(i);
        }
    }
    d.title = match title_idx {
        Some(i) => Some(p(i)),
        None => first_sentence.map(|i| headline_from(&p(i))),
    };
    d.source = (0..lead_end.min(paras.len()))
        .chain(first_sentence)
        .find_map(|i| dateline_source(&p(i)))
        .or_else(|| {
            (0..paras.len())
                .filter(|&i| marks[i].is_some())
                .find_map(|i| furniture_source(&p(i)))
        });
    d
}

fn dateline_source(line: &str) -> Option<String> {
    PATTERNS
        .dateline
        .iter()
        .find_map(|re| re.captures(line).map(|c| c[1].to_string()))
}

fn furniture_source(line: &str) -> Option<String> {
    PATTERNS
        .furniture
        .iter()
        .find_map(|re| re.captures(line).map(|c| c[1].trim().to_string()))
}

/// A leading line longer than this (in characters) is text, not the title.
const MAX_TITLE_CHARS: usize = 200;
/// A title made from running text is its first sentence when that is at most this long.
const MAX_HEADLINE_CHARS: usize = 120;
/// Else it is its first words, cut before this many characters.
const HEADLINE_CUT_CHARS: usize = 100;

/// A title from running text: its first sentence, or its first words.
fn headline_from(par: &str) -> String {
    let first = match par.find(". ") {
        Some(i) => &par[..i + 1],
        None => par,
    };
    if first.chars().count() <= MAX_HEADLINE_CHARS || words(first) <= 3 {
        return first.to_string();
    }
    let mut out = String::new();
    for w in first.split_whitespace() {
        if out.chars().count() + w.chars().count() > HEADLINE_CUT_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{clean, paragraphs};

    fn run(t: &str) -> (Derived, Vec<Option<Reason>>) {
        let p = paragraphs::split(t, 0);
        let mut m = clean::apply_rules(t, &p, &clean::Rules::builtin());
        let d = derive(t, &p, &mut m);
        (d, m)
    }

    #[test]
    fn shipped_source_patterns_compile() {
        let file: SourceFile = toml::from_str(SOURCES).expect("assets/sources.toml parses");
        assert_eq!(PATTERNS.dateline.len(), file.dateline.len());
        assert_eq!(PATTERNS.furniture.len(), file.furniture.len());
        assert!(!PATTERNS.dateline.is_empty());
    }

    #[test]
    fn independent_style_header() {
        let t = "Stay up to date with notifications from The Independent\n\nRussia responds to it all\n\nSamuel Osborne\nTuesday 14 February 2017 05:57 EST\nComments\n\nThe Kremlin has responded to the resignation by saying it is an internal affair.";
        let (d, m) = run(t);
        assert_eq!(d.title.as_deref(), Some("Russia responds to it all"));
        assert_eq!(d.author.as_deref(), Some("Samuel Osborne"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2017, 2, 14));
        assert_eq!(d.source.as_deref(), Some("The Independent"));
        assert_eq!(m[2].as_deref(), Some("byline"));
    }

    #[test]
    fn cnn_dateline_and_bbc_title() {
        let (d, _) = run(
            "Story highlights\n\nRussia reacts\n\nMoscow CNN —\n\nThe abrupt resignation of Michael Flynn has sent shockwaves through American politics.",
        );
        assert_eq!(d.source.as_deref(), Some("CNN"));
        assert_eq!(d.title.as_deref(), Some("Russia reacts"));
        let (d, _) = run(
            "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months.",
        );
        assert_eq!(d.title.as_deref(), Some("Ad sales boost Time Warner profit"));
        assert_eq!(d.source, None);
        assert_eq!(d.author, None);
        assert_eq!(d.date, None);
    }

    #[test]
    fn byline_and_disclaimer_source() {
        let (d, _) = run(
            "A headline\n\nBy Jane Doe and John Roe\n\nThe body of the article is here and it is long enough to be a sentence.\n\nThe opinion of the author may not necessarily reflect the position of Russia Direct or its staff.",
        );
        assert_eq!(d.author.as_deref(), Some("Jane Doe and John Roe"));
        assert_eq!(d.source.as_deref(), Some("Russia Direct"));
    }

    #[test]
    fn headline_from_running_text() {
        let (d, _) = run(
            "After a scandalous resignation, Russia has started to back away from the president. That could be dangerous.",
        );
        assert_eq!(
            d.title.as_deref(),
            Some("After a scandalous resignation, Russia has started to back away from the president.")
        );
    }
}
