//! The reader's state and the only way it changes: `App::update(Action)`. Keys become
//! actions in [`App::key_action`]; the view only draws. Everything here is testable
//! without a terminal.

use super::keymap::{Command, Context, Key, Keymap};
use super::layout::{self, Layout};
use super::theme::Theme;
use crate::corpus::Corpus;
use crate::filter::{Filter, Item, Query};
use crate::index::{Index, PersonId, QuoteRef};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

mod history;
mod input;
mod keys;
mod links;
mod list;
mod mouse;
mod palette;
mod people;
mod persist;
mod reader;
mod sync;
mod workers;
pub use list::ListPane;
use palette::FindJob;
pub use palette::{Chooser, Find, Palette};
pub use people::{PeopleView, PersonLine};
pub use persist::Session;
pub use reader::ReaderPane;
pub use workers::BIG_ARTICLE_WORDS;
use workers::{BodySlot, LayoutJob};

/// What the indexing worker sends the reader, in this order.
pub enum Indexed {
    /// The quote index: people, counts and links come alive.
    Quotes(Index),
    /// The search index is being brought up to date: articles added, of how many.
    SearchProgress(usize, usize),
    /// The search index is ready (or why there is none).
    Search(Result<SearchHandle, String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    People,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Date,
    Source,
    Title,
}

/// Which line is taking typed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    None,
    Filter,
    Search,
    PeopleFilter,
    HelpFilter,
}

/// A jump target in the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Article(usize),
    Person(PersonId),
}

/// The search index as the reader uses it.
pub struct SearchHandle {
    pub index: crate::search::SearchIndex,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Palette(Palette),
    Choose(Chooser),
    Find(Find),
}

/// Everything history restores.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub focus: Focus,
    pub open: Option<usize>,
    pub scroll: usize,
    pub selected_article: Option<usize>,
    pub query: String,
    pub person: Option<PersonId>,
    pub people_selected: usize,
    pub target: Option<QuoteRef>,
    /// The link the cursor was on in the reader.
    pub link_selected: Option<usize>,
}

/// In-article search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// What to find: the query as typed, or the words and phrases of a search across
    /// articles (any of them matches).
    pub terms: Vec<String>,
    /// (line, start, end) byte ranges in layout lines.
    pub hits: Vec<(usize, usize, usize)>,
    pub current: usize,
}

/// Something the reader asks of the world outside its state; the terminal loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard.
    Copy(String),
    /// Open a URL in the browser.
    Open(String),
    /// Sync the library in the background, then reload.
    Sync,
}

/// A change to the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// What a key is bound to (the keymap's commands, the input lines' editing keys too).
    Command(Command),
    /// Typed text for the active input line.
    Char(char),
    /// Follow link number N (1-based) in the open article: the Nth key of the
    /// `follow_number` binding.
    FollowNumber(usize),
    Resize(u16, u16),
    Click {
        col: u16,
        row: u16,
    },
    Wheel {
        col: u16,
        row: u16,
        down: bool,
    },
}

pub struct App {
    pub corpus: std::sync::Arc<Corpus>,
    /// Shared with the layout worker (a big article is laid out off the input thread).
    pub index: std::sync::Arc<Index>,
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: (u16, u16),
    pub focus: Focus,
    pub message: Option<String>,
    pub quit: bool,
    /// What the terminal loop is to do outside the state: copy, open a URL, sync.
    pub effects: Vec<Effect>,
    pub people: PeopleView,
    /// What works in the background, as the status bar tells it.
    pub background: Background,
    /// The article list: its rows, filter, sort and marks.
    pub list: ListPane,
    /// The open article: its layout, place, in-article search and links.
    pub reader: ReaderPane,
    /// What is drawn over the panes: the overlay, the input line and its cursor, the help.
    pub ui: Ui,
    /// What lasts between runs (the state store) and the way back (history).
    pub session: Session,
}

