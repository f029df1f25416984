//! A working group from its directory entry and its charter. The directory is the newer and
//! more often edited page (meetings, chat, companies), so its mission line wins; the charter
//! gives goals, roles and the areas with their repositories.

use super::Base;
use super::charter::{Charter, Person};
use super::directory::{Entry, TableLead};
use super::markdown;
use crate::formats::meeting_times::{MeetingTimes, per_schedule};
use crate::formats::{Reader, leads};
use crate::model::Pos;
use crate::model::{
    Chat, ChatKind, Group, GroupKind, Lead, Link, LinkKind, Meeting, Project, Source, Status,
};
use crate::yaml::node::{Node, Value};

/// Cell texts that stand for "not yet".
const NOT_YET: &[&str] = &["tbd", "tba", "todo", "n/a", "none", "-"];

/// Hosts of video calls, so a "Forum" cell holding a call becomes the meeting's join link and
/// one holding a discussion board stays a link of the group.
const CALL_HOSTS: &[&str] = &[
    "zoom.us",
    "zoom-lfx.platform.linuxfoundation.org",
    "meet.google.com",
    "teams.microsoft.com",
    "webex.com",
    "meet.jit.si",
];

/// `App Runtime Platform` → `cf-app-runtime-platform`; `CF on K8s` → `cf-on-k8s`.
pub fn id_of(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.starts_with("cf-") {
        slug.to_string()
    } else {
        format!("cf-{slug}")
    }
}

/// Reads one directory entry, with its charter when it could be fetched.
pub fn working_group(
    reader: &mut Reader,
    times: &mut MeetingTimes,
    entry: &Entry,
    charter: Option<(&str, &Charter)>,
    base: &Base,
) -> Group {
    let mut group = Group {
        id: id_of(&entry.name),
        name: entry.name.clone(),
        kind: GroupKind::WorkingGroup,
        status: Status::Active,
        mission: entry
            .mission
            .as_ref()
            .map(|(_, m)| m.clone())
            .filter(|m| !m.is_empty())
            .or_else(|| charter.and_then(|(_, c)| c.mission.clone())),
        ..Group::default()
    };
    if let Some((_, c)) = charter {
        group.goals = c.goals.clone();
        group.projects = c
            .roles
            .areas
            .iter()
            .map(|a| Project {
                name: a.name.clone(),
                repos: a.repos.clone(),
                ..Project::default()
            })
            .collect();
    }
    group.leads = people(charter.map(|(_, c)| c), &entry.leads);
    group.chat = chat(reader, entry);
    let (meetings, forum) = meeting(reader, times, entry);
    group.meetings = meetings;
    if let Some((path, _)) = charter
        && let Some(url) = base.page(path)
    {
        group.links.push(Link {
            kind: LinkKind::Charter,
            title: "Charter".into(),
            url,
        });
    }
    group.links.extend(forum);
    if let Some((path, _)) = charter {
        group.sources.push(base.source(
            path,
            "charter: goals, YAML leads and areas with repositories",
        ));
    }
    group.sources.push(base.source(
        &base.primary,
        "directory entry: mission, meeting, chat, leads table with companies",
    ));
    group
}

/// The charter's roles, with companies from the directory's leads table (matched by GitHub
/// handle, whose case the two pages don't always agree on); people only the table names are
/// kept and marked so.
fn people(charter: Option<&Charter>, table: &[TableLead]) -> Vec<Lead> {
    let mut found: Vec<Lead> = Vec::new();
    let roles = charter.map(|c| &c.roles);
    let charter_people = roles.into_iter().flat_map(|r| {
        let exec = r.execution_leads.iter().map(|p| (p, "execution lead"));
        let tech = r.technical_leads.iter().map(|p| (p, "technical lead"));
        exec.chain(tech)
    });
    for (person, role) in charter_people {
        leads::add(&mut found, lead(person, role, table));
    }
    let named_by_charter = charter.is_some_and(|c| c.has_roles);
    for row in table {
        let known = found.iter().any(|l| same_person(l, row));
        if !known {
            let role = if named_by_charter {
                "lead (directory table only)"
            } else {
                "lead"
            };
            found.push(Lead {
                name: row.name.clone(),
                role: Some(role.into()),
                company: row.company.clone(),
                github: row.github.clone(),
            });
        }
    }
    found
}

