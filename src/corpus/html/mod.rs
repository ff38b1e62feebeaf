//! Web pages: the main text the way a reader mode finds it, and the page's metadata.
//!
//! The body comes from `dom_smoothie` (a port of Mozilla's Readability, the extractor
//! behind Firefox's reader view); its cleaned HTML is then walked into paragraphs — one per
//! `p`, heading, list item, `pre` or quote block — with figures, captions, forms, buttons
//! and asides left out. Metadata is read from the whole page, most specific source first:
//! Open Graph and `article:*` meta tags, JSON-LD (`NewsArticle` and kin), `<meta
//! name=author>`, `<time datetime>`, the canonical link, and last the `<title>` less its
//! site suffix. Entities are decoded by the HTML parser.

use super::dates;
use chrono::NaiveDate;
use dom_query::{Document, NodeRef};
use serde_json::Value;

mod markup;
mod meta;
use markup::*;
pub use markup::{MAX_DEPTH, flatten_deep};
use meta::*;

/// What a page gives: its metadata and its text as paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
}

/// True when `text` (a file's start) looks like an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
}

/// Extract a page. Never fails: a page with no readable body gives no paragraphs (the
/// loader then reports "no readable text").
pub fn extract(html: &str, page_url: Option<&str>) -> Extracted {
    let unwrapped = unwrap_noscript(html);
    let html = flatten_deep(&unwrapped);
    let doc = Document::from(html.as_ref());
    let ld = json_ld(&doc);
    let meta = |keys: &[&str]| meta_of(&doc, keys);
    let source = meta(&["og:site_name", "application-name"])
        .or_else(|| ld.as_ref().and_then(|v| name_of(v.get("publisher")?)))
        .or_else(|| meta(&["twitter:site"]).map(|s| s.trim_start_matches('@').to_string()));
    let url = meta(&["og:url"])
        .or_else(|| doc.select("link[rel=\"canonical\" i]").attr("href").map(|h| clean(&h)))
        .filter(|u| u.starts_with("http"))
        .or_else(|| page_url.map(str::to_string));
    let title_tag = doc.select("head title").iter().next().map(|t| clean(&t.text()));
    let h1 = doc
        .select("h1")
        .iter()
        .next()
        .map(|t| clean(&t.text()))
        .filter(|t| !t.is_empty());
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| ld.as_ref().and_then(|v| str_of(v.get("headline")?)))
        .or_else(|| {
            h1.clone()
                .filter(|h| title_tag.as_deref().is_none_or(|t| t.contains(h.as_str())))
        })
        .or(title_tag)
        .or(h1.clone())
        .map(|t| headline_of(&t, h1.as_deref(), source.as_deref()))
        .filter(|t| !t.is_empty());
    // (a byline that is the publication itself, or the title, names nobody)
    let as_byline = |a: &str| byline(a, source.as_deref(), title.as_deref());
    let author = meta(&[
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "byl",
        "dc.creator",
    ])
    .and_then(|a| as_byline(&a))
    .or_else(|| {
        ld.as_ref()
            .and_then(|v| names_of(v.get("author")?))
            .and_then(|a| as_byline(&a))
    })
    .or_else(|| visible_byline(&doc).and_then(|a| as_byline(&a)));
    let date = date_of(&doc, ld.as_ref(), url.as_deref());
    let mut out = Extracted {
        title,
        source,
        author,
        date,
        url,
        paragraphs: Vec::new(),
    };
    let cfg = dom_smoothie::Config {
        // the page's own JSON-LD was read above; Readability's is not needed
        disable_json_ld: true,
        ..Default::default()
    };
    // the standfirst: the page's description when the page shows it as a paragraph of its
    // own (under the headline, outside the article's body, where Readability passes it by)
    let standfirst = meta(&["og:description", "description", "twitter:description"])
        .filter(|d| d.split_whitespace().count() >= STANDFIRST_WORDS)
        .filter(|d| doc.select("body p, body h2").iter().any(|p| clean(&p.text()) == *d));
    let block = drop_furniture(&doc);
    let body = dom_smoothie::Readability::with_document(doc, out.url.as_deref(), Some(cfg)).and_then(|mut r| r.parse());
    read_body(&mut out, body, &html, block);
    if let Some(sf) = standfirst
        && !out.paragraphs.is_empty()
        && !out.paragraphs.iter().any(|p| p.contains(sf.as_str()))
    {
        out.paragraphs.insert(0, sf);
    }
    // the title repeated as the first heading of the body
    if let (Some(t), Some(first)) = (&out.title, out.paragraphs.first())
        && first.eq_ignore_ascii_case(t)
    {
        out.paragraphs.remove(0);
    }
    out
}

