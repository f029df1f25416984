use super::*;

const LA: &str = "America/Los_Angeles";

fn name_of(tz: &TimeZone) -> &str {
    tz.iana_name().unwrap_or("(no name)")
}

#[test]
fn every_row_names_a_zone_in_the_bundled_database() {
    for row in ZONE_ABBREVIATIONS {
        let tz = find_zone(row.zone).unwrap_or_else(|| panic!("{} -> {}", row.name, row.zone));
        assert_eq!(name_of(&tz), row.zone, "{} is not canonical", row.zone);
    }
}

#[test]
fn every_abbreviation_appears_once() {
    for (i, row) in ZONE_ABBREVIATIONS.iter().enumerate() {
        let later = &ZONE_ABBREVIATIONS[i + 1..];
        let twin = later.iter().find(|r| r.name.eq_ignore_ascii_case(row.name));
        assert!(twin.is_none(), "{} is listed twice", row.name);
    }
}

#[test]
fn abbreviations() {
    for (written, want) in [
        ("PT", Some(LA)),
        ("pt", Some(LA)),
        ("PST", Some(LA)),
        ("  US   Pacific ", Some(LA)),
        ("Pacific Time", Some(LA)),
        ("PT (Pacific Time)", Some(LA)),
        ("PDT/PST", Some(LA)),
        ("Eastern Time (ET)", Some("America/New_York")),
        ("EST (Eastern Time)", Some("America/New_York")),
        ("CT", Some("America/Chicago")),
        ("MST", Some("America/Denver")),
        ("CET (Central European Time)", Some("Europe/Berlin")),
        ("CEST", Some("Europe/Berlin")),
        ("Europe/Central", Some("Europe/Berlin")),
        ("UTC", Some("UTC")),
        ("GMT", Some("UTC")),
        ("z", Some("UTC")),
        ("UK", Some("Europe/London")),
        ("BST", Some("Europe/London")),
        ("IST", Some("Asia/Kolkata")),
        ("JST", Some("Asia/Tokyo")),
        ("KST", Some("Asia/Seoul")),
        ("AEST", Some("Australia/Sydney")),
        ("AEDT", Some("Australia/Sydney")),
        // Parts that disagree name no single zone.
        ("UK / CET", None),
        // IANA names are not abbreviations, even when a part of them is one.
        ("Pacific/Auckland", None),
        ("America/Los_Angeles", None),
        ("Etc/UTC", None),
        ("nonsense", None),
        ("", None),
    ] {
        assert_eq!(zone_for_abbreviation(written), want, "{written:?}");
    }
}

#[test]
fn suggestions() {
    for (written, want) in [
        ("PT", Some(LA)),
        ("America/Los_Angles", Some(LA)),
        ("america/los_angeles ", Some(LA)),
        ("Los Angeles", Some(LA)),
        ("tokyo", Some("Asia/Tokyo")),
        ("Europe/Berln", Some("Europe/Berlin")),
        ("Pacfic", Some(LA)),
        ("Mars/Olympus_Mons", None),
    ] {
        assert_eq!(suggest_zone(written), want, "{written:?}");
    }
}

#[test]
fn registry_zones_must_be_iana_names() {
    for (written, want) in [
        ("America/Los_Angeles", Ok(LA)),
        ("america/los_angeles", Ok(LA)),
        ("UTC", Ok("UTC")),
        ("Etc/UTC", Ok("Etc/UTC")),
        ("Asia/Kolkata", Ok("Asia/Kolkata")),
        (
            "PT",
            Err("unknown time zone \"PT\" (did you mean America/Los_Angeles?)"),
        ),
        (
            "EST",
            Err(
                "time zone \"EST\" is an abbreviation; write the IANA name (did you mean America/New_York?)",
            ),
        ),
        (
            "CET",
            Err(
                "time zone \"CET\" is an abbreviation; write the IANA name (did you mean Europe/Berlin?)",
            ),
        ),
        (
            "Mars/Olympus_Mons",
            Err("unknown time zone \"Mars/Olympus_Mons\""),
        ),
    ] {
        let got = registry_zone(written).map(|tz| name_of(&tz).to_string());
        let got = got.as_deref().map_err(|e| e.to_string());
        assert_eq!(got, want.map_err(str::to_string), "{written:?}");
    }
}

#[test]
fn viewer_zone_prefers_override_then_system_then_utc() {
    let tokyo = || find_zone("Asia/Tokyo");
    for (tz_override, system, want) in [
        (None, tokyo(), Ok("Asia/Tokyo")),
        (None, None, Ok("UTC")),
        (None, Some(TimeZone::unknown()), Ok("UTC")),
        (Some("EST"), tokyo(), Ok("America/New_York")),
        (Some("cet"), tokyo(), Ok("Europe/Berlin")),
        (Some("PT (Pacific Time)"), tokyo(), Ok(LA)),
        (Some("Asia/Kolkata"), tokyo(), Ok("Asia/Kolkata")),
        (Some(" Europe/Berlin "), None, Ok("Europe/Berlin")),
        (Some("Pacific/Auckland"), None, Ok("Pacific/Auckland")),
        (
            Some("Los Angeles"),
            tokyo(),
            Err("unknown time zone \"Los Angeles\" (did you mean America/Los_Angeles?)"),
        ),
    ] {
        let got = viewer_zone_with(tz_override, || system);
        let got = got
            .map(|tz| name_of(&tz).to_string())
            .map_err(|e| e.to_string());
        let want = want.map(str::to_string).map_err(str::to_string);
        assert_eq!(got, want, "{tz_override:?}");
    }
}
