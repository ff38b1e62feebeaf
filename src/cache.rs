//! The persistent index: what saywho learnt of each article file, kept between runs in
//! `$XDG_CACHE_HOME/saywho/quotes.redb` (or `--cache-dir DIR`), so a start reads and
//! extracts only new or changed files. Three tables:
//!
//! - `files`: a file's absolute path → its stamp (size, modification and change times,
//!   inode) and content key. A file whose stamp is unchanged is not read at all.
//! - `articles`: content key → the article's metadata (title, source, date, words, ...).
//! - `quotes`: content key → the quotes the engine found in it.
//!
//! A content key hashes what an article is parsed from (the file's bytes, the cleaning
//! rules, whether it is a web page), so an edited file misses and a moved or copied one
//! hits. The store is stamped with the engine's fingerprint (the source and tables of the
//! reader and the quote engine, hashed by `build.rs`) and emptied when another engine
//! opens it. Bodies are not stored: they are read from the file when shown or searched.
//!
//! The store is `redb`: an embedded key-value database in one file with ACID transactions,
//! so a crash mid-write leaves the previous state, never a torn one, and readers never see
//! half a write; pure Rust (no C toolchain, unlike SQLite), and values are `postcard`
//! (compact, serde). A cache that is corrupt is deleted and rebuilt; one that is locked
//! by another saywho, or cannot be written, is bypassed — it never stops saywho, and it
//! never holds user data.

use crate::corpus::{Article, Corpus};
use crate::index::Index;
use crate::quotes::Quote;
use redb::{ReadableDatabase, TableDefinition};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const FILES: TableDefinition<&str, &[u8]> = TableDefinition::new("files");
const ARTICLES: TableDefinition<&[u8], &[u8]> = TableDefinition::new("articles");
const QUOTES: TableDefinition<&[u8], &[u8]> = TableDefinition::new("quotes");
const META: TableDefinition<&str, &str> = TableDefinition::new("meta");
const LISTINGS: TableDefinition<&[u8], &[u8]> = TableDefinition::new("listings");

/// The engine that fills the cache: crate version and the fingerprint of its source.
pub const ENGINE: &str = concat!(env!("CARGO_PKG_VERSION"), "-", env!("SAYWHO_ENGINE_HASH"));

/// How much of the store redb keeps in memory: the cache is read once per start, so a
/// small page cache costs little time and keeps the process small.
const PAGE_CACHE: usize = 16 << 20;

use crate::corpus::store::ArticleStore;
use crate::corpus::store::{Key, Listed, Stamp, Stored};

#[derive(Serialize, Deserialize)]
struct Listing {
    /// A hash of the ids, paths and keys: unchanged, the listing is not written again.
    digest: u128,
    articles: Vec<Listed>,
}

#[derive(Serialize, Deserialize)]
struct FileEntry {
    stamp: Stamp,
    key: Key,
}

pub struct Cache {
    db: redb::Database,
    pub path: PathBuf,
}

