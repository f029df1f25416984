//! Subprojects, a TAG's (`tag_subprojects`) and the TOC's (`toc_subprojects`). Each is a
//! project of its group; its people, meetings, chat and lists join the group's, marked as
//! the subproject's (in the lead's role, in the meeting's `project`).

use super::people::{self, Scope};
use super::{BLOB, TREE, contact, meetings};
use crate::formats::meeting_times::MeetingTimes;
use crate::formats::{Reader, Written};
use crate::model::{Group, Link, LinkKind, Project};
use crate::yaml::node::Node;

/// Which kind of subproject an entry is: how messages call it and which keys it may have.
struct Kind {
    what: &'static str,
    keys: &'static [&'static str],
}

const TAG_SUBPROJECT: Kind = Kind {
    what: "a TAG subproject",
    keys: &[
        "dir",
        "name",
        "mission_statement",
        "leadership",
        "meetings",
        "contact",
        "landscape_url",
        "landscape_preview_image",
    ],
};

const TOC_SUBPROJECT: Kind = Kind {
    what: "a TOC subproject",
    keys: &[
        "dir",
        "name",
        "mission_statement",
        "charter_link",
        "label",
        "leadership",
        "meetings",
        "contact",
        "subproject_initiatives",
    ],
};

/// `base` is the TAG's subprojects folder, as a link.
pub fn tag_subproject(
    reader: &mut Reader,
    item: &Node,
    base: &str,
    group: &mut Group,
    written: &mut Written,
    times: &mut MeetingTimes,
) {
    let Some((name, _)) = common(reader, item, &TAG_SUBPROJECT, base, group, written, times) else {
        return;
    };
    if let Some(url) = reader.url(item, "landscape_url", None) {
        group.links.push(Link {
            kind: LinkKind::Other,
            title: format!("{name} landscape"),
            url,
        });
    }
}

pub fn toc_subproject(
    reader: &mut Reader,
    item: &Node,
    group: &mut Group,
    written: &mut Written,
    times: &mut MeetingTimes,
) {
    let base = format!("{TREE}/toc_subprojects");
    let Some((name, dir)) = common(reader, item, &TOC_SUBPROJECT, &base, group, written, times)
    else {
        return;
    };
    let charter_base = format!("{BLOB}/toc_subprojects/{dir}/");
    if let Some(url) = reader.url(item, "charter_link", Some(&charter_base)) {
        group.links.push(Link {
            kind: LinkKind::Charter,
            title: format!("{name} charter"),
            url,
        });
    }
    if let Some(url) = reader.url(item, "subproject_initiatives", None) {
        group.links.push(super::initiatives(Some(&name), url));
    }
}

/// What both kinds share: the project, its leads, meetings and contact. Returns the
/// subproject's name and folder.
fn common(
    reader: &mut Reader,
    item: &Node,
    kind: &Kind,
    base: &str,
    group: &mut Group,
    written: &mut Written,
    times: &mut MeetingTimes,
) -> Option<(String, String)> {
    super::entry(reader, item, kind.what)?;
    reader.keys(item, kind.what, kind.keys);
    let name = reader.text(item, "name");
    let dir = super::folder(reader, item, name.as_deref(), kind.what)?;
    let name = name.unwrap_or_else(|| dir.clone());
    if group.projects.iter().any(|p| p.name == name) {
        reader.warn(
            item.pos,
            format!(
                "a second subproject named {name:?} in {}; skipped",
                group.name
            ),
        );
        return None;
    }
    group.projects.push(Project {
        name: name.clone(),
        description: super::mission(reader, item),
        url: Some(format!("{base}/{dir}")),
        ..Project::default()
    });
    let scope = Scope::Subproject(&name);
    if let Some(leadership) = reader.map(item, "leadership") {
        people::leadership(reader, leadership, &scope, &mut group.leads);
    }
    for (pos, meeting) in meetings::read(reader, item, &group.name, Some(&name), times) {
        written.meetings.push(pos);
        group.meetings.push(meeting);
    }
    if let Some(c) = reader.map(item, "contact") {
        contact::read(reader, c, &scope, group);
    }
    Some((name, dir))
}
