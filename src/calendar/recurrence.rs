//! RRULE expansion with the `rrule` crate, on wall-clock time.
//!
//! RFC 5545 expands a rule in the local time of its DTSTART ("every Thursday at 11:00 in Los
//! Angeles"), and only then turns each local time into an instant. So the rule is handed to
//! `rrule` on a zone without clock changes (UTC standing in for "wall clock"), and each
//! result is read back as a civil date-time; the caller turns that into an instant with jiff
//! and the bundled tzdb. Time zones thus come from one place, and a meeting stays at 11:00
//! local time across both the US and the EU clock changes.
//!
//! The work is bounded whatever the feed says: a rule without COUNT starts from a DTSTART
//! moved forward by whole periods to just before the window (the instances are the same, as
//! the rule repeats every period), so a weekly series from 2015 or `UNTIL` a century out costs
//! a few steps; COUNT is capped; `rrule`'s own guard stops a rule that never matches; and at
//! most [`MAX_INSTANCES_PER_SERIES`] instances come back.

use chrono::TimeZone as _;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::limits::{MAX_COUNT, MAX_INSTANCES_PER_SERIES};

/// The starts a rule gives in `[lo, hi]`, as wall-clock date-times in the series' zone.
#[derive(Debug, Default)]
pub struct Instances {
    pub starts: Vec<DateTime>,
    /// The expansion was cut short (too many instances, or a rule that never matches).
    pub limited: bool,
    /// Something in the rule had to be changed to read it, for a warning.
    pub note: Option<String>,
}

/// Instances of `rule` (an RRULE value) for a series starting at `start` (wall clock in
/// `zone`; `None` for dates of all-day events). DTSTART itself is not added here: RFC 5545
/// counts it as the first instance even when the rule would not produce it, and the caller
/// adds it.
pub fn instances(
    start: DateTime,
    zone: Option<&TimeZone>,
    rule: &str,
    lo: DateTime,
    hi: DateTime,
) -> Result<Instances, String> {
    let mut parts = Parts::read(rule)?;
    let mut note = None;
    let until = match parts.take("UNTIL") {
        Some(v) => Some(until(&v, zone)?),
        None => None,
    };
    let count = match parts.take("COUNT") {
        Some(v) => {
            let n: u32 = v
                .parse()
                .map_err(|_| format!("RRULE `COUNT={v}` is not a number"))?;
            if n > MAX_COUNT {
                note = Some(format!("COUNT={n} is read as COUNT={MAX_COUNT}"));
            }
            Some(n.min(MAX_COUNT))
        }
        None => None,
    };
    let freq = parts
        .get("FREQ")
        .ok_or("RRULE has no FREQ")?
        .to_ascii_uppercase();
    let interval: i64 = match parts.get("INTERVAL") {
        Some(v) => v
            .parse()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| format!("RRULE `INTERVAL={v}` is not a positive number"))?,
        None => 1,
    };
    let hi = match until {
        Some(u) if u < hi => u,
        _ => hi,
    };
    if hi < start || hi < lo || count == Some(0) {
        return Ok(Instances {
            note,
            ..Instances::default()
        });
    }
    let from = if count.is_none() {
        parts.make_defaults_explicit(&freq, start);
        moved_forward(start, &freq, interval, lo)?
    } else {
        start
    };
    let mut text = format!("DTSTART:{}\nRRULE:{}", stamp(from)?, parts.joined());
    if let Some(n) = count {
        text.push_str(&format!(";COUNT={n}"));
    } else {
        text.push_str(&format!(";UNTIL={}", stamp(hi)?));
    }
    let set: rrule::RRuleSet = text
        .parse()
        .map_err(|e: rrule::RRuleError| format!("RRULE can't be read: {e}"))?;
    let result = set
        .after(chrono_at(lo)?)
        .before(chrono_at(hi)?)
        .all(MAX_INSTANCES_PER_SERIES);
    let mut starts = Vec::with_capacity(result.dates.len());
    for d in &result.dates {
        starts.push(civil_at(d.timestamp())?);
    }
    Ok(Instances {
        starts,
        limited: result.limited,
        note,
    })
}

/// The rule's `NAME=value` parts, in order.
struct Parts(Vec<(String, String)>);

