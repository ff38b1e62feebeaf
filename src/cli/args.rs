//! The command line as clap reads it: the global options, the input paths, the
//! subcommands and their actions.

use super::*;

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
