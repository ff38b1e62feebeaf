//! Back and forward: snapshots of where the reader was.

use super::*;

impl App {
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            focus: self.focus,
            open: self.reader.open,
            scroll: self.reader.scroll,
            selected_article: self.selected_article(),
            query: self.list.query.clone(),
            person: self.people.person,
            people_selected: self.people.selected,
            target: self.reader.target,
            link_selected: self.reader.link_selected,
        }
    }

    pub(super) fn remember(&mut self) {
        let s = self.snapshot();
        if self.session.back.last() != Some(&s) {
            self.session.back.push(s);
        }
        self.session.forward.clear();
    }

    pub(super) fn restore(&mut self, s: Snapshot) {
        if self.list.query != s.query {
            self.list.query = s.query.clone();
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
            self.reader.open = None;
            self.relayout();
        }
        self.reader.target = s.target;
        self.reader.link_selected = s.link_selected.filter(|&i| i < self.reader.links.len());
        self.relayout();
        let scroll = s.scroll;
        self.after_layout(move |app| {
            app.reader.scroll = scroll.min(app.max_scroll());
            app.reader.save_position();
        });
        self.focus = s.focus;
    }

    pub(super) fn history_back(&mut self) -> bool {
        let Some(s) = self.session.back.pop() else {
            self.message = Some("nothing to go back to".into());
            return true;
        };
        self.session.forward.push(self.snapshot());
        self.restore(s);
        true
    }

    pub(super) fn history_forward(&mut self) -> bool {
        let Some(s) = self.session.forward.pop() else {
            self.message = Some("nothing to go forward to".into());
            return true;
        };
        self.session.back.push(self.snapshot());
        self.restore(s);
        true
    }
}
