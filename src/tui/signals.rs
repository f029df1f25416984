//! SIGTERM, SIGHUP and SIGINT while the browser runs: without a handler they kill townhall
//! with the terminal still raw, on the alternate screen, with the cursor hidden and the mouse
//! captured (Ctrl-C typed at the keyboard is a key in raw mode; these come from `kill`, a
//! closed terminal or a supervisor). Caught, they end the event loop as `q` does, so the
//! terminal is restored and the state saved on the way out. A second one while the first is
//! being handled gets the default action, so a stuck townhall can still be stopped.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::flag;

/// The handlers stay for the rest of the process: after the browser only the state is saved,
/// and a second signal still gets the default action.
pub struct Signals {
    caught: Arc<AtomicBool>,
}

impl Signals {
    pub fn catch() -> io::Result<Signals> {
        let caught = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            // Registered first, so it sees the flag as it was before this signal set it.
            flag::register_conditional_default(signal, Arc::clone(&caught))?;
            flag::register(signal, Arc::clone(&caught))?;
        }
        Ok(Signals { caught })
    }

    /// Whether one of the signals arrived: time to leave as `q` does.
    pub fn caught(&self) -> bool {
        self.caught.load(Ordering::Relaxed)
    }
}
