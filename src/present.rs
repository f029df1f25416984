//! One description of a group and its meetings, as data: `townhall show` prints it and the
//! browser's detail and meetings panes draw it, so a fact added here shows in both and the two
//! can't word the same fact differently.
//!
//! Items are plain text; how they look (columns, colours, wrapping) is each renderer's
//! business. Where the browser can act on an item it carries a [`Hint`], and the browser
//! names the key from its key table.

use crate::links;
use crate::model::{Chat, Community, Group, LinkKind, Meeting, Project, Registry, When};
use crate::schedule::describe;

/// A group as people read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    pub name: String,
    pub id: String,
    /// "Cloud Foundry Foundation · WG · renamed".
    pub summary: String,
    /// Where the group sits and what became of it: part of, category, since, note, successor.
    pub about: Vec<Item>,
    /// Mission, goals, leads, chat, mailing lists, projects and links, in that order; empty
    /// sections are left out.
    pub sections: Vec<Section>,
    /// One section per meeting, titled by the meeting.
    pub meetings: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub hint: Option<Hint>,
    pub items: Vec<Item>,
}

/// One line of a section: an optional label ("join", "2"), its text, a link to open, and
/// further lines about the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    pub label: Option<String>,
    pub text: String,
    pub link: Option<String>,
    pub more: Vec<String>,
    pub hint: Option<Hint>,
}

impl Item {
    fn text(text: impl Into<String>) -> Item {
        Item {
            text: text.into(),
            ..Item::default()
        }
    }

    fn labelled(label: impl Into<String>, text: impl Into<String>) -> Item {
        Item {
            label: Some(label.into()),
            ..Item::text(text)
        }
    }
}

/// Something the browser does with an item or section: it shows the key that does it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// The join link of the next meeting.
    Join,
    Chat,
    MailingList,
    Successor,
    /// The numbered links, opened by number.
    Links,
}

/// The schedule as the meeting's line says it, whatever loading made of it.
pub fn schedule(m: &Meeting) -> String {
    match &m.when {
        When::Rule(rule) => describe(rule),
        When::Unreadable(why) => format!("? not understood ({why}); see the published time"),
        When::Unstructured => "? only the published time is known".to_string(),
    }
}

pub fn describe_group(g: &Group, registry: &Registry) -> Description {
    let community = registry
        .community(&g.community)
        .map_or(g.community.as_str(), |c| c.name.as_str());
    let name_of = |id: &str| {
        let name = registry.group(id).map_or(id, |p| p.name.as_str());
        format!("{name} ({id})")
    };
    let mut about = Vec::new();
    if let Some(id) = &g.parent {
        about.push(Item::text(format!("part of {}", name_of(id))));
    }
    if let Some(category) = &g.category {
        about.push(Item::text(format!("category: {category}")));
    }
    if let Some(date) = &g.status_date {
        about.push(Item::text(format!("since {date}")));
    }
    if let Some(note) = &g.status_note {
        about.push(Item::text(note.trim()));
    }
    if let Some(id) = &g.successor {
        about.push(Item {
            hint: Some(Hint::Successor),
            ..Item::text(format!("→ {}", name_of(id)))
        });
    }
    let mut sections = sections(g);
    sections.extend(
        registry
            .community(&g.community)
            .and_then(|c| community_section(c, g)),
    );
    Description {
        name: g.name.clone(),
        id: g.id.clone(),
        summary: format!("{community} · {} · {}", g.kind.label(), g.status.label()),
        about,
        sections,
        meetings: g.meetings.iter().map(meeting).collect(),
    }
}

fn section(title: &str, hint: Option<Hint>, items: Vec<Item>) -> Option<Section> {
    (!items.is_empty()).then(|| Section {
        title: title.to_string(),
        hint,
        items,
    })
}

