//! What townhall remembers of one source between runs, as small JSON beside its synced copy:
//! when it last synced and what the server said about the version it sent (so the next sync
//! can ask "changed since?"), how many groups it held, and the last failure.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Unknown keys are ignored and missing ones take defaults, so a file written by another
/// townhall version still reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub synced: Option<Synced>,
    /// The last sync that failed, when it is newer than the last that worked.
    pub failure: Option<Failure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Synced {
    /// When the copy was last confirmed current (fetched, or answered "not modified").
    pub at: Timestamp,
    /// When its content last changed.
    pub changed: Timestamp,
    /// Where it was fetched from.
    pub url: String,
    pub groups: usize,
    /// A calendar's events (its `groups` are 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<usize>,
    /// The validators of each document, the directory page first.
    #[serde(default)]
    pub documents: Vec<Validators>,
}

/// What a server said identifies the version it sent (RFC 9110 validators).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// `""` for the source's own URL, else the link relative to it (`../TOC.md`).
    pub link: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub at: Timestamp,
    pub reason: String,
}

impl State {
    pub fn validators(&self, link: &str) -> Option<&Validators> {
        self.synced
            .as_ref()?
            .documents
            .iter()
            .find(|v| v.link == link)
    }
}
