use super::*;
use EventStatus::{Cancelled, Confirmed};

#[test]
fn the_google_export_reads_with_one_warning_for_its_broken_event() {
    let k8s = fixture("kubernetes.ics");
    assert_eq!(k8s.name.as_deref(), Some("Kubernetes Community"));
    assert_eq!(k8s.zone.iana_name(), Some("America/Los_Angeles"));
    assert_eq!(k8s.warnings.len(), 1, "{:?}", k8s.warnings);
    let w = &k8s.warnings[0];
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/calendars/kubernetes.ics",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let line = text.lines().nth(w.line - 1).unwrap();
    assert_eq!(line, "BEGIN:VEVENT", "the warning points at the event");
    assert!(
        text.contains("\r\n "),
        "the fixture is CRLF and folded, as Google writes it"
    );
    assert!(w.message.contains("SIG Release Team Sync"), "{w}");
    assert!(w.message.contains("DTSTART"), "{w}");
    assert!(k8s.events > 90, "every other event is read: {}", k8s.events);
}

#[test]
fn a_biweekly_series_since_2019_with_one_instance_moved_and_one_cancelled() {
    let k8s = fixture("kubernetes.ics");
    let found = of(&k8s, "SIG Architecture Bi-Weekly Meeting", window(50));
    assert_eq!(
        found,
        [
            // 11:00 PDT.
            ("2026-10-22T18:00:00Z".into(), Confirmed, None),
            // Moved a day earlier, and the US is on standard time now: 11:00 PST.
            (
                "2026-11-04T19:00:00Z".into(),
                Confirmed,
                Some("2026-11-05T19:00:00Z".into())
            ),
            ("2026-11-19T19:00:00Z".into(), Cancelled, None),
            ("2026-12-03T19:00:00Z".into(), Confirmed, None),
        ]
    );
    let occurrences = k8s.occurrences(window(50)).occurrences;
    let moved = occurrences
        .iter()
        .find(|o| o.moved_from.is_some())
        .expect("the moved one");
    assert_eq!(
        moved.title,
        "SIG Architecture Bi-Weekly Meeting (moved for KubeCon)"
    );
    assert_eq!(
        moved.join.as_deref(),
        Some("https://zoom.us/j/845605479"),
        "the link is only in the HTML description, behind a Google redirect"
    );
}

#[test]
fn a_series_ended_by_until_has_no_later_meetings() {
    let k8s = fixture("kubernetes.ics");
    assert!(of(&k8s, "SIG Architecture Weekly Meeting", window(50)).is_empty());
    assert_eq!(
        of(&k8s, "SIG Auth Weekly Issues/PR Triage", window(50)),
        [("2026-10-26T16:00:00Z".into(), Confirmed, None)],
        "UNTIL is the last one, 09:00 PDT on 26 October"
    );
}

#[test]
fn weekly_with_exdates_across_the_us_clock_change() {
    let k8s = fixture("kubernetes.ics");
    let found = of(&k8s, "Kubernetes SIG Node Weekly Meeting", window(22));
    assert_eq!(
        found,
        [
            ("2026-10-20T17:00:00Z".into(), Confirmed, None),
            ("2026-10-27T17:00:00Z".into(), Confirmed, None),
            // 10:00 PST after 1 November; excluded, so shown as off.
            ("2026-11-03T18:00:00Z".into(), Cancelled, None),
            ("2026-11-10T18:00:00Z".into(), Confirmed, None),
        ]
    );
}

#[test]
fn berlin_and_shanghai_events_keep_their_wall_clock() {
    let k8s = fixture("kubernetes.ics");
    // 16:00 in Berlin: CEST before 25 October, CET after.
    assert_eq!(
        of(&k8s, "WG Batch Weekly Meeting", window(10)),
        [
            ("2026-10-22T14:00:00Z".into(), Confirmed, None),
            ("2026-10-29T15:00:00Z".into(), Confirmed, None),
        ]
    );
    // 16:00 in Shanghai, which has no clock change, every other Wednesday since 8 Jan 2025.
    assert_eq!(
        of(&k8s, "WG Device Management (Asia/Europe)", window(28)),
        [
            ("2026-10-28T08:00:00Z".into(), Confirmed, None),
            ("2026-11-11T08:00:00Z".into(), Confirmed, None),
        ]
    );
}

#[test]
fn a_cancelled_series_and_an_all_day_holiday() {
    let k8s = fixture("kubernetes.ics");
    let cancelled = of(&k8s, "WG Checkpoint Restore (Europe/America)", window(14));
    assert_eq!(cancelled.len(), 2);
    assert!(cancelled.iter().all(|(_, s, _)| *s == Cancelled));
    let holiday: Vec<Occurrence> = k8s
        .occurrences(window(50))
        .occurrences
        .into_iter()
        .filter(|o| o.all_day)
        .collect();
    assert_eq!(holiday.len(), 1);
    assert_eq!(
        holiday[0].start.to_string(),
        "2026-11-26T00:00:00-08:00[America/Los_Angeles]",
        "Thanksgiving, the whole day in the calendar's zone"
    );
    assert_eq!(holiday[0].end.date(), jiff::civil::date(2026, 11, 27));
}

