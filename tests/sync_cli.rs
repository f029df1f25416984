//! The done-when checks for `townhall sync` and `townhall sources`, through the
//! binary, with every catalog source moved to a server on 127.0.0.1 by config.yaml.

#[path = "support/server.rs"]
mod server;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use server::{Reply, Server};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    fs::read(fixture(name)).unwrap()
}

/// A small registry in the Kubernetes format, as Kubeflow publishes its wgs.yaml.
const KUBEFLOW: &str = "\
workinggroups:
  - dir: wg-pipelines
    name: Pipelines
    mission_statement: Pipelines on Kubernetes.
    leadership:
      chairs:
        - { github: chensun, name: Chen Sun }
";

/// Serves every catalog source and returns the config that points townhall at them.
fn serve_all(server: &Server) -> String {
    server.set(
        "/k8s/sigs.yaml",
        Reply::file(read("fixtures/upstream/kubernetes-sigs.yaml"), "\"k1\""),
    );
    server.set(
        "/kubevirt/sigs.yaml",
        Reply::file(read("foreign/kubevirt-sigs.yaml"), "\"kv1\""),
    );
    server.set("/kubeflow/wgs.yaml", Reply::file(KUBEFLOW, "\"kf1\""));
    server.set(
        "/otel/workstreams.yml",
        Reply::file(
            read("fixtures/upstream/opentelemetry-workstreams.yml"),
            "\"o1\"",
        ),
    );
    server.set(
        "/cncf/tags.yaml",
        Reply::file(read("fixtures/upstream/cncf-toc-tags.yaml"), "\"c1\""),
    );
    let root = fixture("fixtures/upstream/cloudfoundry-community/toc");
    let mut pages = vec![root.join("TOC.md"), root.join("ADMIN.md")];
    for entry in fs::read_dir(root.join("working-groups")).unwrap() {
        pages.push(entry.unwrap().path());
    }
    for page in pages {
        let path = page
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        server.set(
            &format!("/cf/toc/{path}"),
            Reply::file(fs::read(&page).unwrap(), &format!("\"{path}\"")),
        );
    }
    let entries = [
        ("kubernetes", "/k8s/sigs.yaml"),
        ("kubevirt", "/kubevirt/sigs.yaml"),
        ("kubeflow", "/kubeflow/wgs.yaml"),
        ("opentelemetry", "/otel/workstreams.yml"),
        ("cncf-tags", "/cncf/tags.yaml"),
        ("cloudfoundry", "/cf/toc/working-groups/WORKING-GROUPS.md"),
    ];
    for community in ["kubernetes", "opentelemetry", "cloudfoundry"] {
        server.set(
            &format!("/calendars/{community}/basic.ics"),
            Reply::file(
                read(&format!("fixtures/calendars/{community}.ics")),
                &format!("\"{community}-cal\""),
            ),
        );
    }
    let entries = entries.into_iter().chain([
        ("kubernetes-calendar", "/calendars/kubernetes/basic.ics"),
        (
            "opentelemetry-calendar",
            "/calendars/opentelemetry/basic.ics",
        ),
        ("cloudfoundry-calendar", "/calendars/cloudfoundry/basic.ics"),
    ]);
    let mut config = String::from("sync: { timeout: 20s }\nsources:\n");
    for (id, path) in entries {
        config.push_str(&format!(
            "  - {{ id: {id}, url: \"{}\" }}\n",
            server.url(path)
        ));
    }
    config
}

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(config: &str) -> Home {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("config")).unwrap();
        fs::write(dir.path().join("config/config.yaml"), config).unwrap();
        Home { dir }
    }

    fn townhall(&self) -> Command {
        let mut cmd = Command::cargo_bin("townhall").unwrap();
        cmd.env("TOWNHALL_CONFIG_DIR", self.dir.path().join("config"))
            .env("TOWNHALL_DATA_DIR", self.dir.path().join("data"))
            // Loading snapshots go to a folder of the tests' own, never the user's cache.
            .env(
                "TOWNHALL_CACHE_DIR",
                std::env::temp_dir().join("townhall-tests-cache"),
            )
            .env_remove("TOWNHALL_OFFLINE")
            .env("NO_COLOR", "1");
        cmd
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.townhall().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
    }
}

fn by_id<'v>(rows: &'v serde_json::Value, id: &str) -> &'v serde_json::Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {rows}"))
}

