//! The zone names people write instead of IANA names, and the zone townhall reads each as.
//!
//! Registries say "9:00 PT", "CET" or "US Pacific"; an abbreviation names a region's clock,
//! not a fixed offset, so each maps to a zone with that region's daylight-saving rules ("PST"
//! written in July means Pacific time, which is then PDT). This table is the only place the
//! mapping lives: `--tz` accepts every name in it, registry files are told the IANA name to
//! use instead, and the README reproduces it.

/// One row of [`ZONE_ABBREVIATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoneAbbreviation {
    /// As registries write it; matched ignoring case and repeated spaces.
    pub name: &'static str,
    /// The IANA zone it is read as.
    pub zone: &'static str,
    /// What else the name could mean, or why this zone was chosen; empty when it is plain.
    pub note: &'static str,
}

const fn row(name: &'static str, zone: &'static str, note: &'static str) -> ZoneAbbreviation {
    ZoneAbbreviation { name, zone, note }
}

const SUMMER_TOO: &str = "read as the region's clock, summer time included";

/// Every abbreviation townhall understands, grouped by region.
pub const ZONE_ABBREVIATIONS: &[ZoneAbbreviation] = &[
    // North America.
    row("PT", "America/Los_Angeles", "US Pacific time"),
    row("PST", "America/Los_Angeles", SUMMER_TOO),
    row("PDT", "America/Los_Angeles", SUMMER_TOO),
    row("Pacific", "America/Los_Angeles", ""),
    row("Pacific Time", "America/Los_Angeles", ""),
    row(
        "Pacific Standard Time",
        "America/Los_Angeles",
        "Windows' name for it",
    ),
    row("US Pacific", "America/Los_Angeles", ""),
    row("USA Pacific", "America/Los_Angeles", ""),
    row("MT", "America/Denver", "US Mountain time"),
    row(
        "MST",
        "America/Denver",
        "Arizona keeps MST all year: write America/Phoenix there",
    ),
    row("MDT", "America/Denver", SUMMER_TOO),
    row("Mountain", "America/Denver", ""),
    row("Mountain Time", "America/Denver", ""),
    row("CT", "America/Chicago", "US Central time"),
    row(
        "CST",
        "America/Chicago",
        "also China Standard Time (Asia/Shanghai); US usage is far more common",
    ),
    row("CDT", "America/Chicago", SUMMER_TOO),
    row("Central", "America/Chicago", ""),
    row("Central Time", "America/Chicago", ""),
    row("US Central", "America/Chicago", ""),
    row("ET", "America/New_York", "US Eastern time"),
    row(
        "EST",
        "America/New_York",
        "the IANA zone EST is a fixed -05:00, which is not what people mean",
    ),
    row("EDT", "America/New_York", SUMMER_TOO),
    row("Eastern", "America/New_York", ""),
    row("Eastern Time", "America/New_York", ""),
    row("US Eastern", "America/New_York", ""),
    row("AKST", "America/Anchorage", SUMMER_TOO),
    row("AKDT", "America/Anchorage", SUMMER_TOO),
    row("HST", "Pacific/Honolulu", "Hawaii has no summer time"),
    row("BRT", "America/Sao_Paulo", "Brasília time"),
    // Universal time.
    row("UTC", "UTC", ""),
    row(
        "GMT",
        "UTC",
        "the same offset as UTC; London in summer is UK or BST",
    ),
    row("Z", "UTC", "ISO 8601's Zulu"),
    row("Zulu", "UTC", ""),
    // Europe.
    row("UK", "Europe/London", ""),
    row("Britain", "Europe/London", ""),
    row(
        "BST",
        "Europe/London",
        "British Summer Time; also Bangladesh Standard Time (Asia/Dhaka)",
    ),
    row("WET", "Europe/Lisbon", SUMMER_TOO),
    row("WEST", "Europe/Lisbon", SUMMER_TOO),
    row(
        "CET",
        "Europe/Berlin",
        "any Central European zone gives the same times since 1996",
    ),
    row("CEST", "Europe/Berlin", SUMMER_TOO),
    row("MEZ", "Europe/Berlin", "German for CET"),
    row("MESZ", "Europe/Berlin", "German for CEST"),
    row("Central European Time", "Europe/Berlin", ""),
    row(
        "Europe/Central",
        "Europe/Berlin",
        "looks like an IANA name but is not one",
    ),
    row("EET", "Europe/Athens", SUMMER_TOO),
    row("EEST", "Europe/Athens", SUMMER_TOO),
    row("MSK", "Europe/Moscow", "Moscow time, no summer time"),
    // Asia.
    row(
        "IST",
        "Asia/Kolkata",
        "India Standard Time; also Irish Standard Time (Europe/Dublin) and Israel Standard Time (Asia/Jerusalem), which registries rarely mean",
    ),
    row("PKT", "Asia/Karachi", ""),
    row("ICT", "Asia/Bangkok", "Indochina time"),
    row("WIB", "Asia/Jakarta", "Western Indonesia time"),
    row("SGT", "Asia/Singapore", ""),
    row("HKT", "Asia/Hong_Kong", ""),
    row(
        "BJT",
        "Asia/Shanghai",
        "Beijing time; China's CST is read as US Central, see CST",
    ),
    row("China Standard Time", "Asia/Shanghai", ""),
    row("JST", "Asia/Tokyo", ""),
    row("KST", "Asia/Seoul", ""),
    // Oceania.
    row("AWST", "Australia/Perth", ""),
    row("ACST", "Australia/Adelaide", SUMMER_TOO),
    row("ACDT", "Australia/Adelaide", SUMMER_TOO),
    row(
        "AET",
        "Australia/Sydney",
        "Queensland keeps AEST all year: write Australia/Brisbane there",
    ),
    row("AEST", "Australia/Sydney", SUMMER_TOO),
    row("AEDT", "Australia/Sydney", SUMMER_TOO),
    row("NZT", "Pacific/Auckland", ""),
    row("NZST", "Pacific/Auckland", SUMMER_TOO),
    row("NZDT", "Pacific/Auckland", SUMMER_TOO),
];
