//! Input lines (filter, search, people filter, help filter, palette): typing at a cursor,
//! Enter keeps what was typed, Esc clears it.

use super::*;

impl App {
    pub(super) fn type_char(&mut self, c: char) {
        self.edit_input(|s| s.push(c));
    }

    /// The input line being typed, if any.
    pub fn active_input(&self) -> Option<&str> {
        match (&self.ui.overlay, self.ui.input) {
            (Overlay::Palette(p), _) => Some(&p.query),
            (Overlay::Find(f), _) => Some(&f.query),
            (_, Input::Filter) => Some(&self.list.query),
            (_, Input::Search) => Some(&self.reader.search.query),
            (_, Input::PeopleFilter) => Some(&self.people.query),
            (_, Input::HelpFilter) => Some(&self.ui.help_query),
            _ => None,
        }
    }

    pub(super) fn move_cursor(&mut self, c: Command) {
        let Some(s) = self.active_input() else { return };
        let at = self.ui.cursor.unwrap_or(s.len()).min(s.len());
        let to = match c {
            Command::CursorLeft => s[..at].char_indices().last().map_or(0, |(i, _)| i),
            Command::CursorRight => s[at..].chars().next().map_or(at, |c| at + c.len_utf8()),
            Command::CursorHome => 0,
            _ => s.len(),
        };
        self.ui.cursor = (to < s.len()).then_some(to);
    }

    /// Change the active input line with `f`, applied to the text before the cursor (the
    /// text after it stays), then refresh what the line drives.
    pub(super) fn edit_input(&mut self, f: impl FnOnce(&mut String)) {
        let cursor = self.ui.cursor;
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
        match (&mut self.ui.overlay, self.ui.input) {
            (Overlay::Palette(_), _) => {
                if let Overlay::Palette(mut p) = std::mem::replace(&mut self.ui.overlay, Overlay::None) {
                    self.ui.cursor = apply(&mut p.query);
                    self.palette_search(&mut p);
                    self.ui.overlay = Overlay::Palette(p);
                }
            }
            (Overlay::Find(_), _) => {
                if let Overlay::Find(mut f) = std::mem::replace(&mut self.ui.overlay, Overlay::None) {
                    self.ui.cursor = apply(&mut f.query);
                    self.find_search(&mut f, None);
                    self.ui.overlay = Overlay::Find(f);
                }
            }
            (_, Input::Filter) => {
                self.ui.cursor = apply(&mut self.list.query);
                self.refilter();
                self.preview();
            }
            (_, Input::Search) => {
                self.ui.cursor = apply(&mut self.reader.search.query);
                self.run_search();
            }
            (_, Input::PeopleFilter) => {
                self.ui.cursor = apply(&mut self.people.query);
                self.refresh_people();
            }
            (_, Input::HelpFilter) => self.ui.cursor = apply(&mut self.ui.help_query),
            _ => {}
        }
    }

    pub(super) fn submit(&mut self) {
        if let Overlay::Palette(p) = &self.ui.overlay {
            let target = p.hits.get(p.selected).map(|h| h.0);
            self.ui.overlay = Overlay::None;
            match target {
                Some(Target::Article(a)) => self.jump_to_article(a),
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
        if let Overlay::Find(f) = &self.ui.overlay {
            let hit = f.hits.get(f.selected).map(|h| h.article);
            let terms = crate::search::Query::parse(&f.query)
                .map(|q| q.terms())
                .unwrap_or_default();
            // no result chosen: the overlay stays open
            if let Some(a) = hit {
                self.ui.overlay = Overlay::None;
                self.open_at_terms(a, terms);
            }
            return;
        }
        if let Overlay::Choose(ch) = &self.ui.overlay {
            let t = ch.targets.get(ch.selected).copied();
            self.ui.overlay = Overlay::None;
            if let Some(r) = t {
                self.go_to_quote(r);
            }
            return;
        }
        match self.ui.input {
            Input::Filter => {
                self.ui.input = Input::None;
                self.focus = Focus::List;
                if self.list.rows.is_empty() {
                    self.message = Some(format!("no article matches {:?}", self.list.query));
                }
            }
            Input::Search => {
                self.ui.input = Input::None;
                if self.reader.search.hits.is_empty() && !self.reader.search.query.is_empty() {
                    self.message = Some(format!("{:?} not found", self.reader.search.query));
                }
            }
            Input::PeopleFilter | Input::HelpFilter => self.ui.input = Input::None,
            Input::None => {}
        }
    }

    pub(super) fn cancel(&mut self) {
        if matches!(
            self.ui.overlay,
            Overlay::Palette(_) | Overlay::Choose(_) | Overlay::Find(_)
        ) {
            self.ui.overlay = Overlay::None;
            return;
        }
        match self.ui.input {
            Input::Filter => {
                self.ui.input = Input::None;
                self.list.query.clear();
                self.refilter_keeping_selection();
            }
            Input::Search => {
                self.ui.input = Input::None;
                self.reader.search = Search::default();
            }
            Input::PeopleFilter => {
                self.ui.input = Input::None;
                self.people.query.clear();
                self.refresh_people();
            }
            Input::HelpFilter => {
                self.ui.input = Input::None;
                self.ui.help_query.clear();
            }
            Input::None => {}
        }
    }
}
