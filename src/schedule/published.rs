//! Meeting times as communities publish them ("Every other Tuesday at 09:00 PT", or
//! Kubernetes' separate `day: Thursday`, `time: "9:00"`, `tz: PT (Pacific Time)`,
//! `frequency: biweekly`) read into [`ScheduleSpec`]s.
//!
//! The reading is strict on purpose. A meeting shown at the wrong hour is worse than one shown
//! as published, so anything townhall can't read in exactly one way ("monthly" on Thursdays,
//! but which Thursday?) comes back as [`Unreadable`], naming the part that stopped it.
//! Remarks that cannot change when a group meets ("you must be signed into a free zoom
//! account") are passed over; remarks that could ("after the fourth Tuesday") are not.
//!
//! Every-N-weeks meetings without a published start date are returned without an `anchor`:
//! which weeks they fall on is not in the text, so it is not in the spec either.

mod cadence;
mod calendar;
mod clock;
mod fields;
mod recurrence;
mod sentence;
#[cfg(test)]
mod tests;
mod words;
mod zone;

use std::fmt;

use jiff::civil::Time;

use super::spec::weekday_name;
use crate::registry::{Frequency, ScheduleSpec};
use recurrence::{Recurrence, Repeat};

/// A published time townhall could not turn into a schedule, and which part stopped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The words as published (empty when the part is missing altogether).
    pub part: String,
    pub reason: String,
}

impl Unreadable {
    fn new(part: &str, reason: impl Into<String>) -> Self {
        Unreadable {
            part: part.trim().to_string(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.part.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "\"{}\": {}", self.part, self.reason)
        }
    }
}

impl std::error::Error for Unreadable {}

/// Kubernetes sigs.yaml style: separate day, time, tz and frequency strings, any may be absent.
///
/// A missing time or zone is never filled in. A missing frequency is only implied by a day
/// of the month ("third Wednesday" meets monthly); a plain "Thursday" could be weekly or not.
pub fn from_fields(
    day: Option<&str>,
    time: Option<&str>,
    tz: Option<&str>,
    frequency: Option<&str>,
) -> Result<Vec<ScheduleSpec>, Unreadable> {
    fields::schedules(day, time, tz, frequency)
}

/// One sentence, OpenTelemetry style: "Every other Tuesday at 09:00 PT".
///
/// A sentence may describe several meetings: "Alternating between Monday at 09:00 PT and
/// Thursday at 10:00 PT" is two, each every other week; "Wednesday 11:00 PT and 17:00 UTC+8"
/// is two weekly ones. A weekday with no cadence ("Tuesday at 08:00 PT") meets every week.
/// "Every second Friday" counts weeks, and so does "Every third Wednesday" (every three
/// weeks); only "of the month" makes it a weekday of the month (the reasons are in `cadence`).
pub fn from_sentence(text: &str) -> Result<Vec<ScheduleSpec>, Unreadable> {
    sentence::schedules(text)
}

/// One meeting read from the text, before it is written as a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    recurrence: Recurrence,
    at: Time,
    zone: String,
}

impl Slot {
    /// `minutes` stays unset: no published time here says how long the meeting lasts.
    fn spec(&self) -> ScheduleSpec {
        let Recurrence {
            weekday,
            repeat,
            start,
        } = self.recurrence;
        let day = weekday_name(weekday);
        let (every, interval, on) = match repeat {
            Repeat::Weeks(weeks) => (Frequency::Week, (weeks > 1).then_some(weeks), day.into()),
            Repeat::Month(nth) => (Frequency::Month, None, format!("{} {day}", nth.label())),
        };
        ScheduleSpec {
            every,
            interval,
            anchor: start.map(|date| date.to_string()),
            on: vec![on],
            date: None,
            at: format!("{:02}:{:02}", self.at.hour(), self.at.minute()),
            zone: self.zone.clone(),
            minutes: None,
        }
    }
}
