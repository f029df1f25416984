//! Property tests over generated input, each bounded by a case count and a time budget
//! (whichever comes first) and reporting how many inputs ran. They call the library
//! directly: the YAML-to-model path (`registry::load::load_inputs`, every format) and the
//! free-text meeting-time reader (`formats::published`).

#![allow(clippy::disallowed_macros)] // the counts are the report

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use townhall::formats::published::{Reading, Unreadable, from_fields, from_sentence};
use townhall::registry::load::{Input, load_inputs};

const CASES: u32 = 10_000;
const BUDGET: Duration = Duration::from_secs(20);

/// Runs `test` on up to `CASES` inputs or for `BUDGET`, and returns how many ran.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value)) -> usize
where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    let ran = AtomicUsize::new(0);
    let start = Instant::now();
    TestRunner::new(config)
        .run(&strategy, |value| {
            if start.elapsed() < BUDGET {
                ran.fetch_add(1, Ordering::Relaxed);
                test(value);
            }
            Ok(())
        })
        .unwrap();
    let ran = ran.into_inner();
    println!("fuzz {name}: {ran} inputs in {:.1?}", start.elapsed());
    ran
}

/// Pieces hostile YAML is made of: structure, the model's keys, the foreign formats' keys,
/// anchors and aliases, and characters that should never survive.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\n",
        "\n  ",
        "\n    ",
        "\n      ",
        "- ",
        ": ",
        ", ",
        "[",
        "]",
        "{",
        "}",
        "? ",
        "---\n",
        "...\n",
        "&a ",
        "*a",
        "&b ",
        "*b",
        "'",
        "\"",
        "#",
        "|\n",
        ">-\n",
        "~",
        "null",
        "true",
        "42",
        "-1",
        "1e9",
        "community",
        "groups",
        "id",
        "name",
        "status",
        "kind",
        "successor",
        "parent",
        "mission",
        "goals",
        "leads",
        "github",
        "chat",
        "channel",
        "meetings",
        "title",
        "published",
        "schedule",
        "every",
        "week",
        "month",
        "once",
        "on",
        "at",
        "zone",
        "anchor",
        "interval",
        "minutes",
        "date",
        "join",
        "projects",
        "repos",
        "owners",
        "links",
        "url",
        "sigs",
        "workinggroups",
        "dir",
        "mission_statement",
        "day",
        "time",
        "tz",
        "frequency",
        "tags",
        "people",
        "resources",
        "renamed",
        "dissolved",
        "sig",
        "thursday",
        "2nd tuesday",
        "last friday",
        "09:00",
        "25:61",
        "America/Los_Angeles",
        "UTC",
        "PT",
        "2026-02-30",
        "https://zoom.us/j/1",
        "javascript:x",
        "https://\u{430}pple.example",
        "a/b",
        "\u{1b}]52;c;eA==\u{7}",
        "\u{1b}[2J",
        "\u{9b}",
        "\u{202e}",
        "\u{200b}",
        "\u{e0041}",
        "\u{2028}",
        "\u{feff}",
        "\t",
        "\r",
        "\u{0}",
        "é",
        "中",
        "\\e",
        "\\u202E",
        "\\x1b",
    ])
}

fn yaml() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|p| p.concat())
}

/// A valid file with a few pieces spliced in at chosen places.
fn mutated() -> impl Strategy<Value = String> {
    const BASE: &str = "community:\n  id: fz\n  name: Fuzz\ngroups:\n  - id: fz-a\n    name: A\n    status: renamed\n    successor: fz-b\n    meetings:\n      - title: Call\n        published: Tuesdays 9:00 PT\n        schedule: { every: week, interval: 2, anchor: \"2026-01-06\", on: [tuesday], at: \"09:00\", zone: America/Los_Angeles }\n  - id: fz-b\n    name: B\n    parent: fz-a\n";
    prop::collection::vec((0..BASE.len(), piece()), 1..8).prop_map(|edits| {
        let mut text = BASE.to_string();
        for (at, piece) in edits {
            let at = (0..=at.min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text.insert_str(at, piece);
        }
        text
    })
}

/// Nothing in the model or the messages can act on a terminal or hide text.
fn check_loaded(text: String) {
    let loaded = load_inputs(&[Input::new("fuzz.yaml", text)]);
    for p in &loaded.problems {
        let line = townhall::untrusted::one_line(p);
        assert!(
            !line
                .chars()
                .any(|c| c.is_control() || townhall::untrusted::is_invisible(c)),
            "{line:?}"
        );
    }
    let model = serde_json::to_value(&loaded.registry.groups).unwrap();
    walk(&model);
}

fn walk(value: &serde_json::Value) {
    match value {
        serde_json::Value::String(s) => assert!(
            !s.chars()
                .any(|c| (c.is_control() && c != '\n') || townhall::untrusted::is_invisible(c)),
            "{s:?}"
        ),
        serde_json::Value::Array(items) => items.iter().for_each(walk),
        serde_json::Value::Object(map) => map.values().for_each(walk),
        _ => {}
    }
}

#[test]
fn generated_yaml_loads_or_fails_cleanly() {
    let ran = fuzz("yaml pieces", yaml(), check_loaded);
    assert!(ran > 0);
    let ran = fuzz("yaml mutations", mutated(), check_loaded);
    assert!(ran > 0);
}

fn words() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "every",
        "other",
        "second",
        "third",
        "fourth",
        "last",
        "of",
        "the",
        "month",
        "week",
        "weeks",
        "biweekly",
        "weekly",
        "monthly",
        "Tuesday",
        "Thursdays",
        "Mon",
        "and",
        "alternating",
        "between",
        "at",
        "9",
        "9:00",
        "09:00",
        "12:30",
        "9AM",
        "9:30pm",
        "noon",
        "24:00",
        "99:99",
        "PT",
        "ET",
        "UTC",
        "UTC+8",
        "UTC-13",
        "GMT+14",
        "CET",
        "America/New_York",
        "Mars/Base",
        "(",
        ")",
        ",",
        ".",
        "-",
        "/",
        "1st",
        "31st",
        "0th",
        "\u{1b}[2J",
        "\u{202e}",
        "é",
        "",
        " ",
    ]);
    prop::collection::vec(word, 0..16).prop_map(|w| w.join(" "))
}

/// What the reader returns is either a reason or schedules townhall can compute with.
fn check_specs(readings: Result<Vec<Reading>, Unreadable>) {
    match readings {
        Ok(readings) => {
            for reading in readings {
                if let Err(e) = reading.rule {
                    panic!(
                        "the reader wrote a schedule it cannot use: {:?}: {e}",
                        reading.spec
                    );
                }
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

#[test]
fn generated_meeting_times_read_or_say_why() {
    let ran = fuzz("published sentences", words(), |text| {
        check_specs(from_sentence(&text))
    });
    assert!(ran > 0);
    let fields = (words(), words(), words(), words());
    let ran = fuzz("published fields", fields, |(day, time, tz, frequency)| {
        check_specs(from_fields(
            Some(&day),
            Some(&time),
            Some(&tz),
            Some(&frequency),
        ));
    });
    assert!(ran > 0);
}
