//! `sync` against a server on 127.0.0.1 that the tests start: conditional requests, every kind
//! of fault (each leaving the last good copy byte for byte), sources in parallel, two syncs at
//! once, and Cloud Foundry's pages read into the same groups as the built-in data.

#[path = "support/server.rs"]
mod server;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use server::{Reply, Server};
use townhall::model::{Registry, Status as GroupStatus};
use townhall::registry::{self, Sources};
use townhall::sources::store::Store;
use townhall::sources::{Source, UserSource, resolve};
use townhall::sync::{Outcome, Settings, Status, sync};

const NOW: &str = "2026-12-01T12:00:00Z";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

fn kubernetes_fixture() -> Vec<u8> {
    fs::read(fixture("fixtures/upstream/kubernetes-sigs.yaml")).unwrap()
}

fn kubevirt_file() -> Vec<u8> {
    fs::read(fixture("foreign/kubevirt-sigs.yaml")).unwrap()
}

fn settings() -> Settings {
    Settings {
        timeout: Duration::from_secs(20),
        connect_timeout: Duration::from_secs(5),
        ..Settings::default()
    }
}

/// The catalog with these ids moved to the server; only those are returned.
fn sources(entries: &[(&str, String)]) -> Vec<Source> {
    let user: Vec<UserSource> = entries
        .iter()
        .map(|(id, url)| UserSource {
            id: id.to_string(),
            url: url.clone(),
            format: None,
            community: None,
        })
        .collect();
    let (all, problems) = resolve(&user, Path::new("/"));
    assert!(problems.is_empty(), "{problems:?}");
    all.into_iter()
        .filter(|s| entries.iter().any(|(id, _)| *id == s.id))
        .collect()
}

fn run(sources: &[Source], store: &Store, settings: &Settings) -> Vec<Outcome> {
    sync(sources, store, settings, NOW.parse().unwrap(), &|_| {})
}

fn statuses(outcomes: &[Outcome]) -> Vec<Status> {
    outcomes.iter().map(|o| o.status).collect()
}

/// A store with the Kubernetes fixture synced from `server` at `/sigs.yaml`.
fn synced_kubernetes(server: &Server) -> (tempfile::TempDir, Store, Vec<Source>, Vec<u8>) {
    server.set("/sigs.yaml", Reply::file(kubernetes_fixture(), "\"v1\""));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let srcs = sources(&[("kubernetes", server.url("/sigs.yaml"))]);
    let first = run(&srcs, &store, &settings());
    assert_eq!(statuses(&first), [Status::Updated], "{first:?}");
    let copy = fs::read(store.copy_path(&srcs[0])).unwrap();
    (dir, store, srcs, copy)
}

