//! When groups meet, from the shell: `show`'s next meeting, `upcoming`'s filters for scripts,
//! and `ics` refusing to write an empty calendar.

use std::path::Path;

use assert_cmd::Command;
use predicates::str::contains;

/// townhall at `now` in Berlin, with its folders in `dir`.
fn townhall_at(dir: &Path, now: &str) -> Command {
    let mut cmd = Command::cargo_bin("townhall").unwrap();
    cmd.env("TOWNHALL_CONFIG_DIR", dir.join("config"))
        .env("TOWNHALL_DATA_DIR", dir.join("data"))
        // Loading snapshots go to a folder of the tests' own, never the user's cache.
        .env(
            "TOWNHALL_CACHE_DIR",
            std::env::temp_dir().join("townhall-tests-cache"),
        )
        .env_remove("COLUMNS")
        .args(["--now", now, "--tz", "Europe/Berlin"]);
    cmd
}

/// At noon UTC on Tuesday 10 March 2026.
fn townhall(dir: &Path) -> Command {
    townhall_at(dir, "2026-03-10T12:00:00Z")
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// The (when, group) columns of `upcoming` in a pipe.
fn when_and_group(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            (cells[0].to_string(), cells[2].to_string())
        })
        .collect()
}

#[test]
fn show_says_when_the_group_next_meets_in_the_viewers_zone() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(townhall(dir.path()).args(["show", "cf-app-runtime-interfaces"]));
    // The 4th Tuesday of March at 09:00 Pacific: the US is on summer time, Berlin not yet.
    assert!(
        out.contains(
            "\n  next       Tue 24 Mar 17:00 CET (your time) · 09:00 PDT there · in 14d 4h\n"
        ),
        "{out}"
    );
    let json = stdout(townhall(dir.path()).args(["show", "cf-app-runtime-interfaces", "--json"]));
    let group: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(group["meetings"][0]["next"], "2026-03-24T17:00:00+01:00");
}

#[test]
fn show_marks_a_next_meeting_whose_weeks_are_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(townhall(dir.path()).args([
        "--no-builtin",
        "--registry",
        "tests/fixtures/biweekly.yaml",
        "show",
        "ex-wg",
    ]));
    let next: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("next "))
        .collect();
    assert_eq!(next.len(), 2, "{out}");
    assert!(
        next.iter().any(|l| l.ends_with(", or a week later")),
        "{next:?}"
    );
}

#[test]
fn days_0_is_the_rest_of_today_on_the_viewers_clock() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(townhall(dir.path()).args(["upcoming", "--days", "0"]));
    let rows = when_and_group(&out);
    assert!(rows.len() > 3, "{out}");
    assert!(
        rows.iter().all(|(when, _)| when.starts_with("Tue 10 Mar ")),
        "{out}"
    );
    // Paketo meets at 19:00 Berlin; TOC at 15:30.
    assert!(rows.iter().any(|(_, g)| g == "Paketo"), "{out}");
    // One minute before midnight in Berlin, today is over.
    townhall_at(dir.path(), "2026-03-10T22:59:00Z")
        .args(["upcoming", "--days", "0"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("no more meetings today"));
}

#[test]
fn group_is_repeatable_and_an_unknown_one_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(townhall(dir.path()).args([
        "upcoming",
        "--days",
        "3",
        "--group",
        "cf-paketo",
        "--group",
        "cf-concourse",
    ]));
    assert_eq!(
        when_and_group(&out),
        [
            ("Tue 10 Mar 19:00 CET".to_string(), "Paketo".to_string()),
            ("Wed 11 Mar 16:00 CET".to_string(), "Concourse".to_string()),
        ]
    );
    townhall(dir.path())
        .args(["upcoming", "--group", "cf-nope"])
        .assert()
        .code(1)
        .stderr(contains("--group: no group with id `cf-nope`"));
}

#[test]
fn favorites_come_from_state_json() {
    let dir = tempfile::tempdir().unwrap();
    townhall(dir.path())
        .args(["upcoming", "--favorites"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("no favorites yet"));
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(
        dir.path().join("data/state.json"),
        r#"{ "favorites": ["cf-paketo", "cf-toc"] }"#,
    )
    .unwrap();
    let out = stdout(townhall(dir.path()).args(["upcoming", "--favorites", "--days", "7"]));
    let groups: std::collections::BTreeSet<String> =
        when_and_group(&out).into_iter().map(|(_, g)| g).collect();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        ["Paketo", "Technical Oversight Committee"],
        "{out}"
    );
}

#[test]
fn within_hours_keeps_meetings_starting_in_the_configs_working_hours() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/config.yaml"),
        "working_hours: { start: \"18:00\", end: \"19:30\" }\n",
    )
    .unwrap();
    let all = stdout(townhall(dir.path()).args(["upcoming", "--days", "2"]));
    let out = stdout(townhall(dir.path()).args(["upcoming", "--days", "2", "--within-hours"]));
    let rows = when_and_group(&out);
    assert!(
        !rows.is_empty() && rows.len() < all.lines().count(),
        "{out}"
    );
    for (when, _) in &rows {
        // "Tue 10 Mar 19:00 CET" (a "?" may follow).
        let time = when.split(' ').nth(3).unwrap();
        assert!(("18:00".."19:30").contains(&time), "{when}");
    }
    assert!(rows.iter().any(|(_, g)| g == "Paketo"), "{out}");
}

#[test]
fn ics_with_nothing_to_export_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.ics");
    // CF on K8s lists a meeting whose weeks nobody published: no event can hold it.
    townhall(dir.path())
        .args(["ics", "cf-on-k8s", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains("left out cf-on-k8s / CF on K8s WG meeting"))
        .stderr(contains("nothing to export: no meeting of cf-on-k8s"));
    assert!(!file.exists());
    let bare = dir.path().join("bare.yaml");
    std::fs::write(
        &bare,
        "community: { id: t, name: T }\ngroups:\n  - { id: t-bare, name: Bare }\n",
    )
    .unwrap();
    townhall(dir.path())
        .arg("--registry")
        .arg(&bare)
        .args(["ics", "t-bare"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("nothing to export: t-bare list(s) no meetings"));
}
