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
        let mut new = App::new(corpus, index, self.keymap.clone(), self.theme.clone(), self.size);
        new.list.mark_read_on_open = self.list.mark_read_on_open;
        new.background.extracted = self.background.extracted.clone();
        new.list.sort = self.list.sort;
        new.list.hide_read = self.list.hide_read;
        new.list.starred_only = self.list.starred_only;
        if let Some(mut store) = self.session.store.take() {
            // (a sync with a feed server may have brought marks made elsewhere)
            store.refresh();
            new.attach_store(store, true);
        }
        new.list.query = std::mem::take(&mut self.list.query);
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
                new.reader.scroll = new.reader.layout.line_for(anc).min(new.max_scroll());
                new.save_position();
            }
            if let Some(s) = search {
                let scroll = new.reader.scroll;
                new.reader.search = crate::tui::app::Search {
                    hits: Vec::new(),
                    current: 0,
                    ..s
                };
                new.run_search();
                new.reader.scroll = scroll;
            }
        }
        new.focus = match self.focus {
            Focus::Reader if new.reader.open.is_none() => Focus::List,
            f => f,
        };
        // a line being typed stays open (the filter and the in-article search are kept)
        new.ui.input = match self.ui.input {
            Input::Filter => Input::Filter,
            Input::Search if new.reader.open.is_some() => Input::Search,
            _ => Input::None,
        };
        new.ui.cursor = self.ui.cursor.filter(|_| new.ui.input != Input::None);
        new.settle_top();
        new.message = Some(message);
        *self = new;
    }
}