fn lead(person: &Person, role: &str, table: &[TableLead]) -> Lead {
    let row = table
        .iter()
        .find(|row| match (&person.github, &row.github) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => row.name == person.name,
        });
    Lead {
        name: person.name.clone(),
        role: Some(role.into()),
        company: row.and_then(|r| r.company.clone()),
        github: person.github.clone(),
    }
}

fn same_person(lead: &Lead, row: &TableLead) -> bool {
    match (&lead.github, &row.github) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => lead.name == row.name,
    }
}

/// Slack and Discord channels from their cells: each link's text is the channel, and a Slack
/// `archives/<id>` link gives the channel's id and workspace.
fn chat(reader: &mut Reader, entry: &Entry) -> Vec<Chat> {
    let mut chat = Vec::new();
    for (cell, kind) in [
        (&entry.slack, ChatKind::Slack),
        (&entry.discord, ChatKind::Discord),
    ] {
        let Some((pos, text)) = cell else { continue };
        for link in markdown::links(text) {
            let Some(url) = checked_url(reader, *pos, &link.target, "chat link") else {
                continue;
            };
            let parsed = url::Url::parse(&url).ok();
            let host = parsed
                .as_ref()
                .and_then(|u| u.host_str())
                .map(str::to_string);
            let id = parsed.as_ref().and_then(|u| {
                let mut segments = u.path_segments()?;
                (segments.next()? == "archives")
                    .then(|| segments.next().map(str::to_string))
                    .flatten()
            });
            let is_channel = match kind {
                ChatKind::Slack => id.is_some(),
                _ => link.text.starts_with('#'),
            };
            if !is_channel {
                continue;
            }
            chat.push(Chat {
                kind,
                channel: link.text.clone(),
                id,
                workspace: host.filter(|_| kind == ChatKind::Slack),
                url: Some(url),
            });
        }
    }
    chat
}

/// The group's meeting from its Forum, Calendar and Notes cells, and a forum that is not a
/// call as a group link.
fn meeting(
    reader: &mut Reader,
    times: &mut MeetingTimes,
    entry: &Entry,
) -> (Vec<Meeting>, Option<Link>) {
    let links_in =
        |reader: &mut Reader, cell: &Option<(Pos, String)>, what: &str| -> Vec<(String, String)> {
            let Some((pos, text)) = cell else {
                return Vec::new();
            };
            markdown::links(text)
                .into_iter()
                .filter(|l| !l.target.is_empty())
                .filter_map(|l| Some((l.text, checked_url(reader, *pos, &l.target, what)?)))
                .collect()
        };
    let forum = links_in(reader, &entry.forum, "forum link");
    let (calls, boards): (Vec<_>, Vec<_>) = forum.into_iter().partition(|(_, url)| is_call(url));
    let board = boards.into_iter().next().map(|(text, url)| Link {
        kind: LinkKind::Forum,
        title: text,
        url,
    });
    let calendars = links_in(reader, &entry.calendar, "calendar link");
    let notes = links_in(reader, &entry.notes, "meeting notes link");
    let published = entry
        .calendar
        .as_ref()
        .map(|(pos, text)| (*pos, markdown::plain(text)))
        .filter(|(_, text)| !is_not_yet(text));
    let join = calls.into_iter().next().map(|(_, url)| url);
    if published.is_none() && join.is_none() {
        return (Vec::new(), board);
    }
    let mut meeting = Meeting {
        title: format!("{} WG meeting", entry.name),
        published: published
            .as_ref()
            .map(|(_, t)| t.clone())
            .unwrap_or_default(),
        meeting_id: join.as_deref().and_then(zoom_meeting_id),
        join,
        notes: notes.into_iter().next().map(|(_, url)| url),
        ..Meeting::default()
    };
    let mut calendars = calendars.into_iter();
    meeting.calendar = calendars.next().map(|(_, url)| url);
    meeting.links = calendars
        .map(|(text, url)| Link {
            kind: LinkKind::Calendar,
            title: format!("Calendar event: {text}"),
            url,
        })
        .collect();
    let specs = match &published {
        Some((pos, text)) => times.read(reader, *pos, text),
        None => {
            times.untimed();
            Vec::new()
        }
    };
    (per_schedule(meeting, specs), board)
}

