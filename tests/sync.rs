//! Feeds and sync against a server on 127.0.0.1 started by the test: RSS, Atom and JSON
//! Feed, duplicates, failures of every kind, conditional GET, and the library as the
//! default corpus.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use common::server::{Route, Server};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

fn page(title: &str, site: &str, para: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>{title} - {site}</title>\
         <meta property=\"og:site_name\" content=\"{site}\"></head><body><nav><a href=/>Home</a> <a href=/x>World</a></nav>\
         <article><h1>{title}</h1><p>{para}</p><p>“We have done what we could and we will do more,” said Anna Berg, the mayor, on Tuesday evening.</p>\
         <p>The council meets again next month to decide what happens to the rest of the money.</p></article>\
         <footer>All rights reserved</footer></body></html>"
    )
}

/// Run saywho with its config and data in `home`.
fn saywho(home: &Path, args: &[&str]) -> (i32, String, String) {
    common::output(
        common::bin()
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("HOME", home)
            .args(args),
    )
}

fn serve_news(s: &Server) {
    s.route(
        "/a1",
        Route::html(&page(
            "Bridge reopens early",
            "Coast News",
            "The bridge reopened two weeks early.",
        )),
    );
    s.route(
        "/a2",
        Route::html(&page(
            "Ferry fares frozen",
            "Coast News",
            "Ferry fares will not rise this year.",
        )),
    );
    s.route(
        "/a3",
        Route::Ok {
            content_type: "text/html".into(),
            body: page(
                "Harbour gets new crane",
                "Coast News",
                "A new crane arrived at the harbour.",
            )
            .into_bytes(),
            etag: None,
            gzip: true,
        },
    );
    s.route(
        "/slow",
        Route::Slow(
            Duration::from_secs(3),
            Box::new(Route::html(&page("Late", "X", "Late."))),
        ),
    );
    // a paywall stub: a page, but next to no text in it
    s.route(
        "/stub",
        Route::html(&page(
            "Council approves budget",
            "Coast News",
            "Subscribe to read this story.",
        )),
    );
    s.route("/loop1", Route::Redirect("/loop2".into()));
    s.route("/loop2", Route::Redirect("/loop1".into()));
    s.route("/big", Route::Huge(50_000_000));
    s.route("/doc.pdf", Route::typed("application/pdf", "%PDF-1.4 not a page"));
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Coast News</title><link>{b}/</link>
        <item><title>Bridge reopens early</title><link>{b}/a1</link><guid>guid-a1</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
        <item><title>Ferry fares frozen</title><link>{b}/a2?utm_source=rss&amp;utm_medium=feed</link><guid>guid-a2</guid></item>
        <item><title>Museum closes for winter</title><link>{b}/missing</link><guid>guid-m</guid>
          <description>&lt;p&gt;The town museum will close from November until March while its roof is repaired, the trust said.&lt;/p&gt;</description></item>
        <item><title>Council approves budget</title><link>{b}/stub</link><guid>guid-c</guid>
          <description>&lt;p&gt;The town council approved next year's budget on Tuesday night after a debate that ran past midnight. Spending on roads rises by a tenth, the library keeps its Sunday hours, and the harbour fund is cut. Councillors who voted against it said the cut to the harbour fund would cost the town more in repairs within five years.&lt;/p&gt;</description></item>
        </channel></rss>"#,
        b = s.base
    );
    s.route(
        "/rss.xml",
        Route::Ok {
            content_type: "application/rss+xml".into(),
            body: rss.into_bytes(),
            etag: Some("\"v1\"".into()),
            gzip: false,
        },
    );
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Atom</title><id>urn:coast</id><updated>2024-03-05T08:00:00Z</updated>
        <entry><title>Bridge reopens early</title><id>urn:uuid:1111</id><link href="{b}/a1#comments"/><updated>2024-03-05T08:00:00Z</updated></entry>
        <entry><title>Slow story</title><id>urn:uuid:2222</id><link href="{b}/slow"/><updated>2024-03-05T08:00:00Z</updated></entry>
        <entry><title>Loop story</title><id>urn:uuid:3333</id><link href="{b}/loop1"/><updated>2024-03-05T08:00:00Z</updated></entry>
        <entry><title>Big story</title><id>urn:uuid:4444</id><link href="{b}/big"/><updated>2024-03-05T08:00:00Z</updated>
          <content type="html">&lt;p&gt;The biggest story of the year, told in full in the feed itself.&lt;/p&gt;</content></entry>
        <entry><title>Report published</title><id>urn:uuid:5555</id><link href="{b}/doc.pdf"/><updated>2024-03-05T08:00:00Z</updated>
          <summary>The annual report was published on Monday and shows rising costs.</summary></entry>
        </feed>"#,
        b = s.base
    );
    s.route("/atom.xml", Route::typed("application/atom+xml", &atom));
    let json = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Coast JSON", "items": [
            {{"id": "j1", "url": "{b}/a3", "title": "Harbour gets new crane", "date_published": "2024-03-06T09:00:00Z"}},
            {{"id": "j2", "url": "{b}/a2", "title": "Ferry fares frozen"}}
        ]}}"#,
        b = s.base
    );
    s.route("/feed.json", Route::typed("application/feed+json", &json));
    s.route(
        "/bad.xml",
        Route::typed("application/rss+xml", "<rss><channel><item><title>broken"),
    );
}

