//! Tables in a narrow terminal keep what matters (names before links, matched characters in
//! view), and in a pipe nothing is cut, whatever `COLUMNS` says. The terminal is a real
//! pseudo-terminal: the table only fits itself when standard output is one.

#![cfg(unix)]

use std::io::Read;
use std::sync::mpsc;
use std::time::Duration;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Runs townhall on an 80-column terminal and returns what it printed, with CRLF made LF.
fn in_terminal(args: &[&str]) -> String {
    in_terminal_with(args, &[])
}

/// As `in_terminal`, with environment variables set.
fn in_terminal_with(args: &[&str], env: &[(&str, &str)]) -> String {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_townhall"));
    cmd.args(args);
    let empty = std::env::temp_dir().join("townhall-tests-empty-config");
    cmd.env("TOWNHALL_CONFIG_DIR", &empty);
    cmd.env("TOWNHALL_DATA_DIR", &empty);
    // Loading snapshots go to a folder of the tests' own, never the user's cache.
    cmd.env(
        "TOWNHALL_CACHE_DIR",
        std::env::temp_dir().join("townhall-tests-cache"),
    );
    cmd.env("COLUMNS", "80");
    cmd.env_remove("NO_COLOR");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 8192];
        // Until the child is gone and the terminal says so (EOF or EIO).
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(out);
    });
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    drop(pair.master);
    let out = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the terminal's output");
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

const AGENDA: [&str; 9] = [
    "--now",
    "2026-03-10T12:00:00Z",
    "--tz",
    "Europe/Berlin",
    "--community",
    "cloudfoundry",
    "upcoming",
    "--days",
    "3",
];

#[test]
fn upcoming_at_80_columns_keeps_the_names_and_leaves_the_links_out() {
    let out = in_terminal(&[&AGENDA[..], &["--color", "never"]].concat());
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("WHEN"), "{out}");
    assert!(!lines[0].contains("JOIN"), "{out}");
    // The link goes first; the two names share what is left, cut last.
    assert!(
        lines.contains(
            &"Thu 12 Mar 17:30 CET  in 2d 4h   App Runtime Deployments  App Runtime Deploymen…"
        ),
        "{out}"
    );
    assert!(
        lines.contains(
            &"Wed 11 Mar 16:00 CET  in 1d 3h   Concourse                Concourse WG meeting"
        ),
        "{out}"
    );
    assert!(!out.contains("https://"), "{out}");
    assert!(
        out.contains("join links left out to fit the terminal"),
        "{out}"
    );
    for line in lines.iter().filter(|l| !l.starts_with("townhall: ")) {
        assert!(unicode_width::UnicodeWidthStr::width(*line) <= 80, "{line}");
    }
}

#[test]
fn a_search_match_stays_in_view_at_80_columns() {
    let out = in_terminal(&["search", "'docs-uaa", "--limit", "1"]);
    let row = out.lines().nth(1).unwrap();
    assert!(row.starts_with("cf-docs "), "{out}");
    assert!(row.contains("docs-uaa"), "{out}");
}

#[test]
fn a_pipe_gets_every_field_whole_whatever_columns_says() {
    let out = assert_cmd::Command::cargo_bin("townhall")
        .unwrap()
        .env("COLUMNS", "20")
        .args(AGENDA)
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("\tApp Runtime Deployments\tApp Runtime Deployments WG meeting\thttps://zoom.us/j/97528090021?pwd=TWU4c0NEMlRvUVAxMjRwMGtpSUhTQT09\n"),
        "{out}"
    );
    assert!(!out.contains('…'), "{out}");
}

const SEARCH: [&str; 4] = ["search", "'docs-uaa", "--limit", "1"];
const UNDERLINED: &str = "\x1b[1;4mdocs-uaa\x1b[0m";

#[test]
fn color_auto_styles_a_terminal_and_no_color_or_never_turn_it_off() {
    let styled = in_terminal(&SEARCH);
    assert!(styled.contains("\x1b[1mID\x1b[0m"), "{styled:?}");
    assert!(styled.contains(UNDERLINED), "{styled:?}");
    let never = in_terminal(&[&SEARCH[..], &["--color", "never"]].concat());
    assert!(!never.contains('\x1b'), "{never:?}");
    let no_color = in_terminal_with(&SEARCH, &[("NO_COLOR", "1")]);
    assert!(!no_color.contains('\x1b'), "{no_color:?}");
    // `always` beats NO_COLOR: the flag is the more specific wish.
    let always = in_terminal_with(
        &[&SEARCH[..], &["--color", "always"]].concat(),
        &[("NO_COLOR", "1")],
    );
    assert!(always.contains(UNDERLINED), "{always:?}");
}

#[test]
fn a_pipe_is_plain_unless_color_always() {
    let run = |extra: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("townhall")
            .unwrap()
            .env_remove("NO_COLOR")
            .args(SEARCH)
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        run(&[]),
        "cf-docs\tactive\tDocs\trepo: cloudfoundry/docs-uaa\n"
    );
    assert_eq!(
        run(&["--color", "always"]),
        format!("cf-docs\tactive\tDocs\trepo: cloudfoundry/{UNDERLINED}\n")
    );
}
