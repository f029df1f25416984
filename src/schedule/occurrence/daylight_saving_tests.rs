//! Meetings seen across the 2026 clock changes: the US moves on March 8 and November 1, the
//! EU on March 29 and October 25, so for a few weeks each spring and autumn Los Angeles is
//! eight hours behind Berlin instead of nine, and a meeting's day can change for the viewer.

use super::super::testing::{
    LA, every_n_weeks, monthly, next_in, rule, starts, ts, unanchored, weekly, zone,
};
use crate::model::Rule;

#[test]
fn thursday_in_los_angeles_seen_from_berlin_in_the_spring_gap() {
    let thursdays = rule(&weekly(&["thursday"], "09:00", LA));
    let got = next_in(&thursdays, "2026-03-10T12:00:00Z", "Europe/Berlin");
    assert_eq!(got, "2026-03-12T17:00:00+01:00[Europe/Berlin]");
}

#[test]
fn november_monthly_meetings() {
    let now = ts("2026-11-21T00:00:00Z");
    let fourth_tuesday = rule(&monthly(&["4th tuesday"], "09:00", LA));
    let thursdays = rule(&monthly(&["2nd thursday", "4th thursday"], "16:30", "UTC"));
    let next = |r: &Rule| r.next_after(now).unwrap().start.timestamp();
    assert_eq!(next(&fourth_tuesday), ts("2026-11-24T17:00:00Z"));
    assert_eq!(next(&thursdays), ts("2026-11-26T16:30:00Z"));
}

#[test]
fn los_angeles_thursdays_through_both_changes() {
    let thursdays = rule(&weekly(&["thursday"], "09:00", LA));
    for (now, viewer, want) in [
        // Both on winter time.
        (
            "2026-03-02T00:00:00Z",
            "Europe/Berlin",
            "2026-03-05T18:00:00+01:00[Europe/Berlin]",
        ),
        (
            "2026-03-02T00:00:00Z",
            "Asia/Tokyo",
            "2026-03-06T02:00:00+09:00[Asia/Tokyo]",
        ),
        (
            "2026-03-02T00:00:00Z",
            "Asia/Kolkata",
            "2026-03-05T22:30:00+05:30[Asia/Kolkata]",
        ),
        (
            "2026-03-02T00:00:00Z",
            "UTC",
            "2026-03-05T17:00:00+00:00[UTC]",
        ),
        (
            "2026-03-02T00:00:00Z",
            LA,
            "2026-03-05T09:00:00-08:00[America/Los_Angeles]",
        ),
        // The US has moved, the EU hasn't.
        (
            "2026-03-10T12:00:00Z",
            "Asia/Tokyo",
            "2026-03-13T01:00:00+09:00[Asia/Tokyo]",
        ),
        (
            "2026-03-10T12:00:00Z",
            "Asia/Kolkata",
            "2026-03-12T21:30:00+05:30[Asia/Kolkata]",
        ),
        (
            "2026-03-10T12:00:00Z",
            "UTC",
            "2026-03-12T16:00:00+00:00[UTC]",
        ),
        (
            "2026-03-10T12:00:00Z",
            LA,
            "2026-03-12T09:00:00-07:00[America/Los_Angeles]",
        ),
        (
            "2026-03-20T00:00:00Z",
            "Europe/Berlin",
            "2026-03-26T17:00:00+01:00[Europe/Berlin]",
        ),
        // Both on summer time.
        (
            "2026-03-30T00:00:00Z",
            "Europe/Berlin",
            "2026-04-02T18:00:00+02:00[Europe/Berlin]",
        ),
        (
            "2026-10-20T00:00:00Z",
            "Europe/Berlin",
            "2026-10-22T18:00:00+02:00[Europe/Berlin]",
        ),
        // The EU has gone back, the US hasn't.
        (
            "2026-10-26T00:00:00Z",
            "Europe/Berlin",
            "2026-10-29T17:00:00+01:00[Europe/Berlin]",
        ),
        (
            "2026-10-26T00:00:00Z",
            "UTC",
            "2026-10-29T16:00:00+00:00[UTC]",
        ),
        // Both back on winter time.
        (
            "2026-11-02T00:00:00Z",
            "Europe/Berlin",
            "2026-11-05T18:00:00+01:00[Europe/Berlin]",
        ),
        (
            "2026-11-02T00:00:00Z",
            "Asia/Tokyo",
            "2026-11-06T02:00:00+09:00[Asia/Tokyo]",
        ),
        (
            "2026-11-02T00:00:00Z",
            LA,
            "2026-11-05T09:00:00-08:00[America/Los_Angeles]",
        ),
    ] {
        assert_eq!(
            next_in(&thursdays, now, viewer),
            want,
            "from {now} in {viewer}"
        );
    }
}

