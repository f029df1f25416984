//! Families 1 and 2: escape sequences and invisible characters from every kind of input,
//! through every command that prints.

use std::ffi::OsString;

use crate::support::{Home, fixture};

const OSC52: &str = "\u{1b}]52;c;eA==\u{7}";
/// How the OSC 52 above reads once escaped: the value is shown, not dropped.
const SHOWN: &str = "\\u{1b}]52;c;eA==\\u{7}";

#[test]
fn warnings_about_a_foreign_file_show_its_escapes() {
    let home = Home::new();
    let file = fixture("escapes-sigs.yaml");
    for args in [
        vec!["--no-builtin", "--registry"],
        vec!["validate", "--no-builtin"],
    ] {
        let mut args: Vec<OsString> = args.into_iter().map(OsString::from).collect();
        args.push(file.clone().into());
        if args[0] == "--no-builtin" {
            args.push("list".into());
        }
        let run = home.run(&args);
        run.assert_inert();
        let all = run.out() + &run.err();
        if args[0] == "validate" {
            assert!(
                all.contains("unknown key `\\u{1b}]52;c;cHduZWQ=\\u{7}`"),
                "{all}"
            );
        } else {
            // Other commands sum a file's many warnings up in one line that names it.
            assert!(
                all.contains("warnings in") && all.contains("escapes-sigs.yaml"),
                "{all}"
            );
        }
    }
    for command in [
        &["show", "evil-sig-evil"][..],
        &["show", "evil-sig-evil", "--json"],
        &["list", "--json"],
        &["search", "evil"],
        &["upcoming", "--json"],
    ] {
        let mut args: Vec<OsString> = vec![
            "--no-builtin".into(),
            "--registry".into(),
            file.clone().into(),
        ];
        args.extend(command.iter().map(OsString::from));
        home.run(&args).assert_inert();
    }
}

#[test]
fn every_checked_value_is_quoted_back_escaped() {
    let home = Home::new();
    let run = home.run([
        OsString::from("validate"),
        fixture("escapes-values.yaml").into(),
    ]);
    run.assert_inert();
    assert_eq!(run.code(), Some(1));
    let out = run.out();
    // status, kind, successor, parent, every, weekday, ordinal, zone, time, anchor, repo,
    // github, link, duplicate id and unknown key: each message quotes its value.
    assert!(out.matches("]52;c;eA==").count() >= 12, "{out}");
    for line in out.lines() {
        assert!(
            line.starts_with(&*fixture("escapes-values.yaml").to_string_lossy()),
            "{line}"
        );
    }
    let run = home.run([
        OsString::from("validate"),
        fixture("escapes-duplicate-key.yaml").into(),
    ]);
    run.assert_inert();
    assert!(
        run.out().contains(&format!("duplicate key `short{SHOWN}`")),
        "{}",
        run.out()
    );
}

#[test]
fn values_typed_on_the_command_line_are_echoed_escaped() {
    let home = Home::new();
    let cases: &[&[&str]] = &[
        &["show", OSC52],
        &["ics", OSC52],
        &["owner", OSC52],
        &["search", OSC52],
        &["--community", OSC52, "list"],
        &["--tz", OSC52, "list"],
        &["--now", OSC52, "list"],
        &["--format", OSC52, "list"],
        &["--registry", OSC52, "list"],
        &["import", "kubernetes", OSC52],
        &["upcoming", "--days", OSC52],
        &[OSC52],
    ];
    for args in cases {
        let run = home.run(*args);
        run.assert_inert();
        assert_ne!(run.code(), Some(0), "{args:?}");
        assert!(
            run.err().contains("]52;c;eA=="),
            "{args:?} said {}",
            run.err()
        );
    }
}

#[test]
fn file_names_and_environment_are_escaped() {
    let home = Home::new();
    let name = format!("evil{OSC52}\u{202E}.yaml");
    let file = home.file(
        &name,
        crate::support::registry("  - id: h-one\n    name: One\n"),
    );
    let run = home.run([OsString::from("validate"), file.into()]);
    run.assert_inert();
    assert!(
        run.out().contains(&format!("evil{SHOWN}\\u{{202e}}.yaml")),
        "{}",
        run.out()
    );

    let cmd_home = Home::named(&format!("state{OSC52}\u{2066}"));
    for args in [&["paths"][..], &["paths", "--json"]] {
        let run = cmd_home.run(args);
        run.assert_inert();
        assert!(run.out().contains("]52;c;eA=="), "{}", run.out());
    }
    let json = cmd_home.run(["paths", "--json"]).out();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        back["data"]
            .as_str()
            .unwrap()
            .contains(&format!("{OSC52}\u{2066}")),
        "JSON keeps the exact text"
    );
}

#[test]
fn invisible_characters_never_reach_any_output() {
    let home = Home::new();
    let file = fixture("invisible.yaml");
    let run = home.run([OsString::from("validate"), file.clone().into()]);
    run.assert_inert();
    assert!(
        run.out()
            .contains("control or invisible character '\\u{61c}'"),
        "{}",
        run.out()
    );
    for command in [
        &["show", "h-invisible"][..],
        &["show", "h-invisible", "--json"],
        &["list"],
        &["list", "--json"],
        &["search", "invisible", "--json"],
        &["upcoming", "--days", "7"],
        &["ics", "h-invisible"],
    ] {
        let mut args: Vec<OsString> = vec![
            "--now".into(),
            "2026-03-10T12:00:00Z".into(),
            "--registry".into(),
            file.clone().into(),
        ];
        args.extend(command.iter().map(OsString::from));
        let run = home.run(&args);
        run.assert_inert_but_crlf(command[0] == "ics");
        assert_eq!(run.code(), Some(0), "{command:?}: {}", run.err());
    }
    let shown = home
        .run([
            OsString::from("--registry"),
            file.into(),
            "show".into(),
            "h-invisible".into(),
        ])
        .out();
    assert!(shown.contains("Invisible Group"), "{shown}");
    assert!(
        shown.contains("Linebreak andparagraph  tags noted."),
        "{shown}"
    );
}