#[test]
fn the_lfx_feed_with_its_quirks_reads_cleanly() {
    // Empty `ATTENDEE;VALUE=TEXT:`, `DTSTAMP;TZID=...`, UNTIL in 2126 on every series.
    let otel = fixture("opentelemetry.ics");
    assert!(otel.warnings.is_empty(), "{:?}", otel.warnings);
    assert!(otel.series.len() > 50);
    let week = otel.occurrences(window(7)).occurrences;
    assert!(week.len() > 40, "{}", week.len());
    assert!(week.iter().all(|o| o.status == Confirmed));
    assert!(
        week.iter().all(|o| o.join.as_deref().is_some_and(
            |j| j.starts_with("https://zoom-lfx.platform.linuxfoundation.org/meeting/")
        )),
        "every LFX meeting has its link"
    );
}

#[test]
fn not_a_calendar_is_an_error_and_a_bad_event_is_a_warning() {
    assert!(matches!(
        Calendar::read(b"<!DOCTYPE html><html><body>Sign in</body></html>"),
        Err(ReadError::NotACalendar { reason }) if reason.contains("HTML")
    ));
    assert!(matches!(
        Calendar::read(b""),
        Err(ReadError::NotACalendar { reason }) if reason.contains("empty")
    ));
    let huge = vec![b'x'; limits::MAX_BYTES + 1];
    assert!(matches!(
        Calendar::read(&huge),
        Err(ReadError::TooLarge { .. })
    ));
    let cal = Calendar::read(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:No start\r\nEND:VEVENT\r\n\
          BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Mars/Base:20261020T100000\r\nEND:VEVENT\r\n\
          BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20261020T100000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=XX\r\nEND:VEVENT\r\n\
          END:VCALENDAR\r\n",
    )
    .unwrap();
    let lines: Vec<usize> = cal.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [2, 6], "{:?}", cal.warnings);
    assert!(cal.warnings[0].message.contains("`No start`"));
    assert!(cal.warnings[1].message.contains("Mars/Base"));
    let expansion = cal.occurrences(window(7));
    assert_eq!(
        expansion.occurrences.len(),
        0,
        "c's first date is before the window"
    );
    assert_eq!(expansion.warnings.len(), 1);
    assert_eq!(expansion.warnings[0].line, 10);
    assert!(expansion.warnings[0].message.contains("XX"));
}

#[test]
fn windows_zone_names_and_an_outlook_custom_zone() {
    let cal = Calendar::read(
        b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n\
          BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\n\
          BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n\
          RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n\
          BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
          RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
          BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Pacific\r\n\
          DTSTART;TZID=\"Pacific Standard Time\":20261027T090000\r\nEND:VEVENT\r\n\
          BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Custom\r\n\
          DTSTART;TZID=Customized Time Zone:20261027T090000\r\nEND:VEVENT\r\n\
          END:VCALENDAR\r\n",
    )
    .unwrap();
    assert!(cal.warnings.is_empty(), "{:?}", cal.warnings);
    let starts: Vec<String> = cal
        .occurrences(window(14))
        .occurrences
        .iter()
        .map(|o| format!("{} {}", o.title, o.start.timestamp()))
        .collect();
    assert_eq!(
        starts,
        [
            "Custom 2026-10-27T08:00:00Z",
            "Pacific 2026-10-27T16:00:00Z"
        ]
    );
}

#[test]
fn an_override_whose_series_is_missing_stands_alone() {
    let cal = Calendar::read(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:gone\r\nSUMMARY:Moved sync\r\n\
          RECURRENCE-ID:20261022T160000Z\r\nDTSTART:20261023T160000Z\r\nDURATION:PT45M\r\n\
          END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let o = &cal.occurrences(window(7)).occurrences[0];
    assert_eq!(o.start.timestamp(), ts("2026-10-23T16:00:00Z"));
    assert_eq!(o.end.timestamp(), ts("2026-10-23T16:45:00Z"));
    assert_eq!(
        o.moved_from.as_ref().map(|m| m.timestamp()),
        Some(ts("2026-10-22T16:00:00Z"))
    );
}

#[test]
fn a_rule_that_never_matches_ends() {
    let cal = Calendar::read(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:feb30\r\nSUMMARY:Never\r\n\
          DTSTART:20200101T100000Z\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n\
          END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    // rrule's own guard ends it; only the DTSTART of 2020 is an instance, before the window.
    let e = cal.occurrences(window(7));
    assert!(e.occurrences.is_empty());
}

#[test]
fn terminal_escapes_in_a_feed_never_reach_a_message_or_a_title() {
    let cal = Calendar::read(
        b"BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:\x1b]0;owned\x07\r\nBEGIN:VEVENT\r\nUID:e\r\n\
          SUMMARY:Sync \x1b[2Jnow\r\nDTSTART;TZID=\x1b[31mRed:20261021T100000\r\nEND:VEVENT\r\n\
          BEGIN:VEVENT\r\nUID:f\r\nSUMMARY:Bell\x07 \xe2\x80\xaeevil\r\nDTSTART:20261021T100000Z\r\nEND:VEVENT\r\n\
          END:VCALENDAR\r\n",
    )
    .unwrap();
    assert_eq!(cal.warnings.len(), 2, "{:?}", cal.warnings);
    for w in &cal.warnings {
        assert!(!w.message.chars().any(|c| c.is_control()), "{w:?}");
    }
    assert_eq!(cal.series.len(), 1);
    assert_eq!(
        cal.series[0].title(),
        "Bell evil",
        "no bell, no bidi override"
    );
}
