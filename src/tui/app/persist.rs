//! Lasting state: read marks, stars, positions and the session go to the store in memory as
//! they change; the idle tick and quitting write it ([`App::tick`], [`App::save_session`]).

use super::*;

/// What lasts between runs (the state store) and the way back (history).
pub struct Session {
    /// Lasting state (read marks, stars, positions), when attached.
    pub store: Option<crate::state::Store>,
    /// The last save failed (said once in the status line; saving goes on being tried).
    pub save_failed: bool,
    /// State key of each article.
    pub keys: Vec<String>,
    /// Starred quotes.
    pub starred_quotes: std::collections::HashSet<QuoteRef>,
    /// Reading positions from the state file, used the first time an article opens.
    pub(super) stored_positions: HashMap<usize, (usize, f64)>,
    /// The folder holding every article ([`crate::state::Session::library`]).
    pub(super) library: String,
    pub back: Vec<Snapshot>,
    pub forward: Vec<Snapshot>,
}

impl Session {
    pub(super) fn new() -> Session {
        Session {
            store: None,
            save_failed: false,
            keys: Vec::new(),
            starred_quotes: std::collections::HashSet::new(),
            stored_positions: HashMap::new(),
            library: String::new(),
            back: Vec::new(),
            forward: Vec::new(),
        }
    }

    /// A new corpus: article numbers change, so what was keyed by them goes (history
    /// too); the store stays, and is attached again.
    pub(super) fn new_corpus(&mut self) {
        self.keys.clear();
        self.starred_quotes.clear();
        self.stored_positions.clear();
        self.back.clear();
        self.forward.clear();
    }
}

impl App {
    pub(super) fn load_starred_quotes(&mut self) {
        let Some(store) = &self.session.store else { return };
        let by_key: HashMap<&str, usize> = self
            .session
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        let mut found = Vec::new();
        for (k, q) in &store.state.quotes {
            let Some((ak, range)) = k.split_once('@') else { continue };
            let Some((s, e)) = range.split_once('-') else { continue };
            let (Some(&a), Ok(s), Ok(e)) = (by_key.get(ak), s.parse::<usize>(), e.parse::<usize>()) else {
                continue;
            };
            if let Some(qi) = self
                .index
                .quotes
                .get(a)
                .and_then(|qs| qs.iter().position(|x| x.start == s && x.end == e))
                && q.starred
            {
                found.push(QuoteRef::new(a, qi));
            }
        }
        self.session.starred_quotes.extend(found);
    }

    /// Use `store` for read marks, stars and positions; unless `fresh`, return to where the
    /// last session was.
    pub fn attach_store(&mut self, mut store: crate::state::Store, fresh: bool) {
        self.session.keys = self.corpus.articles.iter().map(crate::state::key_of).collect();
        self.session.library = library_of(&self.corpus.articles);
        // edited, moved and renamed files keep their marks; old keys migrate
        store.adopt(&self.corpus.articles, &self.session.keys);
        let by_key: HashMap<String, usize> = self
            .session
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        for (i, k) in self.session.keys.iter().enumerate() {
            if let Some(st) = store.article(k) {
                self.list.read[i] = st.read;
                self.list.starred[i] = st.starred;
                if let Some(p) = st.position {
                    self.session.stored_positions.insert(i, p);
                }
            }
        }
        if let Some(w) = store.warnings.first() {
            self.message = Some(w.clone());
        }
        let session = store.state.session.clone();
        self.session.store = Some(store);
        self.load_starred_quotes();
        // the preview opened before the state was known: reopen with stored positions
        self.reader.positions.clear();
        if let Some(a) = self.reader.open.take() {
            self.open_article_quietly(a);
        }
        if fresh {
            return;
        }
        // (a session of another folder is left as it is: its filter means nothing here)
        if let Some(s) = session.filter(|s| s.library.is_empty() || s.library == self.session.library) {
            if !s.query.is_empty() {
                self.list.query = s.query.clone();
                self.refilter();
            }
            if let Some(&a) = s.article.as_deref().and_then(|k| by_key.get(k)) {
                self.select_article(Some(a));
                self.open_article_quietly(a);
                if s.reading {
                    self.focus = Focus::Reader;
                }
            }
        }
    }

