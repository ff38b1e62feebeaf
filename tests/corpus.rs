//! The foundation: the bundled corpus, the BBC corpus, and bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use saywho::corpus::{self, Article, LoadOptions, Rules};
use std::path::PathBuf;

fn bundled() -> Vec<Article> {
    let c = corpus::load_bundled(&Rules::builtin());
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    c.articles
}

fn kept_text(a: &Article) -> Vec<String> {
    (0..a.body().unwrap().paragraphs.len())
        .map(|i| saywho::text::words::collapse(a.body().unwrap().paragraph_text(i)))
        .collect()
}

#[test]
fn bundled_metadata() {
    let arts = bundled();
    assert_eq!(arts.len(), 3);
    let cnn = &arts[0];
    assert_eq!(cnn.id, "000_60cf7d78ee1ee50f");
    assert_eq!(cnn.meta.title, "Russia reacts to Flynn's resignation");
    assert_eq!(cnn.meta.source.as_deref(), Some("CNN"));
    assert_eq!(cnn.meta.author, None);
    assert_eq!(cnn.meta.date, None);
    let rd = &arts[1];
    assert_eq!(rd.meta.source.as_deref(), Some("Russia Direct"));
    assert_eq!(rd.meta.author, None);
    let ind = &arts[2];
    assert_eq!(ind.meta.source.as_deref(), Some("The Independent"));
    assert_eq!(ind.meta.author.as_deref(), Some("Samuel Osborne"));
    assert_eq!(ind.meta.date.map(|d| d.to_string()).as_deref(), Some("2017-02-14"));
    assert!(ind.meta.title.starts_with("Russia responds to Michael Flynn"));
}

/// Boilerplate in the seeds, by article: none of these may reach the reading view.
const BOILERPLATE: &[(usize, &[&str])] = &[
    (
        0,
        &[
            "Story highlights",
            "Politicians claim Russia is real target",
            "Moscow CNN —",
        ],
    ),
    (
        1,
        &[
            "Also read:",
            "Recommended:",
            "The opinion of the author may not necessarily reflect",
            "The resignation of National Security Advisor Michael Flynn (pictured)",
        ],
    ),
    (
        2,
        &[
            "Stay up to date with notifications",
            "Notifications can be managed",
            "Samuel Osborne",
            "Tuesday 14 February 2017",
            "Comments",
            "Michael Flynn resigned after revelations he had discussed",
            "Your support helps us to tell the story",
            "From reproductive rights to climate change",
            "At such a critical moment in US history",
            "The Independent is trusted by Americans",
            "Your support makes all the difference",
            "Join our commenting forum",
            "Join thought-provoking conversations",
            "Thank you for registering",
            "Please refresh the page",
            "'It's nothing to do with us'",
        ],
    ),
];

const SEEDS: [&str; 3] = [
    "000_60cf7d78ee1ee50f.txt",
    "001_fd44dedc337e22ef.txt",
    "002_a6dbcf461c5f4e37.txt",
];

#[test]
fn boilerplate_is_gone_and_every_real_paragraph_is_kept() {
    let arts = bundled();
    for &(i, junk) in BOILERPLATE {
        let kept = kept_text(&arts[i]);
        for j in junk {
            assert!(
                !kept.iter().any(|p| p.starts_with(j)),
                "{}: boilerplate {j:?} kept",
                arts[i].id
            );
        }
        // every other line of the seed (but the title) is a kept paragraph, verbatim
        let seed = common::seed_text(SEEDS[i]);
        let mut real = 0;
        for line in seed.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if junk.iter().any(|j| line.starts_with(j))
                || saywho::text::words::fold(line) == saywho::text::words::fold(&arts[i].meta.title)
            {
                continue;
            }
            real += 1;
            assert!(
                kept.iter().any(|p| p == line),
                "{}: real paragraph missing: {line:?}",
                arts[i].id
            );
        }
        assert_eq!(
            real,
            kept.len(),
            "{}: kept paragraphs that are not in the seed",
            arts[i].id
        );
    }
}

#[test]
fn paragraph_offsets_point_into_the_file() {
    for a in bundled() {
        let file = saywho::corpus::bundled::FILES
            .iter()
            .find(|(n, _)| n.starts_with(&a.id))
            .unwrap()
            .1;
        for p in &a.body().unwrap().paragraphs {
            assert_eq!(&file[p.start..p.end], &a.body().unwrap().text[p.start..p.end]);
        }
    }
}

