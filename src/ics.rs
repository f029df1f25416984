//! Meetings as an RFC 5545 calendar, so people can keep townhall's meetings in their own
//! calendar app.
//!
//! Each meeting is one event stated on the wall clock of its home zone
//! (`DTSTART;TZID=America/Los_Angeles:20260101T090000` and an RRULE), the way `schedule`
//! states it, so the calendar app moves it with daylight saving time exactly as townhall
//! does. Meetings kept in UTC are written in UTC form and need no zone definition.
//!
//! The text is a pure function of the groups and `now`: `now` only sets DTSTAMP and the
//! years the zone definitions cover, and UIDs never change between runs, so importing a newer
//! export updates events in place.

mod content;
mod dated;
mod event;
mod recurrence;
mod timezone;

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::model::Group;
use content::Content;
use event::Event;

pub use dated::Dated;
pub use recurrence::SERIES_START;

/// How one meeting goes into the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingExport {
    /// As its registry schedule says: one event with an RRULE.
    Rule,
    /// As a community calendar has it: these occurrences.
    Dated(Vec<Dated>),
    /// Not at all, for this reason ("no longer held (archived 2024-02)").
    Left(String),
}

/// A group to export, and how each of its meetings goes in (by index).
#[derive(Debug, Clone)]
pub struct GroupExport<'g> {
    pub group: &'g Group,
    pub meetings: Vec<MeetingExport>,
}

impl<'g> GroupExport<'g> {
    /// Every meeting by its registry schedule; none for a group that no longer meets, whose
    /// old call must not go into anyone's calendar as a series without end.
    pub fn from_registry(group: &'g Group) -> GroupExport<'g> {
        let how = match group.no_longer_held() {
            Some(why) => MeetingExport::Left(why),
            None => MeetingExport::Rule,
        };
        GroupExport {
            group,
            meetings: vec![how; group.meetings.len()],
        }
    }
}

/// A calendar file's text and the meetings left out of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Export {
    /// The whole file: CRLF line endings, folded at 75 octets.
    pub text: String,
    pub skipped: Vec<Skipped>,
}

/// A meeting with no event, because townhall can't tell when it takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The group's id.
    pub group: String,
    /// The meeting's title.
    pub meeting: String,
    /// Why, in words for the user (a schedule error, or that there is no schedule).
    pub reason: String,
}

/// `groups` as calendar text, one event per meeting with a readable schedule; `now` fixes
/// DTSTAMP and the range of VTIMEZONE transitions.
pub fn calendar(groups: &[&Group], now: Timestamp) -> String {
    export(groups, now).text
}

/// [`calendar`], also saying which meetings were left out and why.
pub fn export(groups: &[&Group], now: Timestamp) -> Export {
    let groups: Vec<GroupExport> = groups
        .iter()
        .map(|g| GroupExport::from_registry(g))
        .collect();
    export_groups(&groups, now)
}

/// Groups whose meetings may come from community calendars.
pub fn export_groups(groups: &[GroupExport], now: Timestamp) -> Export {
    let mut events = Vec::new();
    let mut dated = Vec::new();
    let mut skipped = Vec::new();
    let names: Vec<&Group> = groups.iter().map(|g| g.group).collect();
    for export in groups {
        let group = export.group;
        for (index, meeting) in group.meetings.iter().enumerate() {
            let skip = |reason: String| Skipped {
                group: group.id.clone(),
                meeting: meeting.title.clone(),
                reason,
            };
            match export.meetings.get(index).unwrap_or(&MeetingExport::Rule) {
                MeetingExport::Rule => match Event::new(group, index, meeting) {
                    Ok(event) => events.push(event),
                    Err(reason) => skipped.push(skip(reason)),
                },
                MeetingExport::Dated(list) => {
                    dated.extend(list.iter().map(|d| (group, index, d)));
                }
                MeetingExport::Left(reason) => skipped.push(skip(reason.clone())),
            }
        }
    }
    let mut out = Content::default();
    out.begin("VCALENDAR");
    out.line("VERSION", "2.0");
    out.line(
        "PRODID",
        &format!("-//townhall//townhall {}//EN", env!("CARGO_PKG_VERSION")),
    );
    out.line("CALSCALE", "GREGORIAN");
    out.line("METHOD", "PUBLISH");
    out.text("X-WR-CALNAME", &calendar_name(&names));
    for (name, (tz, from)) in zones(&events, now) {
        let until = shift_years(now, 10);
        timezone::write(&mut out, &name, &tz, from, until);
    }
    for event in &events {
        event.write(&mut out, now);
    }
    for (group, index, d) in dated {
        dated::write(&mut out, group, index, d, now);
    }
    out.end("VCALENDAR");
    Export {
        text: out.finish(),
        skipped,
    }
}

/// The group's name for a one-group export, which is what people subscribe to most.
fn calendar_name(groups: &[&Group]) -> String {
    match groups {
        [group] => group.name.clone(),
        _ => "townhall".to_string(),
    }
}

/// Every zone the events use, by TZID, with the instant its definition must start from: a
/// year before `now`, or earlier when an event's first meeting is, since a calendar app
/// reads DTSTART with the offset in force on that day.
fn zones(events: &[Event], now: Timestamp) -> BTreeMap<String, (TimeZone, Timestamp)> {
    let year_ago = shift_years(now, -1);
    let mut zones: BTreeMap<String, (TimeZone, Timestamp)> = BTreeMap::new();
    for event in events.iter().filter(|e| !e.is_utc()) {
        let first = event.first.timestamp().min(year_ago);
        zones
            .entry(event.rule.zone_name().to_string())
            .and_modify(|(_, from)| *from = (*from).min(first))
            .or_insert_with(|| (event.rule.zone().clone(), first));
    }
    zones
}

/// `now` moved by whole years on the UTC calendar, or left where it is at the ends of time.
fn shift_years(now: Timestamp, years: i64) -> Timestamp {
    now.to_zoned(TimeZone::UTC)
        .checked_add(years.years())
        .map_or(now, |z| z.timestamp())
}

#[cfg(test)]
mod tests;