/// What works in the background, as the status bar tells it.
pub struct Background {
    /// The quote index is still being built (counts, links and people come when it is).
    pub indexing: bool,
    /// The search index, once built (the search overlay answers from it).
    pub search_index: Option<std::sync::Arc<SearchHandle>>,
    /// Articles added to the search index so far, of how many (while it is built).
    pub search_progress: Option<(usize, usize)>,
    /// Why there is no search index.
    pub search_unavailable: Option<String>,
    /// Articles whose quotes the indexing worker has extracted so far (those the cache
    /// did not hold), for the status bar.
    pub extracted: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// A sync is running in the background.
    pub syncing: bool,
    /// How a worker the state starts tells the loop its answer is in (none: the answer is
    /// taken when asked for, as tests do).
    pub wake: Option<Waker>,
}

/// What is drawn over the panes: the overlay, the input line and its cursor, the help.
pub struct Ui {
    pub overlay: Overlay,
    pub input: Input,
    /// The cursor in the input line being typed, as a byte offset (None: at its end).
    pub cursor: Option<usize>,
    pub help_query: String,
    /// Help rows (context, keys, description), generated from the live keymap.
    pub help_rows: Vec<(String, String, String)>,
    /// The search overlay's query, running on a worker.
    find_job: Option<FindJob>,
}

/// What a worker the state starts (a big article's layout, a search) calls once its answer
/// is in: the loop then takes the answer ([`App::take_answers`]).
pub type Waker = std::sync::Arc<dyn Fn() + Send + Sync>;

impl Background {
    /// The search index is still being built.
    pub fn search_pending(&self) -> bool {
        self.search_index.is_none() && self.search_unavailable.is_none()
    }

    fn new() -> Background {
        Background {
            indexing: false,
            search_index: None,
            search_progress: None,
            search_unavailable: None,
            extracted: Default::default(),
            syncing: false,
            wake: None,
        }
    }

    /// A new corpus: the search index and its progress were the old corpus's. What runs
    /// (a sync) and the count of articles extracted go on.
    fn new_corpus(&mut self) {
        self.indexing = false;
        self.search_index = None;
        self.search_progress = None;
        self.search_unavailable = None;
    }
}

/// Below this width the panes stack: one at a time.
pub const NARROW: u16 = 80;

impl Ui {
    /// Help rows matching the help filter.
    pub fn help_view(&self) -> Vec<&(String, String, String)> {
        let q = self.help_query.to_lowercase();
        self.help_rows
            .iter()
            .filter(|r| {
                q.is_empty()
                    || r.0.to_lowercase().contains(&q)
                    || r.1.to_lowercase().contains(&q)
                    || r.2.to_lowercase().contains(&q)
            })
            .collect()
    }
}

impl App {
    /// Help rows matching the help filter.
    pub fn help_view(&self) -> Vec<&(String, String, String)> {
        self.ui.help_view()
    }

    /// The search index is still being built.
    pub fn search_pending(&self) -> bool {
        self.background.search_pending()
    }

    pub fn unread(&self) -> usize {
        self.list.unread()
    }

    pub fn new(
        corpus: impl Into<std::sync::Arc<Corpus>>,
        index: Index,
        keymap: Keymap,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let corpus: std::sync::Arc<Corpus> = corpus.into();
        let help_rows = keys::help_rows(&keymap);
        let mut app = App {
            list: ListPane::new(&corpus, &index),
            corpus,
            index: std::sync::Arc::new(index),
            keymap,
            theme,
            size,
            focus: Focus::List,
            message: None,
            quit: false,
            effects: Vec::new(),
            people: PeopleView::default(),
            background: Background::new(),
            reader: ReaderPane::new(),
            ui: Ui {
                overlay: Overlay::None,
                input: Input::None,
                cursor: None,
                help_query: String::new(),
                help_rows,
                find_job: None,
            },
            session: Session::new(),
        };
        app.refilter();
        app.refresh_people();
        app.preview();
        let skipped: Vec<&crate::corpus::Problem> = app.corpus.problems.iter().filter(|p| p.skipped).collect();
        if let Some(first) = skipped.first() {
            app.message = Some(match skipped.len() {
                1 => format!("skipped {}: {} (listed again on exit)", first.path, first.reason),
                n => format!(
                    "{n} files skipped, e.g. {}: {} (all listed on exit)",
                    first.path, first.reason
                ),
            });
        }
        app
    }

