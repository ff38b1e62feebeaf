//! `saywho list`: one article per line.

use crate::corpus::Corpus;
use crate::text::{fit, width};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<String>,
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    text_from: Option<&'a str>,
    words: usize,
    paragraphs: usize,
    encoding: crate::corpus::decode::Encoding,
}

/// `marks`: the state store and whether to keep only unread / only starred articles;
/// `tags`: keep only articles with every one of these tags (any case).
pub fn run(
    corpus: &Corpus,
    json: bool,
    marks: Option<(&crate::state::Store, bool, bool)>,
    tags: &[String],
    out: &mut impl Write,
) -> Result<()> {
    let tagged = |a: &crate::corpus::Article| {
        tags.iter()
            .all(|t| a.meta.tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()))
    };
    let keep = |a: &crate::corpus::Article| {
        tagged(a)
            && match marks {
                None => true,
                Some((store, unread, starred)) => {
                    let st = store.article(&crate::state::key_of(a));
                    (!unread || !st.is_some_and(|s| s.read)) && (!starred || st.is_some_and(|s| s.starred))
                }
            }
    };
    let articles: Vec<&crate::corpus::Article> = corpus.articles.iter().filter(|a| keep(a)).collect();
    if json {
        for a in articles.iter().copied() {
            super::json_line(
                out,
                &Row {
                    id: &a.id,
                    path: &a.path,
                    title: &a.meta.title,
                    source: a.meta.source.as_deref(),
                    author: a.meta.author.as_deref(),
                    date: a.meta.date.map(|d| d.to_string()),
                    url: a.meta.url.as_deref(),
                    tags: &a.meta.tags,
                    text_from: a.meta.text_from.as_deref(),
                    words: a.words,
                    paragraphs: a.paragraph_count,
                    encoding: a.encoding,
                },
            )?;
        }
        return Ok(());
    }
    // ids are printed whole (padded, never cut: what is printed is what `show` takes); the
    // source as the reader shows it, the folder when the article names none
    let id_w = articles.iter().map(|a| width(&a.id)).max().unwrap_or(2);
    let src_w = articles
        .iter()
        .map(|a| a.source_or_folder().map_or(1, width))
        .max()
        .unwrap_or(1)
        .min(20);
    for a in articles {
        let date = a.meta.date.map_or_else(|| "-".repeat(10), |d| d.to_string());
        writeln!(
            out,
            "{}{}  {}  {}  {}",
            a.id,
            " ".repeat(id_w - width(&a.id)),
            date,
            fit(a.source_or_folder().unwrap_or("-"), src_w),
            a.meta.title
        )?;
    }
    Ok(())
}
