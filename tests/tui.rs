//! The reader as a person sees it: TestBackend snapshots at 80×24 and 40×12 (insta), style
//! assertions on cells where colour carries meaning, and state tests that feed actions.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use saywho::corpus::Rules;
use saywho::index::Index;
use saywho::tui::app::{Action, App, Focus, Overlay};
use saywho::tui::keymap::{Command, Keymap};
use saywho::tui::theme::Theme;
use saywho::tui::view;

fn app(w: u16, h: u16) -> App {
    common::bundled_app(w, h)
}

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    common::buffer_text(buf)
}

fn cmd(app: &mut App, c: Command) {
    app.update(Action::Command(c));
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Char(c));
    }
}

#[test]
fn startup_80x24() {
    insta::assert_snapshot!(text(&render(&app(80, 24))));
}

#[test]
fn startup_40x12() {
    insta::assert_snapshot!(text(&render(&app(40, 12))));
}

#[test]
fn open_article_scrolled_80x24() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Bottom);
    cmd(&mut a, Command::Open);
    for _ in 0..5 {
        cmd(&mut a, Command::Down);
    }
    assert_eq!(a.focus, Focus::Reader);
    insta::assert_snapshot!(text(&render(&a)));
}

#[test]
fn open_article_40x12_takes_the_screen() {
    let mut a = app(40, 12);
    cmd(&mut a, Command::Open);
    cmd(&mut a, Command::PageDown);
    insta::assert_snapshot!(text(&render(&a)));
}

#[test]
fn filter_with_matches() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "indep");
    let buf = render(&a);
    insta::assert_snapshot!(text(&buf));
    assert_eq!(
        a.corpus.articles[a.list.rows[0]].meta.source.as_deref(),
        Some("The Independent"),
        "best match first"
    );
    // the selected row is drawn selected, and matched characters are highlighted
    let row_y = 1;
    assert!(buf[(5, row_y)].modifier.contains(Modifier::BOLD) || buf[(5, row_y)].bg != ratatui::style::Color::Reset);
    let underlined = (0..a.list_width())
        .filter(|&x| buf[(x, row_y)].modifier.contains(Modifier::UNDERLINED))
        .count();
    assert!(underlined >= 3, "matched characters are underlined: {underlined}");
}

#[test]
fn filter_with_no_match_says_so() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "zzzzqq");
    let t = text(&render(&a));
    assert!(t.contains("No article matches the filter."), "{t}");
    assert!(t.contains("0/3"), "{t}");
}

#[test]
fn jump_palette() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Palette);
    typed(&mut a, "kosa");
    insta::assert_snapshot!(text(&render(&a)));
}

#[test]
fn search_in_article() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Open);
    cmd(&mut a, Command::Search);
    typed(&mut a, "flynn");
    let buf = render(&a);
    insta::assert_snapshot!(text(&buf));
    let n = a.reader.search.hits.len();
    assert!(n >= 5, "{n}");
    a.update(Action::Command(Command::Submit));
    cmd(&mut a, Command::SearchNext);
    assert_eq!(a.reader.search.current, 1);
    cmd(&mut a, Command::SearchPrev);
    cmd(&mut a, Command::SearchPrev);
    assert_eq!(a.reader.search.current, n - 1, "wraps around");
}

#[test]
fn help_overlay_lists_every_binding() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Help);
    assert!(matches!(a.ui.overlay, Overlay::Help { .. }));
    insta::assert_snapshot!(text(&render(&a)));
    // every binding of the live keymap is a help row, with its keys and description
    for b in &a.keymap.bindings {
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        // a run of numbered keys shows as a range ("1…9")
        let range = format!("{}…{}", keys[0], keys[keys.len() - 1]);
        assert!(
            a.ui.help_rows
                .iter()
                .any(|r| (r.1 == keys.join(" ") || keys.len() > 2 && r.1 == range) && r.2 == b.desc),
            "{:?} missing from help",
            b.command
        );
    }
}

#[test]
fn tiny_terminals() {
    for (w, h) in [(1, 1), (20, 5), (2, 30), (200, 1)] {
        let mut a = app(w, h);
        cmd(&mut a, Command::Open);
        let t = text(&render(&a));
        if (w, h) == (1, 1) {
            insta::assert_snapshot!("tiny_1x1", t);
        }
        if (w, h) == (20, 5) {
            insta::assert_snapshot!("tiny_20x5", t);
        }
    }
}

