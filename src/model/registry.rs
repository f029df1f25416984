//! Everything loaded, as the CLI, the browser and the exports read it.

use std::collections::HashMap;

use super::group::{Community, Group};
use super::origins::Origins;

/// Every loaded community and group, in load order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub communities: Vec<Community>,
    pub groups: Vec<Group>,
    /// Which file gave each part of each group, by group id (`show --sources`).
    pub origins: HashMap<String, Origins>,
    /// The same for each community, by community id.
    pub community_origins: HashMap<String, Origins>,
}

impl Registry {
    pub fn community(&self, id: &str) -> Option<&Community> {
        self.communities.iter().find(|c| c.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.id == id)
    }
}
