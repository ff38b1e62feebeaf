//! Feed lists in and out: OPML 1.0/2.0 (what Miniflux, FreshRSS, Tiny Tiny RSS, newsboat
//! and most readers export and import) and newsboat's `urls` file.
//!
//! OPML is read with `quick-xml` (already in the tree through `feed-rs`): a nested outline
//! without `xmlUrl` is a folder, and the folders above a feed become its tags, with its
//! `category` attribute ("/News/Canada,Tech") adding more. `title` (else `text`) and
//! `htmlUrl` are kept. In a `urls` file each line is `URL [tag…] ["~Title"]`; `#` starts a
//! comment; `query:`, `exec:` and `filter:` lines are newsboat's own and are reported as
//! skipped. Nothing here is fatal: a bad line or outline is reported and the rest read.

use super::feeds::Feed;
pub use super::feeds::{Entry, Parsed, Skipped};
use anyhow::Result;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, XmlVersion};
use std::fmt::Write as _;

/// `what` as it may be printed: control characters (a binary file's) shown as `?`, and
/// at most 200 characters.
fn printable(what: &str) -> String {
    what.chars()
        .take(200)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// Which format a list is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Opml,
    Newsboat,
}

/// OPML when the text is XML (it opens with `<`), else newsboat's `urls`.
pub fn detect(text: &str) -> Format {
    if text.trim_start_matches('\u{feff}').trim_start().starts_with('<') {
        Format::Opml
    } else {
        Format::Newsboat
    }
}

/// Read a feed list in either format.
pub fn parse(text: &str) -> Parsed {
    match detect(text) {
        Format::Opml => parse_opml(text),
        Format::Newsboat => parse_newsboat(text),
    }
}

/// The element's local name is `name` (any case: "OUTLINE" in old exports).
fn named(e: &impl std::ops::Deref<Target = str>, name: &str) -> bool {
    let b: &str = e;
    let local = b
        .split(|c: char| c.is_ascii_whitespace() || c == '/')
        .next()
        .unwrap_or(b);
    let local = local.rsplit(':').next().unwrap_or(local);
    local.eq_ignore_ascii_case(name)
}

/// The line of the first thing at or after byte `byte` that is not white space.
fn line_at(text: &str, byte: u64) -> usize {
    let b = (byte as usize).min(text.len());
    let b = b + text.as_bytes()[b..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    text.as_bytes()[..b].iter().filter(|&&c| c == b'\n').count() + 1
}

fn http(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// A title or tag as it may be kept and printed: control characters (an escape sequence
/// hidden in a list) dropped, white space collapsed.
pub(crate) fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn push_tag(tags: &mut Vec<String>, t: &str) {
    let t = clean(t);
    let t = t.trim_matches('/').trim();
    if !t.is_empty() && !tags.iter().any(|x| x == t) {
        tags.push(t.to_string());
    }
}

/// Read an OPML document. A malformed document keeps the feeds read before the fault.
pub fn parse_opml(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    // the folders open above the current outline (None for a feed outline with children)
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut in_body = false;
    loop {
        let at = reader.buffer_position();
        match reader.read_event() {
            Ok(Event::Start(e)) if named(&e, "body") => in_body = true,
            Ok(Event::End(e)) if named(&e, "body") => in_body = false,
            Ok(Event::Start(e)) if in_body && named(&e, "outline") => {
                let line = line_at(text, at);
                match outline(&e, &folders, line, &mut out) {
                    Some(folder) => folders.push(Some(folder)),
                    None => folders.push(None),
                }
            }
            Ok(Event::Empty(e)) if in_body && named(&e, "outline") => {
                let line = line_at(text, at);
                outline(&e, &folders, line, &mut out);
            }
            Ok(Event::End(e)) if named(&e, "outline") => {
                folders.pop();
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                out.skipped.push(Skipped {
                    line: line_at(text, reader.error_position()),
                    what: "the rest of the file".into(),
                    why: format!("not well-formed XML: {e}"),
                });
                break;
            }
        }
    }
    out
}

/// One `<outline>`: a feed is added to `out`; a folder's name is returned.
fn outline(e: &BytesStart, folders: &[Option<String>], line: usize, out: &mut Parsed) -> Option<String> {
    let mut url = None;
    let mut title = None;
    let mut text = None;
    let mut html_url = None;
    let mut category = None;
    for a in e.attributes().flatten() {
        let key = a.key.local_name().into_inner().to_ascii_lowercase();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| a.value.to_string());
        let value = clean(&value);
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "xmlurl" => url = Some(value),
            "title" => title = Some(value),
            "text" => text = Some(value),
            "htmlurl" => html_url = Some(value),
            "category" => category = Some(value),
            _ => {}
        }
    }
    let name = title.or(text);
    let Some(url) = url else {
        return name; // a folder (or an outline of notes, which holds no feed)
    };
    if !http(&url) {
        out.skipped.push(Skipped {
            line,
            what: printable(&url),
            why: "not an http or https URL".into(),
        });
        return None;
    }
    let mut tags = Vec::new();
    for f in folders.iter().flatten() {
        push_tag(&mut tags, f);
    }
    for c in category.iter().flat_map(|c| c.split(',')) {
        push_tag(&mut tags, c);
    }
    out.entries.push(Entry {
        url,
        title: name,
        html_url,
        tags,
    });
    None
}

