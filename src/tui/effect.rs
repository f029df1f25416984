//! Side effects `update` asks for, as data, and the thin driver that performs them. Tests
//! look at the Effect; only the running app opens browsers or writes files.

use std::io::Write;
use std::path::Path;

use base64::Engine;

use super::app::App;
use crate::links::{self, Opened};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this URL in a browser (it passed the link policy in `update` already).
    Open(String),
    /// Put this text on the clipboard.
    Copy(String),
    /// Favorites changed: write the state file.
    SaveState,
}

/// Performs `effect` and reports the outcome in the status line.
pub fn perform(effect: Effect, app: &mut App, data_dir: &Path, out: &mut impl Write) {
    app.status = Some(match effect {
        Effect::Open(url) => match links::open(&url) {
            Ok(Opened::Browser(b)) => format!("opened {url} with {b}"),
            Ok(Opened::Desktop) => format!("opened {url}"),
            Err(e) => format!("{e}: {url}  (y copies it)"),
        },
        Effect::Copy(text) => match copy_osc52(out, &text) {
            Ok(()) => format!("copied {text}"),
            Err(e) => format!("could not copy: {e}"),
        },
        Effect::SaveState => match app.state.save(data_dir) {
            Ok(()) => return,
            Err(e) => format!("could not save favorites in {}: {e}", data_dir.display()),
        },
    });
}

/// OSC 52 asks the terminal itself to set the clipboard, which works over SSH and inside
/// tmux (with `set-clipboard on`), where no local clipboard tool could help.
pub fn copy_osc52(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_base64_encoded() {
        let mut out = Vec::new();
        copy_osc52(&mut out, "https://zoom.us/my/cncfserverlesswg").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\x1b]52;c;aHR0cHM6Ly96b29tLnVzL215L2NuY2ZzZXJ2ZXJsZXNzd2c=\x07"
        );
    }
}
