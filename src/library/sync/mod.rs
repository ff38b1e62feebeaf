//! `saywho sync`: every feed, then every new item's page, into the library.
//!
//! Feeds and pages are fetched by a bounded pool of workers; files are written by one
//! thread, so the check "have we stored this article already?" never races. An article is
//! known by its canonical link, its feed id (RSS guid, Atom id) and the canonical URL its
//! page declares — any of them seen before makes it a duplicate. What the feeds answered
//! (ETag, Last-Modified) and every key seen live in `.saywho-sync.json` in the library.

use super::fetch::{Client, Fetched, Got};
use super::{Header, canonical_url, feeds::Feed, slug};
use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod items;
pub use items::Item;
use items::*;

const STATE_FILE: &str = ".saywho-sync.json";
/// Each article stored since the state file was written, a JSON `[key, file]` a line,
/// appended as it is stored: a sync killed half-way leaves what it stored known.
const JOURNAL_FILE: &str = ".saywho-sync.journal";

/// The journal's lines that parse (a line cut short by a kill is skipped).
fn read_journal(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// The journal being appended to; without one (an unwritable library) storing goes on.
struct Journal(Option<std::fs::File>);

impl Journal {
    fn open(path: &Path) -> Journal {
        Journal(std::fs::OpenOptions::new().create(true).append(true).open(path).ok())
    }

    /// One line, written whole in one call (no fsync: an article lost to a power cut is
    /// fetched again).
    fn add(&mut self, key: &str, file: &str) {
        use std::io::Write;
        if let Some(f) = &mut self.0
            && let Ok(mut line) = serde_json::to_string(&(key, file))
        {
            line.push('\n');
            let _ = f.write_all(line.as_bytes());
        }
    }
}

/// Seconds a request may take, and requests in flight at once, unless told otherwise.
pub const DEFAULT_TIMEOUT_SECS: f64 = 20.0;
pub const DEFAULT_WORKERS: usize = 8;

pub struct Options {
    pub library: PathBuf,
    pub feeds: Vec<Feed>,
    /// Per request.
    pub timeout: Duration,
    /// Largest feed or page, in bytes.
    pub max_size: u64,
    /// Requests in flight at once.
    pub workers: usize,
}

/// How far sync has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Feeds,
    Pages,
}

#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The feed's name, or the page's URL.
    pub what: String,
    pub error: String,
    /// For a page: its feed's own content was stored instead.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub kept_feed_content: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub library: String,
    pub feeds: usize,
    pub feeds_not_modified: usize,
    pub items: usize,
    /// Articles stored by this sync.
    pub new: usize,
    pub duplicates: usize,
    pub feeds_failed: Vec<Failure>,
    pub pages_failed: Vec<Failure>,
    /// Files written, relative to the library.
    pub files: Vec<String>,
    pub seconds: f64,
}

