//! The two governance pages beside the working groups: `toc/TOC.md` (the Technical Oversight
//! Committee: a members table with terms, a meetings table and its YAML block) and
//! `toc/ADMIN.md` (the Foundation staff's repositories). The directory doesn't list them, so
//! they are read by path.

use super::Base;
use super::charter::{self, Charter, Headings};
use super::directory;
use super::group::{checked_url, is_not_yet};
use super::markdown::{self, Page};
use crate::formats::meeting_times::{MeetingTimes, per_schedule};
use crate::formats::{Reader, leads};
use crate::model::{Group, GroupKind, Lead, Link, LinkKind, Meeting, Project, Status};

/// The governance pages, by their link from the directory's folder.
pub const TOC: &str = "../TOC.md";
pub const ADMIN: &str = "../ADMIN.md";

const TOC_HEADINGS: Headings = Headings {
    mission: "Charter",
    goals: "Activities",
};
const ADMIN_HEADINGS: Headings = Headings {
    mission: "Charter",
    goals: "Scope",
};

pub fn committee(reader: &mut Reader, times: &mut MeetingTimes, text: &str, base: &Base) -> Group {
    let charter = charter::read(reader, text, TOC_HEADINGS);
    let page = Page::new(text);
    let mut group = governance(
        &charter,
        "cf-toc",
        "Technical Oversight Committee",
        GroupKind::Committee,
    );
    // The members table names each member's company and term; the YAML block's execution
    // leads are the same people, so only those the table lacks are added from it.
    let members = page
        .section("Members")
        .and_then(|s| {
            s.tables()
                .into_iter()
                .find(|t| t.column("member").is_some())
        })
        .map(|t| directory::people(&t))
        .unwrap_or_default();
    let mut people: Vec<Lead> = members.iter().map(member).collect();
    let yaml = charter
        .roles
        .execution_leads
        .iter()
        .map(|p| (p, "execution lead"))
        .chain(
            charter
                .roles
                .technical_leads
                .iter()
                .map(|p| (p, "technical lead")),
        );
    for (person, role) in yaml {
        let known = people.iter().any(|l| match (&l.github, &person.github) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => l.name == person.name,
        });
        if !known {
            leads::add(
                &mut people,
                Lead {
                    name: person.name.clone(),
                    role: Some(role.into()),
                    company: None,
                    github: person.github.clone(),
                },
            );
        }
    }
    group.leads = people;
    group.meetings = meetings(reader, times, &page);
    finish(
        &mut group,
        base,
        TOC,
        "TOC page: charter, activities, members with terms, meetings, YAML leads and areas",
    );
    group
}

pub fn admin(reader: &mut Reader, text: &str, base: &Base) -> Group {
    let charter = charter::read(reader, text, ADMIN_HEADINGS);
    let mut group = governance(&charter, "cf-admin", "Admin", GroupKind::Other);
    for person in &charter.roles.execution_leads {
        leads::add(
            &mut group.leads,
            Lead {
                name: person.name.clone(),
                role: Some("execution lead".into()),
                company: None,
                github: person.github.clone(),
            },
        );
    }
    finish(
        &mut group,
        base,
        ADMIN,
        "Admin page: charter, scope, YAML execution leads and areas with repositories",
    );
    group
}

fn governance(charter: &Charter, id: &str, fallback_name: &str, kind: GroupKind) -> Group {
    Group {
        id: id.into(),
        name: charter
            .roles
            .name
            .clone()
            .unwrap_or_else(|| fallback_name.into()),
        kind,
        status: Status::Active,
        mission: charter.mission.clone(),
        goals: charter.goals.clone(),
        projects: charter
            .roles
            .areas
            .iter()
            .map(|a| Project {
                name: a.name.clone(),
                repos: a.repos.clone(),
                ..Project::default()
            })
            .collect(),
        ..Group::default()
    }
}

fn finish(group: &mut Group, base: &Base, path: &str, note: &str) {
    if let Some(url) = base.page(path) {
        group.links.push(Link {
            kind: LinkKind::Charter,
            title: format!("Charter ({})", path.rsplit('/').next().unwrap_or(path)),
            url,
        });
    }
    group.sources.push(base.source(path, note));
}

/// "Beyhan Veli (TOC Chair)" with a term → a lead whose role says chair or member and the term.
fn member(row: &directory::TableLead) -> Lead {
    let (name, chair) = match row.name.split_once('(') {
        Some((name, rest)) if rest.to_ascii_lowercase().contains("chair") => (name.trim(), true),
        _ => (row.name.as_str(), false),
    };
    let column = |label: &str| {
        row.extra
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(label))
            .map(|(_, v)| v.as_str())
    };
    let term = match (column("Term Start"), column("Term End")) {
        (Some(a), Some(b)) => format!(" (term {a} to {b})"),
        (Some(a), None) => format!(" (term from {a})"),
        _ => String::new(),
    };
    let role = if chair { "TOC chair" } else { "TOC member" };
    Lead {
        name: name.to_string(),
        role: Some(format!("{role}{term}")),
        company: row.company.clone(),
        github: row.github.clone(),
    }
}

/// The TOC's "Meetings" table: the schedule (text before a line break, a calendar link after
/// it), where the call details are, and the notes.
fn meetings(reader: &mut Reader, times: &mut MeetingTimes, page: &Page) -> Vec<Meeting> {
    let Some(section) = page.section("Meetings") else {
        return Vec::new();
    };
    let tables = section.tables();
    let Some(table) = tables.iter().find(|t| t.column("artifact").is_some()) else {
        return Vec::new();
    };
    let Some((pos, schedule)) = table.row("Meeting Schedule") else {
        return Vec::new();
    };
    let before_break = schedule.split("<br>").next().unwrap_or(schedule);
    let published = markdown::plain(before_break);
    if is_not_yet(&published) {
        return Vec::new();
    }
    let mut meeting = Meeting {
        title: "TOC meeting".into(),
        published: published.clone(),
        ..Meeting::default()
    };
    meeting.calendar = markdown::links(schedule)
        .into_iter()
        .find_map(|l| checked_url(reader, pos, &l.target, "calendar link"));
    if let Some((pos, notes)) = table.row("Meeting Notes") {
        meeting.notes = markdown::links(notes)
            .into_iter()
            .find_map(|l| checked_url(reader, pos, &l.target, "meeting notes link"));
    }
    if let Some((pos, chat)) = table.row("Meeting Video Chat") {
        let text = markdown::plain(chat);
        for link in markdown::links(chat) {
            if let Some(url) = checked_url(reader, pos, &link.target, "video chat link") {
                meeting.links.push(Link {
                    kind: LinkKind::Notes,
                    title: format!("Call details: {}", link.text),
                    url,
                });
            }
        }
        if !is_not_yet(&text) {
            meeting.remarks = Some(text);
        }
    }
    let specs = times.read(reader, pos, &published);
    per_schedule(meeting, specs)
}