/// The default cache folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "saywho").map(|d| d.cache_dir().to_path_buf())
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl Cache {
    /// The cache in `dir`, opened once per process (the loader and the indexer share it;
    /// redb refuses a second handle on one file). An error says why it is bypassed.
    pub fn open(dir: &Path) -> Result<std::sync::Arc<Cache>, String> {
        static OPEN: std::sync::Mutex<Vec<(PathBuf, std::sync::Weak<Cache>)>> = std::sync::Mutex::new(Vec::new());
        let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
        open.retain(|(_, w)| w.strong_count() > 0);
        if let Some(c) = open.iter().find(|(d, _)| d == dir).and_then(|(_, w)| w.upgrade()) {
            return Ok(c);
        }
        let c = std::sync::Arc::new(Self::open_new(dir)?);
        open.push((dir.to_path_buf(), std::sync::Arc::downgrade(&c)));
        Ok(c)
    }

    fn open_new(dir: &Path) -> Result<Cache, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("cache {}: {e}", dir.display()))?;
        let path = dir.join("quotes.redb");
        let create = || redb::Builder::new().set_cache_size(PAGE_CACHE).create(&path);
        let db = match create() {
            Ok(db) => db,
            Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
                return Err("cache in use by another saywho".into());
            }
            Err(e) => {
                // corrupt or from an incompatible store: start again
                let _ = std::fs::remove_file(&path);
                create().map_err(|e2| format!("cache {}: {e} ({e2})", path.display()))?
            }
        };
        let cache = Cache { db, path };
        cache
            .stamp()
            .map_err(|e| format!("cache {}: {e}", cache.path.display()))?;
        Ok(cache)
    }

    /// Empty the store when another engine filled it.
    fn stamp(&self) -> Result<(), String> {
        let current = {
            let r = self.db.begin_read().map_err(err)?;
            match r.open_table(META) {
                Ok(t) => t.get("engine").map_err(err)?.map(|v| v.value().to_string()),
                Err(_) => None,
            }
        };
        if current.as_deref() == Some(ENGINE) {
            return Ok(());
        }
        let w = self.db.begin_write().map_err(err)?;
        for t in [ARTICLES, QUOTES, LISTINGS] {
            let _ = w.delete_table(t);
        }
        let _ = w.delete_table(FILES);
        {
            let mut m = w.open_table(META).map_err(err)?;
            m.insert("engine", ENGINE).map_err(err)?;
        }
        w.commit().map_err(err)
    }

    fn files_in(&self, wanted: &[(String, Stamp)]) -> Vec<Option<(Key, Stored)>> {
        let none = || wanted.iter().map(|_| None).collect();
        let Ok(r) = self.db.begin_read() else { return none() };
        let (Ok(files), Ok(arts)) = (r.open_table(FILES), r.open_table(ARTICLES)) else {
            return none();
        };
        wanted
            .iter()
            .map(|(path, stamp)| {
                let v = files.get(path.as_str()).ok()??;
                let e: FileEntry = postcard::from_bytes(v.value()).ok()?;
                if e.stamp != *stamp {
                    return None;
                }
                let a = arts.get(&e.key[..]).ok()??;
                Some((e.key, postcard::from_bytes(a.value()).ok()?))
            })
            .collect()
    }

    /// The cached quotes of each key (None: not cached, or unreadable).
    pub fn get_many(&self, keys: &[Key]) -> Vec<Option<Vec<Quote>>> {
        self.get_many_in(QUOTES, keys)
    }

    fn get_many_in<T: serde::de::DeserializeOwned + Send>(
        &self,
        table: TableDefinition<&[u8], &[u8]>,
        keys: &[Key],
    ) -> Vec<Option<T>> {
        in_parallel(keys, |chunk| self.get_chunk(table, chunk))
    }

    fn get_chunk<T: serde::de::DeserializeOwned>(
        &self,
        table: TableDefinition<&[u8], &[u8]>,
        keys: &[Key],
    ) -> Vec<Option<T>> {
        let Ok(r) = self.db.begin_read() else {
            return keys.iter().map(|_| None).collect();
        };
        let Ok(t) = r.open_table(table) else {
            return keys.iter().map(|_| None).collect();
        };
        keys.iter()
            .map(|k| {
                let v = t.get(&k[..]).ok()??;
                postcard::from_bytes(v.value()).ok()
            })
            .collect()
    }

    /// Store quotes by key, in one transaction.
    pub fn put_many(&self, entries: &[(Key, &[Quote])]) -> Result<(), String> {
        if entries.is_empty() {
            return Ok(());
        }
        let w = self.db.begin_write().map_err(err)?;
        {
            let mut t = w.open_table(QUOTES).map_err(err)?;
            for (k, qs) in entries {
                let bytes = postcard::to_stdvec(qs).map_err(err)?;
                t.insert(&k[..], &bytes[..]).map_err(err)?;
            }
        }
        w.commit().map_err(err)
    }
}

/// The loader's questions ([`ArticleStore`]) answered from the store.
impl ArticleStore for Cache {
    /// For each (absolute path, stamp): the content key and the stored article, when the
    /// cache holds the file at that stamp.
    fn files(&self, wanted: &[(String, Stamp)]) -> Vec<Option<(Key, Stored)>> {
        in_parallel(wanted, |chunk| self.files_in(chunk))
    }

    /// The stored article of each content key.
    fn articles(&self, keys: &[Key]) -> Vec<Option<Stored>> {
        self.get_many_in(ARTICLES, keys)
    }

