//! The people view: everyone quoted, or one person's quotes.

use super::*;

pub(super) fn people(f: &mut Frame, app: &App, area: Rect) {
    match app.people.person {
        Some(pid) => one_person(f, app, area, pid),
        None => everyone(f, app, area),
    }
}

/// One person's quotes, by article (their lines built when the person was shown), the
/// selected quote in view.
fn one_person(f: &mut Frame, app: &App, area: Rect, pid: crate::index::PersonId) {
    let h = area.height.saturating_sub(1) as usize;
    let w = area.width as usize;
    let pv = &app.people;
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
}

/// Everyone quoted, most quoted first (or those the filter keeps).
fn everyone(f: &mut Frame, app: &App, area: Rect) {
    let h = area.height.saturating_sub(1) as usize;
    let w = area.width as usize;
    let pv = &app.people;
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
