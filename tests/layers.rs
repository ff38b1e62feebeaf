//! The core flows one way: this test reads the module references of `src/` (`use`
//! lines and paths through `crate::`, `super::`, `self::` and a module's own children) and
//! fails on a reference from a lower layer to a higher one, or on any circle between
//! modules. The layers, bottom up, are [`LAYERS`]; `docs/architecture.md` prints the same
//! table, and the test checks that it does.
//!
//! A module may use what its ancestors define (Rust's privacy lets a child see its
//! parent's items, and the reader's state is one type whose methods are split over files),
//! so a reference from a module to an ancestor in its own layer is no edge of the circle
//! check; every other reference is. Test modules (`#[cfg(test)] mod tests`) are not read.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bottom up. A module belongs to the longest entry naming it or an ancestor; a module may
/// reference its own layer and those below.
const LAYERS: &[(&str, &[&str])] = &[
    ("text and language", &["text"]),
    ("articles", &["corpus"]),
    ("quotes", &["quotes"]),
    ("the index", &["index", "filter"]),
    ("the stores", &["state", "cache", "search"]),
    ("the library", &["library", "config", "synth"]),
    (
        "the reader's state",
        &["tui::app", "tui::keymap", "tui::layout", "tui::theme"],
    ),
    ("the faces", &["tui", "cli"]),
];

