//! Feed servers saywho syncs with (accounts): their feeds and items come into the library
//! like a local feed's, and read and saved flags go both ways.
//!
//! A server is a [`Service`]: feeds, items since a cursor, the read and saved flags, and
//! marking an item. [`fever::Fever`] is one; a Google Reader API client (FreshRSS,
//! Miniflux, Inoreader) would be another beside it, with nothing else changing.
//!
//! Accounts are listed in `accounts.toml` in the config folder. saywho never stores a
//! password: a `password_command` is run at each sync, `$SAYWHO_PASSWORD` is read, or the
//! key the password makes (Fever's md5 of "email:password") is kept in a file only the
//! user can read, next to `accounts.toml`.
//!
//! Flags are merged three ways at each sync: what the server says, what saywho's state
//! says, and what both agreed at the last sync (kept in the library, in
//! `.saywho-account-NAME.json`). A flag changed on one side only goes to the other; changed
//! on both, they agree (a flag has two values); an item new to both keeps a flag set on
//! either. A mark made in saywho while the server cannot be reached differs from the last
//! agreement until it is sent, so it waits — in the state file, which survives restarts
//! and `kill -9` — and goes with the next sync that reaches the server.

pub mod fever;

use crate::library::{canonical_url, feeds::Feed, slug};
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A feed on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFeed {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub site_url: Option<String>,
    /// Its groups or folders on the server.
    pub tags: Vec<String>,
}

/// An item on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteItem {
    pub id: String,
    pub feed_id: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// The server's copy of the content (stored when the page cannot be fetched).
    pub html: Option<String>,
    pub url: Option<String>,
    pub read: bool,
    pub saved: bool,
    /// Unix seconds.
    pub published: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Read,
    Saved,
}

/// What went wrong talking to a server, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteError {
    /// The user name, password or key was refused.
    Auth(String),
    /// It could not be reached, timed out or failed (HTTP 5xx, …).
    Down(String),
    /// It answered something that is not the API.
    Malformed(String),
}

impl std::fmt::Display for RemoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RemoteError::Auth(e) => write!(f, "login refused: {e}"),
            RemoteError::Down(e) => write!(f, "server unreachable: {e}"),
            RemoteError::Malformed(e) => write!(f, "bad answer: {e}"),
        }
    }
}

/// A feed server's API.
pub trait Service {
    /// The credentials work.
    fn check(&self) -> Result<(), RemoteError>;
    fn feeds(&self) -> Result<Vec<RemoteFeed>, RemoteError>;
    /// Items after `cursor` (all of them without one), and the cursor after them.
    fn items_since(&self, cursor: Option<&str>) -> Result<(Vec<RemoteItem>, Option<String>), RemoteError>;
    /// The ids of the unread items and of the saved ones.
    fn flags(&self) -> Result<(BTreeSet<String>, BTreeSet<String>), RemoteError>;
    fn mark(&self, item: &str, flag: Flag, on: bool) -> Result<(), RemoteError>;
}

/// Which API an account speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Fever,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub name: String,
    pub kind: Kind,
    /// The API endpoint (Fever: the server's `/fever/` URL).
    pub url: String,
    pub user: String,
    /// A command that prints the password (`pass show fever`), run at each sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_command: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Accounts {
    #[serde(default, rename = "account")]
    pub accounts: Vec<Account>,
    #[serde(skip)]
    pub path: PathBuf,
}

/// The accounts file: in the config folder.
pub fn default_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "saywho").map(|d| d.config_dir().join("accounts.toml"))
}

impl Accounts {
    pub fn load(path: &Path) -> Result<Accounts> {
        let mut a: Accounts = match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Accounts::default(),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        a.path = path.to_path_buf();
        Ok(a)
    }

