//! The command line as a user meets it: exit codes, messages and output shapes.

use assert_cmd::Command;
use predicates::str::contains;

/// townhall with an empty config folder, so the tester's own files never leak in.
fn townhall() -> Command {
    let mut cmd = Command::cargo_bin("townhall").unwrap();
    let empty = std::env::temp_dir().join("townhall-tests-empty-config");
    cmd.env("TOWNHALL_CONFIG_DIR", &empty)
        .env("TOWNHALL_DATA_DIR", &empty)
        .env("TOWNHALL_CACHE_DIR", empty.join("cache"))
        .env_remove("COLUMNS");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn list_prints_every_group_with_its_community() {
    let out = stdout(townhall().arg("list"));
    assert!(out.lines().count() >= 20, "{out}");
    assert!(out.contains("cncf-wg-serverless\tcncf\t"), "{out}");
    assert!(
        out.contains("cf-app-runtime-interfaces\tcloudfoundry\t"),
        "{out}"
    );
    assert!(out.contains(
        "cf-service-management\tcloudfoundry\tWG\tdissolved → cf-foundational-infrastructure\t"
    ));
}

#[test]
fn list_filters_by_community_and_refuses_unknown_ones() {
    let out = stdout(townhall().args(["list", "--community", "cncf"]));
    assert!(
        out.lines().all(|l| l.split('\t').nth(1) == Some("cncf")),
        "{out}"
    );
    townhall()
        .args(["list", "--community", "nope"])
        .assert()
        .code(2)
        .stderr(contains(
            "--community: no community `nope` (known: cncf, cloudfoundry",
        ));
    // A global flag: it narrows search and upcoming too.
    let found = stdout(townhall().args(["--community", "cloudfoundry", "search", "serverless"]));
    assert!(!found.contains("cncf-wg-serverless"), "{found}");
}

#[test]
fn list_json_has_the_documented_fields() {
    let out = stdout(townhall().args(["list", "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sm = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "cf-service-management")
        .unwrap();
    assert_eq!(sm["status"], "dissolved");
    assert_eq!(sm["successor"], "cf-foundational-infrastructure");
    assert_eq!(sm["community"], "cloudfoundry");
    assert_eq!(sm["kind"], "working-group");
}

#[test]
fn show_serverless_has_zoom_meeting_id_and_dial_ins() {
    let out = stdout(townhall().args(["show", "cncf-wg-serverless"]));
    for fact in [
        "336 102 9682",
        "+1 646 558 8656",
        "+1 877 369 0926",
        "(toll-free)",
        "https://zoom.us/my/cncfserverlesswg",
    ] {
        assert!(out.contains(fact), "missing {fact}:\n{out}");
    }
}

#[test]
fn show_json_includes_the_community() {
    let out = stdout(townhall().args(["show", "cncf-wg-serverless", "--json"]));
    let g: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(g["community"]["id"], "cncf");
    assert!(
        g["community"]["links"]
            .as_array()
            .is_some_and(|l| !l.is_empty())
    );
    assert_eq!(g["meetings"][0]["meeting_id"], "336 102 9682");
    assert_eq!(g["meetings"][0]["schedule"]["zone"], "America/Los_Angeles");
}

#[test]
fn show_unknown_id_suggests_a_group() {
    townhall()
        .args(["show", "serverless"])
        .assert()
        .code(1)
        .stderr(contains(
            "no group with id `serverless` (did you mean `cncf-wg-serverless`?)",
        ));
}

fn first_hit(query: &str) -> String {
    let out = stdout(townhall().args(["search", query]));
    out.lines().next().unwrap_or_default().to_string()
}

#[test]
fn search_ranks_the_owning_group_first() {
    assert!(
        first_hit("cloudevents").starts_with("cncf-wg-serverless\t"),
        "{}",
        first_hit("cloudevents")
    );
    let sm = first_hit("service fabrik");
    assert!(
        sm.starts_with("cf-service-management\tdissolved → cf-foundational-infrastructure\t"),
        "{sm}"
    );
    assert!(
        first_hit("uaa").starts_with("cf-foundational-infrastructure\t"),
        "{}",
        first_hit("uaa")
    );
}

#[test]
fn search_by_status_leaves_out_archived_groups_and_finds_dissolved_ones() {
    let ids = |out: String| -> Vec<String> {
        out.lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect()
    };
    let live = ids(stdout(townhall().args([
        "search",
        "!archived serverless",
        "--limit",
        "200",
    ])));
    assert!(
        !live.contains(&"cncf-wg-serverless".to_string()),
        "{live:?}"
    );
    let all = ids(stdout(townhall().args([
        "search",
        "serverless",
        "--limit",
        "200",
    ])));
    assert_eq!(all.first().map(String::as_str), Some("cncf-wg-serverless"));
    let out = stdout(townhall().args(["search", "dissolved", "--limit", "1", "--json"]));
    let hits: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(hits[0]["status"], "dissolved");
    assert_eq!(
        (&hits[0]["field"], &hits[0]["text"]),
        (&"status".into(), &"dissolved".into())
    );
    // A misspelling still finds its group; the scattered tail of a real word does not show.
    assert!(first_hit("kubeclt").starts_with("kubernetes-sig-cli\t"));
    assert!(ids(stdout(townhall().args(["search", "uaa", "--limit", "200"]))).len() <= 10);
}

#[test]
fn search_json_reports_field_and_char_positions() {
    let out = stdout(townhall().args(["search", "cloudevents", "--limit", "1", "--json"]));
    let hits: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["id"], "cncf-wg-serverless");
    assert_eq!(hits[0]["rank"], 1);
    assert_eq!(hits[0]["field"], "project");
    assert_eq!(hits[0]["text"], "CloudEvents");
    assert_eq!(
        hits[0]["positions"],
        serde_json::json!([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    );
}

#[test]
fn search_without_hits_says_so_and_exits_1() {
    townhall()
        .args(["search", "zzqqxxj"])
        .assert()
        .code(1)
        .stderr(contains("no group matches"));
}

#[test]
fn validate_reports_a_misspelled_key_with_position_and_exits_1() {
    townhall()
        .args(["validate", "tests/invalid/misspelled-key.yaml"])
        .assert()
        .code(1)
        .stdout(contains(
            "\ntests/invalid/misspelled-key.yaml:8:5: unknown key `misson` (did you mean `mission`?)\n",
        ));
}

#[test]
fn validate_checks_the_built_in_data_when_given_no_path() {
    let assert = townhall()
        .arg("validate")
        .assert()
        .success()
        .stderr(contains(" 0 error(s)"));
    // Only warnings: meetings whose time can't be read, and link health the upstream
    // registries would have to fix.
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let expected = [
        ": warning: meeting has no `schedule`",
        " lists no meeting",
        " lists no chat channel",
        " opens a document on ",
        "townhall can't tell which weeks this meeting is on",
    ];
    let odd: Vec<&str> = out
        .lines()
        .filter(|l| !expected.iter().any(|e| l.contains(e)))
        .collect();
    assert!(odd.is_empty(), "{odd:#?}");
}

#[test]
fn other_commands_refuse_a_broken_registry_with_exit_2() {
    townhall()
        .args(["--registry", "tests/invalid/misspelled-key.yaml", "list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "tests/invalid/misspelled-key.yaml:8:5: unknown key `misson`",
        ));
}

#[test]
fn global_options_work_after_the_subcommand_and_later_files_win() {
    let dir = tempfile::tempdir().unwrap();
    let fix = dir.path().join("fix.yaml");
    std::fs::write(
        &fix,
        "community: { id: cncf, name: CNCF }\ngroups:\n  - id: cncf-wg-serverless\n    name: Serverless WG (local)\n",
    )
    .unwrap();
    let out = stdout(townhall().args(["list", "--registry"]).arg(&fix));
    assert!(
        // A patch: the name changes, the status it leaves out stays.
        out.contains("cncf-wg-serverless\tcncf\tWG\tarchived\tServerless WG (local)"),
        "{out}"
    );
    assert_eq!(out.matches("cncf-wg-serverless").count(), 1);
}

#[test]
fn user_registry_folder_loads_after_builtin_and_no_builtin_drops_it() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir(config.path().join("registry")).unwrap();
    std::fs::copy(
        "tests/valid/fix-a-link.yaml",
        config.path().join("registry/mine.yaml"),
    )
    .unwrap();
    let mut cmd = townhall();
    cmd.env("TOWNHALL_CONFIG_DIR", config.path())
        .args(["list", "--no-builtin"]);
    let out = stdout(&mut cmd);
    assert_eq!(
        out.lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect::<Vec<_>>(),
        ["ex-wg", "ex-old"]
    );
}

#[test]
fn a_missing_registry_path_is_an_error_not_silence() {
    townhall()
        .args(["--registry", "no/such/file.yaml", "list"])
        .assert()
        .code(2)
        .stderr(contains("no/such/file.yaml: no such file or folder"));
}

#[test]
fn paths_names_config_registry_and_state() {
    let out = stdout(townhall().args(["paths", "--json"]));
    let p: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(p["registry"].as_str().unwrap().ends_with("registry"));
    for key in ["config", "data"] {
        assert!(p[key].is_string(), "{key}");
    }
}

#[test]
fn upcoming_shows_sig_autoscaling_at_17_berlin_while_us_is_on_summer_time() {
    let out = stdout(townhall().args([
        "--now",
        "2026-03-10T12:00:00Z",
        "--tz",
        "Europe/Berlin",
        "upcoming",
        "--days",
        "3",
    ]));
    let line = out
        .lines()
        .find(|l| l.contains("SIG Autoscaling"))
        .expect("listed");
    assert!(
        line.starts_with("Thu 12 Mar 17:00 CET\tin 2d 4h\t"),
        "{line}"
    );
    assert!(line.ends_with("https://zoom.us/j/96548204174"), "{line}");
}

#[test]
fn the_archived_serverless_wg_is_not_upcoming() {
    let out = stdout(townhall().args([
        "--now",
        "2026-03-10T12:00:00Z",
        "--tz",
        "Europe/Berlin",
        "upcoming",
        "--days",
        "14",
    ]));
    assert!(out.contains("SIG Autoscaling"), "{out}");
    assert!(!out.contains("Serverless"), "{out}");
    assert!(!out.contains("cncfserverlesswg"), "{out}");
}

#[test]
fn upcoming_json_has_rfc3339_times_and_the_group() {
    let out = stdout(townhall().args([
        "upcoming",
        "--json",
        "--now",
        "2026-11-21T00:00:00Z",
        "--tz",
        "UTC",
    ]));
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = |id: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["group_id"] == id)
            .cloned()
            .unwrap()
    };
    let ari = first("cf-app-runtime-interfaces");
    assert_eq!(ari["start"], "2026-11-24T17:00:00+00:00");
    assert_eq!(ari["end"], "2026-11-24T18:00:00+00:00");
    assert_eq!(ari["group_name"], "App Runtime Interfaces");
    assert_eq!(
        first("cf-app-runtime-deployments")["start"],
        "2026-11-26T16:30:00+00:00"
    );
}

#[test]
fn a_bad_tz_is_refused_with_a_suggestion() {
    townhall()
        .args(["--tz", "Europe/Berln", "upcoming"])
        .assert()
        .code(2)
        .stderr(contains("--tz"));
}

#[test]
fn ics_writes_a_weekly_monday_pacific_event_with_the_zoom_link() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("node-lifecycle.ics");
    townhall()
        .args(["ics", "kubernetes-wg-node-lifecycle", "-o"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO"), "{text}");
    assert!(text.contains("DTSTART;TZID=America/Los_Angeles:"), "{text}");
    assert!(text.contains("URL:https://zoom.us/j/97533929033"), "{text}");
    // A group that no longer meets has nothing to export: no open-ended series, no empty
    // calendar that imports as nothing, and the reason on stderr.
    let serverless = dir.path().join("serverless.ics");
    townhall()
        .args(["ics", "cncf-wg-serverless", "-o"])
        .arg(&serverless)
        .assert()
        .code(1)
        .stderr(contains(
            "left out cncf-wg-serverless / Weekly Serverless WG call: no longer held (archived)",
        ))
        .stderr(contains("nothing to export"));
    assert!(!serverless.exists(), "no calendar written");
    townhall()
        .args(["ics", "no-such-group"])
        .assert()
        .code(1)
        .stderr(contains("no group with id `no-such-group`"));
}

#[test]
fn a_meeting_whose_weeks_are_unknown_is_marked_in_upcoming_and_left_out_of_ics() {
    let registry = "tests/fixtures/biweekly.yaml";
    let run = |args: &[&str]| {
        let mut cmd = townhall();
        cmd.args([
            "--no-builtin",
            "--now",
            "2026-03-02T12:00:00Z",
            "--tz",
            "Europe/Berlin",
        ]);
        cmd.arg("--registry")
            .arg(registry)
            .args(args)
            .assert()
            .success()
    };
    let out = run(&["upcoming", "--days", "14"]).stderr(contains("? marks a possible meeting"));
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let when: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    let want = [
        "Wed 4 Mar 18:00 CET ?",
        "Thu 5 Mar 18:00 CET",
        "Wed 11 Mar 17:00 CET ?",
        "Thu 12 Mar 17:00 CET",
    ];
    assert_eq!(when, want);

    let out = run(&["upcoming", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let flags: Vec<(&str, bool)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["meeting"].as_str().unwrap(),
                r["tentative"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(flags, [("Biweekly call", true), ("Weekly call", false)]);

    let out = run(&["ics", "ex-wg"]).stderr(contains(
        "left out ex-wg / Biweekly call: every 2 weeks, but the source doesn't say which weeks",
    ));
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "{text}");
    assert!(text.contains("SUMMARY:Example WG: Weekly call"), "{text}");
}

#[test]
fn owner_names_the_group_that_charters_a_repository() {
    let out = stdout(townhall().args(["owner", "https://github.com/cloudfoundry/uaa"]));
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("cf-foundational-infrastructure\tFoundational Infrastructure\tactive\tIdentity and Auth (UAA)\tlists the repository"),
        "{out}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(townhall().args([
        "owner",
        "cloudfoundry/uaa",
        "--json",
    ])))
    .unwrap();
    assert_eq!(json[0]["group"], "cf-foundational-infrastructure");
    assert_eq!(json[0]["claim"], "repository");
    townhall()
        .args(["owner", "cloudfoundry/no-such-repo"])
        .assert()
        .code(1)
        .stderr(contains("no loaded group claims cloudfoundry/no-such-repo"));
    townhall()
        .args(["owner", "uaa"])
        .assert()
        .code(2)
        .stderr(contains("\"uaa\" is not OWNER/REPO"));
}

#[test]
fn list_includes_kubernetes_opentelemetry_and_cncf_tag_groups_out_of_the_box() {
    let out = stdout(townhall().arg("list"));
    for (id, community) in [
        ("kubernetes-sig-cli", "kubernetes"),
        ("kubernetes-wg-device-management", "kubernetes"),
        ("kubernetes-committee-steering", "kubernetes"),
        ("otel-sampling", "opentelemetry"),
        ("cncf-tag-infrastructure", "cncf"),
        ("cf-foundational-infrastructure", "cloudfoundry"),
    ] {
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("{id}\t{community}\t"))),
            "{id} missing:\n{out}"
        );
    }
}

