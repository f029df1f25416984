//! A meeting's schedule once checked: which days, at what wall-clock time, for how long, in
//! which zone. Only `schedule::check` builds one, so everything that holds a [`Rule`] may
//! assume it makes sense; the computations on it (occurrences, descriptions) live in
//! `schedule`.

use jiff::SignedDuration;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;

/// The checked form of a [`super::ScheduleSpec`].
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pattern: Pattern,
    at: Time,
    minutes: u32,
    zone: TimeZone,
}

impl Rule {
    /// Puts together parts `schedule::check` has already checked; tests/architecture.rs
    /// keeps every other caller out.
    pub(crate) fn from_checked(pattern: Pattern, at: Time, minutes: u32, zone: TimeZone) -> Rule {
        Rule {
            pattern,
            at,
            minutes,
            zone,
        }
    }

    pub fn pattern(&self) -> &Pattern {
        &self.pattern
    }

    /// The meeting is every few weeks but the source doesn't say which weeks: its
    /// occurrences are candidates, not promises.
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

impl Pattern {
    /// The meeting recurs every few weeks but the source doesn't say which weeks, so its days
    /// are only candidates: each may or may not be a meeting.
    pub fn weeks_unknown(&self) -> bool {
        matches!(self, Pattern::EveryNWeeks { anchor: None, .. })
    }
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