    /// Record files (absolute path, stamp, key) and the articles read from them, in one
    /// transaction; files under `roots` that are no longer in `present` are forgotten.
    fn put_files(
        &self,
        files: &[(String, Stamp, Key)],
        articles: &[(Key, Stored)],
        roots: &[String],
        present: &rustc_hash::FxHashSet<String>,
    ) -> Result<(), String> {
        // what is gone: paths under the roots the walk did not find
        let gone: Vec<String> = {
            let r = self.db.begin_read().map_err(err)?;
            match r.open_table(FILES) {
                Ok(t) => {
                    let mut gone = Vec::new();
                    for root in roots {
                        for e in t.range(root.as_str()..).map_err(err)? {
                            let (k, _) = e.map_err(err)?;
                            let k = k.value();
                            if !k.starts_with(root.as_str()) {
                                break;
                            }
                            if !present.contains(k) {
                                gone.push(k.to_string());
                            }
                        }
                    }
                    gone
                }
                Err(_) => Vec::new(),
            }
        };
        if files.is_empty() && articles.is_empty() && gone.is_empty() {
            return Ok(());
        }
        let w = self.db.begin_write().map_err(err)?;
        {
            let mut t = w.open_table(FILES).map_err(err)?;
            for (path, stamp, key) in files {
                let bytes = postcard::to_stdvec(&FileEntry {
                    stamp: *stamp,
                    key: *key,
                })
                .map_err(err)?;
                t.insert(path.as_str(), &bytes[..]).map_err(err)?;
            }
            for path in &gone {
                t.remove(path.as_str()).map_err(err)?;
            }
            let mut a = w.open_table(ARTICLES).map_err(err)?;
            for (key, stored) in articles {
                let bytes = postcard::to_stdvec(stored).map_err(err)?;
                a.insert(&key[..], &bytes[..]).map_err(err)?;
            }
        }
        w.commit().map_err(err)
    }

    /// The articles last read from the folders `listing` names (see
    /// [`crate::corpus::load::listing_key`]), in order.
    fn listing(&self, listing: Key) -> Option<Vec<Listed>> {
        let r = self.db.begin_read().ok()?;
        let t = r.open_table(LISTINGS).ok()?;
        let v = t.get(&listing[..]).ok()??;
        postcard::from_bytes::<Listing>(v.value()).ok().map(|l| l.articles)
    }

    /// Keep the articles read from the folders `listing` names, unless the same ones are
    /// kept already.
    /// Returns whether it changed (the articles are copied out only then).
    fn put_listing(&self, listing: Key, articles: &[Article]) -> Result<bool, String> {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for a in articles {
            h.update(a.id.as_bytes());
            h.update(&[0]);
            h.update(a.path.as_bytes());
            h.update(&[0]);
            h.update(&a.key);
            h.update(&a.text_hash.to_le_bytes());
        }
        let digest = h.digest128();
        {
            let r = self.db.begin_read().map_err(err)?;
            // the digest is the listing's first field: compared without decoding the rest
            if let Ok(t) = r.open_table(LISTINGS)
                && let Some(v) = t.get(&listing[..]).map_err(err)?
                && postcard::take_from_bytes::<u128>(v.value()).ok().map(|(d, _)| d) == Some(digest)
            {
                return Ok(false);
            }
        }
        let articles = articles
            .iter()
            .map(|a| Listed {
                id: a.id.clone(),
                path: a.path.clone(),
                key: a.key,
                stored: a.stored(None),
            })
            .collect();
        let bytes = postcard::to_stdvec(&Listing { digest, articles }).map_err(err)?;
        let w = self.db.begin_write().map_err(err)?;
        {
            let mut t = w.open_table(LISTINGS).map_err(err)?;
            t.insert(&listing[..], &bytes[..]).map_err(err)?;
        }
        w.commit().map_err(err).map(|_| true)
    }
}

/// Look up `items` in chunks on every core, each chunk in its own read transaction
/// (decoding is most of the work), results in order.
fn in_parallel<I: Sync, T: Send>(items: &[I], f: impl Fn(&[I]) -> Vec<T> + Sync + Send) -> Vec<T> {
    use rayon::prelude::*;
    const CHUNK: usize = 2048;
    if items.len() <= CHUNK {
        return f(items);
    }
    items.par_chunks(CHUNK).flat_map_iter(f).collect()
}

/// What [`build_index`] did: how many articles it extracted, and the cache it used
/// (or why none).
pub struct Report {
    pub extracted: usize,
    pub articles: usize,
    pub cache: Option<Result<PathBuf, String>>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.cache {
            Some(Ok(p)) => write!(
                f,
                "cache {}: {} of {} articles extracted, the rest cached",
                p.display(),
                self.extracted,
                self.articles
            ),
            Some(Err(e)) => write!(f, "{e}: bypassed; {} articles extracted", self.extracted),
            None => write!(f, "no cache; {} articles extracted", self.extracted),
        }
    }
}

/// The quote index of `corpus`, through the cache in `dir` when there is one (a cache
/// that cannot be used is bypassed, and the report says why).
pub fn build_index(corpus: &Corpus, dir: Option<&Path>) -> (Index, Report) {
    build_index_with_progress(corpus, dir, None)
}

