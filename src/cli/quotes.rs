//! `saywho quotes`: every quotation with its speaker.

use crate::corpus::Corpus;
use crate::index::Index;
use crate::quotes::QuoteKind;
use anyhow::Result;
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
    for (ai, a) in corpus.articles.iter().enumerate() {
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
            let text = crate::corpus::clean::collapse(&a.text[q.start..q.end]);
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
    }
    Ok(())
}
