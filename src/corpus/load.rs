//! Finding and reading article files: folders are walked recursively for `.txt`, `.md` and
//! `.markdown` files (hidden ones skipped); a file named on the command line is read
//! whatever its extension. Files are read in parallel; one bad file never stops the rest.

use super::{Article, Corpus, Problem, Rules, bundled, decode};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Default largest file read: 20 MB.
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1000 * 1000;

pub struct LoadOptions<'a> {
    pub max_size: u64,
    pub rules: &'a Rules,
    /// For a progress display: files found, and files read so far.
    pub progress: Option<Progress<'a>>,
}

#[derive(Clone, Copy)]
pub struct Progress<'a> {
    /// Set once the paths are walked.
    pub total: &'a AtomicUsize,
    /// Incremented once per file read.
    pub done: &'a AtomicUsize,
}

const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "xhtml"];
/// Of those, the web pages.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

fn has_extension(p: &Path, list: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| list.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn is_article_file(p: &Path) -> bool {
    has_extension(p, EXTENSIONS)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

/// The files named by `paths` (folders expanded), and problems with the paths themselves.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        let shown = root.display().to_string();
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                problems.push(Problem {
                    path: shown,
                    reason: io_reason(&e),
                    skipped: true,
                });
                continue;
            }
        };
        if !meta.is_dir() {
            files.push(root.clone());
            continue;
        }
        let before = files.len();
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => files.push(e.into_path()),
                Ok(_) => {}
                Err(e) => problems.push(Problem {
                    path: e.path().map_or(shown.clone(), |p| p.display().to_string()),
                    reason: e.io_error().map_or_else(|| e.to_string(), io_reason),
                    skipped: true,
                }),
            }
        }
        if files.len() == before {
            problems.push(Problem {
                path: shown,
                reason: "no articles here (looked for .txt, .md and .markdown files)".into(),
                skipped: true,
            });
        }
    }
    (files, problems)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Load every article under `paths`.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
    let (files, mut problems) = discover(paths);
    if let Some(p) = opts.progress {
        p.total.store(files.len(), Ordering::Relaxed);
    }
    let ids = unique_ids(&files);
    let results: Vec<Result<(Article, Option<String>), Problem>> = files
        .par_iter()
        .zip(ids.into_par_iter())
        .map(|(path, id)| {
            let r = read_one(path, id, opts);
            if let Some(p) = opts.progress {
                p.done.fetch_add(1, Ordering::Relaxed);
            }
            r
        })
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok((a, warning)) => {
                if let Some(w) = warning {
                    problems.push(Problem {
                        path: a.path.clone(),
                        reason: w,
                        skipped: false,
                    });
                }
                articles.push(a);
            }
            Err(p) => problems.push(p),
        }
    }
    Corpus { articles, problems }
}

fn read_one(path: &Path, id: String, opts: &LoadOptions) -> Result<(Article, Option<String>), Problem> {
    let shown = path.display().to_string();
    let fail = |reason: String| Problem {
        path: shown.clone(),
        reason,
        skipped: true,
    };
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| fail(io_reason(&e)))?;
    let meta = file.metadata().map_err(|e| fail(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(fail("is a folder".into()));
    }
    if meta.len() > opts.max_size {
        return Err(fail(format!(
            "{} is over the size limit of {} (set max_file_size in the config or --max-size)",
            human_size(meta.len()),
            human_size(opts.max_size)
        )));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.read_to_end(&mut bytes).map_err(|e| fail(io_reason(&e)))?;
    parse_bytes(id, shown.clone(), &bytes, opts.rules).map_err(fail)
}

/// Decode and parse one file's bytes; an error is the reason it was skipped.
pub fn parse_bytes(id: String, path: String, bytes: &[u8], rules: &Rules) -> Result<(Article, Option<String>), String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    let (text, encoding) = decode::decode(bytes).map_err(|e| e.to_string())?;
    let (article, warning) = if has_extension(Path::new(&path), HTML_EXTENSIONS) || super::html::looks_like_html(&text)
    {
        let text = decode::html_charset(bytes, text, encoding);
        (Article::parse_html(id, path, &text, encoding, rules), None)
    } else {
        Article::parse(id, path, text, encoding, rules)
    };
    if article.paragraphs.is_empty() {
        return Err("no readable text".into());
    }
    Ok((article, warning))
}

/// The bundled articles.
pub fn load_bundled(rules: &Rules) -> Corpus {
    let mut corpus = Corpus::default();
    for (name, text) in bundled::FILES {
        let id = name.trim_end_matches(".txt").to_string();
        match parse_bytes(id, bundled::path_of(name), text.as_bytes(), rules) {
            Ok((a, _)) => corpus.articles.push(a),
            Err(reason) => corpus.problems.push(Problem {
                path: bundled::path_of(name),
                reason,
                skipped: true,
            }),
        }
    }
    corpus
}

/// Ids are file stems; stems that collide are qualified with as many parent folders as it
/// takes (`business/001`, `sport/001`), so an id does not depend on load order.
pub fn unique_ids(files: &[PathBuf]) -> Vec<String> {
    let parts: Vec<Vec<String>> = files
        .iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let mut v = vec![stem];
            if let Some(parent) = p.parent() {
                v.extend(parent.iter().rev().map(|c| c.to_string_lossy().into_owned()));
            }
            v
        })
        .collect();
    let make = |v: &Vec<String>, depth: usize| {
        let mut segs: Vec<&str> = v.iter().take(depth + 1).map(String::as_str).collect();
        segs.reverse();
        segs.join("/")
    };
    let mut depth = vec![0usize; files.len()];
    loop {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (i, v) in parts.iter().enumerate() {
            *counts.entry(make(v, depth[i])).or_default() += 1;
        }
        let mut changed = false;
        for (i, v) in parts.iter().enumerate() {
            if counts[&make(v, depth[i])] > 1 && depth[i] + 1 < v.len() {
                depth[i] += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // identical full paths (a file named twice) still collide: number them
    let mut seen: HashMap<String, usize> = HashMap::new();
    parts
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let id = make(v, depth[i]);
            let n = seen.entry(id.clone()).or_default();
            *n += 1;
            if *n == 1 { id } else { format!("{id}~{n}") }
        })
        .collect()
}

fn human_size(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{:.1} MB", n as f64 / 1e6)
    } else if n >= 1000 {
        format!("{:.1} kB", n as f64 / 1e3)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stems_qualified_on_collision() {
        let files: Vec<PathBuf> = ["d/business/001.txt", "d/sport/001.txt", "d/sport/002.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(unique_ids(&files), ["business/001", "sport/001", "002"]);
        let same: Vec<PathBuf> = vec!["a.txt".into(), "a.txt".into()];
        assert_eq!(unique_ids(&same), ["a", "a~2"]);
    }
}
