//! Deeply nested HTML stays linear: one paragraph inside 1,000 and 10,000 nested `div`s,
//! read by the page extractor (`saywho::corpus::html::extract`, what `list` runs on a
//! page). Prints the median of 7 runs for each depth and the growth from 1k to 10k, which
//! issue 20 bounds at 12× (the page grows 10×). Then the same for a page whose comment
//! section holds 2,000 and 20,000 "author" elements and no date: the metadata passes that
//! look at bylines must not grow with their number times the section's size.
//! `cargo bench --bench nesting`.

use std::time::Instant;

fn page(depth: usize) -> String {
    let p = "<p>The minister said the plan would help families across the region, and officials \
             agreed with her on Tuesday. \"It is the right thing to do,\" said Maria Lopez.</p>";
    format!(
        "<!doctype html><html><head><title>Deep page</title></head><body>{}{p}{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

fn commented(authors: usize) -> String {
    let body = "<p>The council met on Tuesday and agreed the plan for the harbour, after a long debate.</p>".repeat(20);
    let comments: String = (0..authors)
        .map(|i| format!("<span class=\"comment-author\">Reader {i}</span> wrote about the harbour plan. "))
        .collect();
    format!(
        "<!doctype html><html><head><title>Harbour plan</title></head><body><article>{body}</article><div id=\"comments\">{comments}</div></body></html>"
    )
}

fn median_ms(html: &str) -> f64 {
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let e = saywho::corpus::html::extract(html, None);
            assert!(!e.paragraphs.is_empty(), "the paragraph is read");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Extract the page `make` builds at each size, print each median and the growth between
/// the two sizes (the page grows 10×; the bound is 12×).
fn growth(label: &str, what: &str, sizes: [usize; 2], make: fn(usize) -> String) {
    let figures: Vec<f64> = sizes
        .iter()
        .map(|&n| {
            let html = make(n);
            let ms = median_ms(&html);
            println!("{label} {n:>6}: {:>7} bytes, extract {ms:>8.2} ms", html.len());
            ms
        })
        .collect();
    println!(
        "growth {}k -> {}k {what}: ×{:.1} (bound ×12)",
        sizes[0] / 1000,
        sizes[1] / 1000,
        figures[1] / figures[0].max(1e-6)
    );
}

fn main() {
    growth("nesting", "nesting", [1_000, 10_000], page);
    growth("authors", "byline elements", [2_000, 20_000], commented);
}
