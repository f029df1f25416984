//! A group's page names what its community shares: the calendar, its iCal export, the list.

use assert_cmd::Command;

#[test]
fn show_prints_the_community_calendar_its_ical_export_and_list() {
    let mut cmd = Command::cargo_bin("townhall").unwrap();
    let empty = std::env::temp_dir().join("townhall-tests-empty-config");
    cmd.env("TOWNHALL_CONFIG_DIR", &empty)
        .env("TOWNHALL_DATA_DIR", &empty)
        // Loading snapshots go to a folder of the tests' own, never the user's cache.
        .env(
            "TOWNHALL_CACHE_DIR",
            std::env::temp_dir().join("townhall-tests-cache"),
        )
        .env_remove("COLUMNS")
        .args([
            "--now",
            "2026-03-10T12:00:00Z",
            "show",
            "cf-app-runtime-deployments",
        ]);
    let out = String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap();
    let section = out
        .split("\nCommunity: Cloud Foundry Foundation")
        .nth(1)
        .unwrap_or_else(|| panic!("no community section:\n{out}"));
    for (label, text) in [
        (
            "calendar",
            "https://calendar.google.com/calendar/u/0/embed?src=cloudfoundry.org_oedb0ilotg5udspdlv32a5vc78@group.calendar.google.com",
        ),
        (
            "iCal export",
            "https://calendar.google.com/calendar/ical/cloudfoundry.org_oedb0ilotg5udspdlv32a5vc78@group.calendar.google.com/public/basic.ics",
        ),
        (
            "mailing list",
            "cf-dev  mailto:cf-dev@lists.cloudfoundry.org",
        ),
    ] {
        assert!(
            section
                .lines()
                .any(|l| l.trim_start().starts_with(label) && l.contains(text)),
            "{label}: {text}\n{section}"
        );
    }
}
