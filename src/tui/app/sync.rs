//! Syncing from the reader: `R` asks the terminal loop to sync in the background; when the
//! new corpus and index arrive, [`App::reload`] swaps them in and puts the reader back
//! where it was — the same article at the same place, the same selection and filter.

use super::*;

impl App {
    pub(super) fn request_sync(&mut self) {
        if self.syncing {
            self.message = Some("a sync is already running".into());
            return;
        }
        self.syncing = true;
        // the marks made here go to a feed server with this sync: saved first
        self.flush();
        if !self.save_failed {
            self.message = Some("syncing feeds…".into());
        }
        self.effects.push(Effect::Sync);
    }

    /// A sync ended without new articles to show (it failed, or there are no feeds).
    pub fn sync_failed(&mut self, message: String) {
        self.syncing = false;
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
            .open
            .map(|a| (key(&self.corpus, a), path(&self.corpus, a), self.reading_anchor()));
        let selected = self
            .selected_article()
            .map(|a| (key(&self.corpus, a), path(&self.corpus, a)));
        let search = (self.open.is_some() && !self.search.query.is_empty()).then(|| self.search.clone());
        let mut new = App::new(corpus, index, self.keymap.clone(), self.theme.clone(), self.size);
        new.mark_read_on_open = self.mark_read_on_open;
        new.extracted = self.extracted.clone();
        new.sort = self.sort;
        new.hide_read = self.hide_read;
        new.starred_only = self.starred_only;
        if let Some(mut store) = self.store.take() {
            // (a sync with a feed server may have brought marks made elsewhere)
            store.refresh();
            new.attach_store(store, true);
        }
        new.query = std::mem::take(&mut self.query);
        new.refilter();
        let by_key: HashMap<String, usize> = (0..new.corpus.articles.len())
            .map(|a| (key(&new.corpus, a), a))
            .collect();
        let by_path: HashMap<String, usize> = (0..new.corpus.articles.len())
            .map(|a| (path(&new.corpus, a), a))
            .collect();
        let find = |(k, p): &(String, String)| by_key.get(k).or_else(|| by_path.get(p)).copied();
        new.select_article(selected.as_ref().and_then(find));
        if let Some((k, p, anchor)) = open
            && let Some(a) = find(&(k, p))
        {
            new.open_article_quietly(a);
            if let Some(anc) = anchor {
                new.scroll = new.layout.line_for(anc).min(new.max_scroll());
                new.save_position();
            }
            if let Some(s) = search {
                let scroll = new.scroll;
                new.search = crate::tui::app::Search {
                    hits: Vec::new(),
                    current: 0,
                    ..s
                };
                new.run_search();
                new.scroll = scroll;
            }
        }
        new.focus = match self.focus {
            Focus::Reader if new.open.is_none() => Focus::List,
            f => f,
        };
        // a line being typed stays open (the filter and the in-article search are kept)
        new.input = match self.input {
            Input::Filter => Input::Filter,
            Input::Search if new.open.is_some() => Input::Search,
            _ => Input::None,
        };
        new.cursor = self.cursor.filter(|_| new.input != Input::None);
        new.settle_top();
        new.message = Some(message);
        *self = new;
    }
}
