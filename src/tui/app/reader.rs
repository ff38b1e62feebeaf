//! The reader: the open article's layout, scrolling, resize anchoring, in-article search,
//! starring and copying the quote on screen.

use super::*;

/// The open article: its layout, place, in-article search and links.
pub struct ReaderPane {
    pub open: Option<usize>,
    pub layout: Layout,
    /// The worker laying out a big open article, while it works.
    pub(super) layout_job: Option<LayoutJob>,
    /// The body of the big article last laid out on a worker, read once for all its layouts.
    pub(super) layout_body: Option<BodySlot>,
    pub scroll: usize,
    pub search: Search,
    /// Linked people of the open article, numbered from 1 in the order shown.
    pub links: Vec<PersonId>,
    pub link_selected: Option<usize>,
    /// The quote a followed link landed on.
    pub target: Option<QuoteRef>,
    /// Scroll position per article, restored on reopening.
    pub positions: HashMap<usize, usize>,
    /// The article byte at the top of the reader, as the reader last placed it (None: the
    /// top of the article); a resize brings it back.
    pub(super) top_byte: Option<(usize, usize)>,
    /// (open article, scroll) when `top_byte` was last taken.
    pub(super) settled: (Option<usize>, usize),
    /// The article last opened and the line it opened at.
    pub(super) opened_at: Option<(usize, usize)>,
}

impl ReaderPane {
    pub(super) fn link_line(&self, i: usize) -> Option<usize> {
        let marker = format!("[{}]", i + 1);
        self.layout
            .lines
            .iter()
            .position(|l| l.src.is_none() && l.text.contains(&marker))
    }

