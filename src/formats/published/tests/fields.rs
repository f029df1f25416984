//! `from_fields`: the day / time / tz / frequency strings of sigs.yaml, as Kubernetes writes
//! them (every shape below is in the fixture) and as smaller projects in its format do.

use super::super::Unreadable;
use super::from_fields;
use super::{BERLIN, LA, NEW_YORK, assert_rule_accepts, every, monthly, starting, weekly};
use crate::model::ScheduleSpec;

const PT: &str = "PT (Pacific Time)";

/// `[day, time, tz, frequency]`, a blank one standing for an absent field (the two are read
/// alike, see `blank_fields_are_absent_ones`).
fn read(fields: [&str; 4]) -> Result<Vec<ScheduleSpec>, Unreadable> {
    let [day, time, tz, frequency] = fields.map(|f| (!f.is_empty()).then_some(f));
    from_fields(day, time, tz, frequency)
}

fn assert_reads(fields: [&str; 4], want: ScheduleSpec) {
    assert_eq!(read(fields), Ok(vec![want.clone()]), "{fields:?}");
    assert_rule_accepts(&want);
}

#[test]
fn weekly_and_every_n_weeks() {
    let zoom = "biweekly, you must be signed into a free zoom account to join";
    let dates = "bi-weekly ([upcoming meeting dates](#upcoming-meeting-dates))";
    let interleaved = "Biweekly, interleaved with the Regular SIG Meeting";
    for (fields, want) in [
        (
            ["Thursday", "9:00", PT, "biweekly"],
            every(2, "thursday", "09:00", LA),
        ),
        (
            ["Tuesday", "09:00", "UTC", "bi-weekly"],
            every(2, "tuesday", "09:00", "UTC"),
        ),
        (
            ["Wednesday", "10:00", PT, "Biweekly"],
            every(2, "wednesday", "10:00", LA),
        ),
        (
            ["Wednesday", "09:00", PT, "every four weeks"],
            every(4, "wednesday", "09:00", LA),
        ),
        (
            ["Thursday", "2PM", "EST (Eastern Time)", "weekly"],
            weekly("thursday", "14:00", NEW_YORK),
        ),
        (
            ["Tuesday", "12:30", "Eastern Time (ET)", "weekly"],
            weekly("tuesday", "12:30", NEW_YORK),
        ),
        (
            ["Thursday", "17:00", "Poland", "weekly"],
            weekly("thursday", "17:00", "Poland"),
        ),
        // IST is read as India's clock, as the zone table says; it is also Irish and Israel
        // Standard Time. Here it is the IBM Cloud provider's meeting.
        (
            ["Thursday", "14:00", "IST", "biweekly"],
            every(2, "thursday", "14:00", "Asia/Kolkata"),
        ),
        (
            ["Thu", "2:30 PM", "CET", "Weekly"],
            weekly("thursday", "14:30", BERLIN),
        ),
        (
            ["tues", "9:00", "UTC", "WEEKLY"],
            weekly("tuesday", "09:00", "UTC"),
        ),
        // Trailing remarks that can't move the meeting.
        (
            ["Wednesday", "11:00", PT, zoom],
            every(2, "wednesday", "11:00", LA),
        ),
        (
            ["Thursday", "18:30", "UTC", dates],
            every(2, "thursday", "18:30", "UTC"),
        ),
        (
            ["Wednesday", "7:30", "UTC", interleaved],
            every(2, "wednesday", "07:30", "UTC"),
        ),
        (
            [
                "Friday",
                "8:30",
                PT,
                "biweekly - alternating with regular meeting",
            ],
            every(2, "friday", "08:30", LA),
        ),
    ] {
        assert_reads(fields, want);
    }
}