impl Summary {
    pub fn any_failed(&self) -> bool {
        !self.feeds_failed.is_empty() || !self.pages_failed.is_empty()
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    #[serde(default)]
    feeds: BTreeMap<String, Validators>,
    /// Every key an article was known by → its file, relative to the library.
    #[serde(default)]
    seen: BTreeMap<String, String>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
}

/// Run a sync. Errors are only about the library itself (it cannot be written); a feed or
/// page that fails is reported in the summary and the rest goes on.
pub fn run(opts: &Options, progress: &(dyn Fn(Progress) + Sync)) -> Result<Summary> {
    run_with(opts, Vec::new(), progress).map(|(s, _)| s)
}

/// [`run`], storing `extra` items (a feed server's) with the feeds' own; also returns every
/// key an article is known by → its file, relative to the library.
pub fn run_with(
    opts: &Options,
    extra: Vec<Item>,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Summary, BTreeMap<String, String>)> {
    let started = Instant::now();
    std::fs::create_dir_all(&opts.library)
        .with_context(|| format!("cannot create the library {}", opts.library.display()))?;
    remove_leftovers(&opts.library);
    let state_path = opts.library.join(STATE_FILE);
    let mut state: State = std::fs::read(&state_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    // what an interrupted sync stored after the state was last written
    let journal_path = opts.library.join(JOURNAL_FILE);
    for (k, rel) in read_journal(&journal_path) {
        state.seen.insert(k, rel);
    }
    let mut journal = Journal::open(&journal_path);
    let client = Client::new(opts.timeout, opts.max_size);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.workers.max(1))
        .build()
        .context("cannot start the fetch workers")?;
    let mut summary = Summary {
        library: opts.library.display().to_string(),
        feeds: opts.feeds.len(),
        ..Default::default()
    };

    // 1. the feeds
    let (mut items, validators) = read_feeds(opts, &state, &client, &pool, progress, &mut summary);
    items.extend(extra);
    summary.items = items.len();

    // 2. what is new: not seen before, not twice in this sync
    let mut taken: HashSet<String> = HashSet::new();
    let mut fresh = Vec::new();
    for it in items {
        if it.keys.iter().any(|k| state.seen.contains_key(k) || taken.contains(k)) {
            summary.duplicates += 1;
            continue;
        }
        taken.extend(it.keys.iter().cloned());
        fresh.push(it);
    }

    // 3. their pages, fetched in parallel, each stored (4.) as it arrives: an interrupted
    //    sync keeps what it fetched, and the journal tells the next one
    let mut store = Store {
        library: &opts.library,
        state: &mut state,
        journal: &mut journal,
        taken: &mut taken,
        names: HashSet::new(),
        fetched_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        summary: &mut summary,
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    progress(Progress {
        phase: Phase::Pages,
        done: 0,
        total: fresh.len(),
    });
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Option<Result<Got, String>>)>();
    let stored: Result<()> = std::thread::scope(|scope| {
        let (fresh, client, pool, done) = (&fresh, &client, &pool, &done);
        scope.spawn(move || {
            pool.install(|| {
                fresh.par_iter().enumerate().for_each_with(tx, |tx, (i, it)| {
                    let got = it.link.as_deref().map(|l| client.get(l, None, None));
                    let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    progress(Progress {
                        phase: Phase::Pages,
                        done: d,
                        total: fresh.len(),
                    });
                    // (the receiver is gone only when storing failed)
                    let _ = tx.send((i, got));
                });
            });
        });
        for (i, page) in rx {
            store.page(&fresh[i], page)?;
        }
        Ok(())
    });
    stored?;
    for (url, v) in validators {
        state.feeds.insert(url, v);
    }
    crate::state::write_atomic(&opts.library, &state_path, &serde_json::to_vec_pretty(&state)?)
        .context("cannot save the sync state")?;
    // the state holds all the journal said
    drop(journal);
    let _ = std::fs::remove_file(&journal_path);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok((summary, state.seen))
}

/// (Step 1.) The feeds, fetched in parallel (with the validators kept from the last sync): their
/// items, and the validators to keep for the next one. A feed that fails is said in the
/// summary.
fn read_feeds(
    opts: &Options,
    state: &State,
    client: &Client,
    pool: &rayon::ThreadPool,
    progress: &(dyn Fn(Progress) + Sync),
    summary: &mut Summary,
) -> (Vec<Item>, Vec<(String, Validators)>) {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let tick = |phase: Phase, total: usize| {
        let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress(Progress { phase, done: d, total });
    };
    progress(Progress {
        phase: Phase::Feeds,
        done: 0,
        total: opts.feeds.len(),
    });
    let answers: Vec<(Feed, Result<Got, String>)> = pool.install(|| {
        opts.feeds
            .par_iter()
            .map(|f| {
                let v = state.feeds.get(&f.url).cloned().unwrap_or_default();
                let got = client.get(&f.url, v.etag.as_deref(), v.last_modified.as_deref());
                tick(Phase::Feeds, opts.feeds.len());
                (f.clone(), got)
            })
            .collect()
    });
    let mut items = Vec::new();
    let mut validators = Vec::new();
    for (feed, got) in answers {
        match got {
            Ok(Got::NotModified) => summary.feeds_not_modified += 1,
            Ok(Got::Body(b)) => match feed_rs::parser::parse(&b.body[..]) {
                Ok(parsed) => {
                    validators.push((
                        feed.url.clone(),
                        Validators {
                            etag: b.etag.clone(),
                            last_modified: b.last_modified.clone(),
                        },
                    ));
                    items.extend(items_of(&feed, &b.url, parsed));
                }
                Err(e) => summary.feeds_failed.push(Failure {
                    what: feed.name.clone(),
                    error: format!("not a feed (RSS, Atom or JSON Feed): {e}"),
                    kept_feed_content: false,
                }),
            },
            Err(e) => summary.feeds_failed.push(Failure {
                what: feed.name.clone(),
                error: e,
                kept_feed_content: false,
            }),
        }
    }
    (items, validators)
}

/// A fetched page, or why it is not one to store: not a web page, no readable text when
/// the feed has more to give, no link.
fn page_of(page: Option<Result<Got, String>>, it: &Item) -> Result<Fetched, String> {
    match page {
        Some(Ok(Got::Body(f))) if is_html(&f) => match readable_words(&f.body, it.link.as_deref()) {
            // a page with (next to) no readable text, when the feed has more to give
            n if n < TINY_PAGE_WORDS
                && it
                    .content
                    .as_deref()
                    .is_some_and(|c| readable_words(c.as_bytes(), None) > n) =>
            {
                Err(format!("the page has no readable text ({n} words)"))
            }
            _ => Ok(f),
        },
        Some(Ok(Got::Body(f))) => Err(format!(
            "not a web page ({})",
            f.content_type.as_deref().unwrap_or("no content type")
        )),
        Some(Ok(Got::NotModified)) => Err("HTTP 304 for a page never fetched".into()),
        Some(Err(e)) => Err(e),
        None => Err("the item has no link".into()),
    }
}

/// (Step 4.) Where the pages go as they arrive: the library's files, the sync state and its
/// journal.
struct Store<'a> {
    library: &'a Path,
    state: &'a mut State,
    journal: &'a mut Journal,
    /// The keys taken in this sync (an item's, and a page's declared canonical URL).
    taken: &'a mut HashSet<String>,
    /// The file names given in this sync.
    names: HashSet<PathBuf>,
    fetched_at: String,
    summary: &'a mut Summary,
}

