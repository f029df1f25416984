//! `from_sentence`: OpenTelemetry's shapes, byte for byte from workstreams.yml, and a few
//! others communities write.

use super::super::Unreadable;
use super::from_sentence;
use super::{BERLIN, LA, NEW_YORK, assert_rule_accepts, every, monthly, starting, weekly};

#[test]
fn one_meeting_per_sentence() {
    for (text, want) in [
        ("Tuesday at 08:00 PT", weekly("tuesday", "08:00", LA)),
        ("Thursday at 8:30 PT", weekly("thursday", "08:30", LA)),
        ("Every Monday at 09:30 PT", weekly("monday", "09:30", LA)),
        (
            "Every Thursday at 08:00 UTC",
            weekly("thursday", "08:00", "UTC"),
        ),
        (
            "Wednesday at 08:00 EST",
            weekly("wednesday", "08:00", NEW_YORK),
        ),
        (
            "Every other Tuesday at 09:00 PT",
            every(2, "tuesday", "09:00", LA),
        ),
        (
            "Every second Friday at 8:30am UTC-3",
            every(2, "friday", "08:30", "Etc/GMT+3"),
        ),
        // Counted in weeks, like "every second Friday"; see `cadence`.
        (
            "Every third Wednesday at 01:00pm JST",
            every(3, "wednesday", "13:00", "Asia/Tokyo"),
        ),
        // Not in the fixtures, but written the same way elsewhere.
        (
            "Monthly on the 4th Tuesday at 9:00 US Pacific",
            monthly("4th tuesday", "09:00", LA),
        ),
        (
            "Every first Tuesday of the month at 10:00 CET",
            monthly("1st tuesday", "10:00", BERLIN),
        ),
        (
            "Every first Tuesday at 10:00 CET",
            monthly("1st tuesday", "10:00", BERLIN),
        ),
        (
            "every last Friday at 4pm UTC",
            monthly("last friday", "16:00", "UTC"),
        ),
        (
            "Second Tuesday of each month at 17:00 UTC",
            monthly("2nd tuesday", "17:00", "UTC"),
        ),
        (
            "Every other week on Thursdays at 9am PT",
            every(2, "thursday", "09:00", LA),
        ),
        ("Tuesdays at 12pm ET", weekly("tuesday", "12:00", NEW_YORK)),
        (
            "every tue at 12:00am utc",
            weekly("tuesday", "00:00", "UTC"),
        ),
        (
            "Thursday at 17:00 Europe/Berlin.",
            weekly("thursday", "17:00", BERLIN),
        ),
        (
            "Every 3 weeks on Friday at 15:00 UTC",
            every(3, "friday", "15:00", "UTC"),
        ),
        (
            "Every other Tuesday at 09:00 PT starting Oct 28, 2025",
            starting("2025-10-28", every(2, "tuesday", "09:00", LA)),
        ),
        (
            "Tuesday at 09:00 PT every other week",
            every(2, "tuesday", "09:00", LA),
        ),
    ] {
        assert_eq!(from_sentence(text), Ok(vec![want.clone()]), "{text:?}");
        assert_rule_accepts(&want);
    }
}