#[test]
fn esc_restores_the_list() {
    let mut a = app(80, 24);
    let before = a.list.rows.clone();
    cmd(&mut a, Command::Filter);
    typed(&mut a, "osborne");
    assert_eq!(a.list.rows.len(), 1);
    a.update(Action::Command(Command::Cancel));
    assert_eq!(a.list.rows, before);
    assert_eq!(a.list.query, "");
}

#[test]
fn enter_keeps_the_filter() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "source:cnn");
    a.update(Action::Command(Command::Submit));
    assert_eq!(a.list.rows.len(), 1);
    assert_eq!(a.list.query, "source:cnn");
    cmd(&mut a, Command::Back);
    assert_eq!(a.list.rows.len(), 3, "Esc in the list clears a kept filter");
}

#[test]
fn person_qualifier() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "@kosachev");
    assert_eq!(a.list.rows.len(), 2);
    a.update(Action::Command(Command::Cancel));
    cmd(&mut a, Command::Filter);
    typed(&mut a, "@peskov");
    assert_eq!(a.list.rows.len(), 1);
}

#[test]
fn resize_keeps_the_top_paragraph() {
    let mut a = app(100, 30);
    cmd(&mut a, Command::Open);
    for _ in 0..14 {
        cmd(&mut a, Command::Down);
    }
    let para = |a: &App| a.reader.layout.anchor(a.reader.scroll).map(|x| x.0);
    let before = para(&a);
    assert!(before.is_some_and(|p| p > 0));
    a.update(Action::Resize(140, 40));
    assert_eq!(para(&a), before);
    a.update(Action::Resize(60, 20));
    assert_eq!(para(&a), before);
}

#[test]
fn sort_cycles_and_list_moves() {
    let mut a = app(80, 24);
    let by_date = a.list.rows.clone();
    assert_eq!(
        a.corpus.articles[by_date[0]].meta.source.as_deref(),
        Some("The Independent"),
        "the dated article first"
    );
    cmd(&mut a, Command::Sort);
    let srcs: Vec<String> = a
        .list
        .rows
        .iter()
        .map(|&r| a.corpus.articles[r].meta.source.clone().unwrap())
        .collect();
    assert_eq!(srcs, ["CNN", "Russia Direct", "The Independent"]);
    cmd(&mut a, Command::Bottom);
    assert_eq!(a.list.selected, 2);
    cmd(&mut a, Command::Top);
    assert_eq!(a.list.selected, 0);
}

#[test]
fn next_and_previous_article_from_the_reader() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Open);
    let first = a.reader.open;
    cmd(&mut a, Command::NextArticle);
    assert_ne!(a.reader.open, first);
    assert_eq!(a.focus, Focus::Reader);
    cmd(&mut a, Command::PrevArticle);
    assert_eq!(a.reader.open, first);
}

#[test]
fn small_screen_views_40x12() {
    let mut a = app(40, 12);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "indep");
    insta::assert_snapshot!("filter_40x12", text(&render(&a)));
    a.update(Action::Command(Command::Cancel));
    cmd(&mut a, Command::Palette);
    typed(&mut a, "kosa");
    insta::assert_snapshot!("palette_40x12", text(&render(&a)));
    a.update(Action::Command(Command::Cancel));
    cmd(&mut a, Command::Open);
    cmd(&mut a, Command::Search);
    typed(&mut a, "flynn");
    insta::assert_snapshot!("search_40x12", text(&render(&a)));
    a.update(Action::Command(Command::Cancel));
    cmd(&mut a, Command::Help);
    insta::assert_snapshot!("help_40x12", text(&render(&a)));
}

#[test]
fn nothing_from_an_article_can_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil.txt"),
        "Evil \x1b]0;pwned\x07title\n\n\"Hello \x1b[2J world,\" said Jane \u{85}Doe \u{202e}reversed\u{202c} text with \x1b[31mred\x1b[0m in it.",
    )
    .unwrap();
    let mut a = common::app_of_folder(dir.path(), 80, 24);
    cmd(&mut a, Command::Open);
    let buf = render(&a);
    let all: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(all.contains("Hello") && all.contains("world"), "{all}");
    for bad in ['\x1b', '\x07', '\u{85}', '\u{202e}', '\u{202c}'] {
        assert!(!all.contains(bad), "{bad:?} reached the screen");
    }
    assert!(
        !all.contains("pwned") && !all.contains("[2J") && !all.contains("[31m"),
        "escape sequences are gone whole"
    );
}

