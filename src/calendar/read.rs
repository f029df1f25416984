//! A whole feed: size check, lines, components, then each event on its own.

use std::fmt;

use jiff::tz::TimeZone;

use super::Warning;
use super::component::{Component, tree};
use super::content::lines;
use super::event;
use super::limits::{MAX_BYTES, MAX_EVENTS};
use super::series::{Series, group};
use super::zone::{Zones, named};

/// A calendar as read: its series and what could not be used.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// `X-WR-CALNAME`.
    pub name: Option<String>,
    /// `X-WR-TIMEZONE`, the zone of floating times and all-day dates; UTC without one.
    pub zone: TimeZone,
    pub series: Vec<Series>,
    /// VEVENTs read (a series with overrides counts each).
    pub events: usize,
    pub warnings: Vec<Warning>,
}

/// Input that is not a calendar at all. Anything less is a warning on a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge { bytes: usize },
    NotACalendar { reason: String },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge { bytes } => write!(
                f,
                "{bytes} bytes is more than a calendar may have ({MAX_BYTES} bytes)"
            ),
            ReadError::NotACalendar { reason } => write!(f, "not an iCalendar file: {reason}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl Calendar {
    pub fn read(bytes: &[u8]) -> Result<Calendar, ReadError> {
        if bytes.len() > MAX_BYTES {
            return Err(ReadError::TooLarge { bytes: bytes.len() });
        }
        let mut warnings = Vec::new();
        let roots = tree(lines(bytes, &mut warnings), &mut warnings);
        let calendars: Vec<Component> = roots
            .into_iter()
            .filter(|c| c.name == "VCALENDAR")
            .collect();
        if calendars.is_empty() {
            return Err(ReadError::NotACalendar {
                reason: not_a_calendar(bytes),
            });
        }
        let mut name = None;
        let mut zone = None;
        let mut events = Vec::new();
        let mut count = 0usize;
        for cal in calendars {
            name = name.or_else(|| cal.value("X-WR-CALNAME").map(one_line));
            if zone.is_none()
                && let Some(p) = cal.property("X-WR-TIMEZONE")
            {
                match named(&p.value) {
                    Some(tz) => zone = Some(tz),
                    None => warnings.push(Warning::new(
                        p.line,
                        format!(
                            "`X-WR-TIMEZONE:{}` is not a time zone; UTC is used",
                            p.value.trim()
                        ),
                    )),
                }
            }
            let default_zone = zone.clone().unwrap_or(TimeZone::UTC);
            let (vtimezones, others): (Vec<Component>, Vec<Component>) = cal
                .children
                .into_iter()
                .partition(|c| c.name == "VTIMEZONE");
            let mut zones = Zones::new(vtimezones);
            for c in others.iter().filter(|c| c.name == "VEVENT") {
                if count == MAX_EVENTS {
                    warnings.push(Warning::new(
                        c.line,
                        format!(
                            "more than {MAX_EVENTS} events; this one and the rest are not read"
                        ),
                    ));
                }
                count += 1;
                if count > MAX_EVENTS {
                    continue;
                }
                match event::read(c, &mut zones, &default_zone, &mut warnings) {
                    Ok(e) => events.push(e),
                    Err(why) => {
                        let title = c
                            .value("SUMMARY")
                            .map(|s| format!(" `{}`", one_line(s)))
                            .unwrap_or_default();
                        warnings.push(Warning::new(
                            c.line,
                            format!("event{title} is not read: {why}"),
                        ));
                    }
                }
            }
        }
        let read = events.len();
        let series = group(events, &mut warnings);
        warnings.sort_by_key(|w| w.line);
        Ok(Calendar {
            name,
            zone: zone.unwrap_or(TimeZone::UTC),
            series,
            events: read,
            warnings,
        })
    }
}

fn one_line(s: &str) -> String {
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::untrusted::clean(&mut s);
    s
}

/// Why bytes without a VCALENDAR aren't one, in words that help: a login page or an error
/// page served with status 200 is the usual case.
fn not_a_calendar(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start();
    if head.is_empty() {
        "the file is empty".into()
    } else if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
    {
        "it is an HTML page".into()
    } else {
        "it has no `BEGIN:VCALENDAR`".into()
    }
}
