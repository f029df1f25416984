//! Kubernetes' `sigs.yaml`: the file kubernetes/community generates every SIG, working group
//! and committee README from, and that KubeVirt, Cilium and operator-framework copied.
//!
//! The shape follows the Go structs of kubernetes/community's `generator/app.go`; the other
//! projects' copies are looser (missing keys, `day: Thu`, `time: 2:30 PM`), so everything is
//! read leniently and what can't be used is named in a warning.
//!
//! Links the file only implies are built the way the generator's README templates build
//! them (Slack channel pages, GitHub team pages, group folders), but only where the
//! community is known: a Slack workspace or a repository is never guessed for a file that
//! doesn't say where it lives.
//!
//! Two keys are known and deliberately not shown: `gb_rep` (the governing-board
//! representative, a foundation role rather than a group's) and `label` (the GitHub label
//! the generator checks against the folder name; townhall has no use for it).

mod contact;
mod group;
mod meetings;
mod people;
mod subprojects;
#[cfg(test)]
mod tests;
mod upstream;

use super::{Converted, Origin, Reader, Written};
use crate::model::{Community, CommunityFile, Group, GroupKind};
use crate::yaml::node::{Node, Value};
use upstream::Upstream;

/// The four group lists, in the order the generator lists them.
const KINDS: [Kind; 4] = [
    Kind {
        key: "sigs",
        kind: GroupKind::Sig,
        dir_prefix: "sig",
        what: "a SIG",
    },
    Kind {
        key: "workinggroups",
        kind: GroupKind::WorkingGroup,
        dir_prefix: "wg",
        what: "a working group",
    },
    Kind {
        key: "usergroups",
        kind: GroupKind::UserGroup,
        dir_prefix: "ug",
        what: "a user group",
    },
    Kind {
        key: "committees",
        kind: GroupKind::Committee,
        dir_prefix: "committee",
        what: "a committee",
    },
];

/// The top-level keys the generator reads (`gb_rep` only for the governing-board list).
const TOP_LEVEL: &[&str] = &[
    "sigs",
    "workinggroups",
    "usergroups",
    "committees",
    "gb_rep",
];

/// One of the four lists and how its groups are named.
#[derive(Debug, Clone, Copy)]
struct Kind {
    key: &'static str,
    kind: GroupKind,
    /// What the generator puts before a group's name to make its folder (`sig-cli`).
    dir_prefix: &'static str,
    /// How messages name one group of the list.
    what: &'static str,
}

/// One walk over the file: the reader collecting warnings, what is known about the
/// community, and the meeting-time tally for the summary warning.
struct Conversion<'f> {
    reader: Reader<'f>,
    upstream: Upstream,
    /// Meetings as published, before any is split into one per schedule.
    meetings_published: usize,
    meetings_unreadable: usize,
}

pub fn convert(mut reader: Reader, root: &Node, origin: &Origin) -> Converted {
    let is_map = matches!(root.value, Value::Map(_));
    if !is_map || KINDS.iter().all(|k| root.get(k.key).is_none()) {
        reader.error(
            root.pos,
            "no `sigs`, `workinggroups`, `usergroups` or `committees` list, so this is not a \
             Kubernetes-style sigs.yaml townhall can read",
        );
        return Converted {
            problems: reader.into_problems(),
            ..Converted::default()
        };
    }
    reader.keys(root, "a sigs.yaml", TOP_LEVEL);
    let upstream = Upstream::new(root, origin, reader.file());
    let mut conversion = Conversion {
        reader,
        upstream,
        meetings_published: 0,
        meetings_unreadable: 0,
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut written: Vec<Written> = Vec::new();
    for kind in KINDS {
        for item in conversion.reader.list(root, kind.key) {
            let tally = (
                conversion.meetings_published,
                conversion.meetings_unreadable,
            );
            let Some((group, at)) = conversion.group(item, kind) else {
                continue;
            };
            if groups.iter().any(|g| g.id == group.id) {
                // Its meetings are not shown, so they don't count in the summary either.
                (
                    conversion.meetings_published,
                    conversion.meetings_unreadable,
                ) = tally;
                conversion.reader.warn(
                    item.pos,
                    format!(
                        "another group already has the id `{}` (the same `dir`); ignored",
                        group.id
                    ),
                );
                continue;
            }
            groups.push(group);
            written.push(at);
        }
    }
    conversion.summarize(root);
    let Conversion {
        reader, upstream, ..
    } = conversion;
    let community = Community {
        id: upstream.community.clone(),
        name: upstream.name.clone(),
        // Kubernetes' own numeronym, for the list's community column.
        short: (upstream.community == "kubernetes").then(|| "K8s".to_string()),
        ..Community::default()
    };
    Converted {
        file: Some(CommunityFile { community, groups }),
        problems: reader.into_problems(),
        written,
    }
}

impl Conversion<'_> {
    /// One warning for the whole file, so a maintainer sees at a glance how much of it
    /// townhall can place on a calendar.
    fn summarize(&mut self, root: &Node) {
        if self.meetings_unreadable > 0 {
            let message = format!(
                "{} of {} meeting times could not be read; they are shown as published",
                self.meetings_unreadable, self.meetings_published
            );
            self.reader.warn(root.pos, message);
        }
    }
}
