//! A `sources:` entry of config.yaml:
//!
//! ```yaml
//! sources:
//!   - { id: kubernetes, url: "https://mirror.example/sigs.yaml" }   # a catalog source, moved
//!   - { id: acme, url: "https://acme.example/sigs.yaml", format: kubernetes, community: acme }
//!   - { id: acme-calendar, url: "https://acme.example/basic.ics", format: ical, community: acme }
//! ```

use std::path::Path;

use serde::Deserialize;

use super::{CALENDAR_FORMAT, Kind, Location};
use crate::formats::Format;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSource {
    pub id: String,
    pub url: String,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub community: Option<String>,
}

/// Longest id accepted: it names files in the store.
const MAX_ID: usize = 64;

impl UserSource {
    /// The entry's location, kind (when `format` says) and registry format, or what is wrong
    /// with it.
    pub(super) fn check(
        &self,
        config_dir: &Path,
    ) -> Result<(Location, Option<Kind>, Option<Format>), String> {
        if !is_id(&self.id) {
            return Err(format!(
                "id {:?} must be 1 to {MAX_ID} of a-z, 0-9, '-', '_' or '.', not starting with '.'",
                self.id
            ));
        }
        if let Some(c) = &self.community
            && !is_id(c)
        {
            return Err(format!(
                "community {c:?} is not an id (a-z, 0-9, '-', '_', '.')"
            ));
        }
        let (kind, format) = match &self.format {
            None => (None, None),
            Some(name) if name == CALENDAR_FORMAT => (Some(Kind::Calendar), None),
            Some(name) => (
                Some(Kind::Registry),
                Some(
                    name.parse::<Format>()
                        .map_err(|e| format!("{e}; a calendar is `format: {CALENDAR_FORMAT}`"))?,
                ),
            ),
        };
        let location = Location::parse(&self.url, config_dir)?;
        Ok((location, kind, format))
    }

    /// The id as messages may show it (it may be anything the file holds).
    pub(super) fn shown_id(&self) -> String {
        let id: String = self.id.chars().take(MAX_ID).collect();
        format!("{:?}", id)
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}
