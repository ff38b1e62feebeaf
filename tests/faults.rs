//! What must never be lost: marks survive edits, moves and renames of the files they are
//! on; identical files keep their own marks; state files from before migrate whole.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use saywho::corpus::{self, Corpus};
use saywho::state::{Store, key_of};
use std::path::Path;

fn load(dir: &Path) -> Corpus {
    common::load_dir(dir, corpus::load::DEFAULT_MAX_SIZE)
}

/// Open the state in `state` for the corpus in `dir`, as the reader does.
fn open(state: &Path, dir: &Path) -> (Corpus, Store, Vec<String>) {
    let c = load(dir);
    let keys: Vec<String> = c.articles.iter().map(key_of).collect();
    let mut s = Store::open(state);
    s.adopt(&c.articles, &keys);
    (c, s, keys)
}

fn index_of(c: &Corpus, file: &str) -> usize {
    c.articles
        .iter()
        .position(|a| a.path.ends_with(file))
        .unwrap_or_else(|| panic!("{file} not loaded"))
}

fn star(state: &Path, dir: &Path, file: &str) {
    let (c, mut s, keys) = open(state, dir);
    let i = index_of(&c, file);
    s.update_article(&keys[i], |a| {
        a.starred = true;
        a.read = true;
        a.position = Some((1, 0.5));
    });
    s.save().unwrap();
}

fn starred(state: &Path, dir: &Path, file: &str) -> bool {
    let (c, s, keys) = open(state, dir);
    let i = index_of(&c, file);
    s.article(&keys[i])
        .is_some_and(|a| a.starred && a.read && a.position == Some((1, 0.5)))
}

const TXT: &str = "Beta budget passes\n\nThe council passed the budget on Tuesday by 2 votes.\n\n\"It is a good day for the city,\" said Mayor Ann Lee.\n";
const MD: &str =
    "# Gamma report\n\nThe report came out on Monday with 2 findings.\n\n\"We read all of it,\" said Tom Reyes.\n";
const HTML: &str = "<!doctype html><html><head><title>Delta page</title></head><body><article><p>The harbour will close for 2 weeks of repairs, officials said on Friday.</p><p>\"It is overdue,\" said engineer Maria Chen, who leads the work.</p></article></body></html>";

#[test]
fn editing_an_article_keeps_its_marks() {
    for (file, text) in [("beta.txt", TXT), ("gamma.md", MD), ("delta.html", HTML)] {
        let dir = tempfile::tempdir().unwrap();
        let state = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file), text).unwrap();
        std::fs::write(
            dir.path().join("other.txt"),
            "Other news\n\nNothing happened today at all.\n",
        )
        .unwrap();
        star(state.path(), dir.path(), file);
        // `sed -i s/2/Z/`
        std::fs::write(dir.path().join(file), text.replace('2', "Z")).unwrap();
        assert!(
            starred(state.path(), dir.path(), file),
            "{file}: the edit kept the star"
        );
        let (c, s, keys) = open(state.path(), dir.path());
        let other = index_of(&c, "other.txt");
        assert!(
            s.article(&keys[other]).is_none(),
            "{file}: the other article has no marks"
        );
        // the CLI sees it too
        let (code, out, err) = common::output(
            common::bin()
                .args(["list", "--starred", "--state-dir"])
                .arg(state.path())
                .arg(dir.path()),
        );
        assert_eq!(code, 0, "{err}");
        assert_eq!(out.lines().count(), 1, "{file}: {out}");
    }
}

#[test]
fn a_moved_or_renamed_file_keeps_its_marks() {
    let root = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let dir = root.path().join("news");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("beta.txt"), TXT).unwrap();
    star(state.path(), &dir, "beta.txt");
    std::fs::rename(dir.join("beta.txt"), dir.join("beta-renamed.txt")).unwrap();
    assert!(starred(state.path(), &dir, "beta-renamed.txt"));
    // the old entry moved: the state holds one article
    assert_eq!(Store::open(state.path()).state.articles.len(), 1);
    let moved = root.path().join("archive");
    std::fs::rename(&dir, &moved).unwrap();
    assert!(starred(state.path(), &moved, "beta-renamed.txt"));
}

#[test]
fn identical_files_are_two_articles() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("007.txt"), TXT).unwrap();
    std::fs::write(dir.path().join("351.txt"), TXT).unwrap();
    star(state.path(), dir.path(), "351.txt");
    assert!(starred(state.path(), dir.path(), "351.txt"));
    assert!(
        !starred(state.path(), dir.path(), "007.txt"),
        "the copy has no star of its own"
    );
}

#[test]
fn state_keyed_by_text_hash_migrates_whole() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("beta.txt"), TXT).unwrap();
    let c = load(dir.path());
    let hash = format!("{:016x}", c.articles[0].text_hash);
    // a state file as saywho wrote it before: articles and quotes keyed by the text hash,
    // and an entry for an article not in this folder
    let old = serde_json::json!({
        "version": 1,
        "stamp": "old",
        "articles": {
            hash.clone(): {"read": true, "starred": true, "position": [1, 0.5], "title": "Beta", "updated": 5},
            "00000000deadbeef": {"read": true, "starred": false, "title": "Elsewhere", "updated": 4}
        },
        "quotes": {format!("{hash}@60-91"): {"starred": true, "text": "It is a good day", "speaker": "Ann Lee", "updated": 5}}
    });
    std::fs::write(state.path().join("state.json"), serde_json::to_vec(&old).unwrap()).unwrap();
    assert!(starred(state.path(), dir.path(), "beta.txt"));
    let (_, mut s, keys) = open(state.path(), dir.path());
    assert!(
        s.state.quotes.contains_key(&format!("{}@60-91", keys[0])),
        "the starred quote followed"
    );
    s.update_article(&keys[0], |a| a.read = false);
    s.save().unwrap();
    let after = Store::open(state.path());
    assert!(
        after.state.articles.contains_key("00000000deadbeef"),
        "nothing is dropped"
    );
    assert!(
        after.state.articles.contains_key(&hash),
        "the old entry stays for other copies"
    );
}
