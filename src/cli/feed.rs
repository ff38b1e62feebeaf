//! `saywho feed add|list|remove|import|export` and `saywho sync`: thin faces over `crate::library`.

use super::{EXIT_PARTIAL, FeedAction, Global};
use crate::library::{self, feeds::Feeds, opml, sync};
use anyhow::{Context, Result};
use std::io::Write;
use std::process::ExitCode;

fn feeds_file() -> Result<std::path::PathBuf> {
    library::default_feeds_file().context("no config folder on this system (set XDG_CONFIG_HOME)")
}

pub fn feed(action: FeedAction, out: &mut impl Write) -> Result<()> {
    let mut feeds = Feeds::load(&feeds_file()?)?;
    match action {
        FeedAction::Add { url, name, tags } => {
            let name = feeds.add(&url, name.as_deref())?;
            if let Some(f) = feeds.feeds.last_mut() {
                for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                    if !f.tags.iter().any(|x| x == t) {
                        f.tags.push(t.to_string());
                    }
                }
            }
            feeds.save()?;
            writeln!(out, "added {name}: {url} (`saywho sync` fetches it)")?;
        }
        FeedAction::List { json } => {
            for f in &feeds.feeds {
                if json {
                    super::json_line(out, f)?;
                } else if f.tags.is_empty() {
                    writeln!(out, "{}\t{}", f.name, f.url)?;
                } else {
                    writeln!(out, "{}\t{}\t{}", f.name, f.url, f.tags.join(", "))?;
                }
            }
            if feeds.feeds.is_empty() && !json {
                eprintln!("no feeds yet: `saywho feed add URL` adds one");
            }
        }
        FeedAction::Remove { name } => {
            let f = feeds.remove(&name)?;
            feeds.save()?;
            writeln!(out, "removed {} ({}); its articles stay in the library", f.name, f.url)?;
        }
        FeedAction::Import { file, json } => import(&mut feeds, &file, json, out)?,
        FeedAction::Export { opml: _, newsboat } => {
            let text = if newsboat {
                opml::write_newsboat(&feeds.feeds)
            } else {
                opml::write_opml(&feeds.feeds, &chrono::Utc::now().to_rfc2822())?
            };
            out.write_all(text.as_bytes())?;
            if feeds.feeds.is_empty() {
                eprintln!("no feeds yet: `saywho feed add URL` or `saywho feed import FILE` adds some");
            }
        }
    }
    Ok(())
}

fn import(feeds: &mut Feeds, file: &std::path::Path, json: bool, out: &mut impl Write) -> Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        // OPML may declare another encoding; newsboat's file is UTF-8
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
        text.into_owned()
    });
    let text = text.unwrap_or_else(|t| t);
    let format = opml::detect(&text);
    let parsed = opml::parse(&text);
    if parsed.entries.is_empty() && !parsed.skipped.is_empty() && !json {
        for s in &parsed.skipped {
            eprintln!("{}:{}: skipped {}: {}", file.display(), s.line, s.what, s.why);
        }
        anyhow::bail!("{}: no feed to import", file.display());
    }
    let report = feeds.import(parsed);
    if !report.added.is_empty() || report.already.iter().any(|a| !a.new_tags.is_empty()) {
        feeds.save()?;
    }
    if json {
        return super::json_line(out, &report);
    }
    let kind = match format {
        opml::Format::Opml => "OPML",
        opml::Format::Newsboat => "newsboat urls",
    };
    writeln!(
        out,
        "imported {} from {} ({kind}); {} already here",
        crate::text::plural(report.added.len(), "feed"),
        file.display(),
        report.already.len()
    )?;
    for a in report.already.iter().filter(|a| !a.new_tags.is_empty()) {
        writeln!(out, "  {} gained tags: {}", a.name, a.new_tags.join(", "))?;
    }
    for s in &report.skipped {
        writeln!(out, "  skipped line {}: {} ({})", s.line, s.what, s.why)?;
    }
    if !report.added.is_empty() {
        writeln!(out, "`saywho sync` fetches them")?;
    }
    Ok(())
}

/// What a sync needs: the feeds (there must be some) and the library.
fn sync_options(global: &Global, timeout: f64, workers: usize, max_size: u64) -> Result<sync::Options> {
    let feeds = Feeds::load(&feeds_file()?)?;
    if feeds.feeds.is_empty() {
        anyhow::bail!("no feeds to sync: add one with `saywho feed add URL`");
    }
    let library = global
        .library()
        .context("no data folder on this system: give one with --library DIR")?;
    Ok(sync::Options {
        library,
        feeds: feeds.feeds,
        timeout: std::time::Duration::from_secs_f64(timeout),
        max_size,
        workers,
    })
}

pub fn sync(
    global: &Global,
    json: bool,
    timeout: f64,
    workers: usize,
    max_size: u64,
    out: &mut impl Write,
) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !(timeout.is_finite() && timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let opts = sync_options(global, timeout, workers, max_size)?;
    // a progress bar on a terminal; nothing but the summary when piped
    let bar = std::io::stderr()
        .is_terminal()
        .then(|| super::progress_bar("{msg:>6} [{bar:30}] {pos}/{len} {elapsed}"));
    let progress = |p: sync::Progress| {
        if let Some(b) = &bar {
            b.set_message(match p.phase {
                sync::Phase::Feeds => "feeds",
                sync::Phase::Pages => "pages",
            });
            b.set_length(p.total as u64);
            b.set_position(p.done as u64);
        }
    };
    let summary = sync::run(&opts, &progress)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if json {
        super::json_line(out, &summary)?;
    } else {
        writeln!(
            out,
            "{} from {} ({} not modified) into {}: {} new, {} already there, {:.1} s",
            crate::text::plural(summary.items, "item"),
            crate::text::plural(summary.feeds, "feed"),
            summary.feeds_not_modified,
            summary.library,
            summary.new,
            summary.duplicates,
            summary.seconds
        )?;
        for f in &summary.feeds_failed {
            writeln!(out, "  feed {}: {}", f.what, f.error)?;
        }
        for f in &summary.pages_failed {
            let kept = if f.kept_feed_content {
                " (kept the feed's text)"
            } else {
                " (skipped)"
            };
            writeln!(out, "  page {}: {}{kept}", f.what, f.error)?;
        }
    }
    Ok(if summary.any_failed() {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// A sync for the reader (`R`): no progress bar, the outcome in one line.
pub fn sync_quietly(global: &Global, max_size: u64) -> Result<String> {
    let opts = sync_options(global, sync::DEFAULT_TIMEOUT_SECS, sync::DEFAULT_WORKERS, max_size)?;
    let s = sync::run(&opts, &|_| {})?;
    let mut msg = format!("synced: {}", crate::text::plural(s.new, "new article"));
    // what failed, by name, the first few in the status line
    let failures: Vec<String> = s
        .feeds_failed
        .iter()
        .map(|f| format!("feed {} ({})", f.what, f.error))
        .chain(s.pages_failed.iter().map(|f| format!("{} ({})", f.what, f.error)))
        .collect();
    if !failures.is_empty() {
        const NAMED: usize = 2;
        msg.push_str(&format!(
            "; failed: {}",
            failures[..failures.len().min(NAMED)].join(", ")
        ));
        if failures.len() > NAMED {
            msg.push_str(&format!(
                " and {} more (`saywho sync` lists them)",
                failures.len() - NAMED
            ));
        }
    }
    Ok(msg)
}
