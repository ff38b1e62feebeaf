//! What the loader asks of a persistent store of parsed articles, and the forms it keeps
//! them in. The store itself (`crate::cache`, redb on disk) sits above the index; the
//! loader sees it only through [`ArticleStore`], so the corpus knows nothing above it.

use super::{Article, ContentKey, Meta, decode::Encoding};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub type Key = ContentKey;

/// What identifies a file's version without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified: i128,
    pub changed: i128,
    pub inode: u64,
}

impl Stamp {
    pub fn of(m: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                size: m.len(),
                modified: m.mtime() as i128 * 1_000_000_000 + m.mtime_nsec() as i128,
                changed: m.ctime() as i128 * 1_000_000_000 + m.ctime_nsec() as i128,
                inode: m.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let ns = |t: std::io::Result<std::time::SystemTime>| {
                t.ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as i128)
            };
            Stamp {
                size: m.len(),
                modified: ns(m.modified()),
                changed: ns(m.created()),
                inode: 0,
            }
        }
    }
}

/// One article of a listing: what the reader shows before it has looked at the folder.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Listed {
    pub id: String,
    pub path: String,
    pub key: Key,
    pub stored: Stored,
}

/// An article as the cache keeps it: everything but its id, path and body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub meta: Meta,
    pub encoding: Encoding,
    pub words: usize,
    pub paragraph_count: usize,
    pub text_hash: u64,
    /// A warning from reading it (bad front matter), said again at each start.
    pub warning: Option<String>,
}

/// `path` made absolute without touching the disk (`.` and `..` resolved by name), the
/// same however the user spelt it from the same folder.
pub fn absolute(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// A store of parsed articles the loader reads before it reads files, and fills with what
/// it read. Every call may fail quietly (None, or an error the loader ignores): a store
/// only ever saves work.
pub trait ArticleStore: Sync {
    /// For each (absolute path, stamp): the content key and the stored article, when the
    /// store holds the file at that stamp.
    fn files(&self, wanted: &[(String, Stamp)]) -> Vec<Option<(Key, Stored)>>;
    /// The stored article of each content key.
    fn articles(&self, keys: &[Key]) -> Vec<Option<Stored>>;
    /// Record files (absolute path, stamp, key) and the articles read from them; files
    /// under `roots` that are no longer in `present` are forgotten.
    fn put_files(
        &self,
        files: &[(String, Stamp, Key)],
        articles: &[(Key, Stored)],
        roots: &[String],
        present: &rustc_hash::FxHashSet<String>,
    ) -> Result<(), String>;
    /// The articles last read from the folders `listing` names
    /// ([`super::load::listing_key`]), in order.
    fn listing(&self, listing: Key) -> Option<Vec<Listed>>;
    /// Keep the articles read from the folders `listing` names; whether that changed
    /// what was kept.
    fn put_listing(&self, listing: Key, articles: &[Article]) -> Result<bool, String>;
}
