//! `saywho search QUERY [PATH]...`: ranked results with a snippet, matched terms marked.

use super::Global;
use crate::corpus::Corpus;
use crate::index::Index;
use crate::search::{Query, SearchIndex};
use anyhow::Result;
use serde::Serialize;
use std::io::{IsTerminal, Write};

#[derive(Serialize)]
struct Row<'a> {
    article: &'a str,
    file: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<String>,
    score: f32,
    snippet: &'a str,
    /// Byte ranges of the matched terms in `snippet`.
    highlights: &'a [(usize, usize)],
}

pub fn run(
    corpus: &Corpus,
    global: &Global,
    query: &str,
    json: bool,
    limit: usize,
    out: &mut impl Write,
) -> Result<()> {
    let q = Query::parse(query)?;
    if q.is_empty() {
        anyhow::bail!("nothing to search for: give words, \"a phrase\" or @person");
    }
    // the index lives with the cache; without one, in a folder for this run only
    let scratch;
    let dir = match global.cache_dir() {
        Some(d) => d,
        None => {
            scratch = tempfile_dir()?;
            scratch.clone()
        }
    };
    let si = SearchIndex::open(&dir)?;
    let bar = std::io::stderr()
        .is_terminal()
        .then(|| super::progress_bar("indexing [{bar:30}] {pos}/{len}"));
    let keys = SearchIndex::keys(corpus);
    let missing = si.missing(&keys);
    // the quote index (for the people quoted in each article) only when some are new
    let index: Option<&Index> = (!missing.is_empty()).then(|| super::for_the_run(super::build_index(corpus, global)));
    let people = |a: usize| -> Vec<String> {
        index.map_or_else(Vec::new, |ix| {
            ix.people_in(a).into_iter().map(|p| ix.people[p].name.clone()).collect()
        })
    };
    let added = si.add(corpus, &keys, &missing, &people, &|done, total| {
        if let Some(b) = &bar {
            b.set_length(total as u64);
            b.set_position(done as u64);
        }
    })?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if global.verbose {
        eprintln!("saywho: search index {}: {added} articles added", si.dir.display());
    }
    let hits = si.search(corpus, &q, limit)?;
    let bold = !json && std::io::stdout().is_terminal();
    for h in &hits {
        let a = &corpus.articles[h.article];
        if json {
            super::json_line(
                out,
                &Row {
                    article: &a.id,
                    file: &a.path,
                    title: &a.meta.title,
                    source: a.source_or_folder(),
                    date: a.meta.date.map(|d| d.to_string()),
                    score: h.score,
                    snippet: &h.snippet,
                    highlights: &h.highlights,
                },
            )?;
            continue;
        }
        let date = a.meta.date.map(|d| format!(", {d}")).unwrap_or_default();
        writeln!(
            out,
            "{} · {} ({}{date})",
            a.id,
            a.meta.title,
            a.source_or_folder().unwrap_or("")
        )?;
        writeln!(out, "  {}", mark(&h.snippet, &h.highlights, bold))?;
    }
    if hits.is_empty() && !json {
        eprintln!("nothing matches {query:?}");
    }
    if let Some(d) = global.cache_dir().is_none().then_some(&dir) {
        let _ = std::fs::remove_dir_all(d);
    }
    Ok(())
}

/// The snippet with its matched terms in bold (on a terminal) or between [ and ].
fn mark(s: &str, ranges: &[(usize, usize)], bold: bool) -> String {
    let (open, close) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
    // terms next to each other ("Gordon Brown") are marked as one
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a >= last.1 && s.get(last.1..a).is_some_and(|gap| gap.trim().is_empty()) => last.1 = b,
            _ => merged.push((a, b)),
        }
    }
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in &merged {
        if a < at || b > s.len() || !s.is_char_boundary(a) || !s.is_char_boundary(b) {
            continue;
        }
        out.push_str(&s[at..a]);
        out.push_str(open);
        out.push_str(&s[a..b]);
        out.push_str(close);
        at = b;
    }
    out.push_str(&s[at..]);
    out
}

fn tempfile_dir() -> Result<std::path::PathBuf> {
    let d = std::env::temp_dir().join(format!("saywho-search-{}", std::process::id()));
    std::fs::create_dir_all(&d)?;
    Ok(d)
}
