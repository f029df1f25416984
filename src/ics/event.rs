//! One meeting as a VEVENT: when (DTSTART, DTEND, RRULE), what (SUMMARY, DESCRIPTION) and
//! how to join (URL, LOCATION), under a UID that survives re-exports.

use jiff::civil::DateTime;
use jiff::{Timestamp, Zoned};

use super::content::{self, Content};
use super::{recurrence, timezone};
use crate::links;
use crate::model::{Group, Meeting, Phone, Toll};
use crate::model::{Pattern, Rule, When};

/// A meeting whose schedule townhall can read, with its first occurrence worked out.
pub(super) struct Event<'g> {
    group: &'g Group,
    index: usize,
    meeting: &'g Meeting,
    pub(super) rule: &'g Rule,
    /// DTSTART on the wall clock, as the schedule states it; a calendar app applies the zone.
    start: DateTime,
    /// The same start resolved to an instant, and the end of that first meeting.
    pub(super) first: Zoned,
    end: Zoned,
}

impl<'g> Event<'g> {
    /// The event for the `index`th meeting of `group`, or why there can't be one.
    pub(super) fn new(
        group: &'g Group,
        index: usize,
        meeting: &'g Meeting,
    ) -> Result<Self, String> {
        let rule = match &meeting.when {
            When::Rule(rule) => rule,
            When::Unreadable(why) => return Err(why.clone()),
            When::Unstructured => {
                return Err("no schedule townhall can read, only the published text".into());
            }
        };
        // An RRULE counts its weeks from DTSTART, so a guessed start would put every meeting
        // in a calendar on the wrong week half the time, with nothing to say so.
        if let Pattern::EveryNWeeks {
            weeks,
            anchor: None,
            ..
        } = rule.pattern()
        {
            return Err(format!(
                "every {weeks} weeks, but the source doesn't say which weeks"
            ));
        }
        let day = recurrence::first_day(rule.pattern())
            .ok_or("no meeting day within the calendar's range")?;
        let start = day.to_datetime(rule.at());
        let first = start
            .to_zoned(rule.zone().clone())
            .map_err(|e| e.to_string())?;
        let end = first
            .checked_add(rule.duration())
            .map_err(|e| e.to_string())?;
        Ok(Event {
            group,
            index,
            meeting,
            rule,
            start,
            first,
            end,
        })
    }

    /// Whether the event is written in UTC form, with no VTIMEZONE.
    pub(super) fn is_utc(&self) -> bool {
        timezone::is_utc(self.rule.zone())
    }

    pub(super) fn write(&self, out: &mut Content, now: Timestamp) {
        out.begin("VEVENT");
        out.text("UID", &uid(&self.group.id, self.index, &self.meeting.title));
        out.line("DTSTAMP", &content::utc(now));
        self.write_times(out);
        if let Some(rule) = recurrence::rrule(self.rule.pattern()) {
            out.line("RRULE", &rule);
        }
        let summary = format!("{}: {}", self.group.name, self.meeting.title);
        out.text("SUMMARY", &summary);
        if let Some(join) = self.meeting.join.as_deref().and_then(uri) {
            out.line("URL", &join);
            out.text("LOCATION", &join);
        }
        out.text("DESCRIPTION", &description(self.meeting));
        out.end("VEVENT");
    }

    /// DTEND rather than DURATION because more apps read it; RFC 5545 gives every occurrence
    /// the exact duration between DTSTART and DTEND, which is the elapsed time townhall uses.
    fn write_times(&self, out: &mut Content) {
        if self.is_utc() {
            out.line("DTSTART", &content::utc(self.first.timestamp()));
            out.line("DTEND", &content::utc(self.end.timestamp()));
            return;
        }
        let zone = self.rule.zone_name();
        out.line(&format!("DTSTART;TZID={zone}"), &content::local(self.start));
        out.line(
            &format!("DTEND;TZID={zone}"),
            &content::local(self.end.datetime()),
        );
    }
}

/// The same meeting gets the same UID in every export, so importing a newer file updates
/// events instead of duplicating them. The index tells apart two meetings a group gives the
/// same title; the title's hash keeps a reordered list from swapping two meetings' UIDs.
pub(super) fn uid(group_id: &str, index: usize, title: &str) -> String {
    format!(
        "{group_id}-{index}-{:08x}@townhall",
        fnv1a(title.as_bytes())
    )
}

/// 32-bit FNV-1a: unlike std's hashers, its output is fixed by its definition, not by the
/// Rust release.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A link in its normalised form, when townhall's link policy allows it; a link it would not
/// open itself does not go into someone's calendar either.
fn uri(raw: &str) -> Option<String> {
    links::check(raw).ok().map(String::from)
}

/// Everything needed to join, one fact per line, in the order people look for it.
fn description(meeting: &Meeting) -> String {
    let mut lines = vec![format!("Time as published: {}", meeting.published)];
    lines.extend(labelled("Join", &meeting.join));
    lines.extend(labelled("Meeting ID", &meeting.meeting_id));
    lines.extend(labelled("Passcode", &meeting.passcode));
    lines.extend(phones("One tap", &meeting.one_tap));
    lines.extend(phones("Dial-in", &meeting.dial_in));
    lines.extend(labelled("International numbers", &meeting.international));
    lines.extend(labelled("Notes", &meeting.notes));
    lines.extend(labelled("Calendar", &meeting.calendar));
    lines.extend(meeting.remarks.clone());
    lines.join("\n")
}

fn labelled(label: &str, value: &Option<String>) -> Option<String> {
    value.as_ref().map(|value| format!("{label}: {value}"))
}

fn phones<'a>(kind: &'a str, list: &'a [Phone]) -> impl Iterator<Item = String> + 'a {
    list.iter()
        .map(move |phone| format!("{kind}{}: {}", phone_label(phone), phone.number))
}

/// ` (US, toll-free)`, ` (US)`, ` (toll)` or nothing.
fn phone_label(phone: &Phone) -> String {
    let toll = match phone.toll {
        Toll::Toll => Some("toll"),
        Toll::TollFree => Some("toll-free"),
        Toll::Unknown => None,
    };
    let parts: Vec<&str> = phone.region.as_deref().into_iter().chain(toll).collect();
    match parts.is_empty() {
        true => String::new(),
        false => format!(" ({})", parts.join(", ")),
    }
}

#[cfg(test)]
mod tests;
