//! What is drawn over the panes: help, the jump palette, the search overlay, the pop-up
//! lists of quotes.

use super::*;

pub(super) fn help(f: &mut Frame, app: &App, area: Rect, scroll: usize) {
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
pub(super) fn input_box(f: &mut Frame, app: &App, area: Rect, max: (u16, u16), title: &str) -> Rect {
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
pub(super) fn prompt<'a>(app: &App, query: &str) -> Line<'a> {
    Line::from(vec![
        Span::styled("> ", app.theme.header()),
        Span::raw(caret(app, query)),
    ])
}

pub(super) fn palette(f: &mut Frame, app: &App, area: Rect) {
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
pub(super) fn find(f: &mut Frame, app: &App, area: Rect) {
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
pub(super) fn fit_snippet(snippet: &str, highlights: &[(usize, usize)], w: usize) -> (String, Vec<usize>) {
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

pub(super) fn chooser(f: &mut Frame, app: &App, area: Rect) {
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
