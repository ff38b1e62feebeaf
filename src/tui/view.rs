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

fn sort_name(s: Sort) -> &'static str {
    match s {
        Sort::Date => "date",
        Sort::Source => "source",
        Sort::Title => "title",
    }
}

/// The list's header, and whether it has room for the sort order.
fn list_header(app: &App, w: usize) -> (String, bool) {
    let total = app.corpus.articles.len();
    let mut shown = if app.list.query.is_empty() && !app.list.hide_read && !app.list.starred_only {
        format!(" Articles {total} · {} unread", app.unread())
    } else {
        format!(" Articles {}/{total}", app.list.rows.len())
    };
    // narrow panes show the people count as "4q": the header says what that is, before
    // the sort order if both do not fit (the status line then names the order)
    if w < 64 {
        let legend = " · Nq = N quoted";
        if shown.chars().count() + legend.chars().count() <= w {
            shown.push_str(legend);
        }
    }
    let by = format!(" · by {}", sort_name(app.list.sort));
    let room = shown.chars().count() + by.chars().count() <= w || w >= 64;
    if room {
        shown.push_str(&by);
    }
    (shown, room)
}

fn list_header_shows_sort(app: &App) -> bool {
    let w = if app.narrow() { app.size.0 } else { app.list_width() } as usize;
    list_header(app, w).1
}

fn list(f: &mut Frame, app: &App, area: Rect) {
    let w = area.width as usize;
    let (shown, _) = list_header(app, w);
    header(f, app, area, &shown, app.focus == Focus::List);
    let h = area.height.saturating_sub(1) as usize;
    let mut lines: Vec<Line> = Vec::with_capacity(h);
    if app.list.rows.is_empty() {
        let msg = if app.list.query.is_empty() {
            "No articles."
        } else {
            "No article matches the filter."
        };
        lines.push(Line::styled(truncate(&format!(" {msg}"), w), app.theme.dim()));
    }
    // narrow panes keep the source and shorten the date and the title; the number of
    // people quoted says what it is ("4 quoted", or "4q" with the legend in the header)
    let wide = w >= 64;
    let show_source = w >= 30;
    let show_date = w >= 40;
    let src_w = match (show_source, wide) {
        (false, _) => 0,
        (true, true) => (w / 6).clamp(8, 16),
        (true, false) => (w / 5).clamp(6, 10),
    };
    let count_w = if wide { 9 } else { 3 };
    let this_year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    for (row, &a) in app.list.rows.iter().enumerate().skip(app.list.list_offset).take(h) {
        let art = &app.corpus.articles[a];
        let mut spans: Vec<Span> = Vec::new();
        let read = if app.list.read[a] { " " } else { "●" };
        let star = if app.list.starred[a] { "★" } else { " " };
        spans.push(Span::styled(read, app.theme.link()));
        spans.push(Span::styled(star, app.theme.quote()));
        spans.push(Span::raw(" "));
        let mut used = 3;
        if show_date {
            let (d, dw) = match art.meta.date {
                Some(d) if wide => (d.to_string(), 10),
                // narrow: the day this year, the month and year otherwise ("14 Feb",
                // "Feb'17"), so articles of different years do not look alike
                Some(d) if chrono::Datelike::year(&d) == this_year => (d.format("%d %b").to_string(), 6),
                Some(d) => (d.format("%b'%y").to_string(), 6),
                None => (String::new(), if wide { 10 } else { 6 }),
            };
            spans.push(Span::styled(format!("{d:<dw$}"), app.theme.dim()));
            spans.push(Span::raw(" "));
            used += dw + 1;
        }
        if show_source {
            spans.push(Span::styled(
                fit(art.source_or_folder().unwrap_or(""), src_w),
                app.theme.dim(),
            ));
            spans.push(Span::raw(" "));
            used += src_w + 1;
        }
        let people = app.list.quoted[a];
        let count = match (people, wide) {
            (0, _) => " ".repeat(count_w),
            (n, true) => format!("{:>count_w$}", format!("{n} quoted")),
            (n, false) => format!("{:>count_w$}", format!("{n}q")),
        };
        let title_w = w.saturating_sub(used + count_w + 1);
        let title = fit(&art.meta.title, title_w);
        let hl = app.list.highlights.get(&a);
        spans.extend(highlighted(
            &title,
            hl.map(Vec::as_slice).unwrap_or(&[]),
            Style::default(),
            app.theme.matched(),
        ));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(count, app.theme.speaker()));
        let mut line = Line::from(spans);
        if row == app.list.selected {
            line = line.patch_style(app.theme.selected());
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), below_header(area));
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

