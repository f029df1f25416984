//! Community calendars (RFC 5545 iCalendar feeds) as the truth about when a meeting happens.
//!
//! Registry files say "every other Thursday"; a community's public calendar says which
//! Thursdays, which one was cancelled, which moved for a holiday, and often the join link.
//! This module reads such a feed ([`Calendar::read`]), expands it into [`Occurrence`]s in a
//! window ([`Calendar::occurrences`]), and matches its series to registry meetings
//! ([`matching`]). It knows nothing of terminals; times come from jiff's bundled tzdb.
//!
//! Reading is lenient the way real feeds need, and bounded ([`limits`]): a malformed event is
//! a [`Warning`] with its line, never a lost feed; only input that is not a calendar at all is
//! an error ([`ReadError`]), so a sync can refuse it and keep the last good copy.

mod call;
mod component;
mod content;
mod event;
mod expand;
pub mod limits;
pub mod matching;
mod read;
mod recurrence;
mod series;
mod value;
mod vtimezone;
mod windows_zones;
mod zone;

#[cfg(test)]
mod tests;

use std::fmt;

pub use call::{Call, CallKey};
pub use event::{Event, EventStatus, Start};
pub use expand::{Expansion, Occurrence, Window};
pub use read::{Calendar, ReadError};
pub use series::Series;
pub use zone::named as zone_named;

/// Something in a feed townhall could not use, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line in the file.
    pub line: usize,
    pub message: String,
}

impl Warning {
    /// Messages quote the feed's own text, which may hold terminal escapes: they are
    /// cleaned here, once, like every string from outside.
    pub fn new(line: usize, message: impl Into<String>) -> Warning {
        let mut message = message.into().replace(['\n', '\r'], " ");
        crate::untrusted::clean(&mut message);
        Warning { line, message }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}
