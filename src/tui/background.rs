//! The driver's half of a background sync: a thread that syncs the sources, loads the
//! registry again and sends what happened back over a channel, which the event loop turns
//! into actions between keystrokes.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use jiff::Timestamp;

use crate::sources::Source;
use crate::sources::freshness::Freshness;
use crate::sources::store::Store;
use crate::sync::{Settings, sync};

use super::action::Action;
use super::syncing::{Landed, Reloaded};

/// What the browser needs to sync by itself, as the command line set it up.
#[derive(Clone)]
pub struct Background {
    pub sources: Vec<Source>,
    pub store: Store,
    pub settings: Settings,
    /// `--offline` or `TOWNHALL_OFFLINE`.
    pub offline: bool,
    /// Loads the registry again the way the command line did (synced copies included).
    pub reload: Arc<dyn Fn() -> Result<Reloaded, String> + Send + Sync>,
}

impl Background {
    pub fn freshness(&self) -> Freshness {
        Freshness::of(&self.store, &self.sources)
    }

    /// Starts the sync; its progress and its end arrive on `actions`.
    pub fn start(&self, now: Timestamp, actions: Sender<Action>) {
        let job = self.clone();
        std::thread::spawn(move || {
            let total = job.sources.len();
            let done = AtomicUsize::new(0);
            let _ = actions.send(Action::SyncProgress { done: 0, total });
            let progress = actions.clone();
            let landed = move |_: &crate::sync::Outcome| {
                let done = done.fetch_add(1, Ordering::SeqCst) + 1;
                let _ = progress.send(Action::SyncProgress { done, total });
            };
            // Sender is Send but not Sync; the callback is shared by the sync's threads.
            let landed = std::sync::Mutex::new(landed);
            let outcomes = sync(&job.sources, &job.store, &job.settings, now, &|o| {
                if let Ok(f) = landed.lock() {
                    f(o);
                }
            });
            let registry = (job.reload)().map(Arc::new);
            let _ = actions.send(Action::SyncLanded(Box::new(Landed {
                outcomes,
                registry,
                freshness: job.freshness(),
            })));
        });
    }
}
