//! A meeting's schedule checked once, so everything after can assume it makes sense.
//!
//! Fields that would be silently ignored are errors too (`interval` on a monthly meeting,
//! `on` beside a one-off `date`): a schedule that says more than townhall reads probably
//! means something townhall would get wrong.

use jiff::civil::{Time, Weekday};

use super::ScheduleError;
use super::spec::{Day, parse_date, parse_day, parse_time, weekday_name};
use super::zones::registry_zone;
use crate::model::{Frequency, MonthDay, Pattern, Rule, ScheduleSpec};

/// Length of a meeting whose source doesn't say.
pub const DEFAULT_MINUTES: u32 = 60;
/// Longest meeting: longer ones are almost certainly a typo (`600` for `60`).
pub const MAX_MINUTES: u32 = 24 * 60;
/// Largest `interval`: a meeting that recurs less than yearly is better written as `once`.
pub const MAX_INTERVAL_WEEKS: u32 = 52;

impl Rule {
    /// Checks a written schedule; the error names the first value that can't be used.
    pub fn from_spec(spec: &ScheduleSpec) -> Result<Rule, ScheduleError> {
        let pattern = match spec.every {
            Frequency::Week => weekly(spec)?,
            Frequency::Month => monthly(spec)?,
            Frequency::Once => once(spec)?,
        };
        let at = parse_time(&spec.at)?;
        Rule::from_parts(pattern, at, spec.minutes, spec.zone.trim())
    }

    /// Checks a schedule already read into its parts (the published-time reader has no
    /// strings to parse): the same checks as [`Rule::from_spec`] after its parsing.
    pub fn from_parts(
        pattern: Pattern,
        at: Time,
        minutes: Option<u32>,
        zone: &str,
    ) -> Result<Rule, ScheduleError> {
        let pattern = checked(pattern)?;
        let zone = registry_zone(zone)?;
        let minutes = minutes.unwrap_or(DEFAULT_MINUTES);
        if !(1..=MAX_MINUTES).contains(&minutes) {
            return Err(ScheduleError::BadMinutes {
                value: minutes,
                max: MAX_MINUTES,
            });
        }
        Ok(Rule::from_checked(pattern, at, minutes, zone))
    }
}

/// Days sorted and without repeats, at least one of them, intervals in range and an anchor
/// that is a meeting day.
fn checked(pattern: Pattern) -> Result<Pattern, ScheduleError> {
    match pattern {
        Pattern::Weekly { days } => Ok(Pattern::Weekly {
            days: weekdays(days)?,
        }),
        Pattern::EveryNWeeks {
            weeks,
            anchor,
            days,
        } => {
            if !(1..=MAX_INTERVAL_WEEKS).contains(&weeks) {
                return Err(ScheduleError::BadInterval {
                    value: weeks,
                    max: MAX_INTERVAL_WEEKS,
                });
            }
            let days = weekdays(days)?;
            match anchor {
                None if weeks == 1 => Ok(Pattern::Weekly { days }),
                Some(anchor) if !days.contains(&anchor.weekday()) => {
                    Err(ScheduleError::AnchorNotMeetingDay {
                        anchor: anchor.to_string(),
                        weekday: weekday_name(anchor.weekday()).to_string(),
                        days: names(&days),
                    })
                }
                anchor => Ok(Pattern::EveryNWeeks {
                    weeks,
                    anchor,
                    days,
                }),
            }
        }
        Pattern::Monthly { mut days } => {
            days.sort_by_key(|d| (d.weekday.to_monday_zero_offset(), d.nth));
            days.dedup();
            if days.is_empty() {
                return Err(ScheduleError::NoDays { every: "month" });
            }
            Ok(Pattern::Monthly { days })
        }
        once @ Pattern::Once { .. } => Ok(once),
    }
}

fn weekdays(mut days: Vec<Weekday>) -> Result<Vec<Weekday>, ScheduleError> {
    days.sort_by_key(|d| d.to_monday_zero_offset());
    days.dedup();
    if days.is_empty() {
        return Err(ScheduleError::NoDays { every: "week" });
    }
    Ok(days)
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
    let days = weekdays(days)?;
    let anchor = spec.anchor.as_deref().map(parse_date).transpose()?;
    Ok(Pattern::EveryNWeeks {
        weeks,
        anchor,
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