#[test]
fn sync_lands_kubevirt_then_costs_304s_and_a_broken_file_keeps_the_last_good_data() {
    let server = Server::start();
    let home = Home::new(&serve_all(&server));
    let (code, out, err) = home.run(&["sync"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("kubevirt\tupdated\t2 groups"), "{out}");

    let (code, list, err) = home.run(&["--community", "kubevirt", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        list.contains("kubevirt-sig-compute") && list.contains("kubevirt-wg-arch"),
        "{list}"
    );

    let sources = home.json(&["sources", "--json"]);
    for (id, groups) in [("kubevirt", 2), ("kubeflow", 1)] {
        let row = by_id(&sources, id);
        assert_eq!(row["state"], "synced", "{row}");
        assert_eq!(row["groups"], groups, "{row}");
        assert!(
            row["synced_at"].is_string() && row["etag"].is_string(),
            "{row}"
        );
    }
    assert!(by_id(&sources, "kubernetes")["groups"].as_u64().unwrap() > 30);

    let before = server.requests().len();
    let again = home.json(&["sync", "--json"]);
    for row in again.as_array().unwrap() {
        assert_eq!(row["status"], "unchanged", "{row}");
    }
    assert!(
        server.requests()[before..]
            .iter()
            .all(|r| r.answered == 304),
        "every source answered 304"
    );

    server.set(
        "/kubevirt/sigs.yaml",
        Reply::file("sigs:\n  - dir: [broken\n", "\"kv2\""),
    );
    let (code, out, err) = home.run(&["sync"]);
    assert_eq!(code, 1, "{out}\n{err}");
    let line = out.lines().find(|l| l.starts_with("kubevirt\t")).unwrap();
    assert!(
        line.contains("failed") && line.contains("doesn't read"),
        "{line}"
    );
    assert!(
        err.contains(&format!(
            "{}:3:1: YAML syntax error",
            server.url("/kubevirt/sigs.yaml")
        )),
        "{err}"
    );
    assert!(
        out.contains("kubernetes\tunchanged"),
        "the others still land: {out}"
    );

    let (_, still, _) = home.run(&["--community", "kubevirt", "list"]);
    assert_eq!(still, list, "list shows the last good data");
    let sources = home.json(&["sources", "--json"]);
    let failure = &by_id(&sources, "kubevirt")["failure"];
    assert!(
        failure["reason"].as_str().unwrap().contains("doesn't read"),
        "{failure}"
    );

    server.set(
        "/kubevirt/sigs.yaml",
        Reply::Cut {
            body: b"sigs:\n  - dir: sig-c".to_vec(),
            declared: 4000,
        },
    );
    let (code, out, _) = home.run(&["sync", "kubevirt"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("closed before the whole file arrived"),
        "{out}"
    );
    assert_eq!(home.run(&["--community", "kubevirt", "list"]).1, list);
}

#[test]
fn offline_sync_refuses_and_asks_nothing_of_the_network() {
    let server = Server::start();
    let home = Home::new(&serve_all(&server));
    let (code, _, err) = home.run(&["--offline", "sync"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("offline") && err.contains("nothing is fetched"),
        "{err}"
    );
    let out = home
        .townhall()
        .env("TOWNHALL_OFFLINE", "1")
        .args(["sync", "kubevirt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("TOWNHALL_OFFLINE"));
    assert!(server.requests().is_empty(), "{:?}", server.requests());
    // Unknown ids are a usage error too.
    assert_eq!(home.run(&["sync", "no-such-source"]).0, 2);
}

#[test]
fn cloud_foundry_synced_from_its_pages_lists_and_shows_as_the_built_in_data() {
    let server = Server::start();
    let home = Home::new(&serve_all(&server));
    let builtin = Home::new("");
    let (code, out, err) = home.run(&["sync", "cloudfoundry"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("cloudfoundry\tupdated\t12 groups"), "{out}");
    let args = ["--community", "cloudfoundry", "list", "--json"];
    assert_eq!(home.json(&args), builtin.json(&args));
    for id in [
        "cf-foundational-infrastructure",
        "cf-app-runtime-interfaces",
        "cf-toc",
        "cf-on-k8s",
    ] {
        let facts = |h: &Home| {
            let g = h.json(&["show", id, "--json"]);
            (
                g["leads"].clone(),
                g["projects"].clone(),
                g["status"].clone(),
            )
        };
        assert_eq!(facts(&home), facts(&builtin), "{id}");
    }
    for (id, status) in [
        ("cf-buildpacks", "renamed"),
        ("cf-community-experience", "never-chartered"),
        ("cf-service-management", "dissolved"),
    ] {
        assert_eq!(home.json(&["show", id, "--json"])["status"], status, "{id}");
    }
    let row = by_id(&home.json(&["sources", "--json"]), "cloudfoundry").clone();
    assert_eq!(
        (row["state"].as_str(), row["groups"].as_u64()),
        (Some("synced"), Some(12))
    );
}

#[test]
fn paths_name_the_folder_of_synced_copies() {
    let home = Home::new("");
    let paths = home.json(&["paths", "--json"]);
    let sources = paths["sources"].as_str().unwrap();
    assert!(sources.ends_with("sources") && sources.starts_with(paths["data"].as_str().unwrap()));
}

/// SIG Architecture's regular meetings in the three weeks from Tuesday 20 October 2026, as
/// (start, status).
fn architecture_weeks(home: &Home, extra: &[&str]) -> Vec<(String, String)> {
    let mut args = vec![
        "--now",
        "2026-10-20T12:00:00Z",
        "--tz",
        "UTC",
        "--community",
        "kubernetes",
    ];
    args.extend_from_slice(extra);
    args.extend(["upcoming", "--json", "--days", "21", "--group"]);
    args.push("kubernetes-sig-architecture");
    home.json(&args)
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            // The moved instance carries the calendar's title for it.
            r["meeting"].as_str().is_some_and(|m| {
                m != "AI Conformance Meeting"
                    && (m.starts_with("Regular SIG Meeting") || m.contains("Bi-Weekly"))
            })
        })
        .map(|r| {
            (
                r["start"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn calendars_sync_like_registries_and_their_copies_confirm_the_agenda() {
    let server = Server::start();
    let home = Home::new(&serve_all(&server));
    let before = architecture_weeks(&home, &[]);
    assert!(
        before.iter().all(|(_, status)| status == "tentative"),
        "weeks unknown before the calendar: {before:?}"
    );

    let (code, out, err) = home.run(&["sync"]);
    assert_eq!(code, 0, "{out}\n{err}");
    let line = out
        .lines()
        .find(|l| l.starts_with("kubernetes-calendar\t"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.contains("updated") && line.ends_with(" events"),
        "{line}"
    );

    let sources = home.json(&["sources", "--json"]);
    for id in [
        "kubernetes-calendar",
        "opentelemetry-calendar",
        "cloudfoundry-calendar",
    ] {
        let row = by_id(&sources, id);
        assert_eq!(
            (row["state"].as_str(), row["format"].as_str()),
            (Some("synced"), Some("ical")),
            "{row}"
        );
        assert!(row["events"].as_u64().unwrap() > 0, "{row}");
        assert!(
            row.get("groups").is_none(),
            "a calendar holds no groups: {row}"
        );
    }
    let copy = home.dir.path().join("data/sources/kubernetes-calendar.ics");
    assert_eq!(
        fs::read(&copy).unwrap(),
        read("fixtures/calendars/kubernetes.ics"),
        "the copy is the feed's bytes"
    );

    // The synced calendar gives the weeks, the cancellation and the move, with no --calendar.
    let after = architecture_weeks(&home, &[]);
    assert_eq!(
        after,
        vec![
            ("2026-10-22T18:00:00+00:00".into(), "confirmed".into()),
            ("2026-11-04T19:00:00+00:00".into(), "confirmed".into()),
        ],
        "the calendar's weeks only"
    );

    // A feed that turns into an error page or stops being a calendar keeps the last good copy.
    server.set(
        "/calendars/kubernetes/basic.ics",
        Reply::html("<!DOCTYPE html><title>Sign in</title>"),
    );
    let (code, out, _) = home.run(&["sync", "kubernetes-calendar"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("HTML page"), "{out}");
    server.set(
        "/calendars/kubernetes/basic.ics",
        Reply::file(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            "\"k-empty\"",
        ),
    );
    let (code, out, _) = home.run(&["sync", "kubernetes-calendar"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no events"), "{out}");
    assert_eq!(
        fs::read(&copy).unwrap(),
        read("fixtures/calendars/kubernetes.ics")
    );
    assert_eq!(architecture_weeks(&home, &[]), after);

    // A calendar of the user's own for the community stands in for the synced copy.
    let own = home.dir.path().join("config/calendars");
    fs::create_dir_all(&own).unwrap();
    fs::write(
        own.join("kubernetes.ics"),
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n\
         DTSTART:20261201T170000Z\r\nSUMMARY:Something else\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    assert_eq!(architecture_weeks(&home, &[]), before);
}