#[test]
fn an_unchanged_source_costs_one_304_and_the_request_says_who_asks() {
    let server = Server::start();
    let (_dir, store, srcs, copy) = synced_kubernetes(&server);
    assert_eq!(
        copy,
        kubernetes_fixture(),
        "the copy is the file, byte for byte"
    );
    let groups = run(&srcs, &store, &settings());
    assert_eq!(statuses(&groups), [Status::Unchanged]);
    assert!(groups[0].groups.unwrap() > 30, "{groups:?}");
    let requests = server.requests_to("/sigs.yaml");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].answered, 304);
    assert_eq!(requests[0].headers.get("if-none-match"), None);
    assert_eq!(
        requests[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    let agent = requests[0].headers.get("user-agent").unwrap();
    assert_eq!(agent, &format!("townhall/{}", env!("CARGO_PKG_VERSION")));
    assert!(requests[0].headers["accept-encoding"].contains("gzip"));
    let state = store.state("kubernetes");
    let synced = state.synced.unwrap();
    assert_eq!(synced.documents[0].etag.as_deref(), Some("\"v1\""));
    assert_eq!(state.failure, None);
}

#[test]
fn a_gzip_body_is_decoded_before_it_is_read() {
    let server = Server::start();
    server.set("/sigs.yaml", Reply::Gzip(kubevirt_file()));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let srcs = sources(&[("kubevirt", server.url("/sigs.yaml"))]);
    let outcomes = run(&srcs, &store, &settings());
    assert_eq!(statuses(&outcomes), [Status::Updated], "{outcomes:?}");
    assert_eq!(
        fs::read(store.copy_path(&srcs[0])).unwrap(),
        kubevirt_file()
    );
}

/// Each fault fails the sync with its reason and leaves the last good copy as it was.
#[test]
fn every_fault_keeps_the_last_good_copy_byte_for_byte() {
    let mut broken = kubernetes_fixture();
    broken.extend_from_slice(b"\nsigs: [\n");
    let half = kubernetes_fixture()[..kubernetes_fixture().len() / 2].to_vec();
    let faults: Vec<(&str, Reply, &str)> = vec![
        ("404", Reply::Status(404), "not found"),
        ("500", Reply::Status(500), "500"),
        (
            "cut in half",
            Reply::Cut {
                body: half,
                declared: kubernetes_fixture().len(),
            },
            "closed before the whole file arrived",
        ),
        (
            "HTML as 200",
            Reply::html("<!DOCTYPE html><html><body>Sign in</body></html>"),
            "HTML page",
        ),
        (
            "HTML as text/plain",
            Reply::file("<!doctype html>\n<html>moved</html>", "\"x\""),
            "HTML page",
        ),
        ("30 MB", Reply::Huge(30_000_000), "larger than the limit"),
        (
            "redirect loop",
            Reply::Redirect("/sigs.yaml".into()),
            "redirects",
        ),
        ("broken YAML", Reply::file(broken, "\"v2\""), "doesn't read"),
        (
            "no groups",
            Reply::file("sigs: []\n", "\"v3\""),
            "no groups",
        ),
        (
            "not UTF-8",
            Reply::file(vec![b's', b':', 0xff, 0xfe], "\"v4\""),
            "not UTF-8",
        ),
    ];
    let server = Server::start();
    let (_dir, store, srcs, good) = synced_kubernetes(&server);
    for (what, reply, reason) in faults {
        server.set("/sigs.yaml", reply);
        let outcomes = run(&srcs, &store, &settings());
        let o = &outcomes[0];
        assert_eq!(o.status, Status::Failed, "{what}: {o:?}");
        let error = o.error.as_deref().unwrap();
        assert!(error.contains(reason), "{what}: {error}");
        assert_eq!(
            fs::read(store.copy_path(&srcs[0])).unwrap(),
            good,
            "{what}: the last good copy changed"
        );
        let state = store.state("kubernetes");
        assert_eq!(
            state.failure.map(|f| f.reason).as_deref(),
            Some(error),
            "{what}"
        );
        assert!(
            state.synced.is_some(),
            "{what}: the last good sync is remembered"
        );
    }
}

#[test]
fn a_broken_file_is_refused_with_the_readers_positions() {
    let server = Server::start();
    let (_dir, store, srcs, _) = synced_kubernetes(&server);
    server.set("/sigs.yaml", Reply::file("sigs:\n  - dir: [x\n", "\"b\""));
    let o = &run(&srcs, &store, &settings())[0];
    let url = server.url("/sigs.yaml");
    assert!(
        o.problems
            .iter()
            .any(|p| p.starts_with(&format!("{url}:3:1: YAML syntax error"))),
        "{o:?}"
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start();
    let (_dir, store, srcs, good) = synced_kubernetes(&server);
    server.set("/sigs.yaml", Reply::Silent);
    let short = Settings {
        timeout: Duration::from_millis(300),
        ..settings()
    };
    let o = &run(&srcs, &store, &short)[0];
    assert_eq!(o.status, Status::Failed);
    assert!(
        o.error
            .as_deref()
            .unwrap()
            .contains("no complete answer within 300 ms"),
        "{o:?}"
    );
    assert_eq!(fs::read(store.copy_path(&srcs[0])).unwrap(), good);
}

#[test]
fn one_source_failing_leaves_the_others_to_land() {
    let server = Server::start();
    server.set("/k8s.yaml", Reply::Status(500));
    server.set("/kubevirt.yaml", Reply::file(kubevirt_file(), "\"kv\""));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let srcs = sources(&[
        ("kubernetes", server.url("/k8s.yaml")),
        ("kubevirt", server.url("/kubevirt.yaml")),
    ]);
    let outcomes = run(&srcs, &store, &settings());
    assert_eq!(statuses(&outcomes), [Status::Failed, Status::Updated]);
    assert_eq!(outcomes[1].groups, Some(2));
    assert!(!store.copy_path(&srcs[0]).exists());
}

#[test]
fn two_syncs_of_one_source_at_once_leave_a_whole_copy() {
    let server = Server::start();
    server.set("/sigs.yaml", Reply::file(kubernetes_fixture(), "\"v1\""));
    let dir = tempfile::tempdir().unwrap();
    let srcs = sources(&[("kubernetes", server.url("/sigs.yaml"))]);
    for _ in 0..3 {
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| {
                    let store = Store::new(dir.path());
                    let o = run(&srcs, &store, &settings());
                    assert_ne!(o[0].status, Status::Failed, "{o:?}");
                });
            }
        });
        let store = Store::new(dir.path());
        assert_eq!(
            fs::read(store.copy_path(&srcs[0])).unwrap(),
            kubernetes_fixture()
        );
        assert!(store.state("kubernetes").synced.is_some());
        let leftovers: Vec<String> = fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

