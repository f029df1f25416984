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
mod event;
mod recurrence;
mod timezone;

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::model::Group;
use content::Content;
use event::Event;

pub use recurrence::SERIES_START;

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
    let mut events = Vec::new();
    let mut skipped = Vec::new();
    for group in groups {
        for (index, meeting) in group.meetings.iter().enumerate() {
            match Event::new(group, index, meeting) {
                Ok(event) => events.push(event),
                Err(reason) => skipped.push(Skipped {
                    group: group.id.clone(),
                    meeting: meeting.title.clone(),
                    reason,
                }),
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
    out.text("X-WR-CALNAME", &calendar_name(groups));
    for (name, (tz, from)) in zones(&events, now) {
        let until = shift_years(now, 10);
        timezone::write(&mut out, &name, &tz, from, until);
    }
    for event in &events {
        event.write(&mut out, now);
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
