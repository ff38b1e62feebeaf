//! Keys as data: the default keymap (`assets/keymap.toml`, embedded) merged with the user's
//! `[keys.CONTEXT]` tables, which name only what they change. The help overlay and the
//! status-bar hints read the same table. A bad key string or an unknown action in the
//! user's file is refused at start with the file, line and what was expected.

use anyhow::{Result, anyhow};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const DEFAULT: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    Reader,
    People,
    /// The help overlay and the pop-up lists.
    Overlay,
    /// A line taking typed text; [`Context::Global`] does not apply in it.
    Input,
}

impl Context {
    pub const ALL: [Context; 6] = [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::People,
        Context::Overlay,
        Context::Input,
    ];

    /// Whether keys not bound in this context fall back to the global ones.
    fn falls_back(self) -> bool {
        !matches!(self, Context::Global | Context::Input)
    }

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Reader => "reader",
            Context::People => "people",
            Context::Overlay => "overlay",
            Context::Input => "input",
        }
    }

    fn from_name(s: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// Everything a key can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Quit,
    Help,
    Palette,
    /// Search the text of every article (the search overlay).
    Find,
    Focus,
    Back,
    People,
    HistoryBack,
    HistoryForward,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Open,
    Filter,
    Sort,
    ToggleRead,
    MarkAllRead,
    HideRead,
    Star,
    StarredOnly,
    StarQuote,
    StarredQuotes,
    NextUnread,
    CopyQuote,
    CopyUrl,
    OpenUrl,
    Sync,
    NextArticle,
    PrevArticle,
    Search,
    SearchNext,
    SearchPrev,
    NextLink,
    PrevLink,
    Follow,
    /// The Nth key of this binding follows link N.
    FollowNumber,
    // input lines
    Submit,
    Cancel,
    DeleteChar,
    ClearInput,
    DeleteWord,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
}

/// Commands the reader cannot do without: binding them to no key is refused.
const ESSENTIAL: &[Command] = &[Command::Quit, Command::Submit, Command::Cancel];

impl Command {
    fn from_name(s: &str) -> Option<Command> {
        Command::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(s)).ok()
    }
}

/// A key: code and modifiers, normalised (SHIFT is dropped where the character says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let mut code = ev.code;
        match code {
            KeyCode::Char(c) if c != ' ' => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    code = KeyCode::Char(c.to_ascii_lowercase());
                }
            }
            KeyCode::BackTab => mods.remove(KeyModifiers::SHIFT),
            _ => {}
        }
        Key { code, mods }
    }

    /// Parse "j", "G", "ctrl-d", "alt-right", "pagedown", "space", "f1".
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break; // "-" alone or "ctrl-" without a key: let the name parse fail below
            }
            mods |= m;
            rest = &rest[len..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" | "bs" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "insert" => KeyCode::Insert,
            "delete" | "del" => KeyCode::Delete,
            f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                    _ => {
                        return Err(format!(
                            "{s:?} is not a key (expected a character like \"j\" or a name like \"ctrl-d\", \"pagedown\", \"enter\")"
                        ));
                    }
                }
            }
        };
        let ev = KeyEvent::new(code, mods);
        Ok(Key::from_event(&ev))
    }

    /// How the key is shown in help and hints.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        s.push_str(&name);
        s
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub command: Command,
    pub keys: Vec<Key>,
    pub desc: String,
    /// The config line that set these keys (None: the defaults).
    pub user_line: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

#[derive(Deserialize)]
struct DefaultEntry {
    keys: Vec<String>,
    desc: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize, Default)]
struct UserFile {
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, toml::Spanned<OneOrMany>>>,
}

fn line_of(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].matches('\n').count() + 1
}

impl Keymap {
    /// The embedded default keymap.
    pub fn builtin() -> Keymap {
        // The default file is tested; an error here is a build defect.
        Self::parse_default().unwrap_or(Keymap { bindings: vec![] })
    }

