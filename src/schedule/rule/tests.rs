use jiff::SignedDuration;
use jiff::civil::{Weekday::*, date, time};

use super::super::testing::{every_n_weeks, monthly, once, rule, unanchored, weekly};
use super::*;
use crate::model::Nth;

const LA: &str = "America/Los_Angeles";

#[test]
fn patterns_from_specs() {
    let nth = |nth, weekday| MonthDay { nth, weekday };
    for (spec, want) in [
        (
            weekly(&["thursday"], "09:00", LA),
            Pattern::Weekly {
                days: vec![Thursday],
            },
        ),
        (
            weekly(&["Thursday", "tue", "thursday"], "09:00", LA),
            Pattern::Weekly {
                days: vec![Tuesday, Thursday],
            },
        ),
        (
            every_n_weeks(2, "2026-01-14", &["wednesday"], "11:30", "America/New_York"),
            Pattern::EveryNWeeks {
                weeks: 2,
                anchor: Some(date(2026, 1, 14)),
                days: vec![Wednesday],
            },
        ),
        (
            every_n_weeks(1, "2026-01-14", &["wednesday"], "11:30", "America/New_York"),
            Pattern::EveryNWeeks {
                weeks: 1,
                anchor: Some(date(2026, 1, 14)),
                days: vec![Wednesday],
            },
        ),
        (
            unanchored(2, &["thursday", "tuesday"], "09:00", LA),
            Pattern::EveryNWeeks {
                weeks: 2,
                anchor: None,
                days: vec![Tuesday, Thursday],
            },
        ),
        (
            unanchored(52, &["monday"], "09:00", LA),
            Pattern::EveryNWeeks {
                weeks: 52,
                anchor: None,
                days: vec![Monday],
            },
        ),
        (
            unanchored(1, &["monday"], "09:00", LA),
            Pattern::Weekly { days: vec![Monday] },
        ),
        (
            monthly(
                &["4th thursday", "2nd thursday", "last monday"],
                "16:30",
                "UTC",
            ),
            Pattern::Monthly {
                days: vec![
                    nth(Nth::Last, Monday),
                    nth(Nth::Second, Thursday),
                    nth(Nth::Fourth, Thursday),
                ],
            },
        ),
        (
            once("2028-02-29", "10:00", "UTC"),
            Pattern::Once {
                date: date(2028, 2, 29),
            },
        ),
    ] {
        assert_eq!(rule(&spec).pattern(), &want, "{spec:?}");
    }
}

#[test]
fn time_length_and_zone() {
    let plain = rule(&weekly(&["thursday"], "9:05", LA));
    assert_eq!(plain.at(), time(9, 5, 0, 0));
    assert_eq!(plain.minutes(), DEFAULT_MINUTES);
    assert_eq!(plain.duration(), SignedDuration::from_mins(60));
    assert_eq!(plain.zone_name(), LA);

    let short = ScheduleSpec {
        minutes: Some(25),
        ..weekly(&["thursday"], "09:00", "asia/kolkata")
    };
    let short = rule(&short);
    assert_eq!(short.minutes(), 25);
    assert_eq!(short.zone_name(), "Asia/Kolkata");
}

fn with(spec: ScheduleSpec, change: impl FnOnce(&mut ScheduleSpec)) -> ScheduleSpec {
    let mut spec = spec;
    change(&mut spec);
    spec
}