#[test]
fn sync_stores_each_article_once_and_reports_every_failure() {
    let s = Server::start();
    serve_news(&s);
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    for (url, name) in [
        ("/rss.xml", "rss"),
        ("/atom.xml", "atom"),
        ("/feed.json", "json"),
        ("/bad.xml", "bad"),
        ("/gone.xml", "gone"),
    ] {
        let (code, out, err) = saywho(h, &["feed", "add", &s.url(url), "--name", name]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(name));
    }
    let (_, list, _) = saywho(h, &["feed", "list"]);
    assert_eq!(list.lines().count(), 5);

    let (code, out, err) = saywho(h, &["sync", "--json", "--timeout", "1"]);
    assert_eq!(code, 3, "some failed: exit 3\n{out}\n{err}");
    assert!(err.is_empty(), "no progress bar when not on a terminal: {err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let failed_feeds: Vec<&str> = v["feeds_failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["what"].as_str().unwrap())
        .collect();
    assert_eq!(failed_feeds.len(), 2, "{v}");
    assert!(failed_feeds.contains(&"bad") && failed_feeds.contains(&"gone"));
    // a1 (twice), a2 (twice, once with utm_*), a3, museum, stub, slow, loop, big, pdf
    assert_eq!(v["items"], 11, "{v}");
    assert_eq!(v["duplicates"], 2, "{v}");
    let pages: Vec<(String, String, bool)> = v["pages_failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["what"].as_str().unwrap().to_string(),
                p["error"].as_str().unwrap().to_string(),
                p["kept_feed_content"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    let find = |path: &str| pages.iter().find(|p| p.0.ends_with(path)).cloned().unwrap();
    assert!(find("/missing").1.contains("404") && find("/missing").2, "{pages:?}");
    assert!(find("/slow").1.contains("timed out") && !find("/slow").2);
    assert!(find("/loop1").1.contains("redirect") && !find("/loop1").2);
    assert!(find("/big").1.contains("size limit") && find("/big").2);
    assert!(find("/doc.pdf").1.contains("not a web page") && find("/doc.pdf").2);
    assert!(
        find("/stub").1.contains("no readable text") && find("/stub").2,
        "{pages:?}"
    );
    // a1, a2, a3 fetched; museum, stub, big and the report kept from the feed
    assert_eq!(v["new"], 7, "{v}");

    // the library: one file per article, nothing half-written
    let lib = h.join("data/saywho/library");
    let files: Vec<_> = walkdir::WalkDir::new(&lib)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.iter().filter(|f| f.ends_with(".html")).count(), 7, "{files:?}");
    assert!(!files.iter().any(|f| f.starts_with(".tmp")), "{files:?}");

    // with no PATH, the commands read the library
    let (code, out, _) = saywho(h, &["list", "--json"]);
    assert_eq!(code, 0);
    let arts: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(arts.len(), 7);
    let bridge = arts.iter().find(|a| a["title"] == "Bridge reopens early").unwrap();
    assert_eq!(bridge["text_from"], "page");
    // the stub's text is the feed's, and the article says so
    let budget = arts.iter().find(|a| a["title"] == "Council approves budget").unwrap();
    assert_eq!(budget["text_from"], "feed", "{budget}");
    let (_, shown, _) = saywho(h, &["show", budget["id"].as_str().unwrap(), "--json"]);
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["text_from"], "feed");
    assert!(
        shown["text"].as_str().unwrap().contains("harbour fund is cut"),
        "{shown}"
    );
    assert_eq!(bridge["source"], "Coast News");
    assert_eq!(
        bridge["date"], "2024-03-05",
        "the feed's date fills what the page lacks"
    );
    assert!(bridge["url"].as_str().unwrap().ends_with("/a1"));
    let museum = arts.iter().find(|a| a["title"] == "Museum closes for winter").unwrap();
    assert_eq!(museum["source"], "Coast News", "from the feed's title");
    let (_, quotes, _) = saywho(h, &["quotes", "--json"]);
    assert!(quotes.contains("\"speaker\":\"Anna Berg\""), "{quotes}");

    // saywho names itself, and the second sync asks only for what changed
    let first = s.requests("/rss.xml");
    assert!(first[0].headers["user-agent"].starts_with("saywho/"));
    assert!(
        s.requests("/a3")[0]
            .headers
            .get("accept-encoding")
            .is_some_and(|a| a.contains("gzip"))
    );
    let (_, out, _) = saywho(h, &["sync", "--json", "--timeout", "1"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["feeds_not_modified"], 1, "{v}");
    assert_eq!(v["new"], 0, "nothing stored twice: {v}");
    assert_eq!(
        s.requests("/rss.xml").last().unwrap().headers["if-none-match"],
        "\"v1\""
    );
}

#[test]
fn feed_commands_and_their_mistakes() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (code, _, err) = saywho(h, &["sync"]);
    assert_eq!(code, 1);
    assert!(err.contains("no feeds"), "{err}");
    let (code, out, _) = saywho(h, &["feed", "add", "https://news.example.org/world/rss.xml"]);
    assert_eq!(code, 0);
    assert!(out.contains("news-example-org"), "{out}");
    let (code, _, err) = saywho(
        h,
        &["feed", "add", "https://news.example.org/world/rss.xml?utm_source=x"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("already"), "{err}");
    let (code, _, err) = saywho(h, &["feed", "add", "not a url"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a URL"), "{err}");
    let (code, out, _) = saywho(h, &["feed", "list", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    let (code, _, err) = saywho(h, &["feed", "remove", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("news-example-org"), "names the feeds there are: {err}");
    let (code, _, _) = saywho(h, &["feed", "remove", "news-example-org"]);
    assert_eq!(code, 0);
    let (_, out, _) = saywho(h, &["feed", "list"]);
    assert!(out.is_empty());
    // --library before or after the subcommand; an empty library means the bundled corpus
    let lib = h.join("lib");
    let (code, out, _) = saywho(h, &["--library", lib.to_str().unwrap(), "list"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 3, "bundled corpus: {out}");
}

/// Library articles: every visible file under the library, each whole (a saywho header
/// line, then a page that ends).
fn stored(library: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(library).into_iter().flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if e.file_type().is_file() && !name.starts_with('.') {
            let text = std::fs::read_to_string(e.path()).unwrap();
            assert!(text.starts_with("<!-- saywho {"), "{name} has its header");
            assert!(text.trim_end().ends_with("</html>"), "{name} is whole");
            out.push(name);
        }
    }
    out.sort();
    out
}

/// Interrupted mid-sync (Ctrl-C, then kill -9): what was fetched is in the library, whole,
/// and the next sync fetches only the rest.
#[test]
fn an_interrupted_sync_keeps_what_it_fetched() {
    for signal in ["-INT", "-KILL"] {
        let s = Server::start();
        for (i, title) in ["Bridge reopens early", "Ferry fares frozen", "Harbour gets new crane"]
            .iter()
            .enumerate()
        {
            s.route(
                &format!("/g{i}"),
                Route::html(&page(title, "Coast News", "It happened today.")),
            );
        }
        s.route(
            "/stalled",
            Route::Slow(
                Duration::from_secs(30),
                Box::new(Route::html(&page("Late", "Coast News", "Late."))),
            ),
        );
        let items: String = ["/g0", "/stalled", "/g1", "/g2"]
            .iter()
            .map(|p| format!("<item><title>Story {p}</title><link>{}{p}</link></item>", s.base))
            .collect();
        s.route(
            "/rss.xml",
            Route::typed(
                "application/rss+xml",
                &format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast</title>{items}</channel></rss>"
                ),
            ),
        );
        let home = tempfile::tempdir().unwrap();
        let h = home.path();
        assert_eq!(saywho(h, &["feed", "add", &s.url("/rss.xml")]).0, 0);
        let library = h.join("data/saywho/library");
        let mut child = common::bin()
            .env("XDG_CONFIG_HOME", h.join("config"))
            .env("XDG_DATA_HOME", h.join("data"))
            .env("XDG_STATE_HOME", h.join("state"))
            .env("HOME", h)
            .args(["sync", "--timeout", "60"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // the three good pages arrive at once; the stalled one holds the sync open
        let start = std::time::Instant::now();
        while stored(&library).len() < 3 {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the good pages were not stored as they came"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(child.try_wait().unwrap().is_none(), "still waiting on the stalled page");
        std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}: interrupted");
        assert_eq!(stored(&library).len(), 3, "{signal}: the fetched pages are kept");
        // the next sync does only the rest
        s.route("/stalled", Route::html(&page("Late", "Coast News", "Late.")));
        let (code, out, err) = saywho(h, &["sync", "--json"]);
        assert_eq!(code, 0, "{err}");
        let summary: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
        assert_eq!(summary["new"], 1, "{signal}: {summary}");
        assert_eq!(stored(&library).len(), 4, "{signal}");
        assert_eq!(
            s.requests("/g0").len(),
            1,
            "{signal}: a stored page is not fetched again"
        );
    }
}

/// A stalled feed: its timeout bounds all its tries together (the retries after a timeout
/// took two more timeouts, 64 s in the reader), and what failed is named.
#[test]
fn a_stalled_feed_is_tried_within_one_timeout() {
    let s = Server::start();
    s.route(
        "/stalled.xml",
        Route::Slow(
            Duration::from_secs(30),
            Box::new(Route::typed("application/rss+xml", "<rss/>")),
        ),
    );
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert_eq!(saywho(h, &["feed", "add", &s.url("/stalled.xml")]).0, 0);
    let (code, out, err) = saywho(h, &["sync", "--timeout", "2"]);
    assert_ne!(code, 0, "{out}{err}");
    assert!(out.contains("timed out"), "{out}{err}");
    assert_eq!(s.requests("/stalled.xml").len(), 1, "no retry past the timeout");
}

#[test]
fn an_imported_opml_syncs_under_its_folders_and_exports_back() {
    let s = Server::start();
    serve_news(&s);
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let opml = h.join("subscriptions.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>From Miniflux</title></head><body>
  <outline text="Local">
    <outline text="Island">
      <outline type="rss" text="Coast &amp; Sea" xmlUrl="{rss}" htmlUrl="{base}/"/>
    </outline>
  </outline>
  <outline type="rss" text="Coast JSON" xmlUrl="{json}" category="Local,Wire"/>
  <outline type="rss" text="again" xmlUrl="{rss}"/>
  <outline type="rss" text="gopher" xmlUrl="gopher://old.example/feed"/>
</body></opml>"#,
            rss = s.url("/rss.xml"),
            json = s.url("/feed.json"),
            base = s.base
        ),
    )
    .unwrap();
    let (code, out, err) = saywho(h, &["feed", "import", opml.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("imported 2 feeds") && out.contains("1 already here"),
        "{out}"
    );
    assert!(out.contains("skipped line 10: gopher://old.example/feed"), "{out}");
    let (_, list, _) = saywho(h, &["feed", "list", "--json"]);
    let feeds: Vec<Value> = list.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(feeds.len(), 2, "{list}");
    assert_eq!(feeds[0]["name"], "coast-sea");
    assert_eq!(feeds[0]["tags"], serde_json::json!(["Local", "Island"]));
    assert_eq!(feeds[1]["tags"], serde_json::json!(["Local", "Wire"]));

    let (code, _, err) = saywho(h, &["sync", "--timeout", "5"]);
    assert!(code == 0 || code == 3, "{err}");
    // the articles carry their feed's folders: `list --tag` and the reader's `tag:`
    let (_, island, _) = saywho(h, &["list", "--tag", "island", "--json"]);
    let titles: Vec<String> = island
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(titles.iter().any(|t| t == "Bridge reopens early"), "{island}");
    assert!(!titles.iter().any(|t| t == "Harbour gets new crane"), "{island}");
    let (_, wire, _) = saywho(h, &["list", "--tag", "Wire", "--json"]);
    assert!(wire.contains("Harbour gets new crane"), "{wire}");
    let (_, local, _) = saywho(h, &["list", "--tag", "local"]);
    assert!(
        local.contains("Bridge reopens early") && local.contains("Harbour gets new crane"),
        "{local}"
    );

    // export, then import into a second machine: the same feeds
    let (code, exported, _) = saywho(h, &["feed", "export"]);
    assert_eq!(code, 0);
    assert!(
        exported.contains("<opml version=\"2.0\">") && exported.contains("Coast &amp; Sea"),
        "{exported}"
    );
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("from-a.opml");
    std::fs::write(&file, &exported).unwrap();
    let (code, out, err) = saywho(other.path(), &["feed", "import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("imported 2 feeds"), "{out}");
    let (_, back, _) = saywho(other.path(), &["feed", "list", "--json"]);
    let strip = |l: &str| {
        let mut v: Value = serde_json::from_str(l).unwrap();
        v.as_object_mut().unwrap().remove("name");
        v
    };
    let a: Vec<Value> = list.lines().map(strip).collect();
    let b: Vec<Value> = back.lines().map(strip).collect();
    assert_eq!(a.len(), b.len());
    for f in &a {
        let twin = b.iter().find(|g| g["url"] == f["url"]).unwrap();
        assert_eq!(twin["tags"], f["tags"]);
        assert_eq!(twin["html_url"], f["html_url"]);
    }
    // and newsboat's format reads back too
    let (_, urls, _) = saywho(h, &["feed", "export", "--newsboat"]);
    let file = other.path().join("urls");
    std::fs::write(&file, &urls).unwrap();
    let (code, out, _) = saywho(other.path(), &["feed", "import", file.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["added"].as_array().unwrap().len(), 0, "{out}");
    assert_eq!(r["already"].as_array().unwrap().len(), 2, "{out}");
}

#[test]
fn newsboat_reads_the_exported_opml_and_its_own_lists_read_back() {
    if std::process::Command::new("newsboat").arg("-v").output().is_err() {
        eprintln!("skipping: newsboat is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    for (url, tag) in [
        ("https://news.example.org/rss", "News"),
        ("https://tech.example.org/feed", "Tech"),
    ] {
        let (code, _, err) = saywho(h, &["feed", "add", url, "--tag", tag]);
        assert_eq!(code, 0, "{err}");
    }
    let (_, opml, _) = saywho(h, &["feed", "export"]);
    let nb = h.join("nb");
    std::fs::create_dir_all(&nb).unwrap();
    std::fs::write(nb.join("in.opml"), &opml).unwrap();
    let newsboat = |args: &[&str]| {
        std::process::Command::new("newsboat")
            .env("HOME", &nb)
            .env("XDG_CONFIG_HOME", nb.join("config"))
            .env("XDG_DATA_HOME", nb.join("data"))
            .arg("-u")
            .arg(nb.join("urls"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = newsboat(&["-i", nb.join("in.opml").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let urls = std::fs::read_to_string(nb.join("urls")).unwrap();
    assert!(urls.contains("https://news.example.org/rss \"News\""), "{urls}");
    assert!(urls.contains("https://tech.example.org/feed \"Tech\""), "{urls}");
    // newsboat's urls file and its own OPML export read back into saywho
    let other = tempfile::tempdir().unwrap();
    let (code, out, err) = saywho(other.path(), &["feed", "import", nb.join("urls").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("imported 2 feeds"), "{out}");
    let exported = newsboat(&["-e"]);
    let back = other.path().join("back.opml");
    std::fs::write(&back, &exported.stdout).unwrap();
    let (code, out, _) = saywho(other.path(), &["feed", "import", back.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["already"].as_array().unwrap().len(), 2, "{out}");
    let (_, feeds, _) = saywho(other.path(), &["feed", "list", "--json"]);
    assert!(
        feeds.contains("\"tags\":[\"News\"]") && feeds.contains("\"tags\":[\"Tech\"]"),
        "{feeds}"
    );
}
