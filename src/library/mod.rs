//! The library: news saywho fetched and keeps. Feeds are listed in the config folder
//! (`feeds.toml`); `sync` fetches each feed, then each new item's page, and stores it in the
//! library folder (`$XDG_DATA_HOME/saywho/library/` by default), one file per article.
//!
//! A stored article is the page exactly as it was fetched, after one line saywho adds
//! first: `<!-- saywho {json} -->` with what the feed said (URL, feed, title, author, date)
//! — so a better extractor can re-read the page later, and the feed's metadata fills what
//! the page lacks. An item whose page could not be fetched is stored as a small HTML page
//! around the feed's own content. Files are written to a hidden temporary name and renamed,
//! so an interrupted sync leaves no half article; the loader skips hidden files.
//!
//! Knows nothing of terminals: progress goes to a callback.

pub mod feeds;
pub mod fetch;
pub mod opml;
pub mod remote;
pub mod sync;

pub use crate::corpus::header::Header;
use std::path::{Path, PathBuf};

/// The default library folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "saywho").map(|d| d.data_dir().join("library"))
}

/// The feeds file: in the config folder.
pub fn default_feeds_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "saywho").map(|d| d.config_dir().join("feeds.toml"))
}

/// A URL as the same article is known by, whatever link reached it: scheme and host
/// lowercased, the fragment, tracking parameters (`utm_*`, `fbclid`, `gclid`, ...), a
/// default port and a trailing slash dropped.
pub fn canonical_url(u: &str) -> String {
    let Ok(mut url) = url::Url::parse(u.trim()) else {
        return u.trim().to_string();
    };
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !(k.starts_with("utm_")
                || [
                    "fbclid",
                    "gclid",
                    "dclid",
                    "msclkid",
                    "mc_cid",
                    "mc_eid",
                    "ocid",
                    "cmpid",
                    "at_medium",
                    "at_campaign",
                ]
                .contains(&k.as_str()))
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    let mut s = url.to_string();
    if s.ends_with('/') && url.path() != "/" {
        s.pop();
    }
    s
}

/// "Harbour bridge to close!" → "harbour-bridge-to-close", at most `max` bytes.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "article".into() } else { out }
}

/// True when `dir` holds an article file (the library is in use).
pub fn has_articles(dir: &Path) -> bool {
    dir.is_dir() && !crate::corpus::load::discover(&[dir.to_path_buf()]).0.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_one_url() {
        let a = canonical_url("https://News.Example.com/a/story/?utm_source=rss&utm_medium=feed#top");
        let b = canonical_url("https://news.example.com/a/story");
        assert_eq!(a, b);
        assert_eq!(
            canonical_url("https://x.com/s?id=4&fbclid=zz"),
            "https://x.com/s?id=4",
            "other parameters stay"
        );
        assert_ne!(
            canonical_url("https://x.com/s?id=4"),
            canonical_url("https://x.com/s?id=5")
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Harbour bridge: to close!", 60), "harbour-bridge-to-close");
        assert_eq!(slug("???", 60), "article");
        assert!(slug(&"word ".repeat(40), 30).len() <= 31);
    }
}
