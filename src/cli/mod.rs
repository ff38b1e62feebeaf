//! The command line: `saywho [PATH]...` opens the reader; `list`, `show`, `quotes`,
//! `people`, `links` print what the reader shows, as text or JSON Lines.

mod account;
mod args;
mod feed;
mod links;
mod list;
mod people;
mod quotes;
mod search;
mod show;
mod state;

use crate::config::{self, Config};
use crate::corpus::{self, Corpus, LoadOptions, Rules};
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use args::*;

/// Exit status when some input was skipped but the rest loaded.
pub const EXIT_PARTIAL: u8 = 3;

pub fn main() -> ExitCode {
    let cli = Cli::parse_from(globals_after_subcommand(std::env::args_os().collect()));
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("saywho: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if matches!(
        cli.command,
        None | Some(Command::Quotes { .. } | Command::People { .. } | Command::Links { .. })
    ) {
        // the quote engine's tables load on a thread of their own while the files are read
        std::thread::spawn(crate::quotes::warm_up);
    }
    let config_text = config::read(cli.global.config.as_deref())?;
    let config = match &config_text {
        Some((text, path)) => config::parse(text, path)?,
        None => Config::default(),
    };
    // every command checks the whole config as the reader would (keys, theme), so a
    // mistake is found by `saywho list --config FILE` too
    crate::tui::options_from_config(&config, config_text.as_ref().map(|(t, p)| (t.as_str(), p.as_path())))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = match cli.command {
        None => {
            drop(out);
            return reader(
                &cli,
                &config,
                config_text.as_ref().map(|(t, p)| (t.as_str(), p.as_path())),
            );
        }
        Some(command) => subcommand(command, &cli.global, &config, &mut out),
    };
    match result.and_then(|code| out.flush().map(|_| code).map_err(Into::into)) {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

/// Run a subcommand (not the reader), writing to `out`.
fn subcommand(command: Command, global: &Global, config: &Config, out: &mut impl Write) -> Result<ExitCode> {
    match command {
        Command::List {
            input,
            json,
            unread,
            starred,
            tags,
        } => {
            let corpus = for_the_run(load(&input, global, config)?);
            let marks = if unread || starred {
                Some(state::open_for(global, corpus))
            } else {
                None
            };
            list::run(corpus, json, marks.as_ref().map(|m| (m, unread, starred)), &tags, out).map(|_| status(corpus))
        }
        Command::State { action } => state::run(action, global, out).map(|_| ExitCode::SUCCESS),
        Command::Search {
            query,
            input,
            json,
            limit,
        } => {
            let corpus = for_the_run(load(&input, global, config)?);
            search::run(corpus, global, &query, json, limit, out).map(|_| status(corpus))
        }
        Command::Feed { action } => feed::feed(action, out).map(|_| ExitCode::SUCCESS),
        Command::Account { action } => account::account(action, global, out).map(|_| ExitCode::SUCCESS),
        Command::Sync { json, timeout, workers } => {
            let max_size = global
                .max_size
                .or(config.max_file_size)
                .unwrap_or(corpus::load::DEFAULT_MAX_SIZE);
            feed::sync(global, json, timeout, workers, max_size, out)
        }
        Command::Quotes {
            input,
            person,
            all,
            starred,
            json,
        } => {
            let corpus = for_the_run(load(&input, global, config)?);
            let index = for_the_run(build_index(corpus, global));
            let store = starred.then(|| state::open_for(global, corpus));
            quotes::run(corpus, index, person.as_deref(), json, all, store.as_ref(), out).map(|_| status(corpus))
        }
        Command::Links { input, json } => {
            let corpus = for_the_run(load(&input, global, config)?);
            let index = for_the_run(build_index(corpus, global));
            links::run(corpus, index, json, out).map(|_| status(corpus))
        }
        Command::People { input, json } => {
            let corpus = for_the_run(load(&input, global, config)?);
            let index = for_the_run(build_index(corpus, global));
            people::run(corpus, index, json, out).map(|_| status(corpus))
        }
        Command::Show {
            id,
            mut input,
            json,
            width,
        } => {
            // `saywho show page.html`: a file named alone is the article to show
            let file_alone = input.paths.is_empty() && std::path::Path::new(&id).is_file();
            if file_alone {
                input.paths.push(PathBuf::from(&id));
            }
            let corpus = for_the_run(load(&input, global, config)?);
            let id = match corpus.articles.first() {
                Some(a) if file_alone => a.id.clone(),
                _ => id,
            };
            show::run(corpus, &id, json, width, out).map(|_| status(corpus))
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    // (a JSON writer wraps the write's error in its own)
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// Open the reader on the corpus named on the command line.
fn reader(cli: &Cli, config: &Config, config_text: Option<(&str, &std::path::Path)>) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !cli.headless && !terminal {
        // with no terminal to draw on, a missing path is still the first thing to say
        if let Some(p) = cli.input.paths.iter().find(|p| !p.exists()) {
            anyhow::bail!("{}: no such file or folder", p.display());
        }
        anyhow::bail!(
            "the reader needs a terminal (stdin and stdout are not one); to print instead, use \
             `saywho list`, `show`, `quotes`, `people` or `links` (see `saywho --help`)"
        );
    }
    let mut opts = crate::tui::options_from_config(config, config_text)?;
    opts.exit_after_first_frame = cli.exit_after_first_frame;
    opts.headless = cli.headless;
    opts.fresh = cli.fresh;
    opts.store = Some(state::open(&cli.global));
    opts.cache_dir = cli.global.cache_dir();
    opts.watch = with_library(&cli.input.paths, &cli.global)
        .into_iter()
        .filter(|p| p.is_dir())
        .collect();
    let rules = rules(config)?;
    let (named, global) = (cli.input.paths.clone(), cli.global.clone());
    let max_size = cli
        .global
        .max_size
        .or(config.max_file_size)
        .unwrap_or(corpus::load::DEFAULT_MAX_SIZE);
    // problems found while loading are printed after the terminal is restored
    let problems = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = problems.clone();
    let max_size_sync = max_size;
    let sync_global = cli.global.clone();
    opts.sync = Some(std::sync::Arc::new(move || {
        feed::sync_quietly(&sync_global, max_size_sync)
    }));
    let cache_dir = opts.cache_dir.clone();
    // the articles as last read, from the cache: the list shows at once
    let (quick_named, quick_global, quick_rules, quick_cache) =
        (named.clone(), global.clone(), rules.clone(), cache_dir.clone());
    opts.quick = Some(std::sync::Arc::new(move || {
        let paths = with_library(&quick_named, &quick_global);
        let cache = crate::cache::Cache::open(quick_cache.as_deref()?).ok()?;
        let opts = LoadOptions {
            max_size,
            rules: &quick_rules,
            progress: None,
            cache: Some(&*cache),
        };
        (!paths.is_empty())
            .then(|| corpus::load::load_listing(&paths, &opts))
            .flatten()
    }));
    let result = crate::tui::run(opts, move |done, total| {
        // the library is looked at each time: after a sync it may hold articles
        let paths = with_library(&named, &global);
        let cache = cache_dir.as_deref().and_then(|d| crate::cache::Cache::open(d).ok());
        let corpus = if paths.is_empty() {
            corpus::load_bundled(&rules)
        } else {
            corpus::load_paths(
                &paths,
                &LoadOptions {
                    max_size,
                    rules: &rules,
                    progress: Some(corpus::load::Progress { total, done }),
                    cache: cache.as_deref().map(|c| c as _),
                },
            )
        };
        if let Ok(mut p) = sink.lock() {
            p.extend(corpus.problems.iter().cloned());
        }
        if corpus.articles.is_empty() {
            let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            anyhow::bail!("no articles to read in {}", named.join(", "));
        }
        Ok(corpus)
    });
    let problems = problems.lock().map(|p| p.clone()).unwrap_or_default();
    for p in &problems {
        eprintln!("{p}");
    }
    result?;
    Ok(if problems.iter().any(|p| p.skipped) {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// The boilerplate rules: built-in plus the user's file, if the config names one.
pub fn rules(config: &Config) -> Result<Rules> {
    match &config.boilerplate {
        Some(p) => {
            let text =
                std::fs::read_to_string(p).with_context(|| format!("cannot read boilerplate rules {}", p.display()))?;
            Rules::with_user(&text, &p.display().to_string())
        }
        None => Ok(Rules::builtin()),
    }
}

/// Load the corpus named by `input` (or the bundled one), reporting problems on stderr.
/// No article at all is an error.
pub fn load(input: &Input, global: &Global, config: &Config) -> Result<Corpus> {
    let rules = rules(config)?;
    let paths = with_library(&input.paths, global);
    let corpus = if paths.is_empty() {
        corpus::load_bundled(&rules)
    } else {
        let cache = global.cache_dir().and_then(|d| crate::cache::Cache::open(&d).ok());
        let (done, total) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let opts = LoadOptions {
            max_size: global
                .max_size
                .or(config.max_file_size)
                .unwrap_or(corpus::load::DEFAULT_MAX_SIZE),
            rules: &rules,
            progress: Some(corpus::load::Progress {
                total: &total,
                done: &done,
            }),
            cache: cache.as_deref().map(|c| c as _),
        };
        with_progress("reading", &total, &done, || corpus::load_paths(&paths, &opts))
    };
    for p in &corpus.problems {
        eprintln!("{p}");
    }
    if global.verbose {
        eprintln!(
            "saywho: {} articles: {} files read, the rest unchanged since they were cached",
            corpus.articles.len(),
            corpus.files_read
        );
    }
    if corpus.articles.is_empty() {
        let named: Vec<String> = input.paths.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("no articles to read in {}", named.join(", "));
    }
    Ok(corpus)
}

/// The paths to read: those named, else the library when it holds articles, else none
/// (the bundled corpus).
fn with_library(paths: &[PathBuf], global: &Global) -> Vec<PathBuf> {
    if !paths.is_empty() {
        return paths.to_vec();
    }
    match global.library() {
        Some(lib) if crate::library::has_articles(&lib) => vec![lib],
        _ => Vec::new(),
    }
}

/// The quote index, through the cache when there is one (a cache that cannot be used is
/// bypassed: with --verbose, saying why).
pub fn build_index(corpus: &Corpus, global: &Global) -> crate::index::Index {
    let (done, total) = (AtomicUsize::new(0), AtomicUsize::new(corpus.articles.len()));
    let dir = global.cache_dir();
    let (index, report) = with_progress("finding quotes", &total, &done, || {
        crate::cache::build_index_with_progress(corpus, dir.as_deref(), Some(&done))
    });
    if global.verbose {
        eprintln!("saywho: {report}");
    }
    index
}

/// A progress bar on stderr drawn with indicatif's `template`, the same look everywhere.
fn progress_bar(template: &str) -> indicatif::ProgressBar {
    let b = indicatif::ProgressBar::new(0);
    b.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    b
}

/// Run `work` with a progress bar on stderr following `done` of `total` — on a terminal
/// only, and only once the work has taken a moment (a warm start never shows one).
fn with_progress<T>(what: &str, total: &AtomicUsize, done: &AtomicUsize, work: impl FnOnce() -> T) -> T {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let finished = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            let start = std::time::Instant::now();
            let mut bar: Option<indicatif::ProgressBar> = None;
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(50));
                if start.elapsed() < std::time::Duration::from_millis(400) {
                    continue;
                }
                let b =
                    bar.get_or_insert_with(|| progress_bar(&format!("{what} [{{bar:30}}] {{pos}}/{{len}} {{eta}}")));
                b.set_length(total.load(Ordering::Relaxed) as u64);
                b.set_position(done.load(Ordering::Relaxed) as u64);
            }
            if let Some(b) = bar {
                b.finish_and_clear();
            }
        });
        let out = work();
        finished.store(true, Ordering::Relaxed);
        out
    })
}

/// A value the command uses until the process exits: never freed (the corpus and index
/// of a large library are hundreds of thousands of allocations; freeing them one by one
/// only delays the exit).
fn for_the_run<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

fn status(corpus: &Corpus) -> ExitCode {
    if corpus.skipped_any() {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    }
}

/// Write one JSON value as a line.
pub fn json_line(out: &mut impl Write, v: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer(&mut *out, v)?;
    out.write_all(b"\n")?;
    Ok(())
}
