use jiff::civil::{Weekday::*, date, time};

use super::*;

fn message<T: std::fmt::Debug>(result: Result<T, ScheduleError>) -> String {
    result.expect_err("should fail").to_string()
}

#[test]
fn times() {
    for (text, want) in [
        ("09:00", time(9, 0, 0, 0)),
        ("9:00", time(9, 0, 0, 0)),
        ("16:30", time(16, 30, 0, 0)),
        ("00:00", time(0, 0, 0, 0)),
        ("23:59", time(23, 59, 0, 0)),
        (" 08:05 ", time(8, 5, 0, 0)),
    ] {
        assert_eq!(parse_time(text), Ok(want), "{text:?}");
    }
    for text in [
        "25:00", "24:00", "12:60", "9", "9am", "09:00:30", "9:5", "-1:00", "+9:00", "",
    ] {
        let want = format!("\"{text}\" is not a time (HH:MM)");
        assert_eq!(message(parse_time(text)), want);
    }
}

#[test]
fn dates() {
    for (text, want) in [
        ("2026-01-14", date(2026, 1, 14)),
        ("2028-02-29", date(2028, 2, 29)),
    ] {
        assert_eq!(parse_date(text), Ok(want), "{text:?}");
    }
    for text in [
        "2026-02-29",
        "2026-02-30",
        "2026-13-01",
        "2026-1-14",
        "14/01/2026",
        "20260114",
        "2026-01-14T09:00",
    ] {
        let want = format!("\"{text}\" is not a date (YYYY-MM-DD)");
        assert_eq!(message(parse_date(text)), want);
    }
}

#[test]
fn weekdays() {
    for (text, want) in [
        ("thursday", Thursday),
        ("Thursday", Thursday),
        ("THURSDAY", Thursday),
        ("thursdays", Thursday),
        ("thu", Thursday),
        ("thurs", Thursday),
        ("tues", Tuesday),
        ("wed", Wednesday),
        ("sunday", Sunday),
    ] {
        assert_eq!(parse_weekday(text), Ok(want), "{text:?}");
    }
    for (text, want) in [
        (
            "thurday",
            "unknown weekday \"thurday\" (did you mean thursday?)",
        ),
        (
            "wensday",
            "unknown weekday \"wensday\" (did you mean wednesday?)",
        ),
        ("th", "unknown weekday \"th\""),
        ("weekday", "unknown weekday \"weekday\""),
    ] {
        assert_eq!(message(parse_weekday(text)), want);
    }
}

#[test]
fn days_of_the_on_list() {
    let nth = |nth, weekday| Day::Nth(MonthDay { nth, weekday });
    for (text, want) in [
        ("thursday", Day::Every(Thursday)),
        ("2nd thursday", nth(Nth::Second, Thursday)),
        ("4th Tuesday", nth(Nth::Fourth, Tuesday)),
        ("first monday", nth(Nth::First, Monday)),
        ("5th friday", nth(Nth::Fifth, Friday)),
        ("last friday", nth(Nth::Last, Friday)),
        ("Last  Friday", nth(Nth::Last, Friday)),
    ] {
        assert_eq!(parse_day(text), Ok(want), "{text:?}");
    }
    for (text, want) in [
        (
            "6th thursday",
            "\"6th thursday\": ordinal must be 1st..5th or last",
        ),
        (
            "2th thursday",
            "\"2th thursday\": ordinal must be 1st..5th or last",
        ),
        (
            "-1 friday",
            "\"-1 friday\": ordinal must be 1st..5th or last",
        ),
        (
            "2nd thurday",
            "unknown weekday \"thurday\" (did you mean thursday?)",
        ),
        (
            "2nd and 4th thursday",
            "\"2nd and 4th thursday\" is not a day (write \"thursday\", \"2nd thursday\" or \"last friday\")",
        ),
        (
            "",
            "\"\" is not a day (write \"thursday\", \"2nd thursday\" or \"last friday\")",
        ),
    ] {
        assert_eq!(message(parse_day(text)), want, "{text:?}");
    }
}

#[test]
fn weekday_names_round_trip() {
    for day in [
        Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
    ] {
        assert_eq!(parse_weekday(weekday_name(day)), Ok(day));
    }
}
