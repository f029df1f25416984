//! `TZID`s to time zones, always through jiff's bundled IANA database where a name can be
//! found, in this order:
//!
//! 1. the name itself (`America/Los_Angeles`, `Etc/UTC`, old links like `Asia/Calcutta`);
//! 2. the IANA name at its end (`/mozilla.org/20050126_1/America/New_York`, as Thunderbird
//!    and old Evolution write it);
//! 3. a Windows zone (`W. Europe Standard Time`, or its display name), as Outlook writes it,
//!    through CLDR's table in [`super::windows_zones`];
//! 4. the calendar's own VTIMEZONE with that TZID: its `X-LIC-LOCATION` (an IANA name), or
//!    else its STANDARD/DAYLIGHT rules turned into a POSIX TZ rule that jiff evaluates
//!    ("Customized Time Zone" from Outlook).
//!
//! A TZID none of these explain is an error for the one event using it, never a guess.

use std::collections::HashMap;

use jiff::tz::TimeZone;

use super::component::Component;
use super::vtimezone;
use super::windows_zones::WINDOWS_ZONES;

/// The zones a calendar's events may name.
#[derive(Debug, Default)]
pub struct Zones {
    /// VTIMEZONE components by TZID.
    defined: HashMap<String, Component>,
    found: HashMap<String, Result<TimeZone, String>>,
}

impl Zones {
    pub fn new(vtimezones: impl IntoIterator<Item = Component>) -> Zones {
        let defined = vtimezones
            .into_iter()
            .filter_map(|c| Some((c.value("TZID")?.trim().to_owned(), c)))
            .collect();
        Zones {
            defined,
            found: HashMap::new(),
        }
    }

    pub fn get(&mut self, tzid: &str) -> Result<TimeZone, String> {
        let tzid = tzid.trim().trim_matches('"');
        if let Some(found) = self.found.get(tzid) {
            return found.clone();
        }
        let found = self.resolve(tzid);
        self.found.insert(tzid.to_owned(), found.clone());
        found
    }

    fn resolve(&self, tzid: &str) -> Result<TimeZone, String> {
        if let Some(tz) = named(tzid) {
            return Ok(tz);
        }
        if let Some(defined) = self.defined.get(tzid) {
            if let Some(tz) = defined.value("X-LIC-LOCATION").and_then(named) {
                return Ok(tz);
            }
            return vtimezone::rules(defined)
                .map_err(|why| format!("time zone `{tzid}` can't be used: {why}"));
        }
        Err(format!(
            "time zone `{tzid}` is neither an IANA nor a Windows zone, and the calendar doesn't define it"
        ))
    }
}

/// A zone by an IANA name, a path ending in one, or a Windows name.
pub fn named(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.is_empty() || name.len() > 200 {
        return None;
    }
    if let Ok(tz) = jiff::tz::db().get(name) {
        return Some(tz);
    }
    // `/mozilla.org/20050126_1/America/New_York`: try each tail after a slash.
    let mut rest = name;
    while let Some((_, tail)) = rest.split_once('/') {
        if !tail.is_empty()
            && let Ok(tz) = jiff::tz::db().get(tail)
        {
            return Some(tz);
        }
        rest = tail;
    }
    windows(name).and_then(|iana| jiff::tz::db().get(iana).ok())
}

/// The IANA zone CLDR gives for a Windows zone id or display name.
pub fn windows(name: &str) -> Option<&'static str> {
    WINDOWS_ZONES
        .iter()
        .find(|(display, id, _)| {
            id.eq_ignore_ascii_case(name) || display.eq_ignore_ascii_case(name)
        })
        .map(|(_, _, iana)| *iana)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_windows_zone_maps_to_a_zone_in_the_bundled_database() {
        assert!(WINDOWS_ZONES.len() >= 139, "CLDR's table is complete");
        for (display, id, iana) in WINDOWS_ZONES {
            assert!(jiff::tz::db().get(iana).is_ok(), "{id} → {iana}");
            assert!(display.starts_with("(UTC"), "{display}");
        }
        let mut ids: Vec<_> = WINDOWS_ZONES.iter().map(|(_, id, _)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), WINDOWS_ZONES.len(), "no Windows id twice");
    }

    #[test]
    fn names_as_calendars_write_them() {
        let iana = |n: &str| named(n).and_then(|tz| tz.iana_name().map(str::to_owned));
        assert_eq!(
            iana("America/Los_Angeles").as_deref(),
            Some("America/Los_Angeles")
        );
        assert_eq!(
            iana("/mozilla.org/20050126_1/America/New_York").as_deref(),
            Some("America/New_York")
        );
        assert_eq!(
            iana("W. Europe Standard Time").as_deref(),
            Some("Europe/Berlin")
        );
        assert_eq!(
            iana("china standard time").as_deref(),
            Some("Asia/Shanghai")
        );
        assert_eq!(
            iana("(UTC-08:00) Pacific Time (US & Canada)").as_deref(),
            Some("America/Los_Angeles")
        );
        assert_eq!(
            iana("India Standard Time").as_deref(),
            Some("Asia/Calcutta")
        );
        assert!(named("Mars/Olympus_Mons").is_none());
        assert!(named("").is_none());
    }

    #[test]
    fn an_unknown_tzid_without_a_definition_is_an_error_naming_it() {
        let mut zones = Zones::new([]);
        let err = zones.get("Customized Time Zone").unwrap_err();
        assert!(err.contains("`Customized Time Zone`"), "{err}");
    }
}
