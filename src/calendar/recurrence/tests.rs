use super::*;

fn civil(s: &str) -> DateTime {
    s.parse().unwrap()
}

fn run(start: &str, rule: &str, lo: &str, hi: &str) -> Vec<String> {
    let la = jiff::tz::db().get("America/Los_Angeles").unwrap();
    instances(civil(start), Some(&la), rule, civil(lo), civil(hi))
        .unwrap()
        .starts
        .iter()
        .map(|d| d.strftime("%a %Y-%m-%d %H:%M").to_string())
        .collect()
}

#[test]
fn biweekly_from_2019_keeps_its_weeks_in_2026() {
    // A series that began on Thursday 10 Jan 2019 meets on the weeks an even number of weeks
    // later: 2026-03-12 is 374 weeks on, so it meets then and not on the 19th.
    let found = run(
        "2019-01-10T11:00",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        "2026-03-09T00:00",
        "2026-03-31T00:00",
    );
    assert_eq!(found, ["Thu 2026-03-12 11:00", "Thu 2026-03-26 11:00"]);
}

#[test]
fn until_a_century_out_and_until_in_the_past() {
    let far = run(
        "2024-01-02T09:00",
        "FREQ=WEEKLY;UNTIL=21240101T000000Z",
        "2026-10-20T00:00",
        "2026-11-04T00:00",
    );
    assert_eq!(
        far,
        [
            "Tue 2026-10-20 09:00",
            "Tue 2026-10-27 09:00",
            "Tue 2026-11-03 09:00"
        ]
    );
    let ended = run(
        "2024-01-02T09:00",
        "FREQ=WEEKLY;UNTIL=20261027T170000Z",
        "2026-10-20T00:00",
        "2026-11-04T00:00",
    );
    assert_eq!(ended, ["Tue 2026-10-20 09:00", "Tue 2026-10-27 09:00"]);
    let over = run(
        "2024-01-02T09:00",
        "FREQ=WEEKLY;UNTIL=20250101T000000Z",
        "2026-10-20T00:00",
        "2026-11-04T00:00",
    );
    assert!(over.is_empty());
}

#[test]
fn count_counts_from_the_first_instance() {
    let found = run(
        "2026-10-06T09:00",
        "FREQ=WEEKLY;COUNT=3",
        "2026-10-01T00:00",
        "2026-12-01T00:00",
    );
    assert_eq!(
        found,
        [
            "Tue 2026-10-06 09:00",
            "Tue 2026-10-13 09:00",
            "Tue 2026-10-20 09:00"
        ]
    );
}

#[test]
fn monthly_rules_moved_forward_keep_their_day() {
    // The 31st: months without one have no meeting; moving DTSTART must not make it the 30th.
    let found = run(
        "2020-01-31T10:00",
        "FREQ=MONTHLY",
        "2026-03-01T00:00",
        "2026-06-01T00:00",
    );
    assert_eq!(found, ["Tue 2026-03-31 10:00", "Sun 2026-05-31 10:00"]);
    let last_weekday = run(
        "2021-06-30T16:00",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "2026-10-01T00:00",
        "2026-12-01T00:00",
    );
    assert_eq!(
        last_weekday,
        ["Fri 2026-10-30 16:00", "Mon 2026-11-30 16:00"]
    );
    let second_tuesday = run(
        "2018-05-08T08:00",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
        "2026-01-01T00:00",
        "2026-12-31T00:00",
    );
    // Every third month from May 2018: Feb, May, Aug, Nov.
    assert_eq!(
        second_tuesday,
        [
            "Tue 2026-02-10 08:00",
            "Tue 2026-05-12 08:00",
            "Tue 2026-08-11 08:00",
            "Tue 2026-11-10 08:00"
        ]
    );
}

#[test]
fn yearly_without_parts_is_the_same_day_each_year() {
    let found = run(
        "2016-12-25T00:00",
        "FREQ=YEARLY",
        "2026-01-01T00:00",
        "2027-12-31T00:00",
    );
    assert_eq!(found, ["Fri 2026-12-25 00:00", "Sat 2027-12-25 00:00"]);
}

#[test]
fn bad_rules_are_errors_not_panics() {
    let la = jiff::tz::db().get("America/Los_Angeles").unwrap();
    for rule in [
        "",
        "FREQ=FORTNIGHTLY",
        "FREQ=WEEKLY;INTERVAL=0",
        "FREQ=WEEKLY;INTERVAL=x",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=WEEKLY;COUNT=-1",
        "FREQ=WEEKLY;UNTIL=soon",
        "BYDAY=MO",
        "FREQ",
    ] {
        let r = instances(
            civil("2026-01-01T09:00"),
            Some(&la),
            rule,
            civil("2026-01-01T00:00"),
            civil("2026-02-01T00:00"),
        );
        assert!(r.is_err(), "{rule:?} gave {r:?}");
    }
}

#[test]
fn dense_and_impossible_rules_are_bounded() {
    let la = jiff::tz::db().get("America/Los_Angeles").unwrap();
    let dense = instances(
        civil("2015-01-01T00:00"),
        Some(&la),
        "FREQ=SECONDLY",
        civil("2026-01-01T00:00"),
        civil("2026-02-01T00:00"),
    )
    .unwrap();
    assert_eq!(dense.starts.len(), usize::from(MAX_INSTANCES_PER_SERIES));
    assert!(dense.limited);
    assert_eq!(dense.starts[0], civil("2026-01-01T00:00"));
    let huge = instances(
        civil("2026-01-01T00:00"),
        Some(&la),
        "FREQ=DAILY;COUNT=4000000000",
        civil("2026-01-01T00:00"),
        civil("2026-01-03T00:00"),
    )
    .unwrap();
    assert!(huge.note.unwrap().contains("COUNT=10000"));
    assert_eq!(huge.starts.len(), 3);
}
