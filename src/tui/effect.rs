//! Side effects `update` asks for, as data, and the thin driver that performs them and
//! reports how it went. Tests look at the Effect; only the running app opens browsers or
//! writes files.

use std::io::Write;
use std::path::Path;

use base64::Engine;

use crate::links::{self, Opened};
use crate::state::State;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open this URL in a browser (it passed the link policy in `update` already).
    Open(String),
    /// Put this text on the clipboard.
    Copy(String),
    /// Favorites changed: write this state file.
    SaveState(State),
    /// Write `text` as `file` in the data folder (a calendar export, `skipped` meetings
    /// left out).
    Write {
        file: String,
        text: String,
        skipped: usize,
    },
}

/// How an effect went, reported back to `update` as [`super::action::Action::Done`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Opened { url: String, with: Option<String> },
    NotOpened { url: String, error: String },
    Copied(String),
    NotCopied(String),
    Wrote { path: String, skipped: usize },
    NotWritten { path: String, error: String },
    Saved,
    NotSaved { dir: String, error: String },
}

/// Performs `effect`; the outcome goes back through `update`, which says it.
pub fn perform(effect: Effect, data_dir: &Path, out: &mut impl Write) -> Outcome {
    match effect {
        Effect::Open(url) => match links::open(&url) {
            Ok(Opened::Browser(b)) => Outcome::Opened { url, with: Some(b) },
            Ok(Opened::Desktop) => Outcome::Opened { url, with: None },
            Err(error) => Outcome::NotOpened { url, error },
        },
        Effect::Copy(text) => match copy_osc52(out, &text) {
            Ok(()) => Outcome::Copied(text),
            Err(e) => Outcome::NotCopied(e.to_string()),
        },
        Effect::Write {
            file,
            text,
            skipped,
        } => {
            let path = data_dir.join(file);
            let written =
                std::fs::create_dir_all(data_dir).and_then(|()| std::fs::write(&path, text));
            let path = path.display().to_string();
            match written {
                Ok(()) => Outcome::Wrote { path, skipped },
                Err(e) => Outcome::NotWritten {
                    path,
                    error: e.to_string(),
                },
            }
        }
        Effect::SaveState(state) => match state.save(data_dir) {
            Ok(()) => Outcome::Saved,
            Err(e) => Outcome::NotSaved {
                dir: data_dir.display().to_string(),
                error: e.to_string(),
            },
        },
    }
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
