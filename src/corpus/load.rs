//! Finding and reading article files: folders are walked recursively for `.txt`, `.md` and
//! `.markdown` files (hidden ones skipped); a file named on the command line is read
//! whatever its extension. Files are read in parallel; one bad file never stops the rest.

use super::store::{self, ArticleStore};
use super::{Article, Corpus, Problem, Rules, bundled, decode};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Default largest file read: 20 MB.
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1000 * 1000;

pub struct LoadOptions<'a> {
    pub max_size: u64,
    pub rules: &'a Rules,
    /// For a progress display: files found, and files read so far.
    pub progress: Option<Progress<'a>>,
    /// The persistent index: files it holds unchanged are not read, and what is read
    /// goes in.
    pub cache: Option<&'a dyn ArticleStore>,
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

/// A path whose change matters to a corpus read from folder `root`: an article file, or
/// a folder (a removed folder takes its articles with it), nothing hidden below `root`.
pub fn is_watched(p: &Path, root: &Path) -> bool {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let hidden = rel.components().any(|c| is_hidden(c.as_os_str()));
    !hidden && (is_article_file(p) || p.extension().is_none())
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
        // links are followed by hand: walkdir's follow_links stats every entry, and a
        // start from the cache stats every file once already (for its stamp)
        let mut folders = vec![root.clone()];
        let mut followed = std::collections::HashSet::new();
        let real_root = std::fs::canonicalize(root).ok();
        while let Some(folder) = folders.pop() {
            let walker = walkdir::WalkDir::new(&folder)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
            let mut linked = Vec::new();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => files.push(e.into_path()),
                    Ok(e) if e.path_is_symlink() && e.depth() > 0 => match std::fs::metadata(e.path()) {
                        Ok(m) if m.is_file() && is_article_file(e.path()) => files.push(e.into_path()),
                        // a linked folder is walked once (a link back up would loop)
                        Ok(m) if m.is_dir() => {
                            if let Ok(real) = std::fs::canonicalize(e.path())
                                && Some(&real) != real_root.as_ref()
                                && !real_root.as_ref().is_some_and(|r| r.starts_with(&real))
                                && followed.insert(real)
                            {
                                linked.push(e.into_path());
                            }
                        }
                        _ => {}
                    },
                    Ok(_) => {}
                    Err(e) => problems.push(Problem {
                        path: e.path().map_or(shown.clone(), |p| p.display().to_string()),
                        reason: e.io_error().map_or_else(|| e.to_string(), io_reason),
                        skipped: true,
                    }),
                }
            }
            folders.extend(linked.into_iter().rev());
        }
        if !followed.is_empty() {
            // files under linked folders in their place, as if the links were folders
            files[before..].sort();
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

/// Load every article under `paths`. With a cache, a file whose stamp it holds is not
/// read: its article comes from the cache without a body (read when needed, see
/// [`Corpus::body`]).
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
    let (files, mut problems) = discover(paths);
    if let Some(p) = opts.progress {
        p.total.store(files.len(), Ordering::Relaxed);
    }
    let ids = unique_ids(&files);
    let rules = Arc::new(opts.rules.clone());
    let (stamps, held) = held_in(&files, opts.cache);
    let results: Vec<Result<Loaded, Problem>> = files
        .par_iter()
        .zip(ids.into_par_iter())
        .zip(held.into_par_iter())
        .map(|((path, id), held)| {
            let r = match held {
                Some((key, stored)) => Ok(Loaded::Cached(Article::from_stored(
                    id,
                    path.display().to_string(),
                    key,
                    stored,
                ))),
                None => read_one(path, id, opts).map(Loaded::Read),
            };
            if let Some(p) = opts.progress {
                p.done.fetch_add(1, Ordering::Relaxed);
            }
            r
        })
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    let mut new_files = Vec::new();
    let mut new_articles = Vec::new();
    let mut files_read = 0;
    for (i, r) in results.into_iter().enumerate() {
        let (a, warning) = match r {
            Ok(Loaded::Cached(aw)) => aw,
            Ok(Loaded::Read((a, warning))) => {
                // read from its file: the cache learns it
                files_read += 1;
                if let Some(Some((path, stamp))) = stamps.get(i) {
                    new_files.push((path.clone(), *stamp, a.key));
                    new_articles.push((a.key, a.stored(warning.clone())));
                }
                (a, warning)
            }
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if let Some(w) = warning {
            problems.push(Problem {
                path: a.path.clone(),
                reason: w,
                skipped: false,
            });
        }
        articles.push(a);
    }
    if let Some(c) = opts.cache {
        // a cache that cannot be written costs only the next start the same work; a file
        // gone changes the listing, so the folders' entries are checked for files gone
        // only then (not at every start)
        let changed = c.put_listing(listing_key(paths, opts), &articles).unwrap_or(true);
        let (roots, present) = if changed {
            let present: rustc_hash::FxHashSet<String> = stamps.iter().flatten().map(|(p, _)| p.clone()).collect();
            let roots: Vec<String> = paths
                .iter()
                .filter(|p| p.is_dir())
                .map(|p| {
                    let mut r = store::absolute(p).to_string_lossy().into_owned();
                    if !r.ends_with(std::path::MAIN_SEPARATOR) {
                        r.push(std::path::MAIN_SEPARATOR);
                    }
                    r
                })
                .collect();
            (roots, present)
        } else {
            (Vec::new(), Default::default())
        };
        let _ = c.put_files(&new_files, &new_articles, &roots, &present);
    }
    let mut corpus = Corpus::new(articles, problems).with_rules(rules);
    corpus.files_read = files_read;
    corpus
}

/// With a cache: each file's absolute path and stamp, and what the cache holds of it at
/// that stamp (one entry a file). Without, nothing.
#[allow(clippy::type_complexity)]
fn held_in(
    files: &[PathBuf],
    cache: Option<&dyn ArticleStore>,
) -> (
    Vec<Option<(String, store::Stamp)>>,
    Vec<Option<(store::Key, store::Stored)>>,
) {
    let stamps: Vec<Option<(String, store::Stamp)>> = match cache {
        Some(_) => files
            .par_iter()
            .map(|f| {
                let m = std::fs::metadata(f).ok().filter(|m| m.is_file())?;
                Some((store::absolute(f).to_string_lossy().into_owned(), store::Stamp::of(&m)))
            })
            .collect(),
        None => Vec::new(),
    };
    // one entry a file: what the cache holds of it at its stamp
    let held: Vec<Option<(store::Key, store::Stored)>> = match cache {
        Some(c) => {
            let wanted: Vec<(String, store::Stamp)> = stamps.iter().flatten().cloned().collect();
            let mut found = c.files(&wanted).into_iter();
            stamps
                .iter()
                .map(|s| s.as_ref().and_then(|_| found.next().flatten()))
                .collect()
        }
        None => files.iter().map(|_| None).collect(),
    };
    (stamps, held)
}

/// The key of the listing of `paths` read with `opts` in the cache.
pub fn listing_key(paths: &[PathBuf], opts: &LoadOptions) -> store::Key {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for p in paths {
        h.update(store::absolute(p).to_string_lossy().as_bytes());
        h.update(&[0]);
        // the same folder named differently lists its files under other names
        h.update(p.to_string_lossy().as_bytes());
        h.update(&[0]);
    }
    h.update(&opts.rules.fingerprint().to_le_bytes());
    h.update(&opts.max_size.to_le_bytes());
    h.digest128().to_le_bytes()
}

/// The articles last read from `paths`, as the cache kept them, without looking at the
/// folders: what the reader shows at once while it reads them ([`load_paths`]) to see
/// what changed. None when the cache holds no listing for them.
pub fn load_listing(paths: &[PathBuf], opts: &LoadOptions) -> Option<Corpus> {
    let cache = opts.cache?;
    let listed = cache.listing(listing_key(paths, opts))?;
    let articles: Vec<Article> = listed
        .into_iter()
        .map(|l| Article::from_stored(l.id, l.path, l.key, l.stored).0)
        .collect();
    Some(Corpus::new(articles, Vec::new()).with_rules(Arc::new(opts.rules.clone())))
}

/// An article with its warning, from the cache or read from its file.
enum Loaded {
    Cached((Article, Option<String>)),
    Read((Article, Option<String>)),
}

/// The cache key of a file's bytes: what parsing depends on (the bytes, the cleaning
/// rules, and whether the name says it is a web page).
pub fn content_key(bytes: &[u8], path: &str, rules: &Rules) -> store::Key {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(bytes);
    h.update(&rules.fingerprint().to_le_bytes());
    h.update(&[has_extension(Path::new(path), HTML_EXTENSIONS) as u8]);
    h.digest128().to_le_bytes()
}

/// A file's bytes, refused (with the reason) when it is a folder, unreadable or over
/// `max_size`.
pub fn read_bytes(path: &Path, max_size: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a folder".into());
    }
    if meta.len() > max_size {
        return Err(format!(
            "{} is over the size limit of {} (set max_file_size in the config or --max-size)",
            human_size(meta.len()),
            human_size(max_size)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    Ok(bytes)
}

fn read_one(path: &Path, id: String, opts: &LoadOptions) -> Result<(Article, Option<String>), Problem> {
    let shown = path.display().to_string();
    let fail = |reason: String| Problem {
        path: shown.clone(),
        reason,
        skipped: true,
    };
    let bytes = read_bytes(path, opts.max_size).map_err(fail)?;
    let key = content_key(&bytes, &shown, opts.rules);
    // the same bytes under another name (moved, copied) are not parsed again
    if let Some(c) = opts.cache
        && let Some(Some(stored)) = c.articles(&[key]).pop()
    {
        return Ok(Article::from_stored(id, shown, key, stored));
    }
    parse_keyed(id, shown.clone(), &bytes, opts.rules, key).map_err(fail)
}

/// Decode and parse one file's bytes; an error is the reason it was skipped.
pub fn parse_bytes(id: String, path: String, bytes: &[u8], rules: &Rules) -> Result<(Article, Option<String>), String> {
    let key = content_key(bytes, &path, rules);
    parse_keyed(id, path, bytes, rules, key)
}

/// [`parse_bytes`] for bytes whose content key the caller has already computed.
pub(crate) fn parse_keyed(
    id: String,
    path: String,
    bytes: &[u8],
    rules: &Rules,
    key: store::Key,
) -> Result<(Article, Option<String>), String> {
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
    if article.paragraph_count == 0 {
        return Err("no readable text".into());
    }
    Ok((Article { key, ..article }, warning))
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
    corpus.files_read = corpus.articles.len();
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
