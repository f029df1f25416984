//! One VEVENT as townhall uses it: when, how long, how it repeats, which call, and whether it
//! still takes place. Reading is per event: what one event gets wrong is a warning about that
//! event, and the rest of the feed is read on.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Zoned};

use super::Warning;
use super::call::{Call, CallKey, calls_in, zoom_ids_in};
use super::component::Component;
use super::content::ContentLine;
use super::limits::MAX_DATES_PER_EVENT;
use super::value::{Written, duration, written_all, written_one};
use super::zone::Zones;

/// When an event (or one of its instances) starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// An all-day event on this date.
    Day(Date),
    /// A timed event, in the zone its series is defined in.
    At(Zoned),
}

/// `STATUS`; an event without one is confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventStatus {
    #[default]
    Confirmed,
    Tentative,
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct Event {
    /// Line of its `BEGIN:VEVENT`.
    pub line: usize,
    pub uid: String,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub start: Start,
    /// DTEND − DTSTART (or DURATION): elapsed time for timed events, days for all-day ones.
    pub length: Span,
    pub rules: Vec<String>,
    pub rdates: Vec<Start>,
    pub exdates: Vec<Start>,
    /// Set on an override of one instance of a series: the instance it replaces.
    pub recurrence_id: Option<Start>,
    pub status: EventStatus,
    pub sequence: i64,
    /// Join links, best first.
    pub calls: Vec<Call>,
    /// Zoom IDs written in the text, for matching.
    pub call_keys: Vec<CallKey>,
}

impl Event {
    /// The event's zone: the zone of its DTSTART, or the calendar's for all-day events.
    pub fn zone<'a>(&'a self, calendar: &'a TimeZone) -> &'a TimeZone {
        match &self.start {
            Start::At(z) => z.time_zone(),
            Start::Day(_) => calendar,
        }
    }

    pub fn join(&self) -> Option<&str> {
        self.calls.first().map(|c| c.url.as_str())
    }
}

/// Reads one VEVENT. `default_zone` is the calendar's (X-WR-TIMEZONE, else UTC), used for
/// floating times and all-day dates. `Err` is the reason the event can't be used at all.
pub fn read(
    c: &Component,
    zones: &mut Zones,
    default_zone: &TimeZone,
    warnings: &mut Vec<Warning>,
) -> Result<Event, String> {
    let dtstart = c.property("DTSTART").ok_or("the event has no DTSTART")?;
    let start = start(dtstart, zones, default_zone)?;
    let length = length(c, &start, zones, default_zone, warnings);
    let text = |name: &str| {
        c.value(name)
            .map(clean_text)
            .filter(|t| !t.trim().is_empty())
    };
    let summary = text("SUMMARY")
        .map(|s| one_line(&s))
        .unwrap_or_else(|| "(no title)".to_owned());
    let description = text("DESCRIPTION").or_else(|| text("X-ALT-DESC"));
    let location = text("LOCATION").map(|s| one_line(&s));
    let mut dates = |name: &str| -> Vec<Start> {
        let mut out = Vec::new();
        for p in c.all(name) {
            match written_all(p) {
                Ok(values) => {
                    for w in values {
                        if out.len() >= MAX_DATES_PER_EVENT {
                            warnings.push(Warning::new(
                                p.line,
                                format!("more than {MAX_DATES_PER_EVENT} {name} values; the rest are not read"),
                            ));
                            return out;
                        }
                        match resolve(w, zones, default_zone, &start) {
                            Ok(s) => out.push(s),
                            Err(e) => warnings.push(Warning::new(p.line, e)),
                        }
                    }
                }
                Err(e) => warnings.push(Warning::new(p.line, e)),
            }
        }
        out
    };
    let rdates = dates("RDATE");
    let exdates = dates("EXDATE");
    let recurrence_id = match c.property("RECURRENCE-ID") {
        Some(p) => Some(written_one(p).and_then(|w| resolve(w, zones, default_zone, &start))?),
        None => None,
    };
    let status = match c.value("STATUS").map(|s| s.trim().to_ascii_uppercase()) {
        Some(s) if s == "CANCELLED" || s == "CANCELED" => EventStatus::Cancelled,
        Some(s) if s == "TENTATIVE" => EventStatus::Tentative,
        _ => EventStatus::Confirmed,
    };
    let conference: Vec<&str> = c
        .properties
        .iter()
        .filter(|p| matches!(p.name.as_str(), "CONFERENCE" | "X-GOOGLE-CONFERENCE"))
        .map(|p| p.value.as_str())
        .collect();
    // Links are read from the text as written: an HTML description holds them in `href`s.
    let texts: Vec<&str> = conference
        .iter()
        .copied()
        .chain(c.value("URL"))
        .chain(c.value("LOCATION"))
        .chain(c.value("DESCRIPTION"))
        .chain(c.value("X-ALT-DESC"))
        .collect();
    let calls = calls_in(texts.iter().copied());
    let mut call_keys: Vec<CallKey> = calls.iter().map(|c| c.key.clone()).collect();
    for t in &texts {
        for k in zoom_ids_in(t) {
            if !call_keys.contains(&k) {
                call_keys.push(k);
            }
        }
    }
    Ok(Event {
        line: c.line,
        uid: c
            .value("UID")
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("line {}", c.line)),
        summary,
        description,
        location,
        start,
        length,
        rules: c.all("RRULE").map(|p| p.value.trim().to_owned()).collect(),
        rdates,
        exdates,
        recurrence_id,
        status,
        sequence: c
            .value("SEQUENCE")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0),
        calls,
        call_keys,
    })
}

