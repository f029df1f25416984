//! OpenTelemetry's `workstreams.yml` (open-telemetry/community): one list of workstreams,
//! each a SIG (or a working group) with its people and resources, read into the
//! `opentelemetry` community.
//!
//! The file names things by id and lets the community's generator
//! (`scripts/update-sig-tables.py`) turn them into links; townhall builds the same links the
//! generated README shows: Slack channels on the CNCF workspace
//! (`https://cloud-native.slack.com/archives/<id>`), notes at
//! `https://docs.google.com/document/d/<gDocNotes>`, calendar invites through the Google
//! Group `https://groups.google.com/a/opentelemetry.io/g/<calendarInviteGroup>`, roadmaps at
//! `https://github.com/orgs/open-telemetry/projects/<roadmapProject>`.
//!
//! Choices the file leaves open (the JSON Schema is `scripts/schema/workstreams.schema.yml`):
//! - People are GitHub usernames only (display names live in `people.yml`, which townhall
//!   does not read), so each lead is named by handle. `tbd` stands for "not yet assigned"
//!   and is left out with a warning. A TC sponsor's `level` is part of the role, except
//!   `tbd`, which says nothing yet.
//! - `tcSponsorship: collective` (the whole Technical Committee sponsors the workstream;
//!   the generated README then names the TC instead of individuals) is kept in the role of
//!   each listed TC sponsor.
//! - `maintainers` names a GitHub team, not a person: it becomes a link to the team.
//! - `kind: enhancement` (a tracked spec change, in some versions of the schema) has no
//!   townhall kind and is filed as "other"; unknown kinds are too, with a warning.
//! - A missing `sigCategory` means `specification` on a SIG, as the schema says.
//! - `parent: none` marks a top-level workstream; a parent that is not in the file (or a
//!   chain that loops) is dropped with a warning, since the loader only checks parents of
//!   townhall's own files.

mod people;
mod resources;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use super::meeting_times::MeetingTimes;
use super::{Converted, Origin, Reader, Written};
use crate::model::{Community, CommunityFile, Group, GroupKind};
use crate::yaml::node::{Node, Pos, Value};

const WORKSTREAM_KEYS: &[&str] = &[
    "id",
    "kind",
    "name",
    "sigCategory",
    "parent",
    "people",
    "resources",
    "tcSponsorship",
];

pub fn convert(mut reader: Reader, root: &Node, _origin: &Origin) -> Converted {
    let Value::Seq(items) = &root.value else {
        reader.error(
            root.pos,
            format!(
                "an OpenTelemetry workstreams.yml is a list of workstreams, found {}",
                root.describe()
            ),
        );
        return Converted {
            problems: reader.into_problems(),
            ..Converted::default()
        };
    };
    let ids = workstream_ids(items);
    let mut times = MeetingTimes::default();
    let mut groups = Vec::new();
    let mut written = Vec::new();
    for item in items {
        if let Some((group, at)) = workstream(&mut reader, item, &ids, &mut times) {
            groups.push(group);
            written.push(at);
        }
    }
    drop_parent_loops(&mut reader, &mut groups, &ids);
    times.summarize(&mut reader, root.pos);
    let community = Community {
        id: "opentelemetry".into(),
        name: "OpenTelemetry".into(),
        // The project's own short form, used all over its community repository.
        short: Some("OTel".into()),
        ..Community::default()
    };
    Converted {
        file: Some(CommunityFile { community, groups }),
        problems: reader.into_problems(),
        written,
    }
}

/// Each usable workstream id with the position of its workstream, so parents can be
/// checked before the workstreams are read. A repeated id keeps its first workstream.
fn workstream_ids(items: &[Node]) -> HashMap<String, Pos> {
    let mut ids = HashMap::new();
    for item in items {
        if let Some(id) = item.get("id").and_then(usable_id) {
            ids.entry(id).or_insert(item.pos);
        }
    }
    ids
}

/// A workstream id that can follow `otel-` in a townhall group id.
fn usable_id(value: &Node) -> Option<String> {
    let id = value.as_str()?.trim();
    let usable = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    usable.then(|| id.to_string())
}

