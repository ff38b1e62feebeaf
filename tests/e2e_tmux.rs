//! End to end: the real binary in tmux, driven by send-keys and read by capture-pane, as a
//! person uses it. Skips (saying so) when tmux is not installed, except under CI (`CI` set),
//! where a missing tmux fails: CI installs it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    _state: tempfile::TempDir,
}

impl Tmux {
    /// A private tmux server running an interactive shell, 100×30.
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is not installed, and CI needs these tests"
            );
            eprintln!("skipping: tmux is not installed");
            return None;
        }
        let state = tempfile::tempdir().ok()?;
        let socket = format!("saywho-{name}-{}", std::process::id());
        let t = Tmux { socket, _state: state };
        let env = format!(
            "env -i PATH=/usr/bin:/bin HOME={h} XDG_STATE_HOME={h}/state XDG_CONFIG_HOME={h}/config TERM=xterm-256color PS1='$ ' bash --norc --noprofile",
            h = t._state.path().display()
        );
        let ok = t.tmux(&["new-session", "-d", "-s", "main", "-x", "100", "-y", "30", &env]);
        ok.then_some(t)
    }

    fn home(&self) -> &std::path::Path {
        self._state.path()
    }

    fn tmux(&self, args: &[&str]) -> bool {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .status()
            .is_ok_and(|s| s.success())
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            assert!(self.tmux(&["send-keys", "-t", "main", k]), "send-keys {k}");
        }
    }

    fn literal(&self, text: &str) {
        assert!(self.tmux(&["send-keys", "-t", "main", "-l", text]));
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(["capture-pane", "-p", "-t", "main"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Poll the screen until `pred` holds (30 s at most: a debug build beside the other
    /// journeys on two cores has taken more than 10 s for one step); returns the screen.
    fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_for(what, Duration::from_secs(30), pred)
    }

    /// The same, for work that takes long in a debug build (60 s at most).
    fn wait_long(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_for(what, Duration::from_secs(60), pred)
    }

    fn wait_for(&self, what: &str, limit: Duration, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Start saywho and wait until its quotes are indexed (the list shows at once; links
    /// and people come a moment later).
    /// The screen once it has stopped changing (two captures 60 ms apart agree).
    fn settled(&self) -> String {
        let mut last = self.screen();
        for _ in 0..100 {
            std::thread::sleep(Duration::from_millis(60));
            let now = self.screen();
            if now == last {
                return now;
            }
            last = now;
        }
        last
    }

    fn run_saywho(&self, args: &str) {
        self.literal(&format!("{} {args}", env!("CARGO_BIN_EXE_saywho")));
        self.keys(&["Enter"]);
        self.wait("saywho to start", |s| {
            status(s).contains(" LIST ") || status(s).contains(" READ ")
        });
        self.wait("the quotes", |s| !s.contains("finding quotes"));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn status(screen: &str) -> String {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

#[test]
fn filter_open_scroll_search_quit() {
    let Some(t) = Tmux::start("journey") else { return };
    t.run_saywho("");
    t.wait("the list", |s| s.contains("Articles 3") && s.contains("LIST"));
    t.literal("/indep");
    let s = t.wait("the filter", |s| s.contains("/indep"));
    assert!(status(&s).contains("FILTER"), "{s}");
    t.keys(&["Enter"]);
    t.wait("the list again", |s| status(s).contains("LIST"));
    t.keys(&["Enter"]);
    let s = t.wait("the reader", |s| status(s).contains("READ"));
    assert!(s.contains("The Independent"), "{s}");
    assert!(s.contains("Samuel Osborne"), "{s}");
    t.keys(&["j", "j", "j", "j", "j", "j"]);
    let s = t.wait("scrolled", |s| {
        !s.contains("Russia responds to Michael Flynn's resignation as")
    });
    assert!(s.contains("%"), "{s}");
    t.literal("/peskov");
    let s = t.wait("search", |s| status(s).contains("/peskov"));
    assert!(status(&s).contains("1/"), "{s}");
    t.keys(&["Enter", "n"]);
    t.wait("second match", |s| status(s).contains("\"peskov\" 2/"));
    // a resize keeps the match in use; N twice from the second wraps to the last, saying so
    t.tmux(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    t.wait("resized", |s| {
        s.lines().count() <= 24 && status(s).contains("\"peskov\" 2/")
    });
    t.tmux(&["resize-window", "-t", "main", "-x", "100", "-y", "30"]);
    t.wait("resized back", |s| status(s).contains("\"peskov\" 2/"));
    t.keys(&["N", "N"]);
    t.wait("wrapped", |s| status(s).contains("wrapped to the last match"));
    t.keys(&["q"]);
    // the shell is usable afterwards
    t.literal("echo shell-ok-$((40+2))");
    t.keys(&["Enter"]);
    let s = t.wait("the shell", |s| s.contains("shell-ok-42"));
    assert!(!s.contains("READ "), "screen restored: {s}");
}

#[test]
fn follow_a_link_and_come_back() {
    let Some(t) = Tmux::start("links") else { return };
    t.run_saywho("");
    t.wait("the list", |s| s.contains("Articles 3"));
    // open the CNN article
    t.literal("/reacts");
    t.keys(&["Enter", "Enter"]);
    let s = t.wait("the CNN article", |s| status(s).contains("READ") && s.contains("CNN"));
    assert!(s.contains("Russia reacts to Flynn"), "{s}");
    // the links come with the index: L before them would select nothing
    t.wait("the article's links", |s| status(s).contains("linked"));
    // next link: Kosachev's (CNN shares him and Donald Trump with other articles)
    t.keys(&["L"]);
    let s = t.wait("a link selected", |s| s.contains("[1]"));
    if !s.contains("Konstantin Kosachev [1]") {
        t.keys(&["L"]);
        t.wait("the next link", |s| s.contains("Konstantin Kosachev [2]"));
    }
    let before = t.settled();
    let top_before: String = before.lines().nth(1).unwrap_or("").to_string();
    t.keys(&["Enter"]);
    // lands on his quote of the same statement in The Independent
    t.wait("his quote in The Independent", |s| {
        let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
        s.contains("The Independent ·") && flat.contains("Either Trump hasn’t found")
    });
    t.keys(&["BSpace"]);
    // the reader pane's first line is the same as before following: same scroll position
    let reader = |l: &str| l.split('│').nth(1).unwrap_or("").to_string();
    let want = reader(&top_before);
    assert!(!want.trim().is_empty(), "{before}");
    t.wait("back on CNN at the same place", |s| {
        s.contains(" CNN ·") && reader(s.lines().nth(1).unwrap_or("")) == want
    });
    // people view: filter to kosa, open his quotes, open one
    // (Esc, then p once the screen has settled: an Esc and a p read together are Alt-p)
    t.keys(&["Escape"]);
    t.settled();
    t.keys(&["p"]);
    t.wait("people", |s| s.contains("People quoted"));
    t.literal("/kosa");
    t.keys(&["Enter"]);
    let s = t.wait("filtered", |s| s.contains("People 1/"));
    assert!(s.contains("Konstantin Kosachev"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait("his quotes", |s| s.contains("quotes in 2 articles"));
    assert!(
        s.contains("CNN") && s.contains("The Independent"),
        "grouped by article: {s}"
    );
    t.keys(&["Enter"]);
    t.wait("the article at his quote", |s| status(s).contains("READ"));
    t.keys(&["q"]);
}

impl Tmux {
    fn dir(&self) -> std::path::PathBuf {
        self._state.path().to_path_buf()
    }
}

#[test]
fn marks_stars_and_position_survive_a_restart() {
    let Some(t) = Tmux::start("restart") else { return };
    let sd = t.dir().join("st");
    let args = format!("--state-dir {}", sd.display());
    t.run_saywho(&args);
    t.wait("the list", |s| s.contains("3 unread"));
    t.keys(&["Enter"]); // opens (and marks read) the first article: The Independent
    t.wait("the reader", |s| status(s).contains("READ"));
    t.keys(&["*", "j", "j", "j", "j", "j", "j", "j", "j"]);
    t.wait("starred and scrolled", |s| {
        !s.contains("Russia responds to Michael Flynn's resignation as")
    });
    let before = t.settled();
    let reader = |s: &str| {
        s.lines()
            .skip(1)
            .take(3)
            .map(|l| l.split('│').nth(1).unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    let top_before = reader(&before);
    t.keys(&["q"]);
    t.wait("the shell", |s| s.contains("$ "));
    // again: back in the same article at the same place, with its marks
    t.run_saywho(&args);
    // same article, same reading position
    let after = t.wait("restored", |s| {
        s.contains("2 unread") && status(s).contains("READ") && reader(s) == top_before
    });
    assert!(after.lines().nth(1).unwrap_or("").contains("★"), "starred: {after}");
    t.keys(&["q"]);
    // the CLI sees the same marks
    let list = |flag: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_saywho"))
            .args(["list", flag, "--state-dir", sd.to_str().unwrap()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).lines().count()
    };
    assert_eq!(list("--unread"), 2);
    assert_eq!(list("--starred"), 1);
    // --fresh starts in the list
    t.run_saywho(&format!("{args} --fresh"));
    t.wait("a fresh start", |s| status(s).contains("LIST"));
    t.keys(&["q"]);
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_state() {
    let Some(t) = Tmux::start("panic") else { return };
    let sd = t.dir().join("st");
    t.literal(&format!(
        "SAYWHO_TEST_PANIC_KEY=% {} --state-dir {}",
        env!("CARGO_BIN_EXE_saywho"),
        sd.display()
    ));
    t.keys(&["Enter"]);
    t.wait("the quotes", |s| s.contains(" LIST ") && !s.contains("finding quotes"));
    t.wait("the list", |s| s.contains("3 unread"));
    t.keys(&["j", "Enter"]);
    t.wait("the reader", |s| status(s).contains("READ"));
    t.keys(&["%"]);
    let s = t.wait("the panic message", |s| s.contains("test panic"));
    assert!(!s.contains("READ "), "terminal restored: {s}");
    t.literal("echo after-$((6*7))");
    t.keys(&["Enter"]);
    t.wait("a usable shell", |s| s.contains("after-42"));
    let st = saywho::state::parse(&std::fs::read(sd.join("state.json")).unwrap()).unwrap();
    assert_eq!(
        st.articles.values().filter(|a| a.read).count(),
        1,
        "the read mark was saved"
    );
    assert!(st.session.is_some(), "the session was saved on the way out");
}

/// The pid of the program running in the pane (the shell's child).
fn pane_child(t: &Tmux) -> String {
    let out = Command::new("tmux")
        .args(["-L", &t.socket, "list-panes", "-t", "main", "-F", "#{pane_pid}"])
        .output()
        .unwrap();
    let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn kill_9_keeps_the_session_and_a_lone_read_mark() {
    let Some(t) = Tmux::start("kill") else { return };
    let sd = t.dir().join("st");
    let args = format!("--state-dir {}", sd.display());
    t.run_saywho(&args);
    t.wait("the list", |s| s.contains("3 unread"));
    // `m` on the second article, and nothing else
    t.keys(&["j", "m"]);
    t.wait("marked", |s| s.contains("2 unread"));
    std::thread::sleep(Duration::from_millis(1200)); // idle: the reader saves
    let pid = pane_child(&t);
    assert!(!pid.is_empty());
    assert!(Command::new("kill").args(["-9", &pid]).status().unwrap().success());
    t.wait("the shell", |s| {
        s.contains("Killed") || s.lines().last().unwrap_or("").starts_with("$")
    });
    let st = saywho::state::parse(&std::fs::read(sd.join("state.json")).unwrap()).unwrap();
    assert_eq!(st.articles.values().filter(|a| a.read).count(), 1, "m was saved");
    // open an article, read a little, and kill again: the next start is back there
    t.run_saywho(&args);
    t.wait("the list", |s| s.contains("2 unread"));
    t.keys(&["Enter"]);
    t.wait("the reader", |s| status(s).contains("READ"));
    t.keys(&["j", "j", "j", "j", "j", "j"]);
    let reading = t.settled();
    std::thread::sleep(Duration::from_millis(1200));
    let pid = pane_child(&t);
    assert!(Command::new("kill").args(["-9", &pid]).status().unwrap().success());
    std::thread::sleep(Duration::from_millis(300));
    let st = saywho::state::parse(&std::fs::read(sd.join("state.json")).unwrap()).unwrap();
    let session = st.session.expect("the session was saved before the kill");
    assert!(session.article.is_some() && session.reading, "{session:?}");
    t.keys(&["C-l"]);
    t.run_saywho(&args);
    let top = |s: &str| {
        s.lines()
            .nth(2)
            .and_then(|l| l.split('│').nth(1))
            .unwrap_or("")
            .to_string()
    };
    let want = top(&reading);
    t.wait("back at the same place", |s| {
        status(s).contains("READ") && top(s) == want
    });
    t.keys(&["q"]);
}

/// `R` syncs the feeds in the background and the new articles appear; `o` opens the
/// article's page with $BROWSER; the reader's header shows the address.
#[test]
fn sync_from_the_reader_and_open_in_the_browser() {
    use common::server::{Route, Server};
    let Some(t) = Tmux::start("sync") else { return };
    let s = Server::start();
    for (path, title) in [("/p1", "Tram line opens"), ("/p2", "Library extends hours")] {
        s.route(
            path,
            Route::html(&format!(
                "<html><head><title>{title}</title><meta property=og:site_name content=\"Valley Post\"></head><body><article>\
                 <p>The news of the day is that the {title} story happened, and people in the valley talked about it all week.</p>\
                 <p>“It is a good day for the valley,” said Ruth Mensah, who chairs the residents' group.</p></article></body></html>"
            )),
        );
    }
    s.route(
        "/feed.xml",
        Route::typed(
            "application/rss+xml",
            &format!(
                "<rss version=\"2.0\"><channel><title>Valley Post</title>\
                 <item><title>Tram line opens</title><link>{b}/p1</link></item>\
                 <item><title>Library extends hours</title><link>{b}/p2</link></item></channel></rss>",
                b = s.base
            ),
        ),
    );
    let feeds = t.home().join("config/saywho/feeds.toml");
    std::fs::create_dir_all(feeds.parent().unwrap()).unwrap();
    std::fs::write(
        &feeds,
        format!("[[feed]]\nname = \"valley\"\nurl = \"{}\"\n", s.url("/feed.xml")),
    )
    .unwrap();
    let opened = t.home().join("opened.txt");
    let browser = t.home().join("browser.sh");
    std::fs::write(&browser, format!("#!/bin/sh\necho \"$1\" > {}\n", opened.display())).unwrap();
    std::fs::set_permissions(&browser, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    t.literal(&format!("export BROWSER={}", browser.display()));
    t.keys(&["Enter"]);
    t.run_saywho("");
    t.wait("the bundled corpus", |s| s.contains("Articles 3"));
    t.keys(&["R"]);
    let sc = t.wait("the synced articles", |s| s.contains("synced: 2 new articles"));
    assert!(
        sc.contains("Articles 2"),
        "the library replaced the bundled corpus: {sc}"
    );
    assert!(
        sc.contains("Tram line opens") && sc.contains("Library extends hours"),
        "{sc}"
    );
    t.literal("/tram");
    t.keys(&["Enter", "Enter"]);
    let sc = t.wait("the reader", |s| status(s).contains("READ"));
    assert!(sc.contains("127.0.0.1"), "the address in the header: {sc}");
    t.keys(&["o"]);
    // (the browser writes the file after creating it: wait for what it writes)
    t.wait("the browser", |_| {
        std::fs::read_to_string(&opened).is_ok_and(|u| u.ends_with('\n'))
    });
    let url = std::fs::read_to_string(&opened).unwrap();
    assert!(url.trim().ends_with("/p1"), "{url}");
    // a second R while the place is kept: same article open afterwards; a feed that fails
    // is named in the status line
    std::fs::write(
        &feeds,
        format!(
            "[[feed]]\nname = \"valley\"\nurl = \"{}\"\n\n[[feed]]\nname = \"gone\"\nurl = \"{}\"\n",
            s.url("/feed.xml"),
            s.url("/gone.xml")
        ),
    )
    .unwrap();
    t.keys(&["R"]);
    let sc = t.wait("the second sync", |s| s.contains("synced: 0 new articles"));
    assert!(status(&sc).contains("READ") && sc.contains("Tram line opens"), "{sc}");
    assert!(
        status(&sc).contains("failed: feed gone (HTTP 404"),
        "the failure named: {}",
        status(&sc)
    );
    t.keys(&["q"]);
}

#[test]
fn r_syncs_with_a_feed_server_and_says_what_it_sent_and_received() {
    use common::server::{Route, Server};
    let Some(t) = Tmux::start("account") else { return };
    let s = Server::start();
    s.route(
        "/p9",
        Route::html(
            "<html><head><title>Quake hits coast</title></head><body><article>\
             <p>A quake hit the coast on Monday and shook houses along the bay for a minute.</p>\
             <p>“We felt the whole house move,” said Ines Ortega, who lives by the harbour.</p></article></body></html>",
        ),
    );
    // a Fever server's recorded answer: one item, saved there, unread
    let answer = format!(
        r#"{{"api_version":3,"auth":1,"feeds":[{{"id":4,"title":"Wire","url":"{b}/feed","site_url":"{b}/"}}],
            "groups":[],"feeds_groups":[],
            "items":[{{"id":9,"feed_id":4,"title":"Quake hits coast","url":"{b}/p9","html":"<p>A quake.</p>","is_read":0,"is_saved":1,"created_on_time":1709625600}}],
            "unread_item_ids":"9","saved_item_ids":"9"}}"#,
        b = s.base
    );
    s.route("/fever/", Route::typed("application/json", &answer));
    // the account, added as a person would (the reader's shell has the same folders)
    let h = t.home();
    let (code, _, err) = common::output(
        common::bin()
            .env_remove("XDG_DATA_HOME")
            .env("HOME", h)
            .env("XDG_CONFIG_HOME", h.join("config"))
            .env("XDG_STATE_HOME", h.join("state"))
            .env("SAYWHO_PASSWORD", "a password")
            .args(["account", "add", "fever", &s.url("/fever/"), "--user", "me@example.com"]),
    );
    assert_eq!(code, 0, "{err}");
    t.run_saywho("");
    t.wait("the bundled corpus", |s| s.contains("Articles 3"));
    t.keys(&["R"]);
    let sc = t.wait("the sync", |s| s.contains("synced: 1 new article"));
    assert!(status(&sc).contains("0 marks sent, 1 mark received"), "{}", status(&sc));
    let row = sc.lines().find(|l| l.contains("Quake hits coast")).unwrap_or_default();
    assert!(row.contains('★'), "starred from the server: {sc}");
    // unstar it here: the next R sends that
    t.keys(&["*"]);
    t.wait("the star gone", |s| {
        s.lines().any(|l| l.contains("Quake hits coast") && !l.contains('★'))
    });
    t.keys(&["R"]);
    let sc = t.wait("the second sync", |s| s.contains("synced: 0 new articles"));
    assert!(status(&sc).contains("1 mark sent, 0 marks received"), "{}", status(&sc));
    t.keys(&["q"]);
}

#[test]
fn search_every_article_then_a_file_arrives() {
    let Some(t) = Tmux::start("find") else { return };
    let dir = t.home().join("news");
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for e in std::fs::read_dir(&corpus).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    t.run_saywho(&dir.display().to_string());
    t.wait("the list", |s| s.contains("Articles 3"));
    // F: search the text of every article; the word is in two of them
    t.keys(&["F"]);
    t.wait("the search overlay", |s| s.contains("Search every article"));
    t.literal("russophobia");
    let s = t.wait("results", |s| s.matches("Russophobia").count() >= 2);
    assert!(!s.contains("no article matches"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait("the article at the match", |s| {
        status(s).contains("READ") && status(s).contains("\"russophobia\" 1/")
    });
    assert!(s.to_lowercase().contains("russophobia"), "the match is on screen: {s}");
    // a file written into the folder appears in place; the article stays open
    std::fs::write(
        dir.join("zz-new.txt"),
        "Harbour ferry returns\n\n“We are back on the water,” said Jane Okafor, the ferry's captain.\n",
    )
    .unwrap();
    let s = t.wait("the new article", |s| {
        s.contains("Articles 4") && s.contains("1 article added")
    });
    assert!(status(&s).contains("READ"), "still reading: {s}");
    t.keys(&["Tab"]);
    t.literal("/harbour");
    t.keys(&["Enter", "Enter"]);
    t.wait("the new article open", |s| s.contains("Jane Okafor"));
    // and one removed goes
    std::fs::remove_file(dir.join("zz-new.txt")).unwrap();
    t.wait("it is gone", |s| s.contains("1 article removed"));
    t.keys(&["q"]);
}

/// A state folder saywho cannot write to, undone on drop: read-only (`chattr +i`, which
/// holds for root too) or full (a tiny tmpfs, filled). None when this machine cannot make
/// one (not root, no chattr, no mount).
struct Unwritable {
    dir: std::path::PathBuf,
    full: bool,
}

impl Unwritable {
    fn new(dir: std::path::PathBuf, full: bool) -> Option<Unwritable> {
        std::fs::create_dir_all(&dir).ok()?;
        let u = Unwritable { dir, full };
        let ok = if full {
            Command::new("mount")
                .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
                .arg(&u.dir)
                .status()
                .is_ok_and(|s| s.success())
                && {
                    // fill it: writes of new data then fail with "no space left"
                    let _ = std::fs::write(u.dir.join("filler"), vec![b'x'; 128 * 1024]);
                    // and the last pages, a byte each
                    (0..64)
                        .take_while(|i| std::fs::write(u.dir.join(format!("f{i}")), b"x").is_ok())
                        .count();
                    true
                }
        } else {
            Command::new("chattr")
                .arg("+i")
                .arg(&u.dir)
                .status()
                .is_ok_and(|s| s.success())
        };
        let probe = std::fs::write(u.dir.join("probe.json"), b"{}").is_err();
        if !ok || !probe {
            let what = if full { "a full tmpfs" } else { "a read-only folder" };
            eprintln!("skipping: cannot make {what} here (needs root)");
            return None;
        }
        Some(u)
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        if self.full {
            let _ = Command::new("umount").arg(&self.dir).status();
        } else {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).status();
        }
    }
}

/// Marks made with a state folder that cannot be written: the status line says so once,
/// and on quit saywho says where it wrote them instead; importing that file brings them
/// back.
#[test]
fn an_unwritable_state_folder_loses_no_marks() {
    for full in [false, true] {
        let Some(t) = Tmux::start(if full { "full" } else { "readonly" }) else {
            return;
        };
        let Some(u) = Unwritable::new(t.dir().join("st"), full) else {
            continue;
        };
        t.run_saywho(&format!("--state-dir {}", u.dir.display()));
        t.keys(&["Enter"]);
        t.wait("the reader", |s| status(s).contains("READ"));
        t.keys(&["*"]);
        t.wait(&format!("the warning (full={full})"), |s| {
            status(s).contains("marks not saved")
        });
        t.keys(&["q"]);
        let screen = t.wait("the note on quit", |s| s.contains("instead"));
        let flat = screen.replace('\n', "");
        let file = flat
            .split("written to ")
            .nth(1)
            .and_then(|r| r.split(" instead").next())
            .expect("the fallback file is named")
            .trim()
            .to_string();
        let good = t.dir().join("good");
        let run = |args: &[&str]| {
            let o = Command::new(env!("CARGO_BIN_EXE_saywho"))
                .args(args)
                .arg("--state-dir")
                .arg(&good)
                .output()
                .unwrap();
            String::from_utf8_lossy(&o.stdout).into_owned()
        };
        run(&["state", "import", &file]);
        assert_eq!(run(&["list", "--starred"]).lines().count(), 1, "full={full}: {screen}");
        assert_eq!(run(&["list", "--unread"]).lines().count(), 2, "full={full}");
        let _ = std::fs::remove_file(&file);
        drop(u);
    }
}

/// A large article (4 MB, 25,000 quotes) does not hold the reader: while its quotes are
/// still being found, a key moves the selection (it waited until the article was done,
/// seconds, and a paragraph's speaker line read every quote of the article).
#[test]
fn keys_answer_while_a_large_article_is_read() {
    let Some(t) = Tmux::start("large") else { return };
    let dir = large_articles(&t);
    t.literal(&format!(
        "{} --cache-dir {} --state-dir {} {}",
        env!("CARGO_BIN_EXE_saywho"),
        t.dir().join("cache").display(),
        t.dir().join("st").display(),
        dir.display()
    ));
    t.keys(&["Enter"]);
    t.wait_long("the list while quotes are found", |s| {
        status(s).contains("LIST") && status(s).contains("finding quotes")
    });
    t.keys(&["j"]);
    let s = t.wait_long("the key", |s| status(s).contains("2/2"));
    assert!(
        status(&s).contains("finding quotes"),
        "the key was handled before the quotes were found: {}",
        status(&s)
    );
    t.wait_long("the quotes", |s| !status(s).contains("finding quotes"));
    t.keys(&["q"]);
}

/// A folder of a 4 MB article (25,000 quotes) and a small one.
fn large_articles(t: &Tmux) -> std::path::PathBuf {
    let dir = t.dir().join("big");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("big.txt"), saywho::synth::council_article(4_000_000)).unwrap();
    std::fs::write(
        dir.join("small.txt"),
        "Small article\n\nThe council met. \"It is fine,\" said Ann Lee.\n",
    )
    .unwrap();
    dir
}

/// Warm start on a large article: the reader shows a placeholder while a worker lays the
/// article out, and a key is handled before the layout is in (it was made on the input
/// thread, so the first frame and every key waited for it).
#[test]
fn a_large_article_is_laid_out_while_keys_answer() {
    let Some(t) = Tmux::start("layout") else { return };
    let dir = large_articles(&t);
    let run = format!(
        "{} --cache-dir {} --state-dir {} {}",
        env!("CARGO_BIN_EXE_saywho"),
        t.dir().join("cache").display(),
        t.dir().join("st").display(),
        dir.display()
    );
    // the first run finds the quotes and caches them
    t.literal(&run);
    t.keys(&["Enter"]);
    t.wait_long("quotes found and the article laid out", |s| {
        s.contains("on day 0 to discuss") && !status(s).contains("finding quotes") && !status(s).contains("laying out")
    });
    t.keys(&["q"]);
    t.wait("the shell", |s| status(s).starts_with('$'));
    // warm: the list and a placeholder at once, a key answered while the worker works
    t.literal(&run);
    t.keys(&["Enter"]);
    t.wait_long("the placeholder", |s| s.contains("Laying out this article"));
    t.keys(&["s"]);
    let s = t.wait_long("the key", |s| status(s).contains("sorted by"));
    assert!(
        s.contains("Laying out this article"),
        "the key was handled before the layout was in:\n{s}"
    );
    t.wait_long("the article", |s| {
        s.contains("on day 0 to discuss") && !status(s).contains("laying out")
    });
    t.keys(&["q"]);
}