#[test]
fn start_dates_become_anchors() {
    for (fields, want) in [
        (
            [
                "Tuesday",
                "06:00",
                PT,
                "biweekly starting Tuesday Oct 28, 2025",
            ],
            "2025-10-28",
        ),
        (
            [
                "Tuesday",
                "06:00",
                PT,
                "bi-weekly starting Tuesday August 13, 2019",
            ],
            "2019-08-13",
        ),
        (
            [
                "Thursday",
                "06:00",
                PT,
                "biweekly starting Thursday June 25th, 2020",
            ],
            "2020-06-25",
        ),
        (
            ["Friday", "06:00", PT, "biweekly 2019 start date: Jan. 11th"],
            "2019-01-11",
        ),
        (
            [
                "Tuesday (starting September 10th 2024)",
                "06:00",
                PT,
                "bi-weekly",
            ],
            "2024-09-10",
        ),
    ] {
        let day = fields[0].split(' ').next().unwrap().to_lowercase();
        assert_reads(fields, starting(want, every(2, &day, "06:00", LA)));
    }
    // Weekly meetings keep their start too: nothing is shown before the first one.
    let fields = [
        "Thursdays (starting February 15th 2024)",
        "4PM",
        "CET",
        "weekly",
    ];
    assert_reads(
        fields,
        starting("2024-02-15", weekly("thursday", "16:00", BERLIN)),
    );
    let fields = [
        "Tuesday",
        "8:00",
        PT,
        "weekly starting Tuesday December 7th, 2021",
    ];
    assert_reads(
        fields,
        starting("2021-12-07", weekly("tuesday", "08:00", LA)),
    );
}

#[test]
fn weekdays_of_the_month() {
    for (fields, want) in [
        (["third Wednesday", "8:00", PT, "monthly"], "3rd wednesday"),
        (["first Wednesday", "8:00", PT, "monthly"], "1st wednesday"),
        (["third Wednesday", "8:00", PT, ""], "3rd wednesday"),
        (
            ["Tuesday", "8:00", PT, "first Tuesday of the month"],
            "1st tuesday",
        ),
        (
            ["Wednesday", "8:00", PT, "First Wednesday of the month"],
            "1st wednesday",
        ),
        (
            ["Tuesday", "8:00", PT, "First Tuesday of each month"],
            "1st tuesday",
        ),
        (
            ["", "8:00", PT, "first Tuesday of the month"],
            "1st tuesday",
        ),
        (
            [
                "Thursday",
                "8:00",
                PT,
                "monthly, second Thursday of the month",
            ],
            "2nd thursday",
        ),
        (
            ["Tuesday", "8:00", PT, "monthly - third Tuesday"],
            "3rd tuesday",
        ),
        (
            [
                "Wednesday",
                "8:00",
                PT,
                "monthly - last Wednesday every month",
            ],
            "last wednesday",
        ),
        (
            ["Thursday", "8:00", PT, "Monthly on 4th Thursday"],
            "4th thursday",
        ),
        (
            [
                "Wednesday",
                "8:00",
                PT,
                "every third Wednesday of the month",
            ],
            "3rd wednesday",
        ),
        (
            ["Thursday", "8:00", PT, "every first Thursday of the month"],
            "1st thursday",
        ),
        // Tuesday 7 January 2020 is that month's first Tuesday.
        (
            ["Tuesday", "8:00", PT, "monthly 2020 start date: Jan. 7th"],
            "1st tuesday",
        ),
    ] {
        assert_reads(fields, monthly(want, "08:00", LA));
    }
}

#[test]
fn blank_fields_are_absent_ones() {
    let pt = Some(PT);
    let absent = from_fields(Some("Thursday"), None, pt, Some("weekly"));
    assert_eq!(
        absent,
        from_fields(Some("Thursday"), Some(" "), pt, Some("weekly"))
    );
    let absent = from_fields(Some("third Wednesday"), Some("8:00"), pt, None);
    let blank = from_fields(Some("third Wednesday"), Some("8:00"), pt, Some(""));
    assert_eq!(absent, blank);
    assert_eq!(blank, Ok(vec![monthly("3rd wednesday", "08:00", LA)]));
}

