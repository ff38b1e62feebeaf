//! The line saywho writes first in every article it stores (`<!-- saywho {json} -->`):
//! what the feed said of the item. The library writes it; the loader reads it for what the
//! page lacks.

use serde::{Deserialize, Serialize};

/// What saywho records about a stored article, in its first line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The item's URL (the page's own canonical URL when it names one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The feed's name and title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// "page" (the fetched page follows) or "feed" (the feed's content, wrapped).
    #[serde(default)]
    pub from: String,
    /// When it was fetched, RFC 3339.
    #[serde(default)]
    pub fetched: String,
    /// The feed's tags (its folders in an imported OPML).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

const HEADER_START: &str = "<!-- saywho ";
const HEADER_END: &str = " -->\n";

impl Header {
    /// The first line of a stored article.
    pub fn line(&self) -> String {
        // "--" may not appear inside an HTML comment
        let json = serde_json::to_string(self)
            .unwrap_or_default()
            .replace("--", "-\\u002d");
        format!("{HEADER_START}{json}{HEADER_END}")
    }

    /// The header at the start of `text`, and where the page after it begins.
    pub fn parse(text: &str) -> Option<(Header, usize)> {
        let rest = text.strip_prefix(HEADER_START)?;
        let end = rest.find(HEADER_END)?;
        let h = serde_json::from_str(&rest[..end]).ok()?;
        Some((h, HEADER_START.len() + end + HEADER_END.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trip_and_comment_safety() {
        let h = Header {
            url: Some("https://x.com/a--b".into()),
            title: Some("A -- B".into()),
            from: "page".into(),
            ..Default::default()
        };
        let line = h.line();
        assert!(!line[4..line.len() - 4].contains("--"), "{line}");
        let text = format!("{line}<html></html>");
        let (back, at) = Header::parse(&text).unwrap();
        assert_eq!(back, h);
        assert_eq!(&text[at..], "<html></html>");
    }
}