impl Store<'_> {
    /// Store item `it` with its page (or, when the page fails, the feed's content), unless
    /// the page names itself a page already stored.
    fn page(&mut self, it: &Item, page: Option<Result<Got, String>>) -> Result<()> {
        let page = page_of(page, it);
        let mut header = Header {
            url: it.link.clone(),
            feed: Some(it.feed.name.clone()),
            feed_title: it.feed_title.clone(),
            title: it.title.clone(),
            author: it.author.clone(),
            date: it.date.clone(),
            from: String::new(),
            fetched: self.fetched_at.clone(),
            tags: it.feed.tags.clone(),
        };
        let mut keys = it.keys.clone();
        let body: Vec<u8> = match page {
            Ok(f) => {
                if let Some(c) = declared_canonical(&f.body) {
                    let k = format!("url:{}", canonical_url(&c));
                    if self.state.seen.contains_key(&k) || (self.taken.contains(&k) && !it.keys.contains(&k)) {
                        self.summary.duplicates += 1;
                        return Ok(());
                    }
                    self.taken.insert(k.clone());
                    keys.push(k);
                    header.url = Some(c);
                }
                header.from = "page".into();
                f.body
            }
            Err(e) => {
                let what = it.link.clone().unwrap_or_else(|| it.title.clone().unwrap_or_default());
                match &it.content {
                    Some(c) => {
                        self.summary.pages_failed.push(Failure {
                            what,
                            error: e,
                            kept_feed_content: true,
                        });
                        header.from = "feed".into();
                        feed_page(it, c).into_bytes()
                    }
                    None => {
                        self.summary.pages_failed.push(Failure {
                            what,
                            error: e,
                            kept_feed_content: false,
                        });
                        return Ok(());
                    }
                }
            }
        };
        let rel = file_name(self.library, it, &mut self.names);
        let mut bytes = header.line().into_bytes();
        bytes.extend_from_slice(&body);
        write_file(self.library, &rel, &bytes)?;
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        for k in keys {
            self.journal.add(&k, &rel_s);
            self.state.seen.insert(k, rel_s.clone());
        }
        self.summary.files.push(rel_s);
        self.summary.new += 1;
        Ok(())
    }
}

