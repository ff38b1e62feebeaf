//! The reader's loop: one [`Msg`] for everything that reaches it (the terminal's events,
//! and the answers of every background worker: reading the folders, indexing, watching,
//! syncing, on one channel); one [`update`] that takes a message into the state; one draw
//! per turn, once what was queued is taken in; nothing in a while is the idle tick. The
//! headless reader (benches) is the same loop over an in-memory backend with no input,
//! ending once the index is built.

use super::app::{self, Action, App, Indexed};
use super::{Loaded, Options, SyncFn, clipboard, view};
use crate::corpus::Corpus;
use crate::index::Index;
use anyhow::Result;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

mod workers;
use workers::*;

/// Everything that reaches the reader's loop.
pub(super) enum Msg {
    /// A key, a mouse event or a resize.
    Input(Event),
    /// Nothing came from the terminal for a while: the reader is idle (the session and
    /// any change are saved).
    Tick,
    /// From the indexing worker of corpus generation `.0` (one of a corpus since replaced
    /// is not heard).
    Indexed(u64, Indexed),
    /// The folders, read in the background (at start, behind the listing kept from the
    /// last run, or behind the progress line).
    Loaded(Loaded),
    /// An article file changed in a watched folder.
    FolderChanged,
    /// The folders read again after a change: the corpus and what changed (None: nothing
    /// did, or reading failed).
    Reloaded(Option<(Arc<Corpus>, String)>),
    /// A sync ended: the corpus read again and what the sync said, or why it failed.
    Synced(Result<(Arc<Corpus>, String), String>),
    /// A worker the state started (a big article's layout, a search) has answered.
    Answered,
}

/// How long the folders must be quiet after a change before the reader reloads.
const SETTLE: Duration = Duration::from_millis(300);

/// How long the reader waits, idle, before saving the session and any change.
const IDLE: Duration = Duration::from_millis(400);

/// How often the loop looks again while something works in the background (a layout
/// worker's answer, the status line's counts).
const BUSY: Duration = Duration::from_millis(30);

/// How often the progress line is drawn while the folders are read.
const PROGRESS: Duration = Duration::from_millis(40);

/// Where the loop's messages come from: the workers' channel and, unless headless, the
/// terminal. The terminal is read only when the loop asks (never ahead of it), so what is
/// typed after the reader quits is the shell's.
struct Inbox {
    rx: Receiver<Msg>,
    terminal: bool,
}

impl Inbox {
    /// The next message, waiting at most `wait` for the terminal ([`Msg::Tick`] when it
    /// says nothing; a worker's message waits for the next turn, at most `wait`).
    /// Headless, the next worker's message, however long it takes.
    fn next(&self, wait: Duration) -> Result<Msg> {
        if let Ok(m) = self.rx.try_recv() {
            return Ok(m);
        }
        if !self.terminal {
            // headless: no input, so no idle tick; the next worker's answer
            return self
                .rx
                .recv()
                .map_err(|_| anyhow::anyhow!("the reader's workers stopped"));
        }
        if event::poll(wait)? {
            return Ok(Msg::Input(event::read()?));
        }
        Ok(Msg::Tick)
    }