fn mark_style(app: &App, m: Mark) -> Style {
    let t = &app.theme;
    match m {
        Mark::Title => t.title(),
        Mark::Byline | Mark::Note => t.dim(),
        Mark::Quote => t.quote(),
        Mark::Reported => t.reported(),
        Mark::Speaker => t.speaker(),
        Mark::Target => t.target(),
        Mark::Link => t.link(),
        Mark::LinkSelected => t.link().add_modifier(Modifier::REVERSED),
    }
}

fn reader(f: &mut Frame, app: &App, area: Rect) {
    let Some(a) = app.reader.open else {
        header(f, app, area, " Reader", app.focus == Focus::Reader);
        let hint = app.keymap.hint(Context::List, Command::Open).unwrap_or_default();
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(" Select an article and press {hint}."),
                app.theme.dim(),
            )),
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
        );
        return;
    };
    let art = &app.corpus.articles[a];
    // the page's address, shortened to host and path, after the place in it
    let url = art
        .meta
        .url
        .as_deref()
        .map(|u| format!(" · {}", u.trim_start_matches("https://").trim_start_matches("http://")))
        .unwrap_or_default();
    let head = format!(
        " {} · {}%{url}",
        art.meta.source.as_deref().unwrap_or(&art.id),
        app.percent()
    );
    header(f, app, area, &head, app.focus == Focus::Reader);
    let h = area.height.saturating_sub(1) as usize;
    let hits = &app.reader.search.hits;
    let first_hit = hits.partition_point(|x| x.0 < app.reader.scroll);
    let mut lines: Vec<Line> = Vec::with_capacity(h);
    for (li, l) in app
        .reader
        .layout
        .lines
        .iter()
        .enumerate()
        .skip(app.reader.scroll)
        .take(h)
    {
        let mut cuts: Vec<usize> = vec![0, l.text.len()];
        for &(s, e, _) in &l.marks {
            cuts.push(s);
            cuts.push(e);
        }
        let line_hits: Vec<(usize, usize, usize)> = hits[first_hit..]
            .iter()
            .enumerate()
            .take_while(|(_, x)| x.0 <= li)
            .filter(|(_, x)| x.0 == li)
            .map(|(k, x)| (x.1, x.2, first_hit + k))
            .collect();
        for &(s, e, _) in &line_hits {
            cuts.push(s);
            cuts.push(e);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut spans = vec![Span::raw(" ")];
        let mut after_space = false;
        for w in cuts.windows(2) {
            let (s, e) = (w[0], w[1]);
            if s >= e || !l.text.is_char_boundary(s) || !l.text.is_char_boundary(e) {
                continue;
            }
            let mut style = Style::default();
            for &(ms, me, m) in &l.marks {
                if ms <= s && e <= me {
                    style = style.patch(mark_style(app, m));
                }
            }
            for &(hs, he, k) in &line_hits {
                if hs <= s && e <= he {
                    style = style.patch(if k == app.reader.search.current {
                        app.theme.current_match()
                    } else {
                        app.theme.matched()
                    });
                }
            }
            let piece = if l.src.is_some() {
                squeeze(&l.text[s..e], &mut after_space)
            } else {
                l.text[s..e].to_string() // generated lines keep their indent
            };
            spans.push(Span::styled(piece, style));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), below_header(area));
}

/// An input line with the cursor drawn where it is.
fn caret(app: &App, s: &str) -> String {
    let at = app.ui.cursor.filter(|&c| s.is_char_boundary(c)).unwrap_or(s.len());
    format!("{}▏{}", &s[..at], &s[at..])
}

/// `s` with each run of spaces shown as one (blanked-out escape sequences and controls keep
/// their byte length in the text, not on screen); `after_space` carries a run across pieces.
fn squeeze(s: &str, after_space: &mut bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == ' ' {
            if *after_space {
                continue;
            }
            *after_space = true;
        } else {
            *after_space = false;
        }
        out.push(c);
    }
    out
}

