//! The loop's workers: indexing, reading the folders again, syncing, watching the
//! folders. Each answers on the loop's channel with a [`Msg`].

use super::*;

/// The loop's side of the background work: the channel workers answer on and what it
/// takes to start them.
pub(super) struct Workers<F> {
    pub(super) tx: Sender<Msg>,
    pub(super) load: Arc<F>,
    pub(super) cache_dir: Option<PathBuf>,
    pub(super) sync: Option<SyncFn>,
    /// Articles the indexing worker has extracted so far (the status line shows it).
    pub(super) extracted: Arc<AtomicUsize>,
    /// The corpus being indexed, counted from 1; and the flag that stops its worker.
    pub(super) generation: u64,
    pub(super) cancel: Arc<AtomicBool>,
    /// The folders are being read behind what is shown.
    pub(super) pending: bool,
    /// A watched folder changed at this time, not yet read again.
    pub(super) changed_at: Option<Instant>,
    /// The folders are being read again after a change.
    pub(super) reloading: bool,
}

impl<F> Workers<F>
where
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded + Send + Sync + 'static,
{
    /// The workers of a reader whose folders are read by `load`; `pending`: they are still
    /// being read behind the listing shown.
    pub(super) fn new(
        tx: Sender<Msg>,
        load: Arc<F>,
        cache_dir: Option<PathBuf>,
        sync: Option<SyncFn>,
        pending: bool,
    ) -> Workers<F> {
        Workers {
            tx,
            load,
            cache_dir,
            sync,
            extracted: Arc::new(AtomicUsize::new(0)),
            generation: 0,
            cancel: Arc::new(AtomicBool::new(false)),
            pending,
            changed_at: None,
            reloading: false,
        }
    }

    /// Index `corpus` on a worker (the worker of the corpus before it stops).
    pub(super) fn index(&mut self, corpus: Arc<Corpus>) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.generation += 1;
        spawn_index(
            corpus,
            self.cache_dir.clone(),
            self.extracted.clone(),
            self.tx.clone(),
            self.generation,
            self.cancel.clone(),
        );
    }

    /// Swap a corpus read again (after a sync, a change in the folders, or the listing
    /// shown at start) into the reader, keeping its place, and index it.
    pub(super) fn swap_in(&mut self, app: &mut App, corpus: Arc<Corpus>, said: String) {
        app.reload(corpus.clone(), Index::empty(&corpus), said);
        app.background.indexing = true;
        self.index(corpus);
    }

    /// The folders read behind what is shown: swapped in when they changed. Returns
    /// whether they were (and a new corpus is being indexed).
    pub(super) fn take_loaded(&mut self, app: &mut App, loaded: Loaded) -> bool {
        self.pending = false;
        match loaded
            .ok()
            .and_then(|real| describe_change(&app.corpus, &real).map(|s| (real, s)))
        {
            Some((real, said)) => {
                self.swap_in(app, Arc::new(real), said);
                true
            }
            None => false,
        }
    }

    /// Read the folders again on a worker, saying what changed against `old`.
    pub(super) fn reload(&mut self, old: Arc<Corpus>) {
        self.reloading = true;
        let (load, tx) = (self.load.clone(), self.tx.clone());
        std::thread::spawn(move || {
            let (d, t) = (AtomicUsize::new(0), AtomicUsize::new(0));
            let reloaded = load(&d, &t).ok().and_then(|corpus| {
                let said = describe_change(&old, &corpus)?;
                Some((Arc::new(corpus), said))
            });
            let _ = tx.send(Msg::Reloaded(reloaded));
        });
    }

    /// Sync on a worker, then read the corpus again; false when there is no sync here.
    pub(super) fn sync(&self) -> bool {
        let Some(sync) = self.sync.clone() else { return false };
        let (load, tx) = (self.load.clone(), self.tx.clone());
        std::thread::spawn(move || {
            let _ = tx.send(Msg::Synced(sync_and_reload(&*sync, &*load)));
        });
        true
    }

    /// Something works in the background that the screen waits for.
    pub(super) fn busy(&self, app: &App) -> bool {
        app.awaiting() || self.changed_at.is_some() || self.working(app)
    }

    /// A worker the loop started is still to answer (those the state starts wake it with
    /// [`Msg::Answered`], and are waited for at the end of a headless run).
    pub(super) fn working(&self, app: &App) -> bool {
        app.background.indexing || app.background.syncing || app.search_pending() || self.reloading || self.pending
    }
}

