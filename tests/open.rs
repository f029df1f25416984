//! `townhall open`: what reaches `$BROWSER`, what `--print` prints, and when nothing is opened.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::prelude::*;
use predicates::str::contains;

const SLACK: &str = "https://cloud-native.slack.com/archives/C08JZ9YLAA3";

fn townhall(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("townhall").unwrap();
    cmd.env("TOWNHALL_CONFIG_DIR", dir.join("config"))
        .env("TOWNHALL_DATA_DIR", dir.join("data"))
        // Loading snapshots go to a folder of the tests' own, never the user's cache.
        .env(
            "TOWNHALL_CACHE_DIR",
            std::env::temp_dir().join("townhall-tests-cache"),
        )
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    cmd
}

fn executable(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A `$BROWSER` that writes its argument count and arguments, one a line, into a FIFO; the
/// returned channel gets what it wrote. townhall doesn't wait for its browser, so the FIFO
/// (read on a thread, received with a deadline) is how the test knows the logger has run.
fn logging_browser(dir: &Path) -> (PathBuf, mpsc::Receiver<String>) {
    let fifo = dir.join("browser.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let script = dir.join("browser.sh");
    executable(
        &script,
        &format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{}'\n",
            fifo.display()
        ),
    );
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        if let Ok(text) = std::fs::read_to_string(&fifo) {
            let _ = tx.send(text);
        }
    });
    (script, rx)
}

#[test]
fn chat_hands_exactly_the_slack_url_to_browser() {
    let dir = tempfile::tempdir().unwrap();
    let (browser, logged) = logging_browser(dir.path());
    townhall(dir.path())
        .env("BROWSER", &browser)
        .args(["open", "cncf-tag-security-and-compliance", "chat"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains(SLACK));
    let got = logged
        .recv_timeout(Duration::from_secs(20))
        .expect("the browser script ran");
    assert_eq!(got, format!("1\n{SLACK}\n"));
}

#[test]
fn browser_arguments_come_before_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let (browser, logged) = logging_browser(dir.path());
    townhall(dir.path())
        .env("BROWSER", format!("{} --new-tab", browser.display()))
        .args(["open", "cncf-tag-security-and-compliance", "list"])
        .assert()
        .success();
    let got = logged.recv_timeout(Duration::from_secs(20)).unwrap();
    assert_eq!(
        got,
        "2\n--new-tab\nhttps://lists.cncf.io/g/cncf-tag-security-and-compliance\n"
    );
}

#[test]
fn print_prints_the_url_and_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened");
    let browser = dir.path().join("browser.sh");
    executable(
        &browser,
        &format!("#!/bin/sh\necho \"$@\" > '{}'\n", log.display()),
    );
    townhall(dir.path())
        .env("BROWSER", &browser)
        .args([
            "open",
            "cncf-tag-security-and-compliance",
            "chat",
            "--print",
        ])
        .assert()
        .success()
        .stdout(format!("{SLACK}\n"));
    // Join by default: App Runtime Deployments' Zoom room.
    townhall(dir.path())
        .args(["open", "cf-app-runtime-deployments", "--print"])
        .assert()
        .success()
        .stdout("https://zoom.us/j/97528090021?pwd=TWU4c0NEMlRvUVAxMjRwMGtpSUhTQT09\n");
    // A number as `show` prints it.
    let show = townhall(dir.path())
        .args(["show", "cncf-wg-serverless"])
        .output()
        .unwrap();
    let show = String::from_utf8(show.stdout).unwrap();
    let third = show
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("3 "))
        .expect("show numbers its links");
    let url = third.rsplit("  ").next().unwrap();
    townhall(dir.path())
        .args(["open", "cncf-wg-serverless", "3", "--print"])
        .assert()
        .success()
        .stdout(format!("{url}\n"));
    assert!(!log.exists(), "--print never starts the browser");
}

#[test]
fn unknown_ids_missing_links_and_gone_groups_exit_1_without_opening() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened");
    let browser = dir.path().join("browser.sh");
    executable(
        &browser,
        &format!("#!/bin/sh\necho \"$@\" > '{}'\n", log.display()),
    );
    let run = |args: &[&str]| {
        townhall(dir.path())
            .env("BROWSER", &browser)
            .args(args)
            .assert()
            .code(1)
            .stdout("")
    };
    run(&["open", "no-such-group"]).stderr(contains("no group with id `no-such-group`"));
    let bare = dir.path().join("bare.yaml");
    std::fs::write(
        &bare,
        "community: { id: t, name: T }\ngroups:\n  - { id: t-bare, name: Bare }\n",
    )
    .unwrap();
    let bare = bare.to_str().unwrap();
    run(&["--registry", bare, "open", "t-bare", "charter"]).stderr(contains(
        "Bare (t-bare) lists no charter (`townhall show t-bare` has what it lists)",
    ));
    run(&["--registry", bare, "open", "t-bare"]).stderr(contains(
        "Bare (t-bare) lists no call link for its meetings",
    ));
    run(&["--registry", bare, "open", "t-bare", "1"])
        .stderr(contains("Bare (t-bare) lists no links"));
    run(&["open", "cncf-wg-serverless", "999"]).stderr(contains("has links 1 to"));
    run(&["open", "cf-service-management"])
        .stderr(contains(
            "Service Management is dissolved → cf-foundational-infrastructure",
        ))
        .stderr(contains(
            "(`townhall open cf-foundational-infrastructure` for the group that took over): it no longer meets, so there is no call to join",
        ));
    // An archived group's listed call is history, not a meeting to join.
    run(&["open", "cncf-wg-serverless", "--print"])
        .stderr(contains("Serverless Working Group is archived"))
        .stderr(contains("no call to join"));
    townhall(dir.path())
        .args(["open", "cncf-wg-serverless", "zoom"])
        .assert()
        .code(2)
        .stderr(contains("`zoom` is not a link to open"));
    assert!(!log.exists(), "nothing was handed to the browser");
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_browser_the_link_is_printed_for_copying() {
    let dir = tempfile::tempdir().unwrap();
    townhall(dir.path())
        .env_remove("BROWSER")
        .args(["open", "cncf-tag-security-and-compliance", "chat"])
        .assert()
        .code(1)
        .stderr(contains("set $BROWSER"))
        .stderr(contains(SLACK));
}
