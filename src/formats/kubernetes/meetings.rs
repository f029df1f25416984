//! Meetings, written as four loose strings (`day: Thursday`, `time: "9:00"`,
//! `tz: PT (Pacific Time)`, `frequency: biweekly`) that the generator pastes into a sentence
//! without reading them. townhall reads them into a schedule where it can and otherwise
//! shows them exactly as published, with a warning saying which words it couldn't read.

use super::Conversion;
use crate::formats::published::{Reading, Schedule, from_fields};
use crate::model::Meeting;
use crate::yaml::node::{Node, Pos, Value};

const MEETING: &[&str] = &[
    "description",
    "day",
    "time",
    "tz",
    "frequency",
    "url",
    "archive_url",
    "recordings_url",
    "calendar_url",
];

/// Where a list of meetings belongs: its owner's name for default titles, the subproject
/// for `Meeting::project`, and the base for relative links.
pub(super) struct Owner<'a> {
    pub name: &'a str,
    pub project: Option<&'a str>,
    pub base: Option<&'a str>,
}

impl Conversion<'_> {
    /// Reads `meetings` under `node` into `meetings`, with one position per meeting produced
    /// (see [`one_per_schedule`]).
    pub(super) fn meetings(
        &mut self,
        node: &Node,
        owner: &Owner,
        meetings: &mut Vec<Meeting>,
        written: &mut Vec<Pos>,
    ) {
        for item in self.reader.list(node, "meetings") {
            if !matches!(item.value, Value::Map(_)) {
                let found = item.describe();
                self.reader.warn(
                    item.pos,
                    format!("a meeting should be a mapping, found {found}; ignored"),
                );
                continue;
            }
            let (meeting, schedules) = self.meeting(item, owner);
            for meeting in one_per_schedule(meeting, schedules) {
                meetings.push(meeting);
                written.push(item.pos);
            }
        }
    }

    /// The meeting without its schedule, and the schedules its time reads as (none when it
    /// can't be read, which is warned about here).
    fn meeting(&mut self, node: &Node, owner: &Owner) -> (Meeting, Vec<Schedule>) {
        self.reader.keys(node, "a meeting", MEETING);
        let title = self
            .reader
            .text(node, "description")
            .unwrap_or_else(|| format!("{} meeting", owner.name));
        let [day, time, tz, frequency] =
            ["day", "time", "tz", "frequency"].map(|k| self.reader.text(node, k));
        let published = published(
            day.as_deref(),
            time.as_deref(),
            tz.as_deref(),
            frequency.as_deref(),
        );
        self.meetings_published += 1;
        let schedules = match schedules(
            day.as_deref(),
            time.as_deref(),
            tz.as_deref(),
            frequency.as_deref(),
        ) {
            Ok(specs) => specs,
            Err(why) => {
                self.meetings_unreadable += 1;
                self.reader.warn(
                    node.pos,
                    format!(
                        "meeting {title:?}: townhall can't read the time {published:?} ({why}); it is shown as published"
                    ),
                );
                Vec::new()
            }
        };
        let base = owner.base;
        let meeting = Meeting {
            join: self.reader.url(node, "url", base),
            notes: self.reader.url(node, "archive_url", base),
            recordings: self
                .reader
                .url(node, "recordings_url", base)
                .into_iter()
                .collect(),
            calendar: self.reader.url(node, "calendar_url", base),
            projects: owner.project.map(str::to_string).into_iter().collect(),
            title,
            published,
            ..Meeting::default()
        };
        (meeting, schedules)
    }
}

/// A townhall meeting has one schedule, so a published time that reads as several becomes
/// as many meetings, with the same title and links; they share the written one's position.
/// One that reads as none stays one meeting, shown as published.
pub(super) fn one_per_schedule(meeting: Meeting, schedules: Vec<Schedule>) -> Vec<Meeting> {
    if schedules.is_empty() {
        return vec![meeting];
    }
    schedules
        .into_iter()
        .map(|schedule| schedule.on(meeting.clone()))
        .collect()
}

/// The four strings as one line, as a reader of the generated README sees them:
/// "Tuesday 9:00 PT (Pacific Time), biweekly".
fn published(
    day: Option<&str>,
    time: Option<&str>,
    tz: Option<&str>,
    frequency: Option<&str>,
) -> String {
    let when: Vec<&str> = [day, time, tz].into_iter().flatten().collect();
    match (when.is_empty(), frequency) {
        (true, None) => "no time published".to_string(),
        (true, Some(f)) => f.to_string(),
        (false, None) => when.join(" "),
        (false, Some(f)) => format!("{}, {f}", when.join(" ")),
    }
}

/// The schedules the four strings read as, each one townhall can compute occurrences
/// for; anything less is unreadable, so no meeting is shown at a time it doesn't have.
fn schedules(
    day: Option<&str>,
    time: Option<&str>,
    tz: Option<&str>,
    frequency: Option<&str>,
) -> Result<Vec<Schedule>, String> {
    let readings = from_fields(day, time, tz, frequency).map_err(|u| u.to_string())?;
    if readings.is_empty() {
        return Err("no meeting time in it".to_string());
    }
    readings
        .into_iter()
        .map(|Reading { spec, rule }| {
            let rule = rule.map_err(|e| e.to_string())?;
            Ok(Schedule { spec, rule })
        })
        .collect()
}
