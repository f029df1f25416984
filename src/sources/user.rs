//! A `sources:` entry of config.yaml:
//!
//! ```yaml
//! sources:
//!   - { id: kubernetes, url: "https://mirror.example/sigs.yaml" }   # a catalog source, moved
//!   - { id: acme, url: "https://acme.example/sigs.yaml", format: kubernetes, community: acme }
//! ```

use std::path::Path;

use serde::Deserialize;

use super::Location;
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
    /// The entry's location and format, or what is wrong with it.
    pub(super) fn check(&self, config_dir: &Path) -> Result<(Location, Option<Format>), String> {
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
        let format = match &self.format {
            None => None,
            Some(name) => Some(name.parse::<Format>()?),
        };
        let location = Location::parse(&self.url, config_dir)?;
        Ok((location, format))
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
