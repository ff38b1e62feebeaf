//! The quote engine on the bundled corpus: every named speaker below is exact.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

use saywho::corpus::{self, Article, Rules};
use saywho::index::Index;
use saywho::quotes::{Quote, QuoteKind, SpeakerKind};

fn corpus() -> corpus::Corpus {
    corpus::load_bundled(&Rules::builtin())
}

/// The quote whose text contains `needle`, in article `a` of the index.
fn quote<'a>(c: &'a corpus::Corpus, ix: &'a Index, a: usize, needle: &str) -> (&'a Quote, Option<&'a str>) {
    let art: &Article = &c.articles[a];
    let (qi, q) = ix.quotes[a]
        .iter()
        .enumerate()
        .find(|(_, q)| art.body().unwrap().text[q.start..q.end].contains(needle))
        .unwrap_or_else(|| panic!("{}: no quote holds {needle:?}", art.id));
    (q, ix.speaker_of(a, qi).map(|p| ix.people[p].name.as_str()))
}

fn speaker(c: &corpus::Corpus, ix: &Index, a: usize, needle: &str) -> Option<String> {
    quote(c, ix, a, needle).1.map(str::to_string)
}

#[test]
fn cnn() {
    let c = corpus();
    let ix = Index::build(&c);
    let pushkov = Some("Aleksey Pushkov".to_string());
    assert_eq!(speaker(&c, &ix, 0, "The target is not Flynn"), pushkov);
    assert_eq!(speaker(&c, &ix, 0, "but the relationship with Russia"), pushkov);
    let (a, _) = quote(&c, &ix, 0, "The target is not Flynn");
    let (b, _) = quote(&c, &ix, 0, "but the relationship with Russia");
    assert_eq!(a.group, b.group, "a split quote is one statement");
    let (tc, who) = quote(&c, &ix, 0, "thought-crime");
    assert_eq!(who, Some("Konstantin Kosachev"));
    assert_eq!(tc.kind, QuoteKind::Mixed);
    let (either, who) = quote(&c, &ix, 0, "Either Trump has not gained");
    assert_eq!(who, Some("Konstantin Kosachev"));
    assert_eq!(either.mention.as_deref(), Some("Kosachev"));
    assert_eq!(either.cue.as_deref(), Some("wrote"));
    assert_eq!(
        speaker(&c, &ix, 0, "he would consider recognizing Crimea"),
        Some("Donald Trump".into())
    );
    assert_eq!(
        speaker(&c, &ix, 0, "US sanctions would remain in place"),
        Some("Nikki Haley".into())
    );
    let (k, who) = quote(&c, &ix, 0, "is a US domestic matter");
    assert_eq!(who, None, "a Kremlin spokesman has no name");
    assert_eq!(k.speaker_kind, Some(SpeakerKind::Description));
    assert_eq!(k.mention.as_deref(), Some("a Kremlin spokesman"));
}

#[test]
fn russia_direct() {
    let c = corpus();
    let ix = Index::build(&c);
    assert_eq!(
        speaker(&c, &ix, 1, "would negotiate with Putin from a position of strength"),
        Some("James Mattis".into())
    );
    assert_eq!(
        speaker(&c, &ix, 1, "reduce violence in Donbas"),
        Some("Sean Spicer".into())
    );
    assert_eq!(
        speaker(&c, &ix, 1, "was too soft with Putin"),
        Some("Donald Trump".into())
    );
    let (pence, who) = quote(&c, &ix, 1, "Flynn and Kislyak talked about sanctions");
    assert_eq!(who, Some("Mike Pence"));
    assert_eq!(pence.mention.as_deref(), Some("he"));
    // scare quotes and titles are never attributed
    for scare in [
        "“America First,”",
        "“taking”",
        "“bromance”",
        "“besieged fortress”",
        "“American partner.”",
    ] {
        let art = &c.articles[1];
        for (qi, q) in ix.quotes[1].iter().enumerate() {
            if &art.body().unwrap().text[q.start..q.end] == scare {
                assert_eq!(q.kind, QuoteKind::Scare, "{scare}");
                assert_eq!(ix.speaker_of(1, qi), None, "{scare}");
            }
        }
    }
}

#[test]
fn independent() {
    let c = corpus();
    let ix = Index::build(&c);
    let peskov = Some("Dmitry Peskov".to_string());
    assert_eq!(
        speaker(&c, &ix, 2, "This is the internal affair of the Americans"),
        peskov
    );
    assert_eq!(speaker(&c, &ix, 2, "It's nothing to do with us.\""), peskov);
    let (added, who) = quote(&c, &ix, 2, "We have said everything we want to say");
    assert_eq!(who, Some("Dmitry Peskov"));
    assert_eq!(added.mention.as_deref(), Some("Mr Peskov"));
    let (prev, who) = quote(&c, &ix, 2, "did not discuss lifting sanctions");
    assert_eq!(who, Some("Dmitry Peskov"));
    assert_eq!(prev.kind, QuoteKind::Indirect);
    let slutsky = Some("Leonid Slutsky".to_string());
    assert_eq!(speaker(&c, &ix, 2, "It's obvious that Flynn was forced"), slutsky);
    let (he, who) = quote(&c, &ix, 2, "The target was Russia-US relations");
    assert_eq!(who, Some("Leonid Slutsky"));
    assert_eq!(he.mention.as_deref(), Some("he"));
    let kosachev = Some("Konstantin Kosachev".to_string());
    assert_eq!(speaker(&c, &ix, 2, "not just paranoia"), kosachev);
    assert_eq!(speaker(&c, &ix, 2, "Either Trump hasn’t found"), kosachev);
}

#[test]
fn people_across_the_corpus() {
    let c = corpus();
    let ix = Index::build(&c);
    let ids = |name: &str| -> Vec<String> {
        let p = &ix.people[ix.find_person(name).unwrap_or_else(|| panic!("{name}"))];
        p.articles.iter().map(|&a| c.articles[a].id.clone()).collect()
    };
    assert_eq!(
        ids("Konstantin Kosachev"),
        ["000_60cf7d78ee1ee50f", "002_a6dbcf461c5f4e37"]
    );
    assert_eq!(ids("kosachev"), ids("Konstantin Kosachev"), "any alias, any case");
    assert_eq!(ids("Donald Trump"), ["000_60cf7d78ee1ee50f", "001_fd44dedc337e22ef"]);
    let names: Vec<&str> = ix.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.iter().filter(|n| n.contains("Kosachev")).count(), 1, "{names:?}");
    assert!(!names.iter().any(|n| n.contains("America First")));
    let peskov = &ix.people[ix.find_person("Mr Peskov").unwrap()];
    assert!(
        peskov.roles.iter().any(|r| r == "Vladimir Putin's spokesman"),
        "{:?}",
        peskov.roles
    );
}
