//! Reading state under stress: kill -9 mid-save, corrupt files, two writers at once.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

use std::process::{Command, Stdio};
use std::time::Duration;

fn saywho() -> Command {
    Command::new(env!("CARGO_BIN_EXE_saywho"))
}

/// All ten entries of a save-loop prefix carry one generation: the file is a whole state.
fn generations(dir: &std::path::Path, prefix: &str) -> Vec<String> {
    let bytes = std::fs::read(dir.join("state.json")).expect("state file");
    let st = saywho::state::parse(&bytes).unwrap_or_else(|e| panic!("state file does not parse: {e}"));
    let mut g: Vec<String> = (0..10)
        .filter_map(|k| st.articles.get(&format!("{prefix}-{k}")).map(|a| a.title.clone()))
        .collect();
    g.dedup();
    g
}

#[test]
fn sigkill_in_a_save_loop_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for round in 0..25u64 {
        let mut child = saywho()
            .args([
                "state",
                "save-loop",
                "--prefix",
                "k",
                "--count",
                "1000000",
                "--state-dir",
            ])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + (round * 7) % 60));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if !dir.path().join("state.json").exists() {
            continue; // killed before the first save
        }
        let g = generations(dir.path(), "k");
        assert_eq!(g.len(), 1, "round {round}: a torn state {g:?}");
        seen.insert(g[0].clone());
    }
    assert!(seen.len() > 3, "the loop did save many generations: {seen:?}");
}

#[test]
fn two_writers_keep_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let spawn = |p: &str| {
        saywho()
            .args(["state", "save-loop", "--prefix", p, "--count", "150", "--state-dir"])
            .arg(dir.path())
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn("a"), spawn("b"));
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    assert_eq!(generations(dir.path(), "a"), ["generation 149"]);
    assert_eq!(generations(dir.path(), "b"), ["generation 149"]);
}

#[test]
fn corrupt_state_is_moved_aside_and_the_app_starts() {
    let cases: [&[u8]; 4] = [
        b"\x8f\x00\x13random bytes\xff",
        b"{\"version\":1,\"articles\":{\"ab\":{\"read\":tr",
        b"{\"version\":7,\"articles\":{}}",
        b"{\"articles\":{}}",
    ];
    for bad in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("state.json"), bad).unwrap();
        let out = saywho()
            .args(["state", "export", "--state-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("was unreadable") && err.contains("moved it aside"),
            "{err}"
        );
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read(aside[0].path()).unwrap(), bad);
        // the reader starts too
        std::fs::write(dir.path().join("state.json"), bad).unwrap();
        let st = saywho()
            .args(["--headless", "--exit-after-first-frame", "--state-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    }
}

#[test]
fn a_read_only_state_dir_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let mut p = std::fs::metadata(&ro).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut p, 0o555);
    std::fs::set_permissions(&ro, p).unwrap();
    if std::fs::write(ro.join("probe"), b"x").is_ok() {
        eprintln!("skipping: running as a user who can write anywhere (root)");
        return;
    }
    let out = saywho()
        .args(["state", "import", "/dev/null", "--state-dir"])
        .arg(&ro)
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn export_import_moves_marks() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let out = saywho()
        .args(["state", "save-loop", "--prefix", "x", "--count", "3", "--state-dir"])
        .arg(a.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let export = saywho()
        .args(["state", "export", "--json", "--state-dir"])
        .arg(a.path())
        .output()
        .unwrap();
    let file = a.path().join("export.json");
    std::fs::write(&file, &export.stdout).unwrap();
    let imp = saywho()
        .args(["state", "import"])
        .arg(&file)
        .arg("--state-dir")
        .arg(b.path())
        .output()
        .unwrap();
    assert!(imp.status.success(), "{}", String::from_utf8_lossy(&imp.stderr));
    assert_eq!(generations(b.path(), "x"), ["generation 2"]);
}
