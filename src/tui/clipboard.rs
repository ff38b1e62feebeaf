//! Copies: to the terminal's clipboard through OSC 52 (works over ssh and in tmux with
//! `set-clipboard on`, nothing to install) and, on a desktop, to the system clipboard
//! through `arboard` as well, for terminals that ignore OSC 52. Over ssh the system
//! clipboard would be the remote machine's, so only OSC 52 is used there.

use std::io::Write;

#[derive(Default)]
pub struct Clipboard {
    /// The system clipboard, opened on the first copy (None: none here, or it failed).
    desktop: Option<arboard::Clipboard>,
    opened: bool,
}

impl Clipboard {
    /// Copy `text`; a system-clipboard failure comes back as a message (OSC 52 gives no
    /// answer, so it cannot fail visibly).
    pub fn copy(&mut self, text: &str) -> Option<String> {
        copy_osc52(text);
        if !has_desktop() {
            return None;
        }
        if !self.opened {
            self.opened = true;
            self.desktop = arboard::Clipboard::new().ok();
        }
        let c = self.desktop.as_mut()?;
        c.set_text(text)
            .err()
            .map(|e| format!("copied through the terminal only (system clipboard: {e})"))
    }
}

/// Whether a system clipboard of this machine is the user's: not over ssh, and on Linux
/// and the BSDs only with a display.
fn has_desktop() -> bool {
    let var = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if var("SSH_CONNECTION") || var("SSH_TTY") {
        return false;
    }
    cfg!(any(target_os = "macos", target_os = "windows")) || var("DISPLAY") || var("WAYLAND_DISPLAY")
}

/// The OSC 52 sequence that sets the terminal's clipboard to `text`.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{b64}\x07")
}

fn copy_osc52(text: &str) {
    let mut out = std::io::stdout();
    let _ = out.write_all(osc52(text).as_bytes());
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(super::osc52("Peskov: “no”"), "\x1b]52;c;UGVza292OiDigJxub+KAnQ==\x07");
    }
}
