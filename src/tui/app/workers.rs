//! The workers the state starts itself: a big article laid out off the input thread, the
//! search overlay's query. Each answers on a channel of its own and wakes the loop with
//! the state's `Waker`; [`App::take_answers`] takes what is in.

use super::*;

/// An article of this many words or more is laid out on a worker (a 15 MB article takes
/// most of a second to read and wrap; one of 50,000 words, about 300 KB, some 10 ms).
pub const BIG_ARTICLE_WORDS: usize = 50_000;

/// Something to do once a layout is in (see [`App::after_layout`]).
pub(super) type AfterLayout = Box<dyn FnOnce(&mut App)>;

/// An article's body, read by the first layout worker that needs it (see `layout_body`).
pub(super) type BodySlot = (
    usize,
    std::sync::Arc<std::sync::OnceLock<Result<std::sync::Arc<crate::corpus::Body>, String>>>,
);

/// A big article's layout being made on a worker thread, and what is to be done with it.
pub(super) struct LayoutJob {
    pub(super) article: usize,
    pub(super) width: u16,
    pub(super) rx: std::sync::mpsc::Receiver<Layout>,
    /// Set when the job is dropped: the worker stops between paragraphs.
    pub(super) cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Placing the screen and the like, in the order asked, once the layout is in.
    pub(super) then: Vec<AfterLayout>,
}

impl Drop for LayoutJob {
    fn drop(&mut self) {
        self.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

impl ReaderPane {
    /// The width the open article is (being) laid out at.
    pub(super) fn laid_width(&self) -> u16 {
        self.layout_job.as_ref().map_or(self.layout.width, |j| j.width)
    }

    /// A big article's layout is being made on a worker.
    pub fn laying_out(&self) -> bool {
        self.layout_job.is_some()
    }
}

impl App {
    /// A big article's layout is being made on a worker.
    pub fn laying_out(&self) -> bool {
        self.reader.laying_out()
    }

    /// Lay a big article out on a worker. Until it answers, the reader shows the layout it
    /// had of this article (at another width, or without a new mark) or a placeholder, and
    /// what is to be done with the new layout waits in the job ([`App::after_layout`]).
    pub(super) fn relayout_on_worker(&mut self, a: usize, width: u16, starred: Vec<usize>, target: Option<usize>) {
        // what waited for a layout of this article waits for this one instead
        let then = match self.reader.layout_job.take() {
            Some(mut job) if job.article == a => std::mem::take(&mut job.then),
            _ => Vec::new(),
        };
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let (corpus, index, links, selected_link) = (
            self.corpus.clone(),
            self.index.clone(),
            self.reader.links.clone(),
            self.reader.link_selected,
        );
        let stop = cancel.clone();
        let wake = self.background.wake.clone();
        // the article is read once for all its layouts (a later job waits for an earlier
        // one's reading rather than reading it again)
        let slot = match &self.reader.layout_body {
            Some((b, slot)) if *b == a => slot.clone(),
            _ => {
                let slot = std::sync::Arc::new(std::sync::OnceLock::new());
                self.reader.layout_body = Some((a, slot.clone()));
                slot
            }
        };
        std::thread::spawn(move || {
            let extra = layout::Extras {
                links: &links,
                selected_link,
                target,
                starred: &starred,
            };
            let body: &Result<std::sync::Arc<crate::corpus::Body>, String> = slot.get_or_init(|| corpus.body(a));
            let laid = layout::layout(
                &corpus.articles[a],
                body.as_deref().map_err(String::as_str),
                a,
                Some(&*index),
                &corpus,
                width,
                &extra,
                &stop,
            );
            if let Some(l) = laid
                && tx.send(l).is_ok()
                && let Some(wake) = wake
            {
                wake();
            }
        });
        if self.reader.layout.article != Some(a) {
            self.reader.layout = layout::placeholder(&self.corpus.articles[a], width);
        }
        self.reader.layout_job = Some(LayoutJob {
            article: a,
            width,
            rx,
            cancel,
            then,
        });
    }

    /// Do `f` once the open article's layout is made: now, or when the worker laying out a
    /// big article answers (placing the screen by the new layout's lines).
    pub(super) fn after_layout(&mut self, f: impl FnOnce(&mut App) + 'static) {
        match &mut self.reader.layout_job {
            Some(job) => job.then.push(Box::new(f)),
            None => f(self),
        }
    }

    /// A worker the state started (a big article's layout, a search) is still to answer.
    pub fn awaiting(&self) -> bool {
        self.laying_out() || self.ui.find_job.is_some()
    }

    /// The answers of the workers the state started, those that are in: a big article's
    /// layout shown and what waited for it done, a search's rows shown. Returns true when
    /// one came (the screen changed).
    pub fn take_answers(&mut self) -> bool {
        let mut came = false;
        if let Some(laid) = self.reader.layout_job.as_ref().and_then(|j| answer(&j.rx)) {
            self.take_layout(laid);
            came = true;
        }
        if let Some(found) = self.ui.find_job.as_ref().and_then(|j| answer(&j.rx))
            && let Some(job) = self.ui.find_job.take()
        {
            self.take_found(found.unwrap_or_else(|| Err(SEARCH_FAILED.into())), job.keep);
            came = true;
        }
        came
    }

    /// Wait for the workers the state started (headless runs and tests).
    pub fn finish_answers(&mut self) {
        self.finish_layout();
        self.finish_find();
    }

    /// Wait for the big article's layout (tests).
    pub fn finish_layout(&mut self) {
        if let Some(job) = &self.reader.layout_job {
            let laid = job.rx.recv().ok();
            self.take_layout(laid);
        }
    }

    /// Wait for the search overlay's answer (tests).
    pub fn finish_find(&mut self) {
        if let Some(job) = self.ui.find_job.take() {
            let found = job.rx.recv().unwrap_or_else(|_| Err(SEARCH_FAILED.into()));
            self.take_found(found, job.keep);
        }
    }

    pub(super) fn take_layout(&mut self, laid: Option<Layout>) {
        let Some(mut job) = self.reader.layout_job.take() else {
            return;
        };
        let then = std::mem::take(&mut job.then);
        drop(job);
        match laid {
            Some(l) => self.reader.layout = l,
            None => {
                // the worker died (it panicked): say so where the text would be
                self.message = Some("this article could not be laid out".into());
                return;
            }
        }
        for f in then {
            f(self);
        }
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
    }
}

/// What the search overlay says when its worker died without an answer.
const SEARCH_FAILED: &str = "the search failed";

/// A worker's answer if it is in: `Some(None)` when the worker is gone without one (it
/// panicked), None while it works.
fn answer<T>(rx: &std::sync::mpsc::Receiver<T>) -> Option<Option<T>> {
    match rx.try_recv() {
        Ok(v) => Some(Some(v)),
        Err(std::sync::mpsc::TryRecvError::Empty) => None,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(None),
    }
}
