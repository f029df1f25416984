//! Reading the fixture calendars in tests/fixtures/calendars as a person would check them
//! against their calendar app: which meetings, when, cancelled or moved, across the EU
//! (25 October 2026) and US (1 November 2026) clock changes. `now` is always given.

mod feeds;
mod matching;

use super::*;

fn fixture(name: &str) -> Calendar {
    let path = format!(
        "{}/tests/fixtures/calendars/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Calendar::read(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

/// Tuesday 20 October 2026, noon UTC: before both clock changes.
const NOW: &str = "2026-10-20T12:00:00Z";

fn window(days: i64) -> Window {
    let now = ts(NOW);
    Window::new(now, now + jiff::SignedDuration::from_hours(24 * days))
}

/// The occurrences of the series titled `title`, as `(UTC start, status, moved from)`.
fn of(calendar: &Calendar, title: &str, w: Window) -> Vec<(String, EventStatus, Option<String>)> {
    let series: Vec<&Series> = calendar
        .series
        .iter()
        .filter(|s| s.title() == title)
        .collect();
    assert!(!series.is_empty(), "no series `{title}`");
    calendar
        .occurrences_of(series, w)
        .occurrences
        .iter()
        .map(|o| {
            (
                o.start.timestamp().to_string(),
                o.status,
                o.moved_from.as_ref().map(|m| m.timestamp().to_string()),
            )
        })
        .collect()
}
