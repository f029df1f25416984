use crate::model::{MonthDay, Nth, Pattern};
use jiff::civil::{Date, Weekday::*, date};

use super::*;

fn month_day(nth: Nth, weekday: Weekday) -> MonthDay {
    MonthDay { nth, weekday }
}

/// The meeting days from `from`, `n` of them, by asking for each next one in turn.
fn days_from(pattern: &Pattern, from: Date, n: usize) -> Vec<Date> {
    let mut found = Vec::new();
    let mut at = from;
    while found.len() < n {
        let Some(day) = pattern.first_on_or_after(at) else {
            break;
        };
        found.push(day);
        at = day.tomorrow().unwrap();
    }
    found
}

#[test]
fn weekly() {
    let thursdays = Pattern::Weekly {
        days: vec![Thursday],
    };
    let tue_thu = Pattern::Weekly {
        days: vec![Tuesday, Thursday],
    };
    for (pattern, from, want) in [
        (
            &thursdays,
            date(2026, 3, 12),
            vec![date(2026, 3, 12), date(2026, 3, 19)],
        ),
        (
            &thursdays,
            date(2026, 3, 13),
            vec![date(2026, 3, 19), date(2026, 3, 26)],
        ),
        (
            &thursdays,
            date(2026, 12, 30),
            vec![date(2026, 12, 31), date(2027, 1, 7)],
        ),
        (
            &tue_thu,
            date(2026, 3, 11),
            vec![date(2026, 3, 12), date(2026, 3, 17), date(2026, 3, 19)],
        ),
    ] {
        assert_eq!(
            days_from(pattern, from, want.len()),
            want,
            "{pattern:?} from {from}"
        );
    }
}

#[test]
fn monthly_with_fifth_and_last() {
    let fifth_thursday = Pattern::Monthly {
        days: vec![month_day(Nth::Fifth, Thursday)],
    };
    let second_fourth = Pattern::Monthly {
        days: vec![
            month_day(Nth::Second, Thursday),
            month_day(Nth::Fourth, Thursday),
        ],
    };
    let last_tuesday = Pattern::Monthly {
        days: vec![month_day(Nth::Last, Tuesday)],
    };
    let last_friday = Pattern::Monthly {
        days: vec![month_day(Nth::Last, Friday)],
    };
    for (pattern, from, want) in [
        // 2026 has 5th Thursdays only in Jan, Apr, Jul, Oct and Dec.
        (
            &fifth_thursday,
            date(2026, 1, 30),
            vec![
                date(2026, 4, 30),
                date(2026, 7, 30),
                date(2026, 10, 29),
                date(2026, 12, 31),
            ],
        ),
        (
            &second_fourth,
            date(2026, 11, 13),
            vec![date(2026, 11, 26), date(2026, 12, 10), date(2026, 12, 24)],
        ),
        // The leap day is the last Tuesday of February 2028.
        (
            &last_tuesday,
            date(2028, 2, 1),
            vec![date(2028, 2, 29), date(2028, 3, 28)],
        ),
        (
            &last_friday,
            date(2026, 1, 31),
            vec![date(2026, 2, 27), date(2026, 3, 27)],
        ),
    ] {
        assert_eq!(
            days_from(pattern, from, want.len()),
            want,
            "{pattern:?} from {from}"
        );
    }
}

#[test]
fn every_other_week_keeps_its_parity_across_the_year() {
    let wednesdays = Pattern::EveryNWeeks {
        weeks: 2,
        anchor: Some(date(2025, 12, 17)),
        days: vec![Wednesday],
    };
    let want = vec![
        date(2025, 12, 17),
        date(2025, 12, 31),
        date(2026, 1, 14),
        date(2026, 1, 28),
    ];
    // Nothing before the anchor, whichever day the search starts from.
    assert_eq!(days_from(&wednesdays, date(2025, 11, 1), 4), want);
    assert_eq!(days_from(&wednesdays, date(2025, 12, 18), 3), want[1..]);
    // A whole year later the same weeks still match: 2026-12-30 is 54 weeks after the anchor.
    assert_eq!(
        days_from(&wednesdays, date(2026, 12, 24), 2),
        [date(2026, 12, 30), date(2027, 1, 13)]
    );
}

#[test]
fn every_other_week_on_two_days_keeps_each_week_together() {
    let tue_thu = Pattern::EveryNWeeks {
        weeks: 2,
        anchor: Some(date(2026, 3, 3)),
        days: vec![Tuesday, Thursday],
    };
    let want = [
        date(2026, 3, 3),
        date(2026, 3, 5),
        date(2026, 3, 17),
        date(2026, 3, 19),
    ];
    assert_eq!(days_from(&tue_thu, date(2026, 3, 1), 4), want);
}

#[test]
fn every_three_weeks() {
    let mondays = Pattern::EveryNWeeks {
        weeks: 3,
        anchor: Some(date(2026, 3, 2)),
        days: vec![Monday],
    };
    let want = [date(2026, 3, 23), date(2026, 4, 13)];
    assert_eq!(days_from(&mondays, date(2026, 3, 3), 2), want);
}

#[test]
fn every_other_week_without_an_anchor_has_every_week_as_a_candidate() {
    let tue_thu = Pattern::EveryNWeeks {
        weeks: 2,
        anchor: None,
        days: vec![Tuesday, Thursday],
    };
    let want = [
        date(2026, 3, 3),
        date(2026, 3, 5),
        date(2026, 3, 10),
        date(2026, 3, 12),
    ];
    assert_eq!(days_from(&tue_thu, date(2026, 3, 1), 4), want);
    assert!(tue_thu.weeks_unknown());
    let anchored = Pattern::EveryNWeeks {
        weeks: 2,
        anchor: Some(date(2026, 3, 3)),
        days: vec![Tuesday, Thursday],
    };
    assert!(!anchored.weeks_unknown());
    let weekly = Pattern::Weekly {
        days: vec![Tuesday],
    };
    assert!(!weekly.weeks_unknown());
}

#[test]
fn once() {
    let leap_day = Pattern::Once {
        date: date(2028, 2, 29),
    };
    assert_eq!(
        days_from(&leap_day, date(2026, 1, 1), 5),
        [date(2028, 2, 29)]
    );
    assert_eq!(leap_day.first_on_or_after(date(2028, 3, 1)), None);
    assert!(leap_day.includes(date(2028, 2, 29)));
    assert!(!leap_day.includes(date(2028, 2, 28)));
}

#[test]
fn nth_labels_and_numbers() {
    let all = [
        Nth::First,
        Nth::Second,
        Nth::Third,
        Nth::Fourth,
        Nth::Fifth,
        Nth::Last,
    ];
    let labels: Vec<_> = all.iter().map(|n| n.label()).collect();
    let numbers: Vec<_> = all.iter().map(|n| n.as_i8()).collect();
    assert_eq!(labels, ["1st", "2nd", "3rd", "4th", "5th", "last"]);
    assert_eq!(numbers, [1, 2, 3, 4, 5, -1]);
}
