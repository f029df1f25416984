//! `townhall upcoming` and `townhall ics`: meetings in the viewer's time, and as a calendar.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::table::{Cell, Give, Table};
use super::{Dirs, EXIT_BROKEN_REGISTRY, EXIT_PROBLEMS, json, output_width};
use crate::agenda::{self, Entry};
use crate::config::{Config, WorkingHours};
use crate::model::Registry;
use crate::schedule::countdown;
use crate::state::State;

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
    /// `confirmed` (the community calendar has it), `scheduled` (a rule with known weeks,
    /// no calendar), `tentative` or `cancelled`.
    status: &'static str,
    /// Where the time comes from: `calendar` or `registry`.
    source: &'static str,
    /// For an occurrence the calendar moved: where its series had it (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    moved_from: Option<String>,
    group_id: &'a str,
    group_name: &'a str,
    meeting: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    join: Option<&'a str>,
}

/// Which meetings `upcoming` keeps, from its flags.
#[derive(Debug, Default)]
pub struct Filters {
    /// `--favorites`: the ids in state.json.
    pub favorites: Option<std::collections::BTreeSet<String>>,
    /// `--within-hours`: the config's working hours.
    pub hours: Option<WorkingHours>,
    /// `--group`: only these ids (empty: every group).
    pub groups: Vec<String>,
}

impl Filters {
    /// Reads state.json and config.yaml only when a flag asks for them; their problems are
    /// printed, as the browser shows them in its status line.
    pub fn read(dirs: &Dirs, favorites: bool, within_hours: bool, groups: Vec<String>) -> Self {
        let favorites = favorites.then(|| {
            let (state, warning) = State::load(&dirs.data);
            if let Some(w) = warning {
                crate::errln!("townhall: {w}");
            }
            state.favorites
        });
        let hours = within_hours.then(|| {
            let (config, warning) = Config::load(&dirs.config);
            if let Some(w) = warning {
                crate::errln!("townhall: {w}");
            }
            config.working_hours
        });
        Filters {
            favorites,
            hours,
            groups,
        }
    }

    fn keeps_group(&self, id: &String) -> bool {
        self.favorites.as_ref().is_none_or(|f| f.contains(id))
            && (self.groups.is_empty() || self.groups.contains(id))
    }

    fn keeps(&self, registry: &Registry, e: &Entry, tz: &TimeZone) -> bool {
        self.keeps_group(&e.group(registry).id)
            && self
                .hours
                .is_none_or(|h| h.contains(e.occurrence.in_zone(tz).0.time()))
    }
}

/// The end of the window: `days` days from now, or for 0 the end of today on the viewer's
/// clock; a window running past the last instant jiff knows stops there, as
/// `agenda::upcoming`'s does.
fn window_end(now: Timestamp, tz: &TimeZone, days: u32) -> Timestamp {
    let end = if days == 0 {
        now.to_zoned(tz.clone())
            .date()
            .tomorrow()
            .ok()
            .and_then(|d| d.to_zoned(tz.clone()).ok())
            .map(|z| z.timestamp())
    } else {
        now.checked_add(jiff::SignedDuration::from_hours(24 * i64::from(days)))
            .ok()
    };
    end.unwrap_or(Timestamp::MAX)
}