/// Serves the vendored pages of cloudfoundry/community under `/toc/`.
fn serve_cloudfoundry(server: &Server) {
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
            &format!("/toc/{path}"),
            Reply::file(fs::read(&page).unwrap(), &format!("\"{path}\"")),
        );
    }
}

fn load_with(store: &Store, srcs: &[Source]) -> Registry {
    let loaded = registry::load(&Sources {
        builtin: true,
        synced: store.synced(srcs),
        ..Sources::default()
    });
    assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
    loaded.registry
}

#[test]
fn cloud_foundry_synced_from_its_pages_is_the_built_in_data_with_its_history() {
    let server = Server::start();
    serve_cloudfoundry(&server);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let srcs = sources(&[(
        "cloudfoundry",
        server.url("/toc/working-groups/WORKING-GROUPS.md"),
    )]);
    let outcomes = run(&srcs, &store, &settings());
    assert_eq!(statuses(&outcomes), [Status::Updated], "{outcomes:?}");
    assert_eq!(outcomes[0].groups, Some(12));
    // Every page once: the directory, ten charters, the TOC and Admin pages.
    assert_eq!(server.requests().len(), 13);

    let builtin = registry::load(&Sources::builtin_only()).registry;
    let synced = load_with(&store, &srcs);
    let cf = |r: &Registry| {
        r.groups
            .iter()
            .filter(|g| g.community == "cloudfoundry")
            .map(|g| {
                let leads: Vec<_> = g
                    .leads
                    .iter()
                    .map(|l| (l.name.clone(), l.github.clone(), l.role.clone()))
                    .collect();
                let repos: Vec<_> = g
                    .projects
                    .iter()
                    .map(|p| (p.name.clone(), p.repos.clone()))
                    .collect();
                (g.id.clone(), g.status, g.successor.clone(), leads, repos)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(cf(&synced), cf(&builtin));
    for (id, status) in [
        ("cf-buildpacks", GroupStatus::Renamed),
        ("cf-community-experience", GroupStatus::NeverChartered),
        ("cf-service-management", GroupStatus::Dissolved),
        ("cf-on-k8s", GroupStatus::Archived),
    ] {
        assert_eq!(synced.group(id).map(|g| g.status), Some(status), "{id}");
    }
    // The synced copy, not the built-in one, is what loaded.
    let source = synced
        .communities
        .iter()
        .find(|c| c.id == "cloudfoundry")
        .unwrap();
    assert!(
        source
            .sources
            .iter()
            .any(|s| s.commit.is_none() && s.repo.as_deref() == Some("cloudfoundry/community"))
    );

    let again = run(&srcs, &store, &settings());
    assert_eq!(statuses(&again), [Status::Unchanged]);
    assert!(server.requests()[13..].iter().all(|r| r.answered == 304));
}

#[test]
fn a_charter_that_changed_upstream_is_picked_up_though_the_directory_did_not() {
    let server = Server::start();
    serve_cloudfoundry(&server);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let srcs = sources(&[(
        "cloudfoundry",
        server.url("/toc/working-groups/WORKING-GROUPS.md"),
    )]);
    run(&srcs, &store, &settings());
    let path = fixture("fixtures/upstream/cloudfoundry-community/toc/working-groups/docs.md");
    let docs = fs::read_to_string(path)
        .unwrap()
        .replace("anita-flegg", "someone-new");
    server.set(
        "/toc/working-groups/docs.md",
        Reply::file(docs, "\"docs-2\""),
    );
    assert_eq!(
        statuses(&run(&srcs, &store, &settings())),
        [Status::Updated]
    );
    let r = load_with(&store, &srcs);
    let leads: Vec<_> = r
        .group("cf-docs")
        .unwrap()
        .leads
        .iter()
        .filter_map(|l| l.github.clone())
        .collect();
    assert!(leads.contains(&"someone-new".to_string()), "{leads:?}");
}

#[test]
fn a_synced_copy_that_no_longer_reads_falls_back_to_the_built_in_snapshot() {
    let server = Server::start();
    let (_dir, store, srcs, _) = synced_kubernetes(&server);
    // As if a later townhall could no longer read what an earlier one accepted.
    fs::write(store.copy_path(&srcs[0]), "sigs: [\n").unwrap();
    let loaded = registry::load(&Sources {
        builtin: true,
        synced: store.synced(&srcs),
        ..Sources::default()
    });
    assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
    let warning = loaded
        .problems
        .iter()
        .find(|p| p.message.contains("synced copy ignored"))
        .expect("a warning about the copy");
    assert!(warning.message.contains("built-in snapshot"), "{warning}");
    assert!(loaded.registry.group("kubernetes-sig-node").is_some());
}

#[cfg(unix)]
#[test]
fn a_file_source_that_is_not_a_regular_file_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("sigs.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let store = Store::new(&dir.path().join("data"));
    let srcs = sources(&[("kubevirt", fifo.display().to_string())]);
    let o = &run(&srcs, &store, &settings())[0];
    assert_eq!(o.status, Status::Failed);
    assert!(
        o.error.as_deref().unwrap().contains("not a regular file"),
        "{o:?}"
    );
}

#[test]
fn a_file_source_syncs_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sigs.yaml");
    fs::write(&file, kubevirt_file()).unwrap();
    let store = Store::new(&dir.path().join("data"));
    let srcs = sources(&[("kubevirt", format!("file://{}", file.display()))]);
    assert_eq!(
        statuses(&run(&srcs, &store, &settings())),
        [Status::Updated]
    );
    assert_eq!(
        statuses(&run(&srcs, &store, &settings())),
        [Status::Unchanged]
    );
}

#[test]
fn a_calendar_syncs_with_conditional_requests_and_a_broken_feed_keeps_the_copy() {
    let server = Server::start();
    let feed = fs::read(fixture("fixtures/calendars/opentelemetry.ics")).unwrap();
    server.set("/basic.ics", Reply::file(feed.clone(), "\"cal1\""));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let srcs = sources(&[("opentelemetry-calendar", server.url("/basic.ics"))]);
    let first = run(&srcs, &store, &settings());
    assert_eq!(statuses(&first), [Status::Updated], "{first:?}");
    assert!(first[0].events.unwrap() > 10, "{first:?}");
    assert_eq!(first[0].groups, None);
    assert_eq!(fs::read(store.copy_path(&srcs[0])).unwrap(), feed);
    assert!(
        store
            .copy_path(&srcs[0])
            .ends_with("opentelemetry-calendar.ics")
    );

    let again = run(&srcs, &store, &settings());
    assert_eq!(statuses(&again), [Status::Unchanged], "{again:?}");
    let asked = server.requests_to("/basic.ics");
    assert_eq!(asked.last().unwrap().answered, 304, "{asked:?}");

    // Cut off in the middle of an event: what arrived is refused, the copy stays.
    server.set(
        "/basic.ics",
        Reply::Cut {
            body: feed[..feed.len() / 2].to_vec(),
            declared: feed.len(),
        },
    );
    let cut = run(&srcs, &store, &settings());
    assert_eq!(statuses(&cut), [Status::Failed], "{cut:?}");
    server.set("/basic.ics", Reply::file("sigs: []\n", "\"cal2\""));
    let not_a_calendar = run(&srcs, &store, &settings());
    assert_eq!(statuses(&not_a_calendar), [Status::Failed]);
    assert!(
        not_a_calendar[0]
            .error
            .as_deref()
            .unwrap()
            .contains("isn't a calendar"),
        "{not_a_calendar:?}"
    );
    assert_eq!(fs::read(store.copy_path(&srcs[0])).unwrap(), feed);
}
