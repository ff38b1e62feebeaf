//! The command line as a user runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use common::bin;
use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    common::output(bin().args(args))
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

#[test]
fn list_json_has_the_fields() {
    let (code, out, _) = run(&["list", "--json"]);
    assert_eq!(code, 0);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 3);
    for r in &rows {
        for k in ["id", "path", "title", "source", "author", "date", "words", "paragraphs"] {
            assert!(r.get(k).is_some(), "missing {k} in {r}");
        }
        assert!(r["words"].as_u64().unwrap() > 100);
    }
    assert_eq!(rows[2]["date"], "2017-02-14");
    assert_eq!(rows[0]["date"], Value::Null);
}

#[test]
fn list_text_is_one_line_per_article() {
    let (code, out, _) = run(&["list"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[2].starts_with("002_a6dbcf461c5f4e37  2017-02-14  The Independent"));
}

#[test]
fn show_json_has_paragraph_offsets() {
    let (code, out, _) = run(&["show", "002", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["author"], "Samuel Osborne");
    let paras = v["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 11);
    let file =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/002_a6dbcf461c5f4e37.txt")).unwrap();
    for p in paras {
        let (s, e) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(saywho::text::words::collapse(&file[s..e]), p["text"].as_str().unwrap());
    }
    assert!(
        v["removed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["reason"] == "donation appeal")
    );
}

#[test]
fn show_text_wraps_to_width() {
    let (code, out, _) = run(&["show", "000_60cf7d78ee1ee50f", "--width", "40"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Russia reacts to Flynn's resignation\nCNN\n"));
    assert!(out.lines().all(|l| saywho::text::width(l) <= 40), "{out}");
    assert!(out.contains("“The target is not Flynn,”"));
    let (code, _, err) = run(&["show", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("no article with id \"nope\""));
}

#[test]
fn show_takes_a_file_named_alone() {
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages/column.html");
    let (code, out, err) = run(&["show", page, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["title"], "Why the ferry timetable keeps changing");
    assert_eq!(v["text_from"], "page");
    // an id with a PATH is an id, as before
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages");
    let (code, out, _) = run(&["show", "column", dir]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Why the ferry timetable keeps changing\n"), "{out}");
}

#[test]
fn bad_paths_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("no articles"), "{err}");
    std::fs::write(dir.path().join("a.txt"), "Title\n\nSome text that is here.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    let missing = dir.path().join("missing");
    let (code, out, err) = run(&["list", dir.path().to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 3, "partial load: {err}");
    assert_eq!(out.lines().count(), 1);
    assert!(err.contains("b.txt: empty file"), "{err}");
    assert!(err.contains("missing: no such file"), "{err}");
}

#[test]
fn help_and_version() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("list") && out.contains("show"));
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("saywho "));
}

#[test]
fn quotes_json_has_the_fields() {
    let (code, out, _) = run(&["quotes", "--json"]);
    assert_eq!(code, 0);
    let rows = json_lines(&out);
    assert!(rows.len() >= 20, "{}", rows.len());
    for r in &rows {
        for k in [
            "article",
            "file",
            "start",
            "end",
            "text",
            "kind",
            "speaker",
            "speaker_kind",
            "mention",
            "cue",
        ] {
            assert!(r.get(k).is_some(), "missing {k} in {r}");
        }
        assert!(["direct", "indirect", "mixed"].contains(&r["kind"].as_str().unwrap()));
    }
    let kosachev = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().starts_with("“Either Trump has not gained"))
        .unwrap();
    assert_eq!(kosachev["speaker"], "Konstantin Kosachev");
    assert_eq!(kosachev["mention"], "Kosachev");
    assert_eq!(kosachev["kind"], "direct");
    // offsets are byte offsets in the file
    let file =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/000_60cf7d78ee1ee50f.txt")).unwrap();
    let (s, e) = (
        kosachev["start"].as_u64().unwrap() as usize,
        kosachev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&file[s..e], kosachev["text"].as_str().unwrap());
}

#[test]
fn quotes_text_separates_articles_by_one_blank_line() {
    let (code, out, _) = run(&["quotes"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("000_"), "no blank line first: {:?}", &out[..20]);
    let headers = out.lines().filter(|l| !l.starts_with(' ') && !l.is_empty()).count();
    assert_eq!(headers, 3);
    assert_eq!(out.matches("\n\n").count(), 2, "one blank line between articles");
}

#[test]
fn quotes_for_one_person_by_any_alias() {
    let (code, out, _) = run(&["quotes", "--person", "KOSACHEV", "--json"]);
    assert_eq!(code, 0);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r["speaker"] == "Konstantin Kosachev"));
    let (code, _, err) = run(&["quotes", "--person", "Nobody Atall"]);
    assert_eq!(code, 1);
    assert!(err.contains("nobody called"));
}

#[test]
fn people_json() {
    let (code, out, _) = run(&["people", "--json"]);
    assert_eq!(code, 0);
    let rows = json_lines(&out);
    let k = rows.iter().find(|r| r["name"] == "Konstantin Kosachev").unwrap();
    assert_eq!(
        k["articles"],
        serde_json::json!(["000_60cf7d78ee1ee50f", "002_a6dbcf461c5f4e37"])
    );
    assert_eq!(k["kind"], "person");
    assert!(k["aliases"].as_array().unwrap().iter().any(|a| a == "Kosachev"));
    assert!(!k["roles"].as_array().unwrap().is_empty());
    let counts: Vec<u64> = rows.iter().map(|r| r["quotes"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most-quoted first: {counts:?}");
}

#[test]
fn links_json() {
    let (code, out, _) = run(&["links", "--json"]);
    assert_eq!(code, 0);
    let rows = json_lines(&out);
    let k = rows.iter().find(|r| r["person"] == "Konstantin Kosachev").unwrap();
    assert_eq!(
        k["articles"],
        serde_json::json!(["000_60cf7d78ee1ee50f", "002_a6dbcf461c5f4e37"])
    );
    let st = k["statements"].as_array().unwrap();
    assert_eq!(st.len(), 1);
    assert_eq!(st[0]["articles"], k["articles"]);
    assert!(rows.iter().any(|r| r["person"] == "Donald Trump"));
    let (_, out, _) = run(&["people", "--json"]);
    let people = json_lines(&out);
    assert_eq!(people.iter().filter(|p| p["linked"] == true).count(), rows.len());
}

#[test]
fn global_options_work_on_either_side_of_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let before = run(&["--state-dir", d, "quotes", "--json"]);
    let after = run(&["quotes", "--json", "--state-dir", d]);
    assert_eq!(before.0, 0, "stderr: {}", before.2);
    assert!(!before.2.contains("no such file"), "{}", before.2);
    assert_eq!(before.1, after.1);
    assert!(!json_lines(&before.1).is_empty());
    // the `=` form and two options
    let (code, out, err) = run(&[&format!("--state-dir={d}"), "--max-size", "1000000", "people", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(!json_lines(&out).is_empty());
}

#[test]
fn the_reader_without_a_terminal_says_so() {
    // stdin and stdout are pipes here: no terminal
    let (code, out, err) = run(&[]);
    assert_eq!(code, 1);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.is_empty());
    let (code, _, err) = run(&["/no/such/folder"]);
    assert_eq!(code, 1);
    assert!(err.contains("/no/such/folder: no such file or folder"), "{err}");
}

#[test]
fn list_validates_the_config_like_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.toml");
    std::fs::write(&keys, "[keys.list]\ndown = [\"q\"]\n").unwrap();
    let (code, _, err) = run(&["list", "--config", keys.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("keys.toml:2:") && err.contains("already quit"), "{err}");
    let theme = dir.path().join("theme.toml");
    std::fs::write(&theme, "mouse = true\n[theme]\nlink = \"red\"\nquote = \"blurple\"\n").unwrap();
    let (code, _, err) = run(&["--config", theme.to_str().unwrap(), "list"]);
    assert_eq!(code, 1);
    assert!(err.contains("theme.toml:4:") && err.contains("blurple"), "{err}");
}

/// `saywho list --json DIR | head -1`: a reader that closes the pipe early ends the
/// command quietly and successfully, for every command that prints.
#[test]
fn a_closed_pipe_is_a_quiet_success() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    // far more output than a pipe holds, so the writer meets the closed end
    for i in 0..400 {
        let who = ["Maria Lopez", "John Okafor", "Ana Silva", "Peter Novak"][i % 4];
        let body = format!(
            "Article number {i} about the budget\n\n\"We will not cut the hospital budget in year {i},\" said {who}, \
             the city's finance chief. {}\n",
            "The council met on Tuesday to discuss the plan. ".repeat(20)
        );
        std::fs::write(dir.path().join(format!("a{i:03}.txt")), body).unwrap();
    }
    let state = tempfile::tempdir().unwrap();
    for cmd in ["list", "quotes", "people", "links"] {
        let mut child = bin()
            .args([cmd, "--json", "--no-cache"])
            .arg(dir.path())
            .arg("--state-dir")
            .arg(state.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.starts_with('{'), "{cmd}: {first}");
        // the reading end is dropped here
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {err}");
        assert!(!err.contains("Broken pipe"), "{cmd}: {err}");
    }
}
