//! Every speaker figure in one run: PolNeAR dev (and train with `--train`), ggt-dev, and
//! the BBC speaker set.
//!
//!     cargo run --release --example eval [-- --train] [--verbose]
//!
//! - **PolNeAR** is scored by `examples/polnear` (the same code, included here).
//! - **ggt-dev** (`../shared/data/ggt-dev`): the articles are read and their quotes found
//!   as `saywho quotes --json` does (the speaker is the corpus-wide name), written to a
//!   temporary file and scored by `../shared/tools/score_quotes.py`, the scorer of the
//!   hidden sets. `--verbose` lists every quote whose speaker is not the gold one.
//! - **BBC** (`../shared/data/bbc`): the quotes of `tests/data/bbc_speakers.tsv`, whose
//!   speakers were checked by reading.
//!
//! Each set is skipped with a message when its data (research material, never shipped) is
//! absent.

#![allow(clippy::unwrap_used)]

#[path = "../polnear/main.rs"]
#[allow(dead_code)]
mod polnear;

use saywho::corpus::{self, LoadOptions, Rules};
use saywho::index::Index;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn load(dir: &Path) -> (corpus::Corpus, Index) {
    let rules = Rules::builtin();
    let corpus = corpus::load_paths(
        &[dir.to_path_buf()],
        &LoadOptions {
            max_size: corpus::load::DEFAULT_MAX_SIZE,
            rules: &rules,
            progress: None,
            cache: None,
        },
    );
    let index = Index::build(&corpus);
    (corpus, index)
}

/// A line of `saywho quotes --json`, as far as the scorer reads it.
#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    speaker_kind: Option<saywho::quotes::SpeakerKind>,
    mention: Option<&'a str>,
}

fn ggt(verbose: bool) {
    let dir = shared().join("data/ggt-dev");
    let scorer = shared().join("tools/score_quotes.py");
    if !dir.join("gold.jsonl").is_file() || !scorer.is_file() {
        println!("ggt-dev: skipped ({} is absent)", dir.display());
        return;
    }
    let (corpus, index) = load(&dir.join("articles"));
    let pred = std::env::temp_dir().join(format!("saywho-eval-ggt-{}.jsonl", std::process::id()));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&pred).unwrap());
    for (ai, a) in corpus.articles.iter().enumerate() {
        for (qi, q) in index.quotes[ai].iter().enumerate() {
            if q.kind == saywho::quotes::QuoteKind::Scare {
                continue;
            }
            let speaker = index.speaker_of(ai, qi).map(|p| index.people[p].name.as_str());
            let row = Row {
                file: &a.path,
                start: q.start,
                end: q.end,
                text: &q.text,
                speaker: speaker.or(q.speaker.as_deref()),
                speaker_kind: q.speaker_kind,
                mention: q.mention.as_deref(),
            };
            serde_json::to_writer(&mut out, &row).unwrap();
            out.write_all(b"\n").unwrap();
        }
    }
    drop(out);
    println!("ggt-dev ({} articles):", corpus.articles.len());
    let gold = dir.join("gold.jsonl");
    let articles = dir.join("articles");
    match std::process::Command::new("python3")
        .arg(&scorer)
        .args([&gold, &articles, &pred])
        .output()
    {
        Ok(o) if o.status.success() => {
            for line in String::from_utf8_lossy(&o.stdout).lines() {
                if !line.starts_with("SUMMARY") {
                    println!("  {line}");
                }
            }
        }
        Ok(o) => println!("  the scorer failed: {}", String::from_utf8_lossy(&o.stderr).trim()),
        Err(e) => println!("  skipped: python3 could not run the scorer ({e})"),
    }
    if verbose {
        misses(&gold, &corpus, &index);
    }
    let _ = std::fs::remove_file(&pred);
}

