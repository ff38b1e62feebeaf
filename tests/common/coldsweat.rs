//! A real Fever server for tests and benches: coldsweat (Flask + SQLite, from PyPI) in a
//! venv made once under the target folder, or the one `$SAYWHO_COLDSWEAT` names.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const EMAIL: &str = "reader@example.com";
pub const PASSWORD: &str = "correct-horse-battery";

/// coldsweat's executable: `$SAYWHO_COLDSWEAT`, else a venv made (once) under the target
/// folder with pip. None when that cannot be done here.
pub fn coldsweat() -> Option<PathBuf> {
    static MADE: Mutex<Option<Option<PathBuf>>> = Mutex::new(None);
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = made.as_ref() {
        return p.clone();
    }
    let found = (|| {
        if let Some(p) = std::env::var_os("SAYWHO_COLDSWEAT") {
            return Some(PathBuf::from(p));
        }
        let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("coldsweat-venv");
        let exe = venv.join("bin/coldsweat");
        if exe.exists() {
            return Some(exe);
        }
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
            && Command::new(venv.join("bin/pip"))
                .args(["install", "-q", "coldsweat==0.10.2"])
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
        (ok && exe.exists()).then_some(exe)
    })();
    *made = Some(found.clone());
    found
}

pub fn coldsweat_or_skip() -> Option<PathBuf> {
    let c = coldsweat();
    if c.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "coldsweat could not be installed (python3 -m venv, pip install coldsweat), and CI needs these tests"
        );
        eprintln!("skipping: coldsweat could not be installed (python3 -m venv and pip are needed)");
    }
    c
}

/// A running coldsweat, its database in a temp folder; killed when dropped.
pub struct Cold {
    exe: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    child: Option<Child>,
}

impl Cold {
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.exe);
        c.env(
            "FLASK_DATABASE_URL",
            format!("sqlite:///{}", self.dir.path().join("coldsweat.db").display()),
        )
        .env("FLASK_SECRET_KEY", "a secret for tests")
        .current_dir(self.dir.path())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        c
    }

    pub fn new(exe: PathBuf, opml: &str) -> Cold {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("feeds.opml"), opml).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut c = Cold {
            exe,
            dir,
            port,
            child: None,
        };
        for args in [
            vec!["setup", EMAIL, "-p", PASSWORD],
            vec!["import", "feeds.opml", EMAIL],
            vec!["fetch"],
        ] {
            let st = c.cmd(&args).status().unwrap();
            assert!(st.success(), "coldsweat {args:?} failed");
        }
        c.start();
        c
    }

    pub fn start(&mut self) {
        let port = self.port.to_string();
        self.child = Some(self.cmd(&["run", "-h", "127.0.0.1", "-p", &port]).spawn().unwrap());
        let t = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(t.elapsed() < Duration::from_secs(30), "coldsweat did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/fever/", self.port)
    }

    /// A Fever call, as another client of the server makes it.
    pub fn api(&self, query: &str, form: &[(&str, &str)]) -> Value {
        let key = saywho::library::remote::fever::api_key(EMAIL, PASSWORD);
        let mut all = vec![("api_key", key.as_str())];
        all.extend_from_slice(form);
        let mut r = ureq::post(&format!("{}?api&{query}", self.url()))
            .send_form(all)
            .unwrap();
        serde_json::from_slice(&r.body_mut().read_to_vec().unwrap()).unwrap()
    }

    pub fn ids(&self, which: &str) -> Vec<u64> {
        let v = self.api(which, &[]);
        let mut ids: Vec<u64> = v[which]
            .as_str()
            .unwrap_or("")
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect();
        ids.sort_unstable();
        ids
    }
}

impl Drop for Cold {
    fn drop(&mut self) {
        self.stop();
    }
}
