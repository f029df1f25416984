//! End to end through a real pseudo-terminal: the built binary, keys typed as a person types
//! them, the screen read back through a terminal emulator. Every wait has a deadline and
//! polls; nothing sleeps for a fixed time.

#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    dir: Rc<tempfile::TempDir>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(cols: u16, rows: u16) -> Session {
        Session::start_in(Rc::new(tempfile::tempdir().unwrap()), cols, rows)
    }

    /// Starts townhall with the config and state folders in `dir`, which a later session may
    /// share to see what the first one remembered.
    fn start_in(dir: Rc<tempfile::TempDir>, cols: u16, rows: u16) -> Session {
        Session::start_with(dir, (cols, rows), &[])
    }

    /// As `start_in`, with more arguments. Offline, so no test can reach a real host even if
    /// its data looked old.
    fn start_with(dir: Rc<tempfile::TempDir>, size: (u16, u16), args: &[&str]) -> Session {
        let offline = [("TOWNHALL_OFFLINE", "1")];
        Session::launch(dir, size, "2026-11-21T00:00:00Z", args, &offline)
    }

    /// Starts townhall at the moment `now`, with more arguments and environment variables.
    fn launch(
        dir: Rc<tempfile::TempDir>,
        (cols, rows): (u16, u16),
        now: &str,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_townhall"));
        cmd.args(["--no-mouse", "--now", now, "--tz", "UTC"]);
        cmd.args(args);
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORFGBG");
        cmd.env_remove("TOWNHALL_OFFLINE");
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd.env("TOWNHALL_CONFIG_DIR", dir.path().join("config"));
        cmd.env("TOWNHALL_DATA_DIR", dir.path().join("data"));
        cmd.env("TOWNHALL_CACHE_DIR", dir.path().join("cache"));
        cmd.env("BROWSER", browser_script(dir.path()));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            master: pair.master,
            writer,
            child,
            screen,
            dir,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Polls until the screen shows `needle`, or fails with what it shows.
    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while !self.text().contains(needle) {
            assert!(
                start.elapsed() < DEADLINE,
                "{needle:?} never appeared; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.screen.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master.resize(size(cols, rows)).unwrap();
    }

    fn recorded_url(&self) -> PathBuf {
        self.dir.path().join("opened-url")
    }

    /// The URL the `$BROWSER` script was handed, once it has run.
    fn opened_url(&self) -> String {
        let start = Instant::now();
        while !self.recorded_url().exists() {
            assert!(
                start.elapsed() < DEADLINE,
                "the browser script never ran; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        std::fs::read_to_string(self.recorded_url()).unwrap()
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "townhall did not exit; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap()
}

/// A `$BROWSER` that writes the URL it was given to a file next to it.
fn browser_script(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("browser.sh");
    let out = dir.join("opened-url");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{}.tmp' && mv '{0}.tmp' '{0}'\n",
            out.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

/// How many groups the built-in registry has: the header's total.
fn builtin_groups() -> usize {
    townhall::registry::load(&townhall::registry::Sources::builtin_only())
        .registry
        .groups
        .len()
}

/// The header with no filter: every built-in group shown.
fn all_groups() -> String {
    let n = builtin_groups();
    format!("{n} / {n} groups")
}

#[test]
fn z_on_the_archived_serverless_wg_says_so_and_opens_nothing() {
    let mut s = Session::start(120, 40);
    s.wait_for(&all_groups());
    s.send("/cloudevents");
    s.wait_for("filter: cloudevents");
    s.send("\r");
    s.wait_for("project: Cloud");
    s.send("z");
    s.wait_for("Serverless Working Group: no longer held (archived)");
    assert!(!s.recorded_url().exists(), "no browser for a dead call");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn search_enter_z_opens_sig_autoscalings_zoom_link_through_browser() {
    let mut s = Session::start(120, 40);
    s.wait_for(&all_groups());
    s.send("/sig autoscaling");
    s.wait_for("filter: sig autoscaling");
    s.send("\r");
    s.wait_for("96548204174");
    s.send("z");
    assert_eq!(s.opened_url(), "https://zoom.us/j/96548204174");
    s.wait_for("opened https://zoom.us/j/96548204174");
    s.send("q");
    assert!(s.wait_exit().success());
}

/// The link picker narrows as a title is typed, and Enter opens what is left at the top.
#[test]
fn typing_part_of_a_link_title_in_the_picker_opens_that_link() {
    let mut s = Session::start(120, 40);
    s.wait_for(&all_groups());
    s.send("/sig autoscaling");
    s.wait_for("filter: sig autoscaling");
    s.send("\r");
    s.wait_for("96548204174");
    s.send("o");
    s.wait_for("type to filter");
    s.send("chat #sig");
    s.wait_for("> chat #sig");
    s.send("\r");
    let url = s.opened_url();
    assert!(
        url.contains("slack.com") && url.contains("sig-autoscaling"),
        "{url}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn question_mark_shows_the_help() {
    let mut s = Session::start(120, 40);
    s.wait_for("? help");
    s.send("?");
    s.wait_for("Help —");
    s.wait_for("join the next meeting");
    s.send("?");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn q_exits_zero_and_leaves_the_alternate_screen() {
    let mut s = Session::start(100, 30);
    s.wait_for("groups");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.send("q");
    assert!(s.wait_exit().success());
    let start = Instant::now();
    while s.screen.lock().unwrap().screen().alternate_screen() {
        assert!(start.elapsed() < DEADLINE, "still on the alternate screen");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn resizing_to_30x8_and_back_does_not_crash() {
    let mut s = Session::start(120, 40);
    s.wait_for(&all_groups());
    s.resize(30, 8);
    s.wait_for("too small");
    s.resize(120, 40);
    s.wait_for(&all_groups());
    s.send("\x03");
    assert!(s.wait_exit().success(), "Ctrl-C quits cleanly");
}

#[test]
fn favorites_and_the_selection_survive_a_restart() {
    let mut s = Session::start(120, 40);
    s.wait_for(&all_groups());
    s.send("jj");
    s.send("f");
    s.wait_for("is a favorite");
    s.send("q");
    assert!(s.wait_exit().success());
    let dir = Rc::clone(&s.dir);
    drop(s);
    let mut again = Session::start_in(dir, 120, 40);
    again.wait_for("★");
    // The detail pane shows the group selected when the first session quit (third row).
    again.wait_for("TAG Infrastructure  (cncf-tag-infrastructure)");
    again.send("F");
    again.wait_for(&format!("Favorites · 1 / {} groups", builtin_groups()));
    again.send("q");
    assert!(again.wait_exit().success());
}

/// The foreground colours on screen, as ANSI indices.
fn colours(s: &Session) -> std::collections::BTreeSet<u8> {
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let mut found = std::collections::BTreeSet::new();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            if let Some(cell) = screen.cell(row, col)
                && let vt100::Color::Idx(i) = cell.fgcolor()
            {
                found.insert(i);
            }
        }
    }
    found
}

const YELLOWS_AND_CYANS: [u8; 4] = [3, 6, 11, 14];

#[test]
fn a_light_theme_in_config_draws_without_yellow_or_cyan() {
    let dir = Rc::new(tempfile::tempdir().unwrap());
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/config.yaml"), "theme: light\n").unwrap();
    let mut s = Session::start_with(Rc::clone(&dir), (120, 40), &[]);
    s.wait_for(&all_groups());
    let light = colours(&s);
    assert!(light.contains(&4), "blue titles: {light:?}");
    assert!(
        light.iter().all(|c| !YELLOWS_AND_CYANS.contains(c)),
        "{light:?}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
    drop(s);
    // The dark palette, for comparison, does use them.
    let dark = Session::start(120, 40);
    dark.wait_for(&all_groups());
    assert!(colours(&dark).contains(&6), "{:?}", colours(&dark));
}

#[test]
fn color_never_draws_with_modifiers_only() {
    let dir = Rc::new(tempfile::tempdir().unwrap());
    let mut s = Session::start_with(dir, (120, 40), &["--color", "never"]);
    s.wait_for(&all_groups());
    assert_eq!(colours(&s), Default::default());
    s.send("q");
    assert!(s.wait_exit().success());
}

#[path = "support/server.rs"]
mod server;

/// A home whose config moves every catalog source to `server`, which serves a kubevirt-style
/// file for each (so a sync lands groups that the built-in data doesn't have).
fn home_with_sources(server: &server::Server, max_age: &str) -> Rc<tempfile::TempDir> {
    let dir = tempfile::tempdir().unwrap();
    let kubevirt = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/foreign/kubevirt-sigs.yaml"),
    )
    .unwrap();
    let mut config = format!("sync: {{ max_age: {max_age}, timeout: 20s }}\nsources:\n");
    for id in [
        "kubernetes",
        "opentelemetry",
        "cncf-tags",
        "cloudfoundry",
        "kubeflow",
        "kubernetes-calendar",
        "opentelemetry-calendar",
        "cloudfoundry-calendar",
    ] {
        server.set(&format!("/{id}"), server::Reply::Status(404));
        config.push_str(&format!(
            "  - {{ id: {id}, url: \"{}\" }}\n",
            server.url(&format!("/{id}"))
        ));
    }
    server.set("/kubevirt", server::Reply::file(kubevirt, "\"kv\""));
    config.push_str(&format!(
        "  - {{ id: kubevirt, url: \"{}\" }}\n",
        server.url("/kubevirt")
    ));
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/config.yaml"), config).unwrap();
    Rc::new(dir)
}

#[test]
fn r_syncs_in_the_background_and_the_list_refreshes_keeping_the_filter() {
    let server = server::Server::start();
    let dir = home_with_sources(&server, "3650d");
    let mut s = Session::launch(dir, (120, 40), "2026-12-21T00:00:00Z", &[], &[]);
    s.wait_for("data: built-in, 4 weeks old");
    assert!(
        server.requests().is_empty(),
        "not stale enough to sync by itself"
    );
    s.send("/compute");
    s.wait_for("filter: compute");
    s.send("\r");
    s.wait_for("(kubernetes-sig-cloud-provider)");
    assert!(
        !s.text().contains("Kube SIG"),
        "no KubeVirt group before the sync"
    );
    s.send("R");
    s.wait_for("synced: 1 updated, 0 unchanged, 8 failed");
    // KubeVirt's SIG Compute is now listed under the same filter, and the group that was
    // selected still is.
    s.wait_for("filter: compute");
    s.wait_for("Kube SIG    SIG Compute");
    assert!(
        s.text().contains("(kubernetes-sig-cloud-provider)"),
        "{}",
        s.text()
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn old_data_syncs_by_itself_and_a_failure_is_one_quiet_line() {
    let server = server::Server::start();
    let dir = home_with_sources(&server, "7d");
    let mut s = Session::launch(dir, (120, 40), "2026-12-21T00:00:00Z", &[], &[]);
    s.wait_for("background sync: 8 source(s) failed");
    s.wait_for("data: built-in, 4 weeks old");
    assert!(!server.requests_to("/kubevirt").is_empty());
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn offline_the_browser_starts_no_sync_even_when_the_data_is_old() {
    let server = server::Server::start();
    let dir = home_with_sources(&server, "7d");
    let mut s = Session::launch(
        dir,
        (120, 40),
        "2026-12-21T00:00:00Z",
        &[],
        &[("TOWNHALL_OFFLINE", "1")],
    );
    s.wait_for("data: built-in, 4 weeks old");
    s.send("R");
    s.wait_for("offline (--offline or TOWNHALL_OFFLINE): nothing is synced");
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(server.requests().is_empty(), "{:?}", server.requests());
}

/// Loading warnings never reach the terminal: not before the browser starts (the main
/// screen, seen after quitting, stays clean) nor over it; the status line counts them and
/// `!` lists them.
#[test]
fn warnings_stay_off_the_screen_until_bang_shows_them() {
    let dir = Rc::new(tempfile::tempdir().unwrap());
    // Copied to a short path: each warning starts with the file's name, and from a checkout
    // deep enough the words waited for below would wrap onto the next line.
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/foreign/kubevirt-sigs.yaml");
    let file = dir.path().join("kubevirt-sigs.yaml");
    std::fs::copy(source, &file).unwrap();
    let file = file.to_str().unwrap().to_string();
    let mut s = Session::start_with(dir, (120, 40), &["--no-builtin", "--registry", &file]);
    s.wait_for("2 / 2 groups");
    s.wait_for("6 warnings: ! shows them");
    assert!(!s.text().contains("lists no chat channel"), "{}", s.text());
    // Only the named file is loaded: no built-in data, so no data age to tell.
    assert!(!s.text().contains("data:"), "{}", s.text());
    s.send("!");
    s.wait_for("6 warnings —");
    s.wait_for("WG 123 lists no chat channel");
    s.wait_for("unknown key `colour` in a SIG");
    s.send("!");
    s.wait_for("6 warnings: ! shows them");
    assert!(!s.text().contains("lists no chat channel"), "{}", s.text());
    s.send("R");
    s.wait_for("--no-builtin loads only the files named, so nothing is synced");
    s.send("q");
    assert!(s.wait_exit().success());
    let main = s.text();
    assert!(
        !main.contains("warning"),
        "printed before the browser:\n{main}"
    );
}

/// Keys typed the moment the first frame shows, while a large registry's search is still
/// being prepared, wait for it and then all count, in order.
#[test]
fn keys_typed_before_the_search_is_ready_are_all_answered_in_order() {
    let dir = Rc::new(tempfile::tempdir().unwrap());
    let mut yaml = String::from("community:\n  id: many\n  name: Many Groups\n\ngroups:\n");
    for n in 0..3000 {
        let name = if n == 2718 {
            "Zebra Crossing".to_string()
        } else {
            format!("Group Number {n}")
        };
        yaml.push_str(&format!(
            "  - id: many-{n}\n    name: {name}\n    status: active\n    \
             mission: Keeps the numbered things of part {n} in order.\n"
        ));
    }
    let file = dir.path().join("many.yaml");
    std::fs::write(&file, yaml).unwrap();
    let file = file.to_str().unwrap().to_string();
    let mut s = Session::start_with(dir, (120, 40), &["--no-builtin", "--registry", &file]);
    s.wait_for("3000 / 3000 groups");
    // `/` goes through at once; the typing waits for the search; Enter leaves the search
    // keeping the filter, and `j` then finds nothing below the one match.
    s.send("/zebra\rj");
    s.wait_for("1 / 3000 groups · filter: zebra");
    s.wait_for("Zebra Crossing  (many-2718)");
    assert!(!s.text().contains("preparing the search"), "{}", s.text());
    s.send("q");
    assert!(s.wait_exit().success());
}