    pub fn save(&self) -> Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut text = String::from(
            "# saywho's feed server accounts: `saywho account add fever URL --user EMAIL`.\n\
             # No password is kept here: see password_command, $SAYWHO_PASSWORD.\n\n",
        );
        text.push_str(&toml::to_string(self)?);
        crate::state::write_atomic(dir, &self.path, text.as_bytes())
    }

    /// Where an account's key is kept (when it has no password command).
    pub fn key_file(&self, name: &str) -> PathBuf {
        self.path
            .parent()
            .unwrap_or(Path::new("."))
            .join("keys")
            .join(format!("{name}.key"))
    }

    /// A free name for an account on `url`.
    pub fn free_name(&self, url: &str) -> String {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "server".into());
        let base = slug(&host, 40);
        std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|c| !self.accounts.iter().any(|a| &a.name == c))
            .unwrap_or(base)
    }

    pub fn remove(&mut self, name: &str) -> Result<Account> {
        let Some(i) = self.accounts.iter().position(|a| a.name == name || a.url == name) else {
            let names: Vec<&str> = self.accounts.iter().map(|a| a.name.as_str()).collect();
            bail!(
                "no account named {name:?} ({})",
                if names.is_empty() {
                    "there are none".to_string()
                } else {
                    names.join(", ")
                }
            );
        };
        let a = self.accounts.remove(i);
        let _ = std::fs::remove_file(self.key_file(&a.name));
        Ok(a)
    }

    /// Keep `key` for `name`, readable by the user only.
    pub fn store_key(&self, name: &str, key: &str) -> Result<()> {
        let path = self.key_file(name);
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
        let tmp = dir.join(format!(".{name}.key.tmp"));
        {
            use std::io::Write;
            let mut o = std::fs::OpenOptions::new();
            o.write(true).create(true).truncate(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
            let mut f = o
                .open(&tmp)
                .with_context(|| format!("cannot write {}", tmp.display()))?;
            f.write_all(key.as_bytes())?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))
    }
}

/// The password of `a`: its command's first line, else `$SAYWHO_PASSWORD`.
pub fn password(a: &Account) -> Result<Option<String>> {
    if let Some(cmd) = &a.password_command {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .stderr(std::process::Stdio::inherit())
            .output()
            .with_context(|| format!("cannot run the password command of {}", a.name))?;
        if !out.status.success() {
            bail!("the password command of account {} failed ({})", a.name, out.status);
        }
        let text = String::from_utf8_lossy(&out.stdout);
        return Ok(Some(text.lines().next().unwrap_or("").to_string()));
    }
    Ok(std::env::var("SAYWHO_PASSWORD").ok().filter(|p| !p.is_empty()))
}

/// The API key of `a`: from its password when one is at hand, else the key kept.
pub fn key(accounts: &Accounts, a: &Account) -> Result<String> {
    if let Some(p) = password(a)? {
        return Ok(match a.kind {
            Kind::Fever => fever::api_key(&a.user, &p),
        });
    }
    std::fs::read_to_string(accounts.key_file(&a.name))
        .map(|k| k.trim().to_string())
        .map_err(|_| {
            anyhow::anyhow!(
                "no password for account {}: set $SAYWHO_PASSWORD, a password_command in {}, or run `saywho account add` again",
                a.name,
                accounts.path.display()
            )
        })
}

/// The service of an account.
pub fn service(a: &Account, key: String, client: crate::library::fetch::Client) -> Box<dyn Service + Send + Sync> {
    match a.kind {
        Kind::Fever => Box::new(fever::Fever::new(&a.url, key, client)),
    }
}

/// What both sides agreed on at the last sync, per item, and where its article is.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct SyncState {
    #[serde(default)]
    pub cursor: Option<String>,
    #[serde(default)]
    pub items: BTreeMap<String, Agreed>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Agreed {
    /// The article's file, relative to the library (none until it is stored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The flags both sides had at the last sync (none: not yet agreed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<bool>,
}

pub fn state_path(library: &Path, account: &str) -> PathBuf {
    library.join(format!(".saywho-account-{}.json", slug(account, 60)))
}

