//! Calendar exports of built-in groups, read back with independent parsers: the `icalendar`
//! crate for the file's structure, and the `rrule` crate (chrono-tz) to expand each event's
//! recurrence, which must land on the same instants as townhall's own schedule.

use icalendar::parser::{Component, Property, read_calendar, unfold};
use jiff::Timestamp;
use townhall::ics;
use townhall::model::{Group, Registry};
use townhall::registry::{Sources, load};

fn registry() -> Registry {
    let loaded = load(&Sources::builtin_only());
    loaded.registry
}

fn now() -> Timestamp {
    "2026-11-21T00:00:00Z".parse().unwrap()
}

fn value(component: &Component, name: &str) -> String {
    let property = component
        .find_prop(name)
        .unwrap_or_else(|| panic!("{name} is missing"));
    property.val.as_str().to_string()
}

fn param(property: &Property, key: &str) -> Option<String> {
    let found = property.params.iter().find(|p| p.key.as_str() == key)?;
    found.val.as_ref().map(|v| v.as_str().to_string())
}

/// The DTSTART and RRULE lines as written, for the `rrule` crate.
fn recurrence(event: &Component) -> String {
    let start = event.find_prop("DTSTART").unwrap();
    let dtstart = match param(start, "TZID") {
        Some(zone) => format!("DTSTART;TZID={zone}:{}", start.val.as_str()),
        None => format!("DTSTART:{}", start.val.as_str()),
    };
    format!("{dtstart}\nRRULE:{}", value(event, "RRULE"))
}

/// The first `count` starts the `rrule` crate expands at or after `now`, in Unix seconds.
fn expanded(event: &Component, count: usize) -> Vec<i64> {
    let set: rrule::RRuleSet = recurrence(event).parse().expect("a valid RRULE");
    set.into_iter()
        .map(|start| start.timestamp())
        .skip_while(|&start| start < now().as_second())
        .take(count)
        .collect()
}

/// What townhall's schedule says for the same meeting.
fn upcoming(group: &Group, count: usize) -> Vec<i64> {
    let rule = group.meetings[0].rule().unwrap();
    let starts = rule.upcoming(now(), count);
    starts
        .iter()
        .map(|o| o.start.timestamp().as_second())
        .collect()
}

struct Expected<'a> {
    group: &'a str,
    rrule: &'a str,
    tzid: Option<&'a str>,
    dtstart: &'a str,
    url: &'a str,
    description: &'a str,
}

/// Exports `expected.group`, parses it, checks the event and its zone, and compares three
/// expanded occurrences with townhall's.
fn check(expected: Expected) {
    let registry = registry();
    let group = registry.group(expected.group).expect("a built-in group");
    let text = ics::calendar(&[group], now());
    let unfolded = unfold(&text);
    let calendar = read_calendar(&unfolded).expect("a calendar the parser reads");
    let of_kind = |name: &str| -> Vec<&Component> {
        calendar
            .components
            .iter()
            .filter(|c| c.name.as_str() == name)
            .collect()
    };
    let events = of_kind("VEVENT");
    assert_eq!(events.len(), 1, "{text}");
    let event = events[0];

    assert_eq!(value(event, "RRULE"), expected.rrule);
    let start = event.find_prop("DTSTART").unwrap();
    assert_eq!(param(start, "TZID").as_deref(), expected.tzid);
    assert_eq!(start.val.as_str(), expected.dtstart);
    assert_eq!(value(event, "URL"), expected.url);
    assert_eq!(value(event, "LOCATION"), expected.url);
    assert!(value(event, "DESCRIPTION").contains(expected.description));
    assert_eq!(
        value(event, "SUMMARY"),
        format!("{}: {}", group.name, group.meetings[0].title)
    );

    let zones: Vec<String> = of_kind("VTIMEZONE")
        .iter()
        .map(|z| value(z, "TZID"))
        .collect();
    let wanted: Vec<String> = expected.tzid.map(str::to_string).into_iter().collect();
    assert_eq!(zones, wanted);

    let townhall = upcoming(group, 3);
    assert_eq!(townhall.len(), 3);
    assert_eq!(expanded(event, 3), townhall);
}

#[test]
fn wg_node_lifecycle_weekly_mondays_in_los_angeles() {
    check(Expected {
        group: "kubernetes-wg-node-lifecycle",
        rrule: "FREQ=WEEKLY;BYDAY=MO",
        tzid: Some("America/Los_Angeles"),
        dtstart: "20260105T080000",
        url: "https://zoom.us/j/97533929033",
        description: "Join: https://zoom.us/j/97533929033",
    });
}