fn people(f: &mut Frame, app: &App, area: Rect) {
    let h = area.height.saturating_sub(1) as usize;
    let w = area.width as usize;
    let pv = &app.people;
    if let Some(pid) = pv.person {
        let p = &app.index.people[pid];
        let role = p.roles.first().map(|r| format!(" — {r}")).unwrap_or_default();
        header(
            f,
            app,
            area,
            &format!(
                " {} · {} in {}{role}",
                p.name,
                crate::text::plural(pv.quote_rows.len(), "quote"),
                crate::text::plural(p.articles.len(), "article")
            ),
            true,
        );
        // the lines were built and wrapped when the person was shown; here they get styles
        let rows: Vec<(Option<usize>, Line)> = pv
            .lines
            .iter()
            .map(|l| match l {
                PersonLine::Heading(head) => (None, Line::styled(fit(&format!(" {head}"), w), app.theme.title())),
                PersonLine::Quote {
                    row,
                    text,
                    first,
                    direct,
                } => {
                    let style = if *direct {
                        app.theme.quote()
                    } else {
                        app.theme.reported()
                    };
                    let starred = pv
                        .quote_rows
                        .get(*row)
                        .is_some_and(|aq| app.session.starred_quotes.contains(aq));
                    let lead = if *first && starred { " ★ " } else { "   " };
                    let mut line = Line::styled(format!("{lead}{text}"), style);
                    if *row == pv.quote_selected {
                        line = line.patch_style(app.theme.selected());
                    }
                    (Some(*row), line)
                }
            })
            .collect();
        // the selected quote in view, all of it when it fits
        let sel_row = rows.iter().position(|r| r.0 == Some(pv.quote_selected)).unwrap_or(0);
        let sel_end = rows
            .iter()
            .rposition(|r| r.0 == Some(pv.quote_selected))
            .unwrap_or(sel_row)
            + 1;
        let offset = sel_end.saturating_sub(h).min(sel_row).min(rows.len().saturating_sub(1));
        let offset = if sel_row > 0 && rows.get(sel_row - 1).is_some_and(|r| r.0.is_none()) && offset == sel_row {
            offset - 1
        } else {
            offset
        };
        let lines: Vec<Line> = rows.into_iter().skip(offset).take(h).map(|r| r.1).collect();
        f.render_widget(
            Paragraph::new(lines),
            Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            },
        );
        return;
    }
    let title = if pv.query.is_empty() {
        format!(" People quoted {} · most quoted first", pv.rows.len())
    } else {
        format!(" People {}/{}", pv.rows.len(), app.index.people.len())
    };
    header(f, app, area, &title, true);
    let mut lines = Vec::new();
    if pv.rows.is_empty() {
        lines.push(Line::styled(" Nobody matches.", app.theme.dim()));
    }
    for (row, &pid) in pv.rows.iter().enumerate().skip(pv.offset).take(h) {
        let p = &app.index.people[pid];
        let counts = format!(
            "{:>10} {:>12} ",
            crate::text::plural(p.quotes.len(), "quote"),
            crate::text::plural(p.articles.len(), "article")
        );
        let link = if p.articles.len() >= 2 { "↔ " } else { "  " };
        let kind = if p.kind == crate::quotes::SpeakerKind::Organization {
            " (organisation)"
        } else {
            ""
        };
        let role = p.roles.first().map(|r| format!(" — {r}")).unwrap_or_default();
        let name_w = w.saturating_sub(width(&counts) + 3);
        let mut line = Line::from(vec![
            Span::raw(" "),
            Span::styled(counts, app.theme.dim()),
            Span::styled(link, app.theme.link()),
            Span::styled(truncate(&format!("{}{kind}", p.name), name_w), app.theme.speaker()),
            Span::styled(
                truncate(&role, name_w.saturating_sub(width(&p.name) + width(kind))),
                app.theme.dim(),
            ),
        ]);
        if row == pv.selected {
            line = line.patch_style(app.theme.selected());
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), below_header(area));
}

