//! `saywho show ID`: one article, cleaned, as text or JSON.

use crate::corpus::{Article, Corpus};
use anyhow::{Result, bail};
use serde::Serialize;
use std::io::Write;

/// Find an article by id (its index in the corpus): exact, then case-insensitive, then a
/// unique prefix.
pub fn find(corpus: &Corpus, id: &str) -> Result<usize> {
    if let Some(i) = corpus.position(id) {
        return Ok(i);
    }
    let lower = id.to_lowercase();
    let articles = &corpus.articles;
    if let Some(i) = articles.iter().position(|a| a.id.to_lowercase() == lower) {
        return Ok(i);
    }
    let matches: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].id.to_lowercase().starts_with(&lower))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => bail!("no article with id {id:?} (see `saywho list`)"),
        many => {
            let ids: Vec<&str> = many.iter().take(5).map(|&i| articles[i].id.as_str()).collect();
            bail!(
                "{id:?} matches {} articles: {}{}",
                many.len(),
                ids.join(", "),
                if many.len() > 5 { ", …" } else { "" }
            )
        }
    }
}

#[derive(Serialize)]
struct Para<'a> {
    start: usize,
    end: usize,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    article: &'a Article,
    paragraphs: Vec<Para<'a>>,
    removed: Vec<Para<'a>>,
    /// The text every `start`/`end` (here and in `quotes --json`) indexes: the file as
    /// decoded, or a web page's extracted text.
    text: &'a str,
}

pub fn run(corpus: &Corpus, id: &str, json: bool, width: Option<usize>, out: &mut impl Write) -> Result<()> {
    let i = find(corpus, id)?;
    let a = &corpus.articles[i];
    let body = corpus
        .body(i)
        .map_err(|e| anyhow::anyhow!("cannot show {}: {e}", a.id))?;
    if json {
        fn para<'b>(body: &crate::corpus::Body, start: usize, end: usize, reason: Option<&'b str>) -> Para<'b> {
            Para {
                start,
                end,
                text: crate::text::words::collapse(body.text.get(start..end).unwrap_or("")),
                reason,
            }
        }
        let shown = Shown {
            article: a,
            paragraphs: body
                .paragraphs
                .iter()
                .map(|p| para(&body, p.start, p.end, None))
                .collect(),
            removed: body
                .removed
                .iter()
                .map(|r| para(&body, r.start, r.end, Some(&r.reason)))
                .collect(),
            text: &body.text,
        };
        return super::json_line(out, &shown);
    }
    let width = width
        .or_else(|| crossterm::terminal::size().ok().map(|(w, _)| w as usize))
        .unwrap_or(80)
        .clamp(20, 1000);
    for line in textwrap::wrap(&a.meta.title, width) {
        writeln!(out, "{line}")?;
    }
    let byline = byline(a);
    if !byline.is_empty() {
        writeln!(out, "{byline}")?;
    }
    for i in 0..body.paragraphs.len() {
        writeln!(out)?;
        let text = crate::text::words::collapse(body.paragraph_text(i));
        for line in textwrap::wrap(&text, width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// "source · author · date", leaving out what is unknown.
pub fn byline(a: &Article) -> String {
    a.byline()
}