/// The article's paragraphs from Readability's answer (and what the metadata lacked:
/// byline, date, title), the page's main run of paragraphs (`block`) when Readability
/// took a list beside it, or the body's own paragraphs when it found no article.
fn read_body(
    out: &mut Extracted,
    body: Result<dom_smoothie::Article, dom_smoothie::ReadabilityError>,
    html: &str,
    block: Option<Vec<String>>,
) {
    match body {
        Ok(a) => {
            if out.author.is_none() {
                out.author = a
                    .byline
                    .as_deref()
                    .filter(|b| b.len() < 100)
                    .and_then(|b| byline(b, out.source.as_deref(), out.title.as_deref()));
            }
            if out.date.is_none() {
                out.date = a.published_time.as_deref().and_then(dates::parse_date);
            }
            if out.title.is_none() && !a.title.trim().is_empty() {
                out.title = Some(strip_site_suffix(&clean(&a.title), out.source.as_deref()));
            }
            out.paragraphs = paragraphs(&a.content);
            // Readability can prize a long list or table of names (many commas) over the
            // article beside it; when it gives a paragraph or two and the page's main run of
            // paragraphs is elsewhere, that run is the article
            if let Some(b) = block
                && out.paragraphs.len() <= 2
                && b.len() >= BLOCK_PARAGRAPHS
                && b.iter().map(String::len).sum::<usize>() >= BLOCK_TEXT
                && !out.paragraphs.iter().any(|p| p.contains(b[0].as_str()))
            {
                out.paragraphs = b;
            }
        }
        Err(_) => {
            // no article found: the body's own paragraphs, if it has any
            let doc = Document::from(html);
            if let Some(b) = doc.body() {
                let mut w = Walker::default();
                w.walk(&b);
                w.flush();
                out.paragraphs = w.out;
            }
        }
    }
}

/// Markup that names page furniture (`assets/furniture.toml`).
#[derive(Debug, serde::Deserialize)]
struct Furniture {
    tags: Vec<String>,
    contains: Vec<String>,
    starts_with: Vec<String>,
    words: Vec<String>,
    /// The elements of `tags` that have a class or an id: the only ones that can be named.
    #[serde(skip)]
    selector: String,
}

static FURNITURE: std::sync::LazyLock<Furniture> = std::sync::LazyLock::new(|| {
    // the shipped file is tested; failing here is a build defect, not an input problem
    let mut f: Furniture =
        toml::from_str(include_str!("../../../assets/furniture.toml")).expect("assets/furniture.toml");
    f.selector = f
        .tags
        .iter()
        .map(|t| format!("{t}[class], {t}[id]"))
        .collect::<Vec<_>>()
        .join(", ");
    f
});

/// A share of the page's text above which an element is the article's wrapper, whatever
/// its class says ("content has-sidebar").
const WRAPPER_SHARE: f64 = 0.5;

impl Furniture {
    fn names(&self, attr: &str, is_class: bool) -> bool {
        let a = attr.to_ascii_lowercase();
        if a.is_empty() {
            return false;
        }
        let words: Vec<&str> = if is_class {
            a.split_whitespace().collect()
        } else {
            vec![a.as_str()]
        };
        self.contains.iter().any(|c| a.contains(c.as_str()))
            || self
                .starts_with
                .iter()
                .any(|s| words.iter().any(|w| w.starts_with(s.as_str())))
            || self.words.iter().any(|x| words.contains(&x.as_str()))
    }
}

/// Paragraphs in the page's main run of paragraphs for it to stand in for what Readability
/// picked, and the characters of text they must hold.
const BLOCK_PARAGRAPHS: usize = 4;
const BLOCK_TEXT: usize = 600;

