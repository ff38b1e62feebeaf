//! Feed items as sync stores them: read from a parsed feed, and the page written from
//! an item's own content when its web page cannot be had.

use super::*;

/// One feed item to store: from a feed saywho fetched, or from a feed server.
pub struct Item {
    pub feed: Feed,
    pub feed_title: Option<String>,
    pub link: Option<String>,
    /// What it is known by (canonical link, feed id, server item id): any seen before
    /// makes it a duplicate.
    pub keys: Vec<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    /// The feed's own content (HTML), if it has any.
    pub content: Option<String>,
}

/// The items of a parsed feed.
pub(super) fn items_of(feed: &Feed, feed_url: &str, parsed: feed_rs::model::Feed) -> Vec<Item> {
    let feed_title = parsed
        .title
        .as_ref()
        .map(|t| text_of(&t.content))
        .filter(|t| !t.is_empty())
        .or_else(|| feed.title.clone());
    let base = url::Url::parse(feed_url).ok();
    parsed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| match &base {
                    Some(b) => b.join(&l.href).map_or_else(|_| l.href.clone(), |u| u.to_string()),
                    None => l.href.clone(),
                })
                .filter(|l| l.starts_with("http"));
            let mut keys = Vec::new();
            if let Some(l) = &link {
                keys.push(format!("url:{}", canonical_url(l)));
            }
            if !e.id.is_empty() {
                // an id that is a URL is that URL
                if e.id.starts_with("http") {
                    keys.push(format!("url:{}", canonical_url(&e.id)));
                } else {
                    keys.push(format!("id:{}", e.id));
                }
            }
            keys.dedup();
            let content = e
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
                .filter(|c| !c.trim().is_empty());
            Item {
                feed: feed.clone(),
                feed_title: feed_title.clone(),
                link,
                keys,
                title: e.title.as_ref().map(|t| text_of(&t.content)).filter(|t| !t.is_empty()),
                author: {
                    let names: Vec<String> = e
                        .authors
                        .iter()
                        .filter_map(|a| a.name.as_deref())
                        .map(|n| n.trim().to_string())
                        .filter(|n| !n.is_empty())
                        .collect();
                    Some(names.join(", ")).filter(|n| !n.is_empty())
                },
                date: e
                    .published
                    .or(e.updated)
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                content,
            }
        })
        .collect()
}

/// Text of a feed's title (which may carry markup or entities).
pub(super) fn text_of(s: &str) -> String {
    let doc = dom_query::Document::from(format!("<p>{s}</p>"));
    doc.select("p").text().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A small page around an item's own content, for when its page could not be fetched.
pub(super) fn feed_page(it: &Item, content: &str) -> String {
    let esc = |s: &str| html_escape::encode_double_quoted_attribute(s).into_owned();
    let mut head = String::from("<meta charset=\"utf-8\">");
    if let Some(t) = &it.title {
        head.push_str(&format!(
            "<title>{}</title><meta property=\"og:title\" content=\"{}\">",
            esc(t),
            esc(t)
        ));
    }
    if let Some(s) = &it.feed_title {
        head.push_str(&format!("<meta property=\"og:site_name\" content=\"{}\">", esc(s)));
    }
    if let Some(a) = &it.author {
        head.push_str(&format!("<meta name=\"author\" content=\"{}\">", esc(a)));
    }
    if let Some(d) = &it.date {
        head.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}\">",
            esc(d)
        ));
    }
    if let Some(l) = &it.link {
        head.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", esc(l)));
    }
    // content that is plain text becomes paragraphs
    let body = if content.contains('<') {
        content.to_string()
    } else {
        content
            .split("\n\n")
            .map(|p| format!("<p>{}</p>", html_escape::encode_text(p.trim())))
            .collect()
    };
    format!("<!DOCTYPE html>\n<html><head>{head}</head><body><article>{body}</article></body></html>\n")
}
