//! Every file in tests/invalid has exactly one problem, announced in its first line as
//! `# expect: LINE:COLUMN: message`; validation must report exactly that, and nothing else.

use std::fs;
use std::path::Path;

use townhall::registry::{self, Sources};

fn expected(text: &str) -> &str {
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("# expect: "))
        .expect("first line is `# expect: LINE:COLUMN: message`")
}

#[test]
fn each_broken_file_reports_its_one_problem_with_position() {
    let dir = Path::new("tests/invalid");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let loaded = registry::load(&Sources {
            builtin: false,
            user_dir: None,
            paths: vec![path.clone()],
            format: None,
            ..Sources::default()
        });
        // Link-health warnings (no chat, no meeting) are beside the point of these files.
        let got: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.to_string())
            .collect();
        let want = format!("{}:{}", path.display(), expected(&text));
        if got != [want.clone()] || !loaded.has_errors() {
            wrong.push(format!("want {want}\n got {got:?}"));
        }
        checked += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 15, "only {checked} broken files");
}

#[test]
fn the_valid_examples_load_without_problems() {
    let loaded = registry::load(&Sources {
        builtin: false,
        user_dir: None,
        paths: vec!["tests/valid".into()],
        format: None,
        ..Sources::default()
    });
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(!loaded.registry.groups.is_empty());
}

#[test]
fn several_problems_in_one_file_are_all_reported() {
    let text = "community:\n  id: ex\n  name: Ex\ngroups:\n  - id: a\n    name: A\n    misson: x\n  - id: b\n    name: ''\n    status: gone\n  - id: c\n    name: C\n    links: [{title: T, url: 'file:///etc/passwd'}]\n";
    let checked = registry::validate::check("multi.yaml", text);
    let got: Vec<String> = checked
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect();
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(
        got[0].starts_with("multi.yaml:7:5: unknown key `misson`"),
        "{got:#?}"
    );
    assert!(
        got[1].starts_with("multi.yaml:10:13: unknown variant `gone`"),
        "{got:#?}"
    );
    assert!(
        got[2].starts_with("multi.yaml:13:29: \"file:///etc/passwd\" uses the scheme `file:`"),
        "{got:#?}"
    );
}

#[test]
fn every_other_week_without_an_anchor_is_valid_but_warned_about_at_its_interval() {
    let file = |schedule: &str| {
        format!(
            "community: {{ id: ex, name: Ex }}\ngroups:\n  - id: ex-wg\n    name: Ex WG\n    meetings:\n      - title: Call\n        published: Every other Wednesday\n        schedule:\n          every: week\n          interval: 2\n          on: [wednesday]\n          at: \"09:00\"\n          zone: UTC\n{schedule}"
        )
    };
    let checked = registry::validate::check("biweekly.yaml", &file(""));
    let got: Vec<String> = checked
        .problems
        .iter()
        .filter(|p| !p.message.contains("lists no chat"))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with("biweekly.yaml:10:21: warning: townhall can't tell which weeks"),
        "{got:#?}"
    );
    assert!(got[0].ends_with("add `anchor: YYYY-MM-DD` (the date of one meeting)"));
    assert!(checked.problems.iter().all(|p| !p.is_error()));

    let anchored =
        registry::validate::check("anchored.yaml", &file("          anchor: \"2026-01-14\"\n"));
    let anchored: Vec<&str> = anchored
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(anchored, ["Ex WG lists no chat channel"]);
}
