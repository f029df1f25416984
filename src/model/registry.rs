//! Everything loaded, as the CLI, the browser and the exports read it.

use super::group::{Community, Group};

/// Every loaded community and group, in load order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub communities: Vec<Community>,
    pub groups: Vec<Group>,
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
