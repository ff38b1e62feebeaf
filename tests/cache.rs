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

#[test]
fn a_warm_start_reads_no_file_and_a_new_one_alone_is_read() {
    let docs = folder();
    let cache = tempfile::tempdir().unwrap();
    let p = docs.path().to_str().unwrap();
    let (_, _, err) = run(cache.path(), &["people", p]);
    assert!(
        err.contains("3 files read") && err.contains("3 of 3 articles extracted"),
        "{err}"
    );
    let (_, cold, _) = run(cache.path(), &["--no-cache", "list", "--json", p]);
    let (_, warm, err) = run(cache.path(), &["list", "--json", p]);
    assert!(err.contains("0 files read"), "{err}");
    assert_eq!(cold, warm, "metadata from the cache is the metadata read");
    // a body from the cache's article is read from its file when shown
    let (_, shown, _) = run(cache.path(), &["show", "a1", p]);
    assert!(shown.contains("Kosachev") || shown.len() > 500, "{shown}");
    // a file added: it alone is read and extracted
    std::fs::write(
        docs.path().join("a3.txt"),
        "Ferry returns\n\n“We are back,” said Jane Okafor, the captain.\n",
    )
    .unwrap();
    let (_, out, err) = run(cache.path(), &["people", p]);
    assert!(
        err.contains("1 files read") && err.contains("1 of 4 articles extracted"),
        "{err}"
    );
    assert!(out.contains("Jane Okafor"), "{out}");
    // a copy under another name: read (its stamp is new) but not extracted again
    std::fs::copy(docs.path().join("a3.txt"), docs.path().join("a4.txt")).unwrap();
    let (_, _, err) = run(cache.path(), &["people", p]);
    assert!(
        err.contains("1 files read") && err.contains("0 of 5 articles extracted"),
        "{err}"
    );
    // a file removed goes from the list; a file changed behind saywho's back after it
    // was listed is refused when shown, not shown with the wrong quotes
    std::fs::remove_file(docs.path().join("a4.txt")).unwrap();
    let (_, list, _) = run(cache.path(), &["list", p]);
    assert_eq!(
        list.lines().filter(|l| l.contains("Ferry returns")).count(),
        1,
        "{list}"
    );
}

/// Options that load through `cache`.
fn cached<'a>(rules: &'a saywho::corpus::Rules, cache: &'a saywho::cache::Cache) -> saywho::corpus::LoadOptions<'a> {
    saywho::corpus::LoadOptions {
        max_size: 1 << 20,
        rules,
        progress: None,
        cache: Some(cache),
    }
}

#[test]
fn a_body_changed_since_it_was_cached_is_refused_not_misread() {
    let docs = folder();
    let rules = saywho::corpus::Rules::builtin();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = saywho::cache::Cache::open(cache_dir.path()).unwrap();
    let opts = cached(&rules, &cache);
    let _ = saywho::corpus::load_paths(&[docs.path().to_path_buf()], &opts);
    let warm = saywho::corpus::load_paths(&[docs.path().to_path_buf()], &opts);
    assert_eq!(warm.files_read, 0);
    assert!(warm.articles.iter().all(|a| a.body().is_none()), "no body in memory");
    let i = warm.articles.iter().position(|a| a.path.ends_with("a0.txt")).unwrap();
    let body = warm.body(i).unwrap();
    assert!(!body.paragraphs.is_empty());
    std::fs::write(docs.path().join("a0.txt"), "Something else\n\nAll new.\n").unwrap();
    let j = warm.articles.iter().position(|a| a.path.ends_with("a1.txt")).unwrap();
    std::fs::remove_file(docs.path().join("a1.txt")).unwrap();
    // a0 is still in memory (read a moment ago); a1 is gone
    assert!(warm.body(i).is_ok());
    let e = warm.body(j).unwrap_err();
    assert!(e.contains("no such file"), "{e}");
    let fresh = saywho::corpus::load_paths(&[docs.path().to_path_buf()], &opts);
    assert_eq!(fresh.articles.len(), 2);
    assert_eq!(fresh.files_read, 1);
}

#[test]
fn the_listing_shows_the_last_read_until_the_folder_is_read_again() {
    let docs = folder();
    let rules = saywho::corpus::Rules::builtin();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = saywho::cache::Cache::open(cache_dir.path()).unwrap();
    let opts = cached(&rules, &cache);
    let paths = [docs.path().to_path_buf()];
    assert!(
        saywho::corpus::load::load_listing(&paths, &opts).is_none(),
        "nothing read yet"
    );
    let read = saywho::corpus::load_paths(&paths, &opts);
    let listed = saywho::corpus::load::load_listing(&paths, &opts).unwrap();
    let ids = |c: &saywho::corpus::Corpus| -> Vec<(String, String, u64)> {
        c.articles
            .iter()
            .map(|a| (a.id.clone(), a.meta.title.clone(), a.text_hash))
            .collect()
    };
    assert_eq!(ids(&listed), ids(&read));
    assert!(listed.articles.iter().all(|a| a.body().is_none()));
    // its bodies are read from the files when wanted
    assert!(!listed.body(0).unwrap().paragraphs.is_empty());
    // a file added: the listing is the last read until the folder is read again
    std::fs::write(
        docs.path().join("a3.txt"),
        "Ferry returns\n\n“We are back,” said Jane Okafor.\n",
    )
    .unwrap();
    assert_eq!(
        saywho::corpus::load::load_listing(&paths, &opts)
            .unwrap()
            .articles
            .len(),
        3
    );
    let again = saywho::corpus::load_paths(&paths, &opts);
    assert_eq!(again.articles.len(), 4);
    assert_eq!(
        saywho::corpus::load::load_listing(&paths, &opts)
            .unwrap()
            .articles
            .len(),
        4
    );
    // another set of folders has a listing of its own
    let other = [docs.path().join("nowhere")];
    assert!(saywho::corpus::load::load_listing(&other, &opts).is_none());
}