fn sections(g: &Group) -> Vec<Section> {
    let mission = g.mission.iter().map(|m| Item::text(m.trim())).collect();
    let goals = g.goals.iter().map(|goal| Item::text(format!("• {goal}")));
    let leads = g.leads.iter().map(|l| Item::text(l.summary()));
    let lists = g.mailing_lists.iter().map(|l| Item {
        link: Some(l.url.clone()),
        ..Item::text(&l.title)
    });
    let numbered = links::of_group(g)
        .into_iter()
        .enumerate()
        .map(|(i, l)| Item {
            label: Some((i + 1).to_string()),
            link: Some(l.url),
            ..Item::text(l.label)
        });
    [
        section("Mission", None, mission),
        section("Goals", None, goals.collect()),
        section("Leads", None, leads.collect()),
        section("Chat", Some(Hint::Chat), g.chat.iter().map(chat).collect()),
        section("Mailing lists", Some(Hint::MailingList), lists.collect()),
        section("Projects", None, g.projects.iter().map(project).collect()),
        section("Links", Some(Hint::Links), numbered.collect()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The kinds of community link a newcomer looks for, in the order shown, with their labels.
const COMMUNITY_LINKS: &[(LinkKind, &str)] = &[
    (LinkKind::Calendar, "calendar"),
    (LinkKind::CalendarIcs, "iCal export"),
    (LinkKind::MailingList, "mailing list"),
    (LinkKind::Forum, "forum"),
    (LinkKind::Chat, "chat"),
    (LinkKind::Recordings, "recordings"),
];

/// What the whole community shares (its calendar, list, chat workspace, recordings):
/// many groups have no list or calendar of their own and use these. When the group has no
/// list, `m` opens the community's, so the section says so.
fn community_section(c: &Community, g: &Group) -> Option<Section> {
    let mut items: Vec<Item> = c
        .homepage
        .iter()
        .map(|url| Item::labelled("homepage", url))
        .collect();
    for (kind, label) in COMMUNITY_LINKS {
        let mut first = true;
        for link in c.links.iter().filter(|l| l.kind == *kind) {
            let label = if first { *label } else { "" };
            first = false;
            items.push(Item {
                link: Some(link.url.clone()),
                ..Item::labelled(label, &link.title)
            });
        }
    }
    let offers_list = g.mailing_lists.is_empty() && community_list(c).is_some();
    let hint = offers_list.then_some(Hint::MailingList);
    section(&format!("Community: {}", c.name), hint, items)
}

/// The community's mailing list, for a group with none of its own.
pub fn community_list(c: &Community) -> Option<&crate::model::Link> {
    c.links.iter().find(|l| l.kind == LinkKind::MailingList)
}

/// "#sig-node on Kubernetes (C0BP8PW9G)".
fn chat(c: &Chat) -> Item {
    let mut text = c.channel.clone();
    if let Some(w) = &c.workspace {
        text.push_str(&format!(" on {w}"));
    }
    if let Some(id) = &c.id {
        text.push_str(&format!(" ({id})"));
    }
    Item {
        link: c.url.clone(),
        ..Item::text(text)
    }
}

fn project(p: &Project) -> Item {
    let mut more = Vec::new();
    if !p.aliases.is_empty() {
        more.push(format!("also known as: {}", p.aliases.join(", ")));
    }
    if let Some(url) = &p.url {
        more.push(url.clone());
    }
    if !p.repos.is_empty() {
        more.push(format!("repos: {}", p.repos.join(", ")));
    }
    let folders = crate::owner::folders(p);
    if !folders.is_empty() {
        more.push(format!("OWNERS in: {}", folders.join(", ")));
    }
    Item {
        more,
        ..Item::text(p.summary())
    }
}

/// A meeting's facts, labelled; several phone numbers or recordings continue under one label.
pub fn meeting(m: &Meeting) -> Section {
    let mut items = Vec::new();
    match m.projects.as_slice() {
        [] => {}
        [one] => items.push(Item::labelled("subproject", one)),
        many => items.push(Item::labelled("subprojects", many.join(", "))),
    }
    items.push(Item::labelled("published", &m.published));
    items.push(Item::labelled("schedule", schedule(m)));
    if let Some(join) = &m.join {
        items.push(Item {
            hint: Some(Hint::Join),
            ..Item::labelled("join", join)
        });
    }
    let optional = [("meeting ID", &m.meeting_id), ("passcode", &m.passcode)];
    for (label, value) in optional {
        items.extend(value.iter().map(|v| Item::labelled(label, v)));
    }
    for (label, phones) in [("one tap", &m.one_tap), ("dial in", &m.dial_in)] {
        for (i, p) in phones.iter().enumerate() {
            items.push(Item::labelled(if i == 0 { label } else { "" }, p.summary()));
        }
    }
    let later = [
        ("intl. dial", &m.international),
        ("notes", &m.notes),
        ("calendar", &m.calendar),
    ];
    for (label, value) in later {
        items.extend(value.iter().map(|v| Item::labelled(label, v)));
    }
    for (i, r) in m.recordings.iter().enumerate() {
        items.push(Item::labelled(if i == 0 { "recordings" } else { "" }, r));
    }
    if let Some(r) = &m.remarks {
        items.push(Item::labelled("remarks", r));
    }
    for l in &m.links {
        items.push(Item::labelled(&l.title, &l.url));
    }
    Section {
        title: m.title.clone(),
        hint: None,
        items,
    }
}

#[cfg(test)]
mod tests;
