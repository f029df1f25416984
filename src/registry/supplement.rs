//! A supplement: a hand-written file of what a community's published files don't say (groups
//! that no longer exist, statuses, renames, the names a project went by, descriptions in
//! townhall's words), loaded after the community's own data, whether built in or synced.
//!
//! Where an ordinary registry file replaces a group whole, a supplement only adds to it, so a
//! sync that brings new leads or repositories keeps them and still gets the history:
//! - a group the data doesn't have is added as written;
//! - for a group it has, the supplement's `kind`, `status`, `successor`, `parent`,
//!   `category`, `status_date`, `status_note` and `mission` replace the data's when written;
//!   goals, leads, chat, lists, links and sources are added unless already there (a link with
//!   the same URL takes the supplement's title and kind);
//! - projects are matched by name or alias: a match gains the supplement's aliases, repos
//!   and OWNERS files and takes its description and URL; others are added;
//! - meetings are matched by title: a match takes every value the supplement writes, and
//!   others are added; when the supplement gives the group a status of a group that no longer
//!   meets (archived, dissolved, renamed), the data's meeting schedules are dropped, so no next
//!   meeting is announced for it (the published times stay, as history);
//! - the community takes the supplement's name, short name and homepage, and its links and
//!   sources are added the same way.

use crate::model::{
    Community, CommunityFile, Group, Lead, Link, Meeting, Origins, Project, Registry, When,
};
use crate::yaml::node::{Node, Value};

/// Which keys each group of the supplement writes, by group id (`kind` and `status` have
/// defaults, so only the file itself tells whether they were given).
#[derive(Debug, Default)]
pub struct Written {
    groups: Vec<(String, Vec<String>)>,
}

impl Written {
    pub fn of(root: &Node) -> Written {
        let mut groups = Vec::new();
        let items = match root.get("groups").map(|g| &g.value) {
            Some(Value::Seq(items)) => items.as_slice(),
            _ => &[],
        };
        for item in items {
            let Some(id) = item.get("id").and_then(Node::as_str) else {
                continue;
            };
            let keys = match &item.value {
                Value::Map(entries) => entries
                    .iter()
                    .filter_map(|(k, _)| k.as_str().map(str::to_string))
                    .collect(),
                _ => Vec::new(),
            };
            groups.push((id.to_string(), keys));
        }
        Written { groups }
    }

    fn has(&self, id: &str, key: &str) -> bool {
        self.groups
            .iter()
            .any(|(g, keys)| g == id && keys.iter().any(|k| k == key))
    }
}

/// Applies `file` (named `label` in `show --sources`) to the loaded registry.
pub fn apply(registry: &mut Registry, file: CommunityFile, written: &Written, label: &str) {
    let CommunityFile {
        community,
        groups: additions,
    } = file;
    let community_id = community.id.clone();
    let origins = registry
        .community_origins
        .entry(community_id.clone())
        .or_insert_with(|| Origins::from(label));
    match registry
        .communities
        .iter_mut()
        .find(|c| c.id == community.id)
    {
        Some(existing) => refine(existing, community, label, origins),
        None => registry.communities.push(community),
    }
    for mut addition in additions {
        addition.community = community_id.clone();
        match registry.groups.iter_mut().find(|g| g.id == addition.id) {
            Some(group) => {
                let origins = registry.origins.entry(group.id.clone()).or_default();
                patch(group, addition, written, label, origins);
            }
            None => {
                registry
                    .origins
                    .insert(addition.id.clone(), Origins::from(label));
                registry.groups.push(addition);
            }
        }
    }
}

fn refine(existing: &mut Community, later: Community, label: &str, origins: &mut Origins) {
    existing.name = later.name;
    origins.set("name", label);
    if later.short.is_some() {
        existing.short = later.short;
        origins.set("short", label);
    }
    if later.homepage.is_some() {
        existing.homepage = later.homepage;
        origins.set("homepage", label);
    }
    if !later.links.is_empty() {
        origins.add("links", label);
    }
    add_links(&mut existing.links, later.links);
    if !later.sources.is_empty() {
        origins.add("sources", label);
    }
    add_all(&mut existing.sources, later.sources);
}

