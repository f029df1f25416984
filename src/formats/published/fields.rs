//! Kubernetes sigs.yaml meetings: `day`, `time`, `tz` and `frequency` as separate strings,
//! where the day and the frequency can each carry part of the rule ("third Wednesday" and
//! "monthly"; "Tuesday" and "biweekly starting Tuesday Oct 28, 2025").

use super::cadence::{Joints, mentions_schedule, read_facts};
use super::calendar::weekday;
use super::clock::read_clock;
use super::recurrence::recurrence;
use super::words::{Cursor, Word, split};
use super::zone::iana_zone;
use super::{Slot, Unreadable};

pub(super) fn schedules(
    day: Option<&str>,
    time: Option<&str>,
    tz: Option<&str>,
    frequency: Option<&str>,
) -> Result<Vec<Slot>, Unreadable> {
    let time = given(time).ok_or_else(|| Unreadable::new("", "no time of day given"))?;
    let at = whole_clock(time)?;
    let tz = given(tz).ok_or_else(|| Unreadable::new("", "no time zone given"))?;
    let zone =
        iana_zone(tz).ok_or_else(|| Unreadable::new(tz, "not a time zone townhall knows"))?;

    let day = given(day).unwrap_or("");
    let day_words = split(day);
    let mut c = Cursor::new(day, &day_words);
    let mut facts = read_facts(&mut c, Joints::Punctuation);
    if !c.is_done() {
        let rest = c.quote_rest(c.pos());
        return Err(Unreadable::new(rest, "not a meeting day townhall reads"));
    }

    let frequency = given(frequency).unwrap_or("");
    let frequency_words = split(frequency);
    let mut c = Cursor::new(frequency, &frequency_words);
    facts.extend(read_facts(&mut c, Joints::Punctuation));
    if !c.is_done() {
        check_remark(&c)?;
    }

    let whole = [day, frequency]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let recurrence = recurrence(&facts, None, &whole)?;
    let slot = Slot {
        recurrence,
        at,
        zone,
    };
    Ok(vec![slot])
}

fn given(field: Option<&str>) -> Option<&str> {
    field.map(str::trim).filter(|s| !s.is_empty())
}

fn whole_clock(time: &str) -> Result<jiff::civil::Time, Unreadable> {
    let words = split(time);
    let mut c = Cursor::new(time, &words);
    let at = read_clock(&mut c)?;
    if !c.is_done() {
        return Err(Unreadable::new(time, "not a time of day"));
    }
    Ok(at)
}

/// What follows the last phrase of a frequency may be left out when punctuation sets it
/// apart as a remark ("biweekly, you must be signed into a free zoom account to join",
/// "bi-weekly ([upcoming meeting dates](…))") and it says nothing about when the group meets.
/// The error quotes the first piece that does, or the first piece when nothing sets it apart.
fn check_remark(c: &Cursor) -> Result<(), Unreadable> {
    let from = c.pos();
    let words = c.words(from, usize::MAX);
    let pieces = pieces(words);
    let set_apart = words.first().is_some_and(Word::is_separator);
    let telling = pieces
        .iter()
        .find(|(a, b)| mentions_schedule(&words[*a..*b]));
    let (a, b) = match (telling, set_apart) {
        (None, true) => return Ok(()),
        (Some(piece), _) => *piece,
        (None, false) => pieces.first().copied().unwrap_or((0, words.len())),
    };
    let part = c.quote(from + a, from + b);
    let reason = if words[a..b].iter().any(|w| weekday(w).is_some()) {
        "not a weekday rule townhall reads"
    } else {
        "not a frequency townhall reads"
    };
    Err(Unreadable::new(part, reason))
}

/// The runs of words between commas, dashes and brackets, as `start..end` index pairs; a
/// full stop or colon stays inside ("start date: Jan. 11th" is one piece).
fn pieces(words: &[Word]) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut start = None;
    for (i, word) in words.iter().enumerate() {
        let ends_piece = word.is_separator() && !word.is(".") && !word.is(":");
        match (ends_piece, start) {
            (true, Some(s)) => {
                pieces.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        pieces.push((s, words.len()));
    }
    pieces
}