/// Split a `urls` line into words, a double-quoted run being one word.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            c => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Read newsboat's `urls` file.
pub fn parse_newsboat(text: &str) -> Parsed {
    let mut out = Parsed::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let w = words(line);
        let Some(url) = w.first() else { continue };
        let skip = |why: &str| Skipped {
            line: i + 1,
            what: printable(url),
            why: why.into(),
        };
        if url.starts_with("query:") {
            out.skipped
                .push(skip("a newsboat query feed (a filter over other feeds)"));
            continue;
        }
        if url.starts_with("exec:") || url.starts_with("filter:") {
            out.skipped.push(skip("a newsboat feed made by running a command"));
            continue;
        }
        if !http(url) {
            out.skipped.push(skip("not an http or https URL"));
            continue;
        }
        let mut e = Entry {
            url: url.clone(),
            ..Entry::default()
        };
        for t in &w[1..] {
            if let Some(title) = t.strip_prefix('~') {
                let title = clean(title);
                if !title.is_empty() {
                    e.title = Some(title);
                }
            } else if t != "!" {
                // ("!" hides a feed in newsboat's list: no tag)
                push_tag(&mut e.tags, t);
            }
        }
        out.entries.push(e);
    }
    out
}

/// The feeds as an OPML 2.0 document: a feed's first tag is its folder, and all its tags
/// are in its `category` when it has more than one.
pub fn write_opml(feeds: &[Feed], created: &str) -> Result<String> {
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(
        BytesStart::new("opml").with_attributes([("version", "2.0")]),
    ))?;
    w.write_event(Event::Start(BytesStart::new("head")))?;
    w.create_element("title")
        .write_text_content(BytesText::new("saywho feeds"))?;
    w.create_element("dateCreated")
        .write_text_content(BytesText::new(created))?;
    w.write_event(Event::End(BytesEnd::new("head")))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    let feed_outline = |f: &Feed| {
        let text = f.title.as_deref().unwrap_or(&f.name);
        let mut e = BytesStart::new("outline").with_attributes([
            ("type", "rss"),
            ("text", text),
            ("title", text),
            ("xmlUrl", f.url.as_str()),
        ]);
        if let Some(h) = &f.html_url {
            e.push_attribute(("htmlUrl", h.as_str()));
        }
        if f.tags.len() > 1 {
            e.push_attribute(("category", f.tags.join(",").as_str()));
        }
        e
    };
    for f in feeds.iter().filter(|f| f.tags.is_empty()) {
        w.write_event(Event::Empty(feed_outline(f)))?;
    }
    let mut folders: Vec<&str> = Vec::new();
    for f in feeds {
        if let Some(t) = f.tags.first()
            && !folders.contains(&t.as_str())
        {
            folders.push(t);
        }
    }
    for folder in folders {
        w.write_event(Event::Start(
            BytesStart::new("outline").with_attributes([("text", folder), ("title", folder)]),
        ))?;
        for f in feeds.iter().filter(|f| f.tags.first().is_some_and(|t| t == folder)) {
            w.write_event(Event::Empty(feed_outline(f)))?;
        }
        w.write_event(Event::End(BytesEnd::new("outline")))?;
    }
    w.write_event(Event::End(BytesEnd::new("body")))?;
    w.write_event(Event::End(BytesEnd::new("opml")))?;
    let mut s = String::from_utf8(w.into_inner())?;
    s.push('\n');
    Ok(s)
}

