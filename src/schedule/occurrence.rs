//! Meetings as instants: a rule's meeting days, at its wall-clock time in its zone.
//!
//! Each occurrence is made from a civil date and time in the meeting's zone with jiff's
//! "compatible" disambiguation, the rule RFC 5545 and most calendars use:
//!
//! - a time that doesn't exist because the clocks jump forward (02:30 on the US spring-forward
//!   day) moves later by the length of the jump (03:30 PDT);
//! - a time that happens twice because the clocks go back (01:30 on the US fall-back day) is
//!   the first of the two (01:30 PDT, before the change).
//!
//! The length is elapsed time, so a meeting across a change lasts as long as any other.
//!
//! A meeting every few weeks whose weeks aren't published has no single answer to "when is
//! the next one", so its occurrences are every candidate week, each marked tentative: a list
//! may show too many meetings, but never leaves out the real one or passes a guess off as fact.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan, Zoned};

use crate::model::Rule;

/// One meeting: when it starts and ends, in the meeting's own zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub start: Zoned,
    pub end: Zoned,
    /// Only a possible meeting: the rule is every few weeks and the source doesn't say which
    /// ([`Rule::weeks_unknown`]). Anything showing this time must say it may be wrong.
    pub tentative: bool,
}

impl Occurrence {
    /// Start and end on the viewer's clock.
    pub fn in_zone(&self, tz: &TimeZone) -> (Zoned, Zoned) {
        (
            self.start.with_time_zone(tz.clone()),
            self.end.with_time_zone(tz.clone()),
        )
    }

    /// Started at or before `now` and not yet over.
    pub fn is_in_progress(&self, now: Timestamp) -> bool {
        self.start.timestamp() <= now && now < self.end.timestamp()
    }

    pub fn has_ended(&self, now: Timestamp) -> bool {
        self.end.timestamp() <= now
    }
}

impl Rule {
    /// The meeting that is on now, or else the next one to start; `None` once a one-off
    /// meeting is over. When the weeks are unknown, the next candidate (tentative).
    pub fn next_after(&self, now: Timestamp) -> Option<Occurrence> {
        let earliest_start = now.checked_sub(self.duration()).ok()?;
        let mut day = self.first_day_to_try(earliest_start)?;
        loop {
            let date = self.pattern().first_on_or_after(day)?;
            let occurrence = self.occurrence_on(date)?;
            if occurrence.end.timestamp() > now {
                return Some(occurrence);
            }
            day = date.tomorrow().ok()?;
        }
    }

    /// Up to `count` meetings from [`Rule::next_after`] on, for an agenda.
    pub fn upcoming(&self, now: Timestamp, count: usize) -> Vec<Occurrence> {
        let mut found: Vec<Occurrence> = Vec::with_capacity(count);
        let mut after = now;
        while found.len() < count {
            let Some(next) = self.next_after(after) else {
                break;
            };
            // The next search starts where this meeting ends, so it can't find it again.
            after = next.end.timestamp();
            found.push(next);
        }
        found
    }

    /// Every meeting starting in `[start, end)`, earliest first.
    pub fn occurrences_between(&self, start: Timestamp, end: Timestamp) -> Vec<Occurrence> {
        let mut found = Vec::new();
        let (Some(mut day), Some(last_day)) = (self.first_day_to_try(start), self.last_day(end))
        else {
            return found;
        };
        while let Some(date) = self.pattern().first_on_or_after(day)
            && date <= last_day
        {
            if let Some(occurrence) = self.occurrence_on(date) {
                let starts = occurrence.start.timestamp();
                if start <= starts && starts < end {
                    found.push(occurrence);
                }
            }
            let Ok(next) = date.tomorrow() else { break };
            day = next;
        }
        found.sort_by_key(|o| o.start.timestamp());
        found
    }

    /// The meeting on `date`, whether or not the rule meets that day.
    fn occurrence_on(&self, date: Date) -> Option<Occurrence> {
        let start = date
            .to_datetime(self.at())
            .to_zoned(self.zone().clone())
            .ok()?;
        let end = start.checked_add(self.duration()).ok()?;
        Some(Occurrence {
            start,
            end,
            tentative: self.weeks_unknown(),
        })
    }

    /// A meeting starting at or after `instant` falls on this date or later in the meeting's
    /// zone. The day of slack covers a start pushed past midnight by a gap in the clock.
    fn first_day_to_try(&self, instant: Timestamp) -> Option<Date> {
        let date = instant.to_zoned(self.zone().clone()).date();
        date.checked_sub(1.day()).ok()
    }

    /// A meeting starting before `instant` falls on this date or earlier.
    fn last_day(&self, instant: Timestamp) -> Option<Date> {
        let date = instant.to_zoned(self.zone().clone()).date();
        Some(date.checked_add(1.day()).unwrap_or(date))
    }
}

#[cfg(test)]
mod daylight_saving_tests;
#[cfg(test)]
mod tests;
