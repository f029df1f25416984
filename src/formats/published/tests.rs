use jiff::civil::{Time, time};

use super::clock::read_clock;
use super::words::{Cursor, split};
use super::zone::iana_zone;
use super::{Reading, Unreadable};
use crate::model::Rule;
use crate::model::{Frequency, ScheduleSpec};

mod fields;
mod fixtures;
mod sentences;

const LA: &str = "America/Los_Angeles";
const NEW_YORK: &str = "America/New_York";
const BERLIN: &str = "Europe/Berlin";

fn weekly(day: &str, at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        every: Frequency::Week,
        on: vec![day.to_string()],
        at: at.to_string(),
        zone: zone.to_string(),
        ..ScheduleSpec::default()
    }
}

fn every(weeks: u32, day: &str, at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        interval: Some(weeks),
        ..weekly(day, at, zone)
    }
}

fn starting(anchor: &str, spec: ScheduleSpec) -> ScheduleSpec {
    ScheduleSpec {
        anchor: Some(anchor.to_string()),
        ..spec
    }
}

fn monthly(on: &str, at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        every: Frequency::Month,
        ..weekly(on, at, zone)
    }
}

/// The specs of what was read. Each reading's rule must be the one its spec checks into, so
/// the two ways from a published time to a rule can't drift apart.
fn specs(read: Result<Vec<Reading>, Unreadable>) -> Result<Vec<ScheduleSpec>, Unreadable> {
    let readings = read?;
    let check = |r: Reading| {
        assert_eq!(r.rule, Rule::from_spec(&r.spec), "{:?}", r.spec);
        r.spec
    };
    Ok(readings.into_iter().map(check).collect())
}

fn from_sentence(text: &str) -> Result<Vec<ScheduleSpec>, Unreadable> {
    specs(super::from_sentence(text))
}

fn from_fields(
    day: Option<&str>,
    time: Option<&str>,
    tz: Option<&str>,
    frequency: Option<&str>,
) -> Result<Vec<ScheduleSpec>, Unreadable> {
    specs(super::from_fields(day, time, tz, frequency))
}

/// Every spec read from a published time must be one the schedule core accepts.
fn assert_rule_accepts(spec: &ScheduleSpec) {
    if let Err(e) = Rule::from_spec(spec) {
        panic!("{spec:?}: {e}");
    }
}

fn clock(text: &str) -> Result<Time, Unreadable> {
    let words = split(text);
    let mut c = Cursor::new(text, &words);
    let at = read_clock(&mut c)?;
    assert!(c.is_done(), "{text:?} read only in part");
    Ok(at)
}

#[test]
fn times_on_either_clock() {
    for (text, want) in [
        ("9:00", time(9, 0, 0, 0)),
        ("09:00", time(9, 0, 0, 0)),
        ("17:00", time(17, 0, 0, 0)),
        ("4PM", time(16, 0, 0, 0)),
        ("2pm", time(14, 0, 0, 0)),
        ("8:30am", time(8, 30, 0, 0)),
        ("01:00pm", time(13, 0, 0, 0)),
        ("09:00 AM", time(9, 0, 0, 0)),
        ("2:30 PM", time(14, 30, 0, 0)),
        ("12:00am", time(0, 0, 0, 0)),
        ("12:30 AM", time(0, 30, 0, 0)),
        ("12pm", time(12, 0, 0, 0)),
        ("11:59pm", time(23, 59, 0, 0)),
        ("7 a.m", time(7, 0, 0, 0)),
    ] {
        assert_eq!(clock(text), Ok(want), "{text:?}");
    }
}

#[test]
fn times_that_are_not_times() {
    for (text, reason) in [
        ("24:00", "not a time of day"),
        ("25:00", "not a time of day"),
        ("9", "not a time of day"),
        ("9.30", "not a time of day"),
        ("noon", "not a time of day"),
        ("13pm", "not a time on the 12-hour clock"),
        ("0am", "not a time on the 12-hour clock"),
        ("17:00 pm", "not a time on the 12-hour clock"),
        ("9:5pm", "not a time on the 12-hour clock"),
    ] {
        let want = Unreadable::new(text, reason);
        assert_eq!(clock(text), Err(want), "{text:?}");
    }
}

#[test]
fn zones_by_abbreviation_offset_or_iana_name() {
    for (text, want) in [
        ("PT (Pacific Time)", LA),
        ("Eastern Time (ET)", NEW_YORK),
        ("EST (Eastern Time)", NEW_YORK),
        ("ET (Eastern Time)", NEW_YORK),
        ("CET (Central European Time)", BERLIN),
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("Poland", "Poland"),
        ("IST", "Asia/Kolkata"),
        ("JST", "Asia/Tokyo"),
        ("UTC+8", "Etc/GMT-8"),
        ("UTC-3", "Etc/GMT+3"),
        ("GMT+10", "Etc/GMT-10"),
        ("UTC+05:00", "Etc/GMT-5"),
        ("UTC+0", "UTC"),
        ("europe/paris", "Europe/Paris"),
    ] {
        assert_eq!(iana_zone(text).as_deref(), Some(want), "{text:?}");
    }
    for text in [
        "UTC+5:30",
        "UTC+15",
        "UTC8",
        "PT (Central Time)",
        "Mars",
        "",
    ] {
        assert_eq!(iana_zone(text), None, "{text:?}");
    }
}

#[test]
fn an_unreadable_time_says_which_part_and_why() {
    let why = Unreadable::new(
        " after the fourth Tuesday ",
        "not a weekday rule townhall reads",
    );
    assert_eq!(
        why.to_string(),
        "\"after the fourth Tuesday\": not a weekday rule townhall reads"
    );
    let missing = Unreadable::new("", "no time zone given");
    assert_eq!(missing.to_string(), "no time zone given");
}
