//! Which file gave each part of a group or community, so a user who patched a built-in
//! group can see what their file changed and what still comes from the community's data.

use serde::{Deserialize, Serialize};

/// The files behind one group (or community), part by part. A part is a path into the
/// group as `show --json` writes it (`""` the whole, `mission`, `meetings[0]`,
/// `meetings[0].join`); a part nobody wrote over comes from its nearest recorded parent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Origins {
    parts: Vec<(String, String)>,
}

impl Origins {
    /// Everything from one file.
    pub fn from(file: &str) -> Origins {
        Origins {
            parts: vec![(String::new(), file.to_string())],
        }
    }

    /// `part` (and everything under it) now comes from `file`.
    pub fn set(&mut self, part: &str, file: &str) {
        self.parts.retain(|(p, _)| p != part && !is_under(p, part));
        self.parts.push((part.to_string(), file.to_string()));
    }

    /// `file` added to `part` what it already had (a supplement's extra leads or links).
    pub fn add(&mut self, part: &str, file: &str) {
        let before = self.of(part).to_string();
        if before.split(" + ").any(|f| f == file) {
            return;
        }
        let both = if before.is_empty() {
            file.to_string()
        } else {
            format!("{before} + {file}")
        };
        self.set(part, &both);
    }

    /// Forgets what was recorded under `part` (its items are gone), keeping `part` itself.
    pub fn clear_under(&mut self, part: &str) {
        self.parts.retain(|(p, _)| !is_under(p, part));
    }

    /// The file that gave `part`: its own record, or else its nearest parent's.
    pub fn of(&self, part: &str) -> &str {
        let mut path = part;
        loop {
            if let Some((_, file)) = self.parts.iter().rev().find(|(p, _)| p == path) {
                return file;
            }
            if path.is_empty() {
                return "";
            }
            path = parent(path);
        }
    }
}

/// Whether `part` lies strictly inside `outer` (`meetings[0].join` is in `meetings[0]`
/// and in `meetings`).
fn is_under(part: &str, outer: &str) -> bool {
    if outer.is_empty() {
        return !part.is_empty();
    }
    part.strip_prefix(outer)
        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// `meetings[0].join` → `meetings[0]` → `meetings` → `""`.
fn parent(part: &str) -> &str {
    match part.rfind(['.', '[']) {
        Some(i) => &part[..i],
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_comes_from_its_own_record_or_its_nearest_parent() {
        let mut o = Origins::from("built-in data/x.yaml");
        o.set("meetings[1].join", "fix.yaml");
        assert_eq!(o.of("meetings[1].join"), "fix.yaml");
        assert_eq!(o.of("meetings[1].title"), "built-in data/x.yaml");
        assert_eq!(o.of("meetings[10].join"), "built-in data/x.yaml");
        o.add("leads", "history.yaml");
        o.add("leads", "history.yaml");
        assert_eq!(o.of("leads"), "built-in data/x.yaml + history.yaml");
        o.set("meetings", "other.yaml");
        assert_eq!(
            o.of("meetings[1].join"),
            "other.yaml",
            "a whole list replaced"
        );
        o.set("meetings[0]", "fix.yaml");
        o.clear_under("meetings");
        assert_eq!(o.of("meetings[0]"), "other.yaml");
    }
}