/// The feeds as newsboat's `urls` file.
pub fn write_newsboat(feeds: &[Feed]) -> String {
    let quote = |s: &str| {
        if s.chars().any(|c| c.is_whitespace() || c == '"' || c == '#') {
            format!("\"{}\"", s.replace('"', "\\\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from("# saywho's feeds, for newsboat: URL, tags, \"~title\"\n");
    for f in feeds {
        out.push_str(&f.url);
        for t in &f.tags {
            let _ = write!(out, " {}", quote(t));
        }
        if let Some(t) = &f.title {
            let _ = write!(out, " {}", quote(&format!("~{t}")));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Plain" xmlUrl="https://plain.example/rss" />
    <outline text="News" title="News">
      <outline text="Canada">
        <outline type="rss" text="CBC &amp; more" title="CBC Top" xmlUrl="https://cbc.example/rss?a=1&amp;b=2" htmlUrl="https://cbc.example/"/>
      </outline>
      <outline type="rss" text="Globe" xmlUrl="https://globe.example/feed" category="/Politics,News"/>
    </outline>
    <outline text="bad" xmlUrl="ftp://nope.example/x"/>
  </body>
</opml>"#;

    #[test]
    fn opml_folders_become_tags() {
        let p = parse(OPML);
        assert_eq!(p.entries.len(), 3);
        assert_eq!(p.entries[0].tags, Vec::<String>::new());
        assert_eq!(p.entries[0].title.as_deref(), Some("Plain"));
        let cbc = &p.entries[1];
        assert_eq!(cbc.url, "https://cbc.example/rss?a=1&b=2");
        assert_eq!(cbc.title.as_deref(), Some("CBC Top"));
        assert_eq!(cbc.html_url.as_deref(), Some("https://cbc.example/"));
        assert_eq!(cbc.tags, ["News", "Canada"]);
        assert_eq!(p.entries[2].tags, ["News", "Politics"]);
        assert_eq!(p.skipped.len(), 1);
        assert_eq!(p.skipped[0].line, 12);
    }

    #[test]
    fn opml_1_0_and_a_broken_file() {
        let p = parse(
            "<opml version=\"1.0\"><body><outline title=\"A\" xmlUrl=\"http://a.example/\"/>\n<outline xmlUrl=\"http://b.example/\"></body>",
        );
        assert_eq!(p.entries.len(), 2, "{p:?}");
        let p = parse(
            "<opml><body><outline xmlUrl=\"http://a.example/\"/>\n<outline xmlUrl=\"http://b.example/></body></opml>",
        );
        assert_eq!(p.entries.len(), 1);
        assert!(p.skipped[0].why.contains("XML"), "{:?}", p.skipped);
    }

    #[test]
    fn control_characters_never_reach_a_terminal() {
        let p = parse(
            "<opml><body><outline text=\"News&#27;]0;pwned&#7;\"><outline title=\"A\u{1b}[31m red\" xmlUrl=\"http://a.example/\"/></outline></body></opml>",
        );
        assert_eq!(p.entries.len(), 1, "{p:?}");
        let e = &p.entries[0];
        assert!(!e.tags[0].chars().any(char::is_control), "{:?}", e.tags);
        assert!(
            !e.title.as_deref().unwrap().chars().any(char::is_control),
            "{:?}",
            e.title
        );
        let p = parse("https://b.example/rss \"tag\u{1b}[2J\" \"~Ti\u{7}tle\"\n");
        assert!(!p.entries[0].tags[0].chars().any(char::is_control));
        assert!(!p.entries[0].title.as_deref().unwrap().chars().any(char::is_control));
    }

    #[test]
    fn newsboat_urls() {
        let text = "# comment\n\nhttps://a.example/rss tech \"big news\" \"~A Title\"\nhttp://b.example/feed ! \nquery:Unread:unread = \"yes\"\nexec:~/bin/feed.sh\nnot a url\n";
        let p = parse(text);
        assert_eq!(p.entries.len(), 2);
        assert_eq!(p.entries[0].tags, ["tech", "big news"]);
        assert_eq!(p.entries[0].title.as_deref(), Some("A Title"));
        assert!(p.entries[1].tags.is_empty());
        let lines: Vec<usize> = p.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, [5, 6, 7]);
        assert!(p.skipped[0].why.contains("query"));
    }

    fn feed(name: &str, url: &str, title: Option<&str>, tags: &[&str]) -> Feed {
        Feed {
            name: name.into(),
            url: url.into(),
            title: title.map(Into::into),
            html_url: Some(format!("{url}/home")),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn round_trips() {
        let feeds = vec![
            feed("a", "https://a.example/rss", Some("A & \"B\" <c>"), &[]),
            feed("b", "https://b.example/rss", None, &["News", "Canada"]),
            feed("c", "https://c.example/rss", Some("C"), &["News"]),
            feed("d", "https://d.example/rss", Some("D title"), &["big tech"]),
        ];
        let back = |p: Parsed| -> Vec<(String, Option<String>, Vec<String>)> {
            assert!(p.skipped.is_empty(), "{:?}", p.skipped);
            p.entries.into_iter().map(|e| (e.url, e.title, e.tags)).collect()
        };
        let mut want: Vec<_> = feeds
            .iter()
            .map(|f| {
                (
                    f.url.clone(),
                    Some(f.title.clone().unwrap_or(f.name.clone())),
                    f.tags.clone(),
                )
            })
            .collect();
        let mut got = back(parse(&write_opml(&feeds, "Tue, 01 Dec 2026 00:00:00 +0000").unwrap()));
        want.sort();
        got.sort();
        assert_eq!(got, want);
        let mut got = back(parse(&write_newsboat(&feeds)));
        got.sort();
        let mut want: Vec<_> = feeds
            .iter()
            .map(|f| (f.url.clone(), f.title.clone(), f.tags.clone()))
            .collect();
        want.sort();
        assert_eq!(got, want);
    }
}