/// On a worker thread: extract quotes (what the cache does not hold) and build the index,
/// then bring the search index in the cache folder up to date. The worker stops at its
/// next step once `cancel` is set (the corpus was replaced meanwhile).
pub(super) fn spawn_index(
    corpus: Arc<Corpus>,
    cache_dir: Option<PathBuf>,
    extracted: Arc<AtomicUsize>,
    tx: Sender<Msg>,
    generation: u64,
    cancel: Arc<AtomicBool>,
) {
    let say = move |m: Indexed| !cancel.load(Ordering::Relaxed) && tx.send(Msg::Indexed(generation, m)).is_ok();
    std::thread::spawn(move || {
        extracted.store(0, Ordering::Relaxed);
        let index = crate::cache::build_index_with_progress(&corpus, cache_dir.as_deref(), Some(&extracted)).0;
        let Some(dir) = cache_dir else {
            say(Indexed::Quotes(index));
            say(Indexed::Search(Err(
                "no search: the search index lives in the cache (started with --no-cache)".into(),
            )));
            return;
        };
        let si = match crate::search::SearchIndex::open(&dir) {
            Ok(si) => si,
            Err(e) => {
                say(Indexed::Quotes(index));
                say(Indexed::Search(Err(format!("no search: {e:#}"))));
                return;
            }
        };
        let keys = crate::search::SearchIndex::keys(&corpus);
        let missing = si.missing(&keys);
        // the names quoted in each article to add, taken before the index goes
        let names: std::collections::HashMap<usize, Vec<String>> = missing
            .iter()
            .map(|&a| {
                let names = index
                    .people_in(a)
                    .into_iter()
                    .map(|p| index.people[p].name.clone())
                    .collect();
                (a, names)
            })
            .collect();
        if !say(Indexed::Quotes(index)) {
            return;
        }
        let gone = AtomicBool::new(false);
        let progress = |done: usize, of: usize| {
            if !say(Indexed::SearchProgress(done, of)) {
                gone.store(true, Ordering::Relaxed);
            }
        };
        let people = |a: usize| names.get(&a).cloned().unwrap_or_default();
        let r = si
            .add(&corpus, &keys, &missing, &people, &progress)
            .map(|_| app::SearchHandle { index: si })
            .map_err(|e| format!("no search: {e:#}"));
        if !gone.load(Ordering::Relaxed) {
            say(Indexed::Search(r));
        }
    });
}

/// Sync, then read the corpus again.
pub(super) fn sync_and_reload<F>(
    sync: &(dyn Fn() -> Result<String> + Send + Sync),
    load: &F,
) -> Result<(Arc<Corpus>, String), String>
where
    F: Fn(&AtomicUsize, &AtomicUsize) -> Loaded,
{
    let said = sync().map_err(|e| format!("sync failed: {e:#}"))?;
    let (d, t) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let corpus = Arc::new(load(&d, &t).map_err(|e| format!("{said}, but reading failed: {e:#}"))?);
    Ok((corpus, said))
}

/// Watch `roots` (recursively) on a thread of its own; each change to an article file
/// (hidden files and folders aside: sync's temporary files, editors' swap files) sends
/// [`Msg::FolderChanged`]. The thread ends when the loop is gone.
pub(super) fn watch_folders(roots: Vec<PathBuf>, tx: Sender<Msg>) {
    use notify::Watcher;
    if roots.is_empty() {
        return;
    }
    std::thread::spawn(move || {
        let (raw_tx, raw_rx) = std::sync::mpsc::channel();
        let Ok(mut watcher) = notify::recommended_watcher(raw_tx) else {
            return;
        };
        for r in &roots {
            let _ = watcher.watch(r, notify::RecursiveMode::Recursive);
        }
        for event in raw_rx {
            let Ok(event) = event else { continue };
            if matches!(event.kind, notify::EventKind::Access(_)) {
                continue;
            }
            for p in event.paths {
                let root = roots
                    .iter()
                    .find(|r| p.starts_with(r))
                    .map_or(p.as_path(), |r| r.as_path());
                if crate::corpus::load::is_watched(&p, root) && tx.send(Msg::FolderChanged).is_err() {
                    return;
                }
            }
        }
    });
}

/// What changed between two corpora, said for the status bar ("2 articles added, 1
/// changed"); None when nothing did.
pub(super) fn describe_change(old: &Corpus, new: &Corpus) -> Option<String> {
    let before: std::collections::HashMap<&str, u64> =
        old.articles.iter().map(|a| (a.path.as_str(), a.text_hash)).collect();
    let after: std::collections::HashMap<&str, u64> =
        new.articles.iter().map(|a| (a.path.as_str(), a.text_hash)).collect();
    let added = after.keys().filter(|p| !before.contains_key(*p)).count();
    let removed = before.keys().filter(|p| !after.contains_key(*p)).count();
    let changed = after
        .iter()
        .filter(|(p, h)| before.get(*p).is_some_and(|b| b != *h))
        .count();
    let parts: Vec<String> = [(added, "added"), (changed, "changed"), (removed, "removed")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{} {what}", crate::text::plural(n, "article")))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
