//! The Fever API, as Miniflux, FreshRSS, Tiny Tiny RSS (with its Fever plugin) and
//! coldsweat speak it: every call is a POST to `URL?api&…` with `api_key` =
//! md5("email:password") in the form, answered by JSON with `auth: 1` when the key is
//! good. Items come 50 at a time (`items&since_id=N`); read and saved flags as id lists
//! (`unread_item_ids`, `saved_item_ids`); marks are `mark=item&as=read|unread|saved|
//! unsaved&id=N`. Ids are numbers, sent by some servers as strings: both are read.

use super::{Flag, RemoteError, RemoteFeed, RemoteItem, Service};
use crate::library::fetch::Client;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

/// Items per `items` answer: the API's page size.
const PAGE: usize = 50;
/// Pages read in one sync at most (25,000 items), so a server that never stops paging
/// cannot hold sync forever.
const MAX_PAGES: usize = 500;

pub struct Fever {
    endpoint: String,
    api_key: String,
    client: Client,
}

/// md5("email:password") as lowercase hex: the key Fever clients send.
pub fn api_key(user: &str, password: &str) -> String {
    use md5::{Digest, Md5};
    let d = Md5::digest(format!("{user}:{password}").as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// A number, or a string holding one.
fn id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum N {
        Num(u64),
        Str(String),
    }
    match N::deserialize(d)? {
        N::Num(n) => Ok(n),
        N::Str(s) => s.trim().parse().map_err(serde::de::Error::custom),
    }
}

fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum B {
        Num(i64),
        Bool(bool),
        Str(String),
    }
    Ok(match Option::<B>::deserialize(d)? {
        Some(B::Num(n)) => n != 0,
        Some(B::Bool(b)) => b,
        Some(B::Str(s)) => s.trim() == "1" || s.trim().eq_ignore_ascii_case("true"),
        None => false,
    })
}

#[derive(Deserialize, Default)]
struct Reply {
    #[serde(default, deserialize_with = "flag")]
    auth: bool,
    #[serde(default)]
    feeds: Vec<FeedJson>,
    #[serde(default)]
    groups: Vec<GroupJson>,
    #[serde(default)]
    feeds_groups: Vec<FeedsGroupJson>,
    #[serde(default)]
    items: Option<Vec<ItemJson>>,
    #[serde(default)]
    unread_item_ids: Option<IdList>,
    #[serde(default)]
    saved_item_ids: Option<IdList>,
}

/// "1,2,3" (the API's form), or a JSON array.
#[derive(Deserialize)]
#[serde(untagged)]
enum IdList {
    Text(String),
    List(Vec<serde_json::Value>),
}

impl IdList {
    fn ids(&self) -> BTreeSet<u64> {
        match self {
            IdList::Text(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
            IdList::List(v) => v
                .iter()
                .filter_map(|x| x.as_u64().or_else(|| x.as_str()?.trim().parse().ok()))
                .collect(),
        }
    }
}

#[derive(Deserialize)]
struct FeedJson {
    #[serde(deserialize_with = "id")]
    id: u64,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    site_url: Option<String>,
}

#[derive(Deserialize)]
struct GroupJson {
    #[serde(deserialize_with = "id")]
    id: u64,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
struct FeedsGroupJson {
    #[serde(deserialize_with = "id")]
    group_id: u64,
    #[serde(default)]
    feed_ids: String,
}

#[derive(Deserialize)]
struct ItemJson {
    #[serde(deserialize_with = "id")]
    id: u64,
    #[serde(deserialize_with = "id")]
    feed_id: u64,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, deserialize_with = "flag")]
    is_read: bool,
    #[serde(default, deserialize_with = "flag")]
    is_saved: bool,
    #[serde(default)]
    created_on_time: Option<i64>,
}

impl Fever {
    /// A client of the Fever endpoint `url` (e.g. `https://miniflux.example/fever/`).
    pub fn new(url: &str, api_key: String, client: Client) -> Fever {
        Fever {
            endpoint: url.to_string(),
            api_key,
            client,
        }
    }

    fn call(&self, query: &str, form: &[(&str, &str)]) -> Result<Reply, RemoteError> {
        let sep = if self.endpoint.contains('?') { '&' } else { '?' };
        let url = format!(
            "{}{sep}api{}{query}",
            self.endpoint,
            if query.is_empty() { "" } else { "&" }
        );
        let mut all = vec![("api_key", self.api_key.as_str())];
        all.extend_from_slice(form);
        let body = self.client.post_form(&url, &all).map_err(|e| {
            if e.starts_with("HTTP 401") || e.starts_with("HTTP 403") {
                RemoteError::Auth(e)
            } else {
                RemoteError::Down(e)
            }
        })?;
        let reply: Reply = serde_json::from_slice(&body).map_err(|e| {
            let start = String::from_utf8_lossy(&body[..body.len().min(80)]).replace(char::is_control, " ");
            RemoteError::Malformed(format!("not a Fever answer ({e}): {start:?}"))
        })?;
        if !reply.auth {
            return Err(RemoteError::Auth("the server refused the user name or password".into()));
        }
        Ok(reply)
    }
}

