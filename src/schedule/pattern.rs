//! Which calendar days a meeting falls on, in its own zone. Days only: the time of day and the
//! zone are applied afterwards, in `occurrence`, so this part never sees daylight saving time.

use jiff::civil::{Date, Weekday};

use crate::model::{MonthDay, Pattern};

impl MonthDay {
    /// The day in the month of `month`, if that month has one.
    fn in_month_of(self, month: Date) -> Option<Date> {
        month
            .nth_weekday_of_month(self.nth.as_i8(), self.weekday)
            .ok()
    }
}

/// Longest run of months without a given 5th weekday is three, so a year of months always
/// finds a monthly meeting; a little more for safety.
const MONTHS_TO_SEARCH: i32 = 15;

impl Pattern {
    /// The first meeting day on or after `from`, or `None` when there is none (a past one-off,
    /// or the end of jiff's calendar). When [`Pattern::weeks_unknown`], the first candidate.
    pub fn first_on_or_after(&self, from: Date) -> Option<Date> {
        match self {
            Pattern::Weekly { days }
            | Pattern::EveryNWeeks {
                anchor: None, days, ..
            } => days.iter().filter_map(|&d| next_weekday(from, d)).min(),
            Pattern::EveryNWeeks {
                weeks,
                anchor: Some(anchor),
                days,
            } => first_fortnightly(*weeks, *anchor, days, from.max(*anchor)),
            Pattern::Monthly { days } => first_monthly(days, from),
            Pattern::Once { date } => (*date >= from).then_some(*date),
        }
    }

    /// Whether `date` is a meeting day (or, when [`Pattern::weeks_unknown`], may be one).
    pub fn includes(&self, date: Date) -> bool {
        self.first_on_or_after(date) == Some(date)
    }
}

/// `from` itself when it is a `weekday`, else the next one.
fn next_weekday(from: Date, weekday: Weekday) -> Option<Date> {
    let ahead = weekday.since(from.weekday());
    from.checked_add(jiff::Span::new().days(ahead)).ok()
}

/// Walks day by day through at most one whole cycle of `weeks` weeks; `from` is not before
/// the anchor.
fn first_fortnightly(weeks: u32, anchor: Date, days: &[Weekday], from: Date) -> Option<Date> {
    let anchor_monday = monday_of(anchor)?;
    let mut day = from;
    for _ in 0..=7 * weeks {
        let week = monday_of(day)?.since(anchor_monday).ok()?.get_days() / 7;
        let on_week = u32::try_from(week).is_ok_and(|w| w % weeks == 0);
        if on_week && days.contains(&day.weekday()) {
            return Some(day);
        }
        day = day.tomorrow().ok()?;
    }
    None
}

fn monday_of(date: Date) -> Option<Date> {
    let back = date.weekday().to_monday_zero_offset();
    date.checked_sub(jiff::Span::new().days(back)).ok()
}

fn first_monthly(days: &[MonthDay], from: Date) -> Option<Date> {
    let mut month = from.first_of_month();
    for _ in 0..MONTHS_TO_SEARCH {
        let found = days
            .iter()
            .filter_map(|d| d.in_month_of(month))
            .filter(|&d| d >= from)
            .min();
        if found.is_some() {
            return found;
        }
        month = month.checked_add(jiff::Span::new().months(1)).ok()?;
    }
    None
}

#[cfg(test)]
mod tests;
