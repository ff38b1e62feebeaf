//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// ../shared/data/bbc if present (tests that need it skip, saying so, when it is absent).
pub fn bbc() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

/// ../shared/seeds/NAME if present, else the bundled copy (front matter stripped).
pub fn seed_text(name: &str) -> String {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    if let Ok(t) = std::fs::read_to_string(&shared) {
        return t;
    }
    let bundled = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus").join(name))
        .expect("bundled seed");
    let end = bundled[3..].find("+++\n").expect("front matter") + 3 + 4;
    bundled[end..].to_string()
}

pub fn bin() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_saywho"))
}
