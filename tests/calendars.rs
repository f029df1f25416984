//! Community calendars through the command line: the done-when checks, with the
//! Kubernetes fixture, the fixture calendars and `--now` fixed.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

const K8S: &str = "tests/fixtures/upstream/kubernetes-sigs.yaml";
const K8S_CALENDAR: &str = "kubernetes=tests/fixtures/calendars/kubernetes.ics";

fn townhall() -> Command {
    let mut cmd = Command::cargo_bin("townhall").unwrap();
    // An empty config folder: no user registry, no calendar copies.
    let empty = std::env::temp_dir().join("townhall-calendars-test-empty-config");
    cmd.env("TOWNHALL_CONFIG_DIR", &empty);
    // Nor synced copies: every calendar a test reads is one it names.
    cmd.env("TOWNHALL_DATA_DIR", empty.join("data"));
    // Loading snapshots go to a folder of the tests' own, never the user's cache.
    cmd.env(
        "TOWNHALL_CACHE_DIR",
        std::env::temp_dir().join("townhall-tests-cache"),
    );
    cmd.env_remove("TZ");
    cmd
}

fn upcoming_json(args: &[&str]) -> Vec<Value> {
    let out = townhall().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// SIG Architecture's regular meeting in the next `days` from Tuesday 20 October 2026.
fn architecture(calendar: bool, days: &str) -> Vec<Value> {
    let mut args = vec![
        "--no-builtin",
        "--registry",
        K8S,
        "--now",
        "2026-10-20T12:00:00Z",
        "--tz",
        "UTC",
    ];
    if calendar {
        args.extend(["--calendar", K8S_CALENDAR]);
    }
    args.extend(["upcoming", "--json", "--days", days]);
    upcoming_json(&args)
        .into_iter()
        .filter(|r| {
            r["group_id"] == "kubernetes-sig-architecture"
                && r["meeting"] != "AI Conformance Meeting"
        })
        .filter(|r| {
            r["meeting"]
                .as_str()
                .is_some_and(|m| m.starts_with("Regular SIG Meeting") || m.contains("Bi-Weekly"))
        })
        .collect()
}

fn starts(rows: &[Value]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| {
            (
                r["start"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_biweekly_sig_meeting_is_listed_on_the_calendars_weeks_only_and_confirmed() {
    // Without the calendar: every Thursday is a candidate.
    let guessed = architecture(false, "21");
    assert_eq!(
        starts(&guessed),
        [
            ("2026-10-22T18:00:00+00:00".into(), "tentative".into()),
            ("2026-10-29T18:00:00+00:00".into(), "tentative".into()),
            ("2026-11-05T19:00:00+00:00".into(), "tentative".into()),
        ]
    );
    assert!(
        guessed
            .iter()
            .all(|r| r["source"] == "registry" && r["tentative"] == true)
    );
    // With it: its weeks only; the 5 November one moved to the 4th.
    let known = architecture(true, "21");
    assert_eq!(
        starts(&known),
        [
            ("2026-10-22T18:00:00+00:00".into(), "confirmed".into()),
            ("2026-11-04T19:00:00+00:00".into(), "confirmed".into()),
        ]
    );
    assert!(
        known
            .iter()
            .all(|r| r["source"] == "calendar" && r["tentative"] == false)
    );
    assert!(known[0].get("moved_from").is_none());
    assert_eq!(known[1]["moved_from"], "2026-11-05T19:00:00+00:00");
    assert_eq!(known[0]["join"], "https://zoom.us/j/845605479");
}

#[test]
fn a_cancelled_instance_stays_listed_as_cancelled() {
    let rows = architecture(true, "35");
    let cancelled: Vec<&Value> = rows.iter().filter(|r| r["status"] == "cancelled").collect();
    assert_eq!(cancelled.len(), 1, "{rows:?}");
    assert_eq!(cancelled[0]["start"], "2026-11-19T19:00:00+00:00");
    let out = townhall()
        .args([
            "--no-builtin",
            "--registry",
            K8S,
            "--calendar",
            K8S_CALENDAR,
            "--now",
            "2026-11-15T12:00:00Z",
            "--tz",
            "UTC",
            "upcoming",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("Thu 19 Nov 19:00 UTC") && l.contains("SIG Architecture"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("\tcancelled\t"), "{line}");
    assert!(line.contains("(cancelled)"), "{line}");
}

#[test]
fn a_moved_instance_says_so_in_text() {
    let out = townhall()
        .args([
            "--no-builtin",
            "--registry",
            K8S,
            "--calendar",
            K8S_CALENDAR,
            "--now",
            "2026-11-01T12:00:00Z",
            "--tz",
            "America/Los_Angeles",
            "upcoming",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("moved from"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.starts_with("Wed 4 Nov 11:00 PST"), "{line}");
    assert!(line.contains("(moved from Thu 5 Nov 11:00)"), "{line}");
}

/// (occurrences, tentative ones) of the next 7 days for one community.
fn tentative(community: &str, calendars: bool) -> (usize, usize) {
    let mut args = vec![
        "--now",
        "2026-10-26T07:00:00Z",
        "--tz",
        "UTC",
        "--community",
        community,
    ];
    if calendars {
        for file in ["kubernetes", "opentelemetry", "cloudfoundry"] {
            args.push("--calendar");
            args.push(match file {
                "kubernetes" => "tests/fixtures/calendars/kubernetes.ics",
                "opentelemetry" => "tests/fixtures/calendars/opentelemetry.ics",
                _ => "tests/fixtures/calendars/cloudfoundry.ics",
            });
        }
    }
    args.extend(["upcoming", "--json"]);
    let rows = upcoming_json(&args);
    let tentative = rows.iter().filter(|r| r["status"] == "tentative").count();
    (rows.len(), tentative)
}

#[test]
fn with_the_catalogs_calendars_fewer_than_a_tenth_are_tentative() {
    for community in ["kubernetes", "opentelemetry", "cloudfoundry"] {
        let (before_all, before) = tentative(community, false);
        let (after_all, after) = tentative(community, true);
        townhall::errln!(
            "{community}: tentative {before}/{before_all} without calendars, {after}/{after_all} with them"
        );
        assert!(
            after * 10 < after_all,
            "{community}: {after} of {after_all}"
        );
        if community != "cloudfoundry" {
            assert!(
                before * 2 >= before_all,
                "{community} was mostly a guess: {before}/{before_all}"
            );
        }
    }
}

#[test]
fn validate_reports_each_calendars_warnings_and_matches() {
    // The broken event's BEGIN line, as a person would find it in the file.
    let text = std::fs::read_to_string("tests/fixtures/calendars/kubernetes.ics").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let uid = lines
        .iter()
        .position(|l| *l == "UID:broken-start@google.com")
        .unwrap();
    let begin = (0..uid)
        .rev()
        .find(|i| lines[*i] == "BEGIN:VEVENT")
        .unwrap()
        + 1;
    townhall()
        .args(["--now", "2026-10-20T12:00:00Z", "--calendar", K8S_CALENDAR, "validate"])
        .assert()
        .success()
        .stdout(contains(format!(
            "tests/fixtures/calendars/kubernetes.ics:{begin}: warning: event `SIG Release Team Sync (time to be decided)` is not read"
        )))
        .stdout(contains("1 new meeting(s) from the calendar, 2 unmatched"))
        .stdout(contains("unmatched: Contributor Summit planning"));
}

#[test]
fn a_calendar_copy_in_the_config_folder_is_read_and_a_broken_one_is_not_fatal() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir(config.path().join("calendars")).unwrap();
    std::fs::copy(
        "tests/fixtures/calendars/kubernetes.ics",
        config.path().join("calendars/kubernetes.ics"),
    )
    .unwrap();
    std::fs::write(
        config.path().join("calendars/opentelemetry.ics"),
        "<!DOCTYPE html><html>Sign in</html>",
    )
    .unwrap();
    let out = Command::cargo_bin("townhall")
        .unwrap()
        .env("TOWNHALL_CONFIG_DIR", config.path())
        .args([
            "--now",
            "2026-10-20T12:00:00Z",
            "--tz",
            "UTC",
            "upcoming",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("opentelemetry.ics: not an iCalendar file: it is an HTML page; not used"),
        "{stderr}"
    );
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["source"] == "calendar")
    );
}

#[test]
fn show_says_where_a_meetings_times_come_from() {
    let times = |args: &[&str]| -> Vec<String> {
        let out = townhall().args(args).output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("times"))
            .map(|rest| rest.trim().to_owned())
            .collect()
    };
    let architecture = times(&[
        "--no-builtin",
        "--registry",
        K8S,
        "--calendar",
        K8S_CALENDAR,
        "--now",
        "2026-10-20T12:00:00Z",
        "show",
        "kubernetes-sig-architecture",
    ]);
    assert!(!architecture.is_empty());
    assert!(
        architecture
            .iter()
            .all(|t| t == "from the community calendar (Kubernetes Community)"),
        "{architecture:?}"
    );
    townhall()
        .args([
            "--no-builtin",
            "--registry",
            K8S,
            "--calendar",
            K8S_CALENDAR,
            "--now",
            "2026-10-20T12:00:00Z",
            "show",
            "kubernetes-sig-architecture",
        ])
        .assert()
        .stdout(contains("Meeting: SIG Architecture: KEP Reading Club"));
    assert_eq!(
        times(&["show", "cncf-wg-serverless"]),
        ["no longer held (archived)"]
    );
    assert_eq!(
        times(&["show", "cf-paketo"]),
        ["from paketo.md"],
        "without a calendar, the file the time was read from"
    );
}

#[test]
fn ics_exports_the_calendars_dates_for_a_matched_meeting() {
    let out = townhall()
        .args([
            "--no-builtin",
            "--registry",
            K8S,
            "--calendar",
            K8S_CALENDAR,
            "--now",
            "2026-10-20T12:00:00Z",
            "ics",
            "kubernetes-sig-architecture",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains("Regular SIG Meeting: every 2 weeks"),
        "{stderr}"
    );
    assert!(text.contains("DTSTART:20261022T180000Z"), "{text}");
    assert!(
        text.contains("DTSTART:20261104T190000Z"),
        "the moved one: {text}"
    );
    assert!(
        !text.contains("DTSTART:20261029T180000Z"),
        "not a meeting week"
    );
    assert!(text.contains("STATUS:CANCELLED"), "{text}");
}

/// `show` and `show --json` take the calendar's next occurrence that takes place:
/// SIG Architecture's 19 November meeting is cancelled there, and the 5 November one moved
/// to the 4th.
#[test]
fn show_announces_the_calendars_next_meeting_not_the_rules() {
    let at = |now: &str, command: &[&str]| -> String {
        let mut args = vec![
            "--no-builtin",
            "--registry",
            K8S,
            "--calendar",
            K8S_CALENDAR,
            "--tz",
            "UTC",
            "--now",
            now,
        ];
        args.extend_from_slice(command);
        let out = townhall().args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let show = ["show", "kubernetes-sig-architecture", "--json"];
    let json: Value = serde_json::from_str(&at("2026-11-18T12:00:00Z", &show)).unwrap();
    let regular = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| {
            m["title"]
                .as_str()
                .unwrap()
                .starts_with("Regular SIG Meeting")
        })
        .unwrap();
    assert_eq!(
        (&regular["next"], &regular["next_source"]),
        (
            &Value::from("2026-12-03T19:00:00+00:00"),
            &Value::from("calendar")
        ),
        "the cancelled 19 November meeting is skipped"
    );

    let text = at(
        "2026-11-01T12:00:00Z",
        &["show", "kubernetes-sig-architecture"],
    );
    let next = text
        .lines()
        .find(|l| l.trim_start().starts_with("next") && l.contains("moved from"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        next.contains("Wed 4 Nov 19:00 UTC (your time)") && next.contains("moved from Thu 5 Nov"),
        "{next}"
    );
    assert!(
        !next.contains("or "),
        "a confirmed time has no 'or later': {next}"
    );
}
