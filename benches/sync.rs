//! `saywho sync` of 200 items from a server on 127.0.0.1: whole-process wall time, median
//! of several runs, each into an empty library. `cargo bench --bench sync`.
//!
//! The feed (RSS) lists 200 items; each page is a synthetic article of ~6 KB of text inside
//! ~60 KB of page furniture (navigation, scripts, related links, comments), about what a
//! news site serves. Goal: ≤ 3 s.

#[path = "../tests/common/server.rs"]
#[allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
mod server;

use server::{Route, Server};
use std::process::Command;
use std::time::Instant;

const ITEMS: usize = 200;
const RUNS: usize = 5;

fn page(i: usize, text: &str) -> String {
    let furniture: String = (0..400)
        .map(|k| format!("<li><a href=\"/section/{k}\">Section {k} and more links</a></li>"))
        .collect();
    let script = "var tracking = {id: 12345, events: ['view', 'scroll', 'click']};\n".repeat(300);
    let paras: String = text.split("\n\n").skip(1).map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><title>Story {i} - Bench News</title>\
         <meta property=\"og:site_name\" content=\"Bench News\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T08:00:00Z\">\
         <script>{script}</script></head><body><header><nav><ul>{furniture}</ul></nav></header>\
         <main><article><h1>Story {i}</h1>{paras}</article>\
         <aside><h3>Related</h3><ul>{furniture}</ul></aside></main>\
         <footer>All rights reserved</footer></body></html>"
    )
}

fn main() {
    let exe = env!("CARGO_BIN_EXE_saywho");
    let s = Server::start();
    let mut rng = saywho::synth::Rng::new(7);
    let mut items = String::new();
    let mut bytes = 0;
    for i in 0..ITEMS {
        let p = page(i, &saywho::synth::article(&mut rng, 12));
        bytes += p.len();
        s.route(&format!("/story/{i}"), Route::html(&p));
        items.push_str(&format!(
            "<item><title>Story {i}</title><link>{}/story/{i}</link><guid>story-{i}</guid></item>",
            s.base
        ));
    }
    s.route(
        "/feed.xml",
        Route::typed(
            "application/rss+xml",
            &format!("<rss version=\"2.0\"><channel><title>Bench News</title>{items}</channel></rss>"),
        ),
    );
    println!(
        "sync: {ITEMS} items, pages {:.0} KB on average, {RUNS} runs",
        bytes as f64 / ITEMS as f64 / 1000.0
    );
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let home = tempfile::tempdir().expect("temp dir");
        let h = home.path();
        let run = |args: &[&str]| {
            Command::new(exe)
                .env("XDG_CONFIG_HOME", h.join("config"))
                .env("XDG_DATA_HOME", h.join("data"))
                .args(args)
                .output()
                .expect("run saywho")
        };
        let add = run(&["feed", "add", &s.url("/feed.xml")]);
        assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
        let t = Instant::now();
        let out = run(&["sync", "--json"]);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("summary");
        assert_eq!(v["new"], ITEMS, "{v}");
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "sync 200 items (whole process)   median {:.0} ms   min {:.0} ms   goal ≤ 3000 ms",
        times[times.len() / 2],
        times[0]
    );
}