#[test]
fn bbc_corpus_loads() {
    let Some(dir) = common::bbc() else { return };
    let rules = Rules::builtin();
    let c = corpus::load_paths(
        std::slice::from_ref(&dir),
        &LoadOptions {
            max_size: corpus::load::DEFAULT_MAX_SIZE,
            rules: &rules,
            progress: None,
            cache: None,
        },
    );
    assert!(c.problems.is_empty(), "{:?}", &c.problems[..c.problems.len().min(5)]);
    let articles: Vec<&Article> = c.articles.iter().filter(|a| a.id != "README").collect();
    assert_eq!(articles.len(), 2225);
    for a in &articles {
        let raw = std::fs::read(&a.path).unwrap();
        let first_line = String::from_utf8_lossy(&raw)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if a.id != "sport/199" {
            let first_line = html_escape::decode_html_entities(&first_line);
            assert_eq!(a.meta.title, saywho::text::words::collapse(&first_line), "{}", a.id);
        }
        assert!(!a.body().unwrap().paragraphs.is_empty(), "{}", a.id);
    }
    let mutu = c.get("sport/199").unwrap();
    assert_eq!(mutu.meta.title, "Chelsea sack Mutu");
    assert_eq!(mutu.encoding, corpus::decode::Encoding::Windows1252);
    let body: String = (0..mutu.body().unwrap().paragraphs.len())
        .map(|i| mutu.body().unwrap().paragraph_text(i))
        .collect();
    assert!(body.contains("£15.8m"), "Latin-1 pound sign decoded");
}

#[test]
fn bad_inputs_are_named_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    w(
        "good.txt",
        b"A good title\n\nA good paragraph with words enough to be a real sentence.",
    );
    w("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00garbage");
    w("empty.txt", b"");
    w(
        "latin1.txt",
        b"Caf\xe9 news\n\nThe caf\xe9 in M\xfcnchen opened, and \x93quoted\x94 text too.",
    );
    w(
        "crlf.txt",
        b"CRLF title\r\n\r\nFirst paragraph here, hard-wrapped by an editor at a\r\nfixed width.\r\n\r\nSecond.\r\n",
    );
    w("bom.md", b"\xEF\xBB\xBFBOM title\n\nBody text.");
    w(
        "escape.txt",
        b"Evil \x1b]0;pwned\x07title\n\nText \x1b[2J with \xc2\x9b C1 and \xe2\x80\xae bidi.",
    );
    w(".hidden.txt", b"Hidden\n\nShould not load.");
    w("notes.json", b"{}");
    std::fs::write(dir.path().join("huge.txt"), vec![b'a'; 2_000_001]).unwrap();
    let c = common::load_dir(dir.path(), 2_000_000);
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["bom", "crlf", "escape", "good", "latin1"]);
    let reasons: Vec<(String, String)> = c
        .problems
        .iter()
        .map(|p| {
            (
                PathBuf::from(&p.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                p.reason.clone(),
            )
        })
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons.iter().any(|(f, r)| f == "binary.txt" && r.contains("binary")));
    assert!(reasons.iter().any(|(f, r)| f == "empty.txt" && r.contains("empty")));
    assert!(reasons.iter().any(|(f, r)| f == "huge.txt" && r.contains("size limit")));
    assert!(c.skipped_any());

    let get = |id: &str| c.get(id).unwrap();
    assert_eq!(get("latin1").meta.title, "Café news");
    assert!(get("latin1").body().unwrap().paragraph_text(0).contains("München"));
    assert_eq!(get("bom").meta.title, "BOM title");
    let crlf = get("crlf");
    assert_eq!(crlf.meta.title, "CRLF title");
    assert_eq!(crlf.body().unwrap().paragraphs.len(), 2);
    assert_eq!(
        saywho::text::words::collapse(crlf.body().unwrap().paragraph_text(0)),
        "First paragraph here, hard-wrapped by an editor at a fixed width."
    );
    let esc = get("escape");
    for s in [esc.meta.title.as_str(), esc.body().unwrap().paragraph_text(0)] {
        assert!(
            !s.chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{s:?}"
        );
        assert!(!s.contains("pwned"));
    }
    assert_eq!(
        saywho::text::words::collapse(esc.body().unwrap().paragraph_text(0)),
        "Text with C1 and bidi."
    );
}

