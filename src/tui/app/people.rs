//! The people view: everyone quoted, filtered; one person's quotes; starred quotes.

use super::*;

/// The people view: everyone quoted, or one person's quotes.
#[derive(Debug, Clone, Default)]
pub struct PeopleView {
    pub query: String,
    pub rows: Vec<PersonId>,
    pub selected: usize,
    pub offset: usize,
    /// The person whose quotes are shown, with its quotes and the selection.
    pub person: Option<PersonId>,
    pub quote_rows: Vec<QuoteRef>,
    pub quote_selected: usize,
    pub quote_offset: usize,
    /// The person's quotes as screen lines (built on opening and on a width change).
    pub lines: Vec<PersonLine>,
    /// The screen width `lines` were wrapped for.
    pub lines_width: u16,
}

/// A line of one person's quotes.
#[derive(Debug, Clone, PartialEq)]
pub enum PersonLine {
    /// The article the quotes below come from: byline · title.
    Heading(String),
    /// A wrapped line of quote `row` (an index into `quote_rows`); `first` starts it.
    Quote {
        row: usize,
        text: String,
        first: bool,
        direct: bool,
    },
}

impl App {
    /// Every starred quote, to pick one and go there.
    pub(super) fn starred_quotes_view(&mut self) {
        let mut targets: Vec<QuoteRef> = self.session.starred_quotes.iter().copied().collect();
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
            .map(|&QuoteRef { article: a, quote: q }| {
                let qt = &self.index.quotes[a][q];
                let who = self.index.speaker_of(a, q).map_or_else(
                    || qt.mention.clone().unwrap_or_default(),
                    |p| self.index.people[p].name.clone(),
                );
                let text = qt.text.clone();
                format!("★ {who}: {text}")
            })
            .collect();
        self.ui.overlay = Overlay::Choose(Chooser {
            title: format!("Starred quotes ({})", targets.len()),
            targets,
            selected: 0,
            labels,
        });
    }

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

    pub(super) fn show_person(&mut self, pid: PersonId) {
        self.people.person = Some(pid);
        let p = &self.index.people[pid];
        self.people.quote_rows = p
            .quotes
            .iter()
            .copied()
            .filter(|r| self.index.quotes[r.article][r.quote].kind != crate::quotes::QuoteKind::Scare)
            .collect();
        self.build_person_lines();
        self.people.quote_selected = 0;
        self.people.quote_offset = 0;
    }

    pub(super) fn people_open(&mut self) {
        match self.people.person {
            None => {
                if let Some(&pid) = self.people.rows.get(self.people.selected) {
                    self.remember();
                    self.show_person(pid);
                }
            }
            Some(_) => {
                if let Some(&r) = self.people.quote_rows.get(self.people.quote_selected) {
                    self.go_to_quote(r);
                }
            }
        }
    }

    /// One person's quotes as screen lines, wrapped to the screen: a heading before each
    /// article's quotes, then each quote whole. Built when the person is shown and when the
    /// width changes, not every frame.
    pub(super) fn build_person_lines(&mut self) {
        let body_w = (self.size.0 as usize).saturating_sub(4).max(1);
        let mut lines = Vec::new();
        let mut last_article = None;
        for (row, &QuoteRef { article: a, quote: q }) in self.people.quote_rows.iter().enumerate() {
            let art = &self.corpus.articles[a];
            if last_article != Some(a) {
                let by = art.byline();
                lines.push(PersonLine::Heading(if by.is_empty() {
                    art.meta.title.clone()
                } else {
                    format!("{by} · {}", art.meta.title)
                }));
                last_article = Some(a);
            }
            let quote = &self.index.quotes[a][q];
            let text = quote.text.clone();
            let direct = quote.kind == crate::quotes::QuoteKind::Direct;
            for (n, (s, e)) in layout::wrap_ranges(&text, body_w).into_iter().enumerate() {
                lines.push(PersonLine::Quote {
                    row,
                    text: text[s..e].to_string(),
                    first: n == 0,
                    direct,
                });
            }
        }
        self.people.lines = lines;
        self.people.lines_width = self.size.0;
    }

    pub(super) fn people_motion(&mut self, c: Command) {
        let page = self.body_height();
        if self.people.person.is_some() {
            let n = self.people.quote_rows.len();
            if n > 0 {
                self.people.quote_selected = list::step(self.people.quote_selected, n, c, page / 2);
            }
            return;
        }
        let n = self.people.rows.len();
        if n == 0 {
            return;
        }
        self.people.selected = list::step(self.people.selected, n, c, page);
        if self.people.selected < self.people.offset {
            self.people.offset = self.people.selected;
        } else if self.people.selected >= self.people.offset + page {
            self.people.offset = self.people.selected + 1 - page;
        }
    }
}
