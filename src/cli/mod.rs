//! The command line: `saywho [PATH]...` opens the reader; `list`, `show`, `quotes`,
//! `people`, `links` print what the reader shows, as text or JSON Lines.

mod account;
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

/// Exit status when some input was skipped but the rest loaded.
pub const EXIT_PARTIAL: u8 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "saywho",
    version,
    about = "A terminal reader for news articles: who said what, and where else they said it",
    long_about = "A terminal reader for news articles: who said what, and where else they said it.\n\nWith no PATH, saywho reads its library (what `saywho sync` fetched), or its bundled corpus while the library is empty. PATHs may be files or folders (searched recursively for .txt, .md, .markdown, .html and .htm files).",
    args_conflicts_with_subcommands = true,
    after_help = "Exit status: 0 when everything loaded, 3 when some input was skipped (each named on stderr), 1 on an error, 2 on a usage error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub global: Global,
    /// Draw the first frame and exit (for measuring start-up)
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    /// Draw into memory instead of the terminal (with --exit-after-first-frame, for benches)
    #[arg(long, hide = true)]
    pub headless: bool,
    /// Start fresh: do not return to where the last session was
    #[arg(long)]
    pub fresh: bool,
}

#[derive(Args, Debug, Clone, Default)]
pub struct Global {
    /// Config file (default: $XDG_CONFIG_HOME/saywho/config.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Largest file to read, in bytes (default 20000000; also max_file_size in the config)
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_size: Option<u64>,
    /// Where read marks, stars and positions are kept (default: $XDG_STATE_HOME/saywho)
    #[arg(long, global = true, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    /// Where `sync` stores articles, read when no PATH is given (default:
    /// $XDG_DATA_HOME/saywho/library)
    #[arg(long, global = true, value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// Where extracted quotes are cached between runs (default: $XDG_CACHE_HOME/saywho)
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Extract every article again, neither reading nor writing the cache
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Say on stderr what the cache held and how many articles were extracted
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

impl Global {
    /// The quote cache folder in use, unless caching is off.
    pub fn cache_dir(&self) -> Option<PathBuf> {
        if self.no_cache {
            return None;
        }
        self.cache_dir.clone().or_else(crate::cache::default_dir)
    }

    /// The library folder in use.
    pub fn library(&self) -> Option<PathBuf> {
        self.library.clone().or_else(crate::library::default_dir)
    }

