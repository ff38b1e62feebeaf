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

/// The text of a rendered buffer, one line per row, wide characters counted once.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = saywho::text::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
