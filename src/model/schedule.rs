//! A meeting's recurrence: as written in a file ([`ScheduleSpec`]), and as loading left it
//! ([`When`]), so nothing after loading reads the written strings again.

use serde::{Deserialize, Serialize};

use super::rule::Rule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frequency {
    #[default]
    Week,
    Month,
    Once,
}

/// A meeting's recurrence as written in the file; [`Rule`] is its checked form.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleSpec {
    pub every: Frequency,
    /// Weeks between meetings (`every: week`, `interval: 2` is every other week).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<u32>,
    /// A date (`YYYY-MM-DD`) on which an every-N-weeks meeting takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Weekdays (`thursday`) for weekly meetings; `2nd thursday`, `last friday` for monthly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on: Vec<String>,
    /// The day of a one-off meeting (`every: once`), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Local start time in `zone`, `HH:MM` (24-hour).
    pub at: String,
    /// IANA time-zone name, such as `America/Los_Angeles` or `UTC`.
    pub zone: String,
    /// Length in minutes; 60 when the source doesn't say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// What loading made of a meeting's schedule. Kept beside the written spec so that the CLI,
/// the browser, the agenda and the calendar export all use the one check loading did.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
pub enum When {
    /// No structured schedule: only the published time is known.
    #[default]
    Unstructured,
    Rule(Rule),
    /// A schedule was written but could not be used; loading reported why, and this says it
    /// again wherever the meeting is shown.
    Unreadable(String),
}

impl When {
    pub fn rule(&self) -> Option<&Rule> {
        match self {
            When::Rule(rule) => Some(rule),
            _ => None,
        }
    }
}
