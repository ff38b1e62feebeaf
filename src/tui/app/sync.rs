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
        self.message = Some("syncing feeds…".into());
        self.effects.push(Effect::Sync);
    }

    /// A sync ended without new articles to show (it failed, or there are no feeds).
    pub fn sync_failed(&mut self, message: String) {
        self.syncing = false;
        self.message = Some(message);
    }

    /// Swap in a reloaded corpus and its index, keeping the place: articles are matched by
    /// their state key (a hash of their text), so what was open, selected, read or starred
    /// stays so. History refers to the old corpus and is cleared.
    pub fn reload(&mut self, corpus: std::sync::Arc<Corpus>, index: Index, message: String) {
        self.record_session();
        let key = |c: &Corpus, a: usize| crate::state::key_of(&c.articles[a]);
        let open = self
            .open
            .map(|a| (key(&self.corpus, a), self.layout.anchor(self.scroll)));
        let selected = self.selected_article().map(|a| key(&self.corpus, a));
        let mut new = App::new(corpus, index, self.keymap.clone(), self.theme.clone(), self.size);
        new.mark_read_on_open = self.mark_read_on_open;
        new.sort = self.sort;
        new.hide_read = self.hide_read;
        new.starred_only = self.starred_only;
        if let Some(store) = self.store.take() {
            new.attach_store(store, true);
        }
        new.query = std::mem::take(&mut self.query);
        new.refilter();
        let by_key: HashMap<String, usize> = (0..new.corpus.articles.len())
            .map(|a| (key(&new.corpus, a), a))
            .collect();
        new.select_article(selected.and_then(|k| by_key.get(&k).copied()));
        if let Some((k, anchor)) = open
            && let Some(&a) = by_key.get(&k)
        {
            new.open_article_quietly(a);
            if let Some(anc) = anchor {
                new.scroll = new.layout.line_for(anc).min(new.max_scroll());
                new.save_position();
            }
        }
        new.focus = match self.focus {
            Focus::Reader if new.open.is_none() => Focus::List,
            f => f,
        };
        new.settle_top();
        new.message = Some(message);
        *self = new;
    }
}
