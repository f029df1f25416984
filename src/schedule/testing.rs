//! Builders for the schedules tests are written about, so each test reads like the YAML.

use crate::registry::{Frequency, ScheduleSpec};

use super::Rule;

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
