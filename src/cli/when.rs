//! `townhall upcoming` and `townhall ics`: meetings in the viewer's time, and as a calendar.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::table::{Cell, Table};
use super::{EXIT_PROBLEMS, json, output_width};
use crate::agenda::{self, Entry};
use crate::model::Registry;
use crate::schedule::countdown;

/// One row of `upcoming --json`.
#[derive(Serialize)]
struct Occurrence<'a> {
    /// RFC 3339 with the viewer's offset.
    start: String,
    end: String,
    /// The meeting's own zone, in which its schedule is defined.
    zone: &'a str,
    in_progress: bool,
    /// Only a possible meeting: it is every few weeks and the source doesn't say which.
    tentative: bool,
    group_id: &'a str,
    group_name: &'a str,
    meeting: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    join: Option<&'a str>,
}

pub fn upcoming(
    registry: &Registry,
    now: Timestamp,
    tz: &TimeZone,
    days: u32,
    as_json: bool,
) -> io::Result<ExitCode> {
    let entries = agenda::upcoming(registry, now, days);
    let mut out = io::stdout().lock();
    if as_json {
        let rows: Vec<Occurrence> = entries
            .iter()
            .map(|e| occurrence(registry, e, tz, now))
            .collect();
        json::write(&mut out, &rows)?;
    } else {
        let mut table = Table::new(["WHEN", "", "GROUP", "MEETING", "JOIN"]);
        for e in &entries {
            let (start, _) = e.occurrence.in_zone(tz);
            let m = e.meeting(registry);
            let maybe = if e.occurrence.tentative { " ?" } else { "" };
            table.row([
                Cell::new(format!("{}{maybe}", start.strftime("%a %-d %b %H:%M %Z"))),
                Cell::new(countdown(now, &e.occurrence)),
                Cell::new(&e.group(registry).name),
                Cell::new(&m.title),
                Cell::new(m.join.as_deref().unwrap_or("")),
            ]);
        }
        table.write(&mut out, output_width())?;
        if entries.iter().any(|e| e.occurrence.tentative) {
            eprintln!("{TENTATIVE_LEGEND}");
        }
    }
    let unreadable = agenda::unreadable(registry).len();
    if unreadable > 0 {
        eprintln!(
            "townhall: {unreadable} meeting(s) have only a published time and are not listed (`townhall show` has them)"
        );
    }
    if entries.is_empty() {
        eprintln!("townhall: no meetings in the next {days} day(s)");
    }
    Ok(ExitCode::SUCCESS)
}

/// Every candidate week of such a meeting is listed, so the real one is never missing; the
/// mark keeps any one of them from being read as a promise.
const TENTATIVE_LEGEND: &str = "townhall: ? marks a possible meeting: one held every few weeks whose source doesn't say which weeks";

fn occurrence<'a>(
    registry: &'a Registry,
    e: &Entry,
    tz: &TimeZone,
    now: Timestamp,
) -> Occurrence<'a> {
    let (start, end) = e.occurrence.in_zone(tz);
    let g = e.group(registry);
    let m = e.meeting(registry);
    Occurrence {
        start: start.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        end: end.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        zone: m.schedule.as_ref().map_or("", |s| s.zone.as_str()),
        in_progress: e.occurrence.is_in_progress(now),
        tentative: e.occurrence.tentative,
        group_id: &g.id,
        group_name: &g.name,
        meeting: &m.title,
        join: m.join.as_deref(),
    }
}

/// Writes the calendar to `output` (or stdout) and names every meeting left out.
pub fn ics(
    registry: &Registry,
    ids: &[String],
    output: Option<&Path>,
    now: Timestamp,
) -> io::Result<ExitCode> {
    let mut groups = Vec::new();
    for id in ids {
        match registry.group(id) {
            Some(g) => groups.push(g),
            None => {
                eprintln!("townhall: no group with id `{id}`");
                return Ok(ExitCode::from(EXIT_PROBLEMS));
            }
        }
    }
    let export = crate::ics::export(&groups, now);
    for s in &export.skipped {
        eprintln!(
            "townhall: left out {} / {}: {}",
            s.group, s.meeting, s.reason
        );
    }
    match output {
        Some(path) => {
            std::fs::write(path, &export.text).map_err(|e| {
                io::Error::new(e.kind(), format!("writing {}: {e}", path.display()))
            })?;
            eprintln!("wrote {}", path.display());
        }
        None => io::stdout().lock().write_all(export.text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
