//! Which meeting is next, which are in a window, and when a one-off or a rare one falls.

use crate::model::ScheduleSpec;

use super::super::testing::{LA, monthly, once, rule, starts, ts, unanchored, weekly, zone};

#[test]
fn leap_day() {
    let one_off = rule(&once("2028-02-29", "10:00", "Asia/Tokyo"));
    let next = one_off.next_after(ts("2026-03-10T12:00:00Z")).unwrap();
    assert_eq!(next.start.timestamp(), ts("2028-02-29T01:00:00Z"));
    // Still the 28th in Los Angeles.
    assert_eq!(
        next.in_zone(&zone(LA)).0.to_string(),
        "2028-02-28T17:00:00-08:00[America/Los_Angeles]"
    );
    assert_eq!(one_off.next_after(ts("2028-02-29T02:00:00Z")), None);

    let last_tuesday = rule(&monthly(&["last tuesday"], "09:00", "UTC"));
    let next = last_tuesday.next_after(ts("2028-02-01T00:00:00Z")).unwrap();
    assert_eq!(next.start.timestamp(), ts("2028-02-29T09:00:00Z"));
}

#[test]
fn fifth_weekdays_only_in_months_that_have_them() {
    let fifth = rule(&monthly(&["5th thursday"], "09:00", LA));
    let year = fifth.occurrences_between(ts("2026-01-01T00:00:00Z"), ts("2027-01-01T00:00:00Z"));
    assert_eq!(
        starts(&year),
        [
            "2026-01-29T17:00:00Z",
            "2026-04-30T16:00:00Z",
            "2026-07-30T16:00:00Z",
            "2026-10-29T16:00:00Z",
            "2026-12-31T17:00:00Z",
        ]
    );
}

#[test]
fn a_meeting_in_progress_is_still_next() {
    let thursdays = rule(&weekly(&["thursday"], "09:00", LA));
    for (now, want_start, in_progress) in [
        ("2026-03-12T15:59:59Z", "2026-03-12T16:00:00Z", false),
        ("2026-03-12T16:00:00Z", "2026-03-12T16:00:00Z", true),
        ("2026-03-12T16:30:00Z", "2026-03-12T16:00:00Z", true),
        ("2026-03-12T16:59:59Z", "2026-03-12T16:00:00Z", true),
        ("2026-03-12T17:00:00Z", "2026-03-19T16:00:00Z", false),
    ] {
        let next = thursdays.next_after(ts(now)).unwrap();
        assert_eq!(next.start.timestamp(), ts(want_start), "at {now}");
        assert_eq!(next.is_in_progress(ts(now)), in_progress, "at {now}");
        assert!(!next.has_ended(ts(now)), "at {now}");
    }
}

#[test]
fn a_meeting_on_past_its_own_midnight_is_in_progress() {
    let late = ScheduleSpec {
        minutes: Some(90),
        ..weekly(&["thursday"], "23:30", "Asia/Tokyo")
    };
    let late = rule(&late);
    // Friday 00:40 in Tokyo, 70 minutes into Thursday's meeting.
    let now = ts("2026-03-12T15:40:00Z");
    let next = late.next_after(now).unwrap();
    assert_eq!(
        next.start.to_string(),
        "2026-03-12T23:30:00+09:00[Asia/Tokyo]"
    );
    assert!(next.is_in_progress(now));
}

#[test]
fn windows_include_their_start_and_exclude_their_end() {
    let thursdays = rule(&weekly(&["thursday"], "09:00", LA));
    let window = |a: &str, b: &str| starts(&thursdays.occurrences_between(ts(a), ts(b)));
    assert_eq!(
        window("2026-03-12T16:00:00Z", "2026-03-19T16:00:00Z"),
        ["2026-03-12T16:00:00Z"]
    );
    assert!(window("2026-03-12T16:00:01Z", "2026-03-19T16:00:00Z").is_empty());
    assert!(window("2026-03-19T16:00:00Z", "2026-03-12T16:00:00Z").is_empty());
    // 2026 starts on a Thursday, so it has 53 of them.
    assert_eq!(
        window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z").len(),
        53
    );
}

#[test]
fn several_days_a_week_come_out_in_order() {
    let twice = rule(&weekly(&["thursday", "tuesday"], "09:00", LA));
    let week = twice.occurrences_between(ts("2026-03-09T00:00:00Z"), ts("2026-03-16T00:00:00Z"));
    assert_eq!(
        starts(&week),
        ["2026-03-10T16:00:00Z", "2026-03-12T16:00:00Z"]
    );
}

#[test]
fn upcoming_lists_the_next_few() {
    let thursdays = rule(&weekly(&["thursday"], "09:00", LA));
    let next = thursdays.upcoming(ts("2026-03-12T16:30:00Z"), 3);
    assert_eq!(
        starts(&next),
        [
            "2026-03-12T16:00:00Z",
            "2026-03-19T16:00:00Z",
            "2026-03-26T16:00:00Z"
        ]
    );
    let one_off = rule(&once("2028-02-29", "10:00", "UTC"));
    assert_eq!(one_off.upcoming(ts("2026-01-01T00:00:00Z"), 3).len(), 1);
}

#[test]
fn only_candidates_of_unknown_weeks_are_tentative() {
    let now = ts("2026-03-01T00:00:00Z");
    let end = ts("2026-06-01T00:00:00Z");
    for (spec, tentative) in [
        (unanchored(3, &["monday", "friday"], "09:00", LA), true),
        (weekly(&["monday", "friday"], "09:00", LA), false),
        (monthly(&["1st monday"], "09:00", LA), false),
        (once("2026-04-01", "09:00", LA), false),
    ] {
        let r = rule(&spec);
        let all = r.occurrences_between(now, end);
        assert!(!all.is_empty(), "{spec:?}");
        assert!(all.iter().all(|o| o.tentative == tentative), "{spec:?}");
        assert_eq!(r.next_after(now).unwrap().tentative, tentative, "{spec:?}");
    }
}

#[test]
fn a_candidate_in_progress_is_still_next_and_still_tentative() {
    let thursdays = rule(&unanchored(2, &["thursday"], "09:00", LA));
    let now = ts("2026-03-12T16:30:00Z");
    let next = thursdays.next_after(now).unwrap();
    assert_eq!(next.start.timestamp(), ts("2026-03-12T16:00:00Z"));
    assert!(next.is_in_progress(now) && next.tentative);
    // The week after is a candidate too: nothing says this week was the meeting week.
    let after = thursdays.upcoming(now, 2);
    assert_eq!(after[1].start.timestamp(), ts("2026-03-19T16:00:00Z"));
}