    /// The state folder in use.
    pub fn state_dir(&self) -> Option<PathBuf> {
        self.state_dir.clone().or_else(crate::state::default_dir)
    }
}

#[derive(Args, Debug, Clone, Default)]
pub struct Input {
    /// Files or folders of articles (default: the library when it holds articles, else the
    /// bundled corpus)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List articles: id, date, source, title
    List {
        #[command(flatten)]
        input: Input,
        /// JSON Lines, one article each
        #[arg(long)]
        json: bool,
        /// Only articles not read yet
        #[arg(long)]
        unread: bool,
        /// Only starred articles
        #[arg(long)]
        starred: bool,
        /// Only articles with this tag (a feed's folder, front matter `tags`); repeatable
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// Print one article, cleaned and wrapped
    Show {
        /// Article id (as `saywho list` prints it; a unique prefix will do)
        id: String,
        #[command(flatten)]
        input: Input,
        /// One JSON object: metadata, paragraphs with byte offsets, removed boilerplate
        #[arg(long)]
        json: bool,
        /// Wrap width (default: the terminal's width, or 80)
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },
    /// Every quotation with its speaker
    Quotes {
        #[command(flatten)]
        input: Input,
        /// Only this person's quotes (any name they go by, case-insensitive)
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// Include scare quotes (quoted words with no speaker)
        #[arg(long)]
        all: bool,
        /// Only quotes you starred in the reader
        #[arg(long)]
        starred: bool,
        /// JSON Lines, one quote each
        #[arg(long)]
        json: bool,
    },
    /// Read marks, stars and positions: export them, or import an export
    State {
        #[command(subcommand)]
        action: StateAction,
    },
    /// People quoted in two or more articles, and the statements several articles report
    Links {
        #[command(flatten)]
        input: Input,
        /// JSON Lines, one person each
        #[arg(long)]
        json: bool,
    },
    /// Everyone quoted: name, roles, articles, number of quotes; most-quoted first
    People {
        #[command(flatten)]
        input: Input,
        /// JSON Lines, one person each
        #[arg(long)]
        json: bool,
    },
    /// Search every article: words, "phrases", @person, source:NAME, after:DATE, before:DATE
    Search {
        /// The query (quote it for the shell: saywho search '"chancellor Gordon Brown"')
        query: String,
        #[command(flatten)]
        input: Input,
        /// JSON Lines, one result each
        #[arg(long)]
        json: bool,
        /// At most this many results
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
    },
    /// The feeds `sync` fetches: add, list, remove, import, export
    Feed {
        #[command(subcommand)]
        action: FeedAction,
    },
    /// Feed servers (Miniflux, FreshRSS, Tiny Tiny RSS, coldsweat) `sync` also talks to:
    /// add, list, remove
    Account {
        #[command(subcommand)]
        action: AccountAction,
    },
    /// Fetch every feed and each new item's page into the library, and sync with every
    /// account (its items, and read and starred marks both ways)
    Sync {
        /// The summary as one JSON object
        #[arg(long)]
        json: bool,
        /// Seconds a request may take
        #[arg(long, value_name = "SECS", default_value_t = crate::library::sync::DEFAULT_TIMEOUT_SECS)]
        timeout: f64,
        /// Requests in flight at once
        #[arg(long, value_name = "N", default_value_t = crate::library::sync::DEFAULT_WORKERS)]
        workers: usize,
    },
}

#[derive(Subcommand, Debug)]
pub enum FeedAction {
    /// Add a feed (RSS, Atom or JSON Feed)
    Add {
        url: String,
        /// What to call it (default: made from the URL)
        #[arg(long)]
        name: Option<String>,
        /// A tag (folder) for it; may be given more than once
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// The feeds, one per line: name, URL and tags
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a feed, by name or URL (articles already synced stay in the library)
    Remove { name: String },
    /// Add the feeds of an OPML file (another reader's export) or of newsboat's `urls`
    /// file; folders and tags become tags. Feeds already here gain the tags they lacked
    Import {
        file: PathBuf,
        /// What was added, already there and skipped, as one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Print the feeds as OPML 2.0 (Miniflux, FreshRSS, newsboat and most readers import
    /// it), or as newsboat's `urls` file
    Export {
        /// OPML (the default)
        #[arg(long, conflicts_with = "newsboat")]
        opml: bool,
        /// newsboat's `urls` format: URL, tags, "~title"
        #[arg(long)]
        newsboat: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AccountAction {
    /// Add a feed server: `saywho account add fever https://rss.example.org/fever/ --user
    /// me@example.org`. The password is asked for (or $SAYWHO_PASSWORD, or
    /// --password-command) and checked with the server; saywho keeps only the API key
    Add {
        /// The API: fever
        kind: String,
        /// The API endpoint (Miniflux: /fever/, FreshRSS: /api/fever.php, Tiny Tiny RSS:
        /// /plugins/fever/)
        url: String,
        /// The user name or email the server knows you by
        #[arg(long)]
        user: String,
        /// What to call it (default: made from the server's host)
        #[arg(long)]
        name: Option<String>,
        /// A command printing the password (`pass show rss`), run at each sync; nothing
        /// is kept then
        #[arg(long, value_name = "CMD")]
        password_command: Option<String>,
    },
    /// The accounts, and the marks waiting to be sent to each
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove an account (its articles stay in the library)
    Remove { name: String },
}

#[derive(Subcommand, Debug)]
pub enum StateAction {
    /// Print the state (JSON with --json, else a summary)
    Export {
        #[arg(long)]
        json: bool,
    },
    /// Merge an exported state file into this one (newer entries win)
    Import { file: PathBuf },
    /// Test aid: save marks in a tight loop (used by the crash and concurrency tests)
    #[command(hide = true)]
    SaveLoop {
        #[arg(long)]
        prefix: String,
        #[arg(long, default_value_t = 1000)]
        count: u64,
    },
}

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

/// Global options may come before a subcommand (`saywho --state-dir D quotes`): clap would
/// read the subcommand's name as a PATH there, so the options are moved after it. Only
/// options marked `global` move; anything else before the subcommand's name leaves the
/// arguments as they are.
pub fn globals_after_subcommand(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let global_opts: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .flat_map(|a| {
            let takes = a.get_action().takes_values();
            let long = a.get_long().map(|l| (format!("--{l}"), takes));
            let short = a.get_short().map(|s| (format!("-{s}"), takes));
            long.into_iter().chain(short)
        })
        .collect();
    let subcommands: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    let mut i = 1;
    while let Some(a) = args.get(i).and_then(|a| a.to_str()) {
        let name = a.split('=').next().unwrap_or(a);
        match global_opts.iter().find(|(long, _)| long == name) {
            Some((_, takes_value)) => i += if *takes_value && !a.contains('=') { 2 } else { 1 },
            None => break,
        }
    }
    match args.get(i).and_then(|a| a.to_str()) {
        Some(sub) if i > 1 && subcommands.contains(&sub) => {
            let mut out = Vec::with_capacity(args.len());
            out.push(args[0].clone());
            out.push(args[i].clone());
            out.extend(args[1..i].iter().cloned());
            out.extend(args[i + 1..].iter().cloned());
            out
        }
        _ => args,
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
        Some(Command::List {
            input,
            json,
            unread,
            starred,
            tags,
        }) => {
            let corpus = for_the_run(load(&input, &cli.global, &config)?);
            let marks = if unread || starred {
                Some(state::open_for(&cli.global, corpus))
            } else {
                None
            };
            list::run(
                corpus,
                json,
                marks.as_ref().map(|m| (m, unread, starred)),
                &tags,
                &mut out,
            )
            .map(|_| status(corpus))
        }
        Some(Command::State { action }) => state::run(action, &cli.global, &mut out).map(|_| ExitCode::SUCCESS),
        Some(Command::Search {
            query,
            input,
            json,
            limit,
        }) => {
            let corpus = for_the_run(load(&input, &cli.global, &config)?);
            search::run(corpus, &cli.global, &query, json, limit, &mut out).map(|_| status(corpus))
        }
        Some(Command::Feed { action }) => feed::feed(action, &mut out).map(|_| ExitCode::SUCCESS),
        Some(Command::Account { action }) => account::account(action, &cli.global, &mut out).map(|_| ExitCode::SUCCESS),
        Some(Command::Sync { json, timeout, workers }) => {
            let max_size = cli
                .global
                .max_size
                .or(config.max_file_size)
                .unwrap_or(corpus::load::DEFAULT_MAX_SIZE);
            feed::sync(&cli.global, json, timeout, workers, max_size, &mut out)
        }
        Some(Command::Quotes {
            input,
            person,
            all,
            starred,
            json,
        }) => {
            let corpus = for_the_run(load(&input, &cli.global, &config)?);
            let index = for_the_run(build_index(corpus, &cli.global));
            let store = starred.then(|| state::open_for(&cli.global, corpus));
            quotes::run(corpus, index, person.as_deref(), json, all, store.as_ref(), &mut out).map(|_| status(corpus))
        }
        Some(Command::Links { input, json }) => {
            let corpus = for_the_run(load(&input, &cli.global, &config)?);
            let index = for_the_run(build_index(corpus, &cli.global));
            links::run(corpus, index, json, &mut out).map(|_| status(corpus))
        }
        Some(Command::People { input, json }) => {
            let corpus = for_the_run(load(&input, &cli.global, &config)?);
            let index = for_the_run(build_index(corpus, &cli.global));
            people::run(corpus, index, json, &mut out).map(|_| status(corpus))
        }
        Some(Command::Show {
            id,
            mut input,
            json,
            width,
        }) => {
            // `saywho show page.html`: a file named alone is the article to show
            let file_alone = input.paths.is_empty() && std::path::Path::new(&id).is_file();
            if file_alone {
                input.paths.push(PathBuf::from(&id));
            }
            let corpus = for_the_run(load(&input, &cli.global, &config)?);
            let id = match corpus.articles.first() {
                Some(a) if file_alone => a.id.clone(),
                _ => id,
            };
            show::run(corpus, &id, json, width, &mut out).map(|_| status(corpus))
        }
    };
    match result.and_then(|code| out.flush().map(|_| code).map_err(Into::into)) {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        other => other,
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