#[test]
fn skipped_files_are_said_at_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Title\n\nSome text that is long enough to read here.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    let a = common::app_of_folder(dir.path(), 100, 24);
    let t = text(&render(&a));
    assert!(t.contains("b.txt: empty file"), "{t}");
}

#[test]
fn a_resize_keeps_the_message() {
    let mut a = app(80, 24);
    cmd(&mut a, Command::Sort);
    assert!(a.message.is_some());
    a.update(Action::Resize(100, 30));
    assert!(a.message.is_some(), "a resize is not the reader acting");
    cmd(&mut a, Command::Down);
    assert!(a.message.is_none());
}

#[test]
fn skipped_files_message_survives_state_and_index() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Title\n\nSome text that is long enough to read here.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    let c = common::load_dir(dir.path(), 1 << 20);
    let ix = Index::build(&c);
    let empty = Index::empty(&c);
    let mut a = App::new(c, empty, Keymap::builtin(), Theme::default(), (100, 24));
    let st = tempfile::tempdir().unwrap();
    a.attach_store(saywho::state::Store::open(st.path()), false);
    a.set_index(ix);
    assert!(
        a.message.as_deref().is_some_and(|m| m.contains("b.txt")),
        "{:?}",
        a.message
    );
}

#[test]
fn the_list_shows_source_and_what_the_count_means_at_100_to_160_columns() {
    for w in [100u16, 130, 160] {
        let t = text(&render(&app(w, 10)));
        let rows: Vec<&str> = t.lines().skip(1).take(3).collect();
        for (row, source) in rows.iter().zip(["The Ind", "CNN", "Russia"]) {
            assert!(row.contains(source), "{w} columns: no source in {row:?}");
        }
        // the people count says what it counts
        let first = t.lines().nth(1).unwrap();
        assert!(
            first.contains("4 quoted") || (first.contains("4q") && t.contains("Nq = N quoted")),
            "{w}: {t}"
        );
    }
}

#[test]
fn a_folder_is_the_source_when_nothing_names_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sport")).unwrap();
    std::fs::create_dir(dir.path().join("business")).unwrap();
    std::fs::write(
        dir.path().join("sport/a.txt"),
        "Collins wins gold\n\nKim Collins won the race.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("business/b.txt"),
        "Shares fall\n\nShares fell on Monday.",
    )
    .unwrap();
    let mut a = common::app_of_folder(dir.path(), 100, 10);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "source:sport");
    assert_eq!(a.list.rows.len(), 1);
    assert_eq!(a.corpus.articles[a.list.rows[0]].meta.title, "Collins wins gold");
    assert!(text(&render(&a)).contains("sport"));
}

#[test]
fn blanked_escape_sequences_show_as_one_space() {
    let body = "Colours\n\nThe word \x1b[31mRED\x1b[0m               text is here, and the article goes on for a while so it reads as running text.\n";
    let mut a = common::app_of(common::corpus_of(vec![common::article("esc", body)]), 100, 12);
    cmd(&mut a, Command::Open);
    let s = common::screen(&a);
    assert!(s.contains("The word RED text is here"), "{s}");
    assert!(!s.contains('\x1b'));
}

