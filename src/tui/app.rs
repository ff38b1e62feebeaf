//! The reader's state and the only way it changes: `App::update(Action)`. Keys become
//! actions in [`App::key_action`]; the view only draws. Everything here is testable
//! without a terminal.

use super::keymap::{Command, Context, Key, Keymap};
use super::layout::{self, Layout};
use super::theme::Theme;
use crate::corpus::Corpus;
use crate::filter::{Filter, Item, Query};
use crate::index::{Index, PersonId};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

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

#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub query: String,
    pub hits: Vec<(Target, Vec<usize>)>,
    pub selected: usize,
}

/// Where a followed link can land: (article, quote index).
#[derive(Debug, Clone, Default)]
pub struct Chooser {
    pub title: String,
    pub targets: Vec<(usize, usize)>,
    pub selected: usize,
    /// What each row says, when not the article's title and byline (starred quotes show
    /// the quote).
    pub labels: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Palette(Palette),
    Choose(Chooser),
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
    pub target: Option<(usize, usize)>,
    /// The link the cursor was on in the reader.
    pub link_selected: Option<usize>,
}

/// In-article search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// (line, start, end) byte ranges in layout lines.
    pub hits: Vec<(usize, usize, usize)>,
    pub current: usize,
}

/// The people view: everyone quoted, or one person's quotes.
#[derive(Debug, Clone, Default)]
pub struct PeopleView {
    pub query: String,
    pub rows: Vec<PersonId>,
    pub selected: usize,
    pub offset: usize,
    /// The person whose quotes are shown, with the (article, quote) rows and selection.
    pub person: Option<PersonId>,
    pub quote_rows: Vec<(usize, usize)>,
    pub quote_selected: usize,
    pub quote_offset: usize,
}

/// A change to the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    /// Typed text for the active input line.
    Char(char),
    Backspace,
    /// Ctrl-u: clear the input line.
    ClearInput,
    /// Ctrl-w: delete the word before the cursor.
    DeleteWord,
    /// Move the input line's cursor: ←, →, Ctrl-a / Home, Ctrl-e / End.
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    Submit,
    Cancel,
    /// Follow link number N (1-based) in the open article.
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
    /// The quote index is still being built (counts, links and people come when it is).
    pub indexing: bool,
    /// Number of people quoted in each article (the list shows it).
    pub quoted: Vec<usize>,
    pub index: Index,
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: (u16, u16),
    pub focus: Focus,
    pub overlay: Overlay,
    pub input: Input,
    pub message: Option<String>,
    pub quit: bool,
    /// The cursor in the input line being typed, as a byte offset (None: at its end).
    pub cursor: Option<usize>,
    /// Text to put on the terminal's clipboard (the terminal loop sends it, OSC 52).
    pub clipboard: Option<String>,
    // list
    items: Vec<Item>,
    filter: Filter,
    pub query: String,
    /// Article indexes shown, in order.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub list_offset: usize,
    pub sort: Sort,
    /// Matched title characters per article, for the rows in view.
    pub highlights: HashMap<usize, Vec<usize>>,
    pub read: Vec<bool>,
    pub starred: Vec<bool>,
    pub hide_read: bool,
    pub starred_only: bool,
    pub mark_read_on_open: bool,
    // reader
    pub open: Option<usize>,
    pub layout: Layout,
    pub scroll: usize,
    pub search: Search,
    /// Linked people of the open article, numbered from 1 in the order shown.
    pub links: Vec<PersonId>,
    pub link_selected: Option<usize>,
    /// The quote a followed link landed on (article, quote).
    pub target: Option<(usize, usize)>,
    /// Scroll position per article, restored on reopening.
    pub positions: HashMap<usize, usize>,
    // people
    pub people: PeopleView,
    // history
    pub back: Vec<Snapshot>,
    pub forward: Vec<Snapshot>,
    pub help_query: String,
    /// Help rows (context, keys, description), generated from the live keymap.
    pub help_rows: Vec<(String, String, String)>,
    /// Lasting state (read marks, stars, positions), when attached.
    pub store: Option<crate::state::Store>,
    /// State key of each article.
    pub keys: Vec<String>,
    /// Starred quotes (article, quote).
    pub starred_quotes: std::collections::HashSet<(usize, usize)>,
    /// Reading positions from the state file, used the first time an article opens.
    stored_positions: HashMap<usize, (usize, f64)>,
    /// The article byte at the top of the reader, as the reader last placed it (None: the
    /// top of the article); a resize brings it back.
    top_byte: Option<(usize, usize)>,
    /// (open article, scroll) when `top_byte` was last taken.
    settled: (Option<usize>, usize),
    /// The article last opened and the line it opened at.
    opened_at: Option<(usize, usize)>,
}

/// Below this width the panes stack: one at a time.
pub const NARROW: u16 = 80;

