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
use app::{Action, App};
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
}

/// Extract quotes and build the index on a worker thread.
fn spawn_index(corpus: Arc<Corpus>) -> std::sync::mpsc::Receiver<Index> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(Index::build(&corpus));
    });
    rx
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

/// How long the reader waits, idle, before saving the session and any change.
const IDLE: Duration = Duration::from_millis(400);

/// Run the reader. `load` reads the corpus (reporting progress through the counters:
/// files done, files in all) on a worker thread; the list shows as soon as it is done,
/// while another worker extracts the quotes and builds the index.
pub fn run<F>(opts: Options, load: F) -> Result<()>
where
    F: FnOnce(&AtomicUsize, &AtomicUsize) -> Loaded + Send + 'static,
{
    let done = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let (d, t) = (done.clone(), total.clone());
    let worker = std::thread::spawn(move || load(&d, &t));

    if opts.headless {
        let corpus = Arc::new(worker.join().map_err(|_| anyhow::anyhow!("loading failed"))??);
        let indexer = spawn_index(corpus.clone());
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 50))?;
        let empty = Index::empty(&corpus);
        let mut app = App::new(corpus, empty, opts.keymap, opts.theme, (200, 50));
        app.indexing = true;
        app.mark_read_on_open = opts.mark_read_on_open;
        if let Some(store) = opts.store {
            app.attach_store(store, opts.fresh);
        }
        terminal.draw(|f| view::draw(f, &app))?;
        if !opts.exit_after_first_frame {
            if let Ok(ix) = indexer.recv() {
                app.set_index(ix);
            }
            terminal.draw(|f| view::draw(f, &app))?;
        }
        return Ok(());
    }

    let mut terminal = ratatui::init();
    if opts.mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let result = (|| -> Result<()> {
        // loading: a progress line, the keyboard still answers (q or Ctrl-C quits)
        let loaded = loop {
            if worker.is_finished() {
                break worker.join().map_err(|_| anyhow::anyhow!("loading failed"))?;
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
        };
        let corpus = Arc::new(loaded?);
        let indexer = spawn_index(corpus.clone());
        let size = terminal.size()?;
        let empty = Index::empty(&corpus);
        let mut app = App::new(corpus, empty, opts.keymap, opts.theme, (size.width, size.height));
        app.indexing = true;
        app.mark_read_on_open = opts.mark_read_on_open;
        if let Some(store) = opts.store {
            app.attach_store(store, opts.fresh);
        }
        terminal.draw(|f| view::draw(f, &app))?;
        if opts.exit_after_first_frame {
            return Ok(());
        }
        // a test-only trigger: this key panics, to check the terminal and the state survive
        let panic_key = std::env::var("SAYWHO_TEST_PANIC_KEY")
            .ok()
            .and_then(|k| k.chars().next());
        let mut clipboard = clipboard::Clipboard::default();
        let app_cell = std::cell::RefCell::new(app);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<()> {
            let mut app = app_cell.borrow_mut();
            while !app.quit {
                if app.indexing
                    && let Ok(ix) = indexer.try_recv()
                {
                    app.set_index(ix);
                    terminal.draw(|f| view::draw(f, &app))?;
                }
                // wait for a key; meanwhile look for the index, and save what changed once the
                // reader has been idle a moment
                let wait = if app.indexing { Duration::from_millis(30) } else { IDLE };
                if !event::poll(wait)? {
                    app.tick();
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
                if let Some(text) = app.clipboard.take()
                    && let Some(warning) = clipboard.copy(&text)
                {
                    app.message = Some(warning);
                    terminal.draw(|f| view::draw(f, &app))?;
                }
            }
            Ok(())
        }));
        // whatever happened, what the reader did is saved (a panic released the borrow
        // while unwinding)
        app_cell.borrow_mut().save_session();
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
    result
}
