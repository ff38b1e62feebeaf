//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod coldsweat;
pub mod server;

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

/// The articles of folder `dir`, read as `saywho` reads them (no cache), files up to
/// `max_size` bytes.
pub fn load_dir(dir: &std::path::Path, max_size: u64) -> saywho::corpus::Corpus {
    let rules = saywho::corpus::Rules::builtin();
    let opts = saywho::corpus::LoadOptions {
        max_size,
        rules: &rules,
        progress: None,
        cache: None,
    };
    saywho::corpus::load_paths(&[dir.to_path_buf()], &opts)
}

pub fn bin() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_saywho"))
}

/// Run `cmd`: exit status (-1 when killed), stdout, stderr.
pub fn output(cmd: &mut std::process::Command) -> (i32, String, String) {
    let out = cmd.output().expect("run saywho");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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

/// An article parsed from `body` (title on the first line), as if read from `id`.txt.
pub fn article(id: &str, body: &str) -> saywho::corpus::Article {
    let rules = saywho::corpus::Rules::builtin();
    saywho::corpus::load::parse_bytes(id.into(), format!("{id}.txt"), body.as_bytes(), &rules)
        .expect("article parses")
        .0
}

/// A corpus of the given articles.
pub fn corpus_of(articles: Vec<saywho::corpus::Article>) -> saywho::corpus::Corpus {
    saywho::corpus::Corpus::new(articles, vec![])
}

/// The reader over `corpus`, indexed, at `w`×`h`, with the built-in keys and theme.
pub fn app_of(corpus: saywho::corpus::Corpus, w: u16, h: u16) -> saywho::tui::app::App {
    let ix = saywho::index::Index::build(&corpus);
    saywho::tui::app::App::new(
        corpus,
        ix,
        saywho::tui::keymap::Keymap::builtin(),
        saywho::tui::theme::Theme::default(),
        (w, h),
    )
}

/// The articles under folder `dir` in the reader at `w`×`h`.
pub fn app_of_folder(dir: &std::path::Path, w: u16, h: u16) -> saywho::tui::app::App {
    app_of(load_dir(dir, 1 << 20), w, h)
}

/// The bundled corpus in the reader at `w`×`h`.
pub fn bundled_app(w: u16, h: u16) -> saywho::tui::app::App {
    app_of(saywho::corpus::load_bundled(&saywho::corpus::Rules::builtin()), w, h)
}

/// Draw `app` into a test terminal of its size and return the text of the screen.
pub fn screen(app: &saywho::tui::app::App) -> String {
    let (w, h) = app.size;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| saywho::tui::view::draw(f, app)).expect("draw");
    buffer_text(t.backend().buffer())
}
