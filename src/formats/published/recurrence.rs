//! Putting the facts of one meeting together: one weekday, one cadence, maybe a start date,
//! and every fact agreeing with the others. Where they say too little or disagree, the answer
//! is [`Unreadable`], never the likelier reading.

use jiff::civil::{Date, Weekday};

use super::Unreadable;
use super::cadence::{Cadence, Fact, Said};
use super::calendar::{nth_in_month, title};
use crate::model::Nth;

/// When a meeting repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Repeat {
    Weeks(u32),
    Month(Nth),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Recurrence {
    pub(super) weekday: Weekday,
    pub(super) repeat: Repeat,
    /// The first meeting of a weekly or every-N-weeks one, when the source gives it.
    pub(super) start: Option<Date>,
}

/// The meeting the facts describe. `default` is the cadence when no fact gives one (a bare
/// "Tuesday at 08:00 PT" meets weekly); `whole` is quoted when something is missing.
pub(super) fn recurrence(
    facts: &[Fact],
    default: Option<Cadence>,
    whole: &str,
) -> Result<Recurrence, Unreadable> {
    let days = facts.iter().filter_map(|f| match f.said {
        Said::Day(_, day) => Some((day, f.part)),
        _ => None,
    });
    let (weekday, _) = agreed(days, "weekday")?
        .ok_or_else(|| Unreadable::new(whole, "does not say on which weekday"))?;
    let nths = facts.iter().filter_map(|f| match f.said {
        Said::Day(Some(nth), _) => Some((nth, f.part)),
        _ => None,
    });
    let nth = agreed(nths, "week of the month")?;
    let cadences = facts.iter().filter_map(|f| match f.said {
        Said::Repeat(cadence) => Some((cadence, f.part)),
        _ => None,
    });
    let cadence = agreed(cadences, "frequency")?;
    let starts = facts.iter().filter_map(|f| match f.said {
        Said::Start { date, named } => Some(((date, named), f.part)),
        _ => None,
    });
    let start = agreed(starts, "start date")?;
    if let Some(((date, named), part)) = start {
        check_start(date, named, weekday, part)?;
    }
    let start = start.map(|((date, _), part)| (date, part));
    let repeat = repeat(weekday, cadence, nth, start, default, whole)?;
    let start = match repeat {
        Repeat::Weeks(_) => start.map(|(date, _)| date),
        Repeat::Month(_) => None,
    };
    Ok(Recurrence {
        weekday,
        repeat,
        start,
    })
}

/// The one value all `found` agree on, with the phrase that first said it.
fn agreed<'a, T: PartialEq + Copy>(
    found: impl Iterator<Item = (T, &'a str)>,
    what: &str,
) -> Result<Option<(T, &'a str)>, Unreadable> {
    let mut first: Option<(T, &str)> = None;
    for (value, part) in found {
        match first {
            None => first = Some((value, part)),
            Some((earlier, said)) if earlier != value => {
                let reason = format!("disagrees with \"{said}\" about the {what}");
                return Err(Unreadable::new(part, reason));
            }
            Some(_) => {}
        }
    }
    Ok(first)
}

fn check_start(
    date: Date,
    named: Option<Weekday>,
    weekday: Weekday,
    part: &str,
) -> Result<(), Unreadable> {
    let actual = date.weekday();
    if let Some(named) = named.filter(|named| *named != actual) {
        let reason = format!("{date} is a {}, not a {}", title(actual), title(named));
        return Err(Unreadable::new(part, reason));
    }
    if actual != weekday {
        let reason = format!(
            "{date} is a {}, but the meeting is on {}s",
            title(actual),
            title(weekday)
        );
        return Err(Unreadable::new(part, reason));
    }
    Ok(())
}

fn repeat(
    weekday: Weekday,
    cadence: Option<(Cadence, &str)>,
    nth: Option<(Nth, &str)>,
    start: Option<(Date, &str)>,
    default: Option<Cadence>,
    whole: &str,
) -> Result<Repeat, Unreadable> {
    let cadence = match (cadence, nth) {
        (Some((cadence, part)), _) => (cadence, part),
        (None, Some(_)) => (Cadence::Monthly, whole),
        (None, None) => {
            let cadence =
                default.ok_or_else(|| Unreadable::new(whole, "does not say how often it meets"))?;
            (cadence, whole)
        }
    };
    match (cadence, nth) {
        ((Cadence::Weeks(weeks), _), None) => Ok(Repeat::Weeks(weeks)),
        ((Cadence::Weeks(_), said), Some((nth, part))) => {
            let reason = format!(
                "names the {} {} of the month, but \"{said}\" counts weeks",
                nth.label(),
                title(weekday)
            );
            Err(Unreadable::new(part, reason))
        }
        ((Cadence::Monthly, _), Some((nth, _))) => {
            if let Some((date, part)) = start {
                check_nth(date, nth, weekday, part)?;
            }
            Ok(Repeat::Month(nth))
        }
        ((Cadence::Monthly, said), None) => month_from_start(weekday, start, said),
    }
}

/// "monthly", on Tuesdays, from Tuesday 7 January 2020: the start date is the 1st Tuesday, and
/// a monthly meeting on a weekday keeps its place in the month (that is what calendars offer
/// as "monthly on the first Tuesday"). A start after the 21st could be the 4th or the last of
/// its weekday, so it settles nothing.
fn month_from_start(
    weekday: Weekday,
    start: Option<(Date, &str)>,
    said: &str,
) -> Result<Repeat, Unreadable> {
    let which = || format!("does not say which {} of the month", title(weekday));
    let Some((date, part)) = start else {
        return Err(Unreadable::new(said, which()));
    };
    match nth_in_month(date) {
        Some(nth) => Ok(Repeat::Month(nth)),
        None => Err(Unreadable::new(
            part,
            format!("{} (the start date could be the 4th, 5th or last)", which()),
        )),
    }
}

fn check_nth(date: Date, nth: Nth, weekday: Weekday, part: &str) -> Result<(), Unreadable> {
    if date.nth_weekday_of_month(nth.as_i8(), weekday).ok() == Some(date) {
        return Ok(());
    }
    let reason = format!(
        "{date} is not the {} {} of its month",
        nth.label(),
        title(weekday)
    );
    Err(Unreadable::new(part, reason))
}