#[test]
fn owner_answers_kubectl_with_sig_cli_and_a_kubelet_folder_with_sig_node() {
    let out = stdout(townhall().args(["owner", "kubernetes/kubectl"]));
    assert_eq!(
        out,
        "kubernetes-sig-cli\tSIG CLI\tactive\tkubectl\tlists the repository\n"
    );
    let out = stdout(townhall().args([
        "owner",
        "https://github.com/kubernetes/kubernetes/tree/master/pkg/kubelet/cm",
    ]));
    assert!(out.starts_with("kubernetes-sig-node\tSIG Node\t"), "{out}");
    assert!(out.contains("OWNERS in pkg/kubelet/"), "{out}");
}

#[test]
fn kubernetes_meetings_show_a_schedule_object_in_show_json() {
    let json: serde_json::Value = serde_json::from_str(&stdout(townhall().args([
        "show",
        "kubernetes-sig-cli",
        "--json",
    ])))
    .unwrap();
    let meetings = json["meetings"].as_array().unwrap();
    assert!(!meetings.is_empty());
    for m in meetings {
        assert!(m["schedule"]["every"].is_string(), "{m:#}");
        assert!(m["schedule"]["zone"].is_string(), "{m:#}");
        assert!(m["published"].is_string(), "{m:#}");
    }
    assert_eq!(json["community"]["id"], "kubernetes");
}

