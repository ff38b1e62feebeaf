//! Whole-process figures: wall time and peak memory (max RSS) of the real binary, median of
//! several runs. `cargo bench --bench process` (skips a case whose data is absent).
//!
//! Wall time is measured around spawn..wait; peak memory comes from wait4's rusage, so it is
//! the child's own figure, not this harness's.

#[path = "common/measure.rs"]
mod measure;

use std::path::PathBuf;
use std::process::{Command, Stdio};

const RUNS: usize = 15;

struct Case {
    name: &'static str,
    args: Vec<String>,
    goal: &'static str,
}

fn main() {
    let exe = env!("CARGO_BIN_EXE_saywho");
    let bbc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.as_deref().is_none_or(|f| "tui large article".contains(f)) {
        large_article(exe);
    }
    let pages = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/webpages-dev/pages");
    if filter.as_deref().is_none_or(|f| "list webpages-dev".contains(f)) {
        if pages.is_dir() {
            // every page extracted (reader mode, furniture, metadata): 155 pages, 27 MB
            report(
                exe,
                &Case {
                    name: "list webpages-dev",
                    args: vec!["--no-cache".into(), "list".into(), pages.display().to_string()],
                    goal: "≤ 1.2 × the build before",
                },
            );
        } else {
            println!("skipping list webpages-dev: {} is absent", pages.display());
        }
    }
    if !bbc.is_dir() {
        println!("skipping: {} is absent", bbc.display());
        return;
    }
    let bbc = bbc.display().to_string();
    // "cold" extracts every article (--no-cache); "warm" reads the quote cache, filled by
    // a first run into a folder of its own
    let cache = tempfile::tempdir().expect("temp dir");
    let warm = |args: &[&str]| -> Vec<String> {
        let mut v = vec!["--cache-dir".to_string(), cache.path().display().to_string()];
        v.extend(args.iter().map(|s| s.to_string()));
        v
    };
    let _ = run(exe, &warm(&["people", &bbc]));
    let cases = vec![
        Case {
            name: "list bbc",
            args: vec!["list".into(), bbc.clone()],
            goal: "≤ 50 ms, ≤ 40 MB",
        },
        Case {
            name: "quotes --json bbc cold",
            args: vec!["--no-cache".into(), "quotes".into(), "--json".into(), bbc.clone()],
            goal: "≤ 250 ms",
        },
        Case {
            name: "quotes --json bbc warm",
            args: warm(&["quotes", "--json", &bbc]),
            goal: "",
        },
        Case {
            name: "people --json bbc cold",
            args: vec!["--no-cache".into(), "people".into(), "--json".into(), bbc.clone()],
            goal: "",
        },
        Case {
            name: "people --json bbc warm",
            args: warm(&["people", "--json", &bbc]),
            goal: "",
        },
        Case {
            name: "links --json bbc cold",
            args: vec!["--no-cache".into(), "links".into(), "--json".into(), bbc.clone()],
            goal: "",
        },
        Case {
            name: "tui first frame bbc",
            args: vec![
                "--no-cache".into(),
                "--exit-after-first-frame".into(),
                "--headless".into(),
                "--fresh".into(),
                bbc.clone(),
            ],
            goal: "≤ 100 ms, ≤ 50 MB",
        },
    ];
    for case in cases {
        if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
            continue;
        }
        report(exe, &case);
    }
}

/// The reader on a 15 MB article (78,000 quotes), the quote cache warm: the first frame
/// (a placeholder while a worker lays the article out) and the whole run to the article
/// on screen (headless: the index from the cache, then the worker's layout).
fn large_article(exe: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("big");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join("big.txt"), saywho::synth::council_article(15_000_000)).expect("write");
    std::fs::write(
        folder.join("small.txt"),
        "Small article\n\nThe council met. \"It is fine,\" said Ann Lee.\n",
    )
    .expect("write");
    let arg = |s: &std::path::Path| s.display().to_string();
    let common = vec![
        "--cache-dir".to_string(),
        arg(&dir.path().join("cache")),
        "--state-dir".to_string(),
        arg(&dir.path().join("state")),
    ];
    let with = |more: &[&str]| -> Vec<String> {
        let mut v = common.clone();
        v.extend(more.iter().map(|s| s.to_string()));
        v.push(arg(&folder));
        v
    };
    let _ = run(exe, &with(&["quotes", "--json"]));
    report(
        exe,
        &Case {
            name: "tui large article: first frame",
            args: with(&["--exit-after-first-frame", "--headless"]),
            goal: "a frame (≤ 100 ms)",
        },
    );
    report(
        exe,
        &Case {
            name: "tui large article: laid out",
            args: with(&["--headless"]),
            goal: "(off the input thread)",
        },
    );
}

/// Run a case RUNS times and print its median wall time and peak memory.
fn report(exe: &str, case: &Case) {
    let mut times = Vec::new();
    let mut rss = Vec::new();
    let mut ok = true;
    for _ in 0..RUNS {
        match run(exe, &case.args) {
            Some((t, kb)) => {
                times.push(t);
                rss.push(kb);
            }
            None => {
                ok = false;
                break;
            }
        }
    }
    if !ok {
        println!("{:<24} failed to run (not built yet?)", case.name);
        return;
    }
    times.sort_by(f64::total_cmp);
    rss.sort();
    println!(
        "{:<24} median {:>7.1} ms  (min {:.1}, max {:.1})  peak RSS median {:>6.1} MB   goal {}",
        case.name,
        times[RUNS / 2],
        times[0],
        times[RUNS - 1],
        rss[RUNS / 2] as f64 / 1024.0,
        case.goal
    );
}

/// (wall ms, max RSS KiB) of one run, or None when it failed.
fn run(exe: &str, args: &[String]) -> Option<(f64, i64)> {
    measure::measure(
        Command::new(exe)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .stdin(Stdio::null()),
    )
}
