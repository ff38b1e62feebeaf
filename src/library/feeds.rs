//! The feeds to sync, kept in `feeds.toml` in the config folder:
//!
//! ```toml
//! [[feed]]
//! name = "bbc-world"
//! url = "https://feeds.bbci.co.uk/news/world/rss.xml"
//! title = "BBC News - World"         # optional: what an imported list called it
//! html_url = "https://www.bbc.co.uk/news/world"  # optional: the site
//! tags = ["News", "World"]           # optional: folders and tags
//! ```

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub name: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html_url: Option<String>,
    /// Folders and tags (an OPML folder, newsboat's tags): `tag:` filters by them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// What importing a feed list did.
#[derive(Debug, Default, Serialize)]
pub struct ImportReport {
    /// Names of the feeds added.
    pub added: Vec<String>,
    /// Feeds already in the list (by URL), with what the import gave them (tags, title).
    pub already: Vec<Already>,
    /// Lines or outlines that are no feed saywho can fetch.
    pub skipped: Vec<SkippedLine>,
}

#[derive(Debug, Serialize)]
pub struct Already {
    pub name: String,
    pub url: String,
    /// The tags the import added to it.
    pub new_tags: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SkippedLine {
    pub line: usize,
    pub what: String,
    pub why: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Feeds {
    #[serde(default, rename = "feed")]
    pub feeds: Vec<Feed>,
    #[serde(skip)]
    pub path: PathBuf,
}

impl Feeds {
    /// The feeds in `path` (none when it does not exist).
    pub fn load(path: &Path) -> Result<Feeds> {
        let mut f: Feeds = match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1));
                anyhow::anyhow!("{}:{}: {}", path.display(), line.unwrap_or(1), e.message())
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Feeds::default(),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        f.path = path.to_path_buf();
        Ok(f)
    }