pub fn load_state(library: &Path, account: &str) -> SyncState {
    std::fs::read(state_path(library, account))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

pub fn save_state(library: &Path, account: &str, s: &SyncState) -> Result<()> {
    crate::state::write_atomic(library, &state_path(library, account), &serde_json::to_vec(s)?)
        .context("cannot save the account's sync state")
}

/// The key an item of `account` is known by in the library.
pub fn item_key(account: &str, id: &str) -> String {
    format!("account:{account}:{id}")
}

/// One flag merged three ways: (the value both keep, send it to the server, take it here).
pub fn merge(local: bool, server: bool, agreed: Option<bool>) -> (bool, bool, bool) {
    let v = match agreed {
        // new to both: a flag set on either side is kept (nothing is lost)
        None => local || server,
        Some(a) if local != a && server == a => local,
        Some(a) if server != a && local == a => server,
        // unchanged, or changed the same way on both sides
        Some(_) => local,
    };
    (v, v != server, v != local)
}

/// The server's items as sync items: the feed they came from (by the server's feed
/// name, with its groups as tags), the link, the server's HTML as the fallback content.
pub fn items_to_store(
    account: &Account,
    feeds: &[RemoteFeed],
    items: &[RemoteItem],
) -> Vec<crate::library::sync::Item> {
    let by_id: BTreeMap<&str, &RemoteFeed> = feeds.iter().map(|f| (f.id.as_str(), f)).collect();
    items
        .iter()
        .map(|it| {
            let f = by_id.get(it.feed_id.as_str());
            // (what a server says is printed and shown: no control characters)
            let title = f
                .and_then(|f| f.title.as_deref())
                .map(crate::library::opml::clean)
                .filter(|t| !t.is_empty());
            let name = title
                .as_deref()
                .map(|t| slug(t, 40))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("{}-feed-{}", account.name, it.feed_id));
            let feed = Feed {
                name,
                url: f.and_then(|f| f.url.clone()).unwrap_or_default(),
                title: title.clone(),
                html_url: f.and_then(|f| f.site_url.clone()),
                tags: f
                    .map(|f| {
                        f.tags
                            .iter()
                            .map(|t| crate::library::opml::clean(t))
                            .filter(|t| !t.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
            };
            let mut keys = vec![item_key(&account.name, &it.id)];
            if let Some(u) = &it.url {
                keys.push(format!("url:{}", canonical_url(u)));
            }
            crate::library::sync::Item {
                feed,
                feed_title: title,
                link: it.url.clone(),
                keys,
                title: it.title.clone(),
                author: it.author.clone(),
                date: it
                    .published
                    .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                content: it.html.clone(),
            }
        })
        .collect()
}

/// What syncing one account did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub account: String,
    /// Items the server sent that saywho had not seen.
    pub items: usize,
    /// Marks sent to the server, and taken from it.
    pub sent: usize,
    pub received: usize,
    /// Marks made here still waiting for the server (it failed or could not be reached).
    pub waiting: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// An account whose feeds and items were read, ready for its flags once the items are
/// stored.
pub struct Pulled {
    pub account: Account,
    service: Box<dyn Service + Send + Sync>,
    state: SyncState,
    /// The new items' ids, and the keys their articles may be known by.
    new_ids: Vec<(String, Vec<String>)>,
    cursor: Option<String>,
}

/// Step one of an account's sync: its feeds and new items (to store with the feeds' own).
pub fn pull(
    accounts: &Accounts,
    a: &Account,
    library: &Path,
    client: crate::library::fetch::Client,
) -> Result<(Pulled, Vec<crate::library::sync::Item>), String> {
    let key = key(accounts, a).map_err(|e| e.to_string())?;
    let service = service(a, key, client);
    let state = load_state(library, &a.name);
    let feeds = service.feeds().map_err(|e| e.to_string())?;
    let (items, cursor) = service
        .items_since(state.cursor.as_deref())
        .map_err(|e| e.to_string())?;
    let items: Vec<RemoteItem> = items
        .into_iter()
        .filter(|it| state.items.get(&it.id).is_none_or(|g| g.file.is_none()))
        .collect();
    let store = items_to_store(a, &feeds, &items);
    let pulled = Pulled {
        account: a.clone(),
        service,
        state,
        new_ids: items
            .iter()
            .zip(&store)
            .map(|(it, s)| (it.id.clone(), s.keys.clone()))
            .collect(),
        cursor,
    };
    Ok((pulled, store))
}

/// Step two, after the items are stored (`seen`: every key → its file): merge the flags
/// with saywho's state in `store`, send what changed here, save both sides' agreement.
pub fn settle(p: Pulled, library: &Path, seen: &BTreeMap<String, String>, store: &mut crate::state::Store) -> Report {
    let Pulled {
        account,
        service,
        mut state,
        new_ids,
        cursor,
    } = p;
    let mut report = Report {
        account: account.name.clone(),
        items: new_ids.len(),
        ..Report::default()
    };
    // where each new item's article is: stored now, or known by its link from before
    for (id, keys) in &new_ids {
        let g = state.items.entry(id.clone()).or_default();
        if g.file.is_none() {
            g.file = keys.iter().find_map(|k| seen.get(k)).cloned();
        }
    }
    let (unread, saved) = match service.flags() {
        Ok(f) => f,
        Err(e) => {
            report.waiting = waiting(&state, library, store);
            report.error = Some(e.to_string());
            // the items are stored: the next sync need not fetch them again
            state.cursor = cursor;
            let _ = save_state(library, &account.name, &state);
            return report;
        }
    };
    let mut down: Option<String> = None;
    for (id, g) in state.items.iter_mut() {
        let Some(file) = &g.file else { continue };
        // (an item the server no longer lists as read or unread is read there: old items
        // leave the unread list)
        let server = (!unread.contains(id), saved.contains(id));
        let key = crate::state::key_of_path(&library.join(file));
        let local = store.article(&key).map_or((false, false), |s| (s.read, s.starred));
        for flag in [Flag::Read, Flag::Saved] {
            let (l, s, agreed) = match flag {
                Flag::Read => (local.0, server.0, g.read),
                Flag::Saved => (local.1, server.1, g.saved),
            };
            let (v, send, take) = merge(l, s, agreed);
            let mut ok = true;
            if send {
                if down.is_some() {
                    ok = false;
                } else if let Err(e) = service.mark(id, flag, v) {
                    // (a server that fails one mark is not asked again this sync)
                    down = Some(e.to_string());
                    ok = false;
                } else {
                    report.sent += 1;
                }
            }
            if take {
                store.update_article(&key, |st| match flag {
                    Flag::Read => st.read = v,
                    Flag::Saved => st.starred = v,
                });
                report.received += 1;
            }
            let agreed = if ok { Some(v) } else { agreed };
            match flag {
                Flag::Read => g.read = agreed,
                Flag::Saved => g.saved = agreed,
            }
            if !ok {
                report.waiting += 1;
            }
        }
    }
    report.error = down;
    state.cursor = cursor;
    if let Err(e) = store.save() {
        report.error.get_or_insert(e.to_string());
    }
    if let Err(e) = save_state(library, &account.name, &state) {
        report.error.get_or_insert(e.to_string());
    }
    report
}

/// Marks made here that the server has not had yet.
fn waiting(state: &SyncState, library: &Path, store: &crate::state::Store) -> usize {
    state
        .items
        .values()
        .filter_map(|g| {
            let file = g.file.as_ref()?;
            let st = store.article(&crate::state::key_of_path(&library.join(file)));
            let (r, s) = st.map_or((false, false), |s| (s.read, s.starred));
            Some(usize::from(g.read.is_some_and(|a| a != r)) + usize::from(g.saved.is_some_and(|a| a != s)))
        })
        .sum()
}

/// How many marks made here wait for `account`'s server.
pub fn pending(account: &str, library: &Path, store: &crate::state::Store) -> usize {
    waiting(&load_state(library, account), library, store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_way_merge() {
        // (local, server, agreed) -> (value, send, take)
        assert_eq!(merge(true, false, Some(false)), (true, true, false), "marked here");
        assert_eq!(merge(false, true, Some(false)), (true, false, true), "marked there");
        assert_eq!(
            merge(false, false, Some(true)),
            (false, false, false),
            "unmarked on both"
        );
        assert_eq!(merge(true, true, Some(true)), (true, false, false));
        assert_eq!(
            merge(false, true, None),
            (true, false, true),
            "new: kept from the server"
        );
        assert_eq!(merge(true, false, None), (true, true, false), "new: kept from here");
        assert_eq!(merge(false, false, None), (false, false, false));
    }

    #[test]
    fn accounts_file_round_trip_and_key_mode() {
        let d = tempfile::tempdir().unwrap();
        let mut a = Accounts::load(&d.path().join("accounts.toml")).unwrap();
        assert_eq!(a.free_name("https://rss.example.org/fever/"), "rss-example-org");
        a.accounts.push(Account {
            name: "home".into(),
            kind: Kind::Fever,
            url: "https://rss.example.org/fever/".into(),
            user: "me@example.org".into(),
            password_command: None,
        });
        a.save().unwrap();
        a.store_key("home", "abc123").unwrap();
        let back = Accounts::load(&a.path).unwrap();
        assert_eq!(back.accounts, a.accounts);
        assert!(!std::fs::read_to_string(&a.path).unwrap().contains("abc123"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(a.key_file("home")).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
        assert_eq!(key(&back, &back.accounts[0]).unwrap(), "abc123");
        let mut back = back;
        back.remove("home").unwrap();
        assert!(!back.key_file("home").exists());
        assert!(back.remove("home").is_err());
    }
}