#[test]
fn berlin_tuesdays_seen_from_los_angeles() {
    let tuesdays = rule(&weekly(&["tuesday"], "17:00", "Europe/Berlin"));
    for (now, want) in [
        (
            "2026-03-02T00:00:00Z",
            "2026-03-03T08:00:00-08:00[America/Los_Angeles]",
        ),
        (
            "2026-03-09T00:00:00Z",
            "2026-03-10T09:00:00-07:00[America/Los_Angeles]",
        ),
        (
            "2026-03-30T00:00:00Z",
            "2026-03-31T08:00:00-07:00[America/Los_Angeles]",
        ),
        (
            "2026-10-26T00:00:00Z",
            "2026-10-27T09:00:00-07:00[America/Los_Angeles]",
        ),
        (
            "2026-11-02T00:00:00Z",
            "2026-11-03T08:00:00-08:00[America/Los_Angeles]",
        ),
    ] {
        assert_eq!(next_in(&tuesdays, now, LA), want, "from {now}");
    }
}

#[test]
fn utc_meetings_move_on_the_viewers_clock() {
    let thursdays = rule(&monthly(&["2nd thursday", "4th thursday"], "16:30", "UTC"));
    for (now, viewer, want) in [
        (
            "2026-02-20T00:00:00Z",
            LA,
            "2026-02-26T08:30:00-08:00[America/Los_Angeles]",
        ),
        (
            "2026-03-01T00:00:00Z",
            LA,
            "2026-03-12T09:30:00-07:00[America/Los_Angeles]",
        ),
        (
            "2026-03-13T00:00:00Z",
            "Europe/Berlin",
            "2026-03-26T17:30:00+01:00[Europe/Berlin]",
        ),
        (
            "2026-03-27T00:00:00Z",
            "Europe/Berlin",
            "2026-04-09T18:30:00+02:00[Europe/Berlin]",
        ),
        (
            "2026-03-27T00:00:00Z",
            "Asia/Tokyo",
            "2026-04-10T01:30:00+09:00[Asia/Tokyo]",
        ),
    ] {
        assert_eq!(
            next_in(&thursdays, now, viewer),
            want,
            "from {now} in {viewer}"
        );
    }
}

#[test]
fn wall_clock_times_in_a_gap_move_later_and_in_a_fold_take_the_first() {
    for (zone_name, now, want) in [
        // 02:30 doesn't exist on the spring-forward day: it becomes 03:30.
        (
            LA,
            "2026-03-07T00:00:00Z",
            "2026-03-08T03:30:00-07:00[America/Los_Angeles]",
        ),
        (
            "Europe/Berlin",
            "2026-03-28T00:00:00Z",
            "2026-03-29T03:30:00+02:00[Europe/Berlin]",
        ),
        // 02:30 happens twice in Berlin on October 25: the first, still on summer time.
        (
            "Europe/Berlin",
            "2026-10-24T00:00:00Z",
            "2026-10-25T02:30:00+02:00[Europe/Berlin]",
        ),
        // A week later it's an ordinary 02:30 again.
        (
            "Europe/Berlin",
            "2026-10-26T00:00:00Z",
            "2026-11-01T02:30:00+01:00[Europe/Berlin]",
        ),
    ] {
        let sundays = rule(&weekly(&["sunday"], "02:30", zone_name));
        assert_eq!(
            next_in(&sundays, now, zone_name),
            want,
            "{zone_name} from {now}"
        );
    }
    // 01:30 happens twice in Los Angeles on November 1: the first is 08:30 UTC.
    let sundays = rule(&weekly(&["sunday"], "01:30", LA));
    let first = sundays.next_after(ts("2026-10-31T00:00:00Z")).unwrap();
    assert_eq!(first.start.timestamp(), ts("2026-11-01T08:30:00Z"));
}

#[test]
fn length_is_elapsed_time_across_a_change() {
    let sundays = rule(&weekly(&["sunday"], "01:30", LA));
    let meeting = sundays.next_after(ts("2026-10-31T00:00:00Z")).unwrap();
    assert_eq!(meeting.end.timestamp(), ts("2026-11-01T09:30:00Z"));
    // On the wall clock it ends at the second 01:30... plus an hour, 01:30 PST.
    assert_eq!(
        meeting.end.to_string(),
        "2026-11-01T01:30:00-08:00[America/Los_Angeles]"
    );
}