#[test]
fn the_archived_serverless_wg_exports_no_series() {
    let registry = registry();
    let group = registry.group("cncf-wg-serverless").unwrap();
    assert!(!group.meetings.is_empty(), "its old call is on file");
    let export = ics::export(&[group], now());
    assert!(!export.text.contains("BEGIN:VEVENT"), "{}", export.text);
    assert!(!export.text.contains("RRULE"), "{}", export.text);
    assert_eq!(export.skipped.len(), group.meetings.len());
    assert!(
        export
            .skipped
            .iter()
            .all(|s| s.reason == "no longer held (archived)"),
        "{:?}",
        export.skipped
    );
}

#[test]
fn app_runtime_deployments_second_and_fourth_thursday_utc() {
    check(Expected {
        group: "cf-app-runtime-deployments",
        rrule: "FREQ=MONTHLY;BYDAY=2TH,4TH",
        tzid: None,
        dtstart: "20260108T163000Z",
        url: "https://zoom.us/j/97528090021?pwd=TWU4c0NEMlRvUVAxMjRwMGtpSUhTQT09",
        description: "975 2809 0021",
    });
}

#[test]
fn app_runtime_interfaces_fourth_tuesday_in_los_angeles() {
    check(Expected {
        group: "cf-app-runtime-interfaces",
        rrule: "FREQ=MONTHLY;BYDAY=4TU",
        tzid: Some("America/Los_Angeles"),
        dtstart: "20260127T090000",
        url: "https://zoom-lfx.platform.linuxfoundation.org/meeting/95669503930?password=14bc7d14-48bd-4490-9a84-f5a217d38c69",
        description: "956 6950 3930",
    });
}

#[test]
fn node_lifecycle_dtstart_is_eight_in_the_morning_pacific() {
    let registry = registry();
    let group = registry.group("kubernetes-wg-node-lifecycle").unwrap();
    let text = ics::calendar(&[group], now());
    let unfolded = unfold(&text);
    assert!(unfolded.contains("DTSTART;TZID=America/Los_Angeles:20260105T080000\r\n"));
    // 08:00 PST on 2026-01-05 is 16:00 UTC.
    let event = read_calendar(&unfolded).unwrap();
    let event = event
        .components
        .iter()
        .find(|c| c.name.as_str() == "VEVENT")
        .unwrap();
    let set: rrule::RRuleSet = recurrence(event).parse().unwrap();
    let first = set.into_iter().next().unwrap();
    assert_eq!(
        first.timestamp(),
        "2026-01-05T16:00:00Z"
            .parse::<Timestamp>()
            .unwrap()
            .as_second()
    );
}

#[test]
fn uids_are_identical_across_exports() {
    let registry = registry();
    let groups: Vec<&Group> = registry.groups.iter().collect();
    let uids = |now: Timestamp| -> Vec<String> {
        let text = ics::calendar(&groups, now);
        let unfolded = unfold(&text);
        let calendar = read_calendar(&unfolded).unwrap();
        calendar
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .map(|c| value(c, "UID"))
            .collect()
    };
    let first = uids(now());
    assert!(!first.is_empty());
    assert_eq!(first, uids(now()));
    assert_eq!(first, uids("2027-06-30T12:00:00Z".parse().unwrap()));
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len(), "UIDs must not repeat");
}

#[test]
fn every_built_in_meeting_is_exported_or_reported() {
    let registry = registry();
    let groups: Vec<&Group> = registry.groups.iter().collect();
    let export = ics::export(&groups, now());
    let meetings: usize = groups.iter().map(|g| g.meetings.len()).sum();
    let events = export.text.matches("BEGIN:VEVENT").count();
    assert_eq!(events + export.skipped.len(), meetings);
    let unfolded = unfold(&export.text);
    assert!(read_calendar(&unfolded).is_ok());
}

#[test]
fn every_built_in_recurrence_expands_to_townhalls_occurrences() {
    let registry = registry();
    let groups: Vec<&Group> = registry.groups.iter().collect();
    let text = ics::calendar(&groups, now());
    let unfolded = unfold(&text);
    let calendar = read_calendar(&unfolded).unwrap();
    let mut compared = 0;
    for event in calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
    {
        if event.find_prop("RRULE").is_none() {
            continue;
        }
        let uid = value(event, "UID");
        let (group, meeting) = groups
            .iter()
            .flat_map(|g| g.meetings.iter().enumerate().map(move |(i, m)| (g, i, m)))
            .find(|(g, i, _)| uid.starts_with(&format!("{}-{i}-", g.id)))
            .map(|(g, _, m)| (g, m))
            .unwrap_or_else(|| panic!("no meeting for {uid}"));
        let rule = meeting.rule().unwrap();
        let townhall: Vec<i64> = rule
            .upcoming(now(), 12)
            .iter()
            .map(|o| o.start.timestamp().as_second())
            .collect();
        assert_eq!(
            expanded(event, 12),
            townhall,
            "{} {}",
            group.id,
            meeting.title
        );
        compared += 1;
    }
    assert!(compared >= 3, "only {compared} recurring events");
}
