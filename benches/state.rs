//! Lasting state with 10,000 articles: save latency (p50, p99 over 200 saves, each a
//! real locked, merged, fsynced, renamed write) and the start-up cost of loading it.
//! `cargo bench --bench state`.

use saywho::state::Store;
use std::time::{Duration, Instant};

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Store::open(dir.path());
    for i in 0..10_000 {
        s.update_article(&format!("{i:016x}"), |a| {
            a.read = i % 3 == 0;
            a.starred = i % 17 == 0;
            a.position = Some((i % 40, 0.25));
            a.title = format!("Synthetic article number {i} with a title of ordinary length");
        });
    }
    s.save().expect("first save");
    let size = std::fs::metadata(s.path()).map(|m| m.len()).unwrap_or(0);
    let mut saves = Vec::new();
    for i in 0..200 {
        s.update_article(&format!("{:016x}", i * 37 % 10_000), |a| a.read = !a.read);
        let t = Instant::now();
        s.save().expect("save");
        saves.push(t.elapsed());
    }
    let mut loads = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let st = Store::open(dir.path());
        loads.push(t.elapsed());
        assert_eq!(st.state.articles.len(), 10_000);
    }
    println!("state file with 10,000 articles: {:.1} MB", size as f64 / 1e6);
    println!(
        "save (lock, merge, write, fsync, rename; re-read only after another writer): p50 {:.2?}  p99 {:.2?}",
        pct(&mut saves, 0.5),
        pct(&mut saves, 0.99)
    );
    println!(
        "load at start-up: p50 {:.2?}  p99 {:.2?}",
        pct(&mut loads, 0.5),
        pct(&mut loads, 0.99)
    );
}
