//! The phrases that say how often and on which day a group meets ("biweekly", "every other
//! Tuesday", "first Wednesday of the month", "starting Tuesday Oct 28, 2025"), read into
//! [`Fact`]s that `recurrence` then puts together.
//!
//! "every N \<weekday>" counts weeks, as "every third day" counts days: OpenTelemetry's "Every
//! second Friday" is every other Friday, and so "Every third Wednesday" is every three weeks.
//! Only "of the month" (or "monthly", or a plain "third Wednesday" with no "every") makes it a
//! weekday of the month. "every first" and "every last" can't be counts, so they are the
//! month's first and last. The reading is the literal one, and the same for every number, so
//! a registry author can predict it; a group that means the month can say so.

use jiff::civil::{Date, Weekday};

use super::calendar::{
    month, ordinal, read_count, read_date, read_month_day, read_ordinal, read_weekday, read_year,
    weekday,
};
use super::words::{Cursor, Word};
use crate::model::Nth;
use crate::schedule::MAX_INTERVAL_WEEKS;

/// How often, before the day of the month is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cadence {
    Weeks(u32),
    Monthly,
}

/// One thing a phrase says, and the phrase as written, to quote when facts disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fact<'a> {
    pub(super) said: Said,
    pub(super) part: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Said {
    Repeat(Cadence),
    /// A weekday, with its place in the month when one is given ("third Wednesday").
    Day(Option<Nth>, Weekday),
    /// The first meeting; `named` is the weekday written beside the date, if any.
    Start {
        date: Date,
        named: Option<Weekday>,
    },
}

/// What may stand between two phrases. Kubernetes' frequency field strings phrases together
/// with punctuation ("monthly - third Tuesday", "monthly, second Thursday of the month"); in a
/// sentence a comma separates meetings instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Joints {
    Words,
    Punctuation,
}

/// Reads phrases for as long as they follow one another, and stops before the first word
/// that doesn't begin one (with any joint before it left unread).
pub(super) fn read_facts<'a>(c: &mut Cursor<'a>, joints: Joints) -> Vec<Fact<'a>> {
    let mut facts = Vec::new();
    loop {
        let before = c.pos();
        skip_joints(c, joints);
        let found = c
            .attempt(|c| read_bracketed(c, joints))
            .or_else(|| c.attempt(read_phrase));
        match found {
            Some(found) => facts.extend(found),
            None => {
                c.rewind(before);
                return facts;
            }
        }
    }
}

fn skip_joints(c: &mut Cursor, joints: Joints) {
    loop {
        let filler = c.eat("on") || c.eat("the");
        let mark = joints == Joints::Punctuation && (c.eat(",") || c.eat("-") || c.eat("–"));
        if !filler && !mark {
            return;
        }
    }
}

/// "(starting September 10th 2024)": phrases in brackets count when all of it is phrases.
fn read_bracketed<'a>(c: &mut Cursor<'a>, joints: Joints) -> Option<Vec<Fact<'a>>> {
    if !c.eat("(") {
        return None;
    }
    let inner = read_facts(c, joints);
    (!inner.is_empty() && c.eat(")")).then_some(inner)
}

fn read_phrase<'a>(c: &mut Cursor<'a>) -> Option<Vec<Fact<'a>>> {
    let start = c.pos();
    let said = c
        .attempt(read_every)
        .or_else(|| c.attempt(read_cadence_word))
        .or_else(|| c.attempt(read_nth_weekday))
        .or_else(|| read_weekday(c).map(|day| vec![Said::Day(None, day)]))
        .or_else(|| c.attempt(read_start))?;
    let part = c.quote(start, c.pos());
    Some(said.into_iter().map(|said| Fact { said, part }).collect())
}

