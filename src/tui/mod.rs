//! The reading TUI: state + actions (`app`), a view that only draws (`view`), keys as data
//! (`keymap`), the article layout cache (`wrap`) and colours (`theme`). This module runs
//! the loop: load in the background with a progress line, then block on the next event,
//! turn it into an action, update, and redraw only when something changed.

pub mod app;
mod clipboard;
pub mod keymap;
pub mod layout;
pub mod theme;
pub mod view;

use crate::config::Config;
use crate::corpus::Corpus;
use crate::index::Index;
use anyhow::Result;
use app::{Action, App, Indexed};
use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How the reader starts.
pub struct Options {
    pub keymap: keymap::Keymap,
    pub theme: theme::Theme,
    pub mouse: bool,
    pub mark_read_on_open: bool,
    /// Draw one frame and exit (for measuring start-up).
    pub exit_after_first_frame: bool,
    /// Draw into an in-memory buffer instead of the terminal (with the above, for benches).
    pub headless: bool,
    /// Lasting state; None keeps everything in memory.
    pub store: Option<crate::state::Store>,
    /// Do not return to where the last session was.
    pub fresh: bool,
    /// Sync the library (`R`): returns what to tell the reader. None: no sync here.
    pub sync: Option<SyncFn>,
    /// The quote cache's folder (None: extract everything).
    pub cache_dir: Option<std::path::PathBuf>,
    /// Folders to watch: articles added, changed or removed there appear in place.
    pub watch: Vec<std::path::PathBuf>,
    /// The articles as last read (from the cache), shown at once while `load` reads the
    /// folders again; what changed meanwhile is swapped in when it is done.
    pub quick: Option<QuickFn>,
}

/// Gives the corpus as last read, without reading the folders (None: not known).
pub type QuickFn = Arc<dyn Fn() -> Option<Corpus> + Send + Sync>;

/// Runs a sync and says how it went ("3 new articles"); an error is shown as it is.
pub type SyncFn = Arc<dyn Fn() -> Result<String> + Send + Sync>;

/// On a worker thread: extract quotes (what the cache does not hold) and build the index,
/// then bring the search index in the cache folder up to date. The worker stops when the
/// receiver is dropped (the corpus was reloaded meanwhile).
fn spawn_index(
    corpus: Arc<Corpus>,
    cache_dir: Option<std::path::PathBuf>,
    extracted: Arc<AtomicUsize>,
) -> std::sync::mpsc::Receiver<Indexed> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        extracted.store(0, Ordering::Relaxed);
        let index = crate::cache::build_index_with_progress(&corpus, cache_dir.as_deref(), Some(&extracted)).0;
        let Some(dir) = cache_dir else {
            let _ = tx.send(Indexed::Quotes(index));
            let _ = tx.send(Indexed::Search(Err(
                "no search: the search index lives in the cache (started with --no-cache)".into(),
            )));
            return;
        };
        let si = match crate::search::SearchIndex::open(&dir) {
            Ok(si) => si,
            Err(e) => {
                let _ = tx.send(Indexed::Quotes(index));
                let _ = tx.send(Indexed::Search(Err(format!("no search: {e:#}"))));
                return;
            }
        };
        let keys = crate::search::SearchIndex::keys(&corpus);
        let missing = si.missing(&keys);
        // the names quoted in each article to add, taken before the index goes
        let names: std::collections::HashMap<usize, Vec<String>> = missing
            .iter()
            .map(|&a| {
                let names = index
                    .people_in(a)
                    .into_iter()
                    .map(|p| index.people[p].name.clone())
                    .collect();
                (a, names)
            })
            .collect();
        if tx.send(Indexed::Quotes(index)).is_err() {
            return;
        }
        let gone = std::sync::atomic::AtomicBool::new(false);
        let progress = |done: usize, of: usize| {
            if tx.send(Indexed::SearchProgress(done, of)).is_err() {
                gone.store(true, Ordering::Relaxed);
            }
        };
        let people = |a: usize| names.get(&a).cloned().unwrap_or_default();
        let r = si
            .add(&corpus, &keys, &missing, &people, &progress)
            .map(|_| app::SearchHandle { index: si })
            .map_err(|e| format!("no search: {e:#}"));
        if !gone.load(Ordering::Relaxed) {
            let _ = tx.send(Indexed::Search(r));
        }
    });
    rx
}

