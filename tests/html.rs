//! Web pages as articles: reader-mode text, the page's metadata, entities, charsets, and
//! quotes on the extracted text.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use saywho::corpus;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

fn load(dir: &std::path::Path) -> corpus::Corpus {
    common::load_dir(dir, corpus::load::DEFAULT_MAX_SIZE)
}

#[test]
fn a_news_page_reads_like_reader_mode() {
    let c = load(&fixtures());
    let a = c.get("harbour").expect("the page is an article");
    assert_eq!(a.meta.title, "Harbour bridge to close for repairs, council says");
    assert_eq!(a.meta.source.as_deref(), Some("The Northport Gazette"));
    assert_eq!(a.meta.author.as_deref(), Some("Priya Raman"), "'By ' dropped");
    assert_eq!(a.meta.date.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://gazette.example/news/harbour-bridge-repairs")
    );
    let paras: Vec<&str> = (0..a.body().unwrap().paragraphs.len())
        .map(|i| a.body().unwrap().paragraph_text(i))
        .collect();
    // paragraphs stay paragraphs: p, a heading, a quote block, list items
    assert!(paras[0].starts_with("The Harbour Bridge will close"), "{paras:?}");
    assert!(paras.contains(&"Businesses worried"));
    assert!(paras.contains(&"“Six weeks is a long time for a small business,” she added."));
    assert!(paras.contains(&"• Ferries will run every 20 minutes during the works."));
    assert_eq!(paras.last(), Some(&"The work is expected to finish by the end of May."));
    // entities decoded
    assert!(paras.iter().any(|p| p.contains("about £1.2m a year")));
    // page furniture never reaches the reader
    let all = paras.join("\n");
    for junk in [
        "cookie",
        "Share on",
        "Related stories",
        "Sign up",
        "Comments",
        "reader",
        "Photo",
        "rights reserved",
        "Weather",
    ] {
        assert!(!all.contains(junk), "{junk:?} leaked into {all}");
    }
}

#[test]
fn quotes_work_on_pages_with_offsets_into_the_extracted_text() {
    let c = load(&fixtures());
    let ai = c.position("harbour").unwrap();
    let a = &c.articles[ai];
    let qs = saywho::quotes::extract(a);
    let okafor: Vec<&str> = qs
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Martin Okafor"))
        .map(|q| &a.body().unwrap().text[q.start..q.end])
        .collect();
    assert!(
        okafor.contains(&"“We cannot put this work off any longer,”"),
        "{okafor:?}"
    );
    // `show --json` gives that text, so offsets index it
    let out = common::bin()
        .args(["show", "harbour", "--json"])
        .arg(fixtures())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = v["text"].as_str().expect("show --json has the text");
    let q = qs
        .iter()
        .find(|q| q.speaker.as_deref() == Some("Martin Okafor"))
        .unwrap();
    assert_eq!(&text[q.start..q.end], &a.body().unwrap().text[q.start..q.end]);
}

#[test]
fn charsets_entities_and_pages_that_are_not_pages() {
    let dir = tempfile::tempdir().unwrap();
    // a Latin-1 page that says so
    let mut latin =
        b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 owners protest</title></head><body><article>"
            .to_vec();
    latin.extend_from_slice(
        b"<p>Owners of the caf\xe9s on the square say the new rent rules will close half of them by the summer, and they want talks.</p>\
          <p>\"We will not give up,\" said Jos\xe9 Garc\xeda, who runs the oldest caf\xe9 there, on Monday evening.</p></article></body></html>",
    );
    std::fs::write(dir.path().join("latin.htm"), &latin).unwrap();
    // entities in a plain-text file (as BBC's text has them)
    std::fs::write(
        dir.path().join("plain.txt"),
        "Fees rise\n\nThe fee rises to &#163;1.8m &amp; more, the club said in a statement on Friday.\n",
    )
    .unwrap();
    // binary named .html, and an empty page
    std::fs::write(dir.path().join("photo.html"), [0u8, 1, 2, 3, 255, 0, 7]).unwrap();
    std::fs::write(dir.path().join("empty.html"), "<html><body></body></html>").unwrap();
    let c = load(dir.path());
    let latin = c.get("latin").expect("latin page loads");
    assert_eq!(latin.meta.title, "Café owners protest");
    assert!(
        latin.body().unwrap().text.contains("José García"),
        "{}",
        latin.body().unwrap().text
    );
    let plain = c.get("plain").unwrap();
    assert!(
        plain.body().unwrap().text.contains("£1.8m & more"),
        "{}",
        plain.body().unwrap().text
    );
    let skipped: Vec<&str> = c
        .problems
        .iter()
        .filter(|p| p.skipped)
        .map(|p| p.path.as_str())
        .collect();
    assert!(skipped.iter().any(|p| p.ends_with("photo.html")), "{skipped:?}");
    assert!(skipped.iter().any(|p| p.ends_with("empty.html")), "{skipped:?}");
    assert_eq!(c.articles.len(), 2);
}