/// Runs townhall on one hand-written foreign file only.
fn foreign(file: &str) -> Command {
    let mut cmd = townhall();
    cmd.args(["--no-builtin", "--registry", file]);
    cmd
}

#[test]
fn foreign_files_are_told_apart_by_content_and_read_leniently() {
    let out = stdout(foreign("tests/foreign/kubevirt-sigs.yaml").arg("list"));
    assert_eq!(
        out,
        "kubevirt-sig-compute\tkubevirt\tSIG\tactive\tSIG Compute\n\
         kubevirt-wg-arch\tkubevirt\tWG\tactive\tWG 123\n"
    );
    let out = stdout(foreign("tests/foreign/otel-workstreams.yml").arg("list"));
    assert!(
        out.starts_with("otel-rust-sdk\topentelemetry\tSIG\t"),
        "{out}"
    );
    let out = stdout(foreign("tests/foreign/tags.yaml").arg("list"));
    assert_eq!(out, "cncf-tag-example\tcncf\tTAG\tactive\tTAG Example\n");
}

#[test]
fn validate_gives_foreign_warnings_their_line_and_column_and_exits_0() {
    let assert = townhall()
        .args([
            "--no-builtin",
            "validate",
            "tests/foreign/kubevirt-sigs.yaml",
        ])
        .assert()
        .success()
        .stderr(contains("0 error(s), 6 warning(s)"));
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    for expected in [
        "tests/foreign/kubevirt-sigs.yaml:3:1: warning: 1 of 2 meeting times could not be read",
        "tests/foreign/kubevirt-sigs.yaml:19:9: warning: meeting \"SIG Compute triage\": townhall can't read the time \"Tuesday 10:00 UTC, biweely\"",
        "tests/foreign/kubevirt-sigs.yaml:19:9: warning: meeting \"SIG Compute triage\": the join link https://docs.google.com/document/d/triage/edit opens a document on docs.google.com, not a call",
        "tests/foreign/kubevirt-sigs.yaml:35:5: warning: unknown key `colour` in a SIG; townhall ignores it",
        "tests/foreign/kubevirt-sigs.yaml:37:5: warning: WG 123 lists no chat channel",
    ] {
        assert!(out.contains(expected), "{expected}\n---\n{out}");
    }
}

