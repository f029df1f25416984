//! Zones as published ("PT (Pacific Time)", "CET", "Poland", "UTC+8") to the IANA names a
//! schedule is written with.

use crate::schedule::{find_zone, zone_for_abbreviation};

/// The IANA name for a published zone, or `None` when townhall doesn't know it.
///
/// Abbreviations come first, from the one table townhall keeps (`EST` there is New York's
/// clock, not the database's fixed-offset `EST`); then offsets from UTC; then IANA names,
/// including old link names such as `Poland`, in the database's spelling.
pub(super) fn iana_zone(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(zone) = zone_for_abbreviation(text) {
        return Some(zone.to_string());
    }
    if let Some(zone) = utc_offset(text) {
        return Some(zone);
    }
    let tz = find_zone(text)?;
    tz.iana_name().map(str::to_string)
}

/// "UTC+8" is `Etc/GMT-8` and "UTC-3" is `Etc/GMT+3`: the tz database's `Etc` zones count
/// the other way round (POSIX style), and using them keeps every schedule a named zone rather
/// than an offset written by hand. Only whole hours: the database has no `Etc` zone for
/// "UTC+5:30", and townhall won't guess which region's clock was meant.
fn utc_offset(text: &str) -> Option<String> {
    let upper = text.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))?;
    let (east, hours) = match rest.as_bytes().first()? {
        b'+' => (true, &rest[1..]),
        b'-' => (false, &rest[1..]),
        _ => return None,
    };
    let hours = hours.strip_suffix(":00").unwrap_or(hours);
    let valid = (1..=2).contains(&hours.len()) && hours.bytes().all(|b| b.is_ascii_digit());
    let hours: u8 = valid.then(|| hours.parse().ok()).flatten()?;
    if hours == 0 {
        return Some("UTC".to_string());
    }
    let name = format!("Etc/GMT{}{hours}", if east { '-' } else { '+' });
    find_zone(&name).and_then(|tz| tz.iana_name().map(str::to_string))
}
