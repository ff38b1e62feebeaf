//! `saywho feed import` of a 300-feed OPML (20 folders, nested two deep, as Miniflux and
//! FreshRSS export them): whole-process wall time into an empty config, median of several
//! runs; and the same file again (every feed already there). `cargo bench --bench opml`.
//! Goal: ≤ 0.2 s.

use std::process::Command;
use std::time::Instant;

const FEEDS: usize = 300;
const RUNS: usize = 9;

fn opml() -> String {
    let mut body = String::new();
    for folder in 0..20 {
        body.push_str(&format!(
            "<outline text=\"Folder {folder}\">\n<outline text=\"Sub {folder}\">\n"
        ));
        for k in 0..FEEDS / 20 {
            let i = folder * (FEEDS / 20) + k;
            body.push_str(&format!(
                "<outline type=\"rss\" text=\"Site number {i} &amp; friends\" title=\"Site number {i} &amp; friends\" \
                 xmlUrl=\"https://site{i}.example.com/feeds/all.rss?lang=en&amp;n={i}\" htmlUrl=\"https://site{i}.example.com/\"/>\n"
            ));
        }
        body.push_str("</outline>\n</outline>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>Bench</title></head><body>\n{body}</body></opml>\n"
    )
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let exe = env!("CARGO_BIN_EXE_saywho");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("feeds.opml");
    std::fs::write(&file, opml()).expect("write OPML");
    let (mut fresh, mut again) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let home = tempfile::tempdir().expect("temp dir");
        let run = || {
            let t = Instant::now();
            let out = Command::new(exe)
                .env("XDG_CONFIG_HOME", home.path())
                .args(["feed", "import", file.to_str().expect("path"), "--json"])
                .output()
                .expect("run saywho");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            (t.elapsed().as_secs_f64() * 1000.0, out.stdout)
        };
        let (ms, out) = run();
        let v: serde_json::Value = serde_json::from_slice(&out).expect("report");
        assert_eq!(v["added"].as_array().map(Vec::len), Some(FEEDS));
        fresh.push(ms);
        again.push(run().0);
    }
    println!(
        "feed import, {FEEDS}-feed OPML ({} KB): median {:.1} ms into an empty config, {:.1} ms again (all already there), {RUNS} runs",
        opml().len() / 1000,
        median(fresh),
        median(again)
    );
}