#[test]
fn b_stars_a_quote_on_screen_shows_a_star_and_b_lists_them() {
    for (w, h) in [(100u16, 30u16), (80, 24), (60, 14)] {
        let mut a = app(w, h);
        // Russia Direct, at the top
        cmd(&mut a, Command::Filter);
        typed(&mut a, "back away");
        a.update(Action::Command(Command::Submit));
        cmd(&mut a, Command::Open);
        let art = a.reader.open.unwrap();
        assert_eq!(a.corpus.articles[art].meta.source.as_deref(), Some("Russia Direct"));
        cmd(&mut a, Command::StarQuote);
        let Some(&saywho::index::QuoteRef { article: sa, quote: sq }) = a.session.starred_quotes.iter().next() else {
            assert_eq!(a.message.as_deref(), Some("no quote on screen"));
            continue;
        };
        assert_eq!(sa, art);
        // the starred quote is on screen: its speaker's note line is visible, with a ★
        let q = &a.index.quotes[sa][sq];
        let visible: Vec<_> = a
            .reader
            .layout
            .lines
            .iter()
            .skip(a.reader.scroll)
            .take(a.body_height())
            .collect();
        let top = visible.iter().find_map(|l| l.src).unwrap();
        let bottom = visible
            .iter()
            .rev()
            .find_map(|l| l.src.map(|s| s + l.text.len()))
            .unwrap();
        assert!(
            q.start < bottom && q.end > top,
            "{w}x{h}: quote {}..{} not in {top}..{bottom}",
            q.start,
            q.end
        );
        let s = text(&render(&a));
        assert!(s.contains('★'), "{w}x{h}: no star on screen:\n{s}");
        // B lists starred quotes; Enter goes to it
        cmd(&mut a, Command::Top);
        cmd(&mut a, Command::StarredQuotes);
        assert!(matches!(a.ui.overlay, Overlay::Choose(_)));
        assert!(text(&render(&a)).contains("Starred quotes (1)"));
        a.update(Action::Command(Command::Submit));
        assert_eq!(a.reader.open, Some(art));
        assert_eq!(a.reader.target, Some(saywho::index::QuoteRef::new(sa, sq)));
    }
}

#[test]
fn a_resize_keeps_the_place_and_the_search_match() {
    let mut a = app(100, 30);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "reacts");
    a.update(Action::Command(Command::Submit));
    cmd(&mut a, Command::Open);
    cmd(&mut a, Command::Search);
    typed(&mut a, "russia");
    a.update(Action::Command(Command::Submit));
    for _ in 0..5 {
        cmd(&mut a, Command::SearchNext);
    }
    for _ in 0..3 {
        cmd(&mut a, Command::Down);
    }
    let (percent, current, hits) = (a.percent(), a.reader.search.current, a.reader.search.hits.len());
    assert!(percent > 0 && current > 0, "{percent}% match {current}");
    let top = |a: &App| a.reader.layout.lines.iter().skip(a.reader.scroll).find_map(|l| l.src);
    let before = top(&a);
    // very big (everything fits, the scroll clamps to 0) and back
    a.update(Action::Resize(400, 120));
    assert_eq!(a.reader.search.current, current);
    a.update(Action::Resize(100, 30));
    assert_eq!(a.percent(), percent);
    assert_eq!(top(&a), before);
    assert_eq!((a.reader.search.current, a.reader.search.hits.len()), (current, hits));
    // narrower: the same text stays at the top
    a.update(Action::Resize(70, 30));
    let at = top(&a).unwrap();
    assert!(
        at <= before.unwrap() && before.unwrap() - at < 400,
        "{at} vs {before:?}"
    );
    assert_eq!(a.reader.search.current, current);
}

#[test]
fn next_unread_copy_and_input_editing() {
    let mut a = app(100, 30);
    // u opens the next unread article, marking it read, and says when none is left
    cmd(&mut a, Command::NextUnread);
    let first = a.reader.open.unwrap();
    assert!(a.list.read[first]);
    cmd(&mut a, Command::NextUnread);
    let second = a.reader.open.unwrap();
    assert_ne!(first, second);
    cmd(&mut a, Command::NextUnread);
    cmd(&mut a, Command::NextUnread);
    assert_eq!(a.message.as_deref(), Some("no unread articles left"));
    // y copies the quote on screen with its speaker; Y the article's address
    cmd(&mut a, Command::Bottom);
    cmd(&mut a, Command::CopyQuote);
    let copied = match a.effects.pop() {
        Some(saywho::tui::app::Effect::Copy(t)) => t,
        other => panic!("nothing copied: {other:?}"),
    };
    assert!(copied.contains(" — "), "{copied}");
    let s = text(&render(&a));
    let status = s.lines().last().unwrap();
    assert!(status.contains("copied:"), "the message shows: {status}");
    assert!(!status.contains("quit"), "hints step aside for a message: {status}");
    cmd(&mut a, Command::CopyUrl);
    let art = &a.corpus.articles[a.reader.open.unwrap()];
    let want = art.meta.url.clone().unwrap_or_else(|| art.path.clone());
    assert_eq!(a.effects.pop(), Some(saywho::tui::app::Effect::Copy(want)));
    // Ctrl-w and Ctrl-u in an input line
    cmd(&mut a, Command::Search);
    typed(&mut a, "russia reacts");
    a.update(Action::Command(Command::DeleteWord));
    assert_eq!(a.reader.search.query, "russia ");
    a.update(Action::Command(Command::ClearInput));
    assert_eq!(a.reader.search.query, "");
}

