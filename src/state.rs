//! Reading state that lasts: read marks, stars, positions, starred quotes and where the
//! last session was. No terminal code here.
//!
//! - An article is known by its file: the key is its absolute path (`file:/…/a.txt`; a
//!   bundled article by `bundled:corpus/NAME`), so editing a file, or a sync re-fetching
//!   a corrected page, keeps its marks, and two identical files are two articles. Each
//!   entry also records the text's hash (xxh3) and the article's URL: an article with no
//!   entry of its own takes over the entry of a file that is gone with the same URL or
//!   text (a moved or renamed file), and keys from before (a bare text hash) migrate the
//!   same way ([`Store::adopt`]); nothing is dropped.
//! - The file is `state.json` under `$XDG_STATE_HOME/saywho/` (or `--state-dir`).
//! - Saving takes an exclusive lock on `state.lock`, re-reads the file, merges in only
//!   what this process changed, writes a temporary file, fsyncs it, renames it over the
//!   old one and fsyncs the folder: a crash or kill -9 leaves the old or the new state,
//!   never half of one, and two processes never lose each other's marks.
//! - A file that cannot be parsed (random bytes, truncated JSON, a schema version this
//!   build does not know) is moved aside as `state.json.corrupt-TIME` with a message; one
//!   that cannot be read at all is left alone and never written over. A read-only or full
//!   folder gives a warning and reading goes on.

use crate::corpus::Article;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The schema version this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleState {
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub starred: bool,
    /// Reading position: paragraph index and fraction through it (independent of width).
    #[serde(default)]
    pub position: Option<(usize, f64)>,
    /// For people reading an export.
    #[serde(default)]
    pub title: String,
    /// Unix seconds of the last change.
    #[serde(default)]
    pub updated: u64,
    /// The text's hash when last seen ([`hash_key`]): follows a moved file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
    /// The article's URL when it has one: follows a re-fetched page to a new file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteState {
    pub starred: bool,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub updated: u64,
}

/// Where the last session was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub article: Option<String>,
    #[serde(default)]
    pub query: String,
    #[serde(default)]
    pub reading: bool,
    /// The folder the session was in (its articles' common folder): a session is taken up
    /// again only there, so a filter typed in one library does not empty another's list.
    /// Empty in state files written before it was kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub library: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub version: u32,
    /// Unique per write (process, time, counter): tells a saver whether anyone else wrote
    /// the file since it last did. Serialised right after the version, at the file's head.
    #[serde(default)]
    pub stamp: String,
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
    /// Starred quotes, keyed "ARTICLEKEY@START-END".
    #[serde(default)]
    pub quotes: BTreeMap<String, QuoteState>,
    #[serde(default)]
    pub session: Option<Session>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: VERSION,
            stamp: String::new(),
            articles: BTreeMap::new(),
            quotes: BTreeMap::new(),
            session: None,
        }
    }
}

/// The key of an article: its file's absolute path (lexically normalised; no file-system
/// access beyond the working folder), or the bundled name.
pub fn key_of(a: &Article) -> String {
    if a.path.starts_with("bundled:") {
        return a.path.clone();
    }
    key_of_path(Path::new(&a.path))
}

/// The key of the article in the file at `p` (see [`key_of`]).
pub fn key_of_path(p: &Path) -> String {
    format!("file:{}", crate::corpus::store::absolute(p).display())
}

/// A hash of the article's text, as hex: what follows a file that moved, and the key
/// state files used before articles were known by their file.
pub fn hash_key(a: &Article) -> String {
    format!("{:016x}", a.text_hash)
}

