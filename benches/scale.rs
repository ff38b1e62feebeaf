//! How saywho scales: ../shared/data/bbc copied N times into a temp folder (×1 and ×20 by
//! default: 2,225 and 44,500 articles), whole-process figures of the real binary (wall
//! time, peak memory from wait4) and the reader's search answering typed keys in process.
//! `cargo bench --bench scale` (or `-- 1,5,20` for other sizes). Skips when the data is
//! absent. Issue 11's targets are printed beside the ×20 figures.

#[path = "common/measure.rs"]
mod measure;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

struct Figure {
    ms: f64,
    mb: f64,
}

fn main() {
    let bbc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    if !bbc.is_dir() {
        println!("skipping: {} is absent", bbc.display());
        return;
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 20]);
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut rows: Vec<(usize, Vec<(&str, Figure)>)> = Vec::new();
    for &n in &sizes {
        let corpus = tmp.path().join(format!("x{n}"));
        let files = copy_n(&bbc, &corpus, n);
        println!("\n×{n}: {files} files in {}", corpus.display());
        rows.push((n, measure(&corpus, &tmp.path().join(format!("cache{n}")), tmp.path())));
    }
    if rows.len() > 1 {
        let (n0, first) = &rows[0];
        let (n1, last) = &rows[rows.len() - 1];
        println!("\ngrowth ×{n0} → ×{n1} (corpus ×{}):", n1 / n0);
        for ((name, a), (_, b)) in first.iter().zip(last) {
            println!(
                "  {name:<28} time ×{:>5.1}   memory ×{:>4.1}",
                b.ms / a.ms.max(0.001),
                b.mb / a.mb.max(0.001)
            );
        }
    }
}

/// Copy `from` into `to` `n` times (to/c01, to/c02, ...); returns the number of files.
fn copy_n(from: &Path, to: &Path, n: usize) -> usize {
    let mut count = 0;
    for i in 1..=n {
        for e in walkdir::WalkDir::new(from).into_iter().flatten() {
            let rel = e.path().strip_prefix(from).expect("under the root");
            let dest = to.join(format!("c{i:02}")).join(rel);
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&dest).expect("mkdir");
            } else if e.file_type().is_file() {
                std::fs::copy(e.path(), &dest).expect("copy");
                count += 1;
            }
        }
    }
    count
}

fn measure(corpus: &Path, cache: &Path, home: &Path) -> Vec<(&'static str, Figure)> {
    let exe = env!("CARGO_BIN_EXE_saywho");
    let c = corpus.display().to_string();
    let cache_s = cache.display().to_string();
    let args = |rest: &[&str]| -> Vec<String> {
        let mut v = vec!["--cache-dir".to_string(), cache_s.clone()];
        v.extend(rest.iter().map(|s| s.to_string()));
        v
    };
    let mut out = Vec::new();
    // cold: an empty cache each run (everything read, extracted, stored)
    let cold = median(3, || {
        let _ = std::fs::remove_dir_all(cache);
        run(exe, &args(&["people", &c]), home).expect("cold run")
    });
    report("people cold", &cold, "");
    // warm: nothing changed since the last run
    let warm = median(7, || run(exe, &args(&["people", &c]), home).expect("warm run"));
    report(
        "people warm",
        &warm,
        &format!(
            "≤ 1 s, ≤ 15% of cold (here {:.0}%), ≤ 250 MB",
            100.0 * warm.ms / cold.ms
        ),
    );
    // one file added before each run: it alone is read and extracted
    let mut k = 0;
    let added = median(5, || {
        k += 1;
        std::fs::write(
            corpus.join(format!("added-{k}.txt")),
            format!("Late news {k}\n\n“We have news number {k},” said Jane Okafor, the harbour master.\n"),
        )
        .expect("write");
        let (f, err) = run_err(exe, &args(&["-v", "people", &c]), home).expect("added run");
        assert!(
            err.contains("1 files read") && err.contains(" 1 of "),
            "one file read and extracted: {err}"
        );
        f
    });
    report(
        "people, one file added",
        &added,
        &format!(
            "within 10% of warm (here {:+.0}%); -v: 1 file read, 1 extracted",
            100.0 * (added.ms / warm.ms - 1.0)
        ),
    );
    // search: the first run builds the search index, then warm
    let q = "\"chancellor Gordon Brown\"";
    let first = run(exe, &args(&["search", q, &c]), home).expect("search");
    report("search first (indexing)", &first, "");
    let search = median(7, || run(exe, &args(&["search", q, &c]), home).expect("search"));
    report("search warm", &search, "≤ 0.5 s");
    // the reader's first frame, warm
    let frame = median(7, || {
        run(
            exe,
            &args(&["--exit-after-first-frame", "--headless", "--fresh", &c]),
            home,
        )
        .expect("first frame")
    });
    report("reader first frame warm", &frame, "≤ 150 ms");
    // a query typed in the reader's search overlay, key by key
    let typed = typed_query(corpus, cache);
    report("reader query, per key (max)", &typed, "≤ 30 ms");
    out.push(("people cold", cold));
    out.push(("people warm", warm));
    out.push(("people, one file added", added));
    out.push(("search warm", search));
    out.push(("reader first frame warm", frame));
    out.push(("reader query per key (max)", typed));
    out
}

