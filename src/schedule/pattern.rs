//! Which calendar days a meeting falls on, in its own zone. Days only: the time of day and the
//! zone are applied afterwards, in `occurrence`, so this part never sees daylight saving time.

use jiff::civil::{Date, Weekday};

/// The days of a meeting, as checked from the `every` / `on` / `interval` / `anchor` / `date`
/// of a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// Every week on each of `days` (sorted Monday first, no repeats).
    Weekly { days: Vec<Weekday> },
    /// Every `weeks` weeks on each of `days`, starting on `anchor`, which is one of the days.
    ///
    /// Weeks start on Monday, as in RFC 5545's default, so `Tuesday and Thursday every other
    /// week` keeps the two days of one week together. Nothing happens before the anchor: it is
    /// the first meeting, which also matches how a calendar export states it.
    ///
    /// Most registries say "biweekly" without saying which weeks, so `anchor` is `None` there
    /// (and `weeks` is at least 2). Then every week on `days` is a candidate, because any of
    /// them may be a meeting; [`Pattern::weeks_unknown`] tells such candidates from meetings.
    EveryNWeeks {
        weeks: u32,
        anchor: Option<Date>,
        days: Vec<Weekday>,
    },
    /// Every month on each of `days`; a month without a 5th such weekday has no meeting for
    /// that entry.
    Monthly { days: Vec<MonthDay> },
    /// A single meeting.
    Once { date: Date },
}

/// A weekday of the month, such as the 2nd Thursday or the last Friday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub nth: Nth,
    pub weekday: Weekday,
}

/// Which of a month's weekdays, counted from the start or, for `Last`, from the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Fifth,
    Last,
}

impl Nth {
    /// 1 to 5, or -1 for the last: jiff's `nth_weekday_of_month` and RFC 5545's `BYDAY=-1FR`.
    pub fn as_i8(self) -> i8 {
        match self {
            Nth::First => 1,
            Nth::Second => 2,
            Nth::Third => 3,
            Nth::Fourth => 4,
            Nth::Fifth => 5,
            Nth::Last => -1,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Nth::First => "1st",
            Nth::Second => "2nd",
            Nth::Third => "3rd",
            Nth::Fourth => "4th",
            Nth::Fifth => "5th",
            Nth::Last => "last",
        }
    }
}

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

    /// The meeting recurs every few weeks but the source doesn't say which weeks, so its days
    /// are only candidates: each may or may not be a meeting.
    pub fn weeks_unknown(&self) -> bool {
        matches!(self, Pattern::EveryNWeeks { anchor: None, .. })
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
