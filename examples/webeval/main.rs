//! Scores web-page extraction against references:
//!
//!     cargo run --release --example webeval -- DIR
//!
//! DIR holds pages `NAME.html` and references `NAME.json`:
//! `{"title": "...", "date": "2024-03-05", "author": "...", "text": "..."}` (any field may be
//! missing or null; a missing field is not scored). Reported: body-text token F1 (bag of
//! lower-cased words, averaged over pages), and the share of pages whose title, date and
//! byline are right (title and byline compared case- and space-insensitively; a byline is
//! right when every reference author name appears in it).

use saywho::corpus::{Article, Rules, decode};
use std::collections::HashMap;
use std::path::PathBuf;

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
    {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

fn f1(got: &str, want: &str) -> f64 {
    let (g, w) = (words(got), words(want));
    let common: usize = g.iter().map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0))).sum();
    let (gn, wn): (usize, usize) = (g.values().sum(), w.values().sum());
    if gn == 0 || wn == 0 || common == 0 {
        return if gn == 0 && wn == 0 { 1.0 } else { 0.0 };
    }
    let (p, r) = (common as f64 / gn as f64, common as f64 / wn as f64);
    2.0 * p * r / (p + r)
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: webeval DIR (pages NAME.html with references NAME.json)");
        std::process::exit(2);
    };
    let rules = Rules::builtin();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    entries.sort();
    let (mut f1s, mut title, mut date, mut byline) = (Vec::new(), (0, 0), (0, 0), (0, 0));
    for page in &entries {
        let Ok(reference) = std::fs::read_to_string(page.with_extension("json")) else {
            continue;
        };
        let Ok(want) = serde_json::from_str::<serde_json::Value>(&reference) else {
            eprintln!("{}: bad reference", page.display());
            continue;
        };
        let bytes = std::fs::read(page).unwrap_or_default();
        let Ok((text, enc)) = decode::decode(&bytes) else {
            continue;
        };
        let text = decode::html_charset(&bytes, text, enc);
        let a = Article::parse_html("p".into(), page.display().to_string(), &text, enc, &rules);
        let text: &saywho::corpus::Body = a.as_ref();
        let body: Vec<&str> = (0..text.paragraphs.len()).map(|i| text.paragraph_text(i)).collect();
        let name = page.file_stem().unwrap_or_default().to_string_lossy();
        if let Some(t) = want["text"].as_str() {
            let s = f1(&body.join("\n"), t);
            f1s.push(s);
            if s < 0.9 {
                println!("{name}: body F1 {s:.3}");
            }
        }
        if let Some(t) = want["title"].as_str() {
            title.1 += 1;
            if norm(&a.meta.title) == norm(t) {
                title.0 += 1;
            } else {
                println!("{name}: title {:?}, want {t:?}", a.meta.title);
            }
        }
        if let Some(d) = want["date"].as_str() {
            date.1 += 1;
            if a.meta.date.map(|x| x.to_string()).as_deref() == d.get(..10) {
                date.0 += 1;
            } else {
                println!("{name}: date {:?}, want {d:?}", a.meta.date);
            }
        }
        if let Some(au) = want["author"].as_str() {
            byline.1 += 1;
            let got = norm(a.meta.author.as_deref().unwrap_or(""));
            let names: Vec<String> = au.split([',', '&']).flat_map(|s| s.split(" and ")).map(norm).collect();
            if !got.is_empty() && names.iter().filter(|n| !n.is_empty()).all(|n| got.contains(n.as_str())) {
                byline.0 += 1;
            } else {
                println!("{name}: byline {:?}, want {au:?}", a.meta.author);
            }
        }
    }
    let share = |(r, n): (usize, usize)| if n == 0 { f64::NAN } else { r as f64 / n as f64 };
    let mean = if f1s.is_empty() {
        f64::NAN
    } else {
        f1s.iter().sum::<f64>() / f1s.len() as f64
    };
    println!(
        "{} pages: body token F1 {mean:.3}, title {:.3} ({}/{}), date {:.3} ({}/{}), byline {:.3} ({}/{})",
        f1s.len(),
        share(title),
        title.0,
        title.1,
        share(date),
        date.0,
        date.1,
        share(byline),
        byline.0,
        byline.1
    );
}