#[test]
fn clicking_a_link_follows_it() {
    let mut a = app(100, 40);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "reacts");
    a.update(Action::Command(Command::Submit));
    cmd(&mut a, Command::Open);
    let cnn = a.reader.open.unwrap();
    cmd(&mut a, Command::Bottom);
    let s = text(&render(&a));
    let row = s.lines().position(|l| l.contains("[1]")).expect("a link on screen") as u16;
    let col = s.lines().nth(row as usize).unwrap().find("[1]").unwrap() as u16;
    a.update(Action::Click { col, row });
    if matches!(a.ui.overlay, Overlay::Choose(_)) {
        a.update(Action::Command(Command::Submit));
    }
    assert_ne!(a.reader.open, Some(cnn), "the click followed the link");
}

#[test]
fn input_lines_edit_at_the_cursor() {
    let mut a = app(100, 30);
    cmd(&mut a, Command::Filter);
    typed(&mut a, "russia flynn");
    a.update(Action::Command(Command::CursorHome));
    typed(&mut a, "@");
    assert_eq!(a.list.query, "@russia flynn");
    a.update(Action::Command(Command::CursorEnd));
    a.update(Action::Command(Command::CursorLeft));
    a.update(Action::Command(Command::CursorLeft));
    a.update(Action::Command(Command::DeleteChar));
    assert_eq!(a.list.query, "@russia flnn");
    assert!(text(&render(&a)).contains("/@russia fl▏nn"));
    a.update(Action::Command(Command::CursorRight));
    a.update(Action::Command(Command::CursorRight));
    a.update(Action::Command(Command::CursorRight)); // past the end stays at the end
    typed(&mut a, "!");
    assert_eq!(a.list.query, "@russia flnn!");
    a.update(Action::Command(Command::CursorLeft));
    a.update(Action::Command(Command::ClearInput)); // Ctrl-u: everything before the cursor
    assert_eq!(a.list.query, "!");
    a.update(Action::Command(Command::Cancel));
    assert_eq!(a.ui.cursor, None);
}

fn press(app: &mut App, code: crossterm::event::KeyCode, mods: crossterm::event::KeyModifiers) {
    let ev = crossterm::event::KeyEvent::new(code, mods);
    if let Some(action) = app.key_action(&ev) {
        app.update(action);
    }
}

/// Every key goes through the keymap, the text-line and numbered-link keys too: a user's
/// `[keys.input]` and `[keys.reader] follow_number` change them.
#[test]
fn text_line_and_digit_keys_come_from_the_keymap() {
    use crossterm::event::{KeyCode as K, KeyModifiers as M};
    let text = "[keys.input]\nsubmit = [\"enter\", \"tab\"]\ncursor_home = [\"ctrl-b\"]\n\
                [keys.reader]\nfollow_number = [\"F5\", \"F6\"]\n";
    let keymap = Keymap::with_user(text, std::path::Path::new("config.toml")).unwrap();
    let mut a = app(100, 30);
    a.keymap = keymap;
    cmd(&mut a, Command::Filter);
    // q types itself in a text line (global keys do not apply there)
    for c in "qindep".chars() {
        press(&mut a, K::Char(c), M::NONE);
    }
    assert_eq!(a.list.query, "qindep");
    assert!(!a.quit);
    press(&mut a, K::Char('b'), M::CONTROL);
    assert_eq!(a.ui.cursor, Some(0), "ctrl-b moved the cursor home");
    press(&mut a, K::Backspace, M::NONE);
    assert_eq!(a.list.query, "qindep", "backspace at the start deletes nothing");
    press(&mut a, K::Char('e'), M::CONTROL);
    press(&mut a, K::Backspace, M::NONE);
    press(&mut a, K::Backspace, M::NONE);
    press(&mut a, K::Backspace, M::NONE);
    press(&mut a, K::Backspace, M::NONE);
    press(&mut a, K::Backspace, M::NONE);
    press(&mut a, K::Backspace, M::NONE);
    assert_eq!(a.list.query, "");
    press(&mut a, K::Tab, M::NONE);
    assert_eq!(a.ui.input, saywho::tui::app::Input::None, "tab submitted the line");
    // digits follow links only where the keymap says: here F5, not 1
    let art = a
        .corpus
        .articles
        .iter()
        .position(|x| x.meta.source.as_deref() == Some("The Independent"))
        .unwrap();
    a.open_article(art, None);
    a.focus = Focus::Reader;
    assert!(!a.reader.links.is_empty());
    press(&mut a, K::Char('1'), M::NONE);
    assert_eq!(a.reader.open, Some(art), "1 is not bound any more");
    press(&mut a, K::F(5), M::NONE);
    assert_ne!(a.reader.open, Some(art), "F5 followed link [1]");
}

