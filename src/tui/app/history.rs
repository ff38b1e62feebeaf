//! Back and forward: snapshots of where the reader was.

use super::*;

impl App {
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

    pub(super) fn remember(&mut self) {
        let s = self.snapshot();
        if self.back.last() != Some(&s) {
            self.back.push(s);
        }
        self.forward.clear();
    }

    pub(super) fn restore(&mut self, s: Snapshot) {
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
        let scroll = s.scroll;
        self.after_layout(move |app| {
            app.scroll = scroll.min(app.max_scroll());
            app.save_position();
        });
        self.focus = s.focus;
    }

    pub(super) fn history_back(&mut self) -> bool {
        let Some(s) = self.back.pop() else {
            self.message = Some("nothing to go back to".into());
            return true;
        };
        self.forward.push(self.snapshot());
        self.restore(s);
        true
    }

    pub(super) fn history_forward(&mut self) -> bool {
        let Some(s) = self.forward.pop() else {
            self.message = Some("nothing to go forward to".into());
            return true;
        };
        self.back.push(self.snapshot());
        self.restore(s);
        true
    }
}
