//! `saywho links`: people quoted in two or more articles, with the statements reported by
//! several of them.

use crate::corpus::Corpus;
use crate::index::{Index, QuoteRef};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Reported<'a> {
    article: &'a str,
    text: String,
}

#[derive(Serialize)]
struct StatementRow<'a> {
    articles: Vec<&'a str>,
    texts: Vec<Reported<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    person: &'a str,
    articles: Vec<&'a str>,
    statements: Vec<StatementRow<'a>>,
}

pub fn run(corpus: &Corpus, index: &Index, json: bool, out: &mut impl Write) -> Result<()> {
    index.find_all_statements();
    for (pid, p) in index.people.iter().enumerate() {
        if p.articles.len() < 2 {
            continue;
        }
        let articles: Vec<&str> = p.articles.iter().map(|&a| corpus.articles[a].id.as_str()).collect();
        let statements: Vec<StatementRow> = index
            .statements_of(pid)
            .iter()
            .map(|s| {
                let mut ids: Vec<&str> = s
                    .quotes
                    .iter()
                    .map(|r| corpus.articles[r.article].id.as_str())
                    .collect();
                ids.dedup();
                StatementRow {
                    articles: ids,
                    texts: s
                        .quotes
                        .iter()
                        .map(|&QuoteRef { article: a, quote: q }| {
                            let qt = &index.quotes[a][q];
                            Reported {
                                article: corpus.articles[a].id.as_str(),
                                text: qt.text.clone(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        if json {
            super::json_line(
                out,
                &Row {
                    person: &p.name,
                    articles,
                    statements,
                },
            )?;
            continue;
        }
        writeln!(
            out,
            "{} — quoted in {} articles: {}",
            p.name,
            articles.len(),
            articles.join(", ")
        )?;
        for s in &statements {
            writeln!(out, "  one statement, reported by {}:", s.articles.join(", "))?;
            for t in &s.texts {
                writeln!(out, "    {}: {}", t.article, t.text)?;
            }
        }
    }
    Ok(())
}