/// Swap a corpus read again (after a sync, a change in the folders, or the listing
/// shown at start) into the reader, keeping its place, and index it: the returned
/// receiver replaces the indexing worker's (the quotes are found once, there).
fn swap_in(
    app: &mut App,
    corpus: Arc<Corpus>,
    said: String,
    cache_dir: Option<std::path::PathBuf>,
    extracted: &Arc<AtomicUsize>,
) -> std::sync::mpsc::Receiver<Indexed> {
    app.reload(corpus.clone(), Index::empty(&corpus), said);
    app.indexing = true;
    spawn_index(corpus, cache_dir, extracted.clone())
}

/// Build keymap and theme from the config, refusing bad entries with the file and line.
pub fn options_from_config(config: &Config, text_and_path: Option<(&str, &std::path::Path)>) -> Result<Options> {
    let keymap = match text_and_path {
        Some((text, path)) => keymap::Keymap::with_user(text, path)?,
        None => keymap::Keymap::builtin(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = theme::Theme::from_config(&config.theme, no_color).map_err(|e| match text_and_path {
        Some((text, p)) => {
            // "[theme] quote: …": name the line that sets `quote`
            let key = e
                .strip_prefix("[theme] ")
                .and_then(|r| r.split(':').next())
                .unwrap_or("");
            match theme_line(text, key) {
                Some(line) => anyhow::anyhow!("{}:{line}: {e}", p.display()),
                None => anyhow::anyhow!("{}: {e}", p.display()),
            }
        }
        None => anyhow::anyhow!(e),
    })?;
    Ok(Options {
        keymap,
        theme,
        mouse: config.mouse,
        mark_read_on_open: config.mark_read_on_open.unwrap_or(true),
        exit_after_first_frame: false,
        headless: false,
        store: None,
        fresh: false,
        sync: None,
        cache_dir: None,
        watch: Vec::new(),
        quick: None,
    })
}

type Loaded = Result<Corpus>;

/// The line (1-based) of `key = …` inside the config's `[theme]` table.
fn theme_line(text: &str, key: &str) -> Option<usize> {
    let mut in_theme = false;
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.starts_with('[') {
            in_theme = l == "[theme]";
        } else if in_theme && l.split('=').next().is_some_and(|k| k.trim().trim_matches('"') == key) {
            return Some(i + 1);
        }
    }
    None
}

/// Sync, then read the corpus again, for [`swap_in`].
fn sync_and_reload<F>(
    sync: &(dyn Fn() -> Result<String> + Send + Sync),
    load: &F,
) -> Result<(Arc<Corpus>, String), String>
where
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded,
{
    let said = sync().map_err(|e| format!("sync failed: {e:#}"))?;
    let (d, t) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let corpus = Arc::new(load(&d, &t).map_err(|e| format!("{said}, but reading failed: {e:#}"))?);
    Ok((corpus, said))
}

/// Open `url` in the browser: `$BROWSER` if set, else the platform's opener. The browser
/// runs on its own; an error comes back as a message.
fn open_in_browser(url: &str) -> Result<(), String> {
    let browser = std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty());
    let (prog, args): (String, Vec<String>) = match browser {
        // $BROWSER may hold a command with arguments, and "%s" for the URL
        Some(b) => {
            let mut parts: Vec<String> = b.split_whitespace().map(str::to_string).collect();
            let prog = parts.remove(0);
            if parts.iter().any(|p| p.contains("%s")) {
                (prog, parts.iter().map(|p| p.replace("%s", url)).collect())
            } else {
                parts.push(url.to_string());
                (prog, parts)
            }
        }
        None if cfg!(target_os = "macos") => ("open".into(), vec![url.into()]),
        None if cfg!(target_os = "windows") => ("explorer".into(), vec![url.into()]),
        None => ("xdg-open".into(), vec![url.into()]),
    };
    std::process::Command::new(&prog)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("cannot open the browser ({prog}): {e} (set $BROWSER)"))
}