#[test]
fn fields_that_stay_as_published() {
    let after_fourth = "monthly - Wednesday, after the fourth Tuesday, every month";
    for (fields, want) in [
        (
            ["Wednesday", "05:30", "UTC", after_fourth],
            "\"after the fourth Tuesday\": not a weekday rule townhall reads",
        ),
        (
            ["Thursday", "8:00", PT, "monthly"],
            "\"monthly\": does not say which Thursday of the month",
        ),
        (["Thursday", "", PT, "weekly"], "no time of day given"),
        (["Thursday", "9:00", "", "weekly"], "no time zone given"),
        (
            ["Thursday", "9:00", PT, ""],
            "\"Thursday\": does not say how often it meets",
        ),
        (
            ["", "9:00", PT, "weekly"],
            "\"weekly\": does not say on which weekday",
        ),
        (
            [
                "Tuesday",
                "06:00",
                PT,
                "biweekly starting Tuesday Oct 29, 2025",
            ],
            "\"starting Tuesday Oct 29, 2025\": 2025-10-29 is a Wednesday, not a Tuesday",
        ),
        (
            ["Wednesday", "06:00", PT, "biweekly starting Oct 28, 2025"],
            "\"starting Oct 28, 2025\": 2025-10-28 is a Tuesday, but the meeting is on Wednesdays",
        ),
        (
            [
                "Tuesday",
                "06:00",
                PT,
                "biweekly 2019 start date: Jan. 11th",
            ],
            "\"2019 start date: Jan. 11th\": 2019-01-11 is a Friday, but the meeting is on \
             Tuesdays",
        ),
        (
            ["Tuesday", "9:00", PT, "biweekly starting Jan. 11th"],
            "\"starting Jan. 11th\": not a frequency townhall reads",
        ),
        (
            ["Thursday", "9:00", PT, "biweekly, except in August"],
            "\"except in August\": not a frequency townhall reads",
        ),
        (
            ["Thursday", "9:00", PT, "biweekly on Thursdays and Fridays"],
            "\"and Fridays\": not a weekday rule townhall reads",
        ),
        (
            ["Tuesday", "9:00", PT, "monthly 2020 start date: Jan. 28th"],
            "\"2020 start date: Jan. 28th\": does not say which Tuesday of the month (the start \
             date could be the 4th, 5th or last)",
        ),
        (
            [
                "Tuesday",
                "9:00",
                PT,
                "first Tuesday of the month starting Jan 14, 2020",
            ],
            "\"starting Jan 14, 2020\": 2020-01-14 is not the 1st Tuesday of its month",
        ),
        (
            ["third Wednesday", "8:00", PT, "weekly"],
            "\"third Wednesday\": names the 3rd Wednesday of the month, but \"weekly\" counts \
             weeks",
        ),
        (
            ["Tuesday", "8:00", PT, "monthly - third Wednesday"],
            "\"third Wednesday\": disagrees with \"Tuesday\" about the weekday",
        ),
        (
            ["Tuesday", "8:00", PT, "weekly, biweekly"],
            "\"biweekly\": disagrees with \"weekly\" about the frequency",
        ),
        (
            ["Tuesday", "8:00", PT, "bi-monthly"],
            "\"bi-monthly\": not a frequency townhall reads",
        ),
        (
            ["Tuesday", "8:00", PT, "every 60 weeks"],
            "\"every 60 weeks\": not a frequency townhall reads",
        ),
        (
            ["Tuesday or Wednesday", "8:00", PT, "weekly"],
            "\"or Wednesday\": not a meeting day townhall reads",
        ),
        (
            ["Tuesday", "13pm", PT, "weekly"],
            "\"13pm\": not a time on the 12-hour clock",
        ),
        (
            ["Tuesday", "9:00 PT", PT, "weekly"],
            "\"9:00 PT\": not a time of day",
        ),
        (
            ["Tuesday", "9:00", "Mars Time", "weekly"],
            "\"Mars Time\": not a time zone townhall knows",
        ),
    ] {
        let found = read(fields).map_err(|e| e.to_string());
        assert_eq!(found, Err(want.to_string()), "{fields:?}");
    }
}
