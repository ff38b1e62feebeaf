//! The article list: filtering, sorting, the selection and its preview, read and star marks.

use super::*;

/// The article list: its rows, filter, sort and marks.
pub struct ListPane {
    pub(super) items: Vec<Item>,
    pub(super) filter: Filter,
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
    /// Number of people quoted in each article (the list shows it).
    pub quoted: Vec<usize>,
}

impl ListPane {
    pub(super) fn sort_name(&self) -> &'static str {
        match self.sort {
            Sort::Date => "date",
            Sort::Source => "source",
            Sort::Title => "title",
        }
    }

    pub fn selected_article(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    pub fn unread(&self) -> usize {
        self.read.iter().filter(|r| !**r).count()
    }

    pub(super) fn new(corpus: &Corpus, index: &Index) -> ListPane {
        let mut list = ListPane {
            items: Vec::new(),
            filter: Filter::default(),
            query: String::new(),
            rows: Vec::new(),
            selected: 0,
            list_offset: 0,
            sort: Sort::Date,
            highlights: HashMap::new(),
            read: Vec::new(),
            starred: Vec::new(),
            hide_read: false,
            starred_only: false,
            mark_read_on_open: true,
            quoted: Vec::new(),
        };
        list.new_corpus(corpus, index);
        list
    }

    /// What the list holds of a corpus, for a new one: its rows, marks and counts. The
    /// filter, sort and what is hidden stay as the user set them.
    pub(super) fn new_corpus(&mut self, corpus: &Corpus, index: &Index) {
        let n = corpus.articles.len();
        self.take_index(corpus, index);
        self.rows.clear();
        self.selected = 0;
        self.list_offset = 0;
        self.highlights.clear();
        self.read = vec![false; n];
        self.starred = vec![false; n];
    }

    /// What the list holds of the quote index: what the filter matches (speakers too) and
    /// the count of people quoted in each article.
    pub(super) fn take_index(&mut self, corpus: &Corpus, index: &Index) {
        self.items = list::filter_items(corpus, index);
        self.filter.reset();
        self.quoted = (0..corpus.articles.len()).map(|a| index.people_in(a).len()).collect();
    }
}

impl App {
    pub fn selected_article(&self) -> Option<usize> {
        self.list.selected_article()
    }

    /// The article the keys act on: the open one in the reader, else the selected one.
    pub(super) fn current_article(&self) -> Option<usize> {
        if self.focus == Focus::Reader {
            self.reader.open.or(self.selected_article())
        } else {
            self.selected_article()
        }
    }

    pub(super) fn select_article(&mut self, a: Option<usize>) {
        if let Some(i) = a.and_then(|a| self.list.rows.iter().position(|&r| r == a)) {
            self.list.selected = i;
        } else {
            self.list.selected = self.list.selected.min(self.list.rows.len().saturating_sub(1));
        }
        self.keep_selection_visible();
    }

    /// Re-run the filter and sort, keeping the selected article selected if it is still
    /// shown.
    pub(super) fn refilter_keeping_selection(&mut self) {
        let keep = self.selected_article();
        self.refilter();
        self.select_article(keep);
    }

