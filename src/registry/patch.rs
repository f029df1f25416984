//! A user's file naming a loaded group patches it rather than replacing it, so fixing one
//! stale Zoom link keeps the group's leads, projects and other meetings, and survives a sync
//! that brings the community's new data underneath.
//!
//! What the file wrote decides, key by key (only the positioned YAML tree tells a key left
//! out from a key written as `null`):
//! - a key left out keeps the loaded value;
//! - a key written takes the file's value: a list replaces the whole list, and `null` or
//!   `[]` removes it (a value written as it was loaded, such as the title that names the
//!   meeting, still comes from the file it was loaded from);
//! - `meetings` is the exception: each meeting of the file is matched to a loaded one by its
//!   `id` (or, without one, its title) and patched by the same rules; an unmatched meeting is
//!   added, and the meetings the file doesn't name stay. `meetings: []` (or `null`) removes
//!   them all;
//! - the community's name, short name, homepage and links change only when written; its
//!   sources add up.
//!
//! Every part a patch writes is recorded in the group's [`Origins`] for `show --sources`.

use crate::model::{Community, Group, Meeting, Origins};
use crate::yaml::node::{Node, Value};

/// Patches `group` with `patch`, read from `node`, recording `file` for each part written.
/// Returns which of the patch's meetings (by index in the file) were added rather than
/// matched, so problems that hold only for new meetings can still be reported.
pub fn group(
    group: &mut Group,
    patch: Group,
    node: &Node,
    file: &str,
    origins: &mut Origins,
) -> Vec<usize> {
    let written = |key: &str| node.get(key).is_some();
    macro_rules! take {
        ($($field:ident),*) => {$(
            if written(stringify!($field)) && group.$field != patch.$field {
                group.$field = patch.$field;
                origins.set(stringify!($field), file);
            }
        )*};
    }
    take!(
        name,
        kind,
        status,
        successor,
        parent,
        category,
        status_date,
        status_note,
        mission,
        goals,
        leads,
        chat,
        mailing_lists,
        projects,
        links,
        sources
    );
    let mut added = Vec::new();
    match node.get("meetings").map(|n| &n.value) {
        None => {}
        Some(Value::Seq(items)) if !items.is_empty() => {
            for (i, (meeting, item)) in patch.meetings.into_iter().zip(items).enumerate() {
                let found = match &meeting.id {
                    Some(id) => group.meetings.iter().position(|m| {
                        m.id.as_deref() == Some(id) || (m.id.is_none() && m.title == *id)
                    }),
                    None => group.meetings.iter().position(|m| m.title == meeting.title),
                };
                match found {
                    Some(j) => {
                        patch_meeting(&mut group.meetings[j], meeting, item, j, file, origins)
                    }
                    None => {
                        origins.set(&format!("meetings[{}]", group.meetings.len()), file);
                        group.meetings.push(meeting);
                        added.push(i);
                    }
                }
            }
        }
        Some(_) => {
            group.meetings.clear();
            origins.set("meetings", file);
        }
    }
    added
}

fn patch_meeting(
    m: &mut Meeting,
    patch: Meeting,
    node: &Node,
    index: usize,
    file: &str,
    origins: &mut Origins,
) {
    let written = |key: &str| node.get(key).is_some();
    macro_rules! take {
        ($($field:ident),*) => {$(
            if written(stringify!($field)) && m.$field != patch.$field {
                m.$field = patch.$field;
                origins.set(&format!("meetings[{index}].{}", stringify!($field)), file);
            }
        )*};
    }
    take!(
        id,
        title,
        published,
        join,
        meeting_id,
        passcode,
        one_tap,
        dial_in,
        international,
        notes,
        recordings,
        calendar,
        remarks,
        links
    );
    // Files written before `projects` was a list say `project`.
    if (written("projects") || written("project")) && m.projects != patch.projects {
        m.projects = patch.projects;
        origins.set(&format!("meetings[{index}].projects"), file);
    }
    if written("schedule") && m.schedule != patch.schedule {
        m.schedule = patch.schedule;
        m.when = patch.when;
        origins.set(&format!("meetings[{index}].schedule"), file);
    }
}

/// Patches a loaded community with a later file's; `node` is the file's `community`
/// mapping, or `None` for a foreign format, whose converted community always names itself
/// (its name is taken; its other details when given).
pub fn community(
    existing: &mut Community,
    later: Community,
    node: Option<&Node>,
    file: &str,
    origins: &mut Origins,
) {
    let written = |key: &str| match node {
        Some(node) => node.get(key).is_some(),
        None => match key {
            "name" => true,
            "short" => later.short.is_some(),
            "homepage" => later.homepage.is_some(),
            _ => !later.links.is_empty(),
        },
    };
    let (name, short, homepage, links) = (
        written("name"),
        written("short"),
        written("homepage"),
        written("links"),
    );
    macro_rules! take {
        ($($field:ident),*) => {$(
            if $field && existing.$field != later.$field {
                existing.$field = later.$field;
                origins.set(stringify!($field), file);
            }
        )*};
    }
    take!(name, short, homepage, links);
    // Sources add up: a community assembled from several files keeps where each came from.
    let mut added = false;
    for source in later.sources {
        if !existing.sources.contains(&source) {
            existing.sources.push(source);
            added = true;
        }
    }
    if added {
        origins.add("sources", file);
    }
}

#[cfg(test)]
mod tests;