/// In the help overlay `/` filters it (a key of the overlay context).
#[test]
fn help_filters_with_its_own_key() {
    use crossterm::event::{KeyCode as K, KeyModifiers as M};
    let mut a = app(100, 30);
    press(&mut a, K::Char('?'), M::NONE);
    assert!(matches!(a.ui.overlay, Overlay::Help { .. }));
    press(&mut a, K::Char('/'), M::NONE);
    for c in "cursor".chars() {
        press(&mut a, K::Char(c), M::NONE);
    }
    let rows = a.help_view();
    assert!(!rows.is_empty() && rows.iter().all(|r| r.0 == "input"), "{rows:?}");
}

#[test]
fn search_overlay_finds_across_articles_and_opens_at_the_match() {
    let mut a = app(100, 30);
    // before the search index arrives, the overlay says so
    cmd(&mut a, Command::Find);
    typed(&mut a, "russophobia");
    let Overlay::Find(f) = &a.ui.overlay else {
        panic!("no search overlay")
    };
    assert!(f.hits.is_empty());
    assert!(f.note.as_deref().unwrap_or("").contains("being built"), "{:?}", f.note);
    // the worker's index arrives: the open overlay answers
    let dir = tempfile::tempdir().unwrap();
    let si = saywho::search::SearchIndex::open(dir.path()).unwrap();
    let keys = saywho::search::SearchIndex::keys(&a.corpus);
    si.update(&a.corpus, &keys, &a.index, &|_, _| {}).unwrap();
    a.indexed(saywho::tui::app::Indexed::Search(Ok(saywho::tui::app::SearchHandle {
        index: si,
    })));
    assert!(a.awaiting(), "the query runs on a worker");
    a.finish_find();
    let Overlay::Find(f) = &a.ui.overlay else {
        panic!("the overlay closed")
    };
    assert_eq!(f.hits.len(), 2, "two articles say Russophobia: {f:?}");
    let first = f.hits[0].article;
    insta::assert_snapshot!(text(&render(&a)));
    a.update(Action::Command(Command::Submit));
    assert!(matches!(a.ui.overlay, Overlay::None));
    assert_eq!(a.reader.open, Some(first));
    assert_eq!(a.focus, Focus::Reader);
    assert!(
        !a.reader.search.hits.is_empty(),
        "the in-article search is on the query"
    );
    let (line, s, e) = a.reader.search.hits[a.reader.search.current];
    assert_eq!(a.reader.layout.lines[line].text[s..e].to_lowercase(), "russophobia");
    // a bad date is said, not a crash
    cmd(&mut a, Command::Find);
    typed(&mut a, "before:someday");
    let Overlay::Find(f) = &a.ui.overlay else { panic!() };
    assert!(f.note.as_deref().unwrap_or("").contains("not a date"), "{:?}", f.note);
}

/// A resize keeps the search match in use (it fell back to the first match on screen),
/// and stepping past the last match says it wrapped and shows the match.
#[test]
fn resize_keeps_the_search_match_and_n_wraps() {
    let mut a = app(100, 30);
    cmd(&mut a, Command::Open);
    cmd(&mut a, Command::Search);
    typed(&mut a, "the");
    a.update(Action::Command(Command::Submit));
    let n = a.reader.search.hits.len();
    assert!(n > 10, "{n}");
    for _ in 0..4 {
        cmd(&mut a, Command::SearchNext);
    }
    let byte = |a: &App| {
        let (li, s, _) = a.reader.search.hits[a.reader.search.current];
        a.reader.layout.lines[li].src.map(|src| src + s)
    };
    let before = (a.reader.search.current, byte(&a));
    for (w, h) in [(60, 30), (140, 40), (100, 30)] {
        a.update(Action::Resize(w, h));
        assert_eq!((a.reader.search.current, byte(&a)), before, "{w}x{h}");
        let (li, _, _) = a.reader.search.hits[a.reader.search.current];
        assert!(
            li >= a.reader.scroll && li < a.reader.scroll + 40,
            "the match is on screen at {w}x{h}"
        );
    }
    while a.reader.search.current + 1 < n {
        cmd(&mut a, Command::SearchNext);
    }
    cmd(&mut a, Command::SearchNext);
    assert_eq!(a.reader.search.current, 0);
    assert!(
        a.message.as_deref().is_some_and(|m| m.contains("wrapped")),
        "{:?}",
        a.message
    );
    let (li, _, _) = a.reader.search.hits[0];
    assert!(li >= a.reader.scroll, "the first match is shown");
}