    /// The link number (0-based) of the "[N]" marker on screen row `row` of the reader.
    pub(super) fn link_at_row(&self, row: u16) -> Option<usize> {
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

    pub(super) fn save_position(&mut self) {
        // (a placeholder's scroll is no place in the article)
        if let Some(a) = self.open
            && self.layout.article == Some(a)
        {
            self.positions.insert(a, self.scroll);
        }
    }

    /// After anything but a resize: when the reader's scroll moved (or another article
    /// opened), the article byte at the top of the screen becomes the place to keep.
    pub(super) fn settle_top(&mut self) {
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

    pub(super) fn new() -> ReaderPane {
        ReaderPane {
            open: None,
            layout: Layout::default(),
            layout_job: None,
            layout_body: None,
            scroll: 0,
            search: Search::default(),
            links: Vec::new(),
            link_selected: None,
            target: None,
            positions: HashMap::new(),
            top_byte: None,
            settled: (None, 0),
            opened_at: None,
        }
    }
}

impl App {
    pub(super) fn open_article_quietly(&mut self, a: usize) {
        self.reader.save_position();
        if let Some(old) = self.reader.open.filter(|&o| o != a) {
            self.persist(old);
        }
        self.reader.open = Some(a);
        self.reader.search = Search::default();
        self.reader.link_selected = None;
        self.reader.target = None;
        self.relayout();
        let (line, anchor) = (
            self.reader.positions.get(&a).copied(),
            self.session.stored_positions.get(&a).copied(),
        );
        if self.reader.layout.article != Some(a) {
            self.reader.scroll = 0; // a placeholder shows
        }
        self.after_layout(move |app| {
            app.reader.scroll = match (line, anchor) {
                (Some(s), _) => s,
                (None, Some(anchor)) => app.reader.layout.line_for(anchor),
                _ => 0,
            }
            .min(app.max_scroll());
            app.reader.save_position();
            app.reader.opened_at = Some((a, app.reader.scroll));
        });
    }

    /// Open article `a` in the reader (marking it read), at a quote if given.
    pub fn open_article(&mut self, a: usize, quote: Option<usize>) {
        self.open_article_quietly(a);
        if self.list.mark_read_on_open && !self.list.read[a] {
            self.list.read[a] = true;
            self.persist(a);
        }
        if let Some(q) = quote {
            self.reader.target = Some(QuoteRef::new(a, q));
            self.relayout();
            if let Some(start) = self.index.quotes.get(a).and_then(|qs| qs.get(q)).map(|q| q.start) {
                self.after_layout(move |app| {
                    let line = app.reader.layout.line_of(start);
                    app.reader.scroll = line.saturating_sub(2).min(app.max_scroll());
                    app.reader.save_position();
                });
            }
        }
    }

    pub fn max_scroll(&self) -> usize {
        self.reader.layout.lines.len().saturating_sub(self.body_height().max(1))
    }

    pub(super) fn relayout(&mut self) {
        let Some(a) = self.reader.open else {
            self.reader.layout = Layout::default();
            self.reader.layout_job = None;
            self.reader.links.clear();
            return;
        };
        let width = self.reader_width();
        // the search match in use, by its place in the article, to find it again
        let current_hit = self
            .reader
            .search
            .hits
            .get(self.reader.search.current)
            .and_then(|&(li, s, _)| Some((self.reader.layout.lines.get(li)?.src? + s, li)));
        self.reader.links = self.linked_people(a);
        let starred: Vec<usize> = self
            .session
            .starred_quotes
            .iter()
            .filter(|x| x.article == a)
            .map(|x| x.quote)
            .collect();
        let target = self.reader.target.filter(|t| t.article == a).map(|t| t.quote);
        if self.corpus.articles[a].words >= BIG_ARTICLE_WORDS {
            self.relayout_on_worker(a, width, starred, target);
        } else {
            self.reader.layout_job = None;
            self.reader.layout_body = None;
            let extra = layout::Extras {
                links: &self.reader.links,
                selected_link: self.reader.link_selected,
                target,
                starred: &starred,
            };
            let body = self.corpus.body(a);
            self.reader.layout = layout::layout(
                &self.corpus.articles[a],
                body.as_deref().map_err(String::as_str),
                a,
                Some(&*self.index),
                &self.corpus,
                width,
                &extra,
                &std::sync::atomic::AtomicBool::new(false), // never cancelled
            )
            .unwrap_or_default();
        }
        if !self.reader.search.query.is_empty() {
            let (before, current) = (self.reader.search.hits.len(), self.reader.search.current);
            self.after_layout(move |app| app.find_search_again(before, current, current_hit));
        }
    }

    /// The search run again on a new layout of the same article, keeping the match in use.
    fn find_search_again(&mut self, before: usize, current: usize, current_hit: Option<(usize, usize)>) {
        let scroll = self.reader.scroll;
        self.run_search();
        // the same match: as many matches as before are the same ones in the same order
        // (a speaker line's match has no place in the article to find it by); else the
        // one at the same place, or (now across a line break) the next
        if before > 0 && self.reader.search.hits.len() == before {
            self.reader.search.current = current.min(before - 1);
            self.reader.scroll = scroll; // the caller places the screen
        } else if let Some((byte, _)) = current_hit
            && let Some(k) = self
                .reader
                .search
                .hits
                .iter()
                .position(|&(li, s, _)| self.reader.layout.lines[li].src.is_some_and(|src| src + s >= byte))
        {
            self.reader.search.current = k;
            self.reader.scroll = scroll; // the caller places the screen
        }
    }

    /// The reading position in the open article, as a place that survives a new layout:
    /// the stored one while only a placeholder shows.
    pub(super) fn reading_anchor(&self) -> Option<(usize, f64)> {
        let a = self.reader.open?;
        if self.reader.layout.article == Some(a) {
            self.reader.layout.anchor(self.reader.scroll)
        } else {
            self.session.stored_positions.get(&a).copied()
        }
    }

    pub(super) fn scroll_to_show(&mut self, line: usize) {
        let h = self.body_height();
        if line < self.reader.scroll || line >= self.reader.scroll + h {
            self.reader.scroll = line.saturating_sub(h / 3).min(self.max_scroll());
        }
    }

    /// A resize keeps the place: the line holding the byte that was at the top comes back
    /// to the top (clamped while the screen is too big to scroll, restored when it shrinks).
    pub(super) fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if self.people.person.is_some() && self.people.lines_width != w {
            self.build_person_lines();
        }
        if self.reader.open.is_some() && self.reader.laid_width() != self.reader_width() {
            self.relayout();
        }
        let top = (self.reader.open, self.reader.top_byte);
        self.after_layout(move |app| {
            app.reader.scroll = match top {
                (Some(_), Some((b, above))) => app.reader.layout.line_of(b).saturating_sub(above),
                (Some(_), None) => 0,
                (None, _) => app.reader.scroll,
            }
            .min(app.max_scroll());
            app.reader.settled = (app.reader.open, app.reader.scroll);
            app.reader.save_position();
        });
        self.keep_selection_visible();
    }

    pub(super) fn run_search(&mut self) {
        self.reader.search.hits.clear();
        self.reader.search.current = 0;
        let terms: Vec<String> = if self.reader.search.terms.is_empty() {
            vec![self.reader.search.query.clone()]
        } else {
            self.reader.search.terms.clone()
        };
        let terms: Vec<(String, String)> = terms
            .into_iter()
            .filter(|t| !t.is_empty())
            .map(|t| (t.to_lowercase(), t))
            .collect();
        if terms.is_empty() {
            return;
        }
        for (li, line) in self.reader.layout.lines.iter().enumerate() {
            let lower = line.text.to_lowercase();
            let first = self.reader.search.hits.len();
            for (q, as_typed) in &terms {
                if lower.len() != line.text.len() {
                    // case folding changed lengths: match exactly instead
                    for (s, _) in line.text.match_indices(as_typed.as_str()) {
                        self.reader.search.hits.push((li, s, s + as_typed.len()));
                    }
                    continue;
                }
                for (s, _) in lower.match_indices(q.as_str()) {
                    self.reader.search.hits.push((li, s, s + q.len()));
                }
            }
            // several terms: in reading order, overlaps dropped
            let line_hits = &mut self.reader.search.hits[first..];
            line_hits.sort_unstable();
            let mut kept: Vec<(usize, usize, usize)> = Vec::new();
            for &h in line_hits.iter() {
                if kept.last().is_none_or(|k| h.1 >= k.2) {
                    kept.push(h);
                }
            }
            self.reader.search.hits.truncate(first);
            self.reader.search.hits.extend(kept);
        }
        // the first hit at or after the top of the screen
        self.reader.search.current = self
            .reader
            .search
            .hits
            .iter()
            .position(|h| h.0 >= self.reader.scroll)
            .unwrap_or(0);
        if let Some(&(line, _, _)) = self.reader.search.hits.get(self.reader.search.current) {
            self.scroll_to_show(line);
        }
    }

    pub(super) fn search_step(&mut self, forward: bool) {
        let n = self.reader.search.hits.len();
        if n == 0 {
            self.message = Some(if self.reader.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                format!("{:?} not found", self.reader.search.query)
            });
            return;
        }
        let wrapped = if forward {
            self.reader.search.current + 1 == n
        } else {
            self.reader.search.current == 0
        };
        self.reader.search.current = if forward {
            (self.reader.search.current + 1) % n
        } else {
            (self.reader.search.current + n - 1) % n
        };
        if wrapped && n > 1 {
            self.message = Some(if forward {
                format!("wrapped to the first match of {:?}", self.reader.search.query)
            } else {
                format!("wrapped to the last match of {:?}", self.reader.search.query)
            });
        }
        let line = self.reader.search.hits[self.reader.search.current].0;
        self.scroll_to_show(line);
        self.reader.save_position();
    }

