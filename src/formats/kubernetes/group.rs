//! One SIG, working group, user group or committee.

use super::meetings::Owner;
use super::upstream::slug;
use super::{Conversion, Kind};
use crate::formats::Written;
use crate::model::{Group, GroupKind, Link, LinkKind};
use crate::yaml::node::{Node, Value};

const GROUP: &[&str] = &[
    "dir",
    "name",
    "mission_statement",
    "charter_link",
    "stakeholder_sigs",
    "label",
    "leadership",
    "meetings",
    "contact",
    "subprojects",
];

impl Conversion<'_> {
    pub(super) fn group(&mut self, node: &Node, kind: Kind) -> Option<(Group, Written)> {
        let what = kind.what;
        if !matches!(node.value, Value::Map(_)) {
            let found = node.describe();
            self.reader.warn(
                node.pos,
                format!("{what} should be a mapping, found {found}; ignored"),
            );
            return None;
        }
        self.reader.keys(node, what, GROUP);
        let (dir, short_name) = self.dir_and_name(node, kind)?;
        let name = display_name(kind.kind, &short_name);
        let (links, base) = self.folder_links(node, &dir, &name);
        let mut group = Group {
            id: format!("{}-{}", self.upstream.community, slug(&dir)),
            kind: kind.kind,
            mission: self.reader.text(node, "mission_statement"),
            links,
            ..Group::default()
        };
        self.stakeholders(node, &mut group.links);
        self.leadership(node, &mut group.leads);
        self.contact(node, &mut group);
        let mut written = Written {
            group: node.pos,
            meetings: Vec::new(),
        };
        let owner = Owner {
            name: &name,
            project: None,
            base: base.as_deref(),
        };
        self.meetings(node, &owner, &mut group.meetings, &mut written.meetings);
        self.subprojects(node, base.as_deref(), &mut group, &mut written.meetings);
        group
            .sources
            .push(self.upstream.source(&dir, self.reader.file()));
        group.name = name;
        Some((group, written))
    }

    /// The charter and the group's folder, and the base its relative links resolve against
    /// (none when the folder isn't known, or isn't a plain path that can go into a link).
    fn folder_links(&mut self, node: &Node, dir: &str, name: &str) -> (Vec<Link>, Option<String>) {
        let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/');
        let (base, folder) = if dir.chars().all(plain) {
            (self.upstream.base(dir), self.upstream.folder(dir))
        } else {
            (None, None)
        };
        let mut links = Vec::new();
        if let Some(url) = self.reader.url(node, "charter_link", base.as_deref()) {
            links.push(Link {
                kind: LinkKind::Charter,
                title: "Charter".to_string(),
                url,
            });
        }
        if let Some(url) = folder {
            links.push(Link {
                kind: LinkKind::Docs,
                title: format!("{name} README"),
                url,
            });
        }
        (links, base)
    }

    /// The group's folder and name as written; either stands in for the other as the
    /// generator relates them (`sig-` + the name in lower case with dashes).
    fn dir_and_name(&mut self, node: &Node, kind: Kind) -> Option<(String, String)> {
        let what = kind.what;
        match (
            self.reader.text(node, "dir"),
            self.reader.text(node, "name"),
        ) {
            (Some(dir), Some(name)) => Some((dir, name)),
            (Some(dir), None) => {
                self.reader.warn(
                    node.pos,
                    format!("{what} without a `name`; it is named by its folder `{dir}`"),
                );
                Some((dir.clone(), dir))
            }
            (None, Some(name)) => {
                let dir = format!(
                    "{}-{}",
                    kind.dir_prefix,
                    name.to_lowercase().replace(' ', "-")
                );
                self.reader.warn(
                    node.pos,
                    format!(
                        "{what} without a `dir`; its folder is taken to be `{dir}`, as the generator names it"
                    ),
                );
                Some((dir, name))
            }
            (None, None) => {
                self.reader.warn(
                    node.pos,
                    format!("{what} with neither `dir` nor `name`; ignored"),
                );
                None
            }
        }
    }

    /// A working group's stakeholder SIGs, linked to their folders.
    fn stakeholders(&mut self, node: &Node, links: &mut Vec<Link>) {
        let items = self.reader.list(node, "stakeholder_sigs");
        if !items.is_empty() && self.upstream.repo.is_none() {
            let pos = node.get("stakeholder_sigs").map_or(node.pos, |n| n.pos);
            self.reader.warn(
                pos,
                "stakeholder SIGs are not linked: townhall doesn't know which repository holds the group folders",
            );
            return;
        }
        for item in items {
            let Some(sig) = self.reader.text_of(item, "stakeholder_sigs") else {
                continue;
            };
            let url = self
                .upstream
                .sig_dir(&sig)
                .and_then(|dir| self.upstream.folder(dir));
            match url {
                Some(url) => links.push(Link {
                    kind: LinkKind::Other,
                    title: format!("Stakeholder SIG: {sig}"),
                    url,
                }),
                None => self.reader.warn(
                    item.pos,
                    format!("stakeholder SIG {sig:?} is not among this file's SIGs; not linked"),
                ),
            }
        }
    }
}

/// "SIG CLI", "WG Batch", "UG Big Data", "Steering Committee": what people call the group,
/// without doubling a kind a copy of the format already wrote at either end ("SIG Foo",
/// "Foo SIG").
fn display_name(kind: GroupKind, name: &str) -> String {
    let starts = |prefix: &str| {
        name.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    let ends = |suffix: &str| {
        name.len()
            .checked_sub(suffix.len())
            .and_then(|at| name.get(at..))
            .is_some_and(|s| s.eq_ignore_ascii_case(suffix))
    };
    match kind {
        GroupKind::Committee if ends("committee") => name.to_string(),
        GroupKind::Committee => format!("{name} Committee"),
        _ => {
            let label = kind.label();
            if starts(&format!("{label} "))
                || ends(&format!(" {label}"))
                || name.eq_ignore_ascii_case(label)
            {
                name.to_string()
            } else {
                format!("{label} {name}")
            }
        }
    }
}