/// A key from before articles were known by their file: a bare 16-digit text hash.
fn is_legacy_key(k: &str) -> bool {
    k.len() == 16 && k.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The file a `file:` key names.
fn file_of_key(k: &str) -> Option<&Path> {
    k.strip_prefix("file:").map(Path::new)
}

/// The key of a quote in an article.
pub fn quote_key(article_key: &str, start: usize, end: usize) -> String {
    format!("{article_key}@{start}-{end}")
}

/// The default state folder.
pub fn default_dir() -> Option<PathBuf> {
    let d = directories::ProjectDirs::from("", "", "saywho")?;
    Some(d.state_dir().unwrap_or_else(|| d.data_local_dir()).to_path_buf())
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Parse a state file's bytes; the error says what is wrong.
pub fn parse(bytes: &[u8]) -> Result<State, String> {
    let v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON ({e})"))?;
    match v.get("version").and_then(|x| x.as_u64()) {
        Some(n) if n == VERSION as u64 => {}
        Some(n) => return Err(format!("schema version {n}, this saywho reads version {VERSION}")),
        None => return Err("no schema version".into()),
    }
    serde_json::from_value(v).map_err(|e| format!("unexpected contents ({e})"))
}

/// The state on disk plus what this process changed since it last saved.
pub struct Store {
    dir: PathBuf,
    pub state: State,
    dirty_articles: BTreeSet<String>,
    dirty_quotes: BTreeSet<String>,
    dirty_session: bool,
    /// The file exists but could not be read: never write over it.
    frozen: bool,
    /// The stamp of the file as this process last read or wrote it: when the file still
    /// carries it at the next save, nobody else wrote it and it need not be re-read.
    seen: Option<String>,
    writes: u64,
    /// Each article's text hash and URL by key, from [`Store::adopt`]: written into an entry
    /// when it is made, so a file that moves later is followed.
    identity: std::collections::HashMap<String, (String, Option<String>)>,
    /// Messages for the user (corrupt file moved aside, save failed…).
    pub warnings: Vec<String>,
}

impl Store {
    pub fn path(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    /// Open the state in `dir` (created when missing). Never fails: problems become
    /// warnings and an empty state.
    pub fn open(dir: &Path) -> Store {
        let mut s = Store {
            dir: dir.to_path_buf(),
            state: State::default(),
            dirty_articles: BTreeSet::new(),
            dirty_quotes: BTreeSet::new(),
            dirty_session: false,
            frozen: false,
            seen: None,
            writes: 0,
            identity: Default::default(),
            warnings: Vec::new(),
        };
        match s.read_disk() {
            Ok(Some(st)) => s.state = st,
            Ok(None) => {}
            Err(w) => s.warnings.push(w),
        }
        s
    }

    /// Read the file: Ok(None) when there is none; a corrupt one is moved aside.
    fn read_disk(&mut self) -> Result<Option<State>, String> {
        let path = self.path();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                self.frozen = true;
                return Err(format!(
                    "cannot read state file {}: {e}; marks will not be saved this session",
                    path.display()
                ));
            }
        };
        match parse(&bytes) {
            Ok(st) => {
                self.seen = Some(st.stamp.clone()).filter(|s| !s.is_empty());
                Ok(Some(st))
            }
            Err(why) => {
                let aside = self.dir.join(format!("state.json.corrupt-{}", now()));
                match std::fs::rename(&path, &aside) {
                    Ok(()) => Err(format!(
                        "state file {} was unreadable: {why}; moved it aside to {}",
                        path.display(),
                        aside.display()
                    )),
                    Err(e) => {
                        self.frozen = true;
                        Err(format!(
                            "state file {} is unreadable ({why}) and could not be moved aside ({e}); it is left as it is",
                            path.display()
                        ))
                    }
                }
            }
        }
    }

    pub fn article(&self, key: &str) -> Option<&ArticleState> {
        self.state.articles.get(key)
    }

    /// Change an article's state (saved by the next [`Store::save`]).
    pub fn update_article(&mut self, key: &str, f: impl FnOnce(&mut ArticleState)) {
        let e = self.state.articles.entry(key.to_string()).or_default();
        f(e);
        e.updated = now();
        if let Some((hash, url)) = self.identity.get(key) {
            e.hash.clone_from(hash);
            e.url.clone_from(url);
        }
        self.dirty_articles.insert(key.to_string());
    }

    pub fn update_quote(&mut self, key: &str, f: impl FnOnce(&mut QuoteState)) {
        let e = self.state.quotes.entry(key.to_string()).or_default();
        f(e);
        e.updated = now();
        self.dirty_quotes.insert(key.to_string());
    }

    pub fn set_session(&mut self, s: Session) {
        if self.state.session.as_ref() != Some(&s) {
            self.state.session = Some(s);
            self.dirty_session = true;
        }
    }

    pub fn is_dirty(&self) -> bool {
        !self.dirty_articles.is_empty() || !self.dirty_quotes.is_empty() || self.dirty_session
    }

    /// Write what changed: lock, merge with what is on disk now, write atomically.
    pub fn save(&mut self) -> Result<()> {
        if !self.is_dirty() {
            return Ok(());
        }
        if self.frozen {
            anyhow::bail!(
                "state not saved: {} could not be read, so it is not written over",
                self.path().display()
            );
        }
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("cannot create state folder {}", self.dir.display()))?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join("state.lock"))
            .with_context(|| format!("cannot open {}", self.dir.join("state.lock").display()))?;
        lock.lock().context("cannot lock the state file")?;
        let unchanged = self.seen.as_deref().is_some_and(|s| head_has_stamp(&self.path(), s));
        let mut merged = if unchanged {
            // nobody else wrote since we last read or wrote: our state is the whole truth
            let mut st = std::mem::take(&mut self.state);
            for k in &self.dirty_quotes {
                if !st.quotes.get(k).is_some_and(|q| q.starred) {
                    st.quotes.remove(k);
                }
            }
            st
        } else {
            let mut st = match self.read_disk() {
                Ok(Some(st)) => st,
                Ok(None) => State::default(),
                Err(w) => {
                    self.warnings.push(w);
                    if self.frozen {
                        anyhow::bail!("state not saved");
                    }
                    State::default()
                }
            };
            self.overlay_unsaved(&mut st);
            st
        };
        self.writes += 1;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        merged.stamp = format!("{}-{nanos}-{}", std::process::id(), self.writes);
        let written = write_atomic(&self.dir, &self.path(), &serde_json::to_vec(&merged)?);
        if let Err(e) = written {
            self.state = merged; // keep what we have in memory; the dirty sets stay dirty
            return Err(e);
        }
        self.seen = Some(merged.stamp.clone());
        drop(lock); // unlocks
        self.state = merged;
        self.dirty_articles.clear();
        self.dirty_quotes.clear();
        self.dirty_session = false;
        Ok(())
    }

    /// Take what other processes saved since this one last read or wrote (a background
    /// sync's marks from a feed server), keeping this process's changes not saved yet.
    pub fn refresh(&mut self) {
        if self.frozen || self.seen.as_deref().is_some_and(|s| head_has_stamp(&self.path(), s)) {
            return;
        }
        let Ok(Some(mut st)) = self.read_disk() else { return };
        self.overlay_unsaved(&mut st);
        self.state = st;
    }

    /// Put this process's changes not saved yet over `st` (what is on disk): its dirty
    /// articles and starred quotes, its session.
    fn overlay_unsaved(&self, st: &mut State) {
        for k in &self.dirty_articles {
            match self.state.articles.get(k) {
                Some(v) => {
                    st.articles.insert(k.clone(), v.clone());
                }
                // taken over by the file it moved to
                None => {
                    st.articles.remove(k);
                }
            }
        }
        for k in &self.dirty_quotes {
            match self.state.quotes.get(k) {
                Some(v) if v.starred => {
                    st.quotes.insert(k.clone(), v.clone());
                }
                _ => {
                    st.quotes.remove(k);
                }
            }
        }
        if self.dirty_session {
            st.session = self.state.session.clone();
        }
    }

    /// When the state folder cannot be written: the whole state as this process knows it,
    /// in the form `saywho state export --json` gives and `state import` reads, written to
    /// a new file in the system's temporary folder (else the working folder). Returns its
    /// path.
    pub fn save_elsewhere(&self) -> Result<PathBuf> {
        let name = format!("saywho-unsaved-state-{}-{}.json", now(), std::process::id());
        let bytes = serde_json::to_vec_pretty(&self.state)?;
        let mut last = None;
        for dir in [std::env::temp_dir(), PathBuf::from(".")] {
            let path = dir.join(&name);
            match write_atomic(&dir, &path, &bytes) {
                Ok(()) => return Ok(std::path::absolute(&path).unwrap_or(path)),
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| anyhow::anyhow!("no folder to write to")))
    }

    /// Find each article's entry: its own key, else the entry of a file that is gone with
    /// the same URL or text (moved there), else a legacy entry keyed by its text hash
    /// (copied: identical files each take it). Starred quotes follow their article. Keeps
    /// every entry's hash and URL current. Returns how many articles took over an entry;
    /// what changed is saved by the next [`Store::save`].
    pub fn adopt(&mut self, articles: &[Article], keys: &[String]) -> usize {
        let mut by_hash: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut by_url: std::collections::HashMap<String, Vec<String>> = Default::default();
        let present: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
        for (k, st) in &self.state.articles {
            if present.contains(k.as_str()) {
                continue;
            }
            let h = if is_legacy_key(k) { k.clone() } else { st.hash.clone() };
            if !h.is_empty() {
                by_hash.entry(h).or_default().push(k.clone());
            }
            if let Some(u) = &st.url {
                by_url.entry(u.clone()).or_default().push(k.clone());
            }
        }
        let mut taken: BTreeSet<String> = BTreeSet::new();
        let mut adopted = 0;
        for (a, key) in articles.iter().zip(keys) {
            let hash = hash_key(a);
            self.identity.insert(key.clone(), (hash.clone(), a.meta.url.clone()));
            if !self.state.articles.contains_key(key) {
                // a moved file: an entry whose file is gone; a legacy entry: any
                let free = |k: &String, taken: &BTreeSet<String>| {
                    is_legacy_key(k) || (!taken.contains(k) && file_of_key(k).is_some_and(|f| !f.exists()))
                };
                let from = a
                    .meta
                    .url
                    .as_ref()
                    .and_then(|u| by_url.get(u))
                    .and_then(|ks| ks.iter().find(|k| free(k, &taken)))
                    .or_else(|| by_hash.get(&hash).and_then(|ks| ks.iter().find(|k| free(k, &taken))))
                    .cloned();
                let Some(from) = from else { continue };
                let Some(st) = self.state.articles.get(&from).cloned() else {
                    continue;
                };
                self.state.articles.insert(key.clone(), st);
                self.dirty_articles.insert(key.clone());
                let prefix = format!("{from}@");
                let quotes: Vec<(String, QuoteState)> = self
                    .state
                    .quotes
                    .range(prefix.clone()..)
                    .take_while(|(k, _)| k.starts_with(&prefix))
                    .map(|(k, q)| (k.clone(), q.clone()))
                    .collect();
                let moved = !is_legacy_key(&from);
                for (qk, q) in quotes {
                    let new_key = format!("{key}@{}", &qk[prefix.len()..]);
                    self.state.quotes.insert(new_key.clone(), q);
                    self.dirty_quotes.insert(new_key);
                    if moved {
                        self.state.quotes.remove(&qk);
                        self.dirty_quotes.insert(qk);
                    }
                }
                if moved {
                    self.state.articles.remove(&from);
                    self.dirty_articles.insert(from.clone());
                    taken.insert(from);
                }
                adopted += 1;
            }
            if let Some(st) = self.state.articles.get_mut(key)
                && (st.hash != hash || st.url != a.meta.url)
            {
                st.hash = hash;
                st.url = a.meta.url.clone();
                self.dirty_articles.insert(key.clone());
            }
        }
        adopted
    }

    /// Merge another state (an export) into this one; returns how many entries changed.
    pub fn import(&mut self, other: State) -> usize {
        let mut n = 0;
        for (k, v) in other.articles {
            let newer = self
                .state
                .articles
                .get(&k)
                .is_none_or(|mine| mine.updated <= v.updated && *mine != v);
            if newer {
                self.state.articles.insert(k.clone(), v);
                self.dirty_articles.insert(k);
                n += 1;
            }
        }
        for (k, v) in other.quotes {
            if self.state.quotes.get(&k) != Some(&v) {
                self.state.quotes.insert(k.clone(), v);
                self.dirty_quotes.insert(k);
                n += 1;
            }
        }
        n
    }
}

