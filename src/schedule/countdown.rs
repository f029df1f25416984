//! How far away a meeting is, in the few characters a list column has room for.

use jiff::Timestamp;

use super::Occurrence;

/// "in 45 min", "in 3h 20m", "in 2d 4h"; "now, ends in 25 min" while it is on; "ended 10 min
/// ago" after.
///
/// Time still to wait is rounded up to the minute, so a meeting 30 seconds away is "in 1 min"
/// rather than "in 0 min"; time since the end is rounded down. Each text keeps only its two
/// largest units, because "2d 4h" is what a reader scanning a list can use.
pub fn countdown(now: Timestamp, occ: &Occurrence) -> String {
    // Whole seconds rounded up: half a second before the start is still "in 1 min", and half
    // a second before the end the meeting is still on (the TUI's `now` has nanoseconds).
    let seconds = |d: jiff::SignedDuration| d.as_secs() + i64::from(d.subsec_nanos() > 0);
    let until_start = seconds(now.duration_until(occ.start.timestamp()));
    let until_end = seconds(now.duration_until(occ.end.timestamp()));
    if until_start > 0 {
        format!("in {}", amount(minutes_up(until_start)))
    } else if until_end > 0 {
        format!("now, ends in {}", amount(minutes_up(until_end)))
    } else {
        match -until_end / 60 {
            0 => "ended just now".to_string(),
            minutes => format!("ended {} ago", amount(minutes)),
        }
    }
}

fn minutes_up(seconds: i64) -> i64 {
    seconds.div_euclid(60) + i64::from(seconds.rem_euclid(60) > 0)
}

fn amount(minutes: i64) -> String {
    let (days, hours, minutes) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    match (days, hours, minutes) {
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

#[cfg(test)]
mod tests {
    use jiff::{SignedDuration, Timestamp, tz::TimeZone};

    use super::*;

    /// A meeting from 16:00 to 17:00 UTC on 2026-03-12.
    fn meeting() -> Occurrence {
        let start = "2026-03-12T16:00:00Z".parse::<Timestamp>().unwrap();
        Occurrence {
            start: start.to_zoned(TimeZone::UTC),
            end: (start + SignedDuration::from_hours(1)).to_zoned(TimeZone::UTC),
            tentative: false,
        }
    }

    #[test]
    fn texts() {
        for (now, want) in [
            ("2026-03-10T11:00:00Z", "in 2d 5h"),
            ("2026-03-10T16:00:00Z", "in 2d"),
            ("2026-03-10T15:59:00Z", "in 2d"),
            ("2026-03-12T12:40:00Z", "in 3h 20m"),
            ("2026-03-12T13:00:00Z", "in 3h"),
            ("2026-03-12T15:15:00Z", "in 45 min"),
            ("2026-03-12T15:14:30Z", "in 46 min"),
            ("2026-03-12T14:59:30Z", "in 1h 1m"),
            ("2026-03-12T15:59:30Z", "in 1 min"),
            ("2026-03-12T15:59:59.5Z", "in 1 min"),
            ("2026-03-12T16:00:00Z", "now, ends in 1h"),
            ("2026-03-12T16:35:00Z", "now, ends in 25 min"),
            ("2026-03-12T16:59:59Z", "now, ends in 1 min"),
            ("2026-03-12T16:59:59.5Z", "now, ends in 1 min"),
            ("2026-03-12T17:00:00Z", "ended just now"),
            ("2026-03-12T17:00:59Z", "ended just now"),
            ("2026-03-12T17:10:00Z", "ended 10 min ago"),
            ("2026-03-12T19:30:00Z", "ended 2h 30m ago"),
            ("2026-03-15T18:00:00Z", "ended 3d 1h ago"),
        ] {
            let now = now.parse().unwrap();
            assert_eq!(countdown(now, &meeting()), want, "at {now}");
        }
    }
}
