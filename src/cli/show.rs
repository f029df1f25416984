//! `townhall show ID`: one group, everything townhall knows, readable in a terminal and in a pipe.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::model::When;
use crate::model::{Group, Link, Meeting, Registry};
use crate::schedule::describe;

use super::{EXIT_PROBLEMS, json, status_text};
use crate::agenda::{self, Calendars};

/// What `show` needs to say where a meeting's times come from and when it next is.
struct Times<'a> {
    calendars: &'a Calendars,
    group: usize,
    now: jiff::Timestamp,
}

pub fn run(
    registry: &Registry,
    calendars: &Calendars,
    id: &str,
    as_json: bool,
    now: jiff::Timestamp,
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
        json::write(
            &mut out,
            &json::group_with_community(group, registry.community(&group.community)),
        )?;
    } else {
        let community = registry
            .community(&group.community)
            .map_or(group.community.as_str(), |c| c.name.as_str());
        let index = registry.group_index(id).expect("found above");
        write_group(
            &mut out,
            group,
            community,
            registry,
            &Times {
                calendars,
                group: index,
                now,
            },
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The best search hit for a mistyped id, so `show serverless` points at `cncf-wg-serverless`.
fn suggestion(registry: &Registry, id: &str) -> String {
    let index = crate::search::SearchIndex::new(&registry.groups);
    match index.search(&crate::search::Query::parse(id)).first() {
        Some(hit) => format!(" (did you mean `{}`?)", registry.groups[hit.group].id),
        None => String::new(),
    }
}

fn write_group(
    out: &mut impl Write,
    g: &Group,
    community: &str,
    registry: &Registry,
    times: &Times,
) -> io::Result<()> {
    writeln!(out, "{}  ({})", g.name, g.id)?;
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
    for (mi, m) in g.meetings.iter().enumerate() {
        section(out, &format!("Meeting: {}", m.title))?;
        let source = agenda::time_source(registry, times.calendars, times.group, mi);
        writeln!(out, "  {:<13} {source}", "Times")?;
        if let Some(next) = next_from_calendar(times, mi) {
            writeln!(out, "  {:<13} {next}", "Next")?;
        }
        meeting(out, m)?;
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
    if !g.links.is_empty() {
        section(out, "Links")?;
        links(out, &g.links)?;
    }
    Ok(())
}

/// The next few occurrences a calendar has for this meeting, in the meeting's own zone.
fn next_from_calendar(times: &Times, meeting: usize) -> Option<String> {
    times.calendars.source_of(times.group, meeting)?;
    let window = crate::calendar::Window::new(
        times.now,
        times.now + jiff::SignedDuration::from_hours(24 * 28),
    );
    let found = times.calendars.occurrences(times.group, meeting, window)?;
    let next: Vec<String> = found
        .iter()
        .take(3)
        .map(|o| {
            let when = o.start.strftime("%a %-d %b %H:%M %Z").to_string();
            match (o.status, &o.moved_from) {
                (crate::calendar::EventStatus::Cancelled, _) => format!("{when} (cancelled)"),
                (_, Some(_)) => format!("{when} (moved)"),
                _ => when,
            }
        })
        .collect();
    Some(if next.is_empty() {
        "none in the next 4 weeks".to_owned()
    } else {
        next.join(", ")
    })
}

fn section(out: &mut impl Write, title: &str) -> io::Result<()> {
    writeln!(out, "\n{title}")
}

fn links(out: &mut impl Write, links: &[Link]) -> io::Result<()> {
    for link in links {
        writeln!(out, "  {}  {}", link.title, link.url)?;
    }
    Ok(())
}

fn meeting(out: &mut impl Write, m: &Meeting) -> io::Result<()> {
    let field =
        |out: &mut dyn Write, label: &str, value: &str| writeln!(out, "  {label:<13} {value}");
    if let Some(project) = &m.project {
        field(out, "Subproject", project)?;
    }
    field(out, "Published", &m.published)?;
    match &m.when {
        When::Rule(rule) => field(out, "Schedule", &describe(rule))?,
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
