//! Key mapping: a key press becomes an [`Action`] through the keymap of the context in use.

use super::*;

impl App {
    /// The context whose bindings apply now: a line taking text, an overlay, else the
    /// pane with the focus.
    pub fn context(&self) -> Context {
        match (&self.ui.overlay, self.ui.input) {
            (Overlay::Palette(_) | Overlay::Find(_), _)
            | (_, Input::Filter | Input::Search | Input::PeopleFilter | Input::HelpFilter) => Context::Input,
            (Overlay::Help { .. } | Overlay::Choose(_), Input::None) => Context::Overlay,
            (Overlay::None, Input::None) => match self.focus {
                Focus::List => Context::List,
                Focus::Reader => Context::Reader,
                Focus::People => Context::People,
            },
        }
    }

    /// Turn a key press into an action through the keymap (keys are data: every key,
    /// digits and text-line editing included, is in `assets/keymap.toml`). In a text line
    /// an unbound plain character types itself.
    pub fn key_action(&self, ev: &KeyEvent) -> Option<Action> {
        let ctx = self.context();
        if let Some((b, nth)) = self.keymap.binding(ctx, Key::from_event(ev)) {
            return Some(match b.command {
                Command::FollowNumber => Action::FollowNumber(nth + 1),
                c => Action::Command(c),
            });
        }
        match ev.code {
            KeyCode::Char(c)
                if ctx == Context::Input && !ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Char(c))
            }
            _ => None,
        }
    }
}

/// (context, keys, description) for every binding, in keymap order.
pub fn help_rows(keymap: &Keymap) -> Vec<(String, String, String)> {
    keymap
        .bindings
        .iter()
        .map(|b| {
            (
                b.context.name().to_string(),
                match (b.command, b.keys.as_slice()) {
                    (Command::FollowNumber, [first, .., last]) => format!("{}…{}", first.label(), last.label()),
                    (_, keys) => keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                },
                b.desc.clone(),
            )
        })
        .collect()
}
