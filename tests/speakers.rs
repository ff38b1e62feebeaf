//! The speaker regression set: 369 quotes in 50 BBC articles whose speakers were checked
//! by reading (`tests/data/bbc_speakers.tsv`: file, byte offsets, expected speaker). No
//! article text is in the repository; the test skips when ../shared/data/bbc is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use saywho::corpus::Rules;
use saywho::corpus::load::parse_bytes;
use saywho::quotes::extract;

/// The share of the set's quotes the engine must attribute right. Raise it as fixes land;
/// a change that lowers the figure breaks a speaker someone checked.
const FLOOR: f64 = 0.90;

struct Row {
    file: String,
    start: usize,
    end: usize,
    expected: Vec<String>,
}

fn rows() -> Vec<Row> {
    include_str!("data/bbc_speakers.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "bad row {l:?}");
            Row {
                file: f[0].to_string(),
                start: f[1].parse().unwrap(),
                end: f[2].parse().unwrap(),
                expected: f[3].split('|').map(str::to_string).collect(),
            }
        })
        .collect()
}

#[test]
fn the_set_is_large_enough() {
    let rows = rows();
    let files: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    assert!(
        rows.len() >= 300 && files.len() >= 40,
        "{} quotes in {} files",
        rows.len(),
        files.len()
    );
}

#[test]
fn checked_speakers() {
    let Some(bbc) = common::bbc() else { return };
    let rules = Rules::builtin();
    let rows = rows();
    let mut right = 0;
    let mut wrong = Vec::new();
    let mut cache: std::collections::HashMap<String, (String, Vec<saywho::quotes::Quote>)> = Default::default();
    for r in &rows {
        let (text, quotes) = cache.entry(r.file.clone()).or_insert_with(|| {
            let bytes = std::fs::read(bbc.join(&r.file)).unwrap();
            let (art, _) = parse_bytes(r.file.clone(), r.file.clone(), &bytes, &rules).unwrap();
            let q = extract(&art);
            (art.body().unwrap().text.clone(), q)
        });
        // The quote at the checked span: the one overlapping it most.
        let overlap = |q: &saywho::quotes::Quote| q.end.min(r.end).saturating_sub(q.start.max(r.start));
        let found = quotes
            .iter()
            .filter(|q| overlap(q) * 2 > r.end - r.start)
            .max_by_key(|q| overlap(q));
        let got = match found {
            Some(q) => q.speaker.clone().unwrap_or_else(|| "-".to_string()),
            None => "(no quote)".to_string(),
        };
        if r.expected.contains(&got) {
            right += 1;
        } else {
            let snippet: String = text.get(r.start..r.end).unwrap_or("").chars().take(60).collect();
            wrong.push(format!(
                "{} {}: {:?} want {:?}, got {got:?}",
                r.file,
                r.start,
                snippet,
                r.expected.join("|")
            ));
        }
    }
    let acc = right as f64 / rows.len() as f64;
    eprintln!("speaker regression set: {right}/{} right ({acc:.3})", rows.len());
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(acc >= FLOOR, "speaker accuracy {acc:.3} fell below {FLOOR}");
}
