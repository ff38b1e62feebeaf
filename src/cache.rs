//! The quote cache: what the engine extracted from each article, kept between runs in
//! `$XDG_CACHE_HOME/saywho/quotes.redb` (or `--cache-dir DIR`), so a start re-extracts only
//! new or changed articles.
//!
//! An entry's key is a hash of the article's text and paragraph boundaries (what the
//! engine reads), so an edited file misses and a moved one hits; the store is stamped with
//! the engine's fingerprint (its source and tables, hashed by `build.rs`) and emptied when
//! another engine opens it. The store is `redb`: an embedded key-value database with ACID
//! transactions, so a crash mid-write leaves the previous state, never a torn one. A cache
//! that is corrupt is deleted and rebuilt; one that is locked by another saywho, or cannot
//! be written, is bypassed — it never stops saywho, and it never holds user data.

use crate::corpus::Article;
use crate::quotes::Quote;
use redb::{ReadableDatabase, TableDefinition};
use std::path::{Path, PathBuf};

const QUOTES: TableDefinition<&[u8], &[u8]> = TableDefinition::new("quotes");
const META: TableDefinition<&str, &str> = TableDefinition::new("meta");

/// The engine that fills the cache: crate version and the fingerprint of its source.
pub const ENGINE: &str = concat!(env!("CARGO_PKG_VERSION"), "-", env!("SAYWHO_ENGINE_HASH"));

pub type Key = [u8; 16];

pub struct QuoteCache {
    db: redb::Database,
    pub path: PathBuf,
}

/// The default cache folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "saywho").map(|d| d.cache_dir().to_path_buf())
}

impl QuoteCache {
    /// Open (or create) the cache in `dir`. An error says why it is bypassed.
    pub fn open(dir: &Path) -> Result<QuoteCache, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("cache {}: {e}", dir.display()))?;
        let path = dir.join("quotes.redb");
        let db = match redb::Database::create(&path) {
            Ok(db) => db,
            Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
                return Err("cache in use by another saywho".into());
            }
            Err(e) => {
                // corrupt or from an incompatible store: start again
                let _ = std::fs::remove_file(&path);
                redb::Database::create(&path).map_err(|e2| format!("cache {}: {e} ({e2})", path.display()))?
            }
        };
        let cache = QuoteCache { db, path };
        cache
            .stamp()
            .map_err(|e| format!("cache {}: {e}", cache.path.display()))?;
        Ok(cache)
    }

    /// Empty the store when another engine filled it.
    fn stamp(&self) -> Result<(), String> {
        let current = {
            let r = self.db.begin_read().map_err(|e| e.to_string())?;
            match r.open_table(META) {
                Ok(t) => t
                    .get("engine")
                    .map_err(|e| e.to_string())?
                    .map(|v| v.value().to_string()),
                Err(_) => None,
            }
        };
        if current.as_deref() == Some(ENGINE) {
            return Ok(());
        }
        let w = self.db.begin_write().map_err(|e| e.to_string())?;
        let _ = w.delete_table(QUOTES);
        {
            let mut m = w.open_table(META).map_err(|e| e.to_string())?;
            m.insert("engine", ENGINE).map_err(|e| e.to_string())?;
        }
        w.commit().map_err(|e| e.to_string())
    }

    /// What the engine reads of an article, hashed.
    pub fn key(a: &Article) -> Key {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(a.text.as_bytes());
        for p in &a.paragraphs {
            h.update(&(p.start as u64).to_le_bytes());
            h.update(&(p.end as u64).to_le_bytes());
        }
        h.digest128().to_le_bytes()
    }

    /// The cached quotes of each key (None: not cached, or unreadable).
    pub fn get_many(&self, keys: &[Key]) -> Vec<Option<Vec<Quote>>> {
        let Ok(r) = self.db.begin_read() else {
            return vec![None; keys.len()];
        };
        let Ok(t) = r.open_table(QUOTES) else {
            return vec![None; keys.len()];
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
        let w = self.db.begin_write().map_err(|e| e.to_string())?;
        {
            let mut t = w.open_table(QUOTES).map_err(|e| e.to_string())?;
            for (k, qs) in entries {
                let bytes = postcard::to_stdvec(qs).map_err(|e| e.to_string())?;
                t.insert(&k[..], &bytes[..]).map_err(|e| e.to_string())?;
            }
        }
        w.commit().map_err(|e| e.to_string())
    }
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
pub fn build_index(corpus: &crate::corpus::Corpus, dir: Option<&Path>) -> (crate::index::Index, Report) {
    let cache = dir.map(QuoteCache::open);
    let (index, extracted) = crate::index::Index::build_cached(corpus, cache.as_ref().and_then(|c| c.as_ref().ok()));
    let report = Report {
        extracted,
        articles: corpus.articles.len(),
        cache: cache.map(|c| c.map(|c| c.path)),
    };
    (index, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption() {
        let d = tempfile::tempdir().unwrap();
        let (a, _) = Article::parse(
            "a".into(),
            "a".into(),
            "T\n\n“We will win,” Jane Smith said.\n".into(),
            crate::corpus::decode::Encoding::Utf8,
            &crate::corpus::Rules::builtin(),
        );
        let qs = crate::quotes::extract(&a);
        let k = QuoteCache::key(&a);
        {
            let c = QuoteCache::open(d.path()).unwrap();
            assert_eq!(c.get_many(&[k]), vec![None]);
            c.put_many(&[(k, &qs)]).unwrap();
            assert_eq!(c.get_many(&[k]), vec![Some(qs.clone())]);
        }
        // a second open sees it
        let c = QuoteCache::open(d.path()).unwrap();
        assert_eq!(c.get_many(&[k]), vec![Some(qs.clone())]);
        drop(c);
        // garbage in the file: rebuilt, empty
        std::fs::write(d.path().join("quotes.redb"), b"not a database at all").unwrap();
        let c = QuoteCache::open(d.path()).unwrap();
        assert_eq!(c.get_many(&[k]), vec![None]);
    }
}
