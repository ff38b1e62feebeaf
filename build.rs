//! Fingerprints the reading and quote engines — their source and the tables they embed —
//! so a cache of parsed articles and extracted quotes is thrown away whenever the code
//! that made it changes.

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
    for p in [
        "src/text",
        "src/quotes",
        "src/corpus",
        "assets/lexicon.toml",
        "assets/tables",
        "assets/boilerplate.toml",
        "assets/furniture.toml",
        "assets/bylines.toml",
        "assets/sources.toml",
    ] {
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
