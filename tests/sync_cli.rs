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