/// Watch `roots` (recursively) on a thread of its own; each change to an article file
/// (hidden files and folders aside: sync's temporary files, editors' swap files) sends
/// its path. The thread ends when the receiver is dropped.
fn watch_folders(roots: Vec<std::path::PathBuf>) -> std::sync::mpsc::Receiver<std::path::PathBuf> {
    use notify::Watcher;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (raw_tx, raw_rx) = std::sync::mpsc::channel();
        let Ok(mut watcher) = notify::recommended_watcher(raw_tx) else {
            return;
        };
        for r in &roots {
            let _ = watcher.watch(r, notify::RecursiveMode::Recursive);
        }
        for event in raw_rx {
            let Ok(event) = event else { continue };
            if matches!(event.kind, notify::EventKind::Access(_)) {
                continue;
            }
            for p in event.paths {
                let root = roots
                    .iter()
                    .find(|r| p.starts_with(r))
                    .map_or(p.as_path(), |r| r.as_path());
                if crate::corpus::load::is_watched(&p, root) && tx.send(p.clone()).is_err() {
                    return;
                }
            }
        }
    });
    rx
}

/// How long the folders must be quiet after a change before the reader reloads.
const SETTLE: Duration = Duration::from_millis(300);

/// What changed between two corpora, said for the status bar ("2 articles added, 1
/// changed"); None when nothing did.
fn describe_change(old: &Corpus, new: &Corpus) -> Option<String> {
    let before: std::collections::HashMap<&str, u64> =
        old.articles.iter().map(|a| (a.path.as_str(), a.text_hash)).collect();
    let after: std::collections::HashMap<&str, u64> =
        new.articles.iter().map(|a| (a.path.as_str(), a.text_hash)).collect();
    let added = after.keys().filter(|p| !before.contains_key(*p)).count();
    let removed = before.keys().filter(|p| !after.contains_key(*p)).count();
    let changed = after
        .iter()
        .filter(|(p, h)| before.get(*p).is_some_and(|b| b != *h))
        .count();
    let parts: Vec<String> = [(added, "added"), (changed, "changed"), (removed, "removed")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{} {what}", crate::text::plural(n, "article")))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// How long the reader waits, idle, before saving the session and any change.
const IDLE: Duration = Duration::from_millis(400);

/// Run the reader. `load` reads the corpus (reporting progress through the counters:
/// files done, files in all) on a worker thread; the list shows as soon as it is done,
/// while another worker extracts the quotes and builds the index.
pub fn run<F>(opts: Options, load: F) -> Result<()>
where
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded + Send + Sync + 'static,
{
    let load = Arc::new(load);
    let done = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let (d, t, l) = (done.clone(), total.clone(), load.clone());
    // the corpus as last read shows at once; the folders are read meanwhile
    let snapshot = opts.quick.as_ref().and_then(|q| q()).filter(|c| !c.articles.is_empty());
    let worker = std::thread::spawn(move || l(&d, &t));

    if opts.headless {
        let (corpus, pending) = match snapshot {
            Some(c) => (Arc::new(c), Some(worker)),
            None => (
                Arc::new(worker.join().map_err(|_| anyhow::anyhow!("loading failed"))??),
                None,
            ),
        };
        let extracted = Arc::new(AtomicUsize::new(0));
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 50))?;
        let empty = Index::empty(&corpus);
        let mut app = App::new(corpus.clone(), empty, opts.keymap, opts.theme, (200, 50));
        app.indexing = true;
        app.extracted = extracted.clone();
        app.mark_read_on_open = opts.mark_read_on_open;
        if let Some(store) = opts.store {
            app.attach_store(store, opts.fresh);
        }
        terminal.draw(|f| view::draw(f, &app))?;
        if !opts.exit_after_first_frame {
            let changed = match pending.map(|w| w.join()) {
                Some(Ok(Ok(real))) => describe_change(&corpus, &real).map(|said| (real, said)),
                _ => None,
            };
            let indexer = match changed {
                Some((real, said)) => swap_in(&mut app, Arc::new(real), said, opts.cache_dir.clone(), &extracted),
                None => spawn_index(corpus, opts.cache_dir.clone(), extracted.clone()),
            };
            while let Ok(msg) = indexer.recv() {
                app.indexed(msg);
            }
            app.finish_layout();
            terminal.draw(|f| view::draw(f, &app))?;
        }
        return Ok(());
    }

    let mut terminal = ratatui::init();
    if opts.mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let mut unsaved = None;
    let result = (|| -> Result<()> {
        // loading: a progress line, the keyboard still answers (q or Ctrl-C quits)
        let (loaded, mut pending) = match snapshot {
            Some(c) => (Ok(c), Some(worker)),
            None => loop {
                if worker.is_finished() {
                    break (worker.join().map_err(|_| anyhow::anyhow!("loading failed"))?, None);
                }
                let (n, of) = (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed));
                terminal.draw(|f| view::loading(f, "reading articles", n, of))?;
                if event::poll(Duration::from_millis(40))?
                    && let Event::Key(k) = event::read()?
                    && k.kind == KeyEventKind::Press
                    && (k.code == crossterm::event::KeyCode::Char('q')
                        || (k.code == crossterm::event::KeyCode::Char('c')
                            && k.modifiers.contains(crossterm::event::KeyModifiers::CONTROL)))
                {
                    return Ok(());
                }
            },
        };
        let corpus = Arc::new(loaded?);
        let extracted = Arc::new(AtomicUsize::new(0));
        let size = terminal.size()?;
        let empty = Index::empty(&corpus);
        let mut app = App::new(
            corpus.clone(),
            empty,
            opts.keymap,
            opts.theme,
            (size.width, size.height),
        );
        app.indexing = true;
        app.extracted = extracted.clone();
        app.mark_read_on_open = opts.mark_read_on_open;
        if let Some(store) = opts.store {
            app.attach_store(store, opts.fresh);
        }
        terminal.draw(|f| view::draw(f, &app))?;
        if opts.exit_after_first_frame {
            return Ok(());
        }
        // quotes and the search index are built once the list is on screen
        let mut indexer = spawn_index(corpus, opts.cache_dir.clone(), extracted.clone());
        // a test-only trigger: this key panics, to check the terminal and the state survive
        let panic_key = std::env::var("SAYWHO_TEST_PANIC_KEY")
            .ok()
            .and_then(|k| k.chars().next());
        let mut clipboard = clipboard::Clipboard::default();
        // a background sync answers here: the reloaded corpus and index, or why not
        let (sync_tx, sync_rx) = std::sync::mpsc::channel::<Result<(Arc<Corpus>, String), String>>();
        // live folders: a change noticed, then (once quiet) read again in the background
        let watched = watch_folders(opts.watch.clone());
        let mut changed_at: Option<std::time::Instant> = None;
        let (live_tx, live_rx) = std::sync::mpsc::channel::<Option<(Arc<Corpus>, String)>>();
        let mut reloading = false;
        let app_cell = std::cell::RefCell::new(app);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<()> {
            let mut app = app_cell.borrow_mut();
            while !app.quit {
                // the folders read while the listing showed: what changed comes in
                if pending.as_ref().is_some_and(|w| w.is_finished())
                    && let Some(w) = pending.take()
                    && let Ok(Ok(real)) = w.join()
                    && let Some(said) = describe_change(&app.corpus, &real)
                {
                    indexer = swap_in(&mut app, Arc::new(real), said, opts.cache_dir.clone(), &extracted);
                    terminal.draw(|f| view::draw(f, &app))?;
                }
                let mut heard = false;
                while let Ok(msg) = indexer.try_recv() {
                    app.indexed(msg);
                    heard = true;
                }
                let laid = app.poll_layout();
                if heard || laid {
                    terminal.draw(|f| view::draw(f, &app))?;
                }
                // wait for a key; meanwhile look for the index, and save what changed once the
                // reader has been idle a moment
                while watched.try_recv().is_ok() {
                    changed_at = Some(std::time::Instant::now());
                }
                if let Some(t) = changed_at
                    && t.elapsed() >= SETTLE
                    && !reloading
                    && !app.syncing
                {
                    changed_at = None;
                    reloading = true;
                    let (load, tx, old) = (load.clone(), live_tx.clone(), app.corpus.clone());
                    std::thread::spawn(move || {
                        let (d, t) = (AtomicUsize::new(0), AtomicUsize::new(0));
                        let reloaded = load(&d, &t).ok().and_then(|corpus| {
                            let said = describe_change(&old, &corpus)?;
                            Some((Arc::new(corpus), said))
                        });
                        let _ = tx.send(reloaded);
                    });
                }
                if let Ok(reloaded) = live_rx.try_recv() {
                    reloading = false;
                    if let Some((corpus, said)) = reloaded {
                        indexer = swap_in(&mut app, corpus, said, opts.cache_dir.clone(), &extracted);
                        terminal.draw(|f| view::draw(f, &app))?;
                    }
                }
                match sync_rx.try_recv() {
                    Ok(Ok((corpus, said))) => {
                        indexer = swap_in(&mut app, corpus, said, opts.cache_dir.clone(), &extracted);
                        terminal.draw(|f| view::draw(f, &app))?;
                    }
                    Ok(Err(msg)) => {
                        app.sync_failed(msg);
                        terminal.draw(|f| view::draw(f, &app))?;
                    }
                    Err(_) => {}
                }
                let wait = if app.indexing
                    || app.laying_out()
                    || app.syncing
                    || app.search_pending()
                    || changed_at.is_some()
                    || reloading
                    || pending.is_some()
                {
                    Duration::from_millis(30)
                } else {
                    IDLE
                };
                if !event::poll(wait)? {
                    let shown = (app.message.clone(), app.save_failed);
                    app.tick();
                    // a save that failed (or works again) is said at once
                    if (app.message.clone(), app.save_failed) != shown {
                        terminal.draw(|f| view::draw(f, &app))?;
                    }
                    continue;
                }
                let action = match event::read()? {
                    Event::Key(k) if k.kind == KeyEventKind::Press => {
                        if panic_key.is_some() && k.code == crossterm::event::KeyCode::Char(panic_key.unwrap_or(' ')) {
                            panic!("test panic (SAYWHO_TEST_PANIC_KEY)");
                        }
                        app.key_action(&k)
                    }
                    Event::Resize(w, h) => Some(Action::Resize(w, h)),
                    Event::Mouse(m) if opts.mouse => match m.kind {
                        MouseEventKind::Down(_) => Some(Action::Click {
                            col: m.column,
                            row: m.row,
                        }),
                        MouseEventKind::ScrollDown => Some(Action::Wheel {
                            col: m.column,
                            row: m.row,
                            down: true,
                        }),
                        MouseEventKind::ScrollUp => Some(Action::Wheel {
                            col: m.column,
                            row: m.row,
                            down: false,
                        }),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(a) = action
                    && app.update(a)
                    && !app.quit
                {
                    terminal.draw(|f| view::draw(f, &app))?;
                }
                for effect in std::mem::take(&mut app.effects) {
                    let said = match effect {
                        app::Effect::Copy(text) => clipboard.copy(&text),
                        app::Effect::Open(url) => open_in_browser(&url).err(),
                        app::Effect::Sync => match &opts.sync {
                            Some(sync) => {
                                let (sync, load, tx) = (sync.clone(), load.clone(), sync_tx.clone());
                                std::thread::spawn(move || {
                                    let _ = tx.send(sync_and_reload(&*sync, &*load));
                                });
                                None
                            }
                            None => {
                                app.syncing = false;
                                Some("no sync here".into())
                            }
                        },
                    };
                    if let Some(m) = said {
                        app.message = Some(m);
                        terminal.draw(|f| view::draw(f, &app))?;
                    }
                }
            }
            Ok(())
        }));
        // whatever happened, what the reader did is saved (a panic released the borrow
        // while unwinding)
        app_cell.borrow_mut().save_session();
        unsaved = app_cell.borrow_mut().unsaved();
        match outcome {
            Ok(r) => r,
            Err(p) => {
                ratatui::restore();
                std::panic::resume_unwind(p)
            }
        }
    })();
    if opts.mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    }
    ratatui::restore();
    // said on the terminal the reader has left, so it stays to be read
    match unsaved {
        Some(Ok(note)) => eprintln!("saywho: warning: {note}"),
        Some(Err(why)) => return result.and(Err(anyhow::anyhow!(why))),
        None => {}
    }
    result
}