    /// A message already waiting, if any.
    fn queued(&self) -> Result<Option<Msg>> {
        if let Ok(m) = self.rx.try_recv() {
            return Ok(Some(m));
        }
        if self.terminal && event::poll(Duration::ZERO)? {
            return Ok(Some(Msg::Input(event::read()?)));
        }
        Ok(None)
    }
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

/// What the loop does with input beyond the state.
struct Face {
    mouse: bool,
    /// A test-only trigger: this key panics, to check the terminal and the state survive.
    panic_key: Option<char>,
    clipboard: clipboard::Clipboard,
}

/// Take one message into the state; whether the screen changed.
fn update<F>(app: &mut App, w: &mut Workers<F>, face: &mut Face, msg: Msg) -> bool
where
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded + Send + Sync + 'static,
{
    let action = match msg {
        Msg::Input(ev) => match action_of(app, face, ev) {
            Some(a) => a,
            None => return false,
        },
        Msg::Tick => {
            let shown = (app.message.clone(), app.session.save_failed);
            app.tick();
            // (a worker that died answers nothing: its end is seen here)
            let answered = app.take_answers();
            // a save that failed (or works again) is said at once
            return answered || (app.message.clone(), app.session.save_failed) != shown;
        }
        Msg::Answered => return app.take_answers(),
        Msg::Indexed(g, m) if g == w.generation => {
            app.indexed(m);
            return true;
        }
        Msg::Indexed(..) => return false,
        Msg::Loaded(loaded) => return w.take_loaded(app, loaded),
        Msg::FolderChanged => {
            w.changed_at = Some(Instant::now());
            return false;
        }
        Msg::Reloaded(reloaded) => {
            w.reloading = false;
            return match reloaded {
                Some((corpus, said)) => {
                    w.swap_in(app, corpus, said);
                    true
                }
                None => false,
            };
        }
        Msg::Synced(Ok((corpus, said))) => {
            app.background.syncing = false;
            w.swap_in(app, corpus, said);
            return true;
        }
        Msg::Synced(Err(m)) => {
            app.sync_failed(m);
            return true;
        }
    };
    let mut changed = app.update(action) && !app.quit;
    for effect in std::mem::take(&mut app.effects) {
        let said = match effect {
            app::Effect::Copy(text) => face.clipboard.copy(&text),
            app::Effect::Open(url) => open_in_browser(&url).err(),
            app::Effect::Sync if w.sync() => None,
            app::Effect::Sync => {
                app.background.syncing = false;
                Some("no sync here".into())
            }
        };
        if let Some(m) = said {
            app.message = Some(m);
            changed = true;
        }
    }
    changed
}

/// What a terminal event asks of the state, if anything.
fn action_of(app: &App, face: &Face, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            if face.panic_key.is_some_and(|p| k.code == KeyCode::Char(p)) {
                panic!("test panic (SAYWHO_TEST_PANIC_KEY)");
            }
            app.key_action(&k)
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) if face.mouse => match m.kind {
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
    }
}

/// A key that quits while the folders are read: q or Ctrl-C.
fn quits_loading(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press
        && (k.code == KeyCode::Char('q')
            || (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))))
}

