//! `saywho feed add|list|remove|import|export` and `saywho sync`: thin faces over `crate::library`.

use super::{EXIT_PARTIAL, FeedAction, Global};
use crate::library::{self, feeds::Feeds, opml, remote, sync};
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
    // UTF-8, UTF-16 with a BOM, else Windows-1252, as an article is read
    let (text, _) = crate::corpus::decode::decode(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
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

/// What a sync needs: the feeds and accounts (there must be some) and the library.
fn sync_options(global: &Global, timeout: f64, workers: usize, max_size: u64) -> Result<sync::Options> {
    let feeds = Feeds::load(&feeds_file()?)?;
    if feeds.feeds.is_empty() && super::account::load()?.accounts.is_empty() {
        anyhow::bail!(
            "no feeds to sync: add one with `saywho feed add URL`, `saywho feed import FILE` or `saywho account add`"
        );
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
    let (summary, accounts) = with_accounts(global, &opts, &progress)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if json {
        #[derive(serde::Serialize)]
        struct All<'a> {
            #[serde(flatten)]
            summary: &'a sync::Summary,
            accounts: &'a [remote::Report],
        }
        super::json_line(
            out,
            &All {
                summary: &summary,
                accounts: &accounts,
            },
        )?;
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
        for a in &accounts {
            writeln!(out, "{}", account_line(a))?;
        }
    }
    Ok(if summary.any_failed() || accounts.iter().any(|a| a.error.is_some()) {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// One account's outcome in a line.
fn account_line(a: &remote::Report) -> String {
    let mut line = format!(
        "account {}: {} received, {} sent, {} taken from the server",
        a.account,
        crate::text::plural(a.items, "item"),
        crate::text::plural(a.sent, "mark"),
        crate::text::plural(a.received, "mark"),
    );
    if a.waiting > 0 {
        line.push_str(&format!(
            "; {} waiting for the next sync",
            crate::text::plural(a.waiting, "mark")
        ));
    }
    if let Some(e) = &a.error {
        line.push_str(&format!(" ({e})"));
    }
    line
}

/// The feeds' sync with every account's: the accounts' new items are stored with the
/// feeds' own, then each account's flags are merged with saywho's state.
fn with_accounts(
    global: &Global,
    opts: &sync::Options,
    progress: &(dyn Fn(sync::Progress) + Sync),
) -> Result<(sync::Summary, Vec<remote::Report>)> {
    let accounts = super::account::load()?;
    let client = library::fetch::Client::new(opts.timeout, opts.max_size);
    let mut pulled = Vec::new();
    let mut reports = Vec::new();
    let mut extra = Vec::new();
    for a in &accounts.accounts {
        match remote::pull(&accounts, a, &opts.library, client.clone()) {
            Ok((p, items)) => {
                extra.extend(items);
                pulled.push(p);
            }
            Err(e) => {
                // the server is out of reach: what waits here stays for the next sync
                let mut r = remote::Report {
                    account: a.name.clone(),
                    error: Some(e),
                    ..remote::Report::default()
                };
                if let Some(dir) = global.state_dir() {
                    r.waiting = remote::pending(&a.name, &opts.library, &crate::state::Store::open(&dir));
                }
                reports.push(r);
            }
        }
    }
    let (summary, seen) = sync::run_with(opts, extra, progress)?;
    if !pulled.is_empty() {
        let dir = global
            .state_dir()
            .context("no state folder on this system: give one with --state-dir DIR")?;
        let mut store = crate::state::Store::open(&dir);
        for p in pulled {
            reports.push(remote::settle(p, &opts.library, &seen, &mut store));
        }
    }
    Ok((summary, reports))
}

/// A sync for the reader (`R`): no progress bar, the outcome in one line.
pub fn sync_quietly(global: &Global, max_size: u64) -> Result<String> {
    let opts = sync_options(global, sync::DEFAULT_TIMEOUT_SECS, sync::DEFAULT_WORKERS, max_size)?;
    let (s, accounts) = with_accounts(global, &opts, &|_| {})?;
    let mut msg = format!("synced: {}", crate::text::plural(s.new, "new article"));
    let (sent, received): (usize, usize) = accounts.iter().fold((0, 0), |(a, b), r| (a + r.sent, b + r.received));
    if !accounts.is_empty() {
        msg.push_str(&format!(
            ", {} sent, {} received",
            crate::text::plural(sent, "mark"),
            crate::text::plural(received, "mark")
        ));
    }
    // what failed, by name, the first few in the status line
    let failures: Vec<String> = s
        .feeds_failed
        .iter()
        .map(|f| format!("feed {} ({})", f.what, f.error))
        .chain(s.pages_failed.iter().map(|f| format!("{} ({})", f.what, f.error)))
        .chain(
            accounts
                .iter()
                .filter_map(|a| Some(format!("account {} ({})", a.account, a.error.as_ref()?))),
        )
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
