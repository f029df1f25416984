//! The CNCF TOC's `tags.yaml` (cncf/toc): the Technical Advisory Groups with their
//! subprojects, and the TOC's own subprojects, read into the `cncf` community (the same id
//! as the built-in `data/cncf.yaml`, so the two merge into one community).
//!
//! The file feeds the TOC's README generator (`generator/readme_app.go` and its templates),
//! and townhall places things where the generator does: a TAG's folder is `tags/<dir>/`, its
//! subprojects' folders `tags/<dir>/subprojects/<dir>/`, the TOC's subprojects'
//! `toc_subprojects/<dir>/`, and a relative `charter_link` is relative to the folder. Slack
//! entries are channel ids on the CNCF workspace, linked as the templates link them
//! (`https://cloud-native.slack.com/archives/<id>`); the file names a channel only once
//! (`slack_channel`), so elsewhere the id stands in for the name.
//!
//! What becomes what:
//! - Each TAG is a group `cncf-<dir>`; the TOC subprojects are projects of one group,
//!   `cncf-toc`. A subproject's leads, meetings, chat and lists belong to its group, with the
//!   subproject named in the lead's role and the meeting's `project`.
//! - Leads keep their role, term and company; someone listed twice in a group is one lead.
//!   An entry that names no person (every field empty, or a sentence and no GitHub handle)
//!   is left out with a warning.
//! - Meetings with only an LFX calendar (`tag_calendar`) have no day or time to read; they
//!   are meetings that point to the calendar, counted once in the file's summary line.
//! - Not kept, without a warning: `label` (the GitHub label, also in the initiatives link),
//!   `lfx_id` and `email` (no place for them, and the generator ignores them too), and a
//!   subproject's `landscape_preview_image` (a path inside the generated folder).
//! - Mission statements left at the template's "Foo-Baz-Bar" are placeholders: warned
//!   about and left out.

mod contact;
mod meetings;
mod people;
mod subprojects;
#[cfg(test)]
mod tests;

use super::meeting_times::MeetingTimes;
use super::{Converted, Origin, Reader, Written};
use crate::model::{Community, CommunityFile, Group, GroupKind, Link, LinkKind};
use crate::yaml::node::{Node, Value};

/// Where the generator writes the TOC's files, as links.
const TREE: &str = "https://github.com/cncf/toc/tree/main";
const BLOB: &str = "https://github.com/cncf/toc/blob/main";

const TAG_KEYS: &[&str] = &[
    "dir",
    "name",
    "mission_statement",
    "charter_link",
    "label",
    "leadership",
    "meetings",
    "contact",
    "tag_subprojects",
    "tag_initiatives",
];

pub fn convert(mut reader: Reader, root: &Node, _origin: &Origin) -> Converted {
    if !matches!(root.value, Value::Map(_)) {
        reader.error(
            root.pos,
            format!(
                "a CNCF tags.yaml is a mapping with `tags` and `toc_subprojects`, found {}",
                root.describe()
            ),
        );
        return Converted {
            problems: reader.into_problems(),
            ..Converted::default()
        };
    }
    reader.keys(root, "the top level", &["tags", "toc_subprojects"]);
    let mut times = MeetingTimes::default();
    let mut groups = Vec::new();
    let mut written = Vec::new();
    for item in reader.list(root, "tags") {
        if let Some((group, at)) = tag(&mut reader, item, &mut times) {
            if groups.iter().any(|g: &Group| g.id == group.id) {
                reader.warn(
                    item.pos,
                    format!("a second TAG with the folder of `{}`; skipped", group.id),
                );
                continue;
            }
            groups.push(group);
            written.push(at);
        }
    }
    if let Some((group, at)) = toc(&mut reader, root, &mut times) {
        groups.push(group);
        written.push(at);
    }
    times.summarize(&mut reader, root.pos);
    let community = Community {
        id: "cncf".into(),
        name: "Cloud Native Computing Foundation".into(),
        ..Community::default()
    };
    Converted {
        file: Some(CommunityFile { community, groups }),
        problems: reader.into_problems(),
        written,
    }
}