fn workstream(
    reader: &mut Reader,
    item: &Node,
    ids: &HashMap<String, Pos>,
    times: &mut MeetingTimes,
) -> Option<(Group, Written)> {
    if !matches!(item.value, Value::Map(_)) {
        reader.warn(
            item.pos,
            format!(
                "a workstream should be a mapping, found {}; skipped",
                item.describe()
            ),
        );
        return None;
    }
    reader.keys(item, "a workstream", WORKSTREAM_KEYS);
    let id = checked_id(reader, item, ids)?;
    let name = reader.text(item, "name").unwrap_or_else(|| {
        reader.warn(
            item.pos,
            format!("workstream `{id}` has no name; its id is shown instead"),
        );
        id.clone()
    });
    let kind = kind(reader, item);
    let category = reader
        .text(item, "sigCategory")
        .or_else(|| (kind == GroupKind::Sig).then(|| "specification".to_string()));
    let mut group = Group {
        id: format!("otel-{id}"),
        name,
        kind,
        category,
        parent: parent(reader, item, &id, ids),
        ..Group::default()
    };
    let collective = collective(reader, item);
    let list = reader.list(item, "people");
    people::read(reader, list, collective, &mut group);
    let mut written = Written {
        group: item.pos,
        meetings: Vec::new(),
    };
    let list = reader.list(item, "resources");
    resources::read(reader, list, &mut group, &mut written, times);
    Some((group, written))
}

/// The workstream's id, or None (with a warning) when it has none usable or repeats one.
fn checked_id(reader: &mut Reader, item: &Node, ids: &HashMap<String, Pos>) -> Option<String> {
    let Some(value) = item.get("id") else {
        reader.warn(item.pos, "a workstream without an `id`; skipped");
        return None;
    };
    let Some(id) = usable_id(value) else {
        match reader.text_of(value, "id") {
            Some(text) => reader.warn(
                value.pos,
                format!(
                    "workstream id {text:?} may only use letters, digits, `-`, `_` and `.`; skipped"
                ),
            ),
            None => reader.warn(value.pos, "a workstream with an empty `id`; skipped"),
        }
        return None;
    };
    if ids.get(&id) != Some(&item.pos) {
        reader.warn(
            value.pos,
            format!("workstream id `{id}` is used twice; only the first is read"),
        );
        return None;
    }
    Some(id)
}

fn kind(reader: &mut Reader, item: &Node) -> GroupKind {
    let Some(kind) = reader.text(item, "kind") else {
        reader.warn(item.pos, "workstream has no `kind`; filed as \"other\"");
        return GroupKind::Other;
    };
    match kind.as_str() {
        "sig" => GroupKind::Sig,
        "working-group" => GroupKind::WorkingGroup,
        "enhancement" => GroupKind::Other,
        other => {
            let pos = item.get("kind").map_or(item.pos, |k| k.pos);
            reader.warn(
                pos,
                format!("unknown workstream kind {other:?} (expected sig, working-group or enhancement); filed as \"other\""),
            );
            GroupKind::Other
        }
    }
}

fn parent(
    reader: &mut Reader,
    item: &Node,
    id: &str,
    ids: &HashMap<String, Pos>,
) -> Option<String> {
    let value = item.get("parent")?;
    let parent = reader.text_of(value, "parent")?;
    if parent.eq_ignore_ascii_case("none") {
        return None;
    }
    if parent == id {
        reader.warn(
            value.pos,
            format!("workstream `{id}` names itself as its parent; ignored"),
        );
        return None;
    }
    if !ids.contains_key(&parent) {
        reader.warn(
            value.pos,
            format!("parent `{parent}` is not a workstream in this file; ignored"),
        );
        return None;
    }
    Some(format!("otel-{parent}"))
}

fn collective(reader: &mut Reader, item: &Node) -> bool {
    match reader.text(item, "tcSponsorship").as_deref() {
        None => false,
        Some("collective") => true,
        Some(other) => {
            let pos = item.get("tcSponsorship").map_or(item.pos, |v| v.pos);
            reader.warn(
                pos,
                format!(
                    "unknown `tcSponsorship` {other:?} (townhall knows \"collective\"); ignored"
                ),
            );
            false
        }
    }
}

/// Breaks parent chains that come back to where they started (`a` under `b` under `a`), at
/// the first group found on the loop, so every chain ends at a top-level group.
fn drop_parent_loops(reader: &mut Reader, groups: &mut [Group], ids: &HashMap<String, Pos>) {
    let index: HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    for start in 0..groups.len() {
        let mut at = start;
        for _ in 0..groups.len() {
            let Some(next) = groups[at].parent.as_ref().and_then(|p| index.get(p)) else {
                break;
            };
            at = *next;
            if at == start {
                let id = groups[start].id["otel-".len()..].to_string();
                let pos = ids.get(&id).copied().unwrap_or_default();
                reader.warn(
                    pos,
                    format!("workstream `{id}` is its own ancestor through `parent`; its parent is ignored"),
                );
                groups[start].parent = None;
                break;
            }
        }
    }
}
