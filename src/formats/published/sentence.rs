//! One published sentence, OpenTelemetry style, that may name several meetings:
//!
//! - clauses separated by `;`, each optionally labelled ("agent-related topics: …");
//! - in a clause, meetings separated by `,` or `and`, each a day, a time and a zone; one that
//!   starts with its time ("Wednesday 11:00 PT and 17:00 UTC+8") shares the day before it;
//! - "Alternating between A, B and C" (or "Thursday alternating between 09:00 PT and
//!   10:00 PT"): each meets every third week, or every other week for two.

use super::cadence::{Cadence, Fact, Joints, Said, mentions_schedule, read_facts};
use super::clock::read_clock;
use super::recurrence::recurrence;
use super::words::{Cursor, Word, split};
use super::zone::iana_zone;
use super::{Slot, Unreadable};

pub(super) fn schedules(text: &str) -> Result<Vec<Slot>, Unreadable> {
    let words = split(text);
    if words.is_empty() {
        return Err(Unreadable::new("", "no meeting time given"));
    }
    let mut c = Cursor::new(text, &words);
    let mut slots = Vec::new();
    loop {
        slots.extend(clause(&mut c)?);
        if c.eat(";") {
            continue;
        }
        c.eat(".");
        if c.is_done() {
            return Ok(slots);
        }
        let part = chunk(&c, c.pos());
        return Err(Unreadable::new(
            part,
            "not part of a meeting time townhall reads",
        ));
    }
}

/// One meeting in a clause, before its facts are put together.
struct Item<'a> {
    /// Its own facts, or those of the meeting before it when it starts with its time.
    facts: Vec<Fact<'a>>,
    at: jiff::civil::Time,
    zone: String,
    part: &'a str,
}

fn clause(c: &mut Cursor) -> Result<Vec<Slot>, Unreadable> {
    skip_label(c);
    let start = c.pos();
    let lead = read_facts(c, Joints::Words);
    let alternating = c.eat_all(&["alternating", "between"]);
    let (shared, mut previous) = if alternating {
        (lead, Vec::new())
    } else {
        (Vec::new(), lead)
    };
    let mut items = Vec::new();
    let mut item_start = if alternating { c.pos() } else { start };
    loop {
        let item = read_item(c, &previous, item_start)?;
        previous.clone_from(&item.facts);
        items.push(item);
        if !next_item(c) {
            break;
        }
        item_start = c.pos();
    }
    let default = if alternating {
        if items.len() < 2 {
            let part = c.quote(start, c.pos());
            return Err(Unreadable::new(part, "alternates with nothing"));
        }
        u32::try_from(items.len()).ok().map(Cadence::Weeks)
    } else {
        Some(Cadence::Weeks(1))
    };
    let mut slots = Vec::new();
    for item in items {
        let facts: Vec<Fact> = shared.iter().chain(&item.facts).copied().collect();
        if alternating {
            refuse_cadence(&facts)?;
        }
        slots.push(Slot {
            recurrence: recurrence(&facts, default, item.part)?,
            at: item.at,
            zone: item.zone,
        });
    }
    Ok(slots)
}

/// In an alternation the cadence comes from how many meetings take turns; one that says its
/// own ("Alternating between every Monday …") can't be both.
fn refuse_cadence(facts: &[Fact]) -> Result<(), Unreadable> {
    match facts.iter().find(|f| matches!(f.said, Said::Repeat(_))) {
        Some(fact) => Err(Unreadable::new(
            fact.part,
            "says how often, but the meetings alternate",
        )),
        None => Ok(()),
    }
}

/// "General GenAI topics:" names a meeting; it says nothing about when.
fn skip_label(c: &mut Cursor) {
    let from = c.pos();
    let colon = c.until(from, |w| w.is(":") || w.is(";"));
    let label = c.words(from, colon);
    let is_colon = c.words(colon, colon + 1).first().is_some_and(|w| w.is(":"));
    if is_colon && !label.is_empty() && !mentions_schedule(label) {
        c.rewind(colon + 1);
    }
}

fn read_item<'a>(
    c: &mut Cursor<'a>,
    previous: &[Fact<'a>],
    start: usize,
) -> Result<Item<'a>, Unreadable> {
    let own = read_facts(c, Joints::Words);
    let mut facts = if own.is_empty() {
        previous.to_vec()
    } else {
        own
    };
    c.eat("at");
    if !c.peek().is_some_and(|w| w.starts_with_digit()) {
        let reason = "not a day and time townhall reads";
        return Err(Unreadable::new(chunk(c, start), reason));
    }
    let at = read_clock(c)?;
    let zone = read_zone(c, start)?;
    facts.extend(read_facts(c, Joints::Words));
    skip_remarks(c)?;
    Ok(Item {
        facts,
        at,
        zone,
        part: c.quote(start, c.pos()),
    })
}

/// The words after the time, up to punctuation, "and", or a phrase such as "every other week".
fn read_zone(c: &mut Cursor, start: usize) -> Result<String, Unreadable> {
    let from = c.pos();
    let begins_phrase = |i: usize| {
        let mut probe = c.clone();
        probe.rewind(i);
        !read_facts(&mut probe, Joints::Words).is_empty()
    };
    let mut end = from;
    while let Some(word) = c.words(end, end + 1).first() {
        if word.is_separator() || word.is("and") || begins_phrase(end) {
            break;
        }
        end += 1;
    }
    if end == from {
        return Err(Unreadable::new(c.quote(start, end), "no time zone"));
    }
    let text = c.quote(from, end);
    c.rewind(end);
    iana_zone(text).ok_or_else(|| Unreadable::new(text, "not a time zone townhall knows"))
}

/// "(Blueprints)" after a meeting labels it. A bracketed remark that could change when the
/// group meets is refused like any other.
fn skip_remarks(c: &mut Cursor) -> Result<(), Unreadable> {
    while c.peek().is_some_and(|w| w.is("(")) {
        let open = c.pos();
        let close = c.until(open + 1, |w| w.is(")"));
        if mentions_schedule(c.words(open + 1, close)) {
            let part = c.quote(open + 1, close);
            return Err(Unreadable::new(part, "may change when the group meets"));
        }
        c.rewind(close + 1);
    }
    Ok(())
}

/// `,` or `and` or `, and` between two meetings.
fn next_item(c: &mut Cursor) -> bool {
    if c.eat(",") {
        c.eat("and");
        return true;
    }
    c.eat("and")
}

/// The words from `from` to the next comma, semicolon or bracket, to quote in an error.
fn chunk<'a>(c: &Cursor<'a>, from: usize) -> &'a str {
    let end = c.until(from, |w: &Word| matches!(w.text, "," | ";" | "("));
    c.quote(from, end)
}