/// The ggt-dev quotes whose speaker is not the gold one (by the scorer's span overlap,
/// greedily), with the gold speaker and mention.
fn misses(gold: &Path, corpus: &corpus::Corpus, index: &Index) {
    let norm = |s: &str| {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "the")
            .collect::<Vec<_>>()
            .join(" ")
    };
    for line in std::fs::read_to_string(gold).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let name = v["article"].as_str().unwrap_or("");
        let Some(ai) = corpus.articles.iter().position(|a| a.id == name) else {
            continue;
        };
        let text = corpus.articles[ai].body().map(|b| b.text.clone()).unwrap_or_default();
        let chars: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        for q in v["quotes"].as_array().into_iter().flatten() {
            let (Some(s), Some(e)) = (q["start"].as_u64(), q["end"].as_u64()) else {
                continue;
            };
            let (s, e) = (chars[s as usize], chars[(e as usize).min(chars.len() - 1)]);
            let want = q["speaker"].as_str().unwrap_or("");
            let best = index.quotes[ai]
                .iter()
                .enumerate()
                .filter(|(_, p)| p.kind != saywho::quotes::QuoteKind::Scare)
                .map(|(qi, p)| (qi, p, p.end.min(e).saturating_sub(p.start.max(s))))
                .filter(|&(_, p, o)| o * 10 >= 3 * (p.end - p.start).max(e - s))
                .max_by_key(|&(_, _, o)| o);
            let got = best.and_then(|(qi, p, _)| {
                index
                    .speaker_of(ai, qi)
                    .map(|id| index.people[id].name.clone())
                    .or(p.speaker.clone())
            });
            let right = got.as_deref().is_some_and(|g| {
                let (g, w) = (norm(g), norm(want));
                g == w || (w.contains(' ') && format!(" {g}").ends_with(&format!(" {w}")))
            });
            if !right && !want.is_empty() {
                let snippet: String = text[s..e].chars().take(70).collect();
                println!(
                    "  miss {name}: want {want:?} (mention {:?}) got {:?} :: {snippet}",
                    q["mention"].as_str().unwrap_or(""),
                    got.as_deref()
                        .unwrap_or(if best.is_some() { "-" } else { "(no quote)" })
                );
            }
        }
    }
}

fn bbc(verbose: bool) {
    let dir = shared().join("data/bbc");
    if !dir.is_dir() {
        println!("BBC speaker set: skipped ({} is absent)", dir.display());
        return;
    }
    let rows = include_str!("../../tests/data/bbc_speakers.tsv");
    let rules = Rules::builtin();
    let (mut right, mut all) = (0, 0);
    let mut cache: std::collections::HashMap<&str, Vec<saywho::quotes::Quote>> = Default::default();
    for l in rows.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = l.split('\t').collect();
        let (file, s, e) = (f[0], f[1].parse::<usize>().unwrap(), f[2].parse::<usize>().unwrap());
        let want: Vec<&str> = f[3].split('|').collect();
        let quotes = cache.entry(file).or_insert_with(|| {
            let bytes = std::fs::read(dir.join(file)).unwrap();
            let (art, _) = corpus::load::parse_bytes(file.into(), file.into(), &bytes, &rules).unwrap();
            saywho::quotes::extract(&art)
        });
        let overlap = |q: &saywho::quotes::Quote| q.end.min(e).saturating_sub(q.start.max(s));
        let got = quotes
            .iter()
            .filter(|q| overlap(q) * 2 > e - s)
            .max_by_key(|q| overlap(q))
            .map(|q| q.speaker.clone().unwrap_or_else(|| "-".into()))
            .unwrap_or_else(|| "(no quote)".into());
        all += 1;
        if want.contains(&got.as_str()) {
            right += 1;
        } else if verbose {
            println!("  miss {file} {s}: want {want:?} got {got:?}");
        }
    }
    println!(
        "BBC speaker set: {right}/{all} right ({:.3}); `cargo test --release --test speakers` holds the floor",
        right as f64 / all as f64
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    polnear::run(&["dev".to_string()], verbose);
    if args.iter().any(|a| a == "--train") {
        polnear::run(&["train".to_string()], verbose);
    }
    println!();
    ggt(verbose);
    println!();
    bbc(verbose);
}