fn start(p: &ContentLine, zones: &mut Zones, default_zone: &TimeZone) -> Result<Start, String> {
    match written_one(p)? {
        Written::Day(d) => Ok(Start::Day(d)),
        Written::Utc(ts) => Ok(Start::At(ts.to_zoned(TimeZone::UTC))),
        Written::Local { at, tzid } => {
            let tz = match tzid {
                Some(t) => zones.get(&t)?,
                None => default_zone.clone(),
            };
            at.to_zoned(tz)
                .map(Start::At)
                .map_err(|e| format!("`{}` is out of range: {e}", p.name))
        }
    }
}

/// A date from EXDATE, RDATE or RECURRENCE-ID, in the form of the event's own start: a UTC
/// or other-zone time is shown in the event's zone, so it compares with its instances.
fn resolve(
    w: Written,
    zones: &mut Zones,
    default_zone: &TimeZone,
    event: &Start,
) -> Result<Start, String> {
    let at = match w {
        Written::Day(d) => return Ok(Start::Day(d)),
        Written::Utc(ts) => ts.to_zoned(TimeZone::UTC),
        Written::Local { at, tzid } => {
            let tz = match (&tzid, event) {
                (Some(t), _) => zones.get(t)?,
                (None, Start::At(z)) => z.time_zone().clone(),
                (None, Start::Day(_)) => default_zone.clone(),
            };
            at.to_zoned(tz)
                .map_err(|e| format!("a date is out of range: {e}"))?
        }
    };
    Ok(match event {
        Start::At(z) => Start::At(at.with_time_zone(z.time_zone().clone())),
        Start::Day(_) => Start::Day(at.date()),
    })
}

fn length(
    c: &Component,
    start: &Start,
    zones: &mut Zones,
    default_zone: &TimeZone,
    warnings: &mut Vec<Warning>,
) -> Span {
    let all_day = Span::new().days(1);
    if let Some(p) = c.property("DTEND") {
        match written_one(p).and_then(|w| resolve(w, zones, default_zone, start)) {
            Ok(end) => match (start, &end) {
                (Start::Day(s), Start::Day(e)) if e > s => {
                    return Span::new().days(i64::from((*e - *s).get_days()));
                }
                (Start::At(s), Start::At(e)) if e >= s => {
                    if let Ok(d) = Span::try_from(e.timestamp().duration_since(s.timestamp())) {
                        return d;
                    }
                }
                _ => warnings.push(Warning::new(p.line, "`DTEND` is before `DTSTART`; ignored")),
            },
            Err(e) => warnings.push(Warning::new(p.line, e)),
        }
    } else if let Some(p) = c.property("DURATION") {
        match duration(p) {
            Ok(d) if !d.is_negative() => return d,
            Ok(_) => warnings.push(Warning::new(p.line, "`DURATION` is negative; ignored")),
            Err(e) => warnings.push(Warning::new(p.line, e)),
        }
    }
    // RFC 5545: a date lasts the day; a date-time without an end is an instant.
    match start {
        Start::Day(_) => all_day,
        Start::At(_) => Span::new(),
    }
}

/// Text from a feed, safe for a terminal: control and invisible characters go, and HTML
/// descriptions keep their words (the links are read from the original before this).
fn clean_text(raw: &str) -> String {
    let mut text = if raw.contains('<') && raw.contains('>') {
        strip_tags(raw)
    } else {
        raw.to_owned()
    };
    crate::untrusted::clean(&mut text);
    text
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<br>` and `</p>` as line breaks, other tags dropped, a few entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        if tag.starts_with("br") || tag == "/p" || tag == "/div" || tag == "/li" {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
