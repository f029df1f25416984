//! VTIMEZONE components from jiff's bundled IANA database.
//!
//! Events name their zone by IANA name (`TZID=America/Los_Angeles`), which most calendar apps
//! know, but RFC 5545 requires the file to define every TZID it uses, and apps that don't know
//! the name go by that definition alone. Rather than derive RRULEs for the zone's rules, which
//! the database doesn't state in a form that maps onto them reliably, each transition in a
//! window is listed as it happens; every date the file's events need then has an exact offset.

use jiff::civil::DateTime;
use jiff::tz::{Dst, Offset, TimeZone, TimeZoneTransition};
use jiff::{SignedDuration, Timestamp};

use super::content::{self, Content};

/// Whether times in `tz` are best written in UTC form (`...Z`) with no VTIMEZONE: a zone
/// that never changes and is UTC (`UTC`, `Etc/UTC`, `Etc/GMT`).
pub(super) fn is_utc(tz: &TimeZone) -> bool {
    tz.following(Timestamp::MIN).next().is_none() && tz.to_offset(Timestamp::UNIX_EPOCH).is_zero()
}

/// One observance of a zone: from `onset` (wall clock before the change) it is `to`.
struct Observance {
    onset: DateTime,
    from: Offset,
    to: Offset,
    name: String,
    daylight: bool,
}

/// Writes the VTIMEZONE for `tz` under the TZID `name`, covering `from` to `until`: the
/// transition in effect at `from` and every one after it up to `until`.
pub(super) fn write(
    out: &mut Content,
    name: &str,
    tz: &TimeZone,
    from: Timestamp,
    until: Timestamp,
) {
    out.begin("VTIMEZONE");
    out.line("TZID", name);
    let observances = observances(tz, from, until);
    if observances.is_empty() {
        write_observance(out, &fixed(tz, from));
    }
    for observance in &observances {
        write_observance(out, observance);
    }
    out.end("VTIMEZONE");
}

fn observances(tz: &TimeZone, from: Timestamp, until: Timestamp) -> Vec<Observance> {
    // Starting at the transition in effect at `from` (not at `from`) also catches one that
    // falls exactly on `from`, which `following` would skip.
    let in_effect = tz.preceding(from).next();
    let start = in_effect.as_ref().map_or(from, |t| t.timestamp());
    let later = tz.following(start).take_while(|t| t.timestamp() <= until);
    in_effect
        .into_iter()
        .chain(later)
        .map(|t| observance(tz, &t))
        .collect()
}

fn observance(tz: &TimeZone, transition: &TimeZoneTransition) -> Observance {
    let at = transition.timestamp();
    let just_before = at.checked_sub(SignedDuration::from_nanos(1)).unwrap_or(at);
    let from = tz.to_offset(just_before);
    Observance {
        onset: from.to_datetime(at),
        from,
        to: transition.offset(),
        name: transition.abbreviation().to_string(),
        daylight: transition.dst() == Dst::Yes,
    }
}

/// A zone with no transitions at all (a fixed offset): one observance since 1970.
fn fixed(tz: &TimeZone, at: Timestamp) -> Observance {
    let info = tz.to_offset_info(at);
    Observance {
        onset: DateTime::constant(1970, 1, 1, 0, 0, 0, 0),
        from: info.offset(),
        to: info.offset(),
        name: info.abbreviation().to_string(),
        daylight: false,
    }
}

fn write_observance(out: &mut Content, observance: &Observance) {
    let kind = if observance.daylight {
        "DAYLIGHT"
    } else {
        "STANDARD"
    };
    out.begin(kind);
    out.line("DTSTART", &content::local(observance.onset));
    out.line("TZOFFSETFROM", &content::offset(observance.from));
    out.line("TZOFFSETTO", &content::offset(observance.to));
    if !observance.name.is_empty() {
        out.text("TZNAME", &observance.name);
    }
    out.end(kind);
}

#[cfg(test)]
mod tests;
