//! Whole calendar files: structure, skipped meetings, UTC and zoned times.

use jiff::Timestamp;

use super::{Skipped, calendar, export};
use crate::model::{Frequency, Group, Meeting, Rule, ScheduleSpec, When};

fn now() -> Timestamp {
    "2026-11-21T00:00:00Z".parse().unwrap()
}

/// A meeting as loading leaves it: the written schedule and what checking it found.
fn meeting(title: &str, schedule: Option<ScheduleSpec>) -> Meeting {
    let when = match schedule.as_ref().map(Rule::from_spec) {
        None => When::Unstructured,
        Some(Ok(rule)) => When::Rule(rule),
        Some(Err(e)) => When::Unreadable(e.to_string()),
    };
    Meeting {
        title: title.to_string(),
        published: "as the source wrote it".to_string(),
        schedule,
        when,
        join: Some("https://zoom.us/j/123?pwd=a,b;c".to_string()),
        ..Meeting::default()
    }
}

fn spec(every: Frequency, on: &[&str], at: &str, zone: &str) -> ScheduleSpec {
    ScheduleSpec {
        every,
        on: on.iter().map(|s| s.to_string()).collect(),
        at: at.to_string(),
        zone: zone.to_string(),
        ..ScheduleSpec::default()
    }
}

fn group(id: &str, meetings: Vec<Meeting>) -> Group {
    Group {
        id: id.to_string(),
        name: format!("Group {id}"),
        meetings,
        ..Group::default()
    }
}

fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn a_calendar_has_the_header_and_crlf_lines_of_at_most_75_octets() {
    let weekly = spec(
        Frequency::Week,
        &["thursday"],
        "09:00",
        "America/Los_Angeles",
    );
    let g = group(
        "g",
        vec![meeting(
            "Weekly, with a long title ".repeat(4).trim(),
            Some(weekly),
        )],
    );
    let text = calendar(&[&g], now());
    assert!(text.starts_with(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//townhall//townhall 0.1.0//EN\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Group g\r\n"
    ));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        assert!(line.len() <= 75, "{line:?}");
    }
    let all = lines(&text);
    let has = |line: &str| all.iter().any(|l| l == line);
    assert!(has("DTSTAMP:20261121T000000Z"));
    assert!(has("DTSTART;TZID=America/Los_Angeles:20260101T090000"));
    assert!(has("DTEND;TZID=America/Los_Angeles:20260101T100000"));
    assert!(has("RRULE:FREQ=WEEKLY;BYDAY=TH"));
    assert!(has("URL:https://zoom.us/j/123?pwd=a,b;c"));
    assert!(has(r"LOCATION:https://zoom.us/j/123?pwd=a\,b\;c"));
    assert!(has("TZID:America/Los_Angeles"));
}

#[test]
fn utc_meetings_use_utc_times_and_no_vtimezone() {
    let monthly = spec(
        Frequency::Month,
        &["2nd thursday", "4th thursday"],
        "16:30",
        "UTC",
    );
    let g = group("deployments", vec![meeting("WG", Some(monthly))]);
    let all = lines(&calendar(&[&g], now()));
    assert!(all.contains(&"DTSTART:20260108T163000Z".to_string()));
    assert!(all.contains(&"DTEND:20260108T173000Z".to_string()));
    assert!(all.contains(&"RRULE:FREQ=MONTHLY;BYDAY=2TH,4TH".to_string()));
    assert!(!all.iter().any(|l| l.starts_with("BEGIN:VTIMEZONE")));
}

#[test]
fn one_vtimezone_per_zone_and_one_event_per_meeting() {
    let la = spec(
        Frequency::Week,
        &["tuesday"],
        "09:00",
        "America/Los_Angeles",
    );
    let london = spec(Frequency::Month, &["last friday"], "15:00", "Europe/London");
    let g1 = group(
        "a",
        vec![
            meeting("One", Some(la.clone())),
            meeting("Two", Some(london)),
        ],
    );
    let g2 = group("b", vec![meeting("Three", Some(la))]);
    let text = calendar(&[&g1, &g2], now());
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 2);
    assert!(text.contains("X-WR-CALNAME:townhall\r\n"));
    assert!(text.contains("UID:a-1-"));
    assert!(text.contains("SUMMARY:Group b: Three\r\n"));
}