    /// Write the list (atomically: the old list or the new one, never a part).
    pub fn save(&self) -> Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut text = String::from("# saywho's feeds: `saywho feed add URL [--name NAME]`, `feed remove NAME`\n\n");
        text.push_str(&toml::to_string(self)?);
        crate::state::write_atomic(dir, &self.path, text.as_bytes())
    }

    /// Add a feed; its name is `name`, else one made from the URL. Returns the name.
    pub fn add(&mut self, url: &str, name: Option<&str>) -> Result<String> {
        let parsed = url::Url::parse(url).with_context(|| format!("{url:?} is not a URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            bail!("{url:?}: only http and https feeds can be fetched");
        }
        let canon = super::canonical_url(url);
        if let Some(f) = self.feeds.iter().find(|f| super::canonical_url(&f.url) == canon) {
            bail!("{url} is already a feed, named {:?}", f.name);
        }
        let name = match name {
            Some(n) => {
                let n = n.trim();
                if n.is_empty() {
                    bail!("a feed's name cannot be empty");
                }
                if self.feeds.iter().any(|f| f.name == n) {
                    bail!("there is already a feed named {n:?}");
                }
                n.to_string()
            }
            None => self.free_name(&parsed),
        };
        self.feeds.push(Feed {
            name: name.clone(),
            url: url.to_string(),
            title: None,
            html_url: None,
            tags: Vec::new(),
        });
        Ok(name)
    }

    /// Add the feeds of an imported list. A feed already listed (the same URL, in the list
    /// or earlier in the file) is not added twice: it gains the tags, title and site it
    /// lacked. A new feed is named after its title, else its URL.
    pub fn import(&mut self, parsed: Parsed) -> ImportReport {
        let mut report = ImportReport {
            skipped: parsed
                .skipped
                .into_iter()
                .map(|s| SkippedLine {
                    line: s.line,
                    what: s.what,
                    why: s.why,
                })
                .collect(),
            ..ImportReport::default()
        };
        let mut known: std::collections::HashMap<String, usize> = self
            .feeds
            .iter()
            .enumerate()
            .map(|(i, f)| (super::canonical_url(&f.url), i))
            .collect();
        let mut names: std::collections::HashSet<String> = self.feeds.iter().map(|f| f.name.clone()).collect();
        for e in parsed.entries {
            let canon = super::canonical_url(&e.url);
            if let Some(f) = known.get(&canon).map(|&i| &mut self.feeds[i]) {
                let new_tags: Vec<String> = e.tags.iter().filter(|t| !f.tags.contains(t)).cloned().collect();
                f.tags.extend(new_tags.iter().cloned());
                f.title = f.title.take().or(e.title);
                f.html_url = f.html_url.take().or(e.html_url);
                report.already.push(Already {
                    name: f.name.clone(),
                    url: f.url.clone(),
                    new_tags,
                });
                continue;
            }
            let Ok(parsed_url) = url::Url::parse(&e.url) else {
                continue;
            };
            let name = match e.title.as_deref().map(|t| super::slug(t, 40)).filter(|s| !s.is_empty()) {
                Some(n) if !names.contains(&n) => n,
                Some(n) => (2..)
                    .map(|k| format!("{n}-{k}"))
                    .find(|c| !names.contains(c))
                    .unwrap_or(n),
                None => self.free_name(&parsed_url),
            };
            names.insert(name.clone());
            known.insert(canon, self.feeds.len());
            report.added.push(name.clone());
            self.feeds.push(Feed {
                name,
                url: e.url,
                title: e.title,
                html_url: e.html_url,
                tags: e.tags,
            });
        }
        report
    }

    /// Remove the feed named `which` (or with that URL).
    pub fn remove(&mut self, which: &str) -> Result<Feed> {
        let canon = super::canonical_url(which);
        let Some(i) = self
            .feeds
            .iter()
            .position(|f| f.name == which || super::canonical_url(&f.url) == canon)
        else {
            let names: Vec<&str> = self.feeds.iter().map(|f| f.name.as_str()).collect();
            if names.is_empty() {
                bail!("no feed named {which:?}: there are no feeds (add one with `saywho feed add URL`)");
            }
            bail!("no feed named {which:?} (feeds: {})", names.join(", "));
        };
        Ok(self.feeds.remove(i))
    }

    /// "news-example-com", or with the path's first word when the host is taken.
    fn free_name(&self, url: &url::Url) -> String {
        let host = url
            .host_str()
            .unwrap_or("feed")
            .trim_start_matches("www.")
            .trim_start_matches("feeds.");
        let base = super::slug(host, 40);
        let path_word = url
            .path_segments()
            .and_then(|mut s| s.find(|p| !p.is_empty() && !p.contains('.')))
            .map(|p| super::slug(p, 20));
        let mut candidates = vec![base.clone()];
        if let Some(w) = path_word {
            candidates.push(format!("{base}-{w}"));
        }
        for c in &candidates {
            if !self.feeds.iter().any(|f| &f.name == c) {
                return c.clone();
            }
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !self.feeds.iter().any(|f| &f.name == c))
            .unwrap_or(base)
    }
}

/// A feed read from a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    pub url: String,
    pub title: Option<String>,
    pub html_url: Option<String>,
    pub tags: Vec<String>,
}

/// Something in the list that is not a feed saywho can fetch, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line of the file.
    pub line: usize,
    pub what: String,
    pub why: String,
}

/// A feed list as read from a file (OPML or newsboat's `urls`, see `super::opml`).
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_list_remove() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("sub/feeds.toml");
        let mut f = Feeds::load(&path).unwrap();
        assert!(f.feeds.is_empty());
        assert_eq!(
            f.add("https://www.example.com/news/rss.xml", None).unwrap(),
            "example-com"
        );
        assert_eq!(
            f.add("https://example.com/sport/rss.xml", None).unwrap(),
            "example-com-sport"
        );
        assert!(
            f.add("https://example.com/sport/rss.xml?utm_source=x", None).is_err(),
            "same feed"
        );
        assert!(f.add("ftp://example.com/x", None).is_err());
        assert_eq!(f.add("https://b.org/feed", Some("mine")).unwrap(), "mine");
        f.save().unwrap();
        let mut back = Feeds::load(&path).unwrap();
        assert_eq!(back.feeds, f.feeds);
        assert_eq!(back.remove("mine").unwrap().url, "https://b.org/feed");
        assert!(back.remove("nothing").unwrap_err().to_string().contains("example-com"));
    }
}
