//! Cross-links: people quoted in several articles, statements, following links and history.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use saywho::corpus::{self, Rules};
use saywho::index::Index;
use saywho::quotes::QuoteKind;
use saywho::tui::app::{Action, App, Focus};
use saywho::tui::keymap::{Command, Keymap};
use saywho::tui::theme::Theme;
use saywho::tui::view;

fn bundled() -> (corpus::Corpus, Index) {
    let c = corpus::load_bundled(&Rules::builtin());
    let ix = Index::build(&c);
    (c, ix)
}

fn app(w: u16, h: u16) -> App {
    let (c, ix) = bundled();
    App::new(c, ix, Keymap::builtin(), Theme::default(), (w, h))
}

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    common::buffer_text(t.backend().buffer())
}

fn ids(c: &corpus::Corpus, ix: &Index, name: &str) -> Vec<String> {
    let p = &ix.people[ix.find_person(name).unwrap()];
    p.articles.iter().map(|&a| c.articles[a].id.clone()).collect()
}

#[test]
fn people_linked_across_the_bundled_corpus() {
    let (c, ix) = bundled();
    assert_eq!(
        ids(&c, &ix, "Konstantin Kosachev"),
        ["000_60cf7d78ee1ee50f", "002_a6dbcf461c5f4e37"]
    );
    assert_eq!(
        ids(&c, &ix, "Donald Trump"),
        ["000_60cf7d78ee1ee50f", "001_fd44dedc337e22ef"]
    );
    let linked: Vec<&str> = ix
        .people
        .iter()
        .filter(|p| p.articles.len() >= 2)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(linked.len(), 2, "{linked:?}");
    // nobody is linked by a scare quote
    for p in ix.people.iter().filter(|p| p.articles.len() >= 2) {
        for &a in &p.articles {
            assert!(
                p.quotes
                    .iter()
                    .any(|r| r.article == a && ix.quotes[r.article][r.quote].kind != QuoteKind::Scare)
            );
        }
    }
}

#[test]
fn either_trump_is_one_statement_in_two_articles() {
    let (c, ix) = bundled();
    let kosachev = ix.find_person("Kosachev").unwrap();
    let st = ix.statements_of(kosachev);
    assert_eq!(st.len(), 1, "{st:?}");
    let texts: Vec<&str> = st[0]
        .quotes
        .iter()
        .map(|r| {
            let q = &ix.quotes[r.article][r.quote];
            assert_eq!(
                q.text,
                saywho::text::words::collapse(&c.articles[r.article].body().unwrap().text[q.start..q.end])
            );
            q.text.as_str()
        })
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(texts[0].starts_with("“Either Trump has not gained"));
    assert!(texts[1].starts_with("“Either Trump hasn’t found"));
}

fn open_cnn(a: &mut App) {
    a.update(Action::Command(Command::Filter));
    for ch in "reacts".chars() {
        a.update(Action::Char(ch));
    }
    a.update(Action::Command(Command::Submit));
    a.update(Action::Command(Command::Open));
    assert_eq!(
        a.corpus.articles[a.reader.open.unwrap()].meta.source.as_deref(),
        Some("CNN")
    );
}

#[test]
fn follow_back_forward_restores_everything() {
    let mut a = app(100, 30);
    open_cnn(&mut a);
    for _ in 0..7 {
        a.update(Action::Command(Command::Down));
    }
    let before = a.snapshot();
    let kosachev = a.index.find_person("Kosachev").unwrap();
    let n = a.reader.links.iter().position(|&p| p == kosachev).unwrap();
    a.update(Action::FollowNumber(n + 1));
    assert_eq!(
        a.corpus.articles[a.reader.open.unwrap()].meta.source.as_deref(),
        Some("The Independent")
    );
    assert_eq!(a.focus, Focus::Reader);
    let target = a.reader.target.expect("a quote is highlighted");
    assert_eq!(a.index.speaker_of(target.article, target.quote), Some(kosachev));
    let landed = a.snapshot();
    a.update(Action::Command(Command::HistoryBack));
    let back = a.snapshot();
    assert_eq!(back.open, before.open);
    assert_eq!(back.scroll, before.scroll);
    assert_eq!(back.selected_article, before.selected_article);
    assert_eq!(back.query, before.query);
    assert_eq!(back.focus, before.focus);
    a.update(Action::Command(Command::HistoryForward));
    let fwd = a.snapshot();
    assert_eq!(
        (fwd.open, fwd.scroll, fwd.selected_article, fwd.query.clone(), fwd.focus),
        (
            landed.open,
            landed.scroll,
            landed.selected_article,
            landed.query.clone(),
            landed.focus
        )
    );
}