/// Every `.rs` file under `src/` by module path ("corpus::load"; the crate roots are "").
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                parts.pop();
            }
            (parts.join("::"), std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The code of a file without comments, string literals and test modules.
fn code(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if src[i..].starts_with("//") {
            i = src[i..].find('\n').map_or(b.len(), |n| i + n);
        } else if src[i..].starts_with("/*") {
            i = src[i + 2..].find("*/").map_or(b.len(), |n| i + n + 4);
        } else if src[i..].starts_with("r#\"") || src[i..].starts_with("r\"") {
            let hashes = src[i + 1..].bytes().take_while(|&c| c == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let open = 2 + hashes;
            i = src[i + open..]
                .find(&close)
                .map_or(b.len(), |n| i + open + n + close.len());
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            i = j + 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // a char literal ('"', '\n'); a lifetime has no closing quote
            let j = src[i + 1..].find('\'').map_or(b.len(), |n| i + n + 2);
            i = j;
        } else if src[i..].starts_with("#[cfg(test)]") {
            // skip the attribute and the item it guards, to its closing brace
            let Some(open) = src[i..].find('{') else { break };
            let mut depth = 0;
            let mut j = i + open;
            while j < b.len() {
                match b[j] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            i = j + 1;
        } else {
            let c = src[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The paths a file's code names from `crate`, `super`, `self` or a child module it
/// declares, each as segments (`super::super::x` → `["super", "super", "x"]`); a braced
/// list (`use super::{a, b::c}`) gives one path per entry.
fn paths(code: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let c = code[i..].chars().next().unwrap();
        if !is_ident(c) || (i > 0 && (is_ident(code[..i].chars().last().unwrap()) || code[..i].ends_with("::"))) {
            i += c.len_utf8();
            continue;
        }
        let word_end = code[i..].find(|c: char| !is_ident(c)).map_or(code.len(), |n| i + n);
        let word = &code[i..word_end];
        let starts = matches!(word, "crate" | "super" | "self") || children.contains(word);
        if !starts || !code[word_end..].starts_with("::") {
            i = word_end;
            continue;
        }
        let (found, end) = path_tree(code, i);
        out.extend(found);
        i = end.max(word_end);
    }
    out
}

/// The paths of the path or use tree starting at `at`, and where it ends.
fn path_tree(code: &str, at: usize) -> (Vec<Vec<String>>, usize) {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut segs = Vec::new();
    let mut i = at;
    loop {
        let rest = &code[i..];
        let trimmed = rest.trim_start();
        i += rest.len() - trimmed.len();
        if trimmed.starts_with('{') {
            // a braced list: each entry a tree of its own
            let mut out = Vec::new();
            i += 1;
            loop {
                let rest = &code[i..];
                let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
                i += rest.len() - trimmed.len();
                if trimmed.starts_with('}') || trimmed.is_empty() {
                    return (out, i + 1);
                }
                let (inner, end) = path_tree(code, i);
                for p in inner {
                    let mut full = segs.clone();
                    full.extend(p);
                    out.push(full);
                }
                i = end;
            }
        }
        let n = trimmed.find(|c: char| !is_ident(c)).unwrap_or(trimmed.len());
        if n == 0 {
            // "*" or the end of the path
            if trimmed.starts_with('*') {
                i += 1;
            }
            return (vec![segs], i);
        }
        segs.push(trimmed[..n].to_string());
        i += n;
        if code[i..].starts_with("::") {
            i += 2;
        } else {
            return (vec![segs], i);
        }
    }
}

/// The module a path reaches, from module `from`: the longest prefix that is a module.
fn resolve(from: &str, path: &[String], modules: &BTreeMap<String, String>) -> Option<String> {
    let mut base: Vec<&str> = if from.is_empty() {
        Vec::new()
    } else {
        from.split("::").collect()
    };
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => {} // a child module of `from`
    }
    let mut best = base.join("::");
    let mut cur = base.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for s in rest {
        if s == "self" {
            continue;
        }
        cur.push(s.clone());
        let name = cur.join("::");
        if modules.contains_key(&name) {
            best = name;
        } else {
            break;
        }
    }
    Some(best)
}

/// The layer of module `m`: the index into [`LAYERS`] of its longest entry.
fn layer(m: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, (_, entries)) in LAYERS.iter().enumerate() {
        for e in *entries {
            if (m == *e || m.starts_with(&format!("{e}::"))) && best.is_none_or(|(_, len)| e.len() > len) {
                best = Some((i, e.len()));
            }
        }
    }
    best.map(|(i, _)| i)
}

/// Every reference between two modules of `src/`: (from, to).
fn edges() -> BTreeSet<(String, String)> {
    let modules = modules();
    let mut out = BTreeSet::new();
    for (m, src) in &modules {
        let code = code(src);
        let children: BTreeSet<String> = modules
            .keys()
            .filter_map(|k| {
                let rest = if m.is_empty() {
                    Some(k.as_str())
                } else {
                    k.strip_prefix(&format!("{m}::"))
                };
                rest.filter(|r| !r.is_empty() && !r.contains("::")).map(str::to_string)
            })
            .collect();
        for p in paths(&code, &children) {
            if let Some(to) = resolve(m, &p, &modules)
                && to != *m
                && !to.is_empty()
            {
                out.insert((m.clone(), to));
            }
        }
    }
    out
}

fn is_ancestor(a: &str, of: &str) -> bool {
    of.starts_with(&format!("{a}::"))
}

#[test]
fn every_module_has_a_layer() {
    let missing: Vec<String> = modules()
        .into_keys()
        .filter(|m| !m.is_empty() && layer(m).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "modules in no layer (add them to LAYERS and docs/architecture.md): {missing:?}"
    );
}

#[test]
fn no_reference_runs_up_a_layer() {
    let up: Vec<String> = edges()
        .into_iter()
        .filter(|(a, b)| matches!((layer(a), layer(b)), (Some(x), Some(y)) if y > x))
        .map(|(a, b)| {
            format!(
                "{a} ({}) -> {b} ({})",
                LAYERS[layer(&a).unwrap()].0,
                LAYERS[layer(&b).unwrap()].0
            )
        })
        .collect();
    assert!(
        up.is_empty(),
        "references from a lower layer to a higher one:\n{}",
        up.join("\n")
    );
}

#[test]
fn no_circle_between_modules() {
    let edges: Vec<(String, String)> = edges().into_iter().filter(|(a, b)| !is_ancestor(b, a)).collect();
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in &edges {
        next.entry(a).or_default().push(b);
    }
    // every module reachable from each one: a circle is a module that reaches itself
    let mut circles = BTreeSet::new();
    for start in next.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&str> = next[start].clone();
        while let Some(m) = todo.pop() {
            if seen.insert(m) {
                todo.extend(next.get(m).into_iter().flatten());
            }
        }
        if seen.contains(start) {
            let mut members: Vec<&str> = seen
                .iter()
                .copied()
                .filter(|m| {
                    // the circle: what start reaches and what reaches start back
                    let mut back = BTreeSet::new();
                    let mut todo: Vec<&str> = next.get(m).cloned().unwrap_or_default();
                    while let Some(x) = todo.pop() {
                        if back.insert(x) {
                            todo.extend(next.get(x).into_iter().flatten());
                        }
                    }
                    back.contains(start)
                })
                .collect();
            members.sort();
            circles.insert(members.join(", "));
        }
    }
    assert!(
        circles.is_empty(),
        "modules that reach themselves:\n{}",
        circles.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn no_terminal_below_the_readers_state() {
    let state = LAYERS
        .iter()
        .position(|(name, _)| *name == "the reader's state")
        .unwrap();
    let named: Vec<String> = modules()
        .into_iter()
        .filter(|(m, src)| {
            layer(m).is_some_and(|l| l < state) && (code(src).contains("crossterm") || code(src).contains("ratatui"))
        })
        .map(|(m, _)| m)
        .collect();
    assert!(
        named.is_empty(),
        "terminal crates named below the reader's state: {named:?}"
    );
}

#[test]
fn the_architecture_page_prints_the_same_layers() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md")).unwrap();
    let table: Vec<String> = LAYERS
        .iter()
        .rev()
        .map(|(name, mods)| {
            format!(
                "| {name} | {} |",
                mods.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let found: Vec<&str> = page.lines().filter(|l| table.iter().any(|t| t == l)).collect();
    assert_eq!(
        found,
        table,
        "docs/architecture.md should hold the layer table, top down:\n{}",
        table.join("\n")
    );
}

#[test]
fn the_reader_sees_these_paths() {
    // the reader of references itself: a reference it missed would hide a crossing
    let m: BTreeMap<String, String> = ["a", "a::b", "a::b::c", "a::e", "d"]
        .into_iter()
        .map(|k| (k.to_string(), String::new()))
        .collect();
    let src = "use super::{x, e::{Y, Z}};\n// crate::d::z\nfn f() { c::h(); crate::d::g(\"crate::a::b::c\"); }\n#[cfg(test)]\nmod tests { use crate::a::b::c; }";
    let children: BTreeSet<String> = ["c".to_string()].into();
    let got: BTreeSet<String> = paths(&code(src), &children)
        .iter()
        .filter_map(|p| resolve("a::b", p, &m))
        .collect();
    let want: BTreeSet<String> = ["a", "a::e", "a::b::c", "d"].into_iter().map(String::from).collect();
    assert_eq!(got, want, "a comment, a string and a test module are not read");
}