fn tag(reader: &mut Reader, item: &Node, times: &mut MeetingTimes) -> Option<(Group, Written)> {
    entry(reader, item, "a TAG")?;
    reader.keys(item, "a TAG", TAG_KEYS);
    let name = reader.text(item, "name");
    let dir = folder(reader, item, name.as_deref(), "a TAG")?;
    let name = name.unwrap_or_else(|| dir.clone());
    let mut group = Group {
        id: format!("cncf-{dir}"),
        name: name.clone(),
        kind: GroupKind::Tag,
        mission: mission(reader, item),
        ..Group::default()
    };
    let mut written = Written {
        group: item.pos,
        meetings: Vec::new(),
    };
    group.links.push(Link {
        kind: LinkKind::Docs,
        title: "TAG README (cncf/toc)".into(),
        url: format!("{TREE}/tags/{dir}"),
    });
    let base = format!("{BLOB}/tags/{dir}/");
    if let Some(url) = reader.url(item, "charter_link", Some(&base)) {
        group.links.push(Link {
            kind: LinkKind::Charter,
            title: "Charter".into(),
            url,
        });
    }
    let scope = people::Scope::Group;
    if let Some(leadership) = reader.map(item, "leadership") {
        people::leadership(reader, leadership, &scope, &mut group.leads);
    }
    for (pos, meeting) in meetings::read(reader, item, &name, None, times) {
        written.meetings.push(pos);
        group.meetings.push(meeting);
    }
    if let Some(c) = reader.map(item, "contact") {
        contact::read(reader, c, &scope, &mut group);
    }
    if let Some(url) = reader.url(item, "tag_initiatives", None) {
        group.links.push(initiatives(None, url));
    }
    let base = format!("{TREE}/tags/{dir}/subprojects");
    for sub in reader.list(item, "tag_subprojects") {
        subprojects::tag_subproject(reader, sub, &base, &mut group, &mut written, times);
    }
    Some((group, written))
}

/// `cncf-toc`, holding `toc_subprojects`; None when the file has none.
fn toc(reader: &mut Reader, root: &Node, times: &mut MeetingTimes) -> Option<(Group, Written)> {
    let (key, _) = root.entry("toc_subprojects")?;
    let items = reader.list(root, "toc_subprojects");
    if items.is_empty() {
        return None;
    }
    let mut group = Group {
        id: "cncf-toc".into(),
        name: "CNCF Technical Oversight Committee".into(),
        kind: GroupKind::Committee,
        ..Group::default()
    };
    let mut written = Written {
        group: key.pos,
        meetings: Vec::new(),
    };
    for item in items {
        subprojects::toc_subproject(reader, item, &mut group, &mut written, times);
    }
    Some((group, written))
}

/// A list item that should be a mapping; `what` names it ("a TAG").
fn entry<'n>(reader: &mut Reader, item: &'n Node, what: &str) -> Option<&'n Node> {
    if matches!(item.value, Value::Map(_)) {
        return Some(item);
    }
    if !item.is_null() {
        reader.warn(
            item.pos,
            format!(
                "{what} should be a mapping, found {}; skipped",
                item.describe()
            ),
        );
    }
    None
}

/// The folder name (`dir`), which is also the id; made from the name the way the generator
/// does when `dir` is missing.
fn folder(reader: &mut Reader, item: &Node, name: Option<&str>, what: &str) -> Option<String> {
    let dir = match reader.text(item, "dir") {
        Some(dir) => dir,
        None => {
            let Some(name) = name else {
                reader.warn(
                    item.pos,
                    format!("{what} with neither `dir` nor `name`; skipped"),
                );
                return None;
            };
            name.to_lowercase().replace(' ', "-")
        }
    };
    if super::handles::is_segment(&dir) {
        return Some(dir);
    }
    let pos = item.get("dir").map_or(item.pos, |d| d.pos);
    reader.warn(
        pos,
        format!("folder {dir:?} of {what} may only use letters, digits, `-`, `_` and `.`; skipped"),
    );
    None
}

/// `mission_statement`, unless it is the template's placeholder.
fn mission(reader: &mut Reader, item: &Node) -> Option<String> {
    let text = reader.text(item, "mission_statement")?;
    let words: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    if words == "foo-baz-bar" || ["tbd", "todo", "tba"].contains(&words.as_str()) {
        let pos = item.get("mission_statement").map_or(item.pos, |m| m.pos);
        reader.warn(
            pos,
            format!("mission statement {text:?} is a template placeholder; left out"),
        );
        return None;
    }
    Some(text)
}

/// The initiatives link, titled with the issue label it filters on when it is a GitHub
/// issue search ("Open initiatives (cncf/toc issues labelled tag/infrastructure)").
fn initiatives(subproject: Option<&str>, url: String) -> Link {
    let detail = issue_search(&url)
        .map(|(repo, label)| match label {
            Some(label) => format!(" ({repo} issues labelled {label})"),
            None => format!(" ({repo} issues)"),
        })
        .unwrap_or_default();
    let title = match subproject {
        Some(name) => format!("{name}: open initiatives{detail}"),
        None => format!("Open initiatives{detail}"),
    };
    Link {
        kind: LinkKind::Other,
        title,
        url,
    }
}

/// `owner/repo` and the first label other than `kind/...` of a GitHub issue search link.
fn issue_search(url: &str) -> Option<(String, Option<String>)> {
    let parsed = url::Url::parse(url).ok()?;
    if parsed.host_str() != Some("github.com") {
        return None;
    }
    let path: Vec<&str> = parsed.path().trim_matches('/').split('/').collect();
    let [owner, repo, "issues"] = path[..] else {
        return None;
    };
    let query = parsed
        .query_pairs()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let label = query
        .split_whitespace()
        .filter_map(|t| t.strip_prefix("label:"))
        .find(|l| !l.starts_with("kind/"))
        .map(str::to_string);
    Some((format!("{owner}/{repo}"), label))
}