    /// Star (or unstar) the first quote shown in the reader.
    /// The quote `b` stars: one on screen — the quote a link landed on, else the first
    /// that starts on screen, else one running through the top line.
    pub(super) fn quote_on_screen(&self, a: usize) -> Option<usize> {
        let visible: Vec<&layout::Line> = self
            .reader
            .layout
            .lines
            .iter()
            .skip(self.reader.scroll)
            .take(self.body_height().max(1))
            .collect();
        let top = visible.iter().find_map(|l| l.src)?;
        let bottom = visible.iter().rev().find_map(|l| l.src.map(|s| s + l.text.len()))?;
        let quotes = &self.index.quotes[a];
        let shown = |q: &crate::quotes::Quote| q.kind != crate::quotes::QuoteKind::Scare;
        if let Some(QuoteRef { article: ta, quote: tq }) = self.reader.target
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

    pub(super) fn star_quote(&mut self) {
        let Some(a) = self.reader.open else { return };
        let Some(qi) = self.quote_on_screen(a) else {
            self.message = Some("no quote on screen".into());
            return;
        };
        let here = QuoteRef::new(a, qi);
        let starred = !self.session.starred_quotes.contains(&here);
        if starred {
            self.session.starred_quotes.insert(here);
        } else {
            self.session.starred_quotes.remove(&here);
        }
        let q = &self.index.quotes[a][qi];
        let text = q.text.clone();
        let speaker = self.index.speaker_of(a, qi).map(|p| self.index.people[p].name.clone());
        // "starred a quote by Dmitry Peskov", "… by (a ministry official)", "starred an
        // unattributed quote"
        let by = speaker
            .clone()
            .or_else(|| q.mention.as_ref().map(|m| format!("({m})")))
            .map_or_else(
                || "starred an unattributed quote".to_string(),
                |w| format!("starred a quote by {w}"),
            );
        if let Some(key) = self.session.keys.get(a).cloned()
            && let Some(store) = &mut self.session.store
        {
            let k = crate::state::quote_key(&key, q.start, q.end);
            store.update_quote(&k, |s| {
                s.starred = starred;
                s.text = text;
                s.speaker = speaker;
            });
        }
        self.message = Some(if starred { by } else { "quote unstarred".into() });
        self.relayout(); // its ★
    }

    pub(super) fn copy_quote(&mut self) {
        let Some(a) = self.reader.open else {
            self.message = Some("open an article to copy a quote".into());
            return;
        };
        let Some(qi) = self.quote_on_screen(a) else {
            self.message = Some("no quote on screen".into());
            return;
        };
        let q = &self.index.quotes[a][qi];
        let text = q.text.clone();
        let who = self.index.speaker_of(a, qi).map(|p| self.index.people[p].name.clone());
        let source = self.corpus.articles[a].source_or_folder().unwrap_or("").to_string();
        let copied = match who {
            Some(w) if source.is_empty() => format!("{text} — {w}"),
            Some(w) => format!("{text} — {w} ({source})"),
            None => text,
        };
        self.message = Some(format!("copied: {}", crate::text::truncate(&copied, 60)));
        self.effects.push(Effect::Copy(copied));
    }

    pub(super) fn copy_url(&mut self) {
        let Some(a) = self.current_article() else { return };
        let art = &self.corpus.articles[a];
        let url = art.meta.url.clone().unwrap_or_else(|| art.path.clone());
        self.message = Some(format!("copied {url}"));
        self.effects.push(Effect::Copy(url));
    }

    /// `o`: the article's page in the browser.
    pub(super) fn open_url(&mut self) {
        let Some(a) = self.current_article() else { return };
        match self.corpus.articles[a].meta.url.clone() {
            Some(url) => {
                self.message = Some(format!("opening {url}"));
                self.effects.push(Effect::Open(url));
            }
            None => self.message = Some("this article has no URL".into()),
        }
    }

    pub(super) fn reader_motion(&mut self, c: Command) {
        let page = self.body_height();
        let max = self.max_scroll();
        self.reader.scroll = match c {
            Command::Down => self.reader.scroll + 1,
            Command::Up => self.reader.scroll.saturating_sub(1),
            Command::PageDown => self.reader.scroll + page.saturating_sub(1).max(1),
            Command::PageUp => self.reader.scroll.saturating_sub(page.saturating_sub(1).max(1)),
            Command::HalfDown => self.reader.scroll + (page / 2).max(1),
            Command::HalfUp => self.reader.scroll.saturating_sub((page / 2).max(1)),
            Command::Top => 0,
            Command::Bottom => max,
            _ => self.reader.scroll,
        }
        .min(max);
        self.reader.save_position();
    }
}
