//! The status line: the mode, what the pane or the line typed says (or the message),
//! what works in the background, and the keys to press.

use super::*;

pub(super) fn status_bar(f: &mut Frame, app: &App, area: Rect) {
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
pub(super) fn status_text(app: &App) -> String {
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
pub(super) fn status_hints(app: &App) -> Vec<String> {
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
pub(super) fn with_background(app: &App, left: String) -> String {
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
