//! Reading the strings of a written schedule: times, dates, weekdays and "2nd thursday".
//!
//! The formats are narrower than jiff's own parsers on purpose: a registry that writes
//! `09:00:30` or `2026-1-5` probably made a mistake, and saying so is kinder than guessing.

use jiff::civil::{Date, Time, Weekday};

use super::ScheduleError;
use super::spelling;
use crate::model::{MonthDay, Nth};

/// One entry of `on`: a plain weekday for weekly meetings, an nth weekday for monthly ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Day {
    Every(Weekday),
    Nth(MonthDay),
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

const ORDINALS: [(&str, &str, Nth); 6] = [
    ("1st", "first", Nth::First),
    ("2nd", "second", Nth::Second),
    ("3rd", "third", Nth::Third),
    ("4th", "fourth", Nth::Fourth),
    ("5th", "fifth", Nth::Fifth),
    ("last", "last", Nth::Last),
];

/// `HH:MM` on the 24-hour clock; a single-digit hour (`9:00`) is accepted.
pub fn parse_time(text: &str) -> Result<Time, ScheduleError> {
    let bad = || ScheduleError::BadTime {
        value: text.to_string(),
    };
    let (hour, minute) = text.trim().split_once(':').ok_or_else(bad)?;
    let digits = |s: &str, widths: &[usize]| {
        (widths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i8>().ok())
            .flatten()
    };
    let hour = digits(hour, &[1, 2]).filter(|h| *h < 24).ok_or_else(bad)?;
    let minute = digits(minute, &[2]).filter(|m| *m < 60).ok_or_else(bad)?;
    Time::new(hour, minute, 0, 0).map_err(|_| bad())
}

/// `YYYY-MM-DD`, and a day that exists (no February 30th).
pub fn parse_date(text: &str) -> Result<Date, ScheduleError> {
    let bad = || ScheduleError::BadDate {
        value: text.to_string(),
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [year, month, day] = parts[..] else {
        return Err(bad());
    };
    let shaped = [(year, 4), (month, 2), (day, 2)]
        .iter()
        .all(|(s, width)| s.len() == *width && s.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Err(bad());
    }
    match (year.parse(), month.parse(), day.parse()) {
        (Ok(year), Ok(month), Ok(day)) => Date::new(year, month, day).map_err(|_| bad()),
        _ => Err(bad()),
    }
}

/// A weekday by its full name or a common short form (`thu`, `thurs`), in any case; a
/// trailing `s` (`thursdays`) is allowed because people write it.
pub fn parse_weekday(text: &str) -> Result<Weekday, ScheduleError> {
    let word = text.trim().to_lowercase();
    let singular = word.strip_suffix('s').unwrap_or(&word);
    let found = WEEKDAYS.iter().find(|(name, _)| {
        let short_form = singular.len() >= 3 && name.starts_with(singular);
        *name == word || *name == singular || short_form
    });
    found
        .map(|(_, day)| *day)
        .ok_or_else(|| ScheduleError::UnknownWeekday {
            value: text.to_string(),
            suggestion: spelling::nearest(&word, WEEKDAYS.map(|(name, _)| name)),
        })
}

/// One entry of `on`: `thursday`, or `2nd thursday` / `last friday`.
pub(super) fn parse_day(text: &str) -> Result<Day, ScheduleError> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words[..] {
        [weekday] => parse_weekday(weekday).map(Day::Every),
        [ordinal, weekday] => {
            let nth = parse_ordinal(ordinal).ok_or_else(|| ScheduleError::BadOrdinal {
                value: text.to_string(),
            })?;
            let weekday = parse_weekday(weekday)?;
            Ok(Day::Nth(MonthDay { nth, weekday }))
        }
        _ => Err(ScheduleError::BadDay {
            value: text.to_string(),
        }),
    }
}

pub fn parse_ordinal(word: &str) -> Option<Nth> {
    let word = word.to_lowercase();
    ORDINALS
        .iter()
        .find(|(short, long, _)| word == *short || word == *long)
        .map(|(_, _, nth)| *nth)
}

/// The lowercase name, as registries write it (`thursday`).
pub fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, d)| *d == day)
        .map_or("?", |(name, _)| name)
}

#[cfg(test)]
mod tests;
