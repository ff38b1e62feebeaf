//! Mouse: clicks select, open and follow; the wheel scrolls the pane under it.

use super::*;

impl App {
    pub(super) fn click(&mut self, col: u16, row: u16) -> bool {
        let in_list = !self.narrow() && col < self.list_width() || self.narrow() && self.focus == Focus::List;
        if row == 0 || row + 1 >= self.size.1 {
            return false;
        }
        if in_list && matches!(self.ui.overlay, Overlay::None) {
            let i = self.list.list_offset + row as usize - 1;
            if i < self.list.rows.len() {
                self.focus = Focus::List;
                self.list.selected = i;
                self.keep_selection_visible();
                self.preview();
                return true;
            }
        } else if (!self.narrow() || self.focus == Focus::Reader) && matches!(self.ui.overlay, Overlay::None) {
            // a click on a "[N]" link follows it
            if self.focus == Focus::Reader
                && let Some(n) = self.reader.link_at_row(row)
            {
                self.reader.link_selected = Some(n);
                self.follow(n);
                return true;
            }
            self.focus = Focus::Reader;
            self.ensure_open();
            return true;
        }
        false
    }

    pub(super) fn wheel(&mut self, col: u16, _row: u16, down: bool) -> bool {
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
}