fn patch(group: &mut Group, extra: Group, written: &Written, label: &str, origins: &mut Origins) {
    record(&extra, written, label, origins);
    if written.has(&extra.id, "kind") {
        group.kind = extra.kind;
    }
    if written.has(&extra.id, "status") {
        group.status = extra.status;
        if group.status.is_gone() {
            for m in &mut group.meetings {
                m.schedule = None;
                m.when = When::Unstructured;
            }
        }
    }
    for (to, from) in [
        (&mut group.successor, extra.successor),
        (&mut group.parent, extra.parent),
        (&mut group.category, extra.category),
        (&mut group.status_date, extra.status_date),
        (&mut group.status_note, extra.status_note),
        (&mut group.mission, extra.mission),
    ] {
        if from.is_some() {
            *to = from;
        }
    }
    add_all(&mut group.goals, extra.goals);
    for lead in extra.leads {
        let same = |l: &&mut Lead| match (&l.github, &lead.github) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => l.name == lead.name,
        };
        match group.leads.iter_mut().find(same) {
            Some(existing) => {
                if lead.role.is_some() {
                    existing.role = lead.role;
                }
                if lead.company.is_some() {
                    existing.company = lead.company;
                }
            }
            None => group.leads.push(lead),
        }
    }
    for chat in extra.chat {
        if !group
            .chat
            .iter()
            .any(|c| c.channel == chat.channel && c.url == chat.url)
        {
            group.chat.push(chat);
        }
    }
    add_links(&mut group.mailing_lists, extra.mailing_lists);
    add_links(&mut group.links, extra.links);
    add_all(&mut group.sources, extra.sources);
    for project in extra.projects {
        add_project(&mut group.projects, project);
    }
    for meeting in extra.meetings {
        match group.meetings.iter_mut().find(|m| m.title == meeting.title) {
            Some(existing) => patch_meeting(existing, meeting),
            None => group.meetings.push(meeting),
        }
    }
}

/// Notes in `origins` what the supplement `extra` gives a group that already has it:
/// the values it sets, and the lists it adds to.
fn record(extra: &Group, written: &Written, label: &str, origins: &mut Origins) {
    let id = &extra.id;
    for key in [
        "kind",
        "status",
        "successor",
        "parent",
        "category",
        "status_date",
        "status_note",
        "mission",
    ] {
        if written.has(id, key) {
            origins.set(key, label);
        }
    }
    for (key, given) in [
        ("goals", !extra.goals.is_empty()),
        ("leads", !extra.leads.is_empty()),
        ("chat", !extra.chat.is_empty()),
        ("mailing_lists", !extra.mailing_lists.is_empty()),
        ("links", !extra.links.is_empty()),
        ("sources", !extra.sources.is_empty()),
        ("projects", !extra.projects.is_empty()),
    ] {
        if given {
            origins.add(key, label);
        }
    }
    if !extra.meetings.is_empty() {
        origins.add("meetings", label);
    }
}

fn add_project(projects: &mut Vec<Project>, extra: Project) {
    let names = |p: &Project| {
        std::iter::once(p.name.to_lowercase())
            .chain(p.aliases.iter().map(|a| a.to_lowercase()))
            .collect::<Vec<_>>()
    };
    let wanted = names(&extra);
    let Some(existing) = projects
        .iter_mut()
        .find(|p| names(p).iter().any(|n| wanted.contains(n)))
    else {
        projects.push(extra);
        return;
    };
    if extra.description.is_some() {
        existing.description = extra.description;
    }
    if extra.url.is_some() {
        existing.url = extra.url;
    }
    let own_name = existing.name.clone();
    add_all(
        &mut existing.aliases,
        std::iter::once(extra.name)
            .filter(|n| *n != own_name)
            .chain(extra.aliases)
            .collect(),
    );
    add_all(&mut existing.repos, extra.repos);
    add_all(&mut existing.owners, extra.owners);
}

fn patch_meeting(m: &mut Meeting, extra: Meeting) {
    if !extra.published.is_empty() {
        m.published = extra.published;
    }
    if extra.schedule.is_some() {
        m.schedule = extra.schedule;
        m.when = extra.when;
    }
    for (to, from) in [
        (&mut m.join, extra.join),
        (&mut m.meeting_id, extra.meeting_id),
        (&mut m.passcode, extra.passcode),
        (&mut m.international, extra.international),
        (&mut m.notes, extra.notes),
        (&mut m.calendar, extra.calendar),
        (&mut m.remarks, extra.remarks),
    ] {
        if from.is_some() {
            *to = from;
        }
    }
    add_all(&mut m.one_tap, extra.one_tap);
    add_all(&mut m.dial_in, extra.dial_in);
    add_all(&mut m.recordings, extra.recordings);
    add_all(&mut m.projects, extra.projects);
    add_links(&mut m.links, extra.links);
}

fn add_all<T: PartialEq>(to: &mut Vec<T>, from: Vec<T>) {
    for item in from {
        if !to.contains(&item) {
            to.push(item);
        }
    }
}

