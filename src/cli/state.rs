//! `saywho state export|import`: move read marks, stars and positions between machines.

use super::Global;
use crate::state::{self, Store};
use anyhow::{Context, Result};
use std::io::Write;

/// Open the state store (an empty in-memory one when there is no state folder); warnings
/// go to stderr.
pub fn open(global: &Global) -> Store {
    let dir = global
        .state_dir()
        .unwrap_or_else(|| std::path::PathBuf::from(".saywho-state"));
    let s = Store::open(&dir);
    for w in &s.warnings {
        eprintln!("saywho: warning: {w}");
    }
    s
}

/// The state, each article of `corpus` found in it (see [`Store::adopt`]); what that
/// migrates is saved now, quietly when it cannot be.
pub fn open_for(global: &Global, corpus: &crate::corpus::Corpus) -> Store {
    let mut s = open(global);
    let keys: Vec<String> = corpus.articles.iter().map(crate::state::key_of).collect();
    if s.adopt(&corpus.articles, &keys) > 0 {
        let _ = s.save();
    }
    s
}

pub fn run(action: super::StateAction, global: &Global, out: &mut impl Write) -> Result<()> {
    match action {
        super::StateAction::Export { json } => {
            let s = open(global);
            if json {
                serde_json::to_writer_pretty(&mut *out, &s.state)?;
                writeln!(out)?;
            } else {
                let read = s.state.articles.values().filter(|a| a.read).count();
                let starred = s.state.articles.values().filter(|a| a.starred).count();
                writeln!(out, "state file: {}", s.path().display())?;
                writeln!(
                    out,
                    "{} articles known, {read} read, {starred} starred, {} starred quotes",
                    s.state.articles.len(),
                    s.state.quotes.len()
                )?;
                for a in s.state.articles.values().filter(|a| a.starred) {
                    writeln!(out, "  ★ {}", a.title)?;
                }
                writeln!(out, "(--json for the full export, which `saywho state import` reads)")?;
            }
        }
        super::StateAction::Import { file } => {
            let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let other = state::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let mut s = open(global);
            let n = s.import(other);
            s.save()?;
            writeln!(out, "imported {n} entries into {}", s.path().display())?;
        }
        super::StateAction::SaveLoop { prefix, count } => {
            // every save writes ten entries with the same generation: a torn write would
            // show mixed generations
            let mut s = open(global);
            for g in 0..count {
                for k in 0..10 {
                    s.update_article(&format!("{prefix}-{k}"), |a| {
                        a.read = true;
                        a.title = format!("generation {g}");
                    });
                }
                s.save()?;
            }
        }
    }
    Ok(())
}
