//! Fingerprints the quote engine — its source and the tables it embeds — so a cache of
//! extracted quotes is thrown away whenever the engine that made it changes.

use std::hash::{Hash, Hasher};
use std::path::Path;

fn add(path: &Path, files: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        if let Ok(rd) = std::fs::read_dir(path) {
            for e in rd.flatten() {
                add(&e.path(), files);
            }
        }
    } else {
        files.push(path.to_path_buf());
    }
}

fn main() {
    let mut files = Vec::new();
    for p in ["src/quotes", "assets/lexicon.toml", "assets/tables"] {
        println!("cargo:rerun-if-changed={p}");
        add(Path::new(p), &mut files);
    }
    files.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        f.to_string_lossy().hash(&mut h);
        std::fs::read(f).unwrap_or_default().hash(&mut h);
    }
    println!("cargo:rustc-env=SAYWHO_ENGINE_HASH={:016x}", h.finish());
}