fn add_links(to: &mut Vec<Link>, from: Vec<Link>) {
    for link in from {
        match to.iter_mut().find(|l| l.url == link.url) {
            Some(existing) => *existing = link,
            None => to.push(link),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::registry::validate::check_root;
    use crate::yaml::node::parse;

    fn supplement(yaml: &str) -> (CommunityFile, Written) {
        let root = parse(yaml).unwrap();
        let checked = check_root("s.yaml", &root);
        assert!(
            checked.problems.iter().all(|p| !p.is_error()),
            "{:?}",
            checked.problems
        );
        (checked.file.unwrap(), Written::of(&root))
    }

    fn data() -> Registry {
        let group = Group {
            id: "x-runtime".into(),
            name: "Runtime".into(),
            community: "x".into(),
            mission: Some("Run.".into()),
            leads: vec![Lead {
                name: "Ada".into(),
                github: Some("ada".into()),
                ..Lead::default()
            }],
            projects: vec![Project {
                name: "Identity (UAA)".into(),
                repos: vec!["x/uaa".into()],
                ..Project::default()
            }],
            meetings: vec![Meeting {
                title: "Weekly".into(),
                published: "Thursdays".into(),
                join: Some("https://zoom.us/j/1".into()),
                ..Meeting::default()
            }],
            ..Group::default()
        };
        let community = Community {
            id: "x".into(),
            name: "X".into(),
            ..Community::default()
        };
        Registry {
            communities: vec![community],
            groups: vec![group],
            ..Registry::default()
        }
    }

    #[test]
    fn a_supplement_adds_history_and_names_without_losing_what_the_data_says() {
        let (file, written) = supplement(
            "community: {id: x, name: X Foundation, homepage: 'https://x.example'}\n\
             groups:\n\
             \x20 - id: x-runtime\n\
             \x20   name: Runtime\n\
             \x20   status: archived\n\
             \x20   projects:\n\
             \x20     - {name: UAA, description: Logins., repos: [x/uaa-release]}\n\
             \x20     - {name: Eirini}\n\
             \x20   meetings:\n\
             \x20     - title: Weekly\n\
             \x20       published: Thursdays\n\
             \x20       schedule: {every: week, on: [thursday], at: '10:00', zone: UTC}\n\
             \x20 - id: x-old\n\
             \x20   name: Old\n\
             \x20   status: dissolved\n\
             \x20   successor: x-runtime\n",
        );
        let mut registry = data();
        // "UAA" is neither the name nor an alias of "Identity (UAA)", so it is a project
        // of its own here (the next test matches through an alias).
        apply(&mut registry, file, &written, "s.yaml");
        let (communities, groups) = (&registry.communities, &registry.groups);
        assert_eq!(registry.origins["x-runtime"].of("status"), "s.yaml");
        assert_eq!(communities[0].name, "X Foundation");
        let g = &groups[0];
        assert_eq!(g.status, Status::Archived);
        assert!(
            g.meetings[0].schedule.is_some(),
            "the supplement's own schedule stays"
        );
        assert_eq!(g.mission.as_deref(), Some("Run."), "left alone");
        assert_eq!(g.leads.len(), 1, "kept");
        let names: Vec<&str> = g.projects.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Identity (UAA)", "UAA", "Eirini"]);
        let m = &g.meetings[0];
        assert_eq!(m.join.as_deref(), Some("https://zoom.us/j/1"), "kept");
        assert!(
            m.schedule.is_some() && m.when.rule().is_some(),
            "added, checked"
        );
        assert_eq!(groups[1].id, "x-old");
        assert_eq!(groups[1].community, "x");
    }

    #[test]
    fn projects_match_by_alias_and_gain_names_and_repos() {
        let (file, written) = supplement(
            "community: {id: x, name: X}\n\
             groups:\n\
             \x20 - id: x-runtime\n\
             \x20   name: Runtime\n\
             \x20   projects:\n\
             \x20     - {name: Identity (UAA), aliases: [UAA], description: Logins., repos: [x/uaa, x/uaa-release]}\n",
        );
        let mut registry = data();
        apply(&mut registry, file, &written, "s.yaml");
        let g = &registry.groups[0];
        assert_eq!(g.status, Status::Active, "status not written, so kept");
        assert_eq!(g.projects.len(), 1);
        let p = &g.projects[0];
        assert_eq!(p.aliases, ["UAA"]);
        assert_eq!(p.repos, ["x/uaa", "x/uaa-release"]);
        assert_eq!(p.description.as_deref(), Some("Logins."));
    }

    #[test]
    fn a_group_the_supplement_archives_announces_no_next_meeting() {
        let (file, written) = supplement(
            "community: {id: x, name: X}\ngroups:\n  - {id: x-runtime, name: Runtime, status: archived}\n",
        );
        let mut registry = data();
        registry.groups[0].meetings[0].schedule = Some(crate::model::ScheduleSpec {
            every: crate::model::Frequency::Week,
            on: vec!["thursday".into()],
            at: "10:00".into(),
            zone: "UTC".into(),
            ..Default::default()
        });
        apply(&mut registry, file, &written, "s.yaml");
        let m = &registry.groups[0].meetings[0];
        assert_eq!(
            (m.schedule.as_ref(), m.published.as_str()),
            (None, "Thursdays")
        );
    }
}
