//! What the browser knows of a background sync: one in progress, and one that finished
//! (plain data, shared by the actions, the state and the driver; see `tui::refresh`).

use std::sync::Arc;

use crate::agenda::Calendars;
use crate::model::Registry;
use crate::sources::freshness::Freshness;
use crate::sync::Outcome;

/// A sync in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syncing {
    /// Started by the browser itself rather than by `R`: it reports only what went wrong.
    pub auto: bool,
    pub done: usize,
    pub total: usize,
}

/// The registry loaded again after a sync, with the community calendars attached to it.
#[derive(Debug, Clone)]
pub struct Reloaded {
    pub registry: Registry,
    pub calendars: Calendars,
}

/// What a finished sync brought back to the browser.
#[derive(Debug, Clone)]
pub struct Landed {
    pub outcomes: Vec<Outcome>,
    /// The registry loaded again, or why that failed (the old one stays).
    pub registry: Result<Arc<Reloaded>, String>,
    pub freshness: Freshness,
}

/// Compared by identity: two landings are the same only if they are one.
impl PartialEq for Landed {
    fn eq(&self, other: &Landed) -> bool {
        self.outcomes == other.outcomes
            && self.freshness == other.freshness
            && match (&self.registry, &other.registry) {
                (Ok(a), Ok(b)) => Arc::ptr_eq(a, b),
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

impl Eq for Landed {}