/// Run the reader on `terminal` (`headless`: an in-memory one, no input, until the index
/// is built). See [`super::run`]. Returns, when the loop ran (None: quit while reading,
/// or after the first frame), the reader's state for the caller to save, and how the loop
/// ended (an error from the terminal still leaves the state to save).
pub(super) fn run<B, F>(
    terminal: &mut Terminal<B>,
    opts: Options,
    load: F,
    headless: bool,
) -> Result<Option<(App, Result<()>)>>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded + Send + Sync + 'static,
{
    let (tx, rx) = std::sync::mpsc::channel();
    let load = Arc::new(load);
    let (done, total) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    // the corpus as last read shows at once; the folders are read meanwhile
    let snapshot = opts.quick.as_ref().and_then(|q| q()).filter(|c| !c.articles.is_empty());
    {
        let (d, t, l, tx) = (done.clone(), total.clone(), load.clone(), tx.clone());
        std::thread::spawn(move || {
            let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| l(&d, &t)))
                .unwrap_or_else(|_| Err(anyhow::anyhow!("loading failed")));
            let _ = tx.send(Msg::Loaded(read));
        });
    }
    let inbox = Inbox {
        rx,
        terminal: !headless,
    };
    let pending = snapshot.is_some();
    let corpus = match snapshot {
        Some(c) => c,
        None => match read_with_progress(terminal, &inbox, &done, &total, headless)? {
            Some(c) => c,
            None => return Ok(None),
        },
    };
    let corpus = Arc::new(corpus);
    let size = terminal.size()?;
    let mut app = App::new(
        corpus.clone(),
        Index::empty(&corpus),
        opts.keymap,
        opts.theme,
        (size.width, size.height),
    );
    let mut w = Workers::new(tx.clone(), load, opts.cache_dir, opts.sync, pending);
    app.background.indexing = true;
    app.background.extracted = w.extracted.clone();
    let answered = tx.clone();
    app.background.wake = Some(Arc::new(move || {
        let _ = answered.send(Msg::Answered);
    }));
    app.list.mark_read_on_open = opts.mark_read_on_open;
    if let Some(store) = opts.store {
        app.attach_store(store, opts.fresh);
    }
    terminal.draw(|f| view::draw(f, &app))?;
    if opts.exit_after_first_frame {
        return Ok(None);
    }
    // quotes and the search index are built once the list is on screen; headless, once
    // the folders are read too (the two would contend for the cache, as a bench sees it)
    let swapped = headless
        && w.pending
        && match inbox.next(IDLE)? {
            Msg::Loaded(read) => w.take_loaded(&mut app, read),
            _ => false,
        };
    if !swapped {
        w.index(corpus);
    }
    if !headless {
        watch_folders(opts.watch, tx.clone());
    }
    drop(tx);
    let mut face = Face {
        mouse: opts.mouse,
        panic_key: std::env::var("SAYWHO_TEST_PANIC_KEY")
            .ok()
            .and_then(|k| k.chars().next()),
        clipboard: clipboard::Clipboard::default(),
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        turns(terminal, &mut app, &mut w, &mut face, &inbox, headless)
    }));
    match outcome {
        Ok(r) => Ok(Some((app, r))),
        Err(p) => {
            // whatever happened, what the reader did is saved
            app.save_session();
            let _ = app.unsaved();
            std::panic::resume_unwind(p)
        }
    }
}

/// The folders as they are read, with a progress line meanwhile (the keyboard still
/// answers: None when the user quit).
fn read_with_progress<B: Backend>(
    terminal: &mut Terminal<B>,
    inbox: &Inbox,
    done: &AtomicUsize,
    total: &AtomicUsize,
    headless: bool,
) -> Result<Option<Corpus>>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        match inbox.next(PROGRESS)? {
            Msg::Loaded(read) => return read.map(Some),
            Msg::Input(ev) if quits_loading(&ev) => return Ok(None),
            Msg::Tick if !headless => {
                let (n, of) = (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed));
                terminal.draw(|f| view::loading(f, "reading articles", n, of))?;
            }
            _ => {}
        }
    }
}

/// The loop itself: a turn takes every message queued (waiting for the first, or the
/// tick), then draws once if anything changed.
fn turns<B, F>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    w: &mut Workers<F>,
    face: &mut Face,
    inbox: &Inbox,
    headless: bool,
) -> Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded + Send + Sync + 'static,
{
    while !app.quit {
        // a folder quiet long enough since it changed is read again
        if w.changed_at.is_some_and(|t| t.elapsed() >= SETTLE) && !w.reloading && !app.background.syncing {
            w.changed_at = None;
            w.reload(app.corpus.clone());
        }
        if headless && !w.working(app) {
            app.finish_answers();
            terminal.draw(|f| view::draw(f, app))?;
            return Ok(());
        }
        let wait = if w.busy(app) { BUSY } else { IDLE };
        let mut changed = update(app, w, face, inbox.next(wait)?);
        while !app.quit
            && let Some(msg) = inbox.queued()?
        {
            changed |= update(app, w, face, msg);
        }
        // (headless, only the first and the last frame are drawn, and the layout is taken
        // at the end: nobody sees the rest)
        if headless {
            continue;
        }
        if changed && !app.quit {
            terminal.draw(|f| view::draw(f, app))?;
        }
    }
    Ok(())
}