#[test]
fn tag_filter_and_the_tag_where_no_source_is_named() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("bridge.md"),
        "---\ntitle: Bridge reopens early\ntags: [Local, Island]\n---\n\nThe bridge reopened two weeks early, the council said on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("crane.md"),
        "---\ntitle: Harbour gets new crane\nsource: Coast News\ntags: Wire\n---\n\nA new crane arrived at the harbour on Tuesday, the port said.\n",
    )
    .unwrap();
    let mut a = common::app_of_folder(d.path(), 100, 12);
    // the source column shows the first tag where the article names no source
    let t = text(&render(&a));
    let row = t.lines().find(|l| l.contains("Bridge reopens early")).unwrap();
    assert!(row.contains("Local"), "{t}");
    cmd(&mut a, Command::Filter);
    typed(&mut a, "tag:wire");
    let t = text(&render(&a));
    assert!(
        t.contains("Harbour gets new crane") && !t.contains("Bridge reopens early"),
        "{t}"
    );
}

/// A big article is laid out on a worker: the reader shows a placeholder and keeps
/// answering keys; once the layout is in, the screen goes where it was asked to (the
/// place the article was left at, the same text at the top after a resize).
#[test]
fn a_big_article_is_laid_out_on_a_worker_while_keys_answer() {
    let d = tempfile::tempdir().unwrap();
    // (a word takes under 6 bytes here)
    let text = saywho::synth::council_article(saywho::tui::app::BIG_ARTICLE_WORDS * 7);
    std::fs::write(d.path().join("big.txt"), text).unwrap();
    std::fs::write(
        d.path().join("small.txt"),
        "Small article\n\nThe council met. \"It is fine,\" said Ann Lee.\n",
    )
    .unwrap();
    let mut a = common::app_of_folder(d.path(), 100, 20);
    let at =
        |a: &saywho::tui::app::App, file: &str| a.corpus.articles.iter().position(|x| x.path.ends_with(file)).unwrap();
    let (big, small) = (at(&a, "big.txt"), at(&a, "small.txt"));
    assert!(a.corpus.articles[big].words >= saywho::tui::app::BIG_ARTICLE_WORDS);
    a.open_article(big, None);
    assert!(a.laying_out());
    let t = text_of(&a);
    assert!(t.contains("Laying out this article"), "{t}");
    // keys answer meanwhile
    cmd(&mut a, Command::HistoryBack);
    cmd(&mut a, Command::Help);
    assert!(
        matches!(a.ui.overlay, Overlay::Help { .. }),
        "a key handled while the article is laid out"
    );
    cmd(&mut a, Command::Back);
    a.finish_layout();
    assert!(!a.laying_out());
    let t = text_of(&a);
    assert!(t.contains("on day 0 to discuss") && !t.contains("Laying out"), "{t}");
    // down the article, away and back: the place comes back once the layout is in
    a.open_article(big, None);
    a.focus = Focus::Reader;
    a.finish_layout();
    for _ in 0..40 {
        cmd(&mut a, Command::PageDown);
    }
    let top = |a: &App| a.reader.layout.lines.iter().skip(a.reader.scroll).find_map(|l| l.src);
    let (scroll, at) = (a.reader.scroll, top(&a));
    assert!(scroll > 300, "{scroll}");
    a.open_article(small, None);
    assert!(!a.laying_out());
    a.open_article(big, None);
    assert!(a.laying_out() && a.reader.scroll == 0, "a placeholder, at its top");
    a.finish_layout();
    assert_eq!((a.reader.scroll, top(&a)), (scroll, at));
    // a resize: the same text at the top, in the new layout
    a.update(Action::Resize(90, 20));
    assert!(a.laying_out(), "the new width is laid out on the worker");
    assert_eq!(a.reader.scroll, scroll, "the old layout shows meanwhile");
    a.finish_layout();
    assert_eq!(a.reader.layout.width, a.reader_width());
    let now = top(&a).unwrap();
    assert!(now <= at.unwrap() && at.unwrap() - now < 200, "{now} vs {at:?}");
}