#[test]
fn folders_without_articles_and_missing_paths() {
    let dir = tempfile::tempdir().unwrap();
    let c = common::load_dir(dir.path(), 1000);
    assert!(c.articles.is_empty());
    assert!(c.problems[0].reason.contains("no articles"));
    let rules = Rules::builtin();
    let c = corpus::load_paths(
        &[dir.path().join("nope")],
        &LoadOptions {
            max_size: 1000,
            rules: &rules,
            progress: None,
            cache: None,
        },
    );
    assert!(c.problems[0].reason.contains("no such file"));
}

#[test]
fn a_short_line_with_a_quote_and_a_cue_is_not_furniture() {
    let body = "Race report\n\nThe runner won the race in Paris on Sunday after a long and hard season of training with his coach.\n\nHe will race again next month in Berlin, where he hopes to win again and set a new record.\n\n”Closing first\" he said\n\nShare this\n";
    let a = common::article("race", body);
    let kept: Vec<&str> = a
        .body()
        .unwrap()
        .paragraphs
        .iter()
        .map(|p| &a.body().unwrap().text[p.start..p.end])
        .collect();
    assert!(kept.iter().any(|p| p.contains("Closing first")), "{kept:?}");
    // a short line with no quotation is still furniture at the edge
    assert!(!kept.iter().any(|p| p.contains("Share this")), "{kept:?}");
}

#[test]
fn linked_files_and_folders_are_read_once_and_a_loop_ends() {
    let d = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let body = |t: &str| format!("{t}\n\nThe council met on Tuesday and agreed the plan for the new bridge.\n");
    std::fs::write(d.path().join("a.txt"), body("Alpha")).unwrap();
    std::fs::create_dir(other.path().join("more")).unwrap();
    std::fs::write(other.path().join("more/b.txt"), body("Beta")).unwrap();
    std::fs::write(other.path().join("c.txt"), body("Gamma")).unwrap();
    std::os::unix::fs::symlink(other.path().join("more"), d.path().join("linked")).unwrap();
    std::os::unix::fs::symlink(other.path().join("c.txt"), d.path().join("c-link.txt")).unwrap();
    // a link back up: walked once, not forever
    std::os::unix::fs::symlink(d.path(), other.path().join("more/up")).unwrap();
    let c = common::load_dir(d.path(), 1 << 20);
    let titles: Vec<&str> = c.articles.iter().map(|a| a.meta.title.as_str()).collect();
    assert_eq!(titles.iter().filter(|t| **t == "Beta").count(), 1, "{titles:?}");
    assert_eq!(titles.iter().filter(|t| **t == "Alpha").count(), 1, "{titles:?}");
    assert!(titles.contains(&"Gamma"), "{titles:?}");
    // in path order, linked folders in their place
    let paths: Vec<&str> = c.articles.iter().map(|a| a.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort_by_key(|p| std::path::PathBuf::from(p));
    assert_eq!(paths, sorted);
}

/// Chinese paragraphs in an English article are its text, a quote among them: language is
/// no evidence of page furniture (they were dropped as "edge" fragments, a CJK sentence
/// counting as one word).
#[test]
fn chinese_paragraphs_in_an_english_article_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mixed.txt"),
        "Trade talks resume in Beijing\n\n\
         The trade talks resumed on Monday in Beijing, with both sides hoping for progress on tariffs.\n\n\
         \"We are hopeful,\" said the US trade representative after the first session of the talks.\n\n\
         商务部发言人高峰周四在例行记者会上表示：“中方愿意与美方共同努力，推动谈判取得进展。”\n\n\
         中美双方将在下周继续磋商，讨论关税和市场准入等问题。\n",
    )
    .unwrap();
    let c = common::load_dir(dir.path(), corpus::load::DEFAULT_MAX_SIZE);
    let a = &c.articles[0];
    let body = a.body().unwrap();
    let paras: Vec<&str> = (0..body.paragraphs.len()).map(|i| body.paragraph_text(i)).collect();
    assert!(paras.iter().any(|p| p.contains("推动谈判取得进展")), "{paras:?}");
    assert!(paras.iter().any(|p| p.contains("市场准入")), "{paras:?}");
    assert_eq!(paras.len(), 4, "{paras:?}");
}
