//! Whole-process measurement shared by the benches: wall time around spawn..wait and the
//! child's own peak memory from wait4's rusage.

use std::process::Command;
use std::time::Instant;

/// Run `cmd` (its stdio already set) and return (wall ms, max RSS KiB), or None when it
/// could not start or exited with a status other than 0 or 3 (3: some input skipped).
pub fn measure(cmd: &mut Command) -> Option<(f64, i64)> {
    let start = Instant::now();
    let child = cmd.spawn().ok()?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    if r != pid || !libc::WIFEXITED(status) || !matches!(libc::WEXITSTATUS(status), 0 | 3) {
        return None;
    }
    Some((ms, usage.ru_maxrss))
}
