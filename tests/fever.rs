//! Accounts on a feed server, tested against a real one: coldsweat (a Fever API server,
//! Flask + SQLite, from PyPI) in a venv the test makes once under the target folder — or
//! the one `$SAYWHO_COLDSWEAT` names. Its feeds are served from 127.0.0.1 by the test.
//! Skips (saying so) when it cannot be installed, except under CI (`CI` set), where that
//! fails. The fault cases run against a recorded-response server and always run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use common::coldsweat::{Cold, EMAIL, PASSWORD, coldsweat_or_skip};
use common::server::{Route, Server};
use serde_json::Value;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// Run saywho as machine `home` (its own config, library and state).
fn saywho(home: &Path, args: &[&str]) -> (i32, String, String) {
    saywho_env(home, args, &[("SAYWHO_PASSWORD", PASSWORD)])
}

fn saywho_env(home: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut c = common::bin();
    c.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("HOME", home)
        .env_remove("SAYWHO_PASSWORD")
        .stdin(Stdio::null())
        .args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    common::output(&mut c)
}

fn page(title: &str, para: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>{title}</title></head><body>\
         <article><h1>{title}</h1><p>{para}</p><p>“We have done what we could and we will do more,” said Anna Berg, the mayor, on Tuesday evening.</p>\
         <p>The council meets again next month to decide what happens to the rest of the money.</p></article></body></html>"
    )
}

/// The feed coldsweat reads: three stories, their pages on the same server.
fn serve_feed(s: &Server) {
    let stories = [
        ("Bridge reopens early", "The bridge reopened two weeks early."),
        ("Ferry fares frozen", "Ferry fares will not rise this year."),
        ("Harbour gets new crane", "A new crane arrived at the harbour."),
    ];
    let mut items = String::new();
    for (i, (title, para)) in stories.iter().enumerate() {
        s.route(&format!("/story/{i}"), Route::html(&page(title, para)));
        items.push_str(&format!(
            "<item><title>{title}</title><link>{}/story/{i}</link><guid>story-{i}</guid>\
             <pubDate>Tue, 0{} Mar 2024 08:00:00 GMT</pubDate><description>{para}</description></item>",
            s.base,
            i + 5
        ));
    }
    s.route(
        "/feed.xml",
        Route::typed(
            "application/rss+xml",
            &format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast News</title><link>{}/</link>{items}</channel></rss>",
                s.base
            ),
        ),
    );
}

fn opml(s: &Server) -> String {
    format!(
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"Local\">\
         <outline type=\"rss\" text=\"Coast News\" xmlUrl=\"{}\"/></outline></body></opml>",
        s.url("/feed.xml")
    )
}