    /// A word from the indexing worker.
    pub fn indexed(&mut self, msg: Indexed) {
        match msg {
            Indexed::Quotes(ix) => self.set_index(ix),
            Indexed::SearchProgress(done, of) => self.background.search_progress = Some((done, of)),
            Indexed::Search(Ok(h)) => {
                self.background.search_index = Some(std::sync::Arc::new(h));
                self.background.search_progress = None;
                self.background.search_unavailable = None;
            }
            Indexed::Search(Err(e)) => {
                self.background.search_progress = None;
                self.background.search_unavailable = Some(e);
            }
        }
        // an open search overlay answers from what is there now
        if let Overlay::Find(mut f) = std::mem::replace(&mut self.ui.overlay, Overlay::None) {
            let selected = f.selected;
            self.find_search(&mut f, Some(selected));
            self.ui.overlay = Overlay::Find(f);
        }
    }

    /// The quote index arrived: counts, links, people and starred quotes come alive.
    pub fn set_index(&mut self, index: Index) {
        self.list.take_index(&self.corpus, &index);
        self.index = std::sync::Arc::new(index);
        self.background.indexing = false;
        self.refilter_keeping_selection();
        self.refresh_people();
        self.load_starred_quotes();
        // the layout gains speaker notes: keep the reading position by its anchor (the
        // stored one if the reader has not moved since the article opened)
        let anchor = match (
            self.reader.open,
            self.session
                .stored_positions
                .get(&self.reader.open.unwrap_or(usize::MAX)),
        ) {
            (Some(a), Some(&stored))
                if self.reader.positions.get(&a) == Some(&self.reader.scroll)
                    && self.reader.opened_at == Some((a, self.reader.scroll)) =>
            {
                Some(stored)
            }
            _ => self.reading_anchor(),
        };
        let at_top = self.reader.scroll == 0;
        self.relayout();
        self.after_layout(move |app| {
            app.reader.scroll = match anchor {
                Some(anc) if !at_top => app.reader.layout.line_for(anc),
                _ => app.reader.scroll,
            }
            .min(app.max_scroll());
            app.reader.save_position();
        });
    }

    pub fn narrow(&self) -> bool {
        self.size.0 < NARROW
    }

    /// Width of the list pane when both panes show.
    pub fn list_width(&self) -> u16 {
        (self.size.0 * 2 / 5).clamp(30, 70).min(self.size.0)
    }

    /// Columns for the reader's text.
    pub fn reader_width(&self) -> u16 {
        let pane = if self.narrow() {
            self.size.0
        } else {
            self.size.0.saturating_sub(self.list_width() + 1)
        };
        pane.saturating_sub(2).clamp(1, 100)
    }

    /// Rows of a pane's content (screen less the status bar and the pane header).
    pub fn body_height(&self) -> usize {
        self.size.1.saturating_sub(2).max(1) as usize
    }

    /// Apply an action. Returns true when something visible changed.
    pub fn update(&mut self, action: Action) -> bool {
        // a message lasts until the next thing the reader does (a resize is not that)
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if let Action::Resize(w, h) = action {
            self.resize(w, h);
            return true;
        }
        let changed = self.apply(action);
        self.reader.settle_top();
        if self.active_input().is_none() {
            self.ui.cursor = None; // the next input line starts with the cursor at its end
        }
        changed
    }

    fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Resize(w, h) => {
                self.resize(w, h);
                true
            }
            Action::Char(c) => {
                self.type_char(c);
                true
            }
            Action::FollowNumber(n) => {
                self.follow(n.saturating_sub(1));
                true
            }
            Action::Click { col, row } => self.click(col, row),
            Action::Wheel { col, row, down } => self.wheel(col, row, down),
            Action::Command(c) => self.command(c),
        }
    }

    /// Run a command: an overlay takes it first, else the part of the app it belongs to.
    /// Returns true when something visible changed.
    fn command(&mut self, c: Command) -> bool {
        match c {
            // the input lines' keys, whatever overlay is open
            Command::Submit => self.submit(),
            Command::Cancel => self.cancel(),
            Command::DeleteChar => self.edit_input(|s| {
                s.pop();
            }),
            Command::ClearInput => self.edit_input(String::clear),
            Command::DeleteWord => self.edit_input(|s| {
                let kept = s.trim_end().rfind(' ').map_or(0, |i| i + 1);
                s.truncate(kept);
            }),
            Command::CursorLeft | Command::CursorRight | Command::CursorHome | Command::CursorEnd => {
                self.move_cursor(c)
            }
            // the numbered keys arrive with their number (Action::FollowNumber)
            Command::FollowNumber => return false,
            _ if !matches!(self.ui.overlay, Overlay::None) => return self.overlay_command(c),
            Command::Quit => self.quit = true,
            Command::Help => self.ui.overlay = Overlay::Help { scroll: 0 },
            Command::Palette => self.open_palette(),
            Command::Find => self.open_find(),
            Command::Focus => self.switch_focus(),
            Command::Back => self.back_out(),
            Command::People => {
                self.remember();
                self.focus = Focus::People;
            }
            Command::HistoryBack => return self.history_back(),
            Command::HistoryForward => return self.history_forward(),
            Command::Filter => match self.focus {
                Focus::List => self.ui.input = Input::Filter,
                Focus::People => self.ui.input = Input::PeopleFilter,
                Focus::Reader => return false,
            },
            Command::Search => {
                self.ui.input = Input::Search;
                self.reader.search = Search::default();
            }
            Command::SearchNext | Command::SearchPrev => self.search_step(c == Command::SearchNext),
            Command::Sort => self.cycle_sort(),
            Command::Open => match self.focus {
                Focus::List => {
                    self.ensure_open();
                    self.focus = Focus::Reader;
                }
                Focus::People => self.people_open(),
                Focus::Reader => return false,
            },
            Command::ToggleRead => self.toggle_read(),
            Command::MarkAllRead => self.mark_all_read(),
            Command::HideRead => self.toggle_hide_read(),
            Command::Star => self.toggle_star(),
            Command::StarredOnly => self.toggle_starred_only(),
            Command::StarredQuotes => self.starred_quotes_view(),
            Command::NextUnread => self.next_unread(),
            Command::CopyQuote => self.copy_quote(),
            Command::CopyUrl => self.copy_url(),
            Command::OpenUrl => self.open_url(),
            Command::Sync => self.request_sync(),
            Command::StarQuote => self.star_quote(),
            Command::NextArticle | Command::PrevArticle => return self.step_article(c == Command::NextArticle),
            Command::NextLink | Command::PrevLink => self.step_link(c == Command::NextLink),
            Command::Follow if self.focus != Focus::Reader => return self.command(Command::Open),
            Command::Follow => self.follow_selected(),
            Command::Down
            | Command::Up
            | Command::Top
            | Command::Bottom
            | Command::PageDown
            | Command::PageUp
            | Command::HalfDown
            | Command::HalfUp => self.motion(c),
        }
        true
    }

    /// A move in the pane that has the focus.
    fn motion(&mut self, c: Command) {
        match self.focus {
            Focus::List => self.list_motion(c),
            Focus::Reader => self.reader_motion(c),
            Focus::People => self.people_motion(c),
        }
    }

    fn switch_focus(&mut self) {
        self.focus = match self.focus {
            Focus::List => {
                self.ensure_open();
                Focus::Reader
            }
            Focus::Reader | Focus::People => Focus::List,
        };
    }

    /// Esc: out of the innermost thing open — a person's quotes, a selected link, a
    /// search, the reader or people view, then the filter.
    fn back_out(&mut self) {
        if self.focus == Focus::People && self.people.person.is_some() {
            self.people.person = None;
            return;
        }
        if self.focus == Focus::Reader && self.reader.link_selected.is_some() {
            self.reader.link_selected = None;
            self.relayout();
            return;
        }
        if self.focus == Focus::Reader && !self.reader.search.query.is_empty() {
            self.reader.search = Search::default();
            return;
        }
        if self.focus != Focus::List {
            self.focus = Focus::List;
            return;
        }
        if !self.list.query.is_empty() {
            self.list.query.clear();
            self.refilter_keeping_selection();
        }
    }

    /// "45%" of the open article shown.
    pub fn percent(&self) -> usize {
        let max = self.max_scroll();
        (self.reader.scroll * 100).checked_div(max).unwrap_or(100)
    }
}