    /// Re-run the filter and sort.
    pub fn refilter(&mut self) {
        let q = Query::parse(&self.list.query);
        let hits = self.list.filter.run(&self.list.items, &q);
        let mut rows: Vec<usize> = hits.iter().map(|h| h.item).collect();
        rows.retain(|&a| {
            (!self.list.hide_read || !self.list.read[a] || Some(a) == self.reader.open)
                && (!self.list.starred_only || self.list.starred[a])
        });
        if q.pattern.is_empty() {
            let arts = &self.corpus.articles;
            match self.list.sort {
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
        self.list.rows = rows;
        self.list.selected = 0;
        self.list.list_offset = 0;
        self.list.highlights.clear();
        self.compute_highlights();
    }

    /// Matched positions for the rows in view (the view only draws them).
    pub fn compute_highlights(&mut self) {
        let q = Query::parse(&self.list.query);
        if q.pattern.is_empty() {
            self.list.highlights.clear();
            return;
        }
        let h = self.body_height();
        for &a in self.list.rows.iter().skip(self.list.list_offset).take(h) {
            if !self.list.highlights.contains_key(&a) {
                let title = &self.corpus.articles[a].meta.title;
                let idx = self.list.filter.indices(title, &q.pattern);
                self.list.highlights.insert(a, idx);
            }
        }
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let h = self.body_height();
        if self.list.selected < self.list.list_offset {
            self.list.list_offset = self.list.selected;
        } else if self.list.selected >= self.list.list_offset + h {
            self.list.list_offset = self.list.selected + 1 - h;
        }
        self.compute_highlights();
    }

    /// Moving in the list previews the article in the reader.
    pub(super) fn preview(&mut self) {
        if self.narrow() {
            return;
        }
        if let Some(a) = self.selected_article()
            && self.reader.open != Some(a)
        {
            self.open_article_quietly(a);
        }
    }

    pub(super) fn ensure_open(&mut self) {
        if let Some(a) = self.selected_article() {
            if self.reader.open != Some(a) {
                self.open_article(a, None);
            } else if self.list.mark_read_on_open && !self.list.read[a] {
                self.list.read[a] = true;
                self.persist(a);
            }
        }
    }

    /// Open the next unread article in the list after the current one (wrapping round).
    pub(super) fn next_unread(&mut self) {
        let n = self.list.rows.len();
        // after the open article; from the selection itself when nothing is open yet
        let cur = self
            .reader
            .open
            .and_then(|a| self.list.rows.iter().position(|&r| r == a));
        let start = cur.map_or_else(|| self.list.selected.min(n.saturating_sub(1)), |i| i + 1);
        let next = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| !self.list.read[self.list.rows[i]] && Some(i) != cur);
        match next {
            Some(i) => {
                self.list.selected = i;
                self.keep_selection_visible();
                self.open_article(self.list.rows[i], None);
                self.focus = Focus::Reader;
            }
            None => self.message = Some("no unread articles left".into()),
        }
    }

    pub(super) fn cycle_sort(&mut self) {
        self.list.sort = match self.list.sort {
            Sort::Date => Sort::Source,
            Sort::Source => Sort::Title,
            Sort::Title => Sort::Date,
        };
        self.refilter_keeping_selection();
        self.message = Some(format!("sorted by {}", self.list.sort_name()));
    }

    pub(super) fn toggle_read(&mut self) {
        let Some(a) = self.current_article() else { return };
        self.list.read[a] = !self.list.read[a];
        self.persist(a);
        self.message = Some(
            if self.list.read[a] {
                "marked read"
            } else {
                "marked unread"
            }
            .into(),
        );
        if self.list.hide_read {
            self.refilter_keeping_selection();
        }
    }

    pub(super) fn mark_all_read(&mut self) {
        for a in self.list.rows.clone() {
            self.list.read[a] = true;
            self.persist(a);
        }
        self.message = Some(format!(
            "{} marked read",
            crate::text::plural(self.list.rows.len(), "article")
        ));
    }

    pub(super) fn toggle_hide_read(&mut self) {
        self.list.hide_read = !self.list.hide_read;
        self.refilter_keeping_selection();
        self.message = Some(
            if self.list.hide_read {
                "read articles hidden"
            } else {
                "read articles shown"
            }
            .into(),
        );
    }

    pub(super) fn toggle_star(&mut self) {
        let Some(a) = self.current_article() else { return };
        self.list.starred[a] = !self.list.starred[a];
        self.persist(a);
        self.message = Some(if self.list.starred[a] { "starred" } else { "unstarred" }.into());
    }

    pub(super) fn toggle_starred_only(&mut self) {
        self.list.starred_only = !self.list.starred_only;
        self.refilter_keeping_selection();
        self.message = Some(
            if self.list.starred_only {
                "starred articles only"
            } else {
                "all articles"
            }
            .into(),
        );
    }

    /// `]` / `[` in the reader: open the next or previous article of the list.
    pub(super) fn step_article(&mut self, next: bool) -> bool {
        if self.list.rows.is_empty() {
            return false;
        }
        let to = if next {
            (self.list.selected + 1).min(self.list.rows.len() - 1)
        } else {
            self.list.selected.saturating_sub(1)
        };
        if to == self.list.selected {
            self.message = Some(if next { "last article" } else { "first article" }.into());
            return true;
        }
        self.list.selected = to;
        self.keep_selection_visible();
        self.open_article(self.list.rows[to], None);
        true
    }

    pub(super) fn list_motion(&mut self, c: Command) {
        let n = self.list.rows.len();
        if n == 0 {
            return;
        }
        self.list.selected = step(self.list.selected, n, c, self.body_height());
        self.keep_selection_visible();
        self.preview();
    }
}

/// One filter item per article: title, source, author and the people quoted.
pub(super) fn filter_items(corpus: &Corpus, index: &Index) -> Vec<Item> {
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
            Item::new(hay, a.source_or_folder().unwrap_or(""), names).tagged(&a.meta.tags)
        })
        .collect()
}

pub(super) fn step(cur: usize, n: usize, c: Command, page: usize) -> usize {
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