/// Take out of `doc` the elements its markup names as furniture (see
/// `assets/furniture.toml`), before the extractor scores the page. Gives the paragraphs of
/// the page's main run of paragraphs: the element whose `p` children hold the most text.
fn drop_furniture(doc: &Document) -> Option<Vec<String>> {
    let f = &*FURNITURE;
    let body = doc.body()?;
    let total = body.text().chars().filter(|c| !c.is_whitespace()).count().max(1) as f64;
    // the element holding the most paragraph text is the article's, and so are the
    // elements around it, whatever their class says ("content-sidebar-wrap")
    // (parents in the order their first paragraph comes, so a tie goes to the first)
    let mut at: std::collections::HashMap<dom_query::NodeId, usize> = Default::default();
    let mut sums: Vec<(usize, NodeRef)> = Vec::new();
    for p in doc.select("p").nodes() {
        if let Some(parent) = p.parent() {
            let n = p.text().chars().filter(|c| !c.is_whitespace()).count();
            let i = *at.entry(parent.id).or_insert_with(|| {
                sums.push((0, parent));
                sums.len() - 1
            });
            sums[i].0 += n;
        }
    }
    let best = sums.into_iter().reduce(|b, x| if x.0 > b.0 { x } else { b });
    let protected: std::collections::HashSet<dom_query::NodeId> = best
        .as_ref()
        .map(|(_, n)| {
            n.ancestors(None)
                .into_iter()
                .chain(std::iter::once(*n))
                .map(|a| a.id)
                .collect()
        })
        .unwrap_or_default();
    let doomed: Vec<NodeRef> = doc
        .select(&f.selector)
        .nodes()
        .iter()
        .filter(|el| {
            let class = el.attr("class").unwrap_or_default();
            let id = el.attr("id").unwrap_or_default();
            f.names(&class, true) || f.names(&id, false)
        })
        .filter(|el| !protected.contains(&el.id))
        .filter(|el| {
            let own = el.text().chars().filter(|c| !c.is_whitespace()).count() as f64;
            own / total < WRAPPER_SHARE
        })
        .cloned()
        .collect();
    for el in doomed {
        el.remove_from_parent();
    }
    best.map(|(_, n)| {
        let mut w = Walker::default();
        w.walk(&n);
        w.flush();
        w.out
    })
}

/// The text of extracted article HTML as paragraphs.
fn paragraphs(content: &str) -> Vec<String> {
    let doc = Document::from(content);
    let mut w = Walker::default();
    w.walk(&doc.root());
    w.flush();
    w.out
}

/// Elements whose text never reaches the reader.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "figure",
    "figcaption",
    "aside",
    "nav",
    "footer",
    "form",
    "button",
    "svg",
    "iframe",
    "select",
    "input",
    "textarea",
    "label",
    "picture",
    "video",
    "audio",
    "img",
    "object",
    "embed",
    "canvas",
    "dialog",
    "menu",
];

/// Elements that are one paragraph each.
const BLOCKS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "li", "dt", "dd", "address",
];

/// Elements that hold paragraphs (their loose text is a paragraph of its own).
const CONTAINERS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "ul",
    "ol",
    "dl",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "blockquote",
    "header",
    "center",
    "details",
    "summary",
    "hr",
    "caption",
];

#[derive(Default)]
struct Walker {
    out: Vec<String>,
    /// Inline text gathered since the last block.
    pending: String,
}

impl Walker {
    fn flush(&mut self) {
        let p = clean(&self.pending);
        if !p.is_empty() {
            self.out.push(p);
        }
        self.pending.clear();
    }

    fn walk(&mut self, node: &NodeRef) {
        for child in node.children() {
            if child.is_text() {
                self.pending.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            let name = name.as_str();
            // a figure is an image and its caption, unless it frames a table of the article
            let table_figure = name == "figure" && child.descendants().iter().any(|d| d.has_name("table"));
            if (SKIP.contains(&name) && !table_figure) || hidden(&child) {
                continue;
            }
            if name == "br" {
                // a line break inside a paragraph is a space; two in a row end it
                if self.pending.ends_with('\u{2029}') {
                    self.pending.pop();
                    self.flush();
                } else {
                    self.pending.push('\u{2029}');
                }
                continue;
            }
            if BLOCKS.contains(&name) && !has_block_inside(&child) {
                self.flush();
                let mut inner = Walker::default();
                inner.walk(&child);
                inner.flush();
                let text = inner.out.join(" ");
                if !text.is_empty() {
                    self.out.push(if name == "li" { format!("• {text}") } else { text });
                }
                continue;
            }
            if BLOCKS.contains(&name) || CONTAINERS.contains(&name) {
                self.flush();
                self.walk(&child);
                self.flush();
                continue;
            }
            // inline: a, span, strong, em, q, time, ...
            self.walk(&child);
        }
    }
}

fn has_block_inside(node: &NodeRef) -> bool {
    node.descendants().iter().any(|d| {
        d.is_element()
            && d.node_name()
                .is_some_and(|n| BLOCKS.contains(&n.to_ascii_lowercase().as_str()) && !n.eq_ignore_ascii_case("li"))
    })
}

fn hidden(node: &NodeRef) -> bool {
    node.attr("hidden").is_some()
        || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || node
            .attr("style")
            .is_some_and(|s| s.replace(' ', "").to_ascii_lowercase().contains("display:none"))
}

/// Whitespace collapsed (a paragraph separator from `<br>` becomes a space), trimmed.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| c.is_whitespace() || c == '\u{2029}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Words a page's description must have to be taken as its standfirst.
const STANDFIRST_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_go() {
        assert_eq!(
            strip_site_suffix(
                "Russia responds to Michael Flynn | The Independent",
                Some("The Independent")
            ),
            "Russia responds to Michael Flynn"
        );
        assert_eq!(
            strip_site_suffix("Kremlin says resignation is internal affair - BBC News", None),
            "Kremlin says resignation is internal affair"
        );
        // a dash inside a headline stays
        assert_eq!(
            strip_site_suffix("Brexit - what happens next for the UK economy", None),
            "Brexit - what happens next for the UK economy"
        );
    }