pub fn upcoming(
    registry: &Registry,
    calendars: &agenda::Calendars,
    (now, tz): (Timestamp, &TimeZone),
    days: u32,
    filters: &Filters,
    as_json: bool,
    paint: super::Paint,
) -> io::Result<ExitCode> {
    if let Some(id) = filters
        .groups
        .iter()
        .find(|id| registry.group(id).is_none())
    {
        crate::errln!("townhall: --group: no group with id `{id}`");
        return Ok(ExitCode::from(EXIT_PROBLEMS));
    }
    if filters.favorites.as_ref().is_some_and(|f| f.is_empty()) {
        crate::errln!(
            "townhall: --favorites: no favorites yet (press f on a group in the browser)"
        );
    }
    if let Err(e) = agenda::window_end(now, days) {
        crate::errln!("townhall: upcoming: {e}");
        return Ok(ExitCode::from(EXIT_BROKEN_REGISTRY));
    }
    let entries: Vec<Entry> = agenda::until(registry, calendars, now, window_end(now, tz, days))
        .into_iter()
        .filter(|e| filters.keeps(registry, e, tz))
        .collect();
    let mut out = crate::untrusted::output::stdout_styled(paint.is_on());
    if as_json {
        let rows: Vec<Occurrence> = entries
            .iter()
            .map(|e| occurrence(registry, e, tz, now))
            .collect();
        json::write(&mut out, &rows)?;
    } else {
        // Times stay whole, names come before links: a cut link is no use.
        let mut table = Table::new(["WHEN", "", "GROUP", "MEETING", "JOIN"])
            .give(1, Give::Keep)
            .give(2, Give::Last)
            .give(3, Give::Last)
            .give(4, Give::Whole)
            .painted(paint);
        for e in &entries {
            let (start, _) = e.occurrence.in_zone(tz);
            let maybe = if e.occurrence.tentative { " ?" } else { "" };
            let when = match e.status {
                agenda::Status::Cancelled => "cancelled".to_owned(),
                _ => countdown(now, &e.occurrence),
            };
            table.row([
                Cell::new(format!("{}{maybe}", start.strftime("%a %-d %b %H:%M %Z"))),
                Cell::new(when),
                Cell::new(&e.group(registry).name),
                Cell::new(meeting_text(registry, e, tz)),
                Cell::new(e.join(registry).unwrap_or("")),
            ]);
        }
        let left_out = table.write(&mut out, output_width())?;
        if !left_out.is_empty() {
            crate::errln!(
                "townhall: join links left out to fit the terminal; `townhall open ID --print` or a pipe gives them"
            );
        }
        if entries.iter().any(|e| e.occurrence.tentative) {
            crate::errln!("{TENTATIVE_LEGEND}");
        }
    }
    let unreadable = agenda::unreadable(registry, calendars)
        .iter()
        .filter(|(g, _)| filters.keeps_group(&registry.groups[*g].id))
        .count();
    if unreadable > 0 {
        crate::errln!(
            "townhall: {unreadable} meeting(s) have only a published time and are not listed (`townhall show` has them)"
        );
    }
    if entries.is_empty() {
        match days {
            0 => crate::errln!("townhall: no more meetings today"),
            _ => crate::errln!("townhall: no meetings in the next {days} day(s)"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every candidate week of such a meeting is listed, so the real one is never missing; the
/// mark keeps any one of them from being read as a promise.
const TENTATIVE_LEGEND: &str = "townhall: ? marks a possible meeting: one held every few weeks whose source doesn't say which weeks";

/// The meeting's title, saying when the calendar cancelled or moved this one.
fn meeting_text(registry: &Registry, e: &Entry, tz: &TimeZone) -> String {
    let title = e.title(registry);
    match (&e.status, &e.moved_from) {
        (agenda::Status::Cancelled, _) => format!("{title} (cancelled)"),
        (_, Some(from)) => format!(
            "{title} (moved from {})",
            from.with_time_zone(tz.clone()).strftime("%a %-d %b %H:%M")
        ),
        _ => title.to_owned(),
    }
}

fn rfc3339(z: &jiff::Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn occurrence<'a>(
    registry: &'a Registry,
    e: &'a Entry,
    tz: &TimeZone,
    now: Timestamp,
) -> Occurrence<'a> {
    let (start, end) = e.occurrence.in_zone(tz);
    let g = e.group(registry);
    let m = e.meeting(registry);
    Occurrence {
        start: rfc3339(&start),
        end: rfc3339(&end),
        zone: match e.source {
            agenda::Source::Calendar => e.occurrence.start.time_zone().iana_name().unwrap_or(""),
            agenda::Source::Registry => m.schedule.as_ref().map_or("", |s| s.zone.as_str()),
        },
        in_progress: e.occurrence.is_in_progress(now),
        tentative: e.occurrence.tentative,
        status: e.status.label(),
        source: e.source.label(),
        moved_from: e
            .moved_from
            .as_ref()
            .map(|z| rfc3339(&z.with_time_zone(tz.clone()))),
        group_id: &g.id,
        group_name: &g.name,
        meeting: e.title(registry),
        join: e.join(registry),
    }
}

/// How far ahead a calendar's dated occurrences are exported: a calendar is the truth only
/// as far as it has been kept, so an export of it is a finite list, never a guess.
const CALENDAR_EXPORT_DAYS: i64 = 182;

/// The groups to export, each meeting as its calendar has it (dated occurrences) or as the
/// registry's rule says; a group that no longer meets exports none of its old meetings.
fn ics_groups<'r>(
    registry: &'r Registry,
    calendars: &agenda::Calendars,
    groups: &[usize],
    now: Timestamp,
) -> Vec<crate::ics::GroupExport<'r>> {
    let window = crate::calendar::Window::around(
        now,
        jiff::SignedDuration::ZERO,
        jiff::SignedDuration::from_hours(24 * CALENDAR_EXPORT_DAYS),
    );
    groups
        .iter()
        .map(|&gi| {
            let g = &registry.groups[gi];
            let meetings = (0..g.meetings.len())
                .map(|mi| {
                    if let Some(why) = g.no_longer_held() {
                        return crate::ics::MeetingExport::Left(why);
                    }
                    match calendars.occurrences(gi, mi, window) {
                        Some(found) => crate::ics::MeetingExport::Dated(
                            found
                                .into_iter()
                                .map(|o| crate::ics::Dated {
                                    start: o.start,
                                    end: o.end,
                                    all_day: o.all_day,
                                    title: o.title,
                                    join: o.join,
                                    cancelled: o.status == crate::calendar::EventStatus::Cancelled,
                                })
                                .collect(),
                        ),
                        None => crate::ics::MeetingExport::Rule,
                    }
                })
                .collect();
            crate::ics::GroupExport { group: g, meetings }
        })
        .collect()
}

/// Writes the calendar to `output` (or stdout) and names every meeting left out.
pub fn ics(
    registry: &Registry,
    calendars: &agenda::Calendars,
    ids: &[String],
    output: Option<&Path>,
    now: Timestamp,
) -> io::Result<ExitCode> {
    let mut groups = Vec::new();
    for id in ids {
        match registry.group_index(id) {
            Some(g) => groups.push(g),
            None => {
                crate::errln!("townhall: no group with id `{id}`");
                return Ok(ExitCode::from(EXIT_PROBLEMS));
            }
        }
    }
    let export = crate::ics::export_groups(&ics_groups(registry, calendars, &groups, now), now);
    for s in &export.skipped {
        crate::errln!(
            "townhall: left out {} / {}: {}",
            s.group,
            s.meeting,
            s.reason
        );
    }
    // An empty calendar imports as nothing and looks like success; say why instead.
    let meetings: usize = groups
        .iter()
        .map(|&g| registry.groups[g].meetings.len())
        .sum();
    if meetings == export.skipped.len() {
        let ids: Vec<&str> = groups
            .iter()
            .map(|&g| registry.groups[g].id.as_str())
            .collect();
        if meetings == 0 {
            crate::errln!(
                "townhall: nothing to export: {} list(s) no meetings",
                ids.join(", ")
            );
        } else {
            crate::errln!(
                "townhall: nothing to export: no meeting of {} has a schedule a calendar can hold (see above)",
                ids.join(", ")
            );
        }
        return Ok(ExitCode::from(EXIT_PROBLEMS));
    }
    match output {
        Some(path) => {
            std::fs::write(path, &export.text).map_err(|e| {
                io::Error::new(e.kind(), format!("writing {}: {e}", path.display()))
            })?;
            crate::errln!("wrote {}", path.display());
        }
        None => crate::untrusted::output::stdout_crlf().write_all(export.text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
