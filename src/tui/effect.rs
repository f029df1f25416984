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
    /// Write this group's meetings as an .ics file in the data folder.
    Export(String),
    /// Sync the sources on a background thread (`tui::background` runs it).
    Sync,
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
        Effect::Export(id) => export(app, &id, data_dir),
        // Started by the driver, which owns the thread and the channel back (tui::background).
        Effect::Sync => return,
        Effect::SaveState => match app.state.save(data_dir) {
            Ok(()) => return,
            Err(e) => format!("could not save favorites in {}: {e}", data_dir.display()),
        },
    });
}

/// Writes `<data>/<group id>.ics` and says where, and what was left out.
fn export(app: &App, id: &str, data_dir: &Path) -> String {
    let Some(group) = app.registry.group(id) else {
        return format!("no group {id}");
    };
    let export = crate::ics::export(&[group], app.now);
    let path = data_dir.join(format!("{id}.ics"));
    let written =
        std::fs::create_dir_all(data_dir).and_then(|()| std::fs::write(&path, &export.text));
    match (written, export.skipped.len()) {
        (Err(e), _) => format!("could not write {}: {e}", path.display()),
        (Ok(()), 0) => format!("wrote {}", path.display()),
        (Ok(()), n) => format!(
            "wrote {} ({n} meeting(s) without a readable time left out)",
            path.display()
        ),
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
