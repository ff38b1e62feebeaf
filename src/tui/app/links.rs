//! Cross-links: the people of the open article quoted elsewhere, and following them.

use super::*;

impl App {
    /// People quoted in article `a` who are quoted in other articles too, in order.
    pub(super) fn linked_people(&self, a: usize) -> Vec<PersonId> {
        self.index
            .people_in(a)
            .into_iter()
            .filter(|&p| self.index.people[p].articles.len() >= 2)
            .collect()
    }

    pub(super) fn follow(&mut self, i: usize) {
        let Some(a) = self.reader.open else { return };
        let Some(&pid) = self.reader.links.get(i) else {
            self.message = Some(format!("no link [{}] here", i + 1));
            return;
        };
        let p = &self.index.people[pid];
        // in each other article: the quote reporting the same statement as one here, if
        // any, else their first quote there
        let same_statement = |other: usize| {
            p.quotes.iter().filter(|q| q.article == a).find_map(|&here| {
                self.index
                    .statement_of(here)
                    .and_then(|st| st.quotes.iter().find(|x| x.article == other).copied())
            })
        };
        let targets: Vec<QuoteRef> = p
            .articles
            .iter()
            .filter(|&&other| other != a)
            .filter_map(|&other| {
                same_statement(other).or_else(|| p.quotes.iter().find(|q| q.article == other).copied())
            })
            .collect();
        match targets.as_slice() {
            [] => self.message = Some("nowhere else to go".into()),
            [one] => self.go_to_quote(*one),
            _ => {
                self.ui.overlay = Overlay::Choose(Chooser {
                    title: format!("{} is also quoted in", p.name),
                    targets,
                    selected: 0,
                    labels: vec![],
                });
            }
        }
    }

    /// Open the article at quote `to`, remembering where we were.
    pub fn go_to_quote(&mut self, to: QuoteRef) {
        let (a, q) = (to.article, to.quote);
        self.remember();
        if !self.list.rows.contains(&a) {
            self.list.query.clear();
            self.refilter();
        }
        self.select_article(Some(a));
        self.focus = Focus::Reader;
        self.open_article(a, Some(q));
    }

    /// Select the next or previous link, wrapping round, and bring it on screen.
    pub(super) fn step_link(&mut self, next: bool) {
        if self.reader.links.is_empty() {
            self.message = Some("no one in this article is quoted elsewhere".into());
            return;
        }
        let n = self.reader.links.len();
        self.reader.link_selected = Some(match (self.reader.link_selected, next) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
        self.relayout();
        let link = self.reader.link_selected.unwrap_or(0);
        self.after_layout(move |app| {
            if let Some(line) = app.reader.link_line(link) {
                app.scroll_to_show(line);
            }
        });
    }

    /// Enter in the reader: follow the selected link, or say how to select one.
    pub(super) fn follow_selected(&mut self) {
        match self.reader.link_selected {
            Some(i) => self.follow(i),
            None if self.reader.links.is_empty() => {
                self.message = Some("no one in this article is quoted elsewhere".into());
            }
            None => {
                let next = self.keymap.hint(Context::Reader, Command::NextLink).unwrap_or_default();
                let n = self.reader.links.len();
                self.message = Some(format!("no link selected: {next} selects one, or 1–{n} follows it"));
            }
        }
    }
}
