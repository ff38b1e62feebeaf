//! Syncing from the reader: `R` asks the terminal loop to sync in the background; when the
//! new corpus and index arrive, [`App::reload`] swaps them in and puts the reader back
//! where it was — the same article at the same place, the same selection and filter.

use super::*;

impl App {
    pub(super) fn request_sync(&mut self) {
        if self.background.syncing {
            self.message = Some("a sync is already running".into());
            return;
        }
        self.background.syncing = true;
        // the marks made here go to a feed server with this sync: saved first
        self.flush();
        if !self.session.save_failed {
            self.message = Some("syncing feeds…".into());
        }
        self.effects.push(Effect::Sync);
    }

    /// A sync ended without new articles to show (it failed, or there are no feeds).
    pub fn sync_failed(&mut self, message: String) {
        self.background.syncing = false;
        self.message = Some(message);
    }

    /// Swap in a reloaded corpus and its index, keeping the place: articles are matched by
    /// their state key (their file), so what was open, selected, read or starred stays so.
    /// History refers to the old corpus and is cleared.
    pub fn reload(&mut self, corpus: std::sync::Arc<Corpus>, index: Index, message: String) {
        self.record_session();
        // articles are found again by their key, else by their shown path
        let key = |c: &Corpus, a: usize| crate::state::key_of(&c.articles[a]);
        let path = |c: &Corpus, a: usize| c.articles[a].path.clone();
        let open = self
            .reader
            .open
            .map(|a| (key(&self.corpus, a), path(&self.corpus, a), self.reading_anchor()));
        let selected = self
            .selected_article()
            .map(|a| (key(&self.corpus, a), path(&self.corpus, a)));
        let search =
            (self.reader.open.is_some() && !self.reader.search.query.is_empty()).then(|| self.reader.search.clone());
        let focus = std::mem::replace(&mut self.focus, Focus::List);
        let input = std::mem::replace(&mut self.ui.input, Input::None);
        let cursor = self.ui.cursor.take();
        // what was made of the old corpus is replaced; the user's settings stay as they are
        self.corpus = corpus;
        self.index = std::sync::Arc::new(index);
        self.list.new_corpus(&self.corpus, &self.index);
        self.reader = ReaderPane::new();
        self.people = PeopleView::default();
        self.session.new_corpus();
        self.background.new_corpus();
        self.effects.clear();
        self.ui.overlay = Overlay::None; // (its rows were the old corpus's articles)
        self.ui.find_job = None;
        self.ui.help_query.clear();
        let query = std::mem::take(&mut self.list.query);
        self.refilter();
        self.refresh_people();
        self.preview();
        if let Some(mut store) = self.session.store.take() {
            // (a sync with a feed server may have brought marks made elsewhere)
            store.refresh();
            self.attach_store(store, true);
        }
        self.list.query = query;
        self.refilter();
        let by_key: HashMap<String, usize> = (0..self.corpus.articles.len())
            .map(|a| (key(&self.corpus, a), a))
            .collect();
        let by_path: HashMap<String, usize> = (0..self.corpus.articles.len())
            .map(|a| (path(&self.corpus, a), a))
            .collect();
        let find = |(k, p): &(String, String)| by_key.get(k).or_else(|| by_path.get(p)).copied();
        self.select_article(selected.as_ref().and_then(find));
        if let Some((k, p, anchor)) = open
            && let Some(a) = find(&(k, p))
        {
            self.open_article_quietly(a);
            if let Some(anc) = anchor {
                self.reader.scroll = self.reader.layout.line_for(anc).min(self.max_scroll());
                self.reader.save_position();
            }
            if let Some(s) = search {
                let scroll = self.reader.scroll;
                self.reader.search = Search {
                    hits: Vec::new(),
                    current: 0,
                    ..s
                };
                self.run_search();
                self.reader.scroll = scroll;
            }
        }
        self.focus = match focus {
            Focus::Reader if self.reader.open.is_none() => Focus::List,
            f => f,
        };
        // a line being typed stays open (the filter and the in-article search are kept)
        self.ui.input = match input {
            Input::Filter => Input::Filter,
            Input::Search if self.reader.open.is_some() => Input::Search,
            _ => Input::None,
        };
        self.ui.cursor = cursor.filter(|_| self.ui.input != Input::None);
        self.reader.settle_top();
        self.message = Some(message);
    }
}
