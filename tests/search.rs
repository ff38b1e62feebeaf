//! `saywho search`: words, phrases, @person, source:, dates; ranked results with snippets
//! whose highlights point at the matched words; an index kept with the cache and reused.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use serde_json::Value;
use std::path::Path;

fn search(cache: &Path, args: &[&str]) -> (i32, Vec<Value>, String) {
    let out = common::bin()
        .arg("--cache-dir")
        .arg(cache)
        .arg("-v")
        .arg("search")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let rows = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap_or(-1),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sources(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["source"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn queries_over_the_bundled_corpus() {
    let cache = tempfile::tempdir().unwrap();
    let c = cache.path();
    // a phrase: only the articles that say it, highlighted where they say it
    let (code, rows, err) = search(c, &["\"internal affair\""]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 articles added"), "{err}");
    assert!(!rows.is_empty());
    for r in &rows {
        let snippet = r["snippet"].as_str().unwrap();
        let hl = r["highlights"].as_array().unwrap();
        assert!(!hl.is_empty(), "{r}");
        let (s, e) = (hl[0][0].as_u64().unwrap() as usize, hl[0][1].as_u64().unwrap() as usize);
        assert!(
            ["internal", "affair"].contains(&snippet[s..e].to_lowercase().as_str()),
            "{}",
            &snippet[s..e]
        );
    }
    // the second run reuses the index
    let (_, again, err) = search(c, &["\"internal affair\""]);
    assert!(err.contains("0 articles added"), "{err}");
    assert_eq!(rows, again);
    // words must all match; a word nowhere gives nothing
    let (_, rows, _) = search(c, &["kosachev zzzyzzx"]);
    assert!(rows.is_empty());
    // @person: articles quoting them
    let (_, rows, _) = search(c, &["@kosachev"]);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let (_, rows, _) = search(c, &["@\"Konstantin Kosachev\" source:independent"]);
    assert_eq!(sources(&rows), ["The Independent"]);
    // dates: only The Independent's is known (14 February 2017); undated articles do not
    // pass a date filter
    let (_, rows, _) = search(c, &["flynn after:2017-03-01"]);
    assert!(rows.is_empty());
    let (_, rows, _) = search(c, &["flynn before:2017-03-01"]);
    assert_eq!(sources(&rows), ["The Independent"]);
    // mistakes are said
    let (code, _, err) = search(c, &["before:soon"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a date"), "{err}");
}

#[test]
fn a_changed_folder_is_added_to_incrementally() {
    let cache = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("a.txt"),
        "Tram plan\n\nThe tram plan was approved on Monday by the council.\n",
    )
    .unwrap();
    let p = docs.path().to_str().unwrap();
    let (_, rows, err) = search(cache.path(), &["tram", p]);
    assert_eq!(rows.len(), 1);
    assert!(err.contains("1 articles added"), "{err}");
    std::fs::write(
        docs.path().join("b.txt"),
        "Tram delay\n\nThe tram will open a year late, the council said.\n",
    )
    .unwrap();
    let (_, rows, err) = search(cache.path(), &["tram", p]);
    assert_eq!(rows.len(), 2);
    assert!(err.contains("1 articles added"), "only the new file: {err}");
    // a deleted file no longer answers
    std::fs::remove_file(docs.path().join("a.txt")).unwrap();
    let (_, rows, _) = search(cache.path(), &["tram", p]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "Tram delay");
}

#[test]
fn equal_scores_come_in_the_corpus_order() {
    // sixty articles with the same text score the same; the index is written by several
    // threads, so without a tie order the hits would come in whatever order it wrote them
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("same");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..60 {
        std::fs::write(
            folder.join(format!("a{i:02}.txt")),
            format!(
                "Harbour bridge {i}\n\nThe harbour bridge will close for repairs in the spring, the council said.\n"
            ),
        )
        .unwrap();
    }
    let cache = dir.path().join("cache");
    let (code, rows, err) = search(&cache, &["repairs", folder.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let got: Vec<&str> = rows.iter().map(|r| r["article"].as_str().unwrap()).collect();
    assert!(got.len() >= 10, "{got:?}");
    let mut want: Vec<String> = (0..60).map(|i| format!("a{i:02}")).collect();
    want.truncate(got.len());
    assert_eq!(got, want, "equal scores in the corpus's order");
}