fn text_of(a: &App) -> String {
    text(&render(a))
}

#[test]
fn a_reload_replaces_the_articles_and_keeps_the_settings_and_the_place() {
    let mut a = app(100, 30);
    cmd(&mut a, Command::Sort); // by source
    a.list.mark_read_on_open = false;
    a.background.syncing = true;
    cmd(&mut a, Command::Bottom);
    cmd(&mut a, Command::Open);
    cmd(&mut a, Command::PageDown);
    cmd(&mut a, Command::People);
    cmd(&mut a, Command::HistoryBack); // back in the reader, with a way forward
    assert_eq!(a.focus, Focus::Reader);
    assert!(!a.session.forward.is_empty());
    let open = a.reader.open.map(|o| a.corpus.articles[o].path.clone());
    assert!(open.is_some());
    let place = a.reader.layout.anchor(a.reader.scroll).map(|(para, _)| para);
    assert!(place.is_some_and(|p| p > 0));

    // the same folder read again, its articles in another order
    let mut corpus = saywho::corpus::load_bundled(&Rules::builtin());
    corpus.articles.reverse();
    let index = Index::empty(&corpus);
    a.reload(std::sync::Arc::new(corpus), index, "3 articles, 0 new".into());

    assert_eq!(a.list.sort, saywho::tui::app::Sort::Source, "the sort stays");
    assert!(!a.list.mark_read_on_open, "a setting stays");
    assert!(a.background.syncing, "what runs goes on running");
    assert_eq!(a.reader.open.map(|o| a.corpus.articles[o].path.clone()), open);
    // (at the same paragraph: the layout without the index has no speaker notes)
    assert_eq!(a.reader.layout.anchor(a.reader.scroll).map(|(para, _)| para), place);
    assert_eq!(a.focus, Focus::Reader);
    assert!(
        a.session.back.is_empty() && a.session.forward.is_empty(),
        "history was the old corpus's"
    );
    assert_eq!(a.message.as_deref(), Some("3 articles, 0 new"));
    let srcs: Vec<_> = a
        .list
        .rows
        .iter()
        .map(|&r| a.corpus.articles[r].meta.source.clone())
        .collect();
    assert_eq!(
        srcs,
        [
            Some("CNN".into()),
            Some("Russia Direct".into()),
            Some("The Independent".into())
        ]
    );
}

/// An app over the articles of folder `dir`, with the state store in `st`.
fn app_over(dir: &std::path::Path, st: &std::path::Path) -> App {
    let mut a = common::app_of_folder(dir, 100, 24);
    a.attach_store(saywho::state::Store::open(st), false);
    a
}

#[test]
fn a_filter_typed_in_one_folder_is_not_taken_up_in_another() {
    let (one, other, st) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    for (dir, titles) in [
        (&one, ["Blair speaks", "Budget day"]),
        (&other, ["Rugby final", "Tennis news"]),
    ] {
        for (i, t) in titles.iter().enumerate() {
            let body = format!("{t}\n\nSome text that is long enough to read here, about {t}.");
            std::fs::write(dir.path().join(format!("{i}.txt")), body).unwrap();
        }
    }
    let mut a = app_over(one.path(), st.path());
    cmd(&mut a, Command::Filter);
    typed(&mut a, "blair");
    cmd(&mut a, Command::Submit);
    assert_eq!(a.list.rows.len(), 1);
    a.save_session();

    // another folder: its whole list, not "No article matches the filter"
    let mut b = app_over(other.path(), st.path());
    assert_eq!((b.list.query.as_str(), b.list.rows.len()), ("", 2));
    b.save_session();

    // the first folder's own session is taken up there (written again by its own run)
    let mut a = app_over(one.path(), st.path());
    cmd(&mut a, Command::Filter);
    typed(&mut a, "budget");
    cmd(&mut a, Command::Submit);
    a.save_session();
    let a = app_over(one.path(), st.path());
    assert_eq!((a.list.query.as_str(), a.list.rows.len()), ("budget", 1));
}