/// "every Tuesday", "every other Tuesday", "every second Friday", "every four weeks",
/// "every third Wednesday of the month", "every month".
fn read_every(c: &mut Cursor) -> Option<Vec<Said>> {
    use Said::{Day, Repeat};
    if !(c.eat("every") || c.eat("each")) {
        return None;
    }
    if c.eat("other") {
        if c.eat("week") {
            return Some(vec![Repeat(Cadence::Weeks(2))]);
        }
        let day = read_weekday(c)?;
        return Some(vec![Repeat(Cadence::Weeks(2)), Day(None, day)]);
    }
    if let Some(nth) = read_ordinal(c) {
        let day = read_weekday(c)?;
        if read_of_the_month(c) || matches!(nth, Nth::First | Nth::Last) {
            return Some(vec![Repeat(Cadence::Monthly), Day(Some(nth), day)]);
        }
        let weeks = u32::try_from(nth.as_i8()).ok()?;
        return Some(vec![Repeat(Cadence::Weeks(weeks)), Day(None, day)]);
    }
    if let Some(weeks) = read_count(c) {
        let unit = if weeks == 1 { "week" } else { "weeks" };
        let fits = (1..=MAX_INTERVAL_WEEKS).contains(&weeks);
        return (fits && c.eat(unit)).then(|| vec![Repeat(Cadence::Weeks(weeks))]);
    }
    let cadence = if c.eat("week") {
        Cadence::Weeks(1)
    } else if c.eat("fortnight") {
        Cadence::Weeks(2)
    } else if c.eat("month") {
        Cadence::Monthly
    } else {
        let day = read_weekday(c)?;
        return Some(vec![Repeat(Cadence::Weeks(1)), Day(None, day)]);
    };
    Some(vec![Repeat(cadence)])
}

/// "bi-monthly" and "semi-monthly" are left out on purpose: people use both for twice a
/// month and for every two months.
fn read_cadence_word(c: &mut Cursor) -> Option<Vec<Said>> {
    const WORDS: [(&str, Cadence); 5] = [
        ("weekly", Cadence::Weeks(1)),
        ("biweekly", Cadence::Weeks(2)),
        ("bi-weekly", Cadence::Weeks(2)),
        ("fortnightly", Cadence::Weeks(2)),
        ("monthly", Cadence::Monthly),
    ];
    let word = c.next_word()?;
    let (_, cadence) = WORDS.iter().find(|(name, _)| word.is(name))?;
    Some(vec![Said::Repeat(*cadence)])
}

/// "third Wednesday", "4th Thursday", "First Tuesday of each month".
fn read_nth_weekday(c: &mut Cursor) -> Option<Vec<Said>> {
    let nth = read_ordinal(c)?;
    let day = read_weekday(c)?;
    let mut said = vec![Said::Day(Some(nth), day)];
    if read_of_the_month(c) {
        said.push(Said::Repeat(Cadence::Monthly));
    }
    Some(said)
}

/// "of the month", "of each month", "of every month", "of month".
fn read_of_the_month(c: &mut Cursor) -> bool {
    c.attempt(|c| {
        c.eat("of").then_some(())?;
        let _ = c.eat("the") || c.eat("each") || c.eat("every");
        c.eat("month").then_some(())
    })
    .is_some()
}

/// "starting Tuesday Oct 28, 2025", "starting September 10th 2024", and Kubernetes'
/// "2019 start date: Jan. 11th".
fn read_start(c: &mut Cursor) -> Option<Vec<Said>> {
    let starting = |c: &mut Cursor| {
        (c.eat("starting") || c.eat("from")).then_some(())?;
        c.eat("on");
        let named = read_weekday(c);
        c.eat(",");
        let date = read_date(c)?;
        Some(Said::Start { date, named })
    };
    let start_date = |c: &mut Cursor| {
        let year = read_year(c)?;
        c.eat_all(&["start", "date"]).then_some(())?;
        c.eat(":");
        let (month, day) = read_month_day(c)?;
        let date = Date::new(year, month, day).ok()?;
        Some(Said::Start { date, named: None })
    };
    let said = c.attempt(starting).or_else(|| c.attempt(start_date))?;
    Some(vec![said])
}

/// Words that would change when a meeting takes place. A remark that uses none of them
/// ("you must be signed into a free zoom account to join") can be left out; one that does
/// ("after the fourth Tuesday", "except in August") can't, because townhall would then show
/// dates the group doesn't meet on.
pub(super) fn mentions_schedule(words: &[Word]) -> bool {
    const WORDS: [&str; 29] = [
        "day",
        "days",
        "daily",
        "week",
        "weeks",
        "weekly",
        "biweekly",
        "bi-weekly",
        "fortnight",
        "fortnightly",
        "month",
        "months",
        "monthly",
        "year",
        "yearly",
        "quarterly",
        "other",
        "odd",
        "even",
        "except",
        "excluding",
        "skip",
        "skipping",
        "instead",
        "only",
        "not",
        "no",
        "cancelled",
        "canceled",
    ];
    words.iter().any(|w| {
        weekday(w).is_some()
            || ordinal(w).is_some()
            || month(w).is_some()
            || w.starts_with_digit()
            || WORDS.iter().any(|name| w.is(name))
    })
}
