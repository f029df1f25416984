//! DATE, DATE-TIME and DURATION values (RFC 5545 §3.3.4, §3.3.5, §3.3.6), read leniently:
//! separators some exporters add (`2026-03-12T11:00:00Z`) are accepted, a leap second becomes
//! :59, and whatever can't be read is an error message the caller turns into a warning.

use jiff::civil::{Date, DateTime, Time};
use jiff::{Span, Timestamp};

use super::content::ContentLine;

/// A date or date-time as written, before its zone is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// `VALUE=DATE` (`20261225`): an all-day event or date.
    Day(Date),
    /// `20260312T180000Z`.
    Utc(Timestamp),
    /// Wall-clock time in the `TZID` given, or floating when there is none.
    Local { at: DateTime, tzid: Option<String> },
}

/// Every value of a property (EXDATE and RDATE may hold several, comma-separated). A PERIOD
/// (`start/end` or `start/duration`, RDATE only) counts as its start.
pub fn written_all(p: &ContentLine) -> Result<Vec<Written>, String> {
    p.value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| written(p, v.split('/').next().unwrap_or(v)))
        .collect()
}

/// The property's single value.
pub fn written_one(p: &ContentLine) -> Result<Written, String> {
    written(p, p.value.trim())
}

fn written(p: &ContentLine, value: &str) -> Result<Written, String> {
    let tzid = p
        .param("TZID")
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let compact: String = value.chars().filter(|c| !matches!(c, '-' | ':')).collect();
    let bad = || format!("`{}` has a date that can't be read: `{value}`", p.name);
    let (date_part, time_part) = match compact.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (compact.as_str(), None),
    };
    let day = date(date_part).ok_or_else(bad)?;
    let Some(time_part) = time_part else {
        return Ok(Written::Day(day));
    };
    let (clock, utc) = match time_part.strip_suffix(['Z', 'z']) {
        Some(c) => (c, true),
        None => (time_part, false),
    };
    let at = day.to_datetime(time(clock).ok_or_else(bad)?);
    if utc {
        let ts = at
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map_err(|_| bad())?
            .timestamp();
        Ok(Written::Utc(ts))
    } else {
        Ok(Written::Local { at, tzid })
    }
}

fn number(s: &str) -> Option<i16> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn date(s: &str) -> Option<Date> {
    if s.len() != 8 || !s.is_ascii() {
        return None;
    }
    Date::new(
        number(&s[..4])?,
        i8::try_from(number(&s[4..6])?).ok()?,
        i8::try_from(number(&s[6..8])?).ok()?,
    )
    .ok()
}

fn time(s: &str) -> Option<Time> {
    // Fractions of a second are not RFC 5545, but cost nothing to ignore.
    let s = s.split(['.', ',']).next().unwrap_or(s);
    if !(s.len() == 4 || s.len() == 6) || !s.is_ascii() {
        return None;
    }
    let hour = i8::try_from(number(&s[..2])?).ok()?;
    let minute = i8::try_from(number(&s[2..4])?).ok()?;
    let second = if s.len() == 6 {
        i8::try_from(number(&s[4..6])?).ok()?.min(59)
    } else {
        0
    };
    Time::new(hour, minute, second, 0).ok()
}

/// A DURATION (`PT1H30M`, `P1W`, `-PT15M`, `P1DT2H`); days and weeks stay calendar units, so a
/// one-day event across a clock change still ends at the same wall-clock time.
pub fn duration(p: &ContentLine) -> Result<Span, String> {
    let v = p.value.trim();
    let v = v.strip_prefix('+').unwrap_or(v);
    v.parse::<Span>()
        .map_err(|_| format!("`DURATION` can't be read: `{v}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(name: &str, params: &[(&str, &str)], value: &str) -> ContentLine {
        ContentLine {
            line: 1,
            name: name.into(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            value: value.into(),
        }
    }

    #[test]
    fn dates_and_times_in_every_form_feeds_use() {
        let at = |v: &str| written_one(&line("DTSTART", &[], v)).unwrap();
        assert_eq!(
            at("20261225"),
            Written::Day(jiff::civil::date(2026, 12, 25))
        );
        assert_eq!(
            at("20260312T180000Z"),
            Written::Utc("2026-03-12T18:00:00Z".parse().unwrap())
        );
        assert_eq!(
            at("2026-03-12T18:00:00Z"),
            Written::Utc("2026-03-12T18:00:00Z".parse().unwrap())
        );
        assert_eq!(
            at("20261231T235960Z"),
            Written::Utc("2026-12-31T23:59:59Z".parse().unwrap())
        );
        let zoned = written_one(&line(
            "DTSTART",
            &[("TZID", "Europe/Berlin")],
            "20261026T170000",
        ))
        .unwrap();
        assert_eq!(
            zoned,
            Written::Local {
                at: jiff::civil::date(2026, 10, 26).at(17, 0, 0, 0),
                tzid: Some("Europe/Berlin".into())
            }
        );
        for bad in [
            "2026",
            "20261332",
            "20260312T2500",
            "tomorrow",
            "20260312T1800ZZ",
            "",
        ] {
            let err = written_one(&line("DTSTART", &[], bad)).unwrap_err();
            assert!(err.contains("DTSTART"), "{err}");
        }
    }

    #[test]
    fn several_values_and_periods() {
        let p = line(
            "RDATE",
            &[("VALUE", "PERIOD")],
            "20260101T090000Z/PT1H,20260108T090000Z/20260108T100000Z",
        );
        let all = written_all(&p).unwrap();
        assert_eq!(
            all,
            [
                Written::Utc("2026-01-01T09:00:00Z".parse().unwrap()),
                Written::Utc("2026-01-08T09:00:00Z".parse().unwrap())
            ]
        );
    }

    #[test]
    fn durations_keep_days_as_days() {
        let d = |v: &str| duration(&line("DURATION", &[], v));
        assert_eq!(d("PT1H30M").unwrap().get_minutes(), 30);
        assert_eq!(d("P1W").unwrap().get_weeks(), 1);
        assert_eq!(d("P1DT2H").unwrap().get_days(), 1);
        assert!(d("-PT15M").unwrap().is_negative());
        assert!(d("an hour").is_err());
    }
}