    /// Record article `a`'s marks and position in the store.
    pub(super) fn persist(&mut self, a: usize) {
        let Some(key) = self.session.keys.get(a).cloned() else {
            return;
        };
        let (read, starred) = (self.list.read[a], self.list.starred[a]);
        let position = if self.reader.open == Some(a) {
            self.reading_anchor()
        } else {
            self.session.stored_positions.get(&a).copied()
        };
        let title = self.corpus.articles[a].meta.title.clone();
        if let Some(store) = &mut self.session.store {
            store.update_article(&key, |s| {
                s.read = read;
                s.starred = starred;
                s.position = position;
                s.title = title;
            });
        }
    }

    /// Save what changed. The first failure becomes the status message (and reading goes
    /// on; every later tick tries again); a save that works again says so.
    pub fn flush(&mut self) {
        let Some(store) = &mut self.session.store else { return };
        match store.save() {
            Err(e) if !self.session.save_failed => {
                self.session.save_failed = true;
                self.message = Some(format!("warning: marks not saved: {e:#} (still trying)"));
            }
            Err(_) => {}
            Ok(()) if self.session.save_failed => {
                self.session.save_failed = false;
                self.message = Some("marks saved again".into());
            }
            Ok(()) => {}
        }
    }

    /// After the last save on the way out: when the state could not be saved, where it was
    /// written instead (see [`crate::state::Store::save_elsewhere`]), or why it is lost.
    pub fn unsaved(&mut self) -> Option<Result<String, String>> {
        let store = self.session.store.as_mut()?;
        if !store.is_dirty() {
            return None;
        }
        let path = store.path();
        Some(match store.save_elsewhere() {
            Ok(p) => Ok(format!(
                "reading state could not be saved to {}; it was written to {} instead                  (`saywho state import {}` merges it back)",
                path.display(),
                p.display(),
                p.display()
            )),
            Err(e) => Err(format!(
                "reading state could not be saved to {}, nor anywhere else: {e:#}",
                path.display()
            )),
        })
    }

    /// Where we are — the open article, its position, the filter — recorded in the store
    /// (in memory; [`App::flush`] writes it).
    pub(super) fn record_session(&mut self) {
        if let Some(a) = self.reader.open {
            self.persist(a);
        }
        let session = crate::state::Session {
            article: self.reader.open.and_then(|a| self.session.keys.get(a).cloned()),
            query: self.list.query.clone(),
            reading: self.focus == Focus::Reader,
            library: self.session.library.clone(),
        };
        if let Some(store) = &mut self.session.store {
            store.set_session(session);
        }
    }

    /// The reader is idle: the session as it has settled, and every change since the last
    /// tick, go to disk. `update` never writes; this and quitting do, so a crash or a
    /// closed terminal loses at most the last moments.
    pub fn tick(&mut self) {
        if self.background.indexing {
            return;
        }
        self.record_session();
        self.flush();
    }

    /// Before quitting: the position in the open article and where we are.
    pub fn save_session(&mut self) {
        self.record_session();
        self.flush();
    }
}

/// The folder every article is in: the longest common folder of their paths, in full ("" when
/// there are no articles).
fn library_of(articles: &[crate::corpus::Article]) -> String {
    let mut common: Option<&std::path::Path> = None;
    for a in articles {
        let dir = std::path::Path::new(&a.path)
            .parent()
            .unwrap_or(std::path::Path::new(""));
        common = Some(match common {
            None => dir,
            Some(c) => {
                let mut c = c;
                while !dir.starts_with(c) {
                    match c.parent() {
                        Some(p) => c = p,
                        None => break,
                    }
                }
                c
            }
        });
    }
    let Some(c) = common else { return String::new() };
    // the same folder named from elsewhere ("corpus", "./corpus", its full path) is one
    std::fs::canonicalize(if c.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        c
    })
    .unwrap_or_else(|_| c.to_path_buf())
    .display()
    .to_string()
}
