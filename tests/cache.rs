//! The quote cache: a warm run answers as a cold one, a changed file is extracted again
//! and only it, and a corrupt, locked or unwritable cache never stops saywho.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use std::path::Path;

fn run(cache: &Path, args: &[&str]) -> (i32, String, String) {
    common::output(common::bin().arg("--cache-dir").arg(cache).arg("-v").args(args))
}

fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (i, name) in [
        "000_60cf7d78ee1ee50f.txt",
        "001_fd44dedc337e22ef.txt",
        "002_a6dbcf461c5f4e37.txt",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(d.path().join(format!("a{i}.txt")), common::seed_text(name)).unwrap();
    }
    d
}

#[test]
fn warm_answers_as_cold_and_only_changes_are_extracted() {
    let docs = folder();
    let cache = tempfile::tempdir().unwrap();
    let p = docs.path().to_str().unwrap();
    let (code, cold, err) = run(cache.path(), &["quotes", "--json", p]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 of 3 articles extracted"), "{err}");
    let (_, warm, err) = run(cache.path(), &["quotes", "--json", p]);
    assert!(err.contains("0 of 3 articles extracted"), "{err}");
    assert_eq!(cold, warm);
    // one file changes: it alone is extracted again
    let f = docs.path().join("a1.txt");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, format!("{text}\n\n“A new line,” said Jane Smith.\n")).unwrap();
    let (_, after, err) = run(cache.path(), &["quotes", "--json", p]);
    assert!(err.contains("1 of 3 articles extracted"), "{err}");
    assert!(after.contains("Jane Smith"));
    // --no-cache: everything extracted, same answer
    let (_, none, err) = run(cache.path(), &["--no-cache", "quotes", "--json", p]);
    assert!(err.contains("no cache; 3 articles extracted"), "{err}");
    assert_eq!(none, after);
}

#[test]
fn a_bad_cache_is_rebuilt_or_bypassed() {
    let docs = folder();
    let p = docs.path().to_str().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let (_, good, _) = run(cache.path(), &["people", "--json", p]);
    // garbage where the database was: rebuilt
    std::fs::write(cache.path().join("quotes.redb"), vec![0xAB; 4096]).unwrap();
    let (code, out, err) = run(cache.path(), &["people", "--json", p]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, good);
    assert!(err.contains("3 of 3 articles extracted"), "{err}");
    // a cache folder that cannot be created (a file is in the way): bypassed, said so
    let blocked = cache.path().join("file");
    std::fs::write(&blocked, "x").unwrap();
    let (code, out, err) = run(&blocked.join("sub"), &["people", "--json", p]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, good);
    assert!(err.contains("bypassed"), "{err}");
}
