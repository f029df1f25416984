//! A meeting that sigs.yaml repeats under each subproject that attends it (SIG K8s Infra's
//! "Regular SIG Meeting": Wednesday 17:00 UTC, one Zoom link, six entries) is one meeting
//! everywhere, listing its subprojects.

use assert_cmd::Command;

const GROUP: &str = "kubernetes-sig-k8s-infra";
const NOW: &str = "2026-12-01T12:00:00Z";

fn townhall() -> Command {
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
        .args(["--now", NOW, "--tz", "UTC"]);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn show_lists_the_regular_meeting_once_with_its_subprojects() {
    let out = stdout(townhall().args(["show", GROUP]));
    assert_eq!(
        out.matches("Meeting: Regular SIG Meeting\n").count(),
        1,
        "{out}"
    );
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("subprojects"))
        .unwrap_or_else(|| panic!("{out}"));
    for project in [
        "k8s-infra-dns",
        "k8s-infra-groups",
        "k8s.io",
        "porche",
        "registry.k8s.io",
    ] {
        assert!(line.contains(project), "{line}");
    }
}

#[test]
fn upcoming_has_one_row_per_occurrence() {
    let out = stdout(townhall().args(["upcoming", "--days", "14", "--json", "--group", GROUP]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let starts: Vec<&str> = rows
        .iter()
        .filter(|r| r["meeting"] == "Regular SIG Meeting")
        .map(|r| r["start"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        ["2026-12-02T17:00:00+00:00", "2026-12-09T17:00:00+00:00"],
        "every other week, weeks unknown: each week once, as possible"
    );
}

#[test]
fn the_calendar_export_has_each_occurrence_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("k8s-infra.ics");
    townhall()
        .args([
            "--calendar",
            "kubernetes=tests/fixtures/calendars/kubernetes.ics",
        ])
        .args(["ics", GROUP, "-o"])
        .arg(&file)
        .assert()
        .success();
    let ics = std::fs::read_to_string(&file).unwrap();
    // Each event's own start (a VTIMEZONE has DTSTARTs too).
    let starts: Vec<&str> = ics
        .split("BEGIN:VEVENT")
        .skip(1)
        .filter_map(|event| event.lines().find(|l| l.starts_with("DTSTART")))
        .collect();
    let events = starts.len();
    assert!(events > 0, "{ics}");
    let distinct: std::collections::BTreeSet<&&str> = starts.iter().collect();
    assert_eq!(distinct.len(), events, "one event per occurrence:\n{ics}");
}