/// Every fixture page with a reference (`NAME.json`, the format `examples/webeval` reads)
/// extracts to it: title, date, byline, and the body's words.
#[test]
fn fixture_pages_match_their_references() {
    let c = load(&fixtures());
    let mut checked = 0;
    for a in &c.articles {
        let Ok(r) = std::fs::read_to_string(std::path::Path::new(&a.path).with_extension("json")) else {
            continue;
        };
        let want: serde_json::Value = serde_json::from_str(&r).unwrap();
        assert_eq!(a.meta.title, want["title"].as_str().unwrap(), "{}", a.id);
        assert_eq!(
            a.meta.date.map(|d| d.to_string()).as_deref(),
            want["date"].as_str(),
            "{}",
            a.id
        );
        assert_eq!(a.meta.author.as_deref(), want["author"].as_str(), "{}", a.id);
        let words = |s: &str| -> Vec<String> {
            let mut w: Vec<String> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            w.sort();
            w
        };
        let body: Vec<&str> = (0..a.body().unwrap().paragraphs.len())
            .map(|i| a.body().unwrap().paragraph_text(i))
            .collect();
        assert_eq!(
            words(&body.join(" ")),
            words(want["text"].as_str().unwrap()),
            "{}",
            a.id
        );
        checked += 1;
    }
    assert!(checked >= 9, "{checked} references");
}

fn nested(depth: usize) -> String {
    let p = "<p>The minister said the plan would help families across the region, and officials \
             agreed with her on Tuesday. \"It is the right thing to do,\" said Maria Lopez.</p>";
    format!(
        "<!doctype html><html><head><title>Deep page</title></head><body>{}{p}{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// Thousands of nested `div`s around one paragraph: the paragraph is read (it was "no
/// readable text" after seconds of work), and the page is flattened to a bounded depth.
#[test]
fn deeply_nested_html_is_read() {
    for depth in [300, 10_000] {
        let page = nested(depth);
        let flat = corpus::html::flatten_deep(&page);
        assert!(flat.matches("<div>").count() <= corpus::html::MAX_DEPTH, "{depth}");
        let e = corpus::html::extract(&page, None);
        assert_eq!(e.title.as_deref(), Some("Deep page"));
        assert!(
            e.paragraphs.iter().any(|p| p.contains("It is the right thing to do")),
            "{depth}: {:?}",
            e.paragraphs
        );
    }
    // a page nesting less is left as it is
    let shallow = nested(40);
    assert!(matches!(
        corpus::html::flatten_deep(&shallow),
        std::borrow::Cow::Borrowed(_)
    ));
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

proptest::proptest! {
    /// Flattening drops tags only: the text between them is all kept, in order, and no
    /// element ends up nested past the limit.
    #[test]
    fn flattening_keeps_every_word(ops in proptest::collection::vec(0u8..6, 0..1500)) {
        let mut page = String::from("<html><body>");
        let mut open: Vec<&str> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            match op {
                0 | 1 => { page.push_str("<div class=\"x\">"); open.push("div"); }
                2 => { page.push_str("<span>"); open.push("span"); }
                3 => if let Some(n) = open.pop() { page.push_str(&format!("</{n}>")); },
                4 => page.push_str("<br>"),
                _ => page.push_str(&format!("word{i} ")),
            }
        }
        let flat = corpus::html::flatten_deep(&page);
        proptest::prop_assert_eq!(strip_tags(&flat), strip_tags(&page));
        let mut depth = 0usize;
        let mut most = 0usize;
        for t in flat.split('<').skip(1) {
            if t.starts_with('/') { depth = depth.saturating_sub(1); }
            else if !t.starts_with("br") { depth += 1; most = most.max(depth); }
        }
        proptest::prop_assert!(most <= corpus::html::MAX_DEPTH + 2);
    }
}