/// As [`build_index`], counting extracted articles in `extracted` as it goes.
pub fn build_index_with_progress(
    corpus: &Corpus,
    dir: Option<&Path>,
    extracted: Option<&std::sync::atomic::AtomicUsize>,
) -> (Index, Report) {
    let cache = dir.map(Cache::open);
    let (index, extracted) = index_through(corpus, cache.as_ref().and_then(|c| c.as_deref().ok()), extracted);
    let report = Report {
        extracted,
        articles: corpus.articles.len(),
        cache: cache.map(|c| c.map(|c| c.path.clone())),
    };
    (index, report)
}

/// The quote index of `corpus`, taking what `cache` holds and extracting only the rest
/// (which then goes into the cache), counting the articles whose quotes were extracted in
/// `extracted` as it goes (for a progress display). Returns how many were extracted.
pub fn index_through(
    corpus: &Corpus,
    cache: Option<&Cache>,
    extracted: Option<&std::sync::atomic::AtomicUsize>,
) -> (Index, usize) {
    use rayon::prelude::*;
    let count = || {
        if let Some(n) = extracted {
            n.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let cached = match cache {
        Some(cache) => {
            let keys: Vec<Key> = corpus.articles.iter().map(|a| a.key).collect();
            cache.get_many(&keys)
        }
        None => vec![None; corpus.articles.len()],
    };
    let hit: Vec<bool> = cached.iter().map(Option::is_some).collect();
    let quotes: Vec<Vec<Quote>> = cached
        .into_par_iter()
        .enumerate()
        .map(|(i, c)| {
            c.unwrap_or_else(|| {
                let q = crate::index::extract(corpus, i);
                count();
                q
            })
        })
        .collect();
    let Some(cache) = cache else {
        let n = quotes.len();
        return (Index::from_quotes(quotes), n);
    };
    // what was not there goes in (a failure only costs the next start the same work)
    let missing: Vec<(Key, &[Quote])> = corpus
        .articles
        .iter()
        .map(|a| &a.key)
        .zip(&quotes)
        .zip(&hit)
        .filter(|(_, h)| !**h)
        .map(|((k, q), _)| (*k, q.as_slice()))
        .collect();
    let extracted = missing.len();
    let _ = cache.put_many(&missing);
    (Index::from_quotes(quotes), extracted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    #[test]
    fn round_trip_and_corruption() {
        let d = tempfile::tempdir().unwrap();
        let (a, _) = crate::corpus::load::parse_bytes(
            "a".into(),
            "a.txt".into(),
            "T\n\n“We will win,” Jane Smith said.\n".as_bytes(),
            &crate::corpus::Rules::builtin(),
        )
        .unwrap();
        let qs = crate::quotes::extract(&a);
        let k = a.key;
        {
            let c = Cache::open(d.path()).unwrap();
            assert_eq!(c.get_many(&[k]), vec![None]);
            c.put_many(&[(k, &qs)]).unwrap();
            assert_eq!(c.get_many(&[k]), vec![Some(qs.clone())]);
            // opened twice in one process: the same store
            let again = Cache::open(d.path()).unwrap();
            assert_eq!(again.get_many(&[k]), vec![Some(qs.clone())]);
        }
        // a second open sees it
        let c = Cache::open(d.path()).unwrap();
        assert_eq!(c.get_many(&[k]), vec![Some(qs.clone())]);
        // articles by stamp: a changed stamp misses
        let stamp = Stamp {
            size: 1,
            modified: 2,
            changed: 3,
            inode: 4,
        };
        let present: rustc_hash::FxHashSet<String> = ["/x/a.txt".to_string()].into_iter().collect();
        c.put_files(&[("/x/a.txt".into(), stamp, k)], &[(k, a.stored(None))], &[], &present)
            .unwrap();
        let got = c.files(&[("/x/a.txt".into(), stamp)]);
        let (key, stored) = got[0].clone().unwrap();
        assert_eq!(key, k);
        let (back, _) = Article::from_stored("a".into(), "a.txt".into(), key, stored);
        assert_eq!(back.meta, a.meta);
        assert_eq!(back.text_hash, a.text_hash);
        assert!(back.body().is_none());
        assert!(c.files(&[("/x/a.txt".into(), Stamp { size: 9, ..stamp })])[0].is_none());
        // a file gone from a folder is forgotten
        c.put_files(&[], &[], &["/x/".into()], &Default::default()).unwrap();
        assert!(c.files(&[("/x/a.txt".into(), stamp)])[0].is_none());
        drop(c);
        // garbage in the file: rebuilt, empty
        std::fs::write(d.path().join("quotes.redb"), b"not a database at all").unwrap();
        let c = Cache::open(d.path()).unwrap();
        assert_eq!(c.get_many(&[k]), vec![None]);
    }
}
