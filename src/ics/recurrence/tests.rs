//! RRULE strings and first days for each kind of pattern.

use jiff::civil::{Weekday, date};

use super::{SERIES_START, first_day, rrule};
use crate::model::{MonthDay, Nth, Pattern};

#[test]
fn weekly() {
    let thursdays = Pattern::Weekly {
        days: vec![Weekday::Thursday],
    };
    assert_eq!(rrule(&thursdays).unwrap(), "FREQ=WEEKLY;BYDAY=TH");
    // 2026-01-01 is itself a Thursday.
    assert_eq!(first_day(&thursdays), Some(SERIES_START));

    let two_days = Pattern::Weekly {
        days: vec![Weekday::Monday, Weekday::Wednesday],
    };
    assert_eq!(rrule(&two_days).unwrap(), "FREQ=WEEKLY;BYDAY=MO,WE");
    assert_eq!(first_day(&two_days), Some(date(2026, 1, 5)));
}

#[test]
fn every_other_week_starts_on_its_anchor_with_monday_weeks() {
    let fortnightly = Pattern::EveryNWeeks {
        weeks: 2,
        anchor: Some(date(2025, 9, 10)),
        days: vec![Weekday::Wednesday],
    };
    assert_eq!(
        rrule(&fortnightly).unwrap(),
        "FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=WE"
    );
    assert_eq!(first_day(&fortnightly), Some(date(2025, 9, 10)));
    let unknown_weeks = Pattern::EveryNWeeks {
        weeks: 2,
        anchor: None,
        days: vec![Weekday::Wednesday],
    };
    assert_eq!(first_day(&unknown_weeks), None);
}

#[test]
fn monthly_nth_and_last_weekdays() {
    let second_and_fourth = Pattern::Monthly {
        days: vec![
            MonthDay {
                nth: Nth::Second,
                weekday: Weekday::Thursday,
            },
            MonthDay {
                nth: Nth::Fourth,
                weekday: Weekday::Thursday,
            },
        ],
    };
    assert_eq!(
        rrule(&second_and_fourth).unwrap(),
        "FREQ=MONTHLY;BYDAY=2TH,4TH"
    );
    assert_eq!(first_day(&second_and_fourth), Some(date(2026, 1, 8)));

    let last_friday = Pattern::Monthly {
        days: vec![MonthDay {
            nth: Nth::Last,
            weekday: Weekday::Friday,
        }],
    };
    assert_eq!(rrule(&last_friday).unwrap(), "FREQ=MONTHLY;BYDAY=-1FR");
    assert_eq!(first_day(&last_friday), Some(date(2026, 1, 30)));
}

#[test]
fn once_has_no_rule_and_starts_on_its_date_even_in_the_past() {
    let once = Pattern::Once {
        date: date(2024, 11, 13),
    };
    assert_eq!(rrule(&once), None);
    assert_eq!(first_day(&once), Some(date(2024, 11, 13)));
}
