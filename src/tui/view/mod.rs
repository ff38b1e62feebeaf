//! Drawing. Reads the state, writes the frame, changes nothing; no wrapping, parsing or
//! file access happens here (the reader draws a slice of the cached layout).

use super::app::{App, Focus, Input, Overlay, PersonLine, Sort, Target};
use super::keymap::{Command, Context};
use super::layout::Mark;
use crate::index::QuoteRef;
use crate::text::{fit, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

mod list;
mod overlays;
mod people;
mod reader;
mod status;
use list::{list, list_header_shows_sort, sort_name};
use overlays::{chooser, find, help, palette};
use people::people;
use reader::reader;
use status::status_bar;

/// Smallest screen that shows the panes.
pub const MIN_W: u16 = 20;
pub const MIN_H: u16 = 5;

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < MIN_W || area.height < MIN_H {
        let msg = truncate("terminal too small", area.width as usize);
        f.render_widget(Paragraph::new(msg), area);
        return;
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let status = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    match app.focus {
        Focus::People => people(f, app, body),
        _ if app.narrow() => {
            if app.focus == Focus::Reader {
                reader(f, app, body);
            } else {
                list(f, app, body);
            }
        }
        _ => {
            let lw = app.list_width();
            list(f, app, Rect { width: lw, ..body });
            let divider = Rect {
                x: body.x + lw,
                width: 1,
                ..body
            };
            let bar: Vec<Line> = (0..divider.height)
                .map(|_| Line::styled("│", app.theme.dim()))
                .collect();
            f.render_widget(Paragraph::new(bar), divider);
            reader(
                f,
                app,
                Rect {
                    x: body.x + lw + 1,
                    width: body.width.saturating_sub(lw + 1),
                    ..body
                },
            );
        }
    }
    status_bar(f, app, status);
    match &app.ui.overlay {
        Overlay::Help { scroll } => help(f, app, area, *scroll),
        Overlay::Palette(_) => palette(f, app, area),
        Overlay::Choose(_) => chooser(f, app, area),
        Overlay::Find(_) => find(f, app, area),
        Overlay::None => {}
    }
}

/// A pane's content: its area less the header row.
fn below_header(area: Rect) -> Rect {
    Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    }
}

fn header(f: &mut Frame, app: &App, area: Rect, text: &str, focused: bool) {
    let style = if focused {
        app.theme.header().add_modifier(Modifier::REVERSED)
    } else {
        app.theme.header()
    };
    f.render_widget(
        Paragraph::new(Line::styled(fit(text, area.width as usize), style)),
        Rect { height: 1, ..area },
    );
}

/// `text` with the characters at `positions` in `hit` style.
fn highlighted<'a>(text: &str, positions: &[usize], base: Style, hit: Style) -> Vec<Span<'a>> {
    if positions.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_hit = false;
    for (i, c) in text.chars().enumerate() {
        let h = positions.binary_search(&i).is_ok();
        if h != cur_hit && !cur.is_empty() {
            out.push(Span::styled(std::mem::take(&mut cur), if cur_hit { hit } else { base }));
        }
        cur_hit = h;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(Span::styled(cur, if cur_hit { hit } else { base }));
    }
    out
}

/// An input line with the cursor drawn where it is.
fn caret(app: &App, s: &str) -> String {
    let at = app.ui.cursor.filter(|&c| s.is_char_boundary(c)).unwrap_or(s.len());
    format!("{}▏{}", &s[..at], &s[at..])
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn boxed<'a>(app: &App, title: &'a str) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(app.theme.header())
}

/// The loading screen: what is being read and how far it has got.
pub fn loading(f: &mut Frame, what: &str, done: usize, total: usize) {
    let area = f.area();
    let text = if total > 0 {
        format!("saywho: {what} {done}/{total}…")
    } else {
        format!("saywho: {what}…")
    };
    let y = area.height / 2;
    f.render_widget(
        Paragraph::new(truncate(&text, area.width as usize)),
        Rect {
            y: area.y + y,
            height: 1.min(area.height),
            ..area
        },
    );
}
