//! `meetings`: either an LFX calendar with recordings and notes and no day or time (TAGs and
//! TOC subprojects), or a published time with a Zoom link (TAG subprojects).

use crate::formats::Reader;
use crate::formats::meeting_times::{MeetingTimes, per_schedule};
use crate::model::Meeting;
use crate::yaml::node::{Node, Pos};

const MEETING_KEYS: &[&str] = &[
    "description",
    "tag_calendar",
    "recordings_url",
    "meeting_notes_url",
    "schedule",
    "zoom_url",
];

/// The meetings under `parent`, each with where it is written. `owner` names the group for
/// a meeting without a `description`; `project` is the subproject holding the meetings.
pub fn read(
    reader: &mut Reader,
    parent: &Node,
    owner: &str,
    project: Option<&str>,
    times: &mut MeetingTimes,
) -> Vec<(Pos, Meeting)> {
    let mut meetings = Vec::new();
    for item in reader.list(parent, "meetings") {
        if super::entry(reader, item, "a meeting").is_none() {
            continue;
        }
        reader.keys(item, "a meeting", MEETING_KEYS);
        let calendar = reader.url(item, "tag_calendar", None);
        let schedule = reader.text(item, "schedule");
        let specs = match (&schedule, item.get("schedule")) {
            (Some(text), Some(at)) => times.read(reader, at.pos, text),
            _ => {
                times.untimed();
                Vec::new()
            }
        };
        let meeting = Meeting {
            title: reader
                .text(item, "description")
                .unwrap_or_else(|| title(owner, project)),
            published: schedule.unwrap_or_else(|| untimed(calendar.as_deref())),
            join: reader.url(item, "zoom_url", None),
            notes: reader.url(item, "meeting_notes_url", None),
            recordings: reader
                .url(item, "recordings_url", None)
                .into_iter()
                .collect(),
            calendar,
            projects: project.map(str::to_string).into_iter().collect(),
            ..Meeting::default()
        };
        for m in per_schedule(meeting, specs) {
            meetings.push((item.pos, m));
        }
    }
    meetings
}

fn title(owner: &str, project: Option<&str>) -> String {
    match project {
        Some(p) if p.to_lowercase().ends_with("subproject") => format!("{p} meeting"),
        Some(p) => format!("{p} subproject meeting"),
        None => format!("{owner} meeting"),
    }
}

/// What to show instead of a time: where the time can be found.
fn untimed(calendar: Option<&str>) -> String {
    let lfx = calendar
        .and_then(|c| url::Url::parse(c).ok())
        .and_then(|u| u.host_str().map(|h| h.ends_with("linuxfoundation.org")))
        .unwrap_or(false);
    match calendar {
        Some(_) if lfx => "See the LFX calendar".into(),
        Some(_) => "See the calendar".into(),
        None => "No time published".into(),
    }
}
