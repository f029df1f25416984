//! A meeting's schedule checked once, so everything after can assume it makes sense.
//!
//! Fields that would be silently ignored are errors too (`interval` on a monthly meeting,
//! `on` beside a one-off `date`): a schedule that says more than townhall reads probably
//! means something townhall would get wrong.

use jiff::SignedDuration;
use jiff::civil::{Time, Weekday};
use jiff::tz::TimeZone;

use super::ScheduleError;
use super::pattern::{MonthDay, Pattern};
use super::spec::{Day, parse_date, parse_day, parse_time, weekday_name};
use super::zones::registry_zone;
use crate::registry::{Frequency, ScheduleSpec};

/// Length of a meeting whose source doesn't say.
pub const DEFAULT_MINUTES: u32 = 60;
/// Longest meeting: longer ones are almost certainly a typo (`600` for `60`).
pub const MAX_MINUTES: u32 = 24 * 60;
/// Largest `interval`: a meeting that recurs less than yearly is better written as `once`.
pub const MAX_INTERVAL_WEEKS: u32 = 52;

/// The checked form of a [`ScheduleSpec`]: which days, at what wall-clock time, for how
/// long, in which zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pattern: Pattern,
    at: Time,
    minutes: u32,
    zone: TimeZone,
}

impl Rule {
    /// Checks a written schedule; the error names the first value that can't be used.
    pub fn from_spec(spec: &ScheduleSpec) -> Result<Rule, ScheduleError> {
        let pattern = match spec.every {
            Frequency::Week => weekly(spec)?,
            Frequency::Month => monthly(spec)?,
            Frequency::Once => once(spec)?,
        };
        let at = parse_time(&spec.at)?;
        let zone = registry_zone(spec.zone.trim())?;
        let minutes = spec.minutes.unwrap_or(DEFAULT_MINUTES);
        if !(1..=MAX_MINUTES).contains(&minutes) {
            return Err(ScheduleError::BadMinutes {
                value: minutes,
                max: MAX_MINUTES,
            });
        }
        Ok(Rule {
            pattern,
            at,
            minutes,
            zone,
        })
    }

    pub fn pattern(&self) -> &Pattern {
        &self.pattern
    }

    /// The meeting is every few weeks but the source doesn't say which weeks: its
    /// occurrences are candidates ([`super::Occurrence::tentative`]), not promises.
    pub fn weeks_unknown(&self) -> bool {
        self.pattern.weeks_unknown()
    }

    /// Start time on the wall clock of [`Rule::zone`].
    pub fn at(&self) -> Time {
        self.at
    }

    pub fn minutes(&self) -> u32 {
        self.minutes
    }

    /// Elapsed time, not wall-clock time: a meeting across a DST change still lasts this long.
    pub fn duration(&self) -> SignedDuration {
        SignedDuration::from_mins(i64::from(self.minutes))
    }

    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// The IANA name of the meeting's zone, in the database's spelling.
    pub fn zone_name(&self) -> &str {
        self.zone.iana_name().unwrap_or("UTC")
    }
}

fn name(every: Frequency) -> &'static str {
    match every {
        Frequency::Week => "week",
        Frequency::Month => "month",
        Frequency::Once => "once",
    }
}

/// Errors for the fields `every` has no use for.
fn refuse_unused(spec: &ScheduleSpec, fields: &[&'static str]) -> Result<(), ScheduleError> {
    let present = |field: &str| match field {
        "interval" => spec.interval.is_some_and(|n| n != 1),
        "anchor" => spec.anchor.is_some(),
        "date" => spec.date.is_some(),
        "on" => !spec.on.is_empty(),
        _ => false,
    };
    match fields.iter().find(|f| present(f)) {
        Some(field) => Err(ScheduleError::NotApplicable {
            field,
            every: name(spec.every),
        }),
        None => Ok(()),
    }
}

fn weekly(spec: &ScheduleSpec) -> Result<Pattern, ScheduleError> {
    refuse_unused(spec, &["date"])?;
    let weeks = spec.interval.unwrap_or(1);
    if !(1..=MAX_INTERVAL_WEEKS).contains(&weeks) {
        return Err(ScheduleError::BadInterval {
            value: weeks,
            max: MAX_INTERVAL_WEEKS,
        });
    }
    let mut days = Vec::new();
    for text in &spec.on {
        match parse_day(text)? {
            Day::Every(day) => days.push(day),
            Day::Nth(_) => {
                return Err(ScheduleError::OrdinalNeedsMonth {
                    value: text.clone(),
                });
            }
        }
    }
    days.sort_by_key(|d| d.to_monday_zero_offset());
    days.dedup();
    if days.is_empty() {
        return Err(ScheduleError::NoDays { every: "week" });
    }
    let Some(anchor) = &spec.anchor else {
        return Ok(match weeks {
            1 => Pattern::Weekly { days },
            _ => Pattern::EveryNWeeks {
                weeks,
                anchor: None,
                days,
            },
        });
    };
    let anchor = parse_date(anchor)?;
    if !days.contains(&anchor.weekday()) {
        return Err(ScheduleError::AnchorNotMeetingDay {
            anchor: anchor.to_string(),
            weekday: weekday_name(anchor.weekday()).to_string(),
            days: names(&days),
        });
    }
    Ok(Pattern::EveryNWeeks {
        weeks,
        anchor: Some(anchor),
        days,
    })
}

fn names(days: &[Weekday]) -> String {
    let names: Vec<_> = days.iter().map(|d| weekday_name(*d)).collect();
    names.join(", ")
}

fn monthly(spec: &ScheduleSpec) -> Result<Pattern, ScheduleError> {
    refuse_unused(spec, &["interval", "anchor", "date"])?;
    let mut days: Vec<MonthDay> = Vec::new();
    for text in &spec.on {
        match parse_day(text)? {
            Day::Nth(day) => days.push(day),
            Day::Every(_) => {
                return Err(ScheduleError::MissingOrdinal {
                    value: text.clone(),
                });
            }
        }
    }
    days.sort_by_key(|d| (d.weekday.to_monday_zero_offset(), d.nth));
    days.dedup();
    if days.is_empty() {
        return Err(ScheduleError::NoDays { every: "month" });
    }
    Ok(Pattern::Monthly { days })
}

fn once(spec: &ScheduleSpec) -> Result<Pattern, ScheduleError> {
    refuse_unused(spec, &["interval", "anchor", "on"])?;
    let date = spec.date.as_deref().ok_or(ScheduleError::MissingDate)?;
    Ok(Pattern::Once {
        date: parse_date(date)?,
    })
}

#[cfg(test)]
mod tests;