#[test]
fn meetings_without_a_readable_schedule_are_skipped_and_named() {
    let bad_zone = spec(Frequency::Week, &["monday"], "10:00", "Pacific Time");
    let good = spec(Frequency::Week, &["monday"], "10:00", "UTC");
    let g = group(
        "g",
        vec![
            meeting("Unscheduled", None),
            meeting("Bad zone", Some(bad_zone)),
            meeting("Good", Some(good)),
        ],
    );
    let out = export(&[&g], now());
    assert_eq!(out.text.matches("BEGIN:VEVENT").count(), 1);
    let skipped: Vec<(&str, &str)> = out
        .skipped
        .iter()
        .map(|Skipped { group, meeting, .. }| (group.as_str(), meeting.as_str()))
        .collect();
    assert_eq!(skipped, [("g", "Unscheduled"), ("g", "Bad zone")]);
    assert!(out.skipped.iter().all(|s| !s.reason.is_empty()));
}

#[test]
fn every_few_weeks_without_the_weeks_is_skipped_with_the_reason() {
    let unknown_weeks = |weeks| ScheduleSpec {
        interval: Some(weeks),
        ..spec(
            Frequency::Week,
            &["tuesday"],
            "09:00",
            "America/Los_Angeles",
        )
    };
    let g = group(
        "g",
        vec![
            meeting("Biweekly", Some(unknown_weeks(2))),
            meeting("Every third", Some(unknown_weeks(3))),
        ],
    );
    let out = export(&[&g], now());
    assert!(!out.text.contains("BEGIN:VEVENT"));
    assert!(!out.text.contains("BEGIN:VTIMEZONE"));
    let reasons: Vec<&str> = out.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "every 2 weeks, but the source doesn't say which weeks",
            "every 3 weeks, but the source doesn't say which weeks",
        ]
    );
}

#[test]
fn every_other_week_and_one_off_meetings() {
    let fortnightly = ScheduleSpec {
        interval: Some(2),
        anchor: Some("2025-09-10".to_string()),
        ..spec(Frequency::Week, &["wednesday"], "08:00", "Europe/Berlin")
    };
    let once = ScheduleSpec {
        date: Some("2027-03-04".to_string()),
        ..spec(Frequency::Once, &[], "18:00", "Asia/Tokyo")
    };
    let g = group(
        "g",
        vec![
            meeting("Biweekly", Some(fortnightly)),
            meeting("Summit", Some(once)),
        ],
    );
    let all = lines(&calendar(&[&g], now()));
    assert!(all.contains(&"DTSTART;TZID=Europe/Berlin:20250910T080000".to_string()));
    assert!(all.contains(&"RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=WE".to_string()));
    assert!(all.contains(&"DTSTART;TZID=Asia/Tokyo:20270304T180000".to_string()));
    assert_eq!(all.iter().filter(|l| l.starts_with("RRULE")).count(), 1);
    // The Berlin zone reaches back to the anchor, so its first DTSTART has a known offset.
    let berlin_start = all.iter().position(|l| l == "TZID:Europe/Berlin").unwrap();
    assert_eq!(all[berlin_start + 2], "DTSTART:20250330T020000");
}

#[test]
fn the_text_depends_on_now_only_through_dtstamp_and_zone_range() {
    let weekly = spec(Frequency::Week, &["thursday"], "16:00", "UTC");
    let g = group("g", vec![meeting("Sync", Some(weekly))]);
    let later: Timestamp = "2027-05-01T12:00:00Z".parse().unwrap();
    let a = calendar(&[&g], now());
    let b = calendar(&[&g], later);
    let without_stamp = |text: &str| -> Vec<String> {
        lines(text)
            .into_iter()
            .filter(|l| !l.starts_with("DTSTAMP:"))
            .collect()
    };
    assert!(b.contains("DTSTAMP:20270501T120000Z\r\n"));
    assert_eq!(without_stamp(&a), without_stamp(&b));
}
