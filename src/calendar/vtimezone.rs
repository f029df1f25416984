//! A VTIMEZONE that names no IANA zone ("Customized Time Zone", as Outlook writes it), read as
//! the rules it gives: its latest STANDARD and DAYLIGHT observances become a POSIX TZ rule
//! (`<+01>-1<+02>,M3.5.0/2,M10.5.0/3`), which jiff evaluates. Only the current rules are kept,
//! which is what a meeting calendar needs: its series start in recent years.

use jiff::tz::{Offset, TimeZone};

use super::component::Component;
use super::value::{Written, written_one};

/// One STANDARD or DAYLIGHT block.
struct Observance {
    /// Local time, in the offset before the change, when it takes effect.
    start: jiff::civil::DateTime,
    offset_to: i32,
    name: Option<String>,
    /// (month, week 1..=5 with 5 = last, weekday 0 = Sunday) from a yearly RRULE.
    yearly: Option<(i8, i8, i8)>,
}

pub fn rules(vtimezone: &Component) -> Result<TimeZone, String> {
    let latest = |kind: &str| -> Result<Option<Observance>, String> {
        let mut all = Vec::new();
        for c in vtimezone.children.iter().filter(|c| c.name == kind) {
            all.push(observance(c)?);
        }
        Ok(all.into_iter().max_by_key(|o| o.start))
    };
    let standard = latest("STANDARD")?;
    let daylight = latest("DAYLIGHT")?;
    match (standard, daylight) {
        (None, None) => Err("it has neither STANDARD nor DAYLIGHT".into()),
        (Some(only), None) | (None, Some(only)) => fixed(only.offset_to),
        (Some(std), Some(dst)) => match (std.yearly, dst.yearly) {
            (Some(s), Some(d)) => {
                let posix = format!(
                    "{}{}{}{},{},{}",
                    name(&std),
                    posix_offset(std.offset_to),
                    name(&dst),
                    posix_offset(dst.offset_to),
                    posix_date(d, dst.start),
                    posix_date(s, std.start),
                );
                TimeZone::posix(&posix)
                    .map_err(|e| format!("its rules ({posix}) can't be used: {e}"))
            }
            // Daylight saving that ended for good: the later block is the one in force.
            _ if std.start >= dst.start => fixed(std.offset_to),
            _ => fixed(dst.offset_to),
        },
    }
}

fn fixed(seconds: i32) -> Result<TimeZone, String> {
    Offset::from_seconds(seconds)
        .map(TimeZone::fixed)
        .map_err(|_| format!("offset {seconds}s is out of range"))
}

fn observance(c: &Component) -> Result<Observance, String> {
    let start = match c.property("DTSTART").map(written_one) {
        Some(Ok(Written::Local { at, .. })) => at,
        Some(Ok(Written::Day(d))) => d.to_datetime(jiff::civil::Time::midnight()),
        Some(Ok(Written::Utc(ts))) => ts.to_zoned(TimeZone::UTC).datetime(),
        Some(Err(e)) => return Err(e),
        None => return Err(format!("its {} block has no DTSTART", c.name)),
    };
    let offset_to = c
        .value("TZOFFSETTO")
        .and_then(offset)
        .ok_or_else(|| format!("its {} block has no readable TZOFFSETTO", c.name))?;
    let name = c
        .value("TZNAME")
        .map(str::trim)
        .filter(|n| (3..=6).contains(&n.len()) && n.chars().all(|ch| ch.is_ascii_alphabetic()))
        .map(str::to_owned);
    let yearly = c.value("RRULE").and_then(yearly_rule);
    Ok(Observance {
        start,
        offset_to,
        name,
        yearly,
    })
}

/// `+0100`, `-0800`, `+053000` as seconds east of UTC.
fn offset(v: &str) -> Option<i32> {
    let v = v.trim();
    let (sign, digits) = match v.as_bytes().first()? {
        b'+' => (1, &v[1..]),
        b'-' => (-1, &v[1..]),
        _ => (1, v),
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|s| s.parse::<i32>().ok());
    let seconds = n(0..2)? * 3600 + n(2..4)? * 60 + if digits.len() == 6 { n(4..6)? } else { 0 };
    Some(sign * seconds)
}

/// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` (or `2SU`, or `BYMONTHDAY=8,...,14;BYDAY=SU`) as
/// POSIX's month, week and weekday.
fn yearly_rule(rule: &str) -> Option<(i8, i8, i8)> {
    let mut month = None;
    let mut byday = None;
    let mut monthdays: Option<Vec<i8>> = None;
    let mut yearly = false;
    for part in rule.split(';') {
        let (k, v) = part.split_once('=')?;
        match k.trim().to_ascii_uppercase().as_str() {
            "FREQ" => yearly = v.eq_ignore_ascii_case("YEARLY"),
            "BYMONTH" => month = v.trim().parse::<i8>().ok(),
            "BYDAY" => byday = Some(v.trim().to_ascii_uppercase()),
            "BYMONTHDAY" => monthdays = v.split(',').map(|d| d.trim().parse().ok()).collect(),
            _ => {}
        }
    }
    let month = month.filter(|m| (1..=12).contains(m))?;
    let byday = byday?;
    if !yearly || byday.len() < 2 {
        return None;
    }
    let (nth, day) = byday.split_at(byday.len() - 2);
    let weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
        .iter()
        .position(|d| *d == day)? as i8;
    let week = match (nth, monthdays) {
        ("-1", _) => 5,
        ("", Some(days)) if days.len() == 7 && days.windows(2).all(|w| w[1] == w[0] + 1) => {
            match days[0] {
                1 | 8 | 15 | 22 => (days[0] - 1) / 7 + 1,
                d if d >= 22 => 5,
                _ => return None,
            }
        }
        (n, _) => n
            .trim_start_matches('+')
            .parse::<i8>()
            .ok()
            .filter(|n| (1..=5).contains(n))?,
    };
    Some((month, week, weekday))
}

fn name(o: &Observance) -> String {
    match &o.name {
        Some(n) => n.clone(),
        None => {
            let s = o.offset_to;
            let sign = if s < 0 { '-' } else { '+' };
            let a = s.unsigned_abs();
            format!("<{sign}{:02}{:02}>", a / 3600, a % 3600 / 60)
        }
    }
}

/// POSIX writes offsets west of UTC as positive: UTC+1 is `-1`.
fn posix_offset(east: i32) -> String {
    let west = -east;
    let sign = if west < 0 { "-" } else { "" };
    let a = west.unsigned_abs();
    format!("{sign}{}:{:02}:{:02}", a / 3600, a % 3600 / 60, a % 60)
}

fn posix_date((month, week, weekday): (i8, i8, i8), start: jiff::civil::DateTime) -> String {
    format!(
        "M{month}.{week}.{weekday}/{}:{:02}:{:02}",
        start.hour(),
        start.minute(),
        start.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::component::tree;
    use crate::calendar::content::lines;

    fn vtimezone(text: &str) -> Component {
        let mut warnings = Vec::new();
        let mut roots = tree(lines(text.as_bytes(), &mut warnings), &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        roots.remove(0)
    }

    const CUSTOM_BERLIN: &str = "BEGIN:VTIMEZONE\nTZID:Customized Time Zone\n\
        BEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n\
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\n\
        BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n\
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE\n";

    #[test]
    fn outlook_custom_zone_keeps_the_eu_clock_change() {
        let tz = rules(&vtimezone(CUSTOM_BERLIN)).unwrap();
        let berlin = jiff::tz::db().get("Europe/Berlin").unwrap();
        for at in [
            "2026-03-29T00:59:59Z",
            "2026-03-29T01:00:00Z",
            "2026-10-25T00:59:59Z",
            "2026-10-25T01:00:00Z",
            "2026-07-01T12:00:00Z",
            "2026-12-01T12:00:00Z",
        ] {
            let ts: jiff::Timestamp = at.parse().unwrap();
            assert_eq!(tz.to_offset(ts), berlin.to_offset(ts), "{at}");
        }
    }

    #[test]
    fn lotus_style_month_days_and_us_second_sunday() {
        assert_eq!(
            yearly_rule("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU"),
            Some((3, 2, 0))
        );
        assert_eq!(
            yearly_rule("FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"),
            Some((11, 1, 0))
        );
        assert_eq!(yearly_rule("FREQ=MONTHLY;BYMONTH=11;BYDAY=1SU"), None);
        assert_eq!(yearly_rule("FREQ=YEARLY;BYMONTH=13;BYDAY=1SU"), None);
    }

    #[test]
    fn a_zone_without_daylight_saving_is_its_fixed_offset() {
        let tz = rules(&vtimezone(
            "BEGIN:VTIMEZONE\nTZID:China\nBEGIN:STANDARD\nDTSTART:19700101T000000\n\
             TZOFFSETFROM:+0800\nTZOFFSETTO:+0800\nTZNAME:CST\nEND:STANDARD\nEND:VTIMEZONE\n",
        ))
        .unwrap();
        let ts: jiff::Timestamp = "2026-10-25T01:00:00Z".parse().unwrap();
        assert_eq!(tz.to_offset(ts).seconds(), 8 * 3600);
    }

    #[test]
    fn a_definition_without_offsets_is_an_error() {
        let err = rules(&vtimezone(
            "BEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART:19700101T000000\nEND:STANDARD\nEND:VTIMEZONE\n",
        ))
        .unwrap_err();
        assert!(err.contains("TZOFFSETTO"), "{err}");
        assert!(rules(&vtimezone("BEGIN:VTIMEZONE\nTZID:X\nEND:VTIMEZONE\n")).is_err());
    }
}
