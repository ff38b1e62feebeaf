//! The reader pane: a slice of the open article's layout, with its marks.

use super::*;

pub(super) fn mark_style(app: &App, m: Mark) -> Style {
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

pub(super) fn reader(f: &mut Frame, app: &App, area: Rect) {
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

/// `s` with each run of spaces shown as one (blanked-out escape sequences and controls keep
/// their byte length in the text, not on screen); `after_space` carries a run across pieces.
pub(super) fn squeeze(s: &str, after_space: &mut bool) -> String {
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