#[test]
fn reader_with_link_markers_and_also_quoted() {
    let mut a = app(100, 40);
    open_cnn(&mut a);
    let s = screen(&a);
    insta::assert_snapshot!("reader_links_top", s);
    a.update(Action::Command(Command::Bottom));
    let s = screen(&a);
    assert!(s.contains("Also quoted elsewhere"), "{s}");
    let all: Vec<&str> = a.reader.layout.lines.iter().map(|l| l.text.trim()).collect();
    let all = all.join(" ");
    assert!(
        all.contains("Konstantin Kosachev [1], also reported by The Independent"),
        "{all}"
    );
    insta::assert_snapshot!("reader_links_bottom", s);
}

#[test]
fn people_view_and_a_persons_quotes() {
    let mut a = app(100, 24);
    a.update(Action::Command(Command::People));
    assert_eq!(a.focus, Focus::People);
    insta::assert_snapshot!("people_view", screen(&a));
    a.update(Action::Command(Command::Filter));
    for ch in "kosa".chars() {
        a.update(Action::Char(ch));
    }
    a.update(Action::Command(Command::Submit));
    assert_eq!(a.people.rows.len(), 1);
    a.update(Action::Command(Command::Open));
    insta::assert_snapshot!("person_quotes", screen(&a));
    a.update(Action::Command(Command::Down));
    a.update(Action::Command(Command::Open));
    assert_eq!(a.focus, Focus::Reader);
    let saywho::index::QuoteRef { article: art, quote: q } = a.reader.target.unwrap();
    assert_eq!(a.index.speaker_of(art, q), a.index.find_person("Kosachev"));
    // and back to the person's quotes
    a.update(Action::Command(Command::HistoryBack));
    assert_eq!(a.focus, Focus::People);
    assert!(a.people.person.is_some());
}

#[test]
fn back_keeps_the_selected_link_and_follow_without_one_says_so() {
    let mut a = app(100, 30);
    open_cnn(&mut a);
    // Enter with no link selected: a message, not silence
    a.message = None;
    a.update(Action::Command(Command::Follow));
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.contains("no link selected"), "{msg:?}");
    assert_eq!(
        a.corpus.articles[a.reader.open.unwrap()].meta.source.as_deref(),
        Some("CNN")
    );
    // select the second link, follow it, come back: still the second link
    a.update(Action::Command(Command::NextLink));
    a.update(Action::Command(Command::NextLink));
    let selected = a.reader.link_selected;
    assert_eq!(selected, Some(1));
    a.update(Action::Command(Command::Follow));
    assert_ne!(
        a.corpus.articles[a.reader.open.unwrap()].meta.source.as_deref(),
        Some("CNN")
    );
    // a chooser may ask where to go when there are several articles
    if !matches!(a.ui.overlay, saywho::tui::app::Overlay::None) {
        a.update(Action::Command(Command::Submit));
    }
    a.update(Action::Command(Command::HistoryBack));
    assert_eq!(
        a.corpus.articles[a.reader.open.unwrap()].meta.source.as_deref(),
        Some("CNN")
    );
    assert_eq!(a.reader.link_selected, selected);
    assert!(screen(&a).contains("CNN"));
}

#[test]
fn people_filter_ranks_name_matches_first_and_quotes_read_whole() {
    let long = "We will keep working on this until every single one of the families who lost their homes in the floods has somewhere safe and warm to live, however long that takes";
    let oxley = format!(
        "Flood relief\n\nFran Oxley, the charity's director, spoke on Monday.\n\n\"{long},\" said Fran Oxley.\n\n\"The response has been remarkable,\" Ms Oxley said.\n\n\"We need more volunteers,\" she added.\n"
    );
    let fox = "Defence review\n\nThe shadow defence secretary Liam Fox spoke on Tuesday.\n\n\"This review is long overdue and it must be honest about the cost,\" said Liam Fox.\n";
    let c = common::corpus_of(vec![common::article("flood", &oxley), common::article("defence", fox)]);
    let mut a = common::app_of(c, 80, 20);
    a.update(Action::Command(Command::People));
    let names: Vec<String> = a.people.rows.iter().map(|&p| a.index.people[p].name.clone()).collect();
    assert_eq!(names.first().map(String::as_str), Some("Fran Oxley"), "{names:?}");
    a.update(Action::Command(Command::Filter));
    for ch in "fox".chars() {
        a.update(Action::Char(ch));
    }
    a.update(Action::Command(Command::Submit));
    let first = a.people.rows.first().map(|&p| a.index.people[p].name.clone());
    assert_eq!(first.as_deref(), Some("Liam Fox"));
    let s = common::screen(&a);
    assert!(s.contains("1 quote ") && s.contains("1 article "), "{s}");
    // Fran Oxley's long quote reads whole, wrapped
    let c = common::corpus_of(vec![common::article("flood", &oxley), common::article("defence", fox)]);
    let mut a = common::app_of(c, 80, 20);
    a.update(Action::Command(Command::People));
    a.update(Action::Command(Command::Open));
    let s = common::screen(&a);
    let joined: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains("however long that takes"), "{s}");
    assert!(s.contains("3 quotes in 1 article"), "{s}");
}
