//! The reader's hot paths: `cargo bench --bench tui`.
//! - filter keystroke (re-filter + sort + highlights, through `App::update`) over the BBC
//!   corpus (skipped when absent) and over 100,000 synthetic articles;
//! - frame render at 200×50 at the top, middle and end of a 1 MiB article.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use saywho::corpus::{self, Article, Corpus, LoadOptions, Rules, decode::Encoding};
use saywho::index::Index;
use saywho::tui::app::{Action, App};
use saywho::tui::keymap::{Command, Keymap};
use saywho::tui::theme::Theme;
use saywho::tui::view;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn app(corpus: Corpus, size: (u16, u16)) -> App {
    let index = Index::build(&corpus);
    App::new(corpus, index, Keymap::builtin(), Theme::default(), size)
}

fn synthetic(n: usize) -> Corpus {
    let rules = Rules::builtin();
    let mut r = saywho::synth::Rng::new(42);
    let articles = (0..n)
        .map(|i| {
            Article::parse(
                format!("s{i}"),
                format!("synthetic/{i}"),
                saywho::synth::article(&mut r, 2),
                Encoding::Utf8,
                &rules,
            )
            .0
        })
        .collect();
    Corpus::new(articles, vec![])
}

/// Time keystroke `k` of typing `word` into the list filter, starting from an empty filter.
fn keystrokes(c: &mut Criterion, name: &str, app: &mut App, word: &str) {
    let mut g = c.benchmark_group(format!("filter keystroke/{name}"));
    g.sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500));
    app.update(Action::Command(Command::Filter));
    for k in 0..word.chars().count() {
        let label = format!("{}|{}", &word[..k], &word[k..=k]);
        g.bench_function(BenchmarkId::from_parameter(label), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    for (i, ch) in word.chars().enumerate().take(k + 1) {
                        let t = Instant::now();
                        app.update(Action::Char(ch));
                        if i == k {
                            total += t.elapsed();
                        }
                    }
                    for _ in 0..=k {
                        app.update(Action::Command(Command::DeleteChar));
                    }
                }
                total
            })
        });
    }
    app.update(Action::Command(Command::Cancel));
    g.finish();
}

fn filter(c: &mut Criterion) {
    let bbc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    if bbc.is_dir() {
        let rules = Rules::builtin();
        let corpus = corpus::load_paths(
            &[bbc],
            &LoadOptions {
                max_size: corpus::load::DEFAULT_MAX_SIZE,
                rules: &rules,
                progress: None,
                cache: None,
            },
        );
        let mut a = app(corpus, (200, 50));
        keystrokes(c, "bbc 2225", &mut a, "minister");
    } else {
        eprintln!("skipping the BBC filter bench: ../shared/data/bbc is absent");
    }
    let mut a = app(synthetic(100_000), (200, 50));
    keystrokes(c, "synthetic 100k", &mut a, "minister");
}

fn render(c: &mut Criterion) {
    let rules = Rules::builtin();
    let text = saywho::synth::long_article(9, 1 << 20);
    let (article, _) = Article::parse("big".into(), "big".into(), text, Encoding::Utf8, &rules);
    let mut a = app(Corpus::new(vec![article], vec![]), (200, 50));
    a.update(Action::Command(Command::Open));
    let max = a.max_scroll();
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    let mut g = c.benchmark_group("frame 200x50, 1 MiB article");
    for (name, pos) in [("top", 0), ("middle", max / 2), ("end", max)] {
        a.reader.scroll = pos;
        g.bench_function(name, |b| {
            b.iter(|| term.draw(|f| view::draw(f, &a)).map(|_| ()).expect("draw"))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("layout 1 MiB article");
    g.sample_size(10);
    g.bench_function("re-wrap on resize", |b| {
        let mut w = 200;
        b.iter(|| {
            w = if w == 200 { 199 } else { 200 };
            a.update(Action::Resize(w, 50));
        })
    });
    g.finish();
}

criterion_group!(benches, filter, render);
criterion_main!(benches);