/// Does the file start with our stamp? (It is serialised within the first bytes.)
fn head_has_stamp(path: &Path, stamp: &str) -> bool {
    use std::io::Read;
    let mut head = [0u8; 160];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let n = f.read(&mut head).unwrap_or(0);
    let want = format!("\"stamp\":\"{stamp}\"");
    head[..n].windows(want.len()).any(|w| w == want.as_bytes())
}

/// Write `bytes` to `path` so that readers see the old or the new file, never a part.
pub fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = dir.join(format!(".state.json.tmp-{}", std::process::id()));
    let result = (|| -> Result<()> {
        let mut f = std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        f.write_all(bytes)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        f.sync_all().with_context(|| format!("cannot sync {}", tmp.display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_takes_what_others_saved_and_keeps_unsaved_changes() {
        let d = tempfile::tempdir().unwrap();
        let mut tui = Store::open(d.path());
        tui.update_article("file:/a", |s| s.read = true);
        tui.save().unwrap();
        // a sync in another process stars b
        let mut sync = Store::open(d.path());
        sync.update_article("file:/b", |s| s.starred = true);
        sync.save().unwrap();
        // the reader changed c meanwhile and has not saved it
        tui.update_article("file:/c", |s| s.read = true);
        tui.refresh();
        assert!(tui.article("file:/a").unwrap().read);
        assert!(tui.article("file:/b").unwrap().starred);
        assert!(tui.article("file:/c").unwrap().read);
        tui.save().unwrap();
        let back = Store::open(d.path());
        assert!(back.article("file:/b").unwrap().starred && back.article("file:/c").unwrap().read);
    }

    #[test]
    fn round_trip_and_merge() {
        let d = tempfile::tempdir().unwrap();
        let mut a = Store::open(d.path());
        let mut b = Store::open(d.path());
        a.update_article("aaa", |s| s.read = true);
        b.update_article("bbb", |s| s.starred = true);
        a.save().unwrap();
        b.save().unwrap();
        let c = Store::open(d.path());
        assert!(c.article("aaa").unwrap().read, "b's save kept a's mark");
        assert!(c.article("bbb").unwrap().starred);
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn repeated_saves_keep_everything() {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open(d.path());
        s.set_session(Session {
            article: Some("k".into()),
            query: "q".into(),
            reading: true,
            library: "/home/u/news".into(),
        });
        s.update_quote("k@1-5", |q| q.starred = true);
        s.save().unwrap();
        s.update_article("k", |a| a.read = true);
        s.save().unwrap(); // nobody else wrote: the fast path
        s.update_quote("k@1-5", |q| q.starred = false);
        s.save().unwrap();
        let t = Store::open(d.path());
        assert_eq!(t.state.session.as_ref().map(|x| x.reading), Some(true));
        assert_eq!(
            t.state.session.as_ref().map(|x| x.library.as_str()),
            Some("/home/u/news")
        );
        assert!(t.article("k").unwrap().read);
        assert!(t.state.quotes.is_empty(), "unstarred quotes are dropped");
    }

    #[test]
    fn corrupt_files_are_moved_aside() {
        for bad in [
            &b"\x00\xff garbage"[..],
            b"{\"version\": 1, \"articles\": {",
            b"{\"version\": 99}",
            b"[1,2,3]",
        ] {
            let d = tempfile::tempdir().unwrap();
            std::fs::write(d.path().join("state.json"), bad).unwrap();
            let s = Store::open(d.path());
            assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
            assert!(s.warnings[0].contains("moved it aside"), "{}", s.warnings[0]);
            assert!(!d.path().join("state.json").exists());
            let aside: Vec<_> = std::fs::read_dir(d.path())
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("state.json.corrupt-"))
                .collect();
            assert_eq!(aside.len(), 1);
            assert_eq!(
                std::fs::read(aside[0].path()).unwrap(),
                bad,
                "the bad file is kept as it was"
            );
        }
    }
}