#[test]
fn a_meeting_can_cross_midnight_for_the_viewer() {
    let thursdays = rule(&weekly(&["thursday"], "07:30", LA));
    let tokyo = zone("Asia/Tokyo");
    // Summer time in LA: Thursday 23:30 to Friday 00:30 in Tokyo.
    let summer = thursdays.next_after(ts("2026-03-10T00:00:00Z")).unwrap();
    let (start, end) = summer.in_zone(&tokyo);
    assert_eq!(start.to_string(), "2026-03-12T23:30:00+09:00[Asia/Tokyo]");
    assert_eq!(end.to_string(), "2026-03-13T00:30:00+09:00[Asia/Tokyo]");
    assert_ne!(start.date(), end.date());
    // Winter time: the whole meeting is on Friday in Tokyo.
    let winter = thursdays.next_after(ts("2026-11-02T00:00:00Z")).unwrap();
    let (start, end) = winter.in_zone(&tokyo);
    assert_eq!(start.to_string(), "2026-11-06T00:30:00+09:00[Asia/Tokyo]");
    assert_eq!(end.to_string(), "2026-11-06T01:30:00+09:00[Asia/Tokyo]");
}

#[test]
fn every_other_week_keeps_parity_across_a_change_and_new_year() {
    let wednesdays = rule(&every_n_weeks(
        2,
        "2026-01-14",
        &["wednesday"],
        "11:30",
        "America/New_York",
    ));
    let spring =
        wednesdays.occurrences_between(ts("2026-02-20T00:00:00Z"), ts("2026-04-01T00:00:00Z"));
    assert_eq!(
        starts(&spring),
        [
            "2026-02-25T16:30:00Z",
            "2026-03-11T15:30:00Z",
            "2026-03-25T15:30:00Z"
        ]
    );
    let new_year =
        wednesdays.occurrences_between(ts("2026-12-20T00:00:00Z"), ts("2027-01-31T00:00:00Z"));
    assert_eq!(
        starts(&new_year),
        [
            "2026-12-30T16:30:00Z",
            "2027-01-13T16:30:00Z",
            "2027-01-27T16:30:00Z"
        ]
    );
    // Before the anchor there is nothing: it is the first meeting.
    let before = wednesdays.next_after(ts("2025-12-01T00:00:00Z")).unwrap();
    assert_eq!(before.start.timestamp(), ts("2026-01-14T16:30:00Z"));
}

#[test]
fn every_other_week_with_unknown_weeks_offers_every_week_through_the_spring_change() {
    let wednesdays = rule(&unanchored(2, &["wednesday"], "09:00", LA));
    let now = ts("2026-02-28T00:00:00Z");
    let next = wednesdays.next_after(now).unwrap();
    assert_eq!(next.start.timestamp(), ts("2026-03-04T17:00:00Z"));
    assert!(next.tentative);
    // 09:00 Pacific every week, PST then PDT; Berlin sees 17:00 for the three weeks only the
    // US has moved.
    let berlin = zone("Europe/Berlin");
    let seen: Vec<(String, bool)> = wednesdays
        .upcoming(now, 5)
        .iter()
        .map(|o| (o.in_zone(&berlin).0.to_string(), o.tentative))
        .collect();
    let want = [
        "2026-03-04T18:00:00+01:00[Europe/Berlin]",
        "2026-03-11T17:00:00+01:00[Europe/Berlin]",
        "2026-03-18T17:00:00+01:00[Europe/Berlin]",
        "2026-03-25T17:00:00+01:00[Europe/Berlin]",
        "2026-04-01T18:00:00+02:00[Europe/Berlin]",
    ];
    let want: Vec<(String, bool)> = want.iter().map(|w| (w.to_string(), true)).collect();
    assert_eq!(seen, want);
    let window = wednesdays.occurrences_between(now, ts("2026-04-02T00:00:00Z"));
    assert_eq!(window, wednesdays.upcoming(now, 5));
}

#[test]
fn the_same_meeting_with_an_anchor_is_every_other_week_and_certain() {
    let wednesdays = rule(&every_n_weeks(2, "2026-03-11", &["wednesday"], "09:00", LA));
    let next = wednesdays.upcoming(ts("2026-02-28T00:00:00Z"), 3);
    assert_eq!(
        starts(&next),
        [
            "2026-03-11T16:00:00Z",
            "2026-03-25T16:00:00Z",
            "2026-04-08T16:00:00Z"
        ]
    );
    assert!(next.iter().all(|o| !o.tentative));
}