    fn parse_default() -> Result<Keymap> {
        // toml's preserve_order keeps the file's order, which the help overlay shows
        let table: toml::Table = toml::from_str(DEFAULT)?;
        let mut bindings = Vec::new();
        for ctx in Context::ALL {
            let Some(actions) = table.get(ctx.name()).and_then(|v| v.as_table()) else {
                continue;
            };
            for (name, v) in actions {
                let e: DefaultEntry = v
                    .clone()
                    .try_into()
                    .map_err(|e| anyhow!("assets/keymap.toml: {name}: {e}"))?;
                let command =
                    Command::from_name(name).ok_or_else(|| anyhow!("assets/keymap.toml: unknown action {name}"))?;
                let keys = e
                    .keys
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| anyhow!("assets/keymap.toml: {e}"))?;
                bindings.push(Binding {
                    context: ctx,
                    command,
                    keys,
                    desc: e.desc.clone(),
                    user_line: None,
                });
            }
        }
        Ok(Keymap { bindings })
    }

    /// The defaults with the user's `[keys.*]` tables from `text` (the config file at
    /// `path`) merged over them.
    pub fn with_user(text: &str, path: &Path) -> Result<Keymap> {
        let mut map = Self::parse_default()?;
        let user: UserFile = toml::from_str(text).map_err(|e| anyhow!("{}: {}", path.display(), e.message()))?;
        for (ctx_name, actions) in &user.keys {
            let first_line = actions.values().next().map_or(1, |v| line_of(text, v.span().start));
            let ctx = Context::from_name(ctx_name).ok_or_else(|| {
                anyhow!(
                    "{}:{first_line}: unknown key context [keys.{ctx_name}] (expected one of: {})",
                    path.display(),
                    Context::ALL.map(Context::name).join(", ")
                )
            })?;
            for (action, spanned) in actions {
                let line = line_of(text, spanned.span().start);
                let Some(b) = map
                    .bindings
                    .iter_mut()
                    .find(|b| b.context == ctx && Command::from_name(action) == Some(b.command))
                else {
                    let known: Vec<String> = map
                        .bindings
                        .iter()
                        .filter(|b| b.context == ctx)
                        .map(|b| format!("{:?}", b.command))
                        .collect();
                    let known: Vec<String> = known.iter().map(|k| snake(k)).collect();
                    return Err(anyhow!(
                        "{}:{line}: unknown action {action:?} in [keys.{ctx_name}] (expected one of: {})",
                        path.display(),
                        known.join(", ")
                    ));
                };
                let list = match spanned.get_ref() {
                    OneOrMany::One(s) => vec![s.clone()],
                    OneOrMany::Many(v) => v.clone(),
                };
                b.keys = list
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| anyhow!("{}:{line}: [keys.{ctx_name}] {action}: {e}", path.display()))?;
                // keys that would leave the reader unusable
                if b.keys.is_empty() && ESSENTIAL.contains(&b.command) {
                    return Err(anyhow!(
                        "{}:{line}: [keys.{ctx_name}] {action} needs a key (without one the reader cannot {})",
                        path.display(),
                        if b.command == Command::Quit {
                            "be left"
                        } else {
                            "finish typing"
                        }
                    ));
                }
                if ctx == Context::Input
                    && let Some(k) = b
                        .keys
                        .iter()
                        .find(|k| matches!(k.code, KeyCode::Char(_)) && (k.mods - KeyModifiers::SHIFT).is_empty())
                {
                    return Err(anyhow!(
                        "{}:{line}: [keys.input] {action}: {} is a character the input line types; bind ctrl-, alt- or a named key",
                        path.display(),
                        k.label()
                    ));
                }
                b.user_line = Some(line);
            }
        }
        if let Some(c) = map.conflicts().first() {
            return Err(anyhow!("{}:{c}", path.display()));
        }
        Ok(map)
    }

    /// Keys that would do two things: bound to two actions in one context, or a pane's
    /// key hiding a global one (`down = ["q"]` in the list would take `q` from quit
    /// there). Only bindings the user set are reported (the defaults are tested free of
    /// conflicts); each as "LINE: what".
    pub fn conflicts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                if a.command == b.command && a.context == b.context {
                    continue;
                }
                let shadows = a.context == b.context
                    || (a.context == Context::Global && b.context.falls_back())
                    || (b.context == Context::Global && a.context.falls_back());
                if !shadows || (a.user_line.is_none() && b.user_line.is_none()) {
                    continue;
                }
                for k in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    let (user, other) = if b.user_line.is_some() { (b, a) } else { (a, b) };
                    out.push(format!(
                        "{}: [keys.{}] {}: {} is already {} in [keys.{}]; bind one of them to another key",
                        user.user_line.unwrap_or(0),
                        user.context.name(),
                        snake(&format!("{:?}", user.command)),
                        k.label(),
                        snake(&format!("{:?}", other.command)),
                        other.context.name(),
                    ));
                }
            }
        }
        out
    }

    /// The command bound to `key` in `ctx`, else in the global context.
    pub fn lookup(&self, ctx: Context, key: Key) -> Option<Command> {
        self.binding(ctx, key).map(|(b, _)| b.command)
    }

    /// The binding of `key` in `ctx` (else in the global context, where `ctx` falls back
    /// to it), with the key's place in the binding's list (`follow_number`'s Nth key
    /// follows link N).
    pub fn binding(&self, ctx: Context, key: Key) -> Option<(&Binding, usize)> {
        let find = |c: Context| {
            self.bindings
                .iter()
                .filter(|b| b.context == c)
                .find_map(|b| Some((b, b.keys.iter().position(|k| *k == key)?)))
        };
        find(ctx).or_else(|| if ctx.falls_back() { find(Context::Global) } else { None })
    }

    /// The first key that does `command` in `ctx` (its own binding, else a global one no
    /// pane key hides), for hints ("?" for help).
    pub fn hint(&self, ctx: Context, command: Command) -> Option<String> {
        let contexts: &[Context] = if ctx.falls_back() {
            &[ctx, Context::Global]
        } else {
            &[ctx]
        };
        contexts
            .iter()
            .flat_map(|&c| {
                self.bindings
                    .iter()
                    .filter(move |b| b.context == c && b.command == command)
            })
            .flat_map(|b| b.keys.iter())
            .find(|&&k| self.lookup(ctx, k) == Some(command))
            .map(Key::label)
    }
}

