//! `townhall show ID`: one group, everything townhall knows, readable in a terminal and in a pipe.

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::agenda::{self, Calendars};
use crate::model::{Registry, Rule};
use crate::present::{Description, Item, describe_group};
use crate::schedule::{countdown, or_later};
use crate::text::width;

use super::{EXIT_PROBLEMS, json};

/// When a meeting happens next, from the viewer's side: `now` and their zone.
#[derive(Clone, Copy)]
pub struct Viewer<'a> {
    pub now: Timestamp,
    pub tz: &'a TimeZone,
}

/// What `show` prints: JSON or text, and the group or where its parts came from.
#[derive(Clone, Copy, Default)]
pub struct How {
    pub json: bool,
    pub sources: bool,
}

pub fn run(
    registry: &Registry,
    calendars: &Calendars,
    id: &str,
    how: How,
    viewer: Viewer,
) -> io::Result<ExitCode> {
    let Some(group) = registry.group(id) else {
        crate::errln!(
            "townhall: no group with id `{id}`{}",
            suggestion(registry, id)
        );
        return Ok(ExitCode::from(EXIT_PROBLEMS));
    };
    let mut out = crate::untrusted::output::stdout();
    if how.json {
        let mut value = json::group_with_community(group, registry.community(&group.community));
        let origins = json::origins(&value, registry);
        let gi = registry.group_index(id).expect("found above");
        add_next(&mut value, registry, calendars, gi, viewer);
        value["origins"] = serde_json::Value::Object(
            origins
                .into_iter()
                .map(|(part, file)| (part, file.into()))
                .collect(),
        );
        json::write(&mut out, &value)?;
    } else if how.sources {
        let value = json::group_with_community(group, registry.community(&group.community));
        let origins = json::origins(&value, registry);
        let w = origins.iter().map(|(p, _)| width(p)).max().unwrap_or(0);
        writeln!(out, "{}  ({})", group.name, group.id)?;
        for (part, file) in origins {
            let pad = " ".repeat(w.saturating_sub(width(&part)));
            writeln!(out, "  {part}{pad}  {file}")?;
        }
    } else {
        let mut d = describe_group(group, registry);
        let gi = registry.group_index(id).expect("found above");
        add_next_lines(&mut d, registry, calendars, gi, viewer);
        for (mi, section) in d.meetings.iter_mut().enumerate() {
            let mut first = vec![labelled(
                "times",
                agenda::time_source(registry, calendars, gi, mi),
            )];
            first.extend(
                next_from_calendar(calendars, gi, mi, viewer.now).map(|n| labelled("calendar", n)),
            );
            section.items.splice(0..0, first);
        }
        write_group(&mut out, &d)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn labelled(label: &str, text: String) -> Item {
    Item {
        label: Some(label.to_owned()),
        text,
        ..Item::default()
    }
}

/// The next few occurrences a calendar has for this meeting, in the meeting's own zone.
fn next_from_calendar(
    calendars: &Calendars,
    group: usize,
    meeting: usize,
    now: jiff::Timestamp,
) -> Option<String> {
    calendars.source_of(group, meeting)?;
    let window = crate::calendar::Window::around(
        now,
        jiff::SignedDuration::ZERO,
        jiff::SignedDuration::from_hours(24 * 28),
    );
    let found = calendars.occurrences(group, meeting, window)?;
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

/// The best search hit for a mistyped id, so `show serverless` points at `cncf-wg-serverless`.
pub(super) fn suggestion(registry: &Registry, id: &str) -> String {
    let index =
        crate::search::SearchIndex::with_communities(&registry.groups, &registry.communities);
    match index.search(&crate::search::Query::parse(id)).first() {
        Some(hit) => format!(" (did you mean `{}`?)", registry.groups[hit.group].id),
        None => String::new(),
    }
}

pub(crate) fn write_group(out: &mut impl Write, d: &Description) -> io::Result<()> {
    writeln!(out, "{}  ({})", d.name, d.id)?;
    writeln!(out, "{}", d.summary)?;
    for item in &d.about {
        writeln!(out, "  {}", item.text)?;
    }
    for s in &d.sections {
        section(out, &s.title, &s.items)?;
    }
    for m in &d.meetings {
        section(out, &format!("Meeting: {}", m.title), &m.items)?;
    }
    Ok(())
}

/// Labels line up within a section; a link follows its text.
fn section(out: &mut impl Write, title: &str, items: &[Item]) -> io::Result<()> {
    writeln!(out, "\n{title}")?;
    // A label longer than this (a meeting link's title) doesn't push every value right.
    const MAX_LABEL: usize = 13;
    let width = items
        .iter()
        .filter_map(|i| i.label.as_deref())
        .map(width)
        .filter(|w| *w <= MAX_LABEL)
        .max();
    for item in items {
        let mut line = String::from("  ");
        if let (Some(label), Some(w)) = (&item.label, width) {
            let pad = w.saturating_sub(self::width(label));
            line.push_str(&format!("{label}{} ", " ".repeat(pad)));
        }
        line.push_str(&item.text);
        if let Some(link) = &item.link {
            line.push_str(&format!("  {link}"));
        }
        writeln!(out, "{}", line.trim_end())?;
        for more in &item.more {
            writeln!(out, "    {more}")?;
        }
    }
    Ok(())
}

/// A `next` line under each meeting's schedule: the command line has a moment and a zone
/// to say it in (the browser's meetings pane says the same, live). A meeting a calendar
/// speaks for has the calendar's next occurrence that takes place.
fn add_next_lines(
    d: &mut Description,
    registry: &Registry,
    calendars: &Calendars,
    gi: usize,
    viewer: Viewer,
) {
    let g = &registry.groups[gi];
    if g.status.is_gone() {
        return;
    }
    for (mi, (section, m)) in d.meetings.iter_mut().zip(&g.meetings).enumerate() {
        let from_calendar = calendars.source_of(gi, mi).is_some();
        if !from_calendar && m.rule().is_none() {
            continue;
        }
        let text = match agenda::next_of(registry, calendars, (gi, mi), viewer.now) {
            // "or a week later" belongs to a rule's guess, never to a calendar's date.
            Some(next) => next_text(&next, m.rule().filter(|_| !from_calendar), viewer),
            None if from_calendar => "none in the community calendar for a year".to_string(),
            None => "no further meetings".to_string(),
        };
        let at = section
            .items
            .iter()
            .position(|i| i.label.as_deref() == Some("schedule"))
            .map_or(section.items.len(), |i| i + 1);
        let item = Item {
            label: Some("next".to_string()),
            text,
            ..Item::default()
        };
        section.items.insert(at, item);
    }
}

/// "Tue 24 Mar 17:00 CET (your time) · 09:00 PDT there · in 14d 4h", as the meetings pane
/// says it; "or a week later" follows when the source doesn't say which weeks, and "moved
/// from ..." when the calendar moved this one.
fn next_text(next: &agenda::Entry, rule: Option<&Rule>, viewer: Viewer) -> String {
    let occ = &next.occurrence;
    let (mine, _) = occ.in_zone(viewer.tz);
    let mut text = format!(
        "{} (your time) · {} there · {}",
        mine.strftime("%a %-d %b %H:%M %Z"),
        occ.start.strftime("%H:%M %Z"),
        countdown(viewer.now, occ)
    );
    if let Some(from) = &next.moved_from {
        let from = from.with_time_zone(viewer.tz.clone());
        text.push_str(&format!(
            " (moved from {})",
            from.strftime("%a %-d %b %H:%M")
        ));
    }
    if let Some(later) = rule.and_then(or_later) {
        text.push_str(&format!(", {later}"));
    }
    text
}

/// `next` in each meeting of `show --json`: the start of the next (or current) occurrence
/// that takes place, RFC 3339 in the viewer's zone, with `next_source` (`calendar` or
/// `registry`); left out when there is none or the time can't be read.
fn add_next(
    value: &mut serde_json::Value,
    registry: &Registry,
    calendars: &Calendars,
    gi: usize,
    viewer: Viewer,
) {
    let Some(meetings) = value.get_mut("meetings").and_then(|m| m.as_array_mut()) else {
        return;
    };
    for (mi, json) in meetings.iter_mut().enumerate() {
        let next = agenda::next_of(registry, calendars, (gi, mi), viewer.now);
        if let (Some(next), Some(object)) = (next, json.as_object_mut()) {
            let (start, _) = next.occurrence.in_zone(viewer.tz);
            object.insert(
                "next".to_string(),
                start.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string().into(),
            );
            object.insert("next_source".to_string(), next.source.label().into());
        }
    }
}
