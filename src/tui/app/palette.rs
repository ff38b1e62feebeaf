//! Overlays: the jump palette, the help and the chooser.

use super::*;

#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub query: String,
    pub hits: Vec<(Target, Vec<usize>)>,
    pub selected: usize,
}

/// A list of quotes to pick one from: where a followed link can land, starred quotes.
#[derive(Debug, Clone, Default)]
pub struct Chooser {
    pub title: String,
    pub targets: Vec<QuoteRef>,
    pub selected: usize,
    /// What each row says, when not the article's title and byline (starred quotes show
    /// the quote).
    pub labels: Vec<String>,
}

/// The search overlay: a query over every article's text, and its ranked results.
#[derive(Debug, Clone, Default)]
pub struct Find {
    pub query: String,
    pub hits: Vec<crate::search::Hit>,
    pub selected: usize,
    /// Why there are no results (a bad query, the index still being built).
    pub note: Option<String>,
}

/// A search over every article running on a worker for the search overlay.
pub(super) struct FindJob {
    pub(super) rx: std::sync::mpsc::Receiver<Result<Vec<crate::search::Hit>, String>>,
    /// The row to keep selected when the answer comes (the index changed, not the query).
    pub(super) keep: Option<usize>,
}

impl App {
    pub(super) fn palette_search(&self, p: &mut Palette) {
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
        for &a in &self.list.rows {
            shown[a] = true;
        }
        let rest: Vec<usize> = (0..shown.len()).filter(|&a| !shown[a]).collect();
        for &a in self.list.rows.iter().chain(&rest) {
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
                continue;
            }
            // "osborne", "independent": the article's author or source, ranked after titles
            let art = &self.corpus.articles[a];
            let other = [art.meta.author.as_deref(), art.source_or_folder()]
                .into_iter()
                .flatten()
                .map(|s| m.indices(s, q))
                .filter(|ix| !ix.is_empty())
                .map(|ix| score(&ix))
                .max();
            if let Some(sc) = other {
                hits.push((sc - 10, Target::Article(a), vec![]));
            }
        }
        if !q.is_empty() {
            hits.sort_by_key(|h| std::cmp::Reverse(h.0));
        }
        hits.truncate(200);
        p.hits = hits.into_iter().map(|h| (h.1, h.2)).collect();
        p.selected = 0;
    }

    /// Open the search overlay, empty.
    pub(super) fn open_find(&mut self) {
        let mut f = Find::default();
        self.find_search(&mut f, None);
        self.ui.overlay = Overlay::Find(f);
    }

    /// Run the overlay's query over the search index, on a worker: the rows shown stay
    /// until it answers ([`App::take_answers`]). What needs no index (a query that does
    /// not parse, the index still being built) is said at once. `keep`: the row to keep
    /// selected.
    pub(super) fn find_search(&mut self, f: &mut Find, keep: Option<usize>) {
        self.ui.find_job = None; // (the answer to what was typed before is not wanted)
        let said = |f: &mut Find, note: Option<String>| {
            f.hits.clear();
            f.selected = 0;
            f.note = note;
        };
        let typed = f.query.trim();
        let q = match crate::search::Query::parse(typed) {
            Ok(q) => q,
            Err(e) => return said(f, Some(format!("{e:#}"))),
        };
        let Some(h) = &self.background.search_index else {
            let why = match (self.background.search_progress, &self.background.search_unavailable) {
                (_, Some(why)) => why.clone(),
                (Some((done, of)), _) => format!("the search index is being built: {done} of {of} articles"),
                (None, _) => "the search index is being built".into(),
            };
            return said(f, Some(why));
        };
        if q.is_empty() {
            let note = (!typed.is_empty()).then(|| "give words, \"a phrase\" or @person as well".to_string());
            return said(f, note);
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let (h, corpus, wake) = (h.clone(), self.corpus.clone(), self.background.wake.clone());
        std::thread::spawn(move || {
            let found = h.index.search(&corpus, &q, FIND_LIMIT).map_err(|e| format!("{e:#}"));
            if tx.send(found).is_ok()
                && let Some(wake) = wake
            {
                wake();
            }
        });
        self.ui.find_job = Some(FindJob { rx, keep });
    }

    /// The search worker's answer, into the open overlay.
    pub(super) fn take_found(&mut self, found: Result<Vec<crate::search::Hit>, String>, keep: Option<usize>) {
        let Overlay::Find(f) = &mut self.ui.overlay else { return };
        f.note = None;
        match found {
            Ok(hits) => {
                if hits.is_empty() {
                    f.note = Some("no article matches".into());
                }
                f.hits = hits;
            }
            Err(e) => {
                f.hits.clear();
                f.note = Some(e);
            }
        }
        f.selected = keep.unwrap_or(0).min(f.hits.len().saturating_sub(1));
    }

    /// Open article `a` in the reader from an overlay, remembering where the reader was
    /// (the filter is cleared if it hides the article).
    pub(super) fn jump_to_article(&mut self, a: usize) {
        self.remember();
        if !self.list.rows.contains(&a) {
            self.list.query.clear();
            self.refilter();
        }
        self.select_article(Some(a));
        self.open_article(a, None);
        self.focus = Focus::Reader;
    }

    /// Open article `a` with the in-article search on `terms`, at its first match.
    pub(super) fn open_at_terms(&mut self, a: usize, terms: Vec<String>) {
        self.jump_to_article(a);
        self.reader.search = Search {
            query: terms.join(" "),
            terms,
            ..Search::default()
        };
        self.reader.scroll = 0;
        self.run_search();
        self.reader.save_position();
    }

    pub(super) fn open_palette(&mut self) {
        let mut p = Palette::default();
        self.palette_search(&mut p);
        self.ui.overlay = Overlay::Palette(p);
    }

    /// A command while an overlay is open: it scrolls or moves in the overlay, or closes it.
    pub(super) fn overlay_command(&mut self, c: Command) -> bool {
        match &mut self.ui.overlay {
            Overlay::Help { scroll } => {
                let n = self.ui.help_rows.len();
                let last = n.saturating_sub(1);
                match c {
                    Command::Down => *scroll = (*scroll + 1).min(last),
                    Command::Up => *scroll = scroll.saturating_sub(1),
                    Command::PageDown | Command::HalfDown => *scroll = (*scroll + 10).min(last),
                    Command::PageUp | Command::HalfUp => *scroll = scroll.saturating_sub(10),
                    Command::Top => *scroll = 0,
                    Command::Bottom => *scroll = last,
                    Command::Filter => self.ui.input = Input::HelpFilter,
                    Command::Quit => self.quit = true,
                    Command::Help | Command::Back => {
                        self.ui.overlay = Overlay::None;
                        self.ui.help_query.clear();
                    }
                    _ => return false,
                }
            }
            Overlay::Palette(p) => match c {
                Command::Down => p.selected = (p.selected + 1).min(p.hits.len().saturating_sub(1)),
                Command::Up => p.selected = p.selected.saturating_sub(1),
                Command::Quit => self.quit = true,
                _ => return false,
            },
            Overlay::Find(f) => match c {
                Command::Down => f.selected = (f.selected + 1).min(f.hits.len().saturating_sub(1)),
                Command::Up => f.selected = f.selected.saturating_sub(1),
                Command::Quit => self.quit = true,
                _ => return false,
            },
            Overlay::Choose(ch) => match c {
                Command::Down => ch.selected = (ch.selected + 1).min(ch.targets.len().saturating_sub(1)),
                Command::Up => ch.selected = ch.selected.saturating_sub(1),
                Command::Top => ch.selected = 0,
                Command::Bottom => ch.selected = ch.targets.len().saturating_sub(1),
                Command::Open => self.submit(),
                Command::Back | Command::Quit => self.ui.overlay = Overlay::None,
                _ => return false,
            },
            Overlay::None => return false,
        }
        true
    }
}

/// Results the search overlay shows.
const FIND_LIMIT: usize = 100;

pub(super) fn score(ix: &[usize]) -> i64 {
    // earlier and tighter matches first
    let first = ix.first().copied().unwrap_or(0) as i64;
    let spread = ix.last().copied().unwrap_or(0) as i64 - first;
    1000 - first * 4 - spread
}