/// The slowest answer of the search overlay while "chancellor gordon brown" is typed
/// into it, one key at a time (memory: none measured, 0).
fn typed_query(corpus: &Path, cache: &Path) -> Figure {
    use saywho::tui::app::{Action, App, SearchHandle};
    let rules = saywho::corpus::Rules::builtin();
    let c = saywho::cache::Cache::open(cache).expect("cache");
    let loaded = saywho::corpus::load_paths(
        &[corpus.to_path_buf()],
        &saywho::corpus::LoadOptions {
            max_size: saywho::corpus::load::DEFAULT_MAX_SIZE,
            rules: &rules,
            progress: None,
            cache: Some(&*c),
        },
    );
    let index = saywho::search::SearchIndex::open(cache).expect("search index");
    let empty = saywho::index::Index::empty(&loaded);
    let mut app = App::new(
        loaded,
        empty,
        saywho::tui::keymap::Keymap::builtin(),
        saywho::tui::theme::Theme::default(),
        (120, 40),
    );
    app.background.search_index = Some(std::sync::Arc::new(SearchHandle { index }));
    app.update(Action::Command(saywho::tui::keymap::Command::Find));
    let mut worst = 0.0f64;
    for ch in "chancellor gordon brown".chars() {
        let t = Instant::now();
        app.update(Action::Char(ch));
        worst = worst.max(t.elapsed().as_secs_f64() * 1000.0);
    }
    Figure { ms: worst, mb: 0.0 }
}

fn median(runs: usize, mut f: impl FnMut() -> Figure) -> Figure {
    let mut v: Vec<Figure> = (0..runs).map(|_| f()).collect();
    v.sort_by(|a, b| a.ms.total_cmp(&b.ms));
    let mut mbs: Vec<f64> = v.iter().map(|f| f.mb).collect();
    mbs.sort_by(f64::total_cmp);
    Figure {
        ms: v[runs / 2].ms,
        mb: mbs[runs / 2],
    }
}

fn report(name: &str, f: &Figure, goal: &str) {
    println!("  {name:<28} {:>8.1} ms  {:>6.1} MB   {goal}", f.ms, f.mb);
}

fn run(exe: &str, args: &[String], home: &Path) -> Option<Figure> {
    run_err(exe, args, home).map(|(f, _)| f)
}

/// Run saywho with its state and config in `home`: (wall time, peak RSS) and stderr.
fn run_err(exe: &str, args: &[String], home: &Path) -> Option<(Figure, String)> {
    let err_path = home.join("stderr.txt");
    let err_file = std::fs::File::create(&err_path).ok()?;
    let (ms, kb) = measure::measure(
        Command::new(exe)
            .args(args)
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .stdout(Stdio::null())
            .stderr(err_file)
            .stdin(Stdio::null()),
    )?;
    let err = std::fs::read_to_string(&err_path).unwrap_or_default();
    Some((
        Figure {
            ms,
            mb: kb as f64 / 1024.0,
        },
        err,
    ))
}