fn snake(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_have_no_conflicts() {
        let mut k = Keymap::parse_default().unwrap();
        for b in &mut k.bindings {
            b.user_line = Some(1); // as if the user had set them all
        }
        assert_eq!(k.conflicts(), Vec::<String>::new());
    }

    #[test]
    fn a_key_taken_from_quit_is_reported_with_its_line() {
        let text = "[keys.list]\ndown = [\"q\"]\n";
        let e = Keymap::with_user(text, Path::new("config.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("config.toml:2:"), "{e}");
        assert!(e.contains("q is already quit"), "{e}");
        // rebinding quit too resolves it, and the hint follows
        let text = "[keys.global]\nquit = [\"ctrl-q\"]\n[keys.list]\ndown = [\"q\"]\n";
        let k = Keymap::with_user(text, Path::new("config.toml")).unwrap();
        assert_eq!(k.hint(Context::List, Command::Quit).as_deref(), Some("Ctrl-q"));
        assert_eq!(k.hint(Context::List, Command::Down).as_deref(), Some("q"));
    }

    #[test]
    fn default_keymap_parses() {
        let k = Keymap::parse_default().unwrap();
        assert!(k.bindings.len() > 30);
        assert_eq!(k.lookup(Context::List, Key::parse("j").unwrap()), Some(Command::Down));
        assert_eq!(
            k.lookup(Context::Reader, Key::parse("?").unwrap()),
            Some(Command::Help),
            "global fallback"
        );
        assert_eq!(k.lookup(Context::List, Key::parse("G").unwrap()), Some(Command::Bottom));
    }

    #[test]
    fn key_strings() {
        assert_eq!(
            Key::parse("ctrl-d").unwrap(),
            Key {
                code: KeyCode::Char('d'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(Key::parse("F5").unwrap().code, KeyCode::F(5));
        assert_eq!(Key::parse("-").unwrap().code, KeyCode::Char('-'));
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("banana").is_err());
        // SHIFT on a letter is in the letter
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), Key::parse("G").unwrap());
    }

    #[test]
    fn user_overrides_only_what_it_names() {
        let text = "mouse = true\n[keys.list]\ndown = [\"n\", \"down\"]\n";
        let k = Keymap::with_user(text, Path::new("c.toml")).unwrap();
        assert_eq!(k.lookup(Context::List, Key::parse("n").unwrap()), Some(Command::Down));
        assert_eq!(k.lookup(Context::List, Key::parse("j").unwrap()), None);
        assert_eq!(k.lookup(Context::List, Key::parse("k").unwrap()), Some(Command::Up));
    }

    #[test]
    fn bad_user_files_name_file_and_line() {
        let e = Keymap::with_user("[keys.list]\n\nfly = \"x\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:3: unknown action \"fly\""), "{e}");
        assert!(e.contains("down"), "{e}");
        let e = Keymap::with_user("[keys.reader]\ndown = \"ctrl-\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:2:") && e.contains("not a key"), "{e}");
        let e = Keymap::with_user("[keys.nowhere]\ndown = \"j\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown key context"), "{e}");
    }

    #[test]
    fn input_keys_do_not_clash_with_global_ones() {
        // the input line never falls back to [global], so taking q there is no conflict
        let text = "[keys.input]\ncursor_home = [\"ctrl-q\"]\n[keys.global]\nquit = [\"ctrl-q\"]\n";
        let k = Keymap::with_user(text, Path::new("c.toml")).unwrap();
        assert_eq!(
            k.lookup(Context::Input, Key::parse("ctrl-q").unwrap()),
            Some(Command::CursorHome)
        );
        assert_eq!(
            k.lookup(Context::Input, Key::parse("?").unwrap()),
            None,
            "no global help in input"
        );
        assert_eq!(
            k.lookup(Context::Overlay, Key::parse("?").unwrap()),
            Some(Command::Help)
        );
        // a key bound twice in the input context is
        let e = Keymap::with_user("[keys.input]\ncursor_end = [\"enter\"]\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("Enter is already submit"), "{e}");
    }

    #[test]
    fn keys_that_would_make_the_reader_unusable_are_refused() {
        // typing "a" would submit the filter; no key would quit
        for (text, says) in [
            ("[keys.input]\nsubmit = [\"a\"]\n", "a character the input line types"),
            (
                "[keys.input]\ncursor_home = \"Q\"\n",
                "a character the input line types",
            ),
            ("[keys.global]\nquit = []\n", "quit needs a key"),
            ("[keys.input]\ncancel = []\n", "cancel needs a key"),
        ] {
            let e = Keymap::with_user(text, Path::new("c.toml")).unwrap_err().to_string();
            assert!(e.contains(says) && e.contains("c.toml:"), "{text}: {e}");
        }
        assert!(Keymap::with_user("[keys.input]\nsubmit = [\"enter\", \"ctrl-j\"]\n", Path::new("c.toml")).is_ok());
    }
}
