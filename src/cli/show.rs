//! `townhall show ID`: one group, everything townhall knows, readable in a terminal and in a pipe.

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::model::When;
use crate::model::{Group, Link, Meeting, Registry, Rule};
use crate::schedule::{countdown, describe, or_later};

use super::{EXIT_PROBLEMS, Paint, json, status_text};

/// When a meeting happens next, from the viewer's side: `now` and their zone.
#[derive(Clone, Copy)]
pub struct Viewer<'a> {
    pub now: Timestamp,
    pub tz: &'a TimeZone,
}

pub fn run(
    registry: &Registry,
    id: &str,
    as_json: bool,
    viewer: Viewer,
    paint: Paint,
) -> io::Result<ExitCode> {
    let Some(group) = registry.group(id) else {
        eprintln!(
            "townhall: no group with id `{id}`{}",
            suggestion(registry, id)
        );
        return Ok(ExitCode::from(EXIT_PROBLEMS));
    };
    let mut out = io::stdout().lock();
    if as_json {
        let mut value = json::group_with_community(group, registry.community(&group.community));
        add_next(&mut value, group, viewer);
        json::write(&mut out, &value)?;
    } else {
        let community = registry
            .community(&group.community)
            .map_or(group.community.as_str(), |c| c.name.as_str());
        write_group(&mut out, group, (community, registry), viewer, paint)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The best search hit for a mistyped id, so `show serverless` points at `cncf-wg-serverless`.
pub(super) fn suggestion(registry: &Registry, id: &str) -> String {
    let index = crate::search::SearchIndex::new(&registry.groups);
    match index.search(&crate::search::Query::parse(id)).first() {
        Some(hit) => format!(" (did you mean `{}`?)", registry.groups[hit.group].id),
        None => String::new(),
    }
}

fn write_group(
    out: &mut impl Write,
    g: &Group,
    (community, registry): (&str, &Registry),
    viewer: Viewer,
    paint: Paint,
) -> io::Result<()> {
    let section = |out: &mut dyn Write, title: &str| writeln!(out, "\n{}", paint.bold(title));
    writeln!(out, "{}  ({})", paint.bold(&g.name), g.id)?;
    writeln!(out, "{community} · {} · {}", g.kind.label(), status_text(g))?;
    if let Some(id) = &g.parent {
        let name = registry.group(id).map_or(id.as_str(), |p| p.name.as_str());
        writeln!(out, "  part of {name} ({id})")?;
    }
    if let Some(category) = &g.category {
        writeln!(out, "  category: {category}")?;
    }
    if let Some(date) = &g.status_date {
        writeln!(out, "  since {date}")?;
    }
    if let Some(note) = &g.status_note {
        writeln!(out, "  {note}")?;
    }
    if let Some(mission) = &g.mission {
        section(out, "Mission")?;
        writeln!(out, "  {}", mission.trim())?;
    }
    if !g.goals.is_empty() {
        section(out, "Goals")?;
        for goal in &g.goals {
            writeln!(out, "  • {goal}")?;
        }
    }
    if !g.leads.is_empty() {
        section(out, "Leads")?;
        for lead in &g.leads {
            writeln!(out, "  {}", lead.summary())?;
        }
    }
    if !g.chat.is_empty() {
        section(out, "Chat")?;
        for chat in &g.chat {
            let parts: Vec<&str> = [
                Some(chat.channel.as_str()),
                chat.workspace.as_deref(),
                chat.id.as_deref(),
                chat.url.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            writeln!(out, "  {}", parts.join("  "))?;
        }
    }
    if !g.mailing_lists.is_empty() {
        section(out, "Mailing lists")?;
        links(out, &g.mailing_lists)?;
    }
    for m in &g.meetings {
        section(out, &format!("Meeting: {}", m.title))?;
        meeting(out, m, viewer)?;
    }
    if !g.projects.is_empty() {
        section(out, "Projects")?;
        for p in &g.projects {
            writeln!(out, "  {}", p.summary())?;
            if !p.aliases.is_empty() {
                writeln!(out, "    also known as: {}", p.aliases.join(", "))?;
            }
            if let Some(url) = &p.url {
                writeln!(out, "    {url}")?;
            }
            if !p.repos.is_empty() {
                writeln!(out, "    repos: {}", p.repos.join(", "))?;
            }
            let folders = crate::owner::folders(p);
            if !folders.is_empty() {
                writeln!(out, "    OWNERS in: {}", folders.join(", "))?;
            }
        }
    }
    // Every link, numbered as the browser's detail pane numbers them, so `townhall open ID N`
    // and `o` then N open the same one.
    let numbered = crate::links::of_group(g);
    if !numbered.is_empty() {
        section(
            out,
            &format!("Links  (`townhall open {} N` opens one)", g.id),
        )?;
        for (i, l) in numbered.iter().enumerate() {
            writeln!(out, "  {:>2} {}  {}", i + 1, l.label, l.url)?;
        }
    }
    Ok(())
}

fn links(out: &mut impl Write, links: &[Link]) -> io::Result<()> {
    for link in links {
        writeln!(out, "  {}  {}", link.title, link.url)?;
    }
    Ok(())
}

fn meeting(out: &mut impl Write, m: &Meeting, viewer: Viewer) -> io::Result<()> {
    let field =
        |out: &mut dyn Write, label: &str, value: &str| writeln!(out, "  {label:<13} {value}");
    if let Some(project) = &m.project {
        field(out, "Subproject", project)?;
    }
    field(out, "Published", &m.published)?;
    match &m.when {
        When::Rule(rule) => {
            field(out, "Schedule", &describe(rule))?;
            field(out, "Next", &next_text(rule, viewer))?;
        }
        When::Unreadable(e) => field(out, "Schedule", &format!("? not understood: {e}"))?,
        When::Unstructured => field(out, "Schedule", "? not structured; see the published time")?,
    }
    let optional = [
        ("Join", &m.join),
        ("Meeting ID", &m.meeting_id),
        ("Passcode", &m.passcode),
        ("International", &m.international),
        ("Notes", &m.notes),
        ("Calendar", &m.calendar),
    ];
    for (label, value) in optional {
        if let Some(v) = value {
            field(out, label, v)?;
        }
    }
    for (label, phones) in [("One tap", &m.one_tap), ("Dial in", &m.dial_in)] {
        for (i, phone) in phones.iter().enumerate() {
            field(out, if i == 0 { label } else { "" }, &phone.summary())?;
        }
    }
    for (i, url) in m.recordings.iter().enumerate() {
        field(out, if i == 0 { "Recordings" } else { "" }, url)?;
    }
    if let Some(remarks) = &m.remarks {
        field(out, "Remarks", remarks)?;
    }
    for link in &m.links {
        field(out, &link.title, &link.url)?;
    }
    Ok(())
}

/// "Tue 24 Mar 17:00 CET (your time) · 09:00 PDT there · in 14d 4h", as the meetings pane
/// says it; "or a week later" follows when the source doesn't say which weeks.
fn next_text(rule: &Rule, viewer: Viewer) -> String {
    let Some(occ) = rule.next_after(viewer.now) else {
        return "no further meetings".to_string();
    };
    let (mine, _) = occ.in_zone(viewer.tz);
    let mut text = format!(
        "{} (your time) · {} there · {}",
        mine.strftime("%a %-d %b %H:%M %Z"),
        occ.start.strftime("%H:%M %Z"),
        countdown(viewer.now, &occ)
    );
    if let Some(later) = or_later(rule) {
        text.push_str(&format!(", {later}"));
    }
    text
}

/// `next` in each meeting of `show --json`: the start of the next (or current) occurrence,
/// RFC 3339 in the viewer's zone; left out when there is none or the time can't be read.
fn add_next(value: &mut serde_json::Value, g: &Group, viewer: Viewer) {
    let Some(meetings) = value.get_mut("meetings").and_then(|m| m.as_array_mut()) else {
        return;
    };
    for (json, m) in meetings.iter_mut().zip(&g.meetings) {
        let next = m.rule().and_then(|rule| rule.next_after(viewer.now));
        if let (Some(occ), Some(object)) = (next, json.as_object_mut()) {
            let (start, _) = occ.in_zone(viewer.tz);
            object.insert(
                "next".to_string(),
                start.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string().into(),
            );
        }
    }
}