/// Fewer words than this read from a page, and the feed's own text is kept instead (a
/// paywall stub, a page that builds itself with scripts).
const TINY_PAGE_WORDS: usize = 50;

/// How many words a reader mode finds in a page (or in a feed's HTML content).
fn readable_words(body: &[u8], url: Option<&str>) -> usize {
    let html = String::from_utf8_lossy(body);
    crate::corpus::html::extract(&html, url)
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum()
}

fn is_html(f: &Fetched) -> bool {
    let sniff = || crate::corpus::html::looks_like_html(&String::from_utf8_lossy(&f.body[..f.body.len().min(512)]));
    match f.content_type.as_deref().map(str::to_ascii_lowercase) {
        Some(ct) if ct.contains("html") => true,
        // no type, or a vague one: look at the bytes
        None => sniff(),
        Some(ct) if ct.starts_with("text/plain") || ct.contains("octet-stream") => sniff(),
        Some(_) => false,
    }
}

/// The canonical URL a page declares in its head (`og:url` or `<link rel=canonical>`).
fn declared_canonical(body: &[u8]) -> Option<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static CANON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?is)<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']|<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical|<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']"#,
        )
        .expect("static regex")
    });
    let head = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]);
    let c = CANON.captures(&head)?;
    let u = c.get(1).or(c.get(2)).or(c.get(3))?.as_str();
    Some(html_escape::decode_html_entities(u).into_owned()).filter(|u| u.starts_with("http"))
}

/// `FEED/DATE-TITLE.html`, not yet taken.
fn file_name(library: &Path, it: &Item, taken: &mut HashSet<PathBuf>) -> PathBuf {
    let dir = PathBuf::from(slug(&it.feed.name, 40));
    let date = it.date.as_deref().and_then(|d| d.get(..10)).unwrap_or("undated");
    let stem = format!("{date}-{}", slug(it.title.as_deref().unwrap_or("article"), 60));
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.html")
        } else {
            format!("{stem}-{n}.html")
        };
        let rel = dir.join(name);
        if !taken.contains(&rel) && !library.join(&rel).exists() {
            taken.insert(rel.clone());
            return rel;
        }
        n += 1;
    }
}

/// Write under a hidden temporary name, then rename: readers see all of it or nothing.
/// Unlike `state::write_atomic` there is no fsync per file — an article lost to a power
/// cut is fetched again by the next sync, and 200 fsyncs would dominate its time.
fn write_file(library: &Path, rel: &Path, bytes: &[u8]) -> Result<()> {
    let path = library.join(rel);
    let dir = path.parent().unwrap_or(library);
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let tmp = dir.join(format!(".tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))
}

/// Temporary files an interrupted sync left behind.
fn remove_leftovers(library: &Path) {
    for e in walkdir::WalkDir::new(library).max_depth(2).into_iter().flatten() {
        if e.file_name().to_str().is_some_and(|n| n.starts_with(".tmp-")) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
