//! `saywho sync` with a feed server: 500 items on a real Fever server (coldsweat, as the
//! tests install it), their pages on 127.0.0.1 (~60 KB each, like benches/sync.rs), into
//! an empty library — then a sync with nothing new. Whole-process wall time, median of
//! three runs. `cargo bench --bench fever`. Goals: ≤ 5 s and ≤ 0.3 s. Skips, saying so,
//! when coldsweat cannot be installed.

#[path = "../tests/common/coldsweat.rs"]
#[allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
mod coldsweat;
#[path = "../tests/common/server.rs"]
#[allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
mod server;

use server::{Route, Server};
use std::process::Command;
use std::time::Instant;

const ITEMS: usize = 500;
const RUNS: usize = 3;

fn page(i: usize, text: &str) -> String {
    let furniture: String = (0..400)
        .map(|k| format!("<li><a href=\"/section/{k}\">Section {k} and more links</a></li>"))
        .collect();
    let paras: String = text.split("\n\n").skip(1).map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><title>Story {i} - Bench News</title></head><body>\
         <header><nav><ul>{furniture}</ul></nav></header><main><article><h1>Story {i}</h1>{paras}</article>\
         <aside><h3>Related</h3><ul>{furniture}</ul></aside></main><footer>All rights reserved</footer></body></html>"
    )
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let Some(exe) = coldsweat::coldsweat() else {
        println!("fever: skipped (coldsweat could not be installed: python3 -m venv and pip are needed)");
        return;
    };
    let s = Server::start();
    let mut rng = saywho::synth::Rng::new(11);
    let mut items = String::new();
    for i in 0..ITEMS {
        s.route(
            &format!("/story/{i}"),
            Route::html(&page(i, &saywho::synth::article(&mut rng, 12))),
        );
        items.push_str(&format!(
            "<item><title>Story {i}</title><link>{}/story/{i}</link><guid>story-{i}</guid>\
             <description>Story {i} in short.</description></item>",
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
    let opml = format!(
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"Bench\">\
         <outline type=\"rss\" text=\"Bench News\" xmlUrl=\"{}\"/></outline></body></opml>",
        s.url("/feed.xml")
    );
    let cold = coldsweat::Cold::new(exe, &opml);
    let (mut full, mut again) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let home = tempfile::tempdir().expect("temp dir");
        let h = home.path();
        let run = |args: &[&str]| {
            let t = Instant::now();
            let out = Command::new(env!("CARGO_BIN_EXE_saywho"))
                .env("XDG_CONFIG_HOME", h.join("config"))
                .env("XDG_DATA_HOME", h.join("data"))
                .env("XDG_STATE_HOME", h.join("state"))
                .env("SAYWHO_PASSWORD", coldsweat::PASSWORD)
                .args(args)
                .output()
                .expect("run saywho");
            assert!(
                out.status.success(),
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            (t.elapsed().as_secs_f64(), out.stdout)
        };
        run(&["account", "add", "fever", &cold.url(), "--user", coldsweat::EMAIL]);
        let (secs, out) = run(&["sync", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&out).expect("summary");
        assert_eq!(v["new"], ITEMS, "{v}");
        full.push(secs);
        again.push(run(&["sync", "--json"]).0);
    }
    println!(
        "fever: sync of {ITEMS} server items (pages on 127.0.0.1) median {:.2} s; nothing new {:.3} s; {RUNS} runs",
        median(full),
        median(again)
    );
}
