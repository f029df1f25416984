//! Turning zone names into jiff time zones: IANA names for registry files, IANA names or
//! abbreviations for the viewer, and suggestions when a name isn't known.

use std::sync::LazyLock;

use jiff::tz::{TimeZone, TimeZoneDatabase};

use super::ScheduleError;
pub use super::abbreviations::{ZONE_ABBREVIATIONS, ZoneAbbreviation};
use super::spelling;

/// jiff's bundled copy of the IANA database, not the system's `/usr/share/zoneinfo`, so a
/// meeting time is the same on every machine and in every test run.
static BUNDLED: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

/// The zone with this IANA name (any case), from the bundled database.
pub fn find_zone(name: &str) -> Option<TimeZone> {
    BUNDLED.get(name).ok()
}

/// The IANA zone an abbreviation such as `PT`, `cet` or `US Pacific` stands for.
///
/// Also reads the combined forms registries use, like `PT (Pacific Time)`,
/// `Eastern Time (ET)` or `PDT/PST`, as long as every recognised part agrees. IANA names are
/// not taken apart: `Pacific/Auckland` is not Pacific time.
pub fn zone_for_abbreviation(name: &str) -> Option<&'static str> {
    if let Some(zone) = lookup(name) {
        return Some(zone);
    }
    if find_zone(name.trim()).is_some() {
        return None;
    }
    let mut found = name
        .split(['(', ')', '/'])
        .filter(|part| !part.trim().is_empty())
        .filter_map(lookup);
    let first = found.next()?;
    found.all(|zone| zone == first).then_some(first)
}

fn lookup(name: &str) -> Option<&'static str> {
    let wanted = squeeze(name);
    ZONE_ABBREVIATIONS
        .iter()
        .find(|row| row.name.eq_ignore_ascii_case(&wanted))
        .map(|row| row.zone)
}

/// Trims and collapses runs of whitespace; case is left to the comparison.
fn squeeze(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The IANA name someone who wrote `name` most likely meant: the zone of an abbreviation,
/// or a zone from the table that is a typo or two away ("America/Los_Angles"), or whose city
/// was written alone ("Los Angeles", "tokyo").
pub fn suggest_zone(name: &str) -> Option<&'static str> {
    if let Some(zone) = zone_for_abbreviation(name) {
        return Some(zone);
    }
    let zones = || ZONE_ABBREVIATIONS.iter().map(|row| row.zone);
    let city = squeeze(name).replace(' ', "_");
    if let Some(zone) = zones().find(|zone| city_of(zone).eq_ignore_ascii_case(&city)) {
        return Some(zone);
    }
    spelling::nearest(name, zones()).or_else(|| {
        let names = ZONE_ABBREVIATIONS.iter().map(|row| row.name);
        spelling::nearest(name, names).and_then(lookup)
    })
}

fn city_of(zone: &str) -> &str {
    zone.rsplit('/').next().unwrap_or(zone)
}

/// The zone a registry file names, which must be an IANA name.
///
/// Abbreviations are refused even when the database happens to know them, because there they
/// mean something else: `EST` is a fixed -05:00 with no summer time and `MST` is Arizona's
/// clock, while registries that write them mean New York's and Denver's clocks.
pub(super) fn registry_zone(name: &str) -> Result<TimeZone, ScheduleError> {
    let Some(tz) = find_zone(name) else {
        return Err(ScheduleError::UnknownZone {
            name: name.to_string(),
            suggestion: suggest_zone(name),
        });
    };
    match lookup(name) {
        Some(zone) if !tz.iana_name().is_some_and(|n| n.eq_ignore_ascii_case(zone)) => {
            Err(ScheduleError::AbbreviatedZone {
                name: name.to_string(),
                zone,
            })
        }
        _ => Ok(tz),
    }
}

/// The zone to show times in: `--tz` (an IANA name or an abbreviation from the table), else
/// the system's zone, else UTC when the system's can't be determined.
pub fn viewer_zone(tz_override: Option<&str>) -> Result<TimeZone, ScheduleError> {
    // The system names its zone; the rules come from the bundled database like every
    // other zone's, so the viewer's times follow the same tzdata as the meetings'.
    let system = || {
        TimeZone::try_system()
            .ok()
            .map(|tz| tz.iana_name().and_then(find_zone).unwrap_or(tz))
    };
    viewer_zone_with(tz_override, system)
}

/// [`viewer_zone`] with the system lookup passed in, so the UTC fallback can be tested.
fn viewer_zone_with(
    tz_override: Option<&str>,
    system: impl FnOnce() -> Option<TimeZone>,
) -> Result<TimeZone, ScheduleError> {
    let Some(name) = tz_override else {
        let tz = system().filter(|tz| !tz.is_unknown());
        return Ok(tz.unwrap_or(TimeZone::UTC));
    };
    // The table comes first: someone typing `--tz EST` wants New York's clock, not the
    // database's fixed-offset `EST`.
    let zone = zone_for_abbreviation(name).unwrap_or(name.trim());
    find_zone(zone).ok_or_else(|| ScheduleError::UnknownZone {
        name: name.to_string(),
        suggestion: suggest_zone(name),
    })
}

#[cfg(test)]
mod tests;