fn status_bar(f: &mut Frame, app: &App, area: Rect) {
    let w = area.width as usize;
    let mode = match (app.ui.input, app.focus) {
        (Input::Filter, _) => "FILTER",
        (Input::Search, _) => "SEARCH",
        (Input::PeopleFilter, _) => "FILTER",
        (Input::HelpFilter, _) => "HELP",
        (_, Focus::List) => "LIST",
        (_, Focus::Reader) => "READ",
        (_, Focus::People) => "PEOPLE",
    };
    let left = with_background(app, status_text(app));
    let hints = status_hints(app);
    // while saving fails, the status line keeps saying so (the first failure's message
    // gives the reason)
    let left = if app.session.save_failed && app.ui.input == Input::None && !left.contains("marks not saved") {
        format!("marks not saved · {left}")
    } else {
        left
    };
    let mode_s = format!(" {mode} ");
    let room = w.saturating_sub(width(&mode_s) + 1);
    // as many hints as fit beside the message, the most specific ones dropped first
    let keep_left = width(&left).min(room / 2) + 2;
    // a message is never hidden behind the hints: while one shows, they step aside
    let mut hints = if app.message.is_some() && app.ui.input == Input::None {
        Vec::new()
    } else {
        hints
    };
    let mut right = hints.join("  ");
    while !hints.is_empty() && width(&right) + keep_left > room {
        hints.remove(0);
        right = hints.join("  ");
    }
    let left_w = room.saturating_sub(width(&right) + 1);
    let line = Line::from(vec![
        Span::styled(mode_s, app.theme.header().add_modifier(Modifier::REVERSED)),
        Span::styled(format!(" {}", fit(&left, left_w)), app.theme.status()),
        Span::styled(format!("{right} "), app.theme.status()),
    ]);
    f.render_widget(Paragraph::new(line).style(app.theme.status()), area);
}

/// What the status line says of the pane and the line being typed (or the message).
fn status_text(app: &App) -> String {
    match app.ui.input {
        Input::Filter => format!(
            "/{} {}/{}",
            caret(app, &app.list.query),
            app.list.rows.len(),
            app.corpus.articles.len()
        ),
        Input::Search => {
            let n = app.reader.search.hits.len();
            let pos = if n == 0 {
                "0/0".to_string()
            } else {
                format!("{}/{n}", app.reader.search.current + 1)
            };
            format!("/{} {pos}", caret(app, &app.reader.search.query))
        }
        Input::PeopleFilter => format!(
            "/{} {}/{}",
            caret(app, &app.people.query),
            app.people.rows.len(),
            app.index.people.len()
        ),
        Input::HelpFilter => format!("/{}", caret(app, &app.ui.help_query)),
        Input::None => match &app.message {
            Some(m) => m.clone(),
            None => match app.focus {
                Focus::List => {
                    let pos = if app.list.rows.is_empty() {
                        0
                    } else {
                        app.list.selected + 1
                    };
                    let filt = if app.list.query.is_empty() {
                        String::new()
                    } else {
                        format!(" · filter {:?}", app.list.query)
                    };
                    // the sort order, when the list's header has no room for it
                    let by = if list_header_shows_sort(app) {
                        String::new()
                    } else {
                        format!(" · by {}", sort_name(app.list.sort))
                    };
                    format!("{pos}/{}{filt}{by}", app.list.rows.len())
                }
                Focus::Reader => {
                    let search = if app.reader.search.hits.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " · {:?} {}/{}",
                            app.reader.search.query,
                            app.reader.search.current + 1,
                            app.reader.search.hits.len()
                        )
                    };
                    let links = if app.reader.links.is_empty() {
                        String::new()
                    } else {
                        format!(" · {} linked", app.reader.links.len())
                    };
                    format!("{}%{search}{links}", app.percent())
                }
                Focus::People => format!("{} people", app.people.rows.len()),
            },
        },
    }
}

/// The keys the status line hints at, for the context and the pane.
fn status_hints(app: &App) -> Vec<String> {
    let ctx = app.context();
    let hint = |c: Context, cmd: Command, what: &str| app.keymap.hint(c, cmd).map(|k| format!("{k} {what}"));
    match (ctx, app.focus) {
        (Context::Input, _) if matches!(app.ui.overlay, Overlay::Palette(_) | Overlay::Find(_)) => {
            vec![hint(ctx, Command::Submit, "go"), hint(ctx, Command::Cancel, "close")]
        }
        (Context::Input, _) => vec![hint(ctx, Command::Submit, "keep"), hint(ctx, Command::Cancel, "clear")],
        (Context::Overlay, _) => vec![hint(ctx, Command::Open, "go"), hint(ctx, Command::Back, "close")],
        (_, Focus::List) => vec![
            hint(ctx, Command::Filter, "filter"),
            hint(ctx, Command::Find, "search all"),
            hint(ctx, Command::Palette, "jump"),
            hint(ctx, Command::People, "people"),
        ],
        (_, Focus::Reader) => vec![
            hint(ctx, Command::Search, "search"),
            hint(ctx, Command::NextLink, "links"),
            hint(ctx, Command::HistoryBack, "back"),
        ],
        (_, Focus::People) => vec![hint(ctx, Command::Filter, "filter"), hint(ctx, Command::Open, "open")],
    }
    .into_iter()
    .flatten()
    .chain(hint(ctx, Command::Help, "help"))
    .chain(hint(ctx, Command::Quit, "quit"))
    .collect()
}

