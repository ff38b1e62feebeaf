//! `saywho people`: everyone quoted, most-quoted first.

use crate::corpus::Corpus;
use crate::index::Index;
use crate::quotes::SpeakerKind;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    kind: SpeakerKind,
    aliases: &'a [String],
    roles: &'a [String],
    articles: Vec<&'a str>,
    quotes: usize,
    /// Quoted in two or more articles: the reader links them.
    linked: bool,
}

pub fn run(corpus: &Corpus, index: &Index, json: bool, out: &mut impl Write) -> Result<()> {
    for p in &index.people {
        let articles: Vec<&str> = p.articles.iter().map(|&a| corpus.articles[a].id.as_str()).collect();
        let linked = articles.len() >= 2;
        if json {
            super::json_line(
                out,
                &Row {
                    name: &p.name,
                    kind: p.kind,
                    aliases: &p.aliases,
                    roles: &p.roles,
                    articles,
                    quotes: p.quotes.len(),
                    linked,
                },
            )?;
            continue;
        }
        let kind = if p.kind == SpeakerKind::Organization {
            " [organisation]"
        } else {
            ""
        };
        let role = p.roles.first().map(|r| format!(", {r}")).unwrap_or_default();
        let link = if linked { "  ↔" } else { "" };
        writeln!(
            out,
            "{:>10}  {:>11}  {}{kind}{role}{link}",
            crate::text::plural(p.quotes.len(), "quote"),
            crate::text::plural(p.articles.len(), "article"),
            p.name
        )?;
    }
    Ok(())
}
