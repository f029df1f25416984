//! Families 6 and 7: what used to be dropped or accepted in silence, and messages that did
//! not say where or why. Each must name the file, the line and, where two places are
//! involved, both.

use std::ffi::OsString;

use crate::support::{Home, fixture, registry};

fn validate(home: &Home, file: &std::path::Path) -> crate::support::Run {
    let run = home.run([OsString::from("validate"), file.into()]);
    run.assert_inert();
    run
}

fn named(file: &str) -> String {
    fixture(file).to_string_lossy().into_owned()
}

#[test]
fn a_second_document_is_an_error_naming_both() {
    let home = Home::new();
    let run = validate(&home, &fixture("two-documents.yaml"));
    assert_eq!(run.code(), Some(1));
    let expected = format!(
        "{}:7:1: YAML syntax error: a second YAML document starts here; a registry file holds one (the first starts on line 1)",
        named("two-documents.yaml")
    );
    assert!(run.out().starts_with(&expected), "{}", run.out());
}

#[test]
fn cycles_and_self_references_are_errors_naming_both_places() {
    let home = Home::new();
    let run = validate(&home, &fixture("cycle.yaml"));
    assert_eq!(run.code(), Some(1));
    let file = named("cycle.yaml");
    let out = run.out();
    assert!(
        out.contains(&format!(
            "{file}:8:16: successors go round in a circle: h-a → h-b → h-a (h-b's successor is at {file}:12:16)"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{file}:15:13: parent of `h-self` is the group itself"
        )),
        "{out}"
    );
}

#[test]
fn another_community_cannot_take_over_a_built_in_group() {
    let home = Home::new();
    let run = home.run([
        OsString::from("--registry"),
        fixture("takeover.yaml").into(),
        "show".into(),
        "cf-toc".into(),
    ]);
    run.assert_inert();
    assert_eq!(run.code(), Some(2), "a broken registry stops the command");
    let err = run.err();
    assert!(
        err.contains(&format!(
            "{}:6:9: group id `cf-toc` is already used by community `cloudfoundry` at data/cloudfoundry.yaml (built in):",
            named("takeover.yaml")
        )),
        "{err}"
    );
    assert!(!run.out().contains("passwords"));
    // The same community may still fix its own group, as the README promises.
    let fix = home.file("fix.yaml", "community:\n  id: cloudfoundry\n  name: Cloud Foundry\ngroups:\n  - id: cf-toc\n    name: TOC (fixed)\n");
    let run = home.run([
        OsString::from("--registry"),
        fix.into(),
        "show".into(),
        "cf-toc".into(),
    ]);
    assert_eq!(run.code(), Some(0), "{}", run.err());
    assert!(run.out().starts_with("TOC (fixed)"));
}

#[test]
fn keys_that_are_not_text_are_errors() {
    let home = Home::new();
    for (file, line, found) in [
        ("null-key.yaml", 4, "nothing (null)"),
        ("list-key.yaml", 4, "a list"),
    ] {
        let run = validate(&home, &fixture(file));
        assert_eq!(run.code(), Some(1));
        let expected = format!("{}:{line}:", named(file));
        assert!(run.out().starts_with(&expected), "{}", run.out());
        assert!(
            run.out()
                .contains(&format!("a key must be text, found {found}")),
            "{}",
            run.out()
        );
    }
}

#[test]
fn a_group_copied_by_an_alias_is_reported_at_the_copy() {
    let home = Home::new();
    let run = validate(&home, &fixture("alias-copy.yaml"));
    assert!(
        run.out().contains(&format!(
            "{}:8:5: duplicate group id `h-copied` (first defined on line 6)",
            named("alias-copy.yaml")
        )),
        "{}",
        run.out()
    );
}

#[test]
fn encodings_are_named_where_they_go_wrong() {
    let home = Home::new();
    let text = registry("  - id: h-one\n    name: One\n");
    let bom = home.file("bom.yaml", [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat());
    let run = validate(&home, &bom);
    assert_eq!(
        run.code(),
        Some(0),
        "a UTF-8 byte order mark is fine: {}",
        run.out()
    );

    let mut bytes = registry("  - id: h-one\n    name: J@rg\n").into_bytes();
    bytes
        .iter_mut()
        .filter(|b| **b == b'@')
        .for_each(|b| *b = 0xF6);
    let latin1 = home.file("latin1.yaml", bytes);
    let run = validate(&home, &latin1);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.out().starts_with(&format!(
            "{}:6:12: not UTF-8: byte 0xF6 here (Latin-1 or Windows-1252?",
            latin1.display()
        )),
        "{}",
        run.out()
    );

    for (name, bytes) in [
        (
            "le.yaml",
            [&[0xFF, 0xFE][..], &utf16(&text, u16::to_le_bytes)].concat(),
        ),
        (
            "be.yaml",
            [&[0xFE, 0xFF][..], &utf16(&text, u16::to_be_bytes)].concat(),
        ),
        ("bare.yaml", utf16(&text, u16::to_le_bytes)),
    ] {
        let file = home.file(name, bytes);
        let run = validate(&home, &file);
        assert_eq!(run.code(), Some(1));
        assert!(
            run.out()
                .contains("the file is UTF-16 text; townhall reads UTF-8"),
            "{name}: {}",
            run.out()
        );
    }
}

fn utf16(text: &str, bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    text.encode_utf16().flat_map(bytes).collect()
}

#[test]
fn a_limit_of_zero_is_a_usage_error_not_no_match() {
    let home = Home::new();
    let run = home.run(["search", "cloud", "--limit", "0"]);
    run.assert_inert();
    assert_eq!(run.code(), Some(2));
    assert!(run.err().contains("must be at least 1"), "{}", run.err());
    assert!(!run.err().contains("no group matches"));
}

#[test]
fn a_lookalike_host_is_flagged_and_shown_as_punycode() {
    let home = Home::new();
    let file = fixture("idn.yaml");
    let run = validate(&home, &file);
    assert!(
        run.out().contains("names its host in non-ASCII letters"),
        "{}",
        run.out()
    );
    assert!(
        run.out().contains("https://xn--pple-43d.example/login"),
        "{}",
        run.out()
    );
    let shown = home.run([
        OsString::from("--registry"),
        file.into(),
        "show".into(),
        "h-idn".into(),
    ]);
    assert!(
        shown.out().contains("https://xn--pple-43d.example/login"),
        "{}",
        shown.out()
    );
    assert!(!shown.out().contains('\u{430}'));
}