impl App {
    pub fn new(
        corpus: impl Into<std::sync::Arc<Corpus>>,
        index: Index,
        keymap: Keymap,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let corpus: std::sync::Arc<Corpus> = corpus.into();
        let n = corpus.articles.len();
        let items = filter_items(&corpus, &index);
        let help_rows = help_rows(&keymap);
        let mut app = App {
            quoted: (0..n).map(|a| index.people_in(a).len()).collect(),
            corpus,
            indexing: false,
            index,
            keymap,
            theme,
            size,
            focus: Focus::List,
            overlay: Overlay::None,
            input: Input::None,
            message: None,
            quit: false,
            cursor: None,
            clipboard: None,
            items,
            filter: Filter::default(),
            query: String::new(),
            rows: Vec::new(),
            selected: 0,
            list_offset: 0,
            sort: Sort::Date,
            highlights: HashMap::new(),
            read: vec![false; n],
            starred: vec![false; n],
            hide_read: false,
            starred_only: false,
            mark_read_on_open: true,
            open: None,
            layout: Layout::default(),
            scroll: 0,
            search: Search::default(),
            links: Vec::new(),
            link_selected: None,
            target: None,
            positions: HashMap::new(),
            people: PeopleView::default(),
            back: Vec::new(),
            forward: Vec::new(),
            help_query: String::new(),
            help_rows,
            store: None,
            keys: Vec::new(),
            starred_quotes: std::collections::HashSet::new(),
            stored_positions: HashMap::new(),
            opened_at: None,
            top_byte: None,
            settled: (None, 0),
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

    /// The quote index arrived: counts, links, people and starred quotes come alive.
    pub fn set_index(&mut self, index: Index) {
        self.quoted = (0..self.corpus.articles.len())
            .map(|a| index.people_in(a).len())
            .collect();
        self.index = index;
        self.indexing = false;
        self.items = filter_items(&self.corpus, &self.index);
        self.filter.reset();
        self.refilter_keeping_selection();
        self.refresh_people();
        self.load_starred_quotes();
        // the layout gains speaker notes: keep the reading position by its anchor (the
        // stored one if the reader has not moved since the article opened)
        let anchor = match (self.open, self.stored_positions.get(&self.open.unwrap_or(usize::MAX))) {
            (Some(a), Some(&stored))
                if self.positions.get(&a) == Some(&self.scroll) && self.opened_at == Some((a, self.scroll)) =>
            {
                Some(stored)
            }
            _ => self.layout.anchor(self.scroll),
        };
        let at_top = self.scroll == 0;
        self.relayout();
        self.scroll = match anchor {
            Some(anc) if !at_top => self.layout.line_for(anc),
            _ => self.scroll,
        }
        .min(self.max_scroll());
        self.save_position();
    }

    fn load_starred_quotes(&mut self) {
        let Some(store) = &self.store else { return };
        let by_key: HashMap<&str, usize> = self.keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        let mut found = Vec::new();
        for (k, q) in &store.state.quotes {
            let Some((ak, range)) = k.split_once('@') else { continue };
            let Some((s, e)) = range.split_once('-') else { continue };
            let (Some(&a), Ok(s), Ok(e)) = (by_key.get(ak), s.parse::<usize>(), e.parse::<usize>()) else {
                continue;
            };
            if let Some(qi) = self
                .index
                .quotes
                .get(a)
                .and_then(|qs| qs.iter().position(|x| x.start == s && x.end == e))
                && q.starred
            {
                found.push((a, qi));
            }
        }
        self.starred_quotes.extend(found);
    }

    // ---------- lasting state ----------

    /// Use `store` for read marks, stars and positions; unless `fresh`, return to where the
    /// last session was.
    pub fn attach_store(&mut self, store: crate::state::Store, fresh: bool) {
        self.keys = self.corpus.articles.iter().map(crate::state::key_of).collect();
        let by_key: HashMap<String, usize> = self.keys.iter().enumerate().map(|(i, k)| (k.clone(), i)).collect();
        for (i, k) in self.keys.iter().enumerate() {
            if let Some(st) = store.article(k) {
                self.read[i] = st.read;
                self.starred[i] = st.starred;
                if let Some(p) = st.position {
                    self.stored_positions.insert(i, p);
                }
            }
        }
        if let Some(w) = store.warnings.first() {
            self.message = Some(w.clone());
        }
        let session = store.state.session.clone();
        self.store = Some(store);
        self.load_starred_quotes();
        // the preview opened before the state was known: reopen with stored positions
        self.positions.clear();
        if let Some(a) = self.open.take() {
            self.open_article_quietly(a);
        }
        if fresh {
            return;
        }
        if let Some(s) = session {
            if !s.query.is_empty() {
                self.query = s.query.clone();
                self.refilter();
            }
            if let Some(&a) = s.article.as_deref().and_then(|k| by_key.get(k)) {
                self.select_article(Some(a));
                self.open_article_quietly(a);
                if s.reading {
                    self.focus = Focus::Reader;
                }
            }
        }
    }

    /// Record article `a`'s marks and position in the store.
    fn persist(&mut self, a: usize) {
        let Some(key) = self.keys.get(a).cloned() else { return };
        let (read, starred) = (self.read[a], self.starred[a]);
        let position = if self.open == Some(a) {
            self.layout.anchor(self.scroll)
        } else {
            self.stored_positions.get(&a).copied()
        };
        let title = self.corpus.articles[a].meta.title.clone();
        if let Some(store) = &mut self.store {
            store.update_article(&key, |s| {
                s.read = read;
                s.starred = starred;
                s.position = position;
                s.title = title;
            });
        }
    }

    /// Save what changed; a failure becomes the status message and reading goes on.
    pub fn flush(&mut self) {
        if let Some(store) = &mut self.store
            && let Err(e) = store.save()
        {
            self.message = Some(format!("warning: {e:#}"));
        }
    }

    /// Where we are — the open article, its position, the filter — recorded in the store
    /// (in memory; [`App::flush`] writes it).
    fn record_session(&mut self) {
        if let Some(a) = self.open {
            self.persist(a);
        }
        let session = crate::state::Session {
            article: self.open.and_then(|a| self.keys.get(a).cloned()),
            query: self.query.clone(),
            reading: self.focus == Focus::Reader,
        };
        if let Some(store) = &mut self.store {
            store.set_session(session);
        }
    }

    /// The reader is idle: the session as it has settled, and every change since the last
    /// tick, go to disk. `update` never writes; this and quitting do, so a crash or a
    /// closed terminal loses at most the last moments.
    pub fn tick(&mut self) {
        if self.indexing {
            return;
        }
        self.record_session();
        self.flush();
    }

    /// Before quitting: the position in the open article and where we are.
    pub fn save_session(&mut self) {
        self.record_session();
        self.flush();
    }

    // ---------- geometry ----------

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

    // ---------- keys ----------

    /// The context whose bindings apply now.
    pub fn context(&self) -> Context {
        match self.focus {
            Focus::List => Context::List,
            Focus::Reader => Context::Reader,
            Focus::People => Context::People,
        }
    }

    /// Turn a key press into an action, given the mode.
    pub fn key_action(&self, ev: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev);
        let text_input = self.input != Input::None || matches!(self.overlay, Overlay::Palette(_));
        if text_input {
            return match ev.code {
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Down | KeyCode::Up if matches!(self.overlay, Overlay::Palette(_)) => {
                    Some(Action::Command(if ev.code == KeyCode::Down {
                        Command::Down
                    } else {
                        Command::Up
                    }))
                }
                KeyCode::Char('c') if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                    Some(Action::Command(Command::Quit))
                }
                KeyCode::Char('u') if ev.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::ClearInput),
                KeyCode::Char('a') if ev.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::CursorHome),
                KeyCode::Char('e') if ev.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::CursorEnd),
                KeyCode::Left => Some(Action::CursorLeft),
                KeyCode::Right => Some(Action::CursorRight),
                KeyCode::Home => Some(Action::CursorHome),
                KeyCode::End => Some(Action::CursorEnd),
                KeyCode::Char('w') if ev.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::DeleteWord),
                KeyCode::Char('n') if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                    Some(Action::Command(Command::Down))
                }
                KeyCode::Char('p')
                    if ev.modifiers.contains(KeyModifiers::CONTROL) && matches!(self.overlay, Overlay::Palette(_)) =>
                {
                    Some(Action::Command(Command::Up))
                }
                KeyCode::Char(c) if !ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                    Some(Action::Char(c))
                }
                _ => None,
            };
        }
        if let KeyCode::Char(c @ '1'..='9') = ev.code
            && self.focus == Focus::Reader
            && matches!(self.overlay, Overlay::None)
            && ev.modifiers.is_empty()
        {
            return Some(Action::FollowNumber(c as usize - '0' as usize));
        }
        match &self.overlay {
            Overlay::Help { .. } => {
                if ev.code == KeyCode::Char('/') {
                    return Some(Action::Command(Command::Filter));
                }
                // help scrolls with the list keys and closes with its own key or Esc
                self.keymap.lookup(Context::List, key).map(Action::Command)
            }
            Overlay::Choose(_) => match ev.code {
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Esc => Some(Action::Cancel),
                _ => self.keymap.lookup(Context::List, key).map(Action::Command),
            },
            _ => self.keymap.lookup(self.context(), key).map(Action::Command),
        }
    }

    // ---------- update ----------

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
        self.settle_top();
        if self.active_input().is_none() {
            self.cursor = None; // the next input line starts with the cursor at its end
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
            Action::Backspace => {
                self.edit_input(|s| {
                    s.pop();
                });
                true
            }
            Action::ClearInput => {
                self.edit_input(String::clear);
                true
            }
            Action::CursorLeft | Action::CursorRight | Action::CursorHome | Action::CursorEnd => {
                self.move_cursor(action);
                true
            }
            Action::DeleteWord => {
                self.edit_input(|s| {
                    let kept = s.trim_end().rfind(' ').map_or(0, |i| i + 1);
                    s.truncate(kept);
                });
                true
            }
            Action::Submit => {
                self.submit();
                true
            }
            Action::Cancel => {
                self.cancel();
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

    fn command(&mut self, c: Command) -> bool {
        // overlays take their commands first
        match &mut self.overlay {
            Overlay::Help { scroll } => {
                let n = self.help_rows.len();
                match c {
                    Command::Down => *scroll = (*scroll + 1).min(n.saturating_sub(1)),
                    Command::Up => *scroll = scroll.saturating_sub(1),
                    Command::PageDown => *scroll = (*scroll + 10).min(n.saturating_sub(1)),
                    Command::PageUp => *scroll = scroll.saturating_sub(10),
                    Command::Top => *scroll = 0,
                    Command::Bottom => *scroll = n.saturating_sub(1),
                    Command::Filter => self.input = Input::HelpFilter,
                    Command::Quit => self.quit = true,
                    Command::Help | Command::Back => {
                        self.overlay = Overlay::None;
                        self.help_query.clear();
                    }
                    _ => return false,
                }
                return true;
            }
            Overlay::Palette(p) => {
                match c {
                    Command::Down => p.selected = (p.selected + 1).min(p.hits.len().saturating_sub(1)),
                    Command::Up => p.selected = p.selected.saturating_sub(1),
                    Command::Quit => self.quit = true,
                    _ => return false,
                }
                return true;
            }
            Overlay::Choose(ch) => {
                match c {
                    Command::Down => ch.selected = (ch.selected + 1).min(ch.targets.len().saturating_sub(1)),
                    Command::Up => ch.selected = ch.selected.saturating_sub(1),
                    Command::Back | Command::Quit => self.overlay = Overlay::None,
                    _ => return false,
                }
                return true;
            }
            Overlay::None => {}
        }
        match c {
            Command::Quit => self.quit = true,
            Command::Help => self.overlay = Overlay::Help { scroll: 0 },
            Command::Palette => {
                let mut p = Palette::default();
                self.palette_search(&mut p);
                self.overlay = Overlay::Palette(p);
            }
            Command::Focus => {
                self.focus = match self.focus {
                    Focus::List => {
                        self.ensure_open();
                        Focus::Reader
                    }
                    Focus::Reader | Focus::People => Focus::List,
                };
            }
            Command::Back => self.back_out(),
            Command::People => {
                self.remember();
                self.focus = Focus::People;
            }
            Command::HistoryBack => return self.history_back(),
            Command::HistoryForward => return self.history_forward(),
            Command::Filter if self.focus == Focus::List => {
                self.input = Input::Filter;
            }
            Command::Filter if self.focus == Focus::People => {
                self.input = Input::PeopleFilter;
            }
            Command::Search => {
                self.input = Input::Search;
                self.search = Search::default();
            }
            Command::SearchNext | Command::SearchPrev => self.search_step(c == Command::SearchNext),
            Command::Sort => {
                self.sort = match self.sort {
                    Sort::Date => Sort::Source,
                    Sort::Source => Sort::Title,
                    Sort::Title => Sort::Date,
                };
                self.refilter_keeping_selection();
                self.message = Some(format!("sorted by {}", self.sort_name()));
            }
            Command::Open => match self.focus {
                Focus::List => {
                    self.ensure_open();
                    self.focus = Focus::Reader;
                }
                Focus::People => self.people_open(),
                Focus::Reader => {}
            },
            Command::ToggleRead => {
                if let Some(a) = self.current_article() {
                    self.read[a] = !self.read[a];
                    self.persist(a);
                    self.message = Some(if self.read[a] {
                        "marked read".into()
                    } else {
                        "marked unread".into()
                    });
                    if self.hide_read {
                        self.refilter_keeping_selection();
                    }
                }
            }
            Command::MarkAllRead => {
                for a in self.rows.clone() {
                    self.read[a] = true;
                    self.persist(a);
                }
                self.message = Some(format!("{} articles marked read", self.rows.len()));
            }
            Command::HideRead => {
                self.hide_read = !self.hide_read;
                self.refilter_keeping_selection();
                self.message = Some(if self.hide_read {
                    "read articles hidden".into()
                } else {
                    "read articles shown".into()
                });
            }
            Command::Star => {
                if let Some(a) = self.current_article() {
                    self.starred[a] = !self.starred[a];
                    self.persist(a);
                    self.message = Some(if self.starred[a] {
                        "starred".into()
                    } else {
                        "unstarred".into()
                    });
                }
            }
            Command::StarredQuotes => self.starred_quotes_view(),
            Command::NextUnread => self.next_unread(),
            Command::CopyQuote => self.copy_quote(),
            Command::CopyUrl => self.copy_url(),
            Command::StarredOnly => {
                self.starred_only = !self.starred_only;
                self.refilter_keeping_selection();
                self.message = Some(if self.starred_only {
                    "starred articles only".into()
                } else {
                    "all articles".into()
                });
            }
            Command::StarQuote => self.star_quote(),
            Command::NextArticle | Command::PrevArticle => {
                if self.rows.is_empty() {
                    return false;
                }
                let next = if c == Command::NextArticle {
                    (self.selected + 1).min(self.rows.len() - 1)
                } else {
                    self.selected.saturating_sub(1)
                };
                if next == self.selected {
                    self.message = Some(if c == Command::NextArticle {
                        "last article".into()
                    } else {
                        "first article".into()
                    });
                    return true;
                }
                self.selected = next;
                self.keep_selection_visible();
                self.open_article(self.rows[next], None);
            }
            Command::NextLink | Command::PrevLink => {
                if self.links.is_empty() {
                    self.message = Some("no one in this article is quoted elsewhere".into());
                    return true;
                }
                let n = self.links.len();
                self.link_selected = Some(match (self.link_selected, c) {
                    (None, Command::NextLink) => 0,
                    (None, _) => n - 1,
                    (Some(i), Command::NextLink) => (i + 1) % n,
                    (Some(i), _) => (i + n - 1) % n,
                });
                self.relayout();
                if let Some(line) = self.link_line(self.link_selected.unwrap_or(0)) {
                    self.scroll_to_show(line);
                }
            }
            Command::Follow => {
                if self.focus != Focus::Reader {
                    return self.command(Command::Open);
                }
                match self.link_selected {
                    Some(i) => self.follow(i),
                    None if self.links.is_empty() => {
                        self.message = Some("no one in this article is quoted elsewhere".into());
                    }
                    None => {
                        let (next, n) = (
                            self.keymap.hint(Context::Reader, Command::NextLink).unwrap_or_default(),
                            self.links.len(),
                        );
                        self.message = Some(format!("no link selected: {next} selects one, or 1–{n} follows it"));
                    }
                }
            }
            Command::Down
            | Command::Up
            | Command::Top
            | Command::Bottom
            | Command::PageDown
            | Command::PageUp
            | Command::HalfDown
            | Command::HalfUp => {
                self.motion(c);
            }
            Command::Filter => {}
        }
        true
    }

    fn sort_name(&self) -> &'static str {
        match self.sort {
            Sort::Date => "date",
            Sort::Source => "source",
            Sort::Title => "title",
        }
    }

    fn motion(&mut self, c: Command) {
        let page = self.body_height();
        match self.focus {
            Focus::List => {
                let n = self.rows.len();
                if n == 0 {
                    return;
                }
                self.selected = step(self.selected, n, c, page);
                self.keep_selection_visible();
                self.preview();
            }
            Focus::Reader => {
                let max = self.max_scroll();
                self.scroll = match c {
                    Command::Down => self.scroll + 1,
                    Command::Up => self.scroll.saturating_sub(1),
                    Command::PageDown => self.scroll + page.saturating_sub(1).max(1),
                    Command::PageUp => self.scroll.saturating_sub(page.saturating_sub(1).max(1)),
                    Command::HalfDown => self.scroll + (page / 2).max(1),
                    Command::HalfUp => self.scroll.saturating_sub((page / 2).max(1)),
                    Command::Top => 0,
                    Command::Bottom => max,
                    _ => self.scroll,
                }
                .min(max);
                self.save_position();
            }
            Focus::People => {
                if let Some(_p) = self.people.person {
                    let n = self.people.quote_rows.len();
                    if n > 0 {
                        self.people.quote_selected = step(self.people.quote_selected, n, c, page / 2);
                    }
                } else {
                    let n = self.people.rows.len();
                    if n > 0 {
                        self.people.selected = step(self.people.selected, n, c, page);
                        let h = page;
                        if self.people.selected < self.people.offset {
                            self.people.offset = self.people.selected;
                        } else if self.people.selected >= self.people.offset + h {
                            self.people.offset = self.people.selected + 1 - h;
                        }
                    }
                }
            }
        }
    }

    fn back_out(&mut self) {
        if self.focus == Focus::People && self.people.person.is_some() {
            self.people.person = None;
            return;
        }
        if self.focus == Focus::Reader && self.link_selected.is_some() {
            self.link_selected = None;
            self.relayout();
            return;
        }
        if self.focus == Focus::Reader && !self.search.query.is_empty() {
            self.search = Search::default();
            return;
        }
        if self.focus != Focus::List {
            self.focus = Focus::List;
            return;
        }
        if !self.query.is_empty() {
            self.query.clear();
            self.refilter_keeping_selection();
        }
    }

    // ---------- text input ----------

    fn type_char(&mut self, c: char) {
        self.edit_input(|s| s.push(c));
    }

    /// The input line being typed, if any.
    pub fn active_input(&self) -> Option<&str> {
        match (&self.overlay, self.input) {
            (Overlay::Palette(p), _) => Some(&p.query),
            (_, Input::Filter) => Some(&self.query),
            (_, Input::Search) => Some(&self.search.query),
            (_, Input::PeopleFilter) => Some(&self.people.query),
            (_, Input::HelpFilter) => Some(&self.help_query),
            _ => None,
        }
    }

    fn move_cursor(&mut self, action: Action) {
        let Some(s) = self.active_input() else { return };
        let at = self.cursor.unwrap_or(s.len()).min(s.len());
        let to = match action {
            Action::CursorLeft => s[..at].char_indices().last().map_or(0, |(i, _)| i),
            Action::CursorRight => s[at..].chars().next().map_or(at, |c| at + c.len_utf8()),
            Action::CursorHome => 0,
            _ => s.len(),
        };
        self.cursor = (to < s.len()).then_some(to);
    }

    /// Change the active input line with `f`, applied to the text before the cursor (the
    /// text after it stays), then refresh what the line drives.
    fn edit_input(&mut self, f: impl FnOnce(&mut String)) {
        let cursor = self.cursor;
        let apply = |s: &mut String| -> Option<usize> {
            let mut at = cursor.unwrap_or(s.len()).min(s.len());
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            let tail = s.split_off(at);
            f(s);
            let c = s.len();
            s.push_str(&tail);
            (!tail.is_empty()).then_some(c)
        };
        match (&mut self.overlay, self.input) {
            (Overlay::Palette(_), _) => {
                if let Overlay::Palette(mut p) = std::mem::replace(&mut self.overlay, Overlay::None) {
                    self.cursor = apply(&mut p.query);
                    self.palette_search(&mut p);
                    self.overlay = Overlay::Palette(p);
                }
            }
            (_, Input::Filter) => {
                self.cursor = apply(&mut self.query);
                self.refilter();
                self.preview();
            }
            (_, Input::Search) => {
                self.cursor = apply(&mut self.search.query);
                self.run_search();
            }
            (_, Input::PeopleFilter) => {
                self.cursor = apply(&mut self.people.query);
                self.refresh_people();
            }
            (_, Input::HelpFilter) => self.cursor = apply(&mut self.help_query),
            _ => {}
        }
    }

    fn submit(&mut self) {
        if let Overlay::Palette(p) = &self.overlay {
            let target = p.hits.get(p.selected).map(|h| h.0);
            self.overlay = Overlay::None;
            match target {
                Some(Target::Article(a)) => {
                    self.remember();
                    if !self.rows.contains(&a) {
                        self.query.clear();
                        self.refilter();
                    }
                    self.select_article(Some(a));
                    self.open_article(a, None);
                    self.focus = Focus::Reader;
                }
                Some(Target::Person(pid)) => {
                    self.remember();
                    self.focus = Focus::People;
                    self.people.query.clear();
                    self.refresh_people();
                    self.people.selected = self.people.rows.iter().position(|&r| r == pid).unwrap_or(0);
                    self.show_person(pid);
                }
                None => {}
            }
            return;
        }
        if let Overlay::Choose(ch) = &self.overlay {
            let t = ch.targets.get(ch.selected).copied();
            self.overlay = Overlay::None;
            if let Some((a, q)) = t {
                self.go_to_quote(a, q);
            }
            return;
        }
        match self.input {
            Input::Filter => {
                self.input = Input::None;
                self.focus = Focus::List;
                if self.rows.is_empty() {
                    self.message = Some(format!("no article matches {:?}", self.query));
                }
            }
            Input::Search => {
                self.input = Input::None;
                if self.search.hits.is_empty() && !self.search.query.is_empty() {
                    self.message = Some(format!("{:?} not found", self.search.query));
                }
            }
            Input::PeopleFilter | Input::HelpFilter => self.input = Input::None,
            Input::None => {}
        }
    }

    fn cancel(&mut self) {
        if matches!(self.overlay, Overlay::Palette(_) | Overlay::Choose(_)) {
            self.overlay = Overlay::None;
            return;
        }
        match self.input {
            Input::Filter => {
                self.input = Input::None;
                self.query.clear();
                self.refilter_keeping_selection();
            }
            Input::Search => {
                self.input = Input::None;
                self.search = Search::default();
            }
            Input::PeopleFilter => {
                self.input = Input::None;
                self.people.query.clear();
                self.refresh_people();
            }
            Input::HelpFilter => {
                self.input = Input::None;
                self.help_query.clear();
            }
            Input::None => {}
        }
    }

    // ---------- list ----------

    pub fn selected_article(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// The article the keys act on: the open one in the reader, else the selected one.
    fn current_article(&self) -> Option<usize> {
        if self.focus == Focus::Reader {
            self.open.or(self.selected_article())
        } else {
            self.selected_article()
        }
    }

    fn select_article(&mut self, a: Option<usize>) {
        if let Some(i) = a.and_then(|a| self.rows.iter().position(|&r| r == a)) {
            self.selected = i;
        } else {
            self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        }
        self.keep_selection_visible();
    }

    /// Re-run the filter and sort, keeping the selected article selected if it is still
    /// shown.
    fn refilter_keeping_selection(&mut self) {
        let keep = self.selected_article();
        self.refilter();
        self.select_article(keep);
    }

    /// Re-run the filter and sort.
    pub fn refilter(&mut self) {
        let q = Query::parse(&self.query);
        let hits = self.filter.run(&self.items, &q);
        let mut rows: Vec<usize> = hits.iter().map(|h| h.item).collect();
        rows.retain(|&a| {
            (!self.hide_read || !self.read[a] || Some(a) == self.open) && (!self.starred_only || self.starred[a])
        });
        if q.pattern.is_empty() {
            let arts = &self.corpus.articles;
            match self.sort {
                // newest first; undated last
                Sort::Date => rows.sort_by(|&a, &b| arts[b].meta.date.cmp(&arts[a].meta.date).then(a.cmp(&b))),
                Sort::Source => rows.sort_by(|&a, &b| {
                    let sa = arts[a].meta.source.as_deref().unwrap_or("\u{10ffff}");
                    let sb = arts[b].meta.source.as_deref().unwrap_or("\u{10ffff}");
                    sa.to_lowercase()
                        .cmp(&sb.to_lowercase())
                        .then(arts[b].meta.date.cmp(&arts[a].meta.date))
                        .then(a.cmp(&b))
                }),
                Sort::Title => rows.sort_by(|&a, &b| {
                    arts[a]
                        .meta
                        .title
                        .to_lowercase()
                        .cmp(&arts[b].meta.title.to_lowercase())
                        .then(a.cmp(&b))
                }),
            }
        }
        self.rows = rows;
        self.selected = 0;
        self.list_offset = 0;
        self.highlights.clear();
        self.compute_highlights();
    }

    /// Matched positions for the rows in view (the view only draws them).
    pub fn compute_highlights(&mut self) {
        let q = Query::parse(&self.query);
        if q.pattern.is_empty() {
            self.highlights.clear();
            return;
        }
        let h = self.body_height();
        for &a in self.rows.iter().skip(self.list_offset).take(h) {
            if !self.highlights.contains_key(&a) {
                let title = &self.corpus.articles[a].meta.title;
                let idx = self.filter.indices(title, &q.pattern);
                self.highlights.insert(a, idx);
            }
        }
    }

    fn keep_selection_visible(&mut self) {
        let h = self.body_height();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + h {
            self.list_offset = self.selected + 1 - h;
        }
        self.compute_highlights();
    }

    /// Moving in the list previews the article in the reader.
    fn preview(&mut self) {
        if self.narrow() {
            return;
        }
        if let Some(a) = self.selected_article()
            && self.open != Some(a)
        {
            self.open_article_quietly(a);
        }
    }

    fn ensure_open(&mut self) {
        if let Some(a) = self.selected_article() {
            if self.open != Some(a) {
                self.open_article(a, None);
            } else if self.mark_read_on_open && !self.read[a] {
                self.read[a] = true;
                self.persist(a);
            }
        }
    }

    // ---------- reader ----------

    fn open_article_quietly(&mut self, a: usize) {
        self.save_position();
        if let Some(old) = self.open.filter(|&o| o != a) {
            self.persist(old);
        }
        self.open = Some(a);
        self.search = Search::default();
        self.link_selected = None;
        self.target = None;
        self.relayout();
        self.scroll = match (self.positions.get(&a), self.stored_positions.get(&a)) {
            (Some(&s), _) => s,
            (None, Some(&anchor)) => self.layout.line_for(anchor),
            _ => 0,
        }
        .min(self.max_scroll());
        self.save_position();
        self.opened_at = Some((a, self.scroll));
    }

    /// Open article `a` in the reader (marking it read), at a quote if given.
    pub fn open_article(&mut self, a: usize, quote: Option<usize>) {
        self.open_article_quietly(a);
        if self.mark_read_on_open && !self.read[a] {
            self.read[a] = true;
            self.persist(a);
        }
        if let Some(q) = quote {
            self.target = Some((a, q));
            self.relayout();
            if let Some(start) = self.index.quotes.get(a).and_then(|qs| qs.get(q)).map(|q| q.start) {
                let line = self.layout.line_of(start);
                self.scroll = line.saturating_sub(2).min(self.max_scroll());
                self.save_position();
            }
        }
    }

    fn save_position(&mut self) {
        if let Some(a) = self.open {
            self.positions.insert(a, self.scroll);
        }
    }

    pub fn max_scroll(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.body_height().max(1))
    }

    fn relayout(&mut self) {
        let Some(a) = self.open else {
            self.layout = Layout::default();
            self.links.clear();
            return;
        };
        let width = self.reader_width();
        // the search match in use, by its place in the article, to find it again
        let current_hit = self
            .search
            .hits
            .get(self.search.current)
            .and_then(|&(li, s, _)| Some((self.layout.lines.get(li)?.src? + s, li)));
        self.links = self.linked_people(a);
        let starred: Vec<usize> = self.starred_quotes.iter().filter(|x| x.0 == a).map(|x| x.1).collect();
        let extra = layout::Extras {
            links: &self.links,
            selected_link: self.link_selected,
            target: self.target.filter(|t| t.0 == a).map(|t| t.1),
            starred: &starred,
        };
        self.layout = layout::layout(
            &self.corpus.articles[a],
            a,
            Some(&self.index),
            &self.corpus,
            width,
            &extra,
        );
        if !self.search.query.is_empty() {
            let scroll = self.scroll;
            self.run_search();
            if let Some((byte, _)) = current_hit
                && let Some(k) = self
                    .search
                    .hits
                    .iter()
                    .position(|&(li, s, _)| self.layout.lines[li].src.map(|src| src + s) == Some(byte))
            {
                self.search.current = k;
                self.scroll = scroll; // the caller places the screen
            }
        }
    }

    /// People quoted in article `a` who are quoted in other articles too, in order.
    fn linked_people(&self, a: usize) -> Vec<PersonId> {
        self.index
            .people_in(a)
            .into_iter()
            .filter(|&p| self.index.people[p].articles.len() >= 2)
            .collect()
    }

    fn link_line(&self, i: usize) -> Option<usize> {
        let marker = format!("[{}]", i + 1);
        self.layout
            .lines
            .iter()
            .position(|l| l.src.is_none() && l.text.contains(&marker))
    }

    fn scroll_to_show(&mut self, line: usize) {
        let h = self.body_height();
        if line < self.scroll || line >= self.scroll + h {
            self.scroll = line.saturating_sub(h / 3).min(self.max_scroll());
        }
    }

    /// After anything but a resize: when the reader's scroll moved (or another article
    /// opened), the article byte at the top of the screen becomes the place to keep.
    fn settle_top(&mut self) {
        let now = (self.open, self.scroll);
        if now == self.settled {
            return;
        }
        self.settled = now;
        // the first text line at or below the top, and how many lines (a blank, a note)
        // stand above it on screen
        self.top_byte = match self.open {
            Some(_) if self.scroll > 0 => self
                .layout
                .lines
                .iter()
                .enumerate()
                .skip(self.scroll)
                .find_map(|(i, l)| Some((l.src?, i - self.scroll))),
            _ => None,
        };
    }

    /// A resize keeps the place: the line holding the byte that was at the top comes back
    /// to the top (clamped while the screen is too big to scroll, restored when it shrinks).
    fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if self.open.is_some() && self.layout.width != self.reader_width() {
            self.relayout();
        }
        self.scroll = match (self.open, self.top_byte) {
            (Some(_), Some((b, above))) => self.layout.line_of(b).saturating_sub(above),
            (Some(_), None) => 0,
            (None, _) => self.scroll,
        }
        .min(self.max_scroll());
        self.settled = (self.open, self.scroll);
        self.keep_selection_visible();
        self.save_position();
    }

    fn run_search(&mut self) {
        self.search.hits.clear();
        self.search.current = 0;
        let q = self.search.query.to_lowercase();
        if q.is_empty() {
            return;
        }
        for (li, line) in self.layout.lines.iter().enumerate() {
            let lower = line.text.to_lowercase();
            if lower.len() != line.text.len() {
                // case folding changed lengths: match exactly instead
                for (s, _) in line.text.match_indices(&self.search.query) {
                    self.search.hits.push((li, s, s + self.search.query.len()));
                }
                continue;
            }
            for (s, _) in lower.match_indices(&q) {
                self.search.hits.push((li, s, s + q.len()));
            }
        }
        // the first hit at or after the top of the screen
        self.search.current = self.search.hits.iter().position(|h| h.0 >= self.scroll).unwrap_or(0);
        if let Some(&(line, _, _)) = self.search.hits.get(self.search.current) {
            self.scroll_to_show(line);
        }
    }

    fn search_step(&mut self, forward: bool) {
        let n = self.search.hits.len();
        if n == 0 {
            self.message = Some(if self.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                format!("{:?} not found", self.search.query)
            });
            return;
        }
        self.search.current = if forward {
            (self.search.current + 1) % n
        } else {
            (self.search.current + n - 1) % n
        };
        let line = self.search.hits[self.search.current].0;
        self.scroll_to_show(line);
        self.save_position();
    }

    /// Star (or unstar) the first quote shown in the reader.
    /// The quote `b` stars: one on screen — the quote a link landed on, else the first
    /// that starts on screen, else one running through the top line.
    fn quote_on_screen(&self, a: usize) -> Option<usize> {
        let visible: Vec<&layout::Line> = self
            .layout
            .lines
            .iter()
            .skip(self.scroll)
            .take(self.body_height().max(1))
            .collect();
        let top = visible.iter().find_map(|l| l.src)?;
        let bottom = visible.iter().rev().find_map(|l| l.src.map(|s| s + l.text.len()))?;
        let quotes = &self.index.quotes[a];
        let shown = |q: &crate::quotes::Quote| q.kind != crate::quotes::QuoteKind::Scare;
        if let Some((ta, tq)) = self.target
            && ta == a
            && quotes
                .get(tq)
                .is_some_and(|q| shown(q) && q.start < bottom && q.end > top)
        {
            return Some(tq);
        }
        quotes
            .iter()
            .position(|q| shown(q) && q.start >= top && q.start < bottom)
            .or_else(|| quotes.iter().position(|q| shown(q) && q.start < top && q.end > top))
    }

    fn star_quote(&mut self) {
        let Some(a) = self.open else { return };
        let Some(qi) = self.quote_on_screen(a) else {
            self.message = Some("no quote on screen".into());
            return;
        };
        let starred = !self.starred_quotes.contains(&(a, qi));
        if starred {
            self.starred_quotes.insert((a, qi));
        } else {
            self.starred_quotes.remove(&(a, qi));
        }
        let q = &self.index.quotes[a][qi];
        let text = crate::corpus::clean::collapse(&self.corpus.articles[a].text[q.start..q.end]);
        let speaker = self.index.speaker_of(a, qi).map(|p| self.index.people[p].name.clone());
        let who = speaker.clone().unwrap_or_else(|| "unattributed".into());
        if let Some(key) = self.keys.get(a).cloned()
            && let Some(store) = &mut self.store
        {
            let k = crate::state::quote_key(&key, q.start, q.end);
            store.update_quote(&k, |s| {
                s.starred = starred;
                s.text = text;
                s.speaker = speaker;
            });
        }
        self.message = Some(if starred {
            format!("starred a quote by {who}")
        } else {
            "quote unstarred".into()
        });
        self.relayout(); // its ★
    }

    /// Open the next unread article in the list after the current one (wrapping round).
    fn next_unread(&mut self) {
        let n = self.rows.len();
        // after the open article; from the selection itself when nothing is open yet
        let cur = self.open.and_then(|a| self.rows.iter().position(|&r| r == a));
        let start = cur.map_or_else(|| self.selected.min(n.saturating_sub(1)), |i| i + 1);
        let next = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| !self.read[self.rows[i]] && Some(i) != cur);
        match next {
            Some(i) => {
                self.selected = i;
                self.keep_selection_visible();
                self.open_article(self.rows[i], None);
                self.focus = Focus::Reader;
            }
            None => self.message = Some("no unread articles left".into()),
        }
    }

    fn copy_quote(&mut self) {
        let Some(a) = self.open else {
            self.message = Some("open an article to copy a quote".into());
            return;
        };
        let Some(qi) = self.quote_on_screen(a) else {
            self.message = Some("no quote on screen".into());
            return;
        };
        let q = &self.index.quotes[a][qi];
        let text = crate::corpus::clean::collapse(&self.corpus.articles[a].text[q.start..q.end]);
        let who = self.index.speaker_of(a, qi).map(|p| self.index.people[p].name.clone());
        let source = self.corpus.articles[a].source_or_folder().unwrap_or("").to_string();
        let copied = match who {
            Some(w) if source.is_empty() => format!("{text} — {w}"),
            Some(w) => format!("{text} — {w} ({source})"),
            None => text,
        };
        self.message = Some(format!("copied: {}", crate::text::truncate(&copied, 60)));
        self.clipboard = Some(copied);
    }

    fn copy_url(&mut self) {
        let Some(a) = self.current_article() else { return };
        let art = &self.corpus.articles[a];
        let url = art.meta.url.clone().unwrap_or_else(|| art.path.clone());
        self.message = Some(format!("copied {url}"));
        self.clipboard = Some(url);
    }

    /// Every starred quote, to pick one and go there.
    fn starred_quotes_view(&mut self) {
        let mut targets: Vec<(usize, usize)> = self.starred_quotes.iter().copied().collect();
        targets.sort_unstable();
        if targets.is_empty() {
            let key = self
                .keymap
                .hint(Context::Reader, Command::StarQuote)
                .unwrap_or_default();
            self.message = Some(format!("no starred quotes yet ({key} in the reader stars one)"));
            return;
        }
        let labels = targets
            .iter()
            .map(|&(a, q)| {
                let qt = &self.index.quotes[a][q];
                let who = self.index.speaker_of(a, q).map_or_else(
                    || qt.mention.clone().unwrap_or_default(),
                    |p| self.index.people[p].name.clone(),
                );
                let text = crate::corpus::clean::collapse(&self.corpus.articles[a].text[qt.start..qt.end]);
                format!("★ {who}: {text}")
            })
            .collect();
        self.overlay = Overlay::Choose(Chooser {
            title: format!("Starred quotes ({})", targets.len()),
            targets,
            selected: 0,
            labels,
        });
    }

    // ---------- links and history ----------

    fn follow(&mut self, i: usize) {
        let Some(a) = self.open else { return };
        let Some(&pid) = self.links.get(i) else {
            self.message = Some(format!("no link [{}] here", i + 1));
            return;
        };
        let p = &self.index.people[pid];
        // in each other article: the quote reporting the same statement as one here, if
        // any, else their first quote there
        let same_statement = |other: usize| {
            p.quotes.iter().filter(|q| q.0 == a).find_map(|&(qa, qq)| {
                self.index
                    .links
                    .statement_of(qa, qq)
                    .and_then(|st| st.quotes.iter().find(|x| x.0 == other).copied())
            })
        };
        let targets: Vec<(usize, usize)> = p
            .articles
            .iter()
            .filter(|&&other| other != a)
            .filter_map(|&other| same_statement(other).or_else(|| p.quotes.iter().find(|q| q.0 == other).copied()))
            .collect();
        match targets.as_slice() {
            [] => self.message = Some("nowhere else to go".into()),
            [one] => self.go_to_quote(one.0, one.1),
            _ => {
                self.overlay = Overlay::Choose(Chooser {
                    title: format!("{} is also quoted in", p.name),
                    targets,
                    selected: 0,
                    labels: vec![],
                });
            }
        }
    }

    /// Open article `a` at quote `q`, remembering where we were.
    pub fn go_to_quote(&mut self, a: usize, q: usize) {
        self.remember();
        if !self.rows.contains(&a) {
            self.query.clear();
            self.refilter();
        }
        self.select_article(Some(a));
        self.focus = Focus::Reader;
        self.open_article(a, Some(q));
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            focus: self.focus,
            open: self.open,
            scroll: self.scroll,
            selected_article: self.selected_article(),
            query: self.query.clone(),
            person: self.people.person,
            people_selected: self.people.selected,
            target: self.target,
            link_selected: self.link_selected,
        }
    }

    fn remember(&mut self) {
        let s = self.snapshot();
        if self.back.last() != Some(&s) {
            self.back.push(s);
        }
        self.forward.clear();
    }

    fn restore(&mut self, s: Snapshot) {
        if self.query != s.query {
            self.query = s.query.clone();
            self.refilter();
        }
        self.select_article(s.selected_article);
        self.people.person = s.person;
        if let Some(p) = s.person {
            self.show_person(p);
        }
        self.people.selected = s.people_selected;
        if let Some(a) = s.open {
            self.open_article_quietly(a);
        } else {
            self.open = None;
            self.relayout();
        }
        self.target = s.target;
        self.link_selected = s.link_selected.filter(|&i| i < self.links.len());
        self.relayout();
        self.scroll = s.scroll.min(self.max_scroll());
        self.save_position();
        self.focus = s.focus;
    }

    fn history_back(&mut self) -> bool {
        let Some(s) = self.back.pop() else {
            self.message = Some("nothing to go back to".into());
            return true;
        };
        self.forward.push(self.snapshot());
        self.restore(s);
        true
    }

    fn history_forward(&mut self) -> bool {
        let Some(s) = self.forward.pop() else {
            self.message = Some("nothing to go forward to".into());
            return true;
        };
        self.back.push(self.snapshot());
        self.restore(s);
        true
    }

    // ---------- people ----------

    pub fn refresh_people(&mut self) {
        let q = self.people.query.to_lowercase();
        let m = Filter::default();
        let mut rows: Vec<(PersonId, i64)> = Vec::new();
        // a match in the name beats one in an alias; a whole word or a run of letters
        // ("fox" in "Liam Fox") beats letters scattered through a name ("IAAF Indoor… Prix")
        const IN_NAME: i64 = 1_000_000;
        const AS_RUN: i64 = 100_000;
        for (pid, p) in self.index.people.iter().enumerate() {
            if q.is_empty() {
                rows.push((pid, 0));
                continue;
            }
            let name = p.name.to_lowercase();
            let run = |s: &str| if s.contains(&q) { AS_RUN } else { 0 };
            let in_name = m.score(&p.name, &q).map(|sc| IN_NAME + run(&name) + sc);
            let in_alias = p
                .aliases
                .iter()
                .filter_map(|a| m.score(a, &q).map(|sc| run(&a.to_lowercase()) + sc))
                .max();
            if let Some(score) = in_name.or(in_alias) {
                rows.push((pid, score));
            }
        }
        if !q.is_empty() {
            rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        self.people.rows = rows.into_iter().map(|r| r.0).collect();
        self.people.selected = 0;
        self.people.offset = 0;
    }

    fn show_person(&mut self, pid: PersonId) {
        self.people.person = Some(pid);
        let p = &self.index.people[pid];
        self.people.quote_rows = p
            .quotes
            .iter()
            .copied()
            .filter(|&(a, q)| self.index.quotes[a][q].kind != crate::quotes::QuoteKind::Scare)
            .collect();
        self.people.quote_selected = 0;
        self.people.quote_offset = 0;
    }

    fn people_open(&mut self) {
        match self.people.person {
            None => {
                if let Some(&pid) = self.people.rows.get(self.people.selected) {
                    self.remember();
                    self.show_person(pid);
                }
            }
            Some(_) => {
                if let Some(&(a, q)) = self.people.quote_rows.get(self.people.quote_selected) {
                    self.go_to_quote(a, q);
                }
            }
        }
    }

    // ---------- palette ----------

    fn palette_search(&self, p: &mut Palette) {
        let m = Filter::default();
        let mut hits: Vec<(i64, Target, Vec<usize>)> = Vec::new();
        let q = p.query.trim();
        for (pid, person) in self.index.people.iter().enumerate() {
            if q.is_empty() {
                continue;
            }
            let ix = m.indices(&person.name, q);
            if !ix.is_empty() {
                hits.push((score(&ix) + 5, Target::Person(pid), ix));
            }
        }
        // the articles shown first, then the rest
        let mut shown = vec![false; self.corpus.articles.len()];
        for &a in &self.rows {
            shown[a] = true;
        }
        let rest: Vec<usize> = (0..shown.len()).filter(|&a| !shown[a]).collect();
        for &a in self.rows.iter().chain(&rest) {
            let title = &self.corpus.articles[a].meta.title;
            if q.is_empty() {
                hits.push((0, Target::Article(a), vec![]));
                if hits.len() >= 200 {
                    break;
                }
                continue;
            }
            let ix = m.indices(title, q);
            if !ix.is_empty() {
                hits.push((score(&ix), Target::Article(a), ix));
            }
        }
        if !q.is_empty() {
            hits.sort_by_key(|h| std::cmp::Reverse(h.0));
        }
        hits.truncate(200);
        p.hits = hits.into_iter().map(|h| (h.1, h.2)).collect();
        p.selected = 0;
    }

    // ---------- mouse ----------

    fn click(&mut self, col: u16, row: u16) -> bool {
        let in_list = !self.narrow() && col < self.list_width() || self.narrow() && self.focus == Focus::List;
        if row == 0 || row + 1 >= self.size.1 {
            return false;
        }
        if in_list && matches!(self.overlay, Overlay::None) {
            let i = self.list_offset + row as usize - 1;
            if i < self.rows.len() {
                self.focus = Focus::List;
                self.selected = i;
                self.keep_selection_visible();
                self.preview();
                return true;
            }
        } else if (!self.narrow() || self.focus == Focus::Reader) && matches!(self.overlay, Overlay::None) {
            // a click on a "[N]" link follows it
            if self.focus == Focus::Reader
                && let Some(n) = self.link_at_row(row)
            {
                self.link_selected = Some(n);
                self.follow(n);
                return true;
            }
            self.focus = Focus::Reader;
            self.ensure_open();
            return true;
        }
        false
    }

    /// The link number (0-based) of the "[N]" marker on screen row `row` of the reader.
    fn link_at_row(&self, row: u16) -> Option<usize> {
        self.open?;
        let line = self.layout.lines.get(self.scroll + row as usize - 1)?;
        let &(s, e, _) = line
            .marks
            .iter()
            .find(|m| matches!(m.2, layout::Mark::Link | layout::Mark::LinkSelected))?;
        let n: usize = line
            .text
            .get(s..e)?
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .ok()?;
        (n >= 1 && n <= self.links.len()).then(|| n - 1)
    }

    fn wheel(&mut self, col: u16, _row: u16, down: bool) -> bool {
        let over_list = !self.narrow() && col < self.list_width();
        let saved = self.focus;
        self.focus = if over_list {
            Focus::List
        } else if self.narrow() {
            saved
        } else {
            Focus::Reader
        };
        if self.focus == Focus::Reader {
            for _ in 0..3 {
                self.motion(if down { Command::Down } else { Command::Up });
            }
        } else {
            self.motion(if down { Command::Down } else { Command::Up });
        }
        self.focus = saved;
        true
    }

    // ---------- status ----------

    /// "45%" of the open article shown.
    pub fn percent(&self) -> usize {
        let max = self.max_scroll();
        (self.scroll * 100).checked_div(max).unwrap_or(100)
    }

    pub fn unread(&self) -> usize {
        self.read.iter().filter(|r| !**r).count()
    }

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

/// One filter item per article: title, source, author and the people quoted.
fn filter_items(corpus: &Corpus, index: &Index) -> Vec<Item> {
    corpus
        .articles
        .iter()
        .enumerate()
        .map(|(ai, a)| {
            let quoted = index.people_in(ai);
            let people: Vec<String> = quoted.iter().map(|&p| index.people[p].name.clone()).collect();
            let hay = format!(
                "{} {} {} {}",
                a.meta.title,
                a.source_or_folder().unwrap_or(""),
                a.meta.author.as_deref().unwrap_or(""),
                people.join(" ")
            );
            let mut names = people;
            for &p in &quoted {
                names.extend(index.people[p].aliases.iter().cloned());
            }
            Item::new(hay, a.source_or_folder().unwrap_or(""), names)
        })
        .collect()
}

fn score(ix: &[usize]) -> i64 {
    // earlier and tighter matches first
    let first = ix.first().copied().unwrap_or(0) as i64;
    let spread = ix.last().copied().unwrap_or(0) as i64 - first;
    1000 - first * 4 - spread
}

fn step(cur: usize, n: usize, c: Command, page: usize) -> usize {
    let last = n.saturating_sub(1);
    match c {
        Command::Down => (cur + 1).min(last),
        Command::Up => cur.saturating_sub(1),
        Command::Top => 0,
        Command::Bottom => last,
        Command::PageDown | Command::HalfDown => (cur + page.max(1)).min(last),
        Command::PageUp | Command::HalfUp => cur.saturating_sub(page.max(1)),
        _ => cur,
    }
}

/// (context, keys, description) for every binding, in keymap order, plus the fixed keys of
/// text input.
pub fn help_rows(keymap: &Keymap) -> Vec<(String, String, String)> {
    let mut rows: Vec<(String, String, String)> = keymap
        .bindings
        .iter()
        .map(|b| {
            (
                b.context.name().to_string(),
                b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                b.desc.clone(),
            )
        })
        .collect();
    rows.push(("reader".into(), "1…9".into(), "Follow link number N".into()));
    rows.push(("input".into(), "Enter".into(), "Keep the filter or search".into()));
    rows.push(("input".into(), "Esc".into(), "Clear it".into()));
    rows
}
