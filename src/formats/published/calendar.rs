//! The calendar words of published times: weekdays, "third", month names and the dates that
//! say when a meeting started ("Oct 28, 2025", "June 25th, 2020", "September 10th 2024").

use jiff::civil::{Date, Weekday};

use super::words::{Cursor, Word};
use crate::model::Nth;
use crate::schedule::{parse_date, parse_ordinal, parse_weekday};

/// A weekday in any case, plural or short ("Thursdays", "Thu", "tues"). Words with anything
/// but letters are not weekdays, so "Thu," never gets this far and "10th" is not one.
pub(super) fn weekday(word: &Word) -> Option<Weekday> {
    let letters = word.text.chars().all(|c| c.is_ascii_alphabetic());
    letters.then(|| parse_weekday(word.text).ok()).flatten()
}

pub(super) fn read_weekday(c: &mut Cursor) -> Option<Weekday> {
    c.attempt(|c| c.next_word().as_ref().and_then(weekday))
}

/// "first" / "1st" through "fifth" / "5th", and "last".
pub(super) fn ordinal(word: &Word) -> Option<Nth> {
    parse_ordinal(word.text)
}

pub(super) fn read_ordinal(c: &mut Cursor) -> Option<Nth> {
    c.attempt(|c| c.next_word().as_ref().and_then(ordinal))
}

/// How many weeks "every N weeks" counts, in digits or as a word.
pub(super) fn read_count(c: &mut Cursor) -> Option<u32> {
    const WORDS: [&str; 6] = ["one", "two", "three", "four", "five", "six"];
    c.attempt(|c| {
        let word = c.next_word()?;
        let by_name = WORDS.iter().position(|w| word.is(w)).map(|i| i as u32 + 1);
        let digits = word.text.bytes().all(|b| b.is_ascii_digit());
        by_name.or_else(|| digits.then(|| word.text.parse().ok()).flatten())
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month by name or by a short form of at least three letters ("Oct", "Sept"), 1 to 12.
pub(super) fn month(word: &Word) -> Option<i8> {
    let lower = word.text.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let found = MONTHS.iter().position(|name| name.starts_with(&lower))?;
    i8::try_from(found + 1).ok()
}

/// A date as communities write a start date: "Oct 28, 2025", "Jan. 11th 2019",
/// "10 September 2024" or "2025-10-28".
pub(super) fn read_date(c: &mut Cursor) -> Option<Date> {
    c.attempt(|c| {
        let (month, day) = read_month_day(c)?;
        c.eat(",");
        let year = read_year(c)?;
        Date::new(year, month, day).ok()
    })
    .or_else(|| c.attempt(read_day_month_year))
    .or_else(|| c.attempt(|c| parse_date(c.next_word()?.text).ok()))
}

fn read_day_month_year(c: &mut Cursor) -> Option<Date> {
    let day = day_of_month(&c.next_word()?)?;
    let month = month(&c.next_word()?)?;
    c.eat(".");
    c.eat(",");
    let year = read_year(c)?;
    Date::new(year, month, day).ok()
}

/// "Jan. 11th", "March 20": a month name, an optional full stop, a day of the month.
pub(super) fn read_month_day(c: &mut Cursor) -> Option<(i8, i8)> {
    c.attempt(|c| {
        let month = month(&c.next_word()?)?;
        c.eat(".");
        let day = day_of_month(&c.next_word()?)?;
        Some((month, day))
    })
}

pub(super) fn read_year(c: &mut Cursor) -> Option<i16> {
    c.attempt(|c| {
        let word = c.next_word()?;
        let digits = word.text.len() == 4 && word.text.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| word.text.parse().ok()).flatten()
    })
}

/// "28", "25th", "1st": a day number with, if any, the English suffix that belongs to it.
fn day_of_month(word: &Word) -> Option<i8> {
    let text = word.text.to_ascii_lowercase();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let day: i8 = digits.parse().ok()?;
    let fits = suffix.is_empty() || suffix == ordinal_suffix(day);
    (fits && (1..=31).contains(&day)).then_some(day)
}

fn ordinal_suffix(n: i8) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// "Thursday", for messages people read.
pub(super) fn title(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// Which of its month's weekdays `date` is when that can only be one thing: days 1 to 21 are
/// the 1st to 3rd; a later day could be the 4th and the last at once, or the 5th and last.
pub(super) fn nth_in_month(date: Date) -> Option<Nth> {
    match date.day() {
        1..=7 => Some(Nth::First),
        8..=14 => Some(Nth::Second),
        15..=21 => Some(Nth::Third),
        _ => None,
    }
}
