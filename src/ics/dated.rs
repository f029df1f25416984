//! A meeting as its community calendar has it: one VEVENT per dated occurrence, in UTC form
//! (no zone definition needed), a cancelled one marked `STATUS:CANCELLED` so calendar apps
//! strike it through. The list is finite: a calendar is the truth only as far as it reaches.

use jiff::{Timestamp, Zoned};

use super::content::{self, Content};
use crate::links;
use crate::model::Group;

/// One occurrence from a community calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub start: Zoned,
    pub end: Zoned,
    pub all_day: bool,
    pub title: String,
    pub join: Option<String>,
    pub cancelled: bool,
}

pub(super) fn write(out: &mut Content, group: &Group, index: usize, d: &Dated, now: Timestamp) {
    out.begin("VEVENT");
    // One UID per meeting and start, so a newer export updates the same events.
    let uid = format!(
        "{}-{index}-{}@townhall",
        group.id,
        content::utc(d.start.timestamp())
    );
    out.text("UID", &uid);
    out.line("DTSTAMP", &content::utc(now));
    if d.all_day {
        out.line(
            "DTSTART;VALUE=DATE",
            &d.start.date().strftime("%Y%m%d").to_string(),
        );
        out.line(
            "DTEND;VALUE=DATE",
            &d.end.date().strftime("%Y%m%d").to_string(),
        );
    } else {
        out.line("DTSTART", &content::utc(d.start.timestamp()));
        out.line("DTEND", &content::utc(d.end.timestamp()));
    }
    out.text("SUMMARY", &format!("{}: {}", group.name, d.title));
    if d.cancelled {
        out.line("STATUS", "CANCELLED");
    }
    if let Some(join) = d.join.as_deref().and_then(|j| links::check(j).ok()) {
        out.line("URL", join.as_str());
        out.text("LOCATION", join.as_str());
    }
    out.text("DESCRIPTION", "Time from the community calendar");
    out.end("VEVENT");
}