/// `left`, led by what works in the background (when no message or typed line shows).
fn with_background(app: &App, left: String) -> String {
    if app.laying_out() && app.message.is_none() && app.ui.input == Input::None {
        format!("laying out… · {left}")
    } else if app.background.syncing && app.message.is_none() && app.ui.input == Input::None {
        format!("syncing… · {left}")
    } else if app.background.indexing && app.message.is_none() && app.ui.input == Input::None {
        match app.background.extracted.load(std::sync::atomic::Ordering::Relaxed) {
            0 => format!("finding quotes… · {left}"),
            n => format!("finding quotes {n}/{}… · {left}", app.corpus.articles.len()),
        }
    } else if let (Some((done, of)), None, None, Input::None) = (
        app.background.search_progress,
        &app.background.search_index,
        &app.message,
        app.ui.input,
    ) {
        format!("indexing text {done}/{of} · {left}")
    } else {
        left
    }
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

fn help(f: &mut Frame, app: &App, area: Rect, scroll: usize) {
    let r = centered(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    f.render_widget(Clear, r);
    let title = if app.ui.help_query.is_empty() {
        " Keys — / to filter, Esc to close ".to_string()
    } else {
        format!(" Keys matching {:?} ", app.ui.help_query)
    };
    let block = boxed(app, &title);
    let inner = block.inner(r);
    f.render_widget(block, r);
    let rows = app.help_view();
    let kw = 22.min(inner.width as usize / 3);
    let cw = 8;
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll.min(rows.len().saturating_sub(1)))
        .take(inner.height as usize)
        .map(|(ctx, keys, desc)| {
            Line::from(vec![
                Span::styled(fit(ctx, cw), app.theme.dim()),
                Span::styled(fit(keys, kw), app.theme.speaker()),
                Span::raw(" "),
                Span::raw(truncate(desc, (inner.width as usize).saturating_sub(kw + cw + 1))),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// A box of at most `max` (width, height) centred in `area`, cleared, with its title;
/// returns its inside.
fn input_box(f: &mut Frame, app: &App, area: Rect, max: (u16, u16), title: &str) -> Rect {
    let r = centered(
        area,
        area.width.saturating_sub(4).min(max.0),
        area.height.saturating_sub(2).min(max.1),
    );
    f.render_widget(Clear, r);
    let block = boxed(app, title);
    let inner = block.inner(r);
    f.render_widget(block, r);
    inner
}

/// The line being typed, after a "> ".
fn prompt<'a>(app: &App, query: &str) -> Line<'a> {
    Line::from(vec![
        Span::styled("> ", app.theme.header()),
        Span::raw(caret(app, query)),
    ])
}

fn palette(f: &mut Frame, app: &App, area: Rect) {
    let Overlay::Palette(p) = &app.ui.overlay else { return };
    let inner = input_box(f, app, area, (100, 24), " Jump to an article or a person ");
    let mut lines = vec![prompt(app, &p.query)];
    let h = inner.height.saturating_sub(1) as usize;
    let offset = p.selected.saturating_sub(h.saturating_sub(1));
    let w = inner.width as usize;
    if p.hits.is_empty() {
        lines.push(Line::styled("  nothing matches", app.theme.dim()));
    }
    for (i, (t, ix)) in p.hits.iter().enumerate().skip(offset).take(h) {
        let (tag, text, extra) = match *t {
            Target::Article(a) => {
                let art = &app.corpus.articles[a];
                (
                    "  ",
                    art.meta.title.clone(),
                    art.meta.source.clone().map(|s| format!("  {s}")).unwrap_or_default(),
                )
            }
            Target::Person(pid) => {
                let p = &app.index.people[pid];
                (
                    "@ ",
                    p.name.clone(),
                    format!(
                        "  {}, {}",
                        crate::text::plural(p.quotes.len(), "quote"),
                        crate::text::plural(p.articles.len(), "article")
                    ),
                )
            }
        };
        let extra = if w < 60 { String::new() } else { extra };
        let text = truncate(&text, w.saturating_sub(2 + width(&extra)));
        let mut spans = vec![Span::styled(tag, app.theme.link())];
        spans.extend(highlighted(&text, ix, Style::default(), app.theme.matched()));
        spans.push(Span::styled(extra, app.theme.dim()));
        let mut line = Line::from(spans);
        if i == p.selected {
            line = line.patch_style(app.theme.selected());
        }
        lines.push(line);
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// The search overlay: the query, then each result's title, source and date over a
/// snippet with the matched words marked.
fn find(f: &mut Frame, app: &App, area: Rect) {
    let Overlay::Find(s) = &app.ui.overlay else { return };
    let inner = input_box(f, app, area, (110, 30), " Search every article ");
    let w = inner.width as usize;
    let mut lines = vec![prompt(app, &s.query)];
    match &s.note {
        Some(n) => lines.push(Line::styled(
            format!("  {}", truncate(n, w.saturating_sub(2))),
            app.theme.dim(),
        )),
        None if s.query.trim().is_empty() => lines.push(Line::styled(
            truncate(
                "  words, \"a phrase\", @person, source:NAME, after:2005-01-01, before:…",
                w,
            ),
            app.theme.dim(),
        )),
        None => {}
    }
    // two lines a result: the article, then its snippet
    let h = (inner.height as usize).saturating_sub(lines.len()) / 2;
    let offset = s.selected.saturating_sub(h.saturating_sub(1));
    for (i, hit) in s.hits.iter().enumerate().skip(offset).take(h) {
        let a = &app.corpus.articles[hit.article];
        let date = a.meta.date.map(|d| d.format("%-d %b %Y").to_string());
        let extra: Vec<&str> = [a.source_or_folder(), date.as_deref()].into_iter().flatten().collect();
        let extra = if w < 60 || extra.is_empty() {
            String::new()
        } else {
            format!("  {}", extra.join(" · "))
        };
        let title = truncate(&a.meta.title, w.saturating_sub(2 + width(&extra)));
        let mut head = Line::from(vec![
            Span::styled("  ", app.theme.link()),
            Span::styled(title, app.theme.header()),
            Span::styled(extra, app.theme.dim()),
        ]);
        // the snippet, cut to the width around its first highlight
        let (snip, marks) = fit_snippet(&hit.snippet, &hit.highlights, w.saturating_sub(4));
        let mut spans = vec![Span::raw("    ")];
        spans.extend(highlighted(&snip, &marks, app.theme.dim(), app.theme.matched()));
        let mut body = Line::from(spans);
        if i == s.selected {
            head = head.patch_style(app.theme.selected());
            body = body.patch_style(app.theme.selected());
        }
        lines.push(head);
        lines.push(body);
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// A snippet cut to `w` columns, starting a little before its first highlight, and the
/// highlighted characters' positions in what is left.
fn fit_snippet(snippet: &str, highlights: &[(usize, usize)], w: usize) -> (String, Vec<usize>) {
    let chars: Vec<(usize, char)> = snippet.char_indices().collect();
    let first = highlights.first().map_or(0, |h| h.0);
    let first_char = chars.iter().position(|&(b, _)| b >= first).unwrap_or(0);
    let mut start = first_char.saturating_sub(w / 4);
    // start at a word
    while start > 0 && start < first_char && !chars[start - 1].1.is_whitespace() {
        start += 1;
    }
    let mut out = String::new();
    let mut marks = Vec::new();
    let mut cols = 0;
    for (n, &(b, c)) in chars.iter().enumerate().skip(start) {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cols + cw > w {
            break;
        }
        if highlights.iter().any(|&(s, e)| b >= s && b < e) {
            marks.push(n - start);
        }
        out.push(if c.is_control() { ' ' } else { c });
        cols += cw;
    }
    (out, marks)
}

fn chooser(f: &mut Frame, app: &App, area: Rect) {
    let Overlay::Choose(c) = &app.ui.overlay else { return };
    let r = centered(
        area,
        area.width.saturating_sub(4).min(90),
        (c.targets.len() as u16 + 2).min(area.height),
    );
    f.render_widget(Clear, r);
    let title = format!(" {} ", c.title);
    let block = boxed(app, &title);
    let inner = block.inner(r);
    f.render_widget(block, r);
    let w = inner.width as usize;
    let lines: Vec<Line> = c
        .targets
        .iter()
        .enumerate()
        .map(|(i, &QuoteRef { article: a, .. })| {
            let art = &app.corpus.articles[a];
            let label = match c.labels.get(i) {
                Some(l) => format!(" {l} — {}", art.meta.title),
                None => format!(" {} — {}", art.meta.title, art.byline()),
            };
            let mut line = Line::raw(fit(&label, w));
            if i == c.selected {
                line = line.patch_style(app.theme.selected());
            }
            line
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
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
