//! Builders for the schedules tests are written about, so each test reads like the YAML.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::model::{Frequency, ScheduleSpec};

use super::{Occurrence, find_zone};
use crate::model::Rule;

pub(super) const LA: &str = "America/Los_Angeles";

pub(super) fn weekly(on: &[&str], at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        every: Frequency::Week,
        on: on.iter().map(|s| s.to_string()).collect(),
        at: at.to_string(),
        zone: zone.to_string(),
        ..ScheduleSpec::default()
    }
}

pub(super) fn every_n_weeks(
    weeks: u32,
    anchor: &str,
    on: &[&str],
    at: &str,
    zone: &str,
) -> ScheduleSpec {
    ScheduleSpec {
        interval: Some(weeks),
        anchor: Some(anchor.to_string()),
        ..weekly(on, at, zone)
    }
}

/// Every `weeks` weeks, as most registries write it: without saying which weeks.
pub(super) fn unanchored(weeks: u32, on: &[&str], at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        interval: Some(weeks),
        ..weekly(on, at, zone)
    }
}

pub(super) fn monthly(on: &[&str], at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        every: Frequency::Month,
        ..weekly(on, at, zone)
    }
}

pub(super) fn once(date: &str, at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        every: Frequency::Once,
        date: Some(date.to_string()),
        ..weekly(&[], at, zone)
    }
}

pub(super) fn rule(spec: &ScheduleSpec) -> Rule {
    Rule::from_spec(spec).unwrap_or_else(|e| panic!("{spec:?}: {e}"))
}

pub(super) fn ts(text: &str) -> Timestamp {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

pub(super) fn zone(name: &str) -> TimeZone {
    find_zone(name).unwrap_or_else(|| panic!("no zone {name}"))
}

/// The next start after `now`, on the viewer's clock, as jiff writes it.
pub(super) fn next_in(rule: &Rule, now: &str, viewer: &str) -> String {
    let next = rule.next_after(ts(now)).expect("a next meeting");
    next.in_zone(&zone(viewer)).0.to_string()
}

/// Start instants in UTC, as jiff writes them.
pub(super) fn starts(occurrences: &[Occurrence]) -> Vec<String> {
    occurrences
        .iter()
        .map(|o| o.start.timestamp().to_string())
        .collect()
}