    #[test]
    fn html_is_recognised() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<html lang=en>"));
        assert!(!looks_like_html("A title\n\n<p>not a page</p>"));
    }

    #[test]
    fn bylines_name_people() {
        let b = |s: &str| byline(s, Some("Valley Courier"), Some("Clinic opens late"));
        assert_eq!(
            b("Posted on September 21, 2020 by Adi Tzlil").as_deref(),
            Some("Adi Tzlil")
        );
        assert_eq!(b("Written by: Charnele Henry").as_deref(), Some("Charnele Henry"));
        assert_eq!(
            b("Revised Edition Edited by Adrian Parr").as_deref(),
            Some("Adrian Parr")
        );
        assert_eq!(
            b("Posted by Ann Lee, Bo Kim and Cy Dunn - Chrome Safe Browsing team").as_deref(),
            Some("Ann Lee, Bo Kim and Cy Dunn")
        );
        assert_eq!(b("By Tom Ellery").as_deref(), Some("Tom Ellery"));
        // a name that happens to hold "by" stays whole
        assert_eq!(b("Abby Fowler").as_deref(), Some("Abby Fowler"));
        assert_eq!(b("Stand by Me Okafor").as_deref(), Some("Stand by Me Okafor"));
        for nobody in [
            "Staff",
            "Editorial Staff",
            "Name *",
            "Name (erforderlich)",
            "Your Name",
            "No Author",
            "Agencies",
            "Staff and news service reports",
            "Posted on",
            "Article by",
            "valley courier",
            "Clinic opens late",
            "17 April 2012 • 2:54pm",
            "BahamasLocal.com",
            "desk@courier.example",
            "",
        ] {
            assert_eq!(b(nobody), None, "{nobody:?}");
        }
    }

    #[test]
    fn the_headline_is_the_h1_inside_a_title() {
        let h = "Clinic opens late hours for shift workers";
        assert_eq!(headline_of(&format!("Health | {h} | Valley Courier"), Some(h), None), h);
        assert_eq!(headline_of(&format!("r/Python - {h}"), Some(h), None), h);
        // an h1 that is only part of a longer headline is not it
        let long = format!("Oven-baked {h}");
        assert_eq!(headline_of(&long, Some(h), None), long);
        assert_eq!(
            headline_of("National Rail Enquiries -", None, None),
            "National Rail Enquiries"
        );
        // a blog's name before the post's title goes
        assert_eq!(
            headline_of(
                "Notes from the allotment: Winter beans",
                None,
                Some("Notes from the allotment")
            ),
            "Winter beans"
        );
        // nor the site's name
        assert_eq!(
            headline_of(
                "Minister resigns | The Daily Star News",
                Some("The Daily Star News"),
                Some("The Daily Star News")
            ),
            "Minister resigns"
        );
    }

    #[test]
    fn a_noscript_with_paragraphs_is_read() {
        let post = format!("<p>{}</p>", "Broad beans sown in November are up. ".repeat(8));
        let page = format!(
            "<body><script>document.write('<noscript>{post}</noscript>')</script>\
             <noscript><img src=p.gif></noscript><noscript>{post}</noscript></body>"
        );
        let out = unwrap_noscript(&page);
        // the one in the script is the script's text; the pixel stays; the post is read
        assert_eq!(out.matches("<noscript>").count(), 2, "{out}");
        assert!(out.contains(&format!("<div>{post}</div>")), "{out}");
        assert!(matches!(
            unwrap_noscript("<p>no noscript</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn br_pairs_split_paragraphs() {
        let p = paragraphs("<div>One line<br>still one.<br><br>Two &amp; more.</div>");
        assert_eq!(p, ["One line still one.", "Two & more."]);
    }
}
