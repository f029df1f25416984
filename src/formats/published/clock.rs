//! Times of day as published: "9:00" and "17:00" on the 24-hour clock, or "4PM", "8:30am",
//! "09:00 AM" on the 12-hour one.

use jiff::civil::Time;

use super::Unreadable;
use super::words::{Cursor, Word};
use crate::schedule::parse_time;

const MERIDIEMS: [(&str, bool); 4] = [("am", false), ("a.m", false), ("pm", true), ("p.m", true)];

/// Reads the time at the cursor; the error quotes what stood where a time was expected.
pub(super) fn read_clock(c: &mut Cursor) -> Result<Time, Unreadable> {
    let start = c.pos();
    let Some(word) = c.next_word() else {
        return Err(Unreadable::new("", "no time of day"));
    };
    let (number, suffix) = split_meridiem(&word);
    let after_pm = suffix.or_else(|| c.peek().as_ref().and_then(meridiem));
    if suffix.is_none() && after_pm.is_some() {
        c.next_word();
    }
    let quoted = c.quote(start, c.pos());
    match after_pm {
        None => parse_time(number).map_err(|_| Unreadable::new(quoted, "not a time of day")),
        Some(pm) => twelve_hour(number, pm)
            .ok_or_else(|| Unreadable::new(quoted, "not a time on the 12-hour clock")),
    }
}

/// Whether the word is "am" or "pm" on its own: `Some(true)` for the afternoon.
fn meridiem(word: &Word) -> Option<bool> {
    MERIDIEMS
        .iter()
        .find(|(name, _)| word.is(name))
        .map(|(_, pm)| *pm)
}

/// "8:30am" → ("8:30", Some(false)); "17:00" → ("17:00", None).
fn split_meridiem<'a>(word: &Word<'a>) -> (&'a str, Option<bool>) {
    let text = word.text;
    for (name, pm) in MERIDIEMS {
        let Some(cut) = text.len().checked_sub(name.len()) else {
            continue;
        };
        let number_before = cut > 0 && text.as_bytes()[cut - 1].is_ascii_digit();
        if number_before && text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(name) {
            return (&text[..cut], Some(pm));
        }
    }
    (text, None)
}

/// Hours 1 to 12 only: "13pm" and "0am" are mistakes, not times. 12am is midnight, 12pm noon.
fn twelve_hour(number: &str, pm: bool) -> Option<Time> {
    let (hour, minute) = number.split_once(':').unwrap_or((number, "00"));
    let digits = |s: &str, widths: &[usize]| {
        (widths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i8>().ok())
            .flatten()
    };
    let hour = digits(hour, &[1, 2]).filter(|h| (1..=12).contains(h))?;
    let minute = digits(minute, &[2]).filter(|m| *m < 60)?;
    let hour = hour % 12 + if pm { 12 } else { 0 };
    Time::new(hour, minute, 0, 0).ok()
}
