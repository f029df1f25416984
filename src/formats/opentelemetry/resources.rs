//! A workstream's `resources`: single-key entries naming a repository, a Slack channel, a
//! meeting series, a roadmap board or a discussions forum.

use crate::formats::meeting_times::{MeetingTimes, per_schedule};
use crate::formats::{Reader, Written, handles};
use crate::model::{Group, Link, LinkKind, Meeting, Project};
use crate::yaml::node::{Node, Value};

const RESOURCE_KEYS: &[&str] = &[
    "repository",
    "slack",
    "meeting",
    "roadmapProject",
    "githubDiscussion",
];

pub fn read(
    reader: &mut Reader,
    entries: &[Node],
    group: &mut Group,
    written: &mut Written,
    times: &mut MeetingTimes,
) {
    for entry in entries {
        let Value::Map(pairs) = &entry.value else {
            reader.warn(
                entry.pos,
                format!(
                    "a `resources` entry should be a kind and a value (`repository: owner/name`), found {}; skipped",
                    entry.describe()
                ),
            );
            continue;
        };
        reader.keys(entry, "a `resources` entry", RESOURCE_KEYS);
        for (key, value) in pairs {
            match key.as_str() {
                Some("repository") => repository(reader, value, group),
                Some("slack") => slack(reader, value, group),
                Some("meeting") => meeting(reader, value, group, written, times),
                Some("roadmapProject") => roadmap(reader, value, group),
                Some("githubDiscussion") => discussions(reader, value, group),
                _ => {}
            }
        }
    }
}

/// `repository: owner/name` is a project named after the repository.
fn repository(reader: &mut Reader, value: &Node, group: &mut Group) {
    let Some(repo) = handles::repository(reader, value, "repository") else {
        return;
    };
    if group.projects.iter().any(|p| p.repos.contains(&repo)) {
        return;
    }
    let name = repo.split_once('/').map_or(repo.as_str(), |(_, n)| n);
    group.projects.push(Project {
        name: name.to_string(),
        url: Some(format!("https://github.com/{repo}")),
        repos: vec![repo.clone()],
        ..Project::default()
    });
}

/// `slack: {name: '#otel-sampling', id: C027DS6GZD3}`.
fn slack(reader: &mut Reader, value: &Node, group: &mut Group) {
    if reader.map_of(value, "slack").is_none() {
        return;
    }
    reader.keys(value, "a `slack` channel", &["name", "id"]);
    let id = value
        .get("id")
        .and_then(|v| handles::segment(reader, v, "id"));
    let name = reader.text(value, "name").map(|n| {
        if n.starts_with('#') {
            n
        } else {
            format!("#{n}")
        }
    });
    let Some(channel) = name.or_else(|| id.clone()) else {
        reader.warn(
            value.pos,
            "a `slack` channel with neither `name` nor `id`; skipped",
        );
        return;
    };
    group
        .chat
        .push(crate::formats::cloud_native_slack(channel, id));
}

/// `meeting: {schedule, calendarInviteGroup, gDocNotes}`: one meeting per time the
/// schedule names.
fn meeting(
    reader: &mut Reader,
    value: &Node,
    group: &mut Group,
    written: &mut Written,
    times: &mut MeetingTimes,
) {
    if reader.map_of(value, "meeting").is_none() {
        return;
    }
    reader.keys(
        value,
        "a `meeting`",
        &["schedule", "calendarInviteGroup", "gDocNotes"],
    );
    let calendar = calendar_group(reader, value);
    let schedule = reader.text(value, "schedule");
    let specs = match (&schedule, value.get("schedule")) {
        (Some(text), Some(at)) => times.read(reader, at.pos, text),
        _ => {
            times.untimed();
            Vec::new()
        }
    };
    let published = schedule.unwrap_or_else(|| match calendar {
        Some(_) => "Not published; see the calendar invites group".into(),
        None => "Not published".into(),
    });
    let meeting = Meeting {
        title: format!("{} meeting", group.name),
        published,
        notes: notes(reader, value),
        calendar,
        ..Meeting::default()
    };
    for m in per_schedule(meeting, specs) {
        group.meetings.push(m);
        written.meetings.push(value.pos);
    }
}

/// The Google Group whose members get the meeting invites (`calendar-java`, sometimes
/// written with its `@opentelemetry.io` address).
fn calendar_group(reader: &mut Reader, meeting: &Node) -> Option<String> {
    let value = meeting.get("calendarInviteGroup")?;
    let text = reader.text_of(value, "calendarInviteGroup")?;
    let name = text.strip_suffix("@opentelemetry.io").unwrap_or(&text);
    if handles::is_segment(name) {
        return Some(format!(
            "https://groups.google.com/a/opentelemetry.io/g/{name}"
        ));
    }
    reader.warn(
        value.pos,
        format!("`calendarInviteGroup` {text:?} is not a Google Group name; ignored"),
    );
    None
}

/// `gDocNotes` is a Google Doc id; a whole link is accepted as well.
fn notes(reader: &mut Reader, meeting: &Node) -> Option<String> {
    let value = meeting.get("gDocNotes")?;
    if value.as_str().is_some_and(|t| t.contains("://")) {
        return reader.url_of(value, "gDocNotes", None);
    }
    let id = handles::segment(reader, value, "gDocNotes")?;
    Some(format!("https://docs.google.com/document/d/{id}"))
}

/// `roadmapProject: 133` is a GitHub project board of the open-telemetry organization.
fn roadmap(reader: &mut Reader, value: &Node, group: &mut Group) {
    let Some(number) = reader.text_of(value, "roadmapProject") else {
        return;
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        reader.warn(
            value.pos,
            format!("`roadmapProject` should be a project number, found {number:?}; ignored"),
        );
        return;
    }
    group.links.push(Link {
        kind: LinkKind::Other,
        title: format!("Roadmap project {number}"),
        url: format!("https://github.com/orgs/open-telemetry/projects/{number}"),
    });
}

fn discussions(reader: &mut Reader, value: &Node, group: &mut Group) {
    if let Some(url) = reader.url_of(value, "githubDiscussion", None) {
        group.links.push(Link {
            kind: LinkKind::Forum,
            title: "GitHub Discussions".into(),
            url,
        });
    }
}