impl Parts {
    fn read(rule: &str) -> Result<Parts, String> {
        let mut parts = Vec::new();
        for part in rule.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("RRULE part `{part}` has no `=`"))?;
            parts.push((k.trim().to_ascii_uppercase(), v.trim().to_owned()));
        }
        Ok(Parts(parts))
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn take(&mut self, key: &str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    fn has_any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|k| self.get(k).is_some())
    }

    /// The parts a rule takes from its DTSTART when it leaves them out (the day of the month
    /// of a monthly rule, the month and day of a yearly one, the weekday of a weekly one),
    /// written out, so that moving DTSTART forward can't change which days match.
    fn make_defaults_explicit(&mut self, freq: &str, start: DateTime) {
        const DAY_PARTS: [&str; 4] = ["BYMONTHDAY", "BYDAY", "BYYEARDAY", "BYWEEKNO"];
        let day = start.day().to_string();
        match freq {
            "WEEKLY" if !self.has_any(&["BYDAY"]) => {
                self.0
                    .push(("BYDAY".into(), weekday_code(start.date()).into()));
            }
            "MONTHLY" if !self.has_any(&DAY_PARTS) => {
                self.0.push(("BYMONTHDAY".into(), day));
            }
            "YEARLY" if !self.has_any(&DAY_PARTS) => {
                if !self.has_any(&["BYMONTH"]) {
                    self.0.push(("BYMONTH".into(), start.month().to_string()));
                }
                self.0.push(("BYMONTHDAY".into(), day));
            }
            _ => {}
        }
    }

    fn joined(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(";")
    }
}

fn weekday_code(d: Date) -> &'static str {
    use jiff::civil::Weekday::*;
    match d.weekday() {
        Monday => "MO",
        Tuesday => "TU",
        Wednesday => "WE",
        Thursday => "TH",
        Friday => "FR",
        Saturday => "SA",
        Sunday => "SU",
    }
}

/// `start` moved forward by whole periods (`interval` × the rule's frequency) to a period
/// that begins at least one period before `lo`; `start` itself when it is already close.
fn moved_forward(
    start: DateTime,
    freq: &str,
    interval: i64,
    lo: DateTime,
) -> Result<DateTime, String> {
    if lo <= start {
        return Ok(start);
    }
    let overflow = || "RRULE runs past the dates townhall can count".to_string();
    let moved = match freq {
        "YEARLY" | "MONTHLY" => {
            let months_per = if freq == "YEARLY" { 12 } else { 1 } * interval;
            let months = (i64::from(lo.year()) - i64::from(start.year())) * 12
                + i64::from(lo.month())
                - i64::from(start.month());
            let periods = (months / months_per - 1).max(0);
            // The first of the month: the explicit BYMONTHDAY picks the day again.
            let first = start.date().first_of_month().to_datetime(start.time());
            first
                .checked_add((periods * months_per).months())
                .map_err(|_| overflow())?
        }
        _ => {
            let unit_seconds: i64 = match freq {
                "WEEKLY" => 7 * 86_400,
                "DAILY" => 86_400,
                "HOURLY" => 3_600,
                "MINUTELY" => 60,
                "SECONDLY" => 1,
                other => return Err(format!("RRULE `FREQ={other}` is not a frequency")),
            };
            let step = unit_seconds.checked_mul(interval).ok_or_else(overflow)?;
            let elapsed = fake_utc(lo)? - fake_utc(start)?;
            let periods = (elapsed / step - 1).max(0);
            let seconds = periods.checked_mul(step).ok_or_else(overflow)?;
            start
                .checked_add(jiff::SignedDuration::from_secs(seconds))
                .map_err(|_| overflow())?
        }
    };
    Ok(moved.max(start))
}

/// UNTIL as a wall-clock bound in the series' zone: a UTC instant is converted; a date means
/// the end of that day (sloppy feeds give a date for a timed series); a floating time is
/// taken as written.
fn until(value: &str, zone: Option<&TimeZone>) -> Result<DateTime, String> {
    let bad = || format!("RRULE `UNTIL={value}` is not a date");
    let compact: String = value.chars().filter(|c| !matches!(c, '-' | ':')).collect();
    let line = super::content::ContentLine {
        line: 0,
        name: "UNTIL".into(),
        params: Vec::new(),
        value: compact,
    };
    match super::value::written_one(&line).map_err(|_| bad())? {
        super::value::Written::Day(d) => Ok(d.to_datetime(jiff::civil::time(23, 59, 59, 0))),
        super::value::Written::Utc(ts) => Ok(ts
            .to_zoned(zone.cloned().unwrap_or(TimeZone::UTC))
            .datetime()),
        super::value::Written::Local { at, .. } => Ok(at),
    }
}

fn fake_utc(at: DateTime) -> Result<i64, String> {
    at.to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .map_err(|_| format!("{at} is out of range"))
}

/// `YYYYMMDDTHHMMSSZ`, the wall clock written as if it were UTC.
fn stamp(at: DateTime) -> Result<String, String> {
    if !(1..=9999).contains(&at.year()) {
        return Err(format!("the year {} is out of range", at.year()));
    }
    Ok(format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    ))
}

fn chrono_at(at: DateTime) -> Result<chrono::DateTime<rrule::Tz>, String> {
    rrule::Tz::UTC
        .timestamp_opt(fake_utc(at)?, 0)
        .single()
        .ok_or_else(|| format!("{at} is out of range"))
}

fn civil_at(seconds: i64) -> Result<DateTime, String> {
    Timestamp::from_second(seconds)
        .map(|t| t.to_zoned(TimeZone::UTC).datetime())
        .map_err(|_| "a recurrence ran out of range".to_string())
}

#[cfg(test)]
mod tests;
