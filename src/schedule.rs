//! When a group meets: a meeting's written recurrence checked into a [`Rule`], its
//! [`Occurrence`]s as instants, and the short texts people read ("in 3h 20m").
//!
//! Everything here is a pure function of its inputs. The current time is always passed in as
//! `now`, so tests can stand on either side of a daylight-saving change; nothing reads the
//! clock, and only [`viewer_zone`] asks the system anything (its zone, when `--tz` is absent).
//!
//! Meetings are defined by the wall clock of their home zone ("09:00 in Los Angeles"), so each
//! occurrence is built from a civil date and time in that zone and only then turned into an
//! instant. That is what keeps a Thursday 09:00 Pacific meeting at 09:00 Pacific when the US
//! changes its clocks and Europe has not yet.
//!
//! Time zones always come from jiff's bundled copy of the IANA database (see
//! [`find_zone`]), so results do not depend on the machine's tzdata.

mod abbreviations;
mod countdown;
mod describe;
mod error;
mod occurrence;
mod pattern;
mod rule;
mod spec;
mod spelling;
#[cfg(test)]
mod testing;
mod zones;

pub use countdown::countdown;
pub use describe::{describe, or_later};
pub use error::ScheduleError;
pub use occurrence::Occurrence;
pub use rule::{DEFAULT_MINUTES, MAX_INTERVAL_WEEKS, MAX_MINUTES};
pub use spec::{parse_date, parse_ordinal, parse_time, parse_weekday, weekday_name};
pub use zones::{
    ZONE_ABBREVIATIONS, ZoneAbbreviation, find_zone, suggest_zone, viewer_zone,
    zone_for_abbreviation,
};
