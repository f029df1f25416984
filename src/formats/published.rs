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

use crate::model::{Frequency, Meeting, MonthDay, Pattern, Rule, ScheduleSpec, When};
use crate::schedule::ScheduleError;
use crate::schedule::weekday_name;
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
) -> Result<Vec<Reading>, Unreadable> {
    let slots = fields::schedules(day, time, tz, frequency)?;
    Ok(slots.iter().map(Slot::reading).collect())
}

/// One sentence, OpenTelemetry style: "Every other Tuesday at 09:00 PT".
///
/// A sentence may describe several meetings: "Alternating between Monday at 09:00 PT and
/// Thursday at 10:00 PT" is two, each every other week; "Wednesday 11:00 PT and 17:00 UTC+8"
/// is two weekly ones. A weekday with no cadence ("Tuesday at 08:00 PT") meets every week.
/// "Every second Friday" counts weeks, and so does "Every third Wednesday" (every three
/// weeks); only "of the month" makes it a weekday of the month (the reasons are in `cadence`).
pub fn from_sentence(text: &str) -> Result<Vec<Reading>, Unreadable> {
    let slots = sentence::schedules(text)?;
    Ok(slots.iter().map(Slot::reading).collect())
}

/// One meeting time read: the spec a townhall file would write for it, and its rule,
/// checked from what was read rather than from the spec's strings.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub spec: ScheduleSpec,
    pub rule: Result<Rule, ScheduleError>,
}

/// A reading whose rule passed: what a meeting converted from another format carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub spec: ScheduleSpec,
    pub rule: Rule,
}

impl Schedule {
    /// `meeting` with this schedule, written and checked.
    pub fn on(self, meeting: Meeting) -> Meeting {
        Meeting {
            schedule: Some(self.spec),
            when: When::Rule(self.rule),
            ..meeting
        }
    }
}

#[cfg(test)]
impl Schedule {
    /// A spec as a converter would carry it, for tests that start from specs.
    pub fn of(spec: ScheduleSpec) -> Schedule {
        let rule = Rule::from_spec(&spec).unwrap_or_else(|e| panic!("{spec:?}: {e}"));
        Schedule { spec, rule }
    }
}

/// One meeting read from the text, before it is written as a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    recurrence: Recurrence,
    at: Time,
    zone: String,
}

impl Slot {
    fn reading(&self) -> Reading {
        Reading {
            spec: self.spec(),
            rule: self.rule(),
        }
    }

    /// The checks a spec would get, on the values themselves. A start date is an anchor, so
    /// it means nothing to a monthly meeting, which the spec's check would refuse too.
    fn rule(&self) -> Result<Rule, ScheduleError> {
        let Recurrence {
            weekday,
            repeat,
            start,
        } = self.recurrence;
        let pattern = match repeat {
            Repeat::Weeks(weeks) => Pattern::EveryNWeeks {
                weeks,
                anchor: start,
                days: vec![weekday],
            },
            Repeat::Month(_) if start.is_some() => {
                return Err(ScheduleError::NotApplicable {
                    field: "anchor",
                    every: "month",
                });
            }
            Repeat::Month(nth) => Pattern::Monthly {
                days: vec![MonthDay { nth, weekday }],
            },
        };
        Rule::from_parts(pattern, self.at, None, &self.zone)
    }

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