#[test]
fn format_overrides_detection_and_a_wrong_one_is_an_error_with_position() {
    foreign("tests/foreign/tags.yaml")
        .args(["--format", "opentelemetry", "list"])
        .assert()
        .code(2)
        .stderr(contains(
            "tests/foreign/tags.yaml:2:1: an OpenTelemetry workstreams.yml is a list of workstreams, found a mapping",
        ));
    foreign("tests/foreign/tags.yaml")
        .args(["--format", "nope", "list"])
        .assert()
        .code(2)
        .stderr(contains("unknown format \"nope\""));
}

#[test]
fn import_prints_townhall_format_that_loads_back() {
    let with_origin = stdout(townhall().args([
        "import",
        "kubernetes",
        "tests/foreign/kubevirt-sigs.yaml",
        "--repo",
        "kubevirt/community",
        "--source-path",
        "sigs.yaml",
    ]));
    assert!(
        with_origin.starts_with(
            "# Generated by `townhall import kubernetes` from kubevirt/community sigs.yaml.\n"
        ),
        "{with_origin}"
    );
    // The origin's repository also resolves the group's folder link.
    assert!(with_origin.contains("https://github.com/kubevirt/community/tree/HEAD/sig-compute"));

    let imported =
        stdout(townhall().args(["import", "kubernetes", "tests/foreign/kubevirt-sigs.yaml"]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kubevirt.yaml");
    std::fs::write(&path, &imported).unwrap();
    let show = ["show", "kubevirt-sig-compute", "--json"];
    let direct = stdout(foreign("tests/foreign/kubevirt-sigs.yaml").args(show));
    let via_import = stdout(
        townhall()
            .args(["--no-builtin", "--registry"])
            .arg(&path)
            .args(show),
    );
    let mut direct: serde_json::Value = serde_json::from_str(&direct).unwrap();
    let mut via_import: serde_json::Value = serde_json::from_str(&via_import).unwrap();
    // Everything but the file each part came from.
    for value in [&mut direct, &mut via_import] {
        value.as_object_mut().unwrap().remove("origins");
    }
    assert_eq!(direct, via_import);
    townhall()
        .args(["import", "townhall", "data/cncf.yaml"])
        .assert()
        .code(2)
        .stderr(contains("already in townhall's format"));
}

#[test]
fn a_folder_of_a_shared_repository_finds_the_group_owning_it() {
    let out = stdout(townhall().args(["search", "pkg/kubelet$", "--limit", "1"]));
    assert!(out.starts_with("kubernetes-sig-node\t"), "{out}");
    assert!(
        out.contains("repo: kubernetes/kubernetes/pkg/kubelet"),
        "{out}"
    );
}

/// A file with many warnings gets one line saying how many, whether the user named it or it
/// sits in the registry folder; `validate` still lists every one.
#[test]
fn many_warnings_are_one_summary_line_and_validate_lists_them() {
    let config = tempfile::tempdir().unwrap();
    let folder = config.path().join("registry");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        "tests/foreign/kubevirt-sigs.yaml",
        folder.join("kubevirt.yaml"),
    )
    .unwrap();
    let mut cmd = townhall();
    cmd.env("TOWNHALL_CONFIG_DIR", config.path())
        .args(["--no-builtin", "list"]);
    let out = cmd.assert().success().get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let name = folder.join("kubevirt.yaml");
    assert_eq!(
        err,
        format!(
            "townhall: 6 warnings in {}; `townhall validate` lists them\n",
            name.display()
        )
    );

    // Named on the command line, a file with a few warnings has them listed.
    let out = foreign("tests/foreign/kubevirt-sigs.yaml")
        .arg("list")
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 6, "{err}");
    assert!(err.contains("kubevirt-sigs.yaml:37:5: warning: WG 123 lists no chat channel"));
}