#[test]
fn bad_specs_say_what_is_wrong() {
    let thursdays = || weekly(&["thursday"], "09:00", LA);
    let second_thursday = || monthly(&["2nd thursday"], "09:00", LA);
    let leap_day = || once("2028-02-29", "09:00", LA);
    for (spec, want) in [
        (
            weekly(&["thurday"], "09:00", LA),
            "unknown weekday \"thurday\" (did you mean thursday?)",
        ),
        (
            weekly(&["thursday"], "25:00", LA),
            "\"25:00\" is not a time (HH:MM)",
        ),
        (
            weekly(&["thursday"], "09:00", "PT"),
            "unknown time zone \"PT\" (did you mean America/Los_Angeles?)",
        ),
        (
            weekly(&["thursday"], "09:00", "EST"),
            "time zone \"EST\" is an abbreviation; write the IANA name (did you mean America/New_York?)",
        ),
        (
            with(thursdays(), |s| s.interval = Some(0)),
            "interval 0 must be between 1 and 52 weeks",
        ),
        (
            with(thursdays(), |s| s.interval = Some(53)),
            "interval 53 must be between 1 and 52 weeks",
        ),
        (
            every_n_weeks(2, "2026-01-15", &["wednesday"], "11:30", LA),
            "anchor 2026-01-15 is a thursday, not one of the meeting days (wednesday)",
        ),
        (
            every_n_weeks(2, "2026-01-17", &["wednesday", "monday"], "11:30", LA),
            "anchor 2026-01-17 is a saturday, not one of the meeting days (monday, wednesday)",
        ),
        (
            every_n_weeks(2, "2026-02-30", &["wednesday"], "11:30", LA),
            "\"2026-02-30\" is not a date (YYYY-MM-DD)",
        ),
        (
            monthly(&["6th thursday"], "09:00", LA),
            "\"6th thursday\": ordinal must be 1st..5th or last",
        ),
        (
            monthly(&["thursday"], "09:00", LA),
            "\"thursday\" needs an ordinal for a monthly meeting (1st..5th or last, as in \"2nd thursday\")",
        ),
        (
            weekly(&["2nd thursday"], "09:00", LA),
            "\"2nd thursday\" names a weekday of the month, which needs every: month",
        ),
        (
            weekly(&[], "09:00", LA),
            "every: week needs at least one day in \"on\"",
        ),
        (
            monthly(&[], "09:00", LA),
            "every: month needs at least one day in \"on\"",
        ),
        (
            with(second_thursday(), |s| s.interval = Some(2)),
            "\"interval\" does not apply to every: month",
        ),
        (
            with(second_thursday(), |s| s.anchor = Some("2026-01-08".into())),
            "\"anchor\" does not apply to every: month",
        ),
        (
            with(thursdays(), |s| s.date = Some("2026-01-08".into())),
            "\"date\" does not apply to every: week",
        ),
        (
            with(leap_day(), |s| s.date = None),
            "every: once needs a date",
        ),
        (
            with(leap_day(), |s| s.on = vec!["tuesday".into()]),
            "\"on\" does not apply to every: once",
        ),
        (
            once("2027-02-29", "09:00", LA),
            "\"2027-02-29\" is not a date (YYYY-MM-DD)",
        ),
        (
            with(thursdays(), |s| s.minutes = Some(0)),
            "minutes 0 must be between 1 and 1440",
        ),
        (
            with(thursdays(), |s| s.minutes = Some(6000)),
            "minutes 6000 must be between 1 and 1440",
        ),
    ] {
        let got = Rule::from_spec(&spec).map(|r| format!("{r:?}"));
        assert_eq!(
            got.map_err(|e| e.to_string()),
            Err(want.to_string()),
            "{spec:?}"
        );
    }
}

#[test]
fn only_an_interval_without_an_anchor_leaves_the_weeks_unknown() {
    let unknown = [
        unanchored(2, &["wednesday"], "09:00", LA),
        unanchored(4, &["friday"], "09:00", LA),
    ];
    assert!(unknown.iter().all(|s| rule(s).weeks_unknown()));
    let known = [
        weekly(&["wednesday"], "09:00", LA),
        unanchored(1, &["wednesday"], "09:00", LA),
        every_n_weeks(2, "2026-01-14", &["wednesday"], "09:00", LA),
        monthly(&["2nd wednesday"], "09:00", LA),
        once("2026-01-14", "09:00", LA),
    ];
    assert!(known.iter().all(|s| !rule(s).weeks_unknown()));
}

#[test]
fn a_monthly_interval_of_one_is_harmless() {
    let spec = with(monthly(&["2nd thursday"], "09:00", LA), |s| {
        s.interval = Some(1)
    });
    assert!(Rule::from_spec(&spec).is_ok());
}
