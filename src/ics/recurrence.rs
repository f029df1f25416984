//! A schedule's [`Pattern`] as an RFC 5545 RRULE and the first day of the series.
//!
//! The rules are written so that a calendar app expanding them meets on exactly the days
//! `schedule` computes: weeks start on Monday for every-N-weeks meetings, as townhall counts
//! them, and a month without a 5th such weekday has no meeting, as RRULE's `5TH` already means.

use jiff::civil::{Date, Weekday, date};

use crate::model::{MonthDay, Pattern};

/// Day from which weekly and monthly series are stated. A fixed day, rather than one derived
/// from `now`, keeps an event the same from one export to the next, so re-importing updates
/// it instead of moving its start; registries record meetings as they are today, so townhall
/// can't state when a series really began, and 2026 is when its data was gathered.
pub const SERIES_START: Date = date(2026, 1, 1);

/// The day of the event's DTSTART, which must itself be a meeting day: RFC 5545 counts
/// DTSTART as the first occurrence whether or not the rule matches it.
///
/// Every-N-weeks meetings start on their anchor, since that is the meeting the week parity
/// is counted from; one-off meetings on their day. Without an anchor there is no day that
/// is surely a meeting, so none.
pub(super) fn first_day(pattern: &Pattern) -> Option<Date> {
    match pattern {
        Pattern::Weekly { .. } | Pattern::Monthly { .. } => pattern.first_on_or_after(SERIES_START),
        Pattern::EveryNWeeks { anchor, .. } => *anchor,
        Pattern::Once { date } => Some(*date),
    }
}

/// The RRULE value, or `None` for a one-off meeting, which has no recurrence.
pub(super) fn rrule(pattern: &Pattern) -> Option<String> {
    match pattern {
        Pattern::Weekly { days } => Some(format!("FREQ=WEEKLY;BYDAY={}", weekdays(days))),
        Pattern::EveryNWeeks { weeks, days, .. } => Some(format!(
            "FREQ=WEEKLY;INTERVAL={weeks};WKST=MO;BYDAY={}",
            weekdays(days)
        )),
        Pattern::Monthly { days } => Some(format!("FREQ=MONTHLY;BYDAY={}", month_days(days))),
        Pattern::Once { .. } => None,
    }
}

fn weekdays(days: &[Weekday]) -> String {
    let codes: Vec<&str> = days.iter().map(|&d| code(d)).collect();
    codes.join(",")
}

/// `2TH,4TH`, `-1FR`.
fn month_days(days: &[MonthDay]) -> String {
    let codes: Vec<String> = days
        .iter()
        .map(|d| format!("{}{}", d.nth.as_i8(), code(d.weekday)))
        .collect();
    codes.join(",")
}

fn code(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

#[cfg(test)]
mod tests;