/// A link from a page, checked with the same rules as every foreign link (`Reader::url_of`).
pub fn checked_url(reader: &mut Reader, pos: Pos, target: &str, what: &str) -> Option<String> {
    let node = Node {
        pos,
        value: Value::Scalar {
            text: target.to_string(),
            quoted: true,
        },
    };
    reader.url_of(&node, what, None)
}

pub fn is_not_yet(text: &str) -> bool {
    let t = text.trim().to_ascii_lowercase();
    t.is_empty() || NOT_YET.contains(&t.as_str())
}

fn is_call(url: &str) -> bool {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .is_some_and(|h| {
            CALL_HOSTS
                .iter()
                .any(|c| h == *c || h.ends_with(&format!(".{c}")))
        })
}

/// The digits of a Zoom link (`zoom.us/j/97528090021`, or the Linux Foundation's
/// `zoom-lfx.platform.linuxfoundation.org/meeting/95669503930`) grouped as Zoom shows them.
pub fn zoom_meeting_id(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    let prefix = if host == "zoom.us" || host.ends_with(".zoom.us") {
        "j"
    } else if host == "zoom-lfx.platform.linuxfoundation.org" {
        "meeting"
    } else {
        return None;
    };
    let mut segments = parsed.path_segments()?;
    if segments.next()? != prefix {
        return None;
    }
    let digits = segments.next()?;
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let groups: &[usize] = match digits.len() {
        9 => &[3, 3, 3],
        10 => &[3, 3, 4],
        11 => &[3, 4, 4],
        _ => return None,
    };
    let mut parts = Vec::new();
    let mut at = 0;
    for len in groups {
        parts.push(&digits[at..at + len]);
        at += len;
    }
    Some(parts.join(" "))
}

/// The source entry for a page of the repository.
impl Base {
    pub fn source(&self, path: &str, note: &str) -> Source {
        Source {
            repo: self.repo.clone(),
            path: Some(self.repo_path(path)),
            commit: self.commit.clone(),
            license: None,
            url: None,
            note: Some(note.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_names_without_doubling_cf() {
        assert_eq!(id_of("App Runtime Platform"), "cf-app-runtime-platform");
        assert_eq!(id_of("CF on K8s"), "cf-on-k8s");
        assert_eq!(id_of("Docs"), "cf-docs");
        assert_eq!(id_of("  Ünïcode / Name!! "), "cf-n-code-name");
    }

    #[test]
    fn zoom_ids_are_grouped_as_zoom_shows_them() {
        let id = |u| zoom_meeting_id(u);
        assert_eq!(
            id("https://zoom.us/j/97528090021?pwd=x").as_deref(),
            Some("975 2809 0021")
        );
        assert_eq!(
            id("https://vmware.zoom.us/j/3361029682").as_deref(),
            Some("336 102 9682")
        );
        assert_eq!(
            id("https://zoom-lfx.platform.linuxfoundation.org/meeting/95669503930?password=x")
                .as_deref(),
            Some("956 6950 3930")
        );
        assert_eq!(id("https://zoom.us/my/cncf"), None);
        assert_eq!(id("https://evil.example/j/97528090021"), None);
    }
}