#[test]
fn several_meetings_in_one_sentence() {
    for (text, want) in [
        (
            "Alternating between Monday at 13:00 PT and Wednesday at 09:00 PT",
            vec![
                every(2, "monday", "13:00", LA),
                every(2, "wednesday", "09:00", LA),
            ],
        ),
        (
            "Alternating between Thursday at 08:00 PT and Thursday at 05:30 UTC",
            vec![
                every(2, "thursday", "08:00", LA),
                every(2, "thursday", "05:30", "UTC"),
            ],
        ),
        (
            "Alternating between Tuesday at 17:00 PT, Wednesday at 09:00 PT, and\nWednesday at 05:00 PT",
            vec![
                every(3, "tuesday", "17:00", LA),
                every(3, "wednesday", "09:00", LA),
                every(3, "wednesday", "05:00", LA),
            ],
        ),
        (
            "Alternating between Tuesday at 09:00 AM PT and Wednesday at 8:00 AM PT",
            vec![
                every(2, "tuesday", "09:00", LA),
                every(2, "wednesday", "08:00", LA),
            ],
        ),
        (
            "Alternating between Monday at 09:00 PT (Blueprints) and Thursday at 10:00 PT (General)",
            vec![
                every(2, "monday", "09:00", LA),
                every(2, "thursday", "10:00", LA),
            ],
        ),
        (
            "Thursday alternating between 09:00 PT and 10:00 PT",
            vec![
                every(2, "thursday", "09:00", LA),
                every(2, "thursday", "10:00", LA),
            ],
        ),
        (
            "Thursday at 09:00 PT, and every other Thursday at 09:00 UTC+8",
            vec![
                weekly("thursday", "09:00", LA),
                every(2, "thursday", "09:00", "Etc/GMT-8"),
            ],
        ),
        (
            "Wednesday 11:00 PT and 17:00 UTC+8",
            vec![
                weekly("wednesday", "11:00", LA),
                weekly("wednesday", "17:00", "Etc/GMT-8"),
            ],
        ),
        (
            "General GenAI topics: every Tuesday 9:00 PT, every other Tuesday 9:00 UTC+8; agent-related topics: every Monday 9:00 PT",
            vec![
                weekly("tuesday", "09:00", LA),
                every(2, "tuesday", "09:00", "Etc/GMT-8"),
                weekly("monday", "09:00", LA),
            ],
        ),
    ] {
        assert_eq!(from_sentence(text), Ok(want.clone()), "{text:?}");
        want.iter().for_each(assert_rule_accepts);
    }
}

#[test]
fn sentences_that_stay_as_published() {
    for (text, part, reason) in [
        (
            "Meets during OpenTelemetry Operator and OpenTelemetry Collector",
            "Meets during OpenTelemetry Operator and OpenTelemetry Collector",
            "not a day and time townhall reads",
        ),
        (
            "Monthly on a different day, at a different time (see Slack channel)",
            "Monthly on a different day",
            "not a day and time townhall reads",
        ),
        (
            "Monthly on Tuesday at 09:00 PT",
            "Monthly",
            "does not say which Tuesday of the month",
        ),
        (
            "Every day at 09:00 PT",
            "Every day at 09:00 PT",
            "not a day and time townhall reads",
        ),
        (
            "At 09:00 PT",
            "At 09:00 PT",
            "does not say on which weekday",
        ),
        (
            "Every Tuesday at 13pm PT",
            "13pm",
            "not a time on the 12-hour clock",
        ),
        ("Every Tuesday at 24:00 UTC", "24:00", "not a time of day"),
        (
            "Every Tuesday at 09:00",
            "Every Tuesday at 09:00",
            "no time zone",
        ),
        (
            "Every Tuesday at 09:00 Mars",
            "Mars",
            "not a time zone townhall knows",
        ),
        (
            "Every Tuesday at 09:00 UTC+5:30",
            "UTC+5:30",
            "not a time zone townhall knows",
        ),
        (
            "Every other Tuesday at 09:00 PT starting Oct 29, 2025",
            "starting Oct 29, 2025",
            "2025-10-29 is a Wednesday, but the meeting is on Tuesdays",
        ),
        (
            "Alternating between every Monday at 9:00 PT and Thursday at 10:00 PT",
            "every Monday",
            "says how often, but the meetings alternate",
        ),
        (
            "Alternating between Monday at 9:00 PT",
            "Alternating between Monday at 9:00 PT",
            "alternates with nothing",
        ),
        (
            "Tuesday at 9:00 PT (except in August)",
            "except in August",
            "may change when the group meets",
        ),
        (
            "Every Tuesday at 9:00 PT and Wednesday",
            "Wednesday",
            "not a day and time townhall reads",
        ),
        (
            "Bi-monthly on Tuesday at 9:00 PT",
            "Bi-monthly on Tuesday at 9:00 PT",
            "not a day and time townhall reads",
        ),
        (
            "Every Tuesday at 9:00 PT; Wednesday at 9:00 PT maybe",
            "PT maybe",
            "not a time zone townhall knows",
        ),
        ("", "", "no meeting time given"),
    ] {
        let want = Unreadable::new(part, reason);
        assert_eq!(from_sentence(text), Err(want), "{text:?}");
    }
}