impl Service for Fever {
    fn check(&self) -> Result<(), RemoteError> {
        self.call("", &[]).map(|_| ())
    }

    fn feeds(&self) -> Result<Vec<RemoteFeed>, RemoteError> {
        let r = self.call("feeds&groups", &[])?;
        let group_title: HashMap<u64, String> = r
            .groups
            .iter()
            .filter_map(|g| Some((g.id, g.title.clone()?.trim().to_string())))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        let mut tags: HashMap<u64, Vec<String>> = HashMap::new();
        for fg in &r.feeds_groups {
            let Some(t) = group_title.get(&fg.group_id) else {
                continue;
            };
            for f in fg.feed_ids.split(',').filter_map(|x| x.trim().parse::<u64>().ok()) {
                let e = tags.entry(f).or_default();
                if !e.contains(t) {
                    e.push(t.clone());
                }
            }
        }
        Ok(r.feeds
            .into_iter()
            .map(|f| RemoteFeed {
                id: f.id.to_string(),
                title: f.title.filter(|t| !t.trim().is_empty()),
                url: f.url,
                site_url: f.site_url,
                tags: tags.remove(&f.id).unwrap_or_default(),
            })
            .collect())
    }

    fn items_since(&self, cursor: Option<&str>) -> Result<(Vec<RemoteItem>, Option<String>), RemoteError> {
        let mut since: u64 = cursor.and_then(|c| c.parse().ok()).unwrap_or(0);
        let mut out = Vec::new();
        for _ in 0..MAX_PAGES {
            let r = self.call(&format!("items&since_id={since}"), &[])?;
            let items = r.items.unwrap_or_default();
            let n = items.len();
            let before = since;
            for it in items {
                since = since.max(it.id);
                out.push(RemoteItem {
                    id: it.id.to_string(),
                    feed_id: it.feed_id.to_string(),
                    title: it.title.filter(|t| !t.trim().is_empty()),
                    author: it.author.filter(|t| !t.trim().is_empty()),
                    html: it.html.filter(|t| !t.trim().is_empty()),
                    url: it.url.filter(|t| !t.trim().is_empty()),
                    read: it.is_read,
                    saved: it.is_saved,
                    published: it.created_on_time.filter(|&t| t > 0),
                });
            }
            // (a server answering the same page again must not hold sync in a loop)
            if n < PAGE || since == before {
                break;
            }
        }
        Ok((out, Some(since.to_string())))
    }

    fn flags(&self) -> Result<(BTreeSet<String>, BTreeSet<String>), RemoteError> {
        let r = self.call("unread_item_ids&saved_item_ids", &[])?;
        let (Some(unread), Some(saved)) = (r.unread_item_ids, r.saved_item_ids) else {
            return Err(RemoteError::Malformed(
                "the answer lacks unread_item_ids or saved_item_ids".into(),
            ));
        };
        let s = |l: IdList| l.ids().into_iter().map(|i| i.to_string()).collect();
        Ok((s(unread), s(saved)))
    }

    fn mark(&self, item: &str, flag: Flag, on: bool) -> Result<(), RemoteError> {
        let status = match (flag, on) {
            (Flag::Read, true) => "read",
            (Flag::Read, false) => "unread",
            (Flag::Saved, true) => "saved",
            (Flag::Saved, false) => "unsaved",
        };
        self.call("mark", &[("mark", "item"), ("as", status), ("id", item)])
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_md5_of_email_and_password() {
        assert_eq!(api_key("me@example.com", "secret"), "caf5c846c0012e6c9a074823e50e5267");
        assert_eq!(api_key("a", "b"), "d8160c9b3dc20d4e931aeb4f45262155");
    }

    #[test]
    fn ids_as_numbers_or_strings() {
        let r: Reply = serde_json::from_str(
            r#"{"api_version":3,"auth":1,"items":[{"id":"7","feed_id":2,"is_read":"1","is_saved":0,"html":"<p>x</p>"}],
                "unread_item_ids":"1,2, 3","saved_item_ids":[4,"5"]}"#,
        )
        .unwrap();
        assert!(r.auth);
        let it = &r.items.as_ref().unwrap()[0];
        assert_eq!((it.id, it.feed_id, it.is_read, it.is_saved), (7, 2, true, false));
        assert_eq!(
            r.unread_item_ids.unwrap().ids().into_iter().collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert_eq!(r.saved_item_ids.unwrap().ids().into_iter().collect::<Vec<_>>(), [4, 5]);
    }
}
