//! VTIMEZONE text for zones with and without daylight saving time.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{is_utc, write};
use crate::ics::content::Content;

fn ts(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn vtimezone(name: &str, from: &str, until: &str) -> String {
    let tz = crate::schedule::find_zone(name).unwrap();
    let mut out = Content::default();
    write(&mut out, name, &tz, ts(from), ts(until));
    out.finish()
}

#[test]
fn utc_zones_are_recognised() {
    for name in ["UTC", "Etc/UTC", "Etc/GMT"] {
        assert!(is_utc(&crate::schedule::find_zone(name).unwrap()), "{name}");
    }
    assert!(is_utc(&TimeZone::UTC));
    for name in ["Europe/London", "Africa/Abidjan", "America/Los_Angeles"] {
        assert!(
            !is_utc(&crate::schedule::find_zone(name).unwrap()),
            "{name}"
        );
    }
}

#[test]
fn los_angeles_lists_each_change_in_the_window() {
    let text = vtimezone(
        "America/Los_Angeles",
        "2026-01-01T00:00:00Z",
        "2027-12-31T00:00:00Z",
    );
    let expected = [
        "BEGIN:VTIMEZONE",
        "TZID:America/Los_Angeles",
        // In effect on 2026-01-01: the change of 2025-11-02.
        "BEGIN:STANDARD",
        "DTSTART:20251102T020000",
        "TZOFFSETFROM:-0700",
        "TZOFFSETTO:-0800",
        "TZNAME:PST",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20260308T020000",
        "TZOFFSETFROM:-0800",
        "TZOFFSETTO:-0700",
        "TZNAME:PDT",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20261101T020000",
    ];
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[..expected.len()], expected);
    assert_eq!(text.matches("BEGIN:DAYLIGHT").count(), 2);
    assert_eq!(text.matches("BEGIN:STANDARD").count(), 3);
    assert!(text.ends_with("END:VTIMEZONE\r\n"));
}

#[test]
fn a_zone_without_daylight_saving_gets_one_standard_component() {
    let text = vtimezone("Asia/Tokyo", "2025-11-21T00:00:00Z", "2036-11-21T00:00:00Z");
    assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
    assert!(!text.contains("DAYLIGHT"));
    assert!(text.contains("TZOFFSETTO:+0900\r\n"));
    assert!(text.contains("TZNAME:JST\r\n"));
}

#[test]
fn a_fixed_offset_zone_gets_one_standard_component() {
    let text = vtimezone("Etc/GMT-3", "2025-11-21T00:00:00Z", "2036-11-21T00:00:00Z");
    assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
    assert!(text.contains("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"));
}
