//! The article list pane: its header (count, unread, sort order) and its rows.

use super::*;

pub(super) fn sort_name(s: Sort) -> &'static str {
    match s {
        Sort::Date => "date",
        Sort::Source => "source",
        Sort::Title => "title",
    }
}

/// The list's header, and whether it has room for the sort order.
pub(super) fn list_header(app: &App, w: usize) -> (String, bool) {
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

pub(super) fn list_header_shows_sort(app: &App) -> bool {
    let w = if app.narrow() { app.size.0 } else { app.list_width() } as usize;
    list_header(app, w).1
}

pub(super) fn list(f: &mut Frame, app: &App, area: Rect) {
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
