//! The reading TUI: state + actions (`app`), a view that only draws (`view`), keys as data
//! (`keymap`), the article laid out per width (`layout`) and colours (`theme`); the loop
//! (`runtime`): one channel of messages from the terminal and every background worker,
//! one update per message, one draw per turn. This module sets the terminal up and
//! gives it back, and builds the reader's options from the config.

pub mod app;
mod clipboard;
pub mod keymap;
pub mod layout;
mod runtime;
pub mod theme;
pub mod view;

use crate::config::Config;
use crate::corpus::Corpus;
use anyhow::Result;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

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

/// Run the reader. `load` reads the corpus (reporting progress through the counters:
/// files done, files in all) on a worker thread; the list shows as soon as it is done,
/// while another worker extracts the quotes and builds the index. The loop is
/// [`runtime`]'s.
pub fn run<F>(opts: Options, load: F) -> Result<()>
where
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded + Send + Sync + 'static,
{
    if opts.headless {
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 50))?;
        return match runtime::run(&mut terminal, opts, load, true)? {
            Some((_, ended)) => ended,
            None => Ok(()),
        };
    }
    let mut terminal = ratatui::init();
    let mouse = opts.mouse;
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let give_back = || {
        if mouse {
            let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
        }
        ratatui::restore();
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime::run(&mut terminal, opts, load, false)
    }));
    // what the reader did is saved before the terminal is given back
    let (result, unsaved) = match outcome {
        Ok(Ok(Some((mut app, ended)))) => {
            app.save_session();
            (ended, app.unsaved())
        }
        Ok(Ok(None)) => (Ok(()), None),
        Ok(Err(e)) => (Err(e), None),
        Err(p) => {
            give_back();
            std::panic::resume_unwind(p)
        }
    };
    give_back();
    // said on the terminal the reader has left, so it stays to be read
    match unsaved {
        Some(Ok(note)) => eprintln!("saywho: warning: {note}"),
        Some(Err(why)) => return result.and(Err(anyhow::anyhow!(why))),
        None => {}
    }
    result
}
