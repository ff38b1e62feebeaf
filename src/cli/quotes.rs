//! `saywho quotes`: every quotation with its speaker.

use crate::corpus::Corpus;
use crate::index::Index;
use crate::quotes::QuoteKind;
use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Row<'a> {
    article: &'a str,
    file: &'a str,
    start: usize,
    end: usize,
    text: String,
    kind: QuoteKind,
    speaker: Option<&'a str>,
    speaker_kind: Option<crate::quotes::SpeakerKind>,
    mention: Option<&'a str>,
    cue: Option<&'a str>,
    role: Option<&'a str>,
    group: usize,
}

pub fn run(
    corpus: &Corpus,
    index: &Index,
    person: Option<&str>,
    json: bool,
    all: bool,
    starred: Option<&crate::state::Store>,
    out: &mut impl Write,
) -> Result<()> {
    let wanted = match person {
        Some(p) => match index.find_person(p) {
            Some(id) => Some(id),
            None => anyhow::bail!("nobody called {p:?} is quoted (see `saywho people`)"),
        },
        None => None,
    };
    // articles are rendered in parallel, a chunk at a time, and written in order
    let opts = Opts {
        wanted,
        json,
        all,
        starred,
    };
    let n = corpus.articles.len();
    // a blank line separates articles in the text output: none before the first
    let mut started = false;
    for first in (0..n).step_by(CHUNK) {
        let parts: Vec<Vec<u8>> = (first..(first + CHUNK).min(n))
            .into_par_iter()
            .map(|ai| {
                let mut buf = Vec::new();
                article(corpus, index, ai, &opts, &mut buf).map(|_| buf)
            })
            .collect::<Result<_>>()?;
        for p in parts.iter().filter(|p| !p.is_empty()) {
            let p = if started {
                &p[..]
            } else {
                p.strip_prefix(b"\n").unwrap_or(p)
            };
            out.write_all(p)?;
            started = true;
        }
    }
    Ok(())
}

/// Articles rendered at once before they are written.
const CHUNK: usize = 512;

struct Opts<'a> {
    wanted: Option<crate::index::PersonId>,
    json: bool,
    all: bool,
    starred: Option<&'a crate::state::Store>,
}

/// The rows of article `ai`.
fn article(corpus: &Corpus, index: &Index, ai: usize, o: &Opts, out: &mut impl Write) -> Result<()> {
    let Opts {
        wanted,
        json,
        all,
        starred,
    } = *o;
    let a = &corpus.articles[ai];
    let key = starred.map(|_| crate::state::key_of(a));
    let mut header = false;
    for (qi, q) in index.quotes[ai].iter().enumerate() {
        if q.kind == QuoteKind::Scare && !all {
            continue;
        }
        if let (Some(store), Some(k)) = (starred, &key) {
            let qk = crate::state::quote_key(k, q.start, q.end);
            if !store.state.quotes.get(&qk).is_some_and(|s| s.starred) {
                continue;
            }
        }
        let pid = index.speaker_of(ai, qi);
        if wanted.is_some() && pid != wanted {
            continue;
        }
        let speaker = pid.map(|p| index.people[p].name.as_str());
        let text = q.text.clone();
        if json {
            super::json_line(
                out,
                &Row {
                    article: &a.id,
                    file: &a.path,
                    start: q.start,
                    end: q.end,
                    text,
                    kind: q.kind,
                    speaker: speaker.or(q.speaker.as_deref()),
                    speaker_kind: q.speaker_kind,
                    mention: q.mention.as_deref(),
                    cue: q.cue.as_deref(),
                    role: q.role.as_deref(),
                    group: q.group,
                },
            )?;
            continue;
        }
        if !header {
            writeln!(
                out,
                "\n{} · {}{}",
                a.id,
                a.meta.title,
                a.meta.source.as_deref().map(|s| format!(" ({s})")).unwrap_or_default()
            )?;
            header = true;
        }
        let who = match (speaker.or(q.speaker.as_deref()), q.mention.as_deref()) {
            (Some(s), _) => s.to_string(),
            (None, Some(m)) => format!("[{m}]"),
            (None, None) => "[unattributed]".into(),
        };
        let kind = match q.kind {
            QuoteKind::Direct => "",
            QuoteKind::Indirect => " (reported)",
            QuoteKind::Mixed => " (mixed)",
            QuoteKind::Scare => " (scare quote)",
        };
        writeln!(out, "  {who}{kind}: {text}")?;
    }
    Ok(())
}
