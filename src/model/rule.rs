//! A meeting's schedule once checked: which days, at what wall-clock time, for how long, in
//! which zone. Only `schedule::check` builds one, so everything that holds a [`Rule`] may
//! assume it makes sense; the computations on it (occurrences, descriptions) live in
//! `schedule`.

use jiff::SignedDuration;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

/// The checked form of a [`super::ScheduleSpec`]. Serde is for the loading snapshot
/// (`registry::snapshot`), which stores rules as loading checked them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pattern: Pattern,
    at: Time,
    minutes: u32,
    #[serde(with = "zone")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pattern {
    /// Every week on each of `days` (sorted Monday first, no repeats).
    Weekly {
        #[serde(with = "weekdays")]
        days: Vec<Weekday>,
    },
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
        #[serde(with = "weekdays")]
        days: Vec<Weekday>,
    },
    /// Every month on each of `days`; a month without a 5th such weekday has no meeting for
    /// that entry.
    Monthly { days: Vec<MonthDay> },
    /// A single meeting.
    Once { date: Date },
}

/// A weekday of the month, such as the 2nd Thursday or the last Friday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthDay {
    pub nth: Nth,
    #[serde(with = "weekday")]
    pub weekday: Weekday,
}

/// Which of a month's weekdays, counted from the start or, for `Last`, from the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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

/// jiff's weekdays have no serde form; 1 (Monday) to 7 (Sunday) is ISO 8601's.
mod weekday {
    use jiff::civil::Weekday;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i8(day.to_monday_one_offset())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        Weekday::from_monday_one_offset(i8::deserialize(d)?).map_err(D::Error::custom)
    }
}

mod weekdays {
    use jiff::civil::Weekday;
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(days.len()))?;
        for day in days {
            seq.serialize_element(&day.to_monday_one_offset())?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
        Vec::<i8>::deserialize(d)?
            .into_iter()
            .map(|n| Weekday::from_monday_one_offset(n).map_err(D::Error::custom))
            .collect()
    }
}

/// A rule's zone by name, read back from jiff's bundled database like every zone townhall
/// uses (jiff's own serde form would look names up in the system's).
mod zone {
    use std::sync::LazyLock;

    use jiff::tz::{Offset, TimeZone, TimeZoneDatabase};
    use serde::{
        Deserialize, Deserializer, Serialize, Serializer, de::Error as _, ser::Error as _,
    };

    static BUNDLED: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

    #[derive(Serialize, Deserialize)]
    enum Stored<'a> {
        Utc,
        Named(&'a str),
        Fixed(i32),
    }

    pub fn serialize<S: Serializer>(zone: &TimeZone, s: S) -> Result<S::Ok, S::Error> {
        let stored = if *zone == TimeZone::UTC {
            Stored::Utc
        } else if let Some(name) = zone.iana_name() {
            Stored::Named(name)
        } else {
            let offset = zone.to_fixed_offset().map_err(S::Error::custom)?;
            Stored::Fixed(offset.seconds())
        };
        stored.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeZone, D::Error> {
        match Stored::deserialize(d)? {
            Stored::Utc => Ok(TimeZone::UTC),
            Stored::Named(name) => BUNDLED.get(name).map_err(D::Error::custom),
            Stored::Fixed(seconds) => Offset::from_seconds(seconds)
                .map(TimeZone::fixed)
                .map_err(D::Error::custom),
        }
    }
}