/// Articles of `home` as (title, path).
fn articles(home: &Path, args: &[&str]) -> Vec<(String, String)> {
    let mut a = vec!["list", "--json"];
    a.extend_from_slice(args);
    let (code, out, err) = saywho(home, &a);
    assert_eq!(code, 0, "{err}");
    out.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["title"].as_str().unwrap().to_string(),
                v["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Mark an article read and/or starred, as an export from another saywho would.
fn mark(home: &Path, path: &str, read: bool, starred: bool) {
    let key = format!("file:{}", std::path::absolute(path).unwrap().display());
    let updated = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 5;
    let state = serde_json::json!({
        "version": 1,
        "articles": { key: { "read": read, "starred": starred, "updated": updated } },
    });
    let f = home.join("marks.json");
    std::fs::write(&f, state.to_string()).unwrap();
    let (code, _, err) = saywho(home, &["state", "import", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}

fn titles(v: &[(String, String)]) -> Vec<&str> {
    let mut t: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
    t.sort_unstable();
    t
}

#[test]
fn two_machines_share_marks_through_a_real_fever_server() {
    let Some(exe) = coldsweat_or_skip() else { return };
    let feeds = Server::start();
    serve_feed(&feeds);
    let mut cold = Cold::new(exe, &opml(&feeds));
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (a.path(), b.path());

    // a wrong password is refused, and nothing is added
    let (code, _, err) = saywho_env(
        a,
        &["account", "add", "fever", &cold.url(), "--user", EMAIL],
        &[("SAYWHO_PASSWORD", "wrong password")],
    );
    assert_ne!(code, 0);
    assert!(err.contains("login refused"), "{err}");
    for home in [a, b] {
        let (code, out, err) = saywho(
            home,
            &[
                "account",
                "add",
                "fever",
                &cold.url(),
                "--user",
                EMAIL,
                "--name",
                "home",
            ],
        );
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("added account home"), "{out}");
        let toml = std::fs::read_to_string(home.join("config/saywho/accounts.toml")).unwrap();
        assert!(!toml.contains(PASSWORD), "{toml}");
    }

    // A syncs: the server's items, their pages fetched, under the server's feed and group
    let (code, out, err) = saywho(a, &["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("account home: 3 items received"), "{out}");
    let on_a = articles(a, &[]);
    assert_eq!(
        titles(&on_a),
        ["Bridge reopens early", "Ferry fares frozen", "Harbour gets new crane"]
    );
    assert_eq!(titles(&articles(a, &["--tag", "Local"])).len(), 3);
    let path = |v: &[(String, String)], t: &str| v.iter().find(|x| x.0 == t).unwrap().1.clone();

    // read and star on A, sync A: the server has them
    mark(a, &path(&on_a, "Bridge reopens early"), true, true);
    mark(a, &path(&on_a, "Ferry fares frozen"), true, false);
    let (code, out, err) = saywho(a, &["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("3 marks sent"), "{out}");
    assert_eq!(cold.ids("unread_item_ids").len(), 1);
    assert_eq!(cold.ids("saved_item_ids").len(), 1);

    // B syncs: it shows them
    let (code, out, err) = saywho(b, &["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("3 marks taken from the server"), "{out}");
    assert_eq!(titles(&articles(b, &["--starred"])), ["Bridge reopens early"]);
    assert_eq!(titles(&articles(b, &["--unread"])), ["Harbour gets new crane"]);

    // the server's own marks (another client's) reach saywho
    let unread = cold.ids("unread_item_ids");
    let id = unread[0].to_string();
    cold.api("mark", &[("mark", "item"), ("as", "saved"), ("id", &id)]);
    let (code, out, _) = saywho(a, &["sync"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        titles(&articles(a, &["--starred"])),
        ["Bridge reopens early", "Harbour gets new crane"]
    );

    // offline: B marks the last one read while the server is down; the mark waits
    cold.stop();
    let on_b = articles(b, &[]);
    mark(b, &path(&on_b, "Harbour gets new crane"), true, false);
    let (code, out, _) = saywho(b, &["sync", "--timeout", "2"]);
    assert_eq!(code, 3, "{out}");
    assert!(
        out.contains("server unreachable") && out.contains("1 mark waiting"),
        "{out}"
    );
    let (_, list, _) = saywho(b, &["account", "list"]);
    assert!(list.contains("1 mark waiting"), "{list}");
    // nothing B had is lost; a sync killed (-9) as it starts loses nothing either, and
    // the next sync that reaches the server sends the mark
    assert_eq!(titles(&articles(b, &[])).len(), 3);
    cold.start();
    let mut killed = common::bin()
        .env("XDG_CONFIG_HOME", b.join("config"))
        .env("XDG_DATA_HOME", b.join("data"))
        .env("XDG_STATE_HOME", b.join("state"))
        .env("HOME", b)
        .env("SAYWHO_PASSWORD", PASSWORD)
        .args(["sync"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(30));
    let _ = killed.kill(); // SIGKILL
    let _ = killed.wait();
    let (code, out, err) = saywho(b, &["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        cold.ids("unread_item_ids").is_empty(),
        "the mark reached the server: {out}"
    );
    let (_, list, _) = saywho(b, &["account", "list"]);
    assert!(!list.contains("waiting"), "{list}");

    // a sync with nothing new sends and takes nothing
    let (code, out, _) = saywho(b, &["sync"]);
    assert_eq!(code, 0);
    assert!(out.contains("0 items received, 0 marks sent, 0 marks taken"), "{out}");
}

/// A recorded Fever answer.
fn fever_json(body: &str) -> Route {
    Route::typed("application/json", body)
}

#[test]
fn fever_faults_are_reported_and_leave_the_library_whole() {
    let s = Server::start();
    let url = s.url("/fever/");
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // refused, down, not the API: `account add` says which and adds nothing
    for (route, says) in [
        (fever_json(r#"{"api_version":3,"auth":0}"#), "login refused"),
        (Route::Status(500), "HTTP 500"),
        (fever_json("<html>a login page</html>"), "bad answer"),
    ] {
        s.route("/fever/", route);
        let (code, _, err) = saywho(h, &["account", "add", "fever", &url, "--user", EMAIL]);
        assert_ne!(code, 0);
        assert!(err.contains(says), "{says}: {err}");
    }
    assert!(!h.join("config/saywho/accounts.toml").exists());
    let (code, _, err) = saywho_env(h, &["account", "add", "fever", &url, "--user", EMAIL], &[]);
    assert_ne!(code, 0);
    assert!(err.contains("no password"), "{err}");

    // a working server: one item
    let item = format!(
        r#"{{"api_version":3,"auth":1,"feeds":[{{"id":"4","title":"Wire","url":"{b}/feed","site_url":"{b}/"}}],
            "groups":[{{"id":1,"title":"World"}}],"feeds_groups":[{{"group_id":1,"feed_ids":"4"}}],
            "items":[{{"id":"9","feed_id":"4","title":"Quake hits coast","url":"{b}/gone","html":"<p>A quake hit the coast on Monday, officials said.</p>","is_read":0,"is_saved":1,"created_on_time":1709625600}}],
            "unread_item_ids":"9","saved_item_ids":"9"}}"#,
        b = s.base
    );
    s.route("/fever/", fever_json(&item));
    let (code, _, err) = saywho(h, &["account", "add", "fever", &url, "--user", EMAIL, "--name", "wire"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = saywho(h, &["sync"]);
    // the page is gone: the server's HTML is stored instead, and its saved flag taken
    assert_eq!(code, 3, "{out}{err}");
    assert!(out.contains("kept the feed's text"), "{out}");
    assert_eq!(
        titles(&articles(h, &["--starred", "--tag", "world"])),
        ["Quake hits coast"]
    );

    // then every fault in turn: reported, the library and the marks as they were
    for (route, says) in [
        (Route::Status(500), "HTTP 500"),
        (fever_json("{\"items\": [1, 2"), "bad answer"),
        (fever_json(r#"{"api_version":3,"auth":0}"#), "login refused"),
        (
            Route::Slow(Duration::from_secs(4), Box::new(fever_json(&item))),
            "timed out",
        ),
    ] {
        s.route("/fever/", route);
        let (code, out, err) = saywho(h, &["sync", "--timeout", "1"]);
        assert_eq!(code, 3, "{says}: {out}{err}");
        assert!(out.contains("account wire") && out.contains(says), "{says}: {out}");
        assert_eq!(titles(&articles(h, &["--starred"])), ["Quake hits coast"], "{says}");
    }
    let (code, out, _) = saywho(h, &["sync", "--json", "--timeout", "1"]);
    assert_eq!(code, 3);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["accounts"][0]["account"], "wire");
    assert!(
        v["accounts"][0]["error"].as_str().unwrap().contains("timed out"),
        "{out}"
    );

    // a 500 mid-sync (the items come, the flags fail): marks made here wait, whole
    let on_h = articles(h, &[]);
    mark(h, &on_h[0].1, true, false);
    s.route(
        "/fever/",
        Route::ByQuery(
            vec![("unread_item_ids".into(), Route::Status(500))],
            Box::new(fever_json(&item)),
        ),
    );
    let (code, out, _) = saywho(h, &["sync", "--timeout", "1"]);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("HTTP 500") && out.contains("2 marks waiting"), "{out}");
    let (_, list, _) = saywho(h, &["account", "list"]);
    assert!(list.contains("2 marks waiting"), "{list}");
    // the server answers again: both go (read, and the star taken off)
    s.route("/fever/", fever_json(&item));
    let (_, out, _) = saywho(h, &["sync", "--timeout", "1"]);
    assert!(out.contains("2 marks sent"), "{out}");
    let (_, list, _) = saywho(h, &["account", "list"]);
    assert!(!list.contains("waiting"), "{list}");
}
